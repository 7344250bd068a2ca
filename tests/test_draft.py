"""`python -m scripts draft` and `evaluate`: what a draft finds in wire copy, pattern by pattern, as the build reads
it; that a draft builds once reviewed and never before; the command's refusals; and the evaluation targets on the
seeds, computed for real. The articles in tests/fixtures/draft/ were written for these tests (see README.md there);
the seeds and the registry drafts are made against are the tests' frozen copy (tests/frozen.py), never the live
seeds/, so that a contribution to the registry cannot change what a draft finds here."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scripts.build.registry import load_registry
from scripts.cli import main
from scripts.common.problems import ProblemList
from scripts.common.yamlfile import load_yaml
from scripts.draft.article import draft_article
from scripts.draft.evaluate import TARGETS, draft_rows, evaluate_article, evaluate_seeds
from scripts.draft.proposals import ProposedActor, ProposedEvent, registry_with
from scripts.draft.writer import coding_yaml, started
from scripts.reading.articles import article_from_bytes, read_article
from scripts.reading.dates import parse_date
from scripts.validate.package import validate_package
from tests.conftest import replace_in
from tests.frozen import frozen

FIXTURES = Path(__file__).parent / "fixtures" / "draft"
# Test articles (tests/fixtures/draft/README.md) and the publication date of those without a date header.
ARTICLES = {
    "ganja_shelling": None,
    "hadrut_truce": date(2020, 10, 12),
    "hadrut_clashes": None,
    "tartar_market": None,
    "martakert_toll": None,
    "ganja_night_strike": None,
    "artsakh_guillemets": None,
    "barda_correspondent": None,
    "shusha_tass": None,
    "moscow_deal": None,
}
SEED_000, SEED_004 = frozen().seeds / "000_9182488a4787e2a6.txt", frozen().seeds / "004_a3deb327b58a8082.txt"
# The tests' own registry: the frozen one, with the war in progress that "so far" counts from (Registry.war_began).
WAR = ProposedEvent(
    "e-2020-war",
    "war",
    "The 2020 war over Nagorno-Karabakh.",
    date(2020, 9, 27),
    None,
    "day",
    actors=[("azerbaijan", "side_a"), ("nagorno-karabakh", "side_b"), ("armenia", "side_b")],
)
WAR_BEGAN = WAR.date_start
REGISTRY = registry_with(load_registry(frozen(), ProblemList()), [], [WAR])


def fixture_article(name: str):
    path = FIXTURES / f"{name}.txt"
    return article_from_bytes(path, path.read_bytes())


def reviewed_registry():
    """The tests' registry with the actors and events a reviewer adds for the test articles."""
    extra = yaml.safe_load((FIXTURES / "registry.yaml").read_text(encoding="utf-8"))
    day = lambda value: parse_date(value) if value is not None else None  # noqa: E731
    actors = [
        ProposedActor(
            a["id"], a["name"], a["type"], a.get("title"), a.get("parent"), a.get("country_iso3"), a.get("aliases", [])
        )
        for a in extra["actors"]
    ]
    events = [
        ProposedEvent(
            e["id"],
            e["type"],
            e["description"],
            day(e.get("date_start")),
            day(e.get("date_end")),
            e.get("date_precision"),
        )
        for e in extra["events"]
    ]
    return registry_with(REGISTRY, actors, events)


_DRAFTS = {}


def drafted(name: str):
    """(rows as the build makes them, the draft) of a test article or a seed, drafted against the tests' registry,
    as a contributor would draft a new article."""
    if name not in _DRAFTS:
        article = (
            read_article(SEED_000 if name == "seed-000" else SEED_004)
            if name.startswith("seed")
            else fixture_article(name)
        )
        published = date(2020, 9, 28) if name == "seed-004" else ARTICLES.get(name)
        rows, problems, _, draft = draft_rows(article, REGISTRY, published)
        assert problems == [], problems  # the build finds nothing wrong in a draft but its markers
        _DRAFTS[name] = rows, draft
    return _DRAFTS[name]


def statement(name: str, words: str) -> dict:
    rows = [s for s in drafted(name)[0].statements if words in s["evidence"]]
    assert rows, f"no drafted statement holds {words!r}"
    return rows[0]


def claims(name: str, value_text: str) -> list[dict]:
    rows = [c for c in drafted(name)[0].claims if c["value_text"] == value_text]
    assert rows, f"no drafted claim with the figure {value_text!r}"
    return rows


def proposal(name: str, actor_id: str) -> ProposedActor:
    found = [a for a in drafted(name)[1].actors if a.id == actor_id]
    assert found, f"{actor_id} was not proposed; proposed: {[a.id for a in drafted(name)[1].actors]}"
    return found[0]


# --- direct quotes and their speakers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, words, speaker, kind, cue",
    [
        (
            "ganja_shelling",
            "The enemy is deliberately",
            "hikmet-hajiyev",
            "direct",
            "told reporters",
        ),  # “…,” X, title, told
        ("ganja_shelling", "Ganja is not a military target", "hikmet-hajiyev", "direct", None),  # next paragraph
        ("hadrut_truce", "They are using the ceasefire", "hayk-vartanyan", "direct", "said"),  # "…," X said
        ("hadrut_truce", "We have captured 12", "hayk-vartanyan", "direct", None),  # same paragraph, no attribution
        ("hadrut_truce", "dead on arrival", "anna-petrosyan", "direct", "said"),  # "…," said X, title
        ("hadrut_truce", "Unless Moscow sends monitors", "anna-petrosyan", "direct", "said"),  # X said: "…"
        ("hadrut_clashes", "We will not give up", "arayik-harutyunyan", "direct", "told a news conference"),
        ("tartar_market", "Our army does not fight", "armenia-defence-ministry", "direct", "said"),  # "…," it said
        ("ganja_shelling", "indiscriminate bombardment", "armenia-foreign-ministry", "partial", "condemned"),
        ("seed-004", "“strongest terms.”", "morgan-ortagus", "partial", "has condemned"),  # the issue's example
        ("seed-000", "This is a life-and-death war", "arayik-harutyunyan", "direct", "told a briefing"),
        ("seed-000", "The fighting is taking place", "olesya-vartanyan", "direct", None),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
)
def test_a_quote_is_drafted_with_its_speaker(name, words, speaker, kind, cue):
    row = statement(name, words)
    assert (row["speaker_actor_id"], row["quote_type"], row["cue"]) == (speaker, kind, cue)
    assert row["text"] in row["evidence"] and words.strip("“”") in row["text"]


def test_a_surname_spelt_another_way_is_the_same_person_with_a_note():
    text = (
        "date 2020-10-12\nGYUMRI (Reuters) - Armenian opposition leader Garnik Khachaturyan said on Monday the talks "
        'had failed.\n\n"We were not consulted," Hachaturian said.\n'
    )
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    drafted = draft_article(article, REGISTRY, article.header_date)
    (person,) = [a for a in drafted.actors if a.type == "person"]
    assert person.id == "garnik-khachaturyan" and "Hachaturian" in person.aliases
    assert "Also spelt 'Hachaturian' in the article, taken as the same person: check." in person.note
    rows = draft_rows(article, REGISTRY, article.header_date)[0]
    assert {s["speaker_actor_id"] for s in rows.statements} == {"garnik-khachaturyan"}


def test_a_period_between_two_days_dates_its_figures_and_is_never_cut_to_one_day():
    """A contributor's trial once found "October 4" cut out of "between September 27 and October 4", which the build
    then read as that one day."""
    text = (
        "date 2020-10-05\nSTEPANAKERT (AP) - Seven women and 11 men were killed between September 27 and October 4, "
        "the Nagorno-Karabakh ombudsman said.\n"
    )
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    rows = draft_rows(article, REGISTRY, article.header_date)[0]
    assert sorted((c["value_min"], c["date_text"], c["date_start"], c["date_end"]) for c in rows.claims) == [
        (7, "between September 27 and October 4", date(2020, 9, 27), date(2020, 10, 4)),
        (11, "between September 27 and October 4", date(2020, 9, 27), date(2020, 10, 4)),
    ]


def test_the_source_of_figures_given_by_a_body_and_its_analysis_speak_for_the_body():
    """Found by a contributor's trial on a real article: "according to information provided by X" names X, and
    "the analysis said" is whoever published the analysis."""
    text = (
        "date 2020-10-05\nSTEPANAKERT (AP) - Nineteen civilians have been killed since September 27, according to "
        'information provided by Armenia\'s defence ministry.\n\n"The attacks are deliberate," the analysis said.\n'
    )
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    rows = draft_rows(article, REGISTRY, article.header_date)[0]
    assert [(s["quote_type"], s["speaker_actor_id"]) for s in rows.statements] == [
        ("indirect", "armenia-defence-ministry"),
        ("direct", "armenia-defence-ministry"),
    ]


def test_a_total_with_its_parts_between_dashes_is_each_a_figure():
    text = (
        "date 2020-10-05\nSTEPANAKERT (AP) - Twelve civilians – one little boy, four women and seven men – were "
        "killed on Sunday, the Nagorno-Karabakh ombudsman said.\n"
    )
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    rows = draft_rows(article, REGISTRY, article.header_date)[0]
    assert sorted((c["value_min"], c["claim_type"], c["date_start"]) for c in rows.claims) == [
        (1, "killed", date(2020, 10, 4)),
        (4, "killed", date(2020, 10, 4)),
        (7, "killed", date(2020, 10, 4)),
        (12, "killed", date(2020, 10, 4)),
    ]


def draft_text(text: str):
    """The rows of a short article written inline (with its `date` header), drafted against the tests' registry."""
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    rows, problems, _, draft = draft_rows(article, REGISTRY, article.header_date)
    assert problems == [], problems  # the build finds nothing wrong in the draft but its markers
    return rows, draft


def figures_of(rows) -> list[tuple]:
    return sorted(
        (
            (
                c["value_min"],
                c["value_max"],
                c["qualifier"],
                c["claim_type"],
                c["victim_status"],
                c["date_start"],
                c["date_end"],
            )
            for c in rows.claims
            if c["claim_type"] in ("killed", "wounded", "captured", "missing", "displaced")
        ),
        key=repr,
    )


def in_order(figures: list[tuple]) -> list[tuple]:
    return sorted(figures, key=repr)


def test_a_running_total_of_the_war_counts_from_the_first_day_of_the_war_in_progress():
    """ "so far", "since the start of the fighting", "to date" and "as of Oct. 4" are read from the registry's war
    in progress (Registry.war_began): the first day of the war to publication, or to the day "as of" names."""
    text = (
        "date 2020-10-07\nBAKU (AP) - Azerbaijan's prosecutor general's office said 31 civilians had been killed so "
        "far and 155 wounded since the start of the fighting. As of Oct. 4, 19 civilians had been killed on the "
        "Armenian side, the Nagorno-Karabakh ombudsman said. To date, 90,000 people have fled, officials say.\n"
    )
    war, oct4, oct7 = date(2020, 9, 27), date(2020, 10, 4), date(2020, 10, 7)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (19, 19, "exact", "killed", "civilian", war, oct4),
            (31, 31, "exact", "killed", "civilian", war, oct7),
            (155, 155, "exact", "wounded", "civilian", war, oct7),
            (90000, 90000, "exact", "displaced", "civilian", war, oct7),
        ]
    )


def test_parts_of_a_toll_named_after_it_quoted_listed_or_in_words_of_loss_are_figures():
    """Constructions of real wire copy: a part named after the toll ("14 of the dead were children"), a quoted
    figure ('killed "up to 20" people'), a list opened by "A child", "the death of a civilian", "manpower losses"
    and official "casualties" (deaths), a range written with a hyphen."""
    text = (
        'date 2020-10-14\nSTEPANAKERT (AP) - An air strike on Vaguhas has killed "up to 20" people, a local group '
        "said. The Armenian foreign ministry said 14 of the dead were children.\n\nA child, five women and four men "
        "were killed in Martuni on Tuesday, the ombudsman said, and another attack led to the death of a pensioner "
        "in Askeran.\n\nArmenia's defence ministry said the enemy suffered 260-280 manpower losses on Tuesday, "
        "while the Armenian side has reported 320 casualties among its troops.\n"
    )
    tuesday = date(2020, 10, 13)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (1, 1, "exact", "killed", "civilian", None, None),
            (1, 1, "exact", "killed", "civilian", tuesday, tuesday),
            (4, 4, "exact", "killed", "unknown", tuesday, tuesday),
            (5, 5, "exact", "killed", "civilian", tuesday, tuesday),
            (14, 14, "exact", "killed", "civilian", None, None),
            (260, 280, "exact", "killed", "military", tuesday, tuesday),
            (320, 320, "exact", "killed", "military", None, None),
            (None, 20, "up_to", "killed", "unknown", None, None),
        ]
    )


def test_parts_listed_after_a_total_and_people_named_one_by_one_are_figures_and_things_are_not():
    """Found on real ombudsman and prosecutor reports: parts listed after "including" or a dash, parts set off by
    commas before the casualty word, one person named with an apposition, "the corpses of", "among the dead";
    and not figures: "civilian facilities", "destroyed tanks"."""
    text = (
        "date 2020-10-05\nSTEPANAKERT (AP) - A total of 21 civilians were killed, including 2 young girls, 8 women, "
        "and 11 men, the ombudsman said. Of these, 50 were seriously injured - 41 men and 9 women. In Martuni, 30 "
        "people, including 12 women, among them five minors, were injured. A resident of Hadrut's Tsakuri village, "
        "Armen Sahakyan, was killed on Sunday. Gayane Hakobyan, a resident of Askeran, was killed too. A toddler was "
        "among the dead. Forensic experts have examined the corpses of 480 dead servicemen. Shelling damaged 40 "
        "civilian facilities, and the army reported three destroyed tanks.\n"
    )
    sunday = date(2020, 10, 4)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (21, 21, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "killed", "civilian", None, None),
            (8, 8, "exact", "killed", "civilian", None, None),
            (11, 11, "exact", "killed", "civilian", None, None),  # men, a part of 21 civilians
            (50, 50, "exact", "wounded", "unknown", None, None),
            (41, 41, "exact", "wounded", "unknown", None, None),
            (9, 9, "exact", "wounded", "civilian", None, None),
            (30, 30, "exact", "wounded", "unknown", None, None),
            (12, 12, "exact", "wounded", "civilian", None, None),
            (5, 5, "exact", "wounded", "civilian", None, None),
            (1, 1, "exact", "killed", "civilian", sunday, sunday),
            (1, 1, "exact", "killed", "civilian", sunday, sunday),  # "was killed too": the day of the one before
            (1, 1, "exact", "killed", "civilian", sunday, sunday),  # "among the dead", coded with a note
            (480, 480, "exact", "killed", "military", None, None),  # servicemen: not the civilians' day
        ]
    )


def test_a_figure_counts_what_the_toll_nearest_before_it_counts():
    """ "the number of civilians killed has risen to 11 – nine in Azerbaijan and two in Armenia –, bringing the death
    toll to 95": 11 civilians and its parts by place; 95 is the death toll, of anyone; "the military death toll"
    counts soldiers."""
    text = (
        "date 2020-09-29\nBAKU (AP) - Officials said the number of civilians killed had risen to 11 – nine in "
        "Azerbaijan and two in Armenia, bringing the total death toll to 95. The military death toll of the "
        "enclave has reached 84.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (11, 11, "exact", "killed", "civilian", None, None),
            (9, 9, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "killed", "civilian", None, None),
            (95, 95, "exact", "killed", "unknown", None, None),
            (84, 84, "exact", "killed", "military", None, None),
        ]
    )


def test_figures_in_quotations_the_days_of_a_when_clause_and_what_is_no_figure():
    text = (
        'date 2020-10-28\nSTEPANAKERT (AP) - "Two civilians were killed in Martuni, including an old man and a '
        'child," the ombudsman said. Azerbaijan said Armenia carried out attacks on Tuesday, when four people were '
        "killed, and Wednesday, when 21 died, one of the deadliest attacks of the war. About 90,000 others were "
        "forced to leave their homes.\n"
    )
    tuesday, wednesday = date(2020, 10, 27), date(2020, 10, 28)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (2, 2, "exact", "killed", "civilian", None, None),
            (1, 1, "exact", "killed", "civilian", None, None),  # a man, in an article counting only civilians
            (1, 1, "exact", "killed", "civilian", None, None),
            (4, 4, "exact", "killed", "civilian", tuesday, tuesday),
            (21, 21, "exact", "killed", "civilian", wednesday, wednesday),
            (90000, 90000, "approx", "displaced", "civilian", None, None),  # people driven from their homes
        ]
    )


def test_a_toll_inside_a_denial_is_not_the_denier_s_claim():
    """A contributor's trial: "Armenia denied carrying out the attacks on Tuesday, when four people were killed"
    made Armenia the claimant of the four it denies causing; the toll is the article's."""
    text = (
        "date 2020-10-28\nBARDA (AP) - Armenia has denied carrying out the attacks on Tuesday, when four people "
        "were killed.\n"
    )
    _, draft = draft_text(text)
    (toll,) = [c for c in draft.claims if c.type == "killed"]
    assert toll.statement is None
    assert [c.type for c in draft.claims if c.statement is not None] == ["denial"]


def test_a_running_total_of_a_statement_of_an_earlier_day_runs_to_that_day():
    """ "said on Monday that ... since fighting with Azerbaijan broke out on Sept. 27" in a Tuesday story: to Monday,
    written as coded dates with a note, since the build would count the words to publication."""
    text = (
        "date 2020-10-13\nYEREVAN (AP) - The Nagorno-Karabakh defence ministry said on Monday that 604 of its "
        "soldiers had been killed since fighting with Azerbaijan broke out on Sept. 27.\n"
    )
    rows, draft = draft_text(text)
    assert figures_of(rows) == [(604, 604, "exact", "killed", "military", date(2020, 9, 27), date(2020, 10, 12))]
    assert rows.claims[0]["date_source"] == "coded" and "day of the statement" in draft.claims[0].note


def test_people_take_the_status_every_other_figure_names_with_a_note():
    """Soldiers within a paragraph; beside civilians counted elsewhere in the article, people stay unknown with a
    note (independent coders of real articles coded them unknown more often); where figures name both, unknown."""
    civilian = (
        "date 2020-10-05\nSTEPANAKERT (AP) - Nineteen civilians were killed in the week, the ombudsman said.\n\n"
        "The mediators will meet in Geneva.\n\nThe talks were postponed twice.\n\n"
        "About 80 people were injured, he added.\n"
    )
    rows, draft = draft_text(civilian)
    assert [(c["value_min"], c["victim_status"]) for c in rows.claims] == [(19, "civilian"), (80, "unknown")]
    assert "other figures count civilians" in (draft.claims[1].note or "")
    beside = civilian.replace("The mediators will meet in Geneva.\n\nThe talks were postponed twice.\n\n", "")
    assert [c["victim_status"] for c in draft_text(beside)[0].claims] == ["civilian", "civilian"]  # paragraph next
    for words, status in (("The White House urged calm.", "unknown"), ("A shell hit a house.", "civilian")):
        near = civilian.replace("The talks were postponed twice.", words)
        assert draft_text(near)[0].claims[1]["victim_status"] == status  # a house, not a seat of government
    mixed = civilian.replace("About 80 people", "Twelve soldiers and about 80 people")
    assert [c["victim_status"] for c in draft_text(mixed)[0].claims] == ["civilian", "military", "unknown"]
    soldiers = (
        "date 2020-09-27\nYEREVAN (AP) - The ministry has reported 16 killed and more than 100 wounded, all of them "
        "soldiers, among them 16 servicemen killed on Sunday.\n\nAbout 50 people were injured elsewhere.\n"
    )
    assert [c["victim_status"] for c in draft_text(soldiers)[0].claims] == [
        "military",
        "military",
        "military",
        "unknown",
    ]


def test_a_total_of_women_and_children_and_more_of_them_in_the_next_sentence_count_civilians():
    """ "nine people, including four women" in an article counting only civilians counts civilians (a total whose
    part is "civilians" would not); "Hundreds more" in the next sentence counts the people counted before."""
    text = (
        "date 2020-10-13\nGANJA (AP) - A missile killed nine people, including four women, in Ganja on Sunday. "
        "Azerbaijan says 42 civilians have been killed on its side. Hundreds more have been wounded.\n"
    )
    statuses = [(c["value_min"], c["victim_status"]) for c in draft_text(text)[0].claims]
    assert statuses == [(9, "civilian"), (4, "civilian"), (42, "civilian"), (None, "civilian")]


def test_a_headline_without_a_dateline_after_it_does_not_double_a_figure():
    text = (
        "date 2020-10-14\nKarabakh: 'Up to 20' killed in strike on village\n\nAn air strike on a village has "
        "killed up to 20 people, a local group said on Thursday.\n"
    )
    assert len(draft_text(text)[0].claims) == 1


def quotes_of(rows) -> list[tuple[str, str, str]]:
    return [
        (s["quote_type"], s["speaker_actor_id"], s["text"]) for s in rows.statements if s["quote_type"] != "indirect"
    ]


def test_quotes_attributed_as_real_wire_copy_attributes_them():
    """Constructions a trial on real reporting found the draft missing: a person named before any apposition
    ("X, a 40-year-old teacher, told"), a quotation paragraph with no attribution after it, an adverb before the
    cue ("further said"), a statement quoted after whoever made it, a person named again by a word of their
    apposition ("the teacher"), "according to the official" before a quotation, two quotations in one clause,
    a threat as a cue, and "the leadership of X" speaking for X."""
    text = (
        'date 2020-10-10\nSTEPANAKERT (AP) - "The windows came in on us. Nobody slept," Garik Sargsyan, a '
        '40-year-old teacher, told AP in the basement of a school.\n\n"We will rebuild, but not before the '
        'shelling stops."\n\nMr Sargsyan further said that the school had "no glass left at all".\n\n'
        "Azerbaijan's prosecutor general's office has issued a statement on the shelling of Ganja. The statement "
        'reads: "The attacks on the city are deliberate."\n\n"The children are still afraid," says the '
        "teacher.\n\nArmenian defence ministry spokesman Karen Arzumanyan spoke to reporters. According to the "
        'official, the front was quiet overnight, "despite new attempts by the enemy".\n\nThe leadership of '
        'Nagorno-Karabakh threatened to "take the fight to the rear" and called the strikes "a crime" and '
        '"a provocation".\n'
    )
    assert quotes_of(draft_text(text)[0]) == [
        ("direct", "garik-sargsyan", "The windows came in on us. Nobody slept,"),
        ("direct", "garik-sargsyan", "We will rebuild, but not before the shelling stops."),
        ("partial", "garik-sargsyan", "no glass left at all"),
        ("direct", "azerbaijan-prosecutor-general", "The attacks on the city are deliberate."),
        ("direct", "garik-sargsyan", "The children are still afraid,"),
        ("partial", "karen-arzumanyan", "despite new attempts by the enemy"),
        ("partial", "nagorno-karabakh", "take the fight to the rear"),
        ("partial", "nagorno-karabakh", "a crime"),
        ("partial", "nagorno-karabakh", "a provocation"),
    ]


def test_speakers_named_as_agency_and_feature_copy_names_them():
    """A long title before a name and "the presidential aide" after it; a misspelt surname ("Hajizade"); a press
    secretary of a ministry named by name; "was quoted by Reuters as saying"; a person named by a surname alone,
    whose colon introduces a quotation; a name in quotation marks after "writes" is no quotation."""
    text = (
        "date 2020-10-16\nBAKU (AP) - Assistant to the President of Azerbaijan, Head of the Foreign Relations "
        "Department of the Presidential Administration Rauf Hajizada said the city was hit twice.\n\n"
        '"The strike came at night,” the presidential aide noted.\n\nHajizade added “We will not forget this”.\n\n'
        'Press secretary of the Armenian defence ministry Lilit Arakelyan said: "Nothing was fired from our side."\n\n'
        '"This is a war for survival," Levon Mkrtchyan, the region\'s leader, was quoted by Reuters as saying.\n\n'
        'In his address, Tonoyan listed the towns under fire: "Martuni, Martakert and Hadrut are burning."\n\n'
        'Tonoyan stated: "We are holding every line."\n\nThe government has met twice, writes "Gazeta.ru".\n'
    )
    rows, draft = draft_text(text)
    assert quotes_of(rows) == [
        ("direct", "rauf-hajizada", "The strike came at night,"),
        ("direct", "rauf-hajizada", "We will not forget this"),
        ("direct", "lilit-arakelyan", "Nothing was fired from our side."),
        ("direct", "levon-mkrtchyan", "This is a war for survival,"),
        ("direct", "tonoyan", "Martuni, Martakert and Hadrut are burning."),
        ("direct", "tonoyan", "We are holding every line."),
    ]
    people = {a.id: a for a in draft.actors if a.type == "person"}
    assert sorted(people) == ["levon-mkrtchyan", "lilit-arakelyan", "rauf-hajizada", "tonoyan"]
    assert people["rauf-hajizada"].title.startswith("Assistant to the President of Azerbaijan, Head of the")
    assert "Also spelt 'Hajizade'" in (people["rauf-hajizada"].note or "")


def test_single_curly_marks_are_quotation_marks_where_apostrophes_cannot_be_meant():
    text = (
        "date 2020-11-08\nBAKU (AP) - Ilham Aliyev announced the ‘return of the city of Shusha’ on Sunday. "
        "Azerbaijan’s soldiers’ families celebrated in the streets.\n\n‘We will come back,’ Nikol Pashinyan "
        "said.\n"
    )
    assert quotes_of(draft_text(text)[0]) == [
        ("partial", "ilham-aliyev", "return of the city of Shusha"),
        ("direct", "nikol-pashinyan", "We will come back,"),
    ]


def test_attributions_of_agency_copy_with_long_clauses_and_exclamations():
    """A title "of" a place before a name and a cue after "today"; a quotation ending in "!" before its
    attribution; "said the written statement" of the body that spoke before; "X's office quoted him as saying";
    a relative clause with commas inside between the speaker and the cue."""
    text = (
        "date 2020-10-16\nBAKU (AP) - First Deputy Speaker of Azerbaijan Sevda Rahimova today told reporters the "
        'town was shelled. "How can anyone shell a funeral? Stop this now!" Rahimova wrote on Facebook.\n\n'
        "Azerbaijan's prosecutor general's office said in a statement that two more people had died. \"We regret "
        'to inform of two more deaths," said the written statement.\n\nEmmanuel Macron, who has spoken with both '
        'leaders, twice, on Tuesday, added that France was "ready to help".\n\nMacron\'s office quoted him as '
        'saying that talks should resume "without delay".\n'
    )
    assert quotes_of(draft_text(text)[0]) == [
        ("direct", "sevda-rahimova", "How can anyone shell a funeral? Stop this now!"),
        ("direct", "azerbaijan-prosecutor-general", "We regret to inform of two more deaths,"),
        ("partial", "emmanuel-macron", "ready to help"),
        ("partial", "emmanuel-macron", "without delay"),
    ]


def test_a_text_copied_with_hard_line_breaks_is_read_a_sentence_at_a_time():
    """Lines broken inside sentences run on; a name the registry knows broken over two lines ("the\\nenclave")
    once stopped the draft with a traceback."""
    text = (
        "date 2020-11-10\nMacron calls for lasting solution\n\nFrench President Emmanuel Macron on Tuesday called\n"
        'for a "lasting political solution" to the conflict in\nNagorno-Karabakh after Armenia and Azerbaijan '
        "agreed\na deal to end weeks of fighting over the disputed region.\nMacron also urged that Turkey, which "
        'backs\nAzerbaijan, "end its provocations" in the conflict over the\nenclave.\n'
    )
    assert quotes_of(draft_text(text)[0]) == [
        ("partial", "emmanuel-macron", "lasting political solution"),
        ("partial", "emmanuel-macron", "end its provocations"),
    ]


def test_proposed_actors_have_the_names_of_bodies_and_people_not_of_the_words_around_them():
    """Real copy put a title, a dateline or a place into proposed names ("Spokesperson of the Ministry",
    "ANKARA-Anadolu Agency", "Artsakh Arayik Harutyunyan") or cut a body's name short ("Azerbaijan National
    Agency"); a ministry "of Defence" or "of Health of Armenia" is the state's ministry, however written."""
    text = (
        "date 2020-10-17\nANKARA-Anadolu Agency reported that Azerbaijan National Agency for Mine Action said two "
        "rockets fell near Barda.\n\nSpokesperson of the Ministry of Health of Armenia Anna Vardanyan said on "
        "Saturday that 12 wounded soldiers were flown to Yerevan.\n\nPresident of Artsakh Bako Sahakyan said the "
        "Azerbaijani Ministry of Defence lied.\n\nThe region’s State Service for Emergency Situations reported "
        'shelling overnight. "The damage is being assessed," the service said.\n'
    )
    rows, draft = draft_text(text)
    assert sorted((a.id, a.name, a.type) for a in draft.actors) == [
        ("anadolu-agency", "Anadolu Agency", "media_outlet"),
        ("anna-vardanyan", "Anna Vardanyan", "person"),
        ("armenia-health-ministry", "Ministry of Health of Armenia", "government_body"),
        ("azerbaijan-defence-ministry", "Azerbaijani Ministry of Defence", "government_body"),
        ("azerbaijan-national-agency-for-mine-action", "Azerbaijan National Agency for Mine Action", "government_body"),
        ("bako-sahakyan", "Bako Sahakyan", "person"),
        ("state-service-for-emergency-situations", "State Service for Emergency Situations", "government_body"),
    ]
    assert quotes_of(rows) == [("direct", "state-service-for-emergency-situations", "The damage is being assessed,")]


def test_doubled_apostrophes_are_quotation_marks_and_a_surname_with_swapped_letters_is_the_same_person():
    """Some agencies set quotations in two single marks (‘’…’’); a typo swapping two letters of a surname named
    before ("Hovhannsiayn") is that person, with a note on a proposed actor."""
    text = (
        "date 2020-10-07\nYEREVAN, OCTOBER 7, ARMENPRESS. Armenian defence ministry representative Vahram "
        "Hovhannisyan spoke at a briefing.\n\n‘’The enemy lost 40 tanks today’’, Hovhannsiayn said.\n"
    )
    rows, _ = draft_text(text)
    assert quotes_of(rows) == [("direct", "vahram-hovhannisyan", "The enemy lost 40 tanks today")]


def test_a_quotation_in_low_high_marks_is_drafted_with_its_speaker():
    text = "date 2020-10-12\n„We will not give up a single village“, Nikol Pashinyan said on Monday.\n"
    article = article_from_bytes(Path("seeds/099_0000000000000000.txt"), text.encode("utf-8"))
    drafted = draft_rows(article, REGISTRY, article.header_date)[0]
    (row,) = drafted.statements
    assert (row["quote_type"], row["speaker_actor_id"], row["text"]) == (
        "direct",
        "nikol-pashinyan",
        "We will not give up a single village",
    )


def test_straight_and_curly_quotes_keep_their_marks_in_the_evidence():
    curly = statement("ganja_shelling", "The enemy is deliberately")
    straight = statement("hadrut_truce", "They are using the ceasefire")
    assert curly["evidence"].startswith("“The enemy") and "front line,” Hikmet" in curly["evidence"]
    assert straight["evidence"] == '"They are using the ceasefire to regroup," Vartanyan said.'
    assert curly["text"] == "The enemy is deliberately striking homes far from the front line,"


@pytest.mark.parametrize(
    "name, words, speaker",
    [
        ("ganja_shelling", "He said rescue teams", "hikmet-hajiyev"),
        ("seed-000", "He said the Azeri army", "arayik-harutyunyan"),
    ],
)
def test_he_said_is_the_person_last_named(name, words, speaker):
    assert statement(name, words)["speaker_actor_id"] == speaker


def test_a_name_that_resembles_a_known_actor_is_proposed_not_merged():
    vartanyan = proposal("hadrut_truce", "hayk-vartanyan")
    assert "olesya-vartanyan" in vartanyan.note and "Not folded into" in vartanyan.note
    rows, _ = drafted("hadrut_truce")
    assert "olesya-vartanyan" not in {m["actor_id"] for m in rows.mentions}
    assert "olesya-vartanyan" not in {s["speaker_actor_id"] for s in rows.statements}
    assert "Vartanyan" not in vartanyan.aliases  # the registry's alias of another actor


def test_a_new_person_is_proposed_with_title_and_organisation():
    petrosyan = proposal("hadrut_truce", "anna-petrosyan")
    institute = proposal("hadrut_truce", "caucasus-policy-institute")
    assert (petrosyan.type, petrosyan.title, petrosyan.parent) == (
        "person",
        "senior researcher at the Caucasus Policy Institute in Tbilisi",
        "caucasus-policy-institute",
    )
    assert (institute.name, institute.type) == ("Caucasus Policy Institute", "organisation")
    assert petrosyan.aliases == ["Petrosyan"]  # the article names her so, and no other actor is called that


def test_the_issues_example_of_a_known_person_with_title_resolves_through_the_registry():
    row = statement("seed-000", "We haven't seen anything like this")
    assert (row["speaker_actor_id"], row["cue"]) == ("olesya-vartanyan", "said")
    assert drafted("seed-000")[1].actors == []  # everyone in seed 000 is registered


# --- reported statements and their cue verbs -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, words, cue, speaker",
    [
        ("ganja_shelling", "Azerbaijan’s defence ministry said on Monday", "said", "azerbaijan-defence-ministry"),
        ("hadrut_truce", "told a briefing that Azeri drones", "told a briefing", "hayk-vartanyan"),
        ("ganja_shelling", "called for an immediate ceasefire", "called for", "russia"),
        ("ganja_shelling", "urged Armenia to withdraw", "urged", "recep-tayyip-erdogan"),
        ("hadrut_truce", "Baku accused Yerevan", "accused", "azerbaijan"),
        ("hadrut_clashes", "claimed that its forces", "claimed", "azerbaijan-defence-ministry"),
        ("hadrut_truce", "Azerbaijan announced a partial mobilisation", "announced", "azerbaijan"),
        ("ganja_shelling", "Armenia denied the accusation", "denied", "armenia"),
        ("ganja_shelling", "foreign ministry condemned", "condemned", "armenia-foreign-ministry"),
        (
            "tartar_market",
            "prosecutor general's office said",
            "said",
            "azerbaijan-prosecutor-general",
        ),  # said at the end
        ("hadrut_clashes", "according to the Nagorno-Karabakh ombudsman", "according to", "artak-beglaryan"),
    ],
)
def test_a_reported_statement_is_drafted_with_its_cue_and_speaker(name, words, cue, speaker):
    row = statement(name, words)
    assert (row["cue"], row["speaker_actor_id"]) == (cue, speaker)


def test_two_speakers_of_one_verb_make_two_statements():
    rows = [s for s in drafted("seed-004")[0].statements if "both Turkey and Russia" in s["evidence"]]
    assert sorted(s["speaker_actor_id"] for s in rows) == ["russia", "turkey"]


def test_accused_and_denied_are_claims_of_their_statement():
    rows = drafted("ganja_shelling")[0].claims
    denial = [c for c in rows if c["claim_type"] == "denial"]
    assert [(c["claimant_actor_id"], c["evidence"]) for c in denial] == [("armenia", "Armenia denied the accusation")]
    accusation = [c for c in drafted("hadrut_truce")[0].claims if c["claim_type"] == "accusation"]
    assert [c["claimant_actor_id"] for c in accusation] == ["azerbaijan"]


# --- casualty figures ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, value_text, kind, bounds, status, victim, day",
    [
        ("ganja_shelling", "two", "killed", ("exact", 2, 2), "civilian", None, None),
        ("ganja_shelling", "31", "wounded", ("exact", 31, 31), "civilian", None, None),  # "31 others": the same people
        ("ganja_shelling", "21", "killed", ("exact", 21, 21), "military", "nagorno-karabakh", date(2020, 10, 5)),
        (
            "ganja_shelling",
            "dozens",
            "wounded",
            ("vague", None, None),
            "civilian",
            "nagorno-karabakh",
            date(2020, 10, 5),
        ),
        ("hadrut_truce", "some 500", "killed", ("approx", 500, 500), "military", "armenia", date(2020, 10, 11)),
        ("hadrut_truce", "an additional 27", "killed", ("exact", 27, 27), "military", "armenia", None),
        ("hadrut_truce", "12", "captured", ("exact", 12, 12), "military", "azerbaijan", None),
        ("hadrut_truce", "around 200", "missing", ("approx", 200, 200), "unknown", None, None),
        ("hadrut_truce", "more than 100", "displaced", ("more_than", 101, None), "civilian", None, None),
        # the lead's day: "Clashes ... resumed on Saturday around the town of Hadrut", then the attack's 55 dead
        (
            "hadrut_clashes",
            "At least 55",
            "killed",
            ("at_least", 55, None),
            "unknown",
            None,
            date(2020, 10, 17),
        ),
        ("hadrut_clashes", "14", "captured", ("exact", 14, 14), "military", "armenia", None),
        ("hadrut_clashes", "dozens", "missing", ("vague", None, None), "military", "armenia", None),
        # "since the war began": from the first day of the war in progress (Registry.war_began)
        ("hadrut_clashes", "hundreds of thousands", "displaced", ("vague", None, None), "civilian", None, WAR_BEGAN),
        ("hadrut_clashes", "more than 90,000", "displaced", ("more_than", 90001, None), "civilian", None, None),
        ("seed-000", "around 200", "wounded", ("approx", 200, 200), "military", "nagorno-karabakh", date(2020, 9, 27)),
        ("seed-000", "30", "wounded", ("exact", 30, 30), "civilian", "azerbaijan", None),  # ", and 30 were wounded"
    ],
)
def test_a_casualty_figure_is_drafted_with_value_type_group_side_and_day(
    name, value_text, kind, bounds, status, victim, day
):
    (row,) = [c for c in claims(name, value_text) if c["claim_type"] == kind]
    assert (row["qualifier"], row["value_min"], row["value_max"]) == bounds
    assert (row["victim_status"], row["victim_actor_id"], row["date_start"]) == (status, victim, day)


def test_one_figure_for_two_peoples_is_one_claim_each():
    rows = claims("seed-000", "Hundreds of thousands")
    assert sorted(c["victim_actor_id"] for c in rows) == ["ethnic-armenians", "ethnic-azeris"]
    assert {c["claim_type"] for c in rows} == {"displaced"}


@pytest.mark.parametrize(
    "name, value_text, claimant, via",
    [
        ("hadrut_truce", "some 500", "azerbaijan", "azertac"),  # "X said ..., according to the Azertac news agency"
        (
            "hadrut_truce",
            "around 200",
            "international-committee-of-the-red-cross",
            "bbc",
        ),  # "..., according to the BBC"
        ("hadrut_clashes", "At least 55", "artak-beglaryan", None),  # "according to the ombudsman, X": the source
        ("seed-004", "some 200", "armenia", "new-york-times"),
    ],
)
def test_the_claimant_and_outlet_come_from_the_attribution(name, value_text, claimant, via):
    row = [c for c in claims(name, value_text) if c["claim_type"] == "killed" or name == "hadrut_truce"][0]
    assert (row["claimant_actor_id"], row["via_actor_id"]) == (claimant, via)


def test_without_a_publication_date_the_day_words_stay_and_the_date_stays_empty():
    (killed,) = claims("tartar_market", "Two")
    (wounded,) = claims("tartar_market", "seven")
    for row in (killed, wounded):  # "Two civilians were killed and seven wounded on Thursday": one date for both
        assert (row["date_text"], row["date_start"], row["victim_status"]) == ("on Thursday", None, "civilian")
    assert drafted("tartar_market")[1].published is None


def test_day_words_resolve_against_the_publication_date():
    quote = statement("hadrut_clashes", "We will not give up")
    assert (quote["statement_date_text"], quote["statement_date"]) == ("yesterday", date(2020, 10, 17))
    sunday = claims("hadrut_truce", "some 500")[0]  # an article without header, drafted with --published (a Monday)
    assert (sunday["date_text"], sunday["date_start"], sunday["date_source"]) == (
        "on Sunday",
        date(2020, 10, 11),
        "computed",
    )


# --- events ----------------------------------------------------------------------------------------------------


def event_reports(name: str):
    rows, draft = drafted(name)
    events = {e["event_id"]: e for e in registry_with(REGISTRY, draft.actors, draft.new_events).events}
    return [(r["evidence"], events[r["event_id"]]) for r in rows.event_reports]


@pytest.mark.parametrize(
    "name, words, kind, day",
    [
        ("hadrut_clashes", "Clashes between Armenian and Azeri forces", "armed_clash", date(2020, 10, 17)),
        ("ganja_shelling", "fighting over Nagorno-Karabakh", "armed_clash", None),
        ("ganja_shelling", "in the shelling of Martakert", "shelling", date(2020, 10, 5)),
        ("hadrut_truce", "killed in an attack on Sunday", "attack", date(2020, 10, 11)),
        ("hadrut_truce", "declared martial law", "martial_law", None),
        ("hadrut_truce", "announced a partial mobilisation", "mobilisation", date(2020, 10, 12)),
        ("hadrut_clashes", "called for an end to the fighting on Saturday", "ceasefire_call", date(2020, 10, 17)),
        ("ganja_shelling", "called for an immediate ceasefire", "ceasefire_call", None),
        ("hadrut_clashes", "humanitarian ceasefire took effect", "ceasefire_agreement", None),
    ],
)
def test_an_event_trigger_reports_an_event_of_its_type_and_day(name, words, kind, day):
    found = [event for evidence, event in event_reports(name) if words in evidence and event["event_type"] == kind]
    assert found, event_reports(name)
    assert found[0]["date_start"] == day


def test_a_known_event_is_reported_by_its_id_and_an_undated_one_is_not_pinned_to_a_dated_one():
    reports = dict(event_reports("ganja_shelling"))
    assert reports["Russia called for an immediate ceasefire."]["event_id"] == "e-2020-russia-ceasefire-call"
    martial = [e for evidence, e in event_reports("hadrut_truce") if e["event_type"] == "martial_law"]
    assert martial[0]["event_id"] not in REGISTRY.event_ids  # not Armenia's registered martial law of 27 September


def test_a_call_for_an_end_to_the_fighting_reports_no_fighting():
    reports = [e["event_type"] for evidence, e in event_reports("hadrut_clashes") if "Macron" in evidence]
    assert reports == ["ceasefire_call"]


def test_speculation_reports_no_event():
    assert not [e for evidence, e in event_reports("seed-000") if "could drag in" in evidence]


# --- actors --------------------------------------------------------------------------------------------------


def test_possessives_and_adjectives_fold_into_known_actors():
    rows, draft = drafted("ganja_shelling")
    mentioned = {m["evidence"]: m["actor_id"] for m in rows.mentions}
    assert (mentioned["Azerbaijani"], mentioned["Turkish"], mentioned["Armenian"]) == (
        "azerbaijan",
        "turkey",
        "armenia",
    )
    ministry = proposal("ganja_shelling", "azerbaijan-defence-ministry")  # "Azerbaijan’s defence ministry"
    assert (ministry.name, ministry.type, ministry.parent) == (
        "Azerbaijan’s defence ministry",
        "government_body",
        "azerbaijan",
    )
    assert proposal("ganja_shelling", "armenia-foreign-ministry").name == "Foreign ministry of Armenia"  # "its ..."


def test_the_dateline_agency_is_the_articles_outlet():
    rows, draft = drafted("tartar_market")
    assert draft.outlet == "afp" and rows.article["outlet_actor_id"] == "afp"
    assert proposal("tartar_market", "afp").type == "media_outlet"


# --- the draft file and the build ------------------------------------------------------------------------------


def test_every_row_of_the_written_draft_is_marked_and_the_draft_is_deterministic():
    article = fixture_article("ganja_shelling")
    text = coding_yaml(draft_article(article, REGISTRY), REGISTRY, "seeds/x.txt")
    assert text == coding_yaml(draft_article(article, REGISTRY), REGISTRY, "seeds/x.txt")
    coding = load_yaml(text)
    rows = [row for key in ("mentions", "events", "statements", "claims") for row in coding[key]]
    assert rows and all(row["draft"] is True for row in rows)
    assert coding["article"]["draft"] is True
    assert "“indiscriminate bombardment”" in text  # curly quotes stay curly


def run(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo.root), *args])


def add_and_draft(repo, name):
    source = FIXTURES / f"{name}.txt"
    added = run(repo, "add", str(source))
    assert added.exit_code == 0, added.output
    article = repo.root / re.search(r"^added (seeds/\S+\.txt)$", added.output, re.MULTILINE).group(1)
    options = ["--published", ARTICLES[name].isoformat()] if ARTICLES[name] else []
    result = run(repo, "draft", *options, str(article))
    assert result.exit_code == 0, result.output
    return article, result


def strip_markers(*paths):
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n *draft: true(?=\n)", "", text).replace(", draft: true}", "}"), encoding="utf-8")


def problems_in(output: str) -> list[tuple[str, int | None, str]]:
    """(file, line, rule) of each problem `build` printed."""
    found, file = [], None
    for line in output.splitlines():
        heading = re.match(r"^(\S+): \d+ problem\(s\)$", line)
        if heading:
            file = heading.group(1)
            continue
        problem = re.match(r"^  (?:line (\d+)|file).*?: \[([a-z-]+)\]", line)
        if problem:
            found.append((file, int(problem.group(1)) if problem.group(1) else None, problem.group(2)))
    return found


def todo_lines(path: Path) -> list[int]:
    return [
        n
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1)
        if "TODO:" in line and not line.lstrip().startswith("#")
    ]


def answer_placeholders(path: Path) -> None:
    """A reviewer's answers: an event's description written, every other placeholder deleted (the article does
    not say)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [
        re.sub(r"description: .*TODO:.*", "description: Written by the reviewer.", line)
        for line in lines
        if "TODO:" not in line or "description:" in line or line.lstrip().startswith("#")
    ]
    path.write_text("\n".join(kept), encoding="utf-8")


@pytest.mark.parametrize("name", ARTICLES)
def test_a_draft_is_refused_until_every_marker_and_placeholder_is_reviewed(repo, name):
    article, result = add_and_draft(repo, name)
    coding, actors, events = article.with_suffix(".yaml"), repo.registry / "actors.yaml", repo.registry / "events.yaml"
    assert f"wrote {repo.rel(coding)}" in result.output
    asks = {"draft-unreviewed", "draft-placeholder", "date-unresolved", "published-date-method"}  # a draft's questions

    refused = run(repo, "build")
    assert refused.exit_code == 1
    found = problems_in(refused.output)
    assert {rule for _, _, rule in found} <= asks, refused.output  # questions for the reviewer, and nothing else
    unreviewed = [(file, line) for file, line, rule in found if rule == "draft-unreviewed"]
    assert sorted(file for file, _ in unreviewed) == sorted(
        {repo.rel(coding)}
        | {  # one message per file
            repo.rel(path) for path in (actors, events) if "draft: true" in path.read_text(encoding="utf-8")
        }
    )
    document = load_yaml(coding.read_text(encoding="utf-8"))
    marked = sum(
        bool(row.get("draft")) for key in ("mentions", "events", "statements", "claims") for row in document[key]
    ) + bool((document.get("article") or {}).get("draft"))
    assert f"{marked} rows written by `python -m scripts draft` are not reviewed yet" in refused.output

    strip_markers(coding, actors, events)  # the markers deleted, nothing reviewed: still refused
    stripped = run(repo, "build")
    assert stripped.exit_code == 1
    found = problems_in(stripped.output)
    assert "draft-unreviewed" not in {rule for _, _, rule in found}
    placeholders = sorted((file, line) for file, line, rule in found if rule == "draft-placeholder")
    assert placeholders == sorted(
        [(repo.rel(coding), n) for n in todo_lines(coding)] + [(repo.rel(events), n) for n in todo_lines(events)]
    )  # one message each
    assert placeholders, "every test article leaves the draft something to ask"

    for path in (coding, events):
        answer_placeholders(path)
    answered = run(repo, "build")
    unresolved = [line for file, line, rule in problems_in(answered.output) if rule == "date-unresolved"]
    lines = coding.read_text(encoding="utf-8").split("\n")  # words of a period: dated by the reviewer (here: dropped)
    coding.write_text("\n".join(line for n, line in enumerate(lines, 1) if n not in unresolved), encoding="utf-8")
    if ARTICLES[name]:
        replace_in(coding, "  published_date: ", "  published_date_method: Given by the test.\n  published_date: ")
    built = run(repo, "build")
    assert built.exit_code == 0, built.output


def test_validation_never_passes_with_an_unreviewed_draft(repo):
    article, _ = add_and_draft(repo, "tartar_market")
    problems = validate_package(repo, run_frictionless=False)
    unreviewed = [p for p in problems if p.rule == "draft-unreviewed"]
    assert {p.file for p in unreviewed} == {
        repo.rel(article.with_suffix(".yaml")),
        "seeds/registry/actors.yaml",
        "seeds/registry/events.yaml",
    }
    assert all("'draft: true'" in p.message and p.line for p in unreviewed)


def test_proposed_actors_are_appended_to_the_registry_marked_draft(repo):
    _, result = add_and_draft(repo, "hadrut_truce")
    assert "proposed actor hayk-vartanyan in seeds/registry/actors.yaml (draft: true)" in result.output
    actors = yaml.safe_load((repo.registry / "actors.yaml").read_text(encoding="utf-8"))
    proposed = [a for a in actors if a.get("draft")]
    assert {a["id"] for a in proposed} >= {"hayk-vartanyan", "anna-petrosyan", "caucasus-policy-institute"}
    assert all(a.get("draft") is True for a in actors[len(actors) - len(proposed) :])  # appended, at the end


# --- the command's refusals ------------------------------------------------------------------------------------


def test_draft_refuses_a_missing_file_a_bad_name_and_an_unreadable_date(repo, tmp_path):
    missing = run(repo, "draft", str(tmp_path / "nowhere.txt"))
    assert missing.exit_code == 2 and "does not exist" in missing.output
    badly_named = tmp_path / "article.txt"
    badly_named.write_text("Baku said two civilians were killed.", encoding="utf-8")
    named = run(repo, "draft", str(badly_named))
    assert named.exit_code == 1 and "[article-name]" in named.output and "scripts add" in named.output
    article = repo.seeds / "004_a3deb327b58a8082.txt"
    bad_date = run(repo, "draft", "--published", "2020-02-30", "--force", str(article))
    assert bad_date.exit_code == 2 and "Invalid value for '--published'" in bad_date.output
    dated = run(repo, "draft", "--published", "2020-09-29", "--force", str(repo.seeds / "000_9182488a4787e2a6.txt"))
    assert dated.exit_code == 1 and "has a date header (2020-09-29); leave out --published" in dated.output
    header = tmp_path / "005_0123456789abcdef.txt"
    header.write_text("date 2020-13-01 Baku said.", encoding="utf-8")
    invalid = run(repo, "draft", str(header))
    assert invalid.exit_code == 1 and "[article-date-header]" in invalid.output


def test_draft_never_replaces_a_coding_someone_started_unless_forced(repo):
    article = repo.seeds / "004_a3deb327b58a8082.txt"
    coding = article.with_suffix(".yaml")
    before = coding.read_bytes()
    refused = run(repo, "draft", str(article))
    assert refused.exit_code == 1 and "already holds a coding" in refused.output and "--force" in refused.output
    assert coding.read_bytes() == before
    forced = run(repo, "draft", "--force", str(article))
    assert forced.exit_code == 0 and b"draft: true" in coding.read_bytes()


def test_the_starter_coding_of_add_is_not_someones_work(repo, tmp_path):
    article, _ = add_and_draft(repo, "ganja_shelling")  # `add` wrote a starter coding, which the draft replaced
    assert started(article.with_suffix(".yaml"))
    starter = tmp_path / "starter.yaml"
    starter.write_text("# comments\nmentions: []\nevents: []\nstatements: []\nclaims: []\n", encoding="utf-8")
    assert not started(starter)


def test_draft_writes_where_out_says(repo, tmp_path):
    out = tmp_path / "review" / "draft.yaml"
    out.parent.mkdir()
    result = run(
        repo, "draft", "--out", str(out), "--published", "2020-09-28", str(repo.seeds / "004_a3deb327b58a8082.txt")
    )
    assert result.exit_code == 0, result.output
    assert load_yaml(out.read_text(encoding="utf-8"))["article"]["published_date"] == "2020-09-28"


def test_a_draft_written_outside_seeds_leaves_the_registry_as_it_was_and_puts_its_proposals_beside_it(repo, tmp_path):
    registry = {p.name: p.read_bytes() for p in (repo.seeds / "registry").iterdir()}
    article = tmp_path / "article.txt"
    article.write_text(
        "date 2020-10-02\nSTEPANAKERT (AP) - Vahe Grigoryan, a local official, said 54 more servicemen had been "
        "killed. Armenian forces shelled Martuni on Thursday.\n",
        encoding="utf-8",
    )
    out = tmp_path / "look.yaml"
    result = run(repo, "draft", "--out", str(out), str(repo.seeds / "004_a3deb327b58a8082.txt"), "--force")
    assert result.exit_code == 0, result.output
    shutil.copy(article, repo.seeds / "005_0000000000000000.txt")
    result = run(repo, "draft", "--out", str(out), "--force", str(repo.seeds / "005_0000000000000000.txt"))
    assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in (repo.seeds / "registry").iterdir()} == registry
    actors = load_yaml((tmp_path / "look.actors.yaml").read_text(encoding="utf-8"))
    assert "vahe-grigoryan" in {a["id"] for a in actors}
    assert "look.actors.yaml" in result.output and "look.events.yaml" in result.output


# --- evaluation --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("held_out", [False, True], ids=["registry", "held-out registry"])
def test_drafts_of_the_seeds_meet_the_targets(held_out):
    score = evaluate_seeds(frozen(), held_out=held_out)
    assert score.problems == []
    assert score.quotes.curated == 12 and score.figures.curated == 19  # what the curated codings hold
    assert score.quotes.recall >= TARGETS["quotes"]
    assert score.figures.recall >= TARGETS["figures"]
    assert score.overall.precision >= TARGETS["precision"]
    assert all(met for *_, met in score.targets())


def scored(names):
    """Each test article drafted against the tests' registry and compared with its expected coding (every draft
    rows the build accepts); the scores added up."""
    registry, total = reviewed_registry(), None
    for name in names:
        coding = load_yaml((FIXTURES / f"{name}.yaml").read_text(encoding="utf-8"))
        score = evaluate_article(
            fixture_article(name), coding, registry, name, draft_registry=REGISTRY, published=ARTICLES.get(name)
        )
        assert score.problems == [], name
        total = score if total is None else (total.add(score) or total)
    return total


def test_drafts_of_the_test_articles_against_their_expected_codings():
    """The test articles were written for these rules, so this is no blind test; it keeps them from regressing.
    Figures dated by a reviewer's reading ("overnight", "since the weekend") are misses the draft accepts."""
    total = scored(ARTICLES)
    assert (total.quotes.curated, total.figures.curated, total.dated.curated) == (50, 62, 28)  # what they hold
    assert [what for what, _, _, met in total.targets() if not met] == []
    assert total.tables["statements"].recall >= 0.75 and total.tables["claims"].precision >= 0.9


# Written by a second coder who never read the rules; measured once as held out (README.md), then rules were
# corrected on them, so they are held to what was reached since, not to the targets, which they still miss.
HELD_OUT = ["heldout_bbc_explainer", "heldout_anadolu_wire", "heldout_trend_ceasefire", "heldout_nyt_feature"]


def test_drafts_of_the_first_held_out_articles_are_valid_and_do_not_fall_below_what_was_reached():
    """Every draft is rows the build accepts, and what it gets right does not fall below what was reached."""
    total = scored(HELD_OUT)
    assert (total.quotes.curated, total.figures.curated, total.dated.curated) == (27, 40, 21)
    assert total.quotes.matched >= 22 and total.figures.matched >= 34 and total.dated.matched >= 13
    assert total.drafted_right.precision >= 0.91


# A second held-out set, written by a second coder who never read the rules and never used to correct them
# (README.md): the drafts must be valid, and are held to what the rules reach on it, which only rules written for
# other text have raised.
UNSEEN = ["unseen_xinhua_truce", "unseen_rferl_stepanakert", "unseen_sputnik_moscow_truce", "unseen_france24_shusha"]


def test_drafts_of_the_unseen_articles_are_valid_and_keep_what_was_measured_once():
    total = scored(UNSEEN)
    assert (total.quotes.curated, total.figures.curated, total.dated.curated) == (22, 40, 19)
    # 38, not 39: its coder coded "11 people, including three children, wounded in the city" unknown, which the
    # codebook, since real coders were measured, reads as civilians (the draft does, with a note).
    assert total.quotes.matched >= 20 and total.figures.matched >= 38 and total.dated.matched >= 17
    assert total.drafted_right.precision >= 0.95


def test_evaluate_prints_tables_fields_and_targets_and_json(repo):
    text = run(repo, "evaluate")
    assert text.exit_code == 0, text.output
    assert "| statements |" in text.output and "| claims.date |" in text.output and "Targets:" in text.output
    measured = json.loads(run(repo, "evaluate", "--json").output)
    assert measured["articles"] == ["000_9182488a4787e2a6", "004_a3deb327b58a8082"]
    assert {t["met"] for t in measured["targets"]} == {True}
    assert set(measured["tables"]) == {"actors", "statements", "claims", "event_reports", "all"}
    assert run(repo, "evaluate", "--check").exit_code == 0


def test_evaluate_compares_a_written_draft_with_a_coding(repo):
    article = repo.seeds / "004_a3deb327b58a8082.txt"
    out = repo.root / "draft-004.yaml"
    assert run(repo, "draft", "--out", str(out), "--published", "2020-09-28", str(article)).exit_code == 0
    result = run(repo, "evaluate", "--draft", str(out), str(article), str(article.with_suffix(".yaml")))
    assert result.exit_code == 0, result.output
    assert "Drafts of 1 article(s)" in result.output and "NOT MET" not in result.output


def test_evaluate_refuses_half_its_arguments(repo):
    result = run(repo, "evaluate", str(repo.seeds / "004_a3deb327b58a8082.txt"))
    assert result.exit_code == 1 and "give both ARTICLE and CODING" in result.output


def test_a_thousands_separator_does_not_cut_a_clause():
    text = (
        "date 2020-10-12 Around 70,000 people have fled their homes in Nagorno-Karabakh since the fighting began, "
        "according to local officials.\n"
    )
    article = article_from_bytes(Path("999_0000000000000000.txt"), text.encode("utf-8"))
    rows, problems, _, draft = draft_rows(article, REGISTRY, None)
    assert problems == []
    assert [(c["value_text"], c["evidence"][:30]) for c in rows.claims] == [
        ("Around 70,000", "Around 70,000 people have fled")
    ]
    assert draft.events and all(not article.text[r.start : r.end].startswith("000") for r in draft.events)


def test_a_missile_attack_that_shelled_a_town_is_one_strike():
    _, draft = draft_text(
        "date 2020-10-02\nMARTUNI (AP) - Azerbaijani forces launched a missile attack and shelled Martuni, "
        "journalists said.\n"
    )
    assert [(e.id, e.type) for e in draft.new_events] == [("e-2020-martuni-shelling", "shelling")]


def test_a_strike_told_twice_is_one_proposed_event_and_a_day_opening_the_sentence_dates_its_clauses():
    """ "shelled Barda on Wednesday" and "the attack on Barda on Wednesday" are one strike, and so is the undated
    "condemned the attack" after them; "On Tuesday, a missile attack hit Tartar" is another, of that Tuesday and
    that town."""
    rows, draft = draft_text(
        "date 2020-10-28\nBARDA (AP) - Armenian forces shelled Barda on Wednesday, killing 21 civilians. The attack "
        "on Barda on Wednesday also wounded 70. Azerbaijan condemned the attack. On Tuesday, a missile attack hit "
        "Tartar.\n"
    )
    assert [(e.id, e.type, e.date_start) for e in draft.new_events] == [
        ("e-2020-10-28-barda-shelling", "shelling", date(2020, 10, 28)),
        ("e-2020-10-27-tartar-shelling", "shelling", date(2020, 10, 27)),
    ]
    assert [r["event_id"] for r in rows.event_reports] == ["e-2020-10-28-barda-shelling"] * 3 + [
        "e-2020-10-27-tartar-shelling"
    ]
