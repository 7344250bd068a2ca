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

from scripts.build.pipeline import checked_outputs, write_outputs
from scripts.common.paths import ROOT, Layout, new_repository

FROZEN_SEEDS = ROOT / "tests" / "fixtures" / "frozen" / "seeds"
SEED_000, SEED_004 = "000_9182488a4787e2a6", "004_a3deb327b58a8082"


def assemble(root: Path) -> Layout:
    """The frozen package at root, built."""
    layout = new_repository(root, FROZEN_SEEDS)
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
