"""Validation: the descriptor, every table (pandera, with the project's row rules and foreign keys),
freshness against a build, and frictionless; every failure is collected, none stops the others.

Which engine checks what is ENGINES, which `validate` prints."""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor

from scripts.checks.descriptor import check_package_properties, checked_resources, read_descriptor
from scripts.checks.table_checks import check_tables
from scripts.common.paths import Layout
from scripts.common.problems import BuildError, ProblemList
from scripts.common.safety import linked_files, stray_files

# Problems of the descriptor or a Table Schema after which frictionless must not see it: it would fetch or read
# the places they name.
NOT_FOR_FRICTIONLESS = {
    "location-remote",
    "resource-path-unsafe",
    "resource-path",
    "resource-schema",
    "schema-invalid",
    "schema-field",
    "schema-key",
    "descriptor-invalid",
    "descriptor-property",
    "resource-property",
    "resource-name",
    "resource-profile",
    "resource-encoding",
}
ENGINES = {
    "frictionless": "datapackage.json against the Data Package and Table Schema profiles"
    " (with --frictionless-rows: also every row, as `frictionless validate` does)",
    "pandera": "each column of each table (polars backend): type, required, unique, enum, pattern, bounds, primary key",
    "project": "the descriptor's paths, checksums (sha256, bytes) and row counts, the CSV form (UTF-8, no BOM, LF,"
    " header, cells per row), foreign keys, rules across columns, evidence against the article files"
    " (sha256, length, offsets), and the tables equal a fresh build of seeds/",
}


def validate_package(
    layout: Layout, run_frictionless: bool = True, frictionless_rows: bool = False, rebuild: bool = True
) -> ProblemList:
    """Every problem of the package as committed; reads only, never writes. frictionless checks the descriptor
    unless run_frictionless is False, and every row too with frictionless_rows; rebuild=False skips the
    comparison with a fresh build (for a package whose codings are not at hand)."""
    problems = ProblemList()
    if linked_files(layout, problems):
        return problems  # nothing is read through a link
    stray_files(layout, problems)
    package = read_descriptor(layout, problems)
    resources = []
    if package is not None:
        check_package_properties(layout, package, problems)
        resources = checked_resources(layout, package, problems)
    if any(p.rule in NOT_FOR_FRICTIONLESS for p in problems):
        run_frictionless = False  # it would follow the places the descriptor names: refused above, never fetched
    # hashing the files, and frictionless's check of the descriptor, run beside the checks of the rows (both spend
    # much of their time where the checks let go of the interpreter: waiting on polars, pyarrow, numpy, the disk);
    # frictionless once the article texts are let go, as the memory it takes is not all given back
    with ThreadPoolExecutor(max_workers=1) as pool:
        digests = pool.submit(file_digests, layout, resources)
        beside = (
            (lambda: frictionless_problems(layout, problems, frictionless_rows))
            if run_frictionless and package is not None
            else None
        )
        heights = check_tables(
            layout, resources, {r["name"]: layout.root / r["path"] for r in resources}, problems, beside
        )
        check_checksums(layout, resources, digests.result(), problems)
    for index, resource in enumerate(resources):
        if "rows" in resource and resource["name"] in heights and heights[resource["name"]] != resource["rows"]:
            problems.add(
                layout.rel(layout.descriptor),
                "resource-rows",
                f"{resource['path']} has "
                f"{heights[resource['name']]} rows, not the number recorded here; rebuild with "
                "`python -m scripts build`",
                column=f"resources[{index}].rows",
                value=resource["rows"],
            )
    if rebuild:
        check_fresh(layout, problems)
    return problems


def file_digests(layout: Layout, resources: list[dict]) -> dict[str, tuple[str, int]]:
    """The sha256 and size of each table file there is, by resource path, read in blocks (hashlib lets go of the
    interpreter while it hashes a block)."""
    digests = {}
    for resource in resources:
        path = layout.root / resource["path"]
        if not path.is_file():
            continue  # reported as table-missing
        digest, size = hashlib.sha256(), 0
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
        digests[resource["path"]] = (f"sha256:{digest.hexdigest()}", size)
    return digests


def check_checksums(layout: Layout, resources: list[dict], digests: dict, problems: ProblemList) -> None:
    """Each table's sha256 and size are those datapackage.json records (what frictionless checks while it
    reads every row, computed here without parsing)."""
    for index, resource in enumerate(resources):
        if resource["path"] not in digests:
            continue
        actual, size = digests[resource["path"]]
        where = f"resources[{index}]"
        if "hash" in resource and resource["hash"] != actual:
            problems.add(
                layout.rel(layout.descriptor),
                "resource-hash",
                f"{resource['path']} does not have the "
                f"sha256 recorded here (it has {actual}); rebuild with `python -m scripts build`",
                column=f"{where}.hash",
                value=resource["hash"],
            )
        if "bytes" in resource and resource["bytes"] != size:
            problems.add(
                layout.rel(layout.descriptor),
                "resource-bytes",
                f"{resource['path']} has {size} bytes, "
                "not the number recorded here; rebuild with `python -m scripts build`",
                column=f"{where}.bytes",
                value=resource["bytes"],
            )


def check_fresh(layout: Layout, problems: ProblemList) -> None:
    """The committed tables, descriptor and codebook must be exactly what a fresh build writes."""
    from scripts.build.pipeline import build_outputs  # the build draws the figure: matplotlib only when rebuilding

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
            problems.add(
                rel,
                "stale",
                "differs from a fresh build (the build draws it from the tables); run "
                "`python -m scripts build` and commit the result",
            )
            continue
        new_lines, old_lines = data.decode("utf-8").split("\n"), (current or b"").decode("utf-8", "replace").split("\n")
        line = next(
            (i + 1 for i, (a, b) in enumerate(zip(new_lines, old_lines, strict=False)) if a != b),
            min(len(new_lines), len(old_lines)) + 1,
        )
        problems.add(
            rel,
            "stale",
            "differs from a fresh build (hand-edited or not rebuilt); run "
            "`python -m scripts build` and commit the result; first difference at this line",
            line=line,
            value=old_lines[line - 1] if line <= len(old_lines) else "<end of file>",
        )


def frictionless_problems(layout: Layout, problems: ProblemList, rows: bool = True) -> None:
    from frictionless import FrictionlessException, Package

    try:
        report = (
            Package(str(layout.descriptor)).validate()
            if rows
            else Package.validate_descriptor(str(layout.descriptor), basepath=str(layout.root))
        )
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
            problems.add(
                task.place,
                error.type,
                error.message,
                row=getattr(error, "row_number", None),
                column=getattr(error, "field_name", None),
                value=getattr(error, "cell", None),
                engine="frictionless",
            )
