"""Shared fixtures: a throw-away copy of the repository that a test may break."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.paths import ROOT, Layout

COPIED = ("seeds", "schemas", "datapackage", "datapackage.json", "README.md", "CONTRIBUTING.md", "figures")


def copy_repository(root: Path) -> Layout:
    """The package, its inputs and its generated documents, copied to root."""
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return Layout(root)


@pytest.fixture
def repo(tmp_path) -> Layout:
    """A copy of the committed package; tests break it and check the message that comes out."""
    return copy_repository(tmp_path)


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Edit a file in place, failing loudly if the text to replace is not there (so a test cannot go vacuous)."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path}"
    path.write_bytes(text.replace(old, new, count).encode("utf-8"))
