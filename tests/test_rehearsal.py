"""A contribution lands: the rehearsal article (tests/fixtures/rehearsal/) is added by the steps CONTRIBUTING.md
gives, on a copy of the live repository, whatever it holds, and on the frozen package; the result builds, validates
and passes every check that holds for any package. On the frozen package, whose rows the test knows, its figure
for Monday's dead is set beside the seeds' conflicting ones."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scripts.build.registry import load_registry
from scripts.cli import main
from scripts.common.paths import ROOT, Layout
from scripts.common.problems import ProblemList
from scripts.common.yamlfile import load_yaml
from tests.conftest import copy_repository
from tests.frozen import SEED_000, SEED_004, frozen
from tests.package_checks import unsound

FIXTURE = Path(__file__).parent / "fixtures" / "rehearsal"
PROVENANCE = [
    "--date",
    "2020-09-30",
    "--title",
    "Karabakh lowers its Monday toll to 49 soldiers as shelling reaches Martuni",
    "--url",
    "https://caucasus-wire.example.org/2020/09/30/karabakh-toll-martuni",
    "--outlet",
    "caucasus-wire",
    "--retrieved",
    "2026-12-05",
]
BASES = {"live": lambda: ROOT, "frozen": lambda: frozen().root}
REFERENCES = ("speaker", "victim", "claimant", "via", "outlet", "actor", "parent")


def run(layout: Layout, *args):
    return CliRunner().invoke(main, ["--root", str(layout.root), *args])


def table(layout: Layout, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(layout.table_path(name).read_text(encoding="utf-8"))))


def rows(layout: Layout, name: str, key: str, prefix: str) -> dict[str, dict]:
    """The rows whose key starts with prefix, by the rest of their key."""
    return {row[key].removeprefix(prefix): row for row in table(layout, name) if row[key].startswith(prefix)}


def register(layout: Layout) -> dict[str, str]:
    """The review's registry step: each actor or event of the fixture is added unless the registry already holds it,
    by id, name or alias (CONTRIBUTING.md: check first); returns the fixture ids that are known under another id."""
    registry = load_registry(layout, ProblemList())
    wanted = yaml.safe_load((FIXTURE / "registry.yaml").read_text(encoding="utf-8"))
    known: dict[str, str] = {}
    new_actors = []
    for actor in wanted["actors"]:
        held = [
            registry.actor(name)
            for name in [actor["id"], actor["name"], *actor.get("aliases", [])]
            if name in registry.actor_ids or len(registry.aliases.get(name, ())) == 1
        ]
        if held:
            known[actor["id"]] = held[0]
        else:
            new_actors.append(actor)
    for actor in new_actors:
        if actor.get("parent") in known:
            actor["parent"] = known[actor["parent"]]
    new_events = [event for event in wanted["events"] if event["id"] not in registry.event_ids]
    for name, entries in (("actors", new_actors), ("events", new_events)):
        path = layout.registry / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        addition = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1000) if entries else ""
        path.write_text(text + ("" if text.endswith("\n") else "\n") + addition, encoding="utf-8")
    return known


def reviewed_coding(known: dict[str, str]) -> str:
    """The fixture's reviewed coding, naming the registry's own id where it held an actor already."""
    text = (FIXTURE / "coding.yaml").read_text(encoding="utf-8")
    for ours, theirs in known.items():
        text = re.sub(rf"\b({'|'.join(REFERENCES)}): {re.escape(ours)}\b", rf"\1: {theirs}", text)
    return text


def contribute(layout: Layout) -> tuple[str, dict[str, str]]:
    """CONTRIBUTING.md, steps 2 to 4, with the rehearsal article; returns its id and the actors known already."""
    added = run(layout, "add", *PROVENANCE, str(FIXTURE / "article.txt"))
    assert added.exit_code == 0, added.output
    article = layout.root / re.search(r"^added (seeds/\S+\.txt)$", added.output, re.MULTILINE).group(1)
    assert "Next: `python -m scripts draft" in added.output

    registry_before = {p: p.read_bytes() for p in layout.registry.glob("*.yaml")}
    drafted = run(layout, "draft", str(article))
    assert drafted.exit_code == 0, drafted.output
    draft = load_yaml(article.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert draft["article"]["url"] == PROVENANCE[5] and draft["article"]["title"] == PROVENANCE[3]  # kept
    refused = run(layout, "build")
    assert refused.exit_code == 1 and "[draft-unreviewed]" in refused.output  # nothing unreviewed gets through

    for path, data in registry_before.items():  # the review: the draft's proposals give way to the reviewed entries
        path.write_bytes(data)
    known = register(layout)
    article.with_suffix(".yaml").write_text(reviewed_coding(known), encoding="utf-8")
    built = run(layout, "build")
    assert built.exit_code == 0, built.output
    validated = run(layout, "validate")
    assert validated.exit_code == 0, validated.output
    return article.stem, known


@pytest.fixture(scope="module", params=BASES, ids=BASES)
def rehearsed(request, tmp_path_factory):
    layout = copy_repository(tmp_path_factory.mktemp(request.param), BASES[request.param]())
    article_id, known = contribute(layout)
    return layout, article_id, known


def test_the_package_with_the_contribution_is_sound(rehearsed):
    layout, _, _ = rehearsed
    assert unsound(layout) == {}


def test_where_the_article_comes_from_is_in_the_articles_table(rehearsed):
    layout, article_id, known = rehearsed
    (article,) = rows(layout, "articles", "article_id", article_id).values()
    assert (article["published_date"], article["published_date_source"]) == ("2020-09-30", "header")
    assert article["title"] == PROVENANCE[3] and article["url"] == PROVENANCE[5]
    assert article["outlet_actor_id"] == known.get("caucasus-wire", "caucasus-wire")
    assert article["retrieved_date"] == "2026-12-05"


def test_the_new_actors_and_event_are_registered_and_reported(rehearsed):
    layout, article_id, known = rehearsed
    actors = rows(layout, "actors", "actor_id", "")
    for ours, kind in (
        ("caucasus-wire", "media_outlet"),
        ("martuni-district-administration", "government_body"),
        ("sevada-galstyan", "person"),
    ):
        assert actors[known.get(ours, ours)]["actor_type"] == kind
    reported = {row["event_id"] for row in table(layout, "event_reports") if row["article_id"] == article_id}
    assert reported == {"e-2020-09-28-fighting", "e-2020-09-29-martuni-shelling", "e-2020-russia-ceasefire-call"}
    event = rows(layout, "events", "event_id", "e-2020-09-29-martuni-shelling")[""]
    assert (event["date_start"], event["date_end"], event["date_precision"]) == ("2020-09-29", "2020-09-30", "days")


def test_a_quotation_over_two_paragraphs_is_one_direct_quote(rehearsed):
    layout, article_id, known = rehearsed
    quote = rows(layout, "statements", "statement_id", f"{article_id}:")["s04"]
    assert quote["quote_type"] == "direct" and quote["speaker_actor_id"] == known.get(
        "sevada-galstyan", "sevada-galstyan"
    )
    assert quote["text"] == (
        "We have moved the children into basements and we sleep there with them. Nobody here "
        "remembers shelling like this, not even from the first war. All we ask is that the guns "
        "go quiet,"
    )
    assert quote["evidence"].count("\n") == 2  # the evidence is verbatim, paragraph break included


def test_a_running_total_keeps_its_period_and_a_day_word_its_day(rehearsed):
    layout, article_id, _ = rehearsed
    claims = rows(layout, "claims", "claim_id", f"{article_id}:")
    total = claims["c02"]
    assert (
        total["value_min"],
        total["date_text"],
        total["date_start"],
        total["date_end"],
        total["date_precision"],
        total["date_source"],
    ) == ("104", "since Sunday", "2020-09-27", "2020-09-30", "days", "coded")
    monday = claims["c01"]
    assert (monday["claimant_actor_id"], monday["value_min"], monday["date_start"], monday["date_source"]) == (
        "nagorno-karabakh",
        "49",
        "2020-09-28",
        "computed",
    )


def test_on_the_frozen_package_the_figure_disagrees_with_both_seeds(tmp_path):
    layout = copy_repository(tmp_path, frozen().root)
    article_id, _ = contribute(layout)
    pairs = {(d["claim_id_a"], d["claim_id_b"]): d["relation"] for d in table(layout, "claim_disagreements")}
    assert pairs == {
        (f"{SEED_000}:c02", f"{SEED_004}:c01"): "conflicting",  # 53 and 27, as before
        (f"{SEED_000}:c04", f"{SEED_004}:c03"): "compatible",
        (f"{SEED_000}:c02", f"{article_id}:c01"): "conflicting",  # 53 and 49
        (f"{SEED_004}:c01", f"{article_id}:c01"): "conflicting",
    }  # 27 and 49


def test_an_actor_the_registry_holds_under_another_id_is_used_not_added(tmp_path):
    """A contribution made since may have registered the outlet under its own id: the rehearsal must follow."""
    layout = copy_repository(tmp_path, frozen().root)
    actors = layout.registry / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8") + "- id: the-caucasus-wire\n  name: The Caucasus Wire\n"
        "  type: media_outlet\n  aliases: [Caucasus Wire]\n",
        encoding="utf-8",
    )
    article_id, known = contribute(layout)
    assert known == {"caucasus-wire": "the-caucasus-wire"}
    assert rows(layout, "articles", "article_id", article_id)[""]["outlet_actor_id"] == "the-caucasus-wire"
