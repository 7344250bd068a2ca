"""Parts of a toll told by how many of it were whom ("14 of the dead were children", "four of the nine fatalities
were women", "Out of the 34 injured, 16 were women, and six were children"), and the toll named again in those words
("of the nine fatalities"), or as the whole a proportion is of ("4 out of 30 servicemen", "90,000 of Karabakh's 150,000
people"), which is no figure of its own."""

from __future__ import annotations

import re

from scripts.draft.words import GROUPS, alternation
from scripts.reading.dates import Period, resolve
from scripts.reading.quantities import parse_quantity

# The toll a part is of: "the dead", "those killed", "the nine fatalities", "the 34 injured people".
_TOLL_WORDS = r"(?:dead|killed|victims|wounded|injured|fatalities|casualties|deaths)"
_TOLL = r"(?:the|those)\s+(?:[\w,.-]+\s+)?(?:people\s+|persons\s+)?(?P<what>" + _TOLL_WORDS + ")"
_WERE_GROUP = r"\s+(?:were|are|was|is)\s+(?:(?:also|all)\s+)?(?P<group>(?:" + alternation(GROUPS) + r"))\b"
# After the number: "(14) of the dead were children", "(4) out of the nine fatalities were women".
PART_OF_TOLL = re.compile(r"\s+(?:out\s+)?of\s+" + _TOLL + r"\b", re.IGNORECASE)
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+" + _TOLL + _WERE_GROUP, re.IGNORECASE)
# Opening the sentence, the parts after it: "Out of the 34 injured, 16 were women, and six were children."
_OPENING = re.compile(r"(?:[Oo]ut\s+of|[Oo]f)\s+" + _TOLL + r"\b[^,;.]{0,60},\s+", re.IGNORECASE)
_WERE = re.compile(_WERE_GROUP, re.IGNORECASE)
# Before a number, words that make it a toll named again or the whole of a proportion, not a figure of its own.
_NAMED_AGAIN = re.compile(r"\b(?:out\s+of|of)\s+(?:the|those)\s+$", re.IGNORECASE)
_WHOLE_OF = re.compile(r"\b[\w,.-]+\s+(?:out\s+of|of\s+[A-Z][\w’'-]*(?:’s|'s))\s+$")


def _kind(what: str) -> str:
    return "wounded" if what.lower() in ("wounded", "injured") else "killed"


def part_of_toll(text: str, value_end: int, limit: int) -> tuple[int, str, str] | None:
    """(end, kind, status) of "N of the (M) dead were children" after the number; None for any other "N of the
    wounded" ("two of the wounded are in a critical condition")."""
    part = _PART_OF.match(text, value_end, limit)
    if part is None:
        return None
    return part.end(), _kind(part.group("what")), GROUPS[part.group("group").lower()]


def part_after_opening(text: str, sentence_start: int, value: tuple[int, int], limit: int):
    """(end, kind, status) of a part a sentence lists after the toll it opens with ("Out of the 34 injured, 16
    were women, and six were children": 16 and six), else None."""
    opening = _OPENING.match(text, sentence_start, limit)
    if opening is None or value[0] < opening.end():
        return None
    were = _WERE.match(text, value[1], limit)
    if were is None:
        return None
    return were.end(), _kind(opening.group("what")), GROUPS[were.group("group").lower()]


def named_again(text: str, claim, told: list) -> bool:
    """A figure whose number names again a toll told before ("four of the nine fatalities" after "nine people were
    killed"), or is the whole a proportion is of ("4 out of 30 servicemen were captured")."""
    before = text[max(0, claim.number[0] - 40) : claim.number[0]]
    if _WHOLE_OF.search(before):
        return True
    if not _NAMED_AGAIN.search(before):
        return False
    value = _value(text, claim.number)
    return value is not None and any(c.type == claim.type and _value(text, c.number) == value for c in told)


def _value(text: str, span: tuple[int, int]) -> int | None:
    quantity = parse_quantity(text[span[0] : span[1]])
    return quantity.value_min if quantity else None


# "of the nine fatalities", "Out of the 34 injured": the count of the toll a part is of.
_TOLL_COUNTED = re.compile(
    r"\b(?:out\s+of|of)\s+(?:the|those)\s+(?P<count>[\w,.-]+)\s+(?:people\s+|persons\s+)?" + _TOLL_WORDS + r"\b",
    re.IGNORECASE,
)


def take_toll_time(text: str, sentence_start: int, claim, told: list, published, war_began=None) -> None:
    """A part with no date words of its own ("Four of the nine dead were women") counts over the days of the toll
    it names, told before ("nine people were killed on Tuesday"): coded to them, with a note; the part is that
    toll's part either way."""
    named = list(_TOLL_COUNTED.finditer(text, max(sentence_start, claim.number[0] - 120), claim.end))  # near it
    count = parse_quantity(named[-1].group("count")) if named else None
    if count is None or count.value_min is None:
        return
    toll = next((c for c in reversed(told) if c.type == claim.type and _value(text, c.number) == count.value_min), None)
    if toll is None:
        return
    claim.whole = claim.whole or toll
    if claim.date is not None or claim.coded is not None:
        return
    period = toll.coded or (resolve(text[toll.date[0] : toll.date[1]], published, war_began) if toll.date else None)
    if period is None or period.start is None:
        return
    claim.coded = Period(period.start, period.end, period.precision, "coded")
    claim.note = claim.note or "Dated as the toll it is a part of, told before; check."
