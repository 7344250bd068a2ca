"""Quotations without a cue of their own: one a colon introduces after its speaker ("Pashinyan summarised the
events: “…”"), one that continues the statement before it (the next paragraph of a quote, reopened with a mark),
one "the statement read" gives to whoever released it, and the earlier paragraphs of a quotation whose speaker
is named only after its last one."""

from __future__ import annotations

import re
from bisect import bisect_left

from scripts.draft.actors import ArticleActors
from scripts.draft.statement_row import StatementRow
from scripts.draft.text import Sentence, read_back_from, strip_span

STATEMENT_READ = re.compile(r"^[,\s]*((?:the|a|this|that|its|their)\s+(?:[\w-]+\s+)?statement\s+(?:read|said|added))\b")


def introduced(doc, actors: ArticleActors, sentence: Sentence, used: set) -> list[StatementRow]:
    """A quotation a colon introduces, in a sentence whose subject is who speaks but whose verb is no cue:
    "In his speech, Pashinyan summarised the events that led to the war: “…”". The subject is the actor that
    opens the sentence, after an opening phrase set off by a comma."""
    rows = []
    text = doc.text
    for quote in sentence.quotes:
        if quote in used or not re.search(r":\s*$", text[sentence.start : quote.open]):
            continue
        opening = re.match(r"(?:[^,;:“”\"]{1,60},\s+)?", text[sentence.start : quote.open])
        at = sentence.start + (opening.end() if opening else 0)
        subject = [m for m in actors.mentions if m.start == at and actors.types.get(m.actor_id) != "media_outlet"]
        pronoun = re.match(r"(?:He|She)\b", text[at : at + 4])
        speaker = subject[0].actor_id if subject else actors.last_person(at) if pronoun else None
        if speaker is None:
            continue
        start, end = strip_span(text, sentence.start, max(sentence.end, quote.end))
        rows.append(StatementRow(start, end, speaker, "direct", said=(quote.open + 1, quote.close)))
        used.add(quote)
    return rows


def continuations(doc, actors: ArticleActors, sentence: Sentence, used: set, before: list) -> list[StatementRow]:
    """A quotation opening a sentence with no attribution in it continues the statement before it: the same
    speaker, in the same paragraph or the one before, or in a later paragraph that tells of that person by name
    before the quotation, as feature copy does ("X's home was also damaged ... “I'm scared ...”")."""
    rows = []
    text = doc.text
    for quote in sentence.quotes:
        if quote in used or text[sentence.start : quote.open].strip():
            continue
        rest = text[quote.end : sentence.end]
        if re.search(r"\w", rest):
            continue
        last = next((r for r in reversed(before) if r.end <= quote.open), None)
        if last is None:
            continue
        if doc.paragraph_of(max(last.start, last.end - 1)) not in (
            sentence.paragraph,
            sentence.paragraph - 1,
        ) and not _tells_of(doc, actors, last.speaker, quote.open):
            continue
        between = doc.quote_opens[bisect_left(doc.quote_opens, last.end) : bisect_left(doc.quote_opens, quote.open)]
        if between and not set(between) <= {r.said[0] - 1 for r in before if r.said}:
            continue  # a quotation between them nobody was found to say: whose this one is, is not known
        if _reopens(doc, last, quote):  # the next paragraph of one quotation: the same statement, grown
            last.end, last.said = quote.end, (last.said[0], quote.close) if last.said else None
            if last.type == "partial" and re.search(r"(?::|^)\s*$", text[: last.said[0] - 1] if last.said else ""):
                last.type = "direct"  # "told reporters: “...": whole sentences after a colon
            used.add(quote)
            continue
        rows.append(
            StatementRow(
                quote.open,
                quote.end,
                last.speaker,
                "direct",
                said=(quote.open + 1, quote.close),
                via=last.via,
                note=CONTINUES,
            )
        )
        used.add(quote)
    for quote in sentence.quotes:  # `“…,” the statement read.`: whoever released the statement
        if quote in used:
            continue
        read = STATEMENT_READ.match(text[quote.end : sentence.end])
        previous = [r for r in before + rows if r.end <= quote.open]
        if read and previous:
            cue = (quote.end + read.start(1), quote.end + read.end(1))
            start, end = strip_span(text, min(quote.open, sentence.start), sentence.end)
            rows.append(
                StatementRow(
                    start,
                    end,
                    previous[-1].speaker,
                    "direct",
                    cue=cue,
                    said=(quote.open + 1, quote.close),
                    via=previous[-1].via,
                    note="The statement is the one released by this speaker before.",
                )
            )
            used.add(quote)
    return rows


# A passive naming cue with no agent: "Reports of a downed plane were rejected as “not corresponding to reality.”"
PASSIVE_NAMING = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:also\s+|later\s+)?(?:rejected|dismissed|described|called|labell?ed|"
    r"branded|termed|denounced|condemned|characteri[sz]ed)\s+(?:as\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)


def named_in_passing(doc, sentence: Sentence, used: set, before: list) -> list[StatementRow]:
    """A quotation that a passive cue with no agent names ("... were rejected as “…”") is a word of the speaker
    of the statement just before, in the same paragraph or the one before: a partial quote."""
    rows = []
    for quote in sentence.quotes:
        if quote in used or not PASSIVE_NAMING.search(doc.text, sentence.start, quote.open):
            continue
        if re.match(r"[\s,]*by\b", doc.text[quote.end : sentence.end]):
            continue  # "… was described as “a provocation” by X": X's words, not the speaker's before
        previous = [r for r in before if r.end <= quote.open]
        last = previous[-1] if previous else None
        if last is None or doc.paragraph_of(max(last.start, last.end - 1)) not in (
            sentence.paragraph,
            sentence.paragraph - 1,
        ):
            continue
        start, end = strip_span(doc.text, sentence.start, max(sentence.end, quote.end))
        rows.append(StatementRow(start, end, last.speaker, "partial", said=(quote.open + 1, quote.close)))
        used.add(quote)
    return rows


def _tells_of(doc, actors: ArticleActors, person: str, at: int) -> bool:
    """The paragraph, before `at`, names the person (first name or surname) and no one else: it tells of them (read
    back no further than news prose runs, so a paragraph of many quotations is read once for each)."""
    paragraph = doc.paragraph_of(at)
    if paragraph is None or actors.types.get(person) != "person":
        return False
    start = read_back_from(doc.paragraphs[paragraph][0], at)
    if any(start <= m.start < at and m.actor_id != person for m in actors.mentions):
        return False
    names = [w for w in actors.name_of(person).split() if len(w) > 2 and w[:1].isupper()]
    return any(
        not doc.in_quote(m.start())
        for w in names
        for m in re.compile(rf"\b{re.escape(w)}\b").finditer(doc.text, start, at)
    )


def _reopens(doc, statement: StatementRow, quote) -> bool:
    """Whether a quotation opening a paragraph continues the quotation a statement ends with, which ran to the end
    of the paragraph before without a closing mark (news copy reopens the mark at each paragraph)."""
    if statement.said is None:
        return False
    paragraph = doc.paragraph_of(quote.open + 1) or 0  # past its mark: one carried on opens before its paragraph
    q = doc.quote_closing_at.get(statement.said[1])
    return q is not None and q.cut and doc.paragraph_of(q.open + 1) == paragraph - 1


CONTINUES = "Continues the statement before it, without an attribution of its own."


def grown_back(doc, rows: list[StatementRow]) -> list[StatementRow]:
    """A quotation over several paragraphs whose speaker is named after its closing mark ("“… / … / … updated,” the
    office said"): the statement holds every paragraph of it, from its opening mark, where no other statement's cue
    claims one of the earlier paragraphs (rows that took them only as a continuation of the statement before give
    way)."""
    for row in list(rows):
        said = row.said
        opening = doc.opening_of.get(said[1]) if said and row.type != "indirect" else None
        if said is None or opening is None or opening + 1 >= said[0] or row.start <= opening:
            continue
        inside = [r for r in rows if r is not row and r.said and opening < r.said[0] < said[0]]
        if any(r.note != CONTINUES for r in inside):
            continue  # "X said: “…": the quotation's speaker is named before it too, and its rows stand
        rows = [r for r in rows if not any(r is i for i in inside)]
        row.start, row.said, row.type = opening, (opening + 1, said[1]), "direct"
    return rows
