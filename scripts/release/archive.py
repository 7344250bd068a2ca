"""Cutting a release: one command that refuses a dirty tree, an invalid package or too low a version, then
commits and tags the release and writes an archive that any later run rebuilds byte for byte."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from scripts.build.pipeline import checked_outputs, write_outputs
from scripts.common.paths import Layout
from scripts.common.problems import format_text
from scripts.release.diff import LEVELS, required_level, schema_changes, summary_markdown, table_changes
from scripts.release.sources import PackageSource, SourceError, from_folder, from_git, git
from scripts.validate.package import validate_package

TAG = re.compile(r"^v(\d+)\.(\d+)\.(\d+)$")
# What a release archive carries besides the package: the codebook, licence, citation and history, the
# figure, and the two loaders, so that it is usable and checkable on its own.
ARCHIVE_EXTRAS = (
    "README.md",
    "LICENSE",
    "CITATION.cff",
    "CHANGELOG.md",
    "figures/casualty-claims.png",
    "scripts/load.py",
    "R/load.R",
)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no build time leaks into the bytes


class ReleaseError(Exception):
    """A release refused; the message says why and what to do."""


@dataclass(frozen=True)
class Released:
    version: str
    level: str
    previous: str | None
    archive: Path
    checksum: Path


def bump(version: str, level: str) -> str:
    major, minor, patch = (int(x) for x in version.split("."))
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[
        level
    ]


def latest_tag(root: Path) -> str | None:
    versions = {t: match.groups() for t in git(root, "tag", "--list", "v*").split() if (match := TAG.match(t))}
    return max(versions, key=lambda t: tuple(int(x) for x in versions[t]), default=None)


def archive_files(root: Path, ref: str) -> dict[str, bytes]:
    """The package and its companions exactly as committed at ref."""
    package = from_git(root, ref)
    files = dict(package.files)
    for path in ARCHIVE_EXTRAS:
        files[path] = git(root, "show", f"{ref}:{path}", text=False)
    return files


def archive_bytes(files: dict[str, bytes], top: str) -> bytes:
    """A zip whose bytes depend on the files alone: sorted names, one fixed time, fixed modes, fixed
    compression; everything under one top folder so that unpacking never scatters files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{path}", date_time=ZIP_TIME)
            info.create_system = 3  # unix, so the mode below is read
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[path], compresslevel=9)
    return buffer.getvalue()


def write_archive(root: Path, ref: str, dist: Path) -> tuple[Path, Path]:
    """dist/<name>-<version>.zip for the commit ref, and its .sha256 in the format `sha256sum -c` reads."""
    files = archive_files(root, ref)
    package = json.loads(files["datapackage.json"])
    stem = f"{package['name']}-{package['version']}"
    data = archive_bytes(files, stem)
    dist.mkdir(parents=True, exist_ok=True)
    archive, checksum = dist / f"{stem}.zip", dist / f"{stem}.zip.sha256"
    archive.write_bytes(data)
    checksum.write_text(f"{hashlib.sha256(data).hexdigest()}  {archive.name}\n", encoding="utf-8")
    return archive, checksum


def check_clean(root: Path) -> None:
    changes = git(root, "status", "--porcelain")
    if changes.strip():
        listed = "; ".join(line.strip() for line in changes.splitlines()[:5])
        raise ReleaseError(
            f"the working tree has uncommitted changes ({listed}); commit or stash them first: a "
            "release must be rebuildable from its commit"
        )


def check_valid(layout: Layout) -> None:
    problems = validate_package(layout, run_frictionless=True, frictionless_rows=True)
    if problems:
        raise ReleaseError(f"the package does not validate, so it cannot be released:\n{format_text(problems)}")


def choose_level(previous: PackageSource, current: PackageSource, asked: str | None) -> str:
    """The level the changes require, or the higher one asked for; never a lower one."""
    schemas, tables = schema_changes(previous, current), table_changes(previous, current)
    required = required_level(schemas, tables)
    if required is None:
        raise ReleaseError(f"nothing changed since {previous.label}: there is nothing to release")
    if asked is None:
        return required
    if LEVELS.index(asked) < LEVELS.index(required):
        reasons = [c.describe() for c in schemas if c.level == required] or ["rows were added, removed or corrected"]
        raise ReleaseError(
            f"a {asked} release is too low: the changes since {previous.label} require {required} "
            f"({'; '.join(reasons)}); release with --level {required} or higher"
        )
    return asked


def changelog_with_release(changelog: str, version: str, day: date, summary: str) -> str:
    """The [Unreleased] notes become the release's entry, followed by the data diff summary."""
    head = "## [Unreleased]"
    if head not in changelog:
        raise ReleaseError("CHANGELOG.md has no '## [Unreleased]' section to release")
    before, rest = changelog.split(head, 1)
    following = re.search(r"^## \[", rest, re.MULTILINE)
    notes, after = (rest[: following.start()], rest[following.start() :]) if following else (rest, "")
    entry = f"## [{version}] - {day.isoformat()}\n{notes.rstrip()}\n\n### Data changes\n\n{summary.strip()}\n\n"
    return f"{before}{head}\n\n{entry}{after}"


def citation_with_release(citation: str, version: str, day: date) -> str:
    for key, value in (("version", f'"{version}"'), ("date-released", f'"{day.isoformat()}"')):
        citation, found = re.subn(rf"^{key}: .*$", f"{key}: {value}", citation, flags=re.MULTILINE)
        if not found:
            raise ReleaseError(f"CITATION.cff has no '{key}:' line to update")
    return citation


def release(layout: Layout, level: str | None = None, day: date | None = None, since: str | None = None) -> Released:
    """Refuse, or cut the release: version, CITATION.cff, CHANGELOG.md, a commit, a tag, the archive."""
    root, day = layout.root, day or date.today()
    check_clean(root)
    check_valid(layout)
    previous_ref = since or latest_tag(root)
    current = from_folder(root)
    if previous_ref is None:
        version, chosen, summary = current.version, "first", "First release."
    else:
        try:
            previous = from_git(root, previous_ref)
        except SourceError as exc:
            raise ReleaseError(f"the previous release {previous_ref} cannot be read: {exc}") from None
        chosen = choose_level(previous, current, level)
        version = bump(previous.version, chosen)
        summary = summary_markdown(previous, current)
    if git(root, "tag", "--list", f"v{version}").strip():
        raise ReleaseError(f"v{version} is already tagged; a release never changes once cut")
    try:
        _write_release_files(layout, version, day, summary)
        check_valid(layout)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", f"Release {version}")
    except BaseException:
        git(root, "checkout", "--", ".")  # the tree was clean: put it back as it was
        raise
    git(root, "tag", "-a", f"v{version}", "-m", f"Release {version} ({chosen})")
    archive, checksum = write_archive(root, f"v{version}", root / "dist")
    return Released(version, chosen, previous_ref, archive, checksum)


def _write_release_files(layout: Layout, version: str, day: date, summary: str) -> None:
    """The new version in datapackage.json, CITATION.cff and CHANGELOG.md, then a build so that every
    generated file agrees."""
    root = layout.root
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    package["version"] = version
    layout.descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    citation = root / "CITATION.cff"
    citation.write_text(citation_with_release(citation.read_text(encoding="utf-8"), version, day), encoding="utf-8")
    changelog = root / "CHANGELOG.md"
    changelog.write_text(
        changelog_with_release(changelog.read_text(encoding="utf-8"), version, day, summary), encoding="utf-8"
    )
    write_outputs(checked_outputs(layout), layout)
