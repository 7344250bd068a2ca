"""Speakers an article describes but does not name ("one resident", "a doctor at the hospital", "witnesses"): the
draft keeps their statements with the article's words for them, and proposes no actor for them."""

from __future__ import annotations

import pytest

from scripts.draft.unnamed import described
from scripts.draft.writer import coding_yaml
from tests.test_draft import REGISTRY, draft_text

# An article in the style of agency feature copy, written for this test.
TARTAR = (
    "date 2020-10-30\nShells fall on Tartar again\n\nTARTAR, Azerbaijan - Armenian artillery hit the Azerbaijani "
    "town of Tartar overnight, Azerbaijan said.\n\n“We have not slept for three nights,” said one resident, a "
    "retired teacher who gave only her first name.\n\nA doctor at the district hospital said most of the wounded "
    "were elderly. “We are running out of bandages,” he said.\n\nWitnesses told reporters that the shells fell "
    "near a school.\n\nThe doctor added that two of the wounded were in serious condition.\n"
)


def speakers_of(rows) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (s["quote_type"], s["speaker_actor_id"], s["speaker_description"], s["text"])
        for s in sorted(rows.statements, key=lambda s: s["char_start"])
    ]


def test_described_speakers_keep_their_description_and_he_takes_up_the_last_described():
    rows, draft = draft_text(TARTAR)
    assert speakers_of(rows) == [
        ("indirect", "azerbaijan", None, "Armenian artillery hit the Azerbaijani town of Tartar overnight"),
        ("direct", None, "one resident", "We have not slept for three nights,"),
        ("indirect", None, "A doctor at the district hospital", "most of the wounded were elderly"),
        ("direct", None, "A doctor at the district hospital", "We are running out of bandages,"),
        ("indirect", None, "Witnesses", "the shells fell near a school"),
        ("indirect", None, "The doctor", "two of the wounded were in serious condition"),
    ]
    doctor = [s for s in rows.statements if s["speaker_description"] == "A doctor at the district hospital"][1]
    assert doctor["evidence"].startswith("A doctor at the district hospital said")  # reaches back to the words
    assert doctor["evidence"].endswith("he said.")
    assert draft.actors == []  # nobody is proposed for the registry
    assert "unnamed" not in coding_yaml(draft, REGISTRY, "seeds/099_0000000000000000.txt")


def test_a_figure_a_described_speaker_gives_has_their_statement_and_no_claimant():
    rows, _ = draft_text(
        "date 2020-10-30\nTARTAR, Azerbaijan - A nurse at the district hospital said 11 wounded civilians had been "
        "brought in since Thursday, as Azerbaijan reported new shelling.\n"
    )
    (statement,) = [s for s in rows.statements if s["speaker_description"]]
    (claim,) = [c for c in rows.claims if c["claim_type"] == "wounded"]
    assert (claim["statement_id"], claim["claimant_actor_id"], claim["value_min"]) == (
        statement["statement_id"],
        None,
        11,
    )


def test_a_described_speaker_a_paragraph_too_far_back_is_not_taken_up():
    rows, _ = draft_text(
        "date 2020-10-30\nA soldier at the front said the night was quiet in Azerbaijan.\n\nThe roads were empty."
        "\n\nThe market stayed shut.\n\n“We wait,” he said.\n"
    )
    assert [s["text"] for s in rows.statements] == ["the night was quiet in Azerbaijan"]


@pytest.mark.parametrize(
    "phrase, found",
    [
        ("one resident", ("resident", False)),
        ("a 54-year-old teacher", ("teacher", False)),
        ("a woman sheltering in a basement in Stepanakert", ("woman", False)),
        ("Witnesses", ("witness", True)),
        ("local residents", ("resident", True)),
        ("one of the survivors", ("survivor", False)),
        ("his wife", ("wife", False)),
        ("Azerbaijan", None),  # a name
        ("the ministry", None),  # a body
        ("he", None),
        ("the resident was", None),  # a clause, not a noun phrase
        ("a resident named Anna Maria Petrosyan", None),  # named after all
    ],
)
def test_what_describes_a_speaker(phrase, found):
    assert described(phrase, 0, len(phrase)) == found


def test_a_described_speaker_after_an_aside_and_the_man_just_named():
    """ "“…,” as the village calls them, said one resident as he ...": the resident, not whoever the aside names;
    "X, a farmer, said ... “…,” the man said": X, named in that paragraph; "the woman" with nobody named is
    described."""
    rows, _ = draft_text(
        "date 2020-11-14\nKALBAJAR, Azerbaijan - “We will not leave it to them,” as the Azerbaijanis are called "
        "here, said one resident as he loaded a truck.\n\n“We leave tonight,” he said.\n\nArmen Petrosyan, a farmer "
        "from Martuni, said the shells came at dawn. “I ran out,” the man said.\n\nIn Ganja a woman was hurt. “We "
        "have nothing left,” the woman said.\n"
    )
    quotes = [(s["speaker_actor_id"], s["speaker_description"], s["text"]) for s in rows.statements]
    assert [q for q in quotes if q[2].endswith(",")] == [
        (None, "one resident", "We will not leave it to them,"),
        (None, "one resident", "We leave tonight,"),
        ("armen-petrosyan", None, "I ran out,"),
        (None, "the woman", "We have nothing left,"),
    ]
