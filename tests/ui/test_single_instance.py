"""Two instances: a second start on the same home brings the first window forward and exits."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

from PySide6.QtCore import QDir

from cgt_desktop.cli.main import build_parser
from cgt_desktop.ui.shell.single_instance import SingleInstance, server_name


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

    from cgt_desktop.ui.shell import app as app_module
    from cgt_desktop.ui.shell.main_window import MainWindow

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


def test_a_start_waits_for_a_starting_owner_then_is_forwarded(qtbot, tmp_path):
    """The owner holds the home but listens only after its first frame: a second start waits for it."""
    from PySide6.QtCore import QTimer

    from cgt_desktop.ui.shell.single_instance import CLAIMED, NO_ANSWER

    owner = SingleInstance(tmp_path / "home")
    assert owner.claim() == CLAIMED and not owner.listening, "the owner listens later (after its window)"
    second_start = ("import sys\nfrom PySide6.QtCore import QCoreApplication\n"
                    "from cgt_desktop.ui.shell.single_instance import SingleInstance\napp = QCoreApplication([])\n"
                    "print(SingleInstance(sys.argv[1]).claim(wait_s=10))")
    try:
        assert SingleInstance(tmp_path / "home").claim(wait_s=0.3) == NO_ANSWER
        second = subprocess.Popen([sys.executable, "-c", second_start, str(tmp_path / "home")],
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        QTimer.singleShot(1000, owner.listen)  # the owner's window paints while the second start waits
        with qtbot.waitSignal(owner.activation_requested, timeout=15000):
            pass
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=10000)
        out, err = second.communicate()
        assert out.strip() == "forwarded", err
    finally:
        owner.release()
    assert SingleInstance(tmp_path / "home").claim(wait_s=0) == CLAIMED, "released: the next start owns it"


def test_a_start_gets_the_home_when_the_owner_quits_while_it_waits(tmp_path):
    import threading

    from cgt_desktop.ui.shell.single_instance import CLAIMED

    owner = SingleInstance(tmp_path / "home")
    assert owner.claim() == CLAIMED
    threading.Timer(0.3, owner.lock.release).start()  # the owner finishes its backup and lets go
    second = SingleInstance(tmp_path / "home")
    try:
        assert second.claim(wait_s=5) == CLAIMED and second.lock.held
    finally:
        second.release()


def test_without_file_locks_the_socket_is_the_claim(qtbot, tmp_path, monkeypatch):
    from cgt_desktop.core.system.homelock import HomeLock
    from cgt_desktop.ui.shell.single_instance import CLAIMED, FORWARDED

    monkeypatch.setattr(HomeLock, "acquire", lambda self: None)  # a file system that cannot lock
    first = SingleInstance(tmp_path / "home")
    assert first.claim() == CLAIMED and first.listening, "it listens at once, as the claim"
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert SingleInstance(tmp_path / "home").claim(wait_s=0) == FORWARDED
    finally:
        first.release()


def test_run_app_says_so_when_the_home_is_held_by_a_silent_process(tmp_path, corpus_dir, capsys, monkeypatch):
    from cgt_desktop.core.system.homelock import HomeLock
    from cgt_desktop.ui.shell import app as app_module
    from cgt_desktop.ui.shell import single_instance

    home = tmp_path / "home"
    holder = HomeLock(home)
    assert holder.acquire()  # e.g. a first start still building its reference database
    monkeypatch.setattr(single_instance, "ANSWER_WAIT_S", 0.3)
    try:
        args = build_parser().parse_args(["--home", str(home), "--corpus", str(corpus_dir)])
        assert app_module.run_app(args) == 1
    finally:
        holder.release()
    err = capsys.readouterr().err
    assert "has not answered" in err and str(home) in err
    assert not (home / "user.sqlite").exists(), "nothing was opened on the held home"
