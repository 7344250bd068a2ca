"""The dates of a casualty figure: day words or a running period in its clause, the clause it hangs on, a
when-clause after it, or the words that date a statement of an earlier day; figures joined by "and" share them."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from scripts.draft.cues import CUE
from scripts.draft.dates import any_date_words, day_words, readable, running_words, year_before_when
from scripts.draft.text import Sentence
from scripts.draft.tolls import nearest_toll
from scripts.draft.words import ATTACK_NOUNS, BLAST_NOUNS, CLAUSE_END
from scripts.reading.dates import BROKE_OUT, WAR_WORDS, Period, resolve

if TYPE_CHECKING:
    from scripts.draft.figures import ClaimRow


def date_figure(doc, claim: ClaimRow, sentence: Sentence, published, war_began=None) -> None:
    """Day words or a running period in the figure's clause; else a year a when-clause hangs on ("since 2016,
    when ..."); else the words that date its clause before it ("On Oct. 11, a rocket killed 10 people", "a strike
    overnight killed 14") or the clause it hangs on (", killing 68 soldiers"), unless they date a statement ("said
    on Monday"). The evidence runs back to the words that date it."""
    text = doc.text
    said = earlier_statement_day(text, sentence, published)
    relative = said is None
    running = running_words(text, claim.start, claim.end, said, war_began) if said else None
    if said and running:  # "said on Monday that ... since the war began": to Monday, which the reviewer confirms
        claim.date, claim.coded = running, resolve(text[running[0] : running[1]], said, war_began)
        claim.note = f"A running total counted to the day of the statement ({said.isoformat()}); check."
        return
    found = [
        d
        for d in date_words(text, claim.start, claim.end, published, relative, war_began)
        if not _in_other_brackets(text, d, claim.number, sentence.start)
    ]
    if found:
        claim.date = found[0]
        _running_from_outbreak(text, claim, sentence, said or published, war_began)
        return
    year = year_before_when(text, claim.start, published)
    if year:
        claim.date, claim.start = year, year[0]
        return
    when = re.match(r"\s+(?:when|as|after)\s+", text[claim.end : sentence.end])
    if when:  # "a boy was wounded when a rocket hit their house on Tuesday": the when-clause dates the figure
        clause_end = CLAUSE_END.search(text, claim.end + when.end(), sentence.end)
        after = date_words(
            text, claim.end, clause_end.start() if clause_end else sentence.end, published, relative, war_began
        )
        if after and not CUE.search(text, claim.end, after[0][0]):
            claim.date, claim.end = after[0], after[0][1]
            return
    hangs = re.search(r",\s+(?:with\s+)?$", text[sentence.start : claim.start]) and (
        re.match(r"(?:killing|wounding|injuring|leaving)\b", text[claim.start : claim.end])
        or re.search(r"\bwith\s+$", text[sentence.start : claim.start])
    )  # ", killing 68 soldiers": the figure takes the day of the clause it hangs on
    before = [
        d
        for d in date_words(text, sentence.start, claim.start, published, relative, war_began)
        if not dates_statement(text, sentence, d)
        and not _in_other_brackets(text, d, claim.number, sentence.start)
        and not SOURCE_DATED.search(text, max(sentence.start, d[0] - 80), d[0])
        and (hangs or _dates_clause(text[d[1] : claim.start]) or _opens_sentence(text, sentence, d, claim.start))
    ]
    if before:
        claim.date, claim.start = before[-1], before[-1][0]
        _running_from_outbreak(text, claim, sentence, said or published, war_began)
        return
    trailing = _trailing_period(text, claim, sentence, published, war_began)
    if trailing:  # "At least 20 civilians were killed, 93 injured ... since the beginning of hostilities"
        claim.date, claim.end = trailing, max(claim.end, trailing[1])
        return
    claim.date = any_date_words(text, claim.start, claim.end)  # a period: kept, for the reviewer to date


# The day words name when fighting began, and a perfect tense counts from it: "the fighting, which erupted on Sept.
# 27, has killed", "hostilities began Sept. 27 and have left hundreds dead".
OUTBREAK = re.compile(  # "broke out on", "broke out in Nagorno-Karabakh on"
    rf"\b{BROKE_OUT}(?:\s+(?:in|over)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?\s+(?:on\s+)?$", re.IGNORECASE
)
PERFECT = re.compile(r"\b(?:has|have|had)\b", re.IGNORECASE)  # "had" in reported speech: "said 36 had been killed"


def _running_from_outbreak(text: str, claim: ClaimRow, sentence: Sentence, until, war_began) -> None:
    """A figure dated by the day fighting broke out, in a perfect tense, is a running total from that day: its
    dates are coded to the day of its statement (publication unless said earlier), with a note to check."""
    if claim.date is None or until is None:
        return
    (words_start, words_end), words = claim.date, text[claim.date[0] : claim.date[1]]
    if not OUTBREAK.search(text, max(sentence.start, words_start - 40), words_start):
        return
    between = (words_end, claim.end) if words_end <= claim.number[0] else (claim.number[1], words_start)
    if not PERFECT.search(text, *between):  # "has killed" after the day, or "have been killed in ..." before it
        return
    day = resolve(words, until, war_began)
    if day is None or day.start is None or day.precision not in (None, "day") or day.start > until:
        return
    claim.coded = Period(day.start, until, "days" if day.start < until else "day", "coded")
    claim.note = f"A running total from the day the fighting broke out to {until.isoformat()}; check."


# Date words of a source rather than of what it reports: "a report released on Monday", "according to ...".
SOURCE_DATED = re.compile(
    r"\b(?:released|published|issued|report|statement|according\s+to|briefing|address)\b[^,.;“”\"«»]*$", re.IGNORECASE
)


def _dates_clause(gap: str) -> bool:
    """Whether date words date the clause that follows them: "On Sunday alone, the army lost 45", "hit on
    October 27, when four civilians were killed", "a strike overnight killed 14"; not across ", and" or another
    clause."""
    gap = re.sub(r"^(?:\s+alone)?\s*,(?!\s+and\b)(?:\s+when\b)?", "", gap)
    return CLAUSE_END.search(gap) is None


def _opens_sentence(text: str, sentence: Sentence, words: tuple[int, int], until: int) -> bool:
    """Date words that open their sentence are the time of the whole sentence ("Since Sept. 27, the army has retaken
    208 villages, while 91 civilians have been killed"; "Today at about 10:00, as a result of ..."), unless a
    statement comes between: "On Monday, the ministry said 5 soldiers had died" dates the statement (a running
    period is the figure's all the same)."""
    marks = OPENING_MARKS.match(text, sentence.start)  # a quotation may open the sentence
    opening = marks.end() if marks else sentence.start
    inner = list(INNER_SENTENCE.finditer(text, opening, words[0] + 1))
    opening = inner[-1].end() if inner else opening  # a sentence inside a quotation: “... dead. Today there was ...”
    lead = LEAD.match(text, opening)
    adverbial = ADVERBIAL.fullmatch(text, opening, words[0]) and text.startswith(",", words[1])
    if not adverbial and (lead is None or lead.end() != words[0]):
        return False
    running = PERIOD_OPENING.match(text, words[0], words[1])
    return bool(running) or not CUE.search(text, words[1], until)


OPENING_MARKS = re.compile(r"[“\"«‘']?\s*")
INNER_SENTENCE = re.compile(r"[.!?…]\s+(?=[A-Z])")
# An adverbial opening a sentence that ends with date words: "As a result of the shelling of the cemetery on Oct.
# 15, residents ... were wounded".
ADVERBIAL = re.compile(r"(?:As\s+a\s+result\s+of|After|Following|During|Amid|In|Due\s+to)\b[^,.;:“”\"]{0,150}")


def _trailing_period(text: str, claim: ClaimRow, sentence: Sentence, published, war_began) -> tuple[int, int] | None:
    """A running period that ends the figure's sentence, after nothing but a list of what it counts: "At least 20
    civilians were killed, 93 injured, 5,800 people suffered damage since the beginning of hostilities". Not across
    another finite clause ("..., and 500 have died since"), a statement ("the ministry said") or a subordinate
    clause."""
    words = running_words(text, claim.end, sentence.end, published, war_began)
    if words is None or not re.fullmatch(
        r"(?:\s+(?:in|on|along|across|around|near|at)\s+[^,;:.!?]{1,60})?\W*", text[words[1] : sentence.end]
    ):
        return None  # the words end the sentence, but for a place: "... since the beginning of hostilities in X."
    gap = text[claim.end : words[0]]
    if len(gap) > 150 or re.search(r"[;:!?“”\"«»()]|\.(?!\d)", gap) or TRAILING_STOP.search(gap) or CUE.search(gap):
        return None
    return words


TRAILING_STOP = re.compile(
    r"\b(?:has|have|had|was|were|is|are|when|as|after|while|but|although|which|who|because|before|until|where)\b",
    re.IGNORECASE,
)


def _in_other_brackets(text: str, words: tuple[int, int], number: tuple[int, int], start: int) -> bool:
    """Date words in brackets the figure's number is not in: "25 civilians have been killed (five were killed
    yesterday alone) and more than 100 wounded" dates neither the 25 nor the 100."""
    opened = text.rfind("(", start, words[0])
    if opened < 0 or ")" in text[opened : words[0]]:
        return False
    closed = text.find(")", words[1])
    return not (opened < number[0] and (closed < 0 or number[1] <= closed))


PERIOD_OPENING = re.compile(r"(?:ever\s+)?since\b|so\s+far|to\s+date|as\s+of\b|by\b", re.IGNORECASE)


def earlier_statement_day(text: str, sentence: Sentence, published):
    """The day of a statement the sentence reports when it is earlier than publication ("said on Monday" in a
    Tuesday story), else None. Words such as "overnight", "yesterday" or "since Sunday" then count from that day,
    not from publication as the build reads them: a running period is given as coded dates, other words are left
    for the reviewer to date."""
    return _earlier_statement_day(text, sentence.start, sentence.end, published)


@lru_cache(maxsize=512)
def _earlier_statement_day(text: str, start: int, end: int, published):
    """earlier_statement_day, read once a sentence however many figures ask."""
    said = SAID_ON_DAY.search(text, start, end)
    if published is None or said is None:
        return None
    day = resolve(said.group("day"), published)
    return day.start if day is not None and day.start is not None and day.start < published else None


SAID_ON_DAY = re.compile(CUE.pattern + r"\s+(?P<day>(?:on\s+)?\w+day|yesterday)\b")


_FROM_NOW = re.compile(r"(?:\W*\b(?:yesterday|today|tonight))\W*$", re.IGNORECASE)


def date_words(
    text: str, start: int, end: int, published, relative: bool = True, war_began=None
) -> list[tuple[int, int]]:
    """Words between the offsets that the build reads as a day or a running period, in order; without words that
    count from publication unless `relative`."""
    running = running_words(text, start, end, published, war_began) if relative else None
    days = day_words(text, start, end, published, single_day=False)
    if not relative:
        days = [d for d in days if not _FROM_NOW.match(text[d[0] : d[1]])]
    return sorted(days + ([running] if running else []))


# What may come before date words that set the time of what follows: "As of October 7, ...", "According to the
# ombudsman, as of Oct. 7, ...", "In total, by November 2, ...", "In addition, on October 28, ...".
LEAD = re.compile(
    r"(?:(?:according\s+to\s+[^,.;“”\"]{1,80}|in\s+total|overall|in\s+all|altogether|meanwhile|also|in\s+addition"
    r"|besides|moreover|furthermore|separately|additionally|earlier|later),\s+)*",
    re.IGNORECASE,
)


def carry_paragraph_date(doc, found: list[ClaimRow], sentence: Sentence, published, war_began=None) -> None:
    """Figures of a sentence without date words of their own take the date words that open an earlier sentence of
    their paragraph, when no sentence between dates anything ("As of October 7, 20 civilians were killed. In
    addition, 93 people were injured."): coded dates with a note, for the reviewer to confirm."""
    text = doc.text
    undated = [c for c in found if c.date is None and c.coded is None]
    if not undated or published is None or any_date_words(text, sentence.start, sentence.end):
        return
    if earlier_statement_day(text, sentence, published) is not None or OTHER_WAR.search(
        text, sentence.start, sentence.end
    ):
        return  # the day of a statement, or a time of its own ("the decades-old conflict has claimed")
    index = doc.sentence_index(sentence)
    first = index
    while first > 0 and doc.sentences[first - 1].paragraph == sentence.paragraph:
        first -= 1
    earlier = doc.sentences[first:index]
    anaphoric = ANAPHORIC_EVENT.search(text, sentence.start, sentence.end)
    if not earlier and anaphoric:  # a paragraph of its own that tells of "the attack" the one before dated, in
        before = doc.sentences[max(0, index - 1) : index]  # words of an attack
        earlier = [s for s in before if ATTACKED.search(text, s.start, s.end)]
    for distance, before in enumerate(reversed(earlier)):
        if not any_date_words(text, before.start, before.end):
            continue
        words = date_words(text, before.start, before.end, published, True, war_began)
        lead = LEAD.match(text, before.start)
        opening = bool(words and lead and words[0][0] == lead.end() and not CUE.search(text, words[0][1], before.end))
        named = anaphoric and distance == 0 and len(words) == 1 and not dates_statement(text, before, words[0])
        if not (opening or named):
            return  # the nearest date words are not the time of their whole sentence, or date a statement
        period = resolve(text[words[0][0] : words[0][1]], published, war_began)
        if period is None or period.start is None:
            return
        where = "opens an earlier sentence" if opening else "dates the attack the sentence before tells of"
        for claim in undated:
            claim.coded = Period(period.start, period.end, period.precision, "coded")
            claim.note = f"Dated by “{text[words[0][0] : words[0][1]]}”, which {where}; check."
        return


# A figure's sentence that refers back to an attack told before: "Four civilians were killed in the attack."
ANAPHORIC_EVENT = re.compile(
    rf"\b(?:in|during|by|from|as\s+a\s+result\s+of)\s+(?:the|that|this|these)\s+(?:\w+\s+)?"
    rf"(?:{ATTACK_NOUNS}|{BLAST_NOUNS}|incident)\b",
    re.IGNORECASE,
)


# Words that tell of an attack, which "the attack" after them may take up.
ATTACKED = re.compile(
    r"\b(?:attack(?:s|ed)?|struck|strikes?|shell(?:ed|ing)|fire|fired|bomb(?:ed|ing)?|missiles?|rockets?|raid|"
    r"assaults?|explosion|blast|drones?)\b",
    re.IGNORECASE,
)


def dates_statement(text: str, sentence: Sentence, words: tuple[int, int]) -> bool:
    """Date words next to an attribution verb date the statement, not what it reports ("said on Monday", "the
    ombudsman late Monday reported")."""
    return bool(
        re.search(CUE.pattern + r"\s+$", text[max(sentence.start, words[0] - 60) : words[0]])
        or CUE.match(text, words[1] + len(text[words[1] : sentence.end]) - len(text[words[1] : sentence.end].lstrip()))
    )


def date_by_statement(doc, claim: ClaimRow, published, said: tuple[int, int] | None = None, war_began=None) -> None:
    """A figure without a date of its own in a statement of a named day ("Azerbaijan said Sunday that shelling had
    left seven dead") counts up to that day: coded to it, with a note, since the figure may be of an earlier day;
    one killed "in the war" or "during the escalation" counts the war in progress up to that day.
    `said`: the date words of a cue whose speaker the draft could not code ("officials said Tuesday that ...")."""
    said = claim.statement.date if claim.statement is not None else said
    if claim.date or claim.coded or said is None or published is None:
        return
    sentence = doc.sentence_at(claim.start)
    if sentence and any(
        any_date_words(doc.text, a, b) for a, b in ((sentence.start, said[0]), (said[1], sentence.end))
    ):
        return  # "said on Monday that ... overnight, killing two": the figure's own words, left to the reviewer
    words = doc.text[said[0] : said[1]]
    day = resolve(words, published)
    if day is None or day.start is None or day.precision not in (None, "day"):
        return
    whole_war = IN_THE_WAR.match(doc.text, claim.number[1], sentence.end if sentence else claim.end) or (
        sentence  # "..., bringing the death toll to 158", said on Friday: the war's toll up to Friday
        and nearest_toll(doc.text, max(sentence.start, claim.number[0] - 160), claim.number[0])
        and not _in_sentence(ONE_ATTACK, doc.text, sentence.start, sentence.end)
    )
    if (
        whole_war
        and war_began is not None
        and war_began < day.start
        and not (sentence and OTHER_WAR.search(doc.text, sentence.start, sentence.end))
    ):
        claim.coded = Period(war_began, day.start, "days", "coded")
        claim.note = f"A running total of the war in progress, from its first day to the statement's ({words}); check."
        return
    claim.coded = Period(day.start, day.end, "day", "coded")
    claim.note = claim.note or f"Dated by the day of the statement that gives it (“{words}”); check it is the figure's."
    claim.guessed = claim.statement is None  # whoever said it is not known: a reading not passed on to other figures


# A figure the war in progress as a whole counts: "2,783 soldiers were killed during the escalation", "... in the
# Patriotic War" (not a day's "fighting" or "clashes", which a statement's day may be the day of).
IN_THE_WAR = re.compile(
    r"[^.;:,“”\"]{0,60}?\b(?:in|during|throughout)\s+the\s+(?:[\w-]+\s+){0,2}?(?:war|conflict|hostilities|escalation)\b",
    re.IGNORECASE,
)


def share_dates(doc, found: list[ClaimRow]) -> None:
    """Date words written once for two figures joined by "and" without a comma date both: "killed on Sunday and
    around 200 wounded", "killed 31 civilians and injured 155 others since Sept. 27", "A strike yesterday hit
    Ganja, killing 12 and injuring more than 40"."""
    for first, second in pairwise(found):
        closing = second.date is not None and second.date[0] > second.number[1]  # the words end the pair
        if not _joined(doc.text, first, second, closing and not first.date):
            continue
        if first.date and not second.date:
            second.date, second.start = first.date, first.start
        elif second.date and not first.date:
            first.date, first.end = second.date, second.end


def share_coded(doc, found: list[ClaimRow]) -> None:
    """A reading coded for one of two figures joined so ("31 civilians have been killed and 141 wounded": a
    running total; a statement's day) is the other's too, with its note."""
    for first, second in pairwise(found):
        if not _joined(doc.text, first, second):
            continue
        for one, other in ((first, second), (second, first)):
            if one.coded and not other.coded and not other.date:
                other.coded, other.note, other.guessed = one.coded, other.note or one.note, one.guessed


def _joined(text: str, first: ClaimRow, second: ClaimRow, closing: bool = False) -> bool:
    """Two figures joined by "and" without a comma that share their time: the second with no verb of its own
    ("and around 200 wounded"), one clause's participles (", killing 12 and injuring more than 40"), or date words
    that end the pair."""
    joined = re.fullmatch(r"\s+and\s+(?:\w+\s+)?", text[first.end : second.number[0]])
    return bool(joined) and (second.gapped or (first.active and second.active) or closing)


# A war in progress as the subject of a perfect tense counts its running total: "The fighting has killed more than
# 5,000", "the conflict has also left two villagers dead", "hostilities have claimed the lives of 90".
WAR_PERFECT = re.compile(
    rf"\b(?:{WAR_WORDS})\b[^.;:“”\"«»\d]{{0,60}}?\b(?:has|have)\s+(?:(?:also|now|already|reportedly|so\s+far)\s+)*"
    r"(?:killed|left|claimed|displaced|wounded|injured|forced|driven|uprooted|cost)\b[^.;:“”\"«»]{0,60}$",
    re.IGNORECASE,
)
# A figure in the perfect tense that the war in progress caused: "10 servicemen have died as a result of the military
# operations", "as a result of the hostilities, 12 civilians have been killed": a running total, like WAR_PERFECT.
CAUSED_BY_WAR = re.compile(
    rf"\bas\s+a\s+(?:direct\s+)?result\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}?(?:{WAR_WORDS}|military\s+operations)\b",
    re.IGNORECASE,
)
PERFECT_CASUALTY = re.compile(
    r"\s*(?:\w+\s+){0,3}?(?P<perfect>has|have|had)\s+(?:(?:also|now|already|reportedly|so\s+far)\s+)*(?:been\s+)?"
    r"(?:(?:confirmed|reported)\s+)?(?:killed|died|dead|wounded|injured|hospitali[sz]ed|captured|displaced)\b",
    re.IGNORECASE,
)
# A figure that adds to a toll told before, of one day's fighting: "16 more", "another 12", "a further five".
INCREMENT = re.compile(r"\b(?:more(?!\s+than)|another|further|additional|new)\b", re.IGNORECASE)
OTHER_WAR = re.compile(r"\b(?:(?:19|20)\d\d|decades?|1990s|first|previous|earlier|last)\b", re.IGNORECASE)
SAME_DAY = re.compile(
    r"\b(?:on\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?day|later\s+that\s+day"
    r"|(?P<before>(?:a|one|two|three)\s+days?\s+(?:earlier|before)|the\s+day\s+before)"
    r"|(?P<after>(?:a|one|two|three)\s+days?\s+later|the\s+(?:next|following)\s+day))\b",
    re.IGNORECASE,
)
_DAYS_APART = {"a": 1, "one": 1, "two": 2, "three": 3, "the": 1}


def _days_apart(same: re.Match) -> int:
    """How many days after the day named before: 0 for "the same day", -1 for "a day earlier", 2 for "two days
    later"."""
    words = same.group("before") or same.group("after")
    if not words:
        return 0
    apart = _DAYS_APART[words.split()[0].lower()]
    return -apart if same.group("before") else apart


SINCE_THEN = re.compile(r"\b(?:ever\s+)?since\s+then\b", re.IGNORECASE)


# What one attack is, which a toll of its own dead names: "the death toll from Sunday's missile strike rose to 13".
ONE_ATTACK = re.compile(rf"\b(?:{ATTACK_NOUNS}|{BLAST_NOUNS}|missiles?|rockets?|bombing)\b", re.IGNORECASE)


def toll_as_of(doc, claim: ClaimRow, sentence: Sentence, published, war_began=None) -> None:
    """A running toll of the war dated by one day ("the total number of civilians killed has risen to 11", learned
    on Tuesday; "the death toll rose to 95 on Monday") counts from the war's first day to that day, as "as of
    Monday" does; not the toll of one attack. Coded, with a note."""
    if claim.date is None or claim.coded is not None or war_began is None:
        return
    period = resolve(doc.text[claim.date[0] : claim.date[1]], published)
    toll = nearest_toll(doc.text, max(sentence.start, claim.number[0] - 160), claim.number[0])
    if (
        period is None
        or period.precision != "day"
        or period.start is None
        or not war_began < period.start
        or toll is None
        or ONE_ATTACK.search(doc.text, sentence.start, sentence.end)
    ):
        return
    claim.coded = Period(war_began, period.start, "days", "coded")
    claim.note = f"A running toll of the war in progress, from its first day to {period.start.isoformat()}; check."


def date_by_reference(doc, claim: ClaimRow, sentence: Sentence, published, war_began=None) -> None:
    """A figure whose words date it only by reference: the war in progress as subject of a perfect tense counts
    from the war's first day; "on the same day" is the last day its paragraph named before; "since then" counts
    from the one day the sentence before names. Coded dates with a
    note, up to the day of the statement (publication unless said earlier), for the reviewer to confirm."""
    if claim.date or claim.coded or published is None:
        return
    text = doc.text
    until = earlier_statement_day(text, sentence, published) or published
    perfect = PERFECT_CASUALTY.match(text, claim.number[1], sentence.end)
    if perfect and perfect.group("perfect").lower() == "had" and not CUE.search(text, sentence.start, claim.number[0]):
        perfect = None  # "had been killed" counts to now only in reported speech: "Azerbaijan said 61 had been killed"
    war = WAR_PERFECT.search(text, max(sentence.start, claim.number[0] - 140), claim.number[0]) or (
        perfect
        and (
            _in_sentence(CAUSED_BY_WAR, text, sentence.start, sentence.end)
            or not (
                INCREMENT.search(text, max(sentence.start, claim.number[0] - 20), perfect.end())
                or _in_sentence(ONE_ATTACK, text, sentence.start, sentence.end)
                or _in_sentence(
                    SINCE_THEN, text, sentence.start, sentence.end
                )  # "since then": from the day named before
                or _in_sentence(SAME_DAY, text, sentence.start, sentence.end)
            )
        )
    )
    other_war = _in_sentence(OTHER_WAR, text, sentence.start, sentence.end)
    if war and war_began is not None and war_began <= until and not other_war:
        claim.coded = Period(war_began, until, "days" if war_began < until else "day", "coded")
        claim.note = f"A running total of the war in progress, from its first day to {until.isoformat()}; check."
        claim.guessed = True
        return
    same = _in_sentence(SAME_DAY, text, sentence.start, sentence.end)
    if same and (claim.start <= same.start() < claim.end + 40 or _dates_clause(text[same.end() : claim.start])):
        days = [  # "on the same day", "that day": the last day named before it in its paragraph (600 characters back)
            d
            for d in day_words(
                text, max(doc.paragraphs[sentence.paragraph][0], same.start() - 600), same.start(), published
            )
            if readable(text[d[0] : d[1]], until)
        ]
        day = resolve(text[days[-1][0] : days[-1][1]], until) if days else None
        shift = _days_apart(same)
        shifted = day.start + timedelta(days=shift) if day is not None and day.start is not None else None
        if shifted is not None and shifted <= until:
            claim.coded = Period(shifted, shifted, "day", "coded")
            named = text[days[-1][0] : days[-1][1]]
            claim.note = (
                f"“{same.group(0)}” counted from “{named}”, named before it: {shifted.isoformat()}; check."
                if shift
                else f"“{same.group(0)}” taken as “{named}”, named before it; check."
            )
            return
    then = _in_sentence(SINCE_THEN, text, sentence.start, sentence.end)
    if then is None or not _dates_clause(text[then.end() : claim.start]) and then.start() < claim.start:
        return
    earlier = [s for s in doc.sentences if s.end <= sentence.start][-2:]
    days = [
        d for s in earlier for d in day_words(text, s.start, s.end, published) if readable(text[d[0] : d[1]], until)
    ]
    if len(days) != 1:
        return  # no day, or several: "then" could be any of them
    day = resolve(text[days[0][0] : days[0][1]], until)
    if day is None or day.start is None or day.start > until:
        return
    claim.coded = Period(day.start, until, "days" if day.start < until else "day", "coded")
    claim.note = f"“Since then” counted from “{text[days[0][0] : days[0][1]]}”, named just before; check."


@lru_cache(maxsize=512)
def _in_sentence(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """A search over a whole sentence that each of its figures asks: read once a sentence, so that a "sentence" of
    hundreds of figures (a pasted table) is not read again for each."""
    return pattern.search(text, start, end)
