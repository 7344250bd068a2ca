"""What must hold for any valid package, whatever articles it holds: the checks CI runs on the live package and on
the contribution rehearsal. Each check reads the files with the csv module and recomputes what it checks on its
own, beside the project's validation, so the two can catch each other out. Each returns the failures it finds as
sentences (an empty list when all is well), so a failing test prints every one of them."""

from __future__ import annotations

import csv
import io
from itertools import combinations

from scripts.common.paths import Layout
from scripts.common.schemas import descriptor, field_names, table_schema
from scripts.load import load
from scripts.validate.package import validate_package

EVIDENCE_TABLES = ("claims", "statements", "event_reports", "actor_mentions")
CASUALTY_TYPES = {"killed", "wounded", "captured", "missing", "displaced"}
PAIR_KEYS = ("claimant_actor_id", "claim_type", "victim_actor_id", "victim_status", "date_start", "date_end")


def rows(layout: Layout, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(layout.table_path(name).read_bytes().decode("utf-8"), newline="")))


def validation(layout: Layout) -> list[str]:
    """Every engine, every row (as `release` validates), and the comparison with a fresh build."""
    return [
        f"{p.file} {p.row or p.line or ''} [{p.rule}] {p.message} ({p.value})"
        for p in validate_package(layout, run_frictionless=True, frictionless_rows=True)
    ]


def headers(layout: Layout) -> list[str]:
    """Readers that assign columns by position (rOpenSci's frictionless) need the schema's order."""
    failures = []
    for resource in descriptor(layout)["resources"]:
        header = (layout.root / resource["path"]).read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        if header != field_names(table_schema(layout, resource["name"])):
            failures.append(f"{resource['path']}: header {header} is not the schema's field order")
    return failures


def articles(layout: Layout) -> list[str]:
    """articles.csv lists every article file of seeds/ once, each with its coding."""
    listed = [row["path"] for row in rows(layout, "articles")]
    files = sorted(layout.rel(p) for p in layout.seeds.glob("*.txt"))
    failures = [] if sorted(listed) == files else [f"articles.csv lists {sorted(listed)}, seeds/ holds {files}"]
    return failures + [
        f"{row['coding_path']} does not exist"
        for row in rows(layout, "articles")
        if not (layout.root / row["coding_path"]).is_file()
    ]


def evidence(layout: Layout) -> list[str]:
    """Every evidence is the article's text between its offsets, counted in code points of the file as committed."""
    texts = {
        row["article_id"]: (layout.root / row["path"]).read_bytes().decode("utf-8") for row in rows(layout, "articles")
    }
    failures = []
    for name in EVIDENCE_TABLES:
        for number, row in enumerate(rows(layout, name), 2):
            text = texts.get(row["article_id"])
            if text is None or text[int(row["char_start"]) : int(row["char_end"])] != row["evidence"]:
                failures.append(f"{name}.csv row {number}: evidence is not the article's text at its offsets")
    return failures


def statements(layout: Layout) -> list[str]:
    """Every statement has one speaker, named or described, and the words said."""
    failures = []
    for number, row in enumerate(rows(layout, "statements"), 2):
        if bool(row["speaker_actor_id"]) == bool(row["speaker_description"]) or not row["text"]:
            failures.append(f"statements.csv row {number}: a statement without one speaker, or without text")
    return failures


def grounded(layout: Layout) -> list[str]:
    """Nothing invented: every actor is named in an article (or publishes one) and every event is reported."""
    named = {row["actor_id"] for row in rows(layout, "actor_mentions")}
    named |= {row["outlet_actor_id"] for row in rows(layout, "articles") if row["outlet_actor_id"]}
    reported = {row["event_id"] for row in rows(layout, "event_reports")}
    return [
        f"actor {row['actor_id']} is named by no article"
        for row in rows(layout, "actors")
        if row["actor_id"] not in named
    ] + [
        f"event {row['event_id']} is reported by no article"
        for row in rows(layout, "events")
        if row["event_id"] not in reported
    ]


def disagreements(layout: Layout) -> list[str]:
    """claim_disagreements is every pair of dated casualty figures with a claimant, from two articles, about the
    same claimant, type, group and dates, whose ranges differ: recomputed here from claims.csv."""

    def bounds(claim):
        low = int(claim["value_min"]) if claim["value_min"] else 0
        high = int(claim["value_max"]) if claim["value_max"] else float("inf")
        return low, high

    figures = [
        c
        for c in rows(layout, "claims")
        if c["claim_type"] in CASUALTY_TYPES
        and c["date_start"]
        and c["claimant_actor_id"]
        and (c["value_min"] or c["value_max"])
    ]
    expected = set()
    for a, b in combinations(sorted(figures, key=lambda c: c["claim_id"]), 2):
        if a["article_id"] == b["article_id"] or any(a[k] != b[k] for k in PAIR_KEYS) or bounds(a) == bounds(b):
            continue
        (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
        expected.add(
            (a["claim_id"], b["claim_id"], "compatible" if max(a_low, b_low) <= min(a_high, b_high) else "conflicting")
        )
    found = {(d["claim_id_a"], d["claim_id_b"], d["relation"]) for d in rows(layout, "claim_disagreements")}
    return [f"missing disagreement {pair}" for pair in sorted(expected - found)] + [
        f"unexpected disagreement {pair}" for pair in sorted(found - expected)
    ]


def loads(layout: Layout) -> list[str]:
    """The pandas loader reads every table with its schema's types, as many rows as the file has."""
    tables = load(layout.descriptor)
    return [
        f"{name}: loaded {len(tables[name])} rows of {len(rows(layout, name))}"
        for name in tables
        if len(tables[name]) != len(rows(layout, name))
    ]


CHECKS = (validation, headers, articles, evidence, statements, grounded, disagreements, loads)


def unsound(layout: Layout) -> dict[str, list[str]]:
    """The failures of every check, by check; {} for a sound package."""
    found = {check.__name__: check(layout) for check in CHECKS}
    return {name: failures for name, failures in found.items() if failures}
