"""Validation: the descriptor, every table (pandera, with the project's row rules), freshness against a
build, and frictionless; every failure is collected, none stops the others."""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pandas as pd
import pandera.pandas as pa

from scripts.articles import ArticleError, read_article
from scripts.build import build_outputs
from scripts.pandera_schemas import dataframe_schema
from scripts.paths import Layout
from scripts.problems import BuildError, ProblemList
from scripts.rules import Context, table_rules
from scripts.schemas import enum_values, table_schema
from scripts.tables import read_table

PANDERA_RULES = {"not_nullable": ("required", "a value is required"),
                 "field_uniqueness": ("unique", "values must be unique in this column"),
                 "multiple_fields_uniqueness": ("primary-key", "the primary key must be unique"),
                 "dtype": ("type", "the column has the wrong type")}


def validate_package(layout: Layout, run_frictionless: bool = True) -> ProblemList:
    problems = ProblemList()
    resources = check_descriptor(layout, problems)
    frames = {}
    for resource in resources:
        path = layout.root / resource["path"]
        if not path.exists():
            problems.add(resource["path"], "table-missing", "the table does not exist; run `python -m scripts build`")
            continue
        frames[resource["name"]] = read_table(path, table_schema(layout, resource["name"]), resource["path"], problems)
    context = article_context(layout, frames.get("articles"), problems)
    for resource in resources:
        frame = frames.get(resource["name"])
        if frame is not None:
            check_frame(frame, resource, table_schema(layout, resource["name"]), context, problems)
    check_vocabulary(layout, frames.get("event_types"), problems)
    check_fresh(layout, problems)
    if run_frictionless:
        frictionless_problems(layout, problems)
    return problems


def _safe(path_text: str) -> bool:
    path = PurePosixPath(path_text)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in path_text and ":" not in path_text


def check_descriptor(layout: Layout, problems: ProblemList) -> list[dict]:
    """The resources that are safe to read; each unsafe or malformed one is a problem."""
    rel = layout.rel(layout.descriptor)
    try:
        package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.add(rel, "descriptor-invalid", f"datapackage.json cannot be read as JSON: {exc}")
        return []
    for key in ("name", "title", "version", "licenses", "sources", "contributors", "resources"):
        if not package.get(key):
            problems.add(rel, "descriptor-property", f"the package needs a non-empty '{key}'", column=key)
    safe, names = [], set()
    for i, resource in enumerate(package.get("resources", [])):
        where = f"resources[{i}]"
        name = resource.get("name", where)
        names.add(name)
        ok = True
        for key in ("path", "schema"):
            value = resource.get(key)
            if not isinstance(value, str) or not _safe(value):
                problems.add(rel, "resource-path-unsafe", f"'{key}' must be a relative path inside the repository "
                             "(no leading '/', no '..')", column=f"{where}.{key}", value=value)
                ok = False
        if resource.get("profile") != "tabular-data-resource":
            problems.add(rel, "resource-profile", "each resource needs \"profile\": \"tabular-data-resource\" "
                         "(the R frictionless package refuses others)", column=f"{where}.profile", value=resource.get("profile"))
        if resource.get("encoding") != "utf-8":
            problems.add(rel, "resource-encoding", "each resource needs \"encoding\": \"utf-8\"",
                         column=f"{where}.encoding", value=resource.get("encoding"))
        if ok and resource["schema"] != f"schemas/{name}.json":
            problems.add(rel, "resource-schema", f"the schema of '{name}' must be schemas/{name}.json",
                         column=f"{where}.schema", value=resource["schema"])
            ok = False
        if ok and not (layout.root / resource["schema"]).exists():
            problems.add(rel, "resource-schema", f"the schema file {resource['schema']} does not exist",
                         column=f"{where}.schema", value=resource["schema"])
            ok = False
        if ok:
            safe.append(resource)
    for schema_file in sorted(layout.schemas.glob("*.json")):
        if schema_file.stem not in names:
            problems.add(rel, "resource-missing", f"schemas/{schema_file.name} has no resource in datapackage.json",
                         value=schema_file.stem)
    return safe


def article_context(layout: Layout, articles: pd.DataFrame | None, problems: ProblemList) -> Context:
    """Article texts for the evidence rule, after checking each file against its row (sha256, length)."""
    texts, published = {}, {}
    if articles is None:
        return Context(texts, published)
    for index, row in articles.iterrows():
        line, path_text = int(index) + 2, row["path"]
        if pd.isna(path_text) or not _safe(path_text) or not (layout.root / path_text).is_file():
            problems.add("datapackage/articles.csv", "article-file", "the article file does not exist",
                         row=line, column="path", value=path_text)
            continue
        try:
            article = read_article(layout.root / path_text)
        except ArticleError as exc:
            problems.add(path_text, exc.rule, exc.message, value=exc.value)
            continue
        if article.sha256 != row["sha256"]:
            problems.add("datapackage/articles.csv", "article-sha256",
                         f"{path_text} has changed since it was coded (its sha256 is {article.sha256}); "
                         "articles must never be edited: restore the file, or recode it and rebuild",
                         row=line, column="sha256", value=row["sha256"])
        if not pd.isna(row["n_chars"]) and article.n_chars != row["n_chars"]:
            problems.add("datapackage/articles.csv", "article-length", f"{path_text} has {article.n_chars} characters",
                         row=line, column="n_chars", value=row["n_chars"])
        texts[row["article_id"]] = article.text
        if not pd.isna(row["published_date"]):
            published[row["article_id"]] = row["published_date"].date()
    return Context(texts, published)


def check_frame(frame, resource, schema, context, problems):
    rules = table_rules(resource["name"], context)
    by_error = {f"{r.name}: {r.message}": r for r in rules}
    try:
        dataframe_schema(schema, rules).validate(frame, lazy=True)
        return
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    rel = resource["path"]
    reported = set()
    skip = frame.attrs.get("type_errors", set())
    for case in cases.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index) + 2
        check = str(case.check)
        rule = by_error.get(check)
        if rule is not None or check == "multiple_fields_uniqueness":
            if (row, check) in reported or any((row, c) in skip for c in (rule.columns if rule else ())):
                continue
            reported.add((row, check))
            columns = rule.columns if rule else tuple(schema["primaryKey"])
            values = ", ".join(f"{c}={frame.at[case.index, c]!s}" for c in columns) if row else None
            name, message = (rule.name, rule.message) if rule else PANDERA_RULES[check]
            problems.add(rel, name, message, row=row, column=", ".join(columns), value=values, engine="pandera")
            continue
        if (row, case.column) in skip and check.startswith("not_nullable"):
            continue
        name, message = _column_rule(check)
        problems.add(rel, name, message, row=row, column=case.column, value=case.failure_case, engine="pandera")


def _column_rule(check: str) -> tuple[str, str]:
    for key, (name, message) in PANDERA_RULES.items():
        if check.startswith(key):
            return name, message
    name, _, message = check.partition(": ")
    return (name, message) if message else ("check", check)


def check_vocabulary(layout: Layout, event_types: pd.DataFrame | None, problems: ProblemList) -> None:
    """The enum of events.event_type and the event_types vocabulary must list the same values."""
    if event_types is None:
        return
    declared = set(enum_values(table_schema(layout, "events"), "event_type"))
    listed = set(event_types["event_type"].dropna())
    for value in sorted(declared - listed):
        problems.add("schemas/events.json", "vocabulary", f"event type '{value}' is in the enum but not in "
                     "seeds/registry/event_types.yaml", column="event_type", value=value)
    for value in sorted(listed - declared):
        problems.add("seeds/registry/event_types.yaml", "vocabulary", f"event type '{value}' is not in the enum of "
                     "schemas/events.json", column="event_type", value=value)


def check_fresh(layout: Layout, problems: ProblemList) -> None:
    """The committed tables, descriptor and codebook must be exactly what a fresh build writes."""
    try:
        outputs = build_outputs(layout)
    except BuildError as exc:
        problems.extend(exc.problems)
        return
    for path, data in outputs.items():
        rel = layout.rel(path)
        current = path.read_bytes() if path.exists() else None
        if current == data:
            continue
        new_lines, old_lines = data.decode("utf-8").split("\n"), (current or b"").decode("utf-8", "replace").split("\n")
        line = next((i + 1 for i, (a, b) in enumerate(zip(new_lines, old_lines)) if a != b),
                    min(len(new_lines), len(old_lines)) + 1)
        problems.add(rel, "stale", "differs from a fresh build (hand-edited or not rebuilt); run "
                     "`python -m scripts build` and commit the result; first difference at this line",
                     line=line, value=old_lines[line - 1] if line <= len(old_lines) else "<end of file>")


def frictionless_problems(layout: Layout, problems: ProblemList) -> None:
    from frictionless import FrictionlessException, Package

    try:
        report = Package(str(layout.descriptor)).validate()
    except FrictionlessException as exc:
        problems.add(layout.rel(layout.descriptor), "frictionless", str(exc.error.message), engine="frictionless")
        return
    except Exception as exc:  # noqa: BLE001 - any failure to load is reported, not raised
        problems.add(layout.rel(layout.descriptor), "frictionless", str(exc), engine="frictionless")
        return
    for error in report.errors:
        problems.add(layout.rel(layout.descriptor), error.type, error.message, engine="frictionless")
    for task in report.tasks:
        for error in task.errors:
            problems.add(task.place, error.type, error.message, row=getattr(error, "row_number", None),
                         column=getattr(error, "field_name", None), value=getattr(error, "cell", None),
                         engine="frictionless")
