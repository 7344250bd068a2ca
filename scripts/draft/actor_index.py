"""The registry compiled once for drafting: every name and alias of an actor (and the regular adjectives of
states, "Armenian" for Armenia) as one pattern, and the facts the draft asks of an actor (type, parent,
country). Built once per registry and used for every article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.build.registry import Registry
from scripts.draft.surnames import Surnames
from scripts.draft.text import fold
from scripts.draft.words import alternation


@dataclass(frozen=True, order=True)
class Mention:
    start: int
    end: int
    actor_id: str


def demonyms(name: str) -> list[str]:
    """The adjective of a state's name where English forms it regularly: Armenia -> Armenian, Azerbaijan ->
    Azerbaijani. Irregular ones (Turkish, Azeri) are aliases in the registry."""
    if re.search(r"[^aeiou]ia$|[^aeiou]a$", name):
        return [name + "n"]
    if re.search(r"(?:stan|jan)$", name):
        return [name + "i"]
    return []


class ActorIndex:
    """The registry's names and aliases as one pattern; built once per registry, used for every article."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.info = {a["actor_id"]: a for a in registry.actors}
        # Names in plain letters (text.fold), as the draft reads the article: "Erdoğan" finds the registry's "Erdogan".
        self.surfaces: dict[str, str] = {fold(s): next(iter(o)) for s, o in registry.aliases.items() if len(o) == 1}
        self.derived: set[str] = set()
        for actor in registry.actors:
            if actor["actor_type"] in ("state", "de_facto_authority"):
                for form in demonyms(fold(actor["name"])):
                    if form not in registry.aliases:
                        self.surfaces.setdefault(form, actor["actor_id"])
                        self.derived.add(form)
        for surface, actor_id in list(self.surfaces.items()):
            if surface.startswith("the ") and "The " + surface[4:] not in registry.aliases:
                self.surfaces.setdefault("The " + surface[4:], actor_id)
                self.derived.add("The " + surface[4:])
        lower: dict[str, set] = {}
        for surface, actor_id in self.surfaces.items():
            lower.setdefault(surface.lower(), set()).add(actor_id)
        self.lower = {s: next(iter(ids)) for s, ids in lower.items() if len(ids) == 1}
        self.pattern = re.compile(r"(?<![\w’'-])(" + alternation(self.surfaces) + r")(?!\w)") if self.surfaces else None
        self.person_names = {fold(a["name"]): a["actor_id"] for a in registry.actors if a["actor_type"] == "person"}
        self.surnames = Surnames(  # names of two or more capitalised words: not "adviser to President X"
            [
                (n.split()[-1], i)
                for n, i in self.person_names.items()
                if len(n.split()) >= 2 and all(w[:1].isupper() for w in n.split())
            ]
        )

    def body_by_words(self, phrase: str) -> str | None:
        """The one registered body whose name or an alias holds every word of a phrase, in any order: "the
        prosecutor general's office" for "Prosecutor General's Office of Azerbaijan"; None for none or several."""
        words = set(_words(phrase)) - {"the"}
        if len(words) < 2:
            return None  # "the office": any office
        found = {
            a["actor_id"]
            for a in self.registry.actors
            if a["actor_type"] == "government_body"
            and any(words <= set(_words(n)) for n in [a["name"], *(a.get("aliases") or [])])
        }
        return found.pop() if len(found) == 1 else None

    def type_of(self, actor_id: str) -> str | None:
        return self.registry.actor_types.get(actor_id)

    def parent_of(self, actor_id: str) -> str | None:
        return (self.info.get(actor_id) or {}).get("parent_actor_id")

    def country_of(self, actor_id: str | None) -> str | None:
        seen = set()
        while actor_id and actor_id not in seen:
            seen.add(actor_id)
            info = self.info.get(actor_id) or {}
            if info.get("country_iso3"):
                return info["country_iso3"]
            actor_id = info.get("parent_actor_id")
        return None


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", fold(name).lower()))
