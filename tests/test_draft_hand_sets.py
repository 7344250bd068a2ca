"""Measuring the draft on hand-coded sets of real articles (scripts/draft/hand_sets.py, `score-sets`): the set in
tests/fixtures/hand_set/ is written for the test in the style of wire copy."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripts.cli import main
from scripts.draft.hand_sets import coded_value

HAND_SET = Path(__file__).parent / "fixtures" / "hand_set"


def score(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo.root), "score-sets", *map(str, args)])


def test_a_hand_coded_set_is_scored_quote_by_quote_and_figure_by_figure(repo):
    """The quote's speaker is right; of three figures, one has the codebook's civilians where the coder wrote
    unknown (right when the two are taken as one), and one is a war's total the frozen registry cannot date."""
    strict = score(repo, HAND_SET, "--verbose")
    assert strict.exit_code == 0, strict.output
    assert (
        f"{HAND_SET}: quotes 100.0% (1/1) | figures 66.7% (2/3) | dated 33.3% (1/3) | precision 75.0% (3/4) | "
        "dated where the coder did not n/a | drafts the build refused 0"
    ) in strict.output
    assert "figure wrong: 11 wounded unknown: drafted 11 wounded civilian" in strict.output
    assert "figure dated None..None, coded 2020-09-27..2020-10-05: 'At least 30 soldiers" in strict.output
    lenient = score(repo, HAND_SET, "--lenient-status")
    assert "figures 100.0% (3/3) | dated 66.7% (2/3) | precision 100.0% (4/4)" in lenient.output


def test_two_sets_are_scored_each_and_in_all(repo, tmp_path):
    second = tmp_path / "second"
    second.mkdir()
    for name in ("01.txt", "01.json"):
        (second / name).write_bytes((HAND_SET / name).read_bytes())
    both = score(repo, HAND_SET, second)
    assert both.exit_code == 0, both.output
    assert "all: quotes 100.0% (2/2) | figures 66.7% (4/6)" in both.output


def test_a_coding_that_breaks_the_format_is_refused_with_its_file_and_what_is_wrong(repo, tmp_path):
    (tmp_path / "01.txt").write_bytes((HAND_SET / "01.txt").read_bytes())
    good = json.loads((HAND_SET / "01.json").read_text(encoding="utf-8"))
    cases = [
        ("{not json", "not JSON in UTF-8"),
        (json.dumps({**good, "published": "5 October"}), "'published' is not a date YYYY-MM-DD"),
        (json.dumps({**good, "quotes": [{"text": "x"}]}), "quotes[0] needs 'text' and 'speaker' as strings"),
        (json.dumps({**good, "figures": [{**good["figures"][0], "type": "dead"}]}), "figures[0]: 'type' must be one"),
        (json.dumps({**good, "figures": [{**good["figures"][0], "date_end": "Sunday"}]}), "figures[0].date_end"),
    ]
    for coding, message in cases:
        (tmp_path / "01.json").write_text(coding, encoding="utf-8")
        refused = score(repo, tmp_path)
        assert refused.exit_code == 1
        assert f"Cannot score: {tmp_path / '01.json'}: {message}" in refused.output
        assert "Traceback" not in refused.output


def test_a_set_whose_article_is_a_link_is_refused_and_nothing_outside_is_read(repo, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes((HAND_SET / "01.txt").read_bytes())
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "01.txt").symlink_to(outside)
    (folder / "01.json").write_bytes((HAND_SET / "01.json").read_bytes())
    refused = score(repo, folder)
    assert refused.exit_code == 1
    assert f"Cannot score: {folder / '01.txt'}: a symbolic link" in refused.output


def test_a_quotation_coded_one_entry_a_paragraph_matches_the_drafted_whole_and_counts_once_drafted(repo, tmp_path):
    """FORMAT allows a quotation over several paragraphs coded one entry a paragraph; the draft holds it whole. Each
    entry is found, with its speaker; the one drafted quotation is one drafted row, right once."""
    article = (
        " date 2020-10-06 \nBaku, October 6. “Enemy artillery fired on Barda district overnight.\n\nSeveral houses "
        "burned down.\n\nInvestigators are at the scene,” the Prosecutor General's Office of Azerbaijan said.\n"
    )
    paragraphs = [
        "Enemy artillery fired on Barda district overnight.",
        "Several houses burned down.",
        "Investigators are at the scene,",
    ]
    coding = {
        "url": "written for the tests",
        "published": "2020-10-06",
        "quotes": [{"text": t, "speaker": "Prosecutor General's Office", "type": "direct"} for t in paragraphs],
        "figures": [],
    }
    (tmp_path / "01.txt").write_text(article, encoding="utf-8")
    (tmp_path / "01.json").write_text(json.dumps(coding), encoding="utf-8")
    scored = score(repo, tmp_path, "--verbose")
    assert scored.exit_code == 0, scored.output
    assert f"{tmp_path}: quotes 100.0% (3/3) | figures n/a | dated n/a | precision 100.0% (1/1)" in scored.output
    coding["quotes"][1]["text"] = "Several houses burned down and"  # not the paragraph's words: no longer found
    (tmp_path / "01.json").write_text(json.dumps(coding), encoding="utf-8")
    assert "quotes 66.7% (2/3)" in score(repo, tmp_path).output
    coding["quotes"] = []  # what the draft wrote that the coder did not: listed, so a reader sees precision's misses
    (tmp_path / "01.json").write_text(json.dumps(coding), encoding="utf-8")
    listed = score(repo, tmp_path, "--verbose").output
    assert "precision 0.0% (0/1)" in listed
    assert "quote drafted, not coded (azerbaijan-prosecutor-general): 'Enemy artillery fired on Barda" in listed


def test_a_figure_the_draft_wrote_and_the_coder_did_not_is_listed_as_a_miss_of_precision(repo, tmp_path):
    article = " date 2020-10-06 \nBaku, October 6. Two civilians were wounded in Barda, Azerbaijan said.\n"
    coding = {"url": "written for the tests", "published": "2020-10-06", "quotes": [], "figures": []}
    (tmp_path / "01.txt").write_text(article, encoding="utf-8")
    (tmp_path / "01.json").write_text(json.dumps(coding), encoding="utf-8")
    scored = score(repo, tmp_path, "--verbose").output
    assert "precision 0.0% (0/1)" in scored
    assert "figure drafted, not coded: 2 wounded civilian: 'Two civilians were wounded in Barda'" in scored


def test_a_headline_under_a_page_s_date_line_and_printed_twice_is_left_out_with_its_figures(repo, tmp_path):
    """Pages put a date line or a section label above the headline and often print it twice: its figures, coded in
    both places as FORMAT asks, are not the story's, which the draft drafts once."""
    article = (
        "12 October 2020, 10:15\nFive civilians killed in Barda shelling\nFive civilians killed in Barda shelling\n"
        "BARDA, October 12. Five civilians were killed in the shelling of Barda on Sunday, Azerbaijan said.\n"
    )
    figure = {"value_text": "Five", "type": "killed", "status": "civilian", "date_start": None, "date_end": None}
    coding = {
        "url": "written for the tests",
        "published": "2020-10-12",
        "quotes": [],
        "figures": [
            {**figure, "evidence": "Five civilians killed in Barda shelling"},
            {**figure, "evidence": "Five civilians killed in Barda shelling\nFive"},
            {**figure, "evidence": "Five civilians were killed in the shelling of Barda on Sunday",
             "date_start": "2020-10-11", "date_end": "2020-10-11"},
        ],
    }  # fmt: skip
    (tmp_path / "01.txt").write_text(article, encoding="utf-8")
    (tmp_path / "01.json").write_text(json.dumps(coding), encoding="utf-8")
    scored = score(repo, tmp_path, "--verbose").output
    assert "figures 100.0% (1/1) | dated 100.0% (1/1) | precision 100.0% (1/1)" in scored


@pytest.mark.parametrize(
    "words, value",
    [
        ("at least 30", ("at_least", 30, None)),
        ("Elmaddin Saryev", ("exact", 1, 1)),  # a person named as killed counts one, as the codebook codes it
        ("her grandson", ("exact", 1, 1)),
        ("scores", ("vague", None, None)),
        ("Several journalists", ("vague", None, None)),
    ],
)
def test_a_coded_figure_of_one_person_named_or_described_counts_one(words, value):
    assert coded_value(words) == value
