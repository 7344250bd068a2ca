"""What changed between two versions of the package, and the smallest semver step that covers it.

Semver for data (README): MAJOR when a field is removed, renamed or changes type or meaning; MINOR when a field,
table or vocabulary (enum) value is added; PATCH when rows are added or corrected. Rows are matched by primary key
and compared as cell text, exactly as the CSV holds them, so the diff needs no parsing that could hide a change.
The `diff` command prints it; the `release` command uses it to propose a level and to write its CHANGELOG entry.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from scripts.common.schemas import field_list
from scripts.release.sources import PackageSource, SourceError

LEVELS = ("patch", "minor", "major")  # from the smallest step to the largest
MEANING_CHECK = "check: if the meaning changed, this is MAJOR"
DOC_PROPERTIES = {"title", "example", "$schema"}  # documentation only: a change is a patch
STATS = {"hash", "bytes", "rows", "stats"}  # a resource's file statistics: its rows, which the row diff covers
Key = tuple[str, ...]


# --- reading a version ----------------------------------------------------------------------------------------


@dataclass
class Table:
    """One table of one version as cell text: header first, then rows, and the primary key its schema declares."""

    source: str  # the version's label, for messages
    name: str
    header: list[str]
    rows: list[list[str]]
    primary_key: list[str]


def resource_names(source: PackageSource) -> set[str]:
    """The tables a version declares; a descriptor that is not JSON is a version that cannot be read."""
    try:
        return {resource["name"] for resource in source.descriptor["resources"]}
    except (ValueError, KeyError, TypeError) as exc:
        raise SourceError(
            f"{source.label}: datapackage.json cannot be read as a package descriptor ({exc!r})"
        ) from None


def read_schema(source: PackageSource, name: str) -> dict:
    """A table's schema, inline or in its own file; unreadable JSON stops the diff with the version and table named."""
    try:
        return source.schema(name)
    except (ValueError, KeyError) as exc:
        raise SourceError(f"{source.label}: the schema of '{name}' cannot be read ({exc!r})") from None


def primary_key(schema: dict) -> list[str]:
    return field_list(schema.get("primaryKey"))


def read_table(source: PackageSource, name: str) -> Table:
    """The CSV as text cells through the csv module, so quoting and embedded newlines read as the writer meant."""
    try:
        text = source.table(name).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{source.label}: table '{name}' is not UTF-8 ({exc})") from None
    records = [row for row in csv.reader(io.StringIO(text, newline="")) if row]  # a blank line is no row
    header, rows = (records[0], records[1:]) if records else ([], [])
    return Table(source.label, name, header, rows, primary_key(read_schema(source, name)))


def keyed_rows(table: Table, key: list[str]) -> dict[Key, dict[str, str]]:
    """Rows by key; a ragged row or a repeated key makes matching impossible, so it is refused, not guessed."""
    missing = [column for column in key if column not in table.header]
    if missing:
        raise SourceError(f"{table.source}: table '{table.name}' has no column {missing} of its key {key}")
    keyed = {}
    for number, row in enumerate(table.rows, start=2):
        if len(row) != len(table.header):
            raise SourceError(
                f"{table.source}: table '{table.name}' row {number} has {len(row)} cells, "
                f"its header {len(table.header)}"
            )
        cells = dict(zip(table.header, row, strict=True))
        row_key = tuple(cells[column] for column in key)
        if row_key in keyed:
            raise SourceError(f"{table.source}: table '{table.name}' row {number} repeats the key {row_key}")
        keyed[row_key] = cells
    return keyed


# --- rows -----------------------------------------------------------------------------------------------------


@dataclass
class TableChange:
    """What happened to one table's rows and columns; keys are tuples of the key fields' cell text."""

    name: str
    key: list[str]  # the fields the rows were matched on
    status: str = "kept"  # "kept" (in both versions), "added" or "removed"
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)
    changed: list[tuple[Key, list[str]]] = field(default_factory=list)  # (key, columns whose text differs)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.columns_added or self.columns_removed)

    def column_counts(self) -> list[tuple[str, int]]:
        """How many changed rows each column changed in: most first, ties in the order the rows first name them."""
        counts = Counter(column for _, columns in self.changed for column in columns)
        first_seen = {column: i for i, column in enumerate(dict.fromkeys(c for _, cs in self.changed for c in cs))}
        return sorted(counts.items(), key=lambda item: (-item[1], first_seen[item[0]]))


def matching_key(old: Table, new: Table, shared: list[str]) -> list[str]:
    """Match rows on the new primary key, else the old one, when its fields are in both headers; otherwise on all
    shared columns (then an edited row shows as one removed and one added)."""
    for key in (new.primary_key, old.primary_key):
        if key and all(column in shared for column in key):
            return key
    return shared


def changed_rows(before: dict[Key, dict], after: dict[Key, dict], columns: list[str]) -> list[tuple[Key, list[str]]]:
    """Rows present in both versions whose text differs in a shared column, with those columns in header order."""
    changes = []
    for key in sorted(before.keys() & after.keys()):
        differing = [column for column in columns if before[key][column] != after[key][column]]
        if differing:
            changes.append((key, differing))
    return changes


def one_sided(table: Table, status: str) -> TableChange:
    """A table in only one version: every row and column of it is added (or removed)."""
    key = table.primary_key or table.header
    keys = sorted(keyed_rows(table, key))
    if status == "added":
        return TableChange(table.name, key, status, added=keys, columns_added=list(table.header))
    return TableChange(table.name, key, status, removed=keys, columns_removed=list(table.header))


def compare_table(old: Table, new: Table) -> TableChange:
    """One table in both versions: rows added, removed and changed by key, and columns added or removed."""
    shared = [column for column in new.header if column in old.header]
    key = matching_key(old, new, shared)
    before, after = keyed_rows(old, key), keyed_rows(new, key)
    return TableChange(
        new.name,
        key,
        "kept",
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        changed=changed_rows(before, after, shared),
        columns_added=[column for column in new.header if column not in old.header],
        columns_removed=[column for column in old.header if column not in new.header],
    )


def table_changes(old: PackageSource, new: PackageSource) -> dict[str, TableChange]:
    """Every table of either version, by name in sorted order, with what happened to its rows."""
    old_names, new_names = resource_names(old), resource_names(new)
    changes = {}
    for name in sorted(old_names | new_names):
        if name not in old_names:
            changes[name] = one_sided(read_table(new, name), "added")
        elif name not in new_names:
            changes[name] = one_sided(read_table(old, name), "removed")
        else:
            changes[name] = compare_table(read_table(old, name), read_table(new, name))
    return changes


# --- schemas --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaChange:
    """One change to a table's definition and the semver level it needs at least."""

    table: str
    field: str | None  # None: the table itself
    kind: str  # "field added", "type changed", "enum value removed", ...
    level: str  # "patch", "minor" or "major"
    detail: str = ""
    check: str = ""  # what only the maintainer can judge (a description's meaning)

    def describe(self) -> str:
        where = f"{self.table}.{self.field}" if self.field else self.table
        detail = f": {self.detail}" if self.detail else ""
        check = f" ({self.check})" if self.check else ""
        return f"{where}: {self.kind}{detail}{check}"

    def as_json(self) -> dict:
        return {
            "table": self.table,
            "field": self.field,
            "kind": self.kind,
            "level": self.level,
            "detail": self.detail,
            "check": self.check,
        }


def shown(value) -> str:
    """A schema value as JSON text, so strings, lists and numbers read unambiguously; absent is `none`."""
    return "none" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def property_change(table: str, field_name: str | None, name: str, old, new) -> SchemaChange:
    """A property outside the listed rules: a description may change meaning (flagged), documentation is a patch,
    anything else may change how values read, so it is at least minor."""
    if name == "description":
        return SchemaChange(table, field_name, "description changed", "patch", check=MEANING_CHECK)
    level = "patch" if name in DOC_PROPERTIES else "minor"
    return SchemaChange(table, field_name, f"{name} changed", level, f"{shown(old)} -> {shown(new)}")


def enum_changes(table: str, field_name: str, old: list | None, new: list | None) -> list[SchemaChange]:
    """A vocabulary value added is minor, removed is major; gaining, losing or reordering the list is minor."""
    if old is None or new is None:
        return (
            []
            if old == new
            else [SchemaChange(table, field_name, "constraint changed", "minor", f"enum {shown(old)} -> {shown(new)}")]
        )
    changes = [SchemaChange(table, field_name, "enum value removed", "major", shown(v)) for v in old if v not in new]
    changes += [SchemaChange(table, field_name, "enum value added", "minor", shown(v)) for v in new if v not in old]
    if not changes and old != new:
        changes.append(SchemaChange(table, field_name, "enum order changed", "minor", f"{shown(old)} -> {shown(new)}"))
    return changes


def constraint_changes(table: str, field_name: str, old: dict, new: dict) -> list[SchemaChange]:
    """Each constraint that differs; enum values get their own rules."""
    changes = enum_changes(table, field_name, old.get("enum"), new.get("enum"))
    for name in sorted((old.keys() | new.keys()) - {"enum"}):
        if old.get(name) != new.get(name):
            changes.append(
                SchemaChange(
                    table,
                    field_name,
                    "constraint changed",
                    "minor",
                    f"{name} {shown(old.get(name))} -> {shown(new.get(name))}",
                )
            )
    return changes


def field_changes(table: str, old: dict, new: dict) -> list[SchemaChange]:
    """One field in both versions: type and format (how the text reads: major), constraints, description."""
    name = new["name"]
    changes = []
    if old.get("type", "string") != new.get("type", "string"):
        changes.append(
            SchemaChange(
                table, name, "type changed", "major", f"{old.get('type', 'string')} -> {new.get('type', 'string')}"
            )
        )
    if old.get("format", "default") != new.get("format", "default"):
        changes.append(
            SchemaChange(
                table, name, "format changed", "major", f"{shown(old.get('format'))} -> {shown(new.get('format'))}"
            )
        )
    changes += constraint_changes(table, name, old.get("constraints", {}), new.get("constraints", {}))
    for prop in sorted((old.keys() | new.keys()) - {"name", "type", "format", "constraints"}):
        if old.get(prop) != new.get(prop):
            changes.append(property_change(table, name, prop, old.get(prop), new.get(prop)))
    return changes


def fields_changes(table: str, old: list[dict], new: list[dict]) -> list[SchemaChange]:
    """Fields by name: removed (major; a rename is a removal and an addition), added (minor), then each kept one."""
    old_by_name, new_by_name = {f["name"]: f for f in old}, {f["name"]: f for f in new}
    changes = [SchemaChange(table, name, "field removed", "major") for name in old_by_name if name not in new_by_name]
    changes += [
        SchemaChange(table, name, "field added", "minor", f.get("type", "string"))
        for name, f in new_by_name.items()
        if name not in old_by_name
    ]
    kept_old = [name for name in old_by_name if name in new_by_name]
    kept_new = [name for name in new_by_name if name in old_by_name]
    if kept_old != kept_new:
        changes.append(SchemaChange(table, None, "field order changed", "minor", ", ".join(kept_new)))
    for name in kept_new:
        changes += field_changes(table, old_by_name[name], new_by_name[name])
    return changes


def foreign_key_text(foreign_key: dict) -> str:
    fields, reference = foreign_key.get("fields"), foreign_key.get("reference", {})
    fields = [fields] if isinstance(fields, str) else fields
    ref_fields = reference.get("fields")
    ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
    return f"{', '.join(fields or [])} -> {reference.get('resource', '')}.{', '.join(ref_fields or [])}"


def foreign_key_changes(table: str, old: list[dict], new: list[dict]) -> list[SchemaChange]:
    """Foreign keys added or removed (a changed one is both): minor, as the rules for other constraints."""
    old_text, new_text = [foreign_key_text(k) for k in old], [foreign_key_text(k) for k in new]
    changes = [SchemaChange(table, None, "foreign key removed", "minor", t) for t in old_text if t not in new_text]
    return changes + [SchemaChange(table, None, "foreign key added", "minor", t) for t in new_text if t not in old_text]


def table_schema_changes(table: str, old: dict, new: dict) -> list[SchemaChange]:
    """One Table Schema against its previous version."""
    changes = []
    if primary_key(old) != primary_key(new):
        changes.append(
            SchemaChange(
                table, None, "primary key changed", "major", f"{shown(primary_key(old))} -> {shown(primary_key(new))}"
            )
        )
    changes += fields_changes(table, old.get("fields", []), new.get("fields", []))
    changes += foreign_key_changes(table, old.get("foreignKeys", []), new.get("foreignKeys", []))
    for prop in sorted((old.keys() | new.keys()) - {"fields", "primaryKey", "foreignKeys"}):
        if old.get(prop) != new.get(prop):
            changes.append(property_change(table, None, prop, old.get(prop), new.get(prop)))
    return changes


def resource_changes(table: str, old: dict, new: dict) -> list[SchemaChange]:
    """The descriptor's entry for a table, its schema and file statistics aside: a moved file breaks readers like a
    renamed table."""
    changes = []
    for prop in sorted((old.keys() | new.keys()) - {"name", "schema"} - STATS):
        if old.get(prop) == new.get(prop):
            continue
        if prop == "path":
            changes.append(
                SchemaChange(table, None, "path changed", "major", f"{shown(old.get(prop))} -> {shown(new.get(prop))}")
            )
        else:
            changes.append(property_change(table, None, prop, old.get(prop), new.get(prop)))
    return changes


def schema_changes(old: PackageSource, new: PackageSource) -> list[SchemaChange]:
    """Every change to the tables' definitions, table by table in sorted order, each with its level."""
    old_names, new_names = resource_names(old), resource_names(new)
    changes = []
    for name in sorted(old_names | new_names):
        if name not in old_names:
            changes.append(SchemaChange(name, None, "table added", "minor"))
        elif name not in new_names:
            changes.append(SchemaChange(name, None, "table removed", "major"))
        else:
            changes += resource_changes(name, old.resource(name), new.resource(name))
            changes += table_schema_changes(name, read_schema(old, name), read_schema(new, name))
    return changes


# --- the level ------------------------------------------------------------------------------------------------


def required_level(schema_changes: list[SchemaChange], table_changes: Mapping[str, TableChange]) -> str | None:
    """The smallest semver step covering every change; None when nothing changed. Any row added, removed or
    changed is at least a patch; a column the CSV lost or gained counts as its field would."""
    levels = [change.level for change in schema_changes]
    for table in table_changes.values():
        levels += ["major"] if table.columns_removed else []
        levels += ["minor"] if table.columns_added else []
        levels += ["patch"] if table.added or table.removed or table.changed else []
    return max(levels, key=LEVELS.index, default=None)


# --- reports --------------------------------------------------------------------------------------------------


@dataclass
class Comparison:
    """Two versions and every difference between them: what the text, JSON and Markdown reports show."""

    old: PackageSource
    new: PackageSource
    schema: list[SchemaChange]
    tables: dict[str, TableChange]

    @property
    def level(self) -> str | None:
        return required_level(self.schema, self.tables)

    @property
    def changed_tables(self) -> list[TableChange]:
        return [table for table in self.tables.values() if table.has_changes]


def compare(old: PackageSource, new: PackageSource) -> Comparison:
    """Schema and row differences together, so every report states the same facts."""
    return Comparison(old, new, schema_changes(old, new), table_changes(old, new))


def version_text(source: PackageSource) -> str:
    """How reports name a version: its number and where it was read."""
    return f"{source.version or 'unversioned'} ({source.label})"


def key_text(key: Key) -> str:
    """A key as people read it: the value alone, or the values of a composite key in parentheses."""
    return key[0] if len(key) == 1 else f"({', '.join(key)})"


def counts_text(table: TableChange) -> str:
    """`value_min (2), date_start (1)`: the columns changed rows changed in, most first."""
    return ", ".join(f"{column} ({count})" for column, count in table.column_counts())


def markdown(comparison: Comparison) -> str:
    """A CHANGELOG section: schema changes as bullets with their level, then a table of row counts."""
    lines = [f"### Compared with {version_text(comparison.old)}", ""]
    if comparison.level is None:
        return "\n".join(lines + ["No changes.", ""])
    if comparison.schema:
        lines += [f"- **{change.level}** {change.describe()}" for change in comparison.schema] + [""]
    rows = [t for t in comparison.changed_tables if t.added or t.removed or t.changed]
    if rows:
        lines += ["| table | added | removed | changed | changed columns |", "|---|---:|---:|---:|---|"]
        lines += [
            f"| {t.name} | {len(t.added)} | {len(t.removed)} | {len(t.changed)} | {counts_text(t) or '—'} |"
            for t in rows
        ] + [""]
    return "\n".join(lines)


def summary_markdown(old: PackageSource, new: PackageSource) -> str:
    """The diff summary the release command puts in a CHANGELOG entry."""
    return markdown(compare(old, new))


def listed(label: str, items: list[str], limit: int) -> list[str]:
    """At most `limit` lines of one kind, then how many were left out."""
    lines = [f"  {label} {item}" for item in items[:limit]]
    return lines + ([f"  … and {len(items) - limit} more {label.strip()}"] if len(items) > limit else [])


def table_text(table: TableChange, limit: int) -> list[str]:
    """One table's changes: counts, columns gained or lost, then the keys of each kind of row."""
    what = {"added": "table added: ", "removed": "table removed: "}.get(table.status, "")
    lines = [
        f"{table.name} (key {', '.join(table.key)}): {what}{len(table.added)} added, {len(table.removed)} "
        f"removed, {len(table.changed)} changed"
    ]
    if table.status == "kept":
        lines += [f"  columns added: {', '.join(table.columns_added)}"] if table.columns_added else []
        lines += [f"  columns removed: {', '.join(table.columns_removed)}"] if table.columns_removed else []
    lines += listed("added  ", [key_text(k) for k in table.added], limit)
    lines += listed("removed", [key_text(k) for k in table.removed], limit)
    lines += listed("changed", [f"{key_text(k)}: {', '.join(columns)}" for k, columns in table.changed], limit)
    return lines


def render_text(comparison: Comparison, limit: int = 10) -> str:
    """The command line's report: both versions, the level, schema changes, then table by table."""
    lines = [f"old: {version_text(comparison.old)}", f"new: {version_text(comparison.new)}"]
    if comparison.level is None:
        return "\n".join(lines + ["No changes."])
    lines.append(f"Required level: {comparison.level}")
    if comparison.schema:
        lines += ["", "Schema changes:"] + [f"  {c.level:<5}  {c.describe()}" for c in comparison.schema]
    for table in comparison.changed_tables:
        lines += [""] + table_text(table, limit)
    return "\n".join(lines)


def as_json(comparison: Comparison) -> dict:
    """The same facts for bots, every key listed; keys are lists of the key fields' cell text."""

    def source(s: PackageSource) -> dict:
        return {"label": s.label, "version": s.version}

    return {
        "old": source(comparison.old),
        "new": source(comparison.new),
        "level": comparison.level,
        "schema_changes": [change.as_json() for change in comparison.schema],
        "tables": {
            t.name: {
                "key": t.key,
                "status": t.status,
                "added": [list(k) for k in t.added],
                "removed": [list(k) for k in t.removed],
                "changed": [{"key": list(k), "columns": columns} for k, columns in t.changed],
                "changed_columns": dict(t.column_counts()),
                "columns_added": t.columns_added,
                "columns_removed": t.columns_removed,
            }
            for t in comparison.changed_tables
        },
    }


def render_json(comparison: Comparison) -> str:
    return json.dumps(as_json(comparison), ensure_ascii=False, indent=2)
