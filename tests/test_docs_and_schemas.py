"""The schemas are complete, the README codebook is generated from them, and the README's pandas example works."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re

import pytest
import yaml

from scripts.common.paths import ROOT, Layout
from scripts.common.schemas import descriptor, table_schema
from tests.frozen import SEED_000, SEED_004, frozen

LAYOUT = Layout(ROOT)
RESOURCES = descriptor(LAYOUT)["resources"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_every_field_has_description_type_and_example(resource):
    schema = table_schema(LAYOUT, resource["name"])
    assert schema["primaryKey"] and schema["missingValues"] == [""]
    for field in schema["fields"]:
        assert field.get("description") and field.get("type") and "example" in field, field["name"]


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_every_resource_is_readable_by_both_frictionless_readers(resource):
    assert resource["profile"] == "tabular-data-resource"
    assert resource["encoding"] == "utf-8"
    assert not resource["path"].startswith("/") and ".." not in resource["path"]


def test_descriptor_has_the_data_package_metadata():
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "version", "licenses", "contributors"):
        assert package[key]
    # one source for the articles, whatever their number; the articles table lists every file
    assert [s["path"] for s in package["sources"]] == ["seeds/"]
    articles = (ROOT / "datapackage" / "articles.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(line.split(",")[1] for line in articles) == sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt")
    )


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_codebook_documents_every_column(resource):
    section = README.split(f"### `{resource['name']}`", 1)[1].split("\n### ", 1)[0]
    for field in table_schema(LAYOUT, resource["name"])["fields"]:
        assert f"| `{field['name']}` | {field['type']} |" in section


def test_event_types_enum_matches_the_vocabulary_table():
    enum = next(f for f in table_schema(LAYOUT, "events")["fields"] if f["name"] == "event_type")["constraints"]["enum"]
    vocabulary = (ROOT / "datapackage" / "event_types.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert sorted(enum) == sorted(line.split(",", 1)[0] for line in vocabulary)


def test_readme_pandas_example_answers_its_question():
    """Run on the frozen package, whose answer the test knows; the live package grows."""
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    out, cwd = io.StringIO(), os.getcwd()
    namespace = {}
    try:
        os.chdir(frozen().root)
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    claims, monday = namespace["claims"], namespace["monday"]
    assert str(claims["value_min"].dtype) == "Int64" and str(claims["date_start"].dtype).startswith("datetime64")
    assert str(claims["claim_id"].dtype) == "string" and claims["claim_type"].dtype.ordered
    assert sorted(monday["value_min"].dropna().tolist()) == [2, 2, 27, 53, 55]  # both articles: 2 Azeri civilians
    printed = [line.split() for line in out.getvalue().splitlines()]
    assert ["Nagorno-Karabakh", "Nagorno-Karabakh", "military", "exact", "53", "53", "53", SEED_000] in printed
    assert [
        "Nagorno-Karabakh",
        "Nagorno-Karabakh",
        "military",
        "exact",
        "27",
        "27",
        "an",
        "additional",
        "27",
        SEED_004,
    ] in printed


def test_the_github_workflow_runs_what_ci_runs_with_pinned_versions():
    """Contributors on GitHub get exactly the checks of .ci/run, with actions pinned to commits."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    assert {"pull_request", "push"} <= set(workflow[True])  # YAML 1.1 reads the key `on` as True
    (job,) = workflow["jobs"].values()
    uses = [step["uses"] for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", u) for u in uses), uses
    (python,) = [step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
    assert python["with"]["python-version"] == "3.11"
    assert [step["run"] for step in job["steps"] if "run" in step] == ["bash .ci/run"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().endswith("make test") and "make test" in README  # the README's test command
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--upgrade" not in makefile and "pip==" in makefile  # pip itself is pinned too


def test_the_citation_names_the_package_version_and_licence():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "dataset"
    assert citation["version"] == package["version"]
    assert citation["license"] == package["licenses"][0]["name"] == "CC-BY-4.0"
    assert citation["title"] == package["title"]
