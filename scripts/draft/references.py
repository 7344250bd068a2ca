"""How an article names again an actor it named before: a pronoun or a title ("he said", "the head of state
said"), an honorific and a surname, "the ministry" or "the agency" for the body last named. ArticleActors takes
these from this mixin, which reads only what it has found so far."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scripts.draft.words import TITLE_WORDS

if TYPE_CHECKING:
    from scripts.draft.actor_index import ActorIndex, Mention
    from scripts.draft.proposals import ProposedActor
    from scripts.draft.text import ArticleText

# A person named again by a title: "the head of state said", "the president added".
PERSON_BY_TITLE = re.compile(
    r"[Tt]he\s+(head of state|president|prime minister|premier|foreign minister|defence minister|defense minister"
    r"|ombudsman)"
)


class References:
    """What an article refers back to, from the mentions found so far."""

    doc: ArticleText
    text: str
    index: ActorIndex
    mentions: list[Mention]
    types: dict[str, str]
    proposals: dict[str, ProposedActor]

    def _name_of(self, actor_id: str) -> str:
        proposal = self.proposals.get(actor_id)
        return proposal.name if proposal else (self.index.info.get(actor_id) or {}).get("name", actor_id)

    def last_person(self, before: int) -> str | None:
        """The person last named outside quotation marks before an offset, for "He said"."""
        found = [
            m
            for m in self.mentions
            if m.end <= before and self.types.get(m.actor_id) == "person" and not self.doc.in_quote(m.start)
        ]
        return found[-1].actor_id if found else None

    def last_body(self, before: int, phrase: str) -> str | None:
        """For "the ministry" or "the agency": the body last named before an offset whose name has that word;
        None for a document ("the statement"), which speaks for whoever spoke last."""
        head = phrase.lower().split()[1].removesuffix("'s").removesuffix("’s")
        found = [
            m.actor_id
            for m in self.mentions
            if m.end <= before
            and self.types.get(m.actor_id) != "person"
            and not self.doc.in_quote(m.start)
            and head in self._name_of(m.actor_id).lower()
        ]
        return found[-1] if found else None

    def _last_titled(self, before: int, word: str) -> str | None:
        word = {"head of state": "president", "premier": "prime minister"}.get(word, word)
        found = [
            m.actor_id
            for m in self.mentions
            if m.end <= before
            and self.types.get(m.actor_id) == "person"
            and word in (self._title_of(m.actor_id) or "").lower()
        ]
        return found[-1] if found else None

    def _title_of(self, actor_id: str) -> str | None:
        proposal = self.proposals.get(actor_id)
        return proposal.title if proposal else (self.index.info.get(actor_id) or {}).get("title")

    def _only_titles(self, start: int, end: int) -> bool:
        """The words between the offsets are a title: title words, "of", and names of actors ("of Armenia")."""
        for word in re.finditer(r"[\w’'.-]+", self.text[start:end]):
            at = start + word.start()
            lowered = word.group(0).lower().rstrip(".")
            named = any(m.start <= at < m.end for m in self.mentions)
            if not (named or lowered in TITLE_WORDS or lowered in ("of", "the", "for") or word.group(0)[:1].isupper()):
                return False  # "Head of the Foreign Policy Department of the Presidential Administration": a title
        return True
