"""Where things live in the repository; every module asks here instead of hard-coding paths."""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


PROJECT_FILES = ("schemas", "datapackage.json", "README.md", "CONTRIBUTING.md")  # what a build needs beside seeds/


def new_repository(root: Path, seeds: Path) -> "Layout":
    """A repository at root holding this project's schemas, descriptor and documents, with `seeds` (articles,
    codings, registry) as its inputs, not yet built: for the tests' frozen package and the benchmarks."""
    root.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, root / name)
    shutil.copytree(seeds, root / "seeds")
    return Layout(root)


def is_inside(path_text) -> bool:
    """A relative POSIX path that stays inside the repository (no '/', '..', drive or backslash)."""
    if not isinstance(path_text, str) or not path_text:
        return False
    return (
        not path_text.startswith("/")
        and ".." not in path_text.split("/")
        and "\\" not in path_text
        and ":" not in path_text
    )


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

    def written(self, path: Path) -> bool:
        """Whether the build or the draft may replace this file: the descriptor, the two generated documents, a
        table, the figure, a coding or a registry file."""
        path = Path(os.path.abspath(path))
        named = {Path(os.path.abspath(p)) for p in (self.descriptor, self.readme, self.contributing)}
        kinds = {self.tables: ".csv", self.figure.parent: ".png", self.seeds: ".yaml", self.registry: ".yaml"}
        return path in named or any(
            path.parent == Path(os.path.abspath(folder)) and path.suffix == suffix for folder, suffix in kinds.items()
        )

    def table_path(self, name: str) -> Path:
        return self.tables / f"{name}.csv"

    def schema_path(self, name: str) -> Path:
        return self.schemas / f"{name}.json"
