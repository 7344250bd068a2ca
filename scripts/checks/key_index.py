"""Where rows of key columns are among known rows, for millions of rows against a fixed table: the known rows are
sorted by a 64-bit hash once, and each batch is looked up by binary search (a join would hash every known row
again for every batch)."""

from __future__ import annotations

import numpy as np
import polars as pl

from scripts.common.arrays import search_sorted

HASHED_FROM = 20_000  # known rows from which a lookup by sorted hash beats polars' own (a hash set built per call)
RUNS_FROM = 2  # rows per run of equal rows, on average, from which each run is looked up once


def row_hashes(frame: pl.DataFrame) -> np.ndarray:
    return frame.select(pl.struct(pl.all()).hash()).to_series().to_numpy()


def run_starts(rows: pl.DataFrame) -> np.ndarray:
    """True where a run of equal consecutive rows starts (missing equals missing)."""
    differs = pl.any_horizontal([pl.col(c).ne_missing(pl.col(c).shift(1)) for c in rows.columns])
    starts = rows.select(differs).to_series().to_numpy(writable=True)
    starts[:1] = True
    return starts


class KeyIndex:
    """Known rows of some columns, indexed by hash. Each hit is confirmed by value, so a hash collision never makes
    a row found or lost; repeated known rows need no cleaning (a repeat is found as well), and a missing value
    equals nothing."""

    def __init__(self, values: pl.DataFrame):
        self.values = values
        hashes = row_hashes(values)
        self.order = np.argsort(hashes)
        self.sorted = hashes[self.order]

    def positions(self, rows: pl.DataFrame) -> np.ndarray:
        """For each row (columns named as the values'), the position of an equal known row, or -1. Rows come
        grouped (the tables are sorted by article): a run of equal rows is looked up once, by its first row."""
        starts = run_starts(rows)
        if np.count_nonzero(starts) * RUNS_FROM > rows.height:
            return self._positions(rows)
        return self._positions(rows.filter(starts))[np.cumsum(starts) - 1]

    def _positions(self, rows: pl.DataFrame) -> np.ndarray:
        found = np.full(rows.height, -1, dtype=np.int64)
        if self.values.height == 0 or rows.height == 0:
            return found
        hashes = row_hashes(rows)
        at = np.minimum(search_sorted(self.sorted, hashes), len(self.sorted) - 1)
        hit = self.sorted[at] == hashes
        position = self.order[at]
        candidates = self.values[position]
        same = hit & np.all([(rows[c] == candidates[c]).fill_null(False).to_numpy() for c in rows.columns], axis=0)
        found[same] = position[same]
        collided = np.flatnonzero(hit & ~same)  # another value with the same hash: look these up exactly
        if len(collided):
            doubtful = rows[collided].with_row_index("_doubtful")
            matches = doubtful.join(self.values.with_row_index("_position"), on=rows.columns, how="inner").unique(
                "_doubtful", keep="first"
            )
            found[collided[matches["_doubtful"].to_numpy()]] = matches["_position"].to_numpy()
        return found

    def unknown(self, rows: pl.DataFrame) -> np.ndarray:
        """True where a row is not one of the known rows. A few known rows (actors, events) are looked up by
        polars directly: building its hash set of them costs less than sorting the rows' hashes."""
        if self.values.height >= HASHED_FROM:
            return self.positions(rows) < 0
        if rows.width == 1:
            column = rows.columns[0]
            return (~rows[column].is_in(self.values[column].implode())).fill_null(True).to_numpy()
        found = rows.with_row_index("_row").join(self.values, on=rows.columns, how="semi")["_row"].to_numpy()
        unknown = np.ones(rows.height, dtype=bool)
        unknown[found] = False
        return unknown
