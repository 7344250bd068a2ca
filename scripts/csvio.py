"""Writing tables as CSV the same way every time, and replacing files atomically."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date
from pathlib import Path


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_csv_bytes(field_names: list[str], rows: list[dict]) -> bytes:
    """UTF-8 without BOM, LF line endings, header in schema order, empty cell for missing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(field_names)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in field_names])
    return buffer.getvalue().encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
