"""The paragraphs of wire copy a synthetic article is made of (casualty figures and counterclaims, quotes,
mediators, shelling, background), drawn in proportions like real reporting's, so that benchmarks meet the
variety of rows and wordings the build meets in real articles."""

from __future__ import annotations

from datetime import timedelta
from random import Random

from scripts.bench.synthetic.article import Article, figure_words, source_of, speaker_words, stable
from scripts.bench.synthetic.context import BACKGROUND, p_analyst, p_background, p_mediator, p_shelling
from scripts.bench.synthetic.world import (
    DAYS,
    DISTRICTS,
    ORDINAL,
    PARTIALS,
    QUOTES,
    SIDES,
    WAR_START,
    World,
    number_words,
    slug,
)


def p_lead(a: Article):
    day = a.recent_day(2)
    nth = (day - WAR_START).days + 1
    words, _ = a.day_words(day)
    if a.outlet:
        town = a.rng.choice(SIDES["NK"]["towns"] + SIDES["AZ"]["towns"][:3])
        a.w(f"{town.upper()} (")
        a.name(a.outlet, a.world.actors[a.outlet]["name"])
        a.w(") — ")
    at = a.mark()
    a.w("Fighting between ")
    a.name("azerbaijan", "Azerbaijan")
    a.w(" and ")
    a.name("nagorno-karabakh-defence-army", "ethnic Armenian forces")
    a.w(" in ")
    a.name("nagorno-karabakh", "Nagorno-Karabakh")
    suffix = "th" if 10 <= nth % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(nth % 10, "th")
    ordinal = ORDINAL[nth] if nth < len(ORDINAL) else f"{nth}{suffix}"
    a.w(f" raged for a {ordinal} day {words}" if nth > 1 else f" erupted {words}")
    a.report(f"e-{day}-fighting", at)
    value_text, qualifier, low, high = figure_words(
        a.rng, 20 + stable(a.seed, day, "lead") % 60, a.rng.choice(["at_least", "more_than", "approx"])
    )
    a.w(f", with {value_text} people reported killed")
    a.claim(
        (at, a.pos),
        "killed",
        event=f"e-{day}-fighting",
        status="unknown",
        figure=(value_text, qualifier, low, high),
        date_text=words,
        day=day,
    )
    a.w(" as both sides accused each other of targeting civilian areas.\n\n")


def p_casualties(a: Article):
    side = a.rng.choice(["AZ", "NK", "NK", "AM"])
    speaker = source_of(a, side)
    spec = SIDES[side]
    day, day2 = a.recent_day(), None
    words, coded = a.day_words(day)
    own = spec["state"][0]
    at = a.mark()
    speaker_words(a, speaker)
    form = a.rng.random()
    if form < 0.45 and side != "AZ":  # military losses, as the Armenian side published them daily
        a.w(" said ")
        said_at = a.mark()
        own = spec["forces"][0]
        fig = a.figure((speaker, "killed", own, "military", day), (8, 60))
        noun = a.rng.choice(["soldiers", "servicemen", "troops"])
        c_at = a.mark()
        a.w(f"{fig[0]} {noun} of the ")
        a.name(own, a.world.actors[own]["name"])
        a.w(f" had been killed {words}")
        sid_claims = [
            dict(
                at=(c_at, a.pos),
                claim_type="killed",
                victim=own,
                status="military",
                figure=fig,
                date_text=words,
                day=day,
                coded_day=coded,
                event=f"e-{day}-fighting",
            )
        ]
        if a.rng.random() < 0.6:
            day2 = day - timedelta(days=1)
            if day2 >= WAR_START:
                words2, coded2 = a.day_words(day2)
                fig2 = a.figure((speaker, "killed", own, "military", day2), (8, 60))
                a.w(", after ")
                c2 = a.mark()
                a.w(f"{fig2[0]} had died {words2}")
                sid_claims.append(
                    dict(
                        at=(c2, a.pos),
                        claim_type="killed",
                        victim=own,
                        status="military",
                        figure=fig2,
                        date_text=words2,
                        day=day2,
                        coded_day=coded2,
                        event=f"e-{day2}-fighting",
                    )
                )
        text_end = a.mark()
        via = None
        if a.rng.random() < 0.3:
            a.w(", according to ")
            via = a.rng.choice(a.world.outlets)
            a.name(via)
        a.w(".")
        sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", text=(said_at, text_end), via=via)
        for c in sid_claims:
            a.claim(statement=sid, **c)
    else:  # civilians killed and wounded in shelling of a town of the speaker's side
        town = a.rng.choice(spec["towns"])
        other = "AZ" if side != "AZ" else a.rng.choice(["AM", "NK"])
        victim = own
        a.w(" said ")
        said_at = a.mark()
        fig = a.figure((speaker, "killed", victim, "civilian", day), (2, 14))
        fig2 = a.figure((speaker, "wounded", victim, "civilian", day), (3, 45))
        c_at = a.mark()
        a.w(f"{fig[0]} civilians were killed")
        a.w(f" and {fig2[0]} wounded {words}")
        c2_end = a.mark()
        a.w(" when ")
        acc_at = a.mark()
        shelling = f"e-{day}-shelling-{slug(town)}"
        forces = SIDES[other]["forces"][0]
        a.name(forces)
        a.w(f" shelled {town}")
        acc_end = a.mark()
        a.w(f"{a.rng.choice(['', ' and nearby villages', ' with rockets', ' with heavy artillery'])} in ")
        a.name(victim, a.world.actors[victim]["name"])
        a.w(".")
        sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", text=(said_at, a.pos - 1), event=shelling)
        a.report(shelling, acc_at, acc_end)
        a.claim(
            (c_at, c2_end),
            "killed",
            statement=sid,
            victim=victim,
            status="civilian",
            figure=fig,
            date_text=words,
            day=day,
            coded_day=coded,
        )
        a.claim(
            (c_at, c2_end),
            "wounded",
            statement=sid,
            victim=victim,
            status="civilian",
            figure=fig2,
            date_text=words,
            day=day,
            coded_day=coded,
        )
        a.claim((c_at, acc_end), "accusation", statement=sid, date_text=words, day=day, coded_day=coded)
    a.w("\n\n")


def p_counterclaim(a: Article):
    side = a.rng.choice(["AZ", "AZ", "NK"])
    speaker = source_of(a, side)
    other = "NK" if side == "AZ" else "AZ"
    day = a.recent_day()
    words, coded = a.day_words(day)
    at = a.mark()
    speaker_words(a, speaker)
    a.w(" said its forces had inflicted heavy losses on ")
    enemy = SIDES[other]["forces"][0]
    a.name(enemy)
    a.w(" ")
    c_at = a.mark()
    fig = a.figure(
        (speaker, "killed", enemy, "military", day),
        (40, 400),
        style_hint=a.rng.choice(["exact", "approx", "more_than"]),
    )
    a.w(f"{words}, killing {fig[0]} soldiers")
    c_end = a.mark()
    a.w(" and destroying ")
    t_at = a.mark()
    tanks = 3 + stable(a.seed, speaker, day, "tanks") % 25
    a.w(f"{tanks} tanks and armoured vehicles")
    t_end = a.mark()
    a.w(".")
    sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", event=f"e-{day}-fighting")
    a.claim(
        (c_at, c_end),
        "killed",
        statement=sid,
        victim=enemy,
        status="military",
        figure=fig,
        date_text=words,
        day=day,
        coded_day=coded,
    )
    a.claim((t_at, t_end), "other", statement=sid, figure=(str(tanks), "exact", tanks, tanks))
    if a.rng.random() < 0.6:
        denier = source_of(a, other)
        a.w(" ")
        d_at = a.mark()
        speaker_words(a, denier)
        a.w(f" {a.rng.choice(['denied the figure', 'dismissed the claim as disinformation', 'rejected the report'])}.")
        a.claim((d_at, a.pos), "denial", claimant=denier)
    a.w("\n\n")


def p_quote(a: Article):
    side = a.rng.choice(["AZ", "AM", "NK"])
    spec = SIDES[side]
    speaker = a.rng.choice(spec["people"] if a.rng.random() < 0.7 else [b for b, _ in spec["bodies_ids"]])
    quote, accusation = QUOTES[stable(a.seed, a.pos, speaker) % len(QUOTES)]
    opening, closing = ("“", "”") if a.rng.random() < 0.7 else ('"', '"')
    day = a.recent_day(3)
    words, coded = a.day_words(day)
    at = a.mark()
    a.w(opening)
    q_at = a.mark()
    a.w(quote + ",")
    q_end = a.mark()
    a.w(f"{closing} ")
    if a.rng.random() < 0.5:
        a.w("said ")
        cue_words = "said"
        speaker_words(a, speaker, ends_sentence=True)
        a.w(".")
        date_text = None
    else:
        speaker_words(a, speaker)
        cue_words = a.rng.choice(["told reporters", "told a briefing", "said in a statement"])
        a.w(f" {cue_words} {words}.")
        date_text = None if coded else words
    sid = a.statement(
        speaker, "direct", (at, a.pos), cue=cue_words, text=(q_at, q_end), date_text=date_text, give_text=False
    )
    if accusation:
        a.claim((q_at, q_end), "accusation", statement=sid)
    a.w("\n\n")


def p_partial(a: Article):
    side = a.rng.choice(["AZ", "AM", "NK"])
    speaker = a.rng.choice(SIDES[side]["people"])
    town = a.rng.choice(SIDES[side]["towns"])
    day = a.recent_day(3)
    words, coded = a.day_words(day)
    phrase = a.rng.choice(PARTIALS)
    at = a.mark()
    speaker_words(a, speaker)
    a.w(" called ")
    r_at = a.mark()
    a.w(f"the shelling of {town} {words}")
    r_end = a.mark()
    a.w(" “")
    q_at = a.mark()
    a.w(phrase)
    q_end = a.mark()
    a.w("”.")
    shelling = f"e-{day}-shelling-{slug(town)}"
    sid = a.statement(
        speaker,
        "partial",
        (at, a.pos),
        cue="called",
        text=(q_at, q_end),
        give_text=a.rng.random() < 0.5,
        event=shelling,
    )
    a.report(shelling, r_at, r_end)
    a.claim(
        (r_at, q_end + 1), "accusation", statement=sid, date_text=None if coded else words, day=None if coded else day
    )
    a.w("\n\n")


def p_territory(a: Article):
    speaker = source_of(a, "AZ")
    district = a.rng.choice(DISTRICTS)
    day = a.recent_day(4)
    words, coded = a.day_words(day)
    n = 2 + stable(a.seed, district, day) % 9
    event = f"e-{day}-offensive-{slug(district)}"
    at = a.mark()
    speaker_words(a, speaker)
    a.w(" said ")
    t_at = a.mark()
    a.name("azerbaijan-armed-forces", "Azerbaijani forces")
    n_words = number_words(n) if a.rng.random() < 0.5 else str(n)
    a.w(f" had taken control of {n_words} villages in the {district} district {words}")
    t_end = a.mark()
    a.report(event, t_at)
    a.w(".")
    sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", text=(t_at, t_end), event=event)
    a.claim(
        (t_at, t_end),
        "territory",
        statement=sid,
        figure=(n_words, "exact", n, n),
        date_text=None if coded else words,
        day=None if coded else day,
    )
    if a.rng.random() < 0.5:
        denier = source_of(a, "NK")
        a.w(" ")
        d_at = a.mark()
        speaker_words(a, denier)
        a.w(" said the claim was false and the villages remained in Armenian hands.")
        a.claim((d_at, a.pos), "denial", claimant=denier, event=event)
    a.w("\n\n")


def p_captured(a: Article):
    speaker = source_of(a, "AZ")
    day = a.recent_day(5)
    words, coded = a.day_words(day)
    victim = "nagorno-karabakh-defence-army"
    at = a.mark()
    speaker_words(a, speaker)
    a.w(" said ")
    t_at = a.mark()
    fig = a.figure((speaker, "captured", victim, "military", day), (2, 12))
    a.w(f"{fig[0]} soldiers of ")
    a.name(victim)
    a.w(f" had been taken prisoner {words}")
    t_end = a.mark()
    a.w(".")
    sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", text=(t_at, t_end))
    a.claim(
        (t_at, t_end),
        "captured",
        statement=sid,
        victim=victim,
        status="military",
        figure=fig,
        date_text=words,
        day=day,
        coded_day=coded,
    )
    a.w("\n\n")


def p_displaced(a: Article):
    speaker = source_of(a, "NK")
    at = a.mark()
    value_text, qualifier, low, high = figure_words(
        a.rng, 1000 * (10 + stable(a.seed, speaker, "displaced") % 80), "approx"
    )
    value_text = value_text[0].upper() + value_text[1:]
    t_at = a.mark()
    a.w(f"{value_text} ")
    a.name("ethnic-armenians", "ethnic Armenians")
    a.w(", about half of the enclave’s population, have fled their homes")
    t_end = a.mark()
    a.w(", ")
    speaker_words(a, speaker)
    a.w(" said.")
    sid = a.statement(speaker, "indirect", (at, a.pos), cue="said", text=(t_at, t_end))
    a.claim(
        (t_at, t_end),
        "displaced",
        statement=sid,
        victim="ethnic-armenians",
        status="civilian",
        figure=(value_text, qualifier, low, high),
    )
    a.w("\n\n")


CLAIM_PARAGRAPHS = [
    (p_casualties, 6),
    (p_counterclaim, 2),
    (p_territory, 1.5),
    (p_captured, 1),
    (p_quote, 1.5),
    (p_partial, 1),
    (p_displaced, 0.5),
]
OTHER_PARAGRAPHS = [(p_mediator, 2), (p_shelling, 1.5), (p_quote, 1), (p_analyst, 1)]


def write_article(world: World, seed: int, number: int, claims_per_article: int) -> Article:
    rng = Random(f"synthetic-article:{seed}:{number}")
    weights = [1 / (1 + i / 6) for i in range(len(DAYS) - 1)]  # coverage is heaviest in the first weeks
    published = rng.choices(DAYS[1:], weights)[0]
    a = Article(world, rng, seed, published)
    a.outlet = rng.choice(world.outlets) if rng.random() < 0.6 else None
    a.w(f"date {published.isoformat()}\n")
    p_lead(a)
    claim_fns, claim_w = zip(*CLAIM_PARAGRAPHS, strict=True)
    other_fns, other_w = zip(*OTHER_PARAGRAPHS, strict=True)
    background = rng.sample(BACKGROUND, 2)
    while len(a.claims) < claims_per_article - 1:
        rng.choices(claim_fns, claim_w)[0](a)
        if rng.random() < 0.35:
            rng.choices(other_fns, other_w)[0](a)
    while a.pos < 2300:
        rng.choices(other_fns, other_w)[0](a)
    for kind in background:
        p_background(a, kind)
    # a statement or claim about an event is where the article reports it, unless reported elsewhere in it
    reported = {item["event"] for item, _ in a.reports}
    for row in a.statements + a.claims:
        if row["event"] and row["event"] not in reported:
            a.report(row["event"], *row["at"])
            reported.add(row["event"])
    a.parts[-1] = a.parts[-1].rstrip("\n")
    a.text = "".join(a.parts)
    return a
