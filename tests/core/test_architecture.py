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
