"""The people an article names: a name of two to four words, or one word where nothing else can be meant; the
title an apposition or the words before a name give; a person named again by a word of their title or
apposition ("the presidential aide", "the city resident"). ArticleActors takes these from this mixin."""

from __future__ import annotations

import difflib
import re
from functools import cached_property

from scripts.draft.actor_index import Mention
from scripts.draft.names import (
    APPOSITION_CUE,
    CAPITALISED,
    CUE_AFTER,
    CUE_BEFORE,
    NAMED_AS,
    PERSON_APPOSITION,
    POSSESSIVE,
    coordinated,
    name_like,
)
from scripts.draft.proposals import ProposedActor, free_id, slug
from scripts.draft.references import References, title_head
from scripts.draft.surnames import Surnames, spelt_alike
from scripts.draft.text import fold, strip_span
from scripts.draft.unnamed import described
from scripts.draft.words import BODY_ROLES, DOCUMENTS, NOT_NAME, TITLE_WORDS

# A person taken up by a pronoun that speaks: "she said", "he added".
PRONOUN = re.compile(r"\b(?:she|he)\b")

# Endings of surnames in the region's reporting and beyond ("Pashinyan", "Aliyev", "Zakharova", "Cavusoglu",
# "Shoigu"), which let one word before a cue verb be taken for a person.
SURNAME_ENDING = re.compile(
    r"(?:yan|ian|yev|iev|ev|ov|ova|eva|glu|oglu|enko|ko|sky|ski|dze|shvili|zade|zadeh|zada|vich|vic|ic|ić|gu)$"
)
# A role named again in other words: "the presidential aide" after "Assistant to the President X".
SAME_ROLE = {
    word: group
    for group in ({"aide", "assistant", "adviser", "advisor"}, {"spokesman", "spokeswoman", "spokesperson"})
    for word in group
}


class People(References):
    """Finding and proposing people (see the module's docstring)."""

    def _person_name(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) of a person's name: the last run of two to four name-like words."""
        tokens = [(start + m.start(), start + m.end(), m.group(0)) for m in re.finditer(r"\S+", self.text[start:end])]
        run: list[tuple[int, int, str]] = []  # (start, end, word)
        for token in reversed(tokens):
            if (
                name_like(token[2])
                and not (run and POSSESSIVE.search(token[2]))
                and not any(m.start <= token[0] < m.end for m in self.mentions)
            ):
                run.insert(0, token)
            elif run:
                break
        if len(run) >= 3 and re.search(r"\bof\s+$", self.text[max(0, run[0][0] - 4) : run[0][0]]):
            run = run[1:]  # "President of Artsakh Arayik Harutyunyan": the place is no part of the name
        if not 2 <= len(run) <= 4:
            place = list(re.finditer(r"\s+(?:on|in)\s+", self.text[start:end]))
            # "wrote Nikol Pashinyan on Facebook", "said Anna Petrosyan in Stepanakert": the name before the place
            return self._person_name(start, start + place[-1].start()) if place and len(run) < 2 else None
        possessive = POSSESSIVE.search(run[-1][2])
        name_end = run[-1][1] - len(possessive.group(0)) if possessive else run[-1][1]
        return run[0][0], name_end

    def _surname(self, start: int, end: int) -> tuple[int, int] | None:
        """(start, end) of a person named by one word where nothing else can be meant: after a title ("President
        Aliyev", "spokeswoman Stepanyan"), before an apposition and a cue ("Susana, a resident of Stepanakert,
        told"), after a cue and before an apposition ("said Jenny, a student"), or before a cue when the word has a
        surname's ending ("Pashinyan stated")."""
        tokens = list(re.finditer(r"\S+", self.text[start:end]))
        if len(tokens) == 2 and tokens[0].group(0).lower() in NOT_NAME:  # "As Aliyev put it": a sentence's first word
            tokens.pop(0)
        while len(tokens) > 1 and tokens[0].group(0).lower() in TITLE_WORDS:  # "President Aliyev": the title before
            tokens.pop(0)
        start = start + tokens[0].start() if tokens else start
        word = POSSESSIVE.sub("", self.text[start:end])
        if " " in word or not name_like(word) or len(word) < 3 or self.index.lower.get(word.lower()):
            return None
        end = start + len(word)
        title = re.search(r"([\w’'-]+)\s+$", self.text[max(0, start - 30) : start])
        after = self.text[end : end + 120]
        if (
            (title and title.group(1).lower() in TITLE_WORDS)
            or APPOSITION_CUE.match(after)
            or NAMED_AS.search(self.text, max(0, start - 60), start)
            or (SURNAME_ENDING.search(word) and CUE_AFTER.match(after))
            or (
                CUE_BEFORE.search(self.text, max(0, start - 30), start)
                and (PERSON_APPOSITION.match(after) or re.match(r",\s+who\s", after))
            )
        ):  # "..., said Jenny, a student in Yerevan", "said Nurvart, who gave no surname"
            if not self._surnames_in_full.has(word):  # "Hajivev" where "Hikmet Hajiyev" is named: folded later
                return start, end
        return None

    def _surname_speaks_later(self, start: int, end: int) -> bool:
        """A full name whose surname speaks later in the article ("Hikmet Hajiyev visited Ganja. ... “…,” Hajiyev
        added"): a person, though nothing around the full name says so."""
        words = self.text[start:end].split()
        if len(words) < 2 or not SURNAME_ENDING.search(words[-1]):
            return False
        return any(at >= end for at in self._speaking_words.get(words[-1], ()))

    def _pronoun_speaks_next(self, start: int, end: int) -> bool:
        """A full name opening a sentence, whose person is the next to speak as "she said" with no other full name
        between: feature copy's subject ("X sat on a folding chair. ... “…,” she said")."""
        words = self.text[start:end].split()
        sentence = self.doc.sentence_at(start)
        if len(words) < 2 or not SURNAME_ENDING.search(words[-1]) or sentence is None or sentence.start != start:
            return False
        following = next(
            (
                m
                for m in PRONOUN.finditer(self.text, end, end + 1500)
                if CUE_AFTER.match(self.text[m.end() : m.end() + 60])
            ),
            None,
        )
        if following is None:
            return False
        runs = CAPITALISED.finditer(self.text, end, following.start())
        return not any(self._person_name(*part) for m in runs for part in coordinated(self.text, *m.span()))

    @cached_property
    def _speaking_words(self) -> dict[str, list[int]]:
        """Where each capitalised word stands right before a cue ("Hajiyev added"), read once for the article."""
        found: dict[str, list[int]] = {}
        for m in re.finditer(r"(?<![\w’'-])[A-Z][\w’'-]*(?![\w’'-])", self.text):
            if CUE_AFTER.match(self.text[m.end() : m.end() + 60]):
                found.setdefault(m.group(0), []).append(m.start())
        return found

    @cached_property
    def _surnames_in_full(self) -> Surnames:
        """The last words of the names of two to four words the article gives (the registry's people included)."""
        runs = [
            self._person_name(*part)
            for m in CAPITALISED.finditer(self.text, self.doc.body_start)
            for part in coordinated(self.text, *m.span())
        ]
        named = {self.text[r[0] : r[1]].split()[-1] for r in runs if r}
        return Surnames([(surname, surname) for surname in named], also=self.index.surnames)

    def _propose_person(self, start: int, end: int, taken: set) -> None:
        name = self.text[start:end]
        known = self.index.lower.get(name.lower())
        if known is None and (known := self._spelt_otherwise(name)):
            self.spellings[self.written(start, end)] = known  # "Hikmat Hajiyev" for the registry's "Hikmet Hajiyev"
        if known:
            self.mentions.append(Mention(start, end, known))
            return
        actor_id = self._existing_proposal(name)
        if actor_id is None and (actor_id := self._proposed_otherwise(name)):
            proposal = self.proposals[actor_id]
            proposal.aliases.append(self.written(start, end))
            proposal.note = (
                proposal.note or ""
            ) + f" Also spelt '{name}' in the article, taken as the same person: check."
        if actor_id is None:
            actor_id = free_id(slug(name), taken | set(self.proposals))
            title, parent = self._title(start, end)
            self.proposals[actor_id] = ProposedActor(
                actor_id,
                self.written(start, end),
                "person",
                title=title,
                parent=parent,
                country_iso3=self.index.country_of(parent),
                note=self._note(start, end, "a person named in the text") + self._resemblance(name),
            )
            self.types[actor_id] = "person"
        self.mentions.append(Mention(start, end, actor_id))

    def _spelt_otherwise(self, name: str) -> str | None:
        """The registry's person this name names, spelt another way (the surname as Surnames finds it)."""
        words = name.split()
        found = self.index.surnames.find(words[-1]) if len(words) >= 2 else None
        if found is None:
            return None
        known = fold(self.index.info[found[1]]["name"]).split()
        shorter = known[len(known) - len(words) :] if len(known) > len(words) else known  # "Tayyip Erdogan"
        return found[1] if _alike(name, " ".join(shorter)) else None

    def _proposed_otherwise(self, name: str) -> str | None:
        """The person already proposed from this article whose name this one spells another way."""
        alike = [a.id for a in self.proposals.values() if a.type == "person" and _alike(name, a.name)]
        return alike[0] if len(alike) == 1 else None

    def _existing_proposal(self, name: str) -> str | None:
        return next((a.id for a in self.proposals.values() if fold(a.name) == name), None)

    def _title(self, start: int, end: int):
        """The title an apposition or the words before the name give ("senior analyst ... at Crisis Group",
        "State Department spokeswoman"), and the actor it names, as the parent."""
        paragraph = self.doc.paragraph_of(start)
        assert paragraph is not None  # a name starts with a letter, and every letter of the body is in a paragraph
        after = re.match(
            r",\s+(?:(?:an?|the)\s+)?([^,.;“”\"]+?)(?=,|\.(?:\s|$)|;|$| said| told)",
            self.text[end : self.doc.paragraphs[paragraph][1]],
        )
        if after and (
            not any(POSSESSIVE.sub("", w).lower() in TITLE_WORDS for w in after.group(1).split())
            or re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", after.group(1))
        ):  # ", who visited the front", "X, the army is advancing": a clause, not a title
            after = None
        before = self._title_before(start)
        if before is not None:  # "Armenian Prime Minister Nikol Pashinyan": the title the name comes with
            t_start, t_end = before, start
        elif after:
            t_start, t_end = end + after.start(1), end + after.end(1)
        else:
            return None, None
        t_start, t_end = strip_span(self.text, t_start, t_end, " ,;:")
        if t_end <= t_start:
            return None, None
        title = self.written(t_start, t_end)
        inside = [m for m in self.mentions if t_start <= m.start and m.end <= t_end]
        parent = inside[-1].actor_id if inside else None
        return title, parent

    def _title_before(self, start: int) -> int | None:
        """Where the title words right before a name start: "Azeri general", or, in agency copy, two titles
        between commas ("Assistant to the President of Azerbaijan, Head of ... Department Hikmet Hajiyev"), each
        with a title word; None when the words before are no title ("the ombudsman, Artak Beglaryan")."""
        sentence = self.doc.sentence_at(start)
        lead_start = sentence.start if sentence else start
        lead = self.text[lead_start:start]
        if lead.rstrip().endswith(",") or not lead.endswith(" "):
            return None
        words = re.search(r"(?:[\w’'-]+,?\s+){0,24}$", lead)
        assert words is not None  # the pattern matches, if need be nothing, at the end of any text
        begin, kept = lead_start + words.start(), None
        pieces = [m for m in re.finditer(r"[^,]+", self.text[begin:start]) if m.group(0).strip()]
        for count, piece in enumerate(reversed(pieces)):
            # "an aide to President Ilham Aliyev": the words before the name's own title are not it
            own = re.search(
                r".*\b(?:said|told|by|and|with|that|according" + ("|to" if count == 0 else "") + r")\s+", piece.group(0)
            )
            piece_start = begin + piece.start() + (own.end() if own else 0)
            words_of = re.split(r"[\s-]+", POSSESSIVE.sub("", self.text[piece_start : begin + piece.end()]).lower())
            if not set(words_of) & TITLE_WORDS:
                break
            kept = piece_start
            if own or count == 1:
                break  # at most two titles: "President of Azerbaijan, Commander-in-Chief Ilham Aliyev"
        if kept is None:
            return None
        article = re.match(r"\s*(?:an?|the)\s+", self.text[kept:start], re.IGNORECASE)
        return kept + (article.end() if article else 0)

    def _note(self, start: int, end: int, what: str) -> str:
        sentence = self.doc.sentence_at(start)
        context = self.text[sentence.start : sentence.end] if sentence else self.text[start:end]
        return f"Proposed by `python -m scripts draft` from {self.article_id}, {what}: “{context}”"

    def _resemblance(self, name: str) -> str:
        """Words naming the known actors this name resembles, so the reviewer decides whether they are one."""
        alike = set()
        for word in name.split():
            actor_id = self.index.surfaces.get(word)
            if actor_id and self.types.get(actor_id) == "person":
                alike.add(actor_id)
        for close in difflib.get_close_matches(name, self.index.person_names, n=2, cutoff=0.8):
            alike.add(self.index.person_names[close])
        if not alike:
            return ""
        return (
            f" Not folded into the known {', '.join(sorted(alike))}, whose name it resembles: if it is the same "
            "person, use that id in the coding and delete this entry; if not, keep both."
        )

    # --- surnames ------------------------------------------------------------------------------------------

    # --- who speaks -------------------------------------------------------------------------------------------

    def _described(self, start: int, end: int) -> str | None:
        """ "says the city resident", "according to the military official": the person last named whose
        apposition or the words before whose name hold that word ("Nelly Grigoryan, a resident of Stepanakert");
        an official, officer or representative is else the person last named with a title."""
        role = re.match(r"^(?:the|The)\s+(?:[\w’'-]+\s+){0,3}?([a-z][\w-]*)$", self.text[start:end])
        if not role:
            return None
        word = role.group(1).lower()
        if word in BODY_ROLES or re.fullmatch(DOCUMENTS, word):
            return None  # "the ministry" after "X, spokeswoman for the Defence Ministry": the ministry, not X; "the
            # letter" after "X sent a letter to Y": a document, which speaks for whoever issued it, not Y
        named = [
            m
            for m in self.mentions
            if start - 2500 < m.end <= start
            and self.types.get(m.actor_id) == "person"
            and not self.doc.in_quote(m.start)
        ]
        for m in reversed(named):
            apposed = re.match(r",\s+([^,.;“”\"]{1,80})", self.text[m.end : m.end + 90])
            before = self.text[max(0, m.start - 60) : m.start].split(",")[-1].split(".")[-1]
            if word in re.findall(r"[\w-]+", ((apposed.group(1) if apposed else "") + " " + before).lower()):
                self._mention(start, end, m.actor_id)
                return m.actor_id
        if word in ("official", "officer", "representative") and named:
            titled = [m.actor_id for m in named if self._title_of(m.actor_id)]
            if titled:
                self._mention(start, end, titled[-1])
                return titled[-1]
        return None

    def _titled(self, start: int, end: int) -> str | None:
        """ "the region's leader", "the minister": the person this article last named with that title."""
        role = re.match(r"^(?:the|The)\s+(?:[\w’'-]+\s+){0,3}?([\w-]+)$", self.text[start:end])
        if not role or role.group(1).lower() not in TITLE_WORDS:
            return None
        titled = []
        for m in self.mentions:
            if m.end > start or self.types.get(m.actor_id) != "person":
                continue
            head = title_head(self._title_of(m.actor_id)).split()
            if head and head[-1] in SAME_ROLE.get(role.group(1).lower(), {role.group(1).lower()}):
                # "aide to the president" is no president; "the presidential aide" is the assistant to one
                titled.append(m.actor_id)
        if not titled:
            return None
        self._mention(start, end, titled[-1])
        return titled[-1]

    @cached_property
    def unnamed_speakers(self) -> dict[str, str]:
        """Speakers the article describes without a name, by the id this draft gives each: their head noun."""
        return {}

    def unnamed(self, start: int, end: int) -> list[str]:
        """A speaker a subject phrase describes without naming ("one resident", "witnesses"): an id of this draft's
        own, the same for "the resident" taken up later; [] for any other phrase. Never proposed as an actor."""
        start, end = strip_span(self.text, start, end, " ,;:")
        found = described(self.text, start, end)
        if found is None:
            return []
        head, plural = found
        earlier = [
            m.actor_id for m in self.mentions if m.end <= start and self.unnamed_speakers.get(m.actor_id) == head
        ]
        definite = re.match(r"(?:the|this|that)\s", self.text[start:end], re.IGNORECASE)
        person = self.last_person(start) if definite and head in ("man", "woman") and not earlier else None
        named = [m.start for m in self.mentions if m.actor_id == person and m.end <= start]
        if named and self.doc.paragraph_of(named[-1]) == self.doc.paragraph_of(start):
            self._mention(start, end, str(person))  # "Dashgyn Cherkezov ... said ... “…,” the man said": just named
            return [str(person)]
        if earlier and definite:
            actor_id = earlier[-1]
        else:
            actor_id = next(f"unnamed-{n}" for n in range(1, len(self.types) + 2) if f"unnamed-{n}" not in self.types)
            self.unnamed_speakers[actor_id] = head
            self.types[actor_id] = "population_group" if plural else "person"
        self._mention(start, end, actor_id)
        return [actor_id]

    def _mention(self, start: int, end: int, actor_id: str) -> None:
        if not any(m.start < end and start < m.end and m.actor_id == actor_id for m in self.mentions):
            self.mentions.append(Mention(start, end, actor_id))
            self.mentions.sort()


def _alike(name: str, other: str) -> bool:
    """Two names of a person, word for word spelt alike ("Hikmat Hajiyev", "Hikmet Hajiyev"); one word is no name."""
    words, others = fold(name).split(), fold(other).split()
    return len(words) == len(others) >= 2 and all(
        spelt_alike(a, b, shortest=4) for a, b in zip(words, others, strict=True)
    )
