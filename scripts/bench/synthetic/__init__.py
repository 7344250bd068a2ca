"""A synthetic corpus for benchmarks and scale tests: wire-style articles on the 2020 Nagorno-Karabakh war,
their codings and a registry, in exactly the format the build reads; optionally the package tables too.

Everything here is invented (people, quotes, figures); only the states, places and outlets are real names.
The same arguments always give the same bytes. `generate` writes a self-contained repository folder:

    generate(Path("/tmp/corpus"), articles=1000)          # seeds/, registry, schemas/, stubs; then build it
    generate(Path("/tmp/corpus"), articles=100_000, tables=True)   # also datapackage/*.csv, datapackage.json

With `tables=True` the package tables and datapackage.json are written directly from the generator's rows,
with the build's own writing functions (csvio, build.descriptor_bytes, disagreements), byte for byte what
`python -m scripts --root DIR build` writes from the codings (tests/test_synthetic.py proves it at a small
size); the casualty figure and the README codebook are not drawn by this writer, only by the build.

    python -m scripts bench synthetic --root /tmp/corpus --articles 1000 [--seed 0] [--claims-per-article 10] [--tables]
"""

from __future__ import annotations

from scripts.bench.synthetic.article import Article
from scripts.bench.synthetic.coding import coding_and_rows, registry_yaml
from scripts.bench.synthetic.corpus import Summary, article_order, generate
from scripts.bench.synthetic.paragraphs import write_article
from scripts.bench.synthetic.world import World

__all__ = [
    "Article",
    "Summary",
    "World",
    "article_order",
    "coding_and_rows",
    "generate",
    "registry_yaml",
    "write_article",
]
