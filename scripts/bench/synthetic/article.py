"""An article as it is being written: its text and, at the same moment, the offsets of every row coded in
it, so that a coding's evidence is right by construction and never has to be searched for afterwards; and
figures and dates worded the ways wire copy words them, each with what a coder would record of it."""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from random import Random
from typing import Any, NotRequired, TypedDict

from scripts.bench.synthetic.world import MONTH, WAR_START, WEEKDAY, World, number_words


def figure_words(rng: Random, n: int, style: str) -> tuple[str, str, int | None, int | None]:
    """(value_text, qualifier, value_min, value_max) for a figure n worded in one of the ways wire copy uses."""
    if style == "exact":
        if n <= 12 and rng.random() < 0.6:
            return number_words(n), "exact", n, n
        return f"{n:,}", "exact", n, n
    if style == "at_least":
        return f"{rng.choice(['at least', 'no fewer than'])} {n:,}", "at_least", n, None
    if style == "more_than":
        return f"{rng.choice(['more than', 'over'])} {n:,}", "more_than", n + 1, None
    if style == "approx":
        word = rng.choice(["around", "about", "some", "nearly", "an estimated", "roughly"])
        return f"{word} {n:,}", "approx", n, n
    if style == "up_to":
        return f"up to {n:,}", "up_to", None, n
    if style == "range":
        low, high = n, n + max(2, n // 5)
        return f"between {low:,} and {high:,}", "exact", low, high
    if style == "additional":
        return f"{rng.choice(['an additional', 'a further', 'another'])} {n:,}", "exact", n, n
    raise ValueError(style)


def stable(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


class Mention(TypedDict):
    evidence_at: tuple[int, int]  # (start, end) of the words naming the actor
    actor: NotRequired[str]  # the actor's id, where the words are not one of its names


class Article:
    """One article being written: its text grows piece by piece and every coded row records its offsets."""

    text: str  # the whole text, once the article is written

    def __init__(self, world: World, rng: Random, seed: int, published: date):
        self.world, self.rng, self.seed, self.published = world, rng, seed, published
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[tuple[Mention, str]] = []  # (mention, actor id)
        self.reports: list[tuple[dict[str, str], tuple[int, int]]] = []  # ({"event": id}, (start, end))
        # The fields of the statement() and claim() calls, by name
        self.statements: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.mentioned: set[str] = set()
        self.referenced: set[str] = set()
        self.outlet: str | None = None

    # writing
    def w(self, text: str) -> int:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return start

    def name(self, actor_id: str, words: str | None = None) -> tuple[int, int]:
        """Write an actor's name (or the given words, which then name it by `actor:`) and code the mention."""
        words = words or self.rng.choice(
            [self.world.phrase(actor_id), self.world.phrase(actor_id), *self.world.actors[actor_id]["aliases"]]
        )
        start = self.w(words)
        item: Mention = {"evidence_at": (start, self.pos)}
        if self.world.names.get(words) != actor_id:
            item["actor"] = actor_id
        self.mentions.append((item, actor_id))
        self.mentioned.add(actor_id)
        return start, self.pos

    def mark(self) -> int:
        return self.pos

    def report(self, event_id: str, start: int, end: int | None = None):
        self.reports.append(({"event": event_id}, (start, end if end is not None else self.pos)))

    def statement(
        self,
        speaker,
        quote_type,
        at,
        cue=None,
        text=None,
        via=None,
        date_text=None,
        event=None,
        give_text=True,
        note=None,
        described=None,
    ):
        """A statement; `described` is the span of the words for a speaker the article does not name (then
        `speaker` is None)."""
        sid = f"s{len(self.statements) + 1:02d}"
        self.statements.append(
            dict(
                id=sid,
                speaker=speaker,
                described=described,
                type=quote_type,
                at=at,
                cue=cue,
                text=text,
                via=via,
                date_text=date_text,
                event=event,
                give_text=give_text,
                note=note,
            )
        )
        self.referenced.update(a for a in (speaker, via) if a)
        return sid

    def claim(
        self,
        at,
        claim_type,
        statement=None,
        claimant=None,
        event=None,
        victim=None,
        status=None,
        figure=None,
        date_text=None,
        day=None,
        coded_day=False,
        via=None,
    ):
        cid = f"c{len(self.claims) + 1:02d}"
        self.claims.append(
            dict(
                id=cid,
                at=at,
                type=claim_type,
                statement=statement,
                claimant=claimant,
                event=event,
                victim=victim,
                status=status,
                figure=figure,
                date_text=date_text,
                day=day,
                coded_day=coded_day,
                via=via,
            )
        )
        self.referenced.update(a for a in (claimant, victim, via) if a)
        return cid

    # words
    def day_words(self, day: date) -> tuple[str, bool]:
        """Words dating `day` and whether the coder must state the date (True) or the build resolves them."""
        back = (self.published - day).days
        if back < 7:
            if back == 1 and self.rng.random() < 0.1:
                return "yesterday", False
            form = self.rng.random()
            weekday = WEEKDAY[day.weekday()]
            if form < 0.75:
                return f"on {weekday}", False
            if form < 0.85:
                return f"during {weekday}", False
            return f"early on {weekday}", False
        return f"on {MONTH[day.month]} {day.day}", True

    def recent_day(self, max_back: int = 6) -> date:
        back = min(int(self.rng.expovariate(0.6)), max_back, (self.published - WAR_START).days)
        return self.published - timedelta(days=back)

    def figure(self, key: tuple, base_range: tuple[int, int], style_hint: str | None = None):
        """A casualty figure for one source, kind, victim and day: most articles repeat the source's figure,
        a few word it differently or carry another number (a disagreement)."""
        low, high = base_range
        n = low + stable(self.seed, *key) % (high - low + 1)
        r, variant = self.rng.random(), self.world.variant
        if r < 1 - variant:
            return figure_words(self.rng, n, style_hint or "exact")
        if r < 1 - variant / 2:
            return figure_words(self.rng, n, self.rng.choice(["at_least", "range"]))
        return figure_words(self.rng, n + self.rng.choice([2, 3, 4, 9]), "exact")


def source_of(article: Article, side: str) -> str:
    pool, weights = article.world.sources[side]
    return article.rng.choices(pool, weights)[0]


def speaker_words(article: Article, actor_id: str, ends_sentence: bool = False) -> None:
    """Name a speaker the way wire copy does: a body by its name, a person with their title on first use."""
    world, rng = article.world, article.rng
    actor = world.actors[actor_id]
    if actor["actor_type"] == "person" and actor["title"] and actor_id not in article.mentioned:
        if ends_sentence or rng.random() < 0.5 or actor["title"].split()[0] in ("a", "an", "the"):
            article.name(actor_id, actor["name"])
            article.w(f", {actor['title']}" + ("" if ends_sentence else ","))
        else:
            article.w(f"{actor['title'][0].upper()}{actor['title'][1:]} ")
            article.name(actor_id, actor["name"])
        return
    if actor["actor_type"] == "person":
        article.name(actor_id, rng.choice([actor["name"], actor["aliases"][0]]))
        return
    words = world.phrase(actor_id)
    article.name(actor_id, words[0].upper() + words[1:])
