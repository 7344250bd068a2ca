"""The catalogue of rules: every problem the project reports names one of these, so a contributor can look any
message up (CONTRIBUTING.md section 6 and the README codebook are written from it by the build) and a typo in a
rule id fails where it is reported instead of reaching a contributor as an unexplained name.

Each rule says where it is checked: on the seeds (codings, registry and article files, as the build reads them),
on the tables (as validation reads the CSV), or on the package (descriptor, Table Schemas, files). A rule checked
on both seeds and tables has one id; where a coding and a table check look alike but differ, `twin` says why.
Problems frictionless reports keep frictionless' own error types, which its documentation lists."""

from __future__ import annotations

from dataclasses import dataclass

SEEDS, TABLES, PACKAGE = "seeds", "tables", "package"


@dataclass(frozen=True)
class Rule:
    id: str
    checked_on: tuple[str, ...]
    wrong: str  # what is wrong, as a contributor meets it
    todo: str  # what to do about it
    tables: tuple[str, ...] = ()  # for a row rule, the tables it applies to
    engine: str = "project"  # who reports it: the project's code or pandera
    twin: str = ""  # the rule of the other side that looks alike, and why the two differ


def _group(ids, checked_on, wrong, todo, **more) -> list[Rule]:
    """Rules that share their explanation (listed in one row of CONTRIBUTING's table)."""
    return [Rule(rule_id, checked_on, wrong, todo, **more) for rule_id in ids]


_RULES = [
    *_group(
        ("yaml-syntax",),
        (SEEDS,),
        "the YAML cannot be parsed (indentation, a duplicate key, an unclosed quote)",
        "fix the line named; quote evidence that contains `: ` or starts with a quote",
    ),
    *_group(
        ("yaml-limit",),
        (SEEDS,),
        "the file is larger than 16 MiB, nests lists and mappings more than 32 deep, or puts an anchor "
        "(`&name`) on a list or mapping",
        "write the values out; an alias may repeat a text (`&words` … `*words`)",
    ),
    *_group(
        ("coding-additionalProperties",), (SEEDS,), "an unknown key, often a typo", "use the key the message suggests"
    ),
    *_group(("coding-required",), (SEEDS,), "a required key is missing", 'add it (section 3, "Every key")'),
    *_group(("coding-enum",), (SEEDS,), "a value outside the allowed list", "use one of the values listed"),
    *_group(
        ("coding-pattern",),
        (SEEDS,),
        "an id with capitals, spaces or underscores",
        "lower-case letters, digits and single hyphens",
    ),
    *_group(
        ("coding-type",),
        (SEEDS,),
        "a list where a single value is expected, or the reverse",
        "follow the shape of the example",
    ),
    *_group(("coding-minLength",), (SEEDS,), "an empty text", "write the text or remove the key"),
    *_group(("coding-minimum",), (SEEDS,), "`occurrence: 0` or less", "occurrences count from 1"),
    *_group(("coding-uniqueItems",), (SEEDS,), "the same alias twice in one actor", "list each alias once"),
    *_group(("coding-encoding",), (SEEDS,), "the coding is not UTF-8", "re-save it as UTF-8"),
    *_group(("coding-empty",), (SEEDS,), "no actor mention is coded yet", "code the mentions (and the rest)"),
    *_group(
        ("evidence-not-found",),
        (SEEDS,),
        "the evidence is not in the article",
        "copy it exactly; the message shows the text if only quotes, dashes or spaces differ",
        twin="evidence-slice: a coding has words to find, a table has offsets to compare; the first is a "
        "contributor's to fix, the second only a rebuild's",
    ),
    *_group(
        ("evidence-whitespace",),
        (SEEDS,),
        "the evidence starts or ends with a space or a line break",
        "start and end it with the article's words",
    ),
    *_group(
        ("evidence-ambiguous",),
        (SEEDS,),
        "the evidence occurs more than once",
        "add `occurrence: N` or quote more words",
    ),
    *_group(("evidence-occurrence",), (SEEDS,), "`occurrence` is higher than the number of occurrences", "lower it"),
    *_group(
        ("mention-partial-word",),
        (SEEDS,),
        'a mention inside a longer word ("Armenia" in "Armenian")',
        "pick the occurrence that is the name itself",
    ),
    *_group(
        ("not-in-evidence",),
        (SEEDS, TABLES),
        "`cue`, `text`, `speaker_description`, `value_text` or `date_text` is not part of the row's evidence",
        "copy those words from the evidence",
        tables=("claims", "statements"),
    ),
    *_group(
        ("quote-text",),
        (SEEDS,),
        "a quote's `text` is not exactly the words between the quotation marks",
        "give exactly those words",
        twin="not-in-evidence: a table keeps a quote's words without its marks, so it can check only that they "
        "are words of the evidence; that they are exactly the quoted words is checked on the coding",
    ),
    *_group(
        ("actor-unknown",), (SEEDS,), "no actor has this id or alias", "use an existing actor or add it to the registry"
    ),
    *_group(("actor-alias-ambiguous",), (SEEDS,), "the alias belongs to two actors", "name the actor by its id"),
    *_group(("actor-type",), (SEEDS,), "the outlet is not a `media_outlet` actor", "name the outlet's actor"),
    *_group(("actor-parent-cycle",), (SEEDS,), "following `parent` leads back to the actor", "fix the parents"),
    *_group(("event-unknown",), (SEEDS,), "no event has this id", "use an existing event or add it to the registry"),
    *_group(
        ("event-type-unknown",),
        (SEEDS,),
        "an event's type is not in the vocabulary",
        "use a type of `event_types.yaml`",
    ),
    *_group(
        ("event-report-duplicate",),
        (SEEDS,),
        "the same event is reported twice from the same place in the article",
        "remove the repeat",
        twin="primary-key: a table's key, reported at its row; a coding's repeat is reported at its line",
    ),
    *_group(
        ("statement-unknown",),
        (SEEDS,),
        "a claim names a statement this coding does not have",
        "use the id of one of its statements",
    ),
    *_group(
        ("claimant-statement",), (SEEDS,), "a claim's claimant differs from its statement's speaker", "drop one of them"
    ),
    *_group(
        ("part-unknown", "part-cycle", "part-type", "part-exceeds-whole"),
        (SEEDS,),
        "a claim's `part_of` names no claim of the coding, the claim itself or one of its own parts, a claim of "
        "another type, or a figure smaller than the part",
        "give the id of the claim whose figure this one breaks down, or remove `part_of`",
    ),
    *_group(
        ("statement-speaker",),
        (SEEDS, TABLES),
        "a statement gives both a named speaker and a description of an unnamed one, or neither",
        "give `speaker` when the article names who spoke, else `speaker_description` in the evidence's words",
        tables=("statements",),
    ),
    *_group(
        (
            "claim-duplicate-id",
            "statement-duplicate-id",
            "actor-duplicate-id",
            "event-duplicate-id",
            "event_type-duplicate-id",
        ),
        (SEEDS,),
        "an id used twice",
        "give each its own id",
    ),
    *_group(
        ("victim-status",),
        (SEEDS, TABLES),
        "a casualty claim without `victim_status`, or another claim with one",
        "add it, or remove it",
        tables=("claims",),
    ),
    *_group(
        ("count-invalid",),
        (SEEDS,),
        "a negative, fractional, infinite or impossibly large count (over 10,000,000,000)",
        "counts are whole numbers of people, 0 or more",
        twin="type and minimum: a table's integer columns are checked by their Table Schema, with its names",
    ),
    *_group(("value-text-missing",), (SEEDS,), "bounds without the words that state them", "add `value_text`"),
    *_group(
        ("value-text-bounds",),
        (SEEDS,),
        "the `value_min`/`value_max` given cannot be a reading of `value_text` (53 stated as a million)",
        "give bounds the words allow, or leave them out",
    ),
    *_group(
        ("value-text-unreadable",),
        (SEEDS,),
        "the build cannot read the figure's words",
        "copy the number the evidence gives, if that is the figure; else give `qualifier`, `value_min`, `value_max`",
    ),
    *_group(
        ("qualifier-values",),
        (SEEDS, TABLES),
        "the qualifier contradicts the bounds (`at_least` with a maximum, min above max)",
        "correct the bounds or the qualifier",
        tables=("claims",),
    ),
    *_group(
        ("date-format", "date-invalid"),
        (SEEDS,),
        "not a date written YYYY-MM-DD, or no such day (2020-02-30)",
        "write a real date",
    ),
    *_group(
        ("date-precision",),
        (SEEDS, TABLES),
        "the dates do not fit their precision, or the first is after the last",
        "correct the dates or the precision",
        tables=("claims", "events"),
    ),
    *_group(
        ("date-unresolved",), (SEEDS,), "the build cannot read the date words", "give the dates as the message says"
    ),
    *_group(
        ("date-after-publication",),
        (SEEDS, TABLES),
        "a date after the article was published",
        "correct the date or the date words",
        tables=("claims", "statements"),
    ),
    *_group(
        ("published-date-conflict",),
        (SEEDS,),
        "a publication date in the coding of an article that has a date header",
        "remove it from the coding",
    ),
    *_group(
        ("retrieved-before-publication",),
        (SEEDS,),
        "`retrieved` is earlier than the article's publication date",
        "give the day you copied the text",
    ),
    *_group(
        ("published-date-method",),
        (SEEDS,),
        "an inferred publication date without the reasoning, or the reverse",
        "add `published_date_method`",
    ),
    *_group(
        ("draft-unreviewed",),
        (SEEDS,),
        "rows of a coding, or actors or events of the registry, written by `python -m scripts draft` still "
        "have `draft: true` (one message per file, with their lines)",
        'review it against the article, correct it, then delete `draft: true` (section 3, "Drafting a coding")',
    ),
    *_group(
        ("draft-placeholder",),
        (SEEDS,),
        "a value still reads `TODO: …`: something `python -m scripts draft` could not decide (whose people, "
        "who claims it, which day, what happened)",
        "write the answer in its place, or delete the line where the article does not say",
    ),
    *_group(
        ("actor-not-mentioned", "event-not-reported"),
        (SEEDS,),
        "a registry entry no article names",
        "add the mention or report, or remove the entry",
    ),
    *_group(("registry-missing",), (SEEDS,), "a registry file is missing", "restore it from git"),
    *_group(
        ("article-name",),
        (SEEDS,),
        "the file name breaks the naming scheme, or its hex digits are not the start of the file's sha256",
        "use `python -m scripts add`",
    ),
    *_group(
        ("article-encoding",),
        (SEEDS,),
        "the article is not UTF-8, or starts with a byte-order mark",
        "re-save it as UTF-8 without BOM and add it again",
    ),
    *_group(
        ("article-date-header",),
        (SEEDS,),
        "a `date` first line that is not a real YYYY-MM-DD date",
        "correct the article file before it is coded",
    ),
    *_group(
        ("article-size",),
        (SEEDS,),
        "an article file larger than 16 MiB",
        "a news article is a few kilobytes: add its text only",
    ),
    *_group(
        ("article-duplicate", "article-empty"),
        (SEEDS,),
        "an article whose text is already in `seeds/` under another name, or an empty one",
        "remove it and its coding",
    ),
    *_group(
        ("symlink",),
        (PACKAGE,),
        "a file or folder of `seeds/`, `schemas/`, `datapackage/` or `figures/`, or `datapackage.json`, "
        "`README.md` or `CONTRIBUTING.md`, is a symbolic link",
        "replace the link with the file itself: CI never follows a link",
    ),
    *_group(
        ("seed-without-coding", "coding-without-seed"),
        (SEEDS,),
        "an article without its coding, or the reverse",
        "add the missing file or rename to match",
    ),
    *_group(("seed-file-kind",), (SEEDS,), "a file in `seeds/` that is neither `.txt` nor `.yaml`", "move it out"),
    *_group(
        ("article-sha256", "article-length"),
        (TABLES,),
        "the article changed after it was coded",
        "restore it; articles are never edited",
    ),
    *_group(("article-file",), (TABLES,), "`articles.csv` names a file that does not exist", "rebuild"),
    *_group(
        ("stale",),
        (SEEDS, PACKAGE),
        "a table, `datapackage.json` or generated documentation differs from a fresh build",
        "run `make package` and commit the result; never edit tables by hand",
    ),
    *_group(
        ("csv-bom", "csv-encoding", "csv-line-endings"),
        (TABLES,),
        "a table saved with a byte-order mark, another encoding or CRLF",
        "rebuild; check your editor and `.gitattributes`",
    ),
    *_group(
        ("csv-missing-column", "csv-extra-column", "csv-repeated-column", "csv-column-order"),
        (TABLES,),
        "a table's header differs from its schema",
        "rebuild",
    ),
    *_group(
        ("csv-row-length", "csv-blank-row"),
        (TABLES,),
        "a row of a table has more or fewer cells than its header, or is blank",
        "rebuild",
    ),
    *_group(
        ("resource-hash", "resource-bytes", "resource-rows"),
        (PACKAGE,),
        "a table's sha256, size or number of rows is not what `datapackage.json` records",
        "rebuild",
    ),
    *_group(("table-missing",), (TABLES,), "a table listed in `datapackage.json` does not exist", "rebuild"),
    *_group(
        ("type", "required", "unique", "enum", "pattern", "minimum", "maximum", "minLength", "primary-key"),
        (TABLES,),
        "a cell breaks its Table Schema (wrong type, empty required cell, duplicate key, unknown reference)",
        "correct the coding and rebuild",
        engine="pandera",
    ),
    *_group(
        ("check",),
        (TABLES,),
        "a cell fails a pandera check that carries no rule name (every check the project makes has one)",
        "report it as a defect of the project's checks",
        engine="pandera",
    ),
    *_group(
        ("foreign-key",),
        (TABLES,),
        "a cell breaks its Table Schema (wrong type, empty required cell, duplicate key, unknown reference)",
        "correct the coding and rebuild",
    ),
    *_group(
        ("evidence-slice",),
        (TABLES,),
        "a table's evidence is not the article's characters at its offsets",
        "rebuild; never edit offsets by hand",
        tables=("actor_mentions", "event_reports", "statements", "claims"),
    ),
    *_group(
        ("value-range",),
        (TABLES,),
        "value_min is greater than value_max",
        "correct the coding and rebuild",
        tables=("claims",),
    ),
    *_group(
        ("qualifier-value-text",),
        (TABLES,),
        "a qualifier without value_text, or value_text without a qualifier",
        "correct the coding and rebuild",
        tables=("claims",),
    ),
    *_group(
        ("pair-order",),
        (TABLES,),
        "a disagreement's claim_id_a does not sort before its claim_id_b",
        "rebuild; never edit tables by hand",
        tables=("claim_disagreements",),
    ),
    *_group(
        ("location-remote",),
        (SEEDS, PACKAGE),
        "`datapackage.json` or a Table Schema names a place outside the repository (an `http://` profile or "
        "schema, an absolute path)",
        "name files of the repository, and profiles by their standard names",
    ),
    *_group(
        ("schema-invalid", "schema-field", "schema-key"),
        (SEEDS, PACKAGE),
        "a Table Schema is not valid JSON, declares a field the project cannot read (an unknown type, a "
        "constraint that does not fit it, `value_min` as text), or a key naming fields or resources that do not exist",
        "correct the schema as the message says",
    ),
    *_group(
        ("resource-property",),
        (PACKAGE,),
        "a resource of `datapackage.json` carries a property the package does not use (`extrapaths`, "
        "`compression`, a `dialect`) or another `scheme`, `format` or `mediatype` than local CSV",
        "remove it",
    ),
    *_group(
        ("write-failed",),
        (SEEDS, PACKAGE),
        "the build cannot write a file of the package (a file where its folder goes, a full disk)",
        "remove what is in the way, or free the space, and build again",
    ),
    *_group(
        ("stray-file", "write-interrupted"),
        (PACKAGE,),
        "a build or draft was stopped while it replaced files, leaving temporary files or a half-written package",
        "run `python -m scripts build`: it finishes the replacement and removes them",
    ),
    *_group(
        ("vocabulary",),
        (TABLES,),
        "the event types in `events.json` and `event_types.yaml` differ",
        "list each type in both",
    ),
    *_group(
        ("descriptor-invalid", "descriptor-property"),
        (PACKAGE,),
        "`datapackage.json` is not valid JSON or lacks a property",
        "restore it from git",
    ),
    *_group(
        ("resource-unknown",),
        (SEEDS,),
        "`datapackage.json` lists a table the build does not make",
        "remove the resource and its schema",
    ),
    *_group(
        (
            "resource-path-unsafe",
            "resource-path",
            "resource-schema",
            "resource-profile",
            "resource-encoding",
            "resource-name",
            "resource-missing",
        ),
        (PACKAGE,),
        "a resource in `datapackage.json` is not where or what the package needs",
        "restore the resource from git",
    ),
]
RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}


class UnknownRule(KeyError):
    """A rule id the catalogue does not have: a defect of the code that reports it, never of a contribution."""


def known(rule_id: str) -> str:
    if rule_id not in RULES:
        raise UnknownRule(
            f"'{rule_id}' is not a rule of scripts/common/catalogue.py: add it there (with what is "
            "wrong and what to do) or report a rule it has"
        )
    return rule_id


def row_rules_of(table: str) -> list[Rule]:
    """The rules across a row's columns that a table's rows must keep beyond its Table Schema."""
    return [rule for rule in _RULES if table in rule.tables]
