"""The status a figure takes from who gives it (scripts/draft/statuses.py): a defence ministry's bare count is of
soldiers. Articles written for the test in the style of wire copy and of the parties' agencies."""

from datetime import date

from tests.test_draft import draft_text, figures_of, in_order


def test_a_bare_count_a_military_body_or_its_spokeswoman_gives_counts_soldiers():
    """ "The Defence Ministry has reported 16 killed" (the body as subject), a count the ministry's statement gives,
    one its spokeswoman gives, a general's and a deputy defence minister's; with a note naming the source."""
    text = (
        "date 2020-09-28\nYEREVAN (Reuters) - Armenia's Defence Ministry has reported 16 killed and more than 100 "
        "wounded in clashes with Azerbaijani troops.\n\nThe Armenian defence ministry said 30 more were killed.\n\n"
        "Shushan Stepanyan, a spokeswoman for the Armenian defence ministry, later announced 12 dead.\n\nKarabakh's "
        "Defence Army officials have reported around 532 dead since the fighting began.\n\nMayis Barkhudarov said 14 "
        "were wounded.\n\nKarabakh's Deputy Defence Minister Artur Sarkisyan said 20 were captured.\n"
    )
    rows, draft = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (16, 16, "exact", "killed", "military", None, None),
            (101, None, "more_than", "wounded", "military", None, None),
            (30, 30, "exact", "killed", "military", None, None),
            (12, 12, "exact", "killed", "military", None, None),
            (532, 532, "approx", "killed", "military", date(2020, 9, 27), date(2020, 9, 28)),
            (14, 14, "exact", "wounded", "military", None, None),  # a general of the armed forces (registry)
            (20, 20, "exact", "captured", "military", None, None),  # a minister of defence, by his title
        ]
    )
    notes = {c.note for c in draft.claims}
    assert "'military': a bare count given by armenia-defence-ministry; check it counts soldiers." in notes
    assert "'military': a bare count given by Defence Army officials; check it counts soldiers." in notes


def test_a_military_body_gives_counts_of_civilians_of_residents_and_of_both_sides_as_their_words_say():
    """Not soldiers: a count that names civilians, residents or nationals, a count "on both sides", and a bare
    count a prosecutor gives."""
    text = (
        "date 2020-09-28\nBAKU (AP) - Azerbaijan's defence ministry said 5 civilians were killed. The Azerbaijani "
        "defence ministry said 7 residents were wounded. It said 8 Armenian nationals were captured.\n\nThe "
        "Azerbaijani defence ministry said 300 were killed on both sides.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (5, 5, "exact", "killed", "civilian", None, None),
            (7, 7, "exact", "wounded", "civilian", None, None),
            (8, 8, "exact", "captured", "unknown", None, None),  # a noun says whose people: not a bare count
            (300, 300, "exact", "killed", "unknown", None, None),
        ]
    )
    prosecutor = "date 2020-09-28\nBAKU (AP) - Azerbaijan's prosecutor general's office said 9 were killed.\n"
    assert figures_of(draft_text(prosecutor)[0]) == [(9, 9, "exact", "killed", "unknown", None, None)]


def test_a_toll_of_named_people_counts_them_and_people_taken_to_hospital_are_wounded():
    """ "The toll of dead soldiers reached 300" counts soldiers, "the death toll among civilians" civilians, a bare
    death toll everyone; "was hospitalized", "were taken to hospital" are wounded; a listed group may name whom it
    works for ("two photographers of Paris Match, a cameraman for ... and a reporter")."""
    text = (
        "date 2020-10-02\nSTEPANAKERT (AP) - Shelling killed 3 civilians.\n\nThe toll of dead soldiers reached 300. "
        "The death toll among civilians rose to 40. The death toll rose to 500.\n\nOne reporter was hospitalized in "
        "critical condition. Five people were taken to hospital.\n\nTwo photographers of Paris Match, a cameraman "
        "for the Armenia TV channel and a reporter of Lurer were wounded.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (3, 3, "exact", "killed", "civilian", None, None),
            (300, 300, "exact", "killed", "military", None, None),
            (40, 40, "exact", "killed", "civilian", None, None),
            (500, 500, "exact", "killed", "unknown", None, None),
            (1, 1, "exact", "wounded", "civilian", None, None),
            (5, 5, "exact", "wounded", "unknown", None, None),  # soldiers are named in the article too
            (2, 2, "exact", "wounded", "civilian", None, None),
            (1, 1, "exact", "wounded", "civilian", None, None),
            (1, 1, "exact", "wounded", "civilian", None, None),
        ]
    )


def test_words_of_killing_and_captives_killed_after_capture():
    """ "gunned down", "fatally wounded", "executed" and "beheaded" kill; captives or prisoners a killing word
    follows were killed, captives handed over stay captured."""
    text = (
        "date 2020-10-13\nBAKU (Reuters) - Two men were gunned down. A video shows two captives being executed. "
        "Five prisoners were beheaded. Twelve captives were handed over.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (2, 2, "exact", "killed", "unknown", None, None),
            (2, 2, "exact", "killed", "unknown", None, None),
            (5, 5, "exact", "killed", "unknown", None, None),
            (12, 12, "exact", "captured", "unknown", None, None),
        ]
    )
    farmer = "date 2020-10-13\nBAKU (Reuters) - A farmer was fatally wounded.\n"
    assert figures_of(draft_text(farmer)[0]) == [(1, 1, "exact", "killed", "civilian", None, None)]


def test_words_before_a_count_that_make_it_dead_are_read_at_the_start_of_a_sentence_too():
    text = (
        "date 2020-10-13\nBAKU (Reuters) - The bodies of 30 soldiers were recovered. Search teams found the remains "
        "of 8 servicemen. Killing 4 civilians, the strike destroyed a school.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (30, 30, "exact", "killed", "military", None, None),
            (8, 8, "exact", "killed", "military", None, None),
            (4, 4, "exact", "killed", "civilian", None, None),
        ]
    )


def test_counts_of_things_and_of_bodies_defiled_are_no_figures_and_scaled_digits_are_read():
    """ "one of those towns", "at least three sources", "many landmarks" and soldiers "accused of defiling the
    bodies" count no dead; "about 15 thousand people died" is 15,000; "martyring three soldiers" kills them; a
    peacekeeper is a soldier; a list's next figure with a verb of its own ("5.8 thousand people suffered material
    damage") is not of the kind before; "the Armed Forces have suffered 300 human casualties" are soldiers."""
    text = (
        "date 2020-12-14\nBAKU (AFP) - Baku announced the arrest of four Azerbaijani soldiers, two accused of "
        "defiling the bodies of Armenian troops. In one of those towns, Martuni, four civilians died. The "
        "monitor's list confirmed by at least three sources currently consists of five civilians, all men, "
        "killed with guns. Many landmarks have been destroyed.\n\nIn Afghanistan about 15 "
        "thousand people died. The attack, martyring three soldiers and wounding two civilians, was condemned. A "
        "Russian peacekeeper was wounded.\n\nAt least 20 civilians were killed, 93 injured, 5.8 thousand people "
        "suffered material damage. The Azerbaijani Armed Forces have suffered 300 human casualties, Armenia said.\n"
    )
    assert figures_of(draft_text(text)[0]) == in_order(
        [
            (4, 4, "exact", "killed", "civilian", None, None),
            (5, 5, "exact", "killed", "civilian", None, None),
            (15000, 15000, "approx", "killed", "unknown", None, None),
            (3, 3, "exact", "killed", "military", None, None),
            (2, 2, "exact", "wounded", "civilian", None, None),
            (1, 1, "exact", "wounded", "military", None, None),
            (20, None, "at_least", "killed", "civilian", None, None),
            (93, 93, "exact", "wounded", "civilian", None, None),
            (300, 300, "exact", "killed", "military", None, None),
        ]
    )


def test_a_military_source_s_bare_count_is_of_soldiers_even_where_the_article_counts_civilians():
    """The source's reading comes before the article's: an article of civilian figures where a defence ministry
    spokesman's "370 dead" and a commander's "84 dead" are soldiers."""
    text = (
        "date 2020-09-29\nYEREVAN (AFP) - Two civilians were killed and 30 civilians wounded on Monday, officials "
        "said.\n\nArmenian Defense Ministry spokesman Artsrun Hovhannisyan said the attackers lost 370 dead.\n\n"
        "Artur Sargsyan, deputy commander of the Karabakh military, said their losses amounted to 84 dead.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (2, 2, "exact", "killed", "civilian", date(2020, 9, 28), date(2020, 9, 28)),
            (30, 30, "exact", "wounded", "civilian", date(2020, 9, 28), date(2020, 9, 28)),
            (370, 370, "exact", "killed", "military", None, None),
            (84, 84, "exact", "killed", "military", None, None),
        ]
    )


def test_military_or_civilian_before_a_noun_of_any_people_or_a_casualty_word_says_the_status():
    """ "104 military deaths", "10 of its military staff", "15 civilian deaths", "2,300 separatist troops"; not
    "two military vehicles", which are things."""
    text = (
        "date 2020-10-01\nBAKU (AP) - Armenia has recorded 104 military deaths. The region declared 10 of its "
        "military staff dead. There were 15 civilian deaths. Baku said it killed 2,300 Karabakh separatist troops. "
        "Two military vehicles were destroyed.\n"
    )
    rows, _ = draft_text(text)
    assert figures_of(rows) == in_order(
        [
            (104, 104, "exact", "killed", "military", None, None),
            (10, 10, "exact", "killed", "military", None, None),
            (15, 15, "exact", "killed", "civilian", None, None),
            (2300, 2300, "exact", "killed", "military", None, None),
        ]
    )
