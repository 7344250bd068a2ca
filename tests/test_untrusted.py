"""A pull request is untrusted input: whatever it holds, `build` and `validate` end with a message (exit 1), never a
traceback, never a read or a print of a file outside the repository, never a network connection. Each case here was
once a traceback, a leak or a silent pass."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.csvio import JOURNAL
from scripts.validate.package import validate_package
from tests.conftest import add_article, replace_in
from tests.frozen import SEED_000, SEED_004

SECRET = "runner-secret-4f1c9a"  # what a file outside the repository holds: it must never be printed


def run(repo, *args):
    result = CliRunner().invoke(main, ["--root", str(repo.root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def refused(repo, rule: str, *commands: str) -> list:
    """Each command (build, validate) ends with exit 1 and a problem of this rule; the results."""
    results = []
    for command in commands or ("build", "validate"):
        result = run(repo, command)
        assert result.exit_code == 1, result.output
        assert f"[{rule}]" in result.output, result.output
        results.append(result)
    return results


@pytest.fixture
def outside(tmp_path):
    """A file outside the repository, such as a runner's credentials."""
    path = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    path.write_text(f"token: {SECRET}\n", encoding="utf-8")
    yield path
    path.unlink()


# --- reading outside the repository -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        f"seeds/{SEED_000}.yaml",
        f"seeds/{SEED_004}.txt",
        "seeds/registry/actors.yaml",
        "README.md",
        "datapackage.json",
        "schemas/claims.json",
        "datapackage/claims.csv",
    ],
)
def test_a_symbolic_link_is_refused_and_what_it_points_at_never_read(repo, outside, target):
    (repo.root / target).unlink()
    (repo.root / target).symlink_to(outside)
    for result in refused(repo, "symlink"):
        assert SECRET not in result.output
        assert f"{target}: 1 problem(s)" in result.output


def test_a_linked_folder_of_seeds_is_refused(repo, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-seeds"
    (repo.seeds).rename(elsewhere)
    repo.seeds.symlink_to(elsewhere)
    refused(repo, "symlink")


# --- connecting anywhere ------------------------------------------------------------------------------------


@pytest.fixture
def server():
    """A web server on this machine that counts the requests it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()


def _descriptor(repo, change):
    package = json.loads(repo.descriptor.read_text(encoding="utf-8"))
    change(package)
    repo.descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")


@pytest.mark.parametrize("where", ["package profile", "resource profile", "resource schema", "table schema $schema"])
def test_a_remote_location_is_refused_and_never_fetched(repo, server, where):
    address, requests = server
    if where == "package profile":
        _descriptor(repo, lambda p: p.update(profile=f"{address}/package.json"))
    elif where == "resource profile":
        _descriptor(repo, lambda p: p["resources"][0].update(profile=f"{address}/resource.json"))
    elif where == "resource schema":
        _descriptor(repo, lambda p: p["resources"][0].update(schema=f"{address}/schema.json"))
    else:
        replace_in(
            repo.schemas / "claims.json",
            "https://specs.frictionlessdata.io/schemas/table-schema.json",
            f"{address}/table-schema.json",
        )
    problems = validate_package(repo, run_frictionless=True, frictionless_rows=True)  # as `release` validates
    assert "location-remote" in {p.rule for p in problems}
    assert requests == []


# --- tracebacks that were ------------------------------------------------------------------------------------

FIGURE = "    value_text: some 500\n"  # claim c06 of seed 004


@pytest.mark.parametrize("bounds", ["100000000000000000000", "9223372036854775808", ".nan", ".inf", "-.inf"])
def test_an_impossible_count_is_refused(repo, bounds):
    replace_in(
        repo.seeds / f"{SEED_004}.yaml",
        FIGURE,
        FIGURE + f"    qualifier: approx\n    value_min: {bounds}\n    value_max: 500\n",
    )
    refused(repo, "count-invalid")


def test_figure_words_larger_than_any_count_are_refused(repo):
    add_article(
        repo,
        5,
        "date 2020-10-01 Baku said 100000000000000000000 people were killed on Monday.",
        "mentions:\n  - {evidence: Baku}\nclaims:\n  - id: c01\n"
        "    evidence: 100000000000000000000 people were killed on Monday\n    claimant: Baku\n"
        "    type: killed\n    victim_status: unknown\n    value_text: '100000000000000000000'\n",
    )
    refused(repo, "count-invalid")


@pytest.mark.parametrize(
    "change, rule",
    [
        (
            ('"name": "value_min",\n      "type": "integer"', '"name": "value_min",\n      "type": "string"'),
            "schema-field",
        ),
        (('"type": "integer"', '"type": "strnig"'), "schema-field"),
        (('"resource": "events"', '"resource": "occurrences"'), "schema-key"),
        (('"fields": [\n        "event_id"\n      ]', '"fields": [\n        "event_key"\n      ]'), "schema-key"),
        (('"primaryKey": [\n    "claim_id"\n  ]', '"primaryKey": [\n    "claim_key"\n  ]'), "schema-key"),
        (('"missingValues": [\n    ""\n  ]', '"missingValues": [\n    "NA"\n  ]'), "schema-invalid"),
    ],
    ids=[
        "integer-as-string",
        "unknown-type",
        "foreign-key-to-no-table",
        "foreign-key-to-no-field",
        "primary-key",
        "missing-values",
    ],
)
def test_a_broken_table_schema_is_a_message_naming_the_schema(repo, change, rule):
    replace_in(repo.schemas / "claims.json", *change)
    for result in refused(repo, rule):
        assert "schemas/claims.json: " in result.output


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, None], ids=["nested-5000-deep", "alias-expansion"])
def test_yaml_bombs_are_refused_before_they_are_built(repo, value):
    coding = repo.seeds / f"{SEED_000}.yaml"
    if value is None:  # thirty levels of aliases, each expanding ten times
        levels = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 30)
        )
        coding.write_text(levels + coding.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        replace_in(coding, "    statement: s05\n", f"    statement: s05\n    note: {value}\n")
    refused(repo, "yaml-limit")


def test_an_empty_coding_and_an_empty_article_are_named(repo):
    (repo.seeds / f"{SEED_000}.yaml").write_text("", encoding="utf-8")
    stem = add_article(repo, 5, "", "mentions: []\n")
    result = run(repo, "build")
    assert f"seeds/{SEED_000}.yaml: 1 problem(s)" in result.output and "the file is empty" in result.output
    assert f"seeds/{stem}.txt: 1 problem(s)" in result.output and "[article-empty]" in result.output


def test_the_same_text_twice_is_refused(repo):
    data = (repo.seeds / f"{SEED_004}.txt").read_bytes()
    add_article(repo, 5, data.decode("utf-8"), (repo.seeds / f"{SEED_004}.yaml").read_text(encoding="utf-8"))
    refused(repo, "article-duplicate", "build")


# --- interrupted work ----------------------------------------------------------------------------------------

KILLED_BUILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from scripts.build.pipeline import checked_outputs, write_outputs
    from scripts.common.paths import Layout

    layout, switches = Layout(Path(sys.argv[1])), int(sys.argv[2])
    outputs = checked_outputs(layout)
    real, done = os.replace, []
    def replace(source, target):  # killed after `switches` files of the package, as when the power fails
        if not str(target).endswith(".replace-in-progress.json"):
            if len(done) == switches:
                os.kill(os.getpid(), signal.SIGKILL)
            done.append(target)
        return real(source, target)
    os.replace = replace
    write_outputs(outputs, layout)
""")


@pytest.mark.parametrize("switches", [0, 2])
def test_a_build_killed_half_way_is_finished_by_the_next_one(repo, switches):
    """Three tables, datapackage.json and the README change; the build is killed before the first or the third."""
    replace_in(repo.registry / "events.yaml", "Second day of heavy fighting", "Second day of heavy fighting, edited")
    replace_in(repo.registry / "event_types.yaml", "label: Armed clash", "label: Armed clash (edited)")
    replace_in(repo.registry / "actors.yaml", "aliases: [Moscow, Russian]", "aliases: [Moscow, Russian, the Kremlin]")
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD, str(repo.root), str(switches)],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
    )
    assert killed.returncode == -9, killed.stderr
    assert (repo.root / JOURNAL).exists()
    problems = validate_package(repo, run_frictionless=False)
    assert {"write-interrupted", "stray-file"} <= {p.rule for p in problems}
    finished = run(repo, "build")
    assert finished.exit_code == 0 and "finished an interrupted replacement" in finished.output, finished.output
    assert validate_package(repo, run_frictionless=False) == []
    assert not (repo.root / JOURNAL).exists()
    assert [p for p in repo.root.rglob(".*.tmp")] == []


def test_files_staged_before_a_kill_are_reported_and_removed(repo):
    (repo.tables / ".claims.csv.x1y2z3.tmp").write_bytes(b"half a table")
    (repo.root / ".README.md.a1b2c3.tmp").write_bytes(b"half a readme")
    problems = validate_package(repo, run_frictionless=False)
    assert sorted(p.file for p in problems if p.rule == "stray-file") == [
        ".README.md.a1b2c3.tmp",
        "datapackage/.claims.csv.x1y2z3.tmp",
    ]
    assert run(repo, "build").exit_code == 0
    assert [p for p in repo.root.rglob(".*.tmp")] == [] and validate_package(repo, run_frictionless=False) == []
    assert os.listdir(repo.tables)  # the tables themselves stay


# --- found by an outside tester: each once a fetch, a read outside, a traceback, a hang or a forged line ----------


def test_a_coding_schema_may_not_make_jsonschema_fetch_anything(repo, server, outside):
    address, requests = server
    schema = repo.input_schemas / "article.schema.json"
    for ref in (f"{address}/x.json", outside.as_uri()):
        document = json.loads(schema.read_text(encoding="utf-8"))
        document["properties"]["article"]["properties"]["url"] = {"$ref": ref}
        schema.write_text(json.dumps(document), encoding="utf-8")
        for result in refused(repo, "location-remote"):
            assert SECRET not in result.output and "schemas/coding/article.schema.json" in result.output
    assert requests == []


@pytest.mark.parametrize(
    "change",
    [
        lambda s: "{",
        lambda s: s.replace('"type": "object"', '"type": 5', 1),
        lambda s: s.replace('"pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"', '"pattern": "(["', 1),
        lambda s: s.replace('"type": "object"', '"$ref": "#/nowhere"', 1),
        lambda s: "[" * 200000,
    ],
    ids=["not-json", "type-not-a-name", "pattern-not-a-regex", "ref-to-nothing", "nested-200000-deep"],
)
def test_a_broken_coding_schema_is_a_message(repo, change):
    schema = repo.input_schemas / "article.schema.json"
    schema.write_text(change(schema.read_text(encoding="utf-8")), encoding="utf-8")
    for result in refused(repo, "schema-invalid"):
        assert "schemas/coding/article.schema.json" in result.output and len(result.output) < 20_000


def test_a_table_schema_field_given_as_a_location_is_never_fetched(repo, server, outside):
    address, requests = server
    for place in (f"{address}/field.json", str(outside)):
        schema = json.loads((repo.schemas / "claims.json").read_text(encoding="utf-8"))
        schema["fields"].append(place)
        (repo.schemas / "claims.json").write_text(json.dumps(schema), encoding="utf-8")
        problems = validate_package(repo, run_frictionless=True, frictionless_rows=True)
        assert "schema-field" in {p.rule for p in problems}
        assert SECRET not in " ".join(p.message + str(p.value) for p in problems)
    assert requests == []


@pytest.mark.parametrize(
    "extra, rule",
    [
        ({"extrapaths": ["http://127.0.0.1:9/e.csv"]}, "location-remote"),
        ({"extrapaths": ["seeds/x.csv"]}, "resource-property"),
        ({"scheme": "https"}, "resource-property"),
        ({"compression": "zip"}, "resource-property"),
        ({"dialect": {"delimiter": ";", "header": False}}, "resource-property"),
    ],
    ids=["extrapaths-remote", "extrapaths", "scheme", "compression", "dialect"],
)
def test_a_resource_property_that_is_not_the_packages_is_refused(repo, server, extra, rule):
    address, requests = server
    extra = json.loads(json.dumps(extra).replace("http://127.0.0.1:9", address))
    _descriptor(repo, lambda p: p["resources"][0].update(extra))
    rules = {p.rule for p in validate_package(repo, run_frictionless=True, frictionless_rows=True)}
    assert rule in rules and "schema-key" not in rules  # the references to the refused resource are not noise
    refused(repo, rule, "build")
    assert requests == []


@pytest.mark.parametrize(
    "entries",
    [
        lambda victim: [[".a.tmp", str(victim)]],
        lambda victim: [["../v/.a.tmp", "../v/victim.txt"]],
        lambda victim: [1, ["a"], [1, 2]],
        lambda victim: [["a", "b", "c"]],
        lambda victim: {"x": 1},
    ],
    ids=["absolute", "climbing-out", "not-pairs", "triples", "not-a-list"],
)
def test_a_committed_journal_never_touches_anything_outside(repo, tmp_path, entries):
    outside = tmp_path.parent / f"{tmp_path.name}-v"
    outside.mkdir()
    victim = outside / "victim.txt"
    victim.write_text("kept", encoding="utf-8")
    (outside / ".a.tmp").write_text("ATTACKER", encoding="utf-8")
    (repo.root / JOURNAL).write_text(json.dumps(entries(victim)), encoding="utf-8")
    assert run(repo, "build").exit_code == 0
    assert victim.read_text(encoding="utf-8") == "kept" and (outside / ".a.tmp").exists()
    assert not (repo.root / JOURNAL).exists()


def test_a_journal_that_is_a_link_is_refused_not_read(repo, outside):
    (repo.root / JOURNAL).symlink_to(outside)
    refused(repo, "symlink")
    assert outside.read_text(encoding="utf-8") == f"token: {SECRET}\n"


def test_a_linked_folder_is_refused_before_anything_in_it_is_removed(repo, tmp_path):
    elsewhere = tmp_path.parent / f"{tmp_path.name}-tables"
    repo.tables.rename(elsewhere)
    (elsewhere / ".victim.tmp").write_text("kept", encoding="utf-8")
    repo.tables.symlink_to(elsewhere)
    refused(repo, "symlink")
    assert (elsewhere / ".victim.tmp").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize(
    "lines, rule",
    [("1: x\nfoo: y\n", "coding-additionalProperties"), ("? [a, b]\n: y\n", "yaml-syntax")],
    ids=["number-key", "list-key"],
)
def test_keys_that_are_not_words_are_a_message(repo, lines, rule):
    coding = repo.seeds / f"{SEED_000}.yaml"
    coding.write_text(lines + coding.read_text(encoding="utf-8"), encoding="utf-8")
    refused(repo, rule)


def test_a_descriptor_nested_beyond_reading_is_a_message(repo):
    repo.descriptor.write_text("[" * 200000, encoding="utf-8")
    refused(repo, "descriptor-invalid")


@pytest.mark.parametrize(
    "damage",
    [
        lambda repo: replace_in(repo.readme, "<!-- codebook:end -->", ""),
        lambda repo: repo.contributing.write_bytes(b"\xff\xfe" + repo.contributing.read_bytes()),
    ],
    ids=["readme-markers-lost", "contributing-not-utf8"],
)
def test_a_document_the_build_cannot_make_anew_is_a_message(repo, damage):
    damage(repo)
    for result in refused(repo, "stale"):
        assert "restore it from git" in result.output


def test_the_day_before_the_first_day_is_a_message(repo):
    add_article(
        repo,
        5,
        " date 0001-01-01 Baku said two civilians were killed yesterday.",
        "mentions:\n  - {evidence: Baku}\nclaims:\n  - id: c01\n    evidence: two civilians were killed yesterday\n"
        "    claimant: Baku\n    type: killed\n    victim_status: civilian\n    value_text: two\n"
        "    date_text: yesterday\n",
    )
    refused(repo, "date-unresolved", "build")


def test_a_long_value_repeated_is_reported_without_flooding_the_output(repo):
    name = "x" * 100_000
    coding = repo.seeds / f"{SEED_000}.yaml"
    coding.write_text(
        coding.read_text(encoding="utf-8").replace(
            "mentions:\n", "mentions:\n" + "".join(f"  - {{evidence: Baku, actor: {name}}}\n" for _ in range(50)), 1
        ),
        encoding="utf-8",
    )
    (result,) = refused(repo, "actor-unknown", "build")
    assert len(result.output) < 200_000  # 50 messages, each cut short, not 5 MB


def test_a_value_cannot_forge_a_line_of_the_report(repo):
    replace_in(
        repo.seeds / f"{SEED_000}.yaml",
        "  - {evidence: Baku}\n",
        '  - {evidence: "Zq\\n1 problem(s) in 1 file(s).\\nNo problems found.\\r\\a"}\n',
    )
    (result,) = refused(repo, "evidence-not-found", "build")
    assert "No problems found." not in result.output.splitlines()
    assert "\a" not in result.output and "\r" not in result.output


def test_a_file_where_a_folder_of_the_package_goes_is_a_message(repo):
    shutil.rmtree(repo.figure.parent)
    repo.figure.parent.write_text("not a folder", encoding="utf-8")
    refused(repo, "write-failed")


def test_an_article_with_a_nul_byte_is_refused(repo):
    add_article(repo, 5, "Baku said\x00 two civilians were killed.", "mentions:\n  - {evidence: Baku}\n")
    refused(repo, "article-encoding", "build")


def test_an_article_file_too_large_to_be_one_is_refused_unread_by_build_and_validation(repo):
    with open(repo.seeds / f"{SEED_004}.txt", "ab") as article:
        article.write(b" " * (16 << 20))
    for result in refused(repo, "article-size"):
        assert f"seeds/{SEED_004}.txt: " in result.output
