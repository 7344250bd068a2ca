"""pandera (polars backend) schemas generated from the Table Schemas: types, required, enum, pattern and bounds
for each batch of rows; unique and the primary key over the key columns of the whole table. Row rules across
columns are the project's own (scripts/rules.py)."""
from __future__ import annotations

import pandera.polars as pa

from scripts.tables import POLARS_TYPES


# pandera reports a check by its error text; each text starts with the rule it states.
def _checks(field: dict) -> list[pa.Check]:
    c = field.get("constraints", {})
    checks = []
    if "enum" in c:
        checks.append(pa.Check.isin(c["enum"], error=f"enum: must be one of: {', '.join(map(str, c['enum']))}"))
    if "pattern" in c:
        checks.append(pa.Check.str_matches(f"^(?:{c['pattern'].strip('^$')})$",
                                           error=f"pattern: must match {c['pattern']}"))
    if "minimum" in c:
        checks.append(pa.Check.ge(c["minimum"], error=f"minimum: must be at least {c['minimum']}"))
    if "maximum" in c:
        checks.append(pa.Check.le(c["maximum"], error=f"maximum: must be at most {c['maximum']}"))
    if "minLength" in c:
        checks.append(pa.Check.str_length(min_value=c["minLength"],
                                          error=f"minLength: must have at least {c['minLength']} character(s)"))
    return checks


def column_schema(table_schema: dict) -> pa.DataFrameSchema:
    """One Column per field: type, required, enum, pattern, bounds. Each batch of rows is checked with it."""
    columns = {field["name"]: pa.Column(POLARS_TYPES[field["type"]], checks=_checks(field),
                                        nullable=not field.get("constraints", {}).get("required", False), coerce=False)
               for field in table_schema["fields"]}
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
    columns = {name: pa.Column(POLARS_TYPES[types[name]], nullable=True, unique=name in unique, coerce=False)
               for name in key_columns(table_schema)}
    return pa.DataFrameSchema(columns, unique=table_schema.get("primaryKey"), report_duplicates="all")
