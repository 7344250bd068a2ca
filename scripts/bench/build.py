"""How long the build takes, and how much memory, on a synthetic corpus of N articles.

    from scripts.bench.build import benchmark_build
    result = benchmark_build(10_000)        # BuildTiming(articles=10000, seconds=..., peak_mib=..., ...)

    python -m scripts bench build 1000 10000 [--seed 0] [--keep DIR]

The corpus is made by scripts/bench/synthetic/ (its time is reported apart); the build runs as
`python -m scripts --root DIR build` in a child process, so its peak memory is its own (the maximum
resident set size the kernel reports for that child).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.synthetic import generate
from scripts.common.paths import ROOT


@dataclass(frozen=True)
class BuildTiming:
    articles: int
    claims: int
    seconds: float  # wall time of the build
    peak_mib: float  # peak resident memory of the build process
    generate_seconds: float
    exit_code: int


def run_build(root: Path) -> tuple[float, float, int]:
    """(wall seconds, peak MiB, exit code) of `python -m scripts --root root build` in a child process."""
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "scripts", "--root", str(root), "build"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode  # ru_maxrss is in KiB on Linux


def benchmark_build(
    articles: int, seed: int = 0, claims_per_article: int = 10, root: Path | None = None
) -> BuildTiming:
    """Generate a corpus of `articles` articles (in root, kept; else in a temporary folder, removed) and time
    its build."""
    with tempfile.TemporaryDirectory(prefix="build-benchmark.") as scratch:
        root = Path(root) if root is not None else Path(scratch)
        summary = generate(root, articles, seed=seed, claims_per_article=claims_per_article)
        seconds, peak_mib, code = run_build(root)
    return BuildTiming(articles, summary.claims, seconds, peak_mib, summary.seconds, code)
