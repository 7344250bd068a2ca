"""Writing a draft: the coding in exactly the format the build reads (evidence verbatim, `occurrence` where the
words recur, actors by id), every row marked `draft: true`; the actors and events it proposes go to the end of
seeds/registry/actors.yaml and events.yaml, marked the same way. The build refuses both until a person has
reviewed every marked row (rule draft-unreviewed). A coding a person has started is never replaced."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.build.contribute import article_block
from scripts.build.parts import part_problem
from scripts.build.registry import Registry
from scripts.build.review import placeholder
from scripts.common.csvio import replace_all
from scripts.common.paths import Layout
from scripts.common.yamlfile import YamlError, load_yaml, scalar
from scripts.draft.article import Draft
from scripts.draft.proposals import actors_yaml, events_yaml, registry_with
from scripts.reading.quantities import parse_quantity
from scripts.reading.quotes import joined, passages
from scripts.reading.spans import Finder
from scripts.reading.vocabulary import CASUALTY_TYPES

HEADER = """\
# Draft coding of {article_id}, written by `python -m scripts draft`. Every row is a machine's proposal marked
# `draft: true`: check each against {article} (evidence, actor, figure, date), correct it or delete it, add
# what the draft missed, then delete its `draft: true`. Where it could not decide, it wrote `TODO: ...`: write
# the answer there, or delete the line where the article does not say. The build refuses the coding while a
# row keeps its marker or a TODO is left (rules draft-unreviewed, draft-placeholder); CONTRIBUTING.md,
# "Drafting a coding", says how to review.
"""
PROPOSED = (
    "\n# Proposed by `python -m scripts draft` from {article}: review each entry, then delete its `draft: true`.\n"
)


class DraftRefused(Exception):
    """The draft would overwrite a coding a person has started, or cannot be written; `problems` say why when a
    file it needs (the registry) has them."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class Written:
    coding: Path
    actors: list[str]  # ids of the actors appended to the registry (or written beside the coding)
    events: list[str]
    proposals: dict[str, Path]  # "actor" and "event": the file each kind of proposal went to


def coding_yaml(draft: Draft, registry: Registry, article_rel: str, kept: dict | None = None) -> str:
    """The coding file of a draft, as text; `kept` is the `article:` block of the coding it replaces (the facts
    `add` wrote into the starter), which the draft keeps and completes."""
    text, finder = draft.article.text, Finder(draft.article.text)
    known = registry_with(registry, draft.actors, draft.new_events)
    out = [HEADER.format(article_id=draft.article.article_id, article=article_rel)]
    facts = dict(kept or {})
    filled = False
    if draft.outlet and facts.get("outlet") is None:
        facts["outlet"], filled = draft.outlet, True
    if draft.published_given and draft.published is not None and facts.get("published_date") is None:
        facts["published_date"], filled = draft.published.isoformat(), True  # its method is the reviewer's to give
    out.append(article_block(facts, dated=draft.article.header_date is not None, draft=filled))
    out.append("mentions:\n" if draft.mentions else "mentions: []\n")
    for m in draft.mentions:
        evidence = text[m.start : m.end]
        parts = [f"evidence: {scalar(evidence)}"] + _occurrence(finder, evidence, m.start, inline=True)
        if known.aliases.get(evidence) != {m.actor_id}:
            parts.append(f"actor: {m.actor_id}")
        note = (
            f"  # taken as {m.actor_id}, whose name the registry spells otherwise: check"
            if draft.spellings.get(evidence) == m.actor_id
            else ""
        )
        out.append("  - {" + ", ".join(parts + ["draft: true"]) + "}" + note + "\n")
    out.append("events:\n" if draft.events else "events: []\n")
    for r in draft.events:
        out.append(f"  - event: {r.event_id}\n" + _evidence(finder, r.start, r.end) + "    draft: true\n")
    ids = {}
    out.append("statements:\n" if draft.statements else "statements: []\n")
    for n, s in enumerate(draft.statements, 1):
        ids[id(s)] = f"s{n:02d}"
        lines = [
            f"  - id: {ids[id(s)]}\n",
            f"    speaker_description: {scalar(text[s.described[0] : s.described[1]])}\n"
            if s.described
            else f"    speaker: {s.speaker}\n",
            f"    type: {s.type}\n",
            _evidence(finder, s.start, s.end),
        ]
        lines += _said(text, s) + _words("cue", text, s.cue) + _words("date_text", text, s.date)
        lines += [
            f"    {key}: {scalar(value)}\n"
            for key, value in (("via", s.via), ("event", s.event), ("note", s.note))
            if value
        ]
        out.append("".join(lines) + "    draft: true\n")
    out.append("claims:\n" if draft.claims else "claims: []\n")
    written: dict[int, tuple[str, object]] = {}  # the figure as found -> its id and row, the first row written of it
    for n, c in enumerate(draft.claims, 1):
        written.setdefault(id(c.origin or c), (f"c{n:02d}", c))
    for n, c in enumerate(draft.claims, 1):
        lines = [f"  - id: c{n:02d}\n", _evidence(finder, c.start, c.end)]
        if c.statement is not None:
            lines.append(f"    statement: {ids[id(c.statement)]}\n")
        whole = written.get(id(c.part_of)) if c.part_of is not None else None
        if whole is not None and _fits_within(text, c, whole[1]):
            lines.append(f"    part_of: {whole[0]}\n")
        lines += [
            f"    {key}: {value}\n"
            for key, value in (
                ("via", c.via),
                ("event", c.event),
                ("type", c.type),
                ("victim", c.victim),
                ("victim_status", c.status),
            )
            if value and not (key == "via" and c.statement is not None)
        ]
        lines += _words("value_text", text, c.value) + _words("date_text", text, c.date)
        if c.count is not None:  # the words name the people; the count is stated
            lines += ["    qualifier: exact\n", f"    value_min: {c.count}\n", f"    value_max: {c.count}\n"]
        if c.coded is not None and c.coded.start is not None and c.coded.end is not None:
            lines += [
                f"    date_start: {c.coded.start.isoformat()}\n",
                f"    date_end: {c.coded.end.isoformat()}\n",
                f"    date_precision: {c.coded.precision}\n",
            ]
        lines += [f"    {key}: {scalar(placeholder(what))}\n" for key, what in _undecided(c)]
        if c.note:
            lines.append(f"    note: {scalar(c.note)}\n")
        out.append("".join(lines) + "    draft: true\n")
    return "".join(out)


def _fits_within(text: str, part, whole) -> bool:
    """A part is written as one where the build takes it as one (scripts/build/parts.py), as far as the words say."""
    low = parse_quantity(text[part.value[0] : part.value[1]]) if part.value else None
    high = parse_quantity(text[whole.value[0] : whole.value[1]]) if whole.value else None
    low_min = low.value_min if low else None
    high_max = high.value_max if high else None
    return part_problem(part.type, low_min, whole.type, high_max) is None


def _undecided(claim) -> list[tuple[str, str]]:
    """(key, what to write) for what the draft could not decide about a claim: the reviewer answers each."""
    undecided = []
    if claim.statement is None and claim.via is None:
        undecided.append(
            (
                "claimant",
                "who makes this claim (an actor id or alias); delete this line when the article "
                "makes it in its own voice",
            )
        )
    if claim.type in CASUALTY_TYPES:
        if claim.victim is None:
            undecided.append(
                (
                    "victim",
                    f"whose people were {claim.type} (an actor id or alias); delete this line "
                    "when the article does not say",
                )
            )
        if claim.date is None and claim.coded is None:
            undecided.append(
                (
                    "date_start",
                    "the day this figure counts, as YYYY-MM-DD (with date_end and "
                    "date_precision for a period, and date_text: the words that say it); "
                    "delete this line when the article does not date it",
                )
            )
    return undecided


def _occurrence(finder: Finder, evidence: str, start: int, inline: bool = False) -> list[str]:
    starts = finder.occurrences(evidence)
    if len(starts) < 2:
        return []
    return [f"occurrence: {starts.index(start) + 1}"] if inline else [f"    occurrence: {starts.index(start) + 1}\n"]


def _evidence(finder: Finder, start: int, end: int) -> str:
    evidence = finder.text[start:end]
    return f"    evidence: {scalar(evidence)}\n" + "".join(_occurrence(finder, evidence, start))


def _said(text: str, statement) -> list[str]:
    """The words of a quotation over several paragraphs, each paragraph's joined by one space, as the build reads
    them; else the words as they stand."""
    said = statement.said
    if said and statement.type != "indirect" and "\n" in text[said[0] : said[1]]:
        found = passages(text, said[0] - 1, said[0])
        if found:
            parts = [(a, min(b, said[1])) for a, b in found[0].segments if a < said[1]]
            return [f"    text: {scalar(joined(text, parts))}\n"]
    return _words("text", text, said)


def _words(key: str, text: str, span) -> list[str]:
    return [f"    {key}: {scalar(text[span[0] : span[1]])}\n"] if span else []


def started(path: Path) -> bool:
    """A coding with any row in it, or that cannot be read: someone's work, which a draft must not replace.
    The starter `add` writes (empty lists, comments, the facts of its `article:` block, which the draft keeps) is
    not."""
    try:
        document = load_yaml(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, YamlError):
        return True
    if document is None:
        return False
    if not isinstance(document, dict) or not isinstance(document.get("article") or {}, dict):
        return True
    return any(document.get(key) for key in ("mentions", "events", "statements", "claims"))


def kept_facts(path: Path) -> dict:
    """The facts of the `article:` block of the coding a draft replaces (what `add` wrote into the starter, or a
    person into a coding replaced with --force), which the draft keeps; its old marker is not one of them."""
    try:
        document = load_yaml(path.read_bytes().decode("utf-8")) if path.exists() else None
    except (UnicodeDecodeError, YamlError):
        return {}
    facts = document.get("article") if isinstance(document, dict) else None
    return {k: v for k, v in facts.items() if k != "draft"} if isinstance(facts, dict) else {}


def proposals_path(out: Path, name: str) -> Path:
    """Where a draft written outside seeds/ puts its proposed actors or events: beside it, `x.actors.yaml`."""
    return out.with_name(f"{out.stem}.{name}.yaml")


def write_draft(layout: Layout, draft: Draft, registry: Registry, out: Path, force: bool = False) -> Written:
    """Write the coding to `out` and append the proposed actors and events to the registry, all or nothing; a
    coding written outside seeds/ (`--out`) has its proposals written beside it instead, the registry untouched."""
    if out.exists() and not force and started(out):
        raise DraftRefused(
            f"{layout.rel(out)} already holds a coding; review that one, or pass --force to replace it with a new draft"
        )
    article_rel = layout.rel(draft.article.path)
    files = {out: coding_yaml(draft, registry, article_rel, kept_facts(out)).encode("utf-8")}
    new_actors = [a for a in draft.actors if a.id not in registry.actor_ids]
    new_events = [e for e in draft.new_events if e.id not in registry.event_ids]
    proposed = (
        ("actors", actors_yaml(new_actors) if new_actors else None),
        ("events", events_yaml(new_events) if new_events else None),
    )
    in_seeds = out.resolve().is_relative_to(layout.seeds.resolve())
    for name, rendered in proposed:
        if rendered is None:
            continue
        if not in_seeds:  # a draft to look at elsewhere changes nothing in the repository: its proposals go beside it
            files[proposals_path(out, name)] = (PROPOSED.format(article=article_rel).lstrip() + rendered).encode()
            continue
        path = layout.registry / f"{name}.yaml"
        current = path.read_bytes().decode("utf-8")
        files[path] = (
            current + ("" if current.endswith("\n") else "\n") + PROPOSED.format(article=article_rel) + rendered
        ).encode("utf-8")
    try:
        replace_all(files, journal=layout.root)
    except OSError as exc:
        raise DraftRefused(f"cannot write the draft ({exc}); nothing was changed") from None
    where = {
        kind: layout.registry / f"{kind}s.yaml" if in_seeds else proposals_path(out, f"{kind}s")
        for kind in ("actor", "event")
    }
    return Written(out, [a.id for a in new_actors], [e.id for e in new_events], where)
