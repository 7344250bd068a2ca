"""Statements: who said what. A cue verb ("said", "told a briefing", "called for", "accused") and the phrase before
it (or after it: `"...," said X`) make a statement; a quotation next to the cue makes it direct, one inside the
reporter's sentence partial ("in the “strongest terms.”"), none indirect. A quotation with no attribution of its
own continues the statement before it (the next paragraph of a quote); "He said" is the person last named;
"the statement read" is whoever released it; "according to the BBC" names the outlet that carried it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scripts.draft.according import sourced_statements
from scripts.draft.actors import ArticleActors
from scripts.draft.cues import (
    ABBREVIATED_TITLES,
    ACCORDING_TO,
    ANAPHORA,
    ANAPHORA_KINDS,
    BODY_SPOKESMAN,
    BOUNDARY,
    BY_AGENT,
    CUE,
    DOCUMENT,
    INTERPOSED,
    KIND_ANAPHORA,
    LEADING_TIME,
    NAME_IN_MARKS,
    QUOTED_NAME,
    RELATIVE,
    STATE_MINISTRY,
    TRAILING_ADVERBS,
)
from scripts.draft.dates import DAY_WORDS, WEEKDAY_NAMES, day_words, readable
from scripts.draft.names import CAPITALISED, PRONOUNS, name_like
from scripts.draft.quotations import continuations, grown_back, introduced, named_in_passing
from scripts.draft.statement_row import StatementRow
from scripts.draft.text import ArticleText, Quote, Sentence, read_back_from, strip_span
from scripts.draft.unnamed import DESCRIBED_AFTER, with_descriptions
from scripts.draft.words import (
    BE_FORMS,
    CUE_FORMS,
    DOCUMENTS,
    INVERTING,
    NAMING,
    PARTICIPLES,
    SPEAKING_WITH_THAT,
    TITLE_WORDS,
)

CLAIM_OF_CUE = {"accuse": "accusation", "deny": "denial", "dismiss": "denial"}


@dataclass
class _Cue:
    start: int
    end: int
    base: str
    verb: str
    subject: tuple[int, int] | None = None
    speakers: tuple = ()
    boundary: int | None = None  # where the clause of this statement starts (its connector)
    by_agent: bool = False  # "This was announced by X": the speaker after the passive cue
    clause_start: int | None = None  # for ", adding that ...": the statement starts at the cue


def find_statements(doc: ArticleText, actors: ArticleActors, published) -> list[StatementRow]:
    rows: list[StatementRow] = []
    for sentence in doc.sentences:
        rows += _sentence_statements(doc, actors, sentence, rows, published)
    return with_descriptions(doc, actors, grown_back(doc, rows))


def _sentence_statements(doc, actors, sentence: Sentence, earlier: list, published) -> list[StatementRow]:
    text = doc.text
    cues = _cues(doc, sentence)
    previous_speaker, in_sentence = (earlier[-1].speaker if earlier else None), None
    for cue in cues:
        _subject(doc, actors, sentence, cue, cues, previous_speaker, in_sentence)
        _pronoun_of_speaker(
            doc, actors, cue, earlier[-1] if earlier and previous_speaker == earlier[-1].speaker else None
        )
        if cue.speakers:
            previous_speaker = in_sentence = cue.speakers[-1]
    every_cue, cues = cues, [c for c in cues if c.speakers]
    rows: list[StatementRow] = []
    used_quotes: set[Quote] = set()
    for cue in cues:
        # a cue whose speaker is not known still ends the clause before it: "X said ..., as officials reported “…”"
        following = next((c.boundary or c.start for c in every_cue if c.start > cue.end and _ends_clause(doc, c)), None)
        clause_end = following if following else sentence.end
        start = min(cue.subject[0], cue.start) if cue.subject else cue.start
        if cue.clause_start is not None:
            start = cue.clause_start
        quote, kind = _attached_quote(text, sentence, cue, start, clause_end, used_quotes)
        extra: list[Quote] = []  # more partial quotations of the same clause: one statement each
        if quote and kind == "partial":
            extra = [
                q
                for q in sentence.quotes
                if q not in used_quotes and quote.close < q.open < clause_end and not _name_in_marks(text, q)
            ]
            used_quotes.update(extra)
        if quote and kind in ("direct-before", "partial-before"):  # the evidence from the reporter's words, if any
            start = quote.open if kind == "direct-before" else sentence.start
            after = max(cue.end, cue.subject[1] if cue.subject else cue.end)
            extra = [  # `“We will not give up,” he said, “and we will win.”`: the quotation goes on after its speaker
                q
                for q in sentence.quotes
                if q not in used_quotes and q.open > after and re.fullmatch(r"\s*,\s*", text[after : q.open])
            ]
            if kind == "partial-before":  # "“the enemy attacked,” and there were “casualties,” X said": both X's
                extra += [q for q in sentence.quotes if q not in used_quotes and q.close < quote.open]
            used_quotes.update(extra)
        end = clause_end
        if quote:
            used_quotes.add(quote)
            said = (quote.open + 1, quote.close)
        elif cue.by_agent:  # "54 servicemen were killed. This was announced by X": what the sentence before says
            passive = _passive_said(doc, sentence, cue)
            if passive is None:
                continue
            said, start = passive, min(start, passive[0])
        else:
            said = _reported_words(doc, sentence, cue, start, end)
            if said is None:
                continue
            inside = [
                q
                for q in sentence.quotes
                if q not in used_quotes and said[0] <= q.open and q.close <= said[1] and not _name_in_marks(text, q)
            ]
            if inside:  # reported words holding a quotation: "X will give “all necessary help”, Y said"
                quote, kind = inside[0], "partial"
                used_quotes.update(inside)
                said = (quote.open + 1, quote.close)
                extra = inside[1:]  # "would consider “military facilities” as “legitimate targets”": one each
        date = _statement_date(doc, sentence, cue, start, published)
        start = min([start, said[0]] + ([date[0]] if date else []))  # the evidence holds what it names
        end = max(end, quote.end if quote else said[1])
        start, end = strip_span(text, start, end)
        quote_type = "indirect" if quote is None else "partial" if kind in ("partial", "partial-before") else "direct"
        for speaker in cue.speakers:
            for words in [said, *[(q.open + 1, q.close) for q in extra]]:
                rows.append(
                    StatementRow(
                        start,
                        end,
                        speaker,
                        quote_type,
                        cue=(cue.start, cue.end),
                        said=words,
                        date=date,
                        cue_base=cue.base,
                    )
                )
    rows += introduced(doc, actors, sentence, used_quotes)
    rows += continuations(doc, actors, sentence, used_quotes, earlier + rows)
    rows += named_in_passing(doc, sentence, used_quotes, earlier + rows)
    rows += sourced_statements(doc, actors, sentence, rows)
    rows.sort(key=lambda r: (r.start, r.end))
    return rows


def _cues(doc: ArticleText, sentence: Sentence) -> list[_Cue]:
    """Cue verbs of the sentence outside quotation marks, that are not passive ("were reported killed")."""
    found = []
    for match in CUE.finditer(doc.text, sentence.start, sentence.end):
        if doc.in_quote(match.start()):
            continue
        verb = re.sub(r"\s+", " ", match.group("verb"))
        verb = re.sub(r"^(was|were) quoted by .+ as saying$", r"\1 quoted as saying", verb)
        named = QUOTED_NAME.match(match.group("verb"))
        verb = re.sub(r"^quot(?:ed|es) (\S.*) as (?:saying|reporting|stating)$", "quoted him as saying", verb)
        verb = re.sub(r"^quot(?:ed|es) (?:him|her)$", "quoted him as saying", verb)  # `“…,” Interfax quotes him`
        aux = (match.group("aux") or "").split()
        passive = aux and aux[0] in BE_FORMS and not verb.endswith("ing") and "quoted" not in verb
        before = re.search(r"(\w+)\s+$", doc.text[max(sentence.start, match.start() - 20) : match.start()])
        by = BY_AGENT.match(doc.text, match.end(), sentence.end)
        if passive or (not aux and before and before.group(1).lower() in BE_FORMS and not verb.endswith("ing")):
            if by is None:
                continue  # "were reported killed": no speaker; "This was announced by X": X speaks
        else:
            by = None
        if verb in NAMING and not _quote_follows(doc, sentence, match.end()):
            continue  # "a village called Talish", "so-called", "labelled the parcels": naming, not speaking
        if verb in SPEAKING_WITH_THAT and not (
            any(q.end <= match.start() for q in sentence.quotes)
            or re.match(r"\s+that\b", doc.text[match.end() : sentence.end])
            or _quote_follows(doc, sentence, match.end())
        ):
            continue  # "the army maintained its positions": no speech; "maintained that ...", `“…,” he maintained`
        if verb == "runs" and not re.search(rf"\b(?:{DOCUMENTS})\s+$", doc.text[sentence.start : match.start()]):
            continue  # "the statement runs": a document's words; "he runs the office": no cue
        if verb == "put it" and not re.match(r"\s*[,:]", doc.text[match.end() : sentence.end]):
            continue  # "put it on the table": no cue
        if verb == "reports" and not (
            re.search(r"[”\"»’],?\s*(?:[A-Z][\w’'.-]*\s+){0,4}$", doc.text[sentence.start : match.start()])
            or re.match(r"\s+that\b", doc.text[match.end() : sentence.end])
        ):
            continue  # "media reports said": a noun; `“…,” reports the ombudsman`, `“…,” Al Jazeera reports` and "X
            # reports that" speak
        cue = _Cue(match.start(), match.end(), CUE_FORMS[verb], verb)
        if by:  # the agent after "by" is who spoke
            cue.subject, cue.by_agent = by.span(1), True
        if named:  # "quoted Denis Krivosheev as saying": the words of the person named
            at = match.start("verb") + named.start(1)
            cue.subject = (at, at + len(named.group(1)))
        found.append(cue)
    return found


def _quote_follows(doc: ArticleText, sentence: Sentence, at: int) -> bool:
    """A quotation opens within a few words after `at`, in the same clause: "called the agreement a “capitulation”"."""
    if re.search(r"-\s*$", doc.text[max(sentence.start, at - 8) : at - len("called")]):
        return False
    return any(at < q.open <= at + 60 and not re.search(r"[,;]", doc.text[at : q.open]) for q in sentence.quotes)


def _subject(
    doc, actors: ArticleActors, sentence: Sentence, cue: _Cue, cues: list, previous_speaker, in_sentence
) -> None:
    """The phrase that names who speaks: after the cue when it follows a quotation (`"...," said X`), else before
    it back to the nearest connector, widened over "X and Y" and over an apposition ("X, the leader, told"). A
    cue with no subject of its own continues the sentence's speaker (", adding that ...", "... and accused ...")."""
    text = doc.text
    lead = text[read_back_from(sentence.start, cue.start) : cue.start]
    if cue.by_agent and cue.subject:  # "This was announced by X": X, whatever comes before
        cue.speakers, cue.boundary = tuple(actors.speakers(*cue.subject)), None
        return
    if cue.verb == "quoted him as saying":  # "X's office quoted him as saying": the person last named
        person = actors.speaker(*cue.subject) if cue.subject else actors.last_person(cue.start)
        quoting = re.search(  # "“…,” it quoted", "“…,” the RIA “Novosti” quotes": who quotes
            r"(?:^|[”\"»,]\s*)((?:[^,.;:”\"»“]|[“\"][A-Z][\w.’'-]*[”\"]){1,60}?)\s*$", lead
        )
        cue.speakers, cue.boundary = ((person,) if person else ()), None
        cue.subject = (cue.start - len(lead) + quoting.start(1), cue.start) if quoting else None
        return
    quoted = re.search(r"[”\"»“’']\s*[,—–-]?\s*$", lead)  # `“…,” said X`, `'…,' said X`
    reported = (  # not "told X", "asked X": whom they speak to
        cue.verb not in ("told", "tells", "asked")
        and re.search(r"\w,\s*$", lead)
        and (
            re.match(r"\s+(?:the\s+)?[A-Z]", text[cue.end : sentence.end])
            or DESCRIBED_AFTER.match(text, cue.end, sentence.end)  # "“…,” as X put it, said one resident"
        )
    )
    if (quoted or reported) and cue.verb in INVERTING:  # and "Five civilians died, said the ministry."
        after = re.match(  # "said Lt. Col. John Smith": abbreviated titles before the name
            rf"\s+((?:(?i:{ABBREVIATED_TITLES})\.\s+)*[^,.;:]+?)(?=,|\.|;|:|\s+(?:in|on|at|during|after|as|when|while|who|because)\s|$)",
            text[cue.end : sentence.end],
        )
        if after:
            cue.subject = (cue.end + after.start(1), cue.end + after.end(1))
            cue.speakers = tuple(actors.speakers(*cue.subject))
            if not cue.speakers and DOCUMENT.match(text[cue.subject[0] : cue.subject[1]]):  # "said the statement"
                cue.speakers = tuple(s for s in [actors.issuer(cue.subject[0]) or previous_speaker] if s)
            apposed = re.match(r",\s+([^,.;:]+?)(?=,|\.|;|$)", text[cue.subject[1] : sentence.end])
            described = cue.subject
            if not cue.speakers and apposed:  # "said his uncle, Gagik Sahakyan": the name after the apposition
                cue.subject = (cue.subject[1] + apposed.start(1), cue.subject[1] + apposed.end(1))
                cue.speakers = tuple(actors.speakers(*cue.subject))
            if not cue.speakers and (quoted or reported):  # "“…,” said one resident, a teacher": described
                cue.speakers = tuple(actors.unnamed(*described))
                cue.subject = described if cue.speakers else cue.subject
            if quoted or cue.speakers:
                cue.boundary = None
                return
            cue.subject = None  # reported words with no speaker after the cue: the subject before it, as usual
    lead_start = read_back_from(sentence.start, cue.start)
    between = RELATIVE.search(text[lead_start : cue.start]) or INTERPOSED.search(text[lead_start : cue.start])
    subject_end = lead_start + between.start() if between else cue.start  # "X, who visited the front, said": X
    connectives = list(BOUNDARY.finditer(text[lead_start:subject_end]))
    bounds = [lead_start] + [lead_start + m.end() for m in connectives]
    ends = [lead_start + m.start() for m in connectives]  # the connector after each bound but the last
    connectors = [None, *ends]  # the connector before each bound (none before the first)
    index = len(bounds) - 1
    phrase = _clean(text, bounds[index], subject_end)
    inside = [m.start for m in actors.mentions if phrase and lead_start <= m.start < phrase[0] < m.end]
    if inside:  # "the Organization for Security and Co-operation in Europe": a name its "and" or comma does not cut
        index = max(i for i, bound in enumerate(bounds) if bound <= min(inside))
        phrase = _clean(text, bounds[index], subject_end)
    joined = re.match(r"and\b|but\b", text[connectors[-1] :]) if len(connectors) > 1 else None
    # "X said ... and accused": X again; "X has launched an inquiry, but said": the sentence's subject ("but" only
    # where no cue before names a speaker: "X described ... as calmer, but said “…”" is one statement of X)
    coordinated = joined and (joined.group(0) == "and" or not in_sentence)
    if phrase is None and (cue.verb in PARTICIPLES or coordinated):
        subject = _clause_subject(doc, actors, sentence, cue.start) or _sentence_subject(doc, actors, sentence)
        speaker = (
            in_sentence or subject or previous_speaker if cue.verb in PARTICIPLES else in_sentence or subject
        )  # "X has launched an investigation, but said that ...": X
        if speaker:  # ", adding that ...", "... said X and accused Y": the speaker of the sentence goes on
            cue.speakers, cue.subject = (speaker,), None
            cue.boundary = connectors[-1] if len(connectors) > 1 else None
            cue.clause_start = cue.start
        return
    what = WHAT_IT.search(text, *phrase) if phrase else None
    if what:  # "Azerbaijan launched what it called a “counteroffensive”": the subject the pronoun takes up, where
        subject = None if in_sentence else _first_named(doc, actors, phrase[0], what.start())  # no one spoke before
        if subject:
            cue.speakers, cue.subject = (subject,), None
        return
    while phrase is None and index > 0 and text[connectors[index]] == ",":
        index -= 1  # "Mayis Barkhudarov, an Azeri general, was quoted": the phrase before the last comma
        phrase = _clean(text, bounds[index], ends[index])
    if phrase is None or any(phrase[0] <= c.start < phrase[1] for c in cues if c is not cue):
        return
    if index > 0 and text[connectors[index]] == "," and _apposition(text, phrase):
        before = _clean(text, bounds[index - 1], ends[index - 1])
        if before and not any(before[0] <= c.start < before[1] for c in cues if c is not cue):
            named = actors.speakers(*before)  # the name before the apposition, which is left unread
            if named:
                cue.subject, cue.speakers, cue.boundary = before, tuple(named), connectors[index - 1]
                return
    own = re.match(r"(?:its|their|[Ii]ts|[Tt]heir)\s+([a-z][a-z ]+)$", text[phrase[0] : phrase[1]])
    if text[phrase[0] : phrase[1]].lower() in ("it", "they"):  # "it said in a statement", "they wrote"
        before = [s for s in doc.sentences if s.end <= sentence.start][-1:]
        body = _sentence_subject(doc, actors, before[0]) if before and not _cues(doc, before[0]) else None
        if body is None or actors.types.get(body) in ("person", "media_outlet"):
            body = previous_speaker if previous_speaker and actors.types.get(previous_speaker) != "person" else None
        if body:  # the body a sentence before without a cue opens with ("The Lab verified it. “…”, they wrote"),
            cue.subject, cue.speakers, cue.boundary = phrase, (body,), connectors[index]  # else the last speaking
            return
    speakers = actors.speakers(*phrase)
    if not speakers and previous_speaker and ANAPHORA.match(text[phrase[0] : phrase[1]]):
        named = text[phrase[0] : phrase[1]]
        body = actors.last_body(phrase[0], named)
        if body is None and len(named.split()) == 2:  # "the ministry": the body speaking before; not "the
            body = previous_speaker  # defence ministry", which names its own kind
        speakers = [body] if body and actors.types.get(body) != "person" else []
    spokesman = BODY_SPOKESMAN.match(text[phrase[0] : phrase[1]])
    if not speakers and spokesman:  # "“…,” a ministry spokesman wrote": the ministry named before
        speakers = [s for s in [actors.last_body(phrase[0], "the " + spokesman.group(1))] if s]
    kind = KIND_ANAPHORA.match(text[phrase[0] : phrase[1]])
    if not speakers and kind:  # "the London-based rights group", "the paper said", "the body reported"
        speakers = [s for s in [actors.last_of_kind(phrase[0], ANAPHORA_KINDS[kind.lastgroup or ""])] if s]
    if not speakers and DOCUMENT.match(text[phrase[0] : phrase[1]]):  # "The statement reads:" of whoever issued it
        speakers = [s for s in [actors.issuer(phrase[0]) or previous_speaker] if s]
    if own and not speakers and previous_speaker:  # "Armenia denied it, and its foreign ministry condemned ..."
        body = actors.body_of(phrase[0], phrase[1], own.group(1), actors.side_of(previous_speaker))
        speakers = [body] if body else []
    ministry = STATE_MINISTRY.match(text[phrase[0] : phrase[1]])
    if ministry and not speakers and previous_speaker:  # "Azerbaijan apologised. “…,” the foreign ministry said"
        body = actors.body_of(phrase[0], phrase[1], ministry.group(1).lower(), previous_speaker)
        speakers = [body] if body else []
    if not speakers and not cue.by_agent:  # "A local doctor said", "Witnesses told AFP": described, not named
        speakers = actors.unnamed(*phrase)
    chosen = index
    if index > 0 and re.match(r"and\b", text[connectors[index] :]):
        wider = _clean(text, bounds[index - 1], subject_end)
        if wider and not any(wider[0] <= c.start < wider[1] for c in cues if c is not cue):
            both = actors.speakers(*wider)
            if len(both) > 1:
                speakers, phrase, chosen = both, wider, index - 1
    cue.subject, cue.speakers = phrase, tuple(speakers)
    cue.boundary = connectors[chosen]


def _ends_clause(doc, cue: _Cue) -> bool:
    """A cue that opens a clause of its own: one with a speaker, or with a subject naming someone the draft cannot
    code ("as Armenian officials reported “…”"); not "calling it “…”" or "what it called “…”"."""
    if cue.speakers:
        return True
    if cue.subject is None or cue.verb in PARTICIPLES:
        return False
    return doc.text[cue.subject[0] : cue.subject[1]].lower() not in ("it", "they", "he", "she", "what it", "what they")


def _pronoun_of_speaker(doc, actors: ArticleActors, cue: _Cue, previous: StatementRow | None) -> None:
    """ "He said" after "X said [words naming Y]" is X speaking again: a person named only inside what the speaker
    before said is not whom the pronoun takes up."""
    if previous is None or previous.said is None or cue.subject is None or len(cue.speakers) != 1:
        return
    if doc.text[cue.subject[0] : cue.subject[1]].lower() not in PRONOUNS:
        return
    named, speaker = cue.speakers[0], previous.speaker
    if named == speaker or actors.types.get(speaker) != "person" or previous.end > cue.start:
        return
    if doc.paragraph_of(previous.start) not in (doc.paragraph_of(cue.start), (doc.paragraph_of(cue.start) or 0) - 1):
        return
    last = [m for m in actors.mentions if m.actor_id == named and m.end <= cue.start]
    if last and previous.said[0] <= last[-1].start < previous.said[1]:
        cue.speakers = (speaker,)


WHAT_IT = re.compile(r"\bwhat\s+(?:it|they|he|she)$", re.IGNORECASE)


def _first_named(doc, actors: ArticleActors, start: int, end: int) -> str | None:
    """The first actor named between the offsets outside a quotation, not an outlet: the subject "what it called"
    takes up."""
    named = [
        m
        for m in actors.mentions
        if start <= m.start < end and not doc.in_quote(m.start) and actors.types.get(m.actor_id) != "media_outlet"
    ]
    return min(named, key=lambda m: (m.start, m.start - m.end)).actor_id if named else None


def _sentence_subject(doc, actors: ArticleActors, sentence: Sentence) -> str | None:
    """The actor a sentence opens with, its subject: "Turkey has thrown its weight behind Azerbaijan, vowing to
    ..." is Turkey vowing, not whoever spoke last."""
    return _subject_at(doc, actors, sentence.start, sentence.end)


# A subordinate clause whose subject a later coordinated cue goes on with: "The truce came as Lavrov spoke ... and
# insisted on “…”".
SUBORDINATE = re.compile(r"\s(?:as|when|while|after|because|although|though)\s+")


def _clause_subject(doc, actors: ArticleActors, sentence: Sentence, before: int) -> str | None:
    """The actor that opens the last subordinate clause before an offset, where one opens."""
    opening = list(SUBORDINATE.finditer(doc.text, sentence.start, before))
    return _subject_at(doc, actors, opening[-1].end(), before) if opening else None


def _subject_at(doc, actors: ArticleActors, start: int, end: int) -> str | None:
    opening = re.match(r"(?:[Tt]he\s+)?", doc.text[start:end])
    at = start + (opening.end() if opening else 0)
    run = CAPITALISED.match(doc.text, at, end)
    titled = [  # "Turkish President Recep Tayyip Erdogan": the person the opening words name, not the state
        m for m in actors.mentions if run and at < m.start < run.end() and actors.types.get(m.actor_id) == "person"
    ]
    named = titled[:1] or sorted((m for m in actors.mentions if m.start == at), key=lambda m: m.start - m.end)
    return named[0].actor_id if named and actors.types.get(named[0].actor_id) != "media_outlet" else None


def _clean(text: str, start: int, end: int):
    """The subject phrase without surrounding punctuation, adverbs and date words, or None if empty."""
    start, end = strip_span(text, start, end, ' ,;:”“"')
    lead = LEADING_TIME.match(text[start:end])
    start += lead.end() if lead else 0
    tail = TRAILING_ADVERBS.search(text, start, end)
    if tail and tail.end() == end:
        end = tail.start()
    return (start, end) if end > start else None


def _apposition(text: str, phrase) -> bool:
    """A phrase that says what someone is: "a resident", "the ministry's spokeswoman", "Armenian defence ministry
    spokeswoman"."""
    words = text[phrase[0] : phrase[1]].split()
    return bool(words) and (
        words[0].lower() in ("a", "an", "the")
        or words[0][:1].islower()
        or words[-1].lower() in TITLE_WORDS
        or (  # "X, Ombudsperson of Nagorno-Karabakh, wrote"; not "Prime Minister Nikol Pashinyan", a name
            words[0].lower() in TITLE_WORDS
            and bool({"of", "for"} & set(words))
            and not (len(words) > 2 and name_like(words[-2]) and name_like(words[-1]))
        )
        or re.fullmatch(r"\d{1,3}", " ".join(words)) is not None  # "Rubaba Zhafarova, 65, said": an age
    )


# Words of the reporter before a quotation that closes on its speaker: a participle or preposition opens the
# sentence ("Calling the strike “a war crime”, X said"), so the quotation is partial.
OPENING_CLAUSE = re.compile(r"\s*[A-Z][a-z]+ing\s[^,“”\"«»]*")


# What may stand between a quotation and its speaker named after it: a comma or dash, and a title set off before
# the name ("“…,” the Karabakh president, Ara Harutiunian, said").
APPOSED_GAP = re.compile(r"[,\s]*[—–-]?\s*(?:(?:the|a|an)\s+[^,.;:“”\"«»]{1,60},\s*)?")


def _attached_quote(text, sentence, cue: _Cue, start, end, used):
    """The quotation this cue attributes: one ending just before the attribution, one right after the cue
    (`said: “…”`), or one later in the cue's clause (a partial quote)."""
    subject_start = cue.subject[0] if cue.subject else cue.start
    introduces = re.match(r"\s*[:,]\s*$", text[cue.end : cue.end + 3]) or any(
        q.open >= cue.end and re.fullmatch(r"\s*[:,]\s*", text[cue.end : q.open]) for q in sentence.quotes
    )  # `He said, “…”`: the quotation after the cue is its own, not a closed one before the speaker
    for quote in sentence.quotes:
        if quote in used:
            continue
        gap_before = text[quote.end : min(subject_start, cue.start)]
        closed = quote.end <= cue.start and text[quote.close - 1 : quote.close] in ".!?" and not gap_before.strip()
        if introduces and closed:
            continue
        if quote.end <= min(subject_start, cue.start) and APPOSED_GAP.fullmatch(gap_before):
            if NAME_IN_MARKS.fullmatch(text[quote.open + 1 : quote.close]):
                continue  # a name in marks closing a clause, not words someone said
            if OPENING_CLAUSE.fullmatch(text, sentence.start, quote.open):  # "Calling the strike “a war crime”, X said"
                return quote, "partial"
            lead = text[sentence.start : quote.open]  # "He died “in unclear circumstances,” X wrote"; not after
            if re.search(r"\w", lead) and not re.search(r"[,:]\s*$", lead):  # "Speaking to reporters, “…”"
                return quote, "partial-before"
            return quote, "direct-before"
        if (
            quote.end <= subject_start
            and OPENING_CLAUSE.fullmatch(text, sentence.start, quote.open)
            and re.fullmatch(r"[^,“”\"«».;:]{1,80},\s*", text[quote.end : subject_start])
        ):  # "Urging “all feasible measures” to protect civilians, the ICRC called for restraint"
            return quote, "partial"
        if quote.open >= cue.end and quote.open < end:
            between = text[cue.end : quote.open]
            words = text[quote.open + 1 : quote.close].lstrip()
            colon = between.rstrip().endswith(":") and not CUE.search(between)  # "said he was out when ...: “…”"
            if re.fullmatch(r"\s*[:,]\s*", between) or colon or not between.strip() and not words[:1].islower():
                if NAME_IN_MARKS.fullmatch(text[quote.open + 1 : quote.close]):
                    continue  # `writes “Gazeta.ru”`: the name of who writes, not what was written
                return quote, "direct"  # `said: “…”`, `said “We will …”`; not `called for “an immediate ceasefire”`
            if _name_in_marks(text, quote):
                continue  # "note of the “Caucasian Knot”": a name in marks, not words someone said
            return quote, "partial"
    return None, None


def _passive_said(doc, sentence: Sentence, cue: _Cue) -> tuple[int, int] | None:
    """What a passive cue's agent said: the sentence before for "This was announced by X", else the subject of the
    passive ("The figures were confirmed by X": the figures)."""
    text = doc.text
    subject = re.sub(
        r"\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s*$", "", text[sentence.start : cue.start]
    )
    if re.fullmatch(r"\s*(?:This|That|It)\s*", subject):
        before = [s for s in doc.sentences if s.end <= sentence.start and s.paragraph == sentence.paragraph]
        return strip_span(text, before[-1].start, before[-1].end, " .") if before else None
    said = strip_span(text, sentence.start, sentence.start + len(subject))
    return said if said[1] > said[0] else None


def _name_in_marks(text: str, quote) -> bool:
    """A name set in marks inside a sentence, as some copy sets outlets' and weapons' names: after "the", "of",
    "from" ("note of the “Caucasian Knot”") or before the noun it names ("“Smerch” launchers"). A word someone said
    that stands so ("Azerbaijan’s “Stalingrad” due to ...") is missed: names in marks are the commoner."""
    if not NAME_IN_MARKS.fullmatch(text[quote.open + 1 : quote.close]):
        return False
    before = re.search(r"\b(?:the|of|from|a|an|with|by|using)\s*$", text[max(0, quote.open - 8) : quote.open])
    return bool(before or re.match(r"\s+[a-z]", text[quote.end : quote.end + 3]))


def _reported_words(doc, sentence, cue: _Cue, start: int, end: int):
    """What was reported: the words after the cue (without "that" and the date of saying), or, when the cue
    closes the sentence ("..., the ministry said."), the words before the speaker."""
    text = doc.text
    if cue.subject and cue.subject[0] >= cue.end:  # "Five civilians died, said the ministry.": the words before
        said = strip_span(text, sentence.start, cue.start, " ,;:")
        return said if said[1] - said[0] >= 3 else None
    after_start = cue.end
    lead = re.match(
        r"\s+(?:(?:early\s+|late\s+)?(?:on\s+)?[A-Z][a-z]+day|yesterday|today|in\s+an?\s+(?:\w+\s+)?statement"
        r"|in\s+a\s+briefing|on\s+\d{1,2}\s+[A-Z][a-z]+\.?|on\s+[A-Z][a-z]+\.?\s+\d{1,2}\b|on\s+\w+)?\s*(?P<comma>,\s*)?"
        r"(?P<that>that\s+)?",
        text[after_start:end],
    )
    inverted = lead and lead.group("comma") and not lead.group("that")  # "..., the ministry said Saturday, bringing"
    said_start = end if inverted else after_start + (lead.end() if lead else 0)
    according = ACCORDING_TO.search(text, said_start, end)
    said_end = according.start() if according else end
    said_start, said_end = strip_span(text, said_start, said_end, " ,;:.")
    if said_end - said_start >= 3 and re.search(r"\w", text[said_start:said_end]):
        return said_start, said_end
    if cue.subject and cue.subject[0] > sentence.start:  # "Five were killed, the ministry said."
        before_end = cue.boundary if cue.boundary is not None else cue.subject[0]
        s, e = strip_span(text, sentence.start, before_end, " ,;:")
        if e - s >= 3:
            return s, e
    return None


BARE_WEEKDAY = re.compile(rf"\s+((?:{WEEKDAY_NAMES}))\b(?![’'])")


def _statement_date(doc, sentence, cue: _Cue, start: int, published):
    """Words dating the saying: right after the cue ("said on Monday", "in a Sunday statement"), between the
    speaker and the cue ("Azerbaijan on Monday said"), or opening the sentence ("On Monday, X announced")."""
    text = doc.text
    near = day_words(text, cue.end, min(sentence.end, cue.end + 40), published)
    near = [d for d in near if re.fullmatch(r"\s*(?:in\s+a\s+statement\s+|to\s+reporters\s+)?", text[cue.end : d[0]])]
    if near:
        return near[0]
    bare = BARE_WEEKDAY.match(text, cue.end, sentence.end)  # wire style: "said Sunday that ..."
    if bare and readable(bare.group(1), published):
        return bare.span(1)
    if cue.subject:
        inside = day_words(text, cue.subject[1], cue.start, published)
        if inside:
            return inside[0]
    opening = DAY_WORDS.match(text, sentence.start)
    if (
        opening
        and re.match(r",", text[opening.end() :])
        and readable(opening.group(0), published)
        and (cue.subject is None or cue.subject[0] > opening.end())
    ):
        return opening.span()
    return None


def days_said(doc, sentence: Sentence, published) -> list[tuple[int, tuple[int, int] | None]]:
    """(end, date words) of each cue verb of the sentence, whoever speaks: "officials said Tuesday that 16 more
    soldiers were killed" dates what is said, though no speaker the draft can code is named. Read once a sentence,
    however many figures it holds."""
    return [(cue.end, _statement_date(doc, sentence, cue, cue.start, published)) for cue in _cues(doc, sentence)]


def claims_of_statements(rows: list[StatementRow]) -> list[tuple[StatementRow, str]]:
    """Statements whose cue is itself a claim: "accused Armenia of ..." (accusation), "denied ..." (denial)."""
    return [(row, CLAIM_OF_CUE[row.cue_base]) for row in rows if row.cue_base in CLAIM_OF_CUE]
