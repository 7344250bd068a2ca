"""Reading a figure as worded ("around 200", "more than 100") into a qualifier and inclusive bounds."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"
}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = re.compile(
    r"^((?:several|a few|many)\s+(?:hundreds?|thousands?|dozens?)"  # "several hundred": no number given
    r"|dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands|millions|many|numerous|several"
    r"|a few|few|some)"
    r"(\s+(of\s+)?(more|people|civilians|soldiers|troops))?$"
)
# Words before the number, longest first: (pattern, qualifier).
PREFIXES = [
    (r"at least", "at_least"),
    (r"no fewer than", "at_least"),
    (r"a minimum of", "at_least"),
    (r"more than", "more_than"),
    (r"over", "more_than"),
    (r"higher than", "more_than"),  # "the number of fatalities was higher than 4,000"
    (r"greater than", "more_than"),
    (r"in excess of", "more_than"),
    (r"upwards of", "more_than"),
    (r"surpassed", "more_than"),  # "the death toll surpassed 100"
    (r"exceeded", "more_than"),
    (r"topped", "more_than"),
    (r"up to", "up_to"),
    (r"as many as", "up_to"),
    (r"at most", "up_to"),
    (r"fewer than", "fewer_than"),
    (r"less than", "fewer_than"),
    (r"around", "approx"),
    (r"about", "approx"),
    (r"some", "approx"),
    (r"roughly", "approx"),
    (r"approximately", "approx"),
    (r"nearly", "approx"),
    (r"nearing", "approx"),  # "the death toll was nearing 5,000"
    (r"almost", "approx"),
    (r"close to", "approx"),
    (r"just under", "approx"),
    (r"an estimated", "approx"),
    (r"an additional", "exact"),
    (r"another", "exact"),
    (r"a further", "exact"),
    (r"a total of", "exact"),  # "killed a total of 41 civilians"
]


@dataclass(frozen=True)
class Quantity:
    qualifier: str
    value_min: int | None
    value_max: int | None


MAX_COUNT = 10_000_000_000  # more people than live on Earth: no count of people is larger


def is_count(value) -> bool:
    """A whole number of people: 0 to MAX_COUNT (not a fraction, not infinite, not NaN, not true or false)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return (isinstance(value, int) or (math.isfinite(value) and value.is_integer())) and 0 <= value <= MAX_COUNT


def fits(stated: Quantity, read: Quantity) -> bool:
    """Whether bounds a coder states can be a reading of the words: their range and the words' range meet (a vague
    figure, which reads as no number, fits any)."""
    if read.value_min is None and read.value_max is None:
        return True
    low = max(v for v in (stated.value_min, read.value_min, 0) if v is not None)
    high = min(v for v in (stated.value_max, read.value_max, float("inf")) if v is not None)
    return low <= high


def span(quantity: Quantity) -> str:
    """The range of a figure in words for messages: 53, 53 to 60, 101 or more, up to 30."""
    low, high = quantity.value_min, quantity.value_max
    if low is not None and high is not None:
        return str(low) if low == high else f"{low} to {high}"
    if low is not None:
        return f"{low} or more"
    return f"up to {high}" if high is not None else "no number"


def parse_number(words: str) -> int | None:
    """An integer from digits ("1,200") or English number words ("two hundred"), else None."""
    words = re.sub(r"\bhalf a dozen\b", "six", words.strip().lower())
    if re.fullmatch(r"\d{1,3}(,\d{3})+|\d+", words):
        return int(words.replace(",", ""))
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(thousand|million)", words)
    if scaled:  # "15 thousand", "1.5 million"; not "1.5" alone
        value = float(scaled.group(1)) * _SCALES[scaled.group(2)]
        return int(value) if value.is_integer() else None
    total, current = 0, 0
    tokens = re.split(r"[\s-]+", words.replace(" and ", " "))
    if not tokens or tokens == [""]:
        return None
    for token in tokens:
        if token in ("a", "an", "another") and current == 0:  # "a child", "another soldier": one
            current = 1
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            scale = _SCALES[token]
            if scale in (12, 100):  # "two dozen", "two hundred": of the number before
                current = max(current, 1) * scale
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return total + current


def parse_quantity(value_text: str) -> Quantity | None:
    """The qualifier and bounds the words state, or None when the words need a coder's reading."""
    words = re.sub(r"\s+", " ", value_text.strip().lower())
    if _VAGUE.match(words):
        return Quantity("vague", None, None)
    qualifier = "exact"
    for prefix, name in PREFIXES:
        if words.startswith(prefix + " "):
            qualifier, words = name, words[len(prefix) + 1 :]
            break
    range_match = re.fullmatch(r"(?:between )?(.+?)(?: and | to |-|–)(.+)", words)
    if range_match:  # "260-280", "some 70,000 to 75,000"; "at least 260-280" is 260 or more
        low, high = parse_number(range_match.group(1)), parse_number(range_match.group(2))
        if low is not None and high is not None and low <= high:
            return _bounded(qualifier, low, high)
    words = re.sub(r"^(.+?) (?:more|others|other)$", r"\1", words)  # "two more", "32 others": N in addition
    number = parse_number(words)
    if number is None:
        return None
    return _bounded(qualifier, number, number)


def _bounded(qualifier: str, low: int, high: int) -> Quantity:
    """The bounds a qualifier puts on the number or range the words give."""
    if qualifier == "at_least":
        return Quantity("at_least", low, None)
    if qualifier == "more_than":
        return Quantity("more_than", low + 1, None)
    if qualifier == "up_to":
        return Quantity("up_to", None, high)
    if qualifier == "fewer_than":
        return Quantity("up_to", None, low - 1)
    return Quantity(qualifier, low, high)


def qualifier_problem(qualifier: str | None, value_min, value_max) -> str | None:
    """Why the bounds contradict the qualifier, or None when they agree."""
    has_min, has_max = value_min is not None, value_max is not None
    if qualifier is None:
        return "bounds are given without a qualifier" if (has_min or has_max) else None
    if has_min and has_max and value_min > value_max:
        return "value_min is greater than value_max; swap them or correct the figure"
    expected = {
        "exact": (has_min and has_max, "exact needs value_min and value_max (equal, or a range)"),
        "approx": (has_min and has_max, "approx needs value_min and value_max (the round figure)"),
        "at_least": (has_min and not has_max, "at_least needs value_min and no value_max"),
        "more_than": (has_min and not has_max, "more_than needs value_min (the stated figure + 1) and no value_max"),
        "up_to": (has_max and not has_min, "up_to needs value_max and no value_min"),
        "vague": (not has_min and not has_max, "vague figures store no number: leave value_min and value_max empty"),
    }
    if qualifier not in expected:
        return None  # not a qualifier at all: the enum of the schemas reports it, once
    ok, why = expected[qualifier]
    return None if ok else why
