"""Reading a CSV table with the types its Table Schema declares, fast and in bounded memory: pyarrow parses it
strictly in blocks (a row with too many or too few cells is an error, as for frictionless), polars types each.
Cells are typed as the pandas loader (scripts/load.py) types them, with the same patterns, so what validates is
what loads."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.csv as pv

from scripts.common.overlap import map_ahead
from scripts.common.problems import Problem, ProblemList
from scripts.common.schemas import field_names
from scripts.load import _DATE, _INTEGER, EXPECTED

POLARS_TYPES = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date}
BOM = b"\xef\xbb\xbf"
BLOCK_BYTES = 16 << 20  # CSV bytes read and checked at once: bounds the memory a table of any size takes
LENIENT_ROWS = 100_000  # rows at once when a table has to be read row by row
T = TypeVar("T")


def check_bytes(data: bytes, rel: str, problems: ProblemList) -> str | None:
    """The text of a CSV that is UTF-8 without BOM and with LF line endings, else None after a problem."""
    if data.startswith(BOM):
        problems.add(
            rel,
            "csv-bom",
            "the file starts with a byte-order mark; save as UTF-8 without BOM "
            "(rebuild with `python -m scripts build`)",
            row=1,
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(
            rel,
            "csv-encoding",
            "the file is not valid UTF-8; tables are written by the build: rebuild with `python -m scripts build`",
            line=line,
        )
        return None
    if "\r" in text:
        problems.add(
            rel,
            "csv-line-endings",
            "lines end in CRLF or CR; tables use LF only (check .gitattributes and rebuild)",
            line=text[: text.index("\r")].count("\n") + 1,
        )
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
        problems.add(
            rel, "csv-missing-column", f"missing column(s): {', '.join(missing)}", row=1, column=", ".join(missing)
        )
    if extra:
        problems.add(
            rel, "csv-extra-column", f"column(s) not in the schema: {', '.join(extra)}", row=1, column=", ".join(extra)
        )
    if repeated:
        problems.add(
            rel,
            "csv-repeated-column",
            f"column(s) named twice: {', '.join(repeated)}; each column once",
            row=1,
            column=", ".join(repeated),
        )
    if not missing and not extra and not repeated:
        problems.add(
            rel,
            "csv-column-order",
            "the columns are not in the schema's order; expected: " + ", ".join(expected),
            row=1,
            value=", ".join(header),
        )
    return False


def _suspect_header(source: bytes | Path) -> bool:
    """A BOM or a carriage return in the first line; the rest is looked at piece by piece (_record_pieces)."""
    first = _first_line(source)
    return first.startswith(BOM) or b"\r" in first


def _first_line(source: bytes | Path) -> bytes:
    """The header line with its newline."""
    if isinstance(source, bytes):
        end = source.find(b"\n")
        return source if end < 0 else source[: end + 1]
    with open(source, "rb") as handle:
        return handle.readline()


class _CarriageReturn(ValueError):
    """A piece of the table holds a carriage return: read it whole to say where (check_bytes)."""


def _header(source: bytes | Path) -> list[str]:
    return next(csv.reader([_first_line(source).rstrip(b"\n").decode("utf-8")]), [])


def _pieces(source: bytes | Path, block_bytes: int) -> Iterator[bytes | memoryview]:
    """The body of a table in pieces of about block_bytes of CSV, each ending where a record ends."""
    with io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb") as handle:
        handle.readline()  # the header, read by _header
        yield from _record_pieces(handle, block_bytes)


def _parse_piece(piece: bytes | memoryview, header: list[str]) -> pl.DataFrame | None:
    """A piece's rows as text, or None when pyarrow cannot read it strictly (a row with too many or too few cells,
    bytes that are not UTF-8): then the table is read leniently from there (_lenient_batches)."""
    options = pv.ConvertOptions(
        column_types={name: pa.string() for name in header},
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    try:
        frame = pl.from_arrow(
            pv.read_csv(
                pa.py_buffer(piece),
                read_options=pv.ReadOptions(column_names=header, use_threads=False),
                parse_options=pv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
                convert_options=options,
            )
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    assert isinstance(frame, pl.DataFrame)  # from a table, not a single array
    return frame


def _record_pieces(handle, block_bytes: int) -> Iterator[bytes | memoryview]:
    """Consecutive pieces of about block_bytes of a CSV body, each ending where a record ends. (pyarrow's own
    streaming reader reads far ahead of the rows it gives, and parses on one core.)"""
    carry, carry_quotes = b"", 0  # the start of a record that the last read cut off
    while more := handle.read(block_bytes):
        if b"\r" in more:
            raise _CarriageReturn()
        end = _last_record_end(more, carry_quotes)
        if end is None:
            carry, carry_quotes = carry + more, carry_quotes + _quotes(more)
            continue
        yield b"".join((carry, memoryview(more)[:end])) if carry else memoryview(more)[:end]
        carry = more[end:]
        carry_quotes = _quotes(carry)
    if carry:
        yield carry


def _quotes(data: bytes) -> int:
    return int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == ord('"')))


def _last_record_end(data: bytes, quotes_before: int = 0) -> int | None:
    """Just after the last newline outside quotes: one with an even number of quote characters before it (a quote
    inside a cell is doubled). None if there is none yet (a cell longer than the piece, or an unclosed quote)."""
    quotes, position = quotes_before + _quotes(data), len(data)
    while (newline := data.rfind(b"\n", 0, position)) >= 0:
        quotes -= data.count(b'"', newline, position)
        if quotes % 2 == 0:
            return newline + 1
        position = newline
    return None


def _lenient_batches(text: str, header: list[str], skip: int, rel: str, problems: ProblemList):
    """Only for a table the strict reader refused, from the first row it had not given: every row, with too many
    or too few cells reported and the row kept (padded or cut) so the other rows keep their numbers and are
    still checked. Gives (frame, cells not to check again) every LENIENT_ROWS rows."""
    rows, ragged = [], set()
    records = csv.reader(io.StringIO(text))
    next(records, None)  # the header
    for number, row in enumerate(records, start=2):
        if number < skip + 2:
            continue
        if len(row) != len(header):
            problems.add(
                rel,
                "csv-row-length",
                f"the row has {len(row)} cell(s) but the header {len(header)}; "
                "every row needs one cell per column (tables are written by the build: rebuild)",
                row=number,
                value=",".join(row),
            )
            row = (row + [""] * len(header))[: len(header)]
            ragged |= {(number, name) for name in header}  # its cells are not checked one by one
        rows.append([cell if cell != "" else None for cell in row])
        if len(rows) == LENIENT_ROWS:
            yield pl.DataFrame(rows, schema={name: pl.String for name in header}, orient="row"), ragged
            rows, ragged = [], set()
    if rows:
        yield pl.DataFrame(rows, schema={name: pl.String for name in header}, orient="row"), ragged


def _typed(field: dict) -> pl.Expr:
    """The column with its field's type: missing where a cell does not parse as that type."""
    name, kind = field["name"], field["type"]
    text = pl.col(name)
    if kind == "string":
        return text
    value: pl.Expr
    if kind == "integer":
        value = pl.when(text.str.contains(_INTEGER.pattern)).then(text.cast(pl.Int64, strict=False))
    elif kind == "date":
        value = pl.when(text.str.contains(_DATE.pattern)).then(text.str.strptime(pl.Date, "%Y-%m-%d", strict=False))
    elif kind == "number":
        value = text.cast(pl.Float64, strict=False)
    else:
        raise ValueError(f"field '{name}' has the type '{kind}', which the tables do not use")
    return value.alias(name)


def parse_typed(raw: pl.DataFrame, schema: dict, rel: str, problems: ProblemList, offset: int = 0):
    """The schema's columns typed, and the (row, column) cells that do not parse: they become missing and are
    reported once here, so later checks skip them. offset: the rows of the table before this frame."""
    fields = {f["name"]: f for f in schema["fields"] if f["name"] in raw.columns}
    typed = raw.select([_typed(field) for field in fields.values()])
    errors = set()
    for name in (name for name, field in fields.items() if field["type"] != "string"):
        for index in (raw[name].is_not_null() & typed[name].is_null()).arg_true().to_list():
            row = offset + index + 2
            problems.add(
                rel,
                "type",
                f"'{name}' must be {EXPECTED[fields[name]['type']]}",
                row=row,
                column=name,
                value=raw[name][index],
            )
            errors.add((row, name))
    return typed, errors


@dataclass
class Batch:
    """Consecutive rows of a table, typed: row numbers are offset + index + 2 (the header is row 1)."""

    frame: pl.DataFrame
    skip: set  # (row, column) cells already reported (not parsed, ragged or blank row): not checked again
    offset: int

    def moved_to(self, offset: int) -> Batch:
        """The same rows numbered from another offset."""
        shift = offset - self.offset
        return Batch(self.frame, {(row + shift, column) for row, column in self.skip}, offset)


def read_batches(
    source: bytes | Path, schema: dict, rel: str, problems: ProblemList, block_bytes: int | None = None
) -> Batches | None:
    """The table in batches of about block_bytes of CSV, with its schema's types, so a table of any size is
    checked in bounded memory; None when its bytes or header make it unreadable. There is always one batch at
    least (empty for a table without rows), unless the bytes turn out to be unreadable further on."""
    if _suspect_header(source):
        if check_bytes(_bytes(source), rel, problems) is None:
            return None
    try:
        header = _header(source)
    except UnicodeDecodeError:
        check_bytes(_bytes(source), rel, problems)
        return None
    if not check_header(header, schema, rel, problems) and (
        set(header) != set(field_names(schema)) or len(header) != len(set(header))
    ):
        return None
    return Batches(source, header, schema, rel, problems, block_bytes or BLOCK_BYTES)


def _bytes(source: bytes | Path) -> bytes:
    return source if isinstance(source, bytes) else Path(source).read_bytes()


class Batches:
    """The batches of one table, in order; `complete` once every row was given (False when its bytes turn out
    not to be UTF-8 or to hold a carriage return past the first batches: then only that is reported)."""

    def __init__(self, source, header, schema, rel, problems, block_bytes):
        self.source, self.header, self.schema, self.rel, self.problems = source, header, schema, rel, problems
        self.block_bytes, self.complete = block_bytes, False

    def __iter__(self) -> Iterator[Batch]:
        for offset, batch in self.map(_itself, workers=1):
            yield batch.moved_to(offset)

    def map(self, function: Callable[[Batch, ProblemList], T], workers: int = 2) -> Iterator[tuple[int, T]]:
        """(offset, function(batch, problems)) for each batch in order, `workers` batches at once on threads.
        Each piece is parsed, typed and given to function on its thread, numbered from its own start (offset 0)
        with problems of its own; they are renumbered here once the rows before are counted, so what is
        reported, and which rows are listed past MAX_ROWS_PER_RULE, is what a reading in order reports."""
        offset, given, unreadable = 0, False, False
        try:
            pieces = ([piece] for piece in _pieces(self.source, self.block_bytes))
            for result in map_ahead(self._piece_with(function), pieces, workers):
                if result is None:
                    unreadable = True
                    break
                height, value, problems = result
                self.problems.extend(_renumbered(problems, offset))
                yield offset, value
                offset, given = offset + height, True
        except _CarriageReturn:
            unreadable = True
        if unreadable:  # a ragged row, bad bytes: read on from there, row by row
            text = check_bytes(_bytes(self.source), self.rel, self.problems)
            if text is None:
                return
            for raw, ragged in _lenient_batches(text, self.header, offset, self.rel, self.problems):
                yield offset, self._checked(function, raw, ragged, offset)
                offset, given = offset + raw.height, True
        if not given:
            yield 0, self._checked(function, pl.DataFrame(schema={name: pl.String for name in self.header}), set(), 0)
        self.complete = True

    def _piece_with(self, function):
        def checked(held: list):
            raw = _parse_piece(held.pop(), self.header)  # its bytes let go once parsed, not held while checked
            if raw is None:
                return None
            problems = ProblemList()
            return raw.height, function(self._batch(raw, set(), 0, problems), problems), problems

        return checked

    def _checked(self, function, raw, ragged, offset):
        problems = ProblemList()
        value = function(self._batch(raw, ragged, offset, problems), problems)
        self.problems.extend(problems)
        return value

    def _batch(self, raw, ragged, offset, problems) -> Batch:
        typed, errors = parse_typed(raw, self.schema, self.rel, problems, offset)
        return Batch(
            typed.select(field_names(self.schema)),
            errors | ragged | _blank_rows(raw, self.rel, problems, offset),
            offset,
        )


def _itself(batch: Batch, problems: ProblemList) -> Batch:
    return batch


def _renumbered(problems: ProblemList, offset: int) -> list[Problem]:
    return [p if p.row is None or not offset else replace(p, row=p.row + offset) for p in problems]


def _blank_rows(raw: pl.DataFrame, rel: str, problems: ProblemList, offset: int) -> set:
    """Blank lines are rows for frictionless, and must not slip by: each is reported, and its cells skipped."""
    blank = raw.select(pl.all_horizontal(pl.all().is_null())).to_series().arg_true().to_list() if raw.width else []
    for index in blank:
        problems.add(
            rel,
            "csv-blank-row",
            "the row is blank; remove the empty line (tables are written by the build: rebuild)",
            row=offset + index + 2,
        )
    return {(offset + index + 2, name) for index in blank for name in raw.columns}
