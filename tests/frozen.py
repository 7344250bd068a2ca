"""The frozen package: the inputs that the tests about the seeds' content own, built once per test session.

`tests/fixtures/frozen/seeds/` is a copy of `seeds/` (the two seed articles, their codings and the registry) as it
stood when those tests were written. Tests that assert what the seeds say (a claim's figure, a row number, the
disagreement between two outlets) build and read this copy, never the live `seeds/`, so that a contribution that
adds or corrects an article, an actor or an event never changes what they see. The project's own files (the Table
Schemas, the descriptor, the README and CONTRIBUTING.md) are the live ones: the copy is built by today's code.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from scripts.build import checked_outputs, write_outputs
from scripts.paths import ROOT, Layout

FROZEN_SEEDS = Path(__file__).parent / "fixtures" / "frozen" / "seeds"
PROJECT_FILES = ("schemas", "datapackage.json", "README.md", "CONTRIBUTING.md")
SEED_000, SEED_004 = "000_9182488a4787e2a6", "004_a3deb327b58a8082"


def assemble(root: Path, seeds: Path = FROZEN_SEEDS) -> Layout:
    """A repository at root holding the project's files and `seeds` as its inputs, built."""
    root.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    shutil.copytree(seeds, root / "seeds")
    layout = Layout(root)
    write_outputs(checked_outputs(layout))
    return layout


@cache
def frozen() -> Layout:
    """The frozen package, built in a temporary folder the first time it is asked for (read it, never change it:
    the `repo` fixture gives a copy to break)."""
    root = Path(tempfile.mkdtemp(prefix="frozen-package-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return assemble(root / "repository")


if __name__ == "__main__":  # `python -m tests.frozen DIR`: the frozen package for the R tests (make test)
    import sys

    print(assemble(Path(sys.argv[1])).root)
