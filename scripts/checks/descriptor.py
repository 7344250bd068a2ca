"""Checking datapackage.json before anything trusts it: the build writes, and validation reads, only the
files its resources name, so a resource path must never point outside the repository, nor any location it
names be remote; and each resource's Table Schema must keep its contract (scripts/checks/schema_contract.py)."""

from __future__ import annotations

import json

from scripts.checks.schema_contract import read_schemas
from scripts.common.paths import Layout, is_inside
from scripts.common.problems import ProblemList
from scripts.common.safety import remote_locations

PACKAGE_PROPERTIES = ("name", "title", "version", "licenses", "sources", "contributors", "resources")
# Every property the package may carry, and each resource: what else frictionless would act on (extra paths to
# read, another scheme, compression, a dialect) is not this package's and is refused.
ALLOWED_PACKAGE = {*PACKAGE_PROPERTIES, "profile", "description", "keywords", "homepage", "created", "id", "image"}
ALLOWED_RESOURCE = {
    "name",
    "path",
    "schema",
    "profile",
    "title",
    "description",
    "encoding",
    "scheme",
    "format",
    "mediatype",
    "hash",
    "bytes",
    "rows",
}
FIXED_RESOURCE = {"scheme": "file", "format": "csv", "mediatype": "text/csv"}  # where given, these values only


def read_descriptor(layout: Layout, problems: ProblemList) -> dict | None:
    try:
        package = json.loads(layout.descriptor.read_bytes().decode("utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        why = str(exc)[:200]
        problems.add(
            layout.rel(layout.descriptor),
            "descriptor-invalid",
            f"datapackage.json cannot be read as UTF-8 JSON ({why}); restore it from git and edit it again",
        )
        return None
    if not isinstance(package, dict):
        problems.add(layout.rel(layout.descriptor), "descriptor-invalid", "datapackage.json must hold a JSON object")
        return None
    return package


def check_package_properties(layout: Layout, package: dict, problems: ProblemList) -> None:
    rel = layout.rel(layout.descriptor)
    for key in PACKAGE_PROPERTIES:
        if not package.get(key):
            problems.add(rel, "descriptor-property", f"the package needs a non-empty '{key}'", column=key)
    for key in sorted(set(package) - ALLOWED_PACKAGE, key=str):
        problems.add(
            rel,
            "descriptor-property",
            f"'{key}' is not a property of this package; remove it (it may "
            f"carry: {', '.join(sorted(ALLOWED_PACKAGE))})",
            column=str(key),
        )
    for key in ("licenses", "sources", "contributors"):
        if package.get(key) and not (isinstance(package[key], list) and all(isinstance(x, dict) for x in package[key])):
            problems.add(rel, "descriptor-property", f"'{key}' is a list of objects", column=key)


def checked_resources(layout: Layout, package: dict, problems: ProblemList) -> list[dict]:
    """The resources that are safe to read and write: each lives at datapackage/<name>.csv with the schema
    schemas/<name>.json; every other one is a problem, and every schema needs its resource."""
    rel = layout.rel(layout.descriptor)
    if remote_locations(package, rel, problems):
        return []  # nothing of a descriptor that names places outside the repository is followed
    safe, names = [], set()
    resources = package.get("resources")
    for i, resource in enumerate(resources if isinstance(resources, list) else []):
        where = f"resources[{i}]"
        name = resource.get("name") if isinstance(resource, dict) else None
        if not isinstance(name, str) or not name:
            problems.add(rel, "resource-name", "each resource needs a 'name'", column=f"{where}.name")
            continue
        names.add(name)
        ok = True
        for key, expected in (
            ("path", layout.rel(layout.table_path(name))),
            ("schema", layout.rel(layout.schema_path(name))),
        ):
            value = resource.get(key)
            if not is_inside(value):
                problems.add(
                    rel,
                    "resource-path-unsafe",
                    f"'{key}' must be a relative path inside the repository "
                    f"(no leading '/', no '..'); for '{name}' it is {expected}",
                    column=f"{where}.{key}",
                    value=value,
                )
                ok = False
            elif value != expected:
                problems.add(
                    rel,
                    f"resource-{key}",
                    f"the {key} of '{name}' must be {expected}",
                    column=f"{where}.{key}",
                    value=value,
                )
                ok = False
        for key in sorted(set(resource) - ALLOWED_RESOURCE, key=str):
            problems.add(
                rel,
                "resource-property",
                f"'{key}' is not a property of this package's resources; remove it "
                f"(a resource may carry: {', '.join(sorted(ALLOWED_RESOURCE))})",
                column=f"{where}.{key}",
            )
            ok = False
        for key, value in FIXED_RESOURCE.items():
            if key in resource and resource[key] != value:
                problems.add(
                    rel,
                    "resource-property",
                    f"'{key}' must be \"{value}\": the tables are local CSV files",
                    column=f"{where}.{key}",
                    value=resource[key],
                )
                ok = False
        if resource.get("profile") != "tabular-data-resource":
            problems.add(
                rel,
                "resource-profile",
                'each resource needs "profile": "tabular-data-resource" (the R frictionless package refuses others)',
                column=f"{where}.profile",
                value=resource.get("profile"),
            )
        if resource.get("encoding") != "utf-8":
            problems.add(
                rel,
                "resource-encoding",
                'each resource needs "encoding": "utf-8"',
                column=f"{where}.encoding",
                value=resource.get("encoding"),
            )
        if ok and not layout.schema_path(name).exists():
            problems.add(
                rel,
                "resource-schema",
                f"the schema file {resource['schema']} does not exist; add it or remove the resource",
                column=f"{where}.schema",
                value=resource["schema"],
            )
            ok = False
        if ok:
            safe.append(resource)
    for schema_file in sorted(layout.schemas.glob("*.json")):
        if schema_file.stem not in names:
            problems.add(
                rel,
                "resource-missing",
                f"schemas/{schema_file.name} has no resource in datapackage.json; add one",
                value=schema_file.stem,
            )
    # each Table Schema checked as a contract: every declared resource's that exists, so that a reference to a
    # resource refused for another reason is not also reported as a reference to nothing
    declared = sorted(name for name in names if is_inside(name) and layout.schema_path(name).is_file())
    kept = read_schemas(layout, declared, problems)
    return [r for r in safe if r["name"] in kept]
