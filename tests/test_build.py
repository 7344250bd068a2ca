"""The build on the seed articles (their frozen copy, tests/frozen.py): offsets, dates, identifiers, alias folding,
disagreements, determinism."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date

import pytest
from click.testing import CliRunner

from scripts.build.pipeline import build_outputs, build_rows, write_outputs
from scripts.cli import main
from scripts.common.csvio import replace_all
from tests.conftest import add_article, replace_in
from tests.frozen import SEED_000, SEED_004, frozen


@pytest.fixture(scope="module")
def rows():
    return build_rows(frozen())


def read_csv(name):
    return list(csv.DictReader(io.StringIO(frozen().table_path(name).read_text(encoding="utf-8"))))


def article_text(article_id):
    return (frozen().seeds / f"{article_id}.txt").read_bytes().decode("utf-8")


def by_id(table, key, value):
    matches = [r for r in table if r[key] == value]
    assert len(matches) == 1, f"{key}={value}: {len(matches)} rows"
    return matches[0]


@pytest.mark.parametrize("table", ["claims", "statements", "event_reports", "actor_mentions"])
def test_every_evidence_is_the_article_slice_of_the_committed_file(table):
    committed = read_csv(table)
    assert committed
    for row in committed:
        text = article_text(row["article_id"])
        assert text[int(row["char_start"]) : int(row["char_end"])] == row["evidence"]


def test_offsets_count_the_date_header_of_seed_000(rows):
    statement = by_id(rows["statements"], "statement_id", f"{SEED_000}:s01")
    text = article_text(SEED_000)
    assert text.startswith(" date 2020-09-29 ")
    assert statement["char_start"] == text.index('"This is a life-and-death war,"') == 353


def test_curly_quotes_of_seed_004_are_kept_and_bound_the_quote_text(rows):
    statement = by_id(rows["statements"], "statement_id", f"{SEED_004}:s12")
    assert statement["evidence"].startswith("“We believe")
    assert statement["text"] == (
        "We believe this conflict can be resolved through peaceful negotiations, "
        "but the Armenian side has shown no interest so far,"
    )
    partial = by_id(rows["statements"], "statement_id", f"{SEED_004}:s14")
    assert (partial["quote_type"], partial["text"]) == ("partial", "not talking now about military options.")


def test_publication_dates_from_header_and_inference(rows):
    articles = {a["article_id"]: a for a in rows["articles"]}
    assert (articles[SEED_000]["published_date"], articles[SEED_000]["published_date_source"]) == (
        date(2020, 9, 29),
        "header",
    )
    assert (articles[SEED_004]["published_date"], articles[SEED_004]["published_date_source"]) == (
        date(2020, 9, 28),
        "inferred",
    )
    assert "second day" in articles[SEED_004]["published_date_method"]


@pytest.mark.parametrize(
    "claim_id, start, end, precision, source",
    [
        (f"{SEED_000}:c02", date(2020, 9, 28), date(2020, 9, 28), "day", "computed"),  # "on Monday", Tuesday article
        (f"{SEED_000}:c03", date(2020, 9, 27), date(2020, 9, 27), "day", "computed"),  # "on Sunday"
        (f"{SEED_000}:c01", date(2020, 9, 28), date(2020, 9, 28), "day", "coded"),  # "a second day of heavy clashes"
        (f"{SEED_000}:c11", None, None, None, None),  # no date words: unknown stays empty
        (f"{SEED_004}:c02", date(2020, 9, 27), date(2020, 9, 27), "day", "computed"),
        (f"{SEED_004}:c08", date(2016, 1, 1), date(2016, 12, 31), "year", "coded"),
    ],
)
def test_claim_dates(rows, claim_id, start, end, precision, source):
    claim = by_id(rows["claims"], "claim_id", claim_id)
    assert (claim["date_start"], claim["date_end"], claim["date_precision"], claim["date_source"]) == (
        start,
        end,
        precision,
        source,
    )


@pytest.mark.parametrize(
    "claim_id, qualifier, low, high, text",
    [
        (f"{SEED_000}:c01", "at_least", 55, None, "at least 55"),
        (f"{SEED_000}:c04", "approx", 200, 200, "around 200"),
        (f"{SEED_000}:c09", "exact", 2, 2, "two"),
        (f"{SEED_000}:c12", "vague", None, None, "hundreds of thousands"),
        (f"{SEED_004}:c01", "exact", 27, 27, "an additional 27"),
        (f"{SEED_004}:c03", "more_than", 101, None, "more than 100"),
        (f"{SEED_004}:c06", "approx", 500, 500, "some 500"),
        (f"{SEED_004}:c10", None, None, None, None),  # an accusation has no figure
    ],
)
def test_claim_figures(rows, claim_id, qualifier, low, high, text):
    claim = by_id(rows["claims"], "claim_id", claim_id)
    assert (claim["qualifier"], claim["value_min"], claim["value_max"], claim["value_text"]) == (
        qualifier,
        low,
        high,
        text,
    )


def test_claims_inherit_claimant_and_outlet_from_their_statement(rows):
    claim = by_id(rows["claims"], "claim_id", f"{SEED_004}:c02")
    assert (claim["claimant_actor_id"], claim["via_actor_id"], claim["statement_id"]) == (
        "nagorno-karabakh",
        "sky-news",
        f"{SEED_004}:s02",
    )
    own_voice = by_id(rows["claims"], "claim_id", f"{SEED_000}:c01")
    assert own_voice["claimant_actor_id"] is None and own_voice["statement_id"] is None


@pytest.mark.parametrize(
    "article_id, evidence, actor_id",
    [
        (SEED_000, "Baku", "azerbaijan"),
        (SEED_000, "Moscow", "russia"),
        (SEED_000, "Azeri forces", "azerbaijan-armed-forces"),
        (SEED_000, "the region's leader", "arayik-harutyunyan"),
        (SEED_004, "the enclave", "nagorno-karabakh"),
        (SEED_004, "Azerbaijan’s military", "azerbaijan-armed-forces"),
    ],
)
def test_aliases_fold_into_one_actor(rows, article_id, evidence, actor_id):
    mention = [m for m in rows["actor_mentions"] if (m["article_id"], m["evidence"]) == (article_id, evidence)]
    assert [m["actor_id"] for m in mention] == [actor_id]


def test_speakers_named_by_alias_fold_into_the_actor(rows):
    assert by_id(rows["statements"], "statement_id", f"{SEED_000}:s06")["speaker_actor_id"] == "arayik-harutyunyan"
    assert by_id(rows["statements"], "statement_id", f"{SEED_004}:s02")["speaker_actor_id"] == "nagorno-karabakh"


def test_the_monday_fighting_is_one_event_reported_by_both_articles(rows):
    reports = [r for r in rows["event_reports"] if r["event_id"] == "e-2020-09-28-fighting"]
    assert {r["article_id"] for r in reports} == {SEED_000, SEED_004}
    assert len([e for e in rows["events"] if e["event_id"] == "e-2020-09-28-fighting"]) == 1


def test_disagreements_hold_the_53_vs_27_conflict_and_the_compatible_wounded_figures(rows):
    pairs = {(d["claim_id_a"], d["claim_id_b"]): d["relation"] for d in rows["claim_disagreements"]}
    assert pairs == {
        (f"{SEED_000}:c02", f"{SEED_004}:c01"): "conflicting",
        (f"{SEED_000}:c04", f"{SEED_004}:c03"): "compatible",
    }
    values = {by_id(rows["claims"], "claim_id", c)["value_min"] for c in (f"{SEED_000}:c02", f"{SEED_004}:c01")}
    assert values == {53, 27}


def test_identifiers_are_article_scoped_and_survive_adding_an_article(repo):
    before = {r["claim_id"]: r for r in build_rows(repo)["claims"]}
    stem = add_article(
        repo,
        5,
        "date 2020-09-30 Nagorno-Karabakh said 12 of its soldiers were killed on Tuesday.",
        "mentions:\n  - {evidence: Nagorno-Karabakh}\n"
        "claims:\n  - id: c01\n    evidence: 12 of its soldiers were killed on Tuesday\n"
        "    claimant: Nagorno-Karabakh\n    type: killed\n    victim: nagorno-karabakh\n"
        "    victim_status: military\n    value_text: '12'\n    date_text: on Tuesday\n",
    )
    after = {r["claim_id"]: r for r in build_rows(repo)["claims"]}
    assert set(after) - set(before) == {f"{stem}:c01"}
    assert all(after[k] == v for k, v in before.items())
    assert after[f"{stem}:c01"]["date_start"] == date(2020, 9, 29)


def test_two_builds_give_identical_bytes(repo):
    assert build_outputs(repo) == build_outputs(repo)


def test_a_failed_write_leaves_the_previous_table(repo, monkeypatch):
    target = repo.table_path("claims")
    before = target.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("scripts.common.csvio.os.replace", broken_replace)
    with pytest.raises(OSError):
        replace_all({target: b"half a table"})
    assert target.read_bytes() == before
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_write_outputs_replaces_only_changed_files(repo):
    outputs = build_outputs(repo)
    assert write_outputs(outputs) == []
    replace_in(repo.table_path("events"), "Second day of heavy fighting", "Edited by hand")
    assert write_outputs(outputs) == [repo.table_path("events")]


def test_replaced_files_keep_their_mode_and_new_ones_follow_the_umask(tmp_path):
    """mkstemp makes private files: without care every rebuilt table would become unreadable to others."""
    kept, new = tmp_path / "kept.csv", tmp_path / "new" / "made.csv"
    kept.write_bytes(b"a\n")
    os.chmod(kept, 0o640)
    umask = os.umask(0o022)
    try:
        replace_all({kept: b"b\n", new: b"c\n"})
    finally:
        os.umask(umask)
    assert (kept.read_bytes(), new.read_bytes()) == (b"b\n", b"c\n")
    assert (stat.S_IMODE(kept.stat().st_mode), stat.S_IMODE(new.stat().st_mode)) == (0o640, 0o644)


def test_the_csv_writer_refuses_a_row_whose_keys_are_not_the_columns():
    from scripts.common.csvio import RowContractError, to_csv_bytes

    assert to_csv_bytes(["a", "b"], [{"a": 1, "b": None}]) == b"a,b\n1,\n"
    with pytest.raises(RowContractError) as refused:
        to_csv_bytes(["claim_id", "value_min"], [{"claim_id": "c1", "value_mni": 3}])  # a misspelt key
    assert (refused.value.extra, refused.value.missing) == (["value_mni"], ["value_min"])


def test_a_table_schema_with_a_column_the_build_does_not_make_is_refused_by_name(repo):
    schema_path = repo.root / "schemas" / "claims.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"].append({"name": "source_note", "type": "string", "description": "A note."})
    schema_path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    before = repo.table_path("claims").read_bytes()
    result = CliRunner().invoke(main, ["--root", str(repo.root), "build"])
    assert result.exit_code == 1
    assert (
        "schemas/claims.json: 1 problem(s)\n  file: [schema-field] the schema of claims declares source_note, "
        "which the build does not make; keep the schema's fields as the build makes them, or change "
        "scripts/build/ to make the new column (value: source_note)"
    ) in result.output
    assert repo.table_path("claims").read_bytes() == before
