"""The core stays Qt-free and cheap to import."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import cgt_desktop.core

CORE = Path(cgt_desktop.core.__file__).parent
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "cgt_desktop.ui")


def test_core_sources_never_import_qt():
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {name}" for name in names if name.startswith(FORBIDDEN[:4])]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt_and_no_heavy_libraries():
    modules = [m.name for m in pkgutil.walk_packages([str(CORE)], prefix="cgt_desktop.core.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        # numpy is not listed: sqlite-utils imports it by itself whenever it is installed.
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {('PySide6', 'pyqtgraph', 'shiboken6', 'pypinyin', 'jieba')!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contract_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--config", str(Path(__file__).resolve().parents[2] / "pyproject.toml")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "KEPT" in out.stdout


SQL_HOMES = ("core/catalog/", "core/userdata/")
"""The only packages that run SQL: the catalog (the derived database) and the user's database."""
SQL_CALLS = {"execute", "executemany", "executescript", "query", "connect"}


def _sql_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in SQL_CALLS | {"conn", "_conn"}:
            if node.attr in SQL_CALLS and id(node) not in called:
                continue  # an attribute that happens to have the name (a list's ListQuery), not a call
            if node.attr == "connect" and not (isinstance(node.value, ast.Name) and node.value.id == "sqlite3"):
                continue  # a Qt signal's connect(), not sqlite3.connect()
            found.append(f"{node.attr} (line {node.lineno})")
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3":
            found.append(f"from sqlite3 import (line {node.lineno})")
    return found


def test_no_module_outside_the_catalog_and_the_user_store_runs_sql():
    package = CORE.parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if relative.startswith(SQL_HOMES):
            continue
        offenders += [f"{relative}: {use}" for use in _sql_uses(path)]
    assert offenders == []


def test_the_sql_check_finds_sql_where_it_is(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import sqlite3\nc = sqlite3.connect('x')\nstore.conn.execute('SELECT 1')\n"
                      "button.clicked.connect(f)\n", encoding="utf-8")
    assert _sql_uses(sample) == ["connect (line 2)", "execute (line 3)", "conn (line 3)"]


def _import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports, at the top or inside a function (a lazy import)."""
    src = CORE.parent.parent
    modules = {}
    for path in sorted(CORE.parent.rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def test_no_module_imports_another_that_imports_it_back_even_lazily():
    graph = _import_graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []
