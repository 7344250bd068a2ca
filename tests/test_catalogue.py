"""The catalogue of bad contributions is complete: every rule the project's code can report is broken by a case of
tests/test_coding_errors.py or tests/test_validate_tables.py that checks the place and the advice of the message.

The rules the code can report are read from the source of scripts/ with `ast` (nothing is run): every string given
as the rule of a problem or of a refusal, plus the rules built at run time, listed by hand below and checked
against what builds them. A new rule in scripts/ without a catalogue case fails
test_every_rule_the_code_can_report_has_a_catalogue_case; a new way of building a rule name fails
test_every_rule_argument_in_scripts_is_a_literal_or_explained.
"""

from __future__ import annotations

import ast
import json
from types import SimpleNamespace

import pytest

from scripts.checks.pandera_schemas import _checks, column_schema, key_schema
from scripts.checks.row_rules import table_rules
from scripts.checks.table_checks import PANDERA_RULES
from scripts.common.catalogue import RULES, SEEDS, TABLES, UnknownRule, row_rules_of
from scripts.common.paths import ROOT
from scripts.common.problems import ProblemList, RuleError
from tests import test_coding_errors, test_validate_tables
from tests.test_coding_errors import CASES, FILE_CASES
from tests.test_validate_tables import (
    CELL_CASES,
    CELL_VALUE_CASES,
    CSV_FORM_CASES,
    DESCRIPTOR_CASES,
    FOREIGN_KEY_CASES,
    HEADER_CASES,
    OFFSET_CASES,
    TABLE_CASES,
    found,
    validate,
)

SCRIPTS, SCHEMAS = ROOT / "scripts", ROOT / "schemas"
CATALOGUE_SOURCE = SCRIPTS / "common" / "catalogue.py"

# Every list of bad contributions, with the module whose tests are parametrized by it.
CATALOGUE = [
    (test_coding_errors, CASES),
    (test_coding_errors, FILE_CASES),
    (test_validate_tables, CELL_CASES),
    (test_validate_tables, CELL_VALUE_CASES),
    (test_validate_tables, OFFSET_CASES),
    (test_validate_tables, FOREIGN_KEY_CASES),
    (test_validate_tables, CSV_FORM_CASES),
    (test_validate_tables, HEADER_CASES),
    (test_validate_tables, DESCRIPTOR_CASES),
    (test_validate_tables, TABLE_CASES),
]
# (test_validate_tables.FRICTIONLESS_CASES checks the frictionless engine, out of scope here; UNSAFE_PATHS only
# varies the path of one resource-path-unsafe case.)

# --- the rules built at run time ------------------------------------------------------------------------------

# f"coding-{error.validator}" (scripts/build/inputs.py): the JSON Schema keywords of schemas/coding/ that can fail
# (test_the_coding_validators_listed_are_the_keywords_the_coding_schemas_use keeps this in step).
CODING_VALIDATORS = {
    "additionalProperties",  # an unknown key
    "required",  # a missing key
    "enum",  # a value outside a vocabulary (claim type, qualifier, role ...)
    "pattern",  # an id, country_iso3 or event_type that does not fit its pattern
    "type",  # a list, mapping, text or number where another is expected
    "minLength",  # an empty text
    "minimum",  # occurrence 0
    "uniqueItems",  # an alias listed twice
}
# Keywords that cannot fail themselves: they only hold subschemas, whose keywords report, or say nothing.
NOT_ASSERTING = {"$schema", "description", "properties", "items"}

# The table rules pandera reports (scripts/checks/table_checks.py PANDERA_RULES and the checks
# scripts/checks/pandera_schemas.py makes from a field's constraints), only those the Table Schemas of
# schemas/*.json declare (test_the_pandera_rules_listed_are_those_the_table_schemas_declare keeps this in step).
PANDERA_COLUMN_RULES = {
    "type",  # every column has a type ("dtype"; tables.py reports a cell of the wrong type under the same name)
    "required",  # constraints.required ("not_nullable")
    "unique",  # constraints.unique: articles.path and articles.coding_path ("field_uniqueness")
    "primary-key",  # primaryKey ("multiple_fields_uniqueness")
    "enum",
    "pattern",
    "minimum",
    "minLength",  # constraints of that name; "maximum" is supported but never declared
}

# Each rule argument in scripts/ that is not a string literal, by file and source text: the rules it can be.
DYNAMIC_RULES = {
    ("build/inputs.py", "f'coding-{error.validator}'"): {f"coding-{validator}" for validator in CODING_VALIDATORS},
    # `what` of _local_id(...) and of _duplicate(...) (test_the_duplicate_id_kinds_listed_are_those_the_code_passes)
    ("build/coding.py", "f'{what}-duplicate-id'"): {"claim-duplicate-id", "statement-duplicate-id"},
    ("build/registry.py", "f'{what}-duplicate-id'"): {
        "actor-duplicate-id",
        "event-duplicate-id",
        "event_type-duplicate-id",
    },
    # for key in ("path", "schema"): a resource path or schema that is not the one its name implies
    ("checks/descriptor.py", "f'resource-{key}'"): {"resource-path", "resource-schema"},
    # what makes a JSON Schema of schemas/coding/ unusable, worked out once per schema file and reported per use
    ("build/inputs.py", "rule"): {"schema-invalid", "location-remote"},
    # a failure pandera reports: a row rule (rules.Rule, collected from the source), a column rule, or "check"
    ("checks/table_checks.py", "name"): PANDERA_COLUMN_RULES | {"check", "maximum"},
}
DUPLICATE_ID_KINDS = {
    ("build/coding.py", "_local_id"): {"claim", "statement"},
    ("build/registry.py", "_duplicate"): {"actor", "event", "event_type"},
}
# A rule argument handed on from elsewhere, where it is collected: the `rule` parameter of the function that passes
# it (ProblemList.add, _Coder.problem), or the rule of a refusal caught as `exc` (ArticleError, SpanError ...).
PASSED_ON = {"rule", "exc.rule"}
# Callables whose rule argument is not called `rule`: a row rule of scripts/checks/row_rules.py is reported under
# its name.
OTHER_RULE_TAKERS = {"Rule": (0, "name")}

# --- rules no catalogue case here can break, and why -----------------------------------------------------------

UNREACHABLE = {
    # pandera_schemas makes the check for a Table Schema that declares a maximum; none of schemas/ does, so no case
    # here can break one (tests/test_nothing_lost.py adds one to a schema and sees it reported)
    "maximum": "no Table Schema declares a maximum",
    # table_checks._column_rule's fallback for a pandera check it has no name for: every check pandera_schemas makes
    # carries its rule name ("enum: ...", "pattern: ..."), and the column checks of a strict, ordered schema
    # cannot fail because read_batches gives pandera exactly the schema's columns in the schema's order.
    "check": "pandera check without a rule name",
    # Declared (a non-empty text), but every minLength of schemas/*.json is 1 and an empty cell, even a quoted "",
    # is read as missing, so `required` reports it instead
    # (test_a_minlength_of_a_table_schema_cannot_fail_because_an_empty_cell_is_missing shows both).
    "minLength": "an empty cell is missing",
}
# Emitted only by the `add` command (scripts/build/contribute.py), refusing an article before it reaches seeds/; their
# cases are in tests/test_contributing.py. (The rules `add` shares with the build are broken here by FILE_CASES.)
ADD_COMMAND_RULES: set[str] = set()

MIN_RULES_COVERED = 30


# --- reading the rules out of scripts/ ------------------------------------------------------------------------


def _trees() -> dict[str, ast.Module]:
    return {
        path.relative_to(SCRIPTS).as_posix(): ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted(SCRIPTS.rglob("*.py"))
        if path != CATALOGUE_SOURCE
    }  # it lists rules, reports none


def _parameters(function, skip=0) -> list[str]:
    return [a.arg for a in function.args.posonlyargs + function.args.args][skip:]


def _is_dataclass(node: ast.ClassDef) -> bool:
    return any(ast.unparse(d).split("(")[0].endswith("dataclass") for d in node.decorator_list)


def rule_takers(trees) -> dict[str, tuple[int, str]]:
    """Callables of scripts/ that take a rule: name -> (position of the rule among the positional arguments of a
    call, its keyword). Functions and methods with a `rule` parameter, classes whose __init__ (or dataclass field)
    takes one, and subclasses that inherit such an __init__ (ArticleError(RuleError) ...)."""
    takers, bases, own_init = dict(OTHER_RULE_TAKERS), {}, set()
    for tree in trees.values():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and "rule" in _parameters(node):
                takers[node.name] = (_parameters(node).index("rule"), "rule")
            if not isinstance(node, ast.ClassDef):
                continue
            bases[node.name] = [ast.unparse(b) for b in node.bases]
            fields = [f.target.id for f in node.body if isinstance(f, ast.AnnAssign) and isinstance(f.target, ast.Name)]
            if _is_dataclass(node) and "rule" in fields:
                takers[node.name] = (fields.index("rule"), "rule")
            for method in (m for m in node.body if isinstance(m, ast.FunctionDef)):
                own_init |= {node.name} if method.name == "__init__" else set()
                if "rule" in _parameters(method, skip=1):
                    name = node.name if method.name == "__init__" else method.name
                    takers[name] = (_parameters(method, skip=1).index("rule"), "rule")
    inherited = True
    while inherited:
        inherited = False
        for name, parents in bases.items():
            parent = next((p for p in parents if p in takers), None)
            if name not in takers and name not in own_init and parent:
                takers[name], inherited = takers[parent], True
    return takers


def _parents(tree) -> dict:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _enclosing(node, parents, kind):
    while node in parents:
        node = parents[node]
        if isinstance(node, kind):
            return node
    return None


def _is_passed_on(arg, parents, takers) -> bool:
    """`rule` as a parameter of the enclosing function, never assigned there; `exc.rule` of a caught refusal."""
    source = ast.unparse(arg)
    if source not in PASSED_ON:
        return False
    if source == "rule":
        function = _enclosing(arg, parents, ast.FunctionDef)
        assigned = function is not None and any(
            isinstance(n, ast.Name) and n.id == "rule" and isinstance(n.ctx, ast.Store) for n in ast.walk(function)
        )
        return function is not None and "rule" in _parameters(function) and not assigned
    handler = _enclosing(arg, parents, ast.ExceptHandler)
    caught = (
        []
        if handler is None or handler.type is None
        else (handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type])
    )
    return (
        handler is not None and handler.name == "exc" and bool(caught) and all(ast.unparse(t) in takers for t in caught)
    )


def rule_arguments(trees):
    """(file, line, argument node, parents) of the rule of every call in scripts/ that takes one; the problems of
    the frictionless engine (engine="frictionless") are out of scope."""
    takers = rule_takers(trees)
    for file, tree in trees.items():
        parents = _parents(tree)
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            if name not in takers or any(
                k.arg == "engine" and getattr(k.value, "value", None) == "frictionless" for k in call.keywords
            ):
                continue
            index, keyword = takers[name]
            arg = (
                call.args[index]
                if len(call.args) > index
                else next((k.value for k in call.keywords if k.arg == keyword), None)
            )
            if arg is not None:  # None: a set's add(item) and the like
                yield file, call.lineno, arg, parents


def emitted_rules() -> tuple[set[str], set[tuple[str, str]], list[str]]:
    """The rules the code can report; the dynamic arguments met; the rule arguments nothing here explains."""
    trees = _trees()
    takers = rule_takers(trees)
    rules, dynamic, unexplained = set(), set(), []
    for file, line, arg, parents in rule_arguments(trees):
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            rules.add(arg.value)
        elif (file, ast.unparse(arg)) in DYNAMIC_RULES:
            dynamic.add((file, ast.unparse(arg)))
            rules |= DYNAMIC_RULES[file, ast.unparse(arg)]
        elif not _is_passed_on(arg, parents, takers):
            unexplained.append(f"scripts/{file}:{line}: {ast.unparse(arg)}")
    return rules, dynamic, unexplained


# --- reading the rules out of the catalogue -------------------------------------------------------------------


def _rules_of(module, constant) -> set[str]:
    """The rules a catalogue constant breaks, read through the test it parametrizes: its argument named `rule`, or
    the `.rule` of each case. Fails if no test of the module is parametrized with exactly these cases."""
    cases = list(constant.values()) if isinstance(constant, dict) else list(constant)
    for test in vars(module).values():
        for mark in getattr(test, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            names, values = mark.args[0], list(mark.args[1])
            if len(values) != len(cases) or any(value is not case for value, case in zip(values, cases, strict=True)):
                continue
            names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
            if "rule" in names:
                return {case[names.index("rule")] for case in cases}
            if names == ["case"]:
                return {case.rule for case in cases}
    raise AssertionError(f"no test of {module.__name__} is parametrized by these cases with a `rule`: {cases[:1]}...")


def covered_rules() -> set[str]:
    return set().union(*(_rules_of(module, constant) for module, constant in CATALOGUE))


# --- the tests ------------------------------------------------------------------------------------------------


def test_every_rule_of_the_catalogue_has_a_case_that_breaks_it():
    uncovered = sorted(set(RULES) - covered_rules() - set(UNREACHABLE) - ADD_COMMAND_RULES)
    assert not uncovered, (
        f"rules of scripts/common/catalogue.py without a case: {uncovered}; add a case that "
        "breaks each to CASES or FILE_CASES (tests/test_coding_errors.py) or TABLE_CASES "
        "(tests/test_validate_tables.py)"
    )


def test_the_catalogue_covers_many_rules():
    assert len(covered_rules()) >= MIN_RULES_COVERED, sorted(covered_rules())


def test_the_code_reports_exactly_the_rules_of_the_catalogue():
    """A second guard beside the check at run time (catalogue.known): read from the source, so a rule id on a path
    no test takes is caught too."""
    emitted, covered = emitted_rules()[0], covered_rules()
    assert sorted(emitted - set(RULES)) == []  # reported, but not in the catalogue
    assert sorted(set(RULES) - emitted) == []  # in the catalogue, but nothing reports it
    assert sorted(covered - set(RULES)) == []  # a case whose rule is not in the catalogue
    assert sorted(set(UNREACHABLE) & covered) == []  # a rule that is covered needs no exception


def test_reporting_a_rule_the_catalogue_does_not_have_fails_at_once():
    with pytest.raises(UnknownRule, match="'evidence-missing' is not a rule of scripts/common/catalogue.py"):
        ProblemList().add("seeds/x.yaml", "evidence-missing", "a message")
    with pytest.raises(UnknownRule):
        RuleError("date-wrong", "a message")
    problems = ProblemList()
    problems.add("datapackage.json", "package-error", "frictionless' own type", engine="frictionless")
    assert [p.rule for p in problems] == ["package-error"]


def test_each_row_rule_of_the_catalogue_names_the_tables_that_check_it():
    context = SimpleNamespace(corpus=SimpleNamespace(evidence_matches=None))  # the rules are made, never run
    names = [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["resources"]]
    for name in names:
        checked = sorted({rule.name for rule in table_rules(name, context)})
        assert checked == sorted(rule.id for rule in row_rules_of(name)), name
    assert all(TABLES in rule.checked_on for rule in RULES.values() if rule.tables)


def test_a_rule_checked_on_seeds_and_tables_has_one_id_or_a_reason_for_two():
    twins = {rule.id: rule.twin.split(":")[0] for rule in RULES.values() if rule.twin}
    assert twins and all(twin in RULES for twins_of in twins.values() for twin in twins_of.split(" and "))
    assert {rule.id for rule in RULES.values() if rule.checked_on == (SEEDS, TABLES)} >= {
        "victim-status",
        "qualifier-values",
        "date-precision",
        "date-after-publication",
        "not-in-evidence",
    }


def test_every_rule_argument_in_scripts_is_a_literal_or_explained():
    rules, dynamic, unexplained = emitted_rules()
    assert unexplained == [], (
        f"rule arguments that are neither a string nor listed in DYNAMIC_RULES or PASSED_ON: {unexplained}"
    )
    assert sorted(set(DYNAMIC_RULES) - dynamic) == []  # a listed way of building rules that scripts/ no longer has
    assert len(rules) > 50  # the collector sees the code (a rename of ProblemList.add would leave it blind)


def _keywords(node):
    """The keywords of a JSON Schema and of its subschemas (property names are not keywords)."""
    yield from node
    for sub in node.get("properties", {}).values():
        yield from _keywords(sub)
    if isinstance(node.get("items"), dict):
        yield from _keywords(node["items"])


def test_the_coding_validators_listed_are_the_keywords_the_coding_schemas_use():
    used = {
        k
        for path in (SCHEMAS / "coding").glob("*.schema.json")
        for k in _keywords(json.loads(path.read_text(encoding="utf-8")))
    }
    assert used - NOT_ASSERTING == CODING_VALIDATORS


def test_the_duplicate_id_kinds_listed_are_those_the_code_passes():
    trees = _trees()
    for (file, function), kinds in DUPLICATE_ID_KINDS.items():
        (definition,) = [n for n in ast.walk(trees[file]) if isinstance(n, ast.FunctionDef) and n.name == function]
        index = _parameters(definition).index("what")
        calls = [
            n for n in ast.walk(trees[file]) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == function
        ]
        passed = {
            (c.args[index] if len(c.args) > index else next(k.value for k in c.keywords if k.arg == "what")).value
            for c in calls
        }
        assert passed == kinds, (file, function)
        assert DYNAMIC_RULES[file, "f'{what}-duplicate-id'"] == {f"{kind}-duplicate-id" for kind in kinds}


def test_the_pandera_rules_listed_are_those_the_table_schemas_declare():
    assert set(PANDERA_RULES) == {"dtype", "not_nullable", "field_uniqueness", "multiple_fields_uniqueness"}
    declared = set()
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        columns, keys = column_schema(schema), key_schema(schema)
        declared |= {check.error.partition(":")[0] for field in schema["fields"] for check in _checks(field)}
        declared |= {
            PANDERA_RULES[check][0]
            for check, used in (
                ("dtype", True),
                ("not_nullable", any(not c.nullable for c in columns.columns.values())),
                ("field_uniqueness", any(c.unique for c in keys.columns.values())),
                ("multiple_fields_uniqueness", bool(keys.unique)),
            )
            if used
        }
    assert declared == PANDERA_COLUMN_RULES


def test_a_minlength_of_a_table_schema_cannot_fail_because_an_empty_cell_is_missing(repo):
    constraints = [
        field.get("constraints", {})
        for path in SCHEMAS.glob("*.json")
        for field in json.loads(path.read_text(encoding="utf-8"))["fields"]
    ]
    lengths = {c["minLength"] for c in constraints if "minLength" in c}
    assert lengths == {1}  # so only "" could break one
    path = repo.table_path("actor_aliases")
    data = path.read_bytes()
    assert data.count(b"\nbbc,BBC\n") == 1
    path.write_bytes(data.replace(b"\nbbc,BBC\n", b'\nbbc,""\n'))  # a quoted empty alias (alias has minLength 1)
    row = data.split(b"\n").index(b"bbc,BBC") + 1
    problems = validate(repo)
    found(problems, "required", "datapackage/actor_aliases.csv", row=row, column="alias")
    assert [p for p in problems if p.rule == "minLength"] == []
