"""The fast path loses nothing to speed: on a synthetic package with one planted error of each kind, the project
reports every row frictionless reports, plus the rules frictionless cannot state (across columns, evidence)."""

import pytest

from scripts.bench.synthetic import generate
from scripts.bench.validation import (
    PLANTS,
    compare_findings,
    markdown,
    measure_frictionless,
    measure_validate,
    plant_errors,
    unseen_by_project,
)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic") / "package"
    generate(root, articles=40, tables=True)
    clean = measure_validate(root)
    broken = tmp_path_factory.mktemp("planted") / "package"
    where = plant_errors(root, broken)
    return clean, where, measure_validate(broken), measure_frictionless(broken)


def test_the_synthetic_package_is_valid_before_errors_are_planted(planted):
    clean, *_ = planted
    assert clean["problems"] == []


def test_every_planted_error_is_reported_by_the_project_at_its_row(planted):
    _, where, validate, frictionless = planted
    comparison = compare_findings(where, validate, frictionless)
    assert len(comparison) == len(PLANTS)
    assert [c["kind"] for c in comparison if not c["project"]] == []


def test_frictionless_sees_only_what_it_can_and_the_project_sees_everything_it_sees(planted):
    _, where, validate, frictionless = planted
    comparison = compare_findings(where, validate, frictionless)
    assert [c["kind"] for c in comparison if c["frictionless_sees"] and not c["frictionless"]] == []
    assert [c["kind"] for c in comparison if not c["frictionless_sees"] and c["frictionless"]] == []
    assert unseen_by_project(validate, frictionless) == []


@pytest.mark.parametrize(
    "kind, rules",
    [
        ("extra cell", {"csv-row-length"}),
        ("missing cell", {"csv-row-length"}),
        ("blank row", {"csv-blank-row"}),
        ("evidence: offsets shifted by one", {"evidence-slice"}),
        ("evidence: words changed", {"evidence-slice"}),
        ("across columns: value_min > value_max", {"value-range"}),
        ("date after publication", {"date-after-publication"}),
        ("primary key: a duplicated row", {"primary-key"}),
        ("type: not a calendar date", {"type"}),
    ],
)
def test_each_kind_is_reported_under_its_rule(planted, kind, rules):
    _, where, validate, frictionless = planted
    (case,) = [c for c in compare_findings(where, validate, frictionless) if c["kind"] == kind]
    assert rules <= set(case["project"])


def test_the_checksums_of_a_changed_table_no_longer_fit(planted):
    _, _, validate, _ = planted
    changed = {p["rule"] for p in validate["problems"] if p["file"] == "datapackage.json"}
    assert {"resource-hash", "resource-bytes"} <= changed


def test_the_readme_table_has_a_row_per_size():
    row = {
        "claims": 1000,
        "articles": 100,
        "csv_mib": 1.2,
        "parse": {"seconds": 0.1, "peak_mib": 90},
        "validate": {"seconds": 0.3, "peak_mib": 200},
        "validate_vs_parse": 3.0,
        "frictionless": {"seconds": 6.0, "peak_mib": 150},
        "frictionless_vs_validate": 20.0,
    }
    table = markdown([row]).splitlines()
    assert table[2] == "| 1,000 | 100 | 1.2 | 0.1 | 0.3 (200) | 3.0× | 6.0 (150) | 20.0× |"


def test_parse_and_validation_are_run_in_turn_and_their_medians_compared(monkeypatch, tmp_path):
    import json

    import scripts.bench.validation as benchmark

    (tmp_path / "datapackage.json").write_text(
        json.dumps(
            {
                "resources": [
                    {"name": "claims", "rows": 10, "bytes": 2**20},
                    {"name": "articles", "rows": 2, "bytes": 2**20},
                ]
            }
        )
    )
    seconds = {"parse": iter([1.0, 9.0, 2.0]), "validate": iter([3.0, 4.0, 30.0])}
    peaks = {"parse": iter([10, 50, 20]), "validate": iter([300, 100, 200])}
    order = []

    def measured(kind, root):
        order.append(kind)
        return {"seconds": next(seconds[kind]), "peak_mib": next(peaks[kind]), "problems": []}

    monkeypatch.setattr(benchmark, "measure", measured)
    row = benchmark.size_row(tmp_path, with_frictionless=False, repeat=3)
    assert order == ["parse", "validate"] * 3
    assert (row["parse"], row["validate"]) == ({"seconds": 2.0, "peak_mib": 50}, {"seconds": 4.0, "peak_mib": 300})
    assert (row["validate_vs_parse"], row["csv_mib"], row["runs"], "frictionless" in row) == (2.0, 2.0, 3, False)


def test_a_measurement_reports_its_own_peak_not_that_of_the_process_that_started_it():
    import subprocess
    import sys

    held = b"\1" * (400 * 2**20)  # written, so resident
    out = subprocess.run(
        [sys.executable, "-c", "from scripts.bench.validation import _peak_mib; print(_peak_mib())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(held) and float(out.stdout) < 200, "the child's peak includes the 400 MiB its parent holds"
