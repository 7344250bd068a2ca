"""Finding the words that date a row ("on Monday", "yesterday", "in a Sunday statement"): only words the build
itself resolves (scripts/reading/dates.py) are proposed, so a drafted date never needs a reading the build cannot
check."""

from __future__ import annotations

import re
from datetime import date

from scripts.reading.dates import (
    CALENDAR,
    DAY_RANGE,
    DAYS_DASHED,
    DAYS_LISTED,
    OUTBREAK_AFTER,
    PAST_DAY,
    PERIOD_FROM,
    PERIOD_TO,
    WAR_BEGAN,
    WAR_LASTED,
    WAR_SO_FAR,
    WEEKDAYS,
    resolve,
)


def _unnamed(pattern: str) -> str:
    """A pattern without its group names, to embed in another or use twice."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


WEEKDAY_NAMES = "|".join(name.capitalize() for name in WEEKDAYS)
# Longest forms first at each place; a preposition that makes a period ("since Sunday") is caught by
# dates.resolve, which refuses it, so such words are never proposed.
DAY_WORDS = re.compile(
    rf"\b(?:(?:[Oo]n\s+)?(?i:{_unnamed(DAYS_LISTED)})"  # "on October 4, 5 and 8"
    rf"|(?:[Oo]n\s+)?(?i:{CALENDAR.pattern})"
    rf"|in\s+an?\s+(?:{WEEKDAY_NAMES})\s+statement"
    rf"|(?:(?:early|late)\s+)?(?:[Oo]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Nn]ext)\s+(?:{WEEKDAY_NAMES})(?:’s|'s)?"
    rf"|(?:{WEEKDAY_NAMES})(?:’s|'s)"
    # "in the early hours of Monday", "late Sunday", "Sunday evening"
    rf"|(?:[Ii]n\s+)?the\s+(?:early\s+)?hours\s+of\s+(?:{WEEKDAY_NAMES})"
    rf"|(?:[Ee]arly|[Ll]ate)\s+(?:{WEEKDAY_NAMES})(?![’'\w])"
    rf"|(?:{WEEKDAY_NAMES})\s+(?:morning|afternoon|evening|night)"
    # "the attacks on Tuesday, when four were killed, and Wednesday, when 21 died"
    rf"|(?:{WEEKDAY_NAMES})(?=,\s+when\b)"
    # wire copy's bare weekday after a verb: "four civilians died Saturday", "were killed Sunday"
    rf"|(?:(?<=ed\s)|(?<=hit\s)|(?<=shot\s)|(?<=struck\s)|(?<=fell\s)|(?<=left\s))(?:{WEEKDAY_NAMES})(?![’'\w])"
    # and after the place or attack of its clause: "killed in the shelling of Stepanakert Friday as ...", "in
    # shelling Friday, officials said"
    rf"|(?<=[a-z]\s)(?:{WEEKDAY_NAMES})(?=[,.;]|\s+(?:as|when|after|and|while|amid|before|in|at|near)\b|$)"
    rf"|[Yy]esterday|[Tt]oday)\b"
)
PERIOD_WORDS = re.compile(r"^(?:early\s+|late\s+)?(?:since|until|by|last|next)\b", re.IGNORECASE)
# Words that date a figure as a period the build does not read on its own: kept in date_text all the same, so that
# the build asks the reviewer for the dates (rule date-unresolved) instead of the figure going undated unnoticed.
PERIOD_PHRASES = re.compile(
    r"\b(?:overnight|over\s+the\s+weekend|since\s+the\s+weekend"
    r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:(?:24|48|72)\s+hours|(?:few\s+)?days?|week))\b",
    re.IGNORECASE,
)


_DAY_OF_MONTH = _unnamed(CALENDAR.pattern)
_WAR_LASTED = _unnamed(WAR_LASTED)
_DAY_RANGE = _unnamed(DAY_RANGE)
# A running total's period, which the build reads as ending at publication: "since Sunday", "since Sept. 27",
# "over the past 24 hours", "overnight".
RUNNING = re.compile(
    rf"\b(?:(?i:{PERIOD_FROM})\s+(?i:{_DAY_OF_MONTH})\s+{PERIOD_TO}\s+(?i:{_DAY_OF_MONTH})"
    rf"|(?:(?i:{PERIOD_FROM})\s+)?(?i:{DAYS_DASHED})"
    rf"|(?:[Ee]ver\s+)?[Ss]ince\s+(?i:{WAR_BEGAN})?(?:the\s+(?=[^,.;]{{1,20}}?(?i:{OUTBREAK_AFTER})))?"
    rf"(?:(?i:{CALENDAR.pattern})|(?:last\s+)?(?:{WEEKDAY_NAMES})|yesterday)(?i:{OUTBREAK_AFTER})?"
    rf"|(?i:{PAST_DAY})"
    r"|[Oo]vernight"
    rf"|(?i:{WAR_SO_FAR})"
    rf"|(?i:{_WAR_LASTED})"
    rf"|(?:[Oo]n\s+)?(?i:{_DAY_RANGE})"
    rf"|(?:[Aa]s\s+of|[Bb]y)\s+(?:(?i:{_DAY_OF_MONTH})|(?:{WEEKDAY_NAMES})|yesterday|today))"
)
PART_OF_WAR = re.compile(
    r"\b(?:first|past|last|final|previous|opening|initial|early|later)\s+(?:(?:\w+|a\s+few)\s+)?$", re.IGNORECASE
)
_SECOND_OF_TWO = re.compile(rf"\b{PERIOD_FROM}\s+[^,;.]{{1,30}}?\s+{PERIOD_TO}\s+$", re.IGNORECASE)
_BOUNDED = re.compile(r"\b(?:since|from|until|till|by|after|before|between|through|as\s+of)\s+$", re.IGNORECASE)
# "the worst flare-up since 2016, when some 200 people were killed": the when-clause happened in that year.
YEAR_WHEN = re.compile(r"\b((?:19|20)\d\d),\s+when\s+$")


def day_words(text: str, start: int, end: int, published: date | None, single_day: bool = True):
    """(start, end) of each phrase between the offsets that the build reads as one day; phrases that make a
    period ("since Sunday") are skipped."""
    found = []
    matches = list(DAY_WORDS.finditer(text, start, end))
    periods = [m.span() for m in RUNNING.finditer(text, max(0, start - 80), end)] if matches else []
    for match in matches:
        words = match.group(0)
        if (
            any(a <= match.start() and match.end() <= b for a, b in periods)  # "since the war began on Sept. 27"
            or PERIOD_WORDS.match(words)
            or _BOUNDED.search(text, max(0, match.start() - 10), match.start())
            or _SECOND_OF_TWO.search(text, max(0, match.start() - 50), match.start())
        ):
            continue  # "since Sept. 27", "between September 27 and October 4": a period, not that day
        if readable(words, published, single_day):
            found.append((match.start(), match.end()))
    return found


def readable(words: str, published: date | None, single_day: bool = True, war_began: date | None = None) -> bool:
    """The build resolves the words (to one day where single_day), and not to a day after publication."""
    period = resolve(words, published, war_began)
    if period is None:
        return False
    if single_day and period.precision not in (None, "day"):
        return False
    return published is None or period.start is None or period.start <= published


def year_before_when(text: str, start: int, published: date | None) -> tuple[int, int] | None:
    """(start, end) of the year that dates a when-clause starting at `start`, as in "since 2016, when ..."."""
    match = YEAR_WHEN.search(text, max(0, start - 20), start)
    if match and readable(match.group(1), published, single_day=False):
        return match.start(1), match.end(1)
    return None


def running_words(
    text: str, start: int, end: int, published: date | None, war_began: date | None = None
) -> tuple[int, int] | None:
    """(start, end) of the first running period between the offsets that the build reads ("since Sunday", "so
    far" where the registry knows the war in progress)."""
    for match in _running(text, start, end):
        if readable(match.group(0), published, single_day=False, war_began=war_began):
            return match.span()
    return None


def _running(text: str, start: int, end: int):
    """The running periods between the offsets, but for a part of the war ("the first days of fighting", "the
    past two days of fighting")."""
    for match in RUNNING.finditer(text, start, end):
        if not PART_OF_WAR.search(text, max(0, match.start() - 30), match.start()):
            yield match


def any_date_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the first words between the offsets that date something, whether or not the build can read
    them as one day ("since Sunday", "overnight", "over the past 24 hours")."""
    found = [
        m.span()
        for m in [
            next(_running(text, start, end), None),
            DAY_WORDS.search(text, start, end),
            PERIOD_PHRASES.search(text, start, end),
        ]
        if m
    ]
    return min(found) if found else None
