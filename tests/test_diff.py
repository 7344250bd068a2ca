"""diff: what changed between two versions of the package (rows by primary key, schema changes with their semver
level), read from a folder, a release archive or a git ref, and printed as text, JSON or a CHANGELOG summary."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.paths import Layout
from scripts.release.diff import (
    MEANING_CHECK,
    SchemaChange,
    TableChange,
    compare,
    render_text,
    required_level,
    schema_changes,
    summary_markdown,
    table_changes,
)
from scripts.release.sources import SourceError, from_folder, open_source
from tests.conftest import copy_repository, replace_in
from tests.frozen import SEED_000, SEED_004, frozen

PACKAGE = json.loads((frozen().root / "datapackage.json").read_text(encoding="utf-8"))  # the tests' own copy
VERSION = PACKAGE["version"]
TABLES = sorted(r["name"] for r in PACKAGE["resources"])

C11 = """  - id: c11
    evidence: and 30 were wounded
    statement: s08
    type: wounded
    victim: azerbaijan
    victim_status: civilian
    value_text: "30"
    note: The article does not say on which day; the date stays empty.
"""
AZERBAIJAN_ALIASES = "  aliases: [Azeri, Azerbaijani, Baku, the Azeri side]\n"

# What the edits of the `edited` fixture change, and nothing else.
EDITED_TABLES = {
    "actor_aliases": TableChange(
        "actor_aliases", ["actor_id", "alias"], "kept", added=[("azerbaijan", "Republic of Azerbaijan")]
    ),
    "claim_disagreements": TableChange(
        "claim_disagreements",
        ["claim_id_a", "claim_id_b"],
        "kept",
        changed=[((f"{SEED_000}:c04", f"{SEED_004}:c03"), ["relation"])],
    ),
    "claims": TableChange(
        "claims",
        ["claim_id"],
        "kept",
        removed=[(f"{SEED_000}:c11",)],
        changed=[((f"{SEED_000}:c04",), ["value_min", "value_max", "qualifier", "value_text"])],
    ),
}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def snapshot(layout: Layout, folder: Path) -> Path:
    """The package files of a repository copy as an unpacked release: datapackage.json, schemas/, datapackage/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(layout.descriptor, folder / "datapackage.json")
    shutil.copytree(layout.schemas, folder / "schemas")
    shutil.copytree(layout.tables, folder / "datapackage")
    return folder


def archive(folder: Path, path: Path, top: str = f"conflict-news-claims-{VERSION}") -> Path:
    """A release archive of a folder: every file under one top folder."""
    with zipfile.ZipFile(path, "w") as zipped:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                zipped.write(file, f"{top}/{file.relative_to(folder).as_posix()}")
    return path


def build(layout: Layout) -> None:
    result = run("--root", layout.root, "build")
    assert result.exit_code == 0, result.output


def changed_only(changes: dict[str, TableChange]) -> dict[str, TableChange]:
    return {name: change for name, change in changes.items() if change.has_changes}


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> tuple[Path, Path]:
    """(old folder, new repository root): seed 000's c04 worded "31" (in its evidence) instead of "around 200", its
    c11 removed, and an alias added to azerbaijan in the registry, then rebuilt with the CLI."""
    layout = copy_repository(tmp_path_factory.mktemp("repo"), frozen().root)
    old = snapshot(layout, tmp_path_factory.mktemp("old"))
    coding = layout.seeds / f"{SEED_000}.yaml"
    replace_in(coding, "    value_text: around 200\n", '    value_text: "31"\n')
    replace_in(coding, C11, "")
    replace_in(
        layout.registry / "actors.yaml",
        AZERBAIJAN_ALIASES,
        AZERBAIJAN_ALIASES.replace("]", ", Republic of Azerbaijan]"),
    )
    build(layout)
    return old, layout.root


# --- rows -----------------------------------------------------------------------------------------------------


def test_identical_versions_have_no_changes_and_no_level(repo, tmp_path):
    folder = from_folder(repo.root)
    zipped = open_source(str(archive(snapshot(repo, tmp_path / "unpacked"), tmp_path / "release.zip")), repo.root)
    for old, new in [(folder, folder), (zipped, folder)]:
        changes = table_changes(old, new)
        assert sorted(changes) == TABLES
        assert changed_only(changes) == {}
        assert schema_changes(old, new) == []
        assert required_level([], changes) is None
        assert summary_markdown(old, new) == f"### Compared with {VERSION} ({old.label})\n\nNo changes.\n"


def test_a_coding_edit_rebuilt_shows_the_exact_rows_and_columns_and_is_a_patch(edited):
    old, new = from_folder(edited[0]), from_folder(edited[1])
    changes = table_changes(old, new)
    assert sorted(changes) == TABLES  # every table, unchanged ones too
    assert changed_only(changes) == EDITED_TABLES
    assert schema_changes(old, new) == []  # the rebuilt descriptor's file statistics are not schema changes
    assert required_level([], changes) == "patch"


def test_a_row_added_to_a_composite_key_table_is_one_added_key(edited, repo):
    old, new = from_folder(edited[0]), from_folder(edited[1])
    assert table_changes(old, new)["actor_aliases"].added == [("azerbaijan", "Republic of Azerbaijan")]

    before = from_folder(repo.root)
    rows = len(repo.table_path("event_actors").read_text(encoding="utf-8").splitlines())
    with repo.table_path("event_actors").open("a", encoding="utf-8", newline="") as table:
        table.write("e-1990s-war,armenia,actor\n")  # (event, actor, role): a known pair in a new role is a new row
    changes = table_changes(before, from_folder(repo.root))
    assert changed_only(changes) == {
        "event_actors": TableChange(
            "event_actors", ["event_id", "actor_id", "role"], added=[("e-1990s-war", "armenia", "actor")]
        )
    }
    assert required_level(schema_changes(before, from_folder(repo.root)), changes) == "patch"

    with repo.table_path("event_actors").open("a", encoding="utf-8", newline="") as table:
        table.write("e-1990s-war,armenia,side_b\n")  # already there: rows can no longer be matched by key
    with pytest.raises(SourceError) as refused:
        table_changes(before, from_folder(repo.root))
    assert str(refused.value) == (
        f"{repo.root}: table 'event_actors' row {rows + 2} repeats the key ('e-1990s-war', 'armenia', 'side_b')"
    )


# --- schemas --------------------------------------------------------------------------------------------------


def edit_schema(layout: Layout, name: str, change) -> None:
    path = layout.schema_path(name)
    schema = json.loads(path.read_text(encoding="utf-8"))
    change(schema)
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_table(layout: Layout, name: str, change) -> None:
    """change(header, rows) edits the lists in place; the table is written back as the build writes it."""
    path = layout.table_path(name)
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(header, rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *rows])
    path.write_text(out.getvalue(), encoding="utf-8")


def edit_descriptor(layout: Layout, change) -> None:
    package = json.loads(layout.descriptor.read_text(encoding="utf-8"))
    change(package)
    layout.descriptor.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def field(schema: dict, name: str) -> dict:
    return next(f for f in schema["fields"] if f["name"] == name)


def add_value_unit(layout):
    def schema(s):
        at = [f["name"] for f in s["fields"]].index("value_text") + 1
        s["fields"].insert(at, {"name": "value_unit", "type": "string", "description": "What is counted."})

    def table(header, rows):
        at = header.index("value_text") + 1
        header.insert(at, "value_unit")
        for row in rows:
            row.insert(at, "people")

    edit_schema(layout, "claims", schema)
    edit_table(layout, "claims", table)


def remove_column(layout, name):
    edit_schema(layout, "claims", lambda s: s["fields"].remove(field(s, name)))

    def table(header, rows):
        at = header.index(name)
        for record in (header, *rows):
            del record[at]

    edit_table(layout, "claims", table)


def rename_value_text(layout):
    edit_schema(layout, "claims", lambda s: field(s, "value_text").update(name="value_words"))
    edit_table(layout, "claims", lambda header, rows: header.__setitem__(header.index("value_text"), "value_words"))


def value_min_as_number(layout):
    edit_schema(layout, "claims", lambda s: field(s, "value_min").update(type="number"))

    def table(header, rows):
        at = header.index("value_min")
        for row in rows:
            row[at] = f"{row[at]}.0" if row[at] else ""

    edit_table(layout, "claims", table)


def move_claims(layout):
    edit_descriptor(
        layout,
        lambda p: next(r for r in p["resources"] if r["name"] == "claims").update(path="datapackage/claims-v2.csv"),
    )
    layout.table_path("claims").rename(layout.tables / "claims-v2.csv")


def claims_resource(package):
    return next(r for r in package["resources"] if r["name"] == "claims")


SCHEMA_CASES = {
    "field added": (add_value_unit, [SchemaChange("claims", "value_unit", "field added", "minor", "string")], "minor"),
    "field removed": (
        lambda layout: remove_column(layout, "date_text"),
        [SchemaChange("claims", "date_text", "field removed", "major")],
        "major",
    ),
    "field renamed": (
        rename_value_text,
        [
            SchemaChange("claims", "value_text", "field removed", "major"),
            SchemaChange("claims", "value_words", "field added", "minor", "string"),
        ],
        "major",
    ),
    "type changed": (
        value_min_as_number,
        [SchemaChange("claims", "value_min", "type changed", "major", "integer -> number")],
        "major",
    ),
    "enum value added": (
        lambda layout: edit_schema(
            layout, "claims", lambda s: field(s, "claim_type")["constraints"]["enum"].append("shelling")
        ),
        [SchemaChange("claims", "claim_type", "enum value added", "minor", '"shelling"')],
        "minor",
    ),
    "enum value removed and one added": (
        lambda layout: edit_schema(
            layout,
            "claims",
            lambda s: field(s, "claim_type")["constraints"].update(
                enum=["shelling" if v == "missing" else v for v in field(s, "claim_type")["constraints"]["enum"]]
            ),
        ),
        [
            SchemaChange("claims", "claim_type", "enum value removed", "major", '"missing"'),
            SchemaChange("claims", "claim_type", "enum value added", "minor", '"shelling"'),
        ],
        "major",
    ),
    "primary key changed": (
        lambda layout: edit_schema(
            layout, "actor_mentions", lambda s: s.update(primaryKey=["article_id", "char_start"])
        ),
        [
            SchemaChange(
                "actor_mentions",
                None,
                "primary key changed",
                "major",
                '["article_id", "char_start", "char_end"] -> ["article_id", "char_start"]',
            )
        ],
        "major",
    ),
    "constraint changed": (
        lambda layout: edit_schema(layout, "claims", lambda s: field(s, "value_max")["constraints"].update(minimum=1)),
        [SchemaChange("claims", "value_max", "constraint changed", "minor", "minimum 0 -> 1")],
        "minor",
    ),
    "foreign key removed": (
        lambda layout: edit_schema(layout, "claims", lambda s: s["foreignKeys"].pop(2)),
        [SchemaChange("claims", None, "foreign key removed", "minor", "via_actor_id -> actors.actor_id")],
        "minor",
    ),
    "field description changed": (
        lambda layout: edit_schema(
            layout, "claims", lambda s: field(s, "value_text").update(description="The figure as the article words it.")
        ),
        [SchemaChange("claims", "value_text", "description changed", "patch", check=MEANING_CHECK)],
        "patch",
    ),
    "table description changed": (
        lambda layout: edit_schema(layout, "claims", lambda s: s.update(description="One row per claim.")),
        [SchemaChange("claims", None, "description changed", "patch", check=MEANING_CHECK)],
        "patch",
    ),
    "table file moved": (
        move_claims,
        [
            SchemaChange(
                "claims", None, "path changed", "major", '"datapackage/claims.csv" -> "datapackage/claims-v2.csv"'
            )
        ],
        "major",
    ),
    "file statistics only": (
        lambda layout: edit_descriptor(layout, lambda p: claims_resource(p).update(hash="sha256:0", bytes=1, rows=1)),
        [],
        None,
    ),
    "table removed": (
        lambda layout: edit_descriptor(
            layout,
            lambda p: p["resources"].remove(next(r for r in p["resources"] if r["name"] == "claim_disagreements")),
        ),
        [SchemaChange("claim_disagreements", None, "table removed", "major")],
        "major",
    ),
}


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_schema_changes_and_their_levels(repo, case):
    edit, expected, level = SCHEMA_CASES[case]
    old = from_folder(repo.root)
    edit(repo)
    new = from_folder(repo.root)
    changes = schema_changes(old, new)
    assert changes == expected
    assert required_level(changes, table_changes(old, new)) == level


def test_columns_added_removed_and_retyped_show_in_the_table_changes(repo):
    old = from_folder(repo.root)
    header, *rows = list(csv.reader(io.StringIO(repo.table_path("claims").read_text(encoding="utf-8"))))
    with_min = [(row[0],) for row in rows if row[header.index("value_min")]]
    add_value_unit(repo)
    remove_column(repo, "date_text")
    value_min_as_number(repo)
    changes = changed_only(table_changes(old, from_folder(repo.root)))
    assert changes == {
        "claims": TableChange(
            "claims",
            ["claim_id"],
            "kept",
            columns_added=["value_unit"],
            columns_removed=["date_text"],
            changed=[(key, ["value_min"]) for key in sorted(with_min)],
        )
    }
    assert len(with_min) == 15 and (f"{SEED_000}:c02",) in with_min  # the type change shows in every value


def test_a_table_in_one_version_only_is_all_rows_added_or_removed(repo):
    old = from_folder(repo.root)
    SCHEMA_CASES["table removed"][0](repo)
    new = from_folder(repo.root)
    header = [
        "claim_id_a",
        "claim_id_b",
        "relation",
        "claimant_actor_id",
        "claim_type",
        "victim_actor_id",
        "victim_status",
        "date_start",
        "date_end",
    ]
    pairs = [(f"{SEED_000}:c02", f"{SEED_004}:c01"), (f"{SEED_000}:c04", f"{SEED_004}:c03")]
    key = ["claim_id_a", "claim_id_b"]
    assert changed_only(table_changes(old, new)) == {
        "claim_disagreements": TableChange("claim_disagreements", key, "removed", removed=pairs, columns_removed=header)
    }
    assert changed_only(table_changes(new, old)) == {
        "claim_disagreements": TableChange("claim_disagreements", key, "added", added=pairs, columns_added=header)
    }
    assert schema_changes(new, old) == [SchemaChange("claim_disagreements", None, "table added", "minor")]
    assert required_level(schema_changes(new, old), table_changes(new, old)) == "minor"


# --- where versions come from ---------------------------------------------------------------------------------


def test_a_release_archive_reads_like_its_folder(edited, tmp_path):
    old_folder, new_root = edited
    zipped = archive(old_folder, tmp_path / f"conflict-news-claims-{VERSION}.zip")
    old = open_source(str(zipped), new_root)
    assert old.label == str(zipped)
    assert changed_only(table_changes(old, open_source(str(new_root), new_root))) == EDITED_TABLES


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_a_git_commit_against_the_working_tree_and_against_another_commit(repo):
    git(repo.root, "init", "-q")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "first")
    first = git(repo.root, "rev-parse", "HEAD").strip()
    replace_in(repo.seeds / f"{SEED_000}.yaml", C11, "")
    build(repo)
    git(repo.root, "commit", "-q", "-am", "second")
    expected = {"claims": TableChange("claims", ["claim_id"], removed=[(f"{SEED_000}:c11",)])}

    old = open_source(first, repo.root)
    assert old.label == f"git {first}"
    assert changed_only(table_changes(old, open_source(str(repo.root), repo.root))) == expected
    assert changed_only(table_changes(old, open_source("HEAD", repo.root))) == expected
    assert changed_only(table_changes(open_source("HEAD", repo.root), from_folder(repo.root))) == {}

    result = run("--root", repo.root, "diff", first)  # NEW: the working tree
    assert (result.exit_code, result.stdout) == (
        0,
        (
            f"old: {VERSION} (git {first})\nnew: {VERSION} ({repo.root})\nRequired level: patch\n\n"
            f"claims (key claim_id): 0 added, 1 removed, 0 changed\n  removed {SEED_000}:c11\n"
        ),
    )


# --- reports --------------------------------------------------------------------------------------------------


def test_summary_markdown_for_a_coding_edit(edited):
    old, new = from_folder(edited[0]), from_folder(edited[1])
    assert summary_markdown(old, new) == (
        f"### Compared with {VERSION} ({edited[0]})\n"
        "\n"
        "| table | added | removed | changed | changed columns |\n"
        "|---|---:|---:|---:|---|\n"
        "| actor_aliases | 1 | 0 | 0 | — |\n"
        "| claim_disagreements | 0 | 0 | 1 | relation (1) |\n"
        "| claims | 0 | 1 | 1 | value_min (1), value_max (1), qualifier (1), value_text (1) |\n"
    )


def test_summary_markdown_lists_schema_changes_with_their_level(repo):
    old = from_folder(repo.root)
    SCHEMA_CASES["enum value added"][0](repo)
    SCHEMA_CASES["field description changed"][0](repo)
    value_min_as_number(repo)
    assert summary_markdown(old, from_folder(repo.root)) == (
        f"### Compared with {VERSION} ({repo.root})\n"
        "\n"
        '- **minor** claims.claim_type: enum value added: "shelling"\n'
        "- **major** claims.value_min: type changed: integer -> number\n"
        f"- **patch** claims.value_text: description changed ({MEANING_CHECK})\n"
        "\n"
        "| table | added | removed | changed | changed columns |\n"
        "|---|---:|---:|---:|---|\n"
        "| claims | 0 | 0 | 15 | value_min (15) |\n"
    )


def test_cli_text_report(edited):
    old, new = edited
    result = run("--root", new, "diff", old)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"old: {VERSION} ({old})\n"
        f"new: {VERSION} ({new})\n"
        "Required level: patch\n"
        "\n"
        "actor_aliases (key actor_id, alias): 1 added, 0 removed, 0 changed\n"
        "  added   (azerbaijan, Republic of Azerbaijan)\n"
        "\n"
        "claim_disagreements (key claim_id_a, claim_id_b): 0 added, 0 removed, 1 changed\n"
        f"  changed ({SEED_000}:c04, {SEED_004}:c03): relation\n"
        "\n"
        "claims (key claim_id): 0 added, 1 removed, 1 changed\n"
        f"  removed {SEED_000}:c11\n"
        f"  changed {SEED_000}:c04: value_min, value_max, qualifier, value_text\n"
    )
    assert run("--root", new, "diff", old, new).stdout == result.stdout  # NEW given is the same as the default


def test_cli_json_report(edited):
    old, new = edited
    result = run("--root", new, "diff", "--json", old)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "old": {"label": str(old), "version": VERSION},
        "new": {"label": str(new), "version": VERSION},
        "level": "patch",
        "schema_changes": [],
        "tables": {
            "actor_aliases": {
                "key": ["actor_id", "alias"],
                "status": "kept",
                "added": [["azerbaijan", "Republic of Azerbaijan"]],
                "removed": [],
                "changed": [],
                "changed_columns": {},
                "columns_added": [],
                "columns_removed": [],
            },
            "claim_disagreements": {
                "key": ["claim_id_a", "claim_id_b"],
                "status": "kept",
                "added": [],
                "removed": [],
                "changed": [{"key": [f"{SEED_000}:c04", f"{SEED_004}:c03"], "columns": ["relation"]}],
                "changed_columns": {"relation": 1},
                "columns_added": [],
                "columns_removed": [],
            },
            "claims": {
                "key": ["claim_id"],
                "status": "kept",
                "added": [],
                "removed": [[f"{SEED_000}:c11"]],
                "changed": [
                    {"key": [f"{SEED_000}:c04"], "columns": ["value_min", "value_max", "qualifier", "value_text"]}
                ],
                "changed_columns": {"value_min": 1, "value_max": 1, "qualifier": 1, "value_text": 1},
                "columns_added": [],
                "columns_removed": [],
            },
        },
    }


def test_cli_schema_changes_and_the_limit_on_listed_keys(repo, tmp_path):
    old = snapshot(repo, tmp_path / "old")
    value_min_as_number(repo)
    result = run("--root", repo.root, "diff", "--limit", "2", old)
    assert result.exit_code == 0
    changed = [line for line in result.stdout.splitlines() if line.startswith("  changed ")]
    assert result.stdout.splitlines()[2:6] == [
        "Required level: major",
        "",
        "Schema changes:",
        "  major  claims.value_min: type changed: integer -> number",
    ]
    assert changed == [f"  changed {SEED_000}:c01: value_min", f"  changed {SEED_000}:c02: value_min"]
    assert result.stdout.endswith("  … and 13 more changed\n")
    assert render_text(compare(from_folder(old), from_folder(repo.root)), limit=25).count("  changed ") == 15


def test_cli_no_changes_exits_0(repo, tmp_path):
    result = run("--root", repo.root, "diff", snapshot(repo, tmp_path / "old"))
    assert (result.exit_code, result.stdout) == (
        0,
        f"old: {VERSION} ({tmp_path / 'old'})\nnew: {VERSION} ({repo.root})\nNo changes.\n",
    )
    result = run("--root", repo.root, "diff", "--json", tmp_path / "old")
    assert (result.exit_code, json.loads(result.stdout)["level"], json.loads(result.stdout)["tables"]) == (0, None, {})


def test_cli_unreadable_versions_exit_1_with_the_reason(repo, tmp_path):
    missing = tmp_path / "conflict-news-claims-0.0.9.zip"
    result = run("--root", repo.root, "diff", missing)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Cannot compare: {missing} cannot be read as a zip archive: [Errno 2] No such file or directory: '{missing}'\n"
    )

    two_tops = tmp_path / "two.zip"
    with zipfile.ZipFile(two_tops, "w") as zipped:
        zipped.writestr("a/datapackage.json", "{}")
        zipped.writestr("b/datapackage.json", "{}")
    result = run("--root", repo.root, "diff", two_tops)
    assert (result.exit_code, result.stderr) == (
        1,
        f"Cannot compare: {two_tops}: a release archive holds one top folder, this one holds ['a', 'b']\n",
    )

    result = run("--root", repo.root, "diff", "v9.9.9")  # the copy is no git repository
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Cannot compare: git ls-tree -r --name-only v9.9.9 -- datapackage.json schemas datapackage failed: fatal: "
    )

    broken = snapshot(repo, tmp_path / "broken")
    (broken / "datapackage" / "claims.csv").unlink()
    result = run("--root", repo.root, "diff", broken)
    assert (result.exit_code, result.stderr) == (1, f"Cannot compare: {broken} has no datapackage/claims.csv\n")
