"""The package tables written while a synthetic corpus is generated, so that a very large package needs
neither a build run nor a build's memory; the build's own functions write them, so the bytes are the
build's (tests/test_synthetic.py compares them)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from scripts.common.paths import Layout

PAIR_COLUMNS = (
    "claim_id",
    "article_id",
    "claimant_actor_id",
    "claim_type",
    "victim_actor_id",
    "victim_status",
    "date_start",
    "date_end",
    "value_min",
    "value_max",
)


class TableWriter:
    """The package tables written while the articles are generated, in the build's row order, with the
    build's own functions: csvio for the bytes, build.sort_key for the order, build.descriptor_bytes for
    datapackage.json, derive_disagreements and the registry reader for the rest."""

    STREAMED = ("articles", "actor_mentions", "statements", "claims")

    def __init__(self, layout: Layout):
        from scripts.build.pipeline import sort_key
        from scripts.common.csvio import CsvStream
        from scripts.common.schemas import field_names, table_schema

        self.layout = layout
        self.schemas = {name: table_schema(layout, name) for name in _resource_names(layout)}
        self.fields = {name: field_names(schema) for name, schema in self.schemas.items()}
        self.keys = {name: sort_key(schema) for name, schema in self.schemas.items()}
        self.streams = {name: CsvStream(layout.table_path(name), self.fields[name]) for name in self.STREAMED}
        # event_reports are ordered by event first: rows wait in one bucket per event, spilled to disk
        self.spill = Path(tempfile.mkdtemp(prefix=".event_reports.", dir=layout.root))
        self.buckets: dict[str, bytearray] = {}
        self.bucket_rows: dict[str, int] = {}
        self.buffered = 0
        self.pairable: list[dict] = []

    def add(self, rows: dict) -> None:
        from scripts.build.disagreements import is_dated_casualty_figure
        from scripts.common.csvio import csv_rows_bytes

        for name in self.STREAMED:
            self.streams[name].write_rows(sorted(rows[name], key=self.keys[name]))
        by_event: dict[str, list] = {}
        for row in sorted(rows["event_reports"], key=self.keys["event_reports"]):
            by_event.setdefault(row["event_id"], []).append(row)
        for event_id, event_rows in by_event.items():
            data = csv_rows_bytes(self.fields["event_reports"], event_rows)
            self.buckets.setdefault(event_id, bytearray()).extend(data)
            self.bucket_rows[event_id] = self.bucket_rows.get(event_id, 0) + len(event_rows)
            self.buffered += len(data)
        if self.buffered > 64 * 2**20:
            self._spill()
        for claim in rows["claims"]:
            if is_dated_casualty_figure(claim) and claim["claimant_actor_id"] is not None:
                self.pairable.append({k: claim[k] for k in PAIR_COLUMNS})  # only what pairing reads

    def _spill(self):
        for event_id, data in self.buckets.items():
            if data:
                with open(self._bucket_file(event_id), "ab") as out:
                    out.write(data)
                data.clear()
        self.buffered = 0

    def _bucket_file(self, event_id: str) -> Path:
        return self.spill / f"{event_id}.csv"

    def finish(self) -> int:
        """Close the streamed tables, write the rest and datapackage.json; the number of disagreements."""
        from scripts.build.disagreements import derive_disagreements
        from scripts.build.pipeline import descriptor_bytes, stats_of, table_stats
        from scripts.build.registry import load_registry
        from scripts.common.csvio import CsvStream, to_csv_bytes
        from scripts.common.problems import BuildError, ProblemList

        stats = {name: stats_of(*stream.close()) for name, stream in self.streams.items()}
        stream = CsvStream(self.layout.table_path("event_reports"), self.fields["event_reports"])
        for event_id in sorted(self.bucket_rows):
            spilled = self._bucket_file(event_id)
            data = (spilled.read_bytes() if spilled.exists() else b"") + bytes(self.buckets.get(event_id, b""))
            stream.write_bytes(data, self.bucket_rows[event_id])
        stats["event_reports"] = stats_of(*stream.close())
        shutil.rmtree(self.spill)
        problems = ProblemList()
        registry = load_registry(self.layout, problems)
        if problems:
            raise BuildError(problems)
        small = {**registry.tables(), "claim_disagreements": derive_disagreements(self.pairable)}
        for name, rows in small.items():
            data = to_csv_bytes(self.fields[name], sorted(rows, key=self.keys[name]))
            self.layout.table_path(name).write_bytes(data)
            stats[name] = table_stats(data, len(rows))
        package = json.loads(self.layout.descriptor.read_text(encoding="utf-8"))
        self.layout.descriptor.write_bytes(descriptor_bytes(package, stats))
        return len(small["claim_disagreements"])


def _resource_names(layout: Layout) -> list[str]:
    from scripts.common.schemas import resource_names

    return resource_names(layout)
