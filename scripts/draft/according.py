"""Sources named with "according to": an outlet that carried a sentence ("according to the BBC": the statements'
`via`), or an actor whose statement the sentence is ("according to the prosecutor, 19 civilians were killed")."""

from __future__ import annotations

import re

from scripts.draft.actors import ArticleActors
from scripts.draft.cues import ACCORDING_TO, ANAPHORA, SOURCE_OF_DATA
from scripts.draft.statement_row import StatementRow
from scripts.draft.text import ArticleText, Sentence, strip_span


def according_to(doc: ArticleText, actors: ArticleActors, sentence: Sentence):
    """The actor of "according to X" in the sentence, with the offset of "according", or (None, None)."""
    match = ACCORDING_TO.search(doc.text, sentence.start, sentence.end)
    if not match or doc.in_quote(match.start()):
        return None, None
    named = re.match(r",\s+", doc.text[match.end(1) : sentence.end])
    if named:  # "according to the Nagorno-Karabakh ombudsman, Artak Beglaryan": the person named
        person = [
            m
            for m in actors.mentions
            if m.start == match.end(1) + named.end() and actors.types.get(m.actor_id) == "person"
        ]
        if person:
            return person[0].actor_id, match
    outlets = {m.actor_id for m in actors.mentions_in(*match.span(1)) if actors.types.get(m.actor_id) == "media_outlet"}
    if len(outlets) == 1:  # "the Azertac news agency"
        return outlets.pop(), match
    start, end = match.span(1)
    given = SOURCE_OF_DATA.match(doc.text, start, end)
    if given:  # "according to information provided by the ombudsman's office": the office
        start = given.end()
    phrase = doc.text[start:end].strip()
    if ANAPHORA.match(phrase):  # "according to the ministry": the body last named
        return actors.last_body(start, phrase), match
    return actors.speaker(start, end), match


def outlet_of(doc: ArticleText, actors: ArticleActors, sentence: Sentence) -> str | None:
    """The media outlet a sentence says carried it ("..., according to Sky News")."""
    source, _ = according_to(doc, actors, sentence)
    return source if source and actors.types.get(source) == "media_outlet" else None


def sourced_statements(doc, actors: ArticleActors, sentence: Sentence, rows: list) -> list[StatementRow]:
    """ "..., according to the BBC": the outlet carried the sentence's statements (via); "according to the
    prosecutor": the prosecutor is the source, a statement of its own."""
    text = doc.text
    source, match = according_to(doc, actors, sentence)
    if source is None:
        return []
    mine = [r for r in rows if sentence.start <= r.start < sentence.end]
    if actors.types.get(source) == "media_outlet":
        for row in mine:
            if row.via is None and row.end >= match.start():
                row.via = source
        return []
    if mine:
        return []
    said = strip_span(text, sentence.start, match.start(), " ,;:")
    if said[1] <= said[0] and text.startswith(",", match.end(1)):  # "According to X, the army is ...": what follows
        after = match.end(1) + 1
        named = [m.end for m in actors.mentions if m.actor_id == source and after <= m.start <= after + 2]
        if named and text.startswith(",", named[0]):  # "According to the ombudsman, Artak Beglaryan, 19 ..."
            after = named[0] + 1
        said = strip_span(text, after, sentence.end, " ,;:.")
    quoted = [q for q in sentence.quotes if q.open > match.end(1)]  # "According to X, ... “...”": X's words
    ending = [  # "“...,” according to X": the quotation the attribution closes
        q for q in sentence.quotes if re.fullmatch(r"[\s,]*", text[q.close + 1 : match.start()])
    ]
    quoted = quoted or ending
    if quoted:
        said = (quoted[0].open + 1, quoted[0].close)
    whole = bool(ending) and not text[sentence.start : ending[0].open].strip()
    return [
        StatementRow(
            *strip_span(text, sentence.start, sentence.end),
            source,
            "direct" if whole else "partial" if quoted else "indirect",
            cue=strip_span(text, match.start(), match.start(1)),
            said=said if said[1] > said[0] else None,
            cue_base="according to",
        )
    ]
