"""Regenerate ``cgt_desktop_zh_CN.ts`` from the UI sources and compile it to ``.qm``.

Run from the repository root::

    /tmp/venv/bin/python resources/i18n/update_translations.py

It collects every ``self.tr("…")`` (context: the enclosing class),
``QCoreApplication.translate("Context", "…")`` and ``_t("…")`` (context: the
one ``_t`` of that module passes to ``translate``) in ``src/cgt_desktop/ui``,
keeps the Chinese translations already in the ``.ts`` file, adds the ones in
``zh_CN.json`` (source text -> translation, for strings not yet translated),
marks the rest ``unfinished``, writes the ``.ts`` and runs ``pyside6-lrelease``.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
UI = ROOT / "src" / "cgt_desktop" / "ui"
TS = HERE / "cgt_desktop_zh_CN.ts"
QM = HERE / "cgt_desktop_zh_CN.qm"
EXTRA = HERE / "zh_CN.json"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _t_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" and call.args:
                    return _literal(call.args[0])
    return None


def collect() -> dict[str, list[tuple[str, str, int]]]:
    found: dict[str, list[tuple[str, str, int]]] = {}

    def add(context: str, text: str, path: Path, line: int) -> None:
        entries = found.setdefault(context, [])
        if all(t != text for t, _, _ in entries):
            entries.append((text, str(path.relative_to(ROOT)), line))

    for path in sorted(UI.rglob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        t_context = _t_context(tree)

        def visit(node: ast.AST, cls: str | None) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, child.name)
                    continue
                if isinstance(child, ast.Call):
                    func = child.func
                    args = child.args
                    if isinstance(func, ast.Attribute) and func.attr == "tr" and cls and args:
                        text = _literal(args[0])
                        if text:
                            add(cls, text, path, child.lineno)
                    elif isinstance(func, ast.Attribute) and func.attr == "translate" and len(args) >= 2:
                        context, text = _literal(args[0]), _literal(args[1])
                        if context and text:
                            add(context, text, path, child.lineno)
                    elif isinstance(func, ast.Name) and func.id == "_t" and t_context and args:
                        text = _literal(args[0])
                        if text:
                            add(t_context, text, path, child.lineno)
                visit(child, cls)

        visit(tree, None)
    return found


def existing() -> dict[tuple[str, str], str]:
    if not TS.is_file():
        return {}
    known = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.text and tr.get("type") != "unfinished":
                known[(name, message.findtext("source") or "")] = tr.text
    return known


def main() -> int:
    known = existing()
    extra = json.loads(EXTRA.read_text(encoding="utf-8")) if EXTRA.is_file() else {}
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    missing = 0
    for context, entries in sorted(collect().items()):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for text, path, line in entries:
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "location", filename=path, line=str(line))
            ET.SubElement(message, "source").text = text
            translation = extra.get(f"{context}|{text}") or extra.get(text) or known.get((context, text))
            tr = ET.SubElement(message, "translation")
            if translation:
                tr.text = translation
            else:
                tr.set("type", "unfinished")
                missing += 1
    ET.indent(root)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(TS), "-qm", str(QM)], check=True)
    print(f"{TS.name}: {missing} unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
