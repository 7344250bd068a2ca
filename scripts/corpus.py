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
from numpy.lib.stride_tricks import as_strided

from scripts.arrays import search_sorted

_INLINE = 12  # an Arrow binary view holds up to 12 bytes inline; longer ones point into a buffer
_SCAN = 1 << 22  # bytes scanned at once when indexing multi-byte characters (bounds temporary memory)


class Corpus:
    """Articles added one by one (id, UTF-8 bytes, number of code points), then frozen for lookups."""

    def __init__(self):
        self._ids, self._chars = [], []
        self.data = bytearray()  # grown in place: no list of parts joined into a second copy
        self.index = pl.DataFrame(schema={"article_id": pl.String, "_char_base": pl.Int64, "_n_chars": pl.Int64})
        self._lead_chars = self._extra_through = np.zeros(0, dtype=np.int64)

    def append_article(self, article_id: str, data: bytes, n_chars: int) -> None:
        self.data += data
        self._ids.append(article_id)
        self._chars.append(n_chars)

    def freeze(self) -> "Corpus":
        if len(self.data) >= 2**31:
            raise ValueError("the article texts exceed 2 GiB; check evidence in batches of articles")
        chars = np.asarray(self._chars, dtype=np.int64)
        bases = np.concatenate([[0], np.cumsum(chars)[:-1]]) if len(chars) else chars
        self.index = pl.DataFrame({"article_id": self._ids, "_char_base": bases, "_n_chars": chars},
                                  schema={"article_id": pl.String, "_char_base": pl.Int64, "_n_chars": pl.Int64})
        self._index_multibyte()
        self.data += bytes(_INLINE)  # so the _INLINE bytes from any position of a text exist (_views)
        return self

    def _index_multibyte(self) -> None:
        buffer = np.frombuffer(self.data, dtype=np.uint8)
        leads = []
        for start in range(0, len(buffer), _SCAN):
            chunk = buffer[start: start + _SCAN]
            leads.append(np.flatnonzero(chunk >= 0xC0) + start)
        positions = np.concatenate(leads) if leads else np.zeros(0, dtype=np.int64)
        first = buffer[positions]
        extra = (first >= 0xC0).astype(np.int64) + (first >= 0xE0) + (first >= 0xF0)
        self._extra_through = np.cumsum(extra)
        self._lead_chars = positions - (self._extra_through - extra)  # continuation bytes before each lead

    def _byte_offsets(self, chars: np.ndarray) -> np.ndarray:
        """Global code point positions -> byte positions in the buffer."""
        before = search_sorted(self._lead_chars, chars)
        extra = np.concatenate([[0], self._extra_through])[before]
        return chars + extra

    def evidence_matches(self, frame: pl.DataFrame) -> pl.Series:
        """Per row of a frame with article_id, evidence, char_start, char_end: does the evidence equal the
        article's text between the offsets? Rows of articles not in the corpus pass (they are reported on
        their own: missing file, unknown article ...)."""
        rows = frame.select("article_id", "evidence", "char_start", "char_end").join(
            self.index, on="article_id", how="left", maintain_order="left")
        known = rows["_char_base"].is_not_null()
        start, end = rows["char_start"], rows["char_end"]
        in_range = (known & start.is_not_null() & end.is_not_null() & rows["evidence"].is_not_null()
                    & (start >= 0) & (start <= end) & (end <= rows["_n_chars"])).fill_null(False)
        base = rows["_char_base"].fill_null(0).to_numpy()
        ok_rows = in_range.to_numpy()
        first = np.where(ok_rows, base + start.fill_null(0).to_numpy(), 0)
        last = np.where(ok_rows, base + end.fill_null(0).to_numpy(), 0)
        byte_start, byte_end = self._byte_offsets(first), self._byte_offsets(last)
        expected = self._views(byte_start, byte_end - byte_start)
        evidence = rows["evidence"].fill_null("").to_arrow().cast(pa.binary_view())
        equal = np.asarray(pc.equal(expected, evidence).to_numpy(zero_copy_only=False), dtype=bool)
        return pl.Series("evidence-slice", ~known.to_numpy() | (ok_rows & equal))

    def _views(self, starts: np.ndarray, lengths: np.ndarray) -> pa.Array:
        """An Arrow binary-view array of the buffer's slices, built without copying their bytes."""
        n = len(starts)
        views = np.zeros((n, 16), dtype=np.uint8)
        words = views.view(np.int32)
        words[:, 0] = lengths
        inline = lengths <= _INLINE
        # the inline bytes, or the 4-byte prefix of a longer slice (the rest stays zero): a gather from overlapping
        # windows of the buffer, one per position, needs no index per byte
        windows = as_strided(np.frombuffer(self.data, dtype=np.uint8), shape=(len(self.data) - _INLINE + 1, _INLINE),
                             strides=(1, 1), writeable=False)
        gathered = windows[starts]
        gathered[np.arange(_INLINE) >= np.where(inline, lengths, 4)[:, None]] = 0
        views[:, 4:] = gathered
        words[~inline, 2] = 0  # buffer index
        words[~inline, 3] = starts[~inline]  # offset in the buffer
        return pa.Array.from_buffers(pa.binary_view(), n, [None, pa.py_buffer(views), pa.py_buffer(self.data)])
