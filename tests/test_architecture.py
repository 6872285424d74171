"""The code's shape: modules import each other in one direction only, and files are read through one reader."""

from __future__ import annotations

import ast

from conftest import REPO

LINTER = REPO / "linter"


def module_name(path) -> str:
    parts = path.relative_to(LINTER).with_suffix("").parts
    parts = parts[:-1] if parts[-1] == "__init__" else parts
    return ".".join(("si_lint",) + parts)


def imports(path) -> set:
    """Every si_lint module a file imports, at the top or inside a function (a lazy import is still a dependency)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("si_lint"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("si_lint"))
    return found


def graph() -> dict:
    modules = {module_name(path): path for path in LINTER.rglob("*.py")}
    return {
        name: {target for target in imports(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def cycle(edges: dict):
    """One import cycle, as a list of modules, or None."""
    state: dict = {}
    for start in sorted(edges):
        stack = [(start, iter(sorted(edges[start])))]
        path = [start]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                return path[path.index(child) :] + [child]
            elif child not in state:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(sorted(edges[child]))))
    return None


def test_the_graph_sees_lazy_imports():
    # config.command imports console inside the package, views are imported by the reporters
    edges = graph()
    assert "si_lint.cli.shared" in edges["si_lint.cli.config"]
    assert "si_lint.report.views" in edges["si_lint.report"]


def test_no_import_cycle_among_the_linter_modules():
    assert cycle(graph()) is None


def test_the_cycle_finder_finds_one():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
