"""Counts in brackets after the places of a breakdown: "Fatal cases were recorded in Stepanakert (7 people), Martuni
(6 people) and Hadrut (1 person)", "injured in Tartar (3), Aghdam (2)". Official reports list a toll by town so;
each bracket is a figure of the casualty its sentence names before the list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scripts.draft.text import ArticleText, Sentence
from scripts.draft.words import CASUALTY, CASUALTY_WORDS, GROUPS, alternation

if TYPE_CHECKING:
    from scripts.draft.figures import ClaimRow

_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# "Stepanakert (7 people)", "Martakert (3)", "Alashan village (1 person)": a number, and at most a group, alone in
# brackets right after a place's name; not a year ("(2020)") nor a clock time ("(10:00 Moscow time)").
BRACKETED = re.compile(
    rf"(?<=[A-Z][\w’'-]{{2}})\s*\((?P<value>(?!(?:19|20)\d\d\))\d{{1,4}}|{_SMALL})"
    rf"(?:\s+(?P<group>{alternation(GROUPS)}))?\)",
    re.IGNORECASE,
)


def bracketed_counts(doc: ArticleText, sentence: Sentence, found: list[ClaimRow]) -> list[ClaimRow]:
    """A figure for each count in brackets after a place, where a casualty word comes before the list in the
    sentence and no figure the draft found holds the number already."""
    from scripts.draft.figures import ClaimRow

    text = doc.text
    rows: list[ClaimRow] = []
    for match in BRACKETED.finditer(text, sentence.start, sentence.end):
        casualty = [c for c in CASUALTY.finditer(text, sentence.start, match.start()) if not doc.in_quote(c.start())]
        value = match.span("value")
        if not casualty or any(c.number[0] <= value[0] < c.number[1] for c in found):
            continue
        place = re.search(r"[A-Z][\w’'-]*(?:\s+(?:village|city|town|district|region))?\s*$", text[: match.start()])
        start = place.start() if place else match.start()
        group = (match.group("group") or "").lower()
        kind = CASUALTY_WORDS[casualty[-1].group(0).lower()]
        rows.append(ClaimRow(start, match.end(), kind, value=value, status=GROUPS.get(group), number=value))
    return rows
