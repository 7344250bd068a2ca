"""Dates a figure takes from what was told just before it: reports give a day or a period once and then break it
down over sentences and paragraphs ("As of October 4, 19 civilians were killed. / About 80 people were wounded,
60 of them seriously."), and a story tells of an attack on a day before it counts its dead ("On Sunday the city
was shelled. / Three people were killed.")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scripts.draft.cues import CUE
from scripts.draft.dates import any_date_words, day_words, readable
from scripts.draft.figure_dates import (
    ATTACKED,
    OTHER_WAR,
    SAME_DAY,
    date_words,
    dates_statement,
    earlier_statement_day,
)
from scripts.draft.tolls import nearest_toll
from scripts.draft.words import ATTACK_NOUNS, BLAST_NOUNS
from scripts.reading.dates import Period, resolve

if TYPE_CHECKING:
    from scripts.draft.figures import ClaimRow
    from scripts.draft.text import Sentence


def carry_dates_before(doc, every: list[ClaimRow], published, war_began=None) -> None:
    """A figure with no date words of its own, in a sentence with none, takes the dates of the figure told just
    before it (in its paragraph or the one before, in the same statement); else the one day or period the sentence
    just before gives an attack; else, where it refers back to "the strike", the day an earlier sentence gives an
    attack; else, counted "in the reporting period", the period named before. Coded, with a note; never a day
    into a toll."""
    if published is None:
        return
    text = doc.text
    previous = None
    for claim in sorted(every, key=lambda c: c.number):
        sentence = doc.sentence_at(claim.number[0])
        if claim.date is None and claim.coded is None and sentence is not None and _undated(doc, sentence, published):
            carried = (
                _from_figure(doc, previous, claim, sentence, published, war_began)
                or _from_sentence(doc, previous, claim, sentence, published, war_began)
                or _from_attack_named(doc, claim, sentence, published, war_began)
                or _from_period_named(doc, sentence, published, war_began)
                or _from_lead(doc, sentence, published, war_began)
            )
            if carried is not None:
                period, words = carried
                toll = nearest_toll(text, max(sentence.start, claim.number[0] - 160), claim.number[0])
                if not (period.start == period.end and toll):  # never a day into a toll: "the toll rose to 13"
                    claim.coded = Period(period.start, period.end, period.precision, "coded")
                    claim.note = claim.note or f"Dated as {words}; check."
        previous = claim


def _undated(doc, sentence: Sentence, published) -> bool:
    """No date words, no other war and no statement of an earlier day in the sentence."""
    text = doc.text
    return not (
        any_date_words(text, sentence.start, sentence.end)
        or OTHER_WAR.search(text, sentence.start, sentence.end)
        or earlier_statement_day(text, sentence, published)
    )


def _from_figure(doc, previous: ClaimRow | None, claim: ClaimRow, sentence: Sentence, published, war_began):
    """The period of the figure before, when it is near, of the same statement, and no date words come between."""
    if previous is None or previous.guessed or not _same_statement(doc, previous, claim):
        return None
    if {previous.status, claim.status} == {"civilian", "military"}:
        return None  # other people: "... civilians were killed. The corpses of 480 servicemen were examined."
    if not _near(doc, previous, claim):
        return None
    after = max(previous.end, previous.number[1], previous.date[1] if previous.date else 0)
    if any_date_words(doc.text, after, sentence.start):
        return None
    period = _period_of(doc.text, previous, published, war_began)
    if period is None or period.start is None or period.end is None:
        return None
    return period, f"the figure told just before it (“{_excerpt(doc.text, previous)}”)"


def _from_sentence(doc, previous: ClaimRow | None, claim: ClaimRow, sentence: Sentence, published, war_began):
    """The day or period the sentence just before (or before the words that introduce it: "Below are the
    results:") gives an attack, in the paragraph or the one before, with no figure between: "Today, October 4,
    at about 10 am, the city was shelled. / According to the information received, one resident was killed"."""
    text = doc.text
    index = doc.sentence_index(sentence)
    before = doc.sentences[index - 1] if index else None
    if before is not None and index > 1 and text[before.start : before.end].rstrip().endswith(":"):
        before = doc.sentences[index - 2]  # "Below are the results:" introduces what the sentence before dates
    if (
        before is None
        or sentence.paragraph - before.paragraph > 1
        or not ATTACKED.search(text, before.start, before.end)
    ):
        return None
    if previous is not None and before.end <= previous.number[0] < sentence.start:
        return None  # a figure between: its own dates, or none, are the ones to carry
    if previous is not None and previous.number[0] >= before.start and not _same_statement(doc, previous, claim):
        return None  # the sentence's own figure is of another statement: "... died Saturday. The ministry said ..."
    words = date_words(text, before.start, before.end, published, True, war_began)
    period = _one_time(text, before, words, published, war_began)
    return period and (period, f"“{text[words[0][0] : words[0][1]]}”, the time the sentence before gives an attack")


# "the strike had hit a shopping district, killing 21", "the attack on Ganja killed 13": an attack told before.
THE_ATTACK = re.compile(
    rf"\b(?:the|that|this)\s+(?:[\w-]+\s+){{0,2}}?(?:{ATTACK_NOUNS}|{BLAST_NOUNS}|bombing)\b",
    re.IGNORECASE,
)


GENERIC = re.compile(r"\b(?:latest|recent|ongoing|continued|continuing|new|renewed|daily|constant)\b", re.IGNORECASE)


def _from_attack_named(doc, claim: ClaimRow, sentence: Sentence, published, war_began):
    """The one day an earlier sentence (up to three paragraphs back, with no date words between) gives an attack,
    when the figure's clause refers back to "the strike": "... in a missile strike on Wednesday. / The prosecutor
    said the strike had hit a shopping district, killing 21 civilians"."""
    text = doc.text
    named = THE_ATTACK.search(text, sentence.start, claim.number[0]) or THE_ATTACK.search(
        text, claim.end, min(sentence.end, claim.end + 40)
    )  # "the strike had hit ..., killing 21", "Colonel X was killed in the blast"
    if named is None or GENERIC.search(named.group(0)):
        return None  # no attack told before, or any of them: "the latest shelling", "the ongoing attacks"
    index = doc.sentence_index(sentence)
    before = next(
        (
            s
            for s in reversed(doc.sentences[max(0, index - 40) : index])  # a bounded look back
            if any_date_words(text, s.start, s.end)
        ),
        None,
    )
    if (
        before is None
        or sentence.paragraph - before.paragraph > 3
        or not ATTACKED.search(text, before.start, before.end)
    ):
        return None
    words = [w for w in day_words(text, before.start, before.end, published) if readable(text[w[0] : w[1]], published)]
    day = _one_time(text, before, words, published, war_began)  # one day: a period is not the attack's
    return day and (day, f"“{text[words[0][0] : words[0][1]]}”, the day of the attack an earlier sentence tells of")


def _one_time(text: str, sentence: Sentence, words: list[tuple[int, int]], published, war_began) -> Period | None:
    """The one day or period all the date words of a sentence name ("today, October 4"), unless they date a
    statement ("said on Monday", "On Monday, the army said it had repelled an attack"; not "... were killed in an
    attack on Friday, the centre reported")."""
    times = {resolve(text[a:b], published, war_began) for a, b in words}
    today = all(TODAY.fullmatch(text[a:b]) for a, b in words)  # a statement of the day of the story, of its attacks
    if len(times) != 1 or (not today and any(dates_statement(text, sentence, w) for w in words)):
        return None
    attack = ATTACKED.search(text, sentence.start, sentence.end)
    if not today and attack and attack.start() > words[0][0] and CUE.search(text, words[-1][1], attack.start()):
        return None  # the attack is told after a statement the words date
    time = times.pop()
    return time if time is not None and time.start is not None and time.end is not None else None


# The day of publication itself: a statement made "today" tells of that day's attacks.
TODAY = re.compile(r"(?:[Tt]oday|[Tt]his\s+morning|[Tt]onight)")
# "in the reporting period", "during that period", "over the same period": a period named before.
THE_PERIOD = re.compile(
    r"\b(?:in|during|over|for|within)\s+(?:the|that|this)\s+(?:same\s+|reporting\s+|reported\s+)?period\b",
    re.IGNORECASE,
)


def _from_period_named(doc, sentence: Sentence, published, war_began):
    """The last period of several days named before, up to three paragraphs back, when the figure's sentence
    counts "in the reporting period" or "during that period"."""
    text = doc.text
    if THE_PERIOD.search(text, sentence.start, sentence.end) is None:
        return None
    first = doc.paragraphs[max(0, sentence.paragraph - 3)][0]
    for a, b in reversed(date_words(text, first, sentence.start, published, True, war_began)):
        period = resolve(text[a:b], published, war_began)
        if period is not None and period.start is not None and period.end is not None and period.start < period.end:
            return period, f"“{text[a:b]}”, the period named before"
    return None


# A count over time, or of a war as a whole, is not one day's: "have been killed", "the death toll", "during the
# autumn battles", "the attackers lost 370 dead".
NOT_THE_DAY = re.compile(
    r"\b(?:has|have|had|since|so\s+far|to\s+date|total|toll|tally|overall|during|throughout|war|conflict|hostilities"
    r"|battles|lost|losses)\b",
    re.IGNORECASE,
)


def _from_lead(doc, sentence: Sentence, published, war_began):
    """The one day the story's first sentence gives its events ("Rockets hit a hospital and residential areas
    Wednesday amid ..."), for a figure of the next three paragraphs told in the past of one day ("a rocket strike
    on Barda that killed more than 20 civilians"), with no other date words since: wire copy tells one day's events
    under that lead."""
    lead = doc.sentences[0] if doc.sentences else None
    if lead is None or lead is sentence or sentence.paragraph - lead.paragraph > 3:
        return None
    text = doc.text
    if NOT_THE_DAY.search(text, sentence.start, sentence.end) or OTHER_WAR.search(text, sentence.start, sentence.end):
        return None
    if any_date_words(text, lead.end, sentence.start) or SAME_DAY.search(text, lead.end, sentence.end):
        return None  # another day told since: "On Sunday, the ministry said ...", "The day before, ..."
    words = [w for w in day_words(text, lead.start, lead.end, published) if readable(text[w[0] : w[1]], published)]
    day = _one_time(text, lead, words, published, war_began) if words else None
    if day is None or day.start != day.end:
        return None
    return day, f"“{text[words[0][0] : words[0][1]]}”, the day the story's first sentence gives its events"


def _period_of(text: str, claim: ClaimRow, published, war_began) -> Period | None:
    """The day or period the build gives the claim: its coded dates, else its date words read against publication."""
    if claim.coded is not None:
        return claim.coded
    if claim.date is None:
        return None
    return resolve(text[claim.date[0] : claim.date[1]], published, war_began)


def _same_statement(doc, previous: ClaimRow, claim: ClaimRow) -> bool:
    """Told in the same statement (or both in the article's own voice), and not in a statement of its own the draft
    could not attribute ("officials said")."""
    if claim.statement is not previous.statement:
        return False
    sentence = doc.sentence_at(claim.number[0])
    return not (
        claim.statement is None
        and sentence is not None
        and doc.sentence_at(previous.number[0]) is not sentence
        and CUE.search(doc.text, sentence.start, sentence.end)
    )


def _near(doc, previous: ClaimRow, claim: ClaimRow) -> bool:
    """In one paragraph or the next."""
    here, there = doc.paragraph_of(claim.number[0]), doc.paragraph_of(previous.number[0])
    return here is not None and there is not None and 0 <= here - there <= 1


def _excerpt(text: str, claim: ClaimRow) -> str:
    words = " ".join(text[claim.start : claim.end].split())
    return words if len(words) <= 60 else words[:59] + "…"
