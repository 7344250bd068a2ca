"""Benchmark of one very large contribution: a multi-megabyte article with thousands of claims, half of them on
words the article repeats (each coded with its `occurrence`), half on words it has once (tolls of one claimant for
one day, which are set beside the seeds' figures for that day). A pull request can hold
such a file; `build` and `validate` must take seconds on it, growing no faster than the input.

    python -m scripts bench large [--megabytes 5] [--claims 5000]

Writes the project's schemas, descriptor and documents, the seed articles as the tests keep them
(tests/fixtures/frozen/) and the large article into a temporary folder, then times `build` (writing the package)
and `validate` there, each in its own process.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.common.paths import ROOT, new_repository

REPEATED = "Shelling continued along the front line overnight, officials said."
FROZEN_SEEDS = ROOT / "tests" / "fixtures" / "frozen" / "seeds"  # the seed articles as the tests keep them


def article_and_coding(megabytes: float, claims: int) -> tuple[str, str]:
    """An article of about `megabytes` MB: numbered paragraphs each reporting a toll once, and the REPEATED
    sentence after each; and its coding, a claim per toll and one per occurrence of the repeated sentence."""
    paragraphs: list[str] = []
    coding = ["mentions:\n  - {evidence: Nagorno-Karabakh, occurrence: 1}\nclaims:\n"]
    number = 0
    while sum(len(p) + 2 for p in paragraphs) < megabytes * 1_000_000:
        number += 1
        paragraphs.append(
            f"In sector {number}, Nagorno-Karabakh said {number % 97 + 2} of its soldiers were killed on "
            f"Monday in clashes that lasted {number} hours. {REPEATED}"
        )
    text = "date 2020-10-20\n" + "\n\n".join(paragraphs)
    for index in range(claims):
        n = index // 2 + 1
        if index % 2 == 0:
            coding.append(
                f"  - id: c{index}\n    evidence: In sector {n}, Nagorno-Karabakh said {n % 97 + 2} of its "
                f"soldiers were killed on Monday in clashes that lasted {n} hours.\n"
                f"    claimant: nagorno-karabakh\n    type: killed\n    victim: nagorno-karabakh\n"
                f'    victim_status: military\n    value_text: "{n % 97 + 2}"\n    date_text: on Monday\n'
            )
        else:
            coding.append(f"  - id: c{index}\n    evidence: {REPEATED}\n    occurrence: {n}\n    type: other\n")
    return text, "".join(coding)


def prepare(root: Path, megabytes: float, claims: int) -> None:
    new_repository(root, FROZEN_SEEDS)
    text, coding = article_and_coding(megabytes, claims)
    data = text.encode("utf-8")
    stem = f"005_{hashlib.sha256(data).hexdigest()[:16]}"
    (root / "seeds" / f"{stem}.txt").write_bytes(data)
    (root / "seeds" / f"{stem}.yaml").write_text(coding, encoding="utf-8")


def timed(root: Path, *command: str) -> tuple[float, int, str]:
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "scripts", "--root", str(root), *command], capture_output=True, text=True
    )
    return time.perf_counter() - began, done.returncode, done.stdout[-2000:] + done.stderr[-2000:]


@dataclass(frozen=True)
class LargeRun:
    megabytes: float  # the large article and its coding
    claims: int
    build: tuple[float, int, str]  # seconds, exit code, the end of what it printed
    validate: tuple[float, int, str]


def run(megabytes: float = 5.0, claims: int = 5000) -> LargeRun:
    """The `bench large` command: build and validate a repository holding one very large contribution."""
    with tempfile.TemporaryDirectory(prefix="large-benchmark-") as folder:
        root = Path(folder)
        prepare(root, megabytes, claims)
        size = sum(p.stat().st_size for p in (root / "seeds").glob("005_*"))
        return LargeRun(size / 1e6, claims, timed(root, "build"), timed(root, "validate", "--no-frictionless"))
