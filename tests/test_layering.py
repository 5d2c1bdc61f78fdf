"""The packages of generator/ stack in layers, and imports only run downward.

From the bottom: the base modules (``generator/{diagnostics,naming,notice,
self_check,processes,resources,caches}.py`` and the package's own ``__init__``),
then ``spec``, ``model``, ``targets``, ``output``, ``pipeline`` and ``cli``;
``__main__`` sits on top.
``importers`` stand beside that stack: they read only ``spec`` and the base, and
only ``cli`` runs them. Inside ``importers``, ``common`` knows no single importer.

Every module is parsed with ``ast`` (nothing is imported), so the test sees
imports inside functions and under ``TYPE_CHECKING`` too: those couple modules
just as much, even where they do not run at import time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import paths

GENERATOR = paths.REPO / "generator"

BASE_MODULES = {
    "diagnostics",
    "naming",
    "notice",
    "resources",
    "caches",
    "self_check",
    "processes",
}
# Which layers each layer may import; a layer may always import itself.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "spec": {"base"},
    "importers": {"base", "spec"},
    "model": {"base", "spec"},
    # diff compares two specs through their models; only the cli runs it.
    "diff": {"base", "spec", "model"},
    "targets": {"base", "spec", "model"},
    "output": {"base", "spec", "model", "targets"},
    "pipeline": {"base", "spec", "model", "targets", "output"},
    "cli": {
        "base",
        "spec",
        "importers",
        "model",
        "diff",
        "targets",
        "output",
        "pipeline",
    },
    "__main__": {"cli"},
}


def module_files() -> dict[str, Path]:
    """Every module of generator/ by dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def imported_modules(name: str, path: Path) -> set[str]:
    """The generator modules that ``name`` imports, relative imports resolved.

    ``from generator.x import y`` counts as importing ``generator.x.y`` when y is
    a module, else as importing ``generator.x``.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    return {module for module in found if module.partition(".")[0] == "generator"}


def layer(module: str) -> str:
    """The layer a generator module belongs to."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in BASE_MODULES:
        return "base"
    if parts[1] not in ALLOWED:
        raise AssertionError(
            f"{module}: no layer; add {parts[1]!r} to ALLOWED in {Path(__file__).name}"
        )
    return parts[1]


def import_edges() -> Iterator[tuple[str, str]]:
    """Every (importer, imported) pair between generator modules."""
    for name, path in MODULES.items():
        for imported in sorted(imported_modules(name, path)):
            if imported != name:
                yield name, imported


EDGES = sorted(set(import_edges()))


def breaks_a_rule(importer: str, imported: str) -> bool:
    """Whether importing ``imported`` from ``importer`` runs against the layers."""
    source, target = layer(importer), layer(imported)
    if target != source and target not in ALLOWED[source]:
        return True
    common_uses_markdown = importer.startswith(
        "generator.importers.common"
    ) and imported.startswith("generator.importers.markdown")
    return common_uses_markdown


def upward_imports() -> list[tuple[str, str]]:
    """The imports that run against the layers."""
    return [(a, b) for a, b in EDGES if breaks_a_rule(a, b)]


def test_the_scan_sees_the_imports_it_must_judge() -> None:
    # Guards the scanner itself: were it to find nothing, every rule would pass.
    assert ("generator.__main__", "generator.cli") in EDGES
    assert ("generator.pipeline", "generator.spec.validate") in EDGES
    assert len(MODULES) > 60


def test_no_import_runs_upward_through_the_layers() -> None:
    wrong = list(upward_imports())
    assert wrong == [], "\n".join(
        f"{a} ({layer(a)}) imports {b} ({layer(b)})" for a, b in wrong
    )


def test_only_main_imports_the_cli() -> None:
    outside = [
        (a, b)
        for a, b in EDGES
        if layer(b) == "cli" and layer(a) != "cli" and a != "generator.__main__"
    ]
    assert outside == []


def strongly_connected(edges: list[tuple[str, str]]) -> list[list[str]]:
    """Tarjan's algorithm: the groups of modules that reach each other."""
    graph: dict[str, list[str]] = {}
    for a, b in edges:
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph[node]:
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles_between_modules() -> None:
    cycles = [group for group in strongly_connected(EDGES) if len(group) > 1]
    assert cycles == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([("a", "b"), ("b", "c")], []),
        ([("a", "b"), ("b", "a")], [["a", "b"]]),
        ([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")], [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(
    edges: list[tuple[str, str]], expected: list[list[str]]
) -> None:
    assert [g for g in strongly_connected(edges) if len(g) > 1] == expected


@pytest.mark.parametrize(
    ("importer", "imported", "wrong"),
    [
        ("generator.targets.docs.site", "generator.model.api", False),
        ("generator.model.api", "generator.targets.python.layout", True),
        ("generator.spec.load", "generator.cli.report", True),
        ("generator.importers.markdown.draft", "generator.spec.validate", False),
        ("generator.importers.markdown.draft", "generator.model.api", True),
        ("generator.pipeline", "generator.importers.markdown.pipeline", True),
        ("generator.importers.common.emit", "generator.importers.markdown.draft", True),
        (
            "generator.importers.markdown.draft",
            "generator.importers.common.names",
            False,
        ),
        ("generator.spec.load", "generator.diagnostics", False),
    ],
)
def test_the_rules_judge_single_imports(
    importer: str, imported: str, wrong: bool
) -> None:
    assert breaks_a_rule(importer, imported) is wrong
