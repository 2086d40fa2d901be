"""The app's modules import each other in one direction, at the top of the file.

An import inside a function hides a circle or a slow dependency; each one kept says why
on its own line (a comment on the import). The modules' top-level imports form no circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1]
PACKAGE = APP.name


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP.parent).with_suffix("").parts
        if "tests" in parts or "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def function_local_imports(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text().splitlines()
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append((inner.lineno, lines[inner.lineno - 1]))
    return found


def top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of the app that `name` imports when it is loaded (not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            # `from package import module` depends on the module; `from module import name` on the module.
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name}
    return found


def test_every_function_local_import_says_why():
    silent = [
        f"{path.relative_to(APP.parent)}:{lineno}: {line.strip()}"
        for path in modules().values()
        for lineno, line in function_local_imports(path)
        if "#" not in line
    ]
    assert not silent, "import at the top, or say why on the line:\n" + "\n".join(silent)


def circles(graph: dict[str, set[str]]) -> list[str]:
    """Every circle a depth-first walk of the import graph meets, as "a → b → a"."""
    found: list[str] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append(" → ".join([*stack[stack.index(nxt):], nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_no_import_circle():
    known = modules()
    graph = {name: top_level_imports(name, path, set(known)) for name, path in known.items()}
    assert not circles(graph), "\n".join(circles(graph))


def test_the_checks_see_a_circle_and_a_silent_import(tmp_path):
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a → b → c → a"]
    assert circles({"a": {"b"}, "b": set()}) == []
    module = tmp_path / "m.py"
    module.write_text("def f():\n    import json\n    import os  # needed late\n")
    assert [line.strip() for _, line in function_local_imports(module)] == ["import json", "import os  # needed late"]
