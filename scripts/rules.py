"""Row rules that Table Schema cannot state: across columns, and against the article files."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from scripts.coding import CASUALTY_TYPES
from scripts.dates import check_precision
from scripts.quantities import qualifier_problem


@dataclass(frozen=True)
class Rule:
    name: str
    columns: tuple[str, ...]
    message: str
    test: Callable[[pd.DataFrame], pd.Series]  # True where the row passes


@dataclass
class Context:
    """What row rules need beyond the table: article texts and publication dates by article_id."""
    texts: dict
    published: dict


def _value(v):
    return None if pd.isna(v) else (v.date() if isinstance(v, pd.Timestamp) else v)


def _rowwise(columns, ok):
    return lambda df: df.apply(lambda r: bool(ok(*(_value(r[c]) for c in columns))), axis=1) if len(df) else pd.Series(dtype=bool)


def evidence_rule(context: Context) -> Rule:
    cols = ("article_id", "evidence", "char_start", "char_end")
    return Rule("evidence-slice", cols,
                "evidence must equal the article text from char_start to char_end (offsets in code points)",
                # an article without a readable text is reported on its own (foreign-key, article-file,
                # article-encoding, table-missing ...), not again in every row that quotes it
                _rowwise(cols, lambda a, e, s, t: a not in context.texts or (s is not None and t is not None
                                                                             and context.texts[a][s:t] == e)))


def period_rule(prefix="") -> Rule:
    cols = (f"{prefix}date_start", f"{prefix}date_end", f"{prefix}date_precision")
    return Rule("date-period", cols, "date_start must not be after date_end, and the dates must fit date_precision",
                _rowwise(cols, lambda s, e, p: check_precision(s, e, p) is None))


def not_after_publication(context: Context, column: str) -> Rule:
    cols = ("article_id", column)
    return Rule("date-after-publication", cols, f"{column} must not be after the article's publication date",
                _rowwise(cols, lambda a, d: d is None or context.published.get(a) is None or d <= context.published[a]))


def table_rules(name: str, context: Context) -> list[Rule]:
    if name == "claims":
        return [
            evidence_rule(context), period_rule(), not_after_publication(context, "date_start"),
            Rule("value-range", ("value_min", "value_max"), "value_min must not be greater than value_max",
                 _rowwise(("value_min", "value_max"), lambda lo, hi: lo is None or hi is None or lo <= hi)),
            Rule("qualifier-values", ("qualifier", "value_min", "value_max"),
                 "the qualifier must agree with the values (exact/approx: both; at_least/more_than: value_min only; "
                 "up_to: value_max only; vague or no figure: neither)",
                 _rowwise(("qualifier", "value_min", "value_max"), lambda q, lo, hi: qualifier_problem(q, lo, hi) is None)),
            Rule("qualifier-value-text", ("qualifier", "value_text"), "a qualifier goes with value_text, and value_text with a qualifier",
                 _rowwise(("qualifier", "value_text"), lambda q, t: (q is None) == (t is None))),
            Rule("victim-status", ("claim_type", "victim_status"),
                 "casualty and displacement claims need victim_status; other claims have none",
                 _rowwise(("claim_type", "victim_status"), lambda t, s: (s is not None) == (t in CASUALTY_TYPES))),
            Rule("evidence-contains", ("evidence", "value_text", "date_text"),
                 "value_text and date_text must be words of the evidence",
                 _rowwise(("evidence", "value_text", "date_text"), lambda e, v, d: all(x is None or x in e for x in (v, d)))),
        ]
    if name == "statements":
        return [
            evidence_rule(context), not_after_publication(context, "statement_date"),
            Rule("statement-text", ("evidence", "text", "cue"), "text and cue must be words of the evidence",
                 _rowwise(("evidence", "text", "cue"), lambda e, t, c: all(x is None or x in e for x in (t, c)))),
        ]
    if name in ("event_reports", "actor_mentions"):
        return [evidence_rule(context)]
    if name == "events":
        return [period_rule()]
    if name == "claim_disagreements":
        return [Rule("pair-order", ("claim_id_a", "claim_id_b"), "claim_id_a must sort before claim_id_b",
                     _rowwise(("claim_id_a", "claim_id_b"), lambda a, b: a < b))]
    return []
