"""People named one by one as killed or wounded, as prosecutors' and ombudsmen's reports list them ("Mekhman
Aliyev was killed when a shell hit ...", "Turgal Ibrahimov, a local resident, was wounded"): each is a figure of
one, its words the name, its count coded since no number is written; names listed together are a figure each, as
the text gives no total."""

from __future__ import annotations

import re

from scripts.draft.actors import ArticleActors
from scripts.draft.names import BORN, KIN, NAMED_CASUALTY
from scripts.draft.text import ArticleText, Sentence
from scripts.draft.words import CASUALTY_WORDS, GROUPS, ONE_PERSON


def named_victims(
    doc: ArticleText, actors: ArticleActors, sentence: Sentence
) -> list[tuple[int, int, int, str, str | None, int]]:
    """(start and end of the name, end of the casualty word, claim type, status an apposition gives, how many
    people: one) of each person the sentence names as killed or wounded, alone or in a list ("X (born 1992) and Y
    (born 1977) were injured"), in the reporter's words or in a quotation."""
    found: list[tuple[int, int, int, str, str | None, int]] = []
    for mention in actors.mentions:
        if not sentence.start <= mention.start < sentence.end or actors.types.get(mention.actor_id) != "person":
            continue
        after = NAMED_CASUALTY.match(doc.text, mention.end, sentence.end) or _elliptic(doc.text, mention, found)
        if after is None:
            continue
        word = (after.group("word") or after.group("died") or "wounded").lower()
        apposition = (after.group("apposition") or "").lower()
        statuses = {status for noun, status in ONE_PERSON.items() if re.search(rf"\b{noun}\b", apposition)}
        status = statuses.pop() if len(statuses) == 1 else None
        named = [mention]
        while (joined := _named_before(actors, named[0], doc.text)) is not None:  # "Yury Kotenok and Levon Arzanov"
            named.insert(0, joined)
        if after.group(0).lstrip().startswith(("were", "have")) and len(named) < 2:
            continue  # "... Artur Mammadov were killed": the name is one of others the words do not list
        group = GROUP_BEFORE.search(doc.text, max(sentence.start, named[0].start - 40), named[0].start)
        status = status or (GROUPS[group.group(1).lower()] if group else None)  # "village residents X and Y"
        if status is None and RANK_BEFORE.search(doc.text, max(sentence.start, named[0].start - 70), named[0].start):
            status = "military"  # "a colonel of the Azerbaijani army Babek Semidli", "Sergeant X"
        found += [(name.start, name.end, after.end(), CASUALTY_WORDS[word], status, 1) for name in named]
    for kin in KIN_CASUALTY.finditer(doc.text, sentence.start, sentence.end):  # "My son was injured"
        word = (kin.group("word") or kin.group("died") or "wounded").lower()
        if not any(start <= kin.start() < end for start, _, end, *_ in found):
            found.append((kin.start(), kin.end("kin"), kin.end(), CASUALTY_WORDS[word], _kin_status(kin["kin"]), 1))
    return found


# "X was killed and another soldier Y wounded": the verb left out after a name that follows a named casualty.
ELLIPTIC = re.compile(r"(?P<apposition>)\s+(?P<word>killed|wounded|injured|hurt|captured)\b(?P<died>)")
AND_ANOTHER = re.compile(r"\band\s+(?:(?:another|a|one)\s+)?(?:[\w-]+\s+){0,2}$")


def _elliptic(text: str, mention, found: list) -> re.Match | None:
    if not found or not AND_ANOTHER.search(text, max(found[-1][2], mention.start - 40), mention.start):
        return None
    return ELLIPTIC.match(text, mention.end)


# A relative named by kinship, with a name or none, as killed or wounded: "his father Suliddin was killed", "My son
# was injured", "her 10-month-old daughter Narin died"; a figure of one (whose people the reviewer says).
_KIN = "|".join(sorted(KIN - {"neighbour", "neighbor", "friend", "colleague"}, key=len, reverse=True))
KIN_CASUALTY = re.compile(
    rf"\b(?P<kin>(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:(?:younger|elder|older|little|baby|only|eldest|"
    rf"youngest|[\w-]+-old)\s+)*(?:{_KIN})(?:\s+[A-Z][\w’'-]+)?)"
    r"\s+(?:(?:was|has\s+been|had\s+been)\s+(?:(?:also|seriously|severely|fatally|badly|lightly)\s+)*"
    r"(?P<word>killed|wounded|injured|hurt)\b|(?:also\s+)?(?P<died>died)\b)"
)


# Relatives a coder counts as civilians: a woman of the family, a child by age ("his nine-year-old sister", "her
# 10-month-old son"); other kin ("my son", "his father") may have been soldiers, and stay for the reviewer.
FEMALE_KIN = {"mother", "sister", "daughter", "wife", "grandmother", "aunt", "niece", "widow"}
CHILD_AGE = re.compile(
    r"\b(?:(?:\d{1,2}|[\w-]+)-(?:month|week|day)|(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)-year)-old\b|\b(?:little|baby|infant)\b",
    re.IGNORECASE,
)


def _kin_status(words: str) -> str | None:
    if CHILD_AGE.search(words) or set(re.findall(r"[a-z]+", words.lower())) & FEMALE_KIN:
        return "civilian"
    return None


# A military rank before a name: "Sergeant Arman Hovhannisyan", "a colonel of the Azerbaijani army Babek Semidli".
RANK_BEFORE = re.compile(
    r"\b(?:colonel|lieutenant|sergeant|corporal|captain|major|private|commander)\b"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:army|armed\s+forces|forces|military|battalion|brigade|regiment))?"
    r"\s+$",
    re.IGNORECASE,
)

# People named as a group before the names: "civilians Shamama Guliyeva (born 1955), ...".
GROUP_BEFORE = re.compile(r"\b(" + "|".join(re.escape(g) for g in sorted(GROUPS, key=len, reverse=True)) + r")\s+$")

# Between two names of a list: a comma or "and", after a bracketed year of birth, before an age.
_JOINED = re.compile(rf"(?:{BORN})?(?:,\s*|,?\s+and\s+)(?:\d{{1,3}}-year-old\s+)?")


def _named_before(actors: ArticleActors, mention, text: str):
    """The person named right before this one, joined to it by "and" or a comma, or None."""
    for other in actors.mentions:
        if actors.types.get(other.actor_id) == "person" and other.end < mention.start:
            if _JOINED.fullmatch(text, other.end, mention.start):
                return other
    return None
