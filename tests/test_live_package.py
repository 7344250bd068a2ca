"""The live package, whatever articles, codings and registry entries it holds: statements true of any valid
package (tests/package_checks.py), never facts of particular articles, so that adding a well-formed article never
turns CI red. Facts of the seed articles are tested on their frozen copy (tests/frozen.py)."""

from __future__ import annotations

import contextlib
import io
import os
import re

from scripts.build.pipeline import build_outputs
from scripts.common.paths import ROOT, Layout
from tests.package_checks import rows, unsound

LIVE = Layout(ROOT)


def test_the_live_package_is_sound():
    assert unsound(LIVE) == {}


def test_the_committed_files_are_exactly_a_fresh_build():
    stale = [LIVE.rel(path) for path, data in build_outputs(LIVE).items() if path.read_bytes() != data]
    assert stale == [], "stale: run `python -m scripts build` and commit the result"


def test_the_readme_pandas_example_runs_on_the_live_package():
    readme = LIVE.readme.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    out, cwd, namespace = io.StringIO(), os.getcwd(), {}
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    claims, monday = namespace["claims"], namespace["monday"]
    assert len(claims) == len(rows(LIVE, "claims"))  # every claim, with its types
    assert str(claims["value_min"].dtype) == "Int64" and str(claims["date_start"].dtype).startswith("datetime64")
    assert set(monday["claim_type"]) <= {"killed"} and set(monday["date_start"].dt.date.astype(str)) <= {"2020-09-28"}
