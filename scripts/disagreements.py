"""Deriving claim_disagreements: figures from different articles about the same thing that differ."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from scripts.coding import CASUALTY_TYPES

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
    return (claim.get("claim_type") in CASUALTY_TYPES and claim.get("date_start") is not None
            and (claim.get("value_min") is not None or claim.get("value_max") is not None))


def derive_disagreements(claims: list[dict]) -> list[dict]:
    """Pairs only where both claims have a claimant, a date and a figure: an outlet's own voice in two
    articles is two different sources, and a claim without a date cannot be matched to another."""
    groups = defaultdict(list)
    for claim in claims:
        if is_dated_casualty_figure(claim) and claim["claimant_actor_id"] is not None:
            groups[tuple(claim[k] for k in MATCH_KEYS)].append(claim)
    rows = []
    for key, members in groups.items():
        for a, b in combinations(sorted(members, key=lambda c: c["claim_id"]), 2):
            kind = relation(a, b)
            if a["article_id"] == b["article_id"] or kind is None:
                continue
            rows.append({"claim_id_a": a["claim_id"], "claim_id_b": b["claim_id"], "relation": kind,
                         **dict(zip(MATCH_KEYS, key))})
    return rows
