"""Every rule of the tables, applied to their bytes: the build runs it on the tables it is about to write,
validation on the tables committed, so a table that breaks a rule never reaches datapackage/.

Engines: pandera (polars backend) checks each column against its Table Schema (type, required, unique, enum,
pattern, bounds, primary key); the project checks what Table Schema cannot state (rules across columns,
evidence against the article files, foreign keys with messages that say where to add the missing row)."""

from __future__ import annotations

import ctypes
import hashlib
import os
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandera.polars as pa
import polars as pl

from scripts.checks.corpus import Corpus
from scripts.checks.csv_tables import Batch, read_batches
from scripts.checks.key_index import KeyIndex, row_hashes
from scripts.checks.pandera_schemas import column_schema, key_columns, key_schema, passes, unique_groups
from scripts.checks.row_rules import Context, needs_articles, table_rules
from scripts.common.paths import Layout, is_inside
from scripts.common.problems import ProblemList
from scripts.common.schemas import enum_values, field_list, field_names, table_schema
from scripts.reading.articles import ArticleError, check_size, decode_article, header_date

PANDERA_RULES = {
    "not_nullable": ("required", "a value is required; fill in the cell"),
    "field_uniqueness": ("unique", "values must be unique in this column; change or remove the repeated one"),
    "multiple_fields_uniqueness": (
        "primary-key",
        "the primary key must be unique; another row has the same key: remove the duplicate row or give it its own id",
    ),
    "dtype": ("type", "the column has the wrong type"),
}
FIRST_READ = 1 << 16  # bytes of an article file read at once; a longer one is read on
REGISTRY_OF = {
    "actors": "seeds/registry/actors.yaml",
    "events": "seeds/registry/events.yaml",
    "event_types": "seeds/registry/event_types.yaml",
}


def as_written(value) -> str | None:
    """A cell back as the CSV has it: dates as YYYY-MM-DD, missing as None."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def check_tables(
    layout: Layout,
    resources: list[dict],
    contents: Mapping[str, bytes | Path | None],
    problems: ProblemList,
    beside: Callable[[], None] | None = None,
) -> dict[str, int]:
    """Read each table (by resource name: its bytes, the path of its file, or None when it is missing) and
    check every rule; the number of rows of each table read. beside: other work, run on a thread once the
    article texts are let go, so that its memory never adds to theirs.

    Memory stays bounded whatever the size: each table is read in batches of rows, checked batch by batch, and
    only its key columns are gathered for the checks over the whole table (unique, primary key, references to
    itself). Tables are checked after the tables they refer to, and keep only the columns others point at."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        work = _StartedOnce(pool, beside)
        heights = _check_in_order(layout, resources, contents, problems, work.start)
        work.wait()  # started here if no table was left to check once the texts were let go
    return heights


class _StartedOnce:
    """Work started on a thread at the first call of start, and only then."""

    def __init__(self, pool: ThreadPoolExecutor, work: Callable[[], None] | None):
        self.pool, self.work = pool, work
        self.future: Future[None] | None = None

    def start(self) -> None:
        if self.future is None and self.work is not None:
            self.future = self.pool.submit(self.work)

    def wait(self) -> None:
        self.start()
        if self.future is not None:
            self.future.result()


def _check_in_order(layout, resources, contents, problems, texts_let_go: Callable[[], None]) -> dict[str, int]:
    schemas = {r["name"]: table_schema(layout, r["name"]) for r in resources}
    references, heights = References(), {}
    articles = ArticleFiles(layout, problems)
    context = articles.context()  # empty until the articles are read; no table before them needs it
    order = _referenced_first(resources, schemas)
    for position, resource in enumerate(order):
        if not any(needs_articles(later["name"]) for later in order[position:]):
            context = articles.context()  # empty: the article texts are no longer needed
            texts_let_go()
        name, source = resource["name"], contents.get(resource["name"])
        if source is None or (isinstance(source, Path) and not source.is_file()):
            problems.add(resource["path"], "table-missing", "the table does not exist; run `python -m scripts build`")
            continue
        batches = read_batches(source, schemas[name], resource["path"], problems)
        if batches is None:
            continue
        schema, keep, kept, hashes = schemas[name], _whole_table_columns(name, schemas), [], KeyHashes(schemas[name])
        check = PieceCheck(resource, schema, context, references, keep, hashes, whole_frame=name == "articles")
        heights[name] = 0
        for offset, piece in batches.map(check):
            if name == "articles":
                assert piece.frame is not None  # the check keeps the whole of each piece of articles (whole_frame)
                articles.read_rows(piece.frame, offset)
            kept.append(piece.kept)
            hashes.append(piece.hashes)
            heights[name] += piece.height
        if not batches.complete:
            del heights[name]
            continue  # unreadable past its first rows (bytes that are not UTF-8, a CR): reported as such
        whole = pl.concat(kept)
        repeated = hashes.repeated_rows()
        if repeated:
            check_keys(_rows_at(source, schema, repeated), resource, schema, problems)
        references.tables[name] = whole
        check_foreign_keys(whole, resource, schema, references, problems, itself=True)
        if name == "articles":
            context = articles.context()
        give_back_memory()
        if name == "event_types":
            check_vocabulary(layout, whole, problems)
        references.tables[name] = whole.select(_referenced_columns(name, schemas))
        references.keep_only(
            {target for later in order[position + 1 :] for target in _fk_targets(later["name"], schemas[later["name"]])}
        )
    return heights


def give_back_memory() -> None:
    """Hand the memory freed by a table back to the system (glibc keeps freed blocks for reuse, and the pieces of
    the last table, the temporaries of its checks, leave it scattered); elsewhere, nothing to do."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError):
        pass


class KeyHashes:
    """A 64-bit hash per row of each group of columns that must be unique over the whole table (the primary key,
    each unique column): uniqueness over millions of rows in 8 bytes a row. Only rows whose hashes repeat are
    compared by their values, so a collision of hashes reports nothing."""

    def __init__(self, schema: dict):
        self.groups = unique_groups(schema)
        self.parts: list[list[np.ndarray]] = [[] for _ in self.groups]

    def of(self, frame: pl.DataFrame) -> list[np.ndarray]:
        """The hashes of some rows, one array per group (worked out on the thread that checks them)."""
        return [row_hashes(frame.select(group)) for group in self.groups]

    def append(self, hashes: list[np.ndarray]) -> None:
        for parts, part in zip(self.parts, hashes, strict=True):
            parts.append(part)

    def repeated_rows(self) -> list[int]:
        """Indices (0 for the first row) of the rows whose hash of some group is another row's too."""
        repeated = None
        for parts in self.parts:
            hashes = np.concatenate(parts)
            ordered = np.sort(hashes)  # a sort finds repeats faster than a hash table of hashes
            again = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
            mask = np.isin(hashes, again)
            repeated = mask if repeated is None else repeated | mask
        return [] if repeated is None else np.flatnonzero(repeated).tolist()


def _rows_at(source, schema: dict, indices: list[int]) -> pl.DataFrame:
    """The key columns of the rows at these indices, read again (their problems are already reported), with the
    number of each row in `_row`."""
    wanted = pl.Series(indices, dtype=pl.UInt32)
    batches = read_batches(source, schema, "", ProblemList())
    assert batches is not None  # the table was read in batches already: it is read the same way again
    parts = [
        batch.frame.with_row_index("_row", offset=batch.offset).filter(pl.col("_row").is_in(wanted.implode()))
        for batch in batches
    ]
    rows = pl.concat(parts)
    return rows.select(pl.col("_row") + 2, *key_columns(schema))


def _fk_targets(name: str, schema: dict) -> set[str]:
    return {fk["reference"]["resource"] or name for fk in schema.get("foreignKeys", [])}


def _referenced_first(resources: list[dict], schemas: dict) -> list[dict]:
    """Each table after the tables it refers to (so the articles come before every table with evidence)."""
    ordered, pending = [], list(resources)
    while pending:
        names = {r["name"] for r in pending}
        ready = next(
            (r for r in pending if not (_fk_targets(r["name"], schemas[r["name"]]) - {r["name"]}) & names), pending[0]
        )  # a cycle of references: take the first, its keys are checked where available
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


def _whole_table_columns(name: str, schemas: dict) -> list[str]:
    """The columns kept from every row: what other tables point at, the table's references to itself and their
    targets, and the vocabulary of event types."""
    schema = schemas[name]
    own = [
        c
        for fk in schema.get("foreignKeys", [])
        if fk["reference"]["resource"] in ("", None, name)
        for c in [*field_list(fk["fields"]), *field_list(fk["reference"]["fields"])]
    ]
    vocabulary = ["event_type"] if name == "event_types" else []
    return [f for f in field_names(schema) if f in {*_referenced_columns(name, schemas), *own, *vocabulary}]


class ArticleFiles:
    """The article files, read batch by batch of articles.csv: each checked against its row (sha256, length),
    its text kept for the evidence rule."""

    def __init__(self, layout: Layout, problems: ProblemList):
        self.root, self.problems = str(layout.root), problems
        self.corpus = Corpus()
        self.published: dict[str, list] = {"article_id": [], "published_date": []}  # of the articles read so far

    def read_rows(self, articles: pl.DataFrame, offset: int) -> None:
        # one file after the other: the work per file is mostly the interpreter's, and threads reading files
        # beside the checks took half as long again, waiting on each other for it
        rows = articles.select("article_id", "path", "sha256", "n_chars", "published_date").iter_rows()
        for index, (article_id, path_text, sha256, n_chars, published_date) in enumerate(rows):
            path = path_text if path_text is not None and is_inside(path_text) else None
            try:
                read = self._read(path)
            except ArticleError as exc:  # too large to be read
                self.problems.add(path, exc.rule, exc.message, value=exc.value)
                continue
            self._check(offset + index + 2, article_id, path_text, sha256, n_chars, published_date, read)

    def context(self) -> Context:
        """The texts and dates read so far, handed over: once nothing needs them, they can be let go."""
        corpus, self.corpus = self.corpus, Corpus()
        return Context(
            corpus.freeze(), pl.DataFrame(self.published, schema={"article_id": pl.String, "published_date": pl.Date})
        )

    def _read(self, path_text: str | None) -> tuple[bytes, str] | None:
        """The file's bytes and sha256, or None when there is no file."""
        if path_text is None:
            return None
        try:  # os.open and os.read: io.open's buffered reader costs more than the read of a small file
            handle = os.open(f"{self.root}/{path_text}", os.O_RDONLY)
        except (FileNotFoundError, NotADirectoryError):
            return None
        try:  # a first read that fits most articles (a larger buffer is allocated, and given back, at a cost)
            check_size(os.fstat(handle).st_size)
            data = os.read(handle, FIRST_READ)
            if len(data) == FIRST_READ:
                data = b"".join([data, *iter(lambda: os.read(handle, 1 << 20), b"")])
        except IsADirectoryError:
            return None
        finally:
            os.close(handle)
        return data, hashlib.sha256(data).hexdigest()

    def _check(self, line, article_id, path_text, sha256, n_chars, published_date, read) -> None:
        problems = self.problems
        if read is None:
            problems.add(
                "datapackage/articles.csv",
                "article-file",
                "the article file does not exist in the repository; the path must be seeds/<article_id>.txt",
                row=line,
                column="path",
                value=path_text,
            )
            return
        data, actual_sha256 = read
        try:
            text = decode_article(data)
            header_date(text)
        except ArticleError as exc:
            problems.add(path_text, exc.rule, exc.message, value=exc.value)
            return
        if actual_sha256 != sha256:
            problems.add(
                "datapackage/articles.csv",
                "article-sha256",
                f"{path_text} has changed since it was coded (its sha256 is {actual_sha256}); "
                "articles must never be edited: restore the file, or recode it and rebuild",
                row=line,
                column="sha256",
                value=sha256,
            )
        if n_chars is not None and len(text) != n_chars:
            problems.add(
                "datapackage/articles.csv",
                "article-length",
                f"{path_text} has {len(text)} characters; rebuild with `python -m scripts build`",
                row=line,
                column="n_chars",
                value=n_chars,
            )
        if article_id is not None:
            self.corpus.append_article(article_id, data, len(text))
            if published_date is not None:
                self.published["article_id"].append(article_id)
                self.published["published_date"].append(published_date)


def _pandera_failures(frame: pl.DataFrame, schema: pa.DataFrameSchema) -> pl.DataFrame | None:
    """pandera's failure cases, or None when there are none (a frame its checks pass in one query is not
    validated again, check by check)."""
    if passes(schema, frame):
        return None
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases
    return None


def _values(frame: pl.DataFrame, index: int, columns) -> str:
    return ", ".join(f"{c}={as_written(frame[c][index]) or ''}" for c in columns)


@dataclass
class CheckedPiece:
    """What the checks of a piece leave for the checks over the whole table."""

    height: int
    kept: pl.DataFrame  # the columns kept from every row (_whole_table_columns)
    hashes: list[np.ndarray]  # KeyHashes.of the rows
    frame: pl.DataFrame | None  # the whole piece, where the table's rows are needed after (articles)


@dataclass
class PieceCheck:
    """Every check of one piece of a table that needs no other piece: pandera's column checks, the row rules, the
    references to other tables. Run on a worker thread (Batches.map), beside the next piece's."""

    resource: dict
    schema: dict
    context: Context
    references: References
    keep: list[str]
    hashes: KeyHashes
    whole_frame: bool = False

    def __post_init__(self):
        self.columns = column_schema(self.schema)

    def __call__(self, batch: Batch, problems: ProblemList) -> CheckedPiece:
        check_batch(batch, self.resource, _pandera_failures(batch.frame, self.columns), self.context, problems)
        check_foreign_keys(batch.frame, self.resource, self.schema, self.references, problems, batch.offset)
        return CheckedPiece(
            batch.frame.height,
            batch.frame.select(self.keep),
            self.hashes.of(batch.frame),
            batch.frame if self.whole_frame else None,
        )


def check_batch(batch: Batch, resource, failures: pl.DataFrame | None, context, problems: ProblemList) -> None:
    """What pandera found in the batch's columns (failures), then the project's row rules; each failure once, at
    its row."""
    rel, frame = resource["path"], batch.frame
    for case in failures.iter_rows(named=True) if failures is not None else []:
        index = case["index"]
        row = None if index is None else batch.offset + int(index) + 2
        check = str(case["check"])
        if (row, case["column"]) in batch.skip and check.startswith("not_nullable"):
            continue  # the cell did not parse as its type: reported once, as a type problem
        name, message = _column_rule(check)
        problems.add(
            rel, name, message, row=row, column=case["column"], value=as_written(case["failure_case"]), engine="pandera"
        )
    for rule in table_rules(resource["name"], context):
        name, message, passed = rule.name, rule.message, rule.test(frame)
        for index in (~passed).arg_true().to_list():
            row = batch.offset + index + 2
            if any((row, c) in batch.skip for c in rule.columns):
                continue
            problems.add(
                rel, name, message, row=row, column=", ".join(rule.columns), value=_values(frame, index, rule.columns)
            )


def check_keys(rows: pl.DataFrame, resource, schema, problems: ProblemList) -> None:
    """Unique columns and the primary key, among rows whose keys may repeat (rows: their key columns, and the
    number of each row in `_row`)."""
    keys = rows.select(key_columns(schema))
    failures = _pandera_failures(keys, key_schema(schema))
    reported = set()
    for case in failures.iter_rows(named=True) if failures is not None else []:
        index, check = case["index"], str(case["check"])
        row = None if index is None else rows["_row"][int(index)]
        if check == "multiple_fields_uniqueness":
            if row in reported:
                continue
            reported.add(row)
            columns = tuple(schema["primaryKey"])
            name, message = PANDERA_RULES[check]
            problems.add(
                resource["path"],
                name,
                message,
                row=row,
                column=", ".join(columns),
                value=_values(keys, index, columns) if row else None,
                engine="pandera",
            )
            continue
        name, message = _column_rule(check)
        problems.add(
            resource["path"],
            name,
            message,
            row=row,
            column=case["column"],
            value=as_written(case["failure_case"]),
            engine="pandera",
        )


def _column_rule(check: str) -> tuple[str, str]:
    for key, (name, message) in PANDERA_RULES.items():
        if check.startswith(key):
            return name, message
    name, _, message = check.partition(": ")
    return (name, message) if message else ("check", check)


class References:
    """The values each foreign key may take: the kept columns of the tables checked so far, indexed once for all
    the batches that look them up."""

    def __init__(self) -> None:
        self.tables: dict[str, pl.DataFrame] = {}
        self._known: dict[tuple[str, tuple[str, ...], tuple[str, ...]], KeyIndex] = {}
        self._lock = threading.Lock()  # the pieces of a table are checked on two threads: index each target once

    def keep_only(self, targets: set[str]) -> None:
        """Let go of the tables no table still to check refers to."""
        self.tables = {name: frame for name, frame in self.tables.items() if name in targets}
        self._known = {key: known for key, known in self._known.items() if key[0] in targets}

    def known(self, target: str, target_fields: list[str], fields: list[str]) -> KeyIndex | None:
        if target not in self.tables:
            return None  # the missing or unreadable table is already a problem of its own
        key = (target, tuple(target_fields), tuple(fields))
        with self._lock:
            if key not in self._known:
                self._known[key] = KeyIndex(
                    self.tables[target].select(
                        [pl.col(t).cast(pl.String).alias(f) for t, f in zip(target_fields, fields, strict=True)]
                    )
                )
            return self._known[key]


def check_foreign_keys(
    frame, resource, schema, references: References, problems: ProblemList, offset: int = 0, itself: bool = False
) -> None:
    """Each reference names a row that exists (Table Schema foreignKeys; empty references are allowed): the
    references to other tables (itself=False), or to the table's own rows (itself=True, frame: the whole table)."""
    for fk in schema.get("foreignKeys", []):
        fields, reference = field_list(fk["fields"]), fk["reference"]
        target_name = reference["resource"] or resource["name"]
        if (target_name == resource["name"]) != itself:
            continue
        target_fields = field_list(reference["fields"])
        known = references.known(target_name, target_fields, fields)
        if known is None:
            continue
        present = frame.select(fields).with_row_index("_index").drop_nulls(fields)
        present = present.with_columns([pl.col(f).cast(pl.String) for f in fields])
        missing = present.filter(pl.Series(known.unknown(present.select(fields))))
        where = REGISTRY_OF.get(target_name, f"datapackage/{target_name}.csv")
        for index, *key in missing.iter_rows():
            problems.add(
                resource["path"],
                "foreign-key",
                f"{', '.join(fields)} must be a {', '.join(target_fields)} of table '{target_name}'; "
                f"use an existing one or add it to {where}",
                row=offset + int(index) + 2,
                column=", ".join(fields),
                value=", ".join(key),
            )


def check_vocabulary(layout: Layout, event_types: pl.DataFrame | None, problems: ProblemList) -> None:
    """The enum of events.event_type and the event_types vocabulary must list the same values."""
    if event_types is None:
        return
    declared = set(enum_values(table_schema(layout, "events"), "event_type"))
    listed = set(event_types["event_type"].drop_nulls().to_list())
    for value in sorted(declared - listed):
        problems.add(
            "schemas/events.json",
            "vocabulary",
            f"event type '{value}' is in the enum but not in "
            "seeds/registry/event_types.yaml; add it there or remove it from the enum",
            column="event_type",
            value=value,
        )
    for value in sorted(listed - declared):
        problems.add(
            "seeds/registry/event_types.yaml",
            "vocabulary",
            f"event type '{value}' is not in the enum of schemas/events.json; add it to the enum or remove it",
            column="event_type",
            value=value,
        )
