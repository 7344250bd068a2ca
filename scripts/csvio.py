"""Writing tables as CSV the same way every time, and replacing a set of files all or none."""
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


def _stage(path: Path, data: bytes) -> str:
    """Write data to a new temporary file beside path (same file system, so a rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _mode(path))  # mkstemp makes the file private; a table is as readable as any file
        with os.fdopen(handle, "wb") as out:
            out.write(data)
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def _mode(path: Path) -> int:
    """The mode the file has, or the one a new file gets under the process's umask."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_all(files: dict[Path, bytes]) -> None:
    """Replace every file or none: all new contents are staged before the first rename, and if any step
    fails the files already replaced get their previous bytes back, so a failed build leaves the previous
    package whole (and no temporary file behind)."""
    files = {Path(path): data for path, data in files.items()}
    previous = {path: path.read_bytes() if path.is_file() else None for path in files}
    staged, replaced = {}, []
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
        for path, temp in staged.items():
            os.replace(temp, path)
            replaced.append(path)
    except BaseException:
        for path in replaced:
            if previous[path] is None:
                path.unlink()
            else:
                os.replace(_stage(path, previous[path]), path)
        for temp in staged.values():
            if os.path.exists(temp):
                os.unlink(temp)
        raise

