"""How fast `draft` is, per article, on many wire-style articles; and how its drafts compare with the codings of
those articles. The articles are scripts/bench/synthetic/'s (invented wire copy with curly quotes, dashes, figures
and attributions), its registry the one the generator writes.

    python -m scripts bench draft 500 [--seed 0] [--json]

Drafting is timed in this process, article by article (reading the text, drafting, writing the coding as text),
with the registry's names compiled once, as a batch run would; building that index is timed apart. The
comparison with the generated codings is the same as `evaluate`; the generator's codings are complete in their
own way (every figure, quote and event it wrote), so they measure recall on template text, not on real news."""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.synthetic import generate
from scripts.build.registry import load_registry
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.draft.actor_index import ActorIndex
from scripts.draft.article import draft_article
from scripts.draft.evaluate import evaluate_seeds
from scripts.draft.writer import coding_yaml
from scripts.reading.articles import read_article


@dataclass(frozen=True)
class DraftTiming:
    articles: int
    mean_seconds: float  # per article
    median_seconds: float
    max_seconds: float
    index_seconds: float  # compiling the registry's names once
    registry_actors: int
    quotes_recall: float | None
    figures_recall: float | None
    precision: float | None


def benchmark_drafts(articles: int, seed: int = 0, root: Path | None = None) -> DraftTiming:
    """Generate `articles` synthetic articles (in root, kept; else in a temporary folder), draft each, time it,
    and compare the drafts with the generated codings."""
    with tempfile.TemporaryDirectory(prefix="draft-benchmark.") as scratch:
        root = Path(root) if root is not None else Path(scratch)
        generate(root, articles, seed=seed)
        layout = Layout(root)
        registry = load_registry(layout, ProblemList())
        began = time.perf_counter()
        index = ActorIndex(registry)
        index_seconds = time.perf_counter() - began
        seconds = []
        for path in sorted(layout.seeds.glob("*.txt")):
            began = time.perf_counter()
            article = read_article(path)
            coding_yaml(draft_article(article, registry, index=index), registry, layout.rel(path))
            seconds.append(time.perf_counter() - began)
        score = evaluate_seeds(layout)
    return DraftTiming(
        len(seconds),
        statistics.fmean(seconds),
        statistics.median(seconds),
        max(seconds),
        index_seconds,
        len(registry.actors),
        score.quotes.recall,
        score.figures.recall,
        score.overall.precision,
    )
