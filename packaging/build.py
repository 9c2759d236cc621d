"""Build the standalone cgt-desktop (one folder, PyInstaller) and check that it works.

    python3 packaging/build.py            # build into dist/cgt-desktop/, then run the smoke test
    python3 packaging/build.py --smoke    # only the smoke test of an existing build

The build runs in its own virtual environment (``build/bundle-venv``: the app installed from this
checkout, plus PyInstaller), so it is the same on any machine. The smoke test starts the bundle on
a new, empty home with no Python beside it: it must build its reference database, render a window
with Chinese to PNG and write a PDF dossier. Exit status 0 only if all of that worked.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / "build" / "bundle-venv"
DIST = ROOT / "dist"
BUNDLE = DIST / "cgt-desktop"
PYINSTALLER = "pyinstaller>=6.10,<7"


SMOKE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>细胞治疗产业园开园</title></head>
<body><nav>首页 | 新闻</nav><article><h1>细胞治疗产业园开园</h1>
<p>2024年5月，上海张江的细胞治疗产业园正式开园。园区将吸引更多细胞治疗企业落户。</p>
<p>多家企业表示，将在园区开展CAR-T疗法的临床研究。</p></article><footer>版权所有</footer></body></html>
"""
SMOKE_TRANSLATION = ("Cell therapy industrial park opens\n\nIn May 2024, the cell therapy industrial park in Zhangjiang, "
                     "Shanghai, officially opened. The park will attract more cell therapy companies.\n\nSeveral "
                     "companies said they would carry out clinical research on CAR-T therapies in the park.\n")


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in command), flush=True)
    return subprocess.run(command, check=True, **kwargs)


def build() -> Path:
    """Install the app and PyInstaller in the build venv and run the spec; return the bundle folder."""
    if not (VENV / "bin" / "python").exists():
        venv.create(VENV, with_pip=True)
    python = str(VENV / "bin" / "python")
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
    _run([python, "-m", "pip", "install", "--quiet", str(ROOT), PYINSTALLER], env=env)
    shutil.rmtree(BUNDLE, ignore_errors=True)
    _run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
          "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
          str(ROOT / "packaging" / "cgt-desktop.spec")], env=env, cwd=ROOT)
    prune_unused_libraries(BUNDLE)
    strip_debug_info(BUNDLE)
    return BUNDLE


#: Libraries loaded with dlopen, never named as NEEDED: the bootloader's libpython, and what Qt opens
#: when it needs it (D-Bus, OpenGL, EGL, Vulkan).
DLOPENED = ("libpython", "libdbus-1", "libGL", "libEGL", "libOpenGL", "libvulkan")


def _needed(path: Path, readelf: str) -> set[str]:
    out = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line}


def prune_unused_libraries(bundle: Path) -> list[str]:
    """Remove the system libraries that no remaining file of the bundle needs (those of the plugins
    the spec leaves out, such as GTK's for the GTK theme). A library is kept if the executable, an
    extension module, a Qt library or plugin, or a kept library names it (``readelf -d``)."""
    readelf = shutil.which("readelf")
    internal = bundle / "_internal"
    if readelf is None or not internal.is_dir():
        return []
    candidates = {p.name: p for p in internal.glob("lib*.so*") if p.is_file() and not p.is_symlink()}
    needed: set[str] = _needed(bundle / "cgt-desktop", readelf)
    for path in internal.rglob("*.so*"):
        if path.is_file() and path.name not in candidates:
            needed |= _needed(path, readelf)
    kept: set[str] = set()
    needed |= {name for name in candidates if name.startswith(DLOPENED)}
    while True:
        new = {name for name in candidates if name in needed and name not in kept}
        if not new:
            break
        kept |= new
        for name in new:
            needed |= _needed(candidates[name], readelf)
    removed = sorted(set(candidates) - kept)
    for name in removed:
        candidates[name].unlink()
    print(f"pruned {len(removed)} unused libraries: {', '.join(removed)}", flush=True)
    return removed


def strip_debug_info(bundle: Path) -> int:
    """Remove the debug sections of the bundle's shared libraries (libpython and the extension modules
    of this Python carry ~35 MB of them); NumPy's own libraries are left as they come (stripping its
    OpenBLAS breaks it). Return the bytes saved; without ``strip`` (binutils), nothing is done."""
    tool = shutil.which("strip")
    if tool is None:
        print("note: no 'strip' here (binutils): the bundle keeps its debug sections", file=sys.stderr)
        return 0
    before = size_mb(bundle)
    for path in bundle.rglob("*.so*"):
        if path.is_file() and not path.is_symlink() and ".libs" not in path.parent.name:
            subprocess.run([tool, "--strip-debug", str(path)], check=False, capture_output=True)
    saved = before - size_mb(bundle)
    print(f"stripped debug sections: {saved:.0f} MB", flush=True)
    return int(saved * 1e6)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def smoke(bundle: Path = BUNDLE) -> None:
    """Run the bundle as a new user would, with nothing of this checkout or its Python in reach."""
    exe = bundle / "cgt-desktop"
    if not exe.is_file():
        raise SystemExit(f"no bundle at {bundle}: build it first (python3 packaging/build.py)")
    with tempfile.TemporaryDirectory(prefix="cgt-bundle-smoke-") as scratch:
        scratch_path = Path(scratch)
        env = {"PATH": "/usr/bin:/bin", "HOME": str(scratch_path), "QT_QPA_PLATFORM": "offscreen",
               "CGT_DESKTOP_HOME": str(scratch_path / "home"), "LANG": "C.UTF-8"}
        shot, pdf = scratch_path / "people-zh.png", scratch_path / "dossier.pdf"
        started = time.perf_counter()
        _run([str(exe), "--version"], env=env, cwd=scratch)
        _run([str(exe), "screenshot", "people", "--lang", "zh", "-o", str(shot)], env=env, cwd=scratch)
        _run([str(exe), "export-pdf", "person/qian-qijun", "organization/zhangjiang-summit-cell-therapy",
              "--from", "2019", "--to", "2021", "-o", str(pdf)], env=env, cwd=scratch)
        _run([str(exe), "search", "张江", "--json"], env=env, cwd=scratch, stdout=subprocess.DEVNULL)
        _run([str(exe), "screenshot", "timeline", "-o", str(scratch_path / "timeline.png")], env=env, cwd=scratch)
        _run([str(exe), "screenshot", "reader:document/003_f3128c6eecc96df2", "-o", str(scratch_path / "reader.png")],
             env=env, cwd=scratch)
        page, translation = scratch_path / "article.html", scratch_path / "article-en.txt"
        page.write_text(SMOKE_PAGE, "utf-8")
        translation.write_text(SMOKE_TRANSLATION, "utf-8")
        _run([str(exe), "import", str(page), "--translation", str(translation), "--date", "2024-05"],
             env=env, cwd=scratch)  # HTML extraction, segmentation and alignment, all inside the bundle
        if shot.stat().st_size < 50_000:
            raise SystemExit(f"the screenshot is too small to hold a rendered window ({shot.stat().st_size} bytes)")
        head = pdf.read_bytes()[:5]
        if head != b"%PDF-":
            raise SystemExit("the dossier is not a PDF")
        _check_chinese(pdf)
        print(f"smoke test passed in {time.perf_counter() - started:.1f} s: screenshot {shot.stat().st_size} bytes, "
              f"PDF {pdf.stat().st_size} bytes")


def _check_chinese(pdf: Path) -> None:
    """The dossier's text has the Chinese name (the bundled font was found and embedded)."""
    try:
        from pypdf import PdfReader
    except ImportError:  # run from a Python without the app's dependencies: the build venv has them
        code = ("import sys; from pypdf import PdfReader; "
                "t=''.join(''.join(p.extract_text().split()) for p in PdfReader(sys.argv[1]).pages); "
                "sys.exit(0 if '钱其军' in t else 1)")
        if subprocess.run([str(VENV / "bin" / "python"), "-c", code, str(pdf)]).returncode:
            raise SystemExit("the dossier's text has no Chinese: the bundled CJK font is missing") from None
        return
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    if "钱其军" not in text:
        raise SystemExit("the dossier's text has no Chinese: the bundled CJK font is missing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="only run the smoke test of dist/cgt-desktop")
    args = parser.parse_args()
    if sys.platform != "linux":
        print("note: this script is tested on Linux; on macOS and Windows PyInstaller builds for that system",
              file=sys.stderr)
    if not args.smoke:
        started = time.perf_counter()
        build()
        print(f"built {BUNDLE} in {time.perf_counter() - started:.0f} s: {size_mb(BUNDLE):.0f} MB", flush=True)
    smoke()
    return 0


if __name__ == "__main__":
    sys.exit(main())
