"""The pandas loader gives every column its declared type and every cell its written value, on the live package,
on the frozen one (tests/frozen.py, whose values the tests know) and on a copy elsewhere (an unpacked release);
frictionless' own reader works too."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from scripts.common.paths import ROOT, Layout
from scripts.common.schemas import descriptor, table_schema
from scripts.load import LoadError, load, load_table
from tests.frozen import SEED_000, frozen

LAYOUT = Layout(ROOT)
RESOURCES = [r["name"] for r in descriptor(LAYOUT)["resources"]]
PACKAGES = {"live": lambda: ROOT, "frozen": lambda: frozen().root}


@pytest.fixture(scope="module", params=PACKAGES, ids=PACKAGES)
def package_root(request):
    return PACKAGES[request.param]()


@pytest.fixture(scope="module")
def tables(package_root):
    return load(package_root / "datapackage.json")


@pytest.fixture(scope="module")
def frozen_tables():
    return load(frozen().descriptor)


def expected_dtype(field):
    enum = field.get("constraints", {}).get("enum")
    if enum is not None:
        return pd.CategoricalDtype(enum, ordered=True)
    return {"string": pd.StringDtype(), "integer": pd.Int64Dtype(), "date": "datetime64[us]"}[field["type"]]


@pytest.mark.parametrize("name", RESOURCES)
def test_every_column_has_the_type_its_schema_declares(tables, name):
    frame = tables[name]
    fields = table_schema(LAYOUT, name)["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert {f["name"]: frame[f["name"]].dtype for f in fields} == {f["name"]: expected_dtype(f) for f in fields}


def _as_written(value) -> str:
    if pd.isna(value):
        return ""
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)


@pytest.mark.parametrize("name", RESOURCES)
def test_every_cell_loads_as_the_value_written_and_only_empty_is_missing(package_root, tables, name):
    text = (package_root / "datapackage" / f"{name}.csv").read_text(encoding="utf-8")
    written = list(csv.reader(io.StringIO(text)))[1:]
    frame = tables[name]
    assert len(frame) == len(written)
    loaded = [[_as_written(v) for v in row] for row in frame.itertuples(index=False)]
    assert loaded == written


def test_every_table_of_the_frozen_package_has_rows_to_compare(frozen_tables):
    assert {name: len(frame) > 0 for name, frame in frozen_tables.items()} == {name: True for name in RESOURCES}


def test_real_values_with_their_types(frozen_tables):
    claims = frozen_tables["claims"].set_index("claim_id")
    monday = claims.loc[f"{SEED_000}:c02"]
    assert (monday["value_min"], monday["value_max"], monday["date_start"]) == (53, 53, pd.Timestamp("2020-09-28"))
    assert monday["claim_type"] == "killed" and list(claims["claim_type"].cat.categories)[:2] == ["killed", "wounded"]
    at_least = claims.loc[f"{SEED_000}:c01"]
    assert at_least["value_min"] == 55 and at_least["value_max"] is pd.NA
    assert claims["value_min"].sum() > 0  # arithmetic works on the nullable integers


def copy_package(target):
    """The files a release carries for loading, from the frozen package: the descriptor, the schemas, the tables."""
    for name in ("schemas", "datapackage"):
        shutil.copytree(frozen().root / name, target / name)
    shutil.copy2(frozen().descriptor, target / "datapackage.json")
    return target / "datapackage.json"


def set_cell(package, table, key, column, value):
    path = package.parent / "datapackage" / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    (row,) = [r for r in rows if r[0] == key]
    row[rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return [r[0] for r in rows].index(key) + 1  # the row number, header = 1


def test_na_is_a_value_not_missing(tmp_path):
    package = copy_package(tmp_path)
    set_cell(package, "actors", "armenia", "title", "NA")
    actors = load_table("actors", package).set_index("actor_id")
    assert actors.loc["armenia", "title"] == "NA"
    assert actors["title"].isna().sum() == load_table("actors", frozen().descriptor)["title"].isna().sum() - 1


@pytest.mark.parametrize(
    "table, key, column, value, message",
    [
        ("claims", f"{SEED_000}:c02", "value_min", "5x", "column value_min: '5x' is not a whole number"),
        (
            "claims",
            f"{SEED_000}:c02",
            "date_start",
            "2020-02-30",
            "column date_start: '2020-02-30' is not a calendar date",
        ),
        ("claims", f"{SEED_000}:c02", "claim_type", "killled", "column claim_type: 'killled' is not one of ['killed'"),
    ],
    ids=["integer", "date", "enum"],
)
def test_a_cell_that_does_not_fit_its_type_is_refused_not_made_missing(tmp_path, table, key, column, value, message):
    package = copy_package(tmp_path)
    row = set_cell(package, table, key, column, value)
    with pytest.raises(LoadError) as error:
        load_table(table, package)
    assert f"datapackage/{table}.csv: " in str(error.value) and f"row {row}, {message}" in str(error.value)


def test_a_header_out_of_the_schema_order_is_refused(tmp_path):
    package = copy_package(tmp_path)
    path = package.parent / "datapackage" / "claims.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[r[1], r[0], *r[2:]] for r in rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(LoadError, match=r"datapackage/claims.csv: the header is \['article_id', 'claim_id'"):
        load_table("claims", package)


def test_the_loader_works_alone_beside_an_unpacked_package(tmp_path):
    """Copied with the package anywhere, it needs pandas and nothing of the project."""
    package = copy_package(tmp_path)
    shutil.copy2(ROOT / "scripts" / "load.py", tmp_path / "load.py")
    code = (
        "from load import load; t = load('datapackage.json'); c = t['claims']; "
        "print(len(t), c['value_min'].dtype, c['date_start'].dtype, c['claim_type'].dtype)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": "", "PATH": ""}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(RESOURCES)), "Int64", "datetime64[us]", "category"]
    assert json.loads(package.read_text(encoding="utf-8"))["resources"]


def test_frictionless_own_pandas_reader_reads_every_table_too(package_root):
    from frictionless import Package

    package = Package(str(package_root / "datapackage.json"))
    for name in RESOURCES:
        frame = package.get_resource(name).to_pandas()
        assert len(frame) == len(load_table(name, package_root / "datapackage.json"))


def test_frictionless_own_pandas_reader_gives_integers_dates_and_the_key_as_index():
    from frictionless import Package

    claims = Package(str(frozen().descriptor)).get_resource("claims").to_pandas()
    assert str(claims["value_max"].dtype) == "Int64" and str(claims["date_start"].dtype).startswith("datetime64")
    assert claims.loc[f"{SEED_000}:c02", "value_min"] == 53  # the primary key becomes the index


def test_the_readme_says_truly_what_each_pandas_reader_gives(tmp_path):
    """The README's table of readers, checked against the readers themselves on claims.csv."""
    from frictionless import Package

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (
        '| plain `pd.read_csv("datapackage/claims.csv")` | `str` | `float64` where a column has missing values, '
        "else `int64` |" in readme
    )
    plain = pd.read_csv(frozen().table_path("claims"))
    assert (
        str(plain["claim_id"].dtype),
        str(plain["value_max"].dtype),
        str(plain["char_start"].dtype),
        str(plain["date_start"].dtype),
    ) == ("str", "float64", "int64", "str")
    package = copy_package(tmp_path)
    set_cell(package, "actors", "armenia", "title", "NA")
    assert pd.isna(pd.read_csv(tmp_path / "datapackage" / "actors.csv").set_index("actor_id").loc["armenia", "title"])
    actors = Package(str(package)).get_resource("actors").to_pandas()
    assert actors.loc["armenia", "title"] == "NA"  # frictionless keeps it, as the table says
    claims = Package(str(frozen().descriptor)).get_resource("claims").to_pandas()
    assert (str(claims["char_start"].dtype), str(claims["value_max"].dtype), str(claims["claim_type"].dtype)) == (
        "int64",
        "Int64",
        "str",
    )


CELLS = [
    "12",
    "+5",
    "-3",
    "007",
    "1.5",
    "12a",
    "",
    "NA",
    " 4",
    "2020-09-28",
    "2020-02-30",
    "2020-9-28",
    "20-01-01",
    "2020-02-29",
    "2021-02-29",
    "0001-01-01",
    "9999-12-31",
    "١٢",
    "٢٠٢٠-٠٩-٢٨",
]


@pytest.mark.parametrize("kind", ["integer", "date"])
def test_validation_types_a_cell_as_the_pandas_loader_does(kind):
    """Validation (polars) and the loader (pandas) accept and refuse the same cells, with the same values."""
    import polars as pl

    from scripts.checks.csv_tables import parse_typed
    from scripts.common.problems import ProblemList
    from scripts.load import convert, read_strings

    text = "x\n" + "\n".join(f'"{c}"' for c in CELLS) + "\n"
    loaded, refused_by_loader = convert(read_strings(io.StringIO(text))["x"], {"name": "x", "type": kind})
    raw = pl.DataFrame({"x": [c or None for c in CELLS]}, schema={"x": pl.String})
    typed, refused = parse_typed(raw, {"fields": [{"name": "x", "type": kind}]}, "t.csv", ProblemList())
    assert sorted(row - 2 for row, _ in refused) == [i for i, bad in enumerate(refused_by_loader) if bad]
    as_text = [None if v is None else str(v) for v in typed["x"].to_list()]
    expected = [None if pd.isna(v) else (str(v.date()) if kind == "date" else str(v)) for v in loaded]
    assert as_text == expected
