"""Dates: parsing coded dates, resolving words such as "on Monday" against the publication date, and precision rules."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from scripts.common.problems import RuleError

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:in |during )?((?:19|20)\d\d)$", re.IGNORECASE)  # not "since 2016": a period
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name[:3]: i for name, i in list(MONTHS.items())} | {"sept": 9}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "17 October", "Oct. 17", "October 17, 2020", "17th October 2020": one calendar day.
CALENDAR = re.compile(
    r"(?<![-–]\s)(?<![-–])\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>"
    + _MONTH
    + r")(?!\s?[-–]\s?\d{1,2}\s+"
    + _MONTH
    + r")|(?P<m2>"
    + _MONTH
    + r")(?:\s+|(?<=\.))(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!\s?[-–]\s?(?:\d|"
    + _MONTH
    + r")))(?:,?\s+(?P<y>(?:19|20)\d\d))?(?!\w)",
    re.IGNORECASE,
)  # not a day of a range: "September 27-30", "27-30 September"
# Days of one month: "September 27-30, 2020", "27-30 September": the period from the first to the last.
DAY_RANGE = (
    r"(?:(?P<rm1>" + _MONTH + r")\s+(?P<ra1>\d{1,2})\s?[-–]\s?(?P<rb1>\d{1,2})"
    r"|(?P<ra2>\d{1,2})\s?[-–]\s?(?P<rb2>\d{1,2})\s+(?P<rm2>" + _MONTH + r"))(?:,?\s+(?P<ry>(?:19|20)\d\d))?(?!\w)"
)
# Two calendar days joined by a dash: "September 27 - October 11", "27 September–11 October 2020".
_DAY_OR_MONTH_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
DAYS_DASHED = rf"{_DAY_OR_MONTH_DAY}\s?[-–]\s?{_DAY_OR_MONTH_DAY}(?:,?\s+(?:19|20)\d\d)?(?!\w)"
_DAY_RANGE = re.compile(rf"^(?:on\s+|between\s+|from\s+)?{DAY_RANGE}$", re.IGNORECASE)
# Days of one month listed: "October 4, 5 and 8", "on October 4th, 5th, 8th, 11th and 17th", "4 and 5 October": the
# period from the first to the last (the days between that the list leaves out are within it, as the list's span).
_NTH = r"\d{1,2}(?:st|nd|rd|th)?"
DAYS_LISTED = (
    rf"(?:(?P<lm1>{_MONTH})\s+(?P<la1>{_NTH})(?:\s*,\s*{_NTH})*,?\s+and\s+(?P<lb1>{_NTH})"
    rf"|(?P<la2>{_NTH})(?:\s*,\s*{_NTH})*,?\s+and\s+(?P<lb2>{_NTH})\s+(?:of\s+)?(?P<lm2>{_MONTH}))"
    r"(?:,?\s+(?P<ly>(?:19|20)\d\d))?(?!\w)"
)
_DAYS_LISTED = re.compile(rf"^(?:on\s+)?{DAYS_LISTED}$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None
    precision: str | None
    source: str | None  # "computed" or "coded"

    @classmethod
    def empty(cls):
        return cls(None, None, None, None)


class DateError(RuleError):
    """A date that is not a real YYYY-MM-DD day."""


def parse_date(value) -> date:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise DateError("date-format", "dates are written YYYY-MM-DD", value)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateError("date-invalid", "not a calendar date; write a real date as YYYY-MM-DD", value) from None


def resolve(date_text: str, published: date | None, war_began: date | None = None) -> Period | None:
    """A period for words the build can read, or None when it cannot read them.

    Weekday words mean the most recent such day on or before publication (wire-copy usage: a
    Tuesday story's "on Monday" is the day before; a Monday story's "on Monday" is that day); so does a
    calendar day without its year ("on Oct. 17": the latest 17 October on or before publication).
    A running total of the war in progress ("so far", "since the start of the fighting", "as of Oct. 4", "by Oct.
    4") runs from war_began, the first day of that war as the registry has it; without it the words cannot be read.
    """
    words = date_text.strip()
    if _WAR_SO_FAR.match(words):
        return _from_war_start(war_began, published, published)
    lasted = _WAR_LASTED.match(words)
    if lasted:
        return _from_war_start(war_began, published, published) if _lasted_fits(lasted, war_began, published) else None
    as_of = _AS_OF.match(words)
    if as_of:
        day = resolve(as_of.group("day"), published)
        if day is None or day.precision not in (None, "day"):
            return None
        return _from_war_start(war_began, day.start, published)
    year = _YEAR.match(words)
    if year:
        y = int(year.group(1))
        return Period(date(y, 1, 1), date(y, 12, 31), "year", "computed")
    between = _BETWEEN.match(words) or _DASHED.match(words)
    period = _between(between.group("first"), between.group("last"), published) if between else None
    if period is not None:  # "between September 27 and October 4", "since September 27 until October 11"
        return period
    running = _running_period(words)
    if running is not None:
        return _up_to_publication(running, published)
    days = _DAY_RANGE.match(words)
    if days:
        return _day_range(days, published)
    listed = _DAYS_LISTED.match(words)
    if listed:
        month, in_year = listed.group("lm1") or listed.group("lm2"), listed.group("ly") or ""
        first, last = (re.sub(r"\D", "", listed.group(g + "1") or listed.group(g + "2")) for g in ("la", "lb"))
        return _between(f"{month} {first} {in_year}".strip(), f"{month} {last} {in_year}".strip(), published)
    if CALENDAR.search(words):
        return _calendar_day(words, published)
    relative = _relative_day(words)
    if relative is None:
        return None
    if published is None:
        return Period.empty()
    try:
        day = relative(published)
    except OverflowError:  # "yesterday" of 1 January of year 1
        return None
    return Period(day, day, "day", "computed")


# Words that turn a day into a period or a boundary ("since Sunday" runs to publication, "until Monday",
# "last Monday" may be a week back): the build refuses to guess and the coder states the dates.
_NOT_ONE_DAY = re.compile(
    r"\b(since|until|till|from|by|before|after|between|through|throughout|to|and|or|"
    r"last|next|past|previous|every|each|weekend|week|weeks|days|nights|overnight)\b"
)


# Periods that end at publication, as wire copy counts a running total: "since Sunday" (the most recent Sunday
# up to publication), "since Oct. 4", "over the past 24 hours" and "overnight" (the day before and the day of
# publication).
# The words of those periods, which the draft looks for in a text (scripts/draft/dates.py) and the build reads:
# "since the fighting began on Sept. 27" (the day a war began, as the text gives it), "over the past 24 hours".
WAR_WORDS = r"fighting|war|conflict|hostilities|clashes|escalation|offensive|attacks|aggression"
_WAR_WORDS = WAR_WORDS
_WAR = rf"(?:{_WAR_WORDS})"
BROKE_OUT = r"(?:began|broke\s+out|erupted|started|flared(?:\s+up)?|resumed|escalated)"
WAR_BEGAN = (
    # "the fighting began", "the Azerbaijani attacks began", "the large-scale war broke out"
    rf"(?:(?:(?:the\s+)?(?:latest\s+|new\s+|renewed\s+)?(?:[\w’'-]+\s+)?{_WAR}|it)"
    r"(?:\s+(?:with|in|over|between|against)\s+[^,.;\d]{1,40}?)?"
    rf"\s+{BROKE_OUT}"
    # "since the ceasefire took effect on Saturday": a truce's first day, which the words name
    r"|(?:the\s+)?(?:humanitarian\s+)?(?:ceasefire|cease-fire|truce)\s+(?:took\s+effect|came\s+into\s+(?:force|effect)"
    r"|entered\s+into\s+force|began|started))\s+(?:on\s+)?"
)
# A running total of the war in progress, with no date of its own: the build counts it from the first day of the war
# the registry holds (Registry.war_began); "as of Oct. 4" is such a total up to that day.
WAR_SO_FAR = (
    r"(?:ever\s+)?since\s+the\s+(?:very\s+)?(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?"
    rf"(?:(?:latest|current|recent|new|renewed|present)\s+)?(?:{_WAR_WORDS}|military\s+operations|aggression)"
    rf"|(?:ever\s+)?since\s+(?:(?:the\s+)?(?:[\w’'-]+\s+)?{_WAR}|it)"
    rf"(?:\s+(?:with|in|over|between|against)\s+[^,.;\d]{{1,40}}?)?\s+{BROKE_OUT}(?!\s+(?:on|in)\b)"
    r"|so\s+far|to\s+date|thus\s+far|by\s+now"
)
# The war in progress named by the time it has lasted or as the present one: "in over two weeks of fighting",
# "six weeks of war have killed", "in the ongoing conflict", "in this war". Not "the first days of fighting", "the
# past two days of fighting" (a part of it) nor "four days of fighting in April 2016" (another war).
_LASTED = r"a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|a\s+few|several"
_DATED_WAR = rf"\s+(?:in|of)\s+(?:(?:{'|'.join(calendar.month_name[1:])})\s+)?(?:19|20)\d\d"
WAR_LASTED = (
    r"(?:(?:in|during|over|after)\s+)?(?:(?:over|nearly|almost|more\s+than|about|some|around|roughly|"
    rf"less\s+than|just\s+over|barely)\s+)?(?:(?P<count>{_LASTED})\s+)?(?P<unit>days?|weeks?|months?)\s+of\s+"
    rf"(?:(?:intense|heavy|fierce|bloody|deadly|renewed|intensive|brutal|full-scale)\s+)?(?:{_WAR_WORDS})"
    rf"(?!{_DATED_WAR})"
    rf"|(?:in|during)\s+(?:the\s+(?:current|ongoing|latest|ensuing|present|recent|renewed)|this)\s+(?:{_WAR_WORDS})"
    r"|during\s+the\s+hostilities"
    rf"(?!{_DATED_WAR})"
)
_WAR_SO_FAR = re.compile(rf"^(?:{WAR_SO_FAR})$", re.IGNORECASE)
_WAR_LASTED = re.compile(rf"^(?:{WAR_LASTED})$", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_COUNTS = {w: i for i, w in enumerate("a two three four five six seven eight nine ten eleven twelve".split(), 1)}


def _lasted_fits(match: re.Match, began: date | None, published: date | None) -> bool:
    """Whether the war in progress has lasted about as long as the words say ("over two weeks" 17 days after it
    began): words that do not fit are of another war or a part of this one, and are not read."""
    if began is None or published is None or match.group("unit") is None:
        return True  # "in the ongoing conflict"; without dates _from_war_start decides
    elapsed = (published - began).days + 1
    unit = _UNIT_DAYS[match.group("unit").lower().rstrip("s")]
    count = (match.group("count") or "").lower()
    if not count or not (count.isdigit() or count in _COUNTS or count == "one"):  # "weeks of", "a few weeks of"
        plural = match.group("unit").lower().endswith("s")
        return elapsed >= unit * (2 if plural else 1) * 0.7 and (unit > 1 or elapsed <= 20)
    expected = unit * (1 if count == "one" else int(count) if count.isdigit() else _COUNTS[count])
    return expected * 0.5 <= elapsed <= expected * 1.6 + unit


_AS_OF = re.compile(r"^(?:as\s+of|by)\s+(?P<day>.+)$", re.IGNORECASE)  # "as of Oct. 4", "by Oct. 4"
PAST_DAY = (
    r"(?:(?:over|in|during|within)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<hours>24|48|72)\s+hours|day"
    r"|(?:few|several)\s+hours"
    r"|(?P<week>week|seven\s+days))"
)
# "since the September 27 outbreak of large-scale hostilities": the day the fighting began, named before it
OUTBREAK_AFTER = (
    rf"\s+(?:outbreak|start|beginning|onset|escalation|flare-up|resumption)(?:\s+of\s+(?:[\w-]+\s+){{0,3}}?{_WAR})?"
)
_SINCE = re.compile(
    rf"^(?:ever\s+)?since\s+(?:{WAR_BEGAN}|the\s+(?=.+?{OUTBREAK_AFTER}$))?(?P<day>.+?)(?:{OUTBREAK_AFTER})?$",
    re.IGNORECASE,
)
_PAST_HOURS = re.compile(rf"^{PAST_DAY}$|^overnight$", re.IGNORECASE)


# "between September 27 and October 4": the period from the one calendar day to the other
# The words that open a period of two days and join them (the draft finds the same words: draft/dates.py).
PERIOD_FROM, PERIOD_TO = r"(?:from|between|since)", r"(?:and|to|until|till|through)"
_BETWEEN = re.compile(rf"^{PERIOD_FROM}\s+(?P<first>.+?)\s+{PERIOD_TO}\s+(?P<last>.+)$", re.IGNORECASE)
_DASHED = re.compile(rf"^(?:{PERIOD_FROM}\s+)?(?P<first>.+?)\s?[-–]\s?(?P<last>.+)$", re.IGNORECASE)


def _day_range(match: re.Match, published: date | None) -> Period | None:
    """ "September 27-30": the days of one month, in the year given or the latest such up to publication."""
    month = MONTHS[(match.group("rm1") or match.group("rm2")).lower().rstrip(".")]
    first, last = int(match.group("ra1") or match.group("ra2")), int(match.group("rb1") or match.group("rb2"))
    if match.group("ry"):
        year, latest = int(match.group("ry")), None
    elif published is None:
        return Period.empty()  # the words stay; without a publication date the year is unknown
    else:
        year, latest = published.year, published
    try:
        start, end = date(year, month, first), date(year, month, last)
        if latest is not None and end > latest:
            start, end = date(year - 1, month, first), date(year - 1, month, last)
    except ValueError:
        return None
    return Period(start, end, "days", "computed") if start < end else None


def _between(first: str, last: str, published: date | None) -> Period | None:
    """A period between two calendar days ("September 27", "Oct. 4"), or None when either is not one."""
    if not (CALENDAR.fullmatch(first) and CALENDAR.fullmatch(last)):
        return None
    start, end = _calendar_day(first, published), _calendar_day(last, published)
    if start is None or end is None or start.start is None or end.start is None:
        return None if start is None or end is None else Period.empty()
    if start.start > end.start:
        return None
    return Period(start.start, end.start, "day" if start.start == end.start else "days", "computed")


def _running_period(words: str):
    """For words naming a period that ends at publication, how to find its first day from the publication
    date (None when it has none: the words cannot be read); else None."""
    past = _PAST_HOURS.match(words)
    if past:
        days = 7 if past.group("week") else int(past.group("hours") or 24) // 24  # "the past week": 7 days
        return lambda pub: pub - timedelta(days=days)
    since = _SINCE.match(words)
    if since is None:
        return None
    day = since.group("day").strip()
    if day.lower() == "yesterday":
        return lambda pub: pub - timedelta(days=1)
    if CALENDAR.fullmatch(day):
        return lambda pub: (_calendar_day(day, pub) or Period.empty()).start
    names = [m.group(1).lower() for m in _WEEKDAY.finditer(day)]
    if len(names) == 1 and re.fullmatch(r"(?:last\s+)?\w+day", day, re.IGNORECASE):
        target = WEEKDAYS[names[0]]
        return lambda pub: pub - timedelta(days=(pub.weekday() - target) % 7)
    return lambda pub: None


def _from_war_start(began: date | None, end: date | None, published: date | None) -> Period | None:
    """The period from the war's first day to `end` (publication, or the day of "as of"); None when no war in
    progress is known or it began after that day."""
    if began is None:
        return None
    if published is None or end is None:
        return Period.empty()  # the words stay; without a publication date there is no period
    if began > end:
        return None
    return Period(began, end, "day" if began == end else "days", "computed")


def _up_to_publication(first_day, published: date | None) -> Period | None:
    if published is None:
        return Period.empty()  # the words stay; without a publication date there is no period
    try:
        start = first_day(published)
    except (OverflowError, AttributeError):
        return None
    if start is None or start > published:
        return None
    return Period(start, published, "day" if start == published else "days", "computed")


def _calendar_day(words: str, published: date | None) -> Period | None:
    """One calendar day named in the words, or None (two days, a period, no such day)."""
    found = list(CALENDAR.finditer(words))
    if len(found) != 1 or _NOT_ONE_DAY.search(words.lower()):
        return None
    match = found[0]
    month = MONTHS[(match.group("m1") or match.group("m2")).lower().rstrip(".")]
    day = int(match.group("d1") or match.group("d2"))
    latest: date | None = None  # without a year, the day is the last such day up to publication
    if match.group("y") is not None:
        year = int(match.group("y"))
    elif published is None:
        return Period.empty()  # the words stay; without a publication date the year is unknown
    else:
        year, latest = published.year, published
    try:
        found_day = date(year, month, day)
        if latest is not None and found_day > latest:
            found_day = date(year - 1, month, day)
    except ValueError:
        return None
    return Period(found_day, found_day, "day", "computed")


def _relative_day(words: str):
    lowered = words.lower()
    if _NOT_ONE_DAY.search(lowered):
        return None
    if re.search(r"\byesterday\b", lowered):
        return lambda pub: pub - timedelta(days=1)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", lowered):
        return lambda pub: pub
    names = {m.group(1).lower() for m in _WEEKDAY.finditer(words)}
    if len(names) == 1:
        target = WEEKDAYS[names.pop()]
        return lambda pub: pub - timedelta(days=(pub.weekday() - target) % 7)
    return None


def check_precision(start: date | None, end: date | None, precision: str | None) -> str | None:
    """Why the dates do not fit their precision, or None when they do."""
    if start is None and end is None:
        return "a date precision is given without dates; give the dates or remove the precision" if precision else None
    if start is None or end is None or precision is None:
        return "date start, end and precision go together: give all three or none"
    if end < start:
        return "the period ends before it starts; swap the start and end dates or correct one"
    rules = {
        "day": start == end,
        "days": start < end,
        "week": (end - start).days == 6,
        "month": start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end.day == calendar.monthrange(end.year, end.month)[1],
        "year": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year,
        "years": (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year < end.year,
    }
    if not rules.get(precision, False):
        return (
            f"precision '{precision}' does not fit {start}..{end}: day = one day, days = several days, "
            "week = seven days, month = first to last day of one month, year = 1 Jan to 31 Dec of one year, "
            "years = 1 Jan to 31 Dec of different years"
        )
    return None
