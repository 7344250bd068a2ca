"""The casualty figure on the seed articles (their frozen copy, tests/frozen.py): what it shows (through
casualty_points) and that its PNG is reproducible."""

from __future__ import annotations

import io
import random
import struct
from datetime import date

import pytest
from PIL import Image

from scripts.build.figure import casualty_figure, figure_size_px
from scripts.build.figure_points import casualty_points
from tests.frozen import SEED_000, SEED_004, frozen

CASUALTY_TYPES = {"killed", "wounded", "captured", "missing", "displaced"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def rows():
    from scripts.build.pipeline import build_rows

    return build_rows(frozen())


@pytest.fixture(scope="module")
def inputs(rows):
    return rows["claims"], rows["actors"], rows["articles"]


@pytest.fixture(scope="module")
def points(inputs):
    return casualty_points(*inputs)


@pytest.fixture(scope="module")
def png(inputs):
    return casualty_figure(*inputs)


def shuffled(inputs, seed):
    rng = random.Random(seed)
    out = []
    for table in inputs:
        table = list(table)
        rng.shuffle(table)
        out.append(table)
    return out


def point(points, claim_id):
    matches = [p for p in points if p["claim_id"] == claim_id]
    assert len(matches) == 1, f"{claim_id}: {len(matches)} points"
    return matches[0]


def test_every_dated_casualty_figure_is_one_point_and_nothing_else_is(rows, points):
    expected = sorted(
        c["claim_id"]
        for c in rows["claims"]
        if c["claim_type"] in CASUALTY_TYPES
        and c["date_start"] is not None
        and (c["value_min"] is not None or c["value_max"] is not None)
    )
    assert sorted(p["claim_id"] for p in points) == expected
    # the seeds have claims of every kind left out: vague figures, undated figures, accusations
    left_out = {c["claim_id"] for c in rows["claims"]} - set(expected)
    assert f"{SEED_000}:c12" in left_out  # "hundreds of thousands": no number
    assert f"{SEED_000}:c11" in left_out  # 30 wounded: no date
    assert f"{SEED_004}:c10" in left_out  # an accusation
    assert len(expected) >= 10


def test_points_carry_the_claim_as_coded(rows, points):
    claims = {c["claim_id"]: c for c in rows["claims"]}
    for p in points:
        claim = claims[p["claim_id"]]
        assert p["panel"] == claim["claim_type"]
        assert p["day"] == claim["date_start"]
        assert (p["value_min"], p["value_max"], p["qualifier"], p["value_text"]) == (
            claim["value_min"],
            claim["value_max"],
            claim["qualifier"],
            claim["value_text"],
        )
        assert p["source"].endswith(f"· art. {claim['article_id'][:3]}")


def test_the_53_and_the_27_killed_sit_in_one_row_from_different_sources(points):
    a, b = point(points, f"{SEED_000}:c02"), point(points, f"{SEED_004}:c01")
    assert (a["value_text"], b["value_text"]) == ("53", "an additional 27")
    assert a["panel"] == b["panel"] == "killed"
    assert a["day"] == b["day"] == date(2020, 9, 28)
    assert a["row"] == b["row"]
    assert "Nagorno-Karabakh · military" in a["row"]
    assert a["source"] != b["source"]
    assert a["source"] == "Nagorno-Karabakh · art. 000" and b["source"] == "Nagorno-Karabakh · art. 004"
    assert a["row_relation"] == b["row_relation"] == "conflicting"  # as in claim_disagreements


def test_around_200_and_more_than_100_wounded_sit_in_one_row_from_different_sources(points):
    a, b = point(points, f"{SEED_000}:c04"), point(points, f"{SEED_004}:c03")
    assert (a["value_text"], a["qualifier"]) == ("around 200", "approx")
    assert (b["value_text"], b["qualifier"], b["value_min"], b["value_max"]) == (
        "more than 100",
        "more_than",
        101,
        None,
    )
    assert a["panel"] == b["panel"] == "wounded"
    assert a["day"] == b["day"] == date(2020, 9, 27)
    assert a["row"] == b["row"]
    assert a["source"] != b["source"]
    assert a["row_relation"] == b["row_relation"] == "compatible"  # they differ, but 101..200 fits both


def test_outlet_and_own_voice_are_named_in_the_source(points):
    assert point(points, f"{SEED_004}:c02")["source"] == "Nagorno-Karabakh (via Sky News) · art. 004"
    own = point(points, f"{SEED_000}:c01")  # "at least 55 people killed": the article's own words
    assert own["source"] == "the article itself · art. 000"
    assert own["row"].endswith("unknown side · status unknown")
    assert point(points, f"{SEED_004}:c08")["period"] == "2016 (year)"  # a year, labelled as one


def test_same_figures_from_two_sources_are_not_flagged(points):
    # 31 soldiers killed on Sunday, in both articles: two markers, one row, no disagreement
    a, b = point(points, f"{SEED_000}:c03"), point(points, f"{SEED_004}:c02")
    assert a["row"] == b["row"] and a["source"] != b["source"]
    assert a["row_relation"] is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_points_do_not_depend_on_input_order(inputs, points, seed):
    assert casualty_points(*shuffled(inputs, seed)) == points


def test_png_signature_and_size(png, points):
    assert png.startswith(PNG_SIGNATURE)
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == figure_size_px(points)
    assert width == 1280 and 600 <= height <= 1400
    with Image.open(io.BytesIO(png)) as image:
        assert image.size == (width, height)
        assert image.format == "PNG"
        assert set(image.info) <= {"dpi"}  # no Software, no timestamp


def test_png_is_byte_identical_on_a_second_call(inputs, png):
    assert casualty_figure(*inputs) == png


def test_png_does_not_depend_on_input_order(inputs, png):
    assert casualty_figure(*shuffled(inputs, 7)) == png


def test_png_changes_when_a_claim_changes(inputs, png):
    claims, actors, articles = inputs
    changed = [
        dict(c, value_min=54, value_max=54, value_text="54") if c["claim_id"] == f"{SEED_000}:c02" else c
        for c in claims
    ]
    assert casualty_figure(changed, actors, articles) != png


def test_the_committed_figure_is_what_the_build_draws_and_a_stale_one_is_reported(repo):
    from scripts.build.pipeline import build_outputs
    from scripts.validate.package import validate_package

    assert build_outputs(repo)[repo.figure] == repo.figure.read_bytes()
    repo.figure.write_bytes(repo.figure.read_bytes()[:-10])
    stale = [p for p in validate_package(repo, run_frictionless=False) if p.file == "figures/casualty-claims.png"]
    assert [(p.rule, p.line, p.value) for p in stale] == [("stale", None, None)]
    assert "the build draws it from the tables" in stale[0].message


def test_a_large_package_shows_its_most_disputed_rows_and_says_so():
    from scripts.build.figure_points import most_disputed

    def row(panel, label, relation, n):
        return [{"panel": panel, "row": label, "row_relation": relation, "claim_id": f"{label}:{i}"} for i in range(n)]

    points = (
        row("killed", "a", None, 50)
        + row("killed", "b", "compatible", 30)
        + row("killed", "c", "conflicting", 20)
        + row("wounded", "d", "conflicting", 60)
        + row("wounded", "e", None, 5)
    )
    shown, n_rows = most_disputed(points, limit=100)
    assert n_rows == 5
    # conflicting rows first (d, then c), then whatever else fits (b and a do not, e does), in drawing order
    assert [p["row"] for p in shown] == ["c"] * 20 + ["d"] * 60 + ["e"] * 5
    assert most_disputed(points[:90], limit=100) == (points[:90], 3)  # below the limit: every point


def test_a_part_of_a_figure_is_not_drawn_beside_it_and_a_described_speaker_is_an_unnamed_source(inputs):
    """ "12 killed, three of them children": the three are not a second source disagreeing with the 12; a claim
    whose statement has no claimant (a speaker described, not named) is labelled as an unnamed source."""
    claims, actors, articles = inputs
    whole = next(c for c in claims if c["claim_id"] == f"{SEED_000}:c03")  # 31 soldiers killed on Sunday
    part = {
        **whole,
        "claim_id": f"{SEED_000}:c99",
        "value_min": 3,
        "value_max": 3,
        "part_of_claim_id": whole["claim_id"],
    }
    described = {**whole, "claim_id": f"{SEED_000}:c98", "claimant_actor_id": None, "via_actor_id": None}
    points = casualty_points([*claims, part, described], actors, articles)
    assert f"{SEED_000}:c99" not in {p["claim_id"] for p in points}
    assert point(points, f"{SEED_000}:c03")["row_relation"] is None
    assert point(points, f"{SEED_000}:c98")["source"].startswith("a source unnamed")
