"""The words news copy attributes speech with: cue verbs and their forms ("said", "was quoted by X as saying",
"Interfax quotes him"), "according to X", the bounds of a speaker's phrase, and the words that name a speaker
again ("the ministry", "the statement"). statements.py reads sentences with them; the figures use CUE to tell a
statement's day from a figure's."""

from __future__ import annotations

import re

from scripts.draft.text import TITLE_ABBREVIATIONS
from scripts.draft.words import (
    AUXILIARIES,
    CUE_ADVERBS,
    CUE_FORMS,
    DOCUMENTS,
    TOLD_OBJECT,
    alternation,
)

# "was quoted by Reuters as saying": a cue whatever outlet quoted the words (read as "was quoted as saying").
QUOTED_BY = (
    r"(?:was|were)\s+quoted\s+by\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+as\s+saying"
    # "Macron's office quoted him as saying", "Interfax quotes him as saying": the person named before
    r"|quot(?:ed|es)\s+(?:him|her)(?:\s+as\s+(?:saying|reporting|stating))?"
    # "it quoted Denis Krivosheev, a senior representative, as saying": the person it names
    r"|quot(?:ed|es)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}(?:,\s+[^,.;“”\"]{1,80},)?\s+as\s+"
    r"(?:saying|reporting|stating)"
)
CUE = re.compile(
    r"(?<![-‑])\b(?P<aux>(?:"
    + alternation(AUXILIARIES)
    + r")\s+(?:(?:"
    + alternation(CUE_ADVERBS)
    + r")\s+)?)?(?P<verb>"
    + QUOTED_BY
    + "|"
    + alternation(CUE_FORMS)
    + r")(?P<object>(?<=told)"
    + TOLD_OBJECT
    + r"(?=\s+(?:that|on|in|at|after|yesterday|today|earlier|late)\b|\s*[,.:;]|$))?(?P<later>\s+later)?\b"
)
BOUNDARY = re.compile(
    r"[,;:”»]|(?<=[\w!?.,])\"|(?<=[!?.,])[’']|\b(?:and|but|while|whereas|with|that|as|after|because|although|though|"
    r"when|where|so|which|who|since)\b"
)
# "according to X"; agency copy's "Trend reports referring to X", "Interfax reported, citing X", "quoting X"
ACCORDING_TO = re.compile(r"\b(?:[Aa]ccording\s+to|[Rr]eferring\s+to|[Cc]iting|[Qq]uoting)\s+([^,.;“”\"]+)")
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:" + alternation(CUE_ADVERBS) + r"|(?:early\s+|late\s+)?on\s+\w+day|"
    r"yesterday|today|officially|reportedly|publicly))+$"
)
# Time words before a subject: "Earlier today he tweeted", "On Monday, the ministry said", "Later, Aliyev wrote".
LEADING_TIME = re.compile(
    r"^(?:(?:earlier|later|meanwhile|separately)(?:\s+(?:today|yesterday|on\s+\w+day|this\s+week))?"
    r"|(?:early\s+|late\s+)?on\s+\w+day|today|yesterday)\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
# "X, who visited the front on Tuesday, said": a relative clause between the speaker and the cue.
RELATIVE = re.compile(r"(?:,\s+|\s+)(?:who|which)\b[^;“”\"«»]*,\s*$")
# A body named again by its kind, or a document it issued: "the ministry noted", "the agency said", "the
# statement reads", "the ministry's press service said".
BODY_HEADS = (
    r"(?:ministry|agency|office|service|committee|commission|council|department|government|administration|"
    r"authorities|army|center|centre|presidency|parliament|headquarters)"
)
ANAPHORA = re.compile(  # "the ministry", "the Ministry", "the information center", "the statement"
    rf"^[Tt]he\s+(?:(?:[a-z-]+\s+)?(?i:{BODY_HEADS})(?:['’]s\s+press\s+(?:service|office))?"
    rf"|(?:joint\s+)?(?:{DOCUMENTS}|analysis|update|findings))$"
)
# An unnamed spokesman of a body the article named: "a ministry spokesman wrote", "a defence ministry official said".
BODY_SPOKESMAN = re.compile(
    rf"^[Aa]n?\s+((?:[a-z-]+\s+)?(?i:{BODY_HEADS}))\s+(?:spokes(?:man|woman|person)|official|representative)$"
)
# The agent of a passive cue: "This was announced by the ministry's spokesman Artur Sargsyan".
BY_AGENT = re.compile(r"\s+by\s+((?:the\s+)?[^,.;:“”\"]{2,120}?)(?=\s*(?:[,.;:]|$|\s+(?:on|at|in|during)\s))")
QUOTED_NAME = re.compile(r"quot(?:ed|es)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
# An organisation described, not named: "the London-based human rights group", "the watchdog".
KIND_ANAPHORA = re.compile(
    r"^[Tt]he\s+(?:[\w’'-]+\s+){0,4}(?:(?P<organisation>group|organi[sz]ation|watchdog|charity|NGO)"
    r"|(?P<media_outlet>paper|newspaper|daily|broadcaster|channel|outlet|website)|(?P<body>body))$"
)
# The kinds of actor each of those words takes up: "the body" is an organisation or a government's.
ANAPHORA_KINDS = {
    "organisation": ("organisation",),
    "media_outlet": ("media_outlet",),
    "body": ("organisation", "government_body", "armed_force"),
}
# A name set in quotation marks, as some copy sets outlets' and weapons' names: "Gazeta.ru", «Caucasian Knot».
NAME_IN_MARKS = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}")
# A ministry named by its field alone, after its state spoke: "Azerbaijan apologised. “…,” the foreign ministry said".
STATE_MINISTRY = re.compile(r"^[Tt]he\s+((?:foreign|defen[cs]e|interior|health|emergenc(?:y|ies))\s+ministry)$", re.I)
ABBREVIATED_TITLES = alternation(TITLE_ABBREVIATIONS)  # read without regard to case
# A clause set off by commas between a speaker and the cue: "X, speaking in a televised address, said", "X, in an
# interview with Y, said".
INTERPOSED = re.compile(
    r"(?<=\S),\s+(?:in|at|during|speaking|writing|addressing|commenting|responding|replying)\b[^,;“”\"«»]{1,80},\s*$"
)
DOCUMENT = re.compile(rf"^[Tt]he\s+(?:[\w’'-]+\s+)?{DOCUMENTS}$")  # "the agency’s statement"
# What a source gave, before the source: "according to (the latest) figures released by ..."
SOURCE_OF_DATA = re.compile(
    r"(?:the\s+)?(?:latest\s+|new\s+|preliminary\s+|official\s+)?(?:information|data|figures|statistics|estimates)"
    r"\s+(?:provided|published|released|issued|given|compiled)\s+by\s+",
    re.IGNORECASE,
)
