"""Turning one article and its coding into rows: offsets, dates, figures and references are computed here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.build.parts import link_parts
from scripts.build.registry import ReferenceProblem, Registry
from scripts.build.review import is_placeholder, report_unreviewed
from scripts.common.problems import ProblemList
from scripts.common.yamlfile import key_path, line_at
from scripts.reading.articles import Article
from scripts.reading.dates import DateError, Period, check_precision, parse_date, resolve
from scripts.reading.quantities import MAX_COUNT, Quantity, fits, is_count, parse_quantity, qualifier_problem, span
from scripts.reading.quotes import bounded, held, joined
from scripts.reading.spans import Finder, SpanError
from scripts.reading.vocabulary import CASUALTY_TYPES


@dataclass
class ArticleRows:
    article: dict
    mentions: list = field(default_factory=list)
    event_reports: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    claims: list = field(default_factory=list)


class _Coder:
    """Holds one article's context so each row converter only says what is particular to it."""

    def __init__(self, article: Article, coding, rel: str, registry: Registry, problems: ProblemList):
        self.article, self.coding, self.rel, self.registry, self.problems = article, coding, rel, registry, problems
        self.published = None
        self.finder = Finder(article.text)

    def problem(self, path, rule, message, value=None):
        self.problems.add(
            self.rel, rule, message, line=line_at(self.coding, path), column=self._place(path), value=value
        )

    def _place(self, path) -> str:
        """The key path with the row's own id after its position, "claims[9] (c10).part_of": the id the
        contributor wrote, not only a count from 0."""
        rows = self.coding.get(path[0]) if len(path) > 1 and isinstance(path[1], int) else None
        item = rows[path[1]] if isinstance(rows, list) and path[1] < len(rows) else None
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            return key_path(path)
        rest = key_path(path[2:])
        return f"{key_path(path[:2])} ({item['id']})" + (f".{rest}" if rest and not rest.startswith("[") else rest)

    def span(self, item, path):
        if not isinstance(item.get("evidence"), str):
            return None  # a placeholder, reported as one
        if item["evidence"] != item["evidence"].strip():
            self.problem(
                [*path, "evidence"],
                "evidence-whitespace",
                "the evidence starts or ends with a space or a line break; start and end it with the article's words",
                item["evidence"],
            )
            return None
        try:
            start, end = self.finder.locate(item["evidence"], item.get("occurrence"))
        except SpanError as exc:
            self.problem([*path, "evidence"], exc.rule, exc.message, item["evidence"])
            return None
        return {"evidence": item["evidence"], "char_start": start, "char_end": end}

    def actor(self, item, key, path, expect_type=None):
        name = item.get(key)
        if name is None or is_placeholder(name):  # a placeholder is reported as one (scripts/build/inputs.py)
            return None
        try:
            actor_id = self.registry.actor(name)
        except ReferenceProblem as exc:
            self.problem([*path, key], exc.rule, exc.message, name)
            return None
        if expect_type and self.registry.actor_types[actor_id] != expect_type:
            self.problem(
                [*path, key],
                "actor-type",
                f"'{name}' must be a {expect_type} actor, but '{actor_id}' is a {self.registry.actor_types[actor_id]}",
                name,
            )
        return actor_id

    def event(self, item, path):
        if item.get("event") is None:
            return None
        try:
            return self.registry.event(item["event"])
        except ReferenceProblem as exc:
            self.problem([*path, "event"], exc.rule, exc.message, item["event"])
            return None

    def within_evidence(self, item, key, path):
        """A verbatim part of the evidence (cue, date words, figure words); nothing can be paraphrased."""
        words = item.get(key)
        if words is not None and words not in item["evidence"]:
            self.problem(
                [*path, key], "not-in-evidence", f"'{key}' must be words copied from this row's evidence", words
            )
            return None
        return words

    def coded_date(self, item, path, key):
        if item.get(key) is None:
            return None
        try:
            return parse_date(item[key])
        except DateError as exc:
            self.problem([*path, key], exc.rule, exc.message, exc.value)
            return None

    def period(self, item, path, single_day=False):
        """Coded dates win; otherwise the date words are resolved against the publication date."""
        date_text = self.within_evidence(item, "date_text", path)
        coded_keys = ("date",) if single_day else ("date_start", "date_end", "date_precision")
        if any(item.get(k) is not None for k in coded_keys):
            start = self.coded_date(item, path, coded_keys[0])
            if start is None:
                if item.get(coded_keys[0]) is None:  # date_end or date_precision without date_start
                    given = [k for k in coded_keys[1:] if item.get(k) is not None]
                    self.problem(
                        [*path, given[0]],
                        "date-precision",
                        f"{' and '.join(given)} given without "
                        f"{coded_keys[0]}; add {coded_keys[0]} or remove {'them' if len(given) > 1 else 'it'}",
                    )
                return Period.empty()
            end = start if single_day else (self.coded_date(item, path, "date_end") or start)
            precision = "day" if single_day else item.get("date_precision", "day" if start == end else "days")
            why = check_precision(start, end, precision)
            if why:
                self.problem([*path, coded_keys[0]], "date-precision", why)
                return Period.empty()
            return self.not_after_publication(Period(start, end, precision, "coded"), path, coded_keys[0])
        if date_text is None:
            return Period.empty()
        resolved = resolve(date_text, self.published, self.registry.war_began(self.published))
        if resolved is None:
            if self.published is not None:
                self.problem(
                    [*path, "date_text"],
                    "date-unresolved",
                    "the build cannot read these date words as one day; keep 'date_text', state the date as "
                    + (
                        "'date: YYYY-MM-DD'"
                        if single_day
                        else "'date_start' (with 'date_end' and 'date_precision' for a period such as "
                        '"since the fighting began")'
                    )
                    + ", and say how you read the words in 'note'",
                    date_text,
                )
            return Period.empty()
        if single_day and resolved.precision not in (None, "day"):
            self.problem([*path, "date_text"], "date-precision", "a statement date must be a single day", date_text)
            return Period.empty()
        return self.not_after_publication(resolved, path, "date_text")

    def not_after_publication(self, period, path, key):
        if self.published is not None and period.start is not None and period.start > self.published:
            self.problem(
                [*path, key],
                "date-after-publication",
                f"the date {period.start} is after the article's publication date {self.published}; "
                "correct the date or the date words",
                str(period.start),
            )
            return Period.empty()
        return period


def code_article(
    article: Article, coding, rel_coding: str, rel_article: str, registry: Registry, problems: ProblemList
) -> ArticleRows:
    coder = _Coder(article, coding, rel_coding, registry, problems)
    rows = ArticleRows(_article_row(coder, rel_coding, rel_article))
    _unreviewed(coder)
    if not coding.get("mentions"):
        coder.problem(
            ["mentions"],
            "coding-empty",
            "no actor mention is coded yet; every article names someone: "
            "add each actor it names under 'mentions' (see CONTRIBUTING.md)",
        )
    for i, item in enumerate(coding.get("mentions") or []):
        _mention(coder, item, ["mentions", i], rows)
    reported: dict[tuple[str, int], int] = {}  # (event, where its words start) -> the item that reports it
    for i, item in enumerate(coding.get("events") or []):
        span = coder.span(item, ["events", i])
        event_id = coder.event(item, ["events", i])
        if span and event_id:
            key = (event_id, span["char_start"])
            if key in reported:
                coder.problem(
                    ["events", i],
                    "event-report-duplicate",
                    f"events[{reported[key]}] already reports '{event_id}' with words starting here; "
                    "remove this repeat (one report of an event per place in the article)",
                    event_id,
                )
                continue
            reported[key] = i
            rows.event_reports.append({"event_id": event_id, "article_id": article.article_id, **span})
    statements: dict[str, dict[str, str | None]] = {}  # local id -> speaker, via, event
    statement_ids: set[str] = set()
    for i, item in enumerate(coding.get("statements") or []):
        row = _statement(coder, item, ["statements", i], statements, statement_ids)
        if row:
            rows.statements.append(row)
    claim_ids: set[str] = set()
    by_local_id: dict[str, dict] = {}
    for i, item in enumerate(coding.get("claims") or []):
        row = _claim(coder, item, ["claims", i], statements, claim_ids)
        if row:
            rows.claims.append(row)
            by_local_id[item["id"]] = row
    link_parts(coder, coding.get("claims") or [], by_local_id)
    return rows


def _unreviewed(coder):
    """A row `python -m scripts draft` wrote keeps `draft: true` until a person has checked it, so a drafted coding
    builds no tables until every row of it is reviewed; the rows still marked are reported together, by line."""
    paths = [["article", "draft"]] if (coder.coding.get("article") or {}).get("draft") else []
    paths += [
        [section, i, "draft"]
        for section in ("mentions", "events", "statements", "claims")
        for i, item in enumerate(coder.coding.get(section) or [])
        if item.get("draft")
    ]
    if paths:
        report_unreviewed(
            coder.problems,
            coder.rel,
            [line_at(coder.coding, path) for path in paths],
            "row",
            "check each against the article (evidence, actor, figure, date), correct it or delete it",
        )


def _article_row(coder, rel_coding, rel_article):
    article, meta = coder.article, coder.coding.get("article") or {}
    path = ["article"]
    source, method, published = "unknown", None, None
    if article.header_date is not None:
        published, source = article.header_date, "header"
        if meta.get("published_date") is not None:
            coder.problem(
                [*path, "published_date"],
                "published-date-conflict",
                "the article has a date header; remove published_date from the coding",
                meta["published_date"],
            )
    elif meta.get("published_date") is not None:
        published, source, method = (
            coder.coded_date(meta, path, "published_date"),
            "inferred",
            meta.get("published_date_method"),
        )
        if method is None:
            coder.problem(
                [*path, "published_date"],
                "published-date-method",
                "an inferred publication date needs 'published_date_method' saying how it was inferred",
            )
    elif meta.get("published_date_method") is not None:
        coder.problem(
            [*path, "published_date_method"],
            "published-date-method",
            "published_date_method is given without published_date",
        )
    coder.published = published
    return {
        "article_id": article.article_id,
        "path": rel_article,
        "coding_path": rel_coding,
        "sha256": article.sha256,
        "published_date": published,
        "published_date_source": source if published is not None else "unknown",
        "published_date_method": method,
        "outlet_actor_id": coder.actor(meta, "outlet", path, "media_outlet"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "retrieved_date": _retrieved(coder, meta, path),
        "n_chars": article.n_chars,
    }


def _retrieved(coder, meta, path):
    """The day the text was copied from its page: a real date, and not before the article was published."""
    retrieved = coder.coded_date(meta, path, "retrieved")
    if retrieved is not None and coder.published is not None and retrieved < coder.published:
        coder.problem(
            [*path, "retrieved"],
            "retrieved-before-publication",
            f"the text cannot have been copied before the article was published ({coder.published}); "
            "give the day you copied it",
            str(retrieved),
        )
        return None
    return retrieved


def _mention(coder, item, path, rows):
    span = coder.span(item, path)
    text = coder.article.text
    if span and (
        (span["char_start"] > 0 and text[span["char_start"] - 1].isalnum())
        or (span["char_end"] < len(text) and text[span["char_end"]].isalnum())
    ):
        word_start = span["char_start"]
        while word_start > 0 and text[word_start - 1].isalnum():
            word_start -= 1
        word_end = span["char_end"]
        while word_end < len(text) and text[word_end].isalnum():
            word_end += 1
        coder.problem(
            [*path, "evidence"],
            "mention-partial-word",
            f"this occurrence is part of the word '{text[word_start:word_end]}', not the name itself; "
            "pick another 'occurrence'",
            item["evidence"],
        )
        span = None
    name = item.get("actor", item["evidence"])
    actor_id = coder.actor({"actor": name}, "actor", path)
    if span and actor_id:
        rows.mentions.append({"article_id": coder.article.article_id, "actor_id": actor_id, **span})


def _local_id(coder, item, path, seen, what):
    if item["id"] in seen:
        coder.problem(
            [*path, "id"],
            f"{what}-duplicate-id",
            f"the {what} id '{item['id']}' is used twice in this coding; give each row its own id",
            item["id"],
        )
        return None
    seen.add(item["id"])
    return f"{coder.article.article_id}:{item['id']}"


def _statement(coder, item, path, statements, statement_ids):
    statement_id = _local_id(coder, item, path, statement_ids, "statement")
    span = coder.span(item, path)
    speaker = coder.actor(item, "speaker", path)
    described = coder.within_evidence(item, "speaker_description", path)
    one_speaker = (item.get("speaker") is None) != (item.get("speaker_description") is None)
    if not one_speaker:
        coder.problem(
            [*path, "speaker_description" if item.get("speaker") is not None else "id"],
            "statement-speaker",
            "give 'speaker' when the article names who spoke, or 'speaker_description' (the evidence's words for a "
            "speaker it does not name, such as 'one resident'), not both"
            if item.get("speaker") is not None
            else "a statement needs 'speaker' (who spoke, as the registry names them) or, for a speaker the article "
            "does not name, 'speaker_description' (the evidence's words for them, such as 'one resident')",
        )
    via = coder.actor(item, "via", path)
    cue = coder.within_evidence(item, "cue", path)
    text = _statement_text(coder, item, path, span)
    period = coder.period(item, path, single_day=True)
    event_id = coder.event(item, path)
    if statement_id is None:
        return None
    statements[item["id"]] = {"speaker": speaker, "via": via, "event": event_id}
    if span is None or text is None or not one_speaker or (speaker is None and described is None):
        return None
    return {
        "statement_id": statement_id,
        "article_id": coder.article.article_id,
        "speaker_actor_id": speaker,
        "speaker_description": described,
        "via_actor_id": via,
        "quote_type": item["type"],
        "text": text,
        "cue": cue,
        "statement_date": period.start,
        "statement_date_precision": period.precision,
        "statement_date_text": item.get("date_text"),
        "statement_date_source": period.source,
        "event_id": event_id,
        **span,
    }


def _statement_text(coder, item, path, span):
    """Reported words must be in the evidence; quoted words are those of a quotation the evidence holds whole
    (scripts/reading/quotes.py: over several paragraphs, or cut off by the end of the text), or words the coder
    states that stand between quotation marks in the article."""
    text = item.get("text")
    if item["type"] == "indirect":
        return coder.within_evidence(item, "text", path) if text is not None else item["evidence"]
    if span is None:
        return None
    article = coder.article.text
    runs = held(article, span["char_start"], span["char_end"])
    quoted = [joined(article, run) for run in runs]
    if text is None:
        if len(quoted) == 1:
            return quoted[0]
        coder.problem([*path, "text"], "quote-text", _quote_advice(quoted))
        return None
    paragraphs = {
        joined(article, run[i:j]) for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)
    }
    at = span["char_start"] + item["evidence"].find(text) if text in item["evidence"] else -1
    if text in paragraphs or (at >= 0 and bounded(article, at, len(text))):
        return text
    coder.problem(
        [*path, "text"],
        "quote-text",
        "for a direct or partial quote, 'text' must be exactly the words "
        "between the quotation marks (over several paragraphs: each paragraph's words, joined by one space); "
        + _quote_advice(quoted),
        text,
    )
    return None


def _quote_advice(quoted: list[str]) -> str:
    """What to write, from the quotations the evidence holds."""
    if not quoted:
        return (
            "the evidence holds no whole quotation; include the quotation in the evidence (from its opening mark "
            "to its closing one, or to where the text stops), or code the statement as 'indirect'"
        )
    shown = "; ".join(f"'{words}'" for words in quoted)
    if len(quoted) == 1:
        return f"the evidence quotes {shown}: give that as 'text', or leave 'text' out"
    return (
        f"the evidence holds {len(quoted)} quotations ({shown}); give 'text': the words of the one this statement "
        "quotes"
    )


def _claim(coder, item, path, statements, claim_ids):
    claim_id = _local_id(coder, item, path, claim_ids, "claim")
    span = coder.span(item, path)
    statement = None
    if item.get("statement") is not None:
        statement = statements.get(item["statement"])
        if statement is None:
            coder.problem(
                [*path, "statement"],
                "statement-unknown",
                f"no statement with id '{item['statement']}' in this coding; use the id of one of its statements",
                item["statement"],
            )
    claimant = coder.actor(item, "claimant", path)
    via = coder.actor(item, "via", path)
    if statement:
        if claimant is not None and claimant != statement["speaker"]:
            coder.problem(
                [*path, "claimant"],
                "claimant-statement",
                f"the claimant differs from the statement's speaker '{statement['speaker']}'; "
                "drop 'claimant' or the statement"
                if statement["speaker"] is not None
                else "the statement's speaker is one the article does not name (speaker_description), so the "
                "claim has no claimant of its own; drop 'claimant' or the statement",
                item["claimant"],
            )
        claimant = statement["speaker"] if item.get("claimant") is None else claimant
        via = statement["via"] if item.get("via") is None else via
    event_id = coder.event(item, path) or (statement["event"] if statement and item.get("event") is None else None)
    victim = coder.actor(item, "victim", path)
    status = item.get("victim_status")
    if item["type"] in CASUALTY_TYPES and status is None:
        coder.problem(
            [*path, "victim_status"],
            "victim-status",
            f"a '{item['type']}' claim needs victim_status: military, civilian or unknown",
        )
    if item["type"] not in CASUALTY_TYPES and (status is not None or item.get("victim") is not None):
        coder.problem(
            [*path, "victim_status"],
            "victim-status",
            f"victim and victim_status apply to casualty and displacement claims, not '{item['type']}'; "
            "remove them, or change the claim's type",
        )
    quantity = _quantity(coder, item, path)
    period = coder.period(item, path)
    if claim_id is None or span is None or quantity is None:
        return None
    return {
        "claim_id": claim_id,
        "article_id": coder.article.article_id,
        "claimant_actor_id": claimant,
        "via_actor_id": via,
        "statement_id": f"{coder.article.article_id}:{item['statement']}" if statement else None,
        "event_id": event_id,
        "part_of_claim_id": None,  # set by link_parts once every claim is read
        "claim_type": item["type"],
        "victim_actor_id": victim,
        "victim_status": status,
        "value_min": quantity.value_min,
        "value_max": quantity.value_max,
        "qualifier": quantity.qualifier,
        "value_text": item.get("value_text"),
        "date_start": period.start,
        "date_end": period.end,
        "date_precision": period.precision,
        "date_text": item.get("date_text"),
        "date_source": period.source,
        **span,
    }


def _quantity(coder, item, path):
    """The figure from its words, unless the coder states qualifier and bounds; None after a problem."""
    value_text = coder.within_evidence(item, "value_text", path)
    coded = {k: item.get(k) for k in ("qualifier", "value_min", "value_max")}
    for key in ("value_min", "value_max"):
        value = coded[key]
        if value is not None and not is_count(value):
            coder.problem(
                [*path, key],
                "count-invalid",
                f"counts are whole numbers of people, 0 or more (and at most "
                f"{MAX_COUNT:,}, more people than live on Earth)",
                value,
            )
            return None
        coded[key] = None if value is None else int(value)
    if item.get("value_text") is None:
        if any(v is not None for v in coded.values()):
            coder.problem(
                [*path, "value_text"],
                "value-text-missing",
                "a figure needs 'value_text': the words of the article that state it",
            )
            return None
        return Quantity(None, None, None)
    if value_text is None:
        return None
    if coded["qualifier"] is None and (coded["value_min"] is not None or coded["value_max"] is not None):
        coder.problem(
            [*path, "qualifier"],
            "qualifier-values",
            "value_min/value_max are given without 'qualifier'; state the qualifier too "
            "(exact, approx, at_least, more_than, up_to) or drop the bounds to read them from value_text",
            f"{coded['value_min']}..{coded['value_max']}",
        )
        return None
    read = parse_quantity(value_text)
    stated = coded["qualifier"] is not None
    quantity = Quantity(coded["qualifier"], coded["value_min"], coded["value_max"]) if stated else read
    if quantity is None:
        numbers = re.findall(r"\d[\d,.]*\d|\d", str(item.get("evidence") or ""))
        coder.problem(
            [*path, "value_text"],
            "value-text-unreadable",
            "the build cannot read this figure; "
            + (f"if it is the evidence's '{numbers[0]}', write that as 'value_text'; else " if numbers else "")
            + "keep 'value_text', state 'qualifier' and 'value_min'/'value_max', and say how you read the words in "
            "'note'",
            value_text,
        )
        return None
    if not all(v is None or is_count(v) for v in (quantity.value_min, quantity.value_max)):
        coder.problem(
            [*path, "value_text"],
            "count-invalid",
            f"the figure reads as more than {MAX_COUNT:,} people, more than live on Earth; check the words",
            value_text,
        )
        return None
    why = qualifier_problem(quantity.qualifier, quantity.value_min, quantity.value_max)
    if why:
        coder.problem(
            [*path, "qualifier"],
            "qualifier-values",
            why,
            f"{quantity.qualifier}: {quantity.value_min}..{quantity.value_max}",
        )
        return None
    if stated and read is not None and not fits(quantity, read):
        coder.problem(
            [*path, "value_min" if coded["value_min"] is not None else "value_max"],
            "value-text-bounds",
            f"the bounds given do not fit the words '{value_text}', which read as {span(read)}: give "
            "bounds the words allow, or leave qualifier and bounds out to read them from value_text",
            span(quantity),
        )
        return None
    return quantity
