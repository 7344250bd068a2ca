"""Row rules that Table Schema cannot state: across columns, and against the article files.

Each rule gives, for a polars frame, a boolean Series that is True where the row passes. Rules that are
plain comparisons are polars expressions; rules that reuse the coding's own Python checks (date precision,
qualifiers) run those checks once per distinct combination of values, not once per row, so there is one
definition of each rule and it stays fast on millions of rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import polars as pl

from scripts.checks.corpus import Corpus
from scripts.checks.key_index import KeyIndex
from scripts.reading.dates import check_precision
from scripts.reading.quantities import qualifier_problem
from scripts.reading.quotes import PARAGRAPH_BREAK
from scripts.reading.vocabulary import CASUALTY_TYPES


@dataclass(frozen=True)
class Rule:
    name: str
    columns: tuple[str, ...]
    message: str
    test: Callable[[pl.DataFrame], pl.Series]  # True where the row passes


@dataclass
class Context:
    """What row rules need beyond the table: the article texts, and publication dates by article_id."""

    corpus: Corpus
    published: pl.DataFrame  # article_id, published_date

    def __post_init__(self):
        self._published_at = KeyIndex(self.published.select("article_id"))

    def published_dates(self, article_ids: pl.Series) -> pl.Series:
        """The publication date of each article, missing where it has none."""
        at = self._published_at.positions(article_ids.to_frame("article_id"))
        if self.published.height == 0:
            return pl.Series("published_date", [None] * len(at), dtype=pl.Date)
        return self.published["published_date"].gather(np.maximum(at, 0)).set(pl.Series(at < 0), None)


def _expression(expr: pl.Expr):
    return lambda df: df.select(expr.fill_null(True).alias("ok")).to_series()


def _each_distinct(columns, ok):
    """A Python check applied once per distinct combination of the columns' values."""

    def test(df: pl.DataFrame) -> pl.Series:
        keys = df.select(columns).unique()
        verdicts = pl.Series("ok", [bool(ok(*values)) for values in keys.iter_rows()], dtype=pl.Boolean)
        return df.select(columns).join(
            keys.with_columns(verdicts), on=list(columns), how="left", nulls_equal=True, maintain_order="left"
        )["ok"]

    return test


def _words_of(evidence: str | pl.Expr, *parts: str) -> pl.Expr:
    """Each part is empty or words of the evidence (a missing evidence is reported as required)."""
    evidence = pl.col(evidence) if isinstance(evidence, str) else evidence
    inside = [pl.col(p).is_null() | evidence.str.contains(pl.col(p), literal=True) for p in parts]
    return evidence.is_null() | pl.all_horizontal(inside)


# The evidence as a quotation over several paragraphs reads (scripts/reading/quotes.py): each break and reopening
# mark a space.
_AS_QUOTED = pl.col("evidence").str.replace_all(PARAGRAPH_BREAK, " ")


def evidence_rule(context: Context) -> Rule:
    cols = ("article_id", "evidence", "char_start", "char_end")
    return Rule(
        "evidence-slice",
        cols,
        "evidence must equal the article text from char_start to char_end (offsets in code points)",
        # an article without a readable text is reported on its own (foreign-key, article-file,
        # article-encoding, table-missing ...), not again in every row that quotes it
        context.corpus.evidence_matches,
    )


def period_rule(prefix="") -> Rule:
    cols = (f"{prefix}date_start", f"{prefix}date_end", f"{prefix}date_precision")
    return Rule(
        "date-precision",
        cols,
        "date_start must not be after date_end, and the dates must fit date_precision",
        _each_distinct(cols, lambda s, e, p: check_precision(s, e, p) is None),
    )


def not_after_publication(context: Context, column: str) -> Rule:
    def test(df: pl.DataFrame) -> pl.Series:
        return (df[column] <= context.published_dates(df["article_id"])).fill_null(True)

    return Rule(
        "date-after-publication",
        ("article_id", column),
        f"{column} must not be after the article's publication date",
        test,
    )


def needs_articles(name: str) -> bool:
    """Whether the rules of a table read the article texts or publication dates (the Context)."""
    return name in ("claims", "statements", "event_reports", "actor_mentions")


def table_rules(name: str, context: Context) -> list[Rule]:
    if name == "claims":
        return [
            evidence_rule(context),
            period_rule(),
            not_after_publication(context, "date_start"),
            Rule(
                "value-range",
                ("value_min", "value_max"),
                "value_min must not be greater than value_max",
                _expression(pl.col("value_min") <= pl.col("value_max")),
            ),
            Rule(
                "qualifier-values",
                ("qualifier", "value_min", "value_max"),
                "the qualifier must agree with the values (exact/approx: both; at_least/more_than: value_min only; "
                "up_to: value_max only; vague or no figure: neither)",
                _each_distinct(
                    ("qualifier", "value_min", "value_max"), lambda q, lo, hi: qualifier_problem(q, lo, hi) is None
                ),
            ),
            Rule(
                "qualifier-value-text",
                ("qualifier", "value_text"),
                "a qualifier goes with value_text, and value_text with a qualifier",
                _expression(pl.col("qualifier").is_null() == pl.col("value_text").is_null()),
            ),
            Rule(
                "victim-status",
                ("claim_type", "victim_status"),
                "casualty and displacement claims need victim_status; other claims have none",
                _expression(pl.col("victim_status").is_not_null() == pl.col("claim_type").is_in(list(CASUALTY_TYPES))),
            ),
            Rule(
                "not-in-evidence",
                ("evidence", "value_text", "date_text"),
                "value_text and date_text must be words of the evidence",
                _expression(_words_of("evidence", "value_text", "date_text")),
            ),
        ]
    if name == "statements":
        return [
            evidence_rule(context),
            not_after_publication(context, "statement_date"),
            Rule(
                "not-in-evidence",
                ("evidence", "text", "cue", "speaker_description"),
                "text, cue and speaker_description must be words of the evidence (a quotation over several "
                "paragraphs: its words, each paragraph break and the mark reopening the next paragraph read as one "
                "space)",
                _expression(
                    _words_of("evidence", "cue", "speaker_description")
                    & (_words_of("evidence", "text") | _words_of(_AS_QUOTED, "text"))
                ),
            ),
            Rule(
                "statement-speaker",
                ("speaker_actor_id", "speaker_description"),
                "exactly one of speaker_actor_id (a speaker the article names) and speaker_description (one it "
                "only describes) must be given",
                _expression(pl.col("speaker_actor_id").is_null() != pl.col("speaker_description").is_null()),
            ),
        ]
    if name in ("event_reports", "actor_mentions"):
        return [evidence_rule(context)]
    if name == "events":
        return [period_rule()]
    if name == "claim_disagreements":
        return [
            Rule(
                "pair-order",
                ("claim_id_a", "claim_id_b"),
                "claim_id_a must sort before claim_id_b",
                _expression(pl.col("claim_id_a") < pl.col("claim_id_b")),
            )
        ]
    return []
