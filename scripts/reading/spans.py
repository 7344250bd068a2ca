"""Finding evidence in an article: exact, verbatim, and unambiguous."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from scripts.common.problems import RuleError

if TYPE_CHECKING:
    import numpy as np  # imported where a long text is indexed: a news article never loads it

# What people type instead of what the article has; used only to suggest the exact text in an error.
_LOOKALIKES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-", "\u00a0": " "}
)


class SpanError(RuleError):
    """Evidence that cannot be located, or not unambiguously."""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)


def occurrences(text: str, evidence: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of evidence in text."""
    starts, at = [], text.find(evidence)
    while at != -1:
        starts.append(at)
        at = text.find(evidence, at + 1)
    return starts


class Finder:
    """Where evidences occur in one text: each distinct evidence is looked up once, however many rows quote it
    (a coding that picks the 5,000th occurrence of a repeated sentence would otherwise rescan the text per row);
    in a long text, through an index of the hash of every Q characters, built once (sorting n hashes), so that
    thousands of distinct evidences cost their occurrences, not a scan of the text each."""

    Q = 16  # characters hashed at each position; shorter evidence is searched for directly
    INDEXED = 1 << 18  # texts at least this long are indexed

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[str, list[int]] = {}  # evidence -> its occurrences
        self._index: tuple[np.ndarray, np.ndarray] | None = None  # (sorted window hashes, their positions)
        self._located: dict[tuple[str, int | None], tuple[int, int] | SpanError] = {}

    def occurrences(self, evidence: str) -> list[int]:
        if evidence not in self._starts:
            long = len(self.text) >= self.INDEXED and len(evidence) >= self.Q
            self._starts[evidence] = self._indexed(evidence) if long else occurrences(self.text, evidence)
        return self._starts[evidence]

    def _indexed(self, evidence: str) -> list[int]:
        import numpy as np  # only for a text long enough to index: a news article never loads it

        if self._index is None:
            codes = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
            hashes = _window_hashes(codes, self.Q)
            order = np.argsort(hashes, kind="stable")  # equal hashes keep their positions in text order
            self._index = (hashes[order], order)
        hashes, positions = self._index
        key = np.uint64(_hash(evidence[: self.Q]))
        low, high = np.searchsorted(hashes, key, "left"), np.searchsorted(hashes, key, "right")
        return [at for at in positions[low:high].tolist() if self.text.startswith(evidence, at)]

    def locate(self, evidence: str, occurrence: int | None = None) -> tuple[int, int]:
        """locate(), its answer or its refusal worked out once per evidence and occurrence."""
        key = (evidence, occurrence)
        if key not in self._located:
            try:
                self._located[key] = locate(self.text, evidence, occurrence, self.occurrences(evidence))
            except SpanError as refusal:
                self._located[key] = refusal
        found = self._located[key]
        if isinstance(found, SpanError):
            raise found.with_traceback(None)  # raised afresh each time, its traceback not growing
        return found


_PRIME, _MASK = 1_000_003, (1 << 64) - 1


def _window_hashes(codes: np.ndarray, width: int) -> np.ndarray:
    """The polynomial hash of every `width` consecutive code points, computed as _hash computes one (mod 2**64)."""
    import numpy as np

    count = len(codes) - width + 1
    hashes = np.zeros(max(count, 0), dtype=np.uint64)
    for offset in range(width):  # uint64 arithmetic wraps around, as _hash's mask does
        hashes = hashes * np.uint64(_PRIME) + codes[offset : offset + count]
    return hashes


def _hash(words: str) -> int:
    value = 0
    for char in words:
        value = (value * _PRIME + ord(char)) & _MASK
    return value


def locate(text: str, evidence: str, occurrence: int | None = None, starts: list[int] | None = None) -> tuple[int, int]:
    """Offsets (start, end) of evidence in text (starts: its occurrences, when known); errors say how to fix the
    coding."""
    starts = occurrences(text, evidence) if starts is None else starts
    if not starts:
        raise SpanError("evidence-not-found", _not_found_message(text, evidence))
    if occurrence is None:
        if len(starts) > 1:
            raise SpanError(
                "evidence-ambiguous",
                f"the evidence occurs {len(starts)} times in the article (at characters "
                f"{', '.join(map(str, starts[:5]))}); add 'occurrence: N' to say which, or quote more words",
            )
        start = starts[0]
    else:
        if occurrence > len(starts):
            raise SpanError(
                "evidence-occurrence",
                f"occurrence {occurrence} asked for, but the evidence occurs only {len(starts)} time(s); "
                "lower 'occurrence' or quote other words",
            )
        start = starts[occurrence - 1]
    return start, start + len(evidence)


def _not_found_message(text: str, evidence: str) -> str:
    folded_text, folded_evidence = _fold(text), _fold(evidence)
    if len(folded_text) == len(text):
        at = folded_text.find(folded_evidence)
        if at != -1:
            exact = text[at : at + len(evidence)]
            return (
                "the evidence matches the article only after normalising quotes, dashes or spaces; "
                f"evidence must be verbatim, copy it exactly: {exact!r}"
            )
    squeezed = re.sub(r"\s+", " ", evidence.strip())
    if squeezed != evidence and squeezed in text:
        return f"the evidence differs from the article in white space; copy it exactly: {squeezed!r}"
    return "the evidence is not in the article; copy the words exactly as the article has them"
