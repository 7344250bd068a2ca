"""Pure functions: figures, dates, spans and the disagreement rule, on in-memory input."""

from __future__ import annotations

from datetime import date

import pytest

from scripts.build.disagreements import derive_disagreements
from scripts.build.registry import Registry
from scripts.reading.dates import CALENDAR, Period, check_precision, resolve
from scripts.reading.quantities import parse_quantity, qualifier_problem
from scripts.reading.quotes import bounded, marks, passages
from scripts.reading.spans import SpanError, locate

TUESDAY, MONDAY = date(2020, 9, 29), date(2020, 9, 28)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("53", ("exact", 53, 53)),
        ("two", ("exact", 2, 2)),
        ("twenty-one", ("exact", 21, 21)),
        ("1,200", ("exact", 1200, 1200)),
        ("around 200", ("approx", 200, 200)),
        ("some 500", ("approx", 500, 500)),
        ("at least 55", ("at_least", 55, None)),
        ("more than 100", ("more_than", 101, None)),
        ("surpassed 100", ("more_than", 101, None)),  # "the death toll surpassed 100"
        ("nearing 5,000", ("approx", 5000, 5000)),  # "the death toll was nearing 5,000"
        ("exceeded 1,000", ("more_than", 1001, None)),
        ("up to 30", ("up_to", None, 30)),
        ("fewer than 10", ("up_to", None, 9)),
        ("an additional 27", ("exact", 27, 27)),
        ("a total of 41", ("exact", 41, 41)),  # "killed a total of 41 civilians"
        ("between 20 and 30", ("exact", 20, 30)),
        ("two more", ("exact", 2, 2)),
        ("32 others", ("exact", 32, 32)),
        ("another five", ("exact", 5, 5)),
        ("dozens more", ("vague", None, None)),
        ("hundreds of thousands", ("vague", None, None)),
        ("Dozens", ("vague", None, None)),
        ("several hundred", ("vague", None, None)),  # no number given, not "hundred"
        ("a few thousand", ("vague", None, None)),
        ("two dozen", ("exact", 24, 24)),
        ("some two dozen", ("approx", 24, 24)),
        ("a dozen", ("exact", 12, 12)),
        ("half a dozen", ("exact", 6, 6)),
        ("some 70,000 to 75,000", ("approx", 70000, 75000)),
        ("at least 260-280", ("at_least", 260, None)),
        ("up to 20-30", ("up_to", None, 30)),
        ("about 15 thousand", ("approx", 15000, 15000)),  # digits with a scale word
        ("1.5 million", ("exact", 1500000, 1500000)),
    ],
)
def test_figures_are_read_from_their_words(words, expected):
    q = parse_quantity(words)
    assert (q.qualifier, q.value_min, q.value_max) == expected


@pytest.mark.parametrize(
    "words", ["a lot of", "53 or 54 maybe", "several hundred thousand odd", "1.5", "0.0001 thousand"]
)
def test_unreadable_figures_are_left_to_the_coder(words):
    assert parse_quantity(words) is None


@pytest.mark.parametrize(
    "qualifier, low, high, ok",
    [
        ("exact", 5, 5, True),
        ("exact", 5, None, False),
        ("at_least", 5, None, True),
        ("at_least", 5, 9, False),
        ("up_to", None, 9, True),
        ("up_to", 1, 9, False),
        ("vague", None, None, True),
        ("vague", 100, None, False),
        ("approx", 9, 5, False),
        (None, None, None, True),
        (None, 3, None, False),
    ],
)
def test_qualifier_must_agree_with_values(qualifier, low, high, ok):
    assert (qualifier_problem(qualifier, low, high) is None) == ok


@pytest.mark.parametrize(
    "words, published, expected",
    [
        ("on Monday", TUESDAY, MONDAY),
        ("On Monday", MONDAY, MONDAY),
        ("on Sunday", TUESDAY, date(2020, 9, 27)),
        ("in a Sunday statement", MONDAY, date(2020, 9, 27)),
        ("Monday’s", TUESDAY, MONDAY),
        ("yesterday", TUESDAY, MONDAY),
        ("on Tuesday", MONDAY, date(2020, 9, 22)),
    ],
)
def test_weekday_words_resolve_to_the_latest_such_day_not_after_publication(words, published, expected):
    period = resolve(words, published)
    assert (period.start, period.end, period.precision, period.source) == (expected, expected, "day", "computed")


@pytest.mark.parametrize(
    "words, first, last",
    [
        ("on October 4th, 5th, 8th, 11th and 17th", date(2020, 10, 4), date(2020, 10, 17)),
        ("September 28 and 29", date(2020, 9, 28), date(2020, 9, 29)),
        ("on 27, 28 and 29 September 2020", date(2020, 9, 27), date(2020, 9, 29)),
    ],
)
def test_days_of_one_month_listed_are_the_period_from_the_first_to_the_last(words, first, last):
    """A list of days ("strikes on October 4, 5 and 8") is read as its span, not as its first day alone."""
    assert resolve(words, date(2020, 11, 3)) == Period(first, last, "days", "computed")


def test_weekday_words_without_publication_date_stay_empty():
    period = resolve("on Monday", None)
    assert (period.start, period.end, period.precision) == (None, None, None)


def test_a_year_resolves_without_publication_date():
    period = resolve("in 2016", None)
    assert (period.start, period.end, period.precision) == (date(2016, 1, 1), date(2016, 12, 31), "year")


@pytest.mark.parametrize(
    "words",
    [
        "in the late 1980s",
        "in a second day of heavy clashes",
        "on Monday or Tuesday",
        # a weekday or year inside a boundary is not that day: never read as one (a contributor's "since Sunday"
        # once became the single day 2020-09-27 and paired with another source's Sunday figure; it is now the
        # period from Sunday to publication, test_running_totals_end_at_publication)
        "from Sunday",
        "until Monday",
        "by Monday",
        "before Monday",
        "after Sunday",
        "between Sunday and Monday",
        "last Monday",
        "over the weekend",
        "since 2016",
        "since the start of the fighting",
        "since the ceasefire took effect",  # no day: a truce is not the war's first day
        "last week",
    ],
)
def test_words_the_build_cannot_read_return_none(words):
    assert resolve(words, TUESDAY) is None


@pytest.mark.parametrize(
    "words, start, precision",
    [
        ("since Sunday", date(2020, 9, 27), "days"),
        ("Since Monday", date(2020, 9, 28), "days"),
        ("since Tuesday", date(2020, 9, 29), "day"),  # the day of publication itself
        ("since yesterday", date(2020, 9, 28), "days"),
        ("since Sept. 27", date(2020, 9, 27), "days"),
        ("since 27 September", date(2020, 9, 27), "days"),
        ("since fighting with Azerbaijan broke out on Sept. 27", date(2020, 9, 27), "days"),
        ("since the fighting resumed on September 27", date(2020, 9, 27), "days"),
        ("since the Azerbaijani attacks began on September 27", date(2020, 9, 27), "days"),  # a side's word
        ("since the large-scale aggression started on Sept. 27", date(2020, 9, 27), "days"),
        ("since the September 27 outbreak of large-scale hostilities", date(2020, 9, 27), "days"),
        ("since the Sept. 27 start of the fighting", date(2020, 9, 27), "days"),
        ("since the ceasefire took effect on Monday", date(2020, 9, 28), "days"),  # a truce's first day
        ("since the humanitarian truce came into force on Sept. 28", date(2020, 9, 28), "days"),
        ("over the past 24 hours", date(2020, 9, 28), "days"),
        ("in the last 48 hours", date(2020, 9, 27), "days"),
        ("during the past day", date(2020, 9, 28), "days"),
        ("overnight", date(2020, 9, 28), "days"),
        ("over the past week", date(2020, 9, 22), "days"),  # the seven days before publication
        ("in the last seven days", date(2020, 9, 22), "days"),
    ],
)
def test_running_totals_end_at_publication(words, start, precision):
    """A running total counts up to the story: "since Sunday" in a Tuesday story is Sunday to Tuesday."""
    assert resolve(words, TUESDAY) == Period(start, TUESDAY, precision, "computed")
    assert resolve(words, None) == Period.empty()  # no publication date: the words stay, undated


@pytest.mark.parametrize(
    "words, end",
    [
        ("so far", TUESDAY),
        ("to date", TUESDAY),
        ("since the start of the fighting", TUESDAY),
        ("since the beginning of the war", TUESDAY),
        ("since the outbreak of hostilities", TUESDAY),
        ("since the fighting began", TUESDAY),
        ("since it began", TUESDAY),
        ("since the Azerbaijani aggression began", TUESDAY),  # a side's word for the war
        ("since the war in the region broke out", TUESDAY),
        ("during the hostilities", TUESDAY),
        ("as of Monday", MONDAY),
        ("As of Sept. 28", MONDAY),
        ("by now", TUESDAY),
        ("by Monday", MONDAY),
        ("By Sept. 28", MONDAY),
    ],
)
def test_a_running_total_of_the_war_counts_from_the_first_day_of_the_war_in_progress(words, end):
    began = date(2020, 9, 27)
    assert resolve(words, TUESDAY, began) == Period(began, end, "days", "computed")
    assert resolve(words, TUESDAY) is None  # no war in progress known: the coder states the dates
    assert resolve(words, date(2020, 9, 26), began) is None  # the war began after publication
    assert resolve(words, None, began) == Period.empty()  # no publication date: the words stay, undated


@pytest.mark.parametrize(
    "words, published, read",
    [
        ("in over two weeks of fighting", date(2020, 10, 13), True),
        ("in nearly six weeks of fighting", date(2020, 11, 8), True),
        ("weeks of intense fighting", date(2020, 11, 8), True),
        ("after a week of war", date(2020, 10, 3), True),
        ("in the ongoing conflict", date(2020, 9, 28), True),
        ("in this war", date(2020, 10, 30), True),
        ("in two weeks of fighting", date(2020, 9, 29), False),  # two days in: not this war's length
        ("in four days of fighting", date(2020, 11, 8), False),
        ("weeks of fighting", date(2020, 9, 29), False),
        ("in four days of fighting in April 2016", date(2020, 9, 30), False),  # another war
        ("in the first days of fighting", date(2020, 10, 13), False),  # a part of it
    ],
)
def test_the_war_named_by_its_length_or_as_the_present_one_is_read_only_where_the_length_fits(words, published, read):
    began = date(2020, 9, 27)
    expected = Period(began, published, "days", "computed") if read else None
    assert resolve(words, published, began) == expected
    assert resolve(words, published) is None  # no war in progress known: the coder states the dates


@pytest.mark.parametrize(
    "words, expected",
    [
        ("on September 27-30, 2020", (date(2020, 9, 27), date(2020, 9, 30))),
        ("27-30 September", (date(2020, 9, 27), date(2020, 9, 30))),
        ("Oct. 3–5", (date(2020, 10, 3), date(2020, 10, 5))),
        ("October 28-30", (date(2019, 10, 28), date(2019, 10, 30))),  # the latest such days up to publication
        ("September 29-31", None),  # no 31 September
        ("October 5-3", None),
    ],
)
def test_days_of_one_month_are_the_period_from_the_first_to_the_last(words, expected):
    published = date(2020, 10, 9)
    period = resolve(words, published)
    assert (period and (period.start, period.end)) == expected
    if expected:
        assert period.precision == "days"
    assert [m.group(0) for m in CALENDAR.finditer(f"on {words} and Oct. 4")] == ["Oct. 4"]  # no day of a range


def test_the_war_in_progress_is_the_latest_begun_and_not_ended_and_one_dated_by_its_first_day_goes_on():
    def war(start, end, precision):
        return {"event_type": "war", "date_start": start, "date_end": end, "date_precision": precision}

    registry = Registry(
        events=[
            war(date(1990, 1, 1), date(1994, 12, 31), "years"),
            war(date(2020, 9, 27), date(2020, 9, 27), "day"),  # only its first day is known
            {"event_type": "armed_clash", "date_start": date(2020, 10, 1), "date_end": None, "date_precision": None},
        ]
    )
    assert registry.war_began(date(2020, 10, 20)) == date(2020, 9, 27)
    assert registry.war_began(date(1992, 5, 1)) == date(1990, 1, 1)
    assert registry.war_began(date(2000, 1, 1)) is None  # the 1990s war had ended, the 2020 one not begun
    assert registry.war_began(None) is None
    registry.events[1] = war(date(2020, 9, 27), date(2020, 11, 10), "days")
    assert registry.war_began(date(2020, 11, 20)) is None  # its end is now coded


@pytest.mark.parametrize(
    "start, end, precision, ok",
    [
        (MONDAY, MONDAY, "day", True),
        (MONDAY, TUESDAY, "day", False),
        (MONDAY, TUESDAY, "days", True),
        (TUESDAY, MONDAY, "days", False),
        (date(2016, 1, 1), date(2016, 12, 31), "year", True),
        (date(2016, 1, 2), date(2016, 12, 31), "year", False),
        (date(2020, 9, 1), date(2020, 9, 30), "month", True),
        (date(1990, 1, 1), date(1994, 12, 31), "years", True),
        (None, None, None, True),
        (MONDAY, None, "day", False),
    ],
)
def test_dates_must_fit_their_precision(start, end, precision, ok):
    assert (check_precision(start, end, precision) is None) == ok


def test_locate_finds_unique_evidence_and_asks_for_occurrence_when_repeated():
    text = "Baku said. Baku denied it."
    assert locate(text, "Baku denied") == (11, 22)
    assert locate(text, "Baku", 2) == (11, 15)
    with pytest.raises(SpanError) as ambiguous:
        locate(text, "Baku")
    assert ambiguous.value.rule == "evidence-ambiguous" and "occurrence" in ambiguous.value.message


def test_locate_refuses_evidence_that_matches_only_after_normalising_quotes():
    text = "He said it was “not true.”"
    with pytest.raises(SpanError) as err:
        locate(text, '"not true."')
    assert err.value.rule == "evidence-not-found" and "“not true.”" in err.value.message


def claim(claim_id, article, low, high, claimant="nk", day=MONDAY, kind="killed"):
    return {
        "claim_id": claim_id,
        "article_id": article,
        "claimant_actor_id": claimant,
        "claim_type": kind,
        "victim_actor_id": "nk",
        "victim_status": "military",
        "value_min": low,
        "value_max": high,
        "date_start": day,
        "date_end": day,
    }


def test_disagreement_relations():
    rows = derive_disagreements(
        [
            claim("a:1", "a", 53, 53),
            claim("b:1", "b", 27, 27),  # conflicting
            claim("a:2", "a", 200, 200, day=TUESDAY),
            claim("b:2", "b", 101, None, day=TUESDAY),  # compatible
            claim("a:3", "a", 31, 31, kind="wounded"),
            claim("b:3", "b", 31, 31, kind="wounded"),  # same figure: no row
            claim("a:4", "a", 5, 5, kind="missing"),
            claim("a:5", "a", 9, 9, kind="missing"),  # same article: no row
            claim("a:6", "a", 5, 5, claimant=None, kind="captured"),
            claim("b:6", "b", 9, 9, claimant=None, kind="captured"),
            claim("a:7", "a", 5, 5, day=None, kind="displaced"),
            claim("b:7", "b", 9, 9, day=None, kind="displaced"),
        ]
    )
    assert {(r["claim_id_a"], r["claim_id_b"], r["relation"]) for r in rows} == {
        ("a:1", "b:1", "conflicting"),
        ("a:2", "b:2", "compatible"),
    }


# --- lookups by 64-bit hash: exact even when hashes collide -------------------------------------------------------


def _known_and_rows():
    import polars as pl

    known = pl.DataFrame({"a": ["x", "y", "z"], "b": ["1", "2", "3"]})
    rows = pl.DataFrame({"a": ["y", "x", "z", "q", "x"], "b": ["2", "1", "9", "1", "2"]})
    return known, rows, [False, False, True, True, True]


@pytest.mark.parametrize("hashed_from", [0, 20_000])  # by sorted hash, or by polars for a few known rows
def test_foreign_key_lookups_find_exactly_the_unknown_rows(monkeypatch, hashed_from):
    import polars as pl

    import scripts.checks.key_index as lookup
    from scripts.checks.key_index import KeyIndex

    monkeypatch.setattr(lookup, "HASHED_FROM", hashed_from)
    known, rows, unknown = _known_and_rows()
    assert KeyIndex(known).unknown(rows).tolist() == unknown
    assert KeyIndex(known).positions(rows).tolist() == [1, 0, -1, -1, -1]
    assert KeyIndex(known.clear()).unknown(rows).tolist() == [True] * rows.height
    one_column = rows.select("a").vstack(pl.DataFrame({"a": [None]}, schema={"a": pl.String}))
    assert KeyIndex(known.select("a")).unknown(one_column).tolist() == [False, False, False, True, False, True]


@pytest.mark.parametrize("runs_from", [1_000_000, 1])  # each row looked up, or each run of equal rows once
def test_runs_of_equal_rows_are_found_where_each_row_looked_up_is_found(monkeypatch, runs_from):
    import polars as pl

    import scripts.checks.key_index as lookup

    monkeypatch.setattr(lookup, "RUNS_FROM", runs_from)
    known = pl.DataFrame({"a": ["x", "y", "z", None], "b": ["1", "2", "3", "4"]})
    rows = pl.DataFrame(
        {
            "a": ["y", "y", "y", "q", "q", None, None, "x", "y", "z", "z"],
            "b": ["2", "2", "1", "1", "1", "4", "4", "1", "2", "3", "3"],
        }
    )
    assert lookup.run_starts(rows).tolist() == [True, False, True, True, False, True, False, True, True, True, False]
    assert lookup.run_starts(rows.clear()).tolist() == []
    index = lookup.KeyIndex(known)
    assert index.positions(rows).tolist() == [1, 1, -1, -1, -1, -1, -1, 0, 1, 2, 2]
    assert lookup.KeyIndex(known.select("a")).positions(rows.select("a")).tolist() == [
        1,
        1,
        1,
        -1,
        -1,
        -1,
        -1,
        0,
        1,
        2,
        2,
    ]


def test_foreign_key_lookups_stay_exact_when_every_hash_collides(monkeypatch):
    import numpy as np

    import scripts.checks.key_index as lookup

    monkeypatch.setattr(lookup, "row_hashes", lambda frame: np.zeros(frame.height, dtype=np.uint64))
    monkeypatch.setattr(lookup, "HASHED_FROM", 0)
    known, rows, unknown = _known_and_rows()
    assert lookup.KeyIndex(known).unknown(rows).tolist() == unknown
    assert lookup.KeyIndex(known).positions(rows).tolist() == [1, 0, -1, -1, -1]


def test_repeated_keys_are_found_by_hash_and_confirmed_by_value(monkeypatch):
    import polars as pl

    import scripts.checks.table_checks as table_checks
    from scripts.common.problems import ProblemList

    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}], "primaryKey": ["id"]}
    data = b"id,n\na,1\nb,2\na,3\nc,4\n"
    hashes = table_checks.KeyHashes(schema)
    hashes.append(hashes.of(pl.DataFrame({"id": ["a", "b"], "n": [1, 2]})))
    hashes.append(hashes.of(pl.DataFrame({"id": ["a", "c"], "n": [3, 4]})))
    assert hashes.repeated_rows() == [0, 2]
    problems = ProblemList()
    table_checks.check_keys(table_checks._rows_at(data, schema, [0, 1, 2, 3]), {"path": "t.csv"}, schema, problems)
    assert sorted((p.rule, p.row, p.value) for p in problems) == [
        ("primary-key", 2, "id=a"),
        ("primary-key", 4, "id=a"),
    ]
    monkeypatch.setattr(pl.Expr, "hash", lambda self, *args, **kwargs: (pl.int_range(pl.len()) * 0).cast(pl.UInt64))
    colliding = table_checks.KeyHashes(schema)
    colliding.append(colliding.of(pl.DataFrame({"id": ["a", "b", "c"], "n": [1, 2, 3]})))
    assert colliding.repeated_rows() == [0, 1, 2]  # every hash alike: all are compared by value, and none repeats
    problems = ProblemList()
    table_checks.check_keys(
        table_checks._rows_at(b"id,n\na,1\nb,2\nc,3\n", schema, [0, 1, 2]), {"path": "t.csv"}, schema, problems
    )
    assert list(problems) == []


def test_only_the_tables_whose_rules_read_the_articles_need_them(repo):
    from scripts.checks.csv_tables import read_batches
    from scripts.checks.row_rules import needs_articles, table_rules
    from scripts.common.problems import ProblemList
    from scripts.common.schemas import table_schema

    for path in sorted(repo.schemas.glob("*.json")):
        name = path.stem
        if needs_articles(name):
            continue
        frame = next(iter(read_batches(repo.table_path(name), table_schema(repo, name), name, ProblemList()))).frame
        for rule in table_rules(name, None):  # no article texts, no publication dates
            assert rule.test(frame).len() == frame.height


# --- tables read in pieces that end where a record ends -----------------------------------------------------------

QUOTED_NEWLINES = b'1,"x\ny"\n2,"q""\n"\n3,z\n'  # a newline inside quotes, and one after a doubled quote


@pytest.mark.parametrize("block_bytes", range(1, len(QUOTED_NEWLINES) + 2))
def test_pieces_end_only_at_the_end_of_a_record_whatever_the_block_size(block_bytes):
    import io

    from scripts.checks.csv_tables import _record_pieces

    pieces = [bytes(piece) for piece in _record_pieces(io.BytesIO(QUOTED_NEWLINES), block_bytes)]
    assert b"".join(pieces) == QUOTED_NEWLINES
    records = {b'1,"x\ny"\n', b'2,"q""\n"\n', b"3,z\n"}
    for piece in pieces:  # each piece is whole records
        assert any(
            piece == b"".join(sorted(records, key=QUOTED_NEWLINES.index)[i:j])
            for i in range(3)
            for j in range(i + 1, 4)
        ), piece


@pytest.mark.parametrize(
    "path, inside",
    [
        ("seeds/000_9182488a4787e2a6.txt", True),
        ("./seeds/a.txt", True),
        ("seeds//a.txt", True),
        ("/etc/passwd", False),
        ("../x.csv", False),
        ("seeds/../../x.txt", False),
        ("seeds/..", False),
        ("C:/x.txt", False),
        ("seeds\\..\\x.txt", False),
        ("", False),
        (None, False),
        ("seeds/..a.txt", True),
    ],
)
def test_only_relative_paths_that_stay_inside_the_repository_are_read(path, inside):
    from scripts.checks.descriptor import is_inside

    assert is_inside(path) is inside


def test_sorted_search_finds_what_numpy_searchsorted_finds():
    import numpy as np

    from scripts.common.arrays import search_sorted

    rng = np.random.default_rng(8)
    haystack = np.sort(rng.integers(0, 50, 200))  # repeats, and needles below, inside and above the range
    needles = rng.integers(-5, 60, 1000)
    assert search_sorted(haystack, needles).tolist() == np.searchsorted(haystack, needles, side="left").tolist()
    assert search_sorted(haystack, needles[:0]).tolist() == []


TEXTS = {"a": "Kyiv \u2014 \u201cAt least 12\u201d died, officials said.", "b": "Short \u00e9t\u00e9.", "c": "x"}


@pytest.mark.parametrize(
    "article_id,start,end",
    [
        ("a", 0, 4),
        ("a", 5, 6),
        ("a", 7, 18),
        ("a", 5, 40),
        ("a", 0, len(TEXTS["a"])),
        ("a", 3, 3),
        ("b", 0, len(TEXTS["b"])),
        ("b", 6, 9),
        ("c", 0, 1),
        ("c", 1, 1),
    ],
)
def test_evidence_is_compared_with_the_exact_slice_of_its_article(article_id, start, end):
    """Short slices (held inline by Arrow) and long ones, around multi-byte characters, and up to the last byte of
    the last article; a slice that differs in one character anywhere, or whose offsets fall outside, fails."""
    import polars as pl

    from scripts.checks.corpus import Corpus

    corpus = Corpus()
    for name, text in TEXTS.items():
        corpus.append_article(name, text.encode("utf-8"), len(text))
    corpus.freeze()
    exact = TEXTS[article_id][start:end]
    changed = [exact[:i] + ("#" if exact[i] != "#" else "*") + exact[i + 1 :] for i in range(len(exact))]
    rows = [
        (article_id, exact, start, end),
        *[(article_id, text, start, end) for text in changed],
        (article_id, exact + "!", start, end),
        (article_id, exact, start, end + 100),
        ("unknown", "?", 0, 1),
    ]
    frame = pl.DataFrame(
        rows,
        schema={"article_id": pl.String, "evidence": pl.String, "char_start": pl.Int64, "char_end": pl.Int64},
        orient="row",
    )
    assert corpus.evidence_matches(frame).to_list() == [True] + [False] * (len(changed) + 2) + [True]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_map_ahead_gives_every_result_in_order_works_a_bounded_number_ahead_and_passes_on_errors(workers):
    from scripts.common.overlap import map_ahead

    drawn = []

    def items(count=8):
        for number in range(count):
            drawn.append(number)
            yield number

    given = []
    for result in map_ahead(lambda n: n * 10, items(), workers):
        given.append(result)
        assert len(drawn) <= result // 10 + 1 + workers  # this item and at most `workers` more
    assert given == [n * 10 for n in range(8)]

    def fails_at_three(n):
        if n == 3:
            raise ValueError("unreadable")
        return n

    with pytest.raises(ValueError, match="unreadable"):
        list(map_ahead(fails_at_three, items(), workers))


def test_pieces_checked_on_threads_report_what_a_reading_in_order_reports():
    """Each piece is numbered from its own start on its thread, then renumbered: rows, and which rows are listed
    past MAX_ROWS_PER_RULE, are those of a reading in order, whatever thread finishes first."""
    from scripts.checks.csv_tables import read_batches
    from scripts.common.problems import MAX_ROWS_PER_RULE, ProblemList

    schema = {"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}]}
    rows = 3 * MAX_ROWS_PER_RULE
    data = b"id,n\n" + b"".join(b"r%d,%s\n" % (i, b"x" if i % 2 else b"%d" % i) for i in range(rows))

    def flag_rows_past_fifty(batch, problems):
        for index in range(batch.frame.height):
            if int(batch.frame["id"][index][1:]) >= 50:
                problems.add("t.csv", "value-range", "row past the fiftieth", row=batch.offset + index + 2, column="id")
        return batch.frame.height

    def found(workers):
        problems = ProblemList()
        batches = read_batches(data, schema, "t.csv", problems, block_bytes=300)
        heights = [(offset, height) for offset, height in batches.map(flag_rows_past_fifty, workers)]
        return problems, heights, batches.complete

    problems, heights, complete = found(workers=3)
    assert complete and len(heights) > 5  # many pieces
    assert [offset for offset, _ in heights] == [sum(h for _, h in heights[:i]) for i in range(len(heights))]
    listed = sorted((p.rule, p.row, p.more_rows) for p in problems)
    assert [(rule, row) for rule, row, _ in listed if rule == "type"] == [
        ("type", i + 2) for i in range(1, 2 * MAX_ROWS_PER_RULE, 2)
    ]  # the first hundred odd rows, in order
    assert [(rule, row, more) for rule, row, more in listed if rule == "value-range"] == [
        ("value-range", i + 2, 0) for i in range(50, 50 + MAX_ROWS_PER_RULE - 1)
    ] + [("value-range", 50 + MAX_ROWS_PER_RULE - 1 + 2, rows - 50 - MAX_ROWS_PER_RULE)]
    assert sum(1 + p.more_rows for p in problems if p.rule == "type") == rows // 2
    assert sorted(problems, key=lambda p: p.sort_key()) == sorted(found(workers=1)[0], key=lambda p: p.sort_key())


def test_problems_added_from_several_threads_are_all_kept_or_counted():
    from concurrent.futures import ThreadPoolExecutor

    from scripts.common.problems import MAX_ROWS_PER_RULE, ProblemList

    problems = ProblemList()

    def add(thread):
        for row in range(1000):
            problems.add("t.csv", "type", "must be an integer", row=thread * 1000 + row, column="n")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(add, range(4)))
    assert len(problems) == MAX_ROWS_PER_RULE
    assert sum(1 + p.more_rows for p in problems) == 4000


@pytest.mark.parametrize("missing", [None, "articles", "claims"])
def test_work_beside_the_tables_runs_once_when_the_article_texts_are_let_go(repo, monkeypatch, missing):
    """validate runs frictionless's descriptor check beside the tables once no table left needs the texts, so
    that its memory never adds to theirs; a missing table changes nothing to that."""
    import json

    import scripts.checks.table_checks as table_checks
    from scripts.checks.row_rules import needs_articles
    from scripts.common.problems import ProblemList

    log, corpus_sizes = [], []
    checked = table_checks.check_batch

    def check_batch(batch, resource, failures, context, problems):
        log.append(resource["name"])
        corpus_sizes.append(context.corpus.index.height)
        checked(batch, resource, failures, context, problems)

    monkeypatch.setattr(table_checks, "check_batch", check_batch)
    resources = json.loads(repo.descriptor.read_text(encoding="utf-8"))["resources"]
    contents = {r["name"]: None if r["name"] == missing else repo.root / r["path"] for r in resources}
    beside_calls = []
    table_checks.check_tables(repo, resources, contents, ProblemList(), lambda: beside_calls.append(list(log)))
    assert len(beside_calls) == 1
    before = beside_calls[0]
    assert {r["name"] for r in resources if needs_articles(r["name"]) and r["name"] != missing} <= set(before)
    assert all(not needs_articles(name) for name in log[len(before) :])
    assert all(size == 0 for size in corpus_sizes[len(before) :])  # the texts are let go before it starts


@pytest.mark.parametrize("size", [0, 1, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 5 << 20])  # around the first read
def test_article_files_are_read_whole_whatever_their_size(tmp_path, size):
    import hashlib

    from scripts.checks.table_checks import FIRST_READ, ArticleFiles
    from scripts.common.paths import Layout
    from scripts.common.problems import ProblemList

    assert FIRST_READ == 1 << 16  # the sizes above are around it
    data = bytes(i % 251 for i in range(size))
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_bytes(data)
    files = ArticleFiles(Layout(tmp_path), ProblemList())
    assert files._read("seeds/a.txt") == (data, hashlib.sha256(data).hexdigest())
    assert files._read("seeds/missing.txt") is None
    assert files._read("seeds") is None  # a folder is no file


# --- the one-query screen before pandera's check-by-check validation --------------------------------------------


def _broken(field: dict, constraint: str):
    """A value that breaks one constraint of a field and none of its others, or None when there is none."""
    c = field["constraints"]
    if constraint == "required":
        return None
    if constraint == "enum":
        return "not-in-enum"
    if constraint == "pattern":
        return "Not A Valid Value!"
    if constraint == "minimum":
        return c["minimum"] - 1
    if constraint == "minLength":
        return ""
    raise AssertionError(f"no broken value for the {constraint} constraint: add one")


def test_frames_the_one_query_screen_passes_are_those_pandera_finds_nothing_wrong_with(repo):
    import pandera.polars as pa
    import polars as pl

    from scripts.checks.csv_tables import POLARS_TYPES, read_batches
    from scripts.checks.pandera_schemas import column_schema, passes
    from scripts.common.problems import ProblemList
    from scripts.common.schemas import table_schema

    def pandera_finds(frame, schema):
        try:
            schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return exc.failure_cases
        return None

    broken_kinds = set()
    for path in sorted(repo.schemas.glob("*.json")):
        name = path.stem
        schema_json = table_schema(repo, name)
        schema = column_schema(schema_json)
        frame = next(iter(read_batches(repo.table_path(name), schema_json, name, ProblemList()))).frame
        assert passes(schema, frame) and pandera_finds(frame, schema) is None, name
        first_row = pl.int_range(pl.len()) == 0
        for field in schema_json["fields"]:
            for constraint in field.get("constraints", {}):
                if constraint == "unique":  # over the whole table: key_schema's, never screened
                    continue
                value = pl.lit(_broken(field, constraint), POLARS_TYPES[field["type"]])
                corrupt = frame.with_columns(
                    pl.when(first_row).then(value).otherwise(pl.col(field["name"])).alias(field["name"])
                )
                where = f"{name}.{field['name']} {constraint}"
                assert not passes(schema, corrupt), where
                failures = pandera_finds(corrupt, schema)
                assert failures is not None and failures["column"].to_list() == [field["name"]], where
                broken_kinds.add(constraint)
        assert not passes(schema, frame.select(list(reversed(frame.columns)))), name
        assert not passes(schema, frame.with_columns(pl.col(frame.columns[0]).cast(pl.Categorical))), name
    assert broken_kinds == {"required", "enum", "pattern", "minimum", "minLength"}


# --- finding evidence and pairing figures at scale -----------------------------------------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scripts.build.disagreements import relation  # noqa: E402
from scripts.reading.spans import Finder, occurrences  # noqa: E402

WORDS = st.sampled_from(["Baku", "said", "“the", "shelling”", "Karabakh’s", "war", "Ωmega", "😀", "a", " ", "\n"])


@given(
    st.lists(WORDS, min_size=1, max_size=400),
    st.lists(st.tuples(st.integers(0, 5000), st.integers(1, 40)), min_size=1, max_size=30),
)
def test_the_finder_finds_what_a_scan_finds_with_and_without_its_index(words, cuts):
    text = "".join(words)
    indexed = type("Indexed", (Finder,), {"Q": 4, "INDEXED": 0})  # the index even on short texts
    for finder in (Finder(text), indexed(text)):
        for at, length in cuts:
            evidence = text[at % len(text) : at % len(text) + length] or "absent words"
            assert finder.occurrences(evidence) == occurrences(text, evidence)


CLAIM = st.fixed_dictionaries(
    {
        "article_id": st.sampled_from(["a1", "a2", "a3"]),
        "claimant_actor_id": st.sampled_from(["k", "b", None]),
        "claim_type": st.sampled_from(["killed", "wounded", "territory"]),
        "victim_actor_id": st.sampled_from(["k", None]),
        "victim_status": st.sampled_from(["military", "civilian"]),
        "date_start": st.sampled_from(["d1", "d2", None]),
        "value_min": st.one_of(st.none(), st.integers(0, 5)),
        "value_max": st.one_of(st.none(), st.integers(0, 5)),
    }
)


@given(st.lists(CLAIM, max_size=40))
def test_pairs_of_figures_are_those_of_every_pair_compared(claims):
    """The grouped pairing (by what is claimed, figure and article) finds what comparing every pair finds."""
    claims = [
        {**c, "claim_id": f"{c['article_id']}:c{i:02d}", "date_end": c["date_start"]} for i, c in enumerate(claims)
    ]
    keys = ("claimant_actor_id", "claim_type", "victim_actor_id", "victim_status", "date_start", "date_end")
    figures = [
        c
        for c in claims
        if c["claim_type"] != "territory"
        and c["date_start"]
        and c["claimant_actor_id"]
        and (c["value_min"] is not None or c["value_max"] is not None)
    ]
    expected = set()
    for a in figures:
        for b in figures:
            if (
                a["claim_id"] < b["claim_id"]
                and a["article_id"] != b["article_id"]
                and all(a[k] == b[k] for k in keys)
                and relation(a, b)
            ):
                expected.add((a["claim_id"], b["claim_id"], relation(a, b)))
    assert {(d["claim_id_a"], d["claim_id_b"], d["relation"]) for d in derive_disagreements(claims)} == expected


@pytest.mark.parametrize(
    "words, period",
    [
        ("between September 20 and September 27", Period(date(2020, 9, 20), date(2020, 9, 27), "days", "computed")),
        ("from Sept. 27 to Sept. 29", Period(date(2020, 9, 27), date(2020, 9, 29), "days", "computed")),
        ("between 27 September and 27 September", Period(date(2020, 9, 27), date(2020, 9, 27), "day", "computed")),
        ("between September 29 and September 27", None),  # backwards: no such period
        ("between Sunday and Monday", None),  # weekdays: which week is the reader's call
    ],
)
def test_a_period_between_two_calendar_days_is_read(words, period):
    assert resolve(words, TUESDAY) == period


@pytest.mark.parametrize(
    "words, expected",
    [
        ("since September 27 until October 11", (date(2020, 9, 27), date(2020, 10, 11))),
        ("from Sept. 27 till Oct. 2", (date(2020, 9, 27), date(2020, 10, 2))),
        ("September 27 - October 11", (date(2020, 9, 27), date(2020, 10, 11))),
        ("Between 27 September–4 October", (date(2020, 9, 27), date(2020, 10, 4))),
        ("from Dec.1 to Dec.3", (date(2019, 12, 1), date(2019, 12, 3))),  # no space after the month's stop
        ("October 11 - September 27", None),  # backwards
        ("since September 27 to date", None),  # "to date" is no day: read as a running total elsewhere
    ],
)
def test_a_period_from_one_day_until_or_dashed_to_another_is_read(words, expected):
    period = resolve(words, date(2020, 10, 14))
    assert (period and (period.start, period.end, period.precision)) == (expected and (*expected, "days"))
    if "-" in words or "–" in words:  # neither day of a dashed pair is a day of its own
        assert [m.group(0) for m in CALENDAR.finditer(words)] == []


@pytest.mark.parametrize(
    "text, words",
    [
        ("‘’We lost 40 tanks today’’, he said.", ["We lost 40 tanks today"]),
        ("He said: ''It is over.'' Then he left.", ["It is over."]),
        ("Azerbaijan’s ‘commitment’ is a word.", []),  # single marks and apostrophes stay what they are
        ("The ‘’ sign", []),
    ],
)
def test_doubled_single_marks_are_read_as_one_quotation_mark(text, words):
    assert len(marks(text)) == len(text)
    assert [p.words(text) for p in passages(text)] == words


@pytest.mark.parametrize(
    "text, words, inside",
    [
        ("'We will not stop,' he said.", "We will not stop,", True),  # straight single marks round a coder's text
        ("‘We will not stop,’ he said.", "We will not stop,", True),
        ("Azerbaijan's army said it was ready.", "s army said it was ready", False),  # an apostrophe, no mark after
        ("The soldiers' families said they were ready.", "families said they", False),
    ],
)
def test_single_marks_bound_only_the_words_a_coder_states(text, words, inside):
    assert bounded(text, text.find(words), len(words)) is inside
