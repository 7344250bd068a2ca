"""pandera (polars backend) schemas generated from the Table Schemas: types, required, enum, pattern and bounds
for each batch of rows; unique and the primary key over the key columns of the whole table. Row rules across
columns are the project's own (scripts/checks/row_rules.py)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.api.polars.types import PolarsData
from pandera.backends.polars.checks import PolarsCheckBackend
from pandera.backends.polars.register import register_polars_backends
from pandera.constants import CHECK_OUTPUT_KEY
from pandera.engines.polars_engine import Engine

from scripts.checks.csv_tables import POLARS_TYPES

register_polars_backends()  # pandera does it on its first validate; passes() calls its checks before that


# pandera reports a check by its error text; each text starts with the rule it states.
def _checks(field: dict) -> list[pa.Check]:
    c = field.get("constraints", {})
    checks = []
    if "enum" in c:
        checks.append(pa.Check.isin(c["enum"], error=f"enum: must be one of: {', '.join(map(str, c['enum']))}"))
    if "pattern" in c:
        checks.append(
            pa.Check.str_matches(f"^(?:{c['pattern'].strip('^$')})$", error=f"pattern: must match {c['pattern']}")
        )
    if "minimum" in c:
        checks.append(pa.Check.ge(c["minimum"], error=f"minimum: must be at least {c['minimum']}"))
    if "maximum" in c:
        checks.append(pa.Check.le(c["maximum"], error=f"maximum: must be at most {c['maximum']}"))
    if "minLength" in c:
        checks.append(
            pa.Check.str_length(
                min_value=c["minLength"], error=f"minLength: must have at least {c['minLength']} character(s)"
            )
        )
    return checks


def column_schema(table_schema: dict) -> pa.DataFrameSchema:
    """One Column per field: type, required, enum, pattern, bounds. Each batch of rows is checked with it."""
    columns = {
        field["name"]: pa.Column(
            POLARS_TYPES[field["type"]],
            checks=_checks(field),
            nullable=not field.get("constraints", {}).get("required", False),
            coerce=False,
        )
        for field in table_schema["fields"]
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=True)


def unique_groups(table_schema: dict) -> list[list[str]]:
    """Each group of fields whose values must be unique over the whole table: the primary key, each unique field."""
    unique = [[f["name"]] for f in table_schema["fields"] if f.get("constraints", {}).get("unique")]
    return ([table_schema["primaryKey"]] if table_schema.get("primaryKey") else []) + unique


def key_columns(table_schema: dict) -> list[str]:
    """The fields of the unique groups."""
    return list(dict.fromkeys(name for group in unique_groups(table_schema) for name in group))


def key_schema(table_schema: dict) -> pa.DataFrameSchema:
    """Uniqueness over the whole table, of the key columns only (gathered from every batch): the fields declared
    unique, and the primary key as a multi-column uniqueness check. Their other constraints are column_schema's."""
    types = {f["name"]: f["type"] for f in table_schema["fields"]}
    unique = {f["name"] for f in table_schema["fields"] if f.get("constraints", {}).get("unique")}
    columns = {
        name: pa.Column(POLARS_TYPES[types[name]], nullable=True, unique=name in unique, coerce=False)
        for name in key_columns(table_schema)
    }
    return pa.DataFrameSchema(columns, unique=table_schema.get("primaryKey"), report_duplicates="all")


def passes(schema: pa.DataFrameSchema, frame: pl.DataFrame) -> bool:
    """Whether pandera's validate would find nothing wrong: the columns, their types and nulls, and each column's
    own pandera checks, all evaluated in one polars query. pandera's validate runs a query per check, which costs
    three times as much on a piece of a large table, so it runs only on the frames this says fail, and it alone
    says what fails and where. A schema with more than columns and their checks (uniqueness, checks of the whole
    frame, coercion) is never screened: this answers False, and pandera validates."""
    columns = schema.columns
    if schema.unique or schema.checks or schema.coerce or any(c.unique or c.coerce for c in columns.values()):
        return False
    same_columns = list(frame.columns) == list(columns) if schema.ordered else set(frame.columns) == set(columns)
    if not same_columns:
        return False
    if not all(column.dtype.check(Engine.dtype(frame.schema[name])) for name, column in columns.items()):
        return False
    lazy = frame.lazy()
    nulls = lazy.select(
        [
            pl.col(name).is_not_null().all().alias(f"{name}:required")
            for name, column in columns.items()
            if not column.nullable
        ]
        or [pl.lit(True)]
    )
    outcomes = [nulls] + [
        _passed(lazy, name, check, f"{name}:{index}")
        for name, column in columns.items()
        for index, check in enumerate(column.checks)
    ]
    return all(pl.concat(outcomes, how="horizontal").collect().row(0))


def _passed(lazy: pl.LazyFrame, name: str, check: pa.Check, alias: str) -> pl.LazyFrame:
    """One check of a column as pandera's backend applies it, reduced to whether every row passes (a missing
    outcome passes where the check ignores missing values, as pandera's postprocessing does)."""
    output = pl.col(CHECK_OUTPUT_KEY)
    output = output | output.is_null() if check.ignore_na else output.fill_null(False)
    return PolarsCheckBackend(check).apply(PolarsData(lazy, name)).select(output.all().alias(alias))
