"""A package as files, wherever it lives: a folder (the working tree or an unpacked release), a release
archive (.zip), or a git commit of this repository. diff and release read versions through it alike."""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


class SourceError(Exception):
    """A package that cannot be read; the message says which and why."""


@dataclass
class PackageSource:
    label: str  # how messages name it: a path, an archive, "git v0.1.0"
    files: dict[str, bytes] = field(repr=False)  # relative POSIX path -> bytes

    @property
    def descriptor(self) -> dict:
        return json.loads(self.read("datapackage.json"))

    def read(self, path: str) -> bytes:
        try:
            return self.files[path]
        except KeyError:
            raise SourceError(f"{self.label} has no {path}") from None

    def schema(self, name: str) -> dict:
        resource = self.resource(name)
        schema = resource["schema"]
        return schema if isinstance(schema, dict) else json.loads(self.read(schema))

    def resource(self, name: str) -> dict:
        for resource in self.descriptor["resources"]:
            if resource["name"] == name:
                return resource
        raise SourceError(f"{self.label} has no resource '{name}'")

    def table(self, name: str) -> bytes:
        return self.read(self.resource(name)["path"])

    @property
    def version(self) -> str:
        return self.descriptor.get("version", "")


def _is_package_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return path == "datapackage.json" or (len(parts) == 2 and parts[0] in ("schemas", "datapackage"))


def from_folder(root: Path) -> PackageSource:
    root = Path(root)
    if not (root / "datapackage.json").is_file():
        raise SourceError(f"{root} holds no datapackage.json")
    # only the package's own files are read: the working tree also holds .venv/ and .git/
    paths = [root / "datapackage.json", *sorted(root.glob("schemas/*")), *sorted(root.glob("datapackage/*"))]
    return PackageSource(str(root), {p.relative_to(root).as_posix(): p.read_bytes() for p in paths if p.is_file()})


def from_archive(path: Path) -> PackageSource:
    """A release archive: its files sit under one top folder, <name>-<version>/."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or not all("/" in n for n in names):
                raise SourceError(f"{path}: a release archive holds one top folder, this one holds {sorted(tops)}")
            top = tops.pop() + "/"
            files = {n[len(top) :]: archive.read(n) for n in names}
    except (OSError, zipfile.BadZipFile) as exc:
        raise SourceError(f"{path} cannot be read as a zip archive: {exc}") from None
    if "datapackage.json" not in files:
        raise SourceError(f"{path} holds no datapackage.json")
    return PackageSource(str(path), {k: v for k, v in files.items() if _is_package_file(k)})


def git(root: Path, *args: str, text: bool = True):
    """Run git in the repository; a failure becomes SourceError with git's own words."""
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=text)
    if result.returncode != 0:
        error = result.stderr if text else result.stderr.decode("utf-8", "replace")
        raise SourceError(f"git {' '.join(args)} failed: {error.strip()}")
    return result.stdout


def from_git(root: Path, ref: str) -> PackageSource:
    """The package as committed at ref (a tag such as v0.1.0, or a commit)."""
    listed = git(root, "ls-tree", "-r", "--name-only", ref, "--", "datapackage.json", "schemas", "datapackage")
    paths = [p for p in listed.splitlines() if _is_package_file(p)]
    if "datapackage.json" not in paths:
        raise SourceError(f"git {ref} holds no datapackage.json")
    return PackageSource(f"git {ref}", {p: git(root, "show", f"{ref}:{p}", text=False) for p in paths})


def open_source(where: str, root: Path) -> PackageSource:
    """A .zip path is an archive, a folder is a folder, anything else a git ref of the repository at root."""
    path = Path(where)
    if path.suffix == ".zip":
        return from_archive(path)
    if path.is_dir():
        return from_folder(path)
    return from_git(root, where)
