"""The `draft` command's work, apart from its printing: one article file in, its draft coding written beside it
(or where asked), and the actors and events it proposes appended to the registry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scripts.build.registry import load_registry
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.draft.article import Draft, draft_article
from scripts.draft.writer import DraftRefused, Written, write_draft
from scripts.reading.articles import ArticleError, check_article_name, read_article


def draft_file(
    layout: Layout, article: Path, published: date | None, out: Path | None, force: bool = False
) -> tuple[Draft, Written]:
    """The draft of an article and where it went, or DraftRefused saying why nothing was written."""
    try:
        check_article_name(article)
        text = read_article(article)
    except ArticleError as exc:
        raise DraftRefused(
            f"[{exc.rule}] {exc.message}" + (f" (value: {exc.value})" if exc.value is not None else "")
        ) from None
    if text.header_date is not None and published is not None:
        raise DraftRefused(f"the article has a date header ({text.header_date}); leave out --published")
    problems = ProblemList()
    registry = load_registry(layout, problems)
    if registry.unreadable:
        raise DraftRefused("the registry cannot be read; fix it first", problems)
    drafted = draft_article(text, registry, published)
    return drafted, write_draft(layout, drafted, registry, out or article.with_suffix(".yaml"), force)
