"""Deriving claim_disagreements: figures from different articles about the same thing that differ."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from scripts.reading.vocabulary import CASUALTY_TYPES

MATCH_KEYS = ("claimant_actor_id", "claim_type", "victim_actor_id", "victim_status", "date_start", "date_end")


def bounds(claim) -> tuple:
    """The inclusive range a figure allows: a missing lower bound is 0, a missing upper one unbounded."""
    low = claim["value_min"] if claim["value_min"] is not None else 0
    high = claim["value_max"] if claim["value_max"] is not None else float("inf")
    return low, high


def relation(a: dict, b: dict) -> str | None:
    """None when two figures say the same; "compatible" when they differ but their ranges overlap ("around
    200" and "more than 100"); "conflicting" when no number fits both (53 and 27)."""
    (a_low, a_high), (b_low, b_high) = bounds(a), bounds(b)
    if (a_low, a_high) == (b_low, b_high):
        return None
    return "compatible" if max(a_low, b_low) <= min(a_high, b_high) else "conflicting"


def is_dated_casualty_figure(claim: dict) -> bool:
    """A casualty or displacement claim with a number and a date: one that can be set beside another source's."""
    return (
        claim.get("claim_type") in CASUALTY_TYPES
        and claim.get("date_start") is not None
        and (claim.get("value_min") is not None or claim.get("value_max") is not None)
    )


def derive_disagreements(claims: list[dict]) -> list[dict]:
    """Pairs only where both claims have a claimant, a date and a figure, and neither is part of another figure:
    an outlet's own voice in two articles is two different sources, a claim without a date cannot be matched to
    another, and "four of them women" is no disagreement with "nine killed".

    The work grows with the pairs written, not with the square of the claims: within a group of claims about the
    same thing, only claims of different figures (bounds) and from different articles are paired, so thousands
    of figures of one article, or of one figure repeated, cost next to nothing."""
    # key -> bounds -> article -> claims
    groups: defaultdict[tuple, defaultdict[tuple, defaultdict[str, list[dict]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for claim in claims:
        if (
            is_dated_casualty_figure(claim)
            and claim["claimant_actor_id"] is not None
            and claim.get("part_of_claim_id") is None  # a part of a figure is no second figure beside it
        ):
            groups[tuple(claim[k] for k in MATCH_KEYS)][bounds(claim)][claim["article_id"]].append(claim)
    rows = []
    for key, by_bounds in groups.items():
        for first, second in combinations(sorted(by_bounds, key=str), 2):
            for article, these in by_bounds[first].items():
                for other_article, those in by_bounds[second].items():
                    if article == other_article:
                        continue
                    for a, b in ((x, y) for x in these for y in those):
                        a, b = sorted((a, b), key=lambda c: c["claim_id"])
                        rows.append(
                            {
                                "claim_id_a": a["claim_id"],
                                "claim_id_b": b["claim_id"],
                                "relation": relation(a, b),
                                **dict(zip(MATCH_KEYS, key, strict=True)),
                            }
                        )
    return rows
