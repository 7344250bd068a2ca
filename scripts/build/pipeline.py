"""The build: article text + coding -> rows -> tables, computed in memory, then written atomically."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.build.codebook import (
    END,
    KEYS_END,
    KEYS_START,
    RULES_END,
    RULES_START,
    START,
    codebook_markdown,
    coding_keys_markdown,
    rules_section,
    with_generated,
)
from scripts.build.coding import code_article
from scripts.build.disagreements import derive_disagreements
from scripts.build.figure import casualty_figure
from scripts.build.inputs import load_input
from scripts.build.registry import load_registry
from scripts.checks.descriptor import checked_resources, read_descriptor
from scripts.checks.table_checks import check_tables
from scripts.common.csvio import finish_replacement, replace_all, to_csv_bytes
from scripts.common.paths import Layout
from scripts.common.problems import BuildError, Problem, ProblemList
from scripts.common.safety import linked_files
from scripts.common.schemas import descriptor, field_names, table_schema
from scripts.reading.articles import ArticleError, check_article, read_article


def seed_pairs(layout: Layout, problems: ProblemList) -> list[tuple[Path, Path]]:
    """Every article with its coding; an article without a coding, or the reverse, is a problem."""
    entries = sorted(p for p in layout.seeds.iterdir() if not p.name.startswith("."))
    for folder in (p for p in entries if p.is_dir() and p != layout.registry):
        problems.add(
            layout.rel(folder),
            "seed-file-kind",
            "seeds/ holds the articles, their codings and the registry/ "
            "folder; the files of this folder are never read: move the articles up into seeds/, or the folder "
            "out of it",
        )
    files = [p for p in entries if p.is_file()]
    texts = {p.stem: p for p in files if p.suffix == ".txt"}
    codings = {p.stem: p for p in files if p.suffix == ".yaml"}
    for p in files:
        if p.suffix not in (".txt", ".yaml"):
            problems.add(
                layout.rel(p),
                "seed-file-kind",
                "seeds/ holds only articles (.txt) and their codings (.yaml); move or rename this file",
            )
    for stem in sorted(texts.keys() - codings.keys()):
        problems.add(
            layout.rel(texts[stem]),
            "seed-without-coding",
            f"this article has no coding; add seeds/{stem}.yaml (see 'The coding file' in README.md)",
        )
    for stem in sorted(codings.keys() - texts.keys()):
        problems.add(
            layout.rel(codings[stem]),
            "coding-without-seed",
            f"this coding has no article; add seeds/{stem}.txt or rename the coding to match its article",
        )
    return [(texts[s], codings[s]) for s in sorted(texts.keys() & codings.keys())]


def build_rows(layout: Layout) -> dict[str, list[dict]]:
    """Rows of every table, or BuildError with every problem found in the codings."""
    problems = ProblemList()
    if linked_files(layout, problems):
        raise BuildError(problems)  # nothing is read through a symbolic link
    registry = load_registry(layout, problems)
    tables: dict[str, list[dict]] = {
        name: [] for name in ("articles", "actor_mentions", "event_reports", "statements", "claims")
    }
    pairs_from = len(problems)
    pairs = seed_pairs(layout, problems)
    if registry.unreadable:  # every coding would report every name unknown: fix the registry first
        raise BuildError(problems)
    unread = len(problems) > pairs_from  # an article without its coding, or the reverse
    first_of: dict[str, str] = {}  # sha256 -> the article that has that text
    for text_path, coding_path in pairs:
        try:
            article = read_article(text_path)
            check_article(article, first_of)
        except ArticleError as exc:
            problems.add(layout.rel(text_path), exc.rule, exc.message, value=exc.value)
            unread = True
            continue
        coding = load_input(layout, coding_path, "article", problems)
        if coding is None:
            unread = True
            continue
        rows = code_article(article, coding, layout.rel(coding_path), layout.rel(text_path), registry, problems)
        tables["articles"].append(rows.article)
        tables["actor_mentions"] += rows.mentions
        tables["event_reports"] += rows.event_reports
        tables["statements"] += rows.statements
        tables["claims"] += rows.claims
    if not unread:  # with an article or coding unread, "never mentioned" would only be noise
        _check_grounded(layout, registry, tables, problems)
    if problems:
        raise BuildError(problems)
    tables.update(registry.tables())
    tables["claim_disagreements"] = derive_disagreements(tables["claims"])
    return tables


def _check_grounded(layout, registry, tables, problems):
    """Nothing invented: every registered actor is named by some article (or published one), and every event
    reported by one."""
    named = {m["actor_id"] for m in tables["actor_mentions"]} | {a["outlet_actor_id"] for a in tables["articles"]}
    reported = {r["event_id"] for r in tables["event_reports"]}
    for actor in registry.actors:
        if actor["actor_id"] not in named:
            problems.add(
                "seeds/registry/actors.yaml",
                "actor-not-mentioned",
                f"no article mentions '{actor['actor_id']}' or was published by it; add a mention to the "
                "coding of an article that names it (or give it as an article's outlet), or remove the actor",
                line=registry.lines["actor", actor["actor_id"]],
                value=actor["actor_id"],
            )
    for event in registry.events:
        if event["event_id"] not in reported:
            problems.add(
                "seeds/registry/events.yaml",
                "event-not-reported",
                f"no article reports '{event['event_id']}'; add it to the 'events' of a coding, or remove it",
                line=registry.lines["event", event["event_id"]],
                value=event["event_id"],
            )


def sort_key(schema: dict):
    """The order rows are written in: by primary key, a missing value first."""
    key = schema["primaryKey"]
    return lambda r: tuple((r[k] is not None, r[k] if r[k] is not None else 0) for k in key)


def _sorted(rows, schema):
    return sorted(rows, key=sort_key(schema))


def _resources(layout: Layout) -> list[dict]:
    """The resources the build may write, or BuildError: a descriptor that names a path outside
    datapackage/ must never make the build write there."""
    problems = ProblemList()
    package = read_descriptor(layout, problems)
    resources = checked_resources(layout, package, problems) if package is not None else []
    if problems:
        raise BuildError(problems)
    return resources


def build_outputs(layout: Layout) -> dict[Path, bytes]:
    """Every file the build owns, as bytes: the tables, datapackage.json (its sources), the casualty figure,
    the README codebook and the CONTRIBUTING key reference."""
    return _build(layout)[1]


def _build(layout: Layout) -> tuple[list[dict], dict[Path, bytes]]:
    """The resources checked once, and the outputs made from them."""
    tables = build_rows(layout)  # first: it refuses symbolic links before any file is read
    resources = _resources(layout)
    package = descriptor(layout)
    outputs = {}
    for resource in resources:
        schema = table_schema(layout, resource["name"])
        rows = tables.get(resource["name"])
        if rows is None:
            raise BuildError([_no_rows(layout, resource["name"])])
        columns = field_names(schema)
        if rows and rows[0].keys() != set(columns):
            raise BuildError([_other_columns(layout, resource["name"], rows[0].keys(), columns)])
        outputs[layout.root / resource["path"]] = to_csv_bytes(columns, _sorted(rows, schema))
    stats = {r["name"]: table_stats(outputs[layout.root / r["path"]], len(tables[r["name"]])) for r in resources}
    outputs[layout.descriptor] = descriptor_bytes(package, stats)
    outputs[layout.readme] = _document(
        layout, layout.readme, (START, END, lambda: codebook_markdown(layout, tables["event_types"]))
    )
    outputs[layout.figure] = casualty_figure(tables["claims"], tables["actors"], tables["articles"])
    outputs[layout.contributing] = _document(
        layout,
        layout.contributing,
        (KEYS_START, KEYS_END, lambda: coding_keys_markdown(layout)),
        (RULES_START, RULES_END, rules_section),
    )
    _check_writable(layout, outputs)
    return resources, outputs


def _check_writable(layout: Layout, outputs: dict[Path, bytes]) -> None:
    """Each output can be written where it belongs: no file stands where its folder must be, no folder where it
    must be a file."""
    problems = ProblemList()
    for path in outputs:
        blocking = [
            p
            for p in [path, *path.parents]
            if p != layout.root
            and layout.root in p.parents
            and p.exists()
            and (p.is_dir() if p == path else not p.is_dir())
        ]
        for place in blocking:
            problems.add(
                layout.rel(place),
                "write-failed",
                f"the build cannot write {layout.rel(path)}: "
                f"{'a folder stands where that file goes' if place == path else 'this is a file, not a folder'}"
                "; remove it (the build makes what belongs there)",
            )
    if problems:
        raise BuildError(problems)


def _document(layout: Layout, path: Path, *sections) -> bytes:
    """A document with its generated sections (start marker, end marker, what makes the content) made anew, or
    BuildError when it cannot be: not UTF-8, or its markers lost."""
    try:
        text = path.read_bytes().decode("utf-8")
        for start, end, content in sections:
            text = with_generated(text, start, end, content(), path.name)
        return text.encode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BuildError(
            [
                Problem(
                    file=layout.rel(path),
                    rule="stale",
                    message=f"{path.name} cannot be made anew "
                    f"({str(exc)[:200]}); restore it from git: the build writes its generated section "
                    "between the markers",
                )
            ]
        ) from None


def table_stats(data: bytes, rows: int) -> dict:
    """The hash, size and row count of a table, so that anyone holding the files (a release archive above
    all) can check them with frictionless."""
    return stats_of(hashlib.sha256(data).hexdigest(), len(data), rows)


def stats_of(sha256_hex: str, size: int, rows: int) -> dict:
    return {"hash": f"sha256:{sha256_hex}", "bytes": size, "rows": rows}


# One source, not one per article: the articles table lists each article file with its sha256 and date, and a
# descriptor that grew with the articles (11 MB at 100,000) took every reader 3 s to load and check.
SOURCES = [
    {
        "title": "The news articles coded, verbatim: one file per article in seeds/, each listed in the articles "
        "table (datapackage/articles.csv) with its sha256 and publication date",
        "path": "seeds/",
    }
]


def descriptor_bytes(package: dict, stats: dict[str, dict]) -> bytes:
    """datapackage.json as the build writes it: its `sources` (SOURCES), and each resource with the stats of its
    table (table_stats, by resource name)."""
    package = {**package, "sources": SOURCES, "resources": [{**r, **stats[r["name"]]} for r in package["resources"]]}
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def checked_outputs(layout: Layout) -> dict[Path, bytes]:
    """build_outputs, after the tables pass every table rule: a coding the coding checks let through but a
    table rule refuses (say under a tightened schema) never reaches datapackage/."""
    resources, outputs = _build(layout)
    problems = ProblemList()
    check_tables(layout, resources, {r["name"]: outputs[layout.root / r["path"]] for r in resources}, problems)
    if problems:
        raise BuildError(problems)
    return outputs


def _other_columns(layout, name, made, declared):
    unknown, unmade = sorted(set(declared) - made), sorted(made - set(declared))
    differ = ([f"declares {', '.join(unknown)}, which the build does not make"] if unknown else []) + (
        [f"lacks {', '.join(unmade)}, which the build makes"] if unmade else []
    )
    return Problem(
        file=f"schemas/{name}.json",
        rule="schema-field",
        message=f"the schema of {name} {' and '.join(differ)}; keep the schema's fields as the build makes "
        "them, or change scripts/build/ to make the new column",
        value=", ".join(unknown + unmade),
    )


def _no_rows(layout, name):
    return Problem(
        file=layout.rel(layout.descriptor),
        rule="resource-unknown",
        message=f"datapackage.json lists a resource '{name}' that the build does not produce; remove the "
        f"resource and schemas/{name}.json, or make scripts/build/pipeline.py produce the table",
    )


class WriteFailed(BuildError):
    """The outputs were made but could not be written; every file keeps its previous content."""


@dataclass(frozen=True)
class BuildRun:
    changed: list[Path]
    files: int  # outputs the build owns


def build_package(layout: Layout, finished: Callable[[Path], None] = lambda path: None) -> BuildRun:
    """The `build` command: finish a replacement an interrupted build left half done (each file it finishes is
    passed to `finished`, even when the build then fails), make every output, check it, and replace the files that
    change, all together; BuildError (nothing written) or WriteFailed (nothing changed) with every problem."""
    links = ProblemList()
    if linked_files(layout, links):  # before anything is read, removed or replaced
        raise BuildError(links)
    for path in finish_replacement(layout.root, layout.written_folders, layout.written):
        finished(path)
    outputs = checked_outputs(layout)
    try:
        changed = write_outputs(outputs, layout)
    except OSError as exc:
        failed = ProblemList()
        failed.add(
            layout.rel(Path(exc.filename)) if exc.filename else ".",
            "write-failed",
            f"the build could not write the package ({exc.strerror or exc}); every file keeps its previous "
            "content: free the space or fix the permissions, then build again",
        )
        raise WriteFailed(failed) from None
    return BuildRun(changed, len(outputs))


def write_outputs(outputs: dict[Path, bytes], layout: Layout | None = None) -> list[Path]:
    """Replace the files whose bytes change, all or none (see replace_all; with a layout, a process killed while it
    switches them is finished by the next build)."""
    changed = {path: data for path, data in outputs.items() if not path.is_file() or path.read_bytes() != data}
    replace_all(changed, journal=layout.root if layout else None)
    return list(changed)
