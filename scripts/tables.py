"""Reading a built CSV back with the types its Table Schema declares: the path every reader takes."""
from __future__ import annotations

import io

import pandas as pd

from scripts.load import EXPECTED, convert, read_strings
from scripts.problems import ProblemList
from scripts.schemas import field_names


def check_bytes(data: bytes, rel: str, problems: ProblemList) -> str | None:
    """The text of a CSV that is UTF-8 without BOM and with LF line endings, else None after a problem."""
    if data.startswith(b"\xef\xbb\xbf"):
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
    if missing:
        problems.add(rel, "csv-missing-column", f"missing column(s): {', '.join(missing)}", row=1,
                     column=", ".join(missing))
    if extra:
        problems.add(rel, "csv-extra-column", f"column(s) not in the schema: {', '.join(extra)}", row=1,
                     column=", ".join(extra))
    if not missing and not extra:
        problems.add(rel, "csv-column-order", "the columns are not in the schema's order; expected: "
                     + ", ".join(expected), row=1, value=", ".join(header))
    return False


def parse_typed(text: str, schema: dict, rel: str, problems: ProblemList) -> pd.DataFrame:
    """A DataFrame with the types the loader gives users (scripts/load.py); only an empty cell is missing.

    Cells that do not parse as their type become missing and are reported, so later checks
    do not report them twice.
    """
    raw = read_strings(io.StringIO(text))
    frame = pd.DataFrame(index=raw.index)
    for field in schema["fields"]:
        name = field["name"]
        if name not in raw.columns:
            continue
        frame[name], bad = convert(raw[name], field)
        for index in raw.index[bad]:
            problems.add(rel, "type", f"'{name}' must be {EXPECTED[field['type']]}", row=int(index) + 2,
                         column=name, value=raw.at[index, name])
    frame.attrs["type_errors"] = {(p.row, p.column) for p in problems if p.file == rel and p.rule == "type"}
    return frame


def read_table(data: bytes, schema: dict, rel: str, problems: ProblemList) -> pd.DataFrame | None:
    """The table with its schema's types, or None when its bytes or header make it unreadable."""
    text = check_bytes(data, rel, problems)
    if text is None:
        return None
    header = pd.read_csv(io.StringIO(text), dtype=str, nrows=0).columns.tolist()
    if not check_header(header, schema, rel, problems) and set(header) != set(field_names(schema)):
        return None
    frame = parse_typed(text, schema, rel, problems)
    return frame[[n for n in field_names(schema)]]
