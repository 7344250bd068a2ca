"""How news copy writes a number of people: digits ("1,200"), words ("twenty-one", "two dozen", "half a dozen"),
ranges ("260-280", "some 70,000 to 75,000", "between 20 and 30"), vague words ("dozens", "several hundred"),
digits with a scale word ("15 thousand", "1.5 million"), each with the qualifier before it ("at least", "some",
"over"). The build reads the same words
(scripts/reading/quantities.py), so what the draft finds it can check."""

from __future__ import annotations

import re

from scripts.draft.words import alternation
from scripts.reading.quantities import PREFIXES

_UNITS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million dozen"
).split()
_NUMBER_WORDS = (
    r"half\s+a\s+dozen|(?:(?:a|an)\s+)?(?:"
    + alternation(_UNITS)
    + r")(?:(?:-|\s+(?:and\s+)?)(?:"
    + alternation(_UNITS)
    + r"))*"
)
_VAGUE = (
    r"(?:several|a\s+few|many)\s+(?:hundreds?|thousands?|dozens?)"
    r"|hundreds\s+of\s+thousands|tens\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|several"
    r"|(?<!how\s)(?<!so\s)(?<!too\s)many"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_SCALED = r"\d+(?:\.\d+)?\s+(?:thousand|million)"  # "15 thousand", "1.5 million"
_PREFIX = (  # "at least", "some", "over"; not "handed over 12 captives"
    r"(?:(?:"
    + alternation(p for p, _ in PREFIXES if p != "over")
    + r"|(?<!handed\s)(?<!handing\s)(?<!hands\s)(?<!turned\s)(?<!passed\s)over)\s+)?"
)
FIGURE = re.compile(
    r"(?<![\w$£€.,-])(?:(?<!from\s)"  # "260-280", "some 70,000 to 75,000"; not "rose from 10 to 12"
    + _PREFIX
    + r"(?:"
    + _DIGITS
    + r")(?:\s?[-–]\s?|\s+to\s+)(?:"
    + _DIGITS
    + r")(?!\d)|between\s+(?:"
    + _DIGITS
    + "|"
    + _NUMBER_WORDS
    + r")\s+and\s+(?:"
    + _DIGITS
    + "|"
    + _NUMBER_WORDS
    + r")|"
    + _PREFIX
    + r"(?:"
    + _SCALED
    + "|"
    + _DIGITS
    + "|"
    + _VAGUE
    + "|"
    + _NUMBER_WORDS
    + r"))(?![\w-]|%|\s+per\s?cent)",
    re.IGNORECASE,
)
