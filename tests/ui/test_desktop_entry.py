"""Desktop integration on Linux: the .desktop file, the icons, the AppStream metainfo and their install."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from cgt_desktop.cli.main import main
from cgt_desktop.ui.common import desktop_entry


def _validator(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed here (Debian: {'appstream' if name == 'appstreamcli' else 'desktop-file-utils'})")
    return found


def _desktop_keys(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _exec_argv(value: str) -> list[str]:
    """Read an Exec value as a launcher does (Desktop Entry Specification): string escapes, then quoting."""
    text = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    argv, word, quoted, i = [], "", False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\":
            word, i = word + text[i + 1], i + 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            argv, word = argv + [word] if word else argv, ""
        elif ch == "%":
            assert text[i + 1] == "%", f"field code %{text[i + 1]} in {value!r}"
            word, i = word + "%", i + 1
        else:
            word += ch
        i += 1
    return argv + [word] if word else argv


def test_the_shipped_entry_and_metainfo_name_the_same_app_and_version():
    """What the validators do not check, checked everywhere: one id, the command, the icon, the release."""
    import xml.etree.ElementTree as ET

    from cgt_desktop import __version__

    keys = _desktop_keys((desktop_entry.desktop_dir() / f"{desktop_entry.APP_ID}.desktop").read_text("utf-8"))
    assert keys["Type"] == "Application" and keys["Icon"] == desktop_entry.APP_ID
    assert _exec_argv(keys["Exec"]) == ["cgt-desktop"], "the script pyproject installs, and no %F: no file arguments"
    assert "细胞" in keys["GenericName[zh_CN]"] and "细胞" in keys["Comment[zh_CN]"]
    root = ET.parse(desktop_entry.desktop_dir() / f"{desktop_entry.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == desktop_entry.APP_ID
    assert root.findtext("launchable") == f"{desktop_entry.APP_ID}.desktop"
    assert root.find("provides/binary").text == "cgt-desktop"
    newest = root.find("releases/release")
    assert newest.get("version") == __version__ and newest.find("description/p").text


@pytest.mark.parametrize("program", ["/opt/cgt desktop/cgt-desktop", "/home/li/it's $HOME/cgt-desktop",
                                     '/tmp/a"b\\c`d/100%/cgt-desktop'])
def test_an_install_path_with_spaces_quotes_or_signs_still_launches(program):
    keys = _desktop_keys(desktop_entry.entry_text([program, "-m", "x y"]))
    assert _exec_argv(keys["Exec"]) == [program, "-m", "x y"]
    assert keys["TryExec"].replace("\\\\", "\\") == program


def test_the_desktop_file_validates():
    tool = _validator("desktop-file-validate")
    result = subprocess.run([tool, str(desktop_entry.desktop_dir() / f"{desktop_entry.APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_the_metainfo_validates_and_has_release_notes():
    tool = _validator("appstreamcli")
    path = desktop_entry.desktop_dir() / f"{desktop_entry.APP_ID}.metainfo.xml"
    result = subprocess.run([tool, "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = path.read_text("utf-8")
    from cgt_desktop import __version__

    assert f'<release version="{__version__}"' in text and "<description>" in text.split("<releases>")[1]


def test_install_writes_the_entry_icons_and_metainfo_and_uninstall_removes_them(qapp, tmp_path, monkeypatch,
                                                                                  capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["--install-desktop-entry"]) == 0
    base = tmp_path / "share"
    entry = base / "applications" / f"{desktop_entry.APP_ID}.desktop"
    text = entry.read_text("utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "cgt-desktop" in exec_line or "cgt_desktop" in exec_line
    for size in desktop_entry.ICON_SIZES:
        image = QImage(str(base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{desktop_entry.APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size) and not image.isNull()
        assert image.pixelColor(size // 2, size // 2).alpha() == 255, "the icon is drawn, not blank"
    assert (base / "icons" / "hicolor" / "scalable" / "apps" / f"{desktop_entry.APP_ID}.svg").is_file()
    assert (base / "metainfo" / f"{desktop_entry.APP_ID}.metainfo.xml").is_file()
    assert "11 files" in capsys.readouterr().out
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], capture_output=True).returncode == 0
    assert main(["--uninstall-desktop-entry"]) == 0
    assert not any(p.is_file() for p in base.rglob("*"))


def test_the_app_names_its_desktop_entry_for_wayland(qapp):
    from cgt_desktop.ui.shell.app import _application

    assert _application().desktopFileName() == desktop_entry.APP_ID
