"""Finding evidence in an article: exact, verbatim, and unambiguous."""
from __future__ import annotations

import re
import unicodedata

from scripts.problems import RuleError

# What people type instead of what the article has; used only to suggest the exact text in an error.
_LOOKALIKES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
                             "–": "-", "—": "-", "\u00a0": " "})


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


def locate(text: str, evidence: str, occurrence: int | None = None) -> tuple[int, int]:
    """Offsets (start, end) of evidence in text; errors say how to fix the coding."""
    starts = occurrences(text, evidence)
    if not starts:
        raise SpanError("evidence-not-found", _not_found_message(text, evidence))
    if occurrence is None:
        if len(starts) > 1:
            raise SpanError(
                "evidence-ambiguous",
                f"the evidence occurs {len(starts)} times in the article (at characters "
                f"{', '.join(map(str, starts[:5]))}); add 'occurrence: N' to say which, or quote more words")
        start = starts[0]
    else:
        if occurrence > len(starts):
            raise SpanError(
                "evidence-occurrence",
                f"occurrence {occurrence} asked for, but the evidence occurs only {len(starts)} time(s); "
                "lower 'occurrence' or quote other words")
        start = starts[occurrence - 1]
    return start, start + len(evidence)


def _not_found_message(text: str, evidence: str) -> str:
    folded_text, folded_evidence = _fold(text), _fold(evidence)
    if len(folded_text) == len(text):
        at = folded_text.find(folded_evidence)
        if at != -1:
            exact = text[at: at + len(evidence)]
            return ("the evidence matches the article only after normalising quotes, dashes or spaces; "
                    f"evidence must be verbatim, copy it exactly: {exact!r}")
    squeezed = re.sub(r"\s+", " ", evidence.strip())
    if squeezed != evidence and squeezed in text:
        return f"the evidence differs from the article in white space; copy it exactly: {squeezed!r}"
    return "the evidence is not in the article; copy the words exactly as the article has them"
