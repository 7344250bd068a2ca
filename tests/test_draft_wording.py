"""Drafting the wording of real reporting found after the first rounds of rules (each test article here is written
for the test, in the style of wire copy and of the parties' agencies): what a figure counts, which words date it,
and what is no figure at all."""

from tests.test_draft import draft_text, figures_of, in_order


def test_a_clock_time_is_no_figure_and_the_people_after_a_participle_or_a_list_of_names_are_the_group():
    text = (
        "date 2020-11-02\nSTEPANAKERT - The army's press office updates its tally of destroyed enemy hardware "
        "as of 6 p.m. daily; by 21:30 it listed 150 drones. It published the names of 31 more killed soldiers and "
        "a list of 12 names of servicemen killed this week, bringing the number of killed soldiers it has named "
        "to 1,004 killed soldiers. Officials in Baku said 14 ordinary citizens and dozens of peaceful residents "
        "were killed, and that 3 doctors were wounded at 7 am.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (31, 31, "exact", "killed", "military", None, None),
            (12, 12, "exact", "killed", "military", None, None),
            (1004, 1004, "exact", "killed", "military", None, None),
            (14, 14, "exact", "killed", "civilian", None, None),
            (None, None, "vague", "killed", "civilian", None, None),
            (3, 3, "exact", "wounded", "civilian", None, None),
        ]
    )
