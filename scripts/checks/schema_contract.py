"""Each Table Schema checked as a contract before any code uses it: a pull request may change `schemas/`, and a
schema the readers cannot follow must be a message naming the file and the key, never a crash half-way through
the tables.

The contract: valid JSON holding an object; fields with unique names and a type the project reads (string,
integer, number, date), constraints that fit their field's type; a primaryKey and foreignKeys naming fields that
exist, in resources that exist; only the empty cell missing; and the columns the project computes with (offsets,
counts, dates) of the type it computes with.
"""

from __future__ import annotations

import json
import re

from scripts.checks.csv_tables import POLARS_TYPES
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.common.safety import remote_locations
from scripts.common.schemas import field_list

# Columns the build and the row rules compute with, wherever they stand: the type each must keep.
COMPUTED = {
    "char_start": "integer",
    "char_end": "integer",
    "n_chars": "integer",
    "value_min": "integer",
    "value_max": "integer",
    "date_start": "date",
    "date_end": "date",
    "statement_date": "date",
    "published_date": "date",
    "retrieved_date": "date",
}
CONSTRAINTS = {
    "required": (bool,),
    "unique": (bool,),
    "enum": (list,),
    "pattern": (str,),
    "minimum": (int, float),
    "maximum": (int, float),
    "minLength": (int,),
}
ORDERED = {"integer", "number"}  # the types minimum and maximum apply to
ENUM_VALUE: dict[str, type | tuple[type, ...]] = {"string": str, "integer": int, "number": (int, float), "date": str}


def read_schemas(layout: Layout, names: list[str], problems: ProblemList) -> dict[str, dict]:
    """The Table Schemas of these resources that keep the contract; each one that does not is reported."""
    texts = {}
    for name in names:
        rel = layout.rel(layout.schema_path(name))
        try:
            texts[name] = json.loads(layout.schema_path(name).read_bytes().decode("utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            problems.add(
                rel,
                "schema-invalid",
                f"the Table Schema cannot be read as UTF-8 JSON ({str(exc)[:120]}); "
                "restore it from git and edit it again",
            )
    kept = {
        name: schema
        for name, schema in texts.items()
        if _fields_keep(layout.rel(layout.schema_path(name)), schema, problems)
    }
    return {name: schema for name, schema in kept.items() if _keys_keep(layout, name, schema, kept, problems)}


class _Verdict:
    """The problems of one schema file, and whether it keeps the contract."""

    def __init__(self, rel: str, problems: ProblemList):
        self.rel, self.problems, self.ok = rel, problems, True

    def fault(self, rule: str, message: str, column: str | None = None, value=None) -> None:
        self.ok = False
        self.problems.add(self.rel, rule, message, column=column, value=value)


def _fields_keep(rel: str, schema, problems: ProblemList) -> bool:
    verdict = _Verdict(rel, problems)
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        verdict.fault("schema-invalid", "a Table Schema is an object with a non-empty list of 'fields'")
        return False
    if remote_locations(schema, rel, problems):
        verdict.ok = False
    if schema.get("missingValues") != [""]:
        verdict.fault(
            "schema-invalid",
            '\'missingValues\' must be [""]: only an empty cell is missing ("NA" is a '
            "value), as every loader of the package reads it",
            column="missingValues",
            value=json.dumps(schema.get("missingValues")),
        )
    seen: set[str] = set()
    for index, field in enumerate(schema["fields"]):
        if not isinstance(field, dict) or not isinstance(field.get("name"), str) or not field["name"]:
            verdict.fault("schema-field", "each field is an object with a 'name'", column=f"fields[{index}]")
            continue
        _field_keeps(field, f"fields[{index}] ({field['name']})", seen, verdict)
    return verdict.ok


def _field_keeps(field: dict, where: str, seen: set, verdict: _Verdict) -> None:
    name, kind = field["name"], field.get("type")
    if name in seen:
        verdict.fault("schema-field", f"the field '{name}' is declared twice", column=where, value=name)
    seen.add(name)
    if kind not in POLARS_TYPES:
        verdict.fault(
            "schema-field",
            f"the type must be one of {', '.join(POLARS_TYPES)}",
            column=f"{where}.type",
            value=json.dumps(kind),
        )
        return
    if name in COMPUTED and kind != COMPUTED[name]:
        verdict.fault(
            "schema-field",
            f"'{name}' must stay of type {COMPUTED[name]}: the build and the row rules compute with it",
            column=f"{where}.type",
            value=kind,
        )
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        verdict.fault("schema-field", "'constraints' is an object", column=f"{where}.constraints")
        return
    for key, value in constraints.items():
        why = _constraint_problem(key, value, kind)
        if why:
            verdict.fault("schema-field", why, column=f"{where}.constraints.{key}", value=json.dumps(value)[:80])


def _constraint_problem(key: str, value, kind: str) -> str | None:
    if key not in CONSTRAINTS:
        return f"'{key}' is not a constraint the project checks; use one of {', '.join(CONSTRAINTS)}"
    if isinstance(value, bool) and key not in ("required", "unique") or not isinstance(value, CONSTRAINTS[key]):
        return f"'{key}' takes {CONSTRAINTS[key][0].__name__}"
    if key in ("minimum", "maximum") and kind not in ORDERED:
        return f"'{key}' applies to integer and number fields, not {kind}"
    if key in ("pattern", "minLength") and kind != "string":
        return f"'{key}' applies to string fields, not {kind}"
    # (the isinstance checks below only tell mypy what CONSTRAINTS has just checked: an enum is a list, a pattern text)
    if (
        key == "enum"
        and isinstance(value, list)
        and (not value or not all(isinstance(v, ENUM_VALUE[kind]) and not isinstance(v, bool) for v in value))
    ):
        return f"'enum' is a non-empty list of {kind} values"
    if key == "pattern" and isinstance(value, str):
        try:
            re.compile(value)
        except re.error as exc:
            return f"the pattern is not a regular expression ({exc})"
    return None


def _keys_keep(layout: Layout, name: str, schema: dict, schemas: dict[str, dict], problems: ProblemList) -> bool:
    """primaryKey and foreignKeys name fields that exist, in resources that exist."""
    verdict = _Verdict(layout.rel(layout.schema_path(name)), problems)
    fields = {f["name"] for f in schema["fields"]}
    key = schema.get("primaryKey")
    if not _names(key) or not set(field_list(key)) <= fields:
        verdict.fault(
            "schema-key",
            "'primaryKey' must name fields of this schema (the build sorts rows by it)",
            "primaryKey",
            json.dumps(key),
        )
    foreign_keys = schema.get("foreignKeys", [])
    if not isinstance(foreign_keys, list):
        verdict.fault("schema-key", "'foreignKeys' is a list", "foreignKeys")
        return False
    for index, fk in enumerate(foreign_keys):
        where = f"foreignKeys[{index}]"
        reference = fk.get("reference") if isinstance(fk, dict) else None
        if not isinstance(reference, dict) or not _names(fk.get("fields")) or not _names(reference.get("fields")):
            verdict.fault(
                "schema-key",
                "a foreign key is an object with 'fields' and a 'reference' with 'resource' and 'fields'",
                where,
            )
            continue
        if not set(field_list(fk["fields"])) <= fields:
            verdict.fault(
                "schema-key",
                f"'fields' must be fields of this schema: {', '.join(sorted(fields))}",
                f"{where}.fields",
                json.dumps(fk["fields"]),
            )
        target = reference.get("resource") or name
        if not isinstance(target, str) or target not in schemas:
            verdict.fault(
                "schema-key",
                "the reference names no resource of datapackage.json with a valid schema; "
                f"use one of {', '.join(sorted(schemas))}",
                f"{where}.reference.resource",
                json.dumps(reference.get("resource")),
            )
            continue
        target_fields = {f["name"] for f in schemas[target]["fields"]}
        if not set(field_list(reference["fields"])) <= target_fields or len(field_list(reference["fields"])) != len(
            field_list(fk["fields"])
        ):
            verdict.fault(
                "schema-key",
                f"the reference must name as many fields as 'fields', each a field of '{target}'",
                f"{where}.reference.fields",
                json.dumps(reference["fields"]),
            )
    return verdict.ok


def _names(value) -> bool:
    """A field name, or a non-empty list of them."""
    return (isinstance(value, str) and bool(value)) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, str) and v for v in value)
    )
