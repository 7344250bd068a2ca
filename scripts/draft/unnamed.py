"""Speakers an article describes but does not name: "one resident", "a doctor at the city hospital", "witnesses",
"his wife". War reporting quotes them as often as officials; their statements keep the article's words for them
(`speaker_description`) instead of an actor, since no registry entry can say which resident spoke."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.draft.actors import ArticleActors
    from scripts.draft.statement_row import StatementRow
    from scripts.draft.text import ArticleText

# Who is quoted without a name: people by what they do, where they live or whom they belong to.
_HEADS = (
    "resident|villager|local|witness|eyewitness|survivor|refugee|evacuee|neighbou?r|relative|mourner|pensioner"
    "|doctor|nurse|surgeon|medic|paramedic|rescuer|firefighter|volunteer"
    "|soldier|serviceman|servicewoman|conscript|fighter|reservist|veteran|officer|commander|guard|policeman"
    "|official|source|diplomat|spokes(?:man|woman|person)"
    "|man|woman|boy|girl|mother|father|son|daughter|wife|husband|widow|brother|sister|grandmother|grandfather"
    "|teacher|farmer|driver|shopkeeper|vendor|trader|priest|gravedigger|worker|employee|engineer|student"
    "|journalist|reporter|photographer|cameraman"
)
DESCRIBED = re.compile(
    r"(?P<det>(?:(?:one|some|many|several|two|three|four|five)\s+of\s+(?:the|those|his|her|their)\s+)?"
    r"(?:an?|one|another|the|this|that|his|her|their|two|three|four|five|several|some|many|other))\s+"
    r"(?:[\w’'-]+\s+){0,4}?"  # what kind: "local", "54-year-old", "Armenian", "Stepanakert"
    rf"(?P<head>men|women|children|(?:{_HEADS})(?:s|es)?)"
    r"(?P<tail>\s+(?:of|from|in|at|for|with|near|on|inside|outside|who\w*)\s+[^,;:“”\"«»()]{1,70}"
    r"|\s+[a-z]+ing\s+[^,;:“”\"«»()]{1,70})?",
    re.IGNORECASE,
)
# Bare plurals speak too: "Witnesses said", "residents told AFP".
BARE_PLURAL = re.compile(
    rf"(?:[\w’'-]+\s+){{0,2}}?(?P<head>(?:{_HEADS})(?:s|es)|men|women)"
    r"(?P<tail>\s+(?:of|from|in|at|near)\s+[^,;:“”\"«»()]{1,60})?",
    re.IGNORECASE,
)
# A speaker described after an inverted cue: "said one resident", "said a doctor at the hospital".
DESCRIBED_AFTER = re.compile(r"\s+(?:one|an?|another|two|three|several|some)\s+[a-z]")
# Words a description's modifiers cannot be: a verb or a clause word means the phrase is no noun phrase.
_NOT_MODIFIER = re.compile(r"\b(?:said|says|told|was|were|is|are|has|have|had|and|but|who|which|that)\b", re.I)
_IRREGULAR = {"men": "man", "women": "woman", "children": "child"}


def described(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """(head noun, plural) of a subject phrase that describes a speaker without naming one ("one resident":
    ("resident", False)); None for anything else (a name, a body, a pronoun)."""
    phrase = text[start:end]
    match = DESCRIBED.fullmatch(phrase) or BARE_PLURAL.fullmatch(phrase)
    if match is None:
        return None
    modifiers = phrase[: match.start("head")]
    if _NOT_MODIFIER.search(modifiers) or re.search(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+[A-Z]", modifiers):
        return None  # a clause, or a name of three words ("a resident named ...") is no description
    head = match.group("head").lower()
    singular = _IRREGULAR.get(head) or (re.sub(r"(?<=ss)es$|(?<!s)s$", "", head))
    plural = singular != head and not re.match(r"one\s+of\b", phrase, re.IGNORECASE)
    if match.re is BARE_PLURAL and not plural:
        return None
    return singular, plural


def with_descriptions(doc: ArticleText, actors: ArticleActors, rows: list[StatementRow]) -> list[StatementRow]:
    """A speaker described, not named, keeps the words that describe them, inside the evidence: its own ("one
    resident said") or, taken up by "he said", the description a paragraph before at most, to which the evidence
    then reaches back; a statement further from its description is left out."""
    kept = []
    for row in rows:
        if row.speaker in actors.unnamed_speakers:
            words = [m for m in actors.mentions if m.actor_id == row.speaker and m.start < row.end]
            inside = [m for m in words if row.start <= m.start]
            chosen = inside[0] if inside else words[-1] if words else None
            if chosen is None or (doc.paragraph_of(row.start) or 0) - (doc.paragraph_of(chosen.start) or 0) > 1:
                continue
            row.described, row.start = (chosen.start, chosen.end), min(row.start, chosen.start)
        kept.append(row)
    return kept
