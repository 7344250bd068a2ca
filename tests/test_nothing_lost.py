"""Nothing lost: a build that fails, before or half-way through writing, leaves the previous package whole;
a table that breaks a rule never reaches datapackage/; a descriptor never makes the build write elsewhere."""

from __future__ import annotations

import json
import os
import tempfile

import pytest
from click.testing import CliRunner

from scripts.cli import main
from tests.conftest import replace_in

EVENT = "Second day of heavy fighting"  # a description in seeds/registry/events.yaml, copied into events.csv
ALIAS = "aliases: [Moscow, Russian]"  # Russia's aliases in seeds/registry/actors.yaml, listed in actor_aliases.csv


def snapshot(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(repo):
    return CliRunner().invoke(main, ["--root", str(repo.root), "build"])


def two_valid_changes(repo):
    """Registry edits that build fine and change three tables and the codebook, so a failure between any
    two writes would show."""
    replace_in(repo.registry / "event_types.yaml", "label: Armed clash", "label: Armed clash (edited)")
    replace_in(repo.registry / "events.yaml", EVENT, "Second day of heavy fighting, edited")
    replace_in(repo.registry / "actors.yaml", ALIAS, "aliases: [Moscow, Russian, the Kremlin]")


def fail_on_call(monkeypatch, module, name, number):
    """Make the number-th call of module.name raise OSError, as a full disk would."""
    real, calls = getattr(module, name), []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, flaky)
    return calls


@pytest.mark.parametrize(
    "module, name, number",
    [
        (os, "replace", 2),  # the first file is already replaced when the second fails
        (os, "replace", 3),
        (tempfile, "mkstemp", 2),  # staging fails before any file is replaced
    ],
    ids=["rename-2", "rename-3", "stage-2"],
)
def test_a_build_that_fails_half_way_leaves_the_previous_package(repo, monkeypatch, module, name, number):
    two_valid_changes(repo)
    before = snapshot(repo.root)
    calls = fail_on_call(monkeypatch, module, name, number)
    result = build(repo)
    assert len(calls) >= number, "the failure was never reached: the test would prove nothing"
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "every file keeps its previous content" in result.output
    assert snapshot(repo.root) == before  # no table replaced, no temporary file left behind

    monkeypatch.undo()
    fixed = build(repo)
    assert fixed.exit_code == 0, fixed.output
    assert [line for line in fixed.output.split("\n") if line.startswith("wrote ")] == [
        "wrote datapackage/actor_aliases.csv",
        "wrote datapackage/event_types.csv",
        "wrote datapackage/events.csv",
        "wrote datapackage.json",
        "wrote README.md",
    ]  # datapackage.json: the tables' hashes


def test_a_table_that_breaks_a_table_rule_is_never_written(repo):
    """The coding checks pass, but a schema tightened by a maintainer refuses a row: the build reports the
    table, row, column and value, and writes nothing."""
    schema = repo.schema_path("claims")
    fields = json.loads(schema.read_text(encoding="utf-8"))
    (value_min,) = [f for f in fields["fields"] if f["name"] == "value_min"]
    value_min["constraints"]["maximum"] = 100
    schema.write_text(json.dumps(fields, indent=2) + "\n", encoding="utf-8")
    before = snapshot(repo.root)
    result = build(repo)
    assert result.exit_code == 1
    assert "[maximum] (pandera) must be at most 100 (value: 500)" in result.output  # 004's "some 500" troops
    assert "datapackage/claims.csv: " in result.output and "Build failed; nothing was written." in result.output
    assert snapshot(repo.root) == before


@pytest.mark.parametrize("path", ["/tmp/claims.csv", "../claims.csv", "datapackage/other.csv"])
def test_the_build_writes_only_where_a_safe_descriptor_says(repo, path):
    package = json.loads(repo.descriptor.read_text(encoding="utf-8"))
    (claims,) = [r for r in package["resources"] if r["name"] == "claims"]
    claims["path"] = path
    repo.descriptor.write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    outside = (repo.root / path).resolve()
    assert not outside.exists()
    before = snapshot(repo.root)
    result = build(repo)
    assert result.exit_code == 1
    assert "[resource-path" in result.output and path in result.output
    assert not outside.exists() and snapshot(repo.root) == before
    assert not [p for p in os.listdir(repo.root.parent) if p.startswith(".claims.csv")]
