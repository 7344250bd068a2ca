"""The status of people a figure counts where its words do not say it ("80 people were injured"): taken from the
article's other figures, with a note for the reviewer, as a coder reads an ombudsman's count of people beside
its count of civilians."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scripts.draft.text import ArticleText
from scripts.reading.vocabulary import CASUALTY_TYPES

if TYPE_CHECKING:
    from scripts.draft.figures import ClaimRow


def take_status_of_article(doc: ArticleText, claims: list[ClaimRow]) -> None:
    """A count of mere "people" killed or wounded takes the status every other figure names: civilians over the
    article (an ombudsman's "80 people injured" beside "19 civilians killed"), soldiers within its paragraph (a
    defence ministry's "16 killed" beside "16 soldiers"); with a note, for the reviewer to confirm. Where figures
    name both, "people" stays unknown; displacement is never taken for a military count."""
    totals = {  # "240 dead, including 30 civilians": not all civilians; "nine people, including four women" may be
        id(c.whole) for c in claims if c.whole is not None and re.search(r"\bcivilians?\b", doc.text[c.start : c.end])
    }
    hurt = [c for c in claims if c.type in ("killed", "wounded") and id(c) not in totals]
    named = {c.status for c in claims if c.type in CASUALTY_TYPES and c.status in ("civilian", "military")}
    for claim in hurt:
        if claim.status not in (None, "unknown"):
            continue
        paragraph = doc.paragraph_of(claim.start)
        near = {
            c.status for c in claims if c.status in ("civilian", "military") and doc.paragraph_of(c.start) == paragraph
        }
        status = "civilian" if named == {"civilian"} else "military" if named == near == {"military"} else None
        if status:
            claim.status = status
            claim.note = claim.note or (
                f"'{status}': the article's other figures count {status} people; check this one does too."
            )
