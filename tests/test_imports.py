"""The modules of autograder/ depend on each other in one direction: their import graph has no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

from autograder.course import REPO

PACKAGE = REPO / "autograder"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(node: ast.ImportFrom, path: Path) -> str:
    """The absolute name of a relative ``from . import x`` / ``from .m import x`` in the module at ``path``."""
    package = _module(path).split(".") if path.name == "__init__.py" else _module(path).split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph() -> dict[str, set[str]]:
    """Every module of the package (sub-packages included) and the package modules it imports anywhere
    (inside functions too); a package's ``__init__`` is not counted as an edge."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    packages = {_module(p) for p in PACKAGE.rglob("__init__.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(node, path) if node.level else (node.module or "")
                # ``from autograder import manual`` imports the module autograder.manual
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            graph[name].update(t for t in targets if t in modules and t != name and t not in packages)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path (first node repeated at the end), or [] if there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_import_graph_sees_imports_inside_functions():
    graph = import_graph()
    assert "autograder.grade" in graph["autograder.parallel"]
    assert "autograder.manual" in graph["autograder.__main__"]  # imported inside main()


def test_autograder_import_graph_has_no_cycle():
    graph = import_graph()
    cycle = find_cycle(graph)
    assert not cycle, f"import cycle: {' -> '.join(cycle)}"


def test_grades_and_summary_do_not_import_the_grader():
    """The layers below the coordinator: grades and summary never reach back to parallel or the worker."""
    graph = import_graph()
    for low in ("autograder.grade", "autograder.summary", "autograder.collect", "autograder.course"):
        assert not graph[low] & {"autograder.parallel", "autograder.worker", "autograder.check"}, (low, graph[low])
