"""Measure validation at scale on a synthetic package: the project's full validation, the raw pyarrow parse of
the same files, and `frictionless validate`, each in its own process so its time and peak memory are its own.

    python -m scripts bench validation --claims 10000 --claims 100000 --claims 1000000

Every measurement runs `python -m scripts bench measure KIND FOLDER` in a child process, which prints one JSON
line: seconds, peak resident memory (MiB) and what it found.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.common.paths import Layout

KINDS = ("parse", "validate", "frictionless")


def _peak_mib() -> float:
    """This process's own peak. Linux carries the parent's peak into a child's ru_maxrss across exec, so a
    measurement started by a driver holding a generated package would report the driver's memory; VmHWM is
    the high-water mark of the process's own memory since exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _table_paths(root: Path) -> list[Path]:
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return [root / r["path"] for r in package["resources"]]


def measure_parse(root: Path) -> dict:
    """The floor: pyarrow reads every table of the package as text, with no check at all."""
    import pyarrow.csv as pv

    rows = 0
    for path in _table_paths(root):
        rows += pv.read_csv(path, parse_options=pv.ParseOptions(newlines_in_values=True)).num_rows
    return {"rows": rows}


def measure_validate(root: Path) -> dict:
    """Everything `validate --no-rebuild` checks: descriptor (frictionless), every table rule, the evidence of
    every row against its article. The comparison with a fresh build is left out: it is the build itself,
    measured on its own (scripts/bench/synthetic/)."""
    from scripts.validate.package import validate_package

    problems = validate_package(Layout(root), run_frictionless=True, rebuild=False)
    return {"problems": [_short(p.file, p.rule, p.row, p.engine) for p in problems]}


def measure_frictionless(root: Path) -> dict:
    """`frictionless validate datapackage.json`: types, constraints, primary and foreign keys, checksums."""
    from frictionless import Package

    report = Package(str(root / "datapackage.json")).validate(limit_errors=10_000)
    problems = [
        _short(task.place, error.type, getattr(error, "row_number", None), "frictionless")
        for task in report.tasks
        for error in task.errors
    ]
    problems += [_short("datapackage.json", error.type, None, "frictionless") for error in report.errors]
    return {"problems": problems}


def _short(file, reported_as, row, engine) -> dict:
    return {"file": str(file), "rule": reported_as, "row": row, "engine": engine}


MEASURES = {"parse": measure_parse, "validate": measure_validate, "frictionless": measure_frictionless}


def measure(kind: str, root: Path) -> dict:
    """Run one measurement in a child process; its seconds, peak MiB and findings."""
    out = subprocess.run(
        [sys.executable, "-m", "scripts", "bench", "measure", kind, str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"measuring {kind} on {root} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measured(kind: str, root: Path) -> dict:
    """One measurement, in this process (the child `measure` starts): seconds, peak MiB and findings."""
    started = time.perf_counter()
    found = MEASURES[kind](root)
    seconds = time.perf_counter() - started
    return {"kind": kind, "seconds": round(seconds, 3), "peak_mib": round(_peak_mib(), 1), **found}


# --- planting errors ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plant:
    kind: str  # what is broken, in words
    table: str
    column: str | None  # None: the row as a whole
    value: str | None  # the new cell, or (column None) how the row is broken: duplicate, range, late, extra ...
    frictionless_sees: bool  # whether frictionless can see this kind of error at all


PLANTS = [
    Plant("type: not an integer", "claims", "value_min", "fifty", True),
    Plant("type: not a calendar date", "claims", "date_start", "2020-02-30", True),
    Plant("enum", "claims", "claim_type", "killled", True),
    Plant("pattern", "claims", "claim_id", "not an id", True),
    Plant("required", "claims", "article_id", "", True),
    Plant("minimum", "claims", "char_start", "-1", True),
    Plant("primary key: a duplicated row", "claims", None, "duplicate", True),
    Plant("foreign key: unknown event", "claims", "event_id", "e-no-such-event", True),
    Plant("foreign key: unknown actor", "actor_mentions", "actor_id", "no-such-actor", True),
    Plant("extra cell", "statements", None, "extra", True),
    Plant("missing cell", "statements", None, "missing", True),
    Plant("blank row", "event_reports", None, "blank", True),
    Plant("across columns: value_min > value_max", "claims", None, "range", False),
    Plant("across columns: qualifier without a figure", "claims", "qualifier", "at_least", False),
    Plant("evidence: offsets shifted by one", "statements", "char_start", "+1", False),
    Plant("evidence: words changed", "actor_mentions", "evidence", "X", False),
    Plant("date after publication", "claims", None, "late", False),
]


def plant_errors(source: Path, target: Path) -> list[dict]:
    """A copy of the package at target with each PLANTS error in its own row; where each one is."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("seeds"))
    # the articles, untouched, as hard links (validation follows no symbolic link, and a copy of 100,000 files is slow)
    shutil.copytree(source / "seeds", target / "seeds", copy_function=os.link)
    planted: list[dict] = []
    rows_by_table: dict[str, list[list[str]]] = {}
    for plant in PLANTS:
        rows = rows_by_table.setdefault(plant.table, _read_rows(target / "datapackage" / f"{plant.table}.csv"))
        header = rows[0]
        index = 2 + 3 * sum(p["table"] == plant.table for p in planted)  # rows far apart, none at the edges
        row = rows[index]
        if plant.column is not None:
            at = header.index(plant.column)
            if plant.value == "+1":
                row[at] = str(int(row[at]) + 1)
            elif plant.value == "X":
                row[at] = "X" + row[at][1:]
            else:
                row[at] = plant.value
                if plant.column == "qualifier":
                    row[header.index("value_min")] = row[header.index("value_max")] = ""
        elif plant.value == "duplicate":
            rows[index] = list(rows[index - 1])
        elif plant.value == "range":
            row[header.index("value_min")], row[header.index("value_max")] = "9", "3"
            row[header.index("qualifier")] = "exact"
        elif plant.value == "late":
            row[header.index("date_start")] = row[header.index("date_end")] = "2099-01-01"
            row[header.index("date_precision")] = "day"
        elif plant.value == "extra":
            row.append("x")
        elif plant.value == "missing":
            row.pop()
        elif plant.value == "blank":
            rows[index] = []
        planted.append(
            {"kind": plant.kind, "table": plant.table, "row": index + 1, "frictionless_sees": plant.frictionless_sees}
        )
    for table, rows in rows_by_table.items():
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        for row in rows:
            if row:
                writer.writerow(row)
            else:
                text.write("\n")
        (target / "datapackage" / f"{table}.csv").write_text(text.getvalue(), encoding="utf-8")
    return planted


def _read_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _place(problem: dict) -> tuple[str, int | None]:
    """(table file name, row): the engines name a table's file differently (relative path, place)."""
    return Path(problem["file"]).name, problem["row"]


def compare_findings(planted: list[dict], validate: dict, frictionless: dict) -> list[dict]:
    """For each planted error: the rules each engine reported at its row."""

    def at(found, plant):
        return sorted({p["rule"] for p in found["problems"] if _place(p) == (f"{plant['table']}.csv", plant["row"])})

    return [{**plant, "project": at(validate, plant), "frictionless": at(frictionless, plant)} for plant in planted]


def unseen_by_project(validate: dict, frictionless: dict) -> list[dict]:
    """What frictionless reports at a row of a table that the project does not report at that row."""
    seen = {_place(p) for p in validate["problems"] if p["row"] is not None}
    return [p for p in frictionless["problems"] if p["row"] is not None and _place(p) not in seen]


# --- the whole run --------------------------------------------------------------------------------------------


def package_for(workdir: Path, claims: int, claims_per_article: int) -> Path:
    """The synthetic package with about `claims` claims, generated once per size and kept in workdir."""
    from scripts.bench.synthetic import generate

    root = workdir / f"claims-{claims}"
    if not (root / "datapackage.json").is_file() or not (root / ".complete").is_file():
        if root.exists():
            shutil.rmtree(root)
        generate(
            root, articles=max(1, claims // claims_per_article), claims_per_article=claims_per_article, tables=True
        )
        (root / ".complete").write_text("generated\n", encoding="utf-8")
    return root


def size_row(root: Path, with_frictionless: bool, repeat: int = 1) -> dict:
    """The sizes of a package and its measurements. The parse and the validation are each run `repeat` times,
    one after the other in turn, and their median kept (on a shared machine one run can take half as long
    again as the next), with the highest peak memory; frictionless, minutes long, runs once."""
    package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    rows = {r["name"]: r.get("rows") for r in package["resources"]}
    size = sum(r.get("bytes", 0) for r in package["resources"])
    result = {
        "claims": rows.get("claims"),
        "articles": rows.get("articles"),
        "csv_mib": round(size / 2**20, 1),
        "rows": sum(v or 0 for v in rows.values()),
        "runs": repeat,
    }
    runs: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for _ in range(repeat):
        for kind in ("parse", "validate"):
            runs[kind].append(measure(kind, root))
    if with_frictionless:
        runs["frictionless"].append(measure("frictionless", root))
    for kind, found in runs.items():
        if found:
            result[kind] = {
                "seconds": round(statistics.median(f["seconds"] for f in found), 3),
                "peak_mib": max(f["peak_mib"] for f in found),
            }
    result["problems"] = len(runs["validate"][-1]["problems"])
    result["validate_vs_parse"] = round(result["validate"]["seconds"] / result["parse"]["seconds"], 2)
    if "frictionless" in result:
        result["frictionless_vs_validate"] = round(result["frictionless"]["seconds"] / result["validate"]["seconds"], 1)
    return result


def markdown(results: list[dict]) -> str:
    lines = [
        "| claims | articles | CSV MiB | raw pyarrow parse s | validate s (peak MiB) | validate ÷ parse "
        "| frictionless s (peak MiB) | frictionless ÷ validate |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        fr = r.get("frictionless")
        frictionless = f"{fr['seconds']} ({fr['peak_mib']:.0f}) | {r['frictionless_vs_validate']}×" if fr else "- | -"
        lines.append(
            f"| {r['claims']:,} | {r['articles']:,} | {r['csv_mib']} | {r['parse']['seconds']} "
            f"| {r['validate']['seconds']} ({r['validate']['peak_mib']:.0f}) | {r['validate_vs_parse']}× "
            f"| {frictionless} |"
        )
    return "\n".join(lines)


def planted_markdown(comparison: list[dict], unseen: list[dict]) -> str:
    lines = ["| planted error | table, row | project reports | frictionless reports |", "|---|---|---|---|"]
    for c in comparison:
        lines.append(
            f"| {c['kind']} | {c['table']}, {c['row']} | {', '.join(c['project']) or '**nothing**'} "
            f"| {', '.join(c['frictionless']) or 'nothing'} |"
        )
    lines.append("")
    lines.append(
        f"Rows frictionless flags that the project does not: {len(unseen)}"
        + ("" if not unseen else " — " + "; ".join(f"{p['file']} row {p['row']} {p['rule']}" for p in unseen))
    )
    return "\n".join(lines)


@dataclass
class Report:
    sizes: list[dict]
    planted: list[dict]
    unseen_by_project: list[dict]

    @property
    def complete(self) -> bool:
        """Every planted error found by the project, and nothing frictionless flags unseen by it."""
        return all(c["project"] for c in self.planted) and not self.unseen_by_project


def run(
    sizes, claims_per_article: int, workdir: Path, repeat: int, with_frictionless: bool, progress=lambda claims: None
) -> Report:
    """The `bench validation` command: each size measured, then one error of each kind planted in a copy of the
    smallest package and what each engine reports of them."""
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for claims in sizes:
        root = package_for(workdir, claims, claims_per_article)
        results.append(size_row(root, with_frictionless=with_frictionless, repeat=repeat))
        progress(claims)
    smallest = package_for(workdir, min(sizes), claims_per_article)
    broken = workdir / f"claims-{min(sizes)}-planted"
    planted = plant_errors(smallest, broken)
    found, seen_by_frictionless = measure("validate", broken), measure("frictionless", broken)
    return Report(
        results, compare_findings(planted, found, seen_by_frictionless), unseen_by_project(found, seen_by_frictionless)
    )
