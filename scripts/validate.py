"""Validation: the descriptor, every table (pandera, with the project's row rules and foreign keys),
freshness against a build, and frictionless; every failure is collected, none stops the others."""
from __future__ import annotations

from scripts.build import build_outputs
from scripts.descriptor import check_package_properties, checked_resources, read_descriptor
from scripts.paths import Layout
from scripts.problems import BuildError, ProblemList
from scripts.table_checks import check_tables


def validate_package(layout: Layout, run_frictionless: bool = True) -> ProblemList:
    """Every problem of the package as committed; reads only, never writes."""
    problems = ProblemList()
    package = read_descriptor(layout, problems)
    resources = []
    if package is not None:
        check_package_properties(layout, package, problems)
        resources = checked_resources(layout, package, problems)
    check_tables(layout, resources, {r["name"]: layout.root / r["path"] for r in resources}, problems)
    check_fresh(layout, problems)
    if run_frictionless and package is not None:
        frictionless_problems(layout, problems)
    return problems


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
        if path.suffix == ".png":  # a picture has no lines to point at
            problems.add(rel, "stale", "differs from a fresh build (the build draws it from the tables); run "
                         "`python -m scripts build` and commit the result")
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
