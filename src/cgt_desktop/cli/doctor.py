"""Start-up doctor: find out, before Qt is loaded, why the app could not start, and say what to do.

Runs first in :func:`cgt_desktop.__main__.main`. It imports no Qt at module
level: a missing system library would otherwise end the process with a
traceback before any message could be printed. Only the app itself (no
subcommand) and ``screenshot`` need Qt; only the app needs a display. Scripting
subcommands (``search``, ``show``, ``notes``, …) are never blocked here: they
report their own problems.

Each check returns one message for the user, or ``None`` when all is well.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
from typing import Callable, Mapping, Sequence

EXIT_CANNOT_START = 1
APT_HINT = "apt install libegl1 libxkbcommon0 libgl1 libfontconfig1"
#: What Qt's xcb platform plugin (an X11 window) needs besides that: linked, or opened at start (xcb-cursor).
XCB_PACKAGES = ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
                "libxcb-shape0", "libxcb-randr0", "libxcb-xfixes0", "libxcb-xkb1", "libxkbcommon-x11-0",
                "libx11-xcb1")
XCB_HINT = "apt install " + " ".join(XCB_PACKAGES)
_XCB_MARK = "xcb-ok"  # in the home's cache: this plugin's libraries were all found once (no ldd at every start)
_VALUE_OPTIONS = {"--home", "--corpus", "--lang"}
_NO_CHECK = {"-h", "--help", "--version", "--install-desktop-entry", "--uninstall-desktop-entry"}


def command_of(argv: Sequence[str]) -> str | None:
    """Return the subcommand named in *argv*, or ``None`` for the app itself."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg.startswith("-"):
            continue
        else:
            return arg
    return None


def check_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """On Linux, a window needs an X11 or Wayland display unless a Qt platform is chosen explicitly."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("No display found: run cgt-desktop from a desktop session; for screenshots set "
            "QT_QPA_PLATFORM=offscreen")


def missing_library(error: BaseException) -> str | None:
    """Return the shared library an ``ImportError`` names (``libEGL.so.1``), if any."""
    match = re.search(r"(lib[\w.+-]*?\.so(?:\.\d+)*)", str(error))
    if match:
        return match.group(1)
    match = re.search(r"([\w.+-]+\.(?:dll|dylib))", str(error))
    return match.group(1) if match else None


def check_qt(importer: Callable[[str], object] = importlib.import_module) -> str | None:
    """Try to load Qt's widgets; on failure name the missing system library and how to install it."""
    try:
        importer("PySide6.QtWidgets")
    except ImportError as exc:
        library = missing_library(exc)
        if library:
            return (f"Qt cannot start: the system library {library} is missing. Install the desktop "
                    f"libraries, e.g. `{APT_HINT}` (Debian/Ubuntu), then start cgt-desktop again.")
        return (f"Qt cannot start: {exc}. Reinstall cgt-desktop (pip install --force-reinstall cgt-desktop); "
                f"on Linux also install the desktop libraries, e.g. `{APT_HINT}`.")
    return None


def check_home(explicit: str | None = None) -> str | None:
    """The home must be a folder this user can write (create it if needed)."""
    from cgt_desktop.core.system.paths import HOME_ENV, Home, resolve_home

    try:
        root = resolve_home(explicit)
    except Exception as exc:  # noqa: BLE001 - no platform folder at all: say so
        return (f"cannot find a folder for your data ({exc}). Choose one with --home DIR or set "
                f"{HOME_ENV}=DIR.")
    advice = f"Choose another folder with --home DIR or set {HOME_ENV}=DIR."
    try:
        Home(root).ensure()
        with tempfile.NamedTemporaryFile(dir=root, prefix=".write-test-"):
            pass
    except OSError as exc:
        where = exc.filename or root
        reason = exc.strerror or str(exc)
        return f"cannot write to your data folder {where} ({reason}). {advice}"
    return None


def debian_package(library: str) -> str:
    """The Debian package that ships *library*, by Debian's naming rule (``libxcb-icccm.so.4`` → ``libxcb-icccm4``)."""
    match = re.match(r"(lib[\w.+-]+?)\.so\.(\d+)", library)
    if not match:
        return library
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _xcb_plugin() -> str | None:
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = os.path.join(list(spec.submodule_search_locations)[0], "Qt", "plugins", "platforms", "libqxcb.so")
    return plugin if os.path.isfile(plugin) else None


def _missing_linked(paths: Sequence[str]) -> list[str]:
    """Libraries ``ldd`` reports "not found" for any of *paths* (none if ldd is not there)."""
    import subprocess

    missing: list[str] = []
    for path in paths:
        try:
            out = subprocess.run(["ldd", path], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        missing += [line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line]
    return list(dict.fromkeys(missing))


def _xcb_wanted(env: Mapping[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland"
    return bool(env.get("DISPLAY")) and not wayland


def check_xcb(environ: Mapping[str, str] | None = None, home: str | None = None,
              missing_linked: Callable[[Sequence[str]], list[str]] = _missing_linked,
              find_library: Callable[[str], str | None] | None = None) -> str | None:
    """On X11, name every library Qt's xcb plugin needs that is missing (Qt itself would abort, misleadingly).

    The plugin's linked libraries come from ``ldd``; ``libxcb-cursor`` is opened at run time, so it is
    looked up on its own. Once everything is found, a mark in the home's cache (naming the plugin's
    path, size and time) skips the check on later starts.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or not _xcb_wanted(env):
        return None
    plugin = _xcb_plugin()
    if plugin is None:
        return None
    st = os.stat(plugin)
    stamp = f"{plugin}\0{st.st_size}\0{st.st_mtime_ns}"
    mark = None
    try:
        from cgt_desktop.core.system.paths import resolve_home

        mark = os.path.join(resolve_home(home), "cache", _XCB_MARK)
        with open(mark, encoding="utf-8", errors="replace") as handle:
            if handle.read() == stamp:
                return None
    except (OSError, RuntimeError):
        pass
    qpa = os.path.join(os.path.dirname(plugin), os.pardir, os.pardir, "lib", "libQt6XcbQpa.so.6")
    missing = missing_linked([plugin, *([os.path.normpath(qpa)] if os.path.exists(qpa) else [])])
    if find_library is None:
        from ctypes.util import find_library
    if find_library("xcb-cursor") is None:
        missing.append("libxcb-cursor.so.0")
    if missing:
        packages = " ".join(dict.fromkeys(debian_package(lib) for lib in missing))
        return (f"Qt cannot open a window: the system libraries {', '.join(missing)} are missing. Install them "
                f"(Debian/Ubuntu: `apt install {packages}`; everything Qt's X11 support needs: `{XCB_HINT}`), "
                "then start cgt-desktop again.")
    if mark is not None:
        try:
            os.makedirs(os.path.dirname(mark), exist_ok=True)
            with open(mark, "w", encoding="utf-8") as handle:
                handle.write(stamp)
        except OSError:
            pass  # no mark: the check runs again next time
    return None


def diagnose(argv: Sequence[str], environ: Mapping[str, str] | None = None,
             importer: Callable[[str], object] = importlib.import_module) -> str | None:
    """Return the one message that says why *argv* cannot start, or ``None``."""
    if any(arg in _NO_CHECK for arg in argv):
        return None
    command = command_of(argv)
    if command not in (None, "screenshot"):
        return None  # scripting subcommands need neither Qt nor a display
    if command is None:
        problem = check_display(environ)
        if problem:
            return problem
    problem = check_qt(importer)
    if problem or command is not None:
        return problem
    return check_home(_home_option(argv)) or check_xcb(environ, _home_option(argv))


def option_value(argv: Sequence[str], name: str) -> str | None:
    """Return the value of option *name* (``--home DIR`` or ``--home=DIR``) in *argv*, if given in full."""
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _home_option(argv: Sequence[str]) -> str | None:
    return option_value(argv, "--home")


def preflight(argv: Sequence[str]) -> int | None:
    """Print the doctor's message to stderr and return an exit status, or ``None`` to go on."""
    problem = diagnose(argv)
    if problem is None:
        return None
    print(f"cgt-desktop: {problem}", file=sys.stderr)
    return EXIT_CANNOT_START


__all__ = ["check_display", "check_home", "check_qt", "check_xcb", "debian_package", "command_of", "diagnose", "option_value", "preflight"]
