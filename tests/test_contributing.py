"""CONTRIBUTING.md works: a new article added as it says builds and validates, its examples are real, and
`add` refuses what the build would refuse later."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scripts.cli import main
from scripts.common.paths import ROOT
from scripts.validate.package import validate_package
from tests.frozen import SEED_000, SEED_004, frozen

FIXTURE = Path(__file__).parent / "fixtures" / "contribution"
GUIDE = ROOT / "CONTRIBUTING.md"


def yaml_block_after(heading: str) -> str:
    """The first ```yaml block after a heading of CONTRIBUTING.md."""
    text = GUIDE.read_text(encoding="utf-8")
    assert heading in text, f"CONTRIBUTING.md has no heading {heading!r}"
    return re.search(r"```yaml\n(.*?)```", text[text.index(heading) :], re.DOTALL).group(1)


def run(repo, *args):
    return CliRunner().invoke(main, ["--root", str(repo.root), *args])


def rows_of(repo, table, key, prefix):
    reader = csv.DictReader(io.StringIO(repo.table_path(table).read_text(encoding="utf-8")))
    return {row[key].removeprefix(prefix): row for row in reader if row[key].startswith(prefix)}


def next_number(repo) -> int:
    """The number `add` gives the next article: one past the highest in seeds/ (contributions raise it)."""
    return max(int(p.name.split("_", 1)[0]) for p in repo.seeds.glob("*.txt")) + 1


def add(repo, source, *options):
    result = run(repo, "add", *options, str(source))
    assert result.exit_code == 0, result.output
    added = re.findall(r"^added (seeds/\S+)$", result.output, re.MULTILINE)
    assert len(added) == 2, result.output
    return [repo.root / path for path in added]


def test_a_new_article_added_as_the_guide_says_builds_and_validates(repo):
    # Steps 2 and 3: add the article, code it, add the new actor exactly as the guide shows.
    number = next_number(repo)
    article, coding = add(repo, FIXTURE / "article.txt")
    data = (FIXTURE / "article.txt").read_bytes()
    article_id = f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"
    assert (article.name, coding.name) == (f"{article_id}.txt", f"{article_id}.yaml")
    assert article.read_bytes() == data  # byte for byte

    # The starter coding is not a contribution yet: the build says what to do, and writes nothing.
    starter = run(repo, "build")
    assert starter.exit_code == 1
    line = next(
        n for n, text in enumerate(coding.read_text(encoding="utf-8").split("\n"), 1) if text.startswith("mentions:")
    )
    assert f"seeds/{article_id}.yaml: 1 problem(s)\n  line {line}, column mentions: [coding-empty]" in starter.output

    code_fixture(repo, coding)

    # Step 4: check it locally.
    built = run(repo, "build")
    assert built.exit_code == 0, built.output
    assert "wrote datapackage/claims.csv" in built.output
    assert validate_package(repo, run_frictionless=True, frictionless_rows=True) == []

    prefix = f"{article_id}:"
    claims = rows_of(repo, "claims", "claim_id", prefix)
    assert set(claims) == {"c01", "c02", "c03", "c04", "c05"}
    sunday = claims["c03"]
    assert (sunday["claimant_actor_id"], sunday["value_min"], sunday["value_max"], sunday["qualifier"]) == (
        "nagorno-karabakh",
        "21",
        "21",
        "exact",
    )
    assert (sunday["date_start"], sunday["date_precision"], sunday["date_source"]) == ("2020-10-04", "day", "computed")
    at_least = claims["c01"]
    assert (at_least["claimant_actor_id"], at_least["qualifier"], at_least["value_min"], at_least["value_max"]) == (
        "azerbaijan-defence-ministry",
        "at_least",
        "1",
        "",
    )
    quote = rows_of(repo, "statements", "statement_id", prefix)["s02"]
    assert (quote["speaker_actor_id"], quote["text"]) == (
        "azerbaijan-defence-ministry",
        "The Armenian side is deliberately targeting peaceful civilians,",
    )
    text = article.read_text(encoding="utf-8")
    assert text[int(quote["char_start"]) : int(quote["char_end"])] == quote["evidence"]
    articles = rows_of(repo, "articles", "article_id", article_id)
    assert (articles[""]["published_date"], articles[""]["published_date_source"]) == ("2020-10-05", "header")
    assert articles[""]["path"] == f"seeds/{article_id}.txt"


def contribute_fixture(repo):
    """Steps 2 and 3 of the guide with the fixture article; returns the added article and coding."""
    article, coding = add(repo, FIXTURE / "article.txt")
    code_fixture(repo, coding)
    return article, coding


def code_fixture(repo, coding):
    """Step 3: the fixture coding, and the new actor exactly as the guide shows it."""
    shutil.copyfile(FIXTURE / "coding.yaml", coding)
    actors, example = repo.registry / "actors.yaml", yaml_block_after("### New actors and events")
    (entry,) = yaml.safe_load(example)
    assert entry["id"] not in {a["id"] for a in yaml.safe_load(actors.read_text(encoding="utf-8"))}
    actors.write_text(actors.read_text(encoding="utf-8") + example, encoding="utf-8")


def test_the_guide_shows_the_messages_the_build_really_prints(repo):
    """Section 4's example is the fixture coding with two mistakes: a figure not in its evidence, and an
    unknown victim."""
    guide = GUIDE.read_text(encoding="utf-8")
    shown = re.search(r"A message looks like this:\n\n```\n(.*?)```", guide, re.DOTALL).group(1)
    _, coding = contribute_fixture(repo)
    text = coding.read_text(encoding="utf-8")
    for old, new in (
        ('    value_text: "32"\n', '    value_text: "33"\n'),
        ("    victim: nagorno-karabakh\n", "    victim: Karabakhis\n"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    coding.write_text(text, encoding="utf-8")
    result = run(repo, "build")
    assert result.exit_code == 1
    printed = result.output.split("Build failed")[0]
    assert printed == re.sub(r"seeds/\d{3,}_[0-9a-f]{16}\.yaml", f"seeds/{coding.name}", shown)


def test_the_worked_example_is_an_exact_excerpt_of_seed_000():
    example = yaml.safe_load(yaml_block_after("### A worked example from seed 000"))
    coding = yaml.safe_load((frozen().seeds / f"{SEED_000}.yaml").read_text(encoding="utf-8"))
    for section, items in example.items():
        for item in items:
            assert item in coding[section], f"{section}: {item} is not in seed 000's coding"
    article = (frozen().seeds / f"{SEED_000}.txt").read_text(encoding="utf-8")
    quoted = re.search(r"sentence:\n\n((?:> .*\n)+)", GUIDE.read_text(encoding="utf-8")).group(1)
    assert " ".join(line[2:] for line in quoted.splitlines()) in article


def test_an_undated_article_gets_a_starter_that_says_how_to_date_it(repo, tmp_path):
    source = tmp_path / "undated.txt"
    source.write_bytes(b"Baku said its forces had taken two villages.")
    _, coding = add(repo, source)
    starter = coding.read_text(encoding="utf-8")
    assert "#   published_date: 2020-09-28 (only if you know it" in starter and "#   published_date_method:" in starter
    assert "# article:\n#   title: " in starter and "#   url: https://" in starter  # where it comes from, asked for
    assert yaml.safe_load(starter) == {"mentions": [], "events": [], "statements": [], "claims": []}


@pytest.mark.parametrize(
    "content, rule, message",
    [
        (
            b"\xff\xfeBaku said",
            "article-encoding",
            "is not valid UTF-8 (byte 0xff at byte offset 0); re-save it as UTF-8",
        ),
        (b"\xef\xbb\xbfBaku said", "article-encoding", "byte-order mark; save it as UTF-8 without BOM"),
        (b" \n", "article-empty", "the article is empty"),
        (b"date 2020-02-30 Baku said", "article-date-header", "must read 'date YYYY-MM-DD' with a real calendar date"),
        (
            (frozen().seeds / f"{SEED_004}.txt").read_bytes(),
            "article-duplicate",
            f"already in seeds/ as {SEED_004}.txt",
        ),
    ],
    ids=["not-utf8", "bom", "empty", "bad-date-header", "duplicate"],
)
def test_add_refuses_what_the_build_would_refuse_and_adds_nothing(repo, tmp_path, content, rule, message):
    source = tmp_path / "article.txt"
    source.write_bytes(content)
    before = sorted(p.name for p in repo.seeds.iterdir())
    result = run(repo, "add", str(source))
    assert result.exit_code == 1
    assert f": [{rule}] " in result.output and message in result.output and "Nothing was added." in result.output
    assert sorted(p.name for p in repo.seeds.iterdir()) == before


def test_add_numbers_articles_in_order_and_never_overwrites(repo, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(b"Baku said one thing.")
    second.write_bytes(b"Baku said another thing.")
    number = next_number(repo)
    (article_a, _), (article_b, _) = add(repo, first), add(repo, second)
    assert (article_a.name[:4], article_b.name[:4]) == (f"{number:03d}_", f"{number + 1:03d}_")
    assert article_b.read_bytes() == b"Baku said another thing." and article_a.read_bytes() == b"Baku said one thing."


def test_add_numbers_the_article_after_999_as_1000(repo, tmp_path):
    # Numbers have three digits or more: after 999 comes 1000, which the build and validation accept.
    for suffix in ("txt", "yaml"):
        (repo.seeds / f"004_a3deb327b58a8082.{suffix}").rename(repo.seeds / f"999_a3deb327b58a8082.{suffix}")
    source = tmp_path / "a.txt"
    source.write_bytes(b"Baku said one thing.")
    article, coding = add(repo, source)
    digest = hashlib.sha256(b"Baku said one thing.").hexdigest()[:16]
    assert (article.name, coding.name) == (f"1000_{digest}.txt", f"1000_{digest}.yaml")
    second = tmp_path / "b.txt"
    second.write_bytes(b"Baku said another thing.")
    assert add(repo, second)[0].name.startswith("1001_")


def test_article_ids_beyond_999_build_and_validate(repo):
    # A four-digit number fits every id pattern: the file name rule, the tables' schemas and frictionless.
    for suffix in ("txt", "yaml"):
        (repo.seeds / f"004_a3deb327b58a8082.{suffix}").rename(repo.seeds / f"1004_a3deb327b58a8082.{suffix}")
    assert run(repo, "build").exit_code == 0
    result = run(repo, "validate")
    assert result.exit_code == 0, result.output
    assert "1004_a3deb327b58a8082:c01" in repo.table_path("claims").read_text(encoding="utf-8")


def test_the_article_name_rule_points_to_add(repo):
    (repo.seeds / "my-article.txt").write_text("Baku said.", encoding="utf-8")
    (repo.seeds / "my-article.yaml").write_text("mentions: [{evidence: Baku}]\n", encoding="utf-8")
    result = run(repo, "build")
    assert result.exit_code == 1
    assert (
        "[article-name]" in result.output
        and "`python -m scripts add FILE` names and copies an article" in result.output
    )


def test_every_key_of_every_input_is_explained():
    reference = GUIDE.read_text(encoding="utf-8").split("<!-- coding-keys:start")[1].split("<!-- coding-keys:end")[0]
    rows = re.findall(r"^\| `([^`]+)` \|[^|]*\|[^|]*\| (.*) \|$", reference, re.MULTILINE)
    assert len(rows) > 60
    assert [key for key, meaning in rows if not meaning.strip()] == []


def test_a_date_known_from_the_outlet_becomes_the_date_header(repo, tmp_path):
    source = tmp_path / "article.txt"
    source.write_bytes(b"Baku said its forces had taken two villages.")
    article, coding = add(repo, source, "--date", "2020-09-30")
    data = b"date 2020-09-30\nBaku said its forces had taken two villages."
    assert article.read_bytes() == data and article.name.endswith(f"_{hashlib.sha256(data).hexdigest()[:16]}.txt")
    assert "published_date" not in coding.read_text(encoding="utf-8")  # no publication date to state in the coding
    coding.write_text("mentions:\n  - {evidence: Baku}\n", encoding="utf-8")
    assert run(repo, "build").exit_code == 0
    assert rows_of(repo, "articles", "article_id", article.stem)[""]["published_date"] == "2020-09-30"


@pytest.mark.parametrize(
    "content, date, message",
    [
        (
            b"date 2020-09-29 Baku said.",
            "2020-09-30",
            "[article-date-header] the article already starts with a date header",
        ),
        (b"Baku said.", "2020-02-30", "Invalid value for '--date'"),
    ],
    ids=["already-dated", "invalid-date"],
)
def test_add_refuses_a_second_or_invalid_date(repo, tmp_path, content, date, message):
    source = tmp_path / "article.txt"
    source.write_bytes(content)
    before = sorted(p.name for p in repo.seeds.iterdir())
    result = run(repo, "add", "--date", date, str(source))
    assert result.exit_code != 0 and message in result.output
    assert sorted(p.name for p in repo.seeds.iterdir()) == before


def test_a_running_total_is_dated_to_publication_and_a_period_the_build_cannot_read_is_asked_for(repo, tmp_path):
    """ "since Sunday" runs to publication, never Sunday alone (which once paired a contributor's figure with
    other sources' Sunday figures as a disagreement); "since the fighting began" names no day: the build asks."""
    source = tmp_path / "article.txt"
    source.write_bytes(b"Baku said 12 civilians had been killed since Sunday and 40 since the fighting began.")
    _, coding = add(repo, source, "--date", "2020-09-30")
    claim = (
        "mentions:\n  - {evidence: Baku}\nstatements:\n  - id: s01\n    speaker: Baku\n    type: indirect\n"
        "    evidence: Baku said 12 civilians had been killed since Sunday and 40 since the fighting began.\n"
        "    cue: said\nclaims:\n  - id: c01\n"
        "    evidence: 12 civilians had been killed since Sunday\n    statement: s01\n    type: killed\n"
        '    victim_status: civilian\n    value_text: "12"\n    date_text: since Sunday\n'
        "  - id: c02\n    evidence: 40 since the fighting began\n    statement: s01\n    type: killed\n"
        '    victim_status: civilian\n    value_text: "40"\n    date_text: since the fighting began\n'
    )
    coding.write_text(claim, encoding="utf-8")
    refused = run(repo, "build")
    assert refused.exit_code == 1
    assert (
        "line 23, column claims[1] (c02).date_text: [date-unresolved] the build cannot read these date words as one "
        "day; keep 'date_text', state the date as 'date_start' (with 'date_end' and 'date_precision' for a "
        "period such as \"since the fighting began\"), and say how you read the words in 'note' (value: since the "
        "fighting began)"
    ) in refused.output
    assert "claims[0]" not in refused.output
    coding.write_text(
        claim + "    date_start: 2020-09-27\n    date_end: 2020-09-30\n    date_precision: days\n"
        "    note: The war began on Sunday 27 September; to publication.\n",
        encoding="utf-8",
    )
    assert run(repo, "build").exit_code == 0
    rows = rows_of(repo, "claims", "claim_id", f"{coding.stem}:")
    assert [
        (rows[c]["date_start"], rows[c]["date_end"], rows[c]["date_precision"], rows[c]["date_source"])
        for c in ("c01", "c02")
    ] == [
        ("2020-09-27", "2020-09-30", "days", "computed"),  # Wednesday's "since Sunday": Sunday to Wednesday
        ("2020-09-27", "2020-09-30", "days", "coded"),
    ]


def test_a_running_total_of_the_war_is_computed_from_the_registrys_war_in_progress(repo, tmp_path):
    """Once the registry holds the war in progress (an event of type war, by its first day), "so far" and "since
    the fighting began" are read as the period from that day to publication; "as of" a day, to that day."""
    source = tmp_path / "article.txt"
    source.write_bytes(b"Baku said 40 civilians had been killed so far in the war, and 35 as of Tuesday.")
    _, coding = add(repo, source, "--date", "2020-10-01")
    events = repo.registry / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8")
        + "- id: e-2020-war\n  type: war\n  description: The war of 2020.\n  date_start: 2020-09-27\n"
        "  date_precision: day\n",
        encoding="utf-8",
    )
    coding.write_text(
        "mentions:\n  - {evidence: Baku}\nevents:\n  - event: e-2020-war\n    evidence: the war\n"
        "statements:\n  - id: s01\n    speaker: Baku\n    type: indirect\n"
        "    evidence: Baku said 40 civilians had been killed so far in the war, and 35 as of Tuesday.\n"
        "    cue: said\nclaims:\n"
        "  - id: c01\n    evidence: 40 civilians had been killed so far\n    statement: s01\n    type: killed\n"
        '    victim_status: civilian\n    value_text: "40"\n    date_text: so far\n'
        "  - id: c02\n    evidence: 35 as of Tuesday\n    statement: s01\n    type: killed\n"
        '    victim_status: civilian\n    value_text: "35"\n    date_text: as of Tuesday\n',
        encoding="utf-8",
    )
    built = run(repo, "build")
    assert built.exit_code == 0, built.output
    rows = rows_of(repo, "claims", "claim_id", f"{coding.stem}:")
    assert [(rows[c]["date_start"], rows[c]["date_end"], rows[c]["date_source"]) for c in ("c01", "c02")] == [
        ("2020-09-27", "2020-10-01", "computed"),
        ("2020-09-27", "2020-09-29", "computed"),  # Thursday's "as of Tuesday"
    ]


def test_the_guide_explains_every_rule_of_the_catalogue_once():
    """Section 6 of CONTRIBUTING.md is written from the catalogue by the build: each rule once, and no other."""
    from scripts.common.catalogue import RULES

    table = GUIDE.read_text(encoding="utf-8").split("<!-- rules:start")[1].split("<!-- rules:end -->")[0]
    listed = [name for line in table.splitlines()[2:] for name in re.findall(r"`([^`]+)`", line.split(" | ")[0])]
    assert len(listed) == len(set(listed)), "a rule is listed twice"
    assert sorted(listed) == sorted(RULES)


def _bullet(starts: str) -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return re.search(rf"^- {re.escape(starts)}.*?(?=^- |^$)", text, re.MULTILINE | re.DOTALL).group(0)


def test_the_figure_words_the_guide_lists_are_read():
    from scripts.reading.quantities import parse_quantity

    bullet = _bullet("Put the words that state a figure")
    phrasings = re.findall(r'"([^"]+)"', bullet.replace("\n  ", " "))
    examples = [p for p in phrasings if re.search(r"\d|two|five|dozens|thousands|several|twenty|^many$|numerous", p)]
    qualifiers = [p for p in phrasings if p not in examples]
    assert len(examples) >= 10 and len(qualifiers) >= 10
    unread = [p for p in examples if parse_quantity(p) is None]
    unread += [q for q in qualifiers if parse_quantity(f"{q} 40") in (None, parse_quantity("40"))]
    assert unread == []


def test_the_date_words_the_guide_lists_are_read_or_refused_as_it_says():
    from datetime import date

    from scripts.reading.dates import resolve

    bullet = _bullet("Put the words that date something").replace("\n  ", " ")
    read_part, refused_part = bullet.split("Other words that make a period", 1)
    read = [w for w in re.findall(r'"([^"]+)"', read_part)]
    refused = re.findall(r'"([^"]+)"', refused_part.split("are never read as one day")[0])
    assert len(read) >= 6 and len(refused) >= 6
    wednesday, war_began = date(2020, 9, 30), date(2020, 9, 27)  # the war in progress, for "so far"
    assert [w for w in read if resolve(w, wednesday, war_began) is None] == []
    assert [w for w in refused if resolve(w, wednesday, war_began) is not None] == []


def test_add_says_at_once_when_the_outlet_is_not_a_registered_media_outlet(repo, tmp_path):
    source = tmp_path / "article.txt"
    source.write_bytes(b"Baku said its forces had taken two villages.")
    unknown = run(repo, "add", "--outlet", "trend", str(source))
    assert unknown.exit_code == 0  # the article is added; the outlet can be registered next
    assert (
        "Note: the outlet 'trend' is not in seeds/registry/actors.yaml yet; add it there (type: media_outlet)"
        in unknown.output
    )
    source.write_bytes(b"Baku said its forces had taken three villages.")
    not_an_outlet = run(repo, "add", "--outlet", "Baku", str(source))
    assert "Note: 'Baku' is a state in seeds/registry/actors.yaml, not a media_outlet" in not_an_outlet.output
    source.write_bytes(b"Baku said its forces had taken four villages.")
    assert "Note:" not in run(repo, "add", "--outlet", "the BBC", str(source)).output
