"""Quotations as news copy sets them, read one way by the build and by the table rules.

A quotation opens with a mark and closes with its pair. News copy runs a long quotation over several paragraphs by
opening every paragraph with a mark and closing only the last one, and a text may stop before a quotation closes
(an excerpt, a wire story cut short); either is still one quotation. Its words are the words between the marks,
with each paragraph break and the mark that reopens the next paragraph read as one space.

Double marks (straight, curly, guillemets) delimit quotations on their own; single ones, curly or straight, double
as apostrophes ("Azerbaijan’s", "Azerbaijan's"), so they bound only the words a coder states explicitly as a quote's
`text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from scripts.reading.vocabulary import QUOTE_PAIRS

OPENING, CLOSING = set(QUOTE_PAIRS) | {"‘"}, set(QUOTE_PAIRS.values()) | {"’"}
DOUBLE_CLOSING = set(QUOTE_PAIRS.values())
# A paragraph break inside a quotation, with the mark reopening the next paragraph: read as one space.
PARAGRAPH_BREAK = r"[ \t]*\n\s*[\"“«„]?"


@dataclass(frozen=True)
class Passage:
    """One quotation: the (start, end) of its words in each paragraph it spans, and whether a mark closes it."""

    segments: tuple[tuple[int, int], ...]
    closed: bool

    @property
    def end(self) -> int:
        return self.segments[-1][1] + (1 if self.closed else 0)  # past its closing mark, if it has one

    def words(self, text: str) -> str:
        return joined(text, self.segments)


# Two single marks standing for one double mark, as some agencies set quotations (‘’…’’, ''…''): an opening pair
# before a word, a closing pair after one.
_DOUBLED_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:‘’|‘‘|''|``)(?=\S)")
_DOUBLED_CLOSING = re.compile(r"(?<=\S)(?:’’|''|‘‘)(?=[\s,.;:!?)\]—–-]|$)")


@lru_cache(maxsize=8)
def marks(text: str) -> str:
    """The text with each doubled single mark read as one double mark (the second character of an opening pair
    becomes “, the first of a closing pair ”, the other a space): same length, so offsets hold; the quoted words
    are the text's own."""
    if not any(pair in text for pair in ("‘’", "’’", "‘‘", "''", "``")):
        return text
    view = list(text)
    for match in _DOUBLED_OPENING.finditer(text):
        view[match.start()], view[match.start() + 1] = " ", "“"
    for match in _DOUBLED_CLOSING.finditer(text):
        view[match.start()], view[match.start() + 1] = "”", " "
    return "".join(view)


def passages(text: str, start: int = 0, end: int | None = None) -> list[Passage]:
    """The quotations that open between start and end, each followed through the text to where it closes, to the
    end of a paragraph that the next one does not continue, or to the end of the text."""
    text = marks(text)
    end = len(text) if end is None else end
    found, at = [], start
    while at < end:
        if text[at] not in QUOTE_PAIRS:
            at += 1
            continue
        passage = _follow(text, at)
        found.append(passage)
        at = max(passage.end, at + 1)
    return found


# Paragraphs with no quotation mark at all that a quotation may run through without reopening marks, before the
# paragraph that closes it ("“As reported, ... / By now, 9 civilians ... / ... updated,” the office said."), as
# agencies set a statement they carry whole. A bound, so that a mark left open in careless copy reaches no further.
UNMARKED_PARAGRAPHS = 8


def _follow(text: str, opening: int) -> Passage:
    """A quotation from its opening mark: to its own closing mark in the paragraph, or, in copy typeset carelessly,
    to another double closing mark ("“… died." ends with a straight one); on through the next paragraph when that
    one reopens the quotation, or, the reopening marks left out, through paragraphs with no mark at all to one that
    has a closing mark before any opening one."""
    segments: list[tuple[int, int]] = []
    begin = opening + 1
    while True:
        paragraph_end = _paragraph_end(text, begin)
        close = _closing(text, opening, begin, paragraph_end)
        if close is not None:
            return Passage((*segments, (begin, close)), True)
        segments.append((begin, len(text[begin:paragraph_end].rstrip()) + begin))
        following = _next_paragraph(text, paragraph_end)
        if following < len(text) and text[following] == text[opening]:
            begin = following + 1  # the next paragraph reopens the quotation
            continue
        unmarked = _unmarked_run(text, following)
        if unmarked is None:
            return Passage(tuple(segments), False)  # cut: the text, or the quotation, stops here
        for start in unmarked:  # it goes on without reopening marks, and closes in the last of these
            segments.append((start, len(text[start : _paragraph_end(text, start)].rstrip()) + start))
        begin = _next_paragraph(text, _paragraph_end(text, unmarked[-1])) if unmarked else following


def _paragraph_end(text: str, begin: int) -> int:
    end = text.find("\n", begin)
    return len(text) if end < 0 else end


def _next_paragraph(text: str, paragraph_end: int) -> int:
    blank = re.compile(r"\s*").match(text, paragraph_end)
    assert blank is not None  # \s* matches at any position, if need be nothing
    return blank.end()


def _unmarked_run(text: str, start: int) -> list[int] | None:
    """The starts of the paragraphs with no quotation mark from `start` on, when the paragraph after them has a
    closing mark before any opening one (none, if the paragraph at `start` is that one); else None."""
    run: list[int] = []
    while start < len(text) and len(run) <= UNMARKED_PARAGRAPHS:
        if _closes_first(text, start):
            return run
        end = _paragraph_end(text, start)
        if any(char in OPENING or char in DOUBLE_CLOSING for char in text[start:end] if char not in "‘’"):
            return None
        run.append(start)
        start = _next_paragraph(text, end)
    return None


def _closing(text: str, opening: int, begin: int, end: int) -> int | None:
    """Where the quotation opened at `opening` closes between begin and end: its own closing mark, else any other
    double closing mark that stands after a word."""
    own = text.find(QUOTE_PAIRS[text[opening]], begin, end)
    if own >= 0:
        return own
    other = [at for at in range(begin, end) if text[at] in DOUBLE_CLOSING and _after_word(text, at)]
    return other[0] if other else None


def closes_at(text: str, opening: int, at: int, end: int) -> bool:
    """Whether the quotation opened at `opening` closes at `at`, in the paragraph that ends at `end`: the draft
    reads a misset mark ("a “humanitarian truce“entered into force") as the build does."""
    return _closing(text, opening, opening + 1, end) == at


def _closes_first(text: str, begin: int) -> bool:
    """Whether the paragraph starting at begin has a double closing mark after a word before any opening mark."""
    paragraph_end = text.find("\n", begin)
    for at in range(begin, len(text) if paragraph_end < 0 else paragraph_end):
        if text[at] in DOUBLE_CLOSING and _after_word(text, at):
            return True
        if text[at] in QUOTE_PAIRS:
            return False
    return False


def _after_word(text: str, at: int) -> bool:
    return at > 0 and not text[at - 1].isspace()


def held(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """For each quotation opening between start and end, the paragraphs of it that lie whole in that span: the
    evidence of a statement may hold a whole quotation, or only some of its paragraphs (one statement a paragraph,
    as a quotation continued in the next paragraph is often coded)."""
    return [inside for p in passages(text, start, end) if (inside := [s for s in p.segments if s[1] <= end])]


def joined(text: str, segments) -> str:
    return " ".join(text[a:b] for a, b in segments)


def bounded(text: str, at: int, length: int) -> bool:
    """Whether text[at:at + length] stands between an opening and a closing mark (single ones included, curly or
    straight: "'We will not stop,' he said", which only a coder's stated `text` can tell from apostrophes)."""
    text = marks(text)
    before, after = (text[at - 1] if at > 0 else ""), (text[at + length] if at + length < len(text) else "")
    return (before in OPENING and after in CLOSING) or (before == after == "'")
