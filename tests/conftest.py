"""Shared fixtures: throw-away copies of a repository that a test may break.

`repo` copies the frozen package (tests/frozen.py), whose content the tests own; `live_repo` copies the live
repository, for tests that must hold whatever articles it holds."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from scripts.common.paths import ROOT, Layout
from tests.frozen import frozen

# Property-based tests: a bounded, repeatable number of examples in CI; HYPOTHESIS_PROFILE=thorough for a long run.
settings.register_profile(
    "ci",
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "thorough",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

COPIED = ("seeds", "schemas", "datapackage", "datapackage.json", "README.md", "CONTRIBUTING.md", "figures")


def copy_repository(root: Path, source: Path = ROOT) -> Layout:
    """The package, its inputs and its generated documents, copied from source to root."""
    for name in COPIED:
        if (source / name).is_dir():
            shutil.copytree(source / name, root / name, dirs_exist_ok=True)
        else:
            shutil.copy2(source / name, root / name)
    return Layout(root)


@pytest.fixture
def repo(tmp_path) -> Layout:
    """A copy of the frozen package; tests break it and check the message that comes out."""
    return copy_repository(tmp_path, frozen().root)


@pytest.fixture
def live_repo(tmp_path) -> Layout:
    """A copy of the live repository as committed (what CI checks), whatever articles it holds."""
    return copy_repository(tmp_path)


def add_article(layout: Layout, number: int, text: str, coding: str, stem: str | None = None) -> str:
    """An article and its coding written into seeds/ under the name `add` would give (its number and the start of
    its sha256), or under `stem`; returns the name."""
    data = text.encode("utf-8")
    stem = stem or f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"
    (layout.seeds / f"{stem}.txt").write_bytes(data)
    (layout.seeds / f"{stem}.yaml").write_text(coding, encoding="utf-8")
    return stem


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a file in place, failing loudly if the text to replace is not there (so a test cannot go vacuous)."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path}"
    path.write_bytes(text.replace(old, new, count).encode("utf-8"))
