"""Casualty figures: a number of people ("two", "31", "some 500", "hundreds of thousands", "dozens") and what
happened to them (killed, wounded, captured, missing, displaced), with the group they belong to (soldiers are
military, civilians civilian, people unknown), the side, the day and who claims it.

The figure's words are read by the build's own reader (scripts/reading/quantities.py): a figure it cannot read is not
drafted. Coordinated figures share what is written once: "31 ... killed on Sunday and around 200 wounded" dates
both to Sunday, "five civilians were killed and 19 wounded" makes both civilians."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from scripts.draft.according import outlet_of
from scripts.draft.actors import ArticleActors
from scripts.draft.breakdowns import bracketed_counts
from scripts.draft.carried_dates import carry_dates_before
from scripts.draft.cues import CUE
from scripts.draft.figure_dates import (
    carry_paragraph_date,
    date_by_reference,
    date_by_statement,
    date_figure,
    share_coded,
    share_dates,
    toll_as_of,
)
from scripts.draft.groups import people_after
from scripts.draft.named_victims import named_victims
from scripts.draft.numbers import FIGURE
from scripts.draft.partitives import PART_OF_TOLL, named_again, part_after_opening, part_of_toll, take_toll_time
from scripts.draft.statement_row import StatementRow
from scripts.draft.statements import days_said
from scripts.draft.statuses import status_of_service, take_status_of_article, take_status_of_source
from scripts.draft.text import ArticleText, Sentence, read_back_from
from scripts.draft.tolls import counted, nearest_toll, status_brought
from scripts.draft.words import (
    AGE_BEFORE,
    AMONG,
    CASUALTY,
    CASUALTY_BEFORE,
    CASUALTY_WORDS,
    CLAUSE_END,
    GROUPS,
    HEDGES,
    LOSS_BEFORE,
    MONTH_AFTER,
    MONTH_BEFORE,
    NOT_PEOPLE,
    ONE_PERSON,
    PARENT_OF,
    PART_BEFORE,
    PART_WORDS,
    TIME_AFTER,
    alternation,
)
from scripts.reading.dates import Period
from scripts.reading.quantities import parse_quantity
from scripts.reading.quotes import CLOSING as QUOTE_CLOSING
from scripts.reading.quotes import OPENING as QUOTE_OPENING

# "a 62-year-old woman", "an elderly man", "a child": one person, its value the article "a".
ONE = re.compile(
    r"\b(?P<value>[Aa]n?|[Aa]nother)\s+(?:[\w’'-]+\s+){0,2}?(?:" + alternation(ONE_PERSON) + r")\b(?![’'-])"
)
AUXILIARY = re.compile(r"\b(?:had|has|have|were|was|are|is|been|being|be)\b")
# What follows one person named by "a" before the casualty word: "(a resident) of Ganja, was killed", "(a
# resident) of Narli village, Adavat Akhundov, was killed".
APPOSED_ONE = re.compile(
    r"(?:\s+(?:of|from|in)\s+[^,.;“”\"]{1,50}?)?(?:,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3})?,(?=\s+(?:was|were|had|has)\b)"
)
# Parts set off by commas after a figure's people, which the casualty word follows: "34 people, including 16 women,
# among them six minors, were injured".
PART_ASIDE = re.compile(rf"(?:,\s+{PART_WORDS}\s+[^,.;:]{{1,60}}){{1,3}},(?=\s)")
# An aside between dashes or brackets after a figure's people, which the casualty word follows: "19 civilians – one
# girl, seven women and 11 men – were killed", "31 civilians (7 women and 24 men) were injured".
DASH_ASIDE = re.compile(r"\s*(?:[–—]\s*[^–—.;]{1,120}?\s*[–—]|\([^()]{1,120}\))")


@dataclass
class ClaimRow:
    start: int
    end: int
    type: str
    value: tuple[int, int] | None = None
    victim: str | None = None
    status: str | None = None
    date: tuple[int, int] | None = None
    statement: StatementRow | None = None
    via: str | None = None
    event: str | None = None
    note: str | None = None
    gapped: bool = False  # its casualty word follows the number with no verb of its own ("around 200 wounded")
    active: bool = False  # the casualty verb comes first ("killing 146 soldiers"): the speaker may be the one killing
    number: tuple[int, int] = (0, 0)
    victims: list = field(default_factory=list)
    whole: ClaimRow | None = None  # the figure this one is a part of ("14 people, including three children")
    coded: Period | None = None  # dates the build cannot compute from the words alone (a statement's own day)
    guessed: bool = False  # coded from no date words at all (a war's running total): not to be passed on
    count: int | None = None  # a count its words give but the build cannot read: a person named as killed is 1
    part_of: ClaimRow | None = field(default=None, compare=False, repr=False)  # the whole, as found, of a row written
    origin: ClaimRow | None = field(default=None, compare=False, repr=False)  # the figure as found, of a row written


def find_figures(
    doc: ArticleText, actors: ArticleActors, statements: list[StatementRow], published, war_began=None
) -> list[ClaimRow]:
    """The casualty figures of the article; war_began (Registry.war_began) dates its running totals ("so far")."""
    every: list[ClaimRow] = []
    last_in_paragraph: dict[int | None, ClaimRow] = {}  # the figure told last in each paragraph
    for sentence in doc.sentences:
        found: list[ClaimRow] = []
        matches = [*FIGURE.finditer(doc.text, sentence.start, sentence.end)]
        matches += [*ONE.finditer(doc.text, sentence.start, sentence.end)]  # inside quotations too: "a child died"
        listed: list[ClaimRow] = []  # people counted before a figure's casualty word: "23 soldiers, six volunteers"
        added: dict[int, ClaimRow] = {}  # "..., along with 36 civilians": the figure each such one is added to
        for match in sorted(matches, key=lambda m: m.start()):
            claim = (
                _figure(doc, actors, sentence, match)
                or _part(doc, actors, sentence, match, found)
                or _after_opening(doc, sentence, match)
            )
            if claim is not None and named_again(doc.text, claim, every + found):
                continue  # "four of the nine fatalities": the nine told before
            if claim is not None and found and _of_them_after(doc.text, found[-1], claim):
                claim.whole = found[-1]  # "200 were wounded, 120 of whom are in serious condition": a part of the 200
            if claim is None and (claim := _added(doc, actors, sentence, match, found)):
                added[id(claim)] = found[-1]
            if claim is None:
                listed = [*_listed(doc, actors, sentence, match, listed)]
                continue
            if not any(c.number[0] <= claim.number[0] < c.number[1] for c in found):
                found += _list_of(doc.text, listed, claim) + [claim]
            listed = []
        for start, names_end, end, kind, status, count in named_victims(doc, actors, sentence):
            counted = [  # the person a number before the name counts ("one soldier X was killed"), counted once
                c for c in found if c.start < end and start < c.end and c.count is None
            ]
            if not any(not CASUALTY.search(doc.text, c.number[1], start) for c in counted):
                names = (start, names_end)
                found.append(ClaimRow(start, end, kind, value=names, status=status, number=names, count=count))
        found += bracketed_counts(doc, sentence, found)  # "Stepanakert (7 people), Martuni (6 people)"
        found.sort(key=lambda c: c.number)
        for claim in found:
            date_figure(doc, claim, sentence, published, war_began)
        for claim in found:
            whole = claim.whole or added.get(id(claim))
            if whole is not None and claim.date is None and whole.date is not None:
                claim.date = whole.date  # a part, or people added to a figure, count over its days
                claim.start, claim.end = min(claim.start, claim.date[0]), max(claim.end, claim.date[1])
        share_dates(doc, found)
        for claim in found:
            date_by_reference(doc, claim, sentence, published, war_began)
            toll_as_of(doc, claim, sentence, published, war_began)
        share_coded(doc, found)
        for claim in found:  # "Four of the nine dead were women": the days of the nine, told before
            take_toll_time(doc.text, sentence.start, claim, every, published, war_began)
        carry_paragraph_date(doc, found, sentence, published, war_began)
        said: list | None = None  # the days of the sentence's cue verbs, read when a figure has no statement
        for claim in found:
            claim.statement = _statement_of(doc, claim, statements, sentence)
            claim.via = None if claim.statement else outlet_of(doc, actors, sentence)
            if claim.statement is None and said is None:
                said = days_said(doc, sentence, published)
            day = next((d for end, d in reversed(said or []) if end <= claim.number[0]), None)
            date_by_statement(doc, claim, published, None if claim.statement else day, war_began)
        _victims(actors, found, last_in_paragraph.get(sentence.paragraph))
        every += found
        for claim in found:
            last_in_paragraph[doc.paragraph_of(claim.start)] = claim
    carry_dates_before(doc, every, published, war_began)
    take_status_of_source(doc, actors, every)  # a military source's bare count before the article's other figures
    take_status_of_article(doc, every)
    return [  # one row a victim named: "Armenians and Azeris" are two claims of one figure
        replace(claim, victim=victim, victims=[], whole=None, part_of=claim.whole, origin=claim)
        for claim in every
        for victim in claim.victims or [claim.victim]
    ]


def _figure(doc, actors, sentence: Sentence, match) -> ClaimRow | None:
    """A number of people with a casualty word before it ("killing 146 soldiers") or after it ("53 of its
    soldiers were killed"), in the same clause."""
    text = doc.text
    (value_start, value_end), words, group_end, status, modifiers = _people(doc, actors, sentence, match)
    if (
        re.fullmatch(r"(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?", words)
        or parse_quantity(words) is None
        or re.match(r"\s+of\s+the\s+(?:\w+est|most|worst|best)\b", text[value_end : sentence.end])
        or TIME_AFTER.match(text, value_end)
        or (words[:1].isdigit() and MONTH_BEFORE.search(text, max(0, value_start - 12), value_start))
        or MONTH_AFTER.match(text, value_end)
    ):  # a year, "one of the deadliest attacks", a clock time ("as of 7 p.m."), a day ("since September 27")
        return None
    if _describes_before(text, words, value_end) or PARENT_OF.search(text, max(0, value_start - 20), value_start):
        return None  # "... 40 tanks"; "a father of two": not the people a figure counts
    if AGE_BEFORE.search(text, max(sentence.start, value_start - 30), value_start) or PART_OF_TOLL.match(
        text, value_end, sentence.end
    ):  # "a boy of nine", "aged 94"; "two of the wounded": an age, or a part of a figure already counted
        return _of_the(doc, sentence, match)
    read_from = read_back_from(sentence.start, value_start)
    clause_start = max([read_from] + [m.end() for m in CLAUSE_END.finditer(text, read_from, value_start)])
    before = text[clause_start : value_start - _quoted(text, match)]
    claim_type: str | None = None
    start, status_of_count = value_start, None
    verb = re.search(
        r"\b(" + alternation([*CASUALTY_BEFORE, *LOSS_BEFORE]) + r")\s+(?:(?:the|another|a further|a total of)\s+)?$",
        before,
        re.IGNORECASE,  # "The bodies of 30 soldiers were recovered", "Killing 12 people, the strike ..."
    )
    driven = re.search(r"\b(?:drove|driven|forced|expelled)\s+(?:out\s+)?$", before)
    among = AMONG_THE.search(before)  # "Among the killed is a child": one of them, of their kind
    if among and not verb:
        claim_type, start = CASUALTY_WORDS[(among.group(1) or among.group(2)).lower()], clause_start + among.start()
    took = re.search(r"\b(?:claimed|claiming|cost|costing|took|taken)\s+$", before)  # "has claimed 30 lives"
    lives = took and re.match(r"\s+(?:of\s+)?(?:[\w-]+(?:’s|'s|s’|s')\s+)?lives\b", text[value_end : sentence.end])
    bodies = re.match(r"(?:\s+(?:more|other))?\s+(?:bodies|corpses)\s+of\b", text[value_end : sentence.end])
    if bodies:  # "9 bodies of soldiers": the dead, whose people "of" names
        verb = None
        claim_type = "killed"
    if verb and verb.group(1).lower() != "leaving":
        word = verb.group(1).lower()
        claim_type, start = CASUALTY_WORDS.get(word) or LOSS_BEFORE.get(word), clause_start + verb.start(1)
    elif toll := nearest_toll(text, max(sentence.start, value_start - 160), value_start):
        claim_type, status_of_count = counted(toll)  # over the sentence: "the number of people who had fled"
        status_of_count = status_brought(text, sentence.start, toll) or status_of_count
        start = toll.start()
    elif lives and took:
        claim_type, start = "killed", clause_start + took.start()
    if group_end is None:
        return None
    if lives:
        group_end = value_end + lives.end()
    # "the number of soldiers killed has reached 158 people": the count's soldiers, not the figure's mere people
    own = status if status not in (None, "unknown") else None
    status = own or status_of_count or _among(text, value_end, sentence.end) or status
    if verb and verb.group(1).lower() in ("lost", "losing") and re.fullmatch(r"\s*men", text[value_end:group_end]):
        status = "military"  # "Azerbaijan has lost 1,280 men": an army's losses
    if driven and re.match(
        r"\s+(?:out\s+)?(?:of|from)\s+(?:their|his|her)\s+homes\b|\s+out\b|\s+to\s+(?:flee|leave)\b", text[group_end:]
    ):  # "forced thousands to flee"
        claim_type, start = (
            "displaced",
            clause_start + driven.start(),
        )  # "drove hundreds of thousands ... from their homes"
    if claim_type is None:
        after = _casualty_after(text, group_end, sentence.end)
        if after is None and match.re is ONE:  # "A resident of Narli, Adavat Akhundov, was killed"
            apposed = APPOSED_ONE.match(text, group_end, sentence.end)
            after = _casualty_after(text, apposed.end(), sentence.end) if apposed else None
        participle = re.search(r"\b(dead|killed|slain|wounded|injured|captured|missing)\s", text[value_end:group_end])
        if after is None and participle:  # "the names of 44 killed servicemen": the word before the group
            after = CASUALTY_WORDS[participle.group(1).lower()], group_end, False
        if after is None:
            return None
        claim_type, casualty_end, gapped = after
    else:
        casualty_end, gapped = group_end, False
        trailing = re.match(r"\s+(dead|wounded|injured)\b", text[group_end : sentence.end])  # "leaving 12 dead"
        if trailing:
            casualty_end = group_end + trailing.end()
    if claim_type is None:
        return None
    status = status_of_service(text, sentence, (value_end, group_end, casualty_end), status)
    if status == "civilian" and DESTROYED.search(text, group_end, casualty_end):
        return None  # a ministry's word for soldiers killed; of civilians, it is their house that was destroyed
    end = _clause_end(text, casualty_end, sentence.end)
    claim = ClaimRow(
        start,
        end,
        claim_type,
        value=(value_start, value_end),
        status=status,
        gapped=gapped,
        number=(value_start, value_end),
        active=start < value_start,
    )
    claim.victims = modifiers
    return claim


AMONG_THE = re.compile(  # "Among the dead were two commanders", "the casualties included five children"
    r"\b(?:[Aa]mong\s+(?:(?:the|those)\s+)?(killed|dead|wounded|injured|fatalities|casualties)(?:\s+(?:people|persons))?"
    r"(?:\s+(?:in|of|from|by)\s+[^,.;:“”\"]{1,40}?)?\s+(?:is|are|was|were)\s+(?:also\s+)?"
    r"|[Tt]he\s+(dead|casualties|injured|wounded|fatalities)\s+(?:included|include|includes)\s+)$"
)


# Whom listed people work for or come from, by name: "two French reporters of Le Monde and a cameraman".
NAMED_AFTER = r"(?:\s+(?:of|from|for|with|at)\s+(?:the\s+)?[A-Z][^,;.:“”\"()]{0,40}?)?"


ALONG_WITH = re.compile(r",?\s+(?:along\s+with|as\s+well\s+as|together\s+with|in\s+addition\s+to|plus)\s+")


def _added(doc, actors, sentence: Sentence, match, found: list[ClaimRow]) -> ClaimRow | None:
    """People added to the figure just before, with no casualty word of their own: "729 of their troops have been
    killed since Sept. 27, along with 36 civilians" counts 36 civilians killed over the same days."""
    before = found[-1] if found else None
    if before is None or not ALONG_WITH.fullmatch(doc.text, before.end, match.start()):
        return None
    value, words, group_end, status, _ = _people(doc, actors, sentence, match)
    if parse_quantity(words) is None or group_end is None:
        return None
    return ClaimRow(match.start(), group_end, before.type, value=value, status=status, number=value)


def _listed(doc, actors, sentence: Sentence, match, listed: list[ClaimRow]):
    """A number of people without a casualty word of its own, which a figure after it may share ("23 soldiers,
    six volunteers and two civilians were killed"): the people listed so far, and this one if it continues them."""
    value, words, group_end, status, _ = _people(doc, actors, sentence, match)
    if parse_quantity(words) is None or group_end is None or status is None:
        return []
    joined = not listed or re.fullmatch(NAMED_AFTER + r",\s*", doc.text[listed[-1].end : match.start()])
    row = ClaimRow(match.start(), group_end, "", value=value, status=status, number=value)
    return [*listed, row] if joined else [row]


def _list_of(text: str, listed: list[ClaimRow], claim: ClaimRow) -> list[ClaimRow]:
    """The people listed right before a figure ("..., six volunteers and two civilians were killed"), each a
    figure of the same kind, its evidence running to the shared casualty word."""
    if not listed or not re.fullmatch(NAMED_AFTER + r"(?:,?\s+and\s+|,\s*)", text[listed[-1].end : claim.number[0]]):
        return []
    return [replace(row, type=claim.type, end=claim.end) for row in listed]


def _of_the(doc, sentence: Sentence, match) -> ClaimRow | None:
    """A part of a toll stated by its people ("14 of the dead were children", "four of the nine fatalities were
    women"): that many of them, of the toll's kind."""
    return _part_row(match, part_of_toll(doc.text, match.end(), sentence.end))


def _after_opening(doc, sentence: Sentence, match) -> ClaimRow | None:
    """ "Out of the 34 injured, 16 were women, and six were children": each part after the toll the sentence opens
    with, of its kind."""
    return _part_row(match, part_after_opening(doc.text, sentence.start, match.span(), sentence.end))


def _part_row(match, part: tuple[int, str, str] | None) -> ClaimRow | None:
    if part is None or match.re is ONE:
        return None
    end, kind, status = part
    return ClaimRow(match.start(), end, kind, value=match.span(), status=status, number=match.span())


def _describes_before(text: str, words: str, value_end: int) -> bool:
    """ "30 wounded, many of them elderly people": what the people counted before were, not a count of its own."""
    return words.lower() in ("many", "most", "some", "all", "few") and bool(
        re.match(r"\s+of\s+(?:them|whom)\b", text[value_end : value_end + 20])
    )


# A part of the figure just before, counted "of them": "30 people were injured, 10 of them critically", "200
# wounded, 120 of whom are in serious condition", "1,280 men, 180 out of which in the direction of Karvachar".
OF_THEM = re.compile(
    r"\s+(?:out\s+)?of\s+(?:them|whom|which)\b(?:\s+(?:were\s+)?(?:critically|seriously|severely|badly|gravely"
    r"|lightly|fatally))?",
    re.IGNORECASE,
)


def _of_them_after(text: str, before: ClaimRow, claim: ClaimRow) -> bool:
    """A figure counted "of whom" or "of them" right after the figure before, of the same kind: its part."""
    return (
        claim.type == before.type
        and re.fullmatch(r",\s*", text[before.end : claim.number[0]]) is not None
        and OF_THEM.match(text, claim.number[1]) is not None
    )


def _part(doc, actors: ArticleActors, sentence: Sentence, match, found: list[ClaimRow]) -> ClaimRow | None:
    """A part of the figure before it, of the same kind: "14 people, including three children" is also three
    children killed; "among them several children"."""
    (value_start, value_end), words, group_end, status, _ = _people(doc, actors, sentence, match)
    text = doc.text
    place = re.match(
        r"(?:\s+(?:person|people|persons))?\s+in\s+(?:the\s+(?:village|town|city|district|region)\s+of\s+)?"
        r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?",
        text[value_end : sentence.end],
    )  # "two in Barda", "3 in the village of Taghaser", "1 person in Hadrut"
    if found and status is None and place:  # "11 civilians – nine in Azerbaijan and two in Armenia"
        group_end, status = value_end + place.end(), found[-1].status
    of_them = OF_THEM.match(text, value_end, sentence.end)
    of_them = of_them if of_them and found and re.fullmatch(r",\s*", text[found[-1].end : value_start]) else None
    if of_them and status is None:  # "At least 30 people were injured, 10 of them critically"
        group_end, status = of_them.end(), found[-1].status
    if not found or parse_quantity(words) is None or group_end is None or status is None:
        return None
    if _describes_before(text, words, value_end) or PARENT_OF.search(text, max(0, value_start - 20), value_start):
        return None  # "... 40 tanks"; "a father of two": not the people a figure counts
    last = found[-1]
    part = PART_BEFORE.search(text, max(sentence.start, value_start - 20), value_start)
    dashed = re.search(r"(?:\s[-–—]\s+|\(\s*)$", text[last.number[1] : value_start]) and not re.search(
        r"[.;,)]", text[last.number[1] : value_start]
    )  # "60 were seriously injured - 48 men and 12 women", "31 civilians (7 women and 24 men)"
    listed = last.whole is not None and _ends_group(text, last, value_start)
    by_place = bool(
        place and re.fullmatch(r"(?:\s+in\s+[^,;.]{1,60}?)?(?:,\s*|,?\s+and\s+)", text[last.end : value_start])
    )  # "five were killed in Ganja, two in Barda and one in Tartar": the same kind, by place
    joined = bool(
        status is not None
        and part is None
        and not listed
        and re.fullmatch(r"(?:\s+[\w’'-]+){1,6}?(?:,\s*|,?\s+and\s+)", text[last.number[1] : value_start])
    )  # "killed 5 soldiers and 3 civilians", "320 casualties among the military and 21 civilians"
    elided = by_place or joined
    verb = re.match(r"\s+(?:suffered|were|was|have|has|had|are|is)\b[^,;.]*", text[group_end : sentence.end])
    if elided and verb and not CASUALTY.search(verb.group(0)):
        return None  # "20 were killed, 93 injured, 5.8 thousand people suffered material damage": a verb of its own
    if elided:  # a figure of its own, of the kind of the one before
        last = replace(last, whole=None)
    if part is None and not dashed and not listed and not elided:
        return None  # "including 1 girl, 7 women and 11 men": each listed after the first part is a part too
    whole = last.whole if listed and part is None and last.whole is not None else last
    return ClaimRow(
        part.start() if part else value_start,
        group_end,
        whole.type,
        value=(value_start, value_end),
        status=whole.status if status == "unknown" and whole.status else status,  # "men" of 21 civilians
        number=(value_start, value_end),
        whole=whole,
    )


def _among(text: str, at: int, limit: int) -> str | None:
    """The status "among" names after a count: "320 casualties among the military", "12 deaths among civilians"."""
    match = AMONG.match(text, at, limit)
    if match is None:
        return None
    group = match.group(1).lower()
    if group in ("military", "army", "forces", "ranks"):
        return "military"
    return "civilian" if "population" in group else GROUPS.get(group)


def _ends_group(text: str, part: ClaimRow, at: int) -> bool:
    """The part before ends right where the list goes on: its people, then only a comma or "and"."""
    return re.fullmatch(r",?\s+and\s+|,\s*", text[part.end : at]) is not None


def _people(doc, actors: ArticleActors, sentence: Sentence, match):
    """What a figure match states: (the span of its number, its words, the end of the people it counts, their
    status, the victims it names); the end is None where it counts things, not people. "a woman" is one person."""
    if match.re is ONE:
        noun = doc.text[match.end("value") : match.end()].split()[-1].lower()
        return match.span("value"), match.group("value"), match.end(), ONE_PERSON[noun], []
    group_end, status, victims = people_after(doc, actors, match.end() + _quoted(doc.text, match), sentence.end)
    return match.span(), match.group(0), group_end, status, victims


def _quoted(text: str, match) -> int:
    """1 where the number alone is quoted ('killed "up to 100" people'): the marks do not part it from its people
    or its verb; else 0."""
    return int(text[match.start() - 1 : match.start()] in OPENING and text[match.end() : match.end() + 1] in CLOSING)


OPENING, CLOSING = QUOTE_OPENING | {"'"}, QUOTE_CLOSING | {"'"}  # straight single marks too


DESTROYED = re.compile(r"\b(?:destroyed|eliminated|neutrali[sz]ed)\b", re.IGNORECASE)


def _casualty_after(text: str, at: int, limit: int):
    """The casualty word within the next few words of the clause ("were killed", "had been killed",
    "that the enclave reported to have been killed"); (type, end, gapped) or None."""
    dashed = DASH_ASIDE.match(text, at, limit) or PART_ASIDE.match(text, at, limit)
    if dashed:  # "19 civilians – one girl, seven women and 11 men – were killed", "34 people, including 16 women,"
        at = dashed.end()
    window_end = min(limit, at + 90)
    stop = CLAUSE_END.search(text, at, window_end)
    other_number = next(
        (
            m
            for m in FIGURE.finditer(text, at + 1, window_end)
            if not AGE_BEFORE.search(text, max(0, at - 12), m.start())
        ),
        None,
    )  # "a boy of nine was wounded": the age is no other figure
    window_end = min([window_end] + [m.start() for m in (stop, other_number) if m])
    casualty = CASUALTY.search(text, at, window_end)
    if not casualty and stop and text[stop.start()] == ",":  # "37,000 ethnic Armenians, about half of ..., have fled"
        aside = re.compile(r",\s+[^,.;]{1,80},\s+((?:\w+\s+){0,3})(?=" + CASUALTY.pattern + ")", re.IGNORECASE)
        skipped = aside.match(text, stop.start(), limit)
        casualty = CASUALTY.search(text, skipped.end(), limit) if skipped else None
        if skipped and casualty:
            between = text[skipped.end(1) - len(skipped.group(1)) : casualty.start()]
            if any(w.lower() in HEDGES for w in re.findall(r"[\w’']+", between)):
                return None
            return CASUALTY_WORDS[casualty.group(0).lower()], casualty.end(), False
    if not casualty or re.search(r"^[^(]*\)", text[at : casualty.start()]):
        return None  # none, or outside the brackets the number stands in: "(7 women and 24 men) were injured"
    thing = re.match(r"\s+([\w’'-]+)", text[casualty.end() : limit])
    if thing and thing.group(1).lower() in NOT_PEOPLE:
        return None  # "three destroyed tanks": things the word describes
    between = text[at : casualty.start()]
    longest = 14 if re.match(r"\s+(?:of|from)\s", between) else 8  # "an officer of the armed forces of ... was"
    if len(between.split()) > longest or any(w.lower() in HEDGES for w in re.findall(r"[\w’']+", between)):
        return None
    gapped = not AUXILIARY.search(between) and not between.strip()
    if casualty.group(0).lower() in ("bodies", "corpses") and between.strip():
        return None  # "9 bodies" counts the dead; "four soldiers, two accused of defiling the bodies" does not
    kind, casualty_end = CASUALTY_WORDS[casualty.group(0).lower()], casualty.end()
    later = CASUALTY.search(text, casualty_end, window_end)
    if kind in ("wounded", "captured") and later and CASUALTY_WORDS[later.group(0).lower()] == "killed":
        kind, casualty_end = "killed", later.end()  # "two soldiers wounded in the battle succumbed to their wounds",
        # "two captives being executed", "five prisoners were shot dead"
    return kind, casualty_end, gapped


def _clause_end(text: str, at: int, limit: int) -> int:
    """The figure's evidence runs on to the end of its clause ("... killed in fighting with Azeri forces on
    Monday"), not into the next figure or statement ("and around 200 wounded", "and Armenia claiming ...")."""
    end = limit
    stop = CLAUSE_END.search(text, at, limit)
    if stop:
        end = stop.start()
    for joined in re.finditer(r"\s+and\s+", text[at:end]):
        following = re.sub(r"^that\s+", "", text[at + joined.end() : min(end, at + joined.end() + 60)])
        if (
            FIGURE.match(following)
            or CUE.search(following)
            or re.match(r"(?:\S+\s+){0,2}\S*(?:ed|ing)\b", following)
            and FIGURE.search(following)
        ):
            end = at + joined.start()
            break
    while end > at and text[end - 1] in " ,;:.":
        end -= 1
    return end


def _statement_of(doc, claim: ClaimRow, statements: list[StatementRow], sentence: Sentence):
    """The statement making the claim: one whose evidence holds the figure, or one whose cue sits inside the
    figure's clause ("the 31 soldiers that the enclave reported to have been killed"). Never a denial: "Armenia
    denied carrying out the attacks on Tuesday, when four people were killed" does not claim the four."""
    statements = [s for s in statements if s.cue_base not in ("deny", "dismiss")]
    holding = [
        s
        for s in statements
        if s.start <= claim.number[0] < s.end and s.said and s.said[0] <= claim.number[0] < s.said[1] + 1
    ]
    if not holding:
        holding = [s for s in statements if s.cue and claim.start <= s.cue[0] < claim.end]
    if not holding:
        holding = [s for s in statements if s.start <= claim.number[0] < s.end]
    holding.sort(key=lambda s: s.end - s.start)
    return holding[0] if holding else None


def _victims(actors: ArticleActors, found: list[ClaimRow], before: ClaimRow | None = None) -> None:
    """Whose people: a side named beside the group ("two Azeri civilians"), a population group ("Azeris"),
    "its"/"their" soldiers of the side that speaks, or, for a figure that names no group ("five were killed",
    "around 200 wounded", "wounding 32 others"), the people of the figure before it in the sentence. Soldiers or
    civilians a side reports as killed or wounded, naming no other side, are its own (wire-copy usage), unless
    the side is the one killing ("killing 146 soldiers")."""
    previous = None
    for claim in found:
        words = actors.text[claim.number[1] : claim.number[1] + 20]
        if previous is None and before is not None and re.match(r"\s+(?:more|others)\b", words):
            previous = before  # "42 civilians have been killed. Hundreds more have been wounded."
        if not claim.victims and re.match(r"\s+(?:more\s+)?of\s+(?:its|their)\b", words) and claim.statement:
            side = actors.side_of(claim.statement.speaker)
            claim.victims = [side] if side else []
        if claim.status is None and not claim.victims and previous is not None:
            claim.status, claim.victims = previous.status, list(previous.victims)
        if not claim.victims and claim.status in ("military", "civilian") and claim.statement and not claim.active:
            side = actors.side_of(claim.statement.speaker)
            if side:
                claim.victims = [side]
                claim.note = f"The victims are taken to be {side}'s own, as the statement names no other side; check."
        claim.status = claim.status or "unknown"
        previous = claim
    for claim in found:
        claim.victims = list(dict.fromkeys(claim.victims))
        claim.victim = claim.victims[0] if len(claim.victims) == 1 else None
        if len(claim.victims) == 1:
            claim.victims = []
