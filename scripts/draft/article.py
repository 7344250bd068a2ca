"""Drafting a coding: an article in, the rows a coder would write out, so that a contributor corrects instead of
typing. Each kind of row has its own module (draft_actors, draft_statements, draft_figures, draft_events); this
one runs them in order, since a statement needs the actors, a figure its statement and an event its clause.
Nothing here writes a file: draft_writer does, and evaluate compares a draft with a curated coding in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scripts.build.registry import Registry
from scripts.draft.actor_index import ActorIndex, Mention
from scripts.draft.actors import ArticleActors
from scripts.draft.events import EventReportRow, find_events, link_rows
from scripts.draft.figures import ClaimRow, find_figures
from scripts.draft.proposals import ProposedActor, ProposedEvent
from scripts.draft.statement_row import StatementRow
from scripts.draft.statements import claims_of_statements, find_statements
from scripts.draft.text import ArticleText
from scripts.reading.articles import Article


@dataclass
class Draft:
    article: Article
    published: date | None  # from the date header, else as given to the draft
    published_given: bool  # the date came from the contributor (--published), not from a header
    mentions: list[Mention]
    events: list[EventReportRow]
    statements: list[StatementRow]
    claims: list[ClaimRow]
    actors: list[ProposedActor]  # new actors proposed for seeds/registry/actors.yaml
    new_events: list[ProposedEvent]  # new events proposed for seeds/registry/events.yaml
    outlet: str | None = None  # the agency of the dateline, which published the article
    spellings: dict[str, str] = field(default_factory=dict)  # a known person's name spelt another way -> actor_id


def draft_article(
    article: Article, registry: Registry, published: date | None = None, index: ActorIndex | None = None
) -> Draft:
    """The draft coding of one article. A date header wins over `published`; index (the registry's names as one
    pattern) may be passed in when drafting many articles against one registry."""
    given = article.header_date is None and published is not None
    published = article.header_date or published
    doc = ArticleText(article.text)
    actors = ArticleActors(doc, index or ActorIndex(registry), article.article_id)
    statements = find_statements(doc, actors, published)
    claims = find_figures(doc, actors, statements, published, _war_began(registry, published, actors))
    claims += [ClaimRow(row.start, row.end, kind, statement=row) for row, kind in claims_of_statements(statements)]
    claims.sort(key=lambda c: (c.start, c.end))
    reports, new_events = find_events(doc, actors, registry, published, article.article_id)
    link_rows(reports, statements)
    link_rows(reports, claims)
    return Draft(
        article,
        published,
        given,
        _distinct([m for m in actors.mentions if m.actor_id not in actors.unnamed_speakers], article.text),
        reports,
        statements,
        claims,
        list(actors.proposals.values()),
        new_events,
        actors.outlet,
        actors.spellings,
    )


def _war_began(registry: Registry, published: date | None, actors: ArticleActors) -> date | None:
    """The first day of the registry's war in progress, where the article is about it: published in the war's first
    year, or naming a party to it or a body of one. The running totals ("so far") of an article about another war,
    years later, are not this war's."""
    began = registry.war_began(published)
    if began is None or published is None or (published - began).days <= 365:
        return began
    wars = {e["event_id"] for e in registry.events if e["event_type"] == "war" and e["date_start"] == began}
    parties = {a["actor_id"] for a in registry.event_actors if a["event_id"] in wars}
    for mention in actors.mentions:
        actor_id: str | None = mention.actor_id
        seen: set[str] = set()
        while actor_id and actor_id not in seen:  # "the Azerbaijani defence ministry": Azerbaijan's
            if actor_id in parties:
                return began
            seen.add(actor_id)
            actor_id = actors.index.parent_of(actor_id)
    return began if not parties else None


def _distinct(mentions: list[Mention], text: str) -> list[Mention]:
    """One mention per actor and wording (the first), enough to show the reviewer every name the article uses."""
    seen, kept = set(), []
    for mention in sorted(mentions):
        key = (mention.actor_id, text[mention.start : mention.end])
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept
