"""Writing tables as CSV the same way every time, and replacing a set of files all or none."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from scripts.common.paths import is_inside


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class RowContractError(ValueError):
    """A row whose keys are not its table's columns: a misspelt or missing key would otherwise become an empty
    cell without a word."""

    def __init__(self, extra: set[str], missing: set[str]):
        self.extra, self.missing = sorted(extra), sorted(missing)
        super().__init__(
            f"a row has keys the table does not have ({', '.join(self.extra) or 'none'}) and lacks "
            f"columns it has ({', '.join(self.missing) or 'none'})"
        )


def to_csv_bytes(field_names: list[str], rows: list[dict]) -> bytes:
    """UTF-8 without BOM, LF line endings, header in schema order, empty cell for a missing value (None); a row
    whose keys are not exactly the columns is refused (RowContractError)."""
    header = dict(zip(field_names, field_names, strict=True))
    return csv_rows_bytes(field_names, [header]) + csv_rows_bytes(field_names, rows)


def csv_rows_bytes(field_names: list[str], rows) -> bytes:
    """The lines of rows as to_csv_bytes writes them, without the header: tables written in pieces
    (CsvStream) are byte for byte the tables written at once."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = set(field_names)
    for row in rows:
        if row.keys() != columns:
            raise RowContractError(row.keys() - columns, columns - row.keys())
        writer.writerow([_cell(row[name]) for name in field_names])
    return buffer.getvalue().encode("utf-8")


class CsvStream:
    """A table written piece by piece to a file (rows already in order), hashing as it goes: for tables too
    large to hold in memory. Not atomic, unlike replace_all."""

    def __init__(self, path: Path, field_names: list[str]):
        self.field_names, self.rows, self.bytes = field_names, 0, 0
        self._hash = hashlib.sha256()
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._out = open(path, "wb")
        self.write_bytes(to_csv_bytes(field_names, []), 0)

    def write_rows(self, rows: list[dict]) -> None:
        self.write_bytes(csv_rows_bytes(self.field_names, rows), len(rows))

    def write_bytes(self, data: bytes, rows: int) -> None:
        """Lines made by csv_rows_bytes with these field names (rows: how many)."""
        self._out.write(data)
        self._hash.update(data)
        self.bytes += len(data)
        self.rows += rows

    def close(self) -> tuple[str, int, int]:
        """The sha256 (hex), size in bytes and number of rows of the table written."""
        self._out.close()
        return self._hash.hexdigest(), self.bytes, self.rows


JOURNAL = ".replace-in-progress.json"  # the files a replacement is switching, while it switches them
STAGED = re.compile(r"^\..+\.tmp$")  # a staged file's name: ".<name>.<random>.tmp", beside the file it replaces


def _stage(path: Path, data: bytes) -> str:
    """Write data to a new temporary file beside path (same file system, so a rename is atomic), on disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, _mode(path))  # mkstemp makes the file private; a table is as readable as any file
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
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


def replace_all(files: dict[Path, bytes], journal: Path | None = None) -> None:
    """Replace every file or none: all new contents are staged on disk before the first rename, and if any step
    fails the files already replaced get their previous bytes back, so a failed build leaves the previous
    package whole (and no temporary file behind). With a journal folder, the switch is written down there before
    it starts, so that a process killed half-way through (which no code of its own can undo) is finished by the
    next one (finish_replacement)."""
    files = {Path(path): data for path, data in files.items()}
    previous = {path: path.read_bytes() if path.is_file() else None for path in files}
    staged, replaced, record = {}, [], None
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
        if journal is not None:
            record = Path(journal) / JOURNAL
            entries = [
                [os.path.relpath(temp, journal), os.path.relpath(path, journal)] for path, temp in staged.items()
            ]
            os.replace(_stage(record, json.dumps(entries).encode("utf-8")), record)
        for path, temp in staged.items():
            os.replace(temp, path)
            replaced.append(path)
    except BaseException:
        for path in replaced:
            before = previous[path]
            if before is None:
                path.unlink()
            else:
                os.replace(_stage(path, before), path)
        for temp in staged.values():
            if os.path.exists(temp):
                os.unlink(temp)
        raise
    finally:
        if record is not None and record.exists():
            record.unlink()


def finish_replacement(journal: Path, folders: list[Path], writable) -> list[Path]:
    """Finish a replacement a killed process left half-done (its journal in `journal`), so that the files are all
    new, never a mix; then remove the staged files left in the folders. Returns the files it touched.

    The journal may come from anywhere (a pull request can commit one), so only what a replacement of this
    project could have written is acted on: a staged file beside its target, both plain files inside the
    repository, the target one that `writable` accepts; anything else in the journal is left alone."""
    touched = []
    record = Path(journal) / JOURNAL
    if record.is_file() and not record.is_symlink() and record.stat().st_size <= 1 << 20:
        try:
            entries = json.loads(record.read_bytes().decode("utf-8"))
        except (ValueError, RecursionError):
            entries = []  # killed while writing the journal itself: nothing was switched yet
        for entry in entries if isinstance(entries, list) else []:
            if not (isinstance(entry, list) and len(entry) == 2 and all(is_inside(part) for part in entry)):
                continue
            staged, path = Path(journal, entry[0]), Path(journal, entry[1])
            if (
                STAGED.match(staged.name)
                and staged.parent == path.parent
                and writable(path)
                and _plain(staged)
                and (_plain(path) or not path.exists())
            ):
                os.replace(staged, path)
                touched.append(path)
    if record.exists() and not record.is_dir():
        record.unlink()
    for folder in (Path(f) for f in folders):
        for leftover in folder.glob(".*.tmp") if folder.is_dir() and not folder.is_symlink() else []:
            if STAGED.match(leftover.name) and _plain(leftover):
                leftover.unlink()
                touched.append(leftover)
    return touched


def _plain(path: Path) -> bool:
    """A regular file, not a link (to follow one would reach outside the repository)."""
    return path.is_file() and not path.is_symlink()
