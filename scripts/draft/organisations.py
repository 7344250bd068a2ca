"""Organisations an article names: a run of capitalised words ending in a head word ("Crisis Group", "Ministry of
Defence", "the Office of the Karabakh Human Rights Ombudsman"), or an outlet named beside what it is ("the Azertac
news agency"). ArticleActors proposes them from what this mixin finds; a name only resembling a known body is
noted for the reviewer, never folded into it."""

from __future__ import annotations

import re

from scripts.draft.actor_index import Mention
from scripts.draft.names import POSSESSIVE, coordinated, name_like
from scripts.draft.people import SURNAME_ENDING, People
from scripts.draft.text import fold
from scripts.draft.words import FUNCTION_WORDS, NOT_NAME, ORGANISATION_HEADS, TITLE_WORDS
from scripts.reading.dates import MONTHS, WEEKDAYS

NUMBER_WORDS = set("one two three four five six seven eight nine ten eleven twelve dozens hundreds".split())

# Outlets and seats of government whose one word is their name, unlike the other head words ("News", "Press",
# "Ministry", "Council").
NAMED_BY_ONE_WORD = {
    "Reuters",
    "AFP",
    "Interfax",
    "TASS",
    "Xinhua",
    "Guardian",
    "Telegraph",
    "Kremlin",
    "Pentagon",
    "Elysee",
    "Élysée",
    "UNICEF",
    "UNHCR",
    "OCHA",
    "UNESCO",
    "OSCE",
    "NATO",
    "ICRC",
}


# The rest of a list in a body's name, after its first item: ", Hostages and Missing Persons".
_WORDS = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
LISTED = re.compile(rf",\s+{_WORDS}(?:,\s+{_WORDS})*,?\s+and\s+{_WORDS}(?=\s+[a-z]|[.,;:]|$)")


class Organisations(People):
    """Finding organisations (see the module's docstring)."""

    def _covered(self, start: int, end: int) -> bool:
        return any(m.start <= start and end <= m.end for m in self.mentions)

    def _of_state(self, end: int) -> Mention | None:
        """The state or authority named right after a body's name: "(Defense Ministry) of Azerbaijan"."""
        of = re.match(r"\s+of\s+(?:the\s+)?", self.text[end : end + 12])
        named = [
            m
            for m in self.mentions
            if of and m.start == end + of.end() and self.types.get(m.actor_id) in ("state", "de_facto_authority")
        ]
        return named[0] if named else None

    def _named_in_full_before(self, start: int, name: str) -> str | None:
        """The body whose full name the article gave before and this name shortens: "the Prosecutor General's
        Office of Azerbaijan ... the Prosecutor General's Office" (one body, named in full once)."""
        if len(name.split()) < 2:
            return None
        short = fold(name).lower().replace("’", "'")
        fuller = {
            m.actor_id
            for m in self.mentions
            if m.end <= start
            and self.types.get(m.actor_id) != "person"
            and re.match(re.escape(short) + r"\s+\S", fold(self.text[m.start : m.end]).lower().replace("’", "'"))
        }
        return fuller.pop() if len(fuller) == 1 else None

    def _body_resemblance(self, name: str) -> str:
        """Words naming the known bodies whose name holds this one or is held in it ("Prosecutor General's Office"
        and the registry's "Prosecutor General's Office of Azerbaijan"), so the reviewer decides whether they are
        one."""

        def plain(text: str) -> str:
            return re.sub(r"^the\s+", "", fold(text).lower().replace("’", "'"))

        words = plain(name)
        if len(words.split()) < 2:
            return ""
        alike = sorted(
            a["actor_id"]
            for a in self.index.registry.actors
            if a["actor_type"] != "person" and (words in plain(a["name"]) or plain(a["name"]) in words)
        )
        if not alike:
            return ""
        return (
            f" Not folded into the known {', '.join(alike)}, whose name it resembles: if it is the same body, use "
            "that id in the coding and delete this entry; if not, keep both."
        )

    def _organisations(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The organisations a run of capitalised words names: two joined by "and" where each part ends in its own
        head word ("Human Rights Watch and Amnesty International"), else one ("Organization for Security and
        Co-operation in Europe")."""
        if self._covered(start, end):
            return []
        spans = coordinated(self.text, start, end)
        parts = [self._organisation(*span) for span in spans]
        if len(parts) > 1 and all(
            part and part[1] == span_end and self.text[start:span_end].split()[-1] in ORGANISATION_HEADS
            for part, (_, span_end) in zip(parts, spans, strict=True)
        ):  # each part ends in its head word: not "Institute for Peace and Conflict Studies"
            return [part for part in parts if part]
        if len(parts) > 1 and any(self._covered(*span) for span in spans[:-1]):
            return [part for part in parts if part]  # "Russia and NATO": a known actor is no part of a name
        whole = self._organisation(start, end) or self._outlet(start, end)
        return [whole] if whole else []

    def _organisation(self, start: int, end: int) -> tuple[int, int, str] | None:
        """(start, end) of an organisation's name ending in a head word ("Crisis Group", "Defence Army")."""
        tokens = list(re.finditer(r"\S+", self.text[start:end]))
        dateline = re.match(r"[A-Z]{3,}[-–—]", tokens[0].group(0)) if tokens else None
        offset = dateline.end() if dateline else 0  # "ANKARA-Anadolu Agency": the agency, not its dateline
        title = [  # "Spokesperson of the Ministry of Health"; not "Ministry of Defence of Armenia", no body after it
            i
            for i, t in enumerate(tokens[:-2])
            if t.group(0).lower() in TITLE_WORDS
            and tokens[i + 1].group(0) == "of"
            and any(POSSESSIVE.sub("", u.group(0)) in ORGANISATION_HEADS for u in tokens[i + 2 :])
        ]
        if title:
            tokens, offset = tokens[title[-1] + 2 :], 0  # "Spokesperson of the Ministry of Health": the ministry
        while tokens and tokens[0].group(0).lower() in FUNCTION_WORDS | NUMBER_WORDS:  # "four UN Security Council"
            tokens.pop(0)
        kept = len(tokens)
        while tokens and POSSESSIVE.sub("", tokens[-1].group(0)) not in ORGANISATION_HEADS:
            tokens.pop()  # "Caucasus Policy Institute in Tbilisi": the name ends at its head word
        if not tokens:
            return None
        last = POSSESSIVE.sub("", tokens[-1].group(0))
        kind = ORGANISATION_HEADS[last]
        whole = list(re.finditer(r"\S+", self.text[start:end]))
        tail = whole[len(whole) - (kept - len(tokens)) :] if kept > len(tokens) else []
        person = [i for i in range(1, len(tail) - 1) if _first_and_surname(tail[i].group(0), tail[i + 1].group(0))]
        if not person and len(tail) >= 4 and _person_after_body(*(t.group(0) for t in tail[-3:])):
            person = [len(tail) - 2]  # "... of the Presidential Administration Kamran Hasanli"
        tail = tail[: person[0]] if person else tail  # "Security Council of Artsakh Samvel Babayan": a person after
        state = [
            i for i in range(1, len(tail) - 1) if tail[i].group(0) == "of" and self._of_state(start + tail[i - 1].end())
        ]
        tail = tail[: state[0]] if state else tail  # "Ministry of Defence of Armenia": the state's, named after it
        org_start = start + tokens[0].start() + (offset if tokens[0].start() == 0 else 0)
        org_end = start + tokens[-1].start() + len(last)
        if tail and self._of_its_name(start + tail[0].start(), start + tail[-1].end()):
            org_end = start + tail[-1].end()
            listed = LISTED.match(self.text, org_end)
            if listed and not any(org_end <= m.start < listed.end() for m in self.mentions):
                org_end = listed.end()  # "State Commission on Prisoners of War, Hostages and Missing Persons"
            kind = "government_body" if kind == "media_outlet" else kind
        elif len(tokens) == 1 and last not in NAMED_BY_ONE_WORD:
            return None  # "Press secretary", "the Ministry": a head word alone names no one
        if any(m.start <= org_start and org_end <= m.end for m in self.mentions):
            return None
        return org_start, org_end, kind

    def _of_its_name(self, start: int, end: int) -> bool:
        """Words after an organisation's head word that are part of its name: "for Mine Action", "of Defence", "of
        the Karabakh Human Rights Ombudsman"; not "of Armenia Artsrun Hovhannisyan", where someone else is named."""
        words = self.text[start:end].split()
        places = [m for m in self.mentions if start <= m.start < end]
        if any(w.lower().strip(".,") in WEEKDAYS or w.lower().strip(".,") in MONTHS for w in words):
            return False  # "(the Red Cross) on Sunday": a date, not a name
        if words[0].lower() in ("for", "of", "on") and 1 < len(words) <= 7 and not places:
            return True  # "for Security and Co-operation in Europe", "on Human Rights"
        return (
            words[0] == "of"
            and 3 < len(words) <= 6
            and words[-1].lower() in ("ombudsman", "defender", "commissioner")
            and all(self.types.get(m.actor_id) in ("state", "de_facto_authority") for m in places)
        )

    def _outlet(self, start: int, end: int) -> tuple[int, int, str] | None:
        """ "the Azertac news agency", "state news agency Azertac": an outlet named beside what it is."""
        tokens = self.text[start:end].split()
        while tokens and tokens[0].lower() in FUNCTION_WORDS:
            start += len(tokens.pop(0)) + 1
        if not tokens:
            return None
        before, after = self.text[max(0, start - 30) : start], self.text[end : end + 30]
        if re.search(r"\b(?:news\s+agency|newspaper|broadcaster|daily|TV\s+channel)\s+$", before) or re.match(
            r"\s+(?:news\s+agency|newspaper|daily|broadcaster|television)\b", after
        ):
            return start, end, "media_outlet"
        if len(tokens) >= 2 and (ORGANISATION_HEADS.get(tokens[-1]) == "media_outlet" or tokens[0] == "Daily"):
            return start, end, "media_outlet"  # "Aravot Daily", "Daily Sabah", "The Moscow Times": a paper's title
        return None


def _first_and_surname(first: str, surname: str) -> bool:
    """Two words that read as a person's first name and surname ("Samvel Babayan")."""
    return name_like(first) and name_like(surname) and bool(SURNAME_ENDING.search(surname))


def _person_after_body(last: str, first: str, surname: str) -> bool:
    """Two name-like words right after a word of a body's name ("Administration Kamran Hasanli") name a person,
    whatever the surname's ending; not "of Emergency Situations", which follow no such word."""
    body_word = last[:1].isupper() and (last.lower() in NOT_NAME or last in ORGANISATION_HEADS)
    return body_word and name_like(first) and name_like(surname)
