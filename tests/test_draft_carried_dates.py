"""Dates carried to a figure from what was told just before it (scripts/draft/carried_dates.py). Each article is
written for the test in the style of an ombudsman's report, a prosecutor's statement and wire copy."""

from datetime import date

from tests.test_draft import WAR_BEGAN, draft_text, figures_of, in_order

BEGAN = date(2020, 9, 27)


def test_a_report_gives_its_period_once_and_every_figure_of_its_findings_counts_over_it():
    """The period dates the report's opening sentence about attacks; words that only introduce the findings ("The
    findings are set out below:") stand between; the findings run over paragraphs with no date words of their own
    ("the above-mentioned" is no attribution verb)."""
    text = (
        "date 2020-10-02\nSTEPANAKERT - The Armenian ombudsman's staff documented the attacks on civilians in the "
        "region on September 27-30, 2020. The findings are set out below:\n\nIn all, 9 civilians were killed, "
        "among them two children.\n\nOn the whole, 40 civilians were wounded. 12 of the above-mentioned were "
        "wounded in their homes.\n"
    )
    rows, draft = draft_text(text)
    sep_30 = date(2020, 9, 30)
    assert figures_of(rows) == in_order(
        [
            (9, 9, "exact", "killed", "civilian", BEGAN, sep_30),
            (2, 2, "exact", "killed", "civilian", BEGAN, sep_30),
            (40, 40, "exact", "wounded", "civilian", BEGAN, sep_30),
            (12, 12, "exact", "wounded", "civilian", BEGAN, sep_30),
        ]
    )
    notes = [c.note for c in draft.claims if c.coded]
    assert "Dated as “on September 27-30, 2020”, the time the sentence before gives an attack; check." in notes
    assert "Dated as the figure told just before it (“40 civilians were wounded”); check." in notes


def test_a_day_given_to_an_attack_dates_the_casualties_the_next_sentence_counts():
    """ "Today, October 4, ..." names one day twice; the casualties follow in the next paragraph, and the figure
    after them in the same statement takes their day."""
    text = (
        "date 2020-10-04\nBAKU - According to Azerbaijan's prosecutor's office, today, October 4, 2020, at about 9 am, "
        "the city of Ganja came under rocket fire.\n\nAccording to the information received, one resident was "
        "killed and 27 people received injuries. Two more residents were wounded by shrapnel.\n"
    )
    oct_4 = date(2020, 10, 4)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (1, 1, "exact", "killed", "civilian", oct_4, oct_4),
            (27, 27, "exact", "wounded", "civilian", oct_4, oct_4),
            (2, 2, "exact", "wounded", "civilian", oct_4, oct_4),
        ]
    )


def test_no_date_is_carried_across_a_statement_a_guess_another_group_a_gap_other_days_or_into_a_toll():
    """Not from the day of a statement ("On Monday, the army said ..."), not to a figure of a statement of its own
    ("officials said"), not from a war's running total (itself a guess), not from civilians to soldiers, not over
    a paragraph with no figure, not past other date words, not a day into a toll."""
    text = (
        "date 2020-10-09\nSTEPANAKERT - On Monday, the Armenian army said it had repelled an attack. Five soldiers "
        "were killed.\n\nA rocket hit a school in Martuni on Tuesday, killing three children.\n\nSome 2,000 "
        "people have fled the town, officials said.\n\nThe war has claimed 700 lives. In Hadrut, 30 people were "
        "killed.\n\nA shell killed four civilians in Askeran on Wednesday. Six soldiers were wounded.\n\nA drone "
        "struck a bus on Thursday, killing two civilians.\n\nThe town was quiet.\n\nTwo more civilians were "
        "wounded.\n\nA drone struck a car on Thursday, killing two civilians. The town was calm on Wednesday. "
        "Another civilian was killed.\n\nShelling killed a farmer on Thursday. The death toll in the town rose "
        "to 11.\n"
    )
    rows, _ = draft_text(text)
    tuesday, wednesday, thursday = date(2020, 10, 6), date(2020, 10, 7), date(2020, 10, 8)
    assert figures_of(rows) == in_order(
        [
            (5, 5, "exact", "killed", "military", None, None),  # Monday is the day the army spoke
            (3, 3, "exact", "killed", "civilian", tuesday, tuesday),
            (2000, 2000, "approx", "displaced", "civilian", None, None),  # officials' own statement
            (700, 700, "exact", "killed", "unknown", BEGAN, date(2020, 10, 9)),  # guessed from "the war has"
            (30, 30, "exact", "killed", "unknown", None, None),  # ... and not passed on
            (4, 4, "exact", "killed", "civilian", wednesday, wednesday),
            (6, 6, "exact", "wounded", "military", None, None),  # soldiers after civilians
            (2, 2, "exact", "killed", "civilian", thursday, thursday),
            (2, 2, "exact", "wounded", "civilian", None, None),  # a paragraph with no figure between
            (2, 2, "exact", "killed", "civilian", thursday, thursday),
            (1, 1, "exact", "killed", "civilian", None, None),  # another day named between
            (1, 1, "exact", "killed", "civilian", thursday, thursday),
            (11, 11, "exact", "killed", "civilian", None, None),  # a toll does not count over one day
        ]
    )


def test_the_strike_told_before_gives_its_day_and_the_reporting_period_the_period_named_before():
    """ "the strike had hit ..., killing 21" takes the one day an earlier sentence gives the strike, past a
    sentence with no date words; not the day of a statement, not one of two days, not a period; "in the reporting
    period" is the last period of several days named before, and none where only a day was named."""
    text = (
        "date 2020-10-28\nBAKU - Azerbaijan said Armenian forces killed civilians in a missile strike on Barda on "
        "Wednesday, in a month of fighting.\n\nA presidential aide said cluster munitions were used.\n\nThe "
        "prosecutor's office said the strike had hit a market, killing 21 civilians and wounding at least 70."
        "\n\nAzerbaijan said on Tuesday that Armenian shells had hit Terter. The shelling killed four civilians."
        "\n\nRockets hit Tovuz on Monday and shelling hit Goranboy on Sunday. The attack killed two farmers.\n\n"
        "Officials met in Baku. Six civilians were wounded during that period.\n\nThe Azerbaijani ombudsman "
        "counted the victims between September 27 and October 20. About 90 people were wounded in the reporting "
        "period, of whom 30 were seriously wounded.\n"
    )
    rows, draft = draft_text(text)
    wednesday = date(2020, 10, 28)
    assert figures_of(rows) == in_order(
        [
            (21, 21, "exact", "killed", "civilian", wednesday, wednesday),
            (70, None, "at_least", "wounded", "civilian", wednesday, wednesday),
            (4, 4, "exact", "killed", "civilian", None, None),  # Tuesday is the day Azerbaijan spoke
            (2, 2, "exact", "killed", "civilian", None, None),  # two days: either
            (90, 90, "approx", "wounded", "civilian", BEGAN, date(2020, 10, 20)),
            (30, 30, "exact", "wounded", "civilian", BEGAN, date(2020, 10, 20)),
            (6, 6, "exact", "wounded", "civilian", None, None),  # "that period", but only a day was named
        ]
    )
    notes = {c.note for c in draft.claims if c.coded}
    assert "Dated as “on Wednesday”, the day of the attack an earlier sentence tells of; check." in notes
    assert "Dated as “between September 27 and October 20”, the period named before; check." in notes


def test_a_day_before_the_attribution_that_closes_its_sentence_is_the_attacks():
    """ "A drone attacked Martuni on Saturday, the centre reported": the day is the attack's, so the next sentence's
    casualties take it; "On Sunday, the ministry said a drone had attacked Askeran" dates the statement."""
    text = (
        "date 2020-10-05\nSTEPANAKERT - A drone attacked Martuni on Saturday, the Armenian government's "
        "information centre reported. According to preliminary data, two people were killed.\n\nOn Sunday, the "
        "Armenian defence ministry said a drone had attacked Askeran. Three people were wounded.\n"
    )
    saturday = date(2020, 10, 3)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (2, 2, "exact", "killed", "unknown", saturday, saturday),
            (3, 3, "exact", "wounded", "unknown", None, None),
        ]
    )


def test_times_of_a_day_date_figures_and_a_day_before_the_attribution_verb_dates_the_statement():
    """ "late Sunday", "in the early hours of Monday" and "Sunday evening" date their figures (and stop a date
    carried from the figure before); "the ombudsman late Monday reported" dates the report, not the deaths; a part
    counted "10 of them critically" is a figure of the whole's kind."""
    text = (
        "date 2020-10-13\nBAKU (Reuters) - Two people died of their wounds overnight. The attack left 18 people "
        "dead and dozens wounded late Sunday. Three soldiers were killed in clashes in the early hours of Monday. "
        "Shelling killed four civilians Sunday evening.\n\nThe Azerbaijani ombudsman late Monday reported at least "
        "31 civilian deaths. At least 30 people were injured, 10 of them critically.\n"
    )
    sunday, monday = date(2020, 10, 11), date(2020, 10, 12)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (2, 2, "exact", "killed", "unknown", monday, date(2020, 10, 13)),
            (18, 18, "exact", "killed", "unknown", sunday, sunday),
            (None, None, "vague", "wounded", "unknown", sunday, sunday),
            (3, 3, "exact", "killed", "military", monday, monday),
            (4, 4, "exact", "killed", "civilian", sunday, sunday),
            (31, None, "at_least", "killed", "civilian", None, None),
            (30, None, "at_least", "wounded", "unknown", None, None),
            (10, 10, "exact", "wounded", "unknown", None, None),
        ]
    )


def test_a_clock_time_does_not_end_a_clause_the_blast_after_a_figure_and_no_day_for_the_latest_shelling():
    """ "killed as a result of the incident at about 13:00 on September 29" is dated (a time's colon ends no clause);
    "was killed in the blast" takes the day an earlier sentence gives the explosion, and the casualties the sentence
    with that day tells of next ("A peacekeeper and four rescuers were wounded as well") take it too; "by the latest
    shelling" names no particular attack; a statement of its own ("..., the ministry said") takes no day from the
    sentence before."""
    text = (
        "date 2020-11-30\nBAKU (AP) - A resident, Elmaddin Saryev, was killed as a result of the incident at about "
        "13:00 (GMT+4) on September 29.\n\nAn Azerbaijani officer was killed in a mine explosion on November 23. A "
        "Russian peacekeeper and four rescuers were wounded as well.\n\nColonel Babek Samidli was killed in the "
        "blast.\n\nThe Red Cross said around 200 people were missing after the latest shelling.\n\nFour Azeri "
        "civilians died Saturday in a mine blast. Three soldiers were killed, the ministry said.\n"
    )
    nov_23, saturday = date(2020, 11, 23), date(2020, 11, 28)
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (1, 1, "exact", "killed", "civilian", date(2020, 9, 29), date(2020, 9, 29)),
            (1, 1, "exact", "killed", "military", nov_23, nov_23),
            (1, 1, "exact", "wounded", "military", nov_23, nov_23),
            (4, 4, "exact", "wounded", "civilian", nov_23, nov_23),  # of another kind, but told in the sentence after
            (1, 1, "exact", "killed", "military", nov_23, nov_23),
            (200, 200, "approx", "missing", "unknown", None, None),
            (4, 4, "exact", "killed", "civilian", saturday, saturday),
            (3, 3, "exact", "killed", "military", None, None),
        ]
    )


def test_a_statement_made_today_of_attacks_dates_the_figure_after_it_an_earlier_day_s_statement_does_not():
    """ "Today, officials reported rocket fire on Martuni. / Three residents were wounded.": the story's own day,
    with a note; "On Monday, the army said it had repelled an attack" dates only the statement."""
    text = (
        "date 2020-10-29\nSTEPANAKERT - Today, Armenian officials reported rocket fire on Martuni. Three residents "
        "were wounded.\n\nOn Monday, the army said it had repelled an attack. Two soldiers were wounded.\n"
    )
    rows, _ = draft_text(text)
    thursday = date(2020, 10, 29)
    assert figures_of(rows) == in_order(
        [
            (3, 3, "exact", "wounded", "civilian", thursday, thursday),
            (2, 2, "exact", "wounded", "military", None, None),
        ]
    )


def test_the_day_of_a_dateline_dates_no_figure_of_the_story():
    """ "Yerevan, Oct 17 (efe-epa).- ...", "STEPANAKERT, Oct. 17 (AP) - ...": the dateline's day is the day of
    publication; the figures keep the days their own words give ("overnight", "on Friday"), and the agency of
    the dateline is still the outlet."""
    rows, draft = draft_text(
        "date 2020-10-17\nYerevan, Oct 17 (efe-epa).- Two soldiers were killed and five wounded overnight in "
        "Azerbaijani shelling, Armenia said.\n"
    )
    night = (date(2020, 10, 16), date(2020, 10, 17))
    assert figures_of(rows) == in_order(
        [(2, 2, "exact", "killed", "military", *night), (5, 5, "exact", "wounded", "military", *night)]
    )
    rows, draft = draft_text(
        "date 2020-10-17\nSTEPANAKERT, Oct. 17 (AP) - Three civilians were killed by shelling, Armenia said.\n"
    )
    assert figures_of(rows) == [(3, 3, "exact", "killed", "civilian", None, None)]
    assert draft.outlet == "ap"


def test_reported_tolls_of_the_war_count_from_its_first_day():
    """Reported speech backshifts the perfect: "said 40 soldiers had been killed in fighting that began on Sept.
    27" and "said 12 civilians had been killed" are running totals, as "have been" would be; so is a toll
    "confirmed dead" or "hospitalized"; a toll "killed during the escalation" counts the war up to the day of its
    statement. Narrative "had been killed" with no one reporting it is no running total."""
    war = (WAR_BEGAN, date(2020, 10, 19))
    rows, _ = draft_text(
        "date 2020-10-19\nSTEPANAKERT - Armenia said 40 soldiers had been killed in fighting that began on Sept. 27. "
        "Azerbaijan said 12 civilians had been killed and 50 wounded.\n\nAt least nine civilians have been confirmed "
        "dead in the fighting, and 30 civilians have been hospitalized.\n"
    )
    assert figures_of(rows) == in_order(
        [
            (40, 40, "exact", "killed", "military", *war),
            (12, 12, "exact", "killed", "civilian", *war),
            (50, 50, "exact", "wounded", "civilian", *war),
            (9, None, "at_least", "killed", "civilian", *war),
            (30, 30, "exact", "wounded", "civilian", *war),
        ]
    )
    rows, _ = draft_text(
        "date 2020-12-03\nBAKU - Azerbaijan's defence ministry said on Thursday that 2,783 soldiers were killed "
        "during the escalation.\n\nBy then two soldiers had been killed near Hadrut, Azerbaijan's army said.\n"
    )
    assert figures_of(rows) == in_order(
        [
            (2783, 2783, "exact", "killed", "military", WAR_BEGAN, date(2020, 12, 3)),
            (2, 2, "exact", "killed", "military", None, None),  # "by then": of no day the draft can tell
        ]
    )
    rows, _ = draft_text("date 2020-10-19\nIn Hadrut, two soldiers of Armenia had been killed before the truce.\n")
    assert figures_of(rows) == [(2, 2, "exact", "killed", "military", None, None)]


def test_a_figure_of_strikes_on_days_listed_is_dated_over_their_span():
    """ "missile strikes on October 4th, 5th, 8th and 17th killed 26 civilians": the list's span, as the build reads
    it, for the figure and its parts."""
    rows, _ = draft_text(
        "date 2020-11-03\nBAKU - Missile strikes on Ganja on October 4th, 5th, 8th and 17th killed 26 civilians, "
        "including six children, Azerbaijan said.\n"
    )
    span = (date(2020, 10, 4), date(2020, 10, 17))
    assert figures_of(rows) == in_order(
        [(26, 26, "exact", "killed", "civilian", *span), (6, 6, "exact", "killed", "civilian", *span)]
    )


def test_a_war_toll_in_a_statement_of_a_named_day_counts_the_war_up_to_that_day():
    """ "the death toll ... rose to 300, the ministry said on Friday": the war's toll up to Friday; the toll of one
    strike, said on Friday, is Friday's."""
    friday = date(2020, 10, 16)
    rows, _ = draft_text(
        "date 2020-10-17\nYEREVAN - The death toll among Armenian servicemen rose to 300, Armenia's defence ministry "
        "said on Friday.\n\nThe death toll from the missile strike on Ganja rose to 13, Azerbaijan said on Friday.\n"
    )
    assert figures_of(rows) == in_order(
        [
            (300, 300, "exact", "killed", "military", WAR_BEGAN, friday),
            (13, 13, "exact", "killed", "unknown", friday, friday),
        ]
    )


def test_figures_under_a_lead_that_dates_the_story_take_its_day():
    """ "Rockets hit a hospital in Stepanakert Wednesday ...": one day's events follow; a figure told in the past
    without date words in the next paragraphs takes Wednesday ("In Shushi, one civilian was killed"); a toll
    ("have been killed"), a war's count or a figure after other date words does not."""
    wednesday = date(2020, 10, 28)
    rows, _ = draft_text(
        "date 2020-10-28\nSTEPANAKERT (AP) - Rockets hit a hospital and homes in Stepanakert Wednesday as fighting "
        "between Armenia and Azerbaijan went on.\n\nAzerbaijan accused Armenia of a missile strike on Barda that "
        "killed 21 civilians.\n\nIn Shushi, one civilian was killed and two were wounded, Armenia said. In all, 30 "
        "soldiers of Armenia died in the battles.\n\nSince the fighting began, 40 civilians have been killed, Armenia "
        "said.\n\nThe market was closed.\n\nIn Martuni, three soldiers of Armenia were wounded.\n"
    )
    assert figures_of(rows) == in_order(
        [
            (21, 21, "exact", "killed", "civilian", wednesday, wednesday),
            (1, 1, "exact", "killed", "civilian", wednesday, wednesday),
            (2, 2, "exact", "wounded", "civilian", wednesday, wednesday),
            (30, 30, "exact", "killed", "military", None, None),  # the battles': no one day's
            (40, 40, "exact", "killed", "civilian", WAR_BEGAN, wednesday),
            (3, 3, "exact", "wounded", "military", None, None),
        ]
    )
