"""Running counts before a figure ("the death toll has risen to 25", "the number of civilians killed ... had risen
to 94", "military losses to 1,077"): which one a figure completes, and what it counts."""

from __future__ import annotations

import re

from scripts.draft.words import CASUALTY, CASUALTY_WORDS, GROUPS, PASSED, TOLL, TOLL_PASSED, alternation

TOLL_HEAD = re.compile(r"\b(?:military|civilian|manpower|death\s+toll|toll|tally|number(?:\s+of)?)\b", re.IGNORECASE)


# Whose deaths a toll counts, after it: "the toll of dead soldiers", "the death toll among civilians".
TOLL_OF = re.compile(
    r"\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w-]+\s+)?(?:dead\s+|killed\s+|fallen\s+)?("
    + alternation(GROUPS)
    + r"|civilians)\b",
    re.IGNORECASE,
)


def nearest_toll(text: str, start: int, value_start: int) -> re.Match | None:
    """The running count nearest before a figure ("the number of civilians killed has risen to 11 ..., bringing
    the total death toll to 95": 95 is the death toll, not civilians)."""
    heads = list(TOLL_HEAD.finditer(text, start, value_start))
    pattern = TOLL_PASSED if PASSED.match(text, value_start) else TOLL  # "the toll has surpassed 100"
    for index in range(len(heads) - 1, -1, -1):
        toll = pattern.match(text, heads[index].start(), value_start)
        if toll is None:
            continue
        while index > 0 and not text[heads[index - 1].end() : heads[index].start()].strip():
            index -= 1  # "the military death toll": from "military", which says whose deaths
            toll = pattern.match(text, heads[index].start(), value_start) or toll
        return toll
    return None


def counted(toll: re.Match) -> tuple[str | None, str | None]:
    """What a running count counts: the type of casualty and the status of the people, from "death toll",
    "the number of civilians killed", "military losses"."""
    if toll.group("toll") or toll.group("status"):
        status = (toll.group("status") or toll.group("toll_status") or "").lower() or None
        of = TOLL_OF.match(toll.group(0), toll.end("toll") - toll.start()) if toll.group("toll") else None
        if status is None and of is not None:  # "the toll of dead soldiers": theirs
            return "killed", GROUPS.get(of.group(1).lower(), of.group(1).lower())
        if status is None and toll.group("toll"):
            return "killed", "unknown"  # "the total death toll": of everyone, whatever the figure before counts
        return "killed", "military" if status == "manpower" else status  # "manpower losses": soldiers
    what = toll.group("what")
    casualty = CASUALTY.search(what)
    group = re.search(r"\b(?:" + alternation(GROUPS) + r"|military|civilian)\b", toll.group(0), re.IGNORECASE)
    status = GROUPS.get(group.group(0).lower(), group.group(0).lower()) if group else None  # "dead servicemen"
    if casualty is None and re.search(r"\blosses\b", what, re.IGNORECASE):
        return "killed", status  # "the total number of its losses": lives lost
    return (CASUALTY_WORDS[casualty.group(0).lower()] if casualty else None), status


# A toll a figure brings up to: "reported 54 more military casualties, bringing the death toll to 158".
BRINGING = re.compile(r"\b(?:bringing|raising|taking|pushing|lifting)\s+(?:its|their|the)\s+$", re.IGNORECASE)
_WHOSE = re.compile(r"\b(?:military|civilian|" + alternation(GROUPS) + r")\b", re.IGNORECASE)


def status_brought(text: str, sentence_start: int, toll: re.Match) -> str | None:
    """The status of a toll that a figure told just before in its sentence brings up ("54 more military casualties,
    bringing the death toll to 158": soldiers'), where the toll's own words name none; not "bringing the total
    death toll to", which counts everyone (BRINGING wants the toll right after "the")."""
    if not toll.group("toll") or toll.group("toll_status"):
        return None
    if not BRINGING.search(text, max(sentence_start, toll.start() - 30), toll.start()):
        return None
    whose = [m.group(0).lower() for m in _WHOSE.finditer(text, sentence_start, toll.start())]
    status = (whose[-1] if whose[-1] in ("military", "civilian") else GROUPS.get(whose[-1])) if whose else None
    return status if status in ("military", "civilian") else None
