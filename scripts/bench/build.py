"""How long the build takes, and how much memory, on a synthetic corpus of N articles.

    from scripts.bench.build import benchmark_build
    result = benchmark_build(10_000)        # BuildTiming(articles=10000, seconds=..., peak_mib=..., ...)

    python -m scripts.bench.build 1000 10000 [--seed 0] [--keep DIR]

The corpus is made by scripts/bench/synthetic.py (its time is reported apart); the build runs as
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

import click

from scripts.common.paths import ROOT
from scripts.bench.synthetic import generate


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
    child = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "build"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, child.returncode  # ru_maxrss is in KiB on Linux


def benchmark_build(articles: int, seed: int = 0, claims_per_article: int = 10, root: Path | None = None) -> BuildTiming:
    """Generate a corpus of `articles` articles (in root, kept; else in a temporary folder, removed) and time
    its build."""
    with tempfile.TemporaryDirectory(prefix="build-benchmark.") as scratch:
        root = Path(root) if root is not None else Path(scratch)
        summary = generate(root, articles, seed=seed, claims_per_article=claims_per_article)
        seconds, peak_mib, code = run_build(root)
    return BuildTiming(articles, summary.claims, seconds, peak_mib, summary.seconds, code)


@click.command(help="Time the build on synthetic corpora of each size given (numbers of articles).")
@click.argument("sizes", nargs=-1, type=click.IntRange(min=1), required=True)
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--claims-per-article", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path),
              help="Write the corpora under this folder (one subfolder per size) and keep them.")
def main(sizes, seed, claims_per_article, keep):
    for size in sizes:
        root = keep / str(size) if keep else None
        r = benchmark_build(size, seed=seed, claims_per_article=claims_per_article, root=root)
        click.echo(f"{r.articles} articles ({r.claims} claims): build {r.seconds:.1f} s, peak {r.peak_mib:.0f} MiB, "
                   f"exit {r.exit_code} (generated in {r.generate_seconds:.1f} s)")


if __name__ == "__main__":
    main()
