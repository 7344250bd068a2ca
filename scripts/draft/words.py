"""The words the drafting rules look for, in one place: attribution verbs, titles, groups of people, casualty
words and event triggers. Extending what `draft` finds usually means adding a word here, not a rule."""

from __future__ import annotations

import re


def alternation(words) -> str:
    """A regex alternative of the words, longest first so that "called for" wins over "called"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


# The lists below are laid out by hand, a line per group of words; a formatter would give every word a line of its
# own and make the vocabulary four times as long to read.
# fmt: off

# A comma that ends a clause: not the thousands separator of a figure ("70,000").
CLAUSE_COMMA = r"(?:(?<![0-9]),|,(?![0-9]{3}(?![0-9])))"
# A full stop ends a clause only where a sentence ends: not in "Sept. 27" or "U.S.-brokered".
CLAUSE_END = re.compile(
    CLAUSE_COMMA
    + r"|;|:(?!\d)|\.(?=[”\"]?(?:\s+[A-Z“\"]|\s*$))|\s(?:after|when|as|while|but|although|though|which|who|whom|"
    r"before|until|because)\s"
)

# Attribution verbs, every form a wire story uses; the base form names the cue in the draft's notes.
SPEECH_VERBS = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "add": ["added", "adds", "adding"],
    "announce": ["announced", "announces", "announcing"],
    "claim": ["claimed", "claims", "claiming"],
    "deny": ["denied", "denies", "denying", "rejected", "rejects", "rejecting"],
    "accuse": ["accused", "accuses", "accusing"],
    "condemn": ["condemned", "condemns", "condemning"],
    "urge": ["urged", "urges", "urging"],
    "call for": ["called for", "calls for", "calling for", "called on", "calls on", "calling on"],
    "warn": ["warned", "warns", "warning"],
    "report": ["reported", "reporting", "reports"],  # "reports" only after a quotation or before "that"
    "insist": ["insisted", "insists", "insisting"],
    "state": ["stated"],
    "write": ["wrote", "writes"],
    "note": ["noted", "notes", "noting"],
    "stress": ["stressed", "stresses", "stressing", "emphasised", "emphasized", "emphasises", "emphasizes",
               "underlined", "underlines", "underlining", "underscored", "underscores", "highlighted",
               "highlights"],
    "vow": ["vowed", "vows", "vowing", "swore", "sworn", "swears"],
    "pledge": ["pledged", "pledges", "pledging", "promised", "promises", "promising"],
    "tweet": ["tweeted", "tweets", "tweeting"],
    "answer": ["answered", "answers", "replied", "replies", "responded"],
    "describe": ["described", "describes", "describing"],
    "dismiss": ["dismissed", "dismisses", "dismissing"],
    "reiterate": ["reiterated", "reiterates", "reiterating"],
    "confirm": ["confirmed", "confirms", "confirming"],
    "explain": ["explained", "explains", "explaining"],
    "declare": ["declared", "declares", "declaring"],
    "demand": ["demanded", "demands", "demanding"],
    "apologise": ["apologised", "apologized", "apologises", "apologizes"],
    "threaten": ["threatened", "threatens", "threatening"],
    "criticise": ["slammed", "slams", "criticised", "criticized", "criticises", "criticizes", "blasted",
                  "lambasted"],
    "welcome": ["welcomed", "welcomes", "hailed", "hails", "praised", "praises"],
    "argue": ["argued", "argues", "arguing"],
    "admit": ["admitted", "admits", "admitting", "acknowledged", "acknowledges", "acknowledging"],
    "allege": ["alleged", "alleges", "alleging", "asserted", "asserts", "asserting"],
    "charge": ["charged"],  # `“…,” it charged in a statement`; "was charged with" is passive, no cue
    "recall": ["recalled", "recalls", "recalling", "recounted", "recounts"],
    "point out": ["pointed out", "points out", "pointing out", "observed", "remarked", "drew attention",
                  "draws attention", "mentioned", "mentions", "concluded", "concludes"],
    "comment": ["commented", "comments", "commenting"],
    "assure": ["assured", "assures", "assuring"],
    "inform": ["informed", "informs", "informing", "specified", "clarified"],
    "repeat": ["repeated", "repeats", "repeating"],
    "continue": ["continued"],  # `“…,” he continued`: a cue only where someone is its subject
    "ask": ["asked"],
    "estimate": ["estimated", "estimates"],
    "suggest": ["suggested", "suggests", "predicted", "predicts"],
    "concede": ["conceded", "concedes"],
    "caution": ["cautioned", "cautions"],
    "complain": ["complained", "complains"],
    "maintain": ["maintained", "maintains"],
    "label": ["labelled", "labeled", "branded", "termed", "characterised", "characterized", "dubbed", "labelling",
              "labeling", "branding", "terming", "dubbing", "labels", "brands", "terms", "characterises",
              "characterizes", "dubs"],
    "exclaim": ["exclaimed", "shouted", "cried", "lamented"],
    "read": ["reads", "runs"],  # "runs" only after a document: "the agency's statement runs"
    "put": ["put it"],  # "As Aliyev put it, “…”": only before a comma or colon (statements._cues)
    "call": ["called", "calling", "calls"],  # only with a quotation after: "called the deal a “capitulation”"
    "quote": ["was quoted as saying", "were quoted as saying", "quoted him as saying"],
    "release": ["released a statement", "issued a statement", "released a statement saying",
                "issued a statement saying"],
}
CUE_FORMS = {form: base for base, forms in SPEECH_VERBS.items() for form in forms}
PARTICIPLES = {form for form in CUE_FORMS if form.endswith("ing") and " " not in form}  # ", adding that ..."
# Cue verbs that put their speaker after them when they follow the quotation: `“…,” tweeted the ombudsman`.
INVERTING = {"said", "says", "added", "adds", "told", "noted", "stressed", "tweeted", "wrote", "writes", "asked",
             "insisted", "insists", "warned", "warns", "explained", "explains", "continued", "recalled", "recalls",
             "declared", "announced", "replied", "answered", "claimed", "remarked", "emphasised", "emphasized",
             "underlined", "concluded", "recounted", "shouted", "cried", "exclaimed", "stated", "reported", "reports",
             "cautioned", "complained", "conceded", "maintained", "estimated"}
# Cue verbs that name what they quote ("called the deal a “capitulation”", "branded the claims “lies”"): cues only
# with a quotation after them.
NAMING = {"called", "calling", "calls", "labelled", "labeled", "branded", "termed", "characterised", "characterized",
          "dubbed", "labelling", "labeling", "branding", "terming", "dubbing", "labels", "brands", "terms",
          "characterises", "characterizes", "dubs"}
# Cue verbs that speak only with "that" or a quotation: "maintained that ...", not "maintained its positions".
SPEAKING_WITH_THAT = {"maintained", "maintains", "estimated", "estimates", "suggested", "suggests", "predicted",
                      "predicts", "conceded", "concedes", "cautioned", "cautions", "complained", "complains"}
# "is said to", "were reported killed", "was accused of": these verbs after a form of "be" are passive, no cue.
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being"}
AUXILIARIES = ["has", "have", "had", "is", "are", "was", "were", "will", "would"]
CUE_ADVERBS = ["also", "again", "repeatedly", "separately", "previously", "earlier", "later", "then", "further",
               "additionally", "meanwhile", "once again", "subsequently", "personally", "firmly", "flatly",
               "strongly", "sharply", "quickly"]
# "told reporters", "told a briefing": the words "told" takes before what was told.
TOLD_OBJECT = r"(?:\s+(?!that\b|on\b|in\b|at\b|after\b|before\b|yesterday\b|today\b)[\w’'.-]+){1,4}?"

# What a body issues and is quoted from: "the statement reads", "the ministry issued a report".
DOCUMENTS = r"(?:statement|document|report|communiqu[eé]|declaration|letter|release|bulletin|message|announcement)"

# Words for the standing of an authority or its land, before its name: "the unrecognized Nagorno-Karabakh Republic".
STANDING = ("unrecognized", "unrecognised", "self-proclaimed", "breakaway", "disputed")

# Who speaks for an institution: "a spokesman for X said" is coded as X speaking.
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials", "authorities",
                "a spokesman", "a spokeswoman", "a spokesperson", "an official", "sources", "the government",
                "representatives", "a representative", "leadership", "leaders", "government", "press service",
                "press office"}
# Words that make a capitalised word part of a title rather than of a name.
TITLE_WORDS = {
    "president", "prime", "minister", "ministers", "foreign", "defence", "defense", "deputy", "secretary", "general",
    "spokesman", "spokeswoman", "spokesperson", "analyst", "senior", "director", "head", "chief", "leader", "envoy",
    "ambassador", "commander", "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "sergeant",
    "adviser", "advisor", "aide", "official", "mayor", "governor", "chairman", "chairwoman", "chair", "speaker",
    "ombudsman", "ombudsperson", "defender", "commissioner", "prosecutor", "researcher", "fellow", "professor", "dr",
    "mr", "mrs", "ms", "sir", "gen", "adm",
    "admiral", "marshal", "premier", "king", "queen", "prince", "sheikh", "pope", "patriarch", "bishop", "sen",
    "senator", "rep", "representative", "gov", "correspondent", "reporter", "editor", "coordinator", "executive",
    "vice", "acting", "former", "interim", "state", "national", "security", "human", "rights", "emergency",
    "interior", "justice", "health", "military", "army", "officer", "photographer", "journalist",
}
# A capitalised word that starts a sentence or a title, never a name.
NOT_NAME = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "for", "to", "from", "by", "with", "as", "after",
    "before", "since", "while", "when", "where", "if", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "this", "that", "these", "those", "there", "here", "both", "all", "any", "some", "no",
    "not", "neither", "nor", "one", "two", "three", "meanwhile", "however", "also", "still", "yet", "so", "then",
    "earlier", "later", "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "according", "asked", "speaking", "despite", "although", "because", "during", "until", "over", "under",
    "about", "around", "more", "most", "many", "several", "such", "what", "who", "why", "how", "which", "we’re",
    "it’s", "don’t", "can’t", "we’ve", "let", "now", "today", "yesterday", "tomorrow", "fighting", "clashes",
    "war", "christian", "muslim", "communist", "soviet", "western", "eastern", "northern", "southern", "central",
    "south", "north", "east", "west", "caucasus", "region", "united", "nations", "state", "states", "republic",
    # words of an institution's name, never of a person's: "... of the Presidential Administration Hikmet Hajiyev"
    "presidential", "administration", "department", "affairs", "policy", "office", "ministry", "committee",
    "service", "council", "agency", "assembly", "parliament", "government", "army", "forces", "headquarters",
    # places and buildings: "Stepanakert Airport", "Ganja City"
    "airport", "city", "hospital", "street", "square", "village", "district", "province", "station", "bridge",
    # plural nouns of a body's name, never a person's: "... Hostages and Missing Persons"
    "persons", "missing", "hostages", "prisoners", "refugees", "victims", "rights", "human",
}
# Words that may open a capitalised run without being part of the name after them ("On Monday", "The Army").
FUNCTION_WORDS = {"the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "for", "to", "from", "by", "with",
                  "as", "after", "before", "since", "while", "when", "where", "if", "meanwhile", "however", "also",
                  "both", "all", "its", "his", "her", "their", "this", "that", "these", "those", "according",
                  "despite", "although", "because", "during", "until", "so", "then", "yet", "still"}
# The last word of an organisation's name, and what kind of actor it makes.
ORGANISATION_HEADS = {
    **dict.fromkeys(["Ministry", "Office", "Department", "Parliament", "Government", "Cabinet",
                     "Presidency", "Commission", "Prosecutor", "Service", "Police",
                     # seats of government that speak for it: "the Kremlin said", "the Pentagon said"
                     "Kremlin", "Pentagon", "Elysee", "Élysée"], "government_body"),
    **dict.fromkeys(["Army", "Forces", "Corps", "Guard", "Brigade", "Battalion", "Division", "Regiment", "Militia",
                     "Navy", "Command"], "armed_force"),
    **dict.fromkeys(["News", "Times", "Post", "Press", "Journal", "TV", "Television", "Radio", "Herald",
                     "Guardian", "Telegraph", "Tribune", "Gazette", "Agency", "Reuters", "AFP", "Interfax", "TASS",
                     "Xinhua", "Jazeera", "Newswire", "Broadcasting",
                     # the last word of a paper's title: "Aravot Daily", "Daily Sabah" (its first), "Asia Times"
                     "Daily", "Chronicle", "Observer", "Monitor", "Weekly", "Courier", "Mirror", "Express", "Sabah",
                     "Vedomosti", "Izvestia"], "media_outlet"),
    **dict.fromkeys(["Group", "Committee", "Organisation", "Organization", "Institute", "Foundation", "Party",
                     "Watch", "International", "Union", "Federation", "Front", "Movement", "Cross", "Crescent",
                     "Association", "Network", "Court", "Assembly", "Alliance", "Programme", "Program", "Fund",
                     "Centre", "Center", "Bank", "Society", "Mission", "Initiative", "Coalition", "House",
                     "University", "Council", "Lab", "Laboratory", "Observatory", "Bureau", "Tribunal", "Nations",
                     # bodies known by their initials alone: "UNICEF said", "the OSCE called"
                     "UNICEF", "UNHCR", "OCHA", "UNESCO", "OSCE", "NATO", "ICRC"],
                    "organisation"),
}
# Lower-case role words after a possessive ("Armenia's defence ministry"): the kind of body they name.
BODY_ROLES = {"ministry": "government_body", "office": "government_body", "government": "government_body",
              "committee": "government_body", "service": "government_body", "police": "government_body",
              "prosecutor": "government_body", "presidency": "government_body", "parliament": "government_body",
              "prosecutor general": "government_body", "general prosecutor": "government_body",
              "center": "government_body", "centre": "government_body",
              "military": "armed_force", "army": "armed_force", "armed forces": "armed_force",
              "forces": "armed_force", "troops": "armed_force", "defence army": "armed_force", "navy": "armed_force"}

# Groups of people a figure counts, and whether they are military, civilian or unknown.
GROUPS = {
    **dict.fromkeys(["soldiers", "soldier", "servicemen", "serviceman", "servicemembers", "service members",
                     "troops", "forces", "fighters", "combatants", "conscripts", "officers", "militiamen",
                     "military personnel",
                     "personnel", "manpower", "servicewomen", "paratroopers", "volunteers", "reservists", "militants",
                     "rebels", "guards", "border guards", "sailors", "pilots", "commanders"], "military"),
    **dict.fromkeys(["civilians", "civilian", "residents", "children", "child", "women", "woman", "girls", "girl",
                     "boys", "boy", "babies", "baby", "villagers", "inhabitants", "minors", "toddlers",
                     "journalists", "journalist", "aid workers", "non-combatants", "noncombatants", "pensioners",
                     "refugees", "families", "citizens", "locals", "passers-by", "passersby", "rescuers",
                     "medics", "paramedics", "doctors", "nurses", "teachers", "students", "schoolchildren",
                     "farmers", "grandchildren", "grandsons", "granddaughters"], "civilian"),
    **dict.fromkeys(["people", "persons", "person", "individuals", "men", "victims", "male", "males",
                     "female", "females", "employees", "workers", "staff", "staffers"], "unknown"),
}
OTHERS = {"others", "more", "other"}  # "wounding 32 others": the same kind of people as the figure before
# Words that state what happened to the people a figure counts.
CASUALTY_WORDS = {
    **dict.fromkeys(["killed", "dead", "died", "die", "deaths", "slain", "perished", "lost their lives",
                     "killing", "kill", "martyring", "succumbed to their wounds", "succumbed to his wounds",
                     "succumbed to her wounds", "succumbed to wounds", "succumbed to their injuries",
                     "died of their wounds", "died of wounds", "died from their wounds", "died of their injuries",
                     "died from their injuries", "died in hospital", "sacrificed their lives",
                     "gave their lives", "laid down their lives", "martyred", "bodies", "corpses", "destroyed",
                     "eliminated", "neutralised", "gunned down", "executed", "beheaded", "decapitated",
                     "fatally wounded", "fatally injured", "mortally wounded", "fatally shot", "have fallen",
                     "has fallen", "had fallen", "fell in battle", "fell in combat", "fell in the line of duty",
                     "fell heroically", "heroically fell",
                     "neutralized", "casualties", "fatalities", "losses", "fatal cases"], "killed"),
    # "40 servicemen were destroyed": a defence ministry's word; "320 casualties" of an official count are deaths
    **dict.fromkeys(["wounded", "injured", "hurt", "wounding", "injuring", "wounds", "injuries", "hospitalized",
                     "hospitalised", "taken to hospital", "being treated in hospital", "being treated in hospitals",
                     "receiving treatment in hospital", "receiving treatment in hospitals",
                     "being treated in medical facilities", "being treated in medical institutions",
                     "receiving medical treatment", "receiving medical care", "receiving medical aid",
                     "in serious condition", "in a serious condition", "in critical condition",
                     "in a critical condition", "in severe condition", "in grave condition"], "wounded"),
    **dict.fromkeys(["captured", "taken prisoner", "taken captive", "capturing", "taken hostage", "held captive",
                     "prisoners of war", "prisoners", "captives", "hostages", "pows", "captivity", "being held",
                     "still held", "seized"], "captured"),
    **dict.fromkeys(["missing", "unaccounted for", "disappeared"], "missing"),
    **dict.fromkeys(["displaced", "driven out", "driven from their homes", "forced from their homes", "fled",
                     "forced to flee", "forced to leave", "fled their homes", "left their homes", "evacuated",
                     "made homeless", "uprooted", "displacing", "expelled", "fleeing"],
                    "displaced"),
}
CASUALTY = re.compile(r"\b(?:" + alternation(CASUALTY_WORDS) + r")\b", re.IGNORECASE)
# Casualty words that come before the figure: "killing 146 soldiers", "claiming to have killed some 500 troops".
CASUALTY_BEFORE = {"killing", "killed", "kill", "martyring", "martyred", "wounding", "wounded", "injuring", "injured",
                   "capturing", "captured", "displacing", "displaced", "evacuated", "evacuating", "leaving"}
# Words before the figure that make it a loss of lives: "lost 45 servicemen", "claimed the lives of 37 civilians".
LOSS_BEFORE = {"lost": "killed", "losing": "killed", "claimed the lives of": "killed", "the death of": "killed",
               "the deaths of": "killed", "the bodies of": "killed", "the corpses of": "killed",
               "claiming the lives of": "killed", "took the lives of": "killed", "cost the lives of": "killed",
               "the killing of": "killed", "the killings of": "killed", "the murder of": "killed",
               "the wounding of": "wounded", "the capture of": "captured", "the shooting of": "killed",
               "the execution of": "killed", "the executions of": "killed", "the beheading of": "killed",
               "the massacre of": "killed", "the remains of": "killed", "the loss of": "killed", "bodies of": "killed",
               "the losses of": "killed"}
# A running count before its figure: "the death toll has risen to 25", "the number of civilians killed ... had
# risen to 94", "military losses to 1,077", "put the number of civilian deaths at 63". `what` says what it counts.
_TOLL_HEAD = (
    r"\b(?:(?:(?P<toll_status>military|civilian)\s+)?(?P<toll>death\s+toll|toll|tally)"
    r"|number\s+(?:of\s+)?(?P<what>(?:[^.;]|\.(?=\s*\d)){0,60}?"
    r"\b(?:killed|dead|deaths|wounded|injured|displaced|fled|missing|captured|losses|casualties|fatalities"
    r"|perished|fallen))"
    r"|(?P<status>military|civilian|manpower)\s+(?:deaths|losses|casualties|fatalities))\b"
    r"(?:[^.;]|\.(?=\s*\d)){0,140}?"
)
TOLL = re.compile(
    _TOLL_HEAD + r"\b(?:to|at|reached|stood\s+at|stands\s+at|is|was|are|were|of|made|totals|totalled|totaled)\s*$",
    re.IGNORECASE,
)
# A count that a figure's own verb takes past a number: "the death toll (has) surpassed 100" (the verb is read
# with the figure, as "more than 100": reading.quantities.PREFIXES).
TOLL_PASSED = re.compile(_TOLL_HEAD + r"(?:\b(?:has|have|had)\s*|\s)$", re.IGNORECASE)
PASSED = re.compile(r"(?:surpassed|exceeded|topped)\s", re.IGNORECASE)
# One person named with "a" or "an": "a 62-year-old woman was killed", "a child was wounded".
ONE_PERSON = {
    **dict.fromkeys(["woman", "child", "boy", "girl", "baby", "infant", "teenager", "civilian", "resident",
                     "journalist", "villager", "pensioner", "doctor", "nurse", "reporter", "correspondent",
                     "toddler", "student", "schoolboy", "schoolgirl", "teacher", "farmer", "minor",
                     "cameraman", "photographer"], "civilian"),
    **dict.fromkeys(["soldier", "serviceman", "servicewoman", "officer", "volunteer", "conscript", "fighter",
                     "reservist", "pilot", "peacekeeper"], "military"),
    **dict.fromkeys(["man", "person"], "unknown"),
}
# "One officer of the armed forces was killed": a number before one person of ONE_PERSON's kinds.
GROUPS |= {noun: status for noun, status in ONE_PERSON.items() if noun not in GROUPS}


def plural(noun: str) -> str:
    """ "cameraman" -> "cameramen", "baby" -> "babies", "reporter" -> "reporters"."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun == "child":
        return "children"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# "two photographers of Paris Match were wounded": the people of ONE_PERSON's kinds, counted.
GROUPS |= {plural(noun): status for noun, status in ONE_PERSON.items() if plural(noun) not in GROUPS}
# Words before a number that make it a person's age, not a count: "a boy of nine", "aged 94".
AGE_BEFORE = re.compile(r"(?:\b(?:" + "|".join(ONE_PERSON) + r")\s+of|\baged)\s+$", re.IGNORECASE)
# Words before a number that make it a count of someone's children: "a father of two", "a mother of three".
PARENT_OF = re.compile(r"\b(?:father|mother|parent|grandfather|grandmother|dad|mum|mom)\s+of\s+$", re.IGNORECASE)
# Words after a number that make it a clock time, not a count: "as of 7 p.m.", "at 15:00", "at 6 o'clock".
TIME_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock\b|hrs\b|:[0-5]\d\b)", re.IGNORECASE)
# A part of the figure before it: "14 people, including three children".
PART_WORDS = r"(?:including|includ(?:e|es|ed)|among\s+them|among\s+whom|of\s+whom)"
PART_BEFORE = re.compile(rf"\b{PART_WORDS}\s+$", re.IGNORECASE)
# What a figure of people is not: "27 tanks", "18 years", "10 km".
NOT_PEOPLE = {"tanks", "vehicles", "villages", "years", "year", "km", "kilometres", "kilometers", "miles", "percent",
              "per", "drones", "aircraft", "planes", "helicopters", "rockets", "missiles", "shells", "hours",
              "days", "weeks", "months", "times", "positions", "settlements", "towns", "points", "metres", "meters",
              "dollars", "million", "billion", "artillery", "guns", "systems", "units", "homes", "buildings",
              "houses", "targets", "posts", "howitzers", "armoured", "armored", "facilities", "objects",
              "infrastructure", "sites", "installations", "equipment", "apartments", "cars", "trucks", "shops",
              # parts of the body: "lost one leg" is a wound, not a death
              "leg", "legs", "arm", "arms", "hand", "hands", "foot", "feet", "eye", "eyes", "limb", "limbs",
              "finger", "fingers",
              # places and other things a count may name: "one of those towns", "at least three sources"
              "sources", "landmarks", "cities", "districts", "regions", "schools", "hospitals", "churches",
              "mosques", "bridges", "roads", "incidents", "attacks", "strikes", "violations",
              # one thing: "(one building was completely destroyed)"; not words that name people's kind ("two tank
              # crew members", "two town residents")
              "building", "house", "home", "vehicle", "apartment", "facility", "shop", "bridge", "road", "car", "truck",
              "howitzer", "graves", "grave", "coffins",
              # military things a defence ministry counts as "destroyed": "3 ammunition depots were destroyed"
              "ammunition", "depots", "depot", "launchers", "launcher", "radars", "radar", "bunkers", "trenches",
              "strongholds", "batteries", "warehouses", "uavs", "mortars", "weapons", "pieces",
              # what reports show or house: "several videos appeared to show captured soldiers", "hotels ... for the
              # displaced"
              "videos", "video", "photos", "photographs", "images", "pictures", "footage", "hotels", "shelters",
              "tents"}
HEDGES = {"could", "would", "might", "may", "will", "can", "fear", "fears", "risk", "threat", "threatened",
          "if", "unless", "possible", "possibility", "potential", "potentially", "likely", "unlikely", "no", "not",
          "never", "neither", "nor", "without"}

# Event triggers: (event_type, pattern). A clause may report several types; each is one report.
EVENT_TRIGGERS = [
    ("ceasefire_call", r"\b(?:call(?:ed|s|ing)?\s+(?:for|on)|urg(?:ed|es|ing)|appeal(?:ed|s|ing)?\s+for"
                       r"|push(?:ed|ing)?\s+for)\b"
                       r"[^.;]{0,80}?\b(?:ceasefire|cease-fire|truce|peace|restraint|halt|end\s+to|de-escalation|"
                       r"negotiations|talks|resolution|calm|dialogue)\b"),
    ("ceasefire_agreement", r"\b(?:agreed|agree|signed|brokered|reached)\b[^.;]{0,40}?"
                            r"\b(?:ceasefire|cease-fire|truce)\b"
                            r"|\b[\w-]+-brokered\s+(?:ceasefire|truce)\b|\b(?:ceasefire|truce)\s+(?:took|takes)\s+effect\b"),
    ("martial_law", r"\bmartial\s+law\b|\bstate\s+of\s+war\b"),
    ("mobilisation", r"\bmobili[sz](?:ation|ed|ing|e)\b"),
    ("movement_restriction", r"\bbanned\s+from\s+leaving\b|\bcurfew\b|\bclosed\s+(?:its|the)\s+border\b"
                             r"|\btravel\s+ban\b"),
    ("shelling", r"\bshell(?:ed|ing)\b|\bbombard(?:ed|ment|ing)\b|\bair\s*strikes?\b|\b(?:missile|rocket|drone)\s+"
                 r"(?:strikes?|attacks?)\b|\bcame\s+under\s+(?:heavy\s+)?(?:artillery\s+|rocket\s+)?fire\b"
                 r"|\bfired\s+(?:rockets|missiles|shells)\b"),
    ("attack", r"\b(?:attack(?:ed|s)?|offensive|assault|counter-?offensive)\b"),
    ("armed_clash", r"\b(?:fighting|clashes|clashed|clash|battles?|combat|skirmish(?:es)?|fought|"
                    r"exchanged\s+(?:[\w-]+\s+){0,3}fire|pounded\s+each\s+other|hostilities|flare-up)\b"),
    ("displacement", r"\b(?:displaced|driven\s+out|fled\s+their\s+homes|forced\s+to\s+flee|refugees)\b"),
]
# A past war is an event only where the text dates it ("the war in the 1990s", "All-out war in the early 1990s").
WAR = re.compile(r"\bwar\b[^.;,]{0,30}?\b(?:in|of|during)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:19|20)\d0s\b"
                 r"|\bwar\s+(?:in|of)\s+(?:19|20)\d\d\b|\bwar\b[^.;,]{0,40}?\bended\s+in\s+(?:19|20)\d\d\b",
                 re.IGNORECASE)
EVENT_NAMES = {"armed_clash": "fighting", "shelling": "shelling", "attack": "attack", "martial_law": "martial-law",
               "mobilisation": "mobilisation", "movement_restriction": "movement-restriction",
               "ceasefire_call": "ceasefire-call", "ceasefire_agreement": "ceasefire", "displacement": "displacement",
               "war": "war"}
ONE_SIDED = {"martial_law", "mobilisation", "movement_restriction", "ceasefire_call"}
# fmt: on

# Around a number, words that make it a day of a month, not a count: "September 27", "27 Sept.".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+$")  # "September 27"
MONTH_AFTER = re.compile(rf"\s+(?:of\s+)?{_MONTH}(?![\w’'-])")  # "27 Sept.", "the 27th of September"
# The people a count is of, named after it: "320 casualties among the military", "deaths among their forces".
AMONG = re.compile(
    r"\s+(?:casualties|losses|deaths|fatalities|dead|killed|wounded|injured)\s+among\s+(?:the\s+)?(?:its\s+|their\s+)?"
    r"(military|army|forces|ranks|civilians?|civilian\s+population|population|" + alternation(GROUPS) + r")\b",
    re.IGNORECASE,
)

# Nouns an article takes an attack up again by ("the attack", "this strike"): events, the dates of figures and the
# dates carried to them each add the few of their own they need.
ATTACK_NOUNS = r"attacks?|strikes?|shelling|bombardment"
# ... and the blasts a figure's sentence may name as what killed ("in the explosion", "the raid").
BLAST_NOUNS = r"assault|raid|explosion|blast"
