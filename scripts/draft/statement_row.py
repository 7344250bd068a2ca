"""A statement the draft found: the row it writes, shared by the modules that find statements and figures."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class StatementRow:
    start: int
    end: int
    speaker: str
    type: str  # direct | partial | indirect
    cue: tuple[int, int] | None = None
    said: tuple[int, int] | None = None  # the words said: a quotation's words, or the reported words
    date: tuple[int, int] | None = None
    via: str | None = None
    event: str | None = None
    cue_base: str | None = None
    note: str | None = None
    described: tuple[int, int] | None = None  # the article's words for a speaker it does not name
