"""Reading hand-written YAML inputs (codings and registries) against their JSON Schemas, with line numbers."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from functools import cache
from pathlib import Path

import jsonschema
import referencing
import referencing.exceptions

from scripts.build import review
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.common.safety import remote_locations
from scripts.common.yamlfile import YamlError, key_path, line_at, load_yaml


def _no_retrieval(uri: str):
    """jsonschema fetches a `$ref` it does not hold (over the network, or from any file): never."""
    raise referencing.exceptions.NoSuchResource(uri)  # its one field, ref


def input_validator(layout: Layout, name: str, problems: ProblemList):
    """The validator of schemas/coding/<name>.schema.json, or None after reporting why the schema cannot be used:
    a pull request may change it too, so it must be valid JSON Schema, name no place outside itself, and never
    make jsonschema fetch anything."""
    path = layout.input_schemas / f"{name}.schema.json"
    stat = path.stat() if path.is_file() and not path.is_symlink() else None
    validator, why = _validator(str(path), stat.st_mtime_ns if stat else None, stat.st_size if stat else None)
    for rule, message, column, value in why:
        problems.add(layout.rel(path), rule, message, column=column, value=value)
    return validator


@cache
def _validator(path: str, mtime: int | None, size: int | None):
    if mtime is None:
        return None, [("schema-invalid", "the JSON Schema is missing; restore it from git", None, None)]
    try:
        schema = json.loads(Path(path).read_bytes().decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        return None, [
            (
                "schema-invalid",
                f"the JSON Schema cannot be read as UTF-8 JSON ({str(exc)[:120]}); restore "
                "it from git and edit it again",
                None,
                None,
            )
        ]
    found = ProblemList()
    if not isinstance(schema, dict) or remote_locations(schema, path, found):
        return None, [(p.rule, p.message, p.column, p.value) for p in found] or [
            ("schema-invalid", "a JSON Schema is an object", None, None)
        ]
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as exc:
        return None, [
            (
                "schema-invalid",
                f"not a valid JSON Schema: {exc.message[:200]}",
                key_path(exc.absolute_path) or None,
                None,
            )
        ]
    # referencing's stubs declare its attrs classes with their own __dataclass_transform__, which mypy does not
    # read: it sees no fields, so no `retrieve`
    registry = referencing.Registry(retrieve=_no_retrieval)  # type: ignore[call-arg]
    return jsonschema.Draft202012Validator(schema, registry=registry), []


def schema_errors(validator, document, rel_schema: str, problems: ProblemList) -> list | None:
    """The errors of the document, or None after reporting a schema that cannot be followed ($ref to nothing)."""
    try:
        return list(validator.iter_errors(document))
    except referencing.exceptions.Unresolvable as exc:  # jsonschema's wrapper of it too
        problems.add(
            rel_schema,
            "schema-invalid",
            f"a $ref of the JSON Schema names nothing it holds ({str(exc).splitlines()[0][:120]}); correct it",
            column=None,
        )
        return None


# What each pattern of schemas/coding/ asks for, in words (the pattern alone tells a coder little).
PATTERN_WORDS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case letters, digits and single hyphens",
    "^[A-Z]{3}$": "three capital letters: an ISO 3166-1 alpha-3 code such as AZE",
    "^[a-z_]+$": "lower-case letters and underscores",
    "^https?://[^\\s]+$": "a web address starting with http:// or https://, without spaces",
}


def _message(error) -> str:
    schema, instance = error.schema, error.instance
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        parts = []
        for key in sorted(set(instance) - set(allowed), key=str):
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            parts.append(f"unknown key '{key}'{hint}")
        return "; ".join(parts) + f"; allowed keys: {', '.join(allowed)}"
    if error.validator == "required":
        missing = [k for k in schema["required"] if k not in instance]
        return f"missing required key(s): {', '.join(missing)}"
    if error.validator == "enum":
        return f"'{instance}' is not an allowed value; use one of: {', '.join(map(str, schema['enum']))}"
    if error.validator == "pattern":
        words = PATTERN_WORDS.get(schema["pattern"])
        return f"'{instance}' does not fit the pattern {schema['pattern']}" + (f" ({words})" if words else "")
    if error.validator == "minLength":
        return "the value is empty; write it, or leave the key out"
    if error.validator == "minimum":
        return f"{instance!r} is less than {schema['minimum']}; give {schema['minimum']} or more"
    if error.validator == "uniqueItems":
        counted = Counter(json.dumps(item, sort_keys=True, default=str) for item in instance)
        repeated = sorted(
            {str(item) for item in instance if counted[json.dumps(item, sort_keys=True, default=str)] > 1}
        )[:10]
        return f"the list repeats {', '.join(map(repr, repeated))}; list each value once"
    if error.validator == "type" and instance is None and not error.absolute_path:
        return "the file is empty: " + (
            "a coding is a mapping with mentions, events, statements and claims (`python "
            "-m scripts add` writes one to start from)"
            if schema["type"] == "object"
            else "it holds a list of entries"
        )
    if error.validator == "type":
        expected = schema["type"]
        if expected == "string" and isinstance(instance, (int, float, bool)) and error.absolute_path:
            key = error.absolute_path[-1]
            return (  # YAML reads `value_text: 4` as a number, `yes` as true
                f"expected text, got {'a number' if not isinstance(instance, bool) else 'true or false'} "
                f'({instance!r}): put the words in quotes as the article writes them, e.g. {key}: "4"; the '
                "file's other checks run once it reads"
            )
        shape = {"array": "a list", "object": "a mapping"}.get(expected, expected)
        got = f"{type(instance).__name__}: {instance!r}"
        return f"expected {shape}, got {got}; the file's other checks run once it reads"
    return error.message


def load_input(layout: Layout, path: Path, schema_name: str, problems: ProblemList):
    """The parsed document, or None after recording why it cannot be read."""
    rel = layout.rel(path)
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        problems.add(rel, "coding-encoding", "the file is not valid UTF-8; re-save it as UTF-8")
        return None
    try:
        document = load_yaml(text)
    except YamlError as exc:
        problems.add(rel, exc.rule, exc.message, line=exc.line)
        return None
    validator = input_validator(layout, schema_name, problems)
    if validator is None:
        return None
    held = review.find(document)
    for steps, value in held:
        asked = _asked(value)
        answer = "write the answer in place of the TODO" + (
            ""
            if _required(validator.schema, steps) or "delete this line" in asked
            else ", or delete the line where the article does not say"
        )
        problems.add(
            rel,
            "draft-placeholder",
            f"a placeholder left for the reviewer: {asked} ({answer})",
            line=line_at(document, steps),
            column=key_path(steps),
        )
    # a placeholder stands for a text: where the schema wants a text, it is reported as a placeholder only; where it
    # wants a list, a mapping or a number, it is the wrong type too, and the document cannot be read on
    stands_for_text = [steps for steps, _ in held]
    found = schema_errors(
        validator, document, layout.rel(layout.input_schemas / f"{schema_name}.schema.json"), problems
    )
    if found is None:
        return None
    errors = sorted(
        (e for e in found if [*e.absolute_path] not in stands_for_text or e.validator == "type"),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    for error in errors:
        path_steps = list(error.absolute_path)
        if error.validator == "additionalProperties":  # point at the first unknown key itself
            unknown = sorted((k for k in error.instance if k not in error.schema.get("properties", {})), key=str)
            path_steps += unknown[:1]
        problems.add(
            rel,
            f"coding-{error.validator}",
            _message(error),
            line=line_at(document, path_steps),
            column=key_path(path_steps) or None,
            value=None if isinstance(error.instance, (dict, list)) else error.instance,
        )
    if errors:
        return None
    review.clear(document, [steps for steps, _ in held if not _required(validator.schema, steps)])
    return document


def _asked(value: str) -> str:
    return value.strip().removeprefix(review.PREFIX).strip() or "what belongs here"


def _required(schema: dict, steps: list) -> bool:
    """Whether the key at the end of steps is one the schema requires (a placeholder there stays as text, since
    the code after the checks reads it; elsewhere it is read as absent)."""
    if not steps:
        return True  # the document itself
    for step in steps[:-1]:
        schema = schema.get("items", {}) if isinstance(step, int) else schema.get("properties", {}).get(step, {})
    return steps[-1] in schema.get("required", [])
