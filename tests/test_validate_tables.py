"""Each validation rule, broken once in a copy of the package: validate names the rule, the place and the value.

Rows are counted as frictionless counts them (the header is row 1); the helpers below count them from the
CSV itself, independently of the validator.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.paths import ROOT
from scripts.validate.package import validate_package
from tests.conftest import replace_in
from tests.frozen import SEED_000, SEED_004, frozen

A000 = SEED_000
C01, C02 = f"{A000}:c01", f"{A000}:c02"  # c01: "at least 55" (no value_max); c02: exactly 53, dated 2020-09-28
CLAIMS, ARTICLES, DESCRIPTOR = "datapackage/claims.csv", "datapackage/articles.csv", "datapackage.json"


# --- reading the problems -------------------------------------------------------------------------------------


def rules_of(problems, file) -> set[str]:
    return {p.rule for p in problems if p.file == file}


def found(problems, rule, file, **place):
    """The problems of `rule` in `file` at `place` (row=, column=, line=, engine=); fails naming what was found."""
    hits = [
        p
        for p in problems
        if p.rule == rule and p.file == file and all(getattr(p, key) == value for key, value in place.items())
    ]
    assert hits, (
        f"no {rule} in {file} at {place}; got {[(p.file, p.rule, p.row, p.line, p.column, p.engine) for p in problems]}"
    )
    return hits


def validate(repo):
    return validate_package(repo, run_frictionless=False)


# --- breaking a table -----------------------------------------------------------------------------------------


def _csv_text(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def read_rows(repo, table) -> list[list[str]]:
    """The rows of a table, header first; the CSV writer is checked to reproduce the file, so that rewriting
    it changes nothing but what a test means to change."""
    text = repo.table_path(table).read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert _csv_text(rows) == text
    return rows


def rewrite(repo, table, change) -> None:
    """Replace the rows of a table by change(rows)."""
    repo.table_path(table).write_bytes(_csv_text(change(read_rows(repo, table))).encode("utf-8"))


def edit_row(repo, table, key, **cells) -> int:
    """Set cells of the row whose first cell is `key`; returns that row's number (header = row 1)."""
    number = None

    def change(rows):
        nonlocal number
        (number,) = [i + 1 for i, row in enumerate(rows) if row[0] == key]
        for column, value in cells.items():
            cell = rows[0].index(column)
            assert rows[number - 1][cell] != value, f"{column} is already {value!r}"
            rows[number - 1][cell] = value
        return rows

    rewrite(repo, table, change)
    return number


def cell(repo, table, key, column) -> str:
    rows = read_rows(repo, table)
    (row,) = [r for r in rows if r[0] == key]
    return row[rows[0].index(column)]


def duplicate_row(repo, table, key) -> int:
    """Insert a copy of the row right after it; returns the copy's row number."""
    number = None

    def change(rows):
        nonlocal number
        (number,) = [i + 2 for i, row in enumerate(rows) if row[0] == key]
        return rows[: number - 1] + [rows[number - 2]] + rows[number - 1 :]

    rewrite(repo, table, change)
    return number


def digest(root) -> dict:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


# --- the committed package ------------------------------------------------------------------------------------


def test_the_frozen_package_has_no_problem_for_any_engine(repo):
    assert list(validate_package(repo, run_frictionless=True, frictionless_rows=True)) == []


# --- one broken cell ------------------------------------------------------------------------------------------

CELL_CASES = [
    ("claims", C02, {"value_min": "5x"}, "type", "value_min", "5x"),
    ("claims", C02, {"value_min": "2.5"}, "type", "value_min", "2.5"),
    ("claims", C02, {"value_min": "-53"}, "minimum", "value_min", "-53"),
    ("claims", C02, {"date_start": "2020-02-30"}, "type", "date_start", "2020-02-30"),
    ("claims", C02, {"claim_type": "killled"}, "enum", "claim_type", "killled"),
    ("claims", C02, {"claim_type": ""}, "required", "claim_type", None),
    ("claims", C02, {"article_id": "000_9182488A4787E2A6"}, "pattern", "article_id", "000_9182488A4787E2A6"),
    ("actors", "armenia", {"actor_id": "Armenia"}, "pattern", "actor_id", "Armenia"),
    ("claims", C02, {"value_max": "27"}, "value-range", "value_min, value_max", "value_min=53, value_max=27"),
    (
        "claims",
        C01,
        {"value_max": "60"},
        "qualifier-values",
        "qualifier, value_min, value_max",
        "qualifier=at_least, value_min=55, value_max=60",
    ),
    ("claims", C02, {"date_start": "2020-09-29"}, "date-precision", "date_start, date_end, date_precision", None),
    (
        "claims",
        C02,
        {"date_start": "2020-09-30", "date_end": "2020-09-30"},
        "date-after-publication",
        "article_id, date_start",
        None,
    ),
]
CELL_IDS = [
    "type-5x",
    "type-2.5",
    "minimum",
    "type-date",
    "enum",
    "required",
    "pattern-article_id",
    "pattern-actor_id",
    "value-range",
    "qualifier-values",
    "date-precision",
    "date-after-publication",
]


@pytest.mark.parametrize("table, key, cells, rule, column, value", CELL_CASES, ids=CELL_IDS)
def test_a_broken_cell_is_reported_at_its_row_and_column(repo, table, key, cells, rule, column, value):
    row = edit_row(repo, table, key, **cells)
    file = f"datapackage/{table}.csv"
    problems = validate(repo)
    hits = found(problems, rule, file, row=row, column=column)
    assert len(hits) == 1, hits  # reported once, not again by a later check of the same cell
    if value is not None:
        assert hits[0].value == value
    found(problems, "stale", file, line=row)  # a hand-edited table never equals a fresh build


CELL_VALUE_CASES = [
    ({"date_start": "2020-09-29"}, "date-precision", "date_start=2020-09-29, date_end=2020-09-28, date_precision=day"),
    (
        {"date_start": "2020-09-30", "date_end": "2020-09-30"},
        "date-after-publication",
        f"article_id={A000}, date_start=2020-09-30",
    ),
    ({"claim_type": ""}, "required", None),
]


@pytest.mark.parametrize(
    "cells, rule, value", CELL_VALUE_CASES, ids=["date-precision", "date-after-publication", "required"]
)
def test_the_value_of_a_problem_is_the_cell_as_written_in_the_csv(repo, cells, rule, value):
    """Dates as YYYY-MM-DD (not pandas' '2020-09-29 00:00:00'); an empty cell as no value (not pandas' '<NA>')."""
    row = edit_row(repo, "claims", C02, **cells)
    hit = found(validate(repo), rule, CLAIMS, row=row)[0]
    assert hit.value in ((None, "") if value is None else (value,))


# --- evidence, articles ---------------------------------------------------------------------------------------

OFFSET_CASES = [
    ({"char_start": 1}, "evidence-slice"),
    ({"char_start": 1, "char_end": 1}, "evidence-slice"),
    ({"char_end": -1}, "evidence-slice"),
]


@pytest.mark.parametrize("shifts, rule", OFFSET_CASES, ids=["start+1", "both+1", "end-1"])
def test_offsets_off_by_one_break_the_evidence_rule(repo, shifts, rule):
    offsets = {column: str(int(cell(repo, "claims", C02, column)) + shift) for column, shift in shifts.items()}
    row = edit_row(repo, "claims", C02, **offsets)
    problems = validate(repo)
    hit = found(problems, rule, CLAIMS, row=row, column="article_id, evidence, char_start, char_end")[0]
    assert all(f"{column}={offset}" in hit.value for column, offset in offsets.items())
    found(problems, "stale", CLAIMS, line=row)


def test_edited_evidence_breaks_the_evidence_rule(repo):
    evidence = cell(repo, "claims", C02, "evidence").replace("Azeri forces", "Azerbaijani forces")
    row = edit_row(repo, "claims", C02, evidence=evidence)
    problems = validate(repo)
    hit = found(problems, "evidence-slice", CLAIMS, row=row)[0]
    assert f"evidence={evidence}," in hit.value
    found(problems, "stale", CLAIMS, line=row)


def test_an_article_changed_after_coding_fails_its_checksum(repo):
    recorded = cell(repo, "articles", A000, "sha256")
    path = repo.seeds / f"{A000}.txt"
    path.write_bytes(path.read_bytes() + b" ")
    hit = found(validate(repo), "article-sha256", ARTICLES, row=2, column="sha256")[0]
    assert hit.value == recorded
    assert f"seeds/{A000}.txt" in hit.message


# --- keys -----------------------------------------------------------------------------------------------------


def test_a_duplicate_claim_breaks_the_primary_key(repo):
    row = duplicate_row(repo, "claims", C02)
    problems = validate(repo)
    for number in (row - 1, row):  # pandera reports every copy
        hit = found(problems, "primary-key", CLAIMS, row=number, column="claim_id")[0]
        assert hit.value == f"claim_id={C02}"
    found(problems, "stale", CLAIMS, line=row)


# --- tables read in blocks of rows -----------------------------------------------------------------------------

SMALL_BLOCK = 2048  # bytes of CSV: each of the larger seed tables spans several blocks


def _in_blocks(repo, block_bytes):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("scripts.checks.csv_tables.BLOCK_BYTES", block_bytes)
        return sorted((p.file, p.rule, p.row, p.line, p.column, p.value) for p in validate(repo))


def test_the_larger_seed_tables_span_several_blocks_at_the_small_size(repo):
    from scripts.checks.csv_tables import read_batches
    from scripts.common.problems import ProblemList
    from scripts.common.schemas import table_schema

    for table in ("claims", "statements", "event_reports", "actor_mentions"):
        batches = list(
            read_batches(
                repo.table_path(table), table_schema(repo, table), table, ProblemList(), block_bytes=SMALL_BLOCK
            )
        )
        assert len(batches) >= 2, table
        assert [b.offset for b in batches] == [sum(b.frame.height for b in batches[:i]) for i in range(len(batches))]
        assert sum(b.frame.height for b in batches) == len(read_rows(repo, table)) - 1


def _last_key(repo, table) -> str:
    return read_rows(repo, table)[-1][0]


def _break_rows_in_every_block(repo) -> dict:
    """A problem of each kind checked per block or over the whole table, in the last rows of their tables."""
    last_claim, last_statement = _last_key(repo, "claims"), _last_key(repo, "statements")
    return {  # in this order: the copied row moves the rows after it
        "primary-key": (CLAIMS, duplicate_row(repo, "claims", C02)),
        "type": (CLAIMS, edit_row(repo, "claims", last_claim, value_min="5x")),
        "foreign-key": (
            "datapackage/statements.csv",
            edit_row(repo, "statements", last_statement, speaker_actor_id="nobody"),
        ),
        "not-in-evidence": (
            "datapackage/statements.csv",
            edit_row(repo, "statements", last_statement, cue="words not in the evidence"),
        ),
    }


def test_problems_in_later_blocks_keep_their_rows_and_keys_are_unique_across_blocks(repo):
    rows = _break_rows_in_every_block(repo)
    rewrite(repo, "claims", lambda rows: rows + [rows[1]])  # the first claim again, in the last block
    small = _in_blocks(repo, SMALL_BLOCK)
    assert small == _in_blocks(repo, 64 << 20)
    for rule, (file, row) in rows.items():
        assert any(p[:3] == (file, rule, row) for p in small), (rule, row, small)
    first, last = 2, len(read_rows(repo, "claims"))
    assert {(p[1], p[2]) for p in small if p[0] == CLAIMS and p[2] in (first, last)} >= {
        ("primary-key", first),
        ("primary-key", last),
    }


def test_a_ragged_row_in_a_later_block_is_read_on_row_by_row_with_the_rows_around_it_checked(repo):
    statements = read_rows(repo, "statements")
    ragged, before = len(statements) - 2, len(statements) - 5  # row numbers: header = 1
    edit_row(repo, "statements", statements[before - 1][0], speaker_actor_id="nobody")
    after = edit_row(repo, "statements", _last_key(repo, "statements"), speaker_actor_id="nobody either")
    rewrite(repo, "statements", lambda rows: [row[:-1] if i == ragged - 1 else row for i, row in enumerate(rows)])
    small = _in_blocks(repo, SMALL_BLOCK)
    assert small == _in_blocks(repo, 64 << 20)
    where = {(p[1], p[2]) for p in small if p[0] == "datapackage/statements.csv"}
    assert {("foreign-key", before), ("csv-row-length", ragged), ("foreign-key", after)} <= where


def test_a_carriage_return_in_a_later_block_is_reported_at_its_line(repo):
    path = repo.table_path("statements")
    data = path.read_bytes()
    last_line_start = data.rindex(b"\n", 0, len(data) - 1)
    path.write_bytes(data[:last_line_start] + b"\r" + data[last_line_start:])
    line = data[:last_line_start].count(b"\n") + 1
    small = _in_blocks(repo, SMALL_BLOCK)
    assert small == _in_blocks(repo, 64 << 20)
    assert [p[3] for p in small if p[:2] == ("datapackage/statements.csv", "csv-line-endings")] == [line]


def _type(repo):
    return edit_row(repo, "claims", C02, value_min="5x"), "type", "type-error", "value_min", "5x"


def _date(repo):
    return edit_row(repo, "claims", C02, date_start="2020-02-30"), "type", "type-error", "date_start", "2020-02-30"


def _enum(repo):
    return edit_row(repo, "claims", C02, claim_type="killled"), "enum", "constraint-error", "claim_type", "killled"


def _primary_key(repo):
    return duplicate_row(repo, "claims", C02), "primary-key", "primary-key", None, None


def _foreign_key(repo):
    return edit_row(repo, "claims", C02, event_id="e-no-such-event"), "foreign-key", "foreign-key", None, None


FRICTIONLESS_CASES = [_type, _date, _enum, _primary_key, _foreign_key]  # rules of the frictionless engine


@pytest.mark.parametrize("damage", FRICTIONLESS_CASES, ids=lambda f: f.__name__[1:])
def test_frictionless_reports_table_errors_too(repo, damage):
    row, own_rule, frictionless_rule, column, value = damage(repo)
    problems = validate_package(repo, run_frictionless=True, frictionless_rows=True)
    hit = found(problems, frictionless_rule, CLAIMS, row=row, engine="frictionless")[0]
    if column is not None:
        assert (hit.column, hit.value) == (column, value)
    assert [p for p in found(problems, own_rule, CLAIMS, row=row) if p.engine != "frictionless"]  # the project agrees


FOREIGN_KEY_CASES = [
    ("claims", C02, "event_id", "e-no-such-event", "foreign-key", "seeds/registry/events.yaml"),
    ("claims", C02, "victim_actor_id", "armenia-army", "foreign-key", "seeds/registry/actors.yaml"),
    ("claims", C02, "statement_id", f"{A000}:s99", "foreign-key", "datapackage/statements.csv"),
    ("actors", "armenia", "parent_actor_id", "soviet", "foreign-key", "seeds/registry/actors.yaml"),  # its own table
    ("claims", C02, "part_of_claim_id", f"{A000}:c99", "foreign-key", "datapackage/claims.csv"),  # its own table
]


@pytest.mark.parametrize(
    "table, key, column, value, rule, target",
    FOREIGN_KEY_CASES,
    ids=["event", "actor", "statement", "self", "part-of"],
)
def test_an_unknown_reference_is_reported_by_the_project_without_frictionless(
    repo, table, key, column, value, rule, target
):
    row = edit_row(repo, table, key, **{column: value})
    hit = found(validate(repo), rule, f"datapackage/{table}.csv", row=row, column=column, engine="project")[0]
    assert hit.value == value
    assert f"use an existing one or add it to {target}" in hit.message


# --- the form of the CSV file ---------------------------------------------------------------------------------


def _swap_first_two(rows):
    return [[row[1], row[0], *row[2:]] for row in rows]


CSV_FORM_CASES = [
    (lambda data: b"\xef\xbb\xbf" + data, "csv-bom", {"row": 1}),
    (lambda data: data.replace(b"\n", b"\r\n"), "csv-line-endings", {"line": 1}),
]


@pytest.mark.parametrize("damage, rule, place", CSV_FORM_CASES, ids=["bom", "crlf"])
def test_csv_bytes_are_utf8_without_bom_with_lf(repo, damage, rule, place):
    path = repo.table_path("claims")
    path.write_bytes(damage(path.read_bytes()))
    problems = validate(repo)
    found(problems, rule, CLAIMS, **place)
    found(problems, "stale", CLAIMS)


HEADER_CASES = [
    (_swap_first_two, "csv-column-order", None, "article_id, claim_id, claimant_actor_id"),
    (lambda rows: [row + (["x"] if i == 0 else [""]) for i, row in enumerate(rows)], "csv-extra-column", "x", None),
    (lambda rows: [row[:-1] for row in rows], "csv-missing-column", "char_end", None),
]


@pytest.mark.parametrize(
    "change, rule, column, value", HEADER_CASES, ids=["column-order", "extra-column", "missing-column"]
)
def test_csv_header_must_be_the_schema_columns_in_order(repo, change, rule, column, value):
    rewrite(repo, "claims", change)
    problems = validate(repo)
    hit = found(problems, rule, CLAIMS, row=1, column=column)[0]
    if value is not None:
        assert hit.value.startswith(value)
    found(problems, "stale", CLAIMS, line=1)


# --- the descriptor and the schemas ---------------------------------------------------------------------------


def break_resource(repo, name, key, value) -> int:
    """Set (or, with value None, delete) a key of one resource in datapackage.json; returns its index."""
    package = json.loads(repo.descriptor.read_text(encoding="utf-8"))
    (index,) = [i for i, r in enumerate(package["resources"]) if r["name"] == name]
    if value is None:
        del package["resources"][index][key]
    else:
        package["resources"][index][key] = value
    repo.descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


DESCRIPTOR_CASES = [
    ("path", "/etc/passwd", "resource-path-unsafe"),
    ("path", "../x.csv", "resource-path-unsafe"),
    ("schema", "../schemas/claims.json", "resource-path-unsafe"),
    ("path", "datapackage/other.csv", "resource-path"),
    ("schema", "schemas/events.json", "resource-schema"),
    ("profile", None, "resource-profile"),
    ("encoding", "latin-1", "resource-encoding"),
]


@pytest.mark.parametrize("key, value, rule", DESCRIPTOR_CASES)
def test_descriptor_resources_must_be_safe_and_tabular(repo, key, value, rule):
    index = break_resource(repo, "claims", key, value)
    hit = found(validate(repo), rule, DESCRIPTOR, column=f"resources[{index}].{key}")[0]
    assert hit.value == value


def _outside(file) -> bool:
    path = PurePosixPath(file)
    return path.is_absolute() or ".." in path.parts


UNSAFE_PATHS = ["/etc/passwd", "../x.csv"]


@pytest.mark.parametrize("path", UNSAFE_PATHS)
def test_an_unsafe_resource_path_is_never_read(repo, path):
    """The path is refused, so no other check may open it: no problem names a file outside the repository."""
    break_resource(repo, "claims", "path", path)
    problems = validate(repo)
    found(problems, "resource-path-unsafe", DESCRIPTOR)
    assert [(p.file, p.rule, p.value) for p in problems if _outside(p.file)] == []


def test_event_type_enum_and_vocabulary_must_agree(repo):
    replace_in(repo.schemas / "events.json", '"war"\n', '"war",\n          "riot"\n')
    hit = found(validate(repo), "vocabulary", "schemas/events.json", column="event_type")[0]
    assert hit.value == "riot"


def test_a_valid_but_hand_edited_table_is_stale(repo):
    replace_in(repo.table_path("events"), "All-out war over", "Full-scale war over")
    problems = validate(repo)
    assert sorted((p.file, p.rule, p.line, p.column) for p in problems) == [
        ("datapackage.json", "resource-bytes", None, f"resources[{RESOURCE_INDEX['events']}].bytes"),
        ("datapackage.json", "resource-hash", None, f"resources[{RESOURCE_INDEX['events']}].hash"),
        ("datapackage/events.csv", "stale", 4, None),
    ]  # the checksums datapackage.json records no longer fit
    (stale,) = found(problems, "stale", "datapackage/events.csv")
    assert stale.value.startswith('e-1990s-war,war,"Full-scale war over')


# --- every other table and descriptor rule: one bad contribution each, with the advice it gets -----------------

A004 = SEED_004
S05 = f"{A000}:s05"  # "Nagorno-Karabakh also said it had recovered some territory lost"
RESOURCE_INDEX = {
    r["name"]: i for i, r in enumerate(json.loads((ROOT / DESCRIPTOR).read_text(encoding="utf-8"))["resources"])
}


def _committed_rows(table) -> list[list[str]]:
    return list(csv.reader(io.StringIO(frozen().table_path(table).read_text(encoding="utf-8"), newline="")))


def row_of(table, key) -> int:
    """The row number (header = row 1) of the committed row whose first cell is key."""
    (number,) = [i + 1 for i, row in enumerate(_committed_rows(table)) if row[0] == key]
    return number


def committed(table, key, *columns) -> str:
    """Cells of a committed row as a row rule shows them: 'column=value, ...' (a single column: its value alone)."""
    rows = _committed_rows(table)
    row = rows[row_of(table, key) - 1]
    cells = [(column, row[rows[0].index(column)]) for column in columns]
    return cells[0][1] if len(cells) == 1 else ", ".join(f"{column}={value}" for column, value in cells)


def change_package(repo, change) -> None:
    package = json.loads(repo.descriptor.read_text(encoding="utf-8"))
    change(package)
    repo.descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _without_resource(repo):
    change_package(
        repo,
        lambda package: package.update(
            resources=[r for r in package["resources"] if r["name"] != "claim_disagreements"]
        ),
    )


def _resource_the_build_does_not_produce(repo):
    """A schema and a resource for a table the build has no rows for."""
    (repo.schemas / "sides.json").write_bytes((repo.schemas / "event_types.json").read_bytes())
    resource = {
        **json.loads(repo.descriptor.read_text(encoding="utf-8"))["resources"][RESOURCE_INDEX["event_types"]],
        "name": "sides",
        "path": "datapackage/sides.csv",
        "schema": "schemas/sides.json",
    }
    change_package(repo, lambda package: package["resources"].append(resource))


def _short_row(repo):
    """A row with one cell fewer than the header: pandas and polars would read the last cell as missing."""
    rewrite(repo, "claims", lambda rows: [row[:-1] if row[0] == C02 else row for row in rows])


def _blank_row(repo):
    path = repo.table_path("claims")
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines[:2] + [""] + lines[2:]), encoding="utf-8")


def _repeated_column(repo):
    rewrite(repo, "claims", lambda rows: [row[:-1] + [row[0]] for row in rows])


def _not_utf8(repo):
    path = repo.table_path("events")
    data = path.read_bytes()
    assert data.count(b"All-out war") == 1
    path.write_bytes(data.replace(b"All-out war", b"All-out \xff war"))


def _reordered_article(repo):
    """Same length, other bytes: only the checksum can tell."""
    path = repo.seeds / f"{A004}.txt"
    text = path.read_text(encoding="utf-8")
    changed = text.replace("Azerbaijan and Armenia are", "Armenia and Azerbaijan are", 1)
    assert changed != text and len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")


def _file_for_a_folder(repo):
    for path in repo.figure.parent.iterdir():
        path.unlink()
    repo.figure.parent.rmdir()
    repo.figure.parent.write_text("not a folder", encoding="utf-8")


def _linked_table(repo):
    """A table that is a symbolic link (to a copy of itself, outside the repository)."""
    outside = repo.root.parent / "events-elsewhere.csv"
    outside.write_bytes(repo.table_path("events").read_bytes())
    repo.table_path("events").unlink()
    repo.table_path("events").symlink_to(outside)


CODEBOOK_ROW = next(
    line
    for line in frozen().readme.read_text(encoding="utf-8").split("\n")
    if line.startswith("| `claim_id` | string | required;")
)


class TableCase(NamedTuple):
    damage: Callable  # breaks the copy of the repository
    file: str  # the file the problem is reported in
    rule: str
    place: dict  # where it must point: row= or line=, and column= (the column of a table, the key of datapackage.json)
    value: str | None  # the value it must show
    advice: str  # words of the message that tell the contributor what to do


TABLE_CASES = {
    "descriptor-invalid": TableCase(
        lambda repo: repo.descriptor.write_text("{", encoding="utf-8"),
        DESCRIPTOR,
        "descriptor-invalid",
        {"column": None},
        None,
        "restore it from git and edit it again",
    ),
    "descriptor-property": TableCase(
        lambda repo: change_package(repo, lambda package: package.pop("licenses")),
        DESCRIPTOR,
        "descriptor-property",
        {"column": "licenses"},
        None,
        "the package needs a non-empty 'licenses'",
    ),
    "resource-name": TableCase(
        lambda repo: break_resource(repo, "claim_disagreements", "name", None),
        DESCRIPTOR,
        "resource-name",
        {"column": f"resources[{RESOURCE_INDEX['claim_disagreements']}].name"},
        None,
        "each resource needs a 'name'",
    ),
    "resource-missing": TableCase(
        _without_resource,
        DESCRIPTOR,
        "resource-missing",
        {"column": None},
        "claim_disagreements",
        "schemas/claim_disagreements.json has no resource in datapackage.json; add one",
    ),
    "resource-schema-file": TableCase(
        lambda repo: (repo.schemas / "claim_disagreements.json").unlink(),
        DESCRIPTOR,
        "resource-schema",
        {"column": f"resources[{RESOURCE_INDEX['claim_disagreements']}].schema"},
        "schemas/claim_disagreements.json",
        "does not exist; add it or remove the resource",
    ),
    "resource-unknown": TableCase(
        _resource_the_build_does_not_produce,
        DESCRIPTOR,
        "resource-unknown",
        {"column": None},
        None,
        "remove the resource and schemas/sides.json, or make scripts/build/pipeline.py produce the table",
    ),
    "table-missing": TableCase(
        lambda repo: repo.table_path("claim_disagreements").unlink(),
        "datapackage/claim_disagreements.csv",
        "table-missing",
        {"column": None},
        None,
        "run `python -m scripts build`",
    ),
    "csv-encoding": TableCase(
        _not_utf8,
        "datapackage/events.csv",
        "csv-encoding",
        {"line": row_of("events", "e-1990s-war"), "column": None},
        None,
        "rebuild with `python -m scripts build`",
    ),
    "csv-row-length": TableCase(
        _short_row,
        CLAIMS,
        "csv-row-length",
        {"row": row_of("claims", C02), "column": None},
        ",".join(_committed_rows("claims")[row_of("claims", C02) - 1][:-1]),
        "every row needs one cell per column",
    ),
    "csv-blank-row": TableCase(
        _blank_row, CLAIMS, "csv-blank-row", {"row": 3, "column": None}, None, "remove the empty line"
    ),
    "csv-repeated-column": TableCase(
        _repeated_column, CLAIMS, "csv-repeated-column", {"row": 1, "column": "claim_id"}, None, "each column once"
    ),
    "resource-hash": TableCase(
        lambda repo: change_package(repo, lambda p: p["resources"][0].update(hash="sha256:" + "0" * 64)),
        DESCRIPTOR,
        "resource-hash",
        {"column": "resources[0].hash"},
        "sha256:" + "0" * 64,
        "rebuild with `python -m scripts build`",
    ),
    "resource-bytes": TableCase(
        lambda repo: change_package(repo, lambda p: p["resources"][0].update(bytes=1)),
        DESCRIPTOR,
        "resource-bytes",
        {"column": "resources[0].bytes"},
        "1",
        "rebuild with `python -m scripts build`",
    ),
    "resource-rows": TableCase(
        lambda repo: change_package(repo, lambda p: p["resources"][0].update(rows=7)),
        DESCRIPTOR,
        "resource-rows",
        {"column": "resources[0].rows"},
        "7",
        "rebuild with `python -m scripts build`",
    ),
    "article-file": TableCase(
        lambda repo: edit_row(repo, "articles", A004, path="seeds/005_0123456789abcdef.txt"),
        ARTICLES,
        "article-file",
        {"row": row_of("articles", A004), "column": "path"},
        "seeds/005_0123456789abcdef.txt",
        "the path must be seeds/<article_id>.txt",
    ),
    "article-length": TableCase(
        lambda repo: edit_row(repo, "articles", A000, n_chars="3000"),
        ARTICLES,
        "article-length",
        {"row": row_of("articles", A000), "column": "n_chars"},
        "3000",
        "rebuild with `python -m scripts build`",
    ),
    "article-sha256-same-length": TableCase(
        _reordered_article,
        ARTICLES,
        "article-sha256",
        {"row": row_of("articles", A004), "column": "sha256"},
        committed("articles", A004, "sha256"),
        "articles must never be edited: restore the file",
    ),
    "unique": TableCase(
        lambda repo: edit_row(repo, "articles", A004, coding_path=f"seeds/{A000}.yaml"),
        ARTICLES,
        "unique",
        {"row": row_of("articles", A004), "column": "coding_path"},
        f"seeds/{A000}.yaml",
        "change or remove the repeated one",
    ),
    "primary-key-vocabulary": TableCase(
        lambda repo: duplicate_row(repo, "event_types", "war"),
        "datapackage/event_types.csv",
        "primary-key",
        {"row": row_of("event_types", "war") + 1, "column": "event_type"},
        "event_type=war",
        "remove the duplicate row",
    ),
    "evidence-slice-statement": TableCase(
        lambda repo: edit_row(
            repo, "statements", S05, char_start=str(int(committed("statements", S05, "char_start")) + 1)
        ),
        "datapackage/statements.csv",
        "evidence-slice",
        {"row": row_of("statements", S05), "column": "article_id, evidence, char_start, char_end"},
        f"{committed('statements', S05, 'article_id', 'evidence')}, "
        f"char_start={int(committed('statements', S05, 'char_start')) + 1}, "
        f"char_end={committed('statements', S05, 'char_end')}",
        "evidence must equal the article text from char_start to char_end",
    ),
    "not-in-evidence-statements": TableCase(
        lambda repo: edit_row(repo, "statements", S05, text="it had lost territory"),
        "datapackage/statements.csv",
        "not-in-evidence",
        {"row": row_of("statements", S05), "column": "evidence, text, cue, speaker_description"},
        f"evidence={committed('statements', S05, 'evidence')}, text=it had lost territory, cue=said, "
        "speaker_description=",
        "text, cue and speaker_description must be words of the evidence",
    ),
    "not-in-evidence-speaker-description": TableCase(
        lambda repo: edit_row(repo, "statements", S05, speaker_actor_id="", speaker_description="one resident"),
        "datapackage/statements.csv",
        "not-in-evidence",
        {"row": row_of("statements", S05), "column": "evidence, text, cue, speaker_description"},
        f"evidence={committed('statements', S05, 'evidence')}, text={committed('statements', S05, 'text')}, "
        "cue=said, speaker_description=one resident",
        "text, cue and speaker_description must be words of the evidence",
    ),
    "statement-speaker-neither": TableCase(
        lambda repo: edit_row(repo, "statements", S05, speaker_actor_id=""),
        "datapackage/statements.csv",
        "statement-speaker",
        {"row": row_of("statements", S05), "column": "speaker_actor_id, speaker_description"},
        "speaker_actor_id=, speaker_description=",
        "exactly one of speaker_actor_id (a speaker the article names) and speaker_description",
    ),
    "statement-speaker-both": TableCase(
        lambda repo: edit_row(repo, "statements", S05, speaker_description="said"),
        "datapackage/statements.csv",
        "statement-speaker",
        {"row": row_of("statements", S05), "column": "speaker_actor_id, speaker_description"},
        f"speaker_actor_id={committed('statements', S05, 'speaker_actor_id')}, speaker_description=said",
        "exactly one of speaker_actor_id (a speaker the article names) and speaker_description",
    ),
    "qualifier-value-text": TableCase(
        lambda repo: edit_row(repo, "claims", C01, value_text=""),
        CLAIMS,
        "qualifier-value-text",
        {"row": row_of("claims", C01), "column": "qualifier, value_text"},
        "qualifier=at_least, value_text=",
        "a qualifier goes with value_text, and value_text with a qualifier",
    ),
    "not-in-evidence-claims": TableCase(
        lambda repo: edit_row(repo, "claims", C02, value_text="54"),
        CLAIMS,
        "not-in-evidence",
        {"row": row_of("claims", C02), "column": "evidence, value_text, date_text"},
        f"evidence={committed('claims', C02, 'evidence')}, value_text=54, date_text=on Monday",
        "value_text and date_text must be words of the evidence",
    ),
    "victim-status": TableCase(
        lambda repo: edit_row(repo, "claims", C02, victim_status=""),
        CLAIMS,
        "victim-status",
        {"row": row_of("claims", C02), "column": "claim_type, victim_status"},
        "claim_type=killed, victim_status=",
        "casualty and displacement claims need victim_status",
    ),
    "pair-order": TableCase(
        lambda repo: edit_row(repo, "claim_disagreements", C02, claim_id_a=f"{A004}:c01", claim_id_b=C02),
        "datapackage/claim_disagreements.csv",
        "pair-order",
        {"row": row_of("claim_disagreements", C02), "column": "claim_id_a, claim_id_b"},
        f"claim_id_a={A004}:c01, claim_id_b={C02}",
        "claim_id_a must sort before claim_id_b",
    ),
    "vocabulary-registry": TableCase(
        lambda repo: rewrite(repo, "event_types", lambda rows: rows + [["riot", "Riot", "A riot.", "Riots", "", ""]]),
        "seeds/registry/event_types.yaml",
        "vocabulary",
        {"column": "event_type"},
        "riot",
        "add it to the enum or remove it",
    ),
    "vocabulary-enum": TableCase(
        lambda repo: replace_in(repo.schemas / "events.json", '"war"\n', '"war",\n          "riot"\n'),
        "schemas/events.json",
        "vocabulary",
        {"column": "event_type"},
        "riot",
        "add it there or remove it from the enum",
    ),
    "symlink": TableCase(
        _linked_table,
        "datapackage/events.csv",
        "symlink",
        {"column": None},
        None,
        "replace the link with the file (or folder) itself",
    ),
    "location-remote": TableCase(
        lambda repo: change_package(
            repo, lambda p: p["resources"][0].update(profile="http://127.0.0.1:9/profile.json")
        ),
        DESCRIPTOR,
        "location-remote",
        {"column": "resources[0].profile"},
        "http://127.0.0.1:9/profile.json",
        "validation never connects anywhere",
    ),
    "schema-invalid": TableCase(
        lambda repo: (repo.schemas / "event_actors.json").write_text("{", encoding="utf-8"),
        "schemas/event_actors.json",
        "schema-invalid",
        {"column": None},
        None,
        "cannot be read as UTF-8 JSON",
    ),
    "schema-field-type": TableCase(
        lambda repo: replace_in(
            repo.schemas / "claims.json",
            '"name": "value_min",\n      "type": "integer"',
            '"name": "value_min",\n      "type": "string"',
        ),
        "schemas/claims.json",
        "schema-field",
        {"column": "fields[10] (value_min).type"},
        "string",
        "'value_min' must stay of type integer",
    ),
    "schema-field-unknown-type": TableCase(
        lambda repo: replace_in(repo.schemas / "claims.json", '"type": "integer"', '"type": "strnig"'),
        "schemas/claims.json",
        "schema-field",
        {"column": "fields[10] (value_min).type"},
        '"strnig"',
        "the type must be one of string, integer, number, date",
    ),
    "schema-key": TableCase(
        lambda repo: replace_in(repo.schemas / "claims.json", '"resource": "events"', '"resource": "occurrences"'),
        "schemas/claims.json",
        "schema-key",
        {"column": "foreignKeys[4].reference.resource"},
        '"occurrences"',
        "the reference names no resource of datapackage.json with a valid schema",
    ),
    "schema-key-field": TableCase(
        lambda repo: replace_in(
            repo.schemas / "claims.json",
            '"fields": [\n        "event_id"\n      ]',
            '"fields": [\n        "event_key"\n      ]',
        ),
        "schemas/claims.json",
        "schema-key",
        {"column": "foreignKeys[4].fields"},
        '["event_key"]',
        "'fields' must be fields of this schema",
    ),
    "stray-file": TableCase(
        lambda repo: (repo.tables / ".claims.csv.k2j4s9.tmp").write_bytes(b"half"),
        "datapackage/.claims.csv.k2j4s9.tmp",
        "stray-file",
        {"column": None},
        None,
        "run `python -m scripts build` (it removes it) or delete it",
    ),
    "write-interrupted": TableCase(
        lambda repo: (repo.root / ".replace-in-progress.json").write_text("[]", encoding="utf-8"),
        ".replace-in-progress.json",
        "write-interrupted",
        {"column": None},
        None,
        "run `python -m scripts build`, which finishes the replacement",
    ),
    "resource-property": TableCase(
        lambda repo: change_package(repo, lambda p: p["resources"][0].update(compression="zip")),
        DESCRIPTOR,
        "resource-property",
        {"column": "resources[0].compression"},
        None,
        "is not a property of this package's resources; remove it",
    ),
    "write-failed": TableCase(
        _file_for_a_folder, "figures", "write-failed", {"column": None}, None, "this is a file, not a folder; remove it"
    ),
    "stale-codebook": TableCase(
        lambda repo: replace_in(repo.readme, CODEBOOK_ROW, CODEBOOK_ROW.replace(" string ", " text ", 1)),
        "README.md",
        "stale",
        {"line": frozen().readme.read_text(encoding="utf-8").split("\n").index(CODEBOOK_ROW) + 1, "column": None},
        CODEBOOK_ROW.replace(" string ", " text ", 1),
        "run `python -m scripts build` and commit the result",
    ),
}


@pytest.mark.parametrize("case", TABLE_CASES.values(), ids=TABLE_CASES.keys())
def test_a_broken_table_or_descriptor_is_reported_with_its_place_and_advice(repo, case):
    case.damage(repo)
    hits = found(validate(repo), case.rule, case.file, **case.place)
    assert len(hits) == 1, hits
    assert hits[0].value == case.value
    assert case.advice in hits[0].message


@pytest.mark.parametrize(
    "damage, rule",
    [
        (lambda repo: repo.table_path("articles").unlink(), "table-missing"),
        (lambda repo: edit_row(repo, "articles", A004, path="seeds/005_0123456789abcdef.txt"), "article-file"),
    ],
    ids=["articles-table-missing", "article-file-missing"],
)
def test_an_unreadable_article_is_reported_once_not_in_every_row_that_quotes_it(repo, damage, rule):
    damage(repo)
    problems = validate(repo)
    found(problems, rule, ARTICLES)
    assert [(p.file, p.row) for p in problems if p.rule == "evidence-slice"] == []


# --- validation only reads; the command line ------------------------------------------------------------------


def test_validation_never_modifies_its_inputs(repo):
    edit_row(repo, "claims", C02, value_max="27", claim_type="killled")
    (repo.seeds / f"{A000}.txt").write_bytes((repo.seeds / f"{A000}.txt").read_bytes() + b" ")
    before = digest(repo.root)
    problems = validate_package(repo, run_frictionless=True, frictionless_rows=True)
    assert {"value-range", "enum", "stale"} <= rules_of(problems, CLAIMS)
    assert "article-sha256" in rules_of(problems, ARTICLES)
    assert digest(repo.root) == before


def test_cli_validate_json_and_exit_codes(repo):
    runner = CliRunner()
    args = ["--root", str(repo.root), "validate", "--json", "--no-frictionless"]
    clean = runner.invoke(main, args)
    assert (clean.exit_code, json.loads(clean.stdout)) == (0, {"valid": True, "count": 0, "problems": []})

    row = edit_row(repo, "claims", C02, value_max="27")
    broken = runner.invoke(main, args)
    assert broken.exit_code == 1
    report = json.loads(broken.stdout)
    assert report["valid"] is False and report["count"] == len(report["problems"]) > 0
    assert {
        "file": CLAIMS,
        "rule": "value-range",
        "row": row,
        "column": "value_min, value_max",
        "value": "value_min=53, value_max=27",
    } in [{k: p[k] for k in ("file", "rule", "row", "column", "value")} for p in report["problems"]]


def test_a_systematic_error_lists_the_first_rows_and_counts_the_rest(repo):
    from scripts.common.problems import MAX_ROWS_PER_RULE, format_text

    rows = read_rows(repo, "actor_aliases")
    rewrite(
        repo,
        "actor_aliases",
        lambda rows: rows + [["nobody-known", f"Alias {i}"] for i in range(MAX_ROWS_PER_RULE + 7)],
    )
    problems = validate(repo)
    listed = found(problems, "foreign-key", "datapackage/actor_aliases.csv")
    assert len(listed) == MAX_ROWS_PER_RULE
    assert [p.row for p in listed] == list(range(len(rows) + 1, len(rows) + 1 + MAX_ROWS_PER_RULE))
    assert [p.more_rows for p in listed] == [0] * (MAX_ROWS_PER_RULE - 1) + [7]
    assert "7 more row(s) break this rule here, not listed" in format_text(problems)


def test_validate_says_which_engine_checked_what(repo):
    result = CliRunner().invoke(main, ["--root", str(repo.root), "validate"])
    assert result.exit_code == 0, result.output
    said = result.stderr
    assert "frictionless: datapackage.json against the Data Package and Table Schema profiles" in said
    assert "pandera: each column of each table" in said
    assert "evidence against the article files" in said
