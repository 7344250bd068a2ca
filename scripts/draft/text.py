"""An article's paragraphs, sentences and quotations as offsets into the text as committed, so that every row
the draft writes quotes a slice of the article and the build finds it where the draft found it."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from scripts.draft.words import CUE_FORMS, alternation
from scripts.reading.articles import DATE_HEADER
from scripts.reading.dates import CALENDAR
from scripts.reading.quotes import DOUBLE_CLOSING, closes_at, marks, passages
from scripts.reading.vocabulary import QUOTE_PAIRS

OPEN_QUOTES, CLOSE_QUOTES = "“«„", "”»"
# Words after a quotation ending in "!" or "?" that attribute it: a name or pronoun and a cue verb.
ATTRIBUTION = re.compile(  # "X said", "X, a resident of the town, told", "he said"
    r",?\s+(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:,\s+[^,.;:“”\"?!]{1,80},)?\s+|(?:he|she|they|it)\s+)"
    r"(?:" + alternation(CUE_FORMS) + r")\b"
)
# Abbreviated titles before a name ("Lt. Col. John Smith", "Dr. Hakobyan"): no sentence ends after them.
TITLE_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "cpl",
    "adm",
    "sen",
    "rep",
    "gov",
    "prof",
}
ABBREVIATIONS = TITLE_ABBREVIATIONS | {
    "pres",
    "st",
    "mt",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "vs",
    "etc",
    "inc",
    "corp",
    "co",
    "ltd",
    "jr",
    "sr",
    "approx",
    "fig",
}
# A wire dateline opening a story: "BAKU, Azerbaijan (AP) — ", "STEPANAKERT (Reuters) - ", "Baku, Oct 17
# (efe-epa).- ": its day is the day of publication, which dates nothing the story tells.
# A line that gives only the day (and time) of publication, above a headline: "09 November 2020, 17:03".
DATE_LINE = re.compile(
    rf"\s*(?:{CALENDAR.pattern})(?:,?\s*[-–]?\s*\d{{1,2}}:\d\d(?:\s*[A-Z]{{2,4}})?)?\s*", re.IGNORECASE
)
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.’' -]+|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:,\s+[A-Z][\w.’' -]*?)?"
    rf"(?:,?\s+(?i:{CALENDAR.pattern}))?"  # the day: "Oct 17", "DECEMBER 25", "17 October 2020"
    r"(?:\s*(?:\((?P<agency>[A-Z][\w .]*)\)|\([^()]{1,30}\))?\s*\.?\s*[—–-]+\s+"
    r"|,\s+(?P<agency_after>[A-Z]{3,})\.\s+)"  # "STEPANAKERT, DECEMBER 25, ARMENPRESS. "
)


@dataclass(frozen=True)
class Quote:
    """A quotation: `open` and `close` are the offsets of its marks; the words said lie between them. A quotation
    going on from the paragraph before without a reopening mark opens just before its paragraph."""

    open: int
    close: int
    cut: bool = False  # runs on past its paragraph (or the text), with no closing mark: `close` is where it stops

    @property
    def end(self) -> int:
        return self.close if self.cut else self.close + 1


@dataclass
class Sentence:
    start: int
    end: int  # just past its last character (the full stop, or the closing quotation mark after it)
    paragraph: int
    quotes: list = field(default_factory=list)


def _unwrapped(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs of a text copied with hard line breaks inside its sentences (most lines end mid-sentence): a
    line that does not end a sentence runs on into the next one. Other texts keep a paragraph a line."""
    body = [(a, b) for a, b in lines[1:] if b - a > 30]
    open_ended = [(a, b) for a, b in body if text[b - 1] not in _SENTENCE_END]
    if len(body) < 4 or len(open_ended) * 2 < len(body):
        return lines
    joined = [lines[0]]
    for start, end in lines[1:]:
        previous = joined[-1]
        if len(joined) > 1 and text[previous[1] - 1] not in _SENTENCE_END:
            joined[-1] = (previous[0], end)
        else:
            joined.append((start, end))
    return joined


_SENTENCE_END = set('.!?:”"»’')


def _single_quotes(text: str, start: int, end: int) -> dict[int, int]:
    """Quotations in single marks, curly ‘…’ or straight '…', as British and agency copy sets short ones: {opening:
    closing}. A mark opens before a word and closes at the first matching mark after a word that no letter follows
    (not "Azerbaijan’s", "Azerbaijan's"), within the paragraph and forty words; any other single mark is no
    quotation mark. A straight one opens only before a letter ("the '90s" is no quotation)."""
    found = {}
    for opening in re.finditer(r"(?:(?<=^)|(?<=[\s(“\"«—–-]))(?:‘(?=\w)|'(?=[^\W\d_]))", text[start:end]):
        at = start + opening.start()
        mark = "’" if text[at] == "‘" else "'"
        close = re.compile(rf"[^‘'\n]{{1,300}}?\w[.,!?]?{mark}(?![\w’'])").match(text, at + 1, end)
        words = len(text[at : close.end()].split()) if close else 0
        if close and words <= 40:
            found[at] = close.end() - 1
    return found


class ArticleText:
    """The text with its date header set aside, cut into paragraphs (lines), sentences and quotations. Doubled
    single marks (‘’…’’) are read as double ones (reading.quotes.marks: same offsets); what the draft writes is
    cut from the article's own text."""

    def __init__(self, text: str):
        self.original = text  # for words the draft writes out: names and titles as the article spells them
        self.text = fold(marks(text))
        header = DATE_HEADER.match(text)
        self.body_start = header.end() if header else 0
        self.paragraphs: list[tuple[int, int]] = []
        for match in re.finditer(r"[^\n]+", text):
            start, end = max(match.start(), self.body_start), match.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                self.paragraphs.append((start, end))
        self.paragraphs = _unwrapped(text, self.paragraphs)
        self.sentences: list[Sentence] = []
        self.quotes: list[Quote] = []
        self.agency: tuple[int, int] | None = None  # "(AP)" of the dateline
        self.title: tuple[int, int] | None = None  # a headline above the dateline, which repeats the story
        first = 1 if self.paragraphs and DATE_LINE.fullmatch(text, *self.paragraphs[0]) else 0  # "09 November 2020"
        if self._headline(first):
            self.title = self.paragraphs[first]
            if self._standfirst(first + 1):  # "Several killed, dozens wounded in attack on ...": a second line
                self.title = (self.paragraphs[first][0], self.paragraphs[first + 1][1])
        # Quotations over several paragraphs, as the build reads them: the opening mark of each by where it closes,
        # and the paragraphs it runs on into without a reopening mark, whose words are quoted too.
        over_paragraphs = [p for p in passages(self.text) if len(p.segments) > 1]
        self.opening_of = {p.segments[-1][1]: p.segments[0][0] - 1 for p in over_paragraphs if p.closed}
        starts = {start for start, _ in self.paragraphs}
        self._carried_on = {a for p in over_paragraphs for a, _ in p.segments[1:] if a in starts}
        seen: set[str] = set()  # a standfirst printed again as the first paragraph: its figures once
        for index, (start, end) in enumerate(self.paragraphs):
            words = " ".join(text[start:end].split())
            repeated = words in seen
            seen.add(words)
            if (self.title is None or not (self.title[0] <= start and end <= self.title[1])) and not repeated:
                self._split(index, start, end)

    def _headline(self, line: int) -> bool:
        """The first line (after a date line) is a headline: short, without a full stop at its end, and more of the
        story follows (a headline repeats a figure or a quotation of the story, which must not be drafted twice)."""
        if len(self.paragraphs) < line + 2:
            return False
        start, end = self.paragraphs[line]
        return end - start <= 200 and self.text[end - 1] not in '.!?”"»:' and "\n" not in self.text[start:end]

    def _standfirst(self, index: int) -> bool:
        """The line after a headline is a standfirst, which repeats the story too: short, no full stop at its end,
        no quotation, no dateline, and a story after it."""
        if len(self.paragraphs) < index + 2:
            return False
        start, end = self.paragraphs[index]
        line = self.text[start:end]
        return (
            end - start <= 200
            and line[-1] not in '.!?”"»:’'
            and not re.search(r"[“”\"«»]", line)
            and DATELINE.match(self.text, start, end) is None
            and not re.search(r"\d{4}|\d{1,2}:\d\d", line)  # a date or time line ("16 October 2020 [10:00]")
        )

    def _split(self, index: int, start: int, end: int) -> None:
        """Sentences end at . ? or ! outside quotation marks, before a capital, a digit or a quotation mark."""
        text, opened, sentence_start = self.text, None, start
        dateline = DATELINE.match(text, start, end)
        if dateline:
            sentence_start = start = dateline.end()
            agency = "agency" if dateline.group("agency") else "agency_after"
            if dateline.group(agency) and self.agency is None and index <= 1:
                self.agency = dateline.span(agency)
        quotes = []
        singles = _single_quotes(text, start, end)  # ‘…’ where a closing mark can be told from an apostrophe
        if start in self._carried_on:  # a quotation goes on from the paragraph before without a reopening mark
            opened = start - 1
        for i in range(start, end):
            char = text[i]
            if opened is not None and opened in singles:
                closes = i == singles[opened]
            elif opened is not None and opened < start:  # and closes at the first double closing mark after a word
                closes = char in DOUBLE_CLOSING and not text[i - 1].isspace()
            else:
                closes = opened is not None and (
                    char == QUOTE_PAIRS[text[opened]]
                    or char in CLOSE_QUOTES
                    or char == '"'
                    or char in DOUBLE_CLOSING
                    and closes_at(text, opened, i, end)  # "a “truce“entered into force"
                )
            if not closes and (
                char in OPEN_QUOTES or (char == '"' and opened is None) or (i in singles and opened is None)
            ):
                opened = i
                continue
            if closes and opened is not None and _stray_mark(text, opened, i, end):
                continue  # `"…, a local resident," received wounds," it said`: the quotation closes at the later mark
            if closes and opened is not None:
                quotes.append(Quote(opened, i))
                opened = None
                if (
                    i > start
                    and text[i - 1] in ".?!"
                    and self._starts_sentence(i + 1, end)
                    and not self._attributes_before(i + 1, end)
                ):  # `“… leave!” Aliyeva wrote`: the attribution belongs to the quotation
                    self._add(index, sentence_start, i + 1, quotes)
                    sentence_start, quotes = self._next_start(i + 1, end), []
                continue
            if char in ".?!…" and opened is None and self._starts_sentence(i + 1, end) and not self._abbreviation(i):
                self._add(index, sentence_start, i + 1, quotes)
                sentence_start, quotes = self._next_start(i + 1, end), []
        if opened is not None:  # a quotation that runs on into the next paragraph, or is cut off: to the line's end
            quotes.append(Quote(opened, end, cut=True))
        if sentence_start < end:
            self._add(index, sentence_start, end, quotes)

    def _attributes_before(self, at: int, end: int) -> bool:
        """An attribution right after a closed quotation belongs to it, unless it opens a quotation of its own
        (`“… Armenia.” He said, “…”`)."""
        attribution = ATTRIBUTION.match(self.text, at, end)
        if attribution is None:
            return False
        return not re.match(r"\s*[,:]\s*[“\"«„‘]", self.text[attribution.end() : end])

    def _starts_sentence(self, at: int, end: int) -> bool:
        rest = self.text[at:end]
        return bool(re.match(r"\s+[A-Z0-9“\"«„‘(]", rest))

    def _next_start(self, at: int, end: int) -> int:
        while at < end and self.text[at].isspace():
            at += 1
        return at

    def _abbreviation(self, dot: int) -> bool:
        word = re.search(r"([\w.]+)$", self.text[max(0, dot - 12) : dot])
        if not word:
            return False
        token = word.group(1)
        return token.lower() in ABBREVIATIONS or len(token) == 1 and token.isupper() or "." in token

    def _add(self, index, start, end, quotes):
        self.sentences.append(Sentence(start, end, index, list(quotes)))
        self.quotes.extend(quotes)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """(start, end) of the words inside each quotation, for telling the reporter's words from the speaker's."""
        return [(q.open + 1, q.close) for q in self.quotes]

    @cached_property
    def quote_opens(self) -> list[int]:
        """Where each quotation opens, in order: the quotations between two offsets by bisection."""
        return [q.open for q in self.quotes]

    @cached_property
    def quote_closing_at(self) -> dict[int, Quote]:
        return {q.close: q for q in self.quotes}

    def in_quote(self, at: int) -> bool:
        return any(start <= at < end for start, end in self.quoted)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    def sentence_at(self, at: int) -> Sentence | None:
        """The sentence holding the offset (sentences are in order and do not overlap: found by bisection, as a
        long article asks this of every figure)."""
        index = bisect_right(self._sentence_starts, at) - 1
        if index >= 0 and self.sentences[index].start <= at < self.sentences[index].end:
            return self.sentences[index]
        return None

    def sentence_index(self, sentence: Sentence) -> int:
        return bisect_right(self._sentence_starts, sentence.start) - 1

    def paragraph_of(self, at: int) -> int | None:
        index = bisect_right(self._paragraph_starts, at) - 1
        if index >= 0 and self.paragraphs[index][0] <= at < self.paragraphs[index][1]:
            return index
        return None


def _stray_mark(text: str, opened: int, at: int, end: int) -> bool:
    """A straight mark inside a straight quotation that badly typeset copy left in: the words after it go on in lower
    case, and the next straight mark of the paragraph, after a word and before a space, closes the quotation."""
    if text[opened] != '"' or text[at] != '"' or not re.match(r"\s+[a-z]", text[at + 1 : at + 3]):
        return False
    following = text.find('"', at + 1, end)
    return (
        following > 0
        and not text[following - 1].isspace()
        and (following + 1 == end or text[following + 1].isspace())
        and re.match(
            r"\s+(?:[a-z]+\s+)?(?:" + "|".join(("said", "says", "added", "stated", "noted", "wrote")) + r")\b",
            text[following + 1 : following + 40],
        )
        is not None
    )


def strip_span(text: str, start: int, end: int, chars: str = " ,;:") -> tuple[int, int]:
    """The span without the spaces and punctuation at its ends."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


READ_BACK = 600  # characters: no subject, apposition or clause of news prose runs longer


def read_back_from(start: int, at: int) -> int:
    """Where reading back from `at` to a sentence's or clause's `start` stops: a sentence of hostile length read
    whole before every cue or figure in it would make the draft quadratic in its length."""
    return max(start, at - READ_BACK)


# Letters NFKD does not take apart, read as the Latin letter they are written for ("Əliyev", "Bakı").
_BASES = {"ə": "e", "Ə": "E", "ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ħ": "h"}


def fold(text: str) -> str:
    """The text with each accented Latin letter read as its plain letter ("Erdoğan" as "Erdogan", "Çavuşoğlu" as
    "Cavusoglu"): same length, so offsets hold. The registry's names and the rules are written in plain letters;
    what the draft writes out is sliced from the article's own text."""
    if text.isascii():
        return text
    return "".join(_plain(char) for char in text)


def _plain(char: str) -> str:
    if char.isascii() or not char.isalpha():
        return char
    base = unicodedata.normalize("NFKD", char)[:1]
    return base if base.isascii() and base.isalpha() else _BASES.get(char, char)
