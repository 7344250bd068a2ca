"""Parts of a figure: "nine people were killed, four of them women" codes the four as `part_of` the nine, so that
the four are counted within the nine and never beside them (a sum of claims, or claim_disagreements, would
otherwise take the part for a second figure)."""

from __future__ import annotations


def part_problem(part_type: str, part_min: int | None, whole_type: str, whole_max: int | None) -> str | None:
    """The rule a part breaks against its whole, or None: a part counts the same kind of casualty as its whole and
    no more people. The build checks codings with it; the draft writes only the parts it accepts."""
    if part_type != whole_type:
        return "part-type"
    if part_min is not None and whole_max is not None and part_min > whole_max:
        return "part-exceeds-whole"
    return None


def link_parts(coder, items: list, rows: dict[str, dict]) -> None:
    """Set each claim row's part_of_claim_id from its coding's `part_of` (a local claim id), after every claim of
    the coding is read: the whole must be a claim of this coding, not the claim itself or one of its own parts,
    of the same kind of casualty, and count at least as many people as the part."""
    wholes = {item["id"]: item.get("part_of") for item in items if isinstance(item.get("id"), str)}
    circular = _on_cycles(wholes)
    for i, item in enumerate(items):
        whole_id = item.get("part_of")
        if whole_id is None:
            continue
        path = ["claims", i, "part_of"]
        if whole_id not in wholes:
            coder.problem(
                path,
                "part-unknown",
                f"no claim with id '{whole_id}' in this coding; use the id of the "
                "claim whose figure this one breaks down",
                whole_id,
            )
            continue
        if item.get("id") in circular:
            coder.problem(
                path,
                "part-cycle",
                f"'{whole_id}' is this claim or one of its own parts; a claim is part "
                "of a larger figure, never of itself",
                whole_id,
            )
            continue
        part, whole = rows.get(item["id"]), rows.get(whole_id)
        if part is None or whole is None:
            continue  # a problem of the claim or of its whole, reported where it lies
        broken = part_problem(part["claim_type"], part["value_min"], whole["claim_type"], whole["value_max"])
        if broken == "part-type":
            coder.problem(
                path,
                "part-type",
                f"this '{part['claim_type']}' claim cannot be part of '{whole_id}', a "
                f"'{whole['claim_type']}' claim; a part counts the same kind of casualty as its whole",
                whole_id,
            )
        elif broken == "part-exceeds-whole":
            coder.problem(
                path,
                "part-exceeds-whole",
                f"this claim counts at least {part['value_min']}, more than "
                f"the at most {whole['value_max']} of '{whole_id}'; check the figures or 'part_of'",
                whole_id,
            )
        else:
            part["part_of_claim_id"] = whole["claim_id"]


def _on_cycles(wholes: dict[str, str | None]) -> set[str]:
    """The claims that, following `part_of`, come back to themselves: each walk is taken once, so a coding of
    thousands of chained parts costs no more than its length."""
    state: dict[str, bool] = {}  # False while its walk is under way, True once done
    circular: set[str] = set()
    for start in wholes:
        walk: list[str] = []
        node: str | None = start
        while node is not None and node in wholes and node not in state:
            state[node] = False
            walk.append(node)
            node = wholes[node]
        if node is not None and state.get(node) is False:  # the walk met itself: a cycle from `node` on
            circular.update(walk[walk.index(node) :])
        for done in walk:
            state[done] = True
    return circular
