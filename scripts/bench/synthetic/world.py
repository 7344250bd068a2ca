"""The invented world every synthetic article is written in, fixed before any article is, so that the
articles, their codings and the registry all agree on who is who and on which days. Only the states, places
and outlets are real names; the people, quotes and figures are invented."""

from __future__ import annotations

import re
from datetime import date, timedelta
from random import Random
from typing import NotRequired, TypedDict

WAR_START, WAR_END = date(2020, 9, 27), date(2020, 11, 10)
DAYS = [WAR_START + timedelta(days=i) for i in range((WAR_END - WAR_START).days + 1)]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = {9: "Sept.", 10: "Oct.", 11: "Nov."}
UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINAL = (
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()


class Side(TypedDict):
    state: tuple[str, str, str, str | None, list[str]]  # (id, name, actor type, ISO code, aliases)
    forces: tuple[str, str, str, str | None, list[str]]  # the same, of its armed forces
    adjective: str
    iso: str | None
    bodies: list[tuple[str, str, list[str]]]  # (key, name, aliases)
    towns: list[str]
    firsts: list[str]
    lasts: list[str]
    bodies_ids: NotRequired[list[tuple[str, str]]]  # set by World: (actor id, key) of each body
    people: NotRequired[list[str]]  # set by World: the ids of the people who speak for its bodies


SIDES: dict[str, Side] = {
    "AZ": dict(
        state=("azerbaijan", "Azerbaijan", "state", "AZE", ["Baku", "the Azeri side"]),
        forces=(
            "azerbaijan-armed-forces",
            "Azerbaijani armed forces",
            "armed_force",
            "AZE",
            ["Azeri forces", "the Azerbaijani army", "Azerbaijani troops"],
        ),
        adjective="Azerbaijani",
        iso="AZE",
        bodies=[
            ("defence-ministry", "Azerbaijan’s defence ministry", ["the defence ministry in Baku"]),
            ("foreign-ministry", "Azerbaijan’s foreign ministry", ["the foreign ministry in Baku"]),
            (
                "prosecutor-general",
                "Prosecutor General’s Office of Azerbaijan",
                ["Azerbaijan’s prosecutor general’s office", "the general prosecutor’s office"],
            ),
            ("ombudsman", "Azerbaijan’s human rights ombudsman", ["the Azeri ombudsman"]),
            ("presidency", "the Azerbaijani presidency", ["the presidential administration in Baku"]),
            ("emergency-ministry", "Azerbaijan’s emergency situations ministry", []),
        ],
        towns=["Ganja", "Tartar", "Barda", "Beylagan", "Horadiz", "Mingachevir", "Naftalan", "Aghdam"],
        firsts=[
            "Elnur",
            "Rashad",
            "Vusal",
            "Ilkin",
            "Farid",
            "Nigar",
            "Leyla",
            "Aynur",
            "Kamran",
            "Tural",
            "Sevinj",
            "Orkhan",
            "Javid",
            "Gunel",
            "Emin",
            "Samir",
            "Aysel",
            "Ramil",
            "Narmin",
            "Anar",
        ],
        lasts=[
            "Aliyev",
            "Mammadov",
            "Huseynov",
            "Hasanov",
            "Guliyev",
            "Ismayilov",
            "Abbasov",
            "Rzayev",
            "Karimov",
            "Valiyev",
            "Jafarov",
            "Babayev",
            "Nasirov",
            "Safarov",
            "Mustafayev",
            "Ahmadov",
            "Zeynalov",
            "Gasimov",
            "Bagirov",
            "Rahimov",
            "Sultanov",
            "Musayev",
            "Salimov",
            "Orujov",
            "Yusifov",
            "Shukurov",
            "Alakbarov",
            "Mirzayev",
            "Ismayilzade",
            "Hajiyev",
            "Taghiyev",
            "Garayev",
            "Najafov",
            "Suleymanov",
            "Iskandarov",
            "Kazimov",
            "Efendiyev",
            "Askerov",
        ],
    ),
    "AM": dict(
        state=("armenia", "Armenia", "state", "ARM", ["Yerevan", "the Armenian side"]),
        forces=(
            "armenian-armed-forces",
            "Armenian armed forces",
            "armed_force",
            "ARM",
            ["the Armenian army", "Armenian troops"],
        ),
        adjective="Armenian",
        iso="ARM",
        bodies=[
            ("defence-ministry", "Armenia’s defence ministry", ["the defence ministry in Yerevan"]),
            ("foreign-ministry", "Armenia’s foreign ministry", ["the foreign ministry in Yerevan"]),
            ("government", "the Armenian government", ["the government in Yerevan"]),
            ("human-rights-defender", "Armenia’s human rights defender", ["the Armenian ombudsman"]),
            ("health-ministry", "Armenia’s health ministry", []),
        ],
        towns=["Vardenis", "Goris", "Kapan", "Jermuk", "Berd", "Meghri"],
        firsts=[
            "Arman",
            "Tigran",
            "Hovhannes",
            "Anush",
            "Narek",
            "Gayane",
            "Karen",
            "Lilit",
            "Aram",
            "Davit",
            "Shushan",
            "Vahe",
            "Armine",
            "Levon",
            "Ani",
            "Gor",
            "Nune",
            "Hayk",
            "Mane",
            "Artur",
        ],
        lasts=[
            "Sargsyan",
            "Hakobyan",
            "Petrosyan",
            "Grigoryan",
            "Vardanyan",
            "Avetisyan",
            "Karapetyan",
            "Khachatryan",
            "Mkrtchyan",
            "Harutyunyan",
            "Ghazaryan",
            "Hovhannisyan",
            "Sahakyan",
            "Baghdasaryan",
            "Manukyan",
            "Zakaryan",
            "Melkonyan",
            "Galstyan",
            "Asatryan",
            "Simonyan",
            "Nersisyan",
            "Martirosyan",
            "Aslanyan",
            "Tadevosyan",
            "Hambardzumyan",
            "Danielyan",
            "Abrahamyan",
            "Mikayelyan",
            "Gevorgyan",
            "Poghosyan",
            "Stepanyan",
            "Arakelyan",
        ],
    ),
    "NK": dict(
        state=(
            "nagorno-karabakh",
            "Nagorno-Karabakh",
            "de_facto_authority",
            None,
            ["the enclave", "Karabakh", "the ethnic Armenian enclave"],
        ),
        forces=(
            "nagorno-karabakh-defence-army",
            "Nagorno-Karabakh Defence Army",
            "armed_force",
            None,
            ["ethnic Armenian forces", "the Karabakh army", "Karabakh forces"],
        ),
        adjective="Karabakh",
        iso=None,
        bodies=[
            (
                "authorities",
                "the Nagorno-Karabakh authorities",
                ["authorities in Nagorno-Karabakh", "the enclave’s authorities"],
            ),
            ("emergency-service", "Nagorno-Karabakh’s emergency service", ["the enclave’s emergency service"]),
            ("ombudsman", "Nagorno-Karabakh’s human rights ombudsman", ["the enclave’s ombudsman"]),
            ("defence-army-press-service", "the Defence Army’s press service", []),
        ],
        towns=["Stepanakert", "Martuni", "Shushi", "Hadrut", "Askeran", "Martakert", "Karin Tak", "Chartar"],
        firsts=[
            "Artsrun",
            "Vagram",
            "Gohar",
            "Sergey",
            "Lusine",
            "Ashot",
            "Anahit",
            "Samvel",
            "Siranush",
            "Grigor",
            "Marine",
            "Vardan",
            "Kristine",
            "Armen",
            "Naira",
            "Robert",
            "Zhanna",
            "Edgar",
        ],
        lasts=[
            "Beglaryan",
            "Babayan",
            "Balasanyan",
            "Ohanyan",
            "Mirzoyan",
            "Gabrielyan",
            "Hovsepyan",
            "Kocharyan",
            "Shahramanyan",
            "Atajanyan",
            "Hayrapetyan",
            "Tovmasyan",
            "Aghajanyan",
            "Movsisyan",
            "Ghukasyan",
            "Avanesyan",
            "Dallakyan",
            "Israelyan",
            "Musheghyan",
            "Sahakyants",
            "Arustamyan",
            "Gasparyan",
            "Hovakimyan",
            "Yeghiazaryan",
            "Matevosyan",
            "Mnatsakanyan",
        ],
    ),
}
TITLES = {
    "defence-ministry": [
        "spokesman for the defence ministry",
        "spokeswoman for the defence ministry",
        "deputy defence minister",
        "a defence ministry official",
    ],
    "foreign-ministry": ["foreign ministry spokesman", "foreign ministry spokeswoman", "deputy foreign minister"],
    "prosecutor-general": ["a senior prosecutor"],
    "ombudsman": ["the ombudsman’s deputy"],
    "human-rights-defender": ["the human rights defender"],
    "presidency": ["an aide to the president", "a presidential adviser"],
    "government": ["a government spokesman", "a deputy prime minister"],
    "authorities": [
        "a spokesman for the enclave’s leader",
        "the enclave’s foreign minister",
        "the head of the Martuni district",
        "the mayor of Stepanakert",
    ],
    "emergency-service": ["head of the emergency service"],
    "health-ministry": ["the health minister"],
    "emergency-ministry": ["an emergency situations ministry official"],
    "defence-army-press-service": ["a Defence Army spokesman"],
}
MEDIATORS = [
    ("russia", "Russia", "state", "RUS", ["Moscow", "the Kremlin"]),
    ("turkey", "Turkey", "state", "TUR", ["Ankara"]),
    ("france", "France", "state", "FRA", ["Paris"]),
    ("united-states", "the United States", "state", "USA", ["Washington"]),
    ("iran", "Iran", "state", "IRN", ["Tehran"]),
    ("georgia", "Georgia", "state", "GEO", ["Tbilisi"]),
    ("european-union", "the European Union", "organisation", None, ["the EU"]),
    ("united-nations", "the United Nations", "organisation", None, ["the UN"]),
    ("osce-minsk-group", "the OSCE Minsk Group", "organisation", None, ["the Minsk Group"]),
    ("icrc", "the International Committee of the Red Cross", "organisation", None, ["the ICRC"]),
]
CALLERS = ("russia", "france", "united-states", "iran", "european-union", "united-nations", "osce-minsk-group")
FOREIGN_NAMES = {
    "russia": (
        ["Dmitri", "Sergei", "Maria", "Andrei", "Olga", "Yuri"],
        ["Volkov", "Sorokin", "Belova", "Orlov", "Kuznetsova", "Fedorov"],
    ),
    "turkey": (["Mehmet", "Ayse", "Emre", "Zeynep", "Burak"], ["Yilmaz", "Demir", "Kaya", "Celik", "Aydin"]),
    "france": (["Claire", "Julien", "Sophie", "Antoine"], ["Moreau", "Laurent", "Girard", "Fontaine"]),
    "united-states": (["Emily", "Michael", "Sarah", "David"], ["Carter", "Hughes", "Bennett", "Foster"]),
    "iran": (["Hossein", "Maryam", "Reza"], ["Rahmani", "Karimi", "Mousavi"]),
    "european-union": (["Katrin", "Pieter", "Elena"], ["Lindqvist", "de Vries", "Rossi"]),
    "united-nations": (["Amina", "Lars"], ["Okafor", "Johansson"]),
    "osce-minsk-group": (["Igor", "Stephane", "Andrew"], ["Popov", "Renard", "Shaw"]),
    "icrc": (["Martina", "Ewan"], ["Keller", "MacLeod"]),
}
OUTLETS = [
    ("reuters", "Reuters"),
    ("afp", "AFP"),
    ("ap", "the Associated Press"),
    ("bbc", "the BBC"),
    ("al-jazeera", "Al Jazeera"),
    ("tass", "TASS"),
    ("ria-novosti", "RIA Novosti"),
    ("interfax", "Interfax"),
    ("anadolu", "Anadolu Agency"),
    ("apa", "APA"),
    ("trend", "Trend"),
    ("armenpress", "Armenpress"),
    ("news-am", "News.am"),
    ("azatutyun", "Azatutyun"),
    ("eurasianet", "Eurasianet"),
    ("france-24", "France 24"),
    ("deutsche-welle", "Deutsche Welle"),
    ("cnn", "CNN"),
    ("the-guardian", "The Guardian"),
    ("new-york-times", "the New York Times"),
    ("washington-post", "the Washington Post"),
    ("sky-news", "Sky News"),
    ("euronews", "Euronews"),
    ("oc-media", "OC Media"),
]
THINK_TANKS = [
    ("crisis-group", "Crisis Group"),
    ("carnegie-europe", "Carnegie Europe"),
    ("chatham-house", "Chatham House"),
    ("ecfr", "the European Council on Foreign Relations"),
    ("caucasus-institute", "the Caucasus Institute"),
    ("swp", "the German Institute for International and Security Affairs"),
]
ANALYST_NAMES = (
    [
        "Thomas",
        "Laurence",
        "Olesya",
        "Richard",
        "Magdalena",
        "Nikolaus",
        "Zaur",
        "Anna",
        "Hugo",
        "Jana",
        "Paul",
        "Ruth",
        "Oliver",
        "Ines",
        "Marek",
    ],
    [
        "Waal",
        "Broers",
        "Kucera",
        "Giragosian",
        "Grono",
        "Halbach",
        "Shiriyev",
        "Ohanian",
        "Ferreira",
        "Novak",
        "Lindgren",
        "Matthews",
        "Dupuis",
        "Strand",
        "Kowalczyk",
        "Bergmann",
        "Castell",
    ],
)

QUOTES = [  # (quote, accusation?)
    ("We will not give up a single inch of our land", False),
    ("The enemy is deliberately targeting civilian areas", True),
    ("Our forces are holding their positions along the entire front", False),
    ("This is a war for our survival — there is no way back", False),
    ("The shelling hasn’t stopped since dawn; people are hiding in basements", True),
    ("We’re ready to observe a ceasefire if the other side does the same", False),
    ("They are using heavy artillery and drones against peaceful towns", True),
    ("The occupation of our lands must end, and it will end", False),
    ("Nobody can say how many people have died; the figures change every hour", False),
    ("Every attack on our cities is a war crime", True),
    ("We have liberated several villages and our advance continues", False),
    ("There can be no military solution to this conflict", False),
    ("The situation on the front line remains tense but under control", False),
    ("Mercenaries from abroad are fighting on the other side", True),
    ("We call on the international community to stop this aggression", True),
    ("The humanitarian situation is getting worse by the day", False),
]
PARTIALS = [
    "a crime against civilians",
    "an act of terror",
    "a provocation",
    "a blatant violation of the truce",
    "a deliberate attack on peaceful people",
    "barbaric",
    "an attempt to drag in other countries",
    "unacceptable",
    "a grave escalation",
]
ANALYST_QUOTES = [
    "Both sides seem to believe they can still win something on the battlefield before they talk",
    "The longer the fighting goes on, the harder it will be for Moscow to stay on the sidelines",
    "What we’re seeing now is the most serious escalation since the war of the early 1990s",
    "Drones have changed the character of this war — neither side’s air defences were ready",
    "A ceasefire without monitors on the ground is unlikely to hold for long",
    "Turkey’s open support for Baku has changed the calculations of everyone in the region",
]
DISTRICTS = [
    "Fuzuli",
    "Jabrayil",
    "Zangilan",
    "Qubadli",
    "Hadrut",
    "Lachin",
    "Kalbajar",
    "Aghdam",
    "Tartar",
    "Khojavend",
]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "")).strip("-")


class World:
    """The actors (with the strings that name them) and the events the articles can report."""

    def __init__(self, seed: int, articles: int):
        rng = Random(f"synthetic-world:{seed}")
        self.actors: dict[str, dict] = {}
        self.names: dict[str, str] = {}  # every name and alias -> actor id (each unique)
        for spec in SIDES.values():
            state, forces = spec["state"], spec["forces"]
            self._actor(*state)
            self._actor(*forces, parent=state[0])
            spec["bodies_ids"] = []
            for key, name, aliases in spec["bodies"]:
                actor_id = f"{state[0]}-{key}"
                self._actor(
                    actor_id,
                    name[0].upper() + name[1:] if name.startswith("the ") else name,
                    "government_body",
                    spec["iso"],
                    aliases + ([name] if name.startswith("the ") else []),
                    parent=state[0],
                )
                self.actors[actor_id]["_phrase"] = name
                spec["bodies_ids"].append((actor_id, key))
            people = []
            firsts, lasts = list(spec["firsts"]), list(spec["lasts"])
            rng.shuffle(lasts)
            for i, last in enumerate(lasts):
                body_id, key = spec["bodies_ids"][i % len(spec["bodies_ids"])]
                first = firsts[(i * 7) % len(firsts)]
                person_id = slug(f"{first} {last}")
                self._actor(
                    person_id,
                    f"{first} {last}",
                    "person",
                    spec["iso"],
                    [last],
                    parent=body_id,
                    title=rng.choice(TITLES[key]),
                )
                people.append(person_id)
            spec["people"] = people
        for actor_id, name, kind, iso, aliases in MEDIATORS:
            self._actor(
                actor_id, name[0].upper() + name[1:], kind, iso, aliases + ([name] if name.startswith("the ") else [])
            )
            self.actors[actor_id]["_phrase"] = name
        self.envoys: dict[str, list[str]] = {}
        for org, (firsts, lasts) in FOREIGN_NAMES.items():
            self.envoys[org] = []
            for i, last in enumerate(lasts):
                person_id = slug(f"{firsts[i % len(firsts)]} {last}")
                title = "foreign ministry spokesperson" if self.actors[org]["actor_type"] == "state" else "spokesperson"
                self._actor(
                    person_id,
                    f"{firsts[i % len(firsts)]} {last}",
                    "person",
                    self.actors[org]["country_iso3"],
                    [last],
                    parent=org,
                    title=title,
                )
                self.envoys[org].append(person_id)
        for actor_id, name in OUTLETS:
            self._actor(
                actor_id, name[0].upper() + name[1:], "media_outlet", None, [name] if name.startswith("the ") else []
            )
            self.actors[actor_id]["_phrase"] = name
        self.outlets = [o for o, _ in OUTLETS]
        for actor_id, name in THINK_TANKS:
            self._actor(
                actor_id, name[0].upper() + name[1:], "organisation", None, [name] if name.startswith("the ") else []
            )
            self.actors[actor_id]["_phrase"] = name
        self.analysts = []
        for i, last in enumerate(ANALYST_NAMES[1]):
            first = ANALYST_NAMES[0][i % len(ANALYST_NAMES[0])]
            tank = THINK_TANKS[i % len(THINK_TANKS)][0]
            self._actor(
                slug(f"{first} {last}"),
                f"{first} {last}",
                "person",
                None,
                [last],
                parent=tank,
                title=rng.choice(["senior analyst", "director of the Caucasus programme", "research fellow"]),
            )
            self.analysts.append(slug(f"{first} {last}"))
        for actor_id, name, alias in (
            ("ethnic-armenians", "Ethnic Armenians", "ethnic Armenians"),
            ("ethnic-azeris", "Ethnic Azeris", "ethnic Azeris"),
        ):
            self._actor(actor_id, name, "population_group", None, [alias])
        # Casualty figures come from each side's bodies and spokespeople. A larger corpus has more of them at
        # work, so that claims of one source about one day stay a handful and disagreements grow with the
        # corpus, not with its square.
        self.sources = {}
        for side, spec in SIDES.items():
            pool = [b for b, _ in spec["bodies_ids"]] + spec["people"]
            rng.shuffle(pool)
            active = max(3, min(len(pool), -(-articles // 400)))
            self.sources[side] = (pool[:active], [1 / (i + 1) for i in range(active)])
        # The share of figures worded differently or differing from the source's: once the sources are all at
        # work, more articles repeat the same figures, and a fixed share would make pairs grow with the square.
        self.variant = 0.14 * min(1.0, 2000 / articles)

    def _actor(self, actor_id, name, kind, iso, aliases, parent=None, title=None):
        assert actor_id not in self.actors, actor_id
        self.actors[actor_id] = {
            "id": actor_id,
            "name": name,
            "actor_type": kind,
            "country_iso3": iso,
            "parent": parent,
            "title": title,
            "aliases": list(dict.fromkeys(aliases)),
        }
        for n in [name, *aliases]:
            assert n not in self.names, n
            self.names[n] = actor_id

    def phrase(self, actor_id) -> str:
        """The words a sentence names the actor with (its name, or 'the BBC')."""
        actor = self.actors[actor_id]
        return actor.get("_phrase", actor["name"])


def number_words(n: int) -> str:
    if n < 20:
        return UNITS[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + UNITS[n % 10])
    return str(n)


def side_of(world: World, actor_id: str) -> str:
    while world.actors[actor_id]["parent"]:
        actor_id = world.actors[actor_id]["parent"]
    return {"azerbaijan": "AZ", "armenia": "AM", "nagorno-karabakh": "NK"}.get(actor_id, "INT")
