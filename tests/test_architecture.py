"""The direction of imports (docs/architecture.md), checked by walking every module's syntax tree.

A small walk rather than import-linter: it sees imports inside functions too (pressbot defers many), it
also checks that the pure parts never read the clock, and its rules read like the table in the docs.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "pressbot"
CRAWL_SIDE = ("scrapy", "twisted", "scrapy_redis", "warcio")
OUTER = ("pressbot.cli", "pressbot.crawl", "pressbot.spiders", "pressbot.fixtures", "pressbot.link", "pressbot.export")
SCRAPY_MODULES = ("pressbot.settings", "pressbot.items", "pressbot.pipelines", "pressbot.middlewares")
CLOCK_CALLS = {("datetime", "now"), ("datetime", "today"), ("datetime", "utcnow"), ("date", "today"), ("time", "time")}

# part -> what it must never import (prefixes of module names)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "pressbot.models": ("pressbot",),
    "pressbot.errors": ("pressbot",),
    "pressbot.extract": (*CRAWL_SIDE, *OUTER, *SCRAPY_MODULES),
    "pressbot.sites": (*CRAWL_SIDE, *OUTER, *SCRAPY_MODULES, "pressbot.extract"),
    "pressbot.link": (*CRAWL_SIDE, "pressbot.cli", "pressbot.crawl", "pressbot.spiders", "pressbot.fixtures"),
    "pressbot.export": (*CRAWL_SIDE, "pressbot.cli", "pressbot.crawl", "pressbot.spiders", "pressbot.fixtures"),
    "pressbot.crawl": ("pressbot.cli",),
    "pressbot.spiders": ("pressbot.cli",),
    "pressbot.fixtures": ("pressbot.cli",),
}
PURE = ("pressbot.extract", "pressbot.sites", "pressbot.link", "pressbot.models")


def module_name(path: pathlib.Path, root: pathlib.Path = PACKAGE) -> str:
    parts = ["pressbot", *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(tree: ast.AST, name: str) -> set[str]:
    """Every module an import statement anywhere in the tree names (relative imports resolved)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*name.split(".")[: -node.level], *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def clock_reads(tree: ast.AST) -> list[str]:
    """Calls like ``datetime.now()`` or ``time.time()``: what a pure module must never do."""
    reads = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (owner_name, node.func.attr) in CLOCK_CALLS:
                reads.append(f"{owner_name}.{node.func.attr}() at line {node.lineno}")
    return reads


def violations(root: pathlib.Path = PACKAGE) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for part, banned in FORBIDDEN.items():
            if name != part and not name.startswith(part + "."):
                continue
            for imported in sorted(imports_of(tree, name)):
                if any(imported == b or imported.startswith(b + ".") for b in banned) and not (
                    part == "pressbot.extract" and imported.startswith("pressbot.extract")
                ):
                    problems.append(f"{name} imports {imported} (the {part} part must not)")
        if any(name == p or name.startswith(p + ".") for p in PURE):
            problems += [f"{name} reads the clock: {read}" for read in clock_reads(tree)]
    return problems


def test_the_package_keeps_the_direction_of_imports() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("extract/dates.py", "import scrapy\n", "pressbot.extract.dates imports scrapy"),
        ("extract/page.py", "def f():\n    from pressbot.crawl import run\n", "imports pressbot.crawl"),
        ("extract/meeting.py", "from ..crawl.state import State\n", "imports pressbot.crawl.state"),
        ("models.py", "from pressbot.extract import extract\n", "pressbot.models imports pressbot.extract"),
        ("link/events.py", "import datetime\nx = datetime.datetime.now()\n", "reads the clock"),
        ("crawl/run.py", "from pressbot.cli import main\n", "pressbot.crawl.run imports pressbot.cli"),
    ],
)
def test_a_deliberate_break_is_caught(tmp_path: pathlib.Path, module: str, source: str, expected: str) -> None:
    broken = tmp_path / "pressbot"
    broken.joinpath(module).parent.mkdir(parents=True, exist_ok=True)
    broken.joinpath(module).write_text(source)
    assert any(expected in problem for problem in violations(broken))


def test_no_module_is_over_500_lines() -> None:
    """Modules are split along their seams before they grow past what a reader holds at once (issue 13)."""
    sizes = {
        str(p.relative_to(PACKAGE)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 500} == {}
