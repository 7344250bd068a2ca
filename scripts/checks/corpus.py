"""The article texts as one UTF-8 buffer, so the evidence of millions of rows is checked in a few vectorised
passes instead of one Python slice per row.

Offsets in the tables count code points; the buffer holds bytes. Multi-byte characters (curly quotes, dashes)
are few, so the code point -> byte map is kept only at them: a sorted array of their global code point
positions and the running count of extra bytes they add.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from scripts.checks.key_index import KeyIndex

_INLINE = 12  # an Arrow binary view holds up to 12 bytes inline; longer ones point into a buffer
_SCAN = 1 << 22  # bytes scanned at once when indexing multi-byte characters (bounds temporary memory)


class Corpus:
    """Articles added one by one (id, UTF-8 bytes, number of code points), then frozen for lookups."""

    def __init__(self):
        self._ids, self._chars = [], []
        self.data = bytearray()  # grown in place: no list of parts joined into a second copy
        self.index = pl.DataFrame(schema={"article_id": pl.String, "_char_base": pl.Int64, "_n_chars": pl.Int64})
        self._articles = KeyIndex(self.index.select("article_id"))
        self._bases = self._n_chars = self._lead_chars = self._extra_through = np.zeros(0, dtype=np.int64)

    def append_article(self, article_id: str, data: bytes, n_chars: int) -> None:
        self.data += data
        self._ids.append(article_id)
        self._chars.append(n_chars)

    def freeze(self) -> Corpus:
        if len(self.data) >= 2**31:
            raise ValueError("the article texts exceed 2 GiB; check evidence in batches of articles")
        self._n_chars = np.asarray(self._chars, dtype=np.int64)
        self._bases = np.concatenate([[0], np.cumsum(self._n_chars)[:-1]]) if len(self._n_chars) else self._n_chars
        self.index = pl.DataFrame(
            {"article_id": self._ids, "_char_base": self._bases, "_n_chars": self._n_chars},
            schema={"article_id": pl.String, "_char_base": pl.Int64, "_n_chars": pl.Int64},
        )
        self._articles = KeyIndex(self.index.select("article_id"))
        self._index_multibyte()
        # zero bytes after the texts, more than _INLINE + 8 and to a whole number of 64-bit words, so that the
        # aligned words holding the _INLINE bytes from any position of a text exist (_views)
        self.data += bytes(32 - len(self.data) % 8)
        return self

    def _index_multibyte(self) -> None:
        buffer = np.frombuffer(self.data, dtype=np.uint8)
        leads = []
        for start in range(0, len(buffer), _SCAN):
            chunk = buffer[start : start + _SCAN]
            leads.append(np.flatnonzero(chunk >= 0xC0) + start)
        positions = np.concatenate(leads) if leads else np.zeros(0, dtype=np.int64)
        first = buffer[positions]
        extra = (first >= 0xC0).astype(np.int64) + (first >= 0xE0) + (first >= 0xF0)
        through = np.cumsum(extra)
        self._lead_chars = positions - (through - extra)  # continuation bytes before each lead
        self._extra_through = np.concatenate([[0], through])  # extra bytes before the n-th lead

    def _byte_offsets(self, chars: np.ndarray) -> np.ndarray:
        """Global code point positions -> byte positions in the buffer (fastest for positions in increasing
        order: each search then starts near the one before)."""
        return chars + self._extra_through[np.searchsorted(self._lead_chars, chars)]

    def evidence_matches(self, frame: pl.DataFrame) -> pl.Series:
        """Per row of a frame with article_id, evidence, char_start, char_end: does the evidence equal the
        article's text between the offsets? Rows of articles not in the corpus pass (they are reported on
        their own: missing file, unknown article ...)."""
        at = self._articles.positions(frame.select("article_id"))
        known = at >= 0
        if not known.any():
            return pl.Series("evidence-slice", np.ones(frame.height, dtype=bool))
        at = np.where(known, at, 0)
        start, end, evidence = frame["char_start"], frame["char_end"], frame["evidence"]
        start_at, end_at = start.fill_null(0).to_numpy(), end.fill_null(0).to_numpy()
        checked = (
            known
            & (start.is_not_null() & end.is_not_null() & evidence.is_not_null()).to_numpy()
            & (start_at >= 0)
            & (start_at <= end_at)
            & (end_at <= self._n_chars[at])
        )
        first = np.where(checked, self._bases[at] + start_at, 0)
        # the slices in the order of the texts: the buffer (hundreds of MB) is then read from start to end, not
        # at random
        order = np.argsort(first)
        first, last = first[order], np.where(checked, self._bases[at] + end_at, 0)[order]
        byte_start, byte_end = self._byte_offsets(first), self._byte_offsets(last)
        expected = self._views(byte_start, byte_end - byte_start)
        quoted = evidence.fill_null("").gather(order).to_arrow().cast(pa.binary_view())
        equal = np.empty(frame.height, dtype=bool)
        equal[order] = np.asarray(pc.equal(expected, quoted).to_numpy(zero_copy_only=False))
        return pl.Series("evidence-slice", ~known | (checked & equal))

    def _views(self, starts: np.ndarray, lengths: np.ndarray) -> pa.Array:
        """An Arrow binary-view array of the buffer's slices, built without copying their bytes. A view is 16 bytes:
        the length (4), then either the slice itself (up to 12 bytes, zero-padded) or its first 4 bytes, the
        buffer's number (0) and the slice's offset in it (4 each)."""
        inline = lengths <= _INLINE
        views = np.empty((len(starts), 2), dtype="<u8")
        head, tail = self._leading_words(starts)
        views[:, 0] = lengths.astype(np.uint64) | (head & _low_bytes(np.minimum(lengths, 4))) << 32
        views[:, 1] = np.where(inline, tail & _low_bytes(np.clip(lengths - 4, 0, 8)), starts.astype(np.uint64) << 32)
        return pa.Array.from_buffers(
            pa.binary_view(), len(starts), [None, pa.py_buffer(views), pa.py_buffer(self.data)]
        )

    def _leading_words(self, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The 8 bytes of the buffer from each start, and the 8 from 4 bytes further, as little-endian integers:
        shifted out of the three aligned words that hold them, gathered at once (each gather from hundreds of MB
        waits on memory; unaligned words cost ten times more)."""
        triples = np.ndarray((len(self.data) // 8 - 2,), dtype=np.dtype((np.void, 24)), buffer=self.data, strides=(8,))
        words = triples[starts >> 3].view("<u8").reshape(-1, 3)
        return _bytes_from(words, starts & 7), _bytes_from(words, (starts & 7) + 4)


def _bytes_from(words: np.ndarray, skip: np.ndarray) -> np.ndarray:
    """The 8 bytes from byte `skip` (0 to 11) of each row of three little-endian words."""
    first = words[np.arange(len(words)), skip >> 3]
    second = words[np.arange(len(words)), (skip >> 3) + 1]
    shift = ((skip & 7) * 8).astype(np.uint64)
    return (first >> shift) | np.where(shift > 0, second << (np.uint64(64) - shift), np.uint64(0))


def _low_bytes(count: np.ndarray) -> np.ndarray:
    """A mask of the count (0 to 8) lowest bytes of a 64-bit integer."""
    partial = (np.uint64(1) << (np.minimum(count, 7) * 8).astype(np.uint64)) - np.uint64(1)
    return np.where(count >= 8, np.uint64(0xFFFF_FFFF_FFFF_FFFF), partial)
