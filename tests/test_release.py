"""Releasing: refused on a dirty tree, invalid data or too low a level; otherwise a commit, a tag and an
archive that validates on its own, detects a changed byte, and is rebuilt byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.paths import ROOT
from scripts.load import load
from scripts.release.archive import ReleaseError, release, write_archive
from tests.conftest import replace_in

EXTRAS = ("LICENSE", "CITATION.cff", "CHANGELOG.md", "scripts/load.py", "R/load.R", ".gitignore", ".gitattributes")
DAY = date(2026, 12, 1)
FIGURE = "    value_text: some 500\n"  # claim c06 of seed 004


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo.root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def project(repo, monkeypatch):
    """A throw-away git repository holding the package and what a release archive carries."""
    for name in EXTRAS:
        (repo.root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, repo.root / name)
    for key, value in {
        "GIT_AUTHOR_NAME": "Maintainer",
        "GIT_AUTHOR_EMAIL": "maintainer@example.org",
        "GIT_COMMITTER_NAME": "Maintainer",
        "GIT_COMMITTER_EMAIL": "maintainer@example.org",
        "GIT_CONFIG_GLOBAL": "/dev/null",
    }.items():
        monkeypatch.setenv(key, value)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Initial")
    return repo


def commit(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def rebuild_and_commit(repo, message):
    result = CliRunner().invoke(main, ["--root", str(repo.root), "build"])
    assert result.exit_code == 0, result.output
    commit(repo, message)


def unpack(archive, target):
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    (folder,) = target.iterdir()
    return folder


def test_the_first_release_is_the_descriptor_version_committed_tagged_and_archived(project):
    released = release(project, day=DAY)
    assert (released.version, released.level, released.previous) == ("0.1.0", "first", None)
    assert git(project, "status", "--porcelain") == ""
    assert git(project, "tag", "--list") == "v0.1.0\n"
    assert git(project, "log", "-1", "--format=%s") == "Release 0.1.0\n"
    assert released.archive == project.root / "dist" / "conflict-news-claims-0.1.0.zip"
    data = released.archive.read_bytes()
    assert (
        released.checksum.read_text(encoding="utf-8")
        == f"{hashlib.sha256(data).hexdigest()}  {released.archive.name}\n"
    )
    citation = yaml.safe_load((project.root / "CITATION.cff").read_text(encoding="utf-8"))
    assert (citation["version"], citation["date-released"]) == ("0.1.0", "2026-12-01")
    changelog = (project.root / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]\n\n## [0.1.0] - 2026-12-01\n" in changelog and "First release." in changelog


def test_the_archive_is_self_contained_and_validates_unpacked_anywhere(project, tmp_path_factory):
    from frictionless import Package

    released = release(project, day=DAY)
    folder = unpack(released.archive, tmp_path_factory.mktemp("elsewhere"))
    assert folder.name == "conflict-news-claims-0.1.0"
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert {
        "datapackage.json",
        "README.md",
        "LICENSE",
        "CITATION.cff",
        "CHANGELOG.md",
        "figures/casualty-claims.png",
        "scripts/load.py",
        "R/load.R",
        "schemas/claims.json",
        "datapackage/claims.csv",
    } <= set(names)
    assert not [n for n in names if n.startswith(("seeds/", "tests/"))]  # the article texts stay the publishers'
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "0.1.0" and all(r["hash"].startswith("sha256:") for r in package["resources"])
    assert load(folder / "datapackage.json")["claims"]["value_min"].dtype == "Int64"


def test_one_changed_byte_in_an_unpacked_archive_is_a_hash_mismatch(project, tmp_path_factory):
    from frictionless import Package

    folder = unpack(release(project, day=DAY).archive, tmp_path_factory.mktemp("elsewhere"))
    table = folder / "datapackage" / "actors.csv"
    data = bytearray(table.read_bytes())
    data[data.index(b"Azerbaijan")] = ord("a")  # one byte, still a valid cell
    table.write_bytes(bytes(data))
    report = Package(str(folder / "datapackage.json")).validate()
    errors = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert errors == {("actors", "hash-count")}


def test_an_archive_is_rebuilt_byte_for_byte_from_its_commit(project, tmp_path):
    released = release(project, day=DAY)
    first = released.archive.read_bytes()
    again, _ = write_archive(project.root, "v0.1.0", tmp_path / "again")
    assert again.read_bytes() == first
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project.root), str(clone)], check=True)
    from_clone, _ = write_archive(clone, "v0.1.0", tmp_path / "from-clone")
    assert from_clone.read_bytes() == first


def test_rows_corrected_make_a_patch_release_with_the_data_changes_in_the_changelog(project):
    release(project, day=DAY)
    replace_in(project.seeds / "004_a3deb327b58a8082.yaml", "    type: territory\n", "    type: other\n")
    rebuild_and_commit(project, "Correct a claim type")
    released = release(project, day=date(2026, 12, 2))
    assert (released.version, released.level, released.previous) == ("0.1.1", "patch", "v0.1.0")
    changelog = (project.root / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog.split("## [0.1.1] - 2026-12-02\n", 1)[1].split("## [0.1.0]", 1)[0]
    assert "### Data changes" in entry and "| claims |" in entry and "claim_type" in entry


def test_a_release_lower_than_the_changes_require_is_refused(project):
    release(project, day=DAY)
    replace_in(project.schemas / "events.json", '"war"\n', '"war",\n          "riot"\n')  # a vocabulary value added
    replace_in(
        project.registry / "event_types.yaml",
        "- event_type: war\n",
        "- event_type: riot\n  label: Riot\n  description: A violent public disturbance.\n"
        "  acled_event_type: Riots\n- event_type: war\n",
    )
    rebuild_and_commit(project, "Add the riot event type")
    before = git(project, "rev-parse", "HEAD")
    with pytest.raises(
        ReleaseError, match=r"a patch release is too low: the changes since git v0.1.0 require minor \(.*riot"
    ):
        release(project, level="patch", day=DAY)
    assert git(project, "rev-parse", "HEAD") == before and git(project, "status", "--porcelain") == ""
    assert release(project, day=DAY).version == "0.2.0"  # what the changes require, proposed by the command


def test_a_dirty_tree_is_refused(project):
    (project.root / "notes.txt").write_text("draft", encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"the working tree has uncommitted changes \(\?\? notes.txt\)"):
        release(project, day=DAY)
    assert git(project, "tag", "--list") == ""


def test_an_invalid_package_is_refused_with_its_problems(project):
    replace_in(project.table_path("events"), "Second day of heavy fighting", "Edited by hand")
    commit(project, "Hand-edit a table")
    with pytest.raises(ReleaseError) as error:
        release(project, day=DAY)
    assert "the package does not validate" in str(error.value) and "[stale]" in str(error.value)
    assert git(project, "tag", "--list") == "" and not (project.root / "dist").exists()


def test_nothing_to_release_is_refused(project):
    release(project, day=DAY)
    with pytest.raises(ReleaseError, match="nothing changed since git v0.1.0"):
        release(project, day=DAY)


def test_a_release_failing_after_it_began_writing_leaves_the_tree_as_it_was(project, monkeypatch):
    import scripts.release.archive as module

    calls = []

    def fail_the_second_time(layout):
        calls.append(layout)
        if len(calls) == 2:
            raise ReleaseError("the rebuilt package does not validate")

    monkeypatch.setattr(module, "check_valid", fail_the_second_time)
    with pytest.raises(ReleaseError):
        release(project, day=DAY)
    assert len(calls) == 2
    assert git(project, "status", "--porcelain") == "" and git(project, "tag", "--list") == ""


def test_the_command_line_releases_refuses_and_rebuilds_archives(project, tmp_path):
    runner = CliRunner()
    args = ["--root", str(project.root)]
    released = runner.invoke(main, [*args, "release", "--date", "2026-12-01"])
    assert released.exit_code == 0, released.output
    assert "released 0.1.0: first (the first release); tagged v0.1.0" in released.output
    assert "wrote dist/conflict-news-claims-0.1.0.zip" in released.output
    again = runner.invoke(main, [*args, "release"])
    assert again.exit_code == 1 and "Release refused: nothing changed since git v0.1.0" in again.output
    rebuilt = runner.invoke(main, [*args, "archive", "v0.1.0", "--dist", str(tmp_path)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert (tmp_path / "conflict-news-claims-0.1.0.zip").read_bytes() == (
        project.root / "dist" / "conflict-news-claims-0.1.0.zip"
    ).read_bytes()
    missing = runner.invoke(main, [*args, "archive", "v9.9.9"])
    assert missing.exit_code == 1 and "Cannot write the archive: git ls-tree" in missing.output
