"""Where things live in the repository; every module asks here instead of hard-coding paths."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Layout:
    """The repository layout rooted at one folder, so tests can build a copy in a temporary folder."""

    def __init__(self, root: Path = ROOT):
        self.root = Path(root)
        self.seeds = self.root / "seeds"
        self.registry = self.seeds / "registry"
        self.schemas = self.root / "schemas"
        self.input_schemas = self.schemas / "coding"
        self.tables = self.root / "datapackage"
        self.descriptor = self.root / "datapackage.json"
        self.readme = self.root / "README.md"
        self.contributing = self.root / "CONTRIBUTING.md"
        self.figure = self.root / "figures" / "casualty-claims.png"

    def rel(self, path: Path) -> str:
        """Path relative to the root with forward slashes, as it appears in tables and messages; a symbolic link is
        named where it stands, not where it points."""
        for norm in (os.path.abspath, os.path.realpath):
            try:
                return Path(norm(path)).relative_to(norm(self.root)).as_posix()
            except ValueError:
                continue
        return str(path)

    @property
    def written_folders(self) -> list[Path]:
        """Where the build and the draft replace files (and an interrupted replacement may leave staged ones)."""
        return [self.root, self.tables, self.figure.parent, self.seeds, self.registry]

    def table_path(self, name: str) -> Path:
        return self.tables / f"{name}.csv"

    def schema_path(self, name: str) -> Path:
        return self.schemas / f"{name}.json"
