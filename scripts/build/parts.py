"""Parts of a figure: "nine people were killed, four of them women" codes the four as `part_of` the nine, so that
the four are counted within the nine and never beside them (a sum of claims, or claim_disagreements, would
otherwise take the part for a second figure)."""

from __future__ import annotations


def link_parts(coder, items: list, rows: dict[str, dict]) -> None:
    """Set each claim row's part_of_claim_id from its coding's `part_of` (a local claim id), after every claim of
    the coding is read: the whole must be a claim of this coding, not the claim itself or one of its own parts,
    of the same kind of casualty, and count at least as many people as the part."""
    for i, item in enumerate(items):
        whole_id = item.get("part_of")
        if whole_id is None:
            continue
        path = ["claims", i, "part_of"]
        whole = rows.get(whole_id)
        if not any(other.get("id") == whole_id for other in items):
            coder.problem(
                path,
                "part-unknown",
                f"no claim with id '{whole_id}' in this coding; use the id of the "
                "claim whose figure this one breaks down",
                whole_id,
            )
            continue
        if _within(items, item, whole_id):
            coder.problem(
                path,
                "part-cycle",
                f"'{whole_id}' is this claim or one of its own parts; a claim is part "
                "of a larger figure, never of itself",
                whole_id,
            )
            continue
        part = rows.get(item["id"])
        if part is None or whole is None:
            continue  # a problem of the claim or of its whole, reported where it lies
        if part["claim_type"] != whole["claim_type"]:
            coder.problem(
                path,
                "part-type",
                f"this '{part['claim_type']}' claim cannot be part of '{whole_id}', a "
                f"'{whole['claim_type']}' claim; a part counts the same kind of casualty as its whole",
                whole_id,
            )
            continue
        if part["value_min"] is not None and whole["value_max"] is not None and part["value_min"] > whole["value_max"]:
            coder.problem(
                path,
                "part-exceeds-whole",
                f"this claim counts at least {part['value_min']}, more than "
                f"the at most {whole['value_max']} of '{whole_id}'; check the figures or 'part_of'",
                whole_id,
            )
            continue
        part["part_of_claim_id"] = whole["claim_id"]


def _within(items: list, item: dict, whole_id: str) -> bool:
    """Whether the claim named whole_id is `item` itself or, following `part_of`, one of its parts."""
    by_id = {other.get("id"): other for other in items}
    seen: set[str] = set()
    current: str | None = whole_id
    while current is not None and current not in seen:
        if current == item.get("id"):
            return True
        seen.add(current)
        current = (by_id.get(current) or {}).get("part_of")
    return False
