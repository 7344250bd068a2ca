"""Review of a draft: the markers on what it wrote, and placeholders for what it could not decide.

Every row and registry entry `python -m scripts draft` writes carries `draft: true` until a person has checked it
(rule draft-unreviewed, reported once per file with the lines still marked).

What the draft could not decide it writes as a placeholder where the answer goes, so that review cannot skip it.
A placeholder is a text value that starts with `TODO:` and says what to write there ("TODO: whose people were
killed ..."). The build refuses each one, wherever it stands in a coding or in the registry (rule
draft-placeholder), so deleting a draft's `draft: true` markers alone never lets it through: every placeholder must
be replaced by the answer, or its key deleted where the article does not say.
"""

from __future__ import annotations

from scripts.common.yamlfile import leaves

PREFIX = "TODO:"
# The rules by which a draft asks its reviewer for something, rather than errors in it: its markers, its
# placeholders, date words the build cannot read as one day (a period: "since Sunday"), and how a publication date
# given to `draft --published` is known.
REVIEW_RULES = ("draft-unreviewed", "draft-placeholder", "date-unresolved", "published-date-method")


def placeholder(what: str) -> str:
    """The placeholder asking for `what`."""
    return f"{PREFIX} {what}"


def is_placeholder(value) -> bool:
    return isinstance(value, str) and value.lstrip().startswith(PREFIX)


def find(document) -> list[tuple[list, str]]:
    """(key path, value) of every placeholder in a parsed YAML document, in document order."""
    return [(path, value) for path, _, value in leaves(document) if is_placeholder(value)]


def clear(document, paths) -> None:
    """Read each placeholder as absent (None), so that the checks after it do not report it a second time."""
    for path in paths:
        node = document
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = None


def report_unreviewed(problems, rel: str, lines: list, noun: str, advice: str) -> None:
    """One problem for the rows or entries of a file still marked `draft: true`: how many, and on which lines."""
    lines = sorted(line for line in lines if line is not None)
    many = len(lines) != 1
    problems.add(
        rel,
        "draft-unreviewed",
        f"{len(lines)} {noun}{'s' if many else ''} written by `python -m scripts draft` {'are' if many else 'is'} "
        f"not reviewed yet ('draft: true' on line{'s' if many else ''} {', '.join(map(str, lines))}): {advice}, "
        f"then delete {'their' if many else 'its'} 'draft: true'",
        line=lines[0] if lines else None,
        value=len(lines),
    )
