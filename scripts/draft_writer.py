"""Writing a draft: the coding in exactly the format the build reads (evidence verbatim, `occurrence` where the
words recur, actors by id), every row marked `draft: true`; the actors and events it proposes go to the end of
seeds/registry/actors.yaml and events.yaml, marked the same way. The build refuses both until a person has
reviewed every marked row (rule draft-unreviewed). A coding a person has started is never replaced."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.contribute import UNDATED
from scripts.csvio import replace_all
from scripts.draft import Draft
from scripts.draft_proposals import actors_yaml, events_yaml, registry_with
from scripts.paths import Layout
from scripts.registry import Registry
from scripts.spans import occurrences
from scripts.yamlfile import scalar
from scripts.yamlfile import YamlError, load_yaml

HEADER = """\
# Draft coding of {article_id}, written by `python -m scripts draft`. Every row is a machine's proposal marked
# `draft: true`: check each against {article} (evidence, actor, figure, date), correct it or delete it, add
# what the draft missed, then delete its `draft: true`. The build refuses the coding while a row keeps it
# (rule draft-unreviewed); CONTRIBUTING.md, "Drafting a coding", says how to review.
"""
PROPOSED = "\n# Proposed by `python -m scripts draft` from {article}: review each entry, then delete its `draft: true`.\n"


class DraftRefused(Exception):
    """The draft would overwrite a coding a person has started, or cannot be written."""


@dataclass(frozen=True)
class Written:
    coding: Path
    actors: list[str]  # ids of the actors appended to the registry
    events: list[str]


def coding_yaml(draft: Draft, registry: Registry, article_rel: str) -> str:
    """The coding file of a draft, as text."""
    text = draft.article.text
    known = registry_with(registry, draft.actors, draft.new_events)
    out = [HEADER.format(article_id=draft.article.article_id, article=article_rel)]
    if draft.published_given or draft.outlet:
        out.append("article:\n")
        if draft.outlet:
            out.append(f"  outlet: {draft.outlet}\n")
        if draft.published_given:
            out.append(f"  published_date: {draft.published.isoformat()}\n  published_date_method: Given to "
                       "`python -m scripts draft --published`; replace with how the date is known (the outlet's "
                       "page, the dateline).\n")
        out.append("  draft: true\n")
    if draft.published is None:
        out.append(UNDATED)
    out.append("mentions:\n" if draft.mentions else "mentions: []\n")
    for m in draft.mentions:
        evidence = text[m.start:m.end]
        parts = [f"evidence: {scalar(evidence)}"] + _occurrence(text, evidence, m.start, inline=True)
        if known.aliases.get(evidence) != {m.actor_id}:
            parts.append(f"actor: {m.actor_id}")
        out.append("  - {" + ", ".join(parts + ["draft: true"]) + "}\n")
    out.append("events:\n" if draft.events else "events: []\n")
    for r in draft.events:
        out.append(f"  - event: {r.event_id}\n" + _evidence(text, r.start, r.end) + "    draft: true\n")
    ids = {}
    out.append("statements:\n" if draft.statements else "statements: []\n")
    for n, s in enumerate(draft.statements, 1):
        ids[id(s)] = f"s{n:02d}"
        lines = [f"  - id: {ids[id(s)]}\n", f"    speaker: {s.speaker}\n", f"    type: {s.type}\n",
                 _evidence(text, s.start, s.end)]
        lines += _words("text", text, s.said) + _words("cue", text, s.cue) + _words("date_text", text, s.date)
        lines += [f"    {key}: {scalar(value)}\n" for key, value in (("via", s.via), ("event", s.event),
                                                                      ("note", s.note)) if value]
        out.append("".join(lines) + "    draft: true\n")
    out.append("claims:\n" if draft.claims else "claims: []\n")
    for n, c in enumerate(draft.claims, 1):
        lines = [f"  - id: c{n:02d}\n", _evidence(text, c.start, c.end)]
        if c.statement is not None:
            lines.append(f"    statement: {ids[id(c.statement)]}\n")
        lines += [f"    {key}: {value}\n" for key, value in (("via", c.via), ("event", c.event), ("type", c.type),
                                                             ("victim", c.victim), ("victim_status", c.status))
                  if value and not (key == "via" and c.statement is not None)]
        lines += _words("value_text", text, c.value) + _words("date_text", text, c.date)
        if c.note:
            lines.append(f"    note: {scalar(c.note)}\n")
        out.append("".join(lines) + "    draft: true\n")
    return "".join(out)


def _occurrence(text: str, evidence: str, start: int, inline: bool = False) -> list[str]:
    starts = occurrences(text, evidence)
    if len(starts) < 2:
        return []
    return [f"occurrence: {starts.index(start) + 1}"] if inline else [f"    occurrence: {starts.index(start) + 1}\n"]


def _evidence(text: str, start: int, end: int) -> str:
    evidence = text[start:end]
    return f"    evidence: {scalar(evidence)}\n" + "".join(_occurrence(text, evidence, start))


def _words(key: str, text: str, span) -> list[str]:
    return [f"    {key}: {scalar(text[span[0]:span[1]])}\n"] if span else []


def started(path: Path) -> bool:
    """A coding with any row in it, or that cannot be read: someone's work, which a draft must not replace.
    The starter `add` writes (empty lists, comments) is not."""
    try:
        document = load_yaml(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, YamlError):
        return True
    if document is None:
        return False
    if not isinstance(document, dict):
        return True
    return any(document.get(key) for key in ("article", "mentions", "events", "statements", "claims"))


def write_draft(layout: Layout, draft: Draft, registry: Registry, out: Path, force: bool = False) -> Written:
    """Write the coding to `out` and append the proposed actors and events to the registry, all or nothing."""
    if out.exists() and not force and started(out):
        raise DraftRefused(f"{layout.rel(out)} already holds a coding; review that one, or pass --force to replace it "
                           "with a new draft")
    article_rel = layout.rel(draft.article.path)
    files = {out: coding_yaml(draft, registry, article_rel).encode("utf-8")}
    new_actors = [a for a in draft.actors if a.id not in registry.actor_ids]
    new_events = [e for e in draft.new_events if e.id not in registry.event_ids]
    for name, entries, render in (("actors", new_actors, actors_yaml), ("events", new_events, events_yaml)):
        if entries:
            path = layout.registry / f"{name}.yaml"
            current = path.read_bytes().decode("utf-8")
            files[path] = (current + ("" if current.endswith("\n") else "\n") + PROPOSED.format(article=article_rel)
                           + render(entries)).encode("utf-8")
    try:
        replace_all(files)
    except OSError as exc:
        raise DraftRefused(f"cannot write the draft ({exc}); nothing was changed") from None
    return Written(out, [a.id for a in new_actors], [e.id for e in new_events])
