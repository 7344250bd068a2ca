"""Quotations as news copy sets them: over several paragraphs (each opens a mark, only the last closes), cut off by
the end of the text, or one of several in the evidence; what the build makes of each, and the one message a coder
gets when the coding does not fit, saying what to write."""

from __future__ import annotations

import pytest

from scripts.build.pipeline import build_rows
from scripts.common.problems import BuildError
from scripts.reading.quotes import passages
from tests.conftest import add_article

OVER_TWO = '"We will not leave.\n\n"We were born here," she said.'
CUT = 'The mayor said: "Nobody has slept for three nights'
ARTICLE = (
    "date 2020-10-02 Baku said its forces were advancing.\n\n"
    f"{OVER_TWO}\n\n"
    "“The road is closed,” a driver said. “Nobody can pass.”\n\n"
    f"{CUT}"
)


@pytest.mark.parametrize(
    "text, words, closed",
    [
        ('"One," he said.', ["One,"], [True]),
        ("“One,” he said, “and two.”", ["One,", "and two."], [True, True]),
        ("«Un» et «deux»", ["Un", "deux"], [True, True]),
        (OVER_TWO, ["We will not leave. We were born here,"], [True]),
        ('"A\n\n"B\n\n"C," he said.', ["A B C,"], [True]),
        (CUT, ["Nobody has slept for three nights"], [False]),
        ('"Cut at the paragraph\n\nThe reporter goes on.', ["Cut at the paragraph"], [False]),
        ("Azerbaijan’s army", [], []),  # an apostrophe opens nothing
        # badly typeset copy: a curly quotation closed by a straight mark, its second paragraph not reopened
        (
            '“The missile fell on a house.\n\nA woman died in an ambulance." the minister said.',
            ["The missile fell on a house. A woman died in an ambulance."],
            [True],
        ),
        # an agency carrying a statement whole: paragraphs with no mark at all, the last one closing it
        (
            "“Shells hit the village.\n\nTwo people were hurt.\n\nHouses burned.\n\nWe will inform the public,” the "
            "office said.",
            ["Shells hit the village. Two people were hurt. Houses burned. We will inform the public,"],
            [True],
        ),
        # ... but not past a paragraph with marks of its own, nor past more unmarked ones than a statement runs
        ("“Cut here\n\nThe reporter goes on.\n\n“Another,” he said.", ["Cut here", "Another,"], [False, True]),
        ("“Cut here\n\nThe reporter goes on.\n\nHe quoted “one” word.", ["Cut here", "one"], [False, True]),
        ("“Cut here" + "\n\nOn." * 9 + "\n\nA stray mark,” here.", ["Cut here"], [False]),
        ("“Cut here" + "\n\nOn." * 8 + "\n\nClosed,” here.", ["Cut here" + " On." * 8 + " Closed,"], [True]),
        ('“He said "no" to them,” she said.', ['He said "no" to them,'], [True]),  # its own mark first
        ("“Cut here\n\nThe reporter goes on, and “quotes” later.", ["Cut here", "quotes"], [False, True]),
        # low-high marks of German and East European copy: „ opens, the English opening mark closes
        ("„Wir bleiben“, sagte sie. „Und ihr?“", ["Wir bleiben", "Und ihr?"], [True, True]),
        ("„A\n\n„B“, he said.", ["A B"], [True]),
    ],
)
def test_passages_follow_a_quotation_to_where_it_closes_or_stops(text, words, closed):
    found = passages(text)
    assert [p.words(text) for p in found] == words
    assert [p.closed for p in found] == closed


def code(repo, statement: str):
    """Build the frozen package with one more article, coded with one statement."""
    return add_article(repo, 5, ARTICLE, "mentions:\n  - {evidence: Baku}\nstatements:\n" + statement)


def statement_row(repo, statement: str) -> dict:
    stem = code(repo, statement)
    (row,) = [s for s in build_rows(repo)["statements"] if s["article_id"] == stem]
    return row


def quote_problem(repo, statement: str):
    code(repo, statement)
    with pytest.raises(BuildError) as refused:
        build_rows(repo)
    (problem,) = [p for p in refused.value.problems if p.rule == "quote-text"]
    return problem


def test_a_quotation_over_two_paragraphs_is_one_quote_whose_words_join_its_paragraphs(repo):
    row = statement_row(
        repo,
        "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: |-\n"
        '      "We will not leave.\n\n      "We were born here," she said.\n    cue: said\n',
    )
    assert row["text"] == "We will not leave. We were born here,"
    assert row["evidence"] == OVER_TWO


def test_its_words_may_also_be_given_as_text(repo):
    row = statement_row(
        repo,
        "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: |-\n"
        '      "We will not leave.\n\n      "We were born here," she said.\n'
        "    text: We will not leave. We were born here,\n",
    )
    assert row["text"] == "We will not leave. We were born here,"


def test_a_quotation_cut_off_by_the_end_of_the_text_is_a_quote(repo):
    row = statement_row(repo, f"  - id: s01\n    speaker: Baku\n    type: partial\n    evidence: '{CUT}'\n")
    assert row["text"] == "Nobody has slept for three nights"


def test_no_quotation_in_the_evidence_says_to_include_it_or_code_it_as_indirect(repo):
    problem = quote_problem(
        repo, "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: Baku said its forces were advancing.\n"
    )
    assert problem.column == "statements[0] (s01).text"
    assert (
        "the evidence holds no whole quotation" in problem.message
        and "code the statement as 'indirect'" in problem.message
    )


def test_two_quotations_in_the_evidence_ask_which_one(repo):
    problem = quote_problem(
        repo,
        "  - id: s01\n    speaker: Baku\n    type: direct\n"
        "    evidence: “The road is closed,” a driver said. “Nobody can pass.”\n",
    )
    assert (
        "the evidence holds 2 quotations ('The road is closed,'; 'Nobody can pass.'); give 'text': the words of "
        "the one this statement quotes"
    ) in problem.message


def test_wrong_words_are_refused_with_the_words_to_write(repo):
    problem = quote_problem(
        repo,
        "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: |-\n"
        '      "We will not leave.\n\n      "We were born here," she said.\n'
        "    text: We will not leave. We were born\n",
    )
    assert problem.value == "We will not leave. We were born"
    assert "the evidence quotes 'We will not leave. We were born here,': give that as 'text'" in problem.message


def test_one_paragraph_of_a_quotation_may_be_a_statement_of_its_own(repo):
    """As a quotation continued in the next paragraph is often coded: a statement a paragraph."""
    first = statement_row(
        repo, "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: '\"We will not leave.'\n"
    )
    assert first["text"] == "We will not leave."
    given = statement_row(
        repo,
        "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: |-\n"
        '      "We will not leave.\n\n      "We were born here," she said.\n'
        "    text: We will not leave.\n",
    )
    assert given["text"] == "We will not leave."


def test_evidence_that_stops_inside_a_paragraph_of_a_quotation_is_refused(repo):
    problem = quote_problem(repo, "  - id: s01\n    speaker: Baku\n    type: direct\n    evidence: '\"We will not'\n")
    assert "the evidence holds no whole quotation" in problem.message


def test_a_quotation_in_low_high_marks_is_read_as_its_words(repo):
    """„…“: the build reads the words between the marks as the quote's text, as for “…” or «…»."""
    article = "date 2020-10-02 „Nobody can pass“, a driver told Baku reporters."
    stem = add_article(
        repo,
        5,
        article,
        "mentions:\n  - {evidence: Baku}\nstatements:\n  - id: s01\n    speaker: Baku\n    type: direct\n"
        "    evidence: „Nobody can pass“, a driver told Baku reporters.\n",
    )
    (row,) = [s for s in build_rows(repo)["statements"] if s["article_id"] == stem]
    assert row["text"] == "Nobody can pass"
