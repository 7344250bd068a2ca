"""Reading an article file exactly as committed: its text, checksum and date header."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.common.problems import RuleError
from scripts.reading.dates import DateError, parse_date

ARTICLE_ID = re.compile(r"^[0-9]{3,}_[0-9a-f]{16}$")  # 000 to 999, then 1000 and on
# Seed files may open with an inline header such as " date 2020-09-29 Fighting has ...".
DATE_HEADER = re.compile(r"^\s*date\s+(\S+)(?=\s)")


class ArticleError(RuleError):
    """An article file the project cannot take."""


@dataclass(frozen=True)
class Article:
    article_id: str
    path: Path
    text: str
    sha256: str
    header_date: date | None
    data: bytes = b""  # the file's bytes, for checking evidence offsets against many rows at once

    @property
    def n_chars(self) -> int:
        return len(self.text)


def check_article_name(path: Path) -> None:
    if path.suffix != ".txt" or not ARTICLE_ID.match(path.stem):
        raise ArticleError(
            "article-name",
            "article file names must be a number of three or more digits, an underscore and sixteen lower-case hex "
            "digits, ending in .txt (e.g. 005_0123456789abcdef.txt or 1005_0123456789abcdef.txt); "
            "`python -m scripts add FILE` names and copies an article for you",
            path.name,
        )


# The two seed articles came with names made before `add` named articles after their sha256: these hex digits.
NAMED_BEFORE_ADD = {"9182488a4787e2a6", "a3deb327b58a8082"}


def is_empty(text: str) -> bool:
    """Nothing but white space, or a date header and nothing after it."""
    header = DATE_HEADER.match(text)
    return not text[header.end() if header else 0 :].strip()


def check_article(article: Article, first_of: dict[str, str]) -> None:
    """ArticleError for an article the package cannot take: empty, named after another text's sha256, or the
    same text as an article already read (first_of: sha256 -> article file name, filled in as they are read)."""
    if is_empty(article.text):
        raise ArticleError("article-empty", "the article is empty: remove it and its coding, or add the text again")
    named = article.article_id.split("_", 1)[1]
    if named not in NAMED_BEFORE_ADD and article.sha256[:16] != named:
        raise ArticleError(
            "article-name",
            f"the sixteen hex digits of the name must begin the file's sha256 "
            f"({article.sha256[:16]}): the name was typed, or the text changed after `add` named it; "
            "add the article again with `python -m scripts add`",
            article.path.name,
        )
    if article.sha256 in first_of:
        raise ArticleError(
            "article-duplicate",
            f"the same text as seeds/{first_of[article.sha256]}: an article is "
            "added once; remove this one and its coding",
            article.path.name,
        )
    first_of[article.sha256] = article.path.name


MAX_ARTICLE_BYTES = 16 << 20  # a news article is a few kilobytes; a file beyond this is not one, and is not read


def check_size(size: int) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(
            "article-size",
            f"the file has {size:,} bytes; an article may have at most {MAX_ARTICLE_BYTES:,}: it is not a news article",
            size,
        )


def read_article(path: Path) -> Article:
    """Decode strictly as UTF-8 without newline translation, so offsets count the committed code points."""
    path = Path(path)
    check_article_name(path)
    check_size(path.stat().st_size)
    return article_from_bytes(path, path.read_bytes())


def article_from_bytes(path: Path, data: bytes) -> Article:
    """The article of a file's bytes, already read (validation reads thousands of them at once)."""
    text = decode_article(data)
    return Article(path.stem, path, text, hashlib.sha256(data).hexdigest(), header_date(text), data)


def decode_article(data: bytes) -> str:
    """The text of an article's bytes: UTF-8 without a byte-order mark, or ArticleError."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise ArticleError(
            "article-encoding", "the article starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
        )
    if b"\x00" in data:
        raise ArticleError(
            "article-encoding",
            f"the article holds a NUL byte (at byte offset {data.index(0)}): it is "
            "not plain text; save the article as UTF-8 text and add it again",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            "article-encoding",
            f"the article is not valid UTF-8 (byte {data[exc.start]:#04x} at byte offset {exc.start}); re-save "
            "it as UTF-8",
            data[max(0, exc.start - 20) : exc.start + 20],
        ) from None


def header_date(text: str) -> date | None:
    match = DATE_HEADER.match(text)
    if not match:
        return None
    try:
        return parse_date(match.group(1))
    except DateError:
        raise ArticleError(
            "article-date-header",
            "the date header must read 'date YYYY-MM-DD' with a real calendar date",
            match.group(1),
        ) from None
