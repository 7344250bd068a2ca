"""One command line: every job is a subcommand of `python -m scripts`, and a command loads only what it uses, so
`add`, `draft` and `diff` start at once (the build, pandera, polars, pyarrow, matplotlib and frictionless are for
`build` and `validate`)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.paths import ROOT
from tests.frozen import SEED_000

COMMANDS = {"add", "archive", "bench", "build", "diff", "draft", "evaluate", "release", "score-sets", "validate"}
BENCHMARKS = {"build", "draft", "large", "synthetic", "validation", "long-sentences"}
HEAVY = {"pandera", "polars", "pyarrow", "matplotlib", "frictionless", "numpy", "pandas"}

# Run a command in this process and print the top-level packages it imported.
PROBE = """
import sys
from scripts.cli import main
try:
    main(sys.argv[1:], prog_name="python -m scripts")
except SystemExit:
    pass
print("MODULES " + ",".join(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def imported_by(*args: str) -> tuple[set[str], subprocess.CompletedProcess]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.removeprefix("MODULES ").split(",")), done


def _listed(output: str) -> set[str]:
    commands = output.split("Commands:")[1]
    return {line.split()[0] for line in commands.splitlines() if line.strip()}


def test_every_command_and_benchmark_is_a_subcommand_of_the_one_command_line():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and _listed(result.output) == COMMANDS
    result = CliRunner().invoke(main, ["bench", "--help"])
    assert result.exit_code == 0 and _listed(result.output) == BENCHMARKS


def test_no_module_of_scripts_is_run_on_its_own():
    """The command line is the one way in: no `if __name__ == "__main__"` outside scripts/__main__.py."""
    own = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "scripts").rglob("*.py")
        if p.name != "__main__.py" and '__name__ == "__main__"' in p.read_text(encoding="utf-8")
    ]
    assert own == [] and not list((ROOT / "scripts").rglob("*/__main__.py"))


@pytest.mark.parametrize(
    "args", [["--help"], ["add", "--help"], ["diff", "--help"], ["draft", "--help"], ["bench", "--help"]]
)
def test_help_loads_nothing_heavy(args):
    modules, done = imported_by(*args)
    assert "Usage:" in done.stdout
    assert modules & HEAVY == set(), args


def test_add_and_draft_load_nothing_heavy(repo, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "date 2020-10-05\nBAKU (Reuters) - Azerbaijan said on Sunday that 12 civilians were killed "
        "in shelling, officials said.\n",
        encoding="utf-8",
    )
    modules, done = imported_by("--root", str(repo.root), "add", str(article))
    assert done.stdout.startswith("added seeds/"), done.stderr
    assert modules & HEAVY == set()
    added = repo.root / done.stdout.split()[1]
    modules, done = imported_by("--root", str(repo.root), "draft", str(added))
    assert done.stdout.startswith("wrote seeds/"), done.stderr
    assert "draft: true" in added.with_suffix(".yaml").read_text(encoding="utf-8")
    assert modules & HEAVY == set()


def test_build_loads_what_it_needs(repo):
    modules, done = imported_by("--root", str(repo.root), "build")
    assert "Build complete" in done.stderr
    assert {"pandera", "polars", "matplotlib"} <= modules  # so the probe above can see a heavy import


def test_bench_synthetic_and_measure_run_from_the_command_line(tmp_path):
    result = CliRunner().invoke(
        main, ["bench", "synthetic", "--root", str(tmp_path / "corpus"), "--articles", "3", "--tables"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("3 articles, ")
    assert len(list((tmp_path / "corpus" / "seeds").glob("*.txt"))) == 3
    result = CliRunner().invoke(main, ["bench", "measure", "parse", str(tmp_path / "corpus")])
    assert result.exit_code == 0, result.output
    measured = json.loads(result.output)
    assert measured["kind"] == "parse" and measured["rows"] > 3 and measured["seconds"] >= 0


def test_bench_long_sentences_drafts_each_shape_at_two_lengths():
    from scripts.bench.long_sentences import SHAPES

    result = CliRunner().invoke(main, ["bench", "long-sentences", "3", "--json"])
    assert result.exit_code == 0, result.output
    timings = json.loads(result.output)
    assert [t["shape"] for t in timings] == list(SHAPES)
    for t, (head, repeated, tail) in zip(timings, SHAPES.values(), strict=True):
        assert t["characters"] == len(head) + 6 * len(repeated) + len(tail)
        assert 0 < t["seconds"] and 0 < t["doubled_seconds"] and t["growth"] > 0


def test_the_frozen_seed_is_drafted_by_the_command(repo, tmp_path):
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(
        main, ["--root", str(repo.root), "draft", str(repo.seeds / f"{SEED_000}.txt"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("draft: true") > 10
