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

from scripts.common.paths import Layout
from scripts.common.problems import RuleError
from scripts.common.yamlfile import scalar
from scripts.reading.articles import ARTICLE_ID, ArticleError, decode_article, header_date, is_empty

STARTER = """\
# Coding of {article_id}. CONTRIBUTING.md explains every key, with a worked example.
# `python -m scripts draft seeds/{article_id}.txt` drafts the lists below for you to review; or fill them in by hand.
# Copy every evidence exactly from seeds/{article_id}.txt (curly quotes stay curly), then run
# `make package`: it tells you, by line, what to fix.
{article_block}\
mentions: []    # every actor the article names:  - {{evidence: Baku}}  or  - {{evidence: ..., actor: <actor_id>}}
events: []      # - event: <id in seeds/registry/events.yaml>  evidence: ...
statements: []  # - id: s01  speaker: ...  type: direct | partial | indirect  evidence: ...  cue: ...
claims: []      # - id: c01  evidence: ...  type: killed | wounded | ...  value_text: ...  date_text: ...
"""
# Where the article comes from, so that a user of a release (which leaves the texts out) can find it; each is
# asked for, none required: unknown stays out, never guessed.
PROVENANCE = {
    "title": "the headline, as the outlet published it",
    "url": "https://... (the page the text was copied from)",
    "outlet": "the outlet's actor id or alias in seeds/registry/actors.yaml (add it there if it is new)",
    "retrieved": "YYYY-MM-DD (the day you copied the text)",
}
UNDATED = {
    "published_date": "2020-09-28 (only if you know it: the article has no 'date YYYY-MM-DD' first line)",
    "published_date_method": "how you reasoned it out from the text or the page (it is recorded as inferred)",
}


def article_block(given: dict, dated: bool, draft: bool = False) -> str:
    """The coding's `article:` block: the facts given (every one of them, in a fixed order), those asked for but not
    given as comments saying what to write, and `draft: true` when a draft filled some of them in."""
    wanted = {**PROVENANCE, **({} if dated else UNDATED)}
    known = [key for key in {**wanted, **UNDATED, **given} if given.get(key) is not None]
    if not known:
        return "".join(
            [
                "# Where the article was published: fill in what you know, leave out what you do not.\n",
                "# article:\n",
                *(f"#   {key}: {what}\n" for key, what in wanted.items()),
            ]
        )
    return "".join(
        [
            "article:\n",
            *(f"  {key}: {scalar(str(given[key]))}\n" for key in known),
            *(f"  # {key}: {what}\n" for key, what in wanted.items() if key not in known),
            "  draft: true\n" if draft else "",
        ]
    )


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


def add_article(layout: Layout, source: Path, published: date | None = None, provenance: dict | None = None) -> Added:
    """Copy the article byte for byte into seeds/ under its id, beside a starter coding; refuse anything
    that the build would refuse later, and never overwrite. A publication date known from the outlet (not
    from the text) becomes a first line `date YYYY-MM-DD`: the one addition ever made to an article. Where it
    comes from (title, url, outlet, retrieved) goes into the starter's `article:` block."""
    data = Path(source).read_bytes()
    try:
        text = decode_article(data)
        if published is not None:
            if header_date(text) is not None:
                raise ContributionError(
                    "article-date-header",
                    "the article already starts with a date header; leave out --date",
                    header_date(text),
                )
            data = f"date {published.isoformat()}\n".encode() + data
            text = decode_article(data)
        published = header_date(text)
    except ArticleError as exc:
        raise ContributionError(exc.rule, exc.message, exc.value) from None
    if is_empty(text):
        raise ContributionError("article-empty", "the article is empty")
    digest = hashlib.sha256(data).hexdigest()
    for existing in sorted(layout.seeds.glob("*.txt")):
        if hashlib.sha256(existing.read_bytes()).hexdigest() == digest:
            raise ContributionError(
                "article-duplicate", f"this article is already in seeds/ as {existing.name}", existing.name
            )
    article_id = article_id_for(layout, data)
    article, coding = layout.seeds / f"{article_id}.txt", layout.seeds / f"{article_id}.yaml"
    block = article_block(provenance or {}, dated=published is not None)
    with open(article, "xb") as out:  # "x": never replace a file
        out.write(data)
    with open(coding, "x", encoding="utf-8", newline="\n") as out:
        out.write(STARTER.format(article_id=article_id, article_block=block))
    return Added(article, coding, published)


def outlet_note(layout: Layout, outlet: str) -> str | None:
    """What to do when the outlet given to `add` is not yet a media outlet of the registry (the build would refuse
    it later), or None."""
    from scripts.build.registry import ReferenceProblem, load_registry  # the registry only when an outlet is given
    from scripts.common.problems import ProblemList

    registry = load_registry(layout, ProblemList())
    try:
        kind = registry.actor_types[registry.actor(outlet)]
    except ReferenceProblem:
        return (
            f"Note: the outlet '{outlet}' is not in seeds/registry/actors.yaml yet; add it there (type: "
            "media_outlet) before you build (CONTRIBUTING.md, 'New actors and events')."
        )
    if kind != "media_outlet":
        return (
            f"Note: '{outlet}' is a {kind} in seeds/registry/actors.yaml, not a media_outlet; give the "
            "outlet's own actor in the coding's article block."
        )
    return None
