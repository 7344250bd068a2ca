"""The Table Schemas and the package descriptor: the one definition of columns, types and constraints."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from scripts.common.paths import Layout


@cache
def _read_json(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def read_json(path: Path) -> dict:
    path = Path(path)
    return _read_json(str(path), path.stat().st_mtime)


def descriptor(layout: Layout) -> dict:
    return read_json(layout.descriptor)


def resource_names(layout: Layout) -> list[str]:
    return [r["name"] for r in descriptor(layout)["resources"]]


def table_schema(layout: Layout, name: str) -> dict:
    return read_json(layout.schema_path(name))


def field_list(value) -> list[str]:
    """A Table Schema names one field as a string, several as a list (primaryKey, foreignKeys)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def field_names(schema: dict) -> list[str]:
    return [f["name"] for f in schema["fields"]]


def enum_values(schema: dict, field_name: str) -> list[str]:
    for f in schema["fields"]:
        if f["name"] == field_name:
            return f.get("constraints", {}).get("enum", [])
    raise KeyError(field_name)
