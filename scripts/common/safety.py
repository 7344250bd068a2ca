"""What a pull request must never make CI do: read or print a file outside the repository, or connect anywhere.

CI builds and validates whatever a pull request holds. A symbolic link (git stores them) could point at any file
the runner can read, so no file the build or validation reads or writes may be one: they are refused before
anything is read. A descriptor or Table Schema that names a remote or absolute location (a profile, a schema, a
path) is refused before frictionless sees it, since frictionless would fetch it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from scripts.common.csvio import JOURNAL, STAGED
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.common.yamlfile import key_path, leaves

# The named profiles of the Data Package specifications; any other profile is a location frictionless would fetch.
NAMED_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource"}
# The one remote address a Table Schema may carry: its `$schema`, which frictionless does not fetch.
TABLE_SCHEMA_SPEC = "https://specs.frictionlessdata.io/schemas/table-schema.json"
# The JSON Schema draft the coding schemas declare; jsonschema does not fetch it.
JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Keys whose values frictionless or jsonschema read as locations; metadata (licences, sources, contributors) may
# hold addresses. A `$ref` may only point inside its own document ("#/..."), and no `$id` may move it elsewhere.
LOCATIONS = {"profile", "$schema", "schema", "path", "dialect", "data", "extrapaths", "$ref", "$id", "$dynamicRef"}
METADATA = {"licenses", "sources", "contributors", "homepage"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # http:, https:, file:, a drive letter ...
_OUTSIDE = re.compile(r"^[/\\~]|(^|[/\\])\.\.([/\\]|$)")  # an absolute path, or one climbing out


def linked_files(layout: Layout, problems: ProblemList) -> bool:
    """Report every symbolic link among the files the build and validation read or write; True if there is one."""
    found = False
    places = [layout.descriptor, layout.readme, layout.contributing, layout.root / JOURNAL]
    for folder in (layout.seeds, layout.schemas, layout.tables, layout.figure.parent):
        places.append(folder)
        if folder.is_dir() and not folder.is_symlink():
            for top, folders, files in os.walk(folder):  # never follows a link to a folder
                places += [Path(top, name) for name in [*folders, *files]]
    for path in places:
        if path.is_symlink():
            found = True
            problems.add(
                layout.rel(path),
                "symlink",
                "this is a symbolic link; CI reads only the repository's own files, so the project never "
                "follows one: replace the link with the file (or folder) itself",
            )
    return found


def stray_files(layout: Layout, problems: ProblemList) -> None:
    """Report what an interrupted replacement left: its journal (the package may be half old, half new) and staged
    files, which `git add -A` would otherwise commit."""
    if (layout.root / JOURNAL).exists():
        problems.add(
            layout.rel(layout.root / JOURNAL),
            "write-interrupted",
            "a build or a draft was stopped while it "
            "replaced files, so some may be new and some old: run `python -m scripts build`, which finishes "
            "the replacement, then validate again",
        )
    for folder in layout.written_folders:
        for path in sorted(folder.glob(".*.tmp")) if folder.is_dir() and not folder.is_symlink() else []:
            if STAGED.match(path.name):
                problems.add(
                    layout.rel(path),
                    "stray-file",
                    "a temporary file an interrupted build or draft left "
                    "behind; run `python -m scripts build` (it removes it) or delete it",
                )


def remote_locations(document, file: str, problems: ProblemList) -> bool:
    """Report every location in a descriptor or Table Schema that is remote or absolute; True if there is one."""
    found = False
    for path, key, value in leaves(document, skip=METADATA):
        if key in LOCATIONS and isinstance(value, str) and not _allowed(key, value):
            found = True
            problems.add(
                file,
                "location-remote",
                f"'{key}' names a place outside the repository; the package "
                "reads only its own files, and validation never connects anywhere: give a path inside the "
                "repository (or, for a profile, the name of a standard one)",
                column=key_path(path),
                value=value,
            )
    return found


def _allowed(key: str, value: str) -> bool:
    if key == "profile" and value in NAMED_PROFILES:
        return True
    if key == "$schema" and value in (TABLE_SCHEMA_SPEC, JSON_SCHEMA_DRAFT):
        return True
    if key in ("$ref", "$dynamicRef"):
        return value.startswith("#")
    if key == "$id":
        return False
    if key in ("path", "schema") and not _SCHEME.search(value):
        return True  # a resource's own path and schema: scripts/checks/descriptor.py says where they must be
    return not (_SCHEME.search(value) or _OUTSIDE.search(value))
