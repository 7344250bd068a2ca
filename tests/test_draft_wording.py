"""Drafting the wording of real reporting found after the first rounds of rules (each test article here is written
for the test, in the style of wire copy and of the parties' agencies): what a figure counts, which words date it,
and what is no figure at all."""

from datetime import date

from tests.test_draft import draft_text, figures_of, in_order, quotes_of


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


def test_a_toll_since_the_day_fighting_broke_out_by_now_and_by_a_day_are_running_totals():
    """ "began on Sept. 27 and has left": from that day to publication (coded, with a note); "by now" and "by
    Oct. 30" count from the war's first day as "so far" and "as of" do; a when-clause keeps the day."""
    text = (
        "date 2020-11-01\nBAKU (AP) - The latest round of fighting began Sept. 27 and has left hundreds dead. The "
        "war, which erupted on Sept. 27, has killed more than 1,000 soldiers. Clashes erupted on Oct. 4, when 20 "
        "people were killed. By now, 9 civilians have been hospitalized with injuries. By Oct. 30, the ministry "
        "had listed 1,177 killed soldiers.\n"
    )
    rows, draft = draft_text(text)
    began, oct_4, oct_30, nov_1 = date(2020, 9, 27), date(2020, 10, 4), date(2020, 10, 30), date(2020, 11, 1)
    assert figures_of(rows) == in_order(
        [
            (None, None, "vague", "killed", "unknown", began, nov_1),
            (1001, None, "more_than", "killed", "military", began, nov_1),
            (20, 20, "exact", "killed", "unknown", oct_4, oct_4),
            (9, 9, "exact", "wounded", "civilian", began, nov_1),
            (1177, 1177, "exact", "killed", "military", began, oct_30),
        ]
    )
    assert [c.note for c in draft.claims if c.coded] == [
        "A running total from the day the fighting broke out to 2020-11-01; check."
    ] * 2


def test_date_words_opening_a_sentence_date_the_undated_figures_after_it_in_its_paragraph():
    """Coded with a note; not across a paragraph, not from date words inside a sentence, nor from the day of a
    statement ("On Monday, the ministry said ...")."""
    text = (
        "date 2020-10-09\nSTEPANAKERT - According to the Armenian ombudsman, as of October 7, 20 civilians had been "
        "killed. The report was published online. In addition, 93 people were injured, of whom 13 women were "
        "seriously injured.\n\nOn Sunday, shelling hit Martuni. Two civilians were killed.\n\nRescuers reached "
        "Martakert on Sunday. Three civilians were killed.\n\nOn Monday, the Armenian army said it had repelled an "
        "attack. Five soldiers were killed.\n\nFour soldiers were wounded.\n"
    )
    rows, draft = draft_text(text)
    began, oct_7, sunday = date(2020, 9, 27), date(2020, 10, 7), date(2020, 10, 4)
    assert figures_of(rows) == in_order(
        [
            (20, 20, "exact", "killed", "civilian", began, oct_7),
            (93, 93, "exact", "wounded", "civilian", began, oct_7),  # beside 20 civilians, no soldier named
            (13, 13, "exact", "wounded", "civilian", began, oct_7),
            (2, 2, "exact", "killed", "civilian", sunday, sunday),
            (3, 3, "exact", "killed", "civilian", None, None),
            (5, 5, "exact", "killed", "military", None, None),
            (4, 4, "exact", "wounded", "military", None, None),
        ]
    )
    notes = {c.note for c in draft.claims if c.coded}
    assert notes == {
        "Dated by “as of October 7”, which opens an earlier sentence; check.",
        "Dated by “On Sunday”, which opens an earlier sentence; check.",
    }


def test_parts_in_brackets_and_figures_by_place_with_the_noun_and_verb_left_out():
    """ "31 civilians (7 women and 24 men) were injured": the total and each part, a part of civilians being
    civilians; "four were killed in Ganja, two in Barda and one in the village of Qarayusifli": three figures of one
    kind; a year after "in" is no place."""
    text = (
        "date 2020-10-05\nBAKU - Azerbaijan said that in all, 31 civilians (7 female and 24 male) suffered "
        "injuries. Four civilians were killed in Ganja, two in Barda and one in the village of Qarayusifli. Some "
        "200 civilians were killed in 2016, 30 in 1994.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (31, 31, "exact", "wounded", "civilian", None, None),
            (7, 7, "exact", "wounded", "civilian", None, None),
            (24, 24, "exact", "wounded", "civilian", None, None),
            (4, 4, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "killed", "civilian", None, None),
            (1, 1, "exact", "killed", "civilian", None, None),
            (200, 200, "approx", "killed", "civilian", None, None),
        ]
    )


def test_people_are_civilians_where_the_paragraphs_around_speak_of_civilians_and_name_no_soldiers():
    """With a note each; a toll of the war or a total stays unknown, and people beside soldiers in one paragraph
    take the soldiers' status (the older guess, with its own note)."""
    text = (
        "date 2020-10-17\nGANJA (AP) - A missile hit a residential block in Ganja overnight, killing 12 people and "
        "wounding dozens. Rescuers searched the homes for survivors.\n\nSome 40,000 people have fled their homes, "
        "officials said.\n\nThe war has claimed 700 lives. The total death toll rose to 800 people.\n\nIn Hadrut, "
        "30 people were killed, and the army said 20 soldiers died there.\n"
    )
    rows, draft = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (12, 12, "exact", "killed", "civilian", date(2020, 10, 16), date(2020, 10, 17)),
            (None, None, "vague", "wounded", "civilian", date(2020, 10, 16), date(2020, 10, 17)),
            (40000, 40000, "approx", "displaced", "civilian", None, None),
            (700, 700, "exact", "killed", "unknown", date(2020, 9, 27), date(2020, 10, 17)),  # the war in progress
            (800, 800, "exact", "killed", "unknown", None, None),
            (30, 30, "exact", "killed", "military", None, None),
            (20, 20, "exact", "killed", "military", None, None),
        ]
    )
    notes = [c.note for c in draft.claims if c.status == "civilian"]
    assert notes == [
        "'civilian': the paragraphs around this figure speak of civilians and name no soldiers among the dead or "
        "hurt; check.",
    ] * 2 + ["'civilian': people driven from their homes are coded civilians; check."]


def test_people_joined_to_a_figure_by_and_share_its_casualty_word_and_among_names_their_status():
    text = (
        "date 2020-10-07\nBAKU - Azerbaijan said Armenia has 320 casualties among the military and 21 civilians. "
        "The shelling killed 5 soldiers and 3 civilians. Armenia lost 16 soldiers and 2 volunteers, and 40 "
        "drones. As of October 4, 19 civilians were killed, including 1 girl, 7 women, and 11 men.\n"
    )
    began, oct_4 = date(2020, 9, 27), date(2020, 10, 4)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (320, 320, "exact", "killed", "military", None, None),
            (21, 21, "exact", "killed", "civilian", None, None),
            (5, 5, "exact", "killed", "military", None, None),
            (3, 3, "exact", "killed", "civilian", None, None),
            (16, 16, "exact", "killed", "military", None, None),
            (2, 2, "exact", "killed", "military", None, None),
            (19, 19, "exact", "killed", "civilian", began, oct_4),
            (1, 1, "exact", "killed", "civilian", began, oct_4),  # parts keep their total's dates
            (7, 7, "exact", "killed", "civilian", began, oct_4),
            (11, 11, "exact", "killed", "civilian", began, oct_4),
        ]
    )


def test_a_day_of_a_month_a_part_of_things_and_several_hundred_are_read_as_what_they_are():
    text = (
        "date 2020-10-19\nYEREVAN - Fighting since September 27 has forced thousands to flee, and 27 October was "
        "quiet. In one of the directions, enemy units fled. More than 705 Armenian servicemen have been killed and "
        "several hundred people wounded. As of Oct. 4, 19 soldiers had been killed.\n"
    )
    began, oct_4, oct_19 = date(2020, 9, 27), date(2020, 10, 4), date(2020, 10, 19)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (None, None, "vague", "displaced", "civilian", began, oct_19),
            (706, None, "more_than", "killed", "military", began, oct_19),  # a bare perfect toll
            (None, None, "vague", "wounded", "military", began, oct_19),  # shares the reading of "and"
            (19, 19, "exact", "killed", "military", began, oct_4),
        ]
    )


def test_a_toll_of_the_war_or_of_an_earlier_war_keeps_people_unknown_beside_civilian_figures():
    text = (
        "date 2020-10-29\nBARDA (AFP) - Azerbaijan said a missile strike killed 21 civilians on Wednesday, one of the "
        "deadliest attacks of the war. The war has claimed hundreds of lives on both sides, and a 1990s war left "
        "30,000 people dead. Tens of thousands of people died during that conflict.\n"
    )
    wednesday = date(2020, 10, 28)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (21, 21, "exact", "killed", "civilian", wednesday, wednesday),
            (None, None, "vague", "killed", "unknown", None, None),
            (30000, 30000, "exact", "killed", "unknown", None, None),
            (None, None, "vague", "killed", "unknown", None, None),
        ]
    )


def test_the_killing_of_people_and_people_joined_after_names_and_the_past_week():
    text = (
        "date 2020-10-04\nBAKU - Azerbaijan condemned the killing of four civilians in Tartar. Shelling injured two "
        "French journalists from Le Monde newspaper and two Armenian journalists. Prosecutors opened a case into "
        "the murder of five civilians. Eighteen soldiers were killed in the past week.\n"
    )
    began, oct_4 = date(2020, 9, 27), date(2020, 10, 4)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (4, 4, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "wounded", "civilian", None, None),
            (2, 2, "exact", "wounded", "civilian", None, None),
            (5, 5, "exact", "killed", "civilian", None, None),
            (18, 18, "exact", "killed", "military", began, oct_4),
        ]
    )


def test_figures_of_the_attack_the_sentence_before_dates_take_its_day_but_not_a_statement_s_day():
    text = (
        "date 2020-10-17\nBAKU - Armenia hit civilians visiting a cemetery in Tartar on October 15. Four civilians "
        "were killed and five others were injured in the attack.\n\nArmenia said on Monday that it hit a base. Four "
        "soldiers were killed in the strike.\n"
    )
    rows, draft = draft_text(text)
    oct_15 = date(2020, 10, 15)
    assert figures_of(rows) == in_order(
        [
            (4, 4, "exact", "killed", "civilian", oct_15, oct_15),
            (5, 5, "exact", "wounded", "civilian", oct_15, oct_15),
            (4, 4, "exact", "killed", "military", None, None),
        ]
    )
    assert {c.note for c in draft.claims if c.coded} == {
        "Dated by “on October 15”, which dates the attack the sentence before tells of; check."
    }


def test_a_figure_in_a_statement_of_a_named_day_counts_to_that_day_unless_it_has_date_words_of_its_own():
    text = (
        "date 2020-10-12\nBAKU (AP) - Azerbaijan said Sunday that shelling of Ganja had left seven people dead.\n\n"
        "Azerbaijan said on Monday that Armenian forces had shelled Barda overnight, killing two civilians.\n"
    )
    rows, draft = draft_text(text)
    sunday = date(2020, 10, 11)
    assert figures_of(rows) == in_order(
        [
            (7, 7, "exact", "killed", "civilian", sunday, sunday),
            (2, 2, "exact", "killed", "civilian", sunday, date(2020, 10, 12)),  # its own "overnight", not the day said
        ]
    )
    assert [s["statement_date"] for s in rows.statements] == [sunday, date(2020, 10, 12)]
    assert [c.note for c in draft.claims if c.coded][0].startswith("Dated by the day of the statement")


def test_since_the_day_of_an_outbreak_is_a_running_total_and_deaths_among_their_forces_are_soldiers():
    text = (
        "date 2020-10-06\nSTEPANAKERT - Armenia said 19 civilians have been killed and 80 others wounded since the "
        "September 27 outbreak of large-scale hostilities. The separatists have confirmed more than 600 deaths "
        "among their forces.\n"
    )
    began, oct_6 = date(2020, 9, 27), date(2020, 10, 6)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (19, 19, "exact", "killed", "civilian", began, oct_6),
            (80, 80, "exact", "wounded", "civilian", began, oct_6),
            (601, None, "more_than", "killed", "military", None, None),
        ]
    )


def test_people_named_as_killed_or_wounded_are_figures_of_one_or_of_each_named():
    """The name is the figure's words and its count is stated (the build cannot read a name), as prosecutors'
    reports list victims; two names joined by "and" are a figure of one each, as the text gives no total."""
    text = (
        "date 2020-10-08\nBAKU - The prosecutor said that on October 7, Samir Mammadov was killed when a shell hit "
        "his house. Russian journalists Yury Kotenok and Levon Arzanov suffered injuries in the shelling. Ramil "
        "Huseynov, a local resident, was wounded.\n"
    )
    rows, draft = draft_text(text)
    oct_7 = date(2020, 10, 7)
    assert figures_of(rows) == in_order(
        [
            (1, 1, "exact", "killed", "civilian", oct_7, oct_7),
            (1, 1, "exact", "wounded", "civilian", oct_7, oct_7),  # "in the shelling" the sentence before dates
            (1, 1, "exact", "wounded", "civilian", oct_7, oct_7),  # each name is a figure of one
            (1, 1, "exact", "wounded", "civilian", oct_7, oct_7),  # the day of the figure told just before it
        ]
    )
    counted = sorted((c["value_text"], c["value_min"]) for c in rows.claims if c["claim_type"] != "killed")
    assert counted == [("Levon Arzanov", 1), ("Yury Kotenok", 1), ("a", 1)]  # "a local resident" counts him


def test_the_war_named_by_how_long_it_has_lasted_or_as_the_present_one_counts_from_its_first_day():
    """Read by the build as running totals of the war in progress when the length fits the war's days; not a part
    of it ("the first days"), not another war ("in April 2016") and not a length that does not fit."""
    text = (
        "date 2020-10-15\nYEREVAN (AFP) - Officials say 400 soldiers have died in over two weeks of fighting. Some "
        "30 civilians were killed in the ongoing conflict. Her son was one of 12 men killed in the first days of "
        "fighting. About 200 people died in four days of fighting in April 2016. Another 9 were killed in six "
        "months of fighting.\n"
    )
    began, published = date(2020, 9, 27), date(2020, 10, 15)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (400, 400, "exact", "killed", "military", began, published),
            (30, 30, "approx", "killed", "civilian", began, published),
            (12, 12, "exact", "killed", "unknown", None, None),
            (200, 200, "approx", "killed", "unknown", None, None),
            (9, 9, "exact", "killed", "unknown", None, None),
        ]
    )


def test_a_period_opening_a_sentence_dates_its_every_clause_and_the_war_as_subject_counts_its_toll():
    """ "Since Oct. 1, ..., while N have been killed": the opening words date the later clause. "The fighting has
    left" and "since then" are coded with a note; a conflict of decades is not the war in progress."""
    text = (
        "date 2020-10-20\nBAKU (AP) - Since Oct. 1, the army has retaken 40 villages, while 61 civilians have been "
        "killed. The fighting has also left 3 journalists "
        "wounded. The decades-old conflict has claimed 30,000 lives.\n\nFighting resumed on October 14. Since "
        "then, 25 civilians have been wounded.\n"
    )
    rows, draft = draft_text(text)
    oct_1, oct_14, published = date(2020, 10, 1), date(2020, 10, 14), date(2020, 10, 20)
    assert figures_of(rows) == in_order(
        [
            (61, 61, "exact", "killed", "civilian", oct_1, published),
            (3, 3, "exact", "wounded", "civilian", date(2020, 9, 27), published),
            (30000, 30000, "exact", "killed", "unknown", None, None),
            (25, 25, "exact", "wounded", "civilian", oct_14, published),
        ]
    )
    assert [c.note for c in draft.claims if c.coded] == [
        "A running total of the war in progress, from its first day to 2020-10-20; check.",
        "“Since then” counted from “on October 14”, named just before; check.",
    ]


def test_people_listed_by_name_with_years_of_birth_or_ages_are_a_figure_each_and_their_group_gives_the_status():
    """As prosecutors' offices list victims: each name a figure of one (the text gives no total), the day the
    sentence opens with ("Today at around 11:00 ...", no comma needed), "residents" before the names civilian;
    "who writes for the Vesti.ru site" is an apposition, its dot no end of sentence."""
    text = (
        "date 2020-10-20\nBAKU - Today at around 11:00 (GMT+4), as a result of the shelling of Sarijali village, "
        "residents Gulnara Huseynova (born 1961) and Elvin Babayev (born 1990) were wounded. 47-year-old Rasim "
        "Ahmadov, 38-year-old Kamran Aliyev and 19-year-old Orkhan Mammadov died on the spot. Yuri Petrov, who "
        "writes for the Vesti.ru site, was wounded.\n"
    )
    rows, draft = draft_text(text)
    today = date(2020, 10, 20)
    assert figures_of(rows) == in_order(
        [(1, 1, "exact", "wounded", "civilian", today, today)] * 3
        + [(1, 1, "exact", "killed", "civilian", today, today)] * 3
    )  # the later sentences take the day and the status of the first, with a note each
    assert sorted(c["value_text"] for c in rows.claims) == [
        "Elvin Babayev",
        "Gulnara Huseynova",
        "Kamran Aliyev",
        "Orkhan Mammadov",
        "Rasim Ahmadov",
        "Yuri Petrov",
    ]


def test_who_a_figure_counts_by_its_post_modifiers_and_the_words_of_lives_given_and_bodies():
    """ "One officer of the army of the Republic of Armenia": the group however long its "of" phrases; a volunteer
    of the Red Crescent and employees of the Emergencies Ministry are civilians; "sacrificed their lives" and
    "bodies of" are deaths; "many of them elderly women" describes the 40, no count; "the past few hours" is the
    day before publication to publication."""
    text = (
        "date 2020-11-06\nSTEPANAKERT (AP) - One officer of the army of the Republic of Armenia was wounded near the "
        "border. A volunteer of the Red Crescent Society was killed and three others injured. Four employees of the "
        "Emergencies Ministry were hurt. Another 15 fighters of the Defence Army sacrificed their lives. Rescuers "
        "brought out 9 bodies of soldiers. About 40 people were injured, many of them elderly women. Eight more "
        "militants died in the past few hours, the monitor said.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (1, 1, "exact", "wounded", "military", None, None),
            (1, 1, "exact", "killed", "civilian", None, None),
            (3, 3, "exact", "wounded", "civilian", None, None),
            (4, 4, "exact", "wounded", "civilian", None, None),
            (15, 15, "exact", "killed", "military", None, None),
            (9, 9, "exact", "killed", "military", None, None),
            (40, 40, "approx", "wounded", "unknown", None, None),
            (8, 8, "exact", "killed", "military", date(2020, 11, 5), date(2020, 11, 6)),
        ]
    )


def test_agency_copy_referring_to_a_source_gives_the_quotation_after_it_and_charged_is_a_cue():
    """ "Trend reports referring to X" makes X the source, and the quotation opening the next paragraph continues
    X's statement; "it charged in a statement" attributes, "was charged with murder" does not."""
    text = (
        "date 2020-10-20\nBAKU (Trend) - Armenian forces have shelled the Aghdam district since the morning, Trend "
        "reports referring to Azerbaijan's Prosecutor General's Office.\n\n“Today at around 11:00, two residents of "
        "Sarijali village were wounded.”\n\nThe Armenian Foreign Ministry condemned the shelling. “This is a war "
        "crime,” it charged in a statement. A soldier was charged with looting.\n"
    )
    rows, _ = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"]) for s in rows.statements] == [
        ("azerbaijan-prosecutor-general", "indirect"),
        ("azerbaijan-prosecutor-general", "direct"),
        ("armenia-foreign-ministry", "indirect"),
        ("armenia-foreign-ministry", "direct"),
    ]


def test_speakers_named_by_their_side_by_a_body_s_words_in_any_order_and_a_quotation_over_paragraphs():
    """ "Azeri officials", "Armenian officials": the state; "the prosecutor general's office": the registered
    Prosecutor General's Office of Azerbaijan; "the defence ministry" with no state named is nobody's (it used to
    be taken for whoever spoke before); a government's "information center" is a new body whose id drops the
    possessive, and "the information center" refers back to it; a quotation reopened at each paragraph is one
    statement whose words join its paragraphs."""
    text = (
        "date 2020-10-17\nGANJA (AFP) - The missile hit at around 2 a.m., the prosecutor general’s office said in a "
        "statement. The road was closed, the defence ministry said. Azeri officials said the strike was deliberate."
        "\n\n“These are absolute lies,” Armenian officials said.\n\nThe town was calm on Friday, the Armenian "
        "government's information center reported. “The night passed quietly,” the information center said.\n\nA "
        "local official, Samvel Petrosyan, told reporters: “We have no water.\n\n“We have no light.\n\n“We have "
        "nothing left.”\n"
    )
    rows, draft = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"], s["text"]) for s in rows.statements] == [
        ("azerbaijan-prosecutor-general", "indirect", "The missile hit at around 2 a.m."),
        ("azerbaijan", "indirect", "the strike was deliberate"),
        ("armenia", "direct", "These are absolute lies,"),
        ("armenia-government-information-center", "indirect", "The town was calm on Friday"),
        ("armenia-government-information-center", "direct", "The night passed quietly,"),
        ("samvel-petrosyan", "direct", "We have no water. We have no light. We have nothing left."),
    ]
    assert [a.name for a in draft.actors if a.id == "armenia-government-information-center"] == [
        "Armenian government's information center"
    ]


def test_date_words_in_brackets_of_another_figure_and_an_opening_adverbial_that_ends_with_date_words():
    """ "(five were killed yesterday alone)" dates the five only; "As a result of the shelling ... on Oct. 7, ..."
    dates the people the sentence then names; "since it broke out on Sept. 27" and "during the hostilities" are
    running totals of the war."""
    text = (
        "date 2020-10-11\nSTEPANAKERT (AP) - As of October 10, 25 civilians have been killed (five were killed "
        "yesterday alone) and more than 100 have been wounded. As a result of the shelling of the cemetery on Oct. "
        "7, villagers Fizuli Mammadov and Nofel Amirov were wounded. The fighting has killed at least 400 people "
        "since it broke out on Sept. 27. The number of soldiers killed during the hostilities has reached 1025.\n"
    )
    began, oct_7, oct_10, published = date(2020, 9, 27), date(2020, 10, 7), date(2020, 10, 10), date(2020, 10, 11)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (25, 25, "exact", "killed", "civilian", began, oct_10),
            (5, 5, "exact", "killed", "civilian", oct_10, oct_10),
            (101, None, "more_than", "wounded", "civilian", began, oct_10),
            (1, 1, "exact", "wounded", "civilian", oct_7, oct_7),
            (1, 1, "exact", "wounded", "civilian", oct_7, oct_7),
            (400, None, "at_least", "killed", "unknown", began, published),
            (1025, 1025, "exact", "killed", "military", began, published),
        ]
    )


def test_a_rights_group_described_quoted_through_a_person_it_names_and_a_first_name_after_the_cue():
    """ "it quoted X, a senior Amnesty representative, as saying": X's words, and "Amnesty" before a role is no
    person; "the London-based human rights group" is the organisation last named; "said Jenny, a student in
    Yerevan" names a person by one word."""
    text = (
        "date 2020-10-06\nLONDON (AP) - Amnesty International said cluster bombs were used. “Cluster bombs are "
        "indiscriminate,” it quoted Denis Krivosheev, a senior Amnesty representative, as saying. “Footage was "
        "published,” the London-based human rights group said in a statement.\n\n“It is our history that we are "
        "losing,” said Jenny, a student in Yerevan.\n"
    )
    rows, draft = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"]) for s in rows.statements] == [
        ("amnesty-international", "indirect"),
        ("denis-krivosheev", "direct"),
        ("amnesty-international", "direct"),
        ("jenny", "direct"),
    ]
    assert sorted(a.id for a in draft.actors if a.type == "person") == ["denis-krivosheev", "jenny"]


def test_a_running_period_ending_the_sentence_dates_the_list_before_it_and_days_of_a_month_are_a_period():
    """ "20 civilians were killed, 93 injured, ... since the beginning of hostilities in X": each figure of the
    list; not a figure of another finite clause before ("Two were killed in Ganja, and 500 have died since ...")
    nor one a statement parts from the words. "On September 27-30" is those four days, not 27 September."""
    text = (
        "date 2020-10-09\nMOSCOW (RIA) - At least 20 civilians were killed, 93 injured, 5.8 thousand people "
        "suffered material damage since the beginning of hostilities in Nagorno-Karabakh. Two civilians were "
        "killed in Ganja, and 500 have died since the beginning of hostilities. Five soldiers were killed, the "
        "ministry said, since Sunday. On September 27-30, 2020, 7 civilians were killed.\n"
    )
    began, published = date(2020, 9, 27), date(2020, 10, 9)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (20, None, "at_least", "killed", "civilian", began, published),
            (93, 93, "exact", "wounded", "civilian", began, published),
            (2, 2, "exact", "killed", "civilian", None, None),
            (500, 500, "exact", "killed", "civilian", began, published),
            (5, 5, "exact", "killed", "military", None, None),
            (7, 7, "exact", "killed", "civilian", began, date(2020, 9, 30)),
        ]
    )


def test_among_the_killed_is_a_part_of_their_kind():
    text = (
        "date 2020-10-28\nBARDA (AP) - Twenty-one people were killed on Wednesday. Among the killed is a child. "
        "Among the wounded were two journalists. Among the dead were also 3 soldiers.\n"
    )
    wednesday = date(2020, 10, 28)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (21, 21, "exact", "killed", "unknown", wednesday, wednesday),  # soldiers and a child among them
            (1, 1, "exact", "killed", "civilian", wednesday, wednesday),  # carried from the figure before
            (2, 2, "exact", "wounded", "civilian", wednesday, wednesday),
            (3, 3, "exact", "killed", "military", wednesday, wednesday),  # not from civilians: the lead's day
        ]
    )


def test_names_in_marks_abbreviated_ministries_a_press_service_for_a_body_and_a_surname_with_a_letter_left_out():
    """ "note of the “Caucasian Knot”" and "from “Smerch” launchers" are names, not quotations; "the press service
    for the Nagorno-Karabakh MoD" is that defence ministry, and "“…,” the RIA “Novosti” quotes the ... MoD as
    reporting" its words; "the Ministry said" refers back to the ministry named before; "Arayik Haruyunyan" is the
    registry's Arayik Harutyunyan, spelt with a letter left out."""
    text = (
        'date 2020-10-29\nSTEPANAKERT (AP) - Martakert (Agdere, - note of the "Caucasian Knot") was shelled from '
        '"Smerch" launchers, the press service for the Nagorno-Karabakh MoD reported. "The enemy has violated the '
        'law," the RIA "Novosti" quotes the Nagorno-Karabakh MoD as reporting.\n\nThe Armenian Foreign Ministry '
        'issued a statement. "Minutes later the troops attacked," the Ministry said in the statement.\n\nArayik '
        "Haruyunyan said the enemy was infiltrating the region.\n"
    )
    rows, draft = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"]) for s in rows.statements] == [
        ("nagorno-karabakh-defence-ministry", "indirect"),
        ("nagorno-karabakh-defence-ministry", "direct"),
        ("armenia-foreign-ministry", "direct"),
        ("arayik-harutyunyan", "indirect"),
    ]
    assert draft.spellings == {"Arayik Haruyunyan": "arayik-harutyunyan"}


def test_the_leader_of_a_region_described_is_its_registered_leader_and_names_in_marks_are_no_quotations():
    """ "The leader of the disputed Nagorno-Karabakh region" is the registry's Nagorno-Karabakh leader, not a new
    person known by a role; "from “Smerch” launchers" names a weapon, and so, the draft reads, does a name in marks
    before a lower-case word ("Azerbaijan's “Stalingrad” after"): a word said that stands so is missed, since
    names in marks are the commoner (quoting such words made the draft's precision on real articles fall)."""
    text = (
        "date 2020-10-11\nSTEPANAKERT (AFP) - The leader of the disputed Nagorno-Karabakh region described "
        'hostilities as calmer, but said that the truce was "fragile". Hikmet Hajiyev, an aide to the president, '
        'described Tartar as Azerbaijan\'s "Stalingrad" after shelling from "Smerch" launchers.\n'
    )
    rows, draft = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"]) for s in rows.statements] == [
        ("arayik-harutyunyan", "partial"),
        ("hikmet-hajiyev", "indirect"),  # what he described, reported in the reporter's words
    ]
    assert rows.statements[0]["text"] == "fragile"
    assert [a.id for a in draft.actors if a.type == "person"] == ["hikmet-hajiyev"]  # no role-named leader


def test_a_passive_cue_with_its_agent_and_an_agency_quoting_him_in_the_present():
    """ "This was announced by X" makes X the speaker of the sentence before (and of its figure); "Interfax quotes
    him as saying" gives the quotation to the person last named; "were reported killed" has no speaker."""
    text = (
        "date 2020-10-02\nYEREVAN (AP) - 54 more servicemen were killed. This was announced by the spokesman of the "
        'Defence Ministry of Armenia Artur Sargsyan. "There are many wounded," Interfax quotes him as saying. Five '
        "soldiers were reported killed.\n"
    )
    rows, _ = draft_text(text)
    assert [(s["speaker_actor_id"], s["quote_type"], s["text"]) for s in rows.statements] == [
        ("artur-sargsyan", "indirect", "54 more servicemen were killed"),
        ("artur-sargsyan", "direct", "There are many wounded,"),
    ]
    spoken = {s["statement_id"]: s["speaker_actor_id"] for s in rows.statements}
    assert [spoken.get(c["statement_id"]) for c in rows.claims if c["value_min"] == 54] == ["artur-sargsyan"]


def test_a_running_count_s_people_keep_its_status_and_a_title_before_a_name_beats_a_clause_after_it():
    """ "the number of soldiers killed ... has reached 158 people": soldiers; "According to Armenian Prime
    Minister X, the Turkish army is supporting ...": X is Armenia's, titled as the words before the name say, not
    by the clause after the comma."""
    text = (
        "date 2020-10-02\nSTEPANAKERT (AP) - Another 54 servicemen were killed, and the total number of soldiers "
        "killed since September 27 has reached 158 people. According to Armenian Prime Minister Vardan Tonoyan, "
        "the Turkish army is supporting the Azerbaijani forces.\n"
    )
    rows, draft = draft_text(text)
    assert (158, 158, "exact", "killed", "military", date(2020, 9, 27), date(2020, 10, 2)) in figures_of(rows)
    (person,) = [a for a in draft.actors if a.type == "person"]
    assert (person.id, person.title, person.parent) == ("vardan-tonoyan", "Armenian Prime Minister", "armenia")


def test_the_agent_of_a_passive_cue_after_a_title_of_an_unrecognised_republic_glossed_in_brackets():
    text = (
        "date 2020-10-02\nSTEPANAKERT (AP) - Another 54 servicemen were killed. This was announced by the Deputy "
        "Minister of Defense of the unrecognized Nagorno-Karabakh Republic (NKR) Artur Sargsyan at a briefing on "
        "Friday.\n"
    )
    rows, _ = draft_text(text)
    assert [(s["speaker_actor_id"], s["text"]) for s in rows.statements] == [
        ("artur-sargsyan", "Another 54 servicemen were killed")
    ]


def test_a_relative_named_by_kinship_as_killed_or_wounded_is_a_figure_of_one():
    """ "My son was injured", "His father Suliddin was killed", "her 10-month-old daughter Narin died": one each,
    the words naming the relative; a friend is no relative the rule counts."""
    text = (
        'date 2020-10-17\nGANJA (AFP) - "My son was injured and is in hospital," she said. His father Suliddin was '
        "killed, and her 10-month-old daughter Narin died. My friend was wounded.\n"
    )
    rows, _ = draft_text(text)
    assert sorted((c["value_text"], c["claim_type"], c["value_min"]) for c in rows.claims) == [
        ("His father Suliddin", "killed", 1),
        ("My son", "wounded", 1),
        ("her 10-month-old daughter Narin", "killed", 1),
    ]


def test_according_to_opening_a_sentence_reports_the_words_after_it_not_its_own():
    """The statement's text is what the source says, not "According to X, ..." (a contributor's trial found the
    attribution kept in it), nor the name apposed to the source's role."""
    text = (
        "date 2020-10-02\nSTEPANAKERT (AP) - According to the Nagorno-Karabakh ombudsman, Artak Beglaryan, 19 "
        "civilians have been killed. According to Armenian Prime Minister Vardan Tonoyan, the Turkish army is "
        "supporting the Azerbaijani forces.\n"
    )
    rows, _ = draft_text(text)
    assert [(s["speaker_actor_id"], s["text"]) for s in rows.statements] == [
        ("artak-beglaryan", "19 civilians have been killed"),
        ("vardan-tonoyan", "the Turkish army is supporting the Azerbaijani forces"),
    ]


def test_a_speaker_before_a_clause_set_off_by_commas_and_speakers_after_more_cue_verbs():
    """A clause between the speaker and the cue ("speaking in a televised address", "in an interview with Y") is not
    the speaker; a person is named by one word after "a resident named"; `“…,” tweeted X`, `wrote X on Facebook`,
    `reports X` put the speaker after the cue; "media reports" is no cue."""
    text = (
        "date 2020-10-14\nYEREVAN (Wire) - Fighting went on.\n\nNikol Pashinyan, speaking in a televised address, "
        "said: “The situation is very difficult.” Azerbaijan’s President Ilham Aliyev, in an interview with Al "
        "Jazeera, said the army would “finish the job”.\n\n“It’s a catastrophe,” a 45-year-old resident named "
        "Gayane told the agency. “Stepanakert is under fire,” tweeted the Artsakh ombudsman Artak Beglaryan. “We "
        "will never give up,” wrote Anna Petrosyan on Facebook. “The town was struck 15 times,” reports the Office "
        "of the Karabakh Human Rights Ombudsman. Media reports said the strikes were “massive”.\n"
    )
    rows, draft = draft_text(text)
    assert quotes_of(rows) == [
        ("direct", "nikol-pashinyan", "The situation is very difficult."),
        ("partial", "ilham-aliyev", "finish the job"),
        ("direct", "gayane", "It’s a catastrophe,"),
        ("direct", "artak-beglaryan", "Stepanakert is under fire,"),
        ("direct", "anna-petrosyan", "We will never give up,"),
        ("direct", "office-of-the-karabakh-human-rights-ombudsman", "The town was struck 15 times,"),
    ]
    assert "al-jazeera" not in {s["speaker_actor_id"] for s in rows.statements}
    assert {a.id: a.type for a in draft.actors}["gayane"] == "person"


def test_seats_of_government_documents_from_a_body_and_the_ministry_after_its_spokeswoman():
    """ "The Kremlin said" is a body speaking; "a statement from X" and "according to a statement from X" speak for
    X, and a quotation closed by "according to" is direct; "the ministry" after "X, spokeswoman for the Defence
    Ministry" is the ministry, not X."""
    text = (
        "date 2020-10-14\nMOSCOW (Wire) - Talks.\n\nThe Kremlin said Vladimir Putin had expressed “serious concern”. "
        "“The enemy suffered heavy losses,” according to a statement from the Armenian Defence Ministry. A "
        "statement from the Azerbaijani Defence Ministry said: “The enemy is retreating.”\n\n“We hold the line,” "
        "said Shushan Stepanyan, spokeswoman for Armenia’s Defence Ministry. “Our forces advanced,” the ministry "
        "said in a statement on Tuesday.\n"
    )
    rows, draft = draft_text(text)
    assert quotes_of(rows) == [
        ("partial", "kremlin", "serious concern"),
        ("direct", "armenia-defence-ministry", "The enemy suffered heavy losses,"),
        ("direct", "azerbaijan-defence-ministry", "The enemy is retreating."),
        ("direct", "shushan-stepanyan", "We hold the line,"),
        ("direct", "armenia-defence-ministry", "Our forces advanced,"),
    ]
    assert {a.id: a.type for a in draft.actors}["kremlin"] == "government_body"


def test_statuses_from_a_rank_a_relative_an_armed_group_or_a_military_crew():
    """A rank before a name, members of an armed group, the crew of a military aircraft: military; a woman of the
    family or a child by age: civilian; a passenger plane's crew and a man's son stay unknown."""
    text = (
        "date 2020-11-10\nBAKU (Wire) - Blasts.\n\nA colonel of the Azerbaijani army Babek Semidli was killed. All "
        "six members of the illegal armed group were killed. The downed Mi-24 military helicopter crashed, killing "
        "two crew members.\n\nHis nine-year-old brother was killed and his mother was wounded. His son was "
        "injured. A passenger plane crashed near Baku, killing three crew members and soldiers.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (1, 1, "exact", "killed", "military", None, None),
            (6, 6, "exact", "killed", "military", None, None),
            (2, 2, "exact", "killed", "military", None, None),
            (1, 1, "exact", "killed", "civilian", None, None),
            (1, 1, "exact", "wounded", "civilian", None, None),
            (1, 1, "exact", "wounded", "unknown", None, None),
            (3, 3, "exact", "killed", "unknown", None, None),
        ]
    )


def test_captives_are_captured_a_lost_leg_is_no_death_and_handed_over_is_no_qualifier():
    text = (
        "date 2020-12-14\nYEREVAN (AP) - An exchange.\n\nAzerbaijan handed over 12 captives, and 44 hostages "
        "returned to Armenia. A de-miner lost one leg in the blast. Over 30 soldiers were captured.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (12, 12, "exact", "captured", "unknown", None, None),
            (44, 44, "exact", "captured", "unknown", None, None),
            (31, None, "more_than", "captured", "military", None, None),
        ]
    )


def test_a_period_from_one_day_until_another_or_dashed_dates_its_figures():
    text = (
        "date 2020-10-14\nBAKU (Wire) - Tolls.\n\n“During the shelling since September 27 until October 11, 41 "
        "civilians were killed,” the prosecutor said. Between September 27 – October 10, 12 soldiers were killed.\n"
    )
    began = date(2020, 9, 27)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (41, 41, "exact", "killed", "civilian", began, date(2020, 10, 11)),
            (12, 12, "exact", "killed", "military", began, date(2020, 10, 10)),
        ]
    )


def test_speakers_taken_up_by_a_field_ministry_a_but_clause_an_agency_quoting_him_and_they():
    """ "the foreign ministry" after a state spoke is that state's; "X has launched ..., but said that" is X;
    `“…,” Interfax quotes him` is the person last named; "they wrote" after a sentence opened by a body is the body;
    "said the message" speaks for whoever issued it."""
    text = (
        "date 2020-11-09\nBAKU (Wire) - A helicopter was downed.\n\nAzerbaijan admitted it had shot it down and "
        "apologised. “The Azerbaijani side offers an apology,” the foreign ministry said. The Prosecutor’s Office "
        "of Azerbaijan has launched an investigation, but said that ‘the videos are fake.’\n\nDeputy Minister Artur "
        "Sargsyan spoke at a briefing. “54 more servicemen were killed,” Interfax quotes him.\n\nThe Digital "
        "Forensic Research Lab verified the video. ‘The men were soldiers’, they wrote. “May he rest in peace!” "
        "said the message of the Azerbaijani Defence Ministry.\n"
    )
    rows, _ = draft_text(text)
    assert quotes_of(rows) == [
        ("direct", "azerbaijan-foreign-ministry", "The Azerbaijani side offers an apology,"),
        ("partial", "azerbaijan-prosecutor-general", "the videos are fake."),
        ("direct", "artur-sargsyan", "54 more servicemen were killed,"),
        ("direct", "digital-forensic-research-lab", "The men were soldiers"),
        ("direct", "azerbaijan-defence-ministry", "May he rest in peace!"),
    ]


def test_a_ministry_named_with_its_state_after_it_is_the_state_s_body_under_one_id():
    text = (
        "date 2020-10-14\nBAKU (Wire) - Claims.\n\nThe Ministry of Defence of Armenia said the video was “fake”. "
        "The Ministry of Foreign Affairs of Azerbaijan called it “a lie”. The Azerbaijani Foreign Ministry said "
        "it was “true”.\n"
    )
    rows, _ = draft_text(text)
    assert [s[1] for s in quotes_of(rows)] == [
        "armenia-defence-ministry",
        "azerbaijan-foreign-ministry",
        "azerbaijan-foreign-ministry",
    ]


def test_the_attack_a_paragraph_before_dated_dates_its_casualties_and_a_second_named_one_drops_the_verb():
    """A paragraph that opens with "as a result of the attack" takes the day the paragraph before gave the attack
    (coded, with a note), not a day of fighting it does not call an attack; "X was killed and another soldier Y
    wounded" names two casualties."""
    text = (
        "date 2020-12-28\nBAKU, Azerbaijan, Dec.28\n\nAn armed group attacked Azerbaijani units near Aghdam village "
        "on Dec.27 at about 15:30, the ministry said.\n\nAccording to the ministry, as a result of the attack, "
        "soldier Elmir Ganbarov was killed and another soldier Emin Aliyev wounded.\n\nFighting resumed on "
        "Sunday.\n\nFive civilians were wounded in the attack.\n"
    )
    rows, draft = draft_text(text)
    dec_27 = date(2020, 12, 27)
    assert figures_of(rows) == in_order(
        [
            (1, 1, "exact", "killed", "military", dec_27, dec_27),
            (1, 1, "exact", "wounded", "military", dec_27, dec_27),
            (5, 5, "exact", "wounded", "civilian", None, None),  # the paragraph before tells of no attack
        ]
    )
    assert [c.note for c in draft.claims if c.coded] == [
        "Dated by “on Dec.27”, which dates the attack the sentence before tells of; check."
    ] * 2


def test_dozens_counted_ranges_written_with_to_and_a_headline_under_a_date_line():
    """ "some two dozen" is about 24; "some 70,000 to 75,000" a range, "rose from 10 to 12" no range; a headline
    under a line that gives only the day of publication repeats the story and is not drafted."""
    text = (
        "date 2020-10-28\n28 October 2020, 17:03\nDozens killed as missiles hit Barda\n\nBARDA (Wire) - Armenian "
        "missiles killed some two dozen civilians on Wednesday. Some 70,000 to 75,000 people have been displaced, "
        "and the number of soldiers killed rose from 10 to 12 on Tuesday.\n"
    )
    wednesday, tuesday = date(2020, 10, 28), date(2020, 10, 27)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (24, 24, "approx", "killed", "civilian", wednesday, wednesday),
            (70000, 75000, "approx", "displaced", "civilian", date(2020, 9, 27), wednesday),  # a bare perfect toll
            (12, 12, "exact", "killed", "military", date(2020, 9, 27), tuesday),  # a running toll as of Tuesday
        ]
    )


def test_speakers_after_abbreviated_titles_a_dash_an_agency_quoting_them_and_as_they_put_it():
    """ "said Lt. Col. X", `“…” — said X`, "the Interfax news agency quoted X as saying", "As Aliyev put it" and "a
    senior Armenian official" name their speakers; "put it on the agenda" is no cue; words right after a cue that
    open in lower case ("called for “an immediate ceasefire”") are a partial quotation."""
    text = (
        "date 2020-10-14\nSTEPANAKERT (AP) - Shelling went on.\n\n“This is unacceptable,” said Lt. Col. John "
        "Smith. “The city is empty” — said Anahit Grigoryan, a resident. “There is no military solution,” the "
        "Interfax news agency quoted Dmitry Peskov as saying.\n\nAs Aliyev put it, “we will return”. Russian "
        "Foreign Minister Sergei Lavrov called for “an immediate ceasefire”. A senior Armenian official, who spoke "
        "on condition of anonymity, said the situation was “critical”. Pashinyan put it on the agenda that the "
        "talks were “vital”.\n"
    )
    rows, _ = draft_text(text)
    assert quotes_of(rows) == [
        ("direct", "john-smith", "This is unacceptable,"),
        ("direct", "anahit-grigoryan", "The city is empty"),
        ("direct", "dmitri-peskov", "There is no military solution,"),
        ("direct", "aliyev", "we will return"),
        ("partial", "sergei-lavrov", "an immediate ceasefire"),
        ("partial", "armenia", "critical"),
    ]


def test_date_words_opening_a_sentence_inside_a_quotation_the_same_day_and_an_outbreak_in_a_place():
    """ "Today" opening the second sentence of a quotation dates that sentence's figures, not the one before;
    "on the same day" is the last day its paragraph named (coded, with a note); opening a paragraph that names no
    day, the day of the figure told just before it;
    "War broke out in Nagorno-Karabakh on Sep. 27 ... and hundreds have been killed" runs from that day."""
    text = (
        "date 2020-10-02\nSTEPANAKERT (AP) - Shelling.\n\n“Martakert was shelled yesterday, leaving 3 elderly "
        "civilians dead. Today there was shelling in Martuni, as a result of which 4 were killed,” Beglaryan "
        "said. A court was shelled on September 28, killing one person. Three more people were killed on the same "
        "day in Terter.\n\nOn the same day, five soldiers were killed.\n\nWar broke out in Nagorno-Karabakh on "
        "Sep. 27 over a dispute and hundreds of people have been killed since then.\n"
    )
    rows, draft = draft_text(text)
    oct_1, oct_2, sep_27, sep_28 = date(2020, 10, 1), date(2020, 10, 2), date(2020, 9, 27), date(2020, 9, 28)
    assert figures_of(rows) == in_order(
        [
            (3, 3, "exact", "killed", "civilian", oct_1, oct_1),
            (4, 4, "exact", "killed", "civilian", oct_2, oct_2),
            (1, 1, "exact", "killed", "unknown", sep_28, sep_28),
            (3, 3, "exact", "killed", "unknown", sep_28, sep_28),
            (5, 5, "exact", "killed", "military", sep_28, sep_28),  # carried from the figure told just before
            (None, None, "vague", "killed", "unknown", sep_27, oct_2),
        ]
    )
    assert "“on the same day” taken as “on September 28”, named before it; check." in {c.note for c in draft.claims}


def test_a_quotation_inside_a_participle_clause_opening_the_sentence_is_partial():
    """ "Calling the strike “a war crime”, X said": the reporter's clause holds the words; after "Speaking to
    reporters," a quotation stands on its own."""
    text = (
        "date 2020-10-14\nBAKU (Wire) - Claims.\n\nCalling the strike “a war crime”, Hikmet Hajiyev said Armenia "
        "must stop. Speaking to reporters, “we will win,” Hikmet Hajiyev said.\n"
    )
    rows, _ = draft_text(text)
    assert quotes_of(rows) == [
        ("partial", "hikmet-hajiyev", "a war crime"),
        ("direct", "hikmet-hajiyev", "we will win,"),
    ]


def test_captured_people_before_their_group_executions_another_one_fleeing_and_a_bare_weekday():
    """ "two captured Armenian soldiers" are soldiers, "the shooting of" them kills them; "another soldier" is one;
    "thousands are fleeing" are displaced; wire copy's "died Saturday" dates its figure; "said Monday" dates the
    statement, whose day the figure in it is coded to (with a note), though "the ministry" names no speaker."""
    text = (
        "date 2020-11-30\nBAKU (AP) - A video.\n\nA video showed the shooting of two captured Armenian soldiers. "
        "Dozens of captured Armenian servicemen were shown. Four Azeri civilians died Saturday in a mine blast, "
        "and another soldier was wounded. The ministry said Monday that three soldiers were killed. Thousands of "
        "people are fleeing to Goris.\n"
    )
    saturday = date(2020, 11, 28)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (2, 2, "exact", "killed", "military", None, None),
            (None, None, "vague", "captured", "military", None, None),
            (4, 4, "exact", "killed", "civilian", saturday, saturday),
            (1, 1, "exact", "wounded", "military", None, None),  # day words do not reach across ", and"
            (3, 3, "exact", "killed", "military", date(2020, 11, 30), date(2020, 11, 30)),
            (None, None, "vague", "displaced", "civilian", None, None),
        ]
    )


def test_a_person_opening_a_sentence_who_speaks_next_as_she_and_a_state_s_prosecutor_general():
    """ "X Y was one of those who fled. “…,” she says": X Y is a person, and speaks; a place opening a sentence
    before "she said" is no person. "Azerbaijan's prosecutor general said" is the state's prosecutor's office,
    which "the statement" after it speaks for."""
    text = (
        "date 2020-11-28\nGORIS - Thousands fled.\n\nRoxanna Khacatryan was one of those who fled. “He always gave "
        "me hope,” she says. Nagorno Karabakh is emptying. “We have nowhere to go,” she said.\n\nFour civilians "
        "died Saturday, Azerbaijan's prosecutor general said. “The mine was planted during the retreat,” the "
        "statement said.\n"
    )
    rows, draft = draft_text(text)
    assert quotes_of(rows)[0] == ("direct", "roxanna-khacatryan", "He always gave me hope,")
    assert quotes_of(rows)[-1] == (
        "direct",
        "azerbaijan-prosecutor-general",
        "The mine was planted during the retreat,",
    )
    assert [a.id for a in draft.actors if a.type == "person"] == ["roxanna-khacatryan"]


def test_a_body_s_press_service_speaks_for_it_and_a_paragraph_printed_twice_is_drafted_once():
    """ "the Azerbaijani Defense Ministry's press service reported" is the ministry, for which "the statement" then
    speaks; a standfirst printed again as the first paragraph of the story gives its figure once."""
    text = (
        "date 2020-11-20\nThousands in Armenia fleeing\n\nAs fighting goes on, thousands of people are fleeing to "
        "Goris.\n\nAs fighting goes on, thousands of people are fleeing to Goris.\n\nThe army entered Aghdam "
        "today, the Azerbaijani Defense Ministry's press service reported. “The units entered the district on "
        "November 20,” the statement reads.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == [(None, None, "vague", "displaced", "civilian", None, None)]
    assert [(s["speaker_actor_id"], s["quote_type"]) for s in rows.statements] == [
        ("azerbaijan-defence-ministry", "indirect"),
        ("azerbaijan-defence-ministry", "direct"),
    ]


def test_a_running_total_since_a_truce_took_effect_counts_from_the_day_it_names():
    text = (
        "date 2020-10-13\nBAKU (Reuters) - Three civilians have died since the ceasefire took effect on Saturday. "
        "Since the humanitarian truce came into force on October 10, 12 soldiers have been killed.\n"
    )
    oct_10, oct_13 = date(2020, 10, 10), date(2020, 10, 13)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (3, 3, "exact", "killed", "civilian", oct_10, oct_13),
            (12, 12, "exact", "killed", "military", oct_10, oct_13),
        ]
    )


def test_a_day_earlier_and_the_next_day_count_from_the_day_named_before():
    """Coded with a note; none where the paragraph names no day before."""
    text = (
        "date 2020-10-13\nBAKU (Reuters) - A rocket hit Ganja on Sunday, killing ten civilians. A day earlier, "
        "shelling killed four people in Terter. The next day, two more civilians were killed.\n\nThe day before, "
        "three soldiers died.\n"
    )
    rows, draft = draft_text(text)
    sunday = date(2020, 10, 11)
    assert figures_of(rows) == in_order(
        [
            (10, 10, "exact", "killed", "civilian", sunday, sunday),
            (4, 4, "exact", "killed", "unknown", date(2020, 10, 10), date(2020, 10, 10)),
            (2, 2, "exact", "killed", "civilian", date(2020, 10, 12), date(2020, 10, 12)),
            (3, 3, "exact", "killed", "military", None, None),
        ]
    )
    assert "“A day earlier” counted from “on Sunday”, named before it: 2020-10-10; check." in {
        c.note for c in draft.claims
    }


def test_what_it_called_quotes_the_subject_and_a_participle_clause_opening_the_sentence_quotes_its_subject():
    """ "Azerbaijan launched what it called a “counteroffensive”": Azerbaijan's word; where a speaker spoke before in
    the sentence, the word stays theirs ("X said Armenia had committed what he called “…”"); a quotation inside a
    participle clause opening the sentence is the partial quotation of the main clause's subject."""
    text = (
        "date 2020-10-13\nBAKU (Reuters) - On Sunday, Azerbaijan launched what it called a “counteroffensive” in "
        "the region. Ilham Aliyev said Armenia had committed what he called “a war crime”. Urging “all feasible "
        "measures” to protect civilians, the ICRC called for restraint.\n"
    )
    rows, _ = draft_text(text)
    assert quotes_of(rows) == [
        ("partial", "azerbaijan", "counteroffensive"),
        ("partial", "ilham-aliyev", "a war crime"),
        ("partial", "icrc", "all feasible measures"),
    ]
    assert not [s for s in rows.statements if s["text"] and s["text"].endswith("what he")]  # not cut at "called"


def test_people_being_treated_in_hospital_are_wounded_and_a_father_of_two_is_no_figure():
    """ "1,245 servicemen are being treated in hospitals", "receiving treatment in hospital"; "a father of two had been
    killed" counts no two people."""
    text = (
        "date 2020-12-03\nBAKU (AP) - Presently, 1,245 Azerbaijani servicemen are being treated in hospitals, the "
        "ministry said. Another 30 soldiers are receiving treatment in hospital. The ICRC said a volunteer and father "
        "of two had been killed.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (1245, 1245, "exact", "wounded", "military", None, None),
            (30, 30, "exact", "wounded", "military", None, None),
        ]
    )


def test_a_toll_that_surpassed_or_exceeded_a_number_is_more_than_it():
    """ "The number of soldiers killed has surpassed 100", "the death toll exceeded 200", "civilian deaths topped
    40": the count past the number; "topped 50 kilometres" is no figure."""
    text = (
        "date 2020-10-01\nMOSCOW (Sputnik) - The number of soldiers killed in the fighting has surpassed 100, the "
        "ministry said. The death toll exceeded 200 on Wednesday. The column topped 50 kilometres. Civilian deaths "
        "topped 40.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (101, None, "more_than", "killed", "military", None, None),
            (201, None, "more_than", "killed", "unknown", date(2020, 9, 27), date(2020, 9, 30)),  # the war's, as of
            (41, None, "more_than", "killed", "civilian", date(2020, 9, 27), date(2020, 9, 30)),  # carried, with a note
        ]
    )


def test_a_perfect_tense_toll_the_war_caused_counts_from_its_first_day():
    """ "have died as a result of the military operations", "as a result of the hostilities, ... have been killed":
    a running total of the war in progress, with a note; not "as a result of the shelling" (an attack) nor a past
    tense "died as a result of the fighting in 2016"."""
    text = (
        "date 2020-10-02\nSTEPANAKERT - Ten servicemen have died as a result of the military operations launched "
        "against Armenia, the official said. As a result of the hostilities, 12 civilians have been killed, the "
        "ombudsman said. As a result of the shelling, three people have been wounded. Five soldiers died as a "
        "result of the fighting in 2016.\n"
    )
    rows, draft = draft_text(text)
    war = (date(2020, 9, 27), date(2020, 10, 2))
    assert figures_of(rows) == in_order(
        [
            (10, 10, "exact", "killed", "military", *war),
            (12, 12, "exact", "killed", "civilian", *war),
            (3, 3, "exact", "wounded", "unknown", None, None),
            (5, 5, "exact", "killed", "military", None, None),
        ]
    )
    assert sum("A running total of the war in progress" in (c.note or "") for c in draft.claims) == 2


def test_wire_copy_s_bare_weekday_after_a_place_a_lead_adverb_and_chained_participles_date_figures():
    """ "killed in the shelling of Stepanakert Friday as ...", "In addition, on October 28, ...", "A strike
    yesterday ..., killing 12 and injuring more than 40"; "officials said Friday" (described, not named) dates the
    statement, and the figure with it, as a named speaker's would."""
    text = (
        "date 2020-11-06\nSTEPANAKERT (AP) - At least three civilians were killed in the latest shelling of "
        "Stepanakert Friday as Azerbaijani forces pushed on. Two soldiers were wounded, officials said Friday.\n\n"
        "In addition, on October 28, a missile hit Barda, as a result of which 21 civilians were killed.\n\n"
        "A missile strike yesterday leveled homes in Ganja, killing 12 and injuring more than 40 people.\n"
    )
    rows, _ = draft_text(text)
    friday, thursday, october_28 = date(2020, 11, 6), date(2020, 11, 5), date(2020, 10, 28)
    assert figures_of(rows) == in_order(
        [
            (3, None, "at_least", "killed", "civilian", friday, friday),
            (2, 2, "exact", "wounded", "military", friday, friday),
            (21, 21, "exact", "killed", "civilian", october_28, october_28),
            (12, 12, "exact", "killed", "civilian", thursday, thursday),  # the article's figures are civilians
            (41, None, "more_than", "wounded", "civilian", thursday, thursday),
        ]
    )


def test_pows_in_capitals_and_people_held_in_captivity_are_captured():
    """ "returned three POWs" (soldiers, as the words say), "about 60 soldiers and about 40 civilians are held in
    Azerbaijani captivity"; "died in captivity" is a death."""
    text = (
        "date 2020-12-10\nYEREVAN - Baku returned three POWs to Armenia. About 60 soldiers and about 40 civilians are "
        "held in Azerbaijani captivity, the ombudsman said. Two soldiers died in captivity.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (3, 3, "exact", "captured", "military", None, None),  # prisoners of war are soldiers
            (60, 60, "approx", "captured", "military", None, None),
            (40, 40, "approx", "captured", "civilian", None, None),
            (2, 2, "exact", "killed", "military", None, None),
        ]
    )


def test_a_toll_of_lives_a_participle_claims_has_evidence_that_starts_at_the_participle():
    """ ", claiming more than 4,000 lives": the evidence starts at "claiming", not at the space after the comma (the
    build refuses evidence that starts with a space)."""
    text = (
        "date 2020-11-29\nBAKU (AFP) - Azerbaijan retook the district in clashes that lasted six weeks, claiming more "
        "than 4,000 lives.\n"
    )
    rows, _ = draft_text(text)
    assert [c["evidence"] for c in rows.claims if c["claim_type"] == "killed"] == ["claiming more than 4,000 lives"]


def test_counts_in_brackets_after_the_places_of_a_breakdown_are_figures_of_the_casualty_named_before():
    """An ombudsman's toll by town: "Fatal cases were recorded in Stepanakert (7 people), Martuni (6 people) and
    the village of Alashan (1 person)", "injured in Tartar (3), Aghdam (2)"; not a year or a clock time in
    brackets, nor brackets before any casualty word."""
    text = (
        "date 2020-10-05\nSTEPANAKERT - Azerbaijan shelled Shusha (2020) at dawn. As of October 4, a total of 10 "
        "civilians were killed. Fatal cases were recorded in Stepanakert (7 people), Martuni (2 people) and the "
        "village of Alashan (1 person). Residents were injured in Tartar (3), Aghdam (2) and Barda (10:00). "
        "Those killed in Khojaly (1992) were remembered.\n"
    )
    rows, _ = draft_text(text)
    period = (date(2020, 9, 27), date(2020, 10, 4))
    assert figures_of(rows) == in_order(
        [
            (10, 10, "exact", "killed", "civilian", *period),
            (7, 7, "exact", "killed", "civilian", *period),
            (2, 2, "exact", "killed", "civilian", *period),
            (1, 1, "exact", "killed", "civilian", *period),
            (3, 3, "exact", "wounded", "civilian", *period),  # the report's period, carried with a note
            (2, 2, "exact", "wounded", "civilian", *period),
        ]
    )


def test_grandchildren_are_civilians_and_a_toll_nearing_a_number_is_about_it():
    text = (
        "date 2020-11-06\nSTEPANAKERT (AP) - Two grandchildren of the mayor were killed on Friday. The death toll was "
        "nearing 5,000 by then.\n"
    )
    rows, _ = draft_text(text)
    assert [(f[0], f[2], f[3]) for f in figures_of(rows)] == [(2, "exact", "killed"), (5000, "approx", "killed")]
    assert figures_of(rows)[0][4] == "civilian"


def test_an_article_about_another_war_takes_no_running_total_from_the_registry_s_war():
    """A 2024 article about Sudan's war names no party to the registry's war in progress: its "so far" is not
    dated from 27 September 2020. "The casualties included five children", "Among the dead were two commanders"."""
    text = (
        "date 2024-05-14\nKHARTOUM (Reuters) - A drone strike on a camp near Kosti on Sunday killed four people, "
        "the state governor said. “So far, four dead and seven wounded,” he wrote. The medics' union said the "
        "casualties included five children. Among the dead were two commanders, the army said.\n"
    )
    rows, _ = draft_text(text)
    sunday = date(2024, 5, 12)
    assert figures_of(rows) == in_order(
        [
            (4, 4, "exact", "killed", "unknown", sunday, sunday),
            (4, 4, "exact", "killed", "unknown", None, None),
            (7, 7, "exact", "wounded", "unknown", None, None),
            (5, 5, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "killed", "military", None, None),
        ]
    )


def test_one_building_destroyed_is_no_death_but_tank_crew_and_town_residents_are_people():
    text = (
        "date 2020-10-29\nBARDA - Armenian shelling damaged 65 buildings (one building was completely destroyed). "
        "Two tank crew members were killed. Two town residents were wounded.\n"
    )
    rows, _ = draft_text(text)
    assert [(f[0], f[3]) for f in figures_of(rows)] == [(2, "killed"), (2, "wounded")]


def test_people_feared_killed_are_a_figure_and_people_who_could_die_are_not():
    text = (
        "date 2020-11-09\nBAKU (Reuters) - Several thousand people are feared killed in the fighting in Azerbaijan. "
        "Officials fear 100 people could die.\n"
    )
    rows, _ = draft_text(text)
    assert [(f[2], f[3]) for f in figures_of(rows)] == [("vague", "killed")]


def test_people_added_to_a_figure_with_along_with_or_as_well_as_share_its_casualty_and_days():
    """ "729 of their troops have been killed since Sept. 27, along with 36 civilians"; "12 soldiers were wounded on
    Monday, as well as 5 civilians"; "10 tanks, along with 3 drones" counts no one."""
    text = (
        "date 2020-10-19\nYEREVAN (AP) - Armenian officials say 729 of their troops have been killed since Sept. 27, "
        "along with 36 civilians. Another 12 soldiers were wounded on Monday, as well as 5 civilians. The army lost "
        "10 tanks, along with 3 drones.\n"
    )
    rows, _ = draft_text(text)
    since, monday = (date(2020, 9, 27), date(2020, 10, 19)), (date(2020, 10, 19), date(2020, 10, 19))
    assert figures_of(rows) == in_order(
        [
            (729, 729, "exact", "killed", "military", *since),
            (36, 36, "exact", "killed", "civilian", *since),
            (12, 12, "exact", "wounded", "military", *monday),
            (5, 5, "exact", "wounded", "civilian", *monday),
        ]
    )


def test_the_number_of_casualties_is_a_toll_and_among_the_injured_people_in_a_place_lists_a_part():
    text = (
        "date 2020-10-12\nBAKU - The number of casualties of the Armenian missile strike on Ganja has risen to 10, the "
        "prosecutor said. Among the injured people in Tartar are two local officials.\n"
    )
    rows, _ = draft_text(text)
    assert [(f[0], f[3]) for f in figures_of(rows)] == [(10, "killed"), (2, "wounded")]


def test_a_running_toll_dated_by_one_day_counts_from_the_war_s_first_day_but_not_the_toll_of_one_attack():
    """ "The death toll rose to 95 on Monday": the war's toll as of Monday, with a note; "the death toll from
    Sunday's missile strike rose to 13 on Monday" is that strike's, dated Monday."""
    text = (
        "date 2020-09-29\nBAKU (AP) - Azerbaijan said the death toll rose to 95 on Monday. The death toll from "
        "Sunday's missile strike rose to 13 on Monday.\n"
    )
    rows, draft = draft_text(text)
    monday = date(2020, 9, 28)
    assert {f[0]: f[5:] for f in figures_of(rows)} == {95: (date(2020, 9, 27), monday), 13: (monday, monday)}
    assert "A running toll of the war in progress, from its first day to 2020-09-28; check." in {
        c.note for c in draft.claims
    }


def test_people_still_being_held_are_captured():
    text = "date 2020-12-10\nYEREVAN - At least 60 Armenians are still being held by Azerbaijan, officials said.\n"
    rows, _ = draft_text(text)
    assert [(f[0], f[2], f[3]) for f in figures_of(rows)] == [(60, "at_least", "captured")]


def test_soldiers_who_have_fallen_or_fell_in_battle_are_killed_and_an_editor_s_brackets_keep_the_group():
    """ "have fallen", "fell in battle": killed, of soldiers; towns that "have fallen" and shells that "fell" are no
    figures; "54 [more] fighters": the editor's words in brackets do not hide the group."""
    text = (
        "date 2020-10-03\nSTEPANAKERT - “Sadly, 31 [more] fighters of our army gave their lives,” the commander "
        "said.\n\nAnother 9 servicemen have fallen, the army said. Two villages have fallen to Azerbaijan. Four "
        "rockets fell on the town.\n\nThree conscripts fell in battle on Friday.\n"
    )
    rows, _ = draft_text(text)
    oct_2 = date(2020, 10, 2)
    assert figures_of(rows) == in_order(
        [
            (31, 31, "exact", "killed", "military", None, None),
            (9, 9, "exact", "killed", "military", None, None),
            (3, 3, "exact", "killed", "military", oct_2, oct_2),
        ]
    )


def test_parts_of_a_toll_told_by_how_many_of_it_were_whom_and_the_toll_named_again_is_no_new_figure():
    """ "Three of the eight fatalities were children" after "eight people were killed": three killed, the eight not
    again; "Out of the 25 injured, 9 were women, and four were children": nine and four wounded; "2 out of 12
    soldiers were captured": two, the twelve are the whole of a proportion; "killed a total of 41 civilians"."""
    text = (
        "date 2020-10-20\nBARDA - Azerbaijan said eight people were killed and 25 wounded in Barda on Monday. Three of "
        "the eight fatalities were children. Out of the 25 injured, 9 were women, and four were children.\n\n"
        "Armenia said 2 out of 12 soldiers were captured near Hadrut. Azerbaijan said shelling had killed a total of "
        "41 civilians.\n\nTwo of the wounded are in a critical condition.\n"
    )
    rows, _ = draft_text(text)
    oct_19 = date(2020, 10, 19)
    assert [f[:5] for f in figures_of(rows)] == [
        f[:5]
        for f in in_order(
            [
                (8, 8, "exact", "killed", "unknown", oct_19, oct_19),
                (25, 25, "exact", "wounded", "unknown", oct_19, oct_19),
                (3, 3, "exact", "killed", "civilian", None, None),
                (9, 9, "exact", "wounded", "civilian", None, None),
                (4, 4, "exact", "wounded", "civilian", None, None),
                (2, 2, "exact", "captured", "military", None, None),
                (41, 41, "exact", "killed", "civilian", None, None),
            ]
        )
    ]


def test_a_part_of_a_population_named_by_its_whole_counts_the_part():
    """ "around 60,000 of the region's 120,000 people have fled": the 60,000; the whole is no figure of its own."""
    text = (
        "date 2020-11-02\nYEREVAN - Officials say around 60,000 of Karabakh's 120,000 people have fled their homes.\n"
    )
    rows, _ = draft_text(text)
    assert [f[:4] for f in figures_of(rows)] == [(60000, 60000, "approx", "displaced")]


def test_a_bare_toll_in_the_perfect_tense_is_a_running_total_unless_it_adds_to_one_or_tells_of_one_attack():
    """ "Eighty civilians have been killed": from the war's first day to publication, with a note; "12 more soldiers
    have been killed" adds a day's dead to a toll, and "have been killed in the strike" tells of one attack: no
    dates guessed for either."""
    text = (
        "date 2020-10-21\nBAKU - Eighty civilians have been killed, Azerbaijan said. Armenia said 12 more soldiers "
        "have been killed. Azerbaijan said four people have been killed in the strike on Barda.\n"
    )
    rows, draft = draft_text(text)
    assert [f[:7] for f in figures_of(rows)] == in_order(
        [
            (80, 80, "exact", "killed", "civilian", date(2020, 9, 27), date(2020, 10, 21)),
            (12, 12, "exact", "killed", "military", None, None),
            (4, 4, "exact", "killed", "unknown", None, None),
        ]
    )
    assert draft.claims[0].guessed and rows.claims[0]["date_source"] == "coded"  # a reading, for the reviewer
    joined = text.replace("Eighty civilians have been killed,", "Eighty civilians have been killed and 200 wounded,")
    assert [f[5:] for f in figures_of(draft_text(joined)[0]) if f[0] in (80, 200)] == [
        (date(2020, 9, 27), date(2020, 10, 21))
    ] * 2  # one clause, one reading: "and 200 wounded" shares it


def test_more_than_is_no_increment_and_among_fatalities_needs_no_article():
    """ "More than 200 people have been killed" is a running total like any bare perfect toll ("more than" is its
    qualifier, not "more" dead added to one); "Among fatalities of the strike are a child and two women": a part
    each."""
    text = (
        "date 2020-10-06\nBAKU - More than 200 people have been killed, soldiers and civilians among them.\n\n"
        "Azerbaijan said a strike killed six people in Barda. Among fatalities of the strike are a child and two "
        "women.\n"
    )
    rows, _ = draft_text(text)
    assert [f[:7] for f in figures_of(rows)] == in_order(
        [
            (201, None, "more_than", "killed", "unknown", date(2020, 9, 27), date(2020, 10, 6)),
            (6, 6, "exact", "killed", "unknown", None, None),
            (1, 1, "exact", "killed", "civilian", None, None),
            (2, 2, "exact", "killed", "civilian", None, None),
        ]
    )


def test_things_a_defence_ministry_destroys_and_new_graves_or_residential_buildings_are_no_figures():
    """ "3 ammunition depots were destroyed", "one of the residential buildings was destroyed", "25 new graves were
    dug for those killed": things counted, not people; "Ten new soldiers were killed" still counts soldiers."""
    text = (
        "date 2020-10-05\nBAKU - Azerbaijan said 3 ammunition depots and two radars were destroyed. One of the "
        "residential buildings was completely destroyed. Twenty-five new graves were dug for those killed. Armenia "
        "said ten new soldiers were killed.\n"
    )
    assert [f[:5] for f in figures_of(draft_text(text)[0])] == [(10, 10, "exact", "killed", "military")]


def test_a_total_that_includes_its_parts_after_a_clause_and_a_total_of():
    """ "The 50 prisoners who came home include 35 soldiers and 15 civilians": the total and each part; "a total of
    41" is exactly 41."""
    text = (
        "date 2020-12-15\nYEREVAN - The 50 Armenian prisoners who came home on Monday include 35 servicemen and 15 "
        "civilians, an official said. Azerbaijan said shelling had killed a total of 41 civilians.\n"
    )
    assert [f[:5] for f in figures_of(draft_text(text)[0])] == in_order(
        [
            (50, 50, "exact", "captured", "unknown"),
            (35, 35, "exact", "captured", "military"),
            (15, 15, "exact", "captured", "civilian"),
            (41, 41, "exact", "killed", "civilian"),
        ]
    )


def test_a_part_of_a_toll_told_before_counts_over_the_toll_s_days():
    """ "Four of the nine dead were women" after "nine people were killed on Tuesday": Tuesday, with a note, as
    CONTRIBUTING asks a part to take its total's day; so each part after "Out of the 34 injured," a paragraph on."""
    text = (
        "date 2020-10-08\nTARTAR - Azerbaijan said nine people were killed in Tartar on Tuesday. Four of the nine "
        "dead were women.\n\nThe ministry said 34 people were injured in Barda on Wednesday.\n\nOut of the 34 "
        "injured, 16 were women, and six were children.\n"
    )
    rows, draft = draft_text(text)
    tuesday, wednesday = date(2020, 10, 6), date(2020, 10, 7)
    assert figures_of(rows) == in_order(
        [
            (9, 9, "exact", "killed", "unknown", tuesday, tuesday),
            (4, 4, "exact", "killed", "civilian", tuesday, tuesday),
            (34, 34, "exact", "wounded", "unknown", wednesday, wednesday),
            (16, 16, "exact", "wounded", "civilian", wednesday, wednesday),
            (6, 6, "exact", "wounded", "civilian", wednesday, wednesday),
        ]
    )
    assert "the toll it is a part of" in (draft.claims[1].note or "")


def test_tolls_worded_as_ministries_and_agencies_word_them_after_the_war():
    """ "being treated in medical facilities" (the medical words are the casualty's, not a civilian service's),
    "were seized", "the loss of 103 soldiers", "perished soldiers ... has made at least 1586", "the number of
    fatalities was higher than 4,000", "put the number missing at around 60", "Bodies of 4 more servicemen", and
    "forces" counted as soldiers."""
    text = (
        "date 2020-12-05\nBAKU - A total of 1,245 servicemen are still being treated in medical facilities, "
        "Azerbaijan's defence ministry said. Reports said as many as 60 Armenian soldiers were seized in a raid. "
        "Armenia confirmed the loss of 103 soldiers.\n\nThe number of perished soldiers of the Karabakh army has "
        "made at least 1586. Vladimir Putin said the number of fatalities was higher than 4,000. Armenian officials "
        "put the number missing at around 60.\n\nBodies of 4 more servicemen have been retrieved, Armenia said. "
        "\n"
    )
    rows, _ = draft_text(text)
    values = {
        (c["value_min"], c["value_max"], c["qualifier"], c["claim_type"], c["victim_status"]) for c in rows.claims
    }
    assert values >= {
        (1245, 1245, "exact", "wounded", "military"),
        (None, 60, "up_to", "captured", "military"),
        (103, 103, "exact", "killed", "military"),
        (1586, None, "at_least", "killed", "military"),
        (4001, None, "more_than", "killed", "military"),  # as the paragraph's other figures, with a note
        (60, 60, "approx", "missing", "unknown"),
        (4, 4, "exact", "killed", "military"),
    }
    rows, _ = draft_text("date 2020-11-18\nYEREVAN - Armenia said 2,425 Armenian forces died in the recent conflict.\n")
    assert [(c["value_min"], c["victim_status"]) for c in rows.claims] == [(2425, "military")]


def test_a_dateline_in_the_armenian_agency_s_style_names_the_outlet():
    """ "STEPANAKERT, DECEMBER 25, ARMENPRESS. ...": the agency published the article."""
    _, draft = draft_text(
        "date 2020-12-25\nSTEPANAKERT, DECEMBER 25, ARMENPRESS. Two soldiers of Armenia were wounded on Thursday.\n"
    )
    assert draft.outlet == "armenpress"


def test_parts_of_a_figure_are_drafted_as_parts_of_it():
    """ "Ten people, among them three children" and "Four of the nine dead were women" after "Nine civilians were
    killed": the three and the four are drafted `part_of` their figure, which the build accepts."""
    rows, _ = draft_text(
        "date 2020-10-12\nSTEPANAKERT - Nine civilians were killed in Azerbaijani shelling on Sunday, Armenia said."
        "\n\nFour of the nine dead were women. Ten people, among them three children, were wounded.\n"
    )
    by_id = {c["claim_id"]: c for c in rows.claims}
    parts = sorted(
        (c["value_min"], by_id[c["part_of_claim_id"]]["value_min"]) for c in rows.claims if c["part_of_claim_id"]
    )
    assert parts == [(3, 10), (4, 9)]


def test_a_toll_a_figure_brings_up_counts_its_people_and_lives_claimed_are_deaths():
    """ "54 more military casualties, bringing the death toll to 158": the toll is soldiers'; "bringing the total
    death toll to 200" counts everyone; "a war that claimed at least 5,000 servicemen's lives" is 5,000 killed."""
    rows, _ = draft_text(
        "date 2020-10-03\nSTEPANAKERT - Armenia reported 54 more military casualties, bringing the death toll to 158."
        "\n\nA war that claimed at least 5,000 servicemen's lives ended in November, Armenia said.\n\nAzerbaijan "
        "reported 12 more civilian deaths, bringing the total death toll to 200.\n"
    )
    values = [(c["value_min"], c["qualifier"], c["claim_type"], c["victim_status"]) for c in rows.claims]
    assert values == [
        (54, "exact", "killed", "military"),
        (158, "exact", "killed", "military"),
        (5000, "at_least", "killed", "military"),
        (12, "exact", "killed", "civilian"),
        (200, "exact", "killed", "unknown"),
    ]


def test_things_reports_show_and_houses_destroyed_are_no_casualties():
    """ "Several videos appeared to show captured soldiers", "several hotels ... for the displaced" count no
    people; "the house where a wounded elderly woman lived was destroyed" kills nobody, while "40 servicemen were
    destroyed", a defence ministry's word, are 40 killed."""
    rows, _ = draft_text(
        "date 2020-11-03\nBAKU - Several videos posted online appeared to show captured soldiers, Armenia said. "
        "Several hotels have been made available to the displaced, Armenia said. The house where a wounded elderly "
        "woman was living was completely destroyed, Azerbaijan said. Armenia said 40 servicemen were destroyed.\n"
    )
    assert [(c["value_min"], c["claim_type"], c["victim_status"]) for c in rows.claims] == [(40, "killed", "military")]


def test_parts_counted_of_whom_or_out_of_which_and_an_army_s_men_lost():
    """ "200 people were wounded, 120 of whom are in serious condition", "has lost 1,280 men, 180 out of which
    near Karvachar": parts of the figure before ("in serious condition" is a wound); an army that "lost" men lost
    soldiers."""
    rows, _ = draft_text(
        "date 2020-10-01\nYEREVAN - Armenia said 200 people were wounded in Stepanakert, 120 of whom are in serious "
        "condition.\n\nAzerbaijan has lost 1,280 men, 180 out of which near Karvachar, Armenia said.\n"
    )
    by_id = {c["claim_id"]: c for c in rows.claims}
    found = [
        (
            c["value_min"],
            c["claim_type"],
            c["victim_status"],
            by_id[c["part_of_claim_id"]]["value_min"] if c["part_of_claim_id"] else None,
        )
        for c in rows.claims
    ]
    assert found == [
        (200, "wounded", "unknown", None),
        (120, "wounded", "unknown", 200),
        (1280, "killed", "military", None),
        (180, "killed", "military", 1280),
    ]
