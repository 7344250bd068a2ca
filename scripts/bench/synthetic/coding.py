"""The files a coder would have written for the synthetic articles, in exactly the format the build reads:
each article's coding (with the rows the build makes of it, so the tables can be written without a build)
and a registry of exactly the actors and events the corpus names, since the build refuses any other."""

from __future__ import annotations

import json
from datetime import date, timedelta

from scripts.bench.synthetic.article import Article
from scripts.bench.synthetic.world import CALLERS, DAYS, DISTRICTS, SIDES, WEEKDAY, World, slug
from scripts.common.yamlfile import scalar
from scripts.reading.spans import occurrences


def _occurrence(text: str, evidence: str, start: int) -> int | None:
    starts = occurrences(text, evidence)
    return None if len(starts) == 1 else starts.index(start) + 1


def coding_and_rows(a: Article, article_id: str, sha256: str) -> tuple[str, dict]:
    """The coding as YAML, and the rows the build makes of it (for the direct table writer)."""
    text, world = a.text, a.world
    rows: dict[str, list[dict]] = {"actor_mentions": [], "event_reports": [], "statements": [], "claims": []}
    lines = ["# Synthetic coding, written by scripts/bench/synthetic/.\n"]
    if a.outlet:
        lines.append(f"article:\n  outlet: {a.outlet}\n")
    lines.append("mentions:\n")
    for item, actor_id in a.mentions:
        start, end = item["evidence_at"]
        evidence = text[start:end]
        assert not (start and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum()), evidence
        parts = [f"evidence: {scalar(evidence)}"]
        occurrence = _occurrence(text, evidence, start)
        if occurrence:
            parts.append(f"occurrence: {occurrence}")
        if "actor" in item:
            parts.append(f"actor: {item['actor']}")
        lines.append("  - {" + ", ".join(parts) + "}\n")
        rows["actor_mentions"].append(
            {"article_id": article_id, "actor_id": actor_id, "evidence": evidence, "char_start": start, "char_end": end}
        )
    if a.reports:
        lines.append("events:\n")
    for report, (start, end) in a.reports:
        evidence = text[start:end]
        lines.append(f"  - event: {report['event']}\n    evidence: {scalar(evidence)}\n")
        occurrence = _occurrence(text, evidence, start)
        if occurrence:
            lines.append(f"    occurrence: {occurrence}\n")
        rows["event_reports"].append(
            {
                "event_id": report["event"],
                "article_id": article_id,
                "evidence": evidence,
                "char_start": start,
                "char_end": end,
            }
        )
    by_id = {}
    if a.statements:
        lines.append("statements:\n")
    for s in a.statements:
        start, end = s["at"]
        evidence = text[start:end]
        said = text[s["text"][0] : s["text"][1]] if s["text"] else evidence
        day = _resolved(a, s["date_text"])
        described = text[s["described"][0] : s["described"][1]] if s["described"] else None
        who = (
            f"    speaker_description: {scalar(described)}\n"
            if described
            else f"    speaker: {_name_for(world, s['speaker'], a)}\n"
        )
        lines.append(f"  - id: {s['id']}\n{who}    type: {s['type']}\n    evidence: {scalar(evidence)}\n")
        occurrence = _occurrence(text, evidence, start)
        if occurrence:
            lines.append(f"    occurrence: {occurrence}\n")
        if s["text"] and (s["type"] == "indirect" or s["give_text"]):
            lines.append(f"    text: {scalar(said)}\n")
        for key in ("cue", "date_text", "via", "event", "note"):
            if s[key]:
                lines.append(f"    {key}: {scalar(s[key])}\n")
        by_id[s["id"]] = s
        rows["statements"].append(
            {
                "statement_id": f"{article_id}:{s['id']}",
                "article_id": article_id,
                "speaker_actor_id": s["speaker"],
                "speaker_description": described,
                "via_actor_id": s["via"],
                "quote_type": s["type"],
                "text": said,
                "cue": s["cue"],
                "statement_date": day,
                "statement_date_precision": "day" if day else None,
                "statement_date_text": s["date_text"],
                "statement_date_source": "computed" if day else None,
                "event_id": s["event"],
                "evidence": evidence,
                "char_start": start,
                "char_end": end,
            }
        )
    if a.claims:
        lines.append("claims:\n")
    for c in a.claims:
        start, end = c["at"]
        evidence = text[start:end]
        statement = by_id.get(c["statement"])
        lines.append(f"  - id: {c['id']}\n    evidence: {scalar(evidence)}\n")
        occurrence = _occurrence(text, evidence, start)
        if occurrence:
            lines.append(f"    occurrence: {occurrence}\n")
        for key in ("statement", "claimant", "via", "event", "type", "victim"):
            if c[key]:
                value = _name_for(world, c[key], a) if key in ("claimant", "victim", "via") else c[key]
                lines.append(f"    {key}: {scalar(value)}\n")
        if c["status"]:
            lines.append(f"    victim_status: {c['status']}\n")
        value_text, qualifier, low, high = c["figure"] or (None, None, None, None)
        if value_text is not None:
            lines.append(f"    value_text: {scalar(value_text)}\n")
        day, source = None, None
        if c["date_text"] and c["date_text"] in evidence:
            lines.append(f"    date_text: {scalar(c['date_text'])}\n")
            day, source = c["day"], ("coded" if c["coded_day"] else "computed")
            if c["coded_day"]:
                note = f"'{c['date_text']}' is {c['day'].isoformat()}, in the year of publication."
                lines.append(f"    date_start: {c['day'].isoformat()}\n    note: {scalar(note)}\n")
        rows["claims"].append(
            {
                "claim_id": f"{article_id}:{c['id']}",
                "article_id": article_id,
                "claimant_actor_id": statement["speaker"] if statement else c["claimant"],
                "via_actor_id": statement["via"] if statement and not c["via"] else c["via"],
                "statement_id": f"{article_id}:{c['statement']}" if statement else None,
                "event_id": c["event"] or (statement["event"] if statement else None),
                "part_of_claim_id": None,
                "claim_type": c["type"],
                "victim_actor_id": c["victim"],
                "victim_status": c["status"],
                "value_min": low,
                "value_max": high,
                "qualifier": qualifier,
                "value_text": value_text,
                "date_start": day,
                "date_end": day,
                "date_precision": "day" if day else None,
                "date_text": c["date_text"] if day else None,
                "date_source": source,
                "evidence": evidence,
                "char_start": start,
                "char_end": end,
            }
        )
    rows["articles"] = [
        {
            "article_id": article_id,
            "path": f"seeds/{article_id}.txt",
            "coding_path": f"seeds/{article_id}.yaml",
            "sha256": sha256,
            "published_date": a.published,
            "published_date_source": "header",
            "published_date_method": None,
            "outlet_actor_id": a.outlet,
            "title": None,
            "url": None,
            "retrieved_date": None,
            "n_chars": len(text),
        }
    ]
    return "".join(lines), rows


def _resolved(a: Article, date_text: str | None) -> date | None:
    if not date_text:
        return None
    if date_text == "yesterday":
        return a.published - timedelta(days=1)
    weekday = WEEKDAY.index(date_text.split()[-1])
    return a.published - timedelta(days=(a.published.weekday() - weekday) % 7)


def _name_for(world: World, actor_id: str, a: Article) -> str:
    """How a coder names an actor: mostly its id, sometimes a name or alias the registry folds into it."""
    actor = world.actors[actor_id]
    if a.rng.random() < 0.25:
        return actor["name"]
    return actor_id


def _events(world: World) -> dict[str, dict]:
    """Every event an article can report, by id."""
    events = {}
    AZF, NKF = "azerbaijan-armed-forces", "nagorno-karabakh-defence-army"
    for day in DAYS:
        events[f"e-{day}-fighting"] = dict(
            type="armed_clash",
            description=f"Fighting along the front line in and around Nagorno-Karabakh on {day:%d %B %Y}.",
            date_start=day,
            actors=[(AZF, "side_a"), (NKF, "side_b")],
        )
        for side, shooter in (("AZ", NKF), ("NK", AZF), ("AM", AZF)):
            victim_state = SIDES[side]["state"][0]
            for town in SIDES[side]["towns"]:
                events[f"e-{day}-shelling-{slug(town)}"] = dict(
                    type="shelling",
                    description=f"Shelling of {town} on {day:%d %B %Y}.",
                    date_start=day,
                    location=town,
                    actors=[(shooter, "actor"), (victim_state, "target")],
                )
        for caller in CALLERS:
            events[f"e-{day}-{caller}-ceasefire-call"] = dict(
                type="ceasefire_call",
                description=f"{world.phrase(caller)[0].upper() + world.phrase(caller)[1:]} "
                f"calls for a ceasefire on {day:%d %B %Y}.",
                date_start=day,
                actors=[(caller, "actor")],
            )
        for district in DISTRICTS:
            events[f"e-{day}-offensive-{slug(district)}"] = dict(
                type="attack",
                description=f"Azerbaijani offensive in the {district} district on {day:%d %B %Y}.",
                date_start=day,
                location=f"{district} district",
                actors=[(AZF, "actor"), (NKF, "target")],
            )
    fixed = [
        (
            "e-1990s-war",
            "war",
            "War over Nagorno-Karabakh in the early 1990s.",
            (date(1990, 1, 1), date(1994, 12, 31), "years"),
            [("azerbaijan", "side_a"), ("armenia", "side_b"), ("nagorno-karabakh", "side_b")],
        ),
        (
            "e-1990s-displacement",
            "displacement",
            "Hundreds of thousands driven from their homes in and after the war of the early 1990s.",
            None,
            [("ethnic-azeris", "target"), ("ethnic-armenians", "target")],
        ),
        (
            "e-2016-clashes",
            "armed_clash",
            "Four days of clashes in April 2016.",
            (date(2016, 4, 2), date(2016, 4, 5), "days"),
            [("azerbaijan", "side_a"), ("nagorno-karabakh", "side_b")],
        ),
        (
            "e-2020-09-27-armenia-karabakh-martial-law",
            "martial_law",
            "Armenia and Nagorno-Karabakh declare martial law.",
            (date(2020, 9, 27), date(2020, 9, 27), "day"),
            [("armenia", "actor"), ("nagorno-karabakh", "actor")],
        ),
        (
            "e-2020-09-27-armenia-karabakh-mobilisation",
            "mobilisation",
            "Armenia and Nagorno-Karabakh mobilise their male populations.",
            (date(2020, 9, 27), date(2020, 9, 27), "day"),
            [("armenia", "actor"), ("nagorno-karabakh", "actor")],
        ),
        (
            "e-2020-09-28-azerbaijan-mobilisation",
            "mobilisation",
            "Azerbaijan declares a partial mobilisation.",
            (date(2020, 9, 28), date(2020, 9, 28), "day"),
            [("azerbaijan", "actor")],
        ),
        (
            "e-2020-10-10-humanitarian-ceasefire",
            "ceasefire_agreement",
            "Humanitarian ceasefire agreed in Moscow.",
            (date(2020, 10, 10), date(2020, 10, 10), "day"),
            [("azerbaijan", "side_a"), ("armenia", "side_b"), ("russia", "mediator")],
        ),
        (
            "e-2020-10-17-ceasefire",
            "ceasefire_agreement",
            "Second humanitarian truce.",
            (date(2020, 10, 17), date(2020, 10, 17), "day"),
            [("azerbaijan", "side_a"), ("armenia", "side_b")],
        ),
        (
            "e-2020-10-26-ceasefire",
            "ceasefire_agreement",
            "Ceasefire brokered by the United States.",
            (date(2020, 10, 26), date(2020, 10, 26), "day"),
            [("azerbaijan", "side_a"), ("armenia", "side_b"), ("united-states", "mediator")],
        ),
    ]
    for event_id, kind, description, dates, actors in fixed:
        events[event_id] = dict(type=kind, description=description, actors=actors)
        if dates:
            events[event_id].update(date_start=dates[0], date_end=dates[1], precision=dates[2])
    return events


def registry_yaml(world: World, mentioned: set[str], reported: set[str]) -> tuple[str, str]:
    """actors.yaml and events.yaml with exactly the actors mentioned and the events reported (the build
    refuses a registry entry no article names); parents and event actors outside them are left out."""
    out = ["# Synthetic registry, written by scripts/bench/synthetic/.\n"]
    for actor_id in sorted(mentioned):
        actor = world.actors[actor_id]
        out.append(f"- id: {actor_id}\n  name: {scalar(actor['name'])}\n  type: {actor['actor_type']}\n")
        if actor["country_iso3"]:
            out.append(f"  country_iso3: {actor['country_iso3']}\n")
        if actor["parent"] in mentioned:
            out.append(f"  parent: {actor['parent']}\n")
        if actor["title"]:
            out.append(f"  title: {scalar(actor['title'])}\n")
        if actor["aliases"]:
            out.append("  aliases: [" + ", ".join(json.dumps(x, ensure_ascii=False) for x in actor["aliases"]) + "]\n")
    events = _events(world)
    ev = ["# Synthetic registry, written by scripts/bench/synthetic/.\n"]
    for event_id in sorted(reported):
        e = events[event_id]
        ev.append(f"- id: {event_id}\n  type: {e['type']}\n  description: {scalar(e['description'])}\n")
        if e.get("date_start"):
            ev.append(f"  date_start: {e['date_start'].isoformat()}\n")
            if e.get("date_end") and e["date_end"] != e["date_start"]:
                ev.append(f"  date_end: {e['date_end'].isoformat()}\n  date_precision: {e['precision']}\n")
        if e.get("location"):
            ev.append(f"  location: {scalar(e['location'])}\n")
        links = [(actor, role) for actor, role in e["actors"] if actor in mentioned]
        if links:
            ev.append("  actors:\n" + "".join(f"    - {{actor: {actor}, role: {role}}}\n" for actor, role in links))
    return "".join(out), "".join(ev)
