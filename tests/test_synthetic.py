"""The synthetic corpus: deterministic, built and validated without a problem, and its directly written
tables byte for byte the build's."""

from __future__ import annotations

import csv
import hashlib
import io
import re

import pytest
from click.testing import CliRunner

from scripts.bench.synthetic import article_order, generate
from scripts.cli import main
from scripts.reading.articles import ARTICLE_ID

SIZE = 20


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def package(root):
    return {
        name: data
        for name, data in files(root).items()
        if name.startswith("datapackage/") or name == "datapackage.json"
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A corpus with its tables written directly, then the same corpus built from its codings."""
    root = tmp_path_factory.mktemp("synthetic")
    summary = generate(root, SIZE, seed=3, tables=True)
    direct = package(root)
    result = CliRunner().invoke(main, ["--root", str(root), "build"])
    assert result.exit_code == 0, result.output
    return root, summary, direct


def test_same_arguments_same_bytes(tmp_path):
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate(first, 5, seed=1, tables=True)
    generate(second, 5, seed=1, tables=True)
    generate(other, 5, seed=2)
    assert files(first) == files(second)
    assert files(first)["seeds/registry/actors.yaml"] != files(other)["seeds/registry/actors.yaml"]


def test_the_directly_written_tables_are_the_builds(built):
    root, _, direct = built
    assert set(direct) == set(package(root))
    for name, data in package(root).items():
        assert direct[name] == data, name


def test_the_built_corpus_validates(built):
    root, _, _ = built
    result = CliRunner().invoke(main, ["--root", str(root), "validate", "--no-frictionless"])
    assert result.exit_code == 0, result.output
    assert "No problems found." in result.output


def test_ids_follow_the_naming_scheme(built):
    root, summary, _ = built
    texts = sorted((root / "seeds").glob("*.txt"))
    assert len(texts) == SIZE == summary.articles
    for path in texts:
        assert ARTICLE_ID.match(path.stem)
        assert path.stem.split("_")[1] == hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    assert sorted(int(p.stem.split("_")[0]) for p in texts) == list(range(SIZE))


def test_the_corpus_looks_like_wire_copy(built):
    root, summary, _ = built
    sizes = [len(p.read_bytes()) for p in (root / "seeds").glob("*.txt")]
    assert 2300 <= min(sizes) and max(sizes) <= 6000
    text = "".join(p.read_text(encoding="utf-8") for p in (root / "seeds").glob("*.txt"))
    for mark in ("“", "”", "’", "—", '"'):
        assert mark in text
    assert re.search(r"\b(at least|more than|around|some|between \d+ and) \d", text)
    assert 8 * SIZE <= summary.claims <= 16 * SIZE and summary.statements >= 8 * SIZE
    claims = list(csv.DictReader(io.StringIO((root / "datapackage/claims.csv").read_text(encoding="utf-8"))))
    assert {c["date_source"] for c in claims} >= {"computed", ""}
    assert {c["qualifier"] for c in claims} >= {"exact", "approx", "at_least"}


def test_disagreements_stay_few_as_the_corpus_grows(tmp_path):
    summary = generate(tmp_path, 300, tables=True)
    assert 0 < summary.disagreements < summary.claims


def test_tables_are_written_in_id_order_past_999():
    order = article_order(1002)
    assert order.index(1000) < order.index(100) < order.index(101)
    assert [f"{n:03d}_" for n in order] == sorted(f"{n:03d}_" for n in order)
