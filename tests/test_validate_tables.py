"""Each table rule, broken once in a copy of the package: validate names the rule, the place and the value."""
from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.validate import validate_package
from tests.conftest import replace_in

CLAIMS = "datapackage/claims.csv"
C02 = "000_9182488a4787e2a6:c02,000_9182488a4787e2a6,nagorno-karabakh,,000_9182488a4787e2a6:s04,e-2020-09-28-fighting,killed,nagorno-karabakh,military,53,53,exact,53,2020-09-28,2020-09-28,day,on Monday,computed,"


def found(problems, rule, file=None, row=None, column=None):
    """The problems of one rule (optionally at one place); the assertion names what was found instead."""
    hits = [p for p in problems if p.rule == rule and (file is None or p.file == file)
            and (row is None or p.row == row) and (column is None or p.column == column)]
    assert hits, f"no {rule} at {file} row {row} column {column}; got {[(p.file, p.row, p.column, p.rule) for p in problems]}"
    return hits


def claim_row(repo):
    """Line 3 of claims.csv (row 3 as frictionless counts) is claim c02, whose cells the tests edit."""
    lines = repo.table_path("claims").read_text(encoding="utf-8").split("\n")
    assert lines[2].startswith(C02)
    return lines


def test_the_committed_package_has_no_problem_for_any_engine(repo):
    assert list(validate_package(repo)) == []


@pytest.mark.parametrize("old, new, rule, column, value", [
    (",53,53,exact,", ",5x,53,exact,", "type", "value_min", "5x"),
    (",53,53,exact,", ",2.5,53,exact,", "type", "value_min", "2.5"),
    (",53,53,exact,", ",-53,53,exact,", "minimum", "value_min", "-53"),
    ("2020-09-28,2020-09-28,day", "2020-02-30,2020-09-28,day", "type", "date_start", "2020-02-30"),
    (",killed,nagorno", ",killled,nagorno", "enum", "claim_type", "killled"),
    (",killed,nagorno", ",,nagorno", "required", "claim_type", None),
    ("000_9182488a4787e2a6:c02,", "000_9182488a4787e2a6:C02,", "pattern", "claim_id", "000_9182488a4787e2a6:C02"),
    (",53,53,exact,", ",53,27,exact,", "value-range", "value_min, value_max", "value_min=53, value_max=27"),
    (",53,53,exact,", ",53,53,at_least,", "qualifier-values", "qualifier, value_min, value_max", None),
    ("2020-09-28,2020-09-28,day", "2020-09-28,2020-09-27,day", "date-period", "date_start, date_end, date_precision", None),
    ("2020-09-28,2020-09-28,day", "2020-09-30,2020-09-30,day", "date-after-publication", "article_id, date_start", None),
    (",military,53", ",,53", "victim-status", "claim_type, victim_status", None),
])
def test_a_broken_claim_cell_is_reported_at_its_row_and_column(repo, old, new, rule, column, value):
    lines = claim_row(repo)
    lines[2] = lines[2].replace(old, new, 1)
    repo.table_path("claims").write_text("\n".join(lines), encoding="utf-8")
    problems = validate_package(repo, run_frictionless=False)
    hit = found(problems, rule, CLAIMS, row=3, column=column)[0]
    if value is not None:
        assert value in hit.value
    found(problems, "stale", CLAIMS)  # a hand-edited table never equals a fresh build


@pytest.mark.parametrize("shift", [(1, 1), (-1, -1), (0, 1)])
def test_offsets_off_by_one_break_the_evidence_rule(repo, shift):
    lines = claim_row(repo)
    cells = lines[2].rsplit(",", 2)
    cells[1], cells[2] = str(int(cells[1]) + shift[0]), str(int(cells[2]) + shift[1])
    lines[2] = ",".join(cells)
    repo.table_path("claims").write_text("\n".join(lines), encoding="utf-8")
    found(validate_package(repo, run_frictionless=False), "evidence-slice", CLAIMS, row=3)


def test_edited_evidence_breaks_the_evidence_rule(repo):
    replace_in(repo.table_path("statements"), "This is a life-and-death war", "This is a life and death war", count=2)
    found(validate_package(repo, run_frictionless=False), "evidence-slice", "datapackage/statements.csv", row=2)


def test_duplicate_primary_key(repo):
    lines = claim_row(repo)
    lines.insert(3, lines[2])
    repo.table_path("claims").write_text("\n".join(lines), encoding="utf-8")
    problems = validate_package(repo)
    found(problems, "primary-key", CLAIMS, row=4)
    assert any(p.engine == "frictionless" and p.rule == "primary-key" for p in problems)


def test_frictionless_reports_type_enum_and_foreign_key_errors_too(repo):
    lines = claim_row(repo)
    lines[2] = lines[2].replace(",53,53,exact,", ",5x,53,exact,").replace(",killed,", ",killled,").replace(
        "e-2020-09-28-fighting", "e-no-such-event")
    repo.table_path("claims").write_text("\n".join(lines), encoding="utf-8")
    by_engine = {(p.engine, p.rule) for p in validate_package(repo) if p.file == CLAIMS and p.row == 3}
    assert {("frictionless", "type-error"), ("frictionless", "constraint-error"), ("frictionless", "foreign-key"),
            ("project", "type"), ("pandera", "enum")} <= by_engine


def test_an_article_changed_after_coding_fails_its_checksum(repo):
    path = repo.seeds / "000_9182488a4787e2a6.txt"
    path.write_bytes(path.read_bytes() + b" ")
    problems = validate_package(repo, run_frictionless=False)
    hit = found(problems, "article-sha256", "datapackage/articles.csv", row=2, column="sha256")[0]
    assert "must never be edited" in hit.message


@pytest.mark.parametrize("damage, rule", [
    (lambda data: b"\xef\xbb\xbf" + data, "csv-bom"),
    (lambda data: data.replace(b"\n", b"\r\n"), "csv-line-endings"),
    (lambda data: b"\n".join(b",".join(reversed(line.split(b",", 1))) if line else line
                             for line in data.split(b"\n")), "csv-column-order"),
    (lambda data: b"\n".join(line + b",x" if line else line for line in data.split(b"\n")), "csv-extra-column"),
    (lambda data: b"\n".join(line.split(b",", 1)[1] if line else line for line in data.split(b"\n")), "csv-missing-column"),
])
def test_csv_form_is_checked(repo, damage, rule):
    path = repo.table_path("event_types")  # no commas inside its first column, so the edits stay well-formed
    path.write_bytes(damage(path.read_bytes()))
    problems = validate_package(repo, run_frictionless=False)
    found(problems, rule, "datapackage/event_types.csv")
    found(problems, "stale", "datapackage/event_types.csv")


@pytest.mark.parametrize("key, value, rule", [
    ("path", "/etc/passwd", "resource-path-unsafe"),
    ("path", "../outside.csv", "resource-path-unsafe"),
    ("schema", "../schemas/claims.json", "resource-path-unsafe"),
    ("profile", None, "resource-profile"),
])
def test_descriptor_resources_must_be_safe_and_tabular(repo, key, value, rule):
    package = json.loads(repo.descriptor.read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "claims")
    if value is None:
        del resource[key]
    else:
        resource[key] = value
    repo.descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")
    hit = found(validate_package(repo, run_frictionless=False), rule, "datapackage.json")[0]
    assert hit.column == f"resources[{package['resources'].index(resource)}].{key}"


def test_event_type_enum_and_vocabulary_must_agree(repo):
    replace_in(repo.schemas / "events.json", '"war"\n', '"war",\n            "riot"\n')
    hit = found(validate_package(repo, run_frictionless=False), "vocabulary", "schemas/events.json")[0]
    assert hit.value == "riot"


def test_a_valid_but_hand_edited_table_is_stale(repo):
    replace_in(repo.table_path("events"), "Second day of heavy fighting", "Second day of fighting")
    problems = validate_package(repo, run_frictionless=False)
    assert [(p.rule, p.file) for p in problems] == [("stale", "datapackage/events.csv")]
    assert "Second day of fighting" in problems[0].value


def _digest(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def test_validation_never_modifies_its_inputs(repo):
    replace_in(repo.table_path("claims"), ",53,53,exact,", ",53,27,exact,")
    before = _digest(repo.root)
    assert validate_package(repo)
    assert _digest(repo.root) == before


def test_cli_json_output_and_exit_codes(repo):
    runner = CliRunner()
    args = ["--root", str(repo.root), "validate", "--json", "--no-frictionless"]
    clean = runner.invoke(main, args)
    assert clean.exit_code == 0 and json.loads(clean.output) == {"valid": True, "count": 0, "problems": []}
    replace_in(repo.table_path("claims"), ",53,53,exact,", ",53,27,exact,")
    broken = runner.invoke(main, args)
    report = json.loads(broken.output)
    assert broken.exit_code == 1 and report["valid"] is False and report["count"] == len(report["problems"])
    assert {"file": CLAIMS, "rule": "value-range", "row": 3} in [
        {k: p[k] for k in ("file", "rule", "row")} for p in report["problems"]]
    text = runner.invoke(main, ["--root", str(repo.root), "validate", "--no-frictionless"])
    assert "row 3, column value_min, value_max: [value-range]" in text.output and "problem(s) in" in text.output
