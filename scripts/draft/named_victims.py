"""People named one by one as killed or wounded, as prosecutors' and ombudsmen's reports list them ("Mekhman
Aliyev was killed when a shell hit ...", "Turgal Ibrahimov, a local resident, was wounded"): each is a figure of
one, its words the name, its count coded since no number is written."""

from __future__ import annotations

import re

from scripts.draft.actors import ArticleActors
from scripts.draft.names import NAMED_CASUALTY
from scripts.draft.text import ArticleText, Sentence
from scripts.draft.words import CASUALTY_WORDS, ONE_PERSON


def named_victims(
    doc: ArticleText, actors: ArticleActors, sentence: Sentence
) -> list[tuple[int, int, int, str, str | None, int]]:
    """(start and end of the names, end of the casualty word, claim type, status an apposition gives, how many
    people) of each person, or people joined by "and", the sentence names as killed or wounded, in the reporter's
    words or in a quotation."""
    found = []
    for mention in actors.mentions:
        if not sentence.start <= mention.start < sentence.end or actors.types.get(mention.actor_id) != "person":
            continue
        after = NAMED_CASUALTY.match(doc.text, mention.end, sentence.end)
        if after is None:
            continue
        word = (after.group("word") or after.group("died") or "wounded").lower()
        apposition = (after.group("apposition") or "").lower()
        statuses = {status for noun, status in ONE_PERSON.items() if re.search(rf"\b{noun}\b", apposition)}
        status = statuses.pop() if len(statuses) == 1 else None
        first, count = mention, 1
        while (joined := _named_before(actors, first, doc.text)) is not None:  # "Yury Kotenok and Levon Arzanov"
            first, count = joined, count + 1
        found.append((first.start, mention.end, after.end(), CASUALTY_WORDS[word], status, count))
    return found


def _named_before(actors: ArticleActors, mention, text: str):
    """The person named right before this one, joined to it by "and" or a comma, or None."""
    for other in actors.mentions:
        if actors.types.get(other.actor_id) == "person" and other.end < mention.start:
            if re.fullmatch(r",\s*|,?\s+and\s+", text[other.end : mention.start]):
                return other
    return None
