"""A problem is a value with a place and a rule, so every command can collect them and print them together."""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from dataclasses import asdict, dataclass, replace

from scripts.common.catalogue import known


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    message: str
    line: int | None = None  # line of a text or coding file (1-based)
    column: str | None = None  # column of a table, or key path in a coding file
    row: int | None = None  # row of a table, counted as frictionless does (the header is row 1)
    value: str | None = None
    engine: str = "project"  # who found it: project, pandera, frictionless
    more_rows: int = 0  # rows past MAX_ROWS_PER_RULE that break the same rule in the same column, not listed

    def sort_key(self):
        return (self.file, self.row or 0, self.line or 0, self.column or "", self.rule, self.message)


MAX_ROWS_PER_RULE = 100  # a systematic error in a million rows stays readable: the rest are counted
MAX_MESSAGE, MAX_VALUE = 2_000, 1_000  # characters kept: a megabyte of evidence quoted in a message is cut short


def _bounded(text: str, most: int) -> str:
    return text if len(text) <= most else f"{text[: most - 1]}… ({len(text):,} characters)"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text) -> str:
    """Text as one line of a report: line breaks, carriage returns and other control characters written as escapes,
    so that no value can start a line of its own (a forged "No problems found.") or drive the terminal."""
    return _CONTROL.sub(
        lambda m: {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(m.group(), f"\\x{ord(m.group()):02x}"), str(text)
    )


class ProblemList(list):
    """Problems collected across a whole run; one found twice (say by validation and by its fresh build) is kept
    once, and past MAX_ROWS_PER_RULE rows of one file, rule and column the last one listed counts the rest.
    Safe to add to from several threads (a table is read ahead on one while the rows before are checked)."""

    def __init__(self, problems=()):
        super().__init__()
        self._seen, self._last, self._lock = set(), {}, threading.Lock()
        self.extend(problems)

    def append(self, problem):
        with self._lock:
            self._append(problem)

    def _append(self, problem):
        if problem.engine != "frictionless":  # frictionless names its errors by its own types
            known(problem.rule)
        if problem in self._seen:
            return
        self._seen.add(problem)
        key = (problem.file, problem.rule, problem.column)
        if problem.row is not None and key in self._last:
            at, listed = self._last[key]
            if listed >= MAX_ROWS_PER_RULE:
                self[at] = replace(self[at], more_rows=self[at].more_rows + 1 + problem.more_rows)
                return
            self._last[key] = (len(self), listed + 1)
        elif problem.row is not None:
            self._last[key] = (len(self), 1)
        super().append(problem)

    def extend(self, problems):
        for problem in problems:
            self.append(problem)

    def add(self, file, rule, message, line=None, column=None, value=None, engine="project", row=None):
        self.append(
            Problem(
                file=_bounded(str(file), 300),
                rule=rule,
                message=_bounded(message, MAX_MESSAGE),
                line=line,
                column=None if column is None else _bounded(str(column), 300),
                row=row,
                value=None if value is None else _bounded(str(value), MAX_VALUE),
                engine=engine,
            )
        )


class RuleError(Exception):
    """One refusal: the rule broken, a message that says what would satisfy it, and the offending value."""

    def __init__(self, rule, message, value=None):
        self.rule, self.message, self.value = known(rule), message, value
        super().__init__(message)


class BuildError(Exception):
    """Raised when codings cannot become tables; carries every problem found, not just the first."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__(f"{len(self.problems)} problem(s)")


def _short(value, width=80):
    text = printable(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def format_text(problems) -> str:
    """Group by file, one line per problem with its place, rule and value, then a summary count."""
    if not problems:
        return "No problems found."
    by_file = defaultdict(list)
    for p in sorted(problems, key=Problem.sort_key):
        by_file[p.file].append(p)
    out = []
    for file, items in by_file.items():
        out.append(f"{printable(file)}: {len(items)} problem(s)")
        for p in items:
            place = []
            if p.row is not None:
                place.append(f"row {p.row}")
            if p.line is not None:
                place.append(f"line {p.line}")
            if p.column:
                place.append(f"column {printable(p.column)}")
            where = ", ".join(place) or "file"
            value = f" (value: {_short(p.value)!s})" if p.value not in (None, "") else ""
            engine = "" if p.engine == "project" else f" ({p.engine})"
            more = f"; {p.more_rows} more row(s) break this rule here, not listed" if p.more_rows else ""
            out.append(f"  {where}: [{p.rule}]{engine} {printable(p.message)}{value}{more}")
    unlisted = sum(p.more_rows for p in problems)
    more = f" ({unlisted} more row(s) counted, not listed)" if unlisted else ""
    out.append(f"{len(problems)} problem(s) in {len(by_file)} file(s){more}.")
    return "\n".join(out)


def format_json(problems) -> str:
    items = [asdict(p) for p in sorted(problems, key=Problem.sort_key)]
    return json.dumps({"valid": not items, "count": len(items), "problems": items}, indent=2, ensure_ascii=False)
