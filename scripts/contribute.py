"""Adding an article: the one step of a contribution a machine should do, so ids and bytes are never typed by hand.

An article's id is its number in order of addition and the first sixteen hex digits of the sha256 of its
bytes: the number says which came first, the hash keeps two contributions made at once from colliding. The
number has three digits or more (000 to 999, then 1000 and on), so ids beyond 999 sort by name, not number.
(The two seed articles kept the ids they came with.)
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.articles import ARTICLE_ID, ArticleError, decode_article, header_date
from scripts.paths import Layout
from scripts.problems import RuleError

STARTER = """\
# Coding of {article_id}. CONTRIBUTING.md explains every key, with a worked example.
# Copy every evidence exactly from seeds/{article_id}.txt (curly quotes stay curly), then run
# `make package`: it tells you, by line, what to fix.
{article_block}\
mentions: []    # every actor the article names:  - {{evidence: Baku}}  or  - {{evidence: ..., actor: <actor_id>}}
events: []      # - event: <id in seeds/registry/events.yaml>  evidence: ...
statements: []  # - id: s01  speaker: ...  type: direct | partial | indirect  evidence: ...  cue: ...
claims: []      # - id: c01  evidence: ...  type: killed | wounded | ...  value_text: ...  date_text: ...
"""
UNDATED = """\
# The article has no 'date YYYY-MM-DD' first line. If you know when it was published, say so and how
# (otherwise leave this out: dates such as "on Monday" then stay empty):
# article:
#   published_date: 2020-09-28
#   published_date_method: the date printed on the outlet's page
"""


class ContributionError(RuleError):
    """An article `add` refuses; nothing is added."""


@dataclass(frozen=True)
class Added:
    article: Path
    coding: Path
    header_date: object


def article_id_for(layout: Layout, data: bytes) -> str:
    """The next free number and the start of the sha256 of the bytes."""
    numbers = [article_number(p.stem) for p in layout.seeds.glob("*.txt") if ARTICLE_ID.match(p.stem)]
    number = max(numbers, default=-1) + 1
    return f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"  # at least three digits: 999, then 1000


def article_number(article_id: str) -> int:
    """The number before the underscore: 4 for 004_..., 1000 for 1000_..."""
    return int(article_id.split("_", 1)[0])


def add_article(layout: Layout, source: Path, published: date | None = None) -> Added:
    """Copy the article byte for byte into seeds/ under its id, beside a starter coding; refuse anything
    that the build would refuse later, and never overwrite. A publication date known from the outlet (not
    from the text) becomes a first line `date YYYY-MM-DD`: the one addition ever made to an article."""
    data = Path(source).read_bytes()
    try:
        text = decode_article(data)
        if published is not None:
            if header_date(text) is not None:
                raise ContributionError("article-date-header", "the article already starts with a date header; "
                                        "leave out --date", header_date(text))
            data = f"date {published.isoformat()}\n".encode("utf-8") + data
            text = decode_article(data)
        published = header_date(text)
    except ArticleError as exc:
        raise ContributionError(exc.rule, exc.message, exc.value) from None
    if not text.strip() or (published is not None and not text.split(None, 2)[2:]):
        raise ContributionError("article-empty", "the article is empty")
    digest = hashlib.sha256(data).hexdigest()
    for existing in sorted(layout.seeds.glob("*.txt")):
        if hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise ContributionError("article-duplicate", f"this article is already in seeds/ as {existing.name}",
                                    existing.name)
    article_id = article_id_for(layout, data)
    article, coding = layout.seeds / f"{article_id}.txt", layout.seeds / f"{article_id}.yaml"
    block = "" if published is not None else UNDATED
    with open(article, "xb") as out:  # "x": never replace a file
        out.write(data)
    with open(coding, "x", encoding="utf-8", newline="\n") as out:
        out.write(STARTER.format(article_id=article_id, article_block=block))
    return Added(article, coding, published)

