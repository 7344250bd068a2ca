"""Measuring the draft on sets of real articles coded by hand, which stay outside the repository (the articles
are others' words). A set is a folder of `NN.txt` (the article as published) and `NN.json` (its coding: every
quotation with its speaker, every casualty figure with its evidence, words, type, status and dates; README.md,
"Drafting codings automatically", gives the format). The draft of each article is paired with the coding:
a quotation by its words, a figure by where its evidence lies; a figure is right when value, qualifier, type and
status agree, dated right when its dates do too. A headline's quotations and figures are left out: a headline
repeats the story, and the draft does not draft it twice."""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from scripts.build.registry import Registry
from scripts.draft.evaluate import draft_rows, pct
from scripts.reading.articles import article_from_bytes
from scripts.reading.quantities import parse_quantity
from scripts.reading.vocabulary import CASUALTY_TYPES

STATUSES = ("military", "civilian", "unknown")
# Words of a speaker's name that do not tell one speaker from another, and spellings that do not either.
_STOP = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "s",
    "said",
    "its",
    "his",
    "her",
    "on",
    "in",
    "for",
    "to",
    "press",
    "service",
    "office",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "head",
    "republic",
}
_SPELLING = {
    "defense": "defence",
    "azerbaijani": "azerbaijan",
    "azeri": "azerbaijan",
    "armenian": "armenia",
    "military": "armed",
    "army": "armed",
    "forces": "armed",
    "artsakh": "karabakh",
    "nagorno": "karabakh",
    "turkish": "turkey",
    "russian": "russia",
    "mod": "defence",
    "mfa": "foreign",
    "aliev": "aliyev",
}


class HandSetError(Exception):
    """A coding that does not follow the format: the file and what is wrong."""


@dataclass
class Counts:
    """What adds up over articles and sets."""

    quotes: int = 0
    quotes_right: int = 0
    figures: int = 0
    figures_right: int = 0
    dated: int = 0
    dated_right: int = 0
    drafted: int = 0
    drafted_right: int = 0
    undated_matched: int = 0
    overdated: int = 0
    problems: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def read_set(folder: Path) -> list[tuple[Path, dict]]:
    """The articles of a set with their codings, checked against the format."""
    found = []
    for text in sorted(Path(folder).glob("*.txt")):
        coding = text.with_suffix(".json")
        if not coding.exists():
            continue
        linked = [p for p in (text, coding) if p.is_symlink()]
        if linked:  # a link may lead out of the set's folder: only its own files are read
            raise HandSetError(f"{linked[0]}: a symbolic link; a set holds its articles and codings as files")
        try:
            gold = json.loads(coding.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HandSetError(f"{coding}: not JSON in UTF-8 ({exc})") from exc
        _check(coding, gold)
        found.append((text, gold))
    return found


def _check(path: Path, gold) -> None:
    def wrong(message: str):
        raise HandSetError(f"{path}: {message}")

    if not isinstance(gold, dict):
        wrong("the coding is not an object with 'published', 'quotes' and 'figures'")
    try:
        date.fromisoformat(str(gold.get("published")))
    except ValueError:
        wrong(f"'published' is not a date YYYY-MM-DD (value: {gold.get('published')!r})")
    for i, quote in enumerate(gold.get("quotes") or []):
        if not isinstance(quote, dict) or not all(isinstance(quote.get(k), str) for k in ("text", "speaker")):
            wrong(f"quotes[{i}] needs 'text' and 'speaker' as strings")
    for i, figure in enumerate(gold.get("figures") or []):
        if not isinstance(figure, dict) or not all(isinstance(figure.get(k), str) for k in ("evidence", "value_text")):
            wrong(f"figures[{i}] needs 'evidence' and 'value_text' as strings")
        if figure.get("type") not in CASUALTY_TYPES or figure.get("status") not in STATUSES:
            wrong(
                f"figures[{i}]: 'type' must be one of {', '.join(CASUALTY_TYPES)} and 'status' one of "
                f"{', '.join(STATUSES)}"
            )
        for key in ("date_start", "date_end"):
            try:
                _day(figure.get(key))
            except ValueError:
                wrong(f"figures[{i}].{key} is not a date YYYY-MM-DD or null (value: {figure.get(key)!r})")


def _day(value) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def score_article(path: Path, gold: dict, registry: Registry, lenient: bool = False) -> Counts:
    """The draft of one article against its coding; `lenient` takes civilian and unknown as one status."""
    data = path.read_bytes()
    number = 100 + int(re.sub(r"\D", "", path.stem) or 0)
    article = article_from_bytes(Path(f"seeds/{number}_{hashlib.sha256(data).hexdigest()[:16]}.txt"), data)
    rows, problems, _, draft = draft_rows(article, registry, _day(gold["published"]))
    names = _actor_names(registry, draft)
    body, counts = article.text, Counts(problems=len(problems))
    counts.notes += [f"draft refused by the build: {p.rule}: {p.message}" for p in problems]
    headline = _headline(body)
    _score_quotes(rows.statements, gold, body, headline, names, counts)
    _score_figures(rows.claims, gold, body, headline, lenient, counts)
    return counts


def _score_quotes(statements, gold, body, headline, names, counts: Counts) -> None:
    drafted = [r for r in statements if r["quote_type"] in ("direct", "partial")]
    coded = sorted(
        (q for q in gold.get("quotes") or [] if not _only_in(body, q["text"], headline)), key=lambda q: -len(q["text"])
    )
    used: set[int] = set()
    right: set[int] = set()
    counts.quotes += len(coded)
    counts.drafted += len(drafted)
    for quote in coded:
        scored = [(_overlap(quote["text"], r["text"] or ""), i) for i, r in enumerate(drafted) if i not in used]
        best, index = max(scored, default=(0.0, -1))
        if best < 0.5:  # one paragraph of a quotation the draft holds whole ("one entry per paragraph is fine")
            index = next((i for i, r in enumerate(drafted) if _paragraph_of_quote(quote["text"], r)), -1)
        if best < 0.5 and index < 0:
            counts.notes.append(f"quote missed ({quote['speaker']}): {quote['text'][:80]!r}")
            continue
        used.add(index)
        speaker = drafted[index]["speaker_actor_id"] or drafted[index]["speaker_description"]
        if _same_speaker(quote["speaker"], names.get(speaker, [speaker])):
            counts.quotes_right += 1
            counts.drafted_right += int(index not in right)  # a drafted quote is right once, however many it holds
            right.add(index)
        else:
            counts.notes.append(f"quote of {quote['speaker']!r} given to {speaker}: {quote['text'][:60]!r}")
    counts.notes += [
        f"quote drafted, not coded ({r['speaker_actor_id'] or r['speaker_description']}): {(r['text'] or '')[:60]!r}"
        for i, r in enumerate(drafted)
        if i not in used
    ]


def _score_figures(claims, gold, body, headline, lenient: bool, counts: Counts) -> None:
    drafted = [r for r in claims if r["claim_type"] in CASUALTY_TYPES]
    coded = []
    for figure in gold.get("figures") or []:
        if _only_in(body, figure["evidence"], headline):
            continue
        start = body.find(figure["evidence"])
        if headline[0] <= start < headline[1]:
            start = body.find(figure["evidence"], headline[1])  # the body's words, not the headline's
        if start < 0:
            counts.notes.append(f"coded evidence not in the article: {figure['evidence'][:80]!r}")
            continue
        coded.append((start, start + len(figure["evidence"]), coded_value(figure["value_text"]), figure))
    counts.figures += len(coded)
    counts.dated += sum(1 for *_, f in coded if f.get("date_start"))
    counts.drafted += len(drafted)

    def right(row, value, figure) -> bool:
        status = row["victim_status"] == figure["status"] or (
            lenient and {row["victim_status"], figure["status"]} == {"civilian", "unknown"}
        )
        return (
            (row["qualifier"], row["value_min"], row["value_max"]) == value
            and row["claim_type"] == figure["type"]
            and status
        )

    pairs = sorted(
        (-(4 * right(row, value, figure) + 2 * ((row["qualifier"], row["value_min"], row["value_max"]) == value)), i, j)
        for i, row in enumerate(drafted)
        for j, (start, end, value, figure) in enumerate(coded)
        if min(row["char_end"], end) > max(row["char_start"], start)
    )
    taken_rows, taken_coded, matched = set(), set(), {}
    for _, i, j in pairs:
        if i not in taken_rows and j not in taken_coded:
            taken_rows.add(i)
            taken_coded.add(j)
            matched[j] = i
    counts.notes += [
        f"figure drafted, not coded: {r['value_min']} {r['claim_type']} {r['victim_status']}: {r['evidence'][:60]!r}"
        for i, r in enumerate(drafted)
        if i not in taken_rows
    ]
    for j, (_, _, value, figure) in enumerate(coded):
        if j not in matched:
            counts.notes.append(f"figure missed: {figure['value_text']} {figure['type']}: {figure['evidence'][:70]!r}")
            continue
        row = drafted[matched[j]]
        if not right(row, value, figure):
            counts.notes.append(
                f"figure wrong: {figure['value_text']} {figure['type']} {figure['status']}: "
                f"drafted {row['value_min']} {row['claim_type']} {row['victim_status']}"
            )
            continue
        counts.figures_right += 1
        counts.drafted_right += 1
        coded_days = (_day(figure.get("date_start")), _day(figure.get("date_end")))
        drafted_days = (row["date_start"], row["date_end"])
        if coded_days[0] is not None:
            counts.dated_right += int(drafted_days == coded_days)
            if drafted_days != coded_days:
                counts.notes.append(
                    f"figure dated {drafted_days[0]}..{drafted_days[1]}, coded {coded_days[0]}.."
                    f"{coded_days[1]}: {figure['evidence'][:60]!r}"
                )
        else:
            counts.undated_matched += 1
            counts.overdated += int(drafted_days[0] is not None)


def coded_value(value_text: str) -> tuple:
    """(qualifier, min, max) of a coded figure's words. Words of one person with no number ("Elmaddin Saryev", "her
    grandson", "the woman") count one, as the codebook codes a person named as killed; other words the build cannot
    read ("scores") are vague."""
    quantity = parse_quantity(value_text) or parse_quantity(re.sub(r"\s+of$", "", value_text))
    if quantity is not None:
        return quantity.qualifier, quantity.value_min, quantity.value_max
    words = value_text.split()
    if words and not re.search(r"\d", value_text) and not re.search(r"(?:s|men|children|people)$", words[-1].lower()):
        return "exact", 1, 1
    return "vague", None, None


def _actor_names(registry: Registry, draft) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for row in registry.actors:
        names.setdefault(row["actor_id"], []).append(row["name"])
    for row in registry.actor_aliases:
        names.setdefault(row["actor_id"], []).append(row["alias"])
    for proposed in draft.actors:
        names.setdefault(proposed.id, []).extend([proposed.name, *proposed.aliases])
    return names


def _tokens(name: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # "Erdoğan" is "Erdogan"
    words = re.findall(r"[a-z]+", plain.lower().replace("’", "'").replace("'s", ""))
    return {_SPELLING.get(w, w) for w in words if w not in _STOP}


def _alike(a: str, b: str) -> bool:
    """One word spelt two ways ("Harutiunian" / "Harutyunyan")."""
    return a == b or (min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8)


def _same_speaker(coded: str, names: list[str]) -> bool:
    """The coded speaker's words all name the drafted actor, or the actor's name's words all are the coded ones."""
    wanted = _tokens(coded)
    for name in names:
        have = _tokens(name)
        if (
            wanted
            and have
            and (
                all(any(_alike(w, v) for v in have) for w in wanted)
                or all(any(_alike(w, v) for v in wanted) for w in have)
            )
        ):
            return True
    return False


def _paragraph_of_quote(coded: str, row) -> bool:
    """Whether the coded words are one paragraph (or more) of a drafted quotation that runs over several."""
    words = " ".join(coded.split())
    return "\n" in (row["evidence"] or "") and len(words) > 0 and words in " ".join((row["text"] or "").split())


def _overlap(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


def _headline(body: str) -> tuple[int, int]:
    """The headline block: a headline (short, no full stop at its end, with more text after it) among the first
    lines, after a page's date line or section label ("News", "09 November 2020, 17:03"), with the lines that repeat
    it right after (pages print the headline twice)."""
    opening = re.match(r"\s*(?:date\s+\S+\s+)?", body)
    start = opening.end() if opening else 0
    lines = [(m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", body[start:])][:6]
    lines = [(start + a, start + b, line) for a, b, line in lines if line]
    for index, (_, end, line) in enumerate(lines[:3]):
        if _page_chrome(line):
            continue
        if len(line) > 200 or line[-1] in '.!?”"»:' or not body[end:].strip():
            break
        last = end
        for _, later_end, later in lines[index + 1 :]:
            if later == line:
                last = later_end  # the headline printed again
            elif not _page_chrome(later):
                break
        return start, last
    return 0, 0


def _page_chrome(line: str) -> bool:
    """A page's date line or section label before a headline: "09 November 2020, 17:03", "News", "UrduPoint.com"."""
    label = len(line.split()) <= 2 and not re.search(r"\d", line)
    dated = len(line) <= 40 and re.fullmatch(r"[\w ,:.()+-]*\b(?:19|20)\d\d\b[\w ,:.()+-]*", line) is not None
    return label or dated


def _only_in(body: str, words: str, span: tuple[int, int]) -> bool:
    """The words stand only inside the span (a headline's, which the body does not repeat word for word)."""
    at = body.find(words)
    return at >= 0 and span[0] <= at and at + len(words) <= span[1] and body.find(words, span[1]) < 0


def percent(right: int, total: int) -> str:
    return f"{pct(right / total)} ({right}/{total})" if total else "n/a"


def render(name: str, counts: Counts) -> str:
    return (
        f"{name}: quotes {percent(counts.quotes_right, counts.quotes)} | figures "
        f"{percent(counts.figures_right, counts.figures)} | dated {percent(counts.dated_right, counts.dated)} | "
        f"precision {percent(counts.drafted_right, counts.drafted)} | dated where the coder did not "
        f"{percent(counts.overdated, counts.undated_matched)} | drafts the build refused {counts.problems}"
    )
