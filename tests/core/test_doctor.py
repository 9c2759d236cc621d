"""Start-up doctor: one clear message (no traceback) when Qt, the display or the home cannot work."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cgt_desktop.cli import doctor

NO_LIB = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")


def _importer(error: BaseException | None):
    seen: list[str] = []

    def importer(name: str):
        seen.append(name)
        if error is not None:
            raise error
        return object()

    importer.seen = seen  # type: ignore[attr-defined]
    return importer


def test_the_doctor_module_does_not_import_qt():
    code = "import sys, cgt_desktop.cli.doctor, cgt_desktop.__main__; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_no_display_says_what_to_do():
    env = {"HOME": "/nowhere"}
    message = doctor.diagnose([], environ=env, importer=_importer(None))
    assert message == ("No display found: run cgt-desktop from a desktop session; for screenshots set "
                       "QT_QPA_PLATFORM=offscreen")
    for ok in ({"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}):
        assert doctor.check_display(ok, platform="linux") is None
    assert doctor.check_display({}, platform="win32") is None, "only Linux needs DISPLAY"


@pytest.mark.parametrize("argv", [["search", "car-t"], ["--home", "/x", "show", "person/qian-qijun"],
                                  ["notes", "list"], ["check"], ["--version"], ["--help"], ["backup"]])
def test_scripting_commands_are_not_blocked_by_the_display_or_qt(argv):
    importer = _importer(NO_LIB)
    assert doctor.diagnose(argv, environ={}, importer=importer) is None
    assert importer.seen == [], "no Qt import is even tried"


def test_a_missing_system_library_is_named_with_the_packages_to_install(home):
    message = doctor.diagnose([], environ={"DISPLAY": ":0"}, importer=_importer(NO_LIB))
    assert "libEGL.so.1" in message and "apt install libegl1 libxkbcommon0 libgl1 libfontconfig1" in message
    assert "\n" not in message


def test_screenshot_needs_qt_but_no_display():
    assert doctor.diagnose(["screenshot", "people", "-o", "x.png"], environ={}, importer=_importer(None)) is None
    message = doctor.diagnose(["screenshot", "people", "-o", "x.png"], environ={},
                              importer=_importer(ImportError("libxkbcommon.so.0: cannot open shared object")))
    assert "libxkbcommon.so.0" in message


def test_a_broken_qt_install_without_a_library_name_still_says_what_to_do():
    message = doctor.check_qt(_importer(ImportError("No module named 'PySide6'")))
    assert "Qt cannot start" in message and "reinstall" in message.lower()


def test_the_real_qt_import_works_here():
    assert doctor.check_qt() is None


def test_an_unwritable_home_names_the_folder_and_how_to_choose_another(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    message = doctor.diagnose(["--home", str(blocker / "home")], environ={"DISPLAY": ":0"},
                              importer=_importer(None))
    assert str(blocker) in message and "--home DIR" in message and "CGT_DESKTOP_HOME" in message
    monkeypatch.setenv("CGT_DESKTOP_HOME", str(blocker / "env-home"))
    assert "env-home" in doctor.diagnose([], environ={"DISPLAY": ":0"}, importer=_importer(None))


def test_a_read_only_home_is_reported(tmp_path, monkeypatch):
    """A home whose files cannot be created (simulated: root ignores chmod) is reported, not crashed on."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "home"))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    message = doctor.check_home(str(tmp_path / "home"))
    assert message.startswith(f"cannot write to your data folder {tmp_path / 'home'} (Permission denied)")


def test_a_usable_home_passes(tmp_path):
    assert doctor.check_home(str(tmp_path / "fresh")) is None
    assert (tmp_path / "fresh").is_dir() and list((tmp_path / "fresh").glob(".write-test-*")) == []


def test_main_prints_one_line_and_exits_non_zero_without_a_display(tmp_path, corpus_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CGT_DESKTOP_HOME"] = str(tmp_path / "home")
    run = subprocess.run([sys.executable, "-m", "cgt_desktop"], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr.startswith("cgt-desktop: No display found") and run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr
    search = subprocess.run([sys.executable, "-m", "cgt_desktop", "--corpus", str(corpus_dir), "search", "CAR-T"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert search.returncode == 0 and "technology/car-t" in search.stdout, "search runs without a display"


@pytest.mark.parametrize("argv, expected", [
    (["--corpus", "/data/c"], "/data/c"), (["--home", "h", "--corpus=/data/c"], "/data/c"),
    (["--home", "h"], None), (["--corpus"], None)])
def test_an_option_given_in_full_is_read_before_the_command_line_is_parsed(argv, expected):
    assert doctor.option_value(argv, "--corpus") == expected


@pytest.mark.parametrize("library, package", [("libxcb-icccm.so.4", "libxcb-icccm4"),
                                              ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
                                              ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
                                              ("libX11-xcb.so.1", "libx11-xcb1")])
def test_a_missing_library_is_named_by_its_debian_package(library, package):
    assert doctor.debian_package(library) == package


@pytest.mark.skipif(not sys.platform.startswith("linux") or doctor._xcb_plugin() is None,
                    reason="Qt's xcb plugin exists only on Linux")
def test_missing_xcb_libraries_are_all_named_before_qt_would_abort(tmp_path):
    calls = []

    def ldd(paths):
        calls.append(list(paths))
        return ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]

    message = doctor.check_xcb({"DISPLAY": ":0"}, str(tmp_path), missing_linked=ldd, find_library=lambda n: None)
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1, libxcb-cursor.so.0" in message
    assert "apt install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0" in message
    assert all(package in message for package in doctor.XCB_PACKAGES)
    assert calls and calls[0][0].endswith("libqxcb.so")
    assert doctor.check_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, str(tmp_path),
                            missing_linked=ldd) is None  # no X11 window: nothing to check
    found = doctor.check_xcb({"DISPLAY": ":0"}, str(tmp_path), missing_linked=lambda p: [],
                             find_library=lambda n: "libxcb-cursor.so.0")
    assert found is None
    calls.clear()
    assert doctor.check_xcb({"DISPLAY": ":0"}, str(tmp_path), missing_linked=ldd) is None  # marked: not again
    assert calls == []
