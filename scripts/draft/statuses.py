"""The status of people a figure counts where its words do not say it ("80 people were injured"): soldiers where a
paragraph's other figures count soldiers, civilians where the paragraphs around speak of civilians, with a note for
the reviewer. Beside civilians counted elsewhere in the article, "people" stay unknown with a note: independent
coders of real articles coded them unknown more often than civilian."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scripts.draft.text import ArticleText
from scripts.draft.words import CASUALTY
from scripts.reading.vocabulary import CASUALTY_TYPES

if TYPE_CHECKING:
    from scripts.draft.figures import ClaimRow


def take_status_of_article(doc: ArticleText, claims: list[ClaimRow]) -> None:
    """A count of mere "people" killed or wounded takes the status the other figures of its paragraph name if they
    are all soldiers (a defence ministry's "16 killed" beside "16 soldiers"), with a note for the reviewer to
    confirm; beside civilians counted elsewhere in the article (an ombudsman's "80 people injured" beside "19
    civilians killed") it stays unknown, with a note saying so. Where figures name both, "people" stays unknown;
    displacement is never taken for a military count. Else the paragraphs around a count of "people" speak of
    civilians and name no soldiers; people driven from their homes are civilians."""
    totals = {  # "240 dead, including 30 civilians": not all civilians; "nine people, including four women" may be
        id(c.whole) for c in claims if c.whole is not None and re.search(r"\bcivilians?\b", doc.text[c.start : c.end])
    }
    hurt = [c for c in claims if c.type in ("killed", "wounded") and id(c) not in totals and not _war_toll(doc, c)]
    civilian_paragraphs: dict[int | None, bool] = {}  # each paragraph's surroundings read once
    named = {c.status for c in claims if c.type in CASUALTY_TYPES and c.status in ("civilian", "military")}
    near: dict[int | None, set] = {}  # the statuses the figures of each paragraph name, as they are taken
    for c in claims:
        if c.status in ("civilian", "military"):
            near.setdefault(doc.paragraph_of(c.start), set()).add(c.status)
    for claim in hurt:
        if claim.status not in (None, "unknown"):
            continue
        paragraph = doc.paragraph_of(claim.start)
        status = "military" if named == near.get(paragraph, set()) == {"military"} else None
        if named == {"civilian"} and not _among_civilians(doc, claim, civilian_paragraphs):
            claim.note = claim.note or (
                "'unknown': the article's other figures count civilians, its own words do not say; if this one "
                "counts civilians too, code 'civilian'."
            )
            continue
        if status:
            claim.status = status
            near.setdefault(paragraph, set()).add(status)
            claim.note = claim.note or (
                f"'{status}': the article's other figures count {status} people; check this one does too."
            )
        elif _among_civilians(doc, claim, civilian_paragraphs):
            claim.status = "civilian"
            near.setdefault(paragraph, set()).add("civilian")
            claim.note = claim.note or (
                "'civilian': the paragraphs around this figure speak of civilians and name no soldiers among the "
                "dead or hurt; check."
            )
    for claim in claims:
        if claim.type == "displaced" and claim.status in (None, "unknown"):
            claim.status = "civilian"
            claim.note = claim.note or "'civilian': people driven from their homes are coded civilians; check."


# Words that place a figure among civilians: the people of a struck town, their homes, the population.
CIVILIAN_CONTEXT = re.compile(
    r"\b(?:civilians?|residential|residents|population|homes|houses|(?-i:house)|apartments?|market|hospital|maternity|"
    r"school|"
    r"kindergarten|cemetery|funeral|cluster\s+(?:bombs?|munitions))\b",
    re.IGNORECASE,
)
# People the military counts: where the paragraphs around name them, a count of "people" may be theirs.
MILITARY_CONTEXT = re.compile(
    r"\b(?:soldiers?|servicem[ae]n|troops|fighters|combatants|conscripts|personnel|volunteers|militants|manpower)\b",
    re.IGNORECASE,
)


# A toll of a war or of its fighting counts everyone it killed: the war as what killed ("the war has claimed", "fighting
# that has left hundreds dead"), as when they died ("died during the war", "since the fighting began"), an earlier
# war ("a 1990s war"), or words that say so ("on both sides", "both civilian and military", "the total death toll").
_WAR = r"(?:war|conflict|fighting|clashes|hostilities)"
WAR_TOLL = re.compile(
    rf"\b{_WAR}\s+(?:(?:that|which)\s+)?(?:has\s+|have\s+|had\s+)?(?:killed|claimed|left|cost)\b"
    rf"|\b(?:killed|claimed|left|died|dead|lives|lost)\b[^.;,]{{0,40}}?\b(?:during|in|since|of|over)\s+(?:the\s+|a\s+|"
    rf"that\s+|this\s+)?(?:\w+\s+)?{_WAR}\b"
    r"|\b199\ds?\b|\bboth\s+sides\b|\bcivilian\s+and\s+military\b|\b(?:total|overall)\s+(?:death\s+)?toll\b",
    re.IGNORECASE,
)


def _war_toll(doc: ArticleText, claim: ClaimRow) -> bool:
    """ "the war has claimed thousands of lives on both sides", "a 1990s war that left 30,000 people dead": a toll of
    soldiers and civilians alike, whatever the article's other figures count; not "killed 21 people ..., the
    deadliest attack in a month of fighting"."""
    sentence = doc.sentence_at(claim.start)
    return bool(sentence and WAR_TOLL.search(doc.text, sentence.start, sentence.end))


def _among_civilians(doc: ArticleText, claim: ClaimRow, read: dict) -> bool:
    """The figure's paragraph and the ones beside it speak of civilians (their town, homes, a market, "an attack on
    civilians") and name no soldiers: a coder reads "25 people were killed" there as civilians. `read` keeps each
    paragraph's answer."""
    paragraph = doc.paragraph_of(claim.start)
    if paragraph is None or _war_toll(doc, claim):
        return False
    if paragraph not in read:
        first, last = max(0, paragraph - 1), min(len(doc.paragraphs) - 1, paragraph + 1)
        around = doc.text[doc.paragraphs[first][0] : doc.paragraphs[last][1]]
        read[paragraph] = bool(CIVILIAN_CONTEXT.search(around)) and not MILITARY_CONTEXT.search(around)
    return read[paragraph]


# Who serves civilians, not an army: "a volunteer from the Red Crescent", "employees of the Emergencies Ministry".
CIVIL_SERVICE = re.compile(
    r"\b(?:Red\s+Cross|Red\s+Crescent|ICRC|emergenc(?:y|ies)|rescue|humanitarian|ambulance|medical|charity)\b",
    re.IGNORECASE,
)


# Members of an armed body: "six members of the illegal Armenian armed group", "two personnel of the battalion".
ARMED_MEMBERS = re.compile(
    r"\s+(?:more\s+|other\s+)?(?:members|personnel|servicemen)\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?(?:armed\s+(?:groups?|formations?|forces|units?)|army|militia|battalion|brigade|regiment|"
    r"military|troops|special\s+forces)\b",
    re.IGNORECASE,
)
# The crew of a military aircraft or vehicle: "the Mi-24 military helicopter ..., killing two crew members".
CREW = re.compile(r"\s+(?:more\s+|other\s+)?(?:crew\s*members|crewmen|crew)\b", re.IGNORECASE)
MILITARY_CRAFT = re.compile(r"\b(?:military|army|air\s+force|warplane|fighter\s+jet|gunship|Mi-\d+|Su-\d+)\b")


PRISONERS_OF_WAR = re.compile(r"\b(?:prisoners\s+of\s+war|POWs?)\b", re.IGNORECASE)


def status_of_service(text: str, sentence, words: tuple[int, int, int], status: str | None) -> str | None:
    """The status whom the people serve gives a figure (`words`: the ends of its number, its group and its casualty
    word): civilians of a rescue or medical service, even named as volunteers or officers; military members of an
    armed body or the crew of a military aircraft, where the words name no status."""
    value_end, group_end, casualty_end = words
    said = [m.start() for m in CASUALTY.finditer(text, group_end, casualty_end) if m.end() == casualty_end]
    served_end = said[0] if said else casualty_end  # not the casualty words' own: "being treated in medical ..."
    if status in (None, "unknown", "military") and CIVIL_SERVICE.search(text, group_end, served_end):
        return "civilian"  # "a volunteer from the Red Crescent", "employees of the Emergencies Ministry"
    if status in (None, "unknown") and PRISONERS_OF_WAR.search(text, value_end, casualty_end):
        return "military"  # "44 of our prisoners of war", "three POWs": soldiers, as the words say
    if status in (None, "unknown") and (
        ARMED_MEMBERS.match(text, value_end, sentence.end)
        or CREW.match(text, value_end, sentence.end)
        and MILITARY_CRAFT.search(text, sentence.start, sentence.end)
    ):
        return "military"  # "six members of the armed group", "killing two crew members" of a military helicopter
    return status


# Bodies that count soldiers: a defence ministry, an army, armed forces (by their ids or names).
MILITARY_BODY = re.compile(r"defen[cs]e|\barmy\b|armed[- ]forces?|military|\bmod\b", re.IGNORECASE)
# What may stand between a bare count and its casualty word: "16 killed", "532 dead", "a hundred were wounded",
# "several hundred people have been wounded"; any other noun says whose people they are.
BARE_COUNT = re.compile(
    r"\s*(?:(?:more|other|others|people|persons|human)\s+)*(?:(?:were|was|have|has|had|been|are|is|reportedly)\s+)*"
    r"(?:killed|dead|died|wounded|injured|hurt|missing|captured|casualties|losses)\b",
    re.IGNORECASE,
)


# A military body as the subject that reports the count ("the Defense Ministry has reported 16 killed") or suffers it
# ("the Azerbaijani Armed Forces have suffered 300 human casualties").
REPORTED_BY = re.compile(
    r"\b(?P<body>(?:Defen[cs]e\s+(?:Ministry|Army|Forces?)|Ministry\s+of\s+Defen[cs]e|MoD|army|armed\s+forces|military)"
    r"(?:\s+officials)?)\s+(?:has\s+|have\s+|had\s+)?(?:reported|announced|put|counted|recorded|confirmed|said|"
    r"suffered|sustained|lost)"
    r"(?:\s+(?:that|the\s+deaths\s+of))?\s+(?:(?:about|around|some|nearly|over|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)


# Words that make a count of everyone, whoever gives it: "on both sides", "civilians", "the total toll".
EVERYONE = re.compile(r"\bboth\s+sides\b|\bcivilians?\b|\btotal\b|\boverall\b", re.IGNORECASE)


def take_status_of_source(doc: ArticleText, actors, claims: list[ClaimRow]) -> None:
    """A bare count ("16 killed and more than 100 wounded", "around 532 dead") that a defence ministry, an army or
    their spokesperson gives counts soldiers, where nothing else names whose people they are: with a note."""
    for claim in claims:
        if claim.status not in (None, "unknown") or claim.type not in CASUALTY_TYPES or claim.type == "displaced":
            continue
        speaker = claim.statement.speaker if claim.statement is not None else None
        sentence = doc.sentence_at(claim.number[0])
        if speaker is not None and _military(actors, speaker):
            source = speaker
        elif sentence is not None and (reported := REPORTED_BY.search(doc.text, sentence.start, claim.number[0])):
            source = " ".join(reported.group("body").split())
        else:
            continue
        everyone = EVERYONE.search(doc.text, sentence.start, sentence.end) if sentence else None
        if everyone is None and BARE_COUNT.match(doc.text, claim.number[1], claim.end + 40):
            claim.status = "military"
            claim.note = claim.note or f"'military': a bare count given by {source}; check it counts soldiers."


def _military(actors, actor_id: str, depth: int = 0) -> bool:
    """A military body, or a person who speaks for one: by their title ("Defense Ministry Spokeswoman", "Deputy
    Defence Minister") or by the body the registry places them in (a general of the armed forces)."""
    proposal = actors.proposals.get(actor_id)
    kind = proposal.type if proposal else actors.types.get(actor_id)
    names = [actor_id.replace("-", " ")] + ([proposal.name, proposal.title or ""] if proposal else [])
    if kind == "armed_force" or any(MILITARY_BODY.search(n) for n in names):
        return True
    parent = (proposal.parent if proposal else actors.index.parent_of(actor_id)) if kind == "person" else None
    return parent is not None and depth < 5 and _military(actors, parent, depth + 1)
