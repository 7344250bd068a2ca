"""Reading a CSV table with the types its Table Schema declares, fast: pyarrow parses it strictly (a row with
too many or too few cells is an error, as for frictionless), polars types it. Cells are typed as the pandas
loader (scripts/load.py) types them, with the same patterns, so what validates is what loads."""
from __future__ import annotations

import csv
import io
import mmap
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.csv as pv

from scripts.load import _DATE, _INTEGER, EXPECTED
from scripts.problems import ProblemList
from scripts.schemas import field_names

POLARS_TYPES = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date}
BOM = b"\xef\xbb\xbf"


def check_bytes(data: bytes, rel: str, problems: ProblemList) -> str | None:
    """The text of a CSV that is UTF-8 without BOM and with LF line endings, else None after a problem."""
    if data.startswith(BOM):
        problems.add(rel, "csv-bom", "the file starts with a byte-order mark; save as UTF-8 without BOM "
                     "(rebuild with `python -m scripts build`)", row=1)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(rel, "csv-encoding", "the file is not valid UTF-8; tables are written by the build: "
                     "rebuild with `python -m scripts build`", line=line)
        return None
    if "\r" in text:
        problems.add(rel, "csv-line-endings", "lines end in CRLF or CR; tables use LF only "
                     "(check .gitattributes and rebuild)", line=text[: text.index("\r")].count("\n") + 1)
        return None
    return text


def check_header(header: list[str], schema: dict, rel: str, problems: ProblemList) -> bool:
    """True when the columns are the schema's, in its order (readers that go by position rely on it)."""
    expected = field_names(schema)
    if header == expected:
        return True
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if missing:
        problems.add(rel, "csv-missing-column", f"missing column(s): {', '.join(missing)}", row=1,
                     column=", ".join(missing))
    if extra:
        problems.add(rel, "csv-extra-column", f"column(s) not in the schema: {', '.join(extra)}", row=1,
                     column=", ".join(extra))
    if repeated:
        problems.add(rel, "csv-repeated-column", f"column(s) named twice: {', '.join(repeated)}; each column once",
                     row=1, column=", ".join(repeated))
    if not missing and not extra and not repeated:
        problems.add(rel, "csv-column-order", "the columns are not in the schema's order; expected: "
                     + ", ".join(expected), row=1, value=", ".join(header))
    return False


def _suspect_bytes(source: bytes | Path) -> bool:
    """A cheap look for what the strict reader would not say where: a BOM or a carriage return."""
    if isinstance(source, bytes):
        return source.startswith(BOM) or b"\r" in source
    with open(source, "rb") as handle:
        if handle.read(3) == BOM:
            return True
        if Path(source).stat().st_size == 0:
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return view.find(b"\r") != -1


def _header(source: bytes | Path) -> list[str]:
    if isinstance(source, bytes):
        first = source.split(b"\n", 1)[0]
    else:
        with open(source, "rb") as handle:
            first = handle.readline().rstrip(b"\n")
    return next(csv.reader([first.decode("utf-8")]), [])


def _strict_read(source: bytes | Path, header: list[str]) -> pl.DataFrame:
    options = pv.ConvertOptions(column_types={name: pa.large_string() for name in header}, null_values=[""],
                                strings_can_be_null=True, quoted_strings_can_be_null=True)
    table = pv.read_csv(pa.BufferReader(source) if isinstance(source, bytes) else str(source),
                        parse_options=pv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
                        convert_options=options)
    return pl.from_arrow(table)


def _lenient_read(text: str, header: list[str], rel: str, problems: ProblemList):
    """Only for a table the strict reader refused: every row, with too many or too few cells reported and
    the row kept (padded or cut) so the other rows keep their numbers and are still checked."""
    rows, ragged = [], set()
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if number == 1:
            continue
        if len(row) != len(header):
            problems.add(rel, "csv-row-length", f"the row has {len(row)} cell(s) but the header {len(header)}; "
                         "every row needs one cell per column (tables are written by the build: rebuild)",
                         row=number, value=",".join(row))
            row = (row + [""] * len(header))[: len(header)]
            ragged |= {(number, name) for name in header}  # its cells are not checked one by one
        rows.append([cell if cell != "" else None for cell in row])
    return pl.DataFrame(rows, schema={name: pl.String for name in header}, orient="row"), ragged


def _typed(field: dict) -> tuple[pl.Expr, pl.Expr | None]:
    """The column with its field's type, and where a present cell does not parse as that type (None for text)."""
    name, kind = field["name"], field["type"]
    text = pl.col(name)
    if kind == "string":
        return text, None
    if kind == "integer":
        value = pl.when(text.str.contains(_INTEGER.pattern)).then(text.cast(pl.Int64, strict=False))
    elif kind == "date":
        value = pl.when(text.str.contains(_DATE.pattern)).then(text.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
    elif kind == "number":
        value = text.cast(pl.Float64, strict=False)
    else:
        raise ValueError(f"field '{name}' has the type '{kind}', which the tables do not use")
    return value.alias(name), (text.is_not_null() & value.is_null()).alias(name)


def parse_typed(raw: pl.DataFrame, schema: dict, rel: str, problems: ProblemList):
    """The schema's columns typed, and the (row, column) cells that do not parse: they become missing and are
    reported once here, so later checks skip them."""
    fields = {f["name"]: f for f in schema["fields"] if f["name"] in raw.columns}
    pairs = {name: _typed(field) for name, field in fields.items()}
    bad = raw.select([b for _, b in pairs.values() if b is not None])
    errors = set()
    for name in bad.columns:
        rows = bad[name].arg_true().to_list()
        for index in rows:
            problems.add(rel, "type", f"'{name}' must be {EXPECTED[fields[name]['type']]}", row=index + 2,
                         column=name, value=raw[name][index])
            errors.add((index + 2, name))
    return raw.select([v for v, _ in pairs.values()]), errors


def read_table(source: bytes | Path, schema: dict, rel: str, problems: ProblemList):
    """(the table with its schema's types, the (row, column) cells that failed their type), or None when its
    bytes or header make it unreadable."""
    if _suspect_bytes(source):
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        if check_bytes(data, rel, problems) is None:
            return None
    try:
        header = _header(source)
    except UnicodeDecodeError:
        check_bytes(source if isinstance(source, bytes) else Path(source).read_bytes(), rel, problems)
        return None
    if not check_header(header, schema, rel, problems) and (
            set(header) != set(field_names(schema)) or len(header) != len(set(header))):
        return None
    ragged = set()
    try:
        raw = _strict_read(source, header)
    except (pa.ArrowInvalid, pa.ArrowException):
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        text = check_bytes(data, rel, problems)
        if text is None:
            return None
        raw, ragged = _lenient_read(text, header, rel, problems)
    typed, errors = parse_typed(raw, schema, rel, problems)
    return typed.select(field_names(schema)), errors | ragged | _blank_rows(raw, rel, problems)


def _blank_rows(raw: pl.DataFrame, rel: str, problems: ProblemList) -> set:
    """Blank lines are rows for frictionless, and must not slip by: each is reported, and its cells skipped."""
    blank = raw.select(pl.all_horizontal(pl.all().is_null())).to_series().arg_true().to_list() if raw.width else []
    for index in blank:
        problems.add(rel, "csv-blank-row", "the row is blank; remove the empty line (tables are written by the "
                     "build: rebuild)", row=index + 2)
    return {(index + 2, name) for index in blank for name in raw.columns}
