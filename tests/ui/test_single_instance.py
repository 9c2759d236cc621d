"""Two instances: a second start on the same home brings the first window forward and exits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

from PySide6.QtCore import QDir

from cgt_desktop.cli import build_parser
from cgt_desktop.ui.single_instance import SingleInstance, server_name


def test_server_name_depends_on_the_resolved_home(tmp_path):
    (tmp_path / "a").mkdir()
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert "/" not in server_name(tmp_path / "a")


def test_second_instance_asks_the_first_to_come_forward(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "home")
    assert not first.notify_running(), "nobody is running yet"
    assert first.listen()
    try:
        second = SingleInstance(tmp_path / "home")
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.notify_running()
        other_home = SingleInstance(tmp_path / "other-home")
        assert not other_home.notify_running(), "another home is another instance"
    finally:
        first.close()
    assert not SingleInstance(tmp_path / "home").notify_running(), "closing frees the home"


def test_a_stale_server_name_from_a_crashed_instance_is_reclaimed(qtbot, tmp_path):
    instance = SingleInstance(tmp_path / "home")
    stale = os.path.join(QDir.tempPath(), instance.name)  # where QLocalServer puts a plain name on Unix
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(stale)  # a socket file nobody listens on, as a SIGKILLed app leaves it
    leftover.close()
    assert os.path.exists(stale)
    try:
        assert not instance.notify_running()
        assert instance.listen(), "the leftover name is removed and taken over"
        with qtbot.waitSignal(instance.activation_requested, timeout=5000):
            assert SingleInstance(tmp_path / "home").notify_running()
    finally:
        instance.close()


def test_run_app_raises_the_window_when_started_again(qtbot, qapp, tmp_path, corpus_dir, monkeypatch):
    """The first start runs the app; a real second process on the same home exits 0 with one line."""
    from PySide6.QtWidgets import QApplication

    from cgt_desktop.ui import app as app_module
    from cgt_desktop.ui.main_window import MainWindow

    home = tmp_path / "home"
    outcome: dict[str, object] = {}

    def fake_exec(application):
        """Stand-in for the event loop: start a second cgt-desktop and wait for its call."""
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        window.showMinimized()
        qtbot.waitUntil(window.isMinimized, timeout=2000)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CGT_DESKTOP_HOME": str(home)}
        started = time.monotonic()
        second = subprocess.Popen([sys.executable, "-m", "cgt_desktop", "--corpus", str(corpus_dir)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
        finally:
            if second.poll() is None:
                second.kill()
        outcome["code"] = second.returncode
        outcome["out"], outcome["err"] = second.communicate()
        outcome["seconds"] = time.monotonic() - started
        qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
        outcome["raised"] = window.isVisible() and not window.isMinimized()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = build_parser().parse_args(["--home", str(home), "--corpus", str(corpus_dir)])
    assert app_module.run_app(args) == 0
    assert outcome["code"] == 0, outcome["err"]
    assert outcome["out"].strip().count("\n") == 0 and "already running" in outcome["out"]
    assert outcome["raised"], "the running window came forward"
    assert not SingleInstance(home).notify_running(), "the first instance released the home on quit"
