"""How an article names again an actor it named before: a pronoun or a title ("he said", "the head of state
said"), a surname, spelt as before or another way, an honorific, "the ministry" or "the agency" for the body last
named. ArticleActors takes
these from this mixin, which reads only what it has found so far."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from scripts.draft.actor_index import Mention
from scripts.draft.names import CUE_AFTER, CUE_BEFORE, name_like
from scripts.draft.surnames import Surnames
from scripts.draft.text import fold
from scripts.draft.words import DOCUMENTS, STANDING, TITLE_WORDS, alternation

if TYPE_CHECKING:
    from scripts.draft.actor_index import ActorIndex
    from scripts.draft.proposals import ProposedActor
    from scripts.draft.text import ArticleText

# A person named again by a title: "the head of state said", "the president added".
PERSON_BY_TITLE = re.compile(
    r"[Tt]he\s+(head of state|president|prime minister|premier|foreign minister|defence minister|defense minister"
    r"|ombudsman)"
)


def title_head(title: str | None) -> str:
    """What a title says the person is, before "of", "to" or a comma: "assistant" for "Assistant to the President
    of Azerbaijan", "foreign minister" for "Foreign Minister of Armenia"."""
    return re.split(r"\s+(?:of|to|for|at|in|on)\s+|,", (title or "").lower())[0].strip()


# "has made a statement", "issued a report", "released a joint statement": the issuer of a document cited later.
ISSUED = re.compile(
    r"\b(?:made|issued|released|published|adopted|circulated|posted|put\s+out|sent)\s+(?:a|an|its|his|her|their)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{DOCUMENTS}|address)\b",
    re.IGNORECASE,
)


class References:
    """What an article refers back to, from the mentions found so far."""

    doc: ArticleText
    text: str
    index: ActorIndex
    mentions: list[Mention]
    types: dict[str, str]
    proposals: dict[str, ProposedActor]
    article_id: str
    spellings: dict[str, str]

    def name_of(self, actor_id: str) -> str:
        proposal = self.proposals.get(actor_id)
        return fold(proposal.name if proposal else (self.index.info.get(actor_id) or {}).get("name", actor_id))

    def _last(self, before: int, keep: Callable[[Mention], bool]) -> str | None:
        """The actor of the last mention found before an offset that `keep` accepts."""
        found = [m.actor_id for m in self.mentions if m.end <= before and keep(m)]
        return found[-1] if found else None

    def issuer(self, before: int) -> str | None:
        """For "the statement reads" with no one speaking before it: who was last said to have made, issued or
        released a statement or document ("Prosecutor General Kamran Aliyev has made a statement on ...")."""
        issued = [
            m for m in ISSUED.finditer(self.text, max(0, before - 1500), before) if not self.doc.in_quote(m.start())
        ]
        if not issued:
            return None
        at = issued[-1].start()
        sentence_start = max(self.text.rfind(". ", 0, at), self.text.rfind("\n", 0, at)) + 1
        return self._last(
            at,
            lambda m: (
                m.start >= sentence_start
                and self.types.get(m.actor_id) != "media_outlet"
                and not self.doc.in_quote(m.start)
            ),
        )

    def written(self, start: int, end: int) -> str:
        """The words between the offsets as the article spells them (the draft reads them in plain letters)."""
        return self.doc.original[start:end]

    def last_person(self, before: int) -> str | None:
        """The person last named outside quotation marks before an offset, for "He said"."""
        return self._last(before, lambda m: self.types.get(m.actor_id) == "person" and not self.doc.in_quote(m.start))

    def last_body(self, before: int, phrase: str) -> str | None:
        """For "the ministry", "the agency" or "the information center": the body last named before an offset whose
        name has those words; None for a document ("the statement"), which speaks for whoever spoke last."""

        def spelt(words: str) -> str:  # "defence" and "defense" are one word
            return words.lower().replace("defense", "defence")

        words = [w.removesuffix("'s").removesuffix("’s") for w in spelt(phrase).split()[1:]]
        return self._last(
            before,
            lambda m: (
                self.types.get(m.actor_id) != "person"
                and not self.doc.in_quote(m.start)
                and all(w in spelt(self.name_of(m.actor_id)) for w in words)
            ),
        )

    def last_of_kind(self, before: int, kinds: tuple[str, ...]) -> str | None:
        """For "the London-based human rights group", "the paper": the actor of those kinds last named before an
        offset."""
        return self._last(before, lambda m: self.types.get(m.actor_id) in kinds and not self.doc.in_quote(m.start))

    def _last_titled(self, before: int, word: str) -> str | None:
        word = {"head of state": "president", "premier": "prime minister"}.get(word, word)
        return self._last(
            before,
            lambda m: self.types.get(m.actor_id) == "person" and title_head(self._title_of(m.actor_id)).endswith(word),
        )

    def _title_of(self, actor_id: str) -> str | None:
        proposal = self.proposals.get(actor_id)
        return proposal.title if proposal else (self.index.info.get(actor_id) or {}).get("title")

    def _only_titles(self, start: int, end: int) -> bool:
        """The words between the offsets are a title: title words, "of", and names of actors ("of Armenia")."""
        for word in re.finditer(r"[\w’'.-]+", self.text[start:end]):
            at = start + word.start()
            lowered = word.group(0).lower().rstrip(".")
            named = any(m.start <= at < m.end for m in self.mentions)
            if not (
                named
                or lowered in TITLE_WORDS
                or lowered in ("of", "the", "for", "press", "senior", "acting", "former", "top", "chief", "official")
                or lowered in ("ministry", "office", "department", "service", "agency", "committee", "administration")
                or lowered in STANDING
                or word.group(0)[:1].isupper()
            ):
                return False  # "Head of the Foreign Policy Department of the Presidential Administration": a title
        return True

    def _surnames(self) -> None:
        """A person's surname alone names the person this article last named with it ("Vartanyan said")."""
        introduced = []
        for m in sorted(self.mentions):
            if self.types.get(m.actor_id) == "person":
                words = self.text[m.start : m.end].split()
                if len(words) >= 2 and name_like(words[-1]):
                    introduced.append((m.end, words[-1], m.actor_id))
                elif m.actor_id in self.proposals and name_like(words[-1]):  # named by a surname alone throughout
                    introduced.append((0, words[-1], m.actor_id))
        if not introduced:
            return
        surnames = {surname for _, surname, _ in introduced}
        pattern = re.compile(r"(?<![\w’'-])(" + alternation(surnames) + r")(?!\w)")
        for match in pattern.finditer(self.text, self.doc.body_start):
            start, end = match.span(1)
            if self._inside_longer_name(start, end):
                continue
            named = [actor for at, surname, actor in introduced if surname == match.group(1) and at <= start]
            if not named:
                continue
            here = [m for m in self.mentions if m.start <= start and end <= m.end]
            if here and (here[0].end - here[0].start > end - start):
                continue  # inside the full name itself
            self.mentions[:] = [m for m in self.mentions if m not in here]
            self.mentions.append(Mention(start, end, named[-1]))
            proposal = self.proposals.get(named[-1])
            if (
                proposal
                and self.written(*match.span(1)) not in self.index.registry.aliases
                and self.written(*match.span(1)) not in [*proposal.aliases, proposal.name]  # "Sida": no alias of itself
            ):
                proposal.aliases.append(self.written(*match.span(1)))
        self._spelling_variants(introduced)

    def _first_names(self) -> None:
        """A person named again by the first name alone, where a cue says so ("‘…,’ recalls Irina", "Irina said"):
        the one person of the article with that first name (feature copy's habit)."""
        people: dict[str, set[str]] = {}
        for m in self.mentions:
            words = self.text[m.start : m.end].split()
            if self.types.get(m.actor_id) == "person" and len(words) >= 2 and name_like(words[0]):
                people.setdefault(words[0], set()).add(m.actor_id)
        unique = {first: ids.pop() for first, ids in people.items() if len(ids) == 1}
        if not unique:
            return
        pattern = re.compile(r"(?<![\w’'-])(" + alternation(unique) + r")(?![\w’'-])(?!\s+[A-Z])")
        for match in pattern.finditer(self.text, self.doc.body_start):
            start, end = match.span(1)
            if any(m.start <= start < m.end for m in self.mentions):
                continue  # the full name itself, or another actor's
            before, after = self.text[max(0, start - 30) : start], self.text[end : end + 60]
            if CUE_AFTER.match(after) or CUE_BEFORE.search(before):
                self.mentions.append(Mention(start, end, unique[match.group(1)]))

    def _spelling_variants(self, introduced: list[tuple[int, str, str]]) -> None:
        """A surname spelt another way after the person was named ("Aliev" after "Ilham Aliyev"): the same person,
        with a note on a proposed actor so that the reviewer checks it."""
        surnames = Surnames([(surname, actor_id) for _, surname, actor_id in introduced])
        for word in re.finditer(r"(?<![\w’'-])[A-Z][a-z]+(?!\w)", self.text[self.doc.body_start :]):
            start, end = self.doc.body_start + word.start(), self.doc.body_start + word.end()
            known = surnames.find(word.group(0))
            if (
                known is None
                or known[0] == word.group(0)
                or any(m.start < end and start < m.end for m in self.mentions)
            ):
                continue
            self.mentions.append(Mention(start, end, known[1]))
            proposal = self.proposals.get(known[1])
            spelt = self.written(start, end)
            if proposal and spelt not in proposal.aliases:
                proposal.aliases.append(spelt)
                proposal.note = (proposal.note or "") + (
                    f" Also spelt '{spelt}' in the article, taken as the same person: check."
                )

    def _inside_longer_name(self, start: int, end: int) -> bool:
        before = re.search(r"([\w’'.-]+) $", self.text[max(0, start - 30) : start])
        after = re.match(r" ([\w’'.-]+)", self.text[end : end + 30])
        return bool(
            before
            and name_like(before.group(1))
            and not before.group(1).endswith((".", "’s", "'s"))
            or after
            and name_like(after.group(1))
        )
