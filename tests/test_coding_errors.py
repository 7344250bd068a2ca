"""Each way a coding can be wrong, broken once in a copy: the build refuses with the rule, file, line and advice."""

from __future__ import annotations

import hashlib
import json
import re
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from scripts.build.inputs import PATTERN_WORDS
from scripts.build.pipeline import build_rows
from scripts.cli import main
from scripts.common.paths import ROOT
from scripts.common.problems import BuildError
from tests.conftest import add_article, replace_in
from tests.frozen import frozen

SEED_000, SEED_004 = "seeds/000_9182488a4787e2a6.yaml", "seeds/004_a3deb327b58a8082.yaml"
ACTORS, EVENTS = "seeds/registry/actors.yaml", "seeds/registry/events.yaml"
EVENT_TYPES = "seeds/registry/event_types.yaml"
# Seed 004's evidence with curly quotes, as the article has it; a coder typing straight quotes gets it back.
CURLY = (
    "adding that “the United States remains committed to helping the sides achieve a peaceful and "
    "sustainable settlement to the conflict.”"
)
STRAIGHT = CURLY.replace("“", '"').replace("”", '"')
METHOD = re.search(
    r"  published_date_method: >-\n(?:    .*\n)+", (frozen().root / SEED_004).read_text(encoding="utf-8")
)[0]
FIGURE = (
    "    value_text: some 500\n"  # claim c06 of seed 004: "Azerbaijan claiming to have killed some 500 Armenian troops"
)
MENTIONS = re.search(r"\nmentions:\n(?:  .*\n)+", (frozen().root / SEED_000).read_text(encoding="utf-8"))[
    0
]  # all of seed 000's


def problems_of(repo):
    with pytest.raises(BuildError) as err:
        build_rows(repo)
    return err.value.problems


def edit(repo, file, old, new):
    """One unambiguous edit: the text to replace must occur exactly once."""
    path = repo.root / file
    assert path.read_text(encoding="utf-8").count(old) == 1, f"{old!r} is not unique in {file}"
    replace_in(path, old, new)


def line_of(repo, file, marker):
    """The 1-based line of the (edited) file holding marker, which must be on exactly one line."""
    lines = [
        i for i, line in enumerate((repo.root / file).read_text(encoding="utf-8").split("\n"), 1) if marker in line
    ]
    assert len(lines) == 1, f"{marker!r} is on lines {lines} of {file}"
    return lines[0]


def the_problem(problems, file, rule):
    hits = [p for p in problems if (p.file, p.rule) == (file, rule)]
    assert len(hits) == 1, f"expected one {rule} in {file}, got {[(p.file, p.rule, p.line) for p in problems]}"
    return hits[0]


class Case(NamedTuple):
    file: str  # the file edited
    old: str
    new: str
    rule: str
    marker: str  # text on the line the problem must name, in the edited `where`
    advice: str  # words of the message that tell the coder what to do
    where: str | None = None  # the file the problem is reported in, when not the edited one


CASES = {
    "yaml-bad-indentation": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n   type: territory  # mis-indented\n",
        "yaml-syntax",
        "# mis-indented",
        "not valid YAML",
    ),
    "yaml-duplicate-key": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n    type: territory\n    type: other  # again\n",
        "yaml-syntax",
        "type: other  # again",
        "duplicate key 'type' (first on line",
    ),
    "unknown-key": Case(
        SEED_004,
        "    value_text: an additional 27",
        "    claimant_actr: Armenia\n    value_text: an additional 27",
        "coding-additionalProperties",
        "claimant_actr",
        "unknown key 'claimant_actr' (did you mean 'claimant'?)",
    ),
    "missing-key": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n",
        "coding-required",
        "- id: c06",
        "missing required key(s): type",
    ),
    "unknown-vocabulary": Case(
        SEED_000,
        "    statement: s05\n    type: territory",
        "    statement: s05\n    type: accusashun",
        "coding-enum",
        "type: accusashun",
        "'accusashun' is not an allowed value; use one of: killed",
    ),
    "evidence-not-found": Case(
        SEED_000,
        "evidence: it had recovered some territory lost\n",
        "evidence: it had recovered all territory lost\n",
        "evidence-not-found",
        "it had recovered all territory lost",
        "copy the words exactly",
    ),
    "evidence-straight-quotes": Case(
        SEED_004,
        f"evidence: {CURLY}\n",
        f"evidence: {STRAIGHT}\n",
        "evidence-not-found",
        'evidence: adding that "the United States',
        f"copy it exactly: {CURLY!r}",
    ),
    "evidence-ambiguous": Case(
        SEED_000,
        "  - {evidence: Moscow, occurrence: 1}",
        "  - {evidence: Moscow}",
        "evidence-ambiguous",
        "{evidence: Moscow}",
        "occurs 2 times in the article (at characters",
    ),
    "evidence-occurrence": Case(
        SEED_000,
        "  - {evidence: Moscow, occurrence: 1}",
        "  - {evidence: Moscow, occurrence: 9}",
        "evidence-occurrence",
        "occurrence: 9",
        "lower 'occurrence'",
    ),
    "actor-unknown": Case(
        SEED_000,
        "    victim: azerbaijan\n    victim_status: civilian\n    value_text: five",
        "    victim: Azerbaijanis\n    victim_status: civilian\n    value_text: five",
        "actor-unknown",
        "victim: Azerbaijanis",
        "use an existing actor or add it there",
    ),
    "event-unknown": Case(
        SEED_004,
        "    event: e-2016-clashes\n",
        "    event: e-2016-no-such-clashes\n",
        "event-unknown",
        "e-2016-no-such-clashes",
        "add the event there",
    ),
    "statement-unknown": Case(
        SEED_000,
        "    statement: s05\n",
        "    statement: s55\n",
        "statement-unknown",
        "statement: s55",
        "use the id of one of its statements",
    ),
    "actor-alias-ambiguous": Case(
        ACTORS,
        "aliases: [Moscow, Russian]",
        "aliases: [Moscow, Russian, Soviet]",
        "actor-alias-ambiguous",
        "{evidence: Soviet}",
        "folds into 2 actors (russia, soviet-union); name the actor by its actor_id",
        where=SEED_000,
    ),
    "claim-duplicate-id": Case(
        SEED_000,
        "  - id: c06\n",
        "  - id: c05  # second c05\n",
        "claim-duplicate-id",
        "# second c05",
        "the claim id 'c05' is used twice in this coding; give each row its own id",
    ),
    "actor-duplicate-id": Case(
        ACTORS,
        "- id: bbc\n",
        "- id: russia  # second russia\n  name: Russia again\n  type: state\n- id: bbc\n",
        "actor-duplicate-id",
        "# second russia",
        "give each its own id",
    ),
    "value-min-above-max": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: exact\n    value_min: 900\n    value_max: 500\n",
        "qualifier-values",
        "qualifier: exact",
        "swap them or correct the figure",
    ),
    "negative-count": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: approx\n    value_min: -500\n    value_max: 500\n",
        "count-invalid",
        "value_min: -500",
        "counts are whole numbers of people, 0 or more",
    ),
    "fractional-count": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: approx\n    value_min: 499.5\n    value_max: 500\n",
        "count-invalid",
        "value_min: 499.5",
        "counts are whole numbers of people, 0 or more",
    ),
    "qualifier-contradicts-values": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: at_least\n    value_min: 500\n    value_max: 500\n",
        "qualifier-values",
        "qualifier: at_least",
        "at_least needs value_min and no value_max",
    ),
    "value-text-unreadable": Case(
        SEED_004,
        FIGURE,
        "    value_text: Armenian troops\n",
        "value-text-unreadable",
        "value_text: Armenian troops",
        "if it is the evidence's '500', write that as 'value_text'; else keep 'value_text', state 'qualifier'",
    ),
    "value-text-unreadable-no-number-in-evidence": Case(  # "two Azeri civilians": no digits to point to
        SEED_000,
        "    value_text: two\n",
        "    value_text: Azeri civilians\n",
        "value-text-unreadable",
        "value_text: Azeri civilians",
        "the build cannot read this figure; keep 'value_text', state 'qualifier'",
    ),
    "date-invalid": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_start: 2020-02-30\n",
        "date-invalid",
        "date_start: 2020-02-30",
        "write a real date as YYYY-MM-DD",
    ),
    "date-after-publication": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_start: 2020-10-01\n",
        "date-after-publication",
        "date_start: 2020-10-01",
        "is after the article's publication date 2020-09-29; correct the date",
    ),
    "date-unresolved": Case(
        SEED_000,
        "    date_text: in a second day of heavy clashes\n    date_start: 2020-09-28\n",
        "    date_text: in a second day of heavy clashes\n",
        "date-unresolved",
        "date_text: in a second day",
        "keep 'date_text', state the date as 'date_start' (with 'date_end'",
    ),
    "quote-text": Case(
        SEED_000,
        "    cue: told a briefing\n",
        "    cue: told a briefing\n    text: life-and-death war\n",
        "quote-text",
        "text: life-and-death war",
        "'text' must be exactly the words between the quotation marks",
    ),
    "cue-not-in-evidence": Case(
        SEED_000,
        "    cue: told a briefing\n",
        "    cue: told reporters\n",
        "not-in-evidence",
        "cue: told reporters",
        "'cue' must be words copied from this row's evidence",
    ),
    "value-text-not-in-evidence": Case(
        SEED_004,
        FIGURE,
        "    value_text: some 600\n",
        "not-in-evidence",
        "value_text: some 600",
        "'value_text' must be words copied from this row's evidence",
    ),
    "date-text-not-in-evidence": Case(
        SEED_000,
        '    value_text: "53"\n    date_text: on Monday\n',
        '    value_text: "53"\n    date_text: on Tuesday\n',
        "not-in-evidence",
        "date_text: on Tuesday",
        "'date_text' must be words copied from this row's evidence",
    ),
    "actor-not-mentioned": Case(
        SEED_004,
        "  - {evidence: the BBC}\n",
        "",
        "actor-not-mentioned",
        "- id: bbc",
        "no article mentions 'bbc' or was published by it; add a mention",
        where=ACTORS,
    ),
    "event-not-reported": Case(
        SEED_004,
        "  - event: e-2020-turkey-peace-call\n    evidence: both Turkey and Russia have "
        "called for a peaceful resolution to the newest flare-up\n",
        "",
        "event-not-reported",
        "- id: e-2020-turkey-peace-call",
        "no article reports 'e-2020-turkey-peace-call'; add it to the 'events' of a coding",
        where=EVENTS,
    ),
    "event-report-duplicate": Case(
        SEED_004,
        "  - event: e-2020-09-27-fighting\n    evidence: the escalating battle that began on Sunday\n",
        "  - event: e-2020-09-27-fighting\n    evidence: the escalating battle that began on Sunday\n"
        "  - {event: e-2020-09-27-fighting, evidence: the escalating battle}\n",
        "event-report-duplicate",
        "{event: e-2020-09-27-fighting, evidence: the escalating battle}",
        "already reports 'e-2020-09-27-fighting' with words starting here; remove this repeat",
    ),
    "mention-partial-word": Case(
        SEED_000,
        "  - {evidence: Armenia, occurrence: 2}",
        "  - {evidence: Armenia, occurrence: 1}",
        "mention-partial-word",
        "{evidence: Armenia, occurrence: 1}",
        "part of the word 'Armenian'",
    ),
    "published-date-conflict": Case(
        SEED_000,
        "\nmentions:\n",
        "\narticle:\n  published_date: 2020-09-29\nmentions:\n",
        "published-date-conflict",
        "published_date: 2020-09-29",
        "remove published_date",
    ),
    "published-date-method": Case(
        SEED_004,
        METHOD,
        "",
        "published-date-method",
        "published_date: 2020-09-28",
        "needs 'published_date_method' saying how it was inferred",
    ),
    "claimant-statement": Case(
        SEED_000,
        "    statement: s05\n",
        "    statement: s05\n    claimant: Turkey\n",
        "claimant-statement",
        "claimant: Turkey",
        "differs from the statement's speaker 'nagorno-karabakh'; drop 'claimant' or the statement",
    ),
    "statement-speaker-both": Case(
        SEED_000,
        "    evidence: Nagorno-Karabakh also said it had recovered some territory lost\n",
        "    evidence: Nagorno-Karabakh also said it had recovered some territory lost\n"
        "    speaker_description: Nagorno-Karabakh also\n",
        "statement-speaker",
        "speaker_description: Nagorno-Karabakh also",
        "give 'speaker' when the article names who spoke, or 'speaker_description'",
    ),
    "statement-speaker-neither": Case(
        SEED_000,
        "  - id: s05\n    speaker: Nagorno-Karabakh\n",
        "  - id: s05\n",
        "statement-speaker",
        "- id: s05",
        "a statement needs 'speaker' (who spoke, as the registry names them) or, for a speaker the article does not "
        "name, 'speaker_description'",
    ),
    "speaker-description-not-in-evidence": Case(
        SEED_000,
        "  - id: s05\n    speaker: Nagorno-Karabakh\n",
        "  - id: s05\n    speaker_description: one resident\n",
        "not-in-evidence",
        "speaker_description: one resident",
        "'speaker_description' must be words copied from this row's evidence",
    ),
    "part-unknown": Case(
        SEED_000,
        '    value_text: "53"\n',
        '    value_text: "53"\n    part_of: c99\n',
        "part-unknown",
        "part_of: c99",
        "no claim with id 'c99' in this coding; use the id of the claim whose figure this one breaks down",
    ),
    "part-cycle": Case(
        SEED_000,
        '    value_text: "53"\n',
        '    value_text: "53"\n    part_of: c02\n',
        "part-cycle",
        "part_of: c02",
        "'c02' is this claim or one of its own parts",
    ),
    "part-type": Case(
        SEED_000,
        '    value_text: "53"\n',
        '    value_text: "53"\n    part_of: c04\n',
        "part-type",
        "part_of: c04",
        "this 'killed' claim cannot be part of 'c04', a 'wounded' claim",
    ),
    "part-exceeds-whole": Case(
        SEED_000,
        '    value_text: "53"\n',
        '    value_text: "53"\n    part_of: c03\n',
        "part-exceeds-whole",
        "part_of: c03",
        "this claim counts at least 53, more than the at most 31 of 'c03'",
    ),
    "actor-parent-cycle": Case(
        ACTORS,
        "  parent: vladimir-putin\n  title: spokesman",
        "  parent: dmitri-peskov\n  title: spokesman",
        "actor-parent-cycle",
        "  parent: dmitri-peskov",
        "correct 'parent' so that the chain of parents ends at an actor without one",
    ),
    "actor-type": Case(
        SEED_004,
        "article:\n  published_date: 2020-09-28\n",
        "article:\n  outlet: Russia\n  published_date: 2020-09-28\n",
        "actor-type",
        "outlet: Russia",
        "'Russia' must be a media_outlet actor, but 'russia' is a state",
    ),
    "coding-empty": Case(
        SEED_000,
        MENTIONS,
        "\nmentions: []\n",
        "coding-empty",
        "mentions: []",
        "add each actor it names under 'mentions'",
    ),
    "date-format": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_start: 28/09/2020\n",
        "date-format",
        "date_start: 28/09/2020",
        "dates are written YYYY-MM-DD",
    ),
    "date-precision": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_start: 2020-09-28\n    date_precision: week\n",
        "date-precision",
        "date_start: 2020-09-28",
        "precision 'week' does not fit 2020-09-28..2020-09-28: day = one day, days = several days, week = seven days",
    ),
    "date-ends-before-start": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_start: 2020-09-28\n    date_end: 2020-09-27\n",
        "date-precision",
        "date_start: 2020-09-28",
        "swap the start and end dates or correct one",
    ),
    "date-end-without-start": Case(
        SEED_000,
        "    date_start: 2020-09-28\n",
        "    date_end: 2020-09-28\n",
        "date-precision",
        "date_end: 2020-09-28",
        "date_end given without date_start; add date_start or remove it",
    ),
    "event-date-precision": Case(
        EVENTS,
        "  date_end: 1994-12-31\n  date_precision: year\n",
        "  date_end: 1994-12-31\n  date_precision: month\n",
        "date-precision",
        "date_precision: month",
        "month = first to last day of one month",
    ),
    "event-precision-without-dates": Case(
        EVENTS,
        "- id: e-1990s-displacement\n  type: displacement\n",
        "- id: e-1990s-displacement\n  type: displacement\n  date_precision: years  # no dates\n",
        "date-precision",
        "# no dates",
        "give the dates or remove the precision",
    ),
    "event-type-unknown": Case(
        EVENTS,
        "  type: war\n",
        "  type: warfare\n",
        "event-type-unknown",
        "type: warfare",
        "'warfare' is not in seeds/registry/event_types.yaml; use one of: armed_clash, attack",
    ),
    "statement-duplicate-id": Case(
        SEED_000,
        "  - id: s02\n",
        "  - id: s01  # second s01\n",
        "statement-duplicate-id",
        "# second s01",
        "the statement id 's01' is used twice in this coding; give each row its own id",
    ),
    "event-duplicate-id": Case(
        EVENTS,
        "- id: e-2016-clashes\n",
        "- id: e-1990s-war  # second e-1990s-war\n",
        "event-duplicate-id",
        "# second e-1990s-war",
        "give each its own id",
    ),
    "event_type-duplicate-id": Case(
        EVENT_TYPES,
        "- event_type: shelling\n",
        "- event_type: armed_clash  # second armed_clash\n",
        "event_type-duplicate-id",
        "# second armed_clash",
        "give each its own id",
    ),
    "value-text-missing": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n    type: territory\n    qualifier: exact\n    value_min: 3\n    value_max: 3\n",
        "value-text-missing",
        "- id: c06",
        "a figure needs 'value_text': the words of the article that state it",
    ),
    "victim-status": Case(
        SEED_000,
        "    victim_status: unknown\n",
        "",
        "victim-status",
        "- id: c01",
        "a 'killed' claim needs victim_status: military, civilian or unknown",
    ),
    "wrong-type": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: exact\n    value_min: five\n    value_max: 500\n",
        "coding-type",
        "value_min: five",
        "expected number, got str: 'five'",
    ),
    "unquoted-number": Case(
        SEED_004,
        FIGURE,
        "    value_text: 500\n",
        "coding-type",
        "value_text: 500",
        "expected text, got a number (500): put the words in quotes as the article writes them",
    ),
    "id-pattern": Case(
        SEED_000,
        "  - id: s02\n",
        "  - id: S02\n",
        "coding-pattern",
        "- id: S02",
        "(lower-case letters, digits and single hyphens)",
    ),
    "country-pattern": Case(
        ACTORS,
        "  country_iso3: AZE\n  aliases: [Azeri,",
        "  country_iso3: aze\n  aliases: [Azeri,",
        "coding-pattern",
        "country_iso3: aze",
        "(three capital letters: an ISO 3166-1 alpha-3 code such as AZE)",
    ),
    "empty-value": Case(
        SEED_000,
        "    cue: told a briefing\n",
        "    cue: ''\n",
        "coding-minLength",
        "cue: ''",
        "the value is empty; write it, or leave the key out",
    ),
    "occurrence-zero": Case(
        SEED_000,
        "  - {evidence: Moscow, occurrence: 1}",
        "  - {evidence: Moscow, occurrence: 0}",
        "coding-minimum",
        "occurrence: 0",
        "0 is less than 1; give 1 or more",
    ),
    "draft-unreviewed": Case(
        SEED_000,
        "  - id: s02\n",
        "  - id: s02\n    draft: true\n",
        "draft-unreviewed",
        "draft: true",
        "1 row written by `python -m scripts draft` is not reviewed yet ('draft: "
        "true' on line 74): check each against the article (evidence, actor, figure, date), "
        "correct it or delete it, then delete its 'draft: true'",
    ),
    "draft-unreviewed-actor": Case(
        ACTORS,
        "- id: bbc\n",
        "- id: bbc\n  draft: true\n",
        "draft-unreviewed",
        "draft: true",
        "check that the registry does not already have each under "
        "another name (then use that id in the coding and delete the entry)",
    ),
    "draft-unreviewed-event": Case(
        EVENTS,
        "- id: e-2016-clashes\n",
        "- id: e-2016-clashes\n  draft: true\n",
        "draft-unreviewed",
        "draft: true",
        "and correct it, then delete its 'draft: true'",
    ),
    "retrieved-before-publication": Case(
        SEED_000,
        "\nmentions:\n",
        "\narticle:\n  retrieved: 2020-09-20\nmentions:\n",
        "retrieved-before-publication",
        "retrieved: 2020-09-20",
        "the text cannot have been copied before the article was published (2020-09-29)",
    ),
    "url-pattern": Case(
        SEED_000,
        "\nmentions:\n",
        "\narticle:\n  url: www.example.org/story\nmentions:\n",
        "coding-pattern",
        "url: www.example.org",
        "(a web address starting with http:// or https://, without spaces)",
    ),
    "draft-placeholder": Case(
        SEED_000,
        "    victim: azerbaijan\n    victim_status: civilian\n    value_text: five",
        "    victim: 'TODO: whose civilians'\n    victim_status: civilian\n    value_text: five",
        "draft-placeholder",
        "TODO: whose civilians",
        "a placeholder left for the reviewer: whose civilians (write the answer in place of the "
        "TODO, or delete the line where the article does not say)",
    ),
    "draft-placeholder-says-delete": Case(
        SEED_000,
        "    victim: azerbaijan\n    victim_status: civilian\n    value_text: five",
        "    victim: 'TODO: whose civilians; delete this line when the article does not say'\n    victim_status: "
        "civilian\n    value_text: five",
        "draft-placeholder",
        "TODO: whose civilians",
        "a placeholder left for the reviewer: whose civilians; delete this line when the article does not say (write "
        "the answer in place of the TODO)",
    ),
    "draft-placeholder-required": Case(
        EVENTS,
        "  description: All-out war over Nagorno-Karabakh in the early 1990s, ended",
        "  description: 'TODO: say what happened'\n  location: All-out war over "
        "Nagorno-Karabakh in the early 1990s, ended",
        "draft-placeholder",
        "TODO: say what happened",
        "a placeholder left for the reviewer: say what happened (write the answer in place of the TODO)",
    ),
    "evidence-whitespace": Case(
        SEED_000,
        "    evidence: it had recovered some territory lost\n",
        "    evidence: 'it had recovered some territory lost '\n",
        "evidence-whitespace",
        "territory lost '",
        "start and end it with the article's words",
    ),
    "value-text-bounds": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: exact\n    value_min: 5000\n    value_max: 5000\n",
        "value-text-bounds",
        "value_min: 5000",
        "the bounds given do not fit the words 'some 500', which read as 500: give bounds",
    ),
    "count-too-large": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: exact\n    value_min: 100000000000000000000\n    value_max: 500\n",
        "count-invalid",
        "value_min: 1000000",
        "(and at most 10,000,000,000, more people than live on Earth)",
    ),
    "count-not-a-number": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: approx\n    value_min: .nan\n    value_max: 500\n",
        "count-invalid",
        "value_min: .nan",
        "counts are whole numbers of people, 0 or more",
    ),
    "count-infinite": Case(
        SEED_004,
        FIGURE,
        FIGURE + "    qualifier: at_least\n    value_min: .inf\n",
        "count-invalid",
        "value_min: .inf",
        "counts are whole numbers of people, 0 or more",
    ),
    "yaml-anchored-list": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n    type: territory\n    note: &n [a]\n",
        "yaml-limit",
        "note: &n [a]",
        "an alias may repeat a text, not a list or mapping; write it out",
    ),
    "yaml-too-deep": Case(
        SEED_000,
        "    statement: s05\n    type: territory\n",
        "    statement: s05\n    type: territory\n    note: " + "[" * 40 + "]" * 40 + "\n",
        "yaml-limit",
        "note: [[[",
        "nest more than 32 levels deep",
    ),
    "alias-twice": Case(
        ACTORS,
        "aliases: [Moscow, Russian]",
        "aliases: [Moscow, Russian, Moscow]",
        "coding-uniqueItems",
        "aliases: [Moscow, Russian, Moscow]",
        "the list repeats 'Moscow'; list each value once",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bad_coding_is_refused_with_its_rule_file_line_and_advice(repo, case):
    edit(repo, case.file, case.old, case.new)
    where = case.where or case.file
    problem = the_problem(problems_of(repo), where, case.rule)
    assert problem.line == line_of(repo, where, case.marker)
    assert case.advice in problem.message


def replace_bytes(path, old, new):
    data = path.read_bytes()
    assert data.count(old) == 1, f"{old!r} is not unique in {path}"
    path.write_bytes(data.replace(old, new))


def write_pair(repo, stem):
    (repo.seeds / f"{stem}.txt").write_text("Baku said it had recovered territory.", encoding="utf-8")
    (repo.seeds / f"{stem}.yaml").write_text("mentions: []\n", encoding="utf-8")


FILE_CASES = {  # a problem with a seed file as a whole: it names the file, not a line
    "article-not-utf8": (
        lambda repo: (repo.seeds / "004_a3deb327b58a8082.txt").write_bytes(b"\xff\xfeAzerbaijan and Armenia"),
        "seeds/004_a3deb327b58a8082.txt",
        "article-encoding",
        "(byte 0xff at byte offset 0); re-save it as UTF-8",
    ),
    "article-bom": (
        lambda repo: replace_bytes(
            repo.seeds / "000_9182488a4787e2a6.txt", b" date 2020-09-29 ", b"\xef\xbb\xbf date 2020-09-29 "
        ),
        "seeds/000_9182488a4787e2a6.txt",
        "article-encoding",
        "save it as UTF-8 without BOM",
    ),
    "article-name": (
        lambda repo: write_pair(repo, "bad-name"),
        "seeds/bad-name.txt",
        "article-name",
        "a number of three or more digits, an underscore and sixteen lower-case hex digits, ending in .txt "
        "(e.g. 005_0123456789abcdef.txt or 1005_0123456789abcdef.txt)",
    ),
    "article-date-header": (
        lambda repo: replace_bytes(repo.seeds / "000_9182488a4787e2a6.txt", b" date 2020-09-29 ", b" date 2020-02-30 "),
        "seeds/000_9182488a4787e2a6.txt",
        "article-date-header",
        "must read 'date YYYY-MM-DD' with a real calendar date",
    ),
    "seed-without-coding": (
        lambda repo: (repo.seeds / "000_9182488a4787e2a6.yaml").unlink(),
        "seeds/000_9182488a4787e2a6.txt",
        "seed-without-coding",
        "add seeds/000_9182488a4787e2a6.yaml",
    ),
    "coding-without-seed": (
        lambda repo: (repo.seeds / "999_0000000000000000.yaml").write_text("mentions: []\n", encoding="utf-8"),
        "seeds/999_0000000000000000.yaml",
        "coding-without-seed",
        "add seeds/999_0000000000000000.txt or rename the coding to match its article",
    ),
    "coding-not-utf8": (
        lambda repo: replace_bytes(repo.root / SEED_000, b"# Coding of seed 000", b"# Coding of seed \xff000"),
        SEED_000,
        "coding-encoding",
        "the file is not valid UTF-8; re-save it as UTF-8",
    ),
    "seed-file-kind": (
        lambda repo: (repo.seeds / "notes.md").write_text("to do\n", encoding="utf-8"),
        "seeds/notes.md",
        "seed-file-kind",
        "seeds/ holds only articles (.txt) and their codings (.yaml); move or rename this file",
    ),
    "registry-missing": (
        lambda repo: (repo.registry / "event_types.yaml").unlink(),
        EVENT_TYPES,
        "registry-missing",
        f"restore it with `git checkout -- {EVENT_TYPES}`",
    ),
    "article-empty": (
        lambda repo: add_article(repo, 5, "date 2020-10-01\n", "mentions: []\n"),
        f"seeds/005_{hashlib.sha256(b'date 2020-10-01' + bytes([10])).hexdigest()[:16]}.txt",
        "article-empty",
        "the article is empty: remove it and its coding",
    ),
    "article-duplicate": (
        lambda repo: copy_pair(repo, "004_a3deb327b58a8082", "005_429dd8910dfc72a0"),
        "seeds/005_429dd8910dfc72a0.txt",
        "article-duplicate",
        "the same text as seeds/004_a3deb327b58a8082.txt: an article is added once",
    ),
    "article-name-not-its-hash": (
        lambda repo: add_article(
            repo, 5, "Baku said it had recovered territory.", "mentions: []\n", stem="005_0123456789abcdef"
        ),
        "seeds/005_0123456789abcdef.txt",
        "article-name",
        "the sixteen hex digits of the name must begin the file's sha256",
    ),
    "article-size": (
        lambda repo: add_article(
            repo, 5, "Baku said." + " " * (16 << 20), "mentions: []\n", stem="005_0000000000000000"
        ),
        "seeds/005_0000000000000000.txt",
        "article-size",
        "an article may have at most 16,777,216",
    ),
    "seed-subfolder": (
        lambda repo: article_in_a_subfolder(repo),
        "seeds/later",
        "seed-file-kind",
        "the files of this folder are never read",
    ),
    "yaml-empty-coding": (
        lambda repo: (repo.root / SEED_000).write_text("# nothing yet\n", encoding="utf-8"),
        SEED_000,
        "coding-type",
        "the file is empty: a coding is a mapping with mentions, events, statements",
    ),
}


def article_in_a_subfolder(repo):
    (repo.seeds / "later").mkdir()
    (repo.seeds / "later" / "005_0123456789abcdef.txt").write_text("Baku said.", encoding="utf-8")


def copy_pair(repo, stem, new_stem):
    for suffix in (".txt", ".yaml"):
        (repo.seeds / f"{new_stem}{suffix}").write_bytes((repo.seeds / f"{stem}{suffix}").read_bytes())


@pytest.mark.parametrize("breaks, file, rule, advice", FILE_CASES.values(), ids=FILE_CASES.keys())
def test_a_bad_seed_file_is_refused_with_its_rule_and_advice(repo, breaks, file, rule, advice):
    breaks(repo)
    assert advice in the_problem(problems_of(repo), file, rule).message


def test_explicit_bounds_without_a_qualifier_are_not_silently_ignored(repo):
    # value_min > value_max, given explicitly; without 'qualifier' the build reads "some 500" and drops them.
    edit(repo, SEED_004, FIGURE, FIGURE + "    value_min: 900\n    value_max: 500\n")
    problem = the_problem(problems_of(repo), SEED_004, "qualifier-values")
    assert line_of(repo, SEED_004, "- id: c06") <= problem.line <= line_of(repo, SEED_004, "value_max: 500")
    assert "qualifier" in problem.message


def test_a_missing_coding_is_not_also_reported_as_unmentioned_actors(repo):
    # build_rows skips the "never mentioned" check when an article is unread, because it "would only be noise".
    (repo.seeds / "000_9182488a4787e2a6.yaml").unlink()
    assert {p.rule for p in problems_of(repo)} == {"seed-without-coding"}


def test_the_advice_for_a_missing_coding_names_only_files_that_exist(repo):
    (repo.seeds / "000_9182488a4787e2a6.yaml").unlink()
    message = the_problem(problems_of(repo), "seeds/000_9182488a4787e2a6.txt", "seed-without-coding").message
    named = re.findall(r"[\w/-]+\.md\b", message)
    assert [name for name in named if not (ROOT / name).exists()] == []


def test_date_words_of_an_undated_article_are_not_reported_as_a_wrong_precision(repo):
    # Without a publication date, "On Monday" cannot be resolved and stays empty (dates.resolve); it is not an error.
    edit(repo, SEED_004, "article:\n  published_date: 2020-09-28\n" + METHOD, "")
    problems = []
    try:
        build_rows(repo)
    except BuildError as err:
        problems = err.problems
    assert [(p.file, p.line, p.rule, p.message) for p in problems] == []


def test_all_problems_are_reported_at_once(repo):
    edit(repo, SEED_000, "    statement: s05\n", "    statement: s55\n")
    edit(repo, SEED_004, FIGURE, "    value_text: some 600\n")
    found = {(p.file, p.rule, p.line) for p in problems_of(repo)}
    assert (SEED_000, "statement-unknown", line_of(repo, SEED_000, "statement: s55")) in found
    assert (SEED_004, "not-in-evidence", line_of(repo, SEED_004, "value_text: some 600")) in found


def build_cli(repo):
    return CliRunner().invoke(main, ["--root", str(repo.root), "build"])


def snapshot(repo):
    return {p.relative_to(repo.root).as_posix(): p.read_bytes() for p in sorted(repo.root.rglob("*")) if p.is_file()}


def test_a_failing_build_writes_nothing(repo):
    edit(
        repo, SEED_000, "    statement: s05\n    type: territory\n", "    statement: s05\n    type: other\n"
    )  # valid: changes claims.csv
    edit(repo, SEED_004, FIGURE, "    value_text: some 600\n")  # invalid
    before = snapshot(repo)
    broken = build_cli(repo)
    assert broken.exit_code == 1, broken.output
    assert "[not-in-evidence]" in broken.output and "Build failed; nothing was written." in broken.output
    assert snapshot(repo) == before
    edit(repo, SEED_004, "    value_text: some 600\n", FIGURE)  # fixed: now the valid change is written
    fixed = build_cli(repo)
    assert fixed.exit_code == 0 and "wrote datapackage/claims.csv" in fixed.output


def test_a_clean_build_changes_nothing(repo):
    before = snapshot(repo)
    result = build_cli(repo)
    assert result.exit_code == 0, result.output
    assert "0 changed" in result.output and "wrote " not in result.output
    assert snapshot(repo) == before


def test_a_parent_cycle_is_reported_at_the_actors_on_it_not_at_their_descendants(repo):
    # azerbaijan <-> azerbaijan-armed-forces; the army corps, its general and the prosecutor only lead into the cycle.
    edit(
        repo,
        ACTORS,
        "- id: azerbaijan\n  name: Azerbaijan\n  type: state\n",
        "- id: azerbaijan\n  name: Azerbaijan\n  type: state\n  parent: azerbaijan-armed-forces\n",
    )
    lines = (repo.root / ACTORS).read_text(encoding="utf-8").split("\n")
    # each reported at its own 'parent:' line, the line to correct
    on_cycle = [
        lines.index(f"- id: {actor}")
        + 1
        + next(i for i, line in enumerate(lines[lines.index(f"- id: {actor}") :]) if line.startswith("  parent: "))
        for actor in ("azerbaijan", "azerbaijan-armed-forces")
    ]
    assert sorted((p.file, p.line) for p in problems_of(repo) if p.rule == "actor-parent-cycle") == [
        (ACTORS, line) for line in on_cycle
    ]


def test_a_duplicate_event_type_names_the_key_that_holds_it(repo):
    edit(repo, EVENT_TYPES, "- event_type: shelling\n", "- event_type: armed_clash\n")
    problem = the_problem(problems_of(repo), EVENT_TYPES, "event_type-duplicate-id")
    assert problem.column == "[1].event_type"  # event types have no 'id' key


def test_every_pattern_of_the_coding_schemas_is_explained_in_words():
    """A coder who breaks a pattern is told in words what to write, not only the regular expression."""

    def patterns(node):
        if isinstance(node, dict):
            yield from ([node["pattern"]] if "pattern" in node else [])
            for value in node.values():
                yield from patterns(value)
        elif isinstance(node, list):
            for value in node:
                yield from patterns(value)

    used = {
        p
        for path in (ROOT / "schemas" / "coding").glob("*.schema.json")
        for p in patterns(json.loads(path.read_text(encoding="utf-8")))
    }
    assert used and used <= set(PATTERN_WORDS), sorted(used - set(PATTERN_WORDS))


@pytest.mark.parametrize(
    "file, old, new, rule",
    [
        (
            ACTORS,
            "- id: azerbaijan\n  name: Azerbaijan\n  type: state\n",
            "- id: azerbaijan\n  name: Azerbaijan\n  type: nation\n",
            "coding-enum",
        ),
        (EVENTS, "- id: e-1990s-war\n  type: war\n", "- id: e-1990s-war\n  typ: war\n", "coding-additionalProperties"),
    ],
    ids=["actors", "events"],
)
def test_a_broken_registry_file_is_reported_alone_not_as_every_name_unknown(repo, file, old, new, rule):
    """One typo in a registry file made every coding report each of its names unknown (135 problems)."""
    edit(repo, file, old, new)
    (repo.seeds / "000_9182488a4787e2a6.yaml").unlink()  # a problem that does not depend on the registry
    problems = problems_of(repo)
    assert sorted((p.file, p.rule) for p in problems) == sorted(
        [(file, rule), ("seeds/000_9182488a4787e2a6.txt", "seed-without-coding")]
        + ([(file, "coding-required")] if rule == "coding-additionalProperties" else [])
    )


def test_a_claim_of_a_described_speaker_has_no_claimant_of_its_own(repo):
    """A statement of a speaker the article does not name gives its claims no claimant; one given is refused, and
    without it the claim keeps its statement and no claimant."""
    edit(
        repo,
        SEED_000,
        "  - id: s05\n    speaker: Nagorno-Karabakh\n",
        "  - id: s05\n    speaker_description: Nagorno-Karabakh\n",
    )
    edit(repo, SEED_000, "    statement: s05\n", "    statement: s05\n    claimant: Turkey\n")
    problem = the_problem(problems_of(repo), SEED_000, "claimant-statement")
    assert problem.line == line_of(repo, SEED_000, "claimant: Turkey")
    assert "the statement's speaker is one the article does not name" in problem.message
    edit(repo, SEED_000, "    statement: s05\n    claimant: Turkey\n", "    statement: s05\n")
    rows = build_rows(repo)
    statement = next(r for r in rows["statements"] if r["statement_id"].endswith(":s05"))
    assert (statement["speaker_actor_id"], statement["speaker_description"]) == (None, "Nagorno-Karabakh")
    claims = [r for r in rows["claims"] if r["statement_id"] == statement["statement_id"]]
    assert claims and all(r["claimant_actor_id"] is None for r in claims)


def test_a_part_of_a_figure_names_its_whole_and_is_no_disagreement_beside_it(repo):
    """`part_of` links a claim to the figure it breaks down, in the table; claim_disagreements never pairs a part
    with another claim (a part is no second figure)."""
    from scripts.build.disagreements import derive_disagreements

    edit(repo, SEED_000, '    value_text: "31"\n', '    value_text: "31"\n    part_of: c02\n')
    rows = build_rows(repo)
    part = next(r for r in rows["claims"] if r["claim_id"].endswith(":c03"))
    assert part["part_of_claim_id"] == part["article_id"] + ":c02"
    other = {
        **part,
        "claim_id": "999_0000000000000000:c01",
        "article_id": "999_0000000000000000",
        "part_of_claim_id": None,
    }
    assert derive_disagreements([{**part, "part_of_claim_id": None}, other]) == []  # the same figure: no row
    assert len(derive_disagreements([{**part, "part_of_claim_id": None}, {**other, "value_min": 40, "value_max": 40}]))
    assert derive_disagreements([part, {**other, "value_min": 40, "value_max": 40}]) == []


def test_two_claims_each_part_of_the_other_are_both_refused_and_a_chain_into_them_is_not(repo):
    """c02 part of c03 and c03 part of c02 is a cycle, reported at each; c04 part of c03 only leads into it."""
    edit(repo, SEED_000, '    value_text: "53"\n', '    value_text: "53"\n    part_of: c03\n')
    edit(repo, SEED_000, '    value_text: "31"\n', '    value_text: "31"\n    part_of: c02\n')
    edit(repo, SEED_000, "    value_text: around 200\n", "    value_text: around 200\n    part_of: c03\n")
    found = [p for p in problems_of(repo) if p.file == SEED_000 and p.rule.startswith("part-")]
    assert sorted((p.rule, p.column) for p in found) == [
        ("part-cycle", "claims[1] (c02).part_of"),
        ("part-cycle", "claims[2] (c03).part_of"),
        ("part-type", "claims[3] (c04).part_of"),  # wounded, of a killed figure: a rule of its own, not the cycle
    ]
