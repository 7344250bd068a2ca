"""Events: a clause with a trigger ("clashes", "shelled", "declared martial law", "called for a ceasefire") reports
an event of that type, dated by the clause's words ("on Monday", "in 2016"). It is an event the registry already
has when type and dates agree, or, undated, the one event of that type its actor takes part in; otherwise a new
event is proposed for review. A one-sided event (martial law, a call for a ceasefire) is one per actor named
before the trigger ("both Turkey and Russia have called for ..."). Speculation ("could drag in", "fears of a
wider war") and negation report nothing; in a call for a ceasefire, the fighting named is what is to end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.build.registry import Registry
from scripts.build.review import placeholder
from scripts.draft.actors import ArticleActors
from scripts.draft.dates import day_words, readable, year_before_when
from scripts.draft.proposals import ProposedEvent, free_id, slug
from scripts.draft.text import ArticleText, strip_span
from scripts.draft.words import (
    ATTACK_NOUNS,
    CLAUSE_COMMA,
    EVENT_NAMES,
    EVENT_TRIGGERS,
    HEDGES,
    NOT_NAME,
    ONE_SIDED,
    WAR,
)
from scripts.reading.dates import Period, resolve

TRIGGERS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in EVENT_TRIGGERS] + [("war", WAR)]
CONNECTOR = re.compile(
    CLAUSE_COMMA + r"|[;:]|\s(?:after|but|while|although|though|when|as|because|before|whereas|which)\s"
)
CALLS = {"ceasefire_call", "ceasefire_agreement"}
FIGHTING = {"armed_clash", "attack", "shelling", "war"}
ACTING = ("state", "de_facto_authority", "armed_force", "government_body", "organisation", "person")
YEAR = re.compile(r"\b(?:in|during)\s+(?:19|20)\d\d\b")
PLACE = re.compile(
    r"\b(?:town|city|village|district|region) of ([A-Z][\w’'-]+)|\b(?:near|in|at|around|on) ([A-Z][\w’'-]+)"
    r"|\b(?:shelled|hit|struck|bombed|targeted|attacked|shelling|bombardment) ([A-Z][\w’'-]+)"
)


@dataclass
class EventReportRow:
    start: int
    end: int
    event_id: str
    type: str
    trigger: tuple[int, int]


def find_events(doc: ArticleText, actors: ArticleActors, registry: Registry, published, article_id: str):
    """(reports, proposed events) of the article."""
    reports: list[EventReportRow] = []
    proposals: dict[tuple, ProposedEvent] = {}  # (type, period, actor, place) -> its proposed event
    for start, end, sentence in _clauses(doc):
        if _hedged(doc.text[start:end]):
            continue
        found = [(kind, m) for kind, pattern in TRIGGERS for m in [pattern.search(doc.text, start, end)] if m]
        if any(kind in CALLS for kind, _ in found):
            found = [(kind, m) for kind, m in found if kind not in FIGHTING]
        if {kind for kind, _ in found} >= STRIKES:  # "a missile attack shelled ...": one strike, the shelling
            found = [(kind, m) for kind, m in found if kind != "attack"]
        period = _period(doc, start, end, published) or _opening_period(doc, sentence, start, published)
        for kind, trigger in found:
            named = _actors_of(actors, start, trigger.start()) or _actors_of(actors, sentence.start, trigger.start())
            sides = [[a] for a in named] if kind in ONE_SIDED and named else [named]
            for side in sides:
                event_id = _known(registry, kind, period, side) or _propose(
                    proposals,
                    registry,
                    kind,
                    period,
                    side,
                    _place(actors, start, end),
                    published,
                    article_id,
                    doc.text[start:end],
                )
                if not any(r.event_id == event_id and r.start == start for r in reports):
                    reports.append(EventReportRow(start, end, event_id, kind, trigger.span()))
    return reports, list(proposals.values())


def _clauses(doc: ArticleText):
    """(start, end, sentence) of each clause: sentences cut at punctuation and connectors ("after", "when")."""
    text = doc.text
    for sentence in doc.sentences:
        position = sentence.start
        for connector in list(CONNECTOR.finditer(text, sentence.start, sentence.end)) + [None]:
            cut, resume = (connector.start(), connector.end()) if connector else (sentence.end, sentence.end)
            start, end = strip_span(text, position, cut, ' ,;:“”"')
            if end > start:
                yield start, end, sentence
            position = resume


def _hedged(clause: str) -> bool:
    return any(w.lower() in HEDGES for w in re.findall(r"[\w’']+", clause))


def _period(doc, start, end, published) -> Period | None:
    """The dates of a clause: a day ("on Monday"), or a year ("in 2016", "since 2016, when ...")."""
    text = doc.text
    words = day_words(text, start, end, published)
    if words and published is not None:
        return resolve(text[words[0][0] : words[0][1]], published)
    year = YEAR.search(text, start, end)
    span = (
        year.span()
        if year and readable(year.group(0), published, single_day=False)
        else year_before_when(text, start, published)
    )
    return resolve(text[span[0] : span[1]], published) if span else None


def _opening_period(doc, sentence, start: int, published) -> Period | None:
    """The day that opens the clause's sentence, set off by a comma ("On Tuesday, a missile hit Tartar"): the time
    of its every clause."""
    words = day_words(doc.text, sentence.start, min(start, sentence.start + 80), published)  # only the opening
    if not words or published is None:
        return None
    opening = re.fullmatch(r"[\s“\"]*", doc.text[sentence.start : words[0][0]])
    if not opening or not re.match(r"\s*,", doc.text[words[0][1] : words[0][1] + 3]):
        return None
    return resolve(doc.text[words[0][0] : words[0][1]], published)


def _actors_of(actors: ArticleActors, start: int, end: int) -> list[str]:
    return list(
        dict.fromkeys(m.actor_id for m in actors.mentions_in(start, end) if actors.types.get(m.actor_id) in ACTING)
    )


def _known(registry: Registry, kind: str, period: Period | None, named: list[str]) -> str | None:
    """The registry's event of this type and dates (several: the one sharing an actor), or, for an undated
    one-sided event (martial law, a call for a ceasefire), the one undated event of this type its actor takes
    part in. An undated clause is never pinned to a dated event: that would merge what may be two events."""
    same = [e for e in registry.events if e["event_type"] == kind]
    if period is not None:
        dated = [e for e in same if (e["date_start"], e["date_end"]) == (period.start, period.end)]
        if len(dated) > 1:
            dated = [e for e in dated if _takes_part(registry, e, named)]
        return dated[0]["event_id"] if len(dated) == 1 else None
    if kind not in ONE_SIDED:
        return None  # an undated clash or attack names too little to be pinned to one registered event
    sharing = [e for e in same if e["date_start"] is None and _takes_part(registry, e, named)]  # never a dated one
    return sharing[0]["event_id"] if len(sharing) == 1 else None


def _takes_part(registry: Registry, event: dict, named: list[str]) -> bool:
    return bool(registry.actors_of(event["event_id"]) & set(named))


def _place(actors: ArticleActors, start: int, end: int) -> str | None:
    """The place a clause names ("the town of Martuni", "near Lachin"), where it is no actor's name."""
    for match in PLACE.finditer(actors.text, start, end):
        group = next(g for g in (1, 2, 3) if match.group(g))
        at, name = match.start(group), match.group(group)
        if name.lower() not in NOT_NAME and not any(m.start <= at < m.end for m in actors.mentions):
            return name
    return None


def _propose(
    proposals: dict[tuple, ProposedEvent],
    registry: Registry,
    kind: str,
    period: Period | None,
    named,
    place,
    published,
    article_id,
    clause,
) -> str:
    """One new event per type, dates, place and (for one-sided events) actor in this article, a strike told twice
    being one (_same_strike):
    e-2020-09-28-fighting, e-2020-10-27-martuni-shelling, e-2020-09-27-armenia-mobilisation; undated, the year of
    publication stands in for the date."""
    actor = named[0] if named and kind in ONE_SIDED else None
    key = (kind, period, actor, place)
    if key in proposals:
        return proposals[key].id
    same = _same_strike(proposals, kind, period, place, clause)
    if same is not None:
        return same.id
    if period is not None and period.start is not None:
        when = period.start.isoformat() if period.precision == "day" else str(period.start.year)
    else:
        when = str(published.year) if published else f"a{article_id.split('_')[0]}"
    base = "-".join(part for part in ("e", when, actor, place, EVENT_NAMES[kind]) if part)
    event_id = free_id(slug(base), set(registry.event_ids) | {p.id for p in proposals.values()})
    dated = period if period is not None and period.start is not None else Period.empty()
    proposals[key] = ProposedEvent(
        event_id,
        kind,
        placeholder(f"one sentence saying what happened (drafted from article {article_id}: “{clause}”)"),
        date_start=dated.start,
        date_end=dated.end,
        date_precision=dated.precision,
        actors=[(actor, "actor")] if actor else [],
        note="Proposed by `python -m scripts draft`; check that the registry does not already hold this event under "
        "another id, and give its other actors and roles.",
    )
    return event_id


STRIKES = {"attack", "shelling"}
# A clause that refers back to a strike told before: "Azerbaijan condemned the attack", "in this strike".
REFERS_BACK = re.compile(rf"\b(?:the|this|that)\s+(?:\w+\s+)?(?:{ATTACK_NOUNS}|bombing)\b", re.I)


def _same_strike(proposals: dict[tuple, ProposedEvent], kind: str, period, place, clause: str):
    """The strike this article already proposed that a clause tells of again: one attack or shelling of the same
    day whose place agrees or is not named ("shelled Barda on Wednesday" and "the attack on Barda on Wednesday"),
    or, for an undated clause that refers back ("condemned the attack"), the article's one dated strike."""
    if kind not in STRIKES:
        return None
    strikes = [(key, p) for key, p in proposals.items() if key[0] in STRIKES]
    if period is not None:
        same = [p for key, p in strikes if key[1] == period and (key[3] is None or place is None or key[3] == place)]
        return same[0] if len(same) == 1 else None
    dated = [p for key, p in strikes if key[1] is not None]
    return dated[0] if len(dated) == 1 and REFERS_BACK.search(clause) else None


def link_rows(reports: list[EventReportRow], rows) -> None:
    """A statement or claim is about the event a clause inside it reports (the first such)."""
    for row in rows:
        inside = [r for r in reports if row.start <= r.trigger[0] < row.end]
        if inside and row.event is None:
            row.event = inside[0].event_id
