"""pandera schemas generated from the Table Schemas, with nullable dtypes and real dates.

pandera's own frictionless import maps integers to non-nullable int64 and dates to strings, which
would reject missing counts and let bad dates through; this mapping keeps missing as missing.
"""
from __future__ import annotations

import pandera.pandas as pa

from scripts.load import DTYPES


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


def dataframe_schema(table_schema: dict, rules=()) -> pa.DataFrameSchema:
    """One Column per field (type, required, unique, enum, pattern, bounds), the primary key as a
    multi-column uniqueness check, and `rules` (row-wise checks Table Schema cannot state)."""
    columns = {}
    for field in table_schema["fields"]:
        c = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            DTYPES.get(field["type"], "string"), checks=_checks(field),
            nullable=not c.get("required", False), unique=c.get("unique", False), coerce=False)
    return pa.DataFrameSchema(
        columns, strict=True, ordered=True, unique=table_schema.get("primaryKey"), report_duplicates="all",
        checks=[pa.Check(rule.test, name=rule.name, error=f"{rule.name}: {rule.message}") for rule in rules])
