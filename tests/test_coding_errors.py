"""Each way a coding can be wrong, broken once in a copy: the build refuses with the rule, file and line."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from scripts.build import build_rows
from scripts.cli import main
from scripts.problems import BuildError
from tests.conftest import replace_in

SEED_000, SEED_004 = "seeds/000_9182488a4787e2a6.yaml", "seeds/004_a3deb327b58a8082.yaml"
ACTORS = "seeds/registry/actors.yaml"


def problems_of(repo):
    with pytest.raises(BuildError) as err:
        build_rows(repo)
    return err.value.problems


def line_of(repo, file, marker):
    lines = (repo.root / file).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if marker in line)


def the_problem(repo, file, rule):
    hits = [p for p in problems_of(repo) if p.rule == rule and p.file == file]
    assert len(hits) == 1, f"expected one {rule} in {file}, got {[(p.file, p.rule, p.line) for p in problems_of(repo)]}"
    return hits[0]


# (file, text to replace, replacement, rule, marker of the line to be named, words the message must hold)
CASES = {
    "yaml-syntax": (SEED_000, "  - id: c06\n", "  - id: c06\n   bad: [\n", "yaml-syntax", None, "not valid YAML"),
    "unknown-key": (SEED_004, "    value_text: an additional 27", "    claimant_actr: x\n    value_text: an additional 27",
                    "coding-additionalProperties", "claimant_actr", "did you mean 'claimant'"),
    "missing-key": (SEED_000, "    statement: s05\n    type: territory\n", "    statement: s05\n",
                    "coding-required", "id: c06", "missing required key(s): type"),
    "unknown-vocabulary": (SEED_000, "    statement: s05\n    type: territory", "    statement: s05\n    type: accusashun",
                           "coding-enum", "accusashun", "one of: killed"),
    "evidence-not-found": (SEED_000, "evidence: it had recovered some territory lost\n",
                           "evidence: it had recovered all territory lost\n", "evidence-not-found",
                           "it had recovered all territory lost", "copy the words exactly"),
    "straight-quotes": (SEED_004, "evidence: adding that “the United States", 'evidence: adding that "the United States',
                        "evidence-not-found", 'adding that "the United States', "only after normalising"),
    "evidence-ambiguous": (SEED_000, "  - {evidence: Moscow, occurrence: 1}", "  - {evidence: Moscow}",
                           "evidence-ambiguous", "{evidence: Moscow}", "occurrence: N"),
    "evidence-occurrence": (SEED_000, "  - {evidence: Moscow, occurrence: 1}", "  - {evidence: Moscow, occurrence: 9}",
                            "evidence-occurrence", "occurrence: 9", "only 2 time(s)"),
    "actor-unknown": (SEED_000, "    victim: azerbaijan\n    victim_status: civilian\n    value_text: five",
                      "    victim: Azerbaijanis\n    victim_status: civilian\n    value_text: five",
                      "actor-unknown", "victim: Azerbaijanis", "add it there"),
    "event-unknown": (SEED_000, "    event: e-2020-azeri-offensive-matagis-talish\n    note",
                      "    event: e-2020-no-such-event\n    note", "event-unknown", "e-2020-no-such-event", "events.yaml"),
    "statement-unknown": (SEED_000, "    statement: s05\n", "    statement: s55\n", "statement-unknown", "statement: s55", "s55"),
    "duplicate-claim-id": (SEED_000, "  - id: c06\n", "  - id: c05  # the second c05\n", "claim-duplicate-id",
                           "the second c05", "used twice"),
    "value-range": (SEED_004, "    value_text: some 200\n", "    value_text: some 200\n    qualifier: exact\n    value_min: 9\n    value_max: 3\n",
                    "qualifier-values", "qualifier: exact", "greater than value_max"),
    "negative-count": (SEED_004, "    value_text: some 200\n", "    value_text: some 200\n    qualifier: approx\n    value_min: -200\n    value_max: 200\n",
                       "count-invalid", "value_min: -200", "whole numbers"),
    "fractional-count": (SEED_004, "    value_text: some 200\n", "    value_text: some 200\n    qualifier: approx\n    value_min: 199.5\n    value_max: 200\n",
                         "count-invalid", "value_min: 199.5", "whole numbers"),
    "qualifier-contradicts": (SEED_004, "    value_text: some 200\n", "    value_text: some 200\n    qualifier: at_least\n    value_min: 200\n    value_max: 200\n",
                              "qualifier-values", "qualifier: at_least", "no value_max"),
    "unreadable-figure": (SEED_004, "    value_text: some 500", "    value_text: Armenian troops", "value-text-unreadable",
                          "value_text: Armenian troops", "state 'qualifier'"),
    "invalid-date": (SEED_000, "    date_start: 2020-09-28\n", "    date_start: 2020-02-30\n", "date-invalid", "2020-02-30", "not a calendar date"),
    "date-after-publication": (SEED_000, "    date_start: 2020-09-28\n", "    date_start: 2020-10-01\n",
                               "date-after-publication", "2020-10-01", "after the article's publication date"),
    "date-unresolved": (SEED_000, "    date_text: in a second day of heavy clashes\n    date_start: 2020-09-28\n",
                        "    date_text: in a second day of heavy clashes\n", "date-unresolved",
                        "date_text: in a second day", "state the date"),
    "quote-text": (SEED_000, "    cue: told a briefing\n", "    cue: told a briefing\n    text: life-and-death war\n",
                   "quote-text", "text: life-and-death war", "between the quotation marks"),
    "cue-not-in-evidence": (SEED_000, "    cue: told a briefing\n", "    cue: told reporters\n", "not-in-evidence",
                            "cue: told reporters", "copied from this row's evidence"),
    "value-text-not-in-evidence": (SEED_004, "    value_text: some 500", "    value_text: some 600", "not-in-evidence",
                                   "value_text: some 600", "copied from this row's evidence"),
    "published-date-conflict": (SEED_000, "mentions:\n", "article:\n  published_date: 2020-09-29\nmentions:\n",
                                "published-date-conflict", "published_date: 2020-09-29", "remove published_date"),
    "claimant-statement": (SEED_000, "    statement: s05\n", "    statement: s05\n    claimant: Turkey\n",
                           "claimant-statement", "claimant: Turkey", "differs from the statement's speaker"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_each_bad_coding_is_refused_with_its_rule_line_and_advice(repo, case):
    file, old, new, rule, marker, words = case
    replace_in(repo.root / file, old, new)
    problem = the_problem(repo, file, rule)
    assert words in problem.message
    if marker is not None:
        assert problem.line == line_of(repo, file, marker)
    else:
        assert problem.line is not None


def test_inferred_publication_date_needs_its_method(repo):
    text = (repo.root / SEED_004).read_text(encoding="utf-8")
    start, end = text.index("  published_date_method: >-\n"), text.index("\nmentions:")
    (repo.root / SEED_004).write_text(text[:start] + text[end:], encoding="utf-8")
    problem = the_problem(repo, SEED_004, "published-date-method")
    assert problem.line == line_of(repo, SEED_004, "published_date: 2020-09-28")


def test_an_alias_of_two_actors_cannot_be_used(repo):
    replace_in(repo.root / ACTORS, "aliases: [Moscow, Russian]", "aliases: [Moscow, Russian, Soviet]")
    problem = the_problem(repo, SEED_000, "actor-alias-ambiguous")
    assert "russia" in problem.message and "soviet-union" in problem.message
    assert problem.line == line_of(repo, SEED_000, "{evidence: Soviet}")


def test_duplicate_actor_id_in_the_registry(repo):
    replace_in(repo.root / ACTORS, "- id: bbc\n", "- id: sky-news  # the second sky-news\n")
    problem = the_problem(repo, ACTORS, "actor-duplicate-id")
    assert problem.line == line_of(repo, ACTORS, "the second sky-news")
    assert problem.value == "sky-news"


def test_unmentioned_actor_and_unreported_event(repo):
    replace_in(repo.root / SEED_004, "  - {evidence: the BBC}\n", "")
    replace_in(repo.root / SEED_004, "  - event: e-2020-09-27-us-peace-call\n", "  - event: e-2020-turkey-peace-call\n")
    problems = problems_of(repo)
    assert {(p.file, p.rule, p.value) for p in problems} >= {
        (ACTORS, "actor-not-mentioned", "bbc"), ("seeds/registry/events.yaml", "event-not-reported", "e-2020-09-27-us-peace-call")}


def test_seed_and_coding_must_come_in_pairs(repo):
    (repo.seeds / "000_9182488a4787e2a6.yaml").unlink()
    (repo.seeds / "999_0000000000000000.yaml").write_text("mentions: []\n", encoding="utf-8")
    rules = {(p.file, p.rule) for p in problems_of(repo)}
    assert ("seeds/000_9182488a4787e2a6.txt", "seed-without-coding") in rules
    assert ("seeds/999_0000000000000000.yaml", "coding-without-seed") in rules


@pytest.mark.parametrize("name, data, rule", [
    ("005_00000000000000aa.txt", b"Caf\xe9 in Baku", "article-encoding"),
    ("005_00000000000000aa.txt", b"\xef\xbb\xbfBaku said.", "article-encoding"),
    ("bad-name.txt", b"Baku said.", "article-name"),
    ("005_00000000000000aa.txt", b"date 2020-02-30 Baku said.", "article-date-header"),
])
def test_bad_article_files_are_refused(repo, name, data, rule):
    (repo.seeds / name).write_bytes(data)
    (repo.seeds / name.replace(".txt", ".yaml")).write_text("mentions: []\n", encoding="utf-8")
    assert (f"seeds/{name}", rule) in {(p.file, p.rule) for p in problems_of(repo)}


def test_all_problems_are_reported_at_once(repo):
    replace_in(repo.root / SEED_000, "    statement: s05\n", "    statement: s55\n")
    replace_in(repo.root / SEED_004, "    value_text: some 500", "    value_text: some 600")
    rules = {(p.file, p.rule) for p in problems_of(repo)}
    assert {(SEED_000, "statement-unknown"), (SEED_004, "not-in-evidence")} <= rules


def test_a_failing_build_writes_nothing_and_a_clean_build_changes_nothing(repo):
    tables = {p: p.read_bytes() for p in repo.tables.iterdir()}
    runner = CliRunner()
    clean = runner.invoke(main, ["--root", str(repo.root), "build"])
    assert clean.exit_code == 0 and "0 changed" in clean.output
    replace_in(repo.root / SEED_000, "value_text: \"53\"", "value_text: \"54\"")
    broken = runner.invoke(main, ["--root", str(repo.root), "build"])
    assert broken.exit_code == 1 and "nothing was written" in broken.output
    assert {p: p.read_bytes() for p in repo.tables.iterdir()} == tables
