"""The paragraphs of a synthetic article that carry no casualty claim: mediators' calls, shelling reports,
analysts' comments and background, so the draft and the build meet the whole of a wire story, not only its
figures."""

from __future__ import annotations

from datetime import date

from scripts.bench.synthetic.article import Article, figure_words, speaker_words
from scripts.bench.synthetic.world import ANALYST_QUOTES, CALLERS, SIDES, slug


def p_mediator(a: Article):
    caller = a.rng.choice(CALLERS)
    day = a.recent_day(4)
    words, coded = a.day_words(day)
    event = f"e-{day}-{caller}-ceasefire-call"
    at = a.mark()
    if a.rng.random() < 0.5:
        envoy = a.rng.choice(a.world.envoys[caller])
        speaker_words(a, envoy)
        speaker = envoy
        a.w(" said ")
        a.name(caller, a.world.phrase(caller))
        a.w(" was ready to help the two sides and ")
        cue = "urged"
        a.w("urged ")
    else:
        speaker = caller
        phrase = a.world.phrase(caller)
        a.name(caller, phrase[0].upper() + phrase[1:])
        cue = "called for"
        a.w(" again called for ")
    t_at = a.mark()
    a.w(
        a.rng.choice(
            [
                "an immediate ceasefire",
                "an end to the fighting",
                "a return to negotiations",
                "restraint and an immediate halt to hostilities",
            ]
        )
    )
    t_end = a.mark()
    a.w(f" {words}")
    a.report(event, at)
    a.w(a.rng.choice([".", ", the latest of many such appeals.", ", as fears grew of a wider regional war."]))
    a.statement(
        speaker, "indirect", (at, a.pos), cue=cue, text=(t_at, t_end), date_text=None if coded else words, event=event
    )
    a.w("\n\n")


def p_shelling(a: Article):
    side = a.rng.choice(["AZ", "NK"])
    town = a.rng.choice(SIDES[side]["towns"])
    day = a.recent_day(3)
    words, _ = a.day_words(day)
    outlet = a.rng.choice(a.world.outlets)
    at = a.mark()
    a.w(f"{town} came under {a.rng.choice(['heavy artillery', 'rocket', 'drone and artillery'])} fire {words}")
    a.report(f"e-{day}-shelling-{slug(town)}", at)
    said = a.mark()
    a.w(", ")
    described = a.mark()  # a speaker described, not named: "a reporter for CNN"
    a.w(a.rng.choice(["a reporter for ", "a correspondent for ", "a photographer working for "]))
    a.name(outlet)
    described_end = a.mark()
    a.w(" said")
    a.statement(None, "indirect", (at, a.mark()), cue="said", text=(at, said), described=(described, described_end))
    aftermath = a.rng.choice(
        [
            "residents sheltered in basements",
            "sirens sounded across the town",
            "several buildings were set ablaze",
            "power was cut to much of the town",
        ]
    )
    a.w(f", and {aftermath}.\n\n")


def p_analyst(a: Article):
    analyst = a.rng.choice(a.world.analysts)
    quote = a.rng.choice(ANALYST_QUOTES)
    at = a.mark()
    a.w("“")
    q_at = a.mark()
    a.w(quote + ",")
    q_end = a.mark()
    a.w("” said ")
    a.name(analyst, a.world.actors[analyst]["name"])
    tank = a.world.actors[analyst]["parent"]
    a.w(f", {a.world.actors[analyst]['title']} at ")
    a.name(tank, a.world.phrase(tank))
    a.w(".")
    a.statement(analyst, "direct", (at, a.pos), cue="said", text=(q_at, q_end), give_text=False)
    a.w("\n\n")


BACKGROUND = ["war", "martial-law", "alliances", "2016", "ceasefires"]


def p_background(a: Article, kind: str):
    if kind == "war":
        at = a.mark()
        a.w("The region broke away from ")
        a.name("azerbaijan", "Azerbaijan")
        a.w(" in a war in the early 1990s")
        a.report("e-1990s-war", at)
        a.w(" that ")
        c_at = a.mark()
        fig = figure_words(a.rng, 30000, a.rng.choice(["approx", "more_than"]))
        a.w(f"killed {fig[0]} people")
        a.claim((c_at, a.pos), "killed", event="e-1990s-war", status="unknown", figure=fig)
        a.w(" and ")
        d_at = a.mark()
        a.w("drove hundreds of thousands of ")
        a.name("ethnic-azeris", "ethnic Azeris")
        a.w(" from their homes")
        a.report("e-1990s-displacement", d_at)
        a.claim(
            (d_at, a.pos),
            "displaced",
            event="e-1990s-displacement",
            victim="ethnic-azeris",
            status="civilian",
            figure=("hundreds of thousands", "vague", None, None),
        )
        a.w(". ")
        a.name("ethnic-armenians", "Ethnic Armenians")
        a.w(" make up most of its population.")
    elif kind == "martial-law":
        at = a.mark()
        a.name("armenia", "Armenia")
        a.w(" and ")
        a.name("nagorno-karabakh", "Nagorno-Karabakh")
        a.w(" declared martial law and mobilised their male populations on Sept. 27")
        a.report("e-2020-09-27-armenia-karabakh-martial-law", at)
        a.report("e-2020-09-27-armenia-karabakh-mobilisation", at)
        a.w(", the day the fighting began; ")
        m_at = a.mark()
        a.name("azerbaijan", "Azerbaijan")
        a.w(" declared a partial mobilisation a day later")
        a.report("e-2020-09-28-azerbaijan-mobilisation", m_at)
        a.w(".")
    elif kind == "alliances":
        a.name("russia", "Russia")
        a.w(" has a defence pact with ")
        a.name("armenia", "Armenia")
        a.w(", while ")
        a.name("turkey", "Turkey")
        a.w(" has voiced strong support for its ally ")
        a.name("azerbaijan", "Azerbaijan")
        a.w(". ")
        a.name("france", "France")
        a.w(", ")
        a.name("russia", "Russia")
        a.w(" and ")
        a.name("united-states", "the United States")
        a.w(" co-chair ")
        a.name("osce-minsk-group", "the OSCE Minsk Group")
        a.w(", which has mediated in the conflict for decades.")
    elif kind == "2016":
        a.w("The fighting is the worst since 2016, ")
        at = a.mark()
        a.w("when ")
        fig = figure_words(a.rng, 200, "approx")
        a.w(f"{fig[0]} people were killed in four days of clashes")
        a.report("e-2016-clashes", at)
        a.claim((at, a.pos), "killed", event="e-2016-clashes", status="unknown", figure=fig)
        a.w(".")
    elif kind == "ceasefires":
        truces = [
            (
                date(2020, 10, 10),
                "e-2020-10-10-humanitarian-ceasefire",
                "A humanitarian ceasefire agreed in Moscow on Oct. 10",
            ),
            (date(2020, 10, 17), "e-2020-10-17-ceasefire", "A second truce, agreed on Oct. 17,"),
            (date(2020, 10, 26), "e-2020-10-26-ceasefire", "A ceasefire brokered by Washington on Oct. 26"),
        ]
        known = [t for t in truces if t[0] < a.published]
        if not known:
            return p_background(a, "2016")
        _, event, words = a.rng.choice(known)
        at = a.mark()
        a.w(words)
        a.report(event, at)
        a.w(" collapsed within hours, with each side blaming the other.")
    a.w("\n\n")
