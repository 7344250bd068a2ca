"""pandera (polars backend) schemas generated from the Table Schemas: types, required, unique, enum, pattern,
bounds and the primary key. Row rules across columns are the project's own (scripts/rules.py)."""
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


def dataframe_schema(table_schema: dict) -> pa.DataFrameSchema:
    """One Column per field (type, required, unique, enum, pattern, bounds) and the primary key as a
    multi-column uniqueness check."""
    columns = {}
    for field in table_schema["fields"]:
        c = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            POLARS_TYPES[field["type"]], checks=_checks(field),
            nullable=not c.get("required", False), unique=c.get("unique", False), coerce=False)
    return pa.DataFrameSchema(columns, strict=True, ordered=True, unique=table_schema.get("primaryKey"),
                              report_duplicates="all")
