"""Surnames as news copy spells them: transliterations ("Aliyev", "Aliev"), two letters swapped, one letter off
or one left out in a long name. The draft folds such spellings into the person named in full, with a note for the
reviewer."""

from __future__ import annotations

import re


def spelling_key(name: str) -> str:
    """A name as its transliterations agree: "Aliyev" and "Aliev", "Khachaturyan" and "Hachaturian"."""
    key = name.lower().replace("kh", "h").replace("dzh", "j").replace("zh", "j")
    key = re.sub(r"(?<=[aeiou])y(?=[aeiou])|(?<=i)y", "", key)
    key = re.sub(r"(?<=[^aeiou])y(?=[aeiou])", "i", key)
    return re.sub(r"(.)\1", r"\1", key)


class Surnames:
    """Surnames named in full, looked up however a word spells them: as written, as transliterations agree
    ("Aliev" for "Aliyev"), with two letters swapped ("Hovhannsiayn") or one letter off ("Hajivev") in a long name.
    Keys are computed once, so every capitalised word of an article can be looked up."""

    def __init__(self, named: list[tuple[str, str]], also: Surnames | None = None):  # (surname, actor_id)
        self.also = also  # more surnames, indexed once (the registry's people, for every article)
        self.by_key: dict[str, set[tuple[str, str]]] = {}
        self.by_shape: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for surname, actor_id in named:
            keys = {surname, spelling_key(surname)} | ({_letters(surname)} if len(surname) >= 6 else set())
            for key in keys:
                self.by_key.setdefault(key, set()).add((surname, actor_id))
            if len(surname) >= 6:
                self.by_shape.setdefault((len(surname), surname[:2]), []).append((surname, actor_id))

    def _matches(self, word: str) -> set[tuple[str, str]]:
        for key in [word, spelling_key(word)] + ([_letters(word)] if len(word) >= 6 else []):
            if key in self.by_key:
                return self.by_key[key]
        same_length = self.by_shape.get((len(word), word[:2]), [])
        longer = self.by_shape.get((len(word) + 1, word[:2]), []) if len(word) >= 8 else []
        shorter = self.by_shape.get((len(word) - 1, word[:2]), []) if len(word) >= 9 else []
        return {e for e in same_length if sum(map(str.__ne__, word, e[0])) == 1} | {
            e for e in longer + shorter if _one_missing(word, e[0])
        }

    def find(self, word: str) -> tuple[str, str] | None:
        """The one (surname, actor_id) the word names, or None (none, or several)."""
        found = self._matches(word)
        return next(iter(found)) if len(found) == 1 else None

    def has(self, word: str) -> bool:
        return bool(self._matches(word)) or (self.also is not None and self.also.has(word))


def spelt_alike(word: str, other: str, shortest: int = 6) -> bool:
    """One name as news copy may spell it twice: a transliteration, or, in a name of `shortest` letters or more,
    two letters swapped or one letter off ("Hikmat" and "Hikmet" with shortest=4)."""
    if word == other or spelling_key(word) == spelling_key(other):
        return True
    if len(word) < shortest or word[0] != other[0]:
        return False
    if len(word) != len(other):
        return min(len(word), len(other)) >= shortest and _one_missing(word, other)
    return _letters(word) == _letters(other) or sum(map(str.__ne__, word, other)) == 1


def _one_missing(word: str, other: str) -> bool:
    """One letter left out inside a long name: "Haruyunyan" for "Harutyunyan"; never the last letter ("Aliyev" and
    "Aliyeva" are a man and a woman) nor in a name under eight letters."""
    short, long = sorted((word, other), key=len)
    if len(long) != len(short) + 1 or len(short) < 8:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))


def _letters(name: str) -> str:
    """A long name's first letter and the rest sorted: a typo swapping letters keeps it."""
    return "~" + name[0] + "".join(sorted(name[1:].lower()))
