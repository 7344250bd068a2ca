"""What the casualty figure shows, with no pixels involved: one dict per marker (casualty_points), grouped in
rows of one day and side, the legend's order of sources, and which rows a large package shows (most_disputed).
figure.py draws them; tests and readers can check the picture's content here without matplotlib."""

from __future__ import annotations

from scripts.build.disagreements import bounds, is_dated_casualty_figure
from scripts.reading.vocabulary import CASUALTY_TYPES

PANELS = CASUALTY_TYPES  # one panel per casualty claim type, in that order
STATUS_LABEL = {"military": "military", "civilian": "civilian", "unknown": "status unknown"}
STATUS_ORDER = {"military": 0, "civilian": 1, "unknown": 2}
UNKNOWN_SIDE = "unknown side"
OWN_VOICE = "the article itself"


def is_plotted(claim: dict) -> bool:
    """A casualty claim with a figure and a date, that is no part of another figure ("three of them children"
    beside the 12 would read as a second source disagreeing): exactly the claims the figure shows."""
    return is_dated_casualty_figure(claim) and claim.get("part_of_claim_id") is None


def period_label(start, end, precision) -> str:
    """The day or period a claim is about, as its row shows it: "Mon 2020-09-28", "2016 (year)"."""
    if end is None:
        return f"from {start.isoformat()}"
    if precision == "year" and start.year == end.year:
        return f"{start.year} (year)"
    if precision == "years":
        return f"{start.year}–{end.year}"
    if precision == "month" and (start.year, start.month) == (end.year, end.month):
        return f"{start:%Y-%m} (month)"
    if start == end:
        return f"{start:%a} {start.isoformat()}"
    return f"{start.isoformat()} – {end.isoformat()}"


def _article_labels(article_ids) -> dict[str, str]:
    """ "art. 004" from the number before the underscore; the full id where two articles share a number."""
    numbers: dict[str, set[str]] = {}
    for article_id in article_ids:
        numbers.setdefault(article_id.split("_", 1)[0], set()).add(article_id)
    return {
        a: f"art. {a.split('_', 1)[0]}" if len(numbers[a.split("_", 1)[0]]) == 1 else f"art. {a}" for a in article_ids
    }


def _source(claim, names, outlets, article_label) -> tuple[str | None, str | None, str]:
    """(claimant, outlet it came through, label): the label is who made the claim, the outlet that
    carried it and the article, "Nagorno-Karabakh (via Sky News) · art. 004"; a claim in the article's
    own voice is the article's outlet where the article names one, else "the article itself"; one of a speaker
    the article describes but does not name is "a source unnamed in" that outlet."""
    claimant, via = claim.get("claimant_actor_id"), claim.get("via_actor_id")
    claimant = None if claimant is None else names.get(claimant, claimant)
    via = None if via is None else names.get(via, via)
    outlet = outlets.get(claim["article_id"])
    if claimant is not None:
        who = claimant
    elif claim.get("statement_id") is not None:  # a statement without a claimant: a speaker the article describes
        who = "a source unnamed" + (f" in {names.get(outlet, outlet)}" if outlet is not None else "")
    elif outlet is not None:
        who = f"{names.get(outlet, outlet)} (own reporting)"
    else:
        who = OWN_VOICE
    if via is not None:
        who += f" (via {via})"
    return claimant, via, f"{who} · {article_label}"


def casualty_points(claims: list[dict], actors: list[dict], articles: list[dict]) -> list[dict]:
    """One dict per marker, in drawing order (panel, row, source, claim id), whatever the input order.

    Keys: panel (claim type), row (the row label: period, side, status), day (date_start), date_end,
    period, victim (side and status), source (the label), claimant and via (actor names or None), article_id,
    claim_id, value_min, value_max, qualifier, value_text, and
    row_relation (None when the claims in the point's row agree, else "compatible" or "conflicting" as in
    claim_disagreements: do their ranges overlap).
    """
    names = {a["actor_id"]: a["name"] for a in actors}
    outlets = {a["article_id"]: a.get("outlet_actor_id") for a in articles}
    shown = sorted((c for c in claims if is_plotted(c)), key=lambda c: c["claim_id"])
    article_label = _article_labels(sorted({c["article_id"] for c in shown}))
    points = []
    for claim in shown:
        victim_id, status = claim.get("victim_actor_id"), claim.get("victim_status")
        victim = UNKNOWN_SIDE if victim_id is None else names.get(victim_id, victim_id)
        side = victim if status is None else f"{victim} · {STATUS_LABEL.get(status, status)}"
        period = period_label(claim["date_start"], claim.get("date_end"), claim.get("date_precision"))
        claimant, via, source = _source(claim, names, outlets, article_label[claim["article_id"]])
        points.append(
            {
                "panel": claim["claim_type"],
                "row": f"{period}   {side}",
                "day": claim["date_start"],
                "date_end": claim.get("date_end"),
                "period": period,
                "victim": side,
                "source": source,
                "claimant": claimant,
                "via": via,
                "article_id": claim["article_id"],
                "claim_id": claim["claim_id"],
                "value_min": claim.get("value_min"),
                "value_max": claim.get("value_max"),
                "qualifier": claim.get("qualifier"),
                "value_text": claim.get("value_text") or _bounds_text(claim),
                "_order": (
                    PANELS.index(claim["claim_type"]),
                    claim["date_start"],
                    claim.get("date_end") or claim["date_start"],
                    period,
                    victim_id is None,
                    victim.casefold(),
                    victim,
                    9 if status is None else STATUS_ORDER.get(status, 9),
                    side,
                ),
            }
        )
    points.sort(key=lambda p: (p["_order"], p["article_id"], p["source"], p["claim_id"]))
    rows: dict[tuple[str, str], list[dict]] = {}
    for point in points:
        rows.setdefault((point["panel"], point["row"]), []).append(point)
    relations = {key: _row_relation(members) for key, members in rows.items()}
    for point in points:
        del point["_order"]
        point["row_relation"] = relations[point["panel"], point["row"]]
    return points


def _row_relation(members: list[dict]) -> str | None:
    """The strongest relation of any two claims of a row, as `relation` gives it, in one pass: some pair
    conflicts exactly when the highest lower bound exceeds the lowest upper bound (the two claims holding
    them cannot be one, since no claim's lower bound exceeds its upper); otherwise two different ranges
    overlap, which is compatible."""
    ranges = {bounds(c) for c in members}
    if len(ranges) < 2:
        return None
    return "conflicting" if max(low for low, _ in ranges) > min(high for _, high in ranges) else "compatible"


def _bounds_text(claim) -> str:
    low, high = claim.get("value_min"), claim.get("value_max")
    if low is not None and high is not None:
        return f"{low}" if low == high else f"{low}–{high}"
    return f"≥ {low}" if low is not None else f"≤ {high}"


def sources_in_order(points: list[dict]) -> list[str]:
    """The legend's order, which also fixes each source's colour and shape: by claimant (the articles'
    own voice last), then the outlet it came through, then the article."""
    keys = {
        p["source"]: (p["claimant"] is None, p["claimant"] or "", p["via"] or "", p["article_id"], p["source"])
        for p in points
    }
    return sorted(keys, key=lambda source: keys[source])


def rows_of(points):
    """[(panel, [(row label, [points])])] in drawing order."""
    panels = []
    for p in points:
        if not panels or panels[-1][0] != p["panel"]:
            panels.append((p["panel"], []))
        rows = panels[-1][1]
        if not rows or rows[-1][0] != p["row"]:
            rows.append((p["row"], []))
        rows[-1][1].append(p)
    return panels


MAX_POINTS = 150  # past this the picture is unreadable (and slow): it shows the most disputed rows


def most_disputed(points: list[dict], limit: int = MAX_POINTS) -> tuple[list[dict], int]:
    """The points of the rows that best show the disagreement, at most `limit` of them, in drawing order:
    conflicting rows first, then compatible ones, then the rest, each by number of claims; and how many rows
    there are in all. Below the limit, every point."""
    rows: dict[tuple[str, str], list[dict]] = {}
    for point in points:
        rows.setdefault((point["panel"], point["row"]), []).append(point)
    if len(points) <= limit:
        return points, len(rows)
    rank = {None: 2, "compatible": 1, "conflicting": 0}
    chosen, total = set(), 0
    for key, members in sorted(rows.items(), key=lambda kv: (rank[kv[1][0]["row_relation"]], -len(kv[1]))):
        if total + len(members) <= limit:
            chosen.add(key)
            total += len(members)
    return [p for p in points if (p["panel"], p["row"]) in chosen], len(rows)
