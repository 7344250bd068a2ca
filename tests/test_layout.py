"""The code's layout is its architecture: each stage of scripts/ imports only from the stages before it, so a
stage can be read, tested and replaced knowing only what comes earlier."""

from __future__ import annotations

import ast

from scripts.common.paths import ROOT

SCRIPTS = ROOT / "scripts"
MAX_LINES = 600
# Stage -> its place in the order. Stages of one place do not import each other.
ORDER = {
    "load": 0,
    "common": 0,
    "reading": 1,
    "checks": 2,
    "build": 3,
    "validate": 4,
    "draft": 4,
    "release": 5,
    "bench": 6,
    "cli": 7,
    "__main__": 8,
}


def _stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else "__init__"


def imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every import of scripts.*, at any depth of the source."""
    found = []
    for path in sorted(SCRIPTS.rglob("*.py")):
        module = ".".join(("scripts", *path.relative_to(SCRIPTS).with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "scripts":
                targets = [node.module] if node.module != "scripts" else [f"scripts.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "scripts"]
            else:
                continue
            found += [(module, target, node.lineno) for target in targets]
    return found


def test_every_module_belongs_to_a_stage():
    top = sorted(p.name for p in SCRIPTS.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "cli.py", "load.py"]
    stages = sorted(p.name for p in SCRIPTS.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert stages == sorted(s for s in ORDER if s not in ("load", "cli", "__main__"))
    assert all((SCRIPTS / stage / "__init__.py").is_file() for stage in stages)


def wrong_way(found) -> list[str]:
    """The imports that run against the order: into a later stage, or across stages of one place."""
    wrong = []
    for module, target, line in found:
        here, there = _stage(module), _stage(target)
        if here != "__init__" and here != there and ORDER[there] >= ORDER[here]:
            wrong.append(f"{module} line {line} imports {target}")
    return wrong


def test_each_stage_imports_only_from_the_stages_before_it():
    assert wrong_way(imports()) == []


def test_an_import_against_the_order_is_found_even_inside_a_function():
    found = imports()
    # validate imports the build inside a function (matplotlib only when rebuilding): it is seen
    assert any(m == "scripts.validate.package" and t == "scripts.build.pipeline" for m, t, _ in found)
    assert wrong_way(
        [
            ("scripts.checks.row_rules", "scripts.build.coding", 16),
            ("scripts.draft.evaluate", "scripts.validate.package", 3),
            ("scripts.reading.dates", "scripts.common.problems", 5),
        ]
    ) == [
        "scripts.checks.row_rules line 16 imports scripts.build.coding",
        "scripts.draft.evaluate line 3 imports scripts.validate.package",
    ]


def test_no_module_is_longer_than_the_limit():
    long = {
        p.relative_to(SCRIPTS).as_posix(): n
        for p in SCRIPTS.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
