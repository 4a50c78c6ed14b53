"""Dependencies run one way: no two modules of ``loader/`` import each other, directly or round
a loop, whether the import stands at module level or inside a function.

The import graph is read from the source with ``ast`` (nothing is imported). A package's
``__init__`` re-exporting its submodules is not counted as a loop with them: Python runs it
before any submodule anyway, and a submodule that imported a name *defined* in its package's
``__init__`` would show up as an edge to the package, and so in a loop.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "loader"


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """``{module: the package's modules it imports}``."""
    modules = {_module_name(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(here[:len(here) - node.level + 1] + [node.module or ""]) if node.level \
                    else node.module or ""
                base = base.strip(".")
                submodules = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
                targets = submodules + ([base] if len(submodules) < len(node.names) else [])
            else:
                continue
            for target in targets:
                while target and target not in modules:  # "loader.x.func" -> "loader.x"
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_check_finds_a_loop_through_a_function_level_import():
    graph = {"loader.a": {"loader.b"}, "loader.b": {"loader.c"}, "loader.c": {"loader.a"}, "loader.d": {"loader.a"}}
    assert cycles(graph) == [["loader.a", "loader.b", "loader.c"]]


def test_the_graph_holds_imports_inside_functions():
    graph = import_graph()
    assert "loader.neo4j_local" in graph["loader.browser"]  # local_browser_url's import
    assert "loader.names" in graph["loader.extract.gazetteer"]
    assert "loader.names" in graph["loader.extract.relations.arguments"]  # from ...names import


def test_no_import_cycle_in_loader():
    assert cycles(import_graph()) == []
