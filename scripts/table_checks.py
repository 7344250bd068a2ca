"""Every rule of the tables, applied to their bytes: the build runs it on the tables it is about to write,
validation on the tables committed, so a table that breaks a rule never reaches datapackage/.

Engines: pandera (polars backend) checks each column against its Table Schema (type, required, unique, enum,
pattern, bounds, primary key); the project checks what Table Schema cannot state (rules across columns,
evidence against the article files, foreign keys with messages that say where to add the missing row)."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Mapping

import pandera.polars as pa
import polars as pl

from scripts.articles import ArticleError, article_from_bytes
from scripts.corpus import Corpus
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
READERS = 4  # threads reading article files
REGISTRY_OF = {"actors": "seeds/registry/actors.yaml", "events": "seeds/registry/events.yaml",
               "event_types": "seeds/registry/event_types.yaml"}


def as_written(value) -> str | None:
    """A cell back as the CSV has it: dates as YYYY-MM-DD, missing as None."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def check_tables(layout: Layout, resources: list[dict], contents: Mapping[str, bytes | Path | None],
                 problems: ProblemList) -> dict[str, int]:
    """Read each table (by resource name: its bytes, the path of its file, or None when it is missing) and
    check every rule; the number of rows of each table read.

    One table is in memory at a time: tables are checked after the tables they refer to, and each keeps only
    the columns that other tables' foreign keys point at."""
    schemas = {r["name"]: table_schema(layout, r["name"]) for r in resources}
    kept, heights = {}, {}
    context = article_context(layout, None, problems)  # until the articles are read; no table before them needs it
    for resource in _referenced_first(resources, schemas):
        name, source = resource["name"], contents.get(resource["name"])
        if source is None or (isinstance(source, Path) and not source.is_file()):
            problems.add(resource["path"], "table-missing", "the table does not exist; run `python -m scripts build`")
            continue
        read = read_table(source, schemas[name], resource["path"], problems)
        if read is None:
            continue
        frame, type_errors = read
        if name == "articles":
            context = article_context(layout, frame, problems)
        heights[name] = frame.height
        check_frame(frame, resource, schemas[name], context, type_errors, problems)
        check_foreign_keys(frame, resource, schemas[name], {**kept, name: frame}, problems)
        if name == "event_types":
            check_vocabulary(layout, frame, problems)
        kept[name] = frame.select(_referenced_columns(name, schemas))
    return heights


def _fk_targets(name: str, schema: dict) -> set[str]:
    return {fk["reference"]["resource"] or name for fk in schema.get("foreignKeys", [])}


def _referenced_first(resources: list[dict], schemas: dict) -> list[dict]:
    """Each table after the tables it refers to (so the articles come before every table with evidence)."""
    ordered, pending = [], list(resources)
    while pending:
        names = {r["name"] for r in pending}
        ready = next((r for r in pending if not (_fk_targets(r["name"], schemas[r["name"]]) - {r["name"]}) & names),
                     pending[0])  # a cycle of references: take the first, its keys are checked where available
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def _referenced_columns(name: str, schemas: dict) -> list[str]:
    columns = []
    for source, schema in schemas.items():
        for fk in schema.get("foreignKeys", []):
            if (fk["reference"]["resource"] or source) == name:
                columns += [c for c in field_list(fk["reference"]["fields"]) if c not in columns]
    return columns


def article_context(layout: Layout, articles: pl.DataFrame | None, problems: ProblemList) -> Context:
    """Article texts for the evidence rule, after checking each file against its row (sha256, length)."""
    corpus, published = Corpus(), {"article_id": [], "published_date": []}
    rows = articles.select("article_id", "path", "sha256", "n_chars", "published_date").iter_rows() \
        if articles is not None else []
    root, rows = str(layout.root), list(rows)
    safe = [os.path.join(root, r[1]) if r[1] is not None and is_inside(r[1]) else None for r in rows]
    with ThreadPoolExecutor(max_workers=READERS) as pool:  # file reads wait on the disk, not the interpreter
        contents = pool.map(_read_file, safe, chunksize=256)
        for index, ((article_id, path_text, sha256, n_chars, published_date), data) in enumerate(zip(rows, contents)):
            _add_article(corpus, published, index + 2, article_id, path_text, sha256, n_chars, published_date, data,
                         problems)
    return Context(corpus.freeze(), pl.DataFrame(published, schema={"article_id": pl.String,
                                                                    "published_date": pl.Date}))


def _add_article(corpus, published, line, article_id, path_text, sha256, n_chars, published_date, data, problems):
    """Check one article file against its row of articles.csv, and add its text to the corpus."""
    if data is None:
        problems.add("datapackage/articles.csv", "article-file", "the article file does not exist in the "
                     "repository; the path must be seeds/<article_id>.txt", row=line, column="path", value=path_text)
        return
    try:
        article = article_from_bytes(PurePosixPath(path_text), data)
    except ArticleError as exc:
        problems.add(path_text, exc.rule, exc.message, value=exc.value)
        return
    if article.sha256 != sha256:
        problems.add("datapackage/articles.csv", "article-sha256",
                     f"{path_text} has changed since it was coded (its sha256 is {article.sha256}); "
                     "articles must never be edited: restore the file, or recode it and rebuild",
                     row=line, column="sha256", value=sha256)
    if n_chars is not None and article.n_chars != n_chars:
        problems.add("datapackage/articles.csv", "article-length", f"{path_text} has {article.n_chars} characters; "
                     "rebuild with `python -m scripts build`", row=line, column="n_chars", value=n_chars)
    if article_id is not None:
        corpus.append_article(article_id, article.data, article.n_chars)
        if published_date is not None:
            published["article_id"].append(article_id)
            published["published_date"].append(published_date)


def _read_file(path: str | None) -> bytes | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _pandera_failures(frame: pl.DataFrame, schema: dict) -> pl.DataFrame | None:
    try:
        dataframe_schema(schema).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases
    return None


def _values(frame: pl.DataFrame, index: int, columns) -> str:
    return ", ".join(f"{c}={as_written(frame[c][index]) or ''}" for c in columns)


def check_frame(frame, resource, schema, context, type_errors, problems: ProblemList) -> None:
    """pandera with the schema's columns, then the project's row rules; each failure once, at its row."""
    rel = resource["path"]
    failures = _pandera_failures(frame, schema)
    reported = set()
    for case in failures.iter_rows(named=True) if failures is not None else []:
        index = case["index"]
        row = None if index is None else int(index) + 2
        check = str(case["check"])
        if check == "multiple_fields_uniqueness":
            columns = tuple(schema["primaryKey"])
            if (row, check) in reported:
                continue
            reported.add((row, check))
            name, message = PANDERA_RULES[check]
            problems.add(rel, name, message, row=row, column=", ".join(columns),
                         value=_values(frame, index, columns) if row else None, engine="pandera")
            continue
        if (row, case["column"]) in type_errors and check.startswith("not_nullable"):
            continue  # the cell did not parse as its type: reported once, as a type problem
        name, message = _column_rule(check)
        problems.add(rel, name, message, row=row, column=case["column"], value=as_written(case["failure_case"]),
                     engine="pandera")
    for rule in table_rules(resource["name"], context):
        name, message, passed = rule.name, rule.message, rule.test(frame)
        for index in (~passed).arg_true().to_list():
            row = index + 2
            if any((row, c) in type_errors for c in rule.columns):
                continue
            problems.add(rel, name, message, row=row, column=", ".join(rule.columns),
                         value=_values(frame, index, rule.columns))


def _column_rule(check: str) -> tuple[str, str]:
    for key, (name, message) in PANDERA_RULES.items():
        if check.startswith(key):
            return name, message
    name, _, message = check.partition(": ")
    return (name, message) if message else ("check", check)


def check_foreign_keys(frame, resource, schema, frames, problems: ProblemList) -> None:
    """Each reference names a row that exists (Table Schema foreignKeys; empty references are allowed)."""
    for fk in schema.get("foreignKeys", []):
        fields, reference = field_list(fk["fields"]), fk["reference"]
        target_name = reference["resource"] or resource["name"]
        target = frames.get(target_name)
        if target is None:
            continue  # the missing or unreadable table is already a problem of its own
        target_fields = field_list(reference["fields"])
        known = target.select([pl.col(t).cast(pl.String).alias(f) for t, f in zip(target_fields, fields)]).drop_nulls()
        present = frame.select(fields).with_row_index("_index").drop_nulls(fields)
        present = present.with_columns([pl.col(f).cast(pl.String) for f in fields])
        missing = present.join(known.unique(), on=fields, how="anti", maintain_order="left")
        where = REGISTRY_OF.get(target_name, f"datapackage/{target_name}.csv")
        for index, *key in missing.iter_rows():
            problems.add(resource["path"], "foreign-key",
                         f"{', '.join(fields)} must be a {', '.join(target_fields)} of table '{target_name}'; "
                         f"use an existing one or add it to {where}", row=int(index) + 2, column=", ".join(fields),
                         value=", ".join(key))


def check_vocabulary(layout: Layout, event_types: pl.DataFrame | None, problems: ProblemList) -> None:
    """The enum of events.event_type and the event_types vocabulary must list the same values."""
    if event_types is None:
        return
    declared = set(enum_values(table_schema(layout, "events"), "event_type"))
    listed = set(event_types["event_type"].drop_nulls().to_list())
    for value in sorted(declared - listed):
        problems.add("schemas/events.json", "vocabulary", f"event type '{value}' is in the enum but not in "
                     "seeds/registry/event_types.yaml; add it there or remove it from the enum",
                     column="event_type", value=value)
    for value in sorted(listed - declared):
        problems.add("seeds/registry/event_types.yaml", "vocabulary", f"event type '{value}' is not in the enum of "
                     "schemas/events.json; add it to the enum or remove it", column="event_type", value=value)
