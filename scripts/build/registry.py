"""The shared registries: every actor and event once, and the alias folding that maps names to actors."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from scripts.build.inputs import load_input
from scripts.build.review import report_unreviewed
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList, RuleError
from scripts.common.yamlfile import key_path, line_at
from scripts.reading.dates import DateError, check_precision, parse_date


class ReferenceProblem(RuleError):
    """A name that folds into no actor or event, or into two."""


@dataclass
class Registry:
    """The registry as table rows (each row exactly its table's columns), with what only the build's messages and
    the draft need kept beside them: the line of each entry, and the lookups by name."""

    actors: list = field(default_factory=list)
    actor_aliases: list = field(default_factory=list)
    events: list = field(default_factory=list)
    event_actors: list = field(default_factory=list)
    event_types: list = field(default_factory=list)
    lines: dict = field(default_factory=dict)  # ("actor" or "event", id) -> line of its entry in the registry file
    actor_ids: set = field(default_factory=set)
    event_ids: set = field(default_factory=set)
    aliases: dict = field(default_factory=lambda: defaultdict(set))
    actor_types: dict = field(default_factory=dict)
    unreadable: set = field(default_factory=set)  # registry files that are missing or break their schema

    def actor(self, name: str) -> str:
        """Fold an actor_id or alias into one actor_id; an alias shared by two actors is an error."""
        if name in self.actor_ids:
            return name
        owners = self.aliases.get(name, set())
        if len(owners) == 1:
            return next(iter(owners))
        if len(owners) > 1:
            raise ReferenceProblem(
                "actor-alias-ambiguous",
                f"the alias '{name}' folds into {len(owners)} actors ({', '.join(sorted(owners))}); "
                "name the actor by its actor_id",
            )
        raise ReferenceProblem(
            "actor-unknown",
            f"'{name}' is neither an actor_id nor an alias in seeds/registry/actors.yaml; "
            "use an existing actor or add it there",
        )

    def war_began(self, published: date | None) -> date | None:
        """The first day of the war in progress at publication: of the registry's events of type `war` that had
        begun by then and not ended, the latest to begin. "So far" and "since the start of the fighting" count from
        it. A war coded by its first day alone (date_precision `day`) has no known end: it is in progress."""
        if published is None:
            return None
        started = [
            e["date_start"]
            for e in self.events
            if e["event_type"] == "war"
            and e["date_start"] is not None
            and e["date_start"] <= published
            and (e["date_precision"] == "day" or e["date_end"] is None or e["date_end"] >= published)
        ]
        return max(started, default=None)

    def tables(self) -> dict[str, list[dict]]:
        """The rows of the tables the registry alone makes."""
        return {
            "actors": self.actors,
            "actor_aliases": self.actor_aliases,
            "events": self.events,
            "event_actors": self.event_actors,
            "event_types": self.event_types,
        }

    def actors_of(self, event_id: str) -> set[str]:
        return {link["actor_id"] for link in self.event_actors if link["event_id"] == event_id}

    def event(self, event_id: str) -> str:
        if event_id not in self.event_ids:
            raise ReferenceProblem(
                "event-unknown",
                f"no event '{event_id}' in seeds/registry/events.yaml; use an existing event id or add the event there",
            )
        return event_id


def load_registry(layout: Layout, problems: ProblemList) -> Registry:
    reg = Registry()
    paths = {name: layout.registry / f"{name}.yaml" for name in ("event_types", "actors", "events")}
    docs = {}
    for name, path in paths.items():
        if not path.exists():
            problems.add(
                layout.rel(path),
                "registry-missing",
                f"the registry file {layout.rel(path)} is missing; "
                f"restore it with `git checkout -- {layout.rel(path)}`",
            )
            reg.unreadable.add(name)
            continue
        docs[name] = load_input(layout, path, name, problems)
        if docs[name] is None:
            reg.unreadable.add(name)
    _read_event_types(layout.rel(paths["event_types"]), docs.get("event_types") or [], reg, problems)
    _read_actors(layout.rel(paths["actors"]), docs.get("actors") or [], reg, problems)
    if not reg.unreadable & {"actors", "event_types"}:  # else every event would report its actors and type unknown
        _read_events(layout.rel(paths["events"]), docs.get("events") or [], reg, problems)
    return reg


def _duplicate(seen, key, rel, doc, index, problems, what, field="id"):
    if key in seen:
        problems.add(
            rel,
            f"{what}-duplicate-id",
            f"the {what} id '{key}' is used twice (also item {seen[key] + 1}); give each its own id",
            line=line_at(doc, [index, field]),
            column=key_path([index, field]),
            value=key,
        )
        return True
    seen[key] = index
    return False


def _unreviewed(rel, doc, what, problems):
    """Entries `python -m scripts draft` proposed keep `draft: true` until a person has reviewed them."""
    lines = [line_at(doc, [i, "draft"]) for i, item in enumerate(doc) if item.get("draft")]
    if lines:
        report_unreviewed(
            problems,
            rel,
            lines,
            what,
            "check that the registry does not already have each under "
            "another name (then use that id in the coding and delete the entry), and correct it",
        )


def _read_event_types(rel, doc, reg, problems):
    seen = {}
    for i, item in enumerate(doc):
        if _duplicate(seen, item["event_type"], rel, doc, i, problems, "event_type", field="event_type"):
            continue
        reg.event_types.append(
            {
                k: item.get(k)
                for k in (
                    "event_type",
                    "label",
                    "description",
                    "acled_event_type",
                    "acled_sub_event_type",
                    "crosswalk_note",
                )
            }
        )


def _read_actors(rel, doc, reg, problems):
    _unreviewed(rel, doc, "actor", problems)
    seen, parent_lines = {}, {}
    for i, item in enumerate(doc):
        if _duplicate(seen, item["id"], rel, doc, i, problems, "actor"):
            continue
        reg.actor_ids.add(item["id"])
        reg.actor_types[item["id"]] = item["type"]
        for alias in [item["name"], *item.get("aliases", [])]:
            reg.aliases[alias].add(item["id"])
        reg.actors.append(
            {
                "actor_id": item["id"],
                "name": item["name"],
                "actor_type": item["type"],
                "country_iso3": item.get("country_iso3"),
                "parent_actor_id": item.get("parent"),
                "title": item.get("title"),
            }
        )
        reg.actor_aliases += [
            {"actor_id": item["id"], "alias": alias} for alias in sorted({item["name"], *item.get("aliases", [])})
        ]
        reg.lines["actor", item["id"]] = line_at(doc, [i])
        parent_lines[item["id"]] = line_at(doc, [i, "parent"])
    for actor in reg.actors:
        parent = actor["parent_actor_id"]
        if parent is not None and parent not in reg.actor_ids:
            problems.add(
                rel,
                "actor-unknown",
                f"parent '{parent}' is not an actor_id in this file; use the id of "
                "an actor listed here, or add that actor",
                line=parent_lines[actor["actor_id"]],
                column="parent",
                value=parent,
            )
        elif parent is not None and _has_cycle(reg, actor["actor_id"]):
            problems.add(
                rel,
                "actor-parent-cycle",
                "following parents from this actor comes back to it; correct "
                "'parent' so that the chain of parents ends at an actor without one",
                line=parent_lines[actor["actor_id"]],
                column="parent",
                value=parent,
            )


def _has_cycle(reg, actor_id):
    parents = {a["actor_id"]: a["parent_actor_id"] for a in reg.actors}
    seen, current = set(), actor_id
    while current is not None:
        if current in seen:
            return current == actor_id  # a chain that runs into a cycle elsewhere is not this actor's
        seen.add(current)
        current = parents.get(current)
    return False


def _read_events(rel, doc, reg, problems):
    _unreviewed(rel, doc, "event", problems)
    types = {t["event_type"] for t in reg.event_types}
    seen = {}
    for i, item in enumerate(doc):
        if _duplicate(seen, item["id"], rel, doc, i, problems, "event"):
            continue
        reg.event_ids.add(item["id"])

        def where(*p, i=i):
            return dict(line=line_at(doc, [i, *p]), column=key_path([i, *p]))

        if item["type"] not in types:
            problems.add(
                rel,
                "event-type-unknown",
                f"'{item['type']}' is not in seeds/registry/event_types.yaml; use one of: {', '.join(sorted(types))}",
                value=item["type"],
                **where("type"),
            )
        dates = {}
        for key in ("date_start", "date_end"):
            if item.get(key) is not None:
                try:
                    dates[key] = parse_date(item[key])
                except DateError as exc:
                    problems.add(rel, exc.rule, exc.message, value=exc.value, **where(key))
        start, end = dates.get("date_start"), dates.get("date_end", dates.get("date_start"))
        precision = item.get("date_precision", "day" if start is not None and start == end else None)
        if len(dates) == sum(item.get(k) is not None for k in ("date_start", "date_end")):
            why = check_precision(start, end, precision)
            if why:
                problems.add(rel, "date-precision", why, **where("date_precision"))
        reg.events.append(
            {
                "event_id": item["id"],
                "event_type": item["type"],
                "description": item["description"],
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "location": item.get("location"),
            }
        )
        reg.lines["event", item["id"]] = line_at(doc, [i])
        for j, link in enumerate(item.get("actors", [])):
            try:
                actor_id = reg.actor(link["actor"])
            except ReferenceProblem as exc:
                problems.add(rel, exc.rule, exc.message, value=link["actor"], **where("actors", j, "actor"))
                continue
            reg.event_actors.append({"event_id": item["id"], "actor_id": actor_id, "role": link["role"]})
