"""Every rule of the tables, applied to their bytes: the build runs it on the tables it is about to write,
validation on the tables committed, so a table that breaks a rule never reaches datapackage/."""
from __future__ import annotations

from typing import Mapping

import pandas as pd
import pandera.pandas as pa

from scripts.articles import ArticleError, read_article
from scripts.descriptor import is_inside
from scripts.pandera_schemas import dataframe_schema
from scripts.paths import Layout
from scripts.problems import ProblemList
from scripts.rules import Context, table_rules
from scripts.schemas import enum_values, field_list, table_schema
from scripts.tables import read_table

PANDERA_RULES = {"not_nullable": ("required", "a value is required; fill in the cell"),
                 "field_uniqueness": ("unique", "values must be unique in this column; change or remove the repeated one"),
                 "multiple_fields_uniqueness": ("primary-key", "the primary key must be unique; another row has the "
                                                "same key: remove the duplicate row or give it its own id"),
                 "dtype": ("type", "the column has the wrong type")}
REGISTRY_OF = {"actors": "seeds/registry/actors.yaml", "events": "seeds/registry/events.yaml",
               "event_types": "seeds/registry/event_types.yaml"}


def as_written(value) -> str | None:
    """A parsed cell back as the CSV has it: dates as YYYY-MM-DD, missing as None."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def check_tables(layout: Layout, resources: list[dict], contents: Mapping[str, bytes | None],
                 problems: ProblemList) -> None:
    """Read each table (contents by resource name; None when the file is missing) and check every rule."""
    frames = {}
    for resource in resources:
        data = contents.get(resource["name"])
        if data is None:
            problems.add(resource["path"], "table-missing", "the table does not exist; run `python -m scripts build`")
            continue
        frames[resource["name"]] = read_table(data, table_schema(layout, resource["name"]), resource["path"], problems)
    context = article_context(layout, frames.get("articles"), problems)
    for resource in resources:
        frame = frames.get(resource["name"])
        if frame is not None:
            schema = table_schema(layout, resource["name"])
            check_frame(frame, resource, schema, context, problems)
            check_foreign_keys(frame, resource, schema, frames, problems)
    check_vocabulary(layout, frames.get("event_types"), problems)


def article_context(layout: Layout, articles: pd.DataFrame | None, problems: ProblemList) -> Context:
    """Article texts for the evidence rule, after checking each file against its row (sha256, length)."""
    texts, published = {}, {}
    if articles is None:
        return Context(texts, published)
    for index, row in articles.iterrows():
        line, path_text = int(index) + 2, row["path"]
        if pd.isna(path_text) or not is_inside(path_text) or not (layout.root / path_text).is_file():
            problems.add("datapackage/articles.csv", "article-file", "the article file does not exist in the "
                         "repository; the path must be seeds/<article_id>.txt", row=line, column="path", value=path_text)
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
            problems.add("datapackage/articles.csv", "article-length", f"{path_text} has {article.n_chars} characters; "
                         "rebuild with `python -m scripts build`", row=line, column="n_chars", value=row["n_chars"])
        texts[row["article_id"]] = article.text
        if not pd.isna(row["published_date"]):
            published[row["article_id"]] = row["published_date"].date()
    return Context(texts, published)


def check_frame(frame, resource, schema, context, problems):
    """pandera with the schema's columns and the project's row rules; each failure once, at its row."""
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
            values = ", ".join(f"{c}={as_written(frame.at[case.index, c]) or ''}" for c in columns) if row else None
            name, message = (rule.name, rule.message) if rule else PANDERA_RULES[check]
            problems.add(rel, name, message, row=row, column=", ".join(columns), value=values, engine="pandera")
            continue
        if (row, case.column) in skip and check.startswith("not_nullable"):
            continue
        name, message = _column_rule(check)
        problems.add(rel, name, message, row=row, column=case.column, value=as_written(case.failure_case),
                     engine="pandera")


def _column_rule(check: str) -> tuple[str, str]:
    for key, (name, message) in PANDERA_RULES.items():
        if check.startswith(key):
            return name, message
    name, _, message = check.partition(": ")
    return (name, message) if message else ("check", check)


def check_foreign_keys(frame, resource, schema, frames, problems) -> None:
    """Each reference names a row that exists (Table Schema foreignKeys; empty references are allowed)."""
    for fk in schema.get("foreignKeys", []):
        fields, reference = field_list(fk["fields"]), fk["reference"]
        target_name = reference["resource"] or resource["name"]
        target = frames.get(target_name)
        if target is None:
            continue  # the missing or unreadable table is already a problem of its own
        target_fields = field_list(reference["fields"])
        known = set(target[target_fields].dropna().astype(str).itertuples(index=False, name=None))
        present = frame[fields].notna().all(axis=1)
        values = frame.loc[present, fields].astype(str).itertuples(index=True, name=None)
        where = REGISTRY_OF.get(target_name, f"datapackage/{target_name}.csv")
        for index, *key in values:
            if tuple(key) not in known:
                problems.add(resource["path"], "foreign-key",
                             f"{', '.join(fields)} must be a {', '.join(target_fields)} of table '{target_name}'; "
                             f"use an existing one or add it to {where}", row=int(index) + 2,
                             column=", ".join(fields), value=", ".join(key))


def check_vocabulary(layout: Layout, event_types: pd.DataFrame | None, problems: ProblemList) -> None:
    """The enum of events.event_type and the event_types vocabulary must list the same values."""
    if event_types is None:
        return
    declared = set(enum_values(table_schema(layout, "events"), "event_type"))
    listed = set(event_types["event_type"].dropna())
    for value in sorted(declared - listed):
        problems.add("schemas/events.json", "vocabulary", f"event type '{value}' is in the enum but not in "
                     "seeds/registry/event_types.yaml; add it there or remove it from the enum",
                     column="event_type", value=value)
    for value in sorted(listed - declared):
        problems.add("seeds/registry/event_types.yaml", "vocabulary", f"event type '{value}' is not in the enum of "
                     "schemas/events.json; add it to the enum or remove it", column="event_type", value=value)
