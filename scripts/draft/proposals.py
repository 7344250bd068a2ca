"""New actors and events a draft proposes for the registry: the entries it appends to seeds/registry/ with
`draft: true` (so the package cannot pass until someone reviews them), and the same entries added to a copy of
the registry in memory, so a draft can be built and evaluated without writing anything."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date

from scripts.build.registry import Registry
from scripts.common.yamlfile import scalar
from scripts.draft.text import fold


def slug(text: str) -> str:
    """An identifier from words: lower-case ASCII letters and digits joined by single hyphens."""
    folded = re.sub(r"['’]s\b", "", fold(text).lower())  # "the government's office": government-office
    folded = folded.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def free_id(base: str, taken) -> str:
    """base, or base-2, base-3 ... whichever is not taken yet."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


@dataclass
class ProposedActor:
    id: str
    name: str
    type: str
    title: str | None = None
    parent: str | None = None
    country_iso3: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass
class ProposedEvent:
    id: str
    type: str
    description: str
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor id, role)
    note: str | None = None


def actors_yaml(actors: list[ProposedActor]) -> str:
    """Entries in the form of seeds/registry/actors.yaml, each marked `draft: true`."""
    out = []
    for a in actors:
        out.append(f"- id: {a.id}\n  name: {scalar(a.name)}\n  type: {a.type}\n")
        for key in ("country_iso3", "parent", "title"):
            if getattr(a, key):
                out.append(f"  {key}: {scalar(getattr(a, key))}\n")
        if a.aliases:
            out.append(f"  aliases: [{', '.join(scalar(x) for x in a.aliases)}]\n")
        if a.note:
            out.append(f"  note: {scalar(a.note)}\n")
        out.append("  draft: true\n")
    return "".join(out)


def events_yaml(events: list[ProposedEvent]) -> str:
    """Entries in the form of seeds/registry/events.yaml, each marked `draft: true`."""
    out = []
    for e in events:
        out.append(f"- id: {e.id}\n  type: {e.type}\n  description: {scalar(e.description)}\n")
        if e.date_start:
            out.append(f"  date_start: {e.date_start.isoformat()}\n")
            if e.date_end and e.date_end != e.date_start:
                out.append(f"  date_end: {e.date_end.isoformat()}\n")
            out.append(f"  date_precision: {e.date_precision or 'day'}\n")
        if e.actors:
            out.append("  actors:\n" + "".join(f"    - {{actor: {actor}, role: {role}}}\n" for actor, role in e.actors))
        if e.note:
            out.append(f"  note: {scalar(e.note)}\n")
        out.append("  draft: true\n")
    return "".join(out)


def registry_with(registry: Registry, actors: list[ProposedActor], events: list[ProposedEvent]) -> Registry:
    """A copy of the registry that also holds the proposed entries, as the build would read them once appended."""
    extended = copy.copy(registry)
    extended.actors = list(registry.actors)
    extended.events = list(registry.events)
    extended.actor_aliases, extended.event_actors = list(registry.actor_aliases), list(registry.event_actors)
    extended.actor_ids, extended.event_ids = set(registry.actor_ids), set(registry.event_ids)
    extended.actor_types = dict(registry.actor_types)
    extended.aliases = copy.deepcopy(registry.aliases)
    for a in actors:
        extended.actor_ids.add(a.id)
        extended.actor_types[a.id] = a.type
        for alias in [a.name, *a.aliases]:
            extended.aliases[alias].add(a.id)
        extended.actors.append(
            {
                "actor_id": a.id,
                "name": a.name,
                "actor_type": a.type,
                "country_iso3": a.country_iso3,
                "parent_actor_id": a.parent,
                "title": a.title,
            }
        )
        extended.actor_aliases += [{"actor_id": a.id, "alias": alias} for alias in sorted({a.name, *a.aliases})]
    for e in events:
        extended.event_ids.add(e.id)
        extended.events.append(
            {
                "event_id": e.id,
                "event_type": e.type,
                "description": e.description,
                "date_start": e.date_start,
                "date_end": e.date_end or e.date_start,
                "date_precision": e.date_precision or ("day" if e.date_start else None),
                "location": None,
            }
        )
        extended.event_actors += [{"event_id": e.id, "actor_id": actor, "role": role} for actor, role in e.actors]
    return extended
