"""Load the package into pandas with the types its Table Schemas declare.

This module needs pandas and nothing else from the project, so it works on a clone and on an unpacked
release alike (copy it beside datapackage.json):

    from load import load              # or: from scripts.load import load
    tables = load("datapackage.json")  # {"claims": DataFrame, ...}

Strings are `string`, integers nullable `Int64`, dates `datetime64`, and enums ordered categoricals with
the schema's values; only an empty cell is missing ("NA" is Namibia, not a missing value). Validation reads
the tables with the same conversion, so what validates is what loads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "date": "datetime64[us]"}
_INTEGER = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only, as Table Schema (and frictionless) read them
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
EXPECTED = {"integer": "a whole number such as 12", "number": "a number", "date": "a calendar date written YYYY-MM-DD"}


class LoadError(ValueError):
    """A table that does not fit its schema: the message names the file, row, column and value."""


def read_strings(source) -> pd.DataFrame:
    """Every cell as text; only an empty cell is missing."""
    return pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])


def convert(column: pd.Series, field: dict) -> tuple[pd.Series, pd.Series]:
    """The column with its field's type, and a mask of the cells that do not parse as that type (they
    become missing in the typed column)."""
    kind = field["type"]
    text = column.fillna("")
    present = column.notna()
    if kind == "integer":
        bad = present & ~text.str.match(_INTEGER)
        return pd.to_numeric(column.where(~bad), errors="coerce").astype("Int64"), bad
    if kind == "date":
        parsed = pd.to_datetime(column.where(present & text.str.match(_DATE)), format="%Y-%m-%d", errors="coerce")
        return parsed.astype(DTYPES["date"]), present & parsed.isna()
    if kind == "number":
        parsed = pd.to_numeric(column, errors="coerce")
        return parsed.astype("Float64"), present & parsed.isna()
    if kind != "string":
        raise LoadError(f"field '{field['name']}' has the type '{kind}', which this loader does not read")
    return column.astype("string"), pd.Series(False, index=column.index)


def _resource(package: dict, name: str) -> dict:
    for resource in package["resources"]:
        if resource["name"] == name:
            return resource
    raise LoadError(
        f"the package has no resource '{name}'; it has: " + ", ".join(r["name"] for r in package["resources"])
    )


def _schema(root: Path, resource: dict) -> dict:
    schema = resource["schema"]
    return schema if isinstance(schema, dict) else json.loads((root / schema).read_text(encoding="utf-8"))


def load_table(name: str, descriptor="datapackage.json", categories: bool = True) -> pd.DataFrame:
    """One table with its schema's types; LoadError names every cell that does not fit."""
    descriptor = Path(descriptor)
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    resource = _resource(package, name)
    fields = _schema(descriptor.parent, resource)["fields"]
    path = resource["path"]
    raw = read_strings(descriptor.parent / path)
    names = [f["name"] for f in fields]
    if list(raw.columns) != names:
        raise LoadError(f"{path}: the header is {list(raw.columns)}, but the schema's columns, in order, are {names}")
    frame, bad_cells = pd.DataFrame(index=raw.index), []
    for field in fields:
        column, bad = convert(raw[field["name"]], field)
        bad_cells += [
            f"row {i + 2}, column {field['name']}: {raw.at[i, field['name']]!r} is not {EXPECTED[field['type']]}"
            for i in raw.index[bad]
        ]
        enum = field.get("constraints", {}).get("enum")
        if categories and enum is not None:
            outside = column.notna() & ~column.isin(enum)
            bad_cells += [
                f"row {i + 2}, column {field['name']}: {column[i]!r} is not one of {enum}" for i in raw.index[outside]
            ]
            if not outside.any():  # a categorical would turn an outside value into a missing one
                column = column.astype(pd.CategoricalDtype(enum, ordered=True))
        frame[field["name"]] = column
    if bad_cells:
        raise LoadError(f"{path}: " + "; ".join(bad_cells))
    return frame


def load(descriptor="datapackage.json", categories: bool = True) -> dict[str, pd.DataFrame]:
    """Every table of the package, by resource name."""
    package = json.loads(Path(descriptor).read_text(encoding="utf-8"))
    return {r["name"]: load_table(r["name"], descriptor, categories) for r in package["resources"]}
