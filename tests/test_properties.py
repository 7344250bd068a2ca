"""Property-based tests (hypothesis): random damage to what a pull request can change (a coding, a registry entry, a
table cell, a descriptor field) ends in problems or a clean pass, never an exception and never a connection to
anywhere. The number of examples is bounded so that CI runs them every time (the profiles are in conftest.py;
HYPOTHESIS_PROFILE=thorough runs 300 of each).
"""

from __future__ import annotations

import csv
import io
import json
import socket
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from scripts.build.pipeline import checked_outputs
from scripts.common.problems import BuildError
from scripts.validate.package import validate_package
from tests.conftest import copy_repository
from tests.frozen import SEED_000, frozen

# Values a careless or hostile contributor may write anywhere.
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "TODO: who?",
            "../../etc/passwd",
            "/etc/passwd",
            "http://127.0.0.1:9/x.json",
            "",
            " \n ",
            "2020-02-30",
            "seeds/../x",
            "NA",
            "null",
            "0",
            "-1",
            "e-2020-09-28-fighting",
            "azerbaijan",
            "“quoted”",
            "a" * 300,
        ]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def paths(node, path=()):
    """Every key path of a parsed document, containers included."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*path, index))


def damaged(document, path, value, delete: bool):
    """The document with the value at path replaced (or deleted)."""
    if not path:
        return value
    node = document
    for step in path[:-1]:
        node = node[step]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return document


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to connect is recorded (and fails)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("the tests allow no connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def copied():
    folder = tempfile.TemporaryDirectory(prefix="property-")
    return folder, copy_repository(Path(folder.name), frozen().root)


def build_ends_in_problems_or_outputs(layout) -> None:
    try:
        checked_outputs(layout)
    except BuildError as error:
        assert error.problems  # a refusal always says why


def yaml_file_damage(relative: str):
    document = yaml.safe_load((frozen().root / relative).read_text(encoding="utf-8"))
    where = list(paths(document))
    return st.tuples(st.sampled_from(where), HOSTILE, st.booleans())


@given(yaml_file_damage(f"seeds/{SEED_000}.yaml"))
def test_a_damaged_coding_is_refused_with_problems_never_an_exception(no_network, damage):
    path, value, delete = damage
    folder, layout = copied()
    with folder:
        coding = layout.seeds / f"{SEED_000}.yaml"
        document = damaged(yaml.safe_load(coding.read_text(encoding="utf-8")), path, value, delete and bool(path))
        coding.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        build_ends_in_problems_or_outputs(layout)
    assert no_network == []


@given(yaml_file_damage("seeds/registry/actors.yaml"), st.sampled_from(["actors", "events", "event_types"]))
@example(((24, "aliases"), "TODO:", False), "actors")  # each once a traceback, found by the thorough profile
@example(((0,), "TODO:", False), "event_types")
@example(((), "TODO:", False), "actors")
def test_a_damaged_registry_is_refused_with_problems_never_an_exception(no_network, damage, name):
    path, value, delete = damage
    folder, layout = copied()
    with folder:
        registry = layout.registry / f"{name}.yaml"
        document = yaml.safe_load(registry.read_text(encoding="utf-8"))
        path = path if name == "actors" else path[:1]  # the actors' paths fit the others' lists at their top
        if path and path[0] >= len(document):
            path = ()
        document = damaged(document, path, value, delete and bool(path))
        registry.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        build_ends_in_problems_or_outputs(layout)
    assert no_network == []


TABLES = ["claims", "statements", "articles", "actors", "event_reports", "claim_disagreements"]


@given(
    st.sampled_from(TABLES),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=30),
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            [
                "",
                "NA",
                "-1",
                "1e9",
                "2020-02-30",
                "99999999999999999999",
                '"',
                "\r",
                "a,b",
                "seeds/../x.txt",
                "/etc/passwd",
            ]
        ),
    ),
)
@example("claims", 0, 11, "0")  # a qualifier outside its enum: once a traceback
def test_a_damaged_table_cell_is_reported_never_an_exception(no_network, table, row, column, value):
    folder, layout = copied()
    with folder:
        path = layout.table_path(table)
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        row, column = 1 + row % (len(rows) - 1), column % len(rows[0])
        rows[row][column] = value
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
        problems = validate_package(layout, run_frictionless=True, rebuild=False)
        assert problems or rows == list(csv.reader(io.StringIO(frozen().table_path(table).read_text(encoding="utf-8"))))
    assert no_network == []


def descriptor_damage():
    document = json.loads(frozen().descriptor.read_text(encoding="utf-8"))
    return st.tuples(st.sampled_from(list(paths(document))), HOSTILE, st.booleans())


@given(descriptor_damage())
def test_a_damaged_descriptor_is_reported_never_an_exception_nor_a_connection(no_network, damage):
    path, value, delete = damage
    folder, layout = copied()
    with folder:
        document = damaged(
            json.loads(layout.descriptor.read_text(encoding="utf-8")), path, value, delete and bool(path)
        )
        try:
            text = json.dumps(document, allow_nan=True)
        except (TypeError, ValueError):
            text = "{"
        layout.descriptor.write_text(text, encoding="utf-8")
        validate_package(layout, run_frictionless=True, frictionless_rows=True)
        build_ends_in_problems_or_outputs(layout)
    assert no_network == []
