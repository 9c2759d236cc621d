"""Desktop integration on Linux: the menu entry, the icon in every usual size, the AppStream metainfo.

``cgt-desktop --install-desktop-entry`` writes them under ``$XDG_DATA_HOME`` (``~/.local/share``):
``applications/<id>.desktop`` (its ``Exec`` the command that started this copy: the standalone
app's own path, or the installed ``cgt-desktop`` script), ``icons/hicolor/<n>x<n>/apps/<id>.png``
for 16–512 px drawn from the SVG, ``icons/hicolor/scalable/apps/<id>.svg`` and
``metainfo/<id>.metainfo.xml``. ``--uninstall-desktop-entry`` removes exactly those files. Each file
is written whole or not at all.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from cgt_desktop.core.system.outputs import atomic_output
from cgt_desktop.core.system.paths import DESKTOP_ID, resources_dir

APP_ID = DESKTOP_ID
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def desktop_dir() -> Path:
    """The folder of the packaging files (``resources/desktop``)."""
    return resources_dir() / "desktop"


def icon_svg() -> Path:
    return resources_dir() / "icons" / "cgt-desktop.svg"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def launch_command() -> list[str]:
    """How a desktop launcher starts this copy (argv): the bundle's executable, else the ``cgt-desktop`` script."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).parent / "cgt-desktop"  # the script of the environment running now
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("cgt-desktop")
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "cgt_desktop"]


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_value(argv: list[str]) -> str:
    """*argv* as an ``Exec`` value (Desktop Entry Specification, "The Exec key").

    An argument with a reserved character (a space, a quote, ``$``…) is put in double quotes, in which
    the double quote, the backquote, the dollar sign and the backslash take a backslash before them;
    then, as in every string value, each backslash is doubled, and a literal percent sign is doubled.
    Shell quoting with single quotes is not understood there: a path with a space would break.
    """
    words = []
    for arg in argv:
        if any(ch in _RESERVED for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        words.append(arg.replace("\\", "\\\\").replace("%", "%%"))
    return " ".join(words)


def entry_text(argv: list[str]) -> str:
    """The ``.desktop`` file with *argv* as what it runs (no ``%F``: the app takes no files as arguments)."""
    lines = []
    for line in (desktop_dir() / f"{APP_ID}.desktop").read_text("utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value(argv)}"
        elif line.startswith("TryExec="):
            line = "TryExec=" + argv[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets(base: Path) -> dict[str, Path]:
    """Where each file goes under the data home *base*."""
    icons = base / "icons" / "hicolor"
    out = {"desktop": base / "applications" / f"{APP_ID}.desktop",
           "metainfo": base / "metainfo" / f"{APP_ID}.metainfo.xml",
           "svg": icons / "scalable" / "apps" / f"{APP_ID}.svg"}
    for size in ICON_SIZES:
        out[f"png{size}"] = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return out


def _render_png(size: int, path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(icon_svg()))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    with atomic_output(path) as tmp:
        if not image.save(str(tmp), "PNG"):
            raise OSError(f"cannot write {path}")


def install(base: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry, the icons and the metainfo under *base*; return the files written."""
    from PySide6.QtGui import QGuiApplication

    base = base or data_home()
    app = QGuiApplication.instance() or QGuiApplication(["cgt-desktop"])  # QSvgRenderer needs one
    del app
    written = []
    for key, path in targets(base).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if key == "desktop":
            with atomic_output(path) as tmp:
                tmp.write_text(entry_text(command or launch_command()), "utf-8")
        elif key == "metainfo":
            with atomic_output(path) as tmp:
                shutil.copyfile(desktop_dir() / f"{APP_ID}.metainfo.xml", tmp)
        elif key == "svg":
            with atomic_output(path) as tmp:
                shutil.copyfile(icon_svg(), tmp)
        else:
            _render_png(int(key[3:]), path)
        written.append(path)
    return written


def uninstall(base: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote; return the files removed."""
    removed = []
    for path in targets(base or data_home()).values():
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
