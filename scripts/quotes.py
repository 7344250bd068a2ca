"""Quotations as news copy sets them, read one way by the build and by the table rules.

A quotation opens with a mark and closes with its pair. News copy runs a long quotation over several paragraphs by
opening every paragraph with a mark and closing only the last one, and a text may stop before a quotation closes
(an excerpt, a wire story cut short); either is still one quotation. Its words are the words between the marks,
with each paragraph break and the mark that reopens the next paragraph read as one space.

Double marks (straight, curly, guillemets) delimit quotations on their own; single curly ones double as
apostrophes ("Azerbaijan’s"), so they bound only the words a coder states explicitly as a quote's `text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_PAIRS = {'"': '"', "“": "”", "«": "»"}
OPENING, CLOSING = set(QUOTE_PAIRS) | {"‘"}, set(QUOTE_PAIRS.values()) | {"’"}
# A paragraph break inside a quotation, with the mark reopening the next paragraph: read as one space.
PARAGRAPH_BREAK = r"[ \t]*\n\s*[\"“«]?"


@dataclass(frozen=True)
class Passage:
    """One quotation: the (start, end) of its words in each paragraph it spans, and whether a mark closes it."""
    segments: tuple[tuple[int, int], ...]
    closed: bool

    @property
    def end(self) -> int:
        return self.segments[-1][1] + (1 if self.closed else 0)  # past its closing mark, if it has one

    def words(self, text: str) -> str:
        return " ".join(text[start:end] for start, end in self.segments)


def passages(text: str, start: int = 0, end: int | None = None) -> list[Passage]:
    """The quotations that open between start and end, each followed through the text to where it closes, to the
    end of a paragraph that the next one does not continue, or to the end of the text."""
    end = len(text) if end is None else end
    found, at = [], start
    while at < end:
        mark = text[at]
        if mark not in QUOTE_PAIRS:
            at += 1
            continue
        passage = _follow(text, at, QUOTE_PAIRS[mark])
        found.append(passage)
        at = max(passage.end, at + 1)
    return found


def _follow(text: str, opening: int, closing: str) -> Passage:
    segments, begin = [], opening + 1
    while True:
        paragraph_end = text.find("\n", begin)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        close = text.find(closing, begin, paragraph_end)
        if close >= 0:
            return Passage((*segments, (begin, close)), True)
        segments.append((begin, len(text[begin:paragraph_end].rstrip()) + begin))
        following = re.compile(r"\s*").match(text, paragraph_end).end()
        if following >= len(text) or text[following] != text[opening]:
            return Passage(tuple(segments), False)  # cut: the text, or the quotation, stops here
        begin = following + 1


def bounded(text: str, at: int, length: int) -> bool:
    """Whether text[at:at + length] stands between an opening and a closing mark (single curly ones included)."""
    return at > 0 and text[at - 1] in OPENING and at + length < len(text) and text[at + length] in CLOSING
