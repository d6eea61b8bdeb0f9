"""The shape of kpi/: no import cycle, imports at the top, and pages that only draw.

The import graph is read from the source (every `import` and `from … import`, at any
depth), so an import hidden inside a function cannot hide a cycle either.
"""

from __future__ import annotations

import ast
import re

from .conftest import ROOT

# Where an import inside a function is the design: the command line loads, per command, only
# what that command needs, so that `cockpit --help` or `cockpit imports` start fast.
# The same for an import: only a workbook loads pandas (a third of a second of a CSV
# import's start-up).
LAZY_BY_DESIGN = {"kpi.cli", "kpi.ingest.sources"}


def _modules() -> dict[str, ast.Module]:
    modules = {}
    for path in sorted((ROOT / "kpi").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = ast.parse(path.read_text(encoding="utf-8"))
    return modules


def _imported(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        return [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return []


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {name: set() for name in modules}
    for name, tree in modules.items():
        for node in ast.walk(tree):
            for target in _imported(node):
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_kpi_has_no_import_cycle():
    graph = import_graph()
    assert len(graph) > 50 and "kpi.metrics.registry" in graph["kpi.metrics.compile"]
    assert cycles(graph) == []


def test_kpi_imports_at_the_top():
    inside = []
    for name, tree in _modules().items():
        if name in LAZY_BY_DESIGN:
            continue
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                inside += [f"{name}:{node.lineno}" for node in ast.walk(function)
                           if isinstance(node, ast.Import | ast.ImportFrom)]
    assert inside == []


def test_kpi_never_imports_streamlit():
    for name, tree in _modules().items():
        for node in ast.walk(tree):
            assert not any(t.split(".")[0] == "streamlit" for t in _imported(node)), name


def test_pages_hold_no_sql():
    for page in sorted((ROOT / "app_pages").glob("*.py")):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\bSELECT\b", text), page.name
