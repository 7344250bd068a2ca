"""What names look like in news copy: runs of capitalised words, the tokens of a person's name, possessives,
titles and appositions around a name, and the words that point back to a region ("the enclave")."""

from __future__ import annotations

import re

from scripts.draft.words import (
    CUE_ADVERBS,
    CUE_FORMS,
    NOT_NAME,
    ONE_PERSON,
    PARTICIPLES,
    STANDING,
    TITLE_WORDS,
    alternation,
)

TOKEN = r"[A-Z][\w’'.-]*[\w]|[A-Z]"
CONNECTORS = r"(?:of|for|and|the|on|in|de|del|da|van|von|bin|al|el)"
CAPITALISED = re.compile(rf"(?:{TOKEN})(?: +(?:{CONNECTORS} +)*(?:{TOKEN}))*")
PERSON_TOKEN = re.compile(r"^[A-Z][a-z’'-]+(?:-[A-Z][a-z’'-]+)?$|^(?:al|bin|van|von|de)$")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
PREPOSITION = re.compile(r"\s+(?:in|of|at|for|to|from|with|on|under|during|after|amid)\s+")
# A region named by what it is, not by its name: "the enclave's defence ministry".
REGION_WORDS = re.compile(
    r"(?:breakaway\s+|separatist\s+|self-declared\s+|self-proclaimed\s+)?"
    r"(?:enclave|region|republic|territory)",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she"}  # a person; "it" and "they" are handled with the statement before
# ", senior analyst for ...", ", an Azeri general,", ", the Nagorno-Karabakh leader,": a title within five words.
APPOSITION = re.compile(
    r",\s+(?:(?:an?|the)\s+)?(?:[\w’'-]+\s+){0,4}?(?:" + alternation(TITLE_WORDS) + r")\b", re.IGNORECASE
)
# An apposition that says a person's age or what one person is: ", a 54-year-old construction worker,", ", 65,",
# ", a local resident", ", one fearful resident", ", his mother".
PERSON_APPOSITION = re.compile(
    r",\s+(?:(?:an?\s+)?\d{1,3}-year-old\b|\d{1,3}(?:,\s|[.;]|$)|(?:an?|another|the|one|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + alternation([*ONE_PERSON, "worker", "mother", "father", "grandmother", "grandfather", "survivor", "witness"])
    + r")\b)",
    re.IGNORECASE,
)
# What one person is, right before the name: "soldier Emin Aliyev", "journalist Anar Baybalaoglu".
ONE_PERSON_BEFORE = re.compile(r"\b(?:" + alternation(ONE_PERSON) + r")\s+$", re.IGNORECASE)
# A person named by one word after what they are: "a resident named Gayane", "a soldier who gave his name as Arman".
NAMED_AS = re.compile(
    r"\b(?:"
    + alternation([*ONE_PERSON, "mother", "father", "survivor", "witness", "refugee"])
    + r")\s+(?:named|called|(?:identified|known)\s+(?:only\s+)?as"
    r"|who\s+gave\s+(?:his|her)\s+name\s+(?:only\s+)?as)\s+$",
    re.IGNORECASE,
)
# After a person's name: an optional apposition, then the casualty verb of that one person.
# A year of birth or an age in brackets after a name, as prosecutors list victims: "Saida Jabrayilli (born 1992)".
BORN = r"\s*\((?:born\s+(?:in\s+)?|b\.\s*)?(?:(?:19|20)\d\d|\d{1,3})\)"
_APPOSITION = r",\s+(?:[^,.;“”\"]|\.(?=\S)){1,80},"  # ", who writes for the Segodnia.ru news service,"
NAMED_CASUALTY = re.compile(
    rf"(?:{BORN})?(?:(?P<apposition>{_APPOSITION})?\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:(?:seriously|severely|fatally|critically|slightly|lightly|also)\s+)?"
    r"(?P<word>killed|wounded|injured|hurt|captured)\b"
    r"|\s+(?P<died>died)\b"
    rf"|(?:{_APPOSITION})?\s+(?:received|sustained|suffered)\s+(?:[\w-]+\s+){{0,2}}(?:wounds|injuries)\b)"
)
CUE_AFTER = re.compile(
    r"^,?\s+(?:(?:has|had|have|was|is|today|yesterday|on\s+\w+day|"
    + alternation(CUE_ADVERBS)
    + r")\s+)*(?:"
    + alternation(CUE_FORMS)
    + r")\b"
)
# "Nelson Adamyan, a 65-year-old electrician, told AFP": any apposition between commas, then a cue verb.
# Or a clause set off the same way: "Pashinyan, speaking in a televised address, said", "Hajiyev, in a tweet, wrote".
APPOSITION_CUE = re.compile(
    r"^,\s+(?:an?|another|one|the|his|her|their|in|at|during|on|after|while|when|speaking|writing|addressing|commenting|"
    r"responding|replying|visiting|asked)\s+[^,.;:\"“”«»]{1,80},\s+(?:(?:has|had|have|also|later|then)\s+)*(?:"
    + alternation(CUE_FORMS)
    + r")\b"
)
# "First Vice-President of Azerbaijan Mehriban Aliyeva", "Commander of the Defence Army of Artsakh (Nagorno-Karabakh)
# Jalal Harutyunyan": a title of a place or body, which may be of another and glossed in brackets.
_OF_NAMED = (  # "of Azerbaijan", "of the unrecognized Nagorno-Karabakh Republic"
    rf"\s+of\s+(?:the\s+)?(?:(?:{'|'.join(STANDING)})\s+)?"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}"
)
TITLE_OF_PLACE = re.compile(rf"\b([\w-]+){_OF_NAMED}(?:{_OF_NAMED})?(?:\s+\([^()]{{1,40}}\))?,?\s+$")
CUE_BEFORE = re.compile(r"\b(?:" + alternation(CUE_FORMS) + r"|according\s+to|quot(?:ed|es|ing))\s*$")


def coordinated(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a run of capitalised words joined by "and": "President Ilham Aliyev and Prime Minister Nikol
    Pashinyan" names two people."""
    cuts = [m.span() for m in re.finditer(r"\s+and\s+", text[start:end])]
    bounds = [start] + [start + b for _, b in cuts]
    ends = [start + a for a, _ in cuts] + [end]
    return list(zip(bounds, ends, strict=True))


def name_like(word: str) -> bool:
    bare = POSSESSIVE.sub("", word)
    parts = bare.lower().split("-")  # "Commander-in-Chief" is a title, not a name
    return bool(PERSON_TOKEN.match(bare)) and bare.lower() not in NOT_NAME and not set(parts) & TITLE_WORDS


# Who a person is to someone: "said his uncle, Gagik Sahakyan".
KIN = {
    "uncle",
    "aunt",
    "mother",
    "father",
    "brother",
    "sister",
    "son",
    "daughter",
    "wife",
    "husband",
    "cousin",
    "neighbour",
    "neighbor",
    "friend",
    "grandmother",
    "grandfather",
    "nephew",
    "niece",
    "widow",
    "colleague",
}


ROLE_AFTER = re.compile(
    r"\s+(?:representatives?|officials?|spokes(?:man|woman|person)|envoys?|officers?|members?|delegates?|experts?|"
    r"researchers?|analysts?|staff)\b"
)


# A person who opens a sentence and speaks in the next as "he" or "she": "Roxanna Khacatryan was one of those who
# fled. “He always tried to give me hope,” she says."
PRONOUN_CUE_NEXT = re.compile(
    r"[^.!?“”\"\n]{0,250}[.!?]\s+(?:[“\"][^“”\"]{1,400}[”\"],?\s+)?(?:he|she|He|She)\s+"
    r"(?:said|says|added|adds|told|tells|recalled|recalls|explained|explains)\b"
)


# A sentence's subject that speaks in a participle clause later in it: "Ilham Aliyev spoke on Sunday, describing
# the strike as “…”".
PARTICIPLE_LATER = re.compile(r"\s+[a-z][^.;:“”\"«»]{0,80}?,\s+(?:" + alternation(PARTICIPLES) + r")\b")


SENTENCE_OPENS = re.compile(r"(?:^|[.!?][”\"’]?\s|\n|\s[-–—]\s)\s*$")


def person_context(text: str, start: int, end: int) -> bool:
    """Named as a person is: after a title, before an apposition, a relative clause or a cue verb, after a cue
    verb."""
    before, after = text[max(0, start - 40) : start], text[end : end + 60]
    if ROLE_AFTER.match(after):
        return False  # "a senior Amnesty representative", "a Pentagon official": whose role, not a person's name
    title_before = re.search(r"([\w’'-]+)\.?,?\s+$", before)  # "President", "Lt. Col."
    title_of = TITLE_OF_PLACE.search(
        text, max(0, start - 120), start
    )  # "First Vice-President of Azerbaijan Mehriban Aliyeva"
    return bool(
        (
            title_before  # "President", "Prosecutor-General"
            and (title_before.group(1).lower() in KIN or set(title_before.group(1).lower().split("-")) <= TITLE_WORDS)
        )
        or (title_of and set(re.split(r"[-\s]+", title_of.group(1).lower())) & TITLE_WORDS)
        or re.match(r",\s+who\b", after)  # "Lilit Avetisyan, who visited ..., told"
        or (
            SENTENCE_OPENS.search(before)  # a sentence's first words, after a dateline's dash too
            and (PRONOUN_CUE_NEXT.match(text, end, end + 700) or PARTICIPLE_LATER.match(text, end, end + 120))
        )
        or APPOSITION.match(after)
        or PERSON_APPOSITION.match(after)
        or re.search(r"\b\d{1,3}-year-old\s+$", before)  # "41-year-old Rovshan Asgarov"
        or ONE_PERSON_BEFORE.search(before)  # "another soldier Emin Aliyev"
        or NAMED_CASUALTY.match(after)  # "Mekhman Aliyev was killed when a shell hit"
        or re.match(BORN, after)  # "Saida Jabrayilli (born 1992) and ..."
        or APPOSITION_CUE.match(text[end : end + 120])
        or CUE_AFTER.match(after)
        or CUE_BEFORE.search(before)
        or POSSESSOR.search(before)  # "Al Jazeera’s Bernard Smith left Stepanakert"
    )


# A name after a capitalised possessive is a person of that body or place: "Al Jazeera’s Bernard Smith left ...",
# "the BBC's Jonah Fisher", "Russia’s Sergei Lavrov" (a body's name is no run of name-like words).
POSSESSOR = re.compile(r"\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:’s|'s)\s+$")
