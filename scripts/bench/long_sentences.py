"""How `draft` grows with the length of one sentence. A contributor may paste an article whose "sentence" is a
whole page (a table flattened to text, a transcript without full stops, a hostile file); each shape below repeats
one construction the draft reads back from (an opening quotation mark, an apposed name, a part of a total, a
title, a hard-wrapped line, a running-total phrase) `repeats` times in a single sentence, and is drafted at that
length and at twice it. A growth near 2 is linear; near 4 is quadratic.

    python -m scripts bench long-sentences 2000

The registry is the synthetic one (scripts/bench/synthetic/), whose states and outlets these texts name."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.synthetic import generate
from scripts.build.registry import load_registry
from scripts.common.paths import Layout
from scripts.common.problems import ProblemList
from scripts.draft.actor_index import ActorIndex
from scripts.draft.article import draft_article
from scripts.reading.articles import article_from_bytes

# name -> (the text before the repeated part, the repeated part, the text after it)
SHAPES = {
    "opening marks": ("", "He said ‘a ", "\n"),
    "apposed names": ("", "A resident of the village, Tamar Avetisyan, ", "was killed.\n"),
    "parts of a total": ("34 people", ", including 16 women", ", were injured.\n"),
    "titles": ("", "Assistant to the President of Azerbaijan, ", "Farid Karimov said it.\n"),
    "wrapped lines": ("Headline\n", "Azerbaijan said that the army\nfired on the\n", ""),
    "running totals": ("", "since the start of the fighting so far as of Monday ", "12 were killed.\n"),
    # not one sentence but one paragraph of many, each taking its day from those before it
    "same day": ("", "On Monday two soldiers died. Three more were killed on the same day. ", "\n"),
    # a paragraph of attacks and their dead, each figure dated by the sentence before it
    "carried dates": ("", "Shelling hit the town on Sunday. Two people were killed. ", "\n"),
    # full names that nothing around them says are people's, whose surname speaks at the end
    "full names": ("", "Aram Petrosyan visited the town. ", "“We stay,” Petrosyan said.\n"),
    # a paragraph of bare quotations after a speaker named two paragraphs before, each asking whether the paragraph
    # tells of that speaker (it names someone else too, so none is theirs)
    "bare quotations": (
        "“We stay,” Aram Petrosyan said.\n\nThe road was closed.\n\nAram and Levon Arzanov walked. ",
        "“We will stay.” ",
        "\n",
    ),
    # an agency statement carried whole: one opening mark, paragraphs without marks, the speaker after the last
    "statement paragraphs": (
        "“Shelling went on.\n",
        "Two houses burned.\n",
        "We will inform you,” the ministry said.\n",
    ),
}


@dataclass(frozen=True)
class ShapeTiming:
    shape: str
    characters: int  # of the longer text
    seconds: float  # drafting the text with `repeats` repetitions
    doubled_seconds: float  # and with twice as many

    @property
    def growth(self) -> float:
        return self.doubled_seconds / self.seconds if self.seconds else float("nan")


def benchmark_long_sentences(repeats: int) -> list[ShapeTiming]:
    with tempfile.TemporaryDirectory(prefix="long-sentences.") as scratch:
        generate(Path(scratch), 1)
        registry = load_registry(Layout(Path(scratch)), ProblemList())
    index = ActorIndex(registry)
    timings = []
    for shape, (head, repeated, tail) in SHAPES.items():
        seconds = [
            _draft_seconds(f"date 2020-10-10\n{head}{repeated * n}{tail}", registry, index)
            for n in (repeats, 2 * repeats)
        ]
        characters = len(head) + len(repeated) * 2 * repeats + len(tail)
        timings.append(ShapeTiming(shape, characters, *seconds))
    return timings


def _draft_seconds(text: str, registry, index) -> float:
    article = article_from_bytes(Path("999_0000000000000000.txt"), text.encode())
    began = time.perf_counter()
    draft_article(article, registry, index=index)
    return time.perf_counter() - began
