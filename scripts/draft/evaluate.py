"""Measuring drafts against curated codings. Both codings are turned into table rows by the build's own code
(scripts/build/coding.py), so fields compare as the package stores them: "on Monday" and a coded date as dates,
"some 500" and stated bounds as bounds. Rows are paired by where their evidence lies in the article (overlapping
spans, the best pair first), then every field of each pair is compared.

Per table: precision = drafted rows paired with a curated row / drafted rows; recall = curated rows paired / curated
rows. Per field: precision = pairs agreeing on a value / drafted rows giving one; recall = pairs agreeing on a value
/ curated rows giving one (so a curated row the draft missed counts against every field); agree = pairs agreeing,
empty included / pairs. Actors are compared as the set of actors each article mentions.

With `held_out`, each seed is drafted against the registry as it would be had that article never been coded:
without the actors and events only it names, and without the names and aliases that occur in no other article."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scripts.build import review
from scripts.build.coding import code_article
from scripts.build.inputs import load_input
from scripts.build.pipeline import seed_pairs
from scripts.build.registry import Registry, load_registry
from scripts.common.paths import Layout
from scripts.common.problems import BuildError, ProblemList
from scripts.common.yamlfile import load_yaml
from scripts.draft.actor_index import ActorIndex
from scripts.draft.article import draft_article
from scripts.draft.proposals import registry_with
from scripts.draft.writer import coding_yaml
from scripts.reading.articles import Article, ArticleError, read_article
from scripts.reading.vocabulary import CASUALTY_TYPES

TARGETS = {"quotes": 0.80, "figures": 0.75, "dated": 0.70, "precision": 0.90}
FIELDS = {
    "statements": ["speaker", "quote_type", "text", "cue", "statement_date", "via_actor_id", "event_id"],
    "claims": [
        "claim_type",
        "value",
        "value_text",
        "victim_actor_id",
        "victim_status",
        "date",
        "claimant_actor_id",
        "via_actor_id",
        "event_id",
    ],
    "event_reports": ["event_type", "event_date", "event_id"],
}
TABLES = ("actors", "statements", "claims", "event_reports")


@dataclass
class Tally:
    """Counts that add up over articles."""

    drafted: int = 0
    curated: int = 0
    matched: int = 0

    def add(self, other: Tally) -> None:
        self.drafted, self.curated, self.matched = (
            self.drafted + other.drafted,
            self.curated + other.curated,
            self.matched + other.matched,
        )

    @property
    def precision(self) -> float | None:
        return self.matched / self.drafted if self.drafted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.curated if self.curated else None


@dataclass
class FieldTally:
    drafted: int = 0  # drafted rows giving a value
    curated: int = 0  # curated rows giving a value
    correct: int = 0  # paired rows giving the same value
    pairs: int = 0
    agree: int = 0  # paired rows with the same value, both empty included

    def add(self, other: FieldTally) -> None:
        for key in ("drafted", "curated", "correct", "pairs", "agree"):
            setattr(self, key, getattr(self, key) + getattr(other, key))


@dataclass
class Score:
    articles: list[str] = field(default_factory=list)
    tables: dict = field(default_factory=lambda: {name: Tally() for name in TABLES})
    fields: dict = field(default_factory=lambda: defaultdict(FieldTally))
    quotes: Tally = field(default_factory=Tally)  # curated quotes paired with a drafted quote by the same speaker
    figures: Tally = field(default_factory=Tally)  # curated casualty figures paired with the same type, value, status
    dated: Tally = field(default_factory=Tally)  # of those the text dates, paired with the same date or period
    problems: list = field(default_factory=list)  # what the build finds wrong in a draft, besides its markers
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        self.articles += other.articles
        for name in TABLES:
            self.tables[name].add(other.tables[name])
        for name, tally in other.fields.items():
            self.fields[name].add(tally)
        self.quotes.add(other.quotes)
        self.figures.add(other.figures)
        self.dated.add(other.dated)
        self.problems += other.problems
        self.seconds += other.seconds

    @property
    def drafted_right(self) -> Tally:
        """Drafted quotes and casualty figures, and how many of them are right."""
        return Tally(
            self.quotes.drafted + self.figures.drafted,
            self.quotes.curated + self.figures.curated,
            self.quotes.matched + self.figures.matched,
        )

    @property
    def overall(self) -> Tally:
        total = Tally()
        for tally in self.tables.values():
            total.add(tally)
        return total

    def targets(self) -> list[tuple[str, float | None, float, bool]]:
        """(what, measured, target, met) for each target of the issue."""
        measured = [
            ("direct and partial quotes with the right speaker (recall)", self.quotes.recall, TARGETS["quotes"]),
            (
                "casualty figures with the right value, qualifier, type and group status (recall)",
                self.figures.recall,
                TARGETS["figures"],
            ),
            ("casualty figures the text dates, with the right date or period", self.dated.recall, TARGETS["dated"]),
            ("drafted quotes and casualty figures (precision)", self.drafted_right.precision, TARGETS["precision"]),
        ]
        return [(what, value, target, value is not None and value >= target) for what, value, target in measured]

    def as_dict(self) -> dict:
        def ratio(x):
            return None if x is None else round(x, 4)

        return {
            "articles": self.articles,
            "tables": {
                name: {
                    "drafted": t.drafted,
                    "curated": t.curated,
                    "matched": t.matched,
                    "precision": ratio(t.precision),
                    "recall": ratio(t.recall),
                }
                for name, t in {**self.tables, "all": self.overall}.items()
            },
            "fields": {
                name: {
                    "drafted": f.drafted,
                    "curated": f.curated,
                    "correct": f.correct,
                    "pairs": f.pairs,
                    "precision": ratio(f.correct / f.drafted if f.drafted else None),
                    "recall": ratio(f.correct / f.curated if f.curated else None),
                    "agree": ratio(f.agree / f.pairs if f.pairs else None),
                }
                for name, f in sorted(self.fields.items())
            },
            "targets": [
                {"what": what, "measured": ratio(value), "target": target, "met": met}
                for what, value, target, met in self.targets()
            ],
            "draft_problems": [f"{p.file}: line {p.line}: [{p.rule}] {p.message}" for p in self.problems],
            "seconds_drafting": round(self.seconds, 4),
        }


# --- rows ---------------------------------------------------------------------------------------------------


def curated_rows(article: Article, coding, registry: Registry, rel: str):
    problems = ProblemList()
    rows = code_article(article, coding, rel, str(article.path), registry, problems)
    if problems:
        raise BuildError(problems)
    return rows


def draft_rows(article: Article, registry: Registry, published: date | None, index: ActorIndex | None = None):
    """The draft of an article as the build reads it, and what the build finds wrong in it besides its
    markers (which a draft always has)."""
    began = time.perf_counter()
    draft = draft_article(article, registry, published, index)
    text = coding_yaml(draft, registry, str(article.path))
    seconds = time.perf_counter() - began
    problems = ProblemList()
    coding = load_yaml(text)
    review.clear(coding, [steps for steps, _ in review.find(coding)])
    rows = code_article(
        article,
        coding,
        f"{article.article_id} (draft)",
        str(article.path),
        registry_with(registry, draft.actors, draft.new_events),
        problems,
    )
    return rows, [p for p in problems if p.rule not in review.REVIEW_RULES], seconds, draft


def coding_rows(article: Article, path: Path, layout: Layout, registry: Registry):
    """Rows of a coding file on disk (a draft written earlier), markers ignored."""
    problems = ProblemList()
    coding = load_input(layout, path, "article", problems)
    if coding is None:
        raise BuildError(problems)
    rows = code_article(article, coding, layout.rel(path), str(article.path), registry, problems)
    return rows, [p for p in problems if p.rule not in review.REVIEW_RULES]


# --- comparing ----------------------------------------------------------------------------------------------


def _overlap(a: dict, b: dict) -> float:
    inter = min(a["char_end"], b["char_end"]) - max(a["char_start"], b["char_start"])
    union = max(a["char_end"], b["char_end"]) - min(a["char_start"], b["char_start"])
    return inter / union if inter > 0 else 0.0


def _value(row: dict, name: str):
    if name == "value":
        return None if row["qualifier"] is None else (row["qualifier"], row["value_min"], row["value_max"])
    if name == "date":
        return None if row["date_start"] is None else (row["date_start"], row["date_end"])
    if name == "speaker":  # named, or described in the article's words ("one resident"), whatever their case
        described = row.get("speaker_description")
        return row.get("speaker_actor_id") or (described and ("described", described.lower()))
    return row.get(name)


def pair(drafted: list[dict], curated: list[dict], bonus) -> list[tuple[dict, dict]]:
    """One-to-one pairs of rows whose evidence overlaps, best first: overlap plus what the pair agrees on."""
    scored = sorted(
        (
            (_overlap(d, c) + bonus(d, c), i, j)
            for i, d in enumerate(drafted)
            for j, c in enumerate(curated)
            if _overlap(d, c) > 0
        ),
        reverse=True,
    )
    used_d, used_c, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_d and j not in used_c:
            used_d.add(i)
            used_c.add(j)
            pairs.append((drafted[i], curated[j]))
    return pairs


def _same(d, c, *names) -> float:
    return float(all(_value(d, n) == _value(c, n) for n in names))


BONUS = {
    "statements": lambda d, c: _same(d, c, "speaker") + 0.5 * _same(d, c, "text"),
    "claims": lambda d, c: _same(d, c, "claim_type") + _same(d, c, "value") + 0.5 * _same(d, c, "victim_actor_id"),
    "event_reports": lambda d, c: _same(d, c, "event_type") + 0.5 * _same(d, c, "event_id"),
}


def compare(draft, curated, registry_draft: Registry, registry_curated: Registry) -> Score:
    """The score of one article's draft rows against its curated rows."""
    score = Score()
    drafted_actors = {m["actor_id"] for m in draft.mentions}
    curated_actors = {m["actor_id"] for m in curated.mentions}
    score.tables["actors"] = Tally(len(drafted_actors), len(curated_actors), len(drafted_actors & curated_actors))
    tables = {
        "statements": (draft.statements, curated.statements),
        "claims": (draft.claims, curated.claims),
        "event_reports": (_typed(draft.event_reports, registry_draft), _typed(curated.event_reports, registry_curated)),
    }
    for name, (drafted, curated_rows_) in tables.items():
        pairs = pair(drafted, curated_rows_, BONUS[name])
        score.tables[name] = Tally(len(drafted), len(curated_rows_), len(pairs))
        for column in FIELDS[name]:
            tally = score.fields[f"{name}.{column}"]
            tally.drafted += sum(_value(d, column) is not None for d in drafted)
            tally.curated += sum(_value(c, column) is not None for c in curated_rows_)
            tally.pairs += len(pairs)
            tally.agree += sum(_value(d, column) == _value(c, column) for d, c in pairs)
            tally.correct += sum(
                _value(c, column) is not None and _value(d, column) == _value(c, column) for d, c in pairs
            )
        if name == "statements":
            quotes = [c for c in curated_rows_ if c["quote_type"] in ("direct", "partial")]
            right = [
                c
                for d, c in pairs
                if c["quote_type"] in ("direct", "partial")
                and d["quote_type"] in ("direct", "partial")
                and _value(d, "speaker") == _value(c, "speaker")
            ]
            score.quotes = Tally(
                sum(d["quote_type"] in ("direct", "partial") for d in drafted), len(quotes), len(right)
            )
        if name == "claims":
            figures = [c for c in curated_rows_ if c["claim_type"] in CASUALTY_TYPES]
            figures_right = [
                c
                for d, c in pairs
                if c["claim_type"] in CASUALTY_TYPES
                and all(_value(d, n) == _value(c, n) for n in ("claim_type", "value", "victim_status"))
            ]
            score.figures = Tally(
                sum(d["claim_type"] in CASUALTY_TYPES for d in drafted), len(figures), len(figures_right)
            )
            dated = [c for c in figures if c["date_text"] is not None]
            dated_right = [c for d, c in pairs if c in dated and _value(d, "date") == _value(c, "date")]
            score.dated = Tally(0, len(dated), len(dated_right))
    return score


def _typed(reports: list[dict], registry: Registry) -> list[dict]:
    """Event reports with their event's type and dates, so reports of new events compare with curated ones."""
    events = {e["event_id"]: e for e in registry.events}
    return [
        {
            **r,
            "event_type": events[r["event_id"]]["event_type"],
            "event_date": (events[r["event_id"]]["date_start"], events[r["event_id"]]["date_end"])
            if events[r["event_id"]]["date_start"]
            else None,
        }
        for r in reports
    ]


# --- articles -------------------------------------------------------------------------------------------------


def evaluate_article(
    article: Article,
    coding,
    registry: Registry,
    rel: str,
    draft_registry: Registry | None = None,
    published: date | None = None,
    index: ActorIndex | None = None,
) -> Score:
    """Draft the article in memory (against draft_registry, default the registry) and score it against its
    curated coding. The publication date the curated coding states is given to the draft, as a contributor
    would give it (`--published`)."""
    curated = curated_rows(article, coding, registry, rel)
    published = published or curated.article["published_date"]
    draft_registry = draft_registry or registry
    rows, problems, seconds, draft = draft_rows(article, draft_registry, published, index)
    score = compare(rows, curated, registry_with(draft_registry, draft.actors, draft.new_events), registry)
    score.articles, score.problems, score.seconds = [article.article_id], problems, seconds
    return score


def evaluate_file(layout: Layout, article: Article, draft_path: Path, coding, registry: Registry, rel: str) -> Score:
    """Score a draft coding written earlier (its proposals already in the registry) against a curated coding."""
    curated = curated_rows(article, coding, registry, rel)
    rows, problems = coding_rows(article, draft_path, layout, registry)
    score = compare(rows, curated, registry, registry)
    score.articles, score.problems = [article.article_id], problems
    return score


def evaluate_seeds(layout: Layout, held_out: bool = False) -> Score:
    """Every seed drafted in memory and scored against its curated coding; nothing is written."""
    problems = ProblemList()
    registry = load_registry(layout, problems)
    pairs = seed_pairs(layout, problems)
    codings = {}
    for text_path, coding_path in pairs:
        coding = load_input(layout, coding_path, "article", problems)
        codings[text_path] = (read_article(text_path), coding, layout.rel(coding_path))
    if problems:
        raise BuildError(problems)
    total = Score()
    shared_index = None if held_out else ActorIndex(registry)
    for article, coding, rel in codings.values():
        draft_registry = held_out_registry(registry, article, codings) if held_out else registry
        total.add(evaluate_article(article, coding, registry, rel, draft_registry, index=shared_index))
    return total


def held_out_registry(registry: Registry, article: Article, codings: dict) -> Registry:
    """The registry without what only this article brought to it: the actors and events no other article's
    coding names, and every name or alias that occurs in no other article's text."""
    others = [(a, c, rel) for a, c, rel in codings.values() if a.article_id != article.article_id]
    named, reported = set(), set()
    for other, coding, rel in others:
        rows = curated_rows(other, coding, registry, rel)
        named |= {m["actor_id"] for m in rows.mentions} | {s["speaker_actor_id"] for s in rows.statements}
        reported |= {r["event_id"] for r in rows.event_reports}
    texts = [other.text for other, _, _ in others]
    kept = registry_with(registry, [], [])
    kept.actors = [a for a in registry.actors if a["actor_id"] in named]
    kept.actor_ids = {a["actor_id"] for a in kept.actors}
    kept.actor_types = {k: v for k, v in registry.actor_types.items() if k in kept.actor_ids}
    kept.aliases = defaultdict(set)
    for alias, owners in registry.aliases.items():
        if owners & kept.actor_ids and any(alias in t for t in texts):
            kept.aliases[alias] = owners & kept.actor_ids
    kept.actor_aliases = [a for a in registry.actor_aliases if a["actor_id"] in kept.actor_ids]
    kept.events = [e for e in registry.events if e["event_id"] in reported]
    kept.event_ids = {e["event_id"] for e in kept.events}
    kept.event_actors = [link for link in registry.event_actors if link["event_id"] in kept.event_ids]
    return kept


# --- printing -------------------------------------------------------------------------------------------------


class EvaluationRefused(Exception):
    """What to evaluate was not given rightly, or cannot be read; `problems` say why when files have them."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def evaluate_request(
    layout: Layout,
    article: Path | None,
    coding: Path | None,
    draft_file: Path | None = None,
    published: date | None = None,
    held_out: bool = False,
) -> Score:
    """The `evaluate` command: every seed (nothing given), or one article against its curated coding, drafted anew
    or read from a draft written earlier."""
    if (article is None) != (coding is None) or (draft_file and article is None) or (held_out and article):
        raise EvaluationRefused(
            "give both ARTICLE and CODING (with --draft, a draft of ARTICLE), or nothing to "
            "evaluate every seed (--held-out works on the seeds only)"
        )
    try:
        if article is None or coding is None:
            return evaluate_seeds(layout, held_out=held_out)
        problems = ProblemList()
        registry = load_registry(layout, problems)
        curated = load_input(layout, coding, "article", problems)
        if registry.unreadable or curated is None:
            raise BuildError(problems)
        text = read_article(article)
        if draft_file:
            return evaluate_file(layout, text, draft_file, curated, registry, layout.rel(coding))
        return evaluate_article(text, curated, registry, layout.rel(coding), published=published)
    except ArticleError as exc:
        raise EvaluationRefused(f"{article}: [{exc.rule}] {exc.message}") from None
    except BuildError as exc:
        raise EvaluationRefused("the coding, the draft or the registry has problems (above)", exc.problems) from None


def pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def render_text(score: Score) -> str:
    out = [
        f"Drafts of {len(score.articles)} article(s) against their curated codings: {', '.join(score.articles)}",
        "",
        "| table | drafted | curated | paired | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, t in {**score.tables, "all rows": score.overall}.items():
        out.append(f"| {name} | {t.drafted} | {t.curated} | {t.matched} | {pct(t.precision)} | {pct(t.recall)} |")
    out += ["", "| field | precision | recall | agree on paired rows |", "|---|---:|---:|---:|"]
    for name, f in sorted(score.fields.items()):
        out.append(
            f"| {name} | {pct(f.correct / f.drafted if f.drafted else None)} | "
            f"{pct(f.correct / f.curated if f.curated else None)} | {pct(f.agree / f.pairs if f.pairs else None)} |"
        )
    out += ["", "Targets:"]
    for what, value, target, met in score.targets():
        out.append(f"  {what}: {pct(value)} (target {pct(target)}) {'met' if met else 'NOT MET'}")
    out.append(
        f"  (quotes {score.quotes.matched}/{score.quotes.curated}, figures {score.figures.matched}/"
        f"{score.figures.curated}, dated {score.dated.matched}/{score.dated.curated}, drafted quotes and figures "
        f"right {score.drafted_right.matched}/{score.drafted_right.drafted}; rows of every table: "
        f"{score.overall.matched} of {score.overall.drafted} drafted paired, {pct(score.overall.precision)})"
    )
    if score.problems:
        out += ["", "The build finds problems in the drafts (beyond their draft markers):"]
        out += [f"  {p.file}: line {p.line}: [{p.rule}] {p.message} (value: {p.value})" for p in score.problems]
    out.append(
        f"Drafting took {score.seconds:.3f} s in all ({score.seconds / max(1, len(score.articles)):.4f} s per article)."
    )
    return "\n".join(out)
