"""Who the people a figure counts are, from the words after its number: "of its", modifiers ("Azeri", "ethnic",
"military"), and a group ("civilians", "servicemen", "Azeris"); or nothing where the number counts things."""

from __future__ import annotations

import re

from scripts.draft.actors import ArticleActors
from scripts.draft.words import CASUALTY_WORDS, GROUPS, NOT_PEOPLE, OTHERS, alternation

GROUP = re.compile(r"(?:" + alternation(GROUPS) + r")\b", re.IGNORECASE)
MODIFIER = re.compile(
    r"[A-Z][\w’'-]*|ethnic|local|unarmed|innocent|young|little|elderly|foreign|enemy|own|other|more|"
    r"additional|further|new|residential|armed|military|civilian|ordinary|peaceful|defenceless|defenseless|"
    r"separatist|rebel",
    re.UNICODE,
)


# The whole a number is a part of, whose people it counts: "4 out of 30 servicemen", "three out of ten soldiers",
# "90,000 of Karabakh's 150,000 people".
WHOLE_OF_AFTER = (
    r"(?:\s+(?:out\s+of\s+(?:the\s+)?|of\s+[A-Z][\w’'-]*(?:’s|'s)\s+)[\d,.]+(?=\s+[a-z])"
    r"|\s+out\s+of\s+(?:the\s+)?[a-z]+(?=\s+[a-z]))"
)


def people_after(doc, actors: ArticleActors, at: int, limit: int):
    """After the number: "of its", modifiers ("Azeri", "ethnic"), and a group of people ("civilians", "Azeris");
    (end of the group, victim status, victims named) or (None, ...) when the number counts things, not people."""
    text = doc.text
    rest = re.match(  # "23 names of soldiers": the list's names stand for the people
        WHOLE_OF_AFTER + r"?"
        r"(?:\s+(?:more|other)\b)?(?:\s+(?:names|bodies|corpses)(?=\s+of\b))?(?:\s+of\b(?:\s+(?:its|their|his|her|our|the|those|these|whom|them)\b)?)?",
        text[at:limit],
    )
    assert rest is not None  # every part of the pattern is optional: it matches, if need be nothing
    position = at + rest.end()
    status, victims, modified = None, [], None
    for _ in range(5):
        inserted = EDITORIAL_INSERTION.match(text, position, limit)
        position = inserted.end() if inserted else position  # "54 [more] fighters": an editor's words in brackets
        word = re.match(r"\s+([\w’'-]+)", text[position:limit])
        if not word:
            break
        token, token_start, token_end = word.group(1), position + word.start(1), position + word.end(1)
        if token[:1].isupper() and token.lower() in CASUALTY_WORDS:
            break  # "three POWs": a casualty word in capitals, not a name before the group
        group = GROUP.match(text, token_start, limit)
        named = [m for m in actors.mentions if m.start == token_start]
        if named and actors.types.get(named[0].actor_id) == "population_group":
            groups, position = _population_groups(text, actors, named[0], limit)
            victims += groups
            status = status or "civilian"
            break
        if group and not token[:1].isupper():
            thing = re.match(r"\s+([\w’'-]+)", text[group.end() : limit])
            if thing and thing.group(1).lower() in NOT_PEOPLE:
                return None, None, []  # "40 civilian facilities", "two military vehicles": things
            status = GROUPS[group.group(0).lower()]
            status = modified if status == "unknown" and modified else status  # "10 military staff"
            position = group.end()
            break
        named_by = NAMES_BEFORE_GROUP.match(text, token_end, limit)  # "captured Armenian soldiers"
        if token.lower() in PARTICIPLES_BEFORE_GROUP and GROUP.match(text, named_by.end() if named_by else 0, limit):
            position = token_end  # "2,317 dead servicemen", "1,177 killed soldiers": the servicemen are the group
            continue
        if token.lower() in OTHERS:
            position = token_end
            continue
        if named or MODIFIER.fullmatch(token):
            modified = token.lower() if token.lower() in ("military", "civilian") else modified
            victims += (
                [named[0].actor_id]
                if named and actors.types.get(named[0].actor_id) in ("state", "de_facto_authority")
                else []
            )
            position = token_end
            continue
        partitive = re.search(r"\bof(?:\s+the)?$", rest.group(0)) and token.endswith("s")
        if token.lower() in NOT_PEOPLE or (partitive and token.lower() not in {*CASUALTY_WORDS, "lives"}):
            return None, None, []  # "40 tanks"; "one of the directions": a part of things, not people
        break
    return position, status or modified, victims  # "104 military deaths": no group word, the adjective says


# Words an editor adds inside a quotation, in square brackets: "54 [more] fighters", "the [Azerbaijani] troops".
EDITORIAL_INSERTION = re.compile(r"\s+\[[^\[\]\n]{1,40}\]")
# What a number's people are before the group word: "2,317 dead servicemen", "two captured Armenian soldiers".
PARTICIPLES_BEFORE_GROUP = {"dead", "fallen", "killed", "slain", "wounded", "injured", "captured", "missing"}
NAMES_BEFORE_GROUP = re.compile(r"(?:\s+[A-Z][\w’'-]*){0,2}\s+")


def _population_groups(text, actors, first, limit) -> tuple[list[str], int]:
    """ "Armenians and Azeris": every population group of a coordinated phrase, and where the phrase ends."""
    found, position = [first.actor_id], first.end
    while True:
        joined = re.match(r"\s+(?:and|or)\s+", text[position:limit])
        nxt = [
            m
            for m in actors.mentions
            if joined and m.start == position + joined.end() and actors.types.get(m.actor_id) == "population_group"
        ]
        if not nxt:
            return found, position
        found.append(nxt[0].actor_id)
        position = nxt[0].end
