"""SIGTERM/SIGHUP (a logout, ``kill``) end the app as closing its window does: nothing written is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from cgt_desktop.ui.common.termination import TerminationHandler
from cgt_desktop.ui.shell.single_instance import SingleInstance

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32",
                                reason="POSIX signals: Windows ends programs another way")


def test_sigterm_calls_close_on_the_event_loop_and_uninstall_puts_the_old_handler_back(qtbot):
    before = signal.getsignal(signal.SIGTERM)
    closed: list[bool] = []
    handler = TerminationHandler(lambda: closed.append(True))
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: closed == [True], timeout=3000)
        assert handler.received == [signal.SIGTERM]
    finally:
        handler.uninstall()
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_running_app_sent_sigterm_quits_cleanly_and_takes_its_quit_backup(qtbot, tmp_path, corpus_dir):
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CGT_DESKTOP_HOME": str(home)}
    app = subprocess.Popen([sys.executable, "-m", "cgt_desktop", "--corpus", str(corpus_dir)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # It listens for a second start once its window has painted: then it is running for the user.
        qtbot.waitUntil(lambda: app.poll() is not None or SingleInstance(home).notify_running(), timeout=90000)
        assert app.poll() is None, app.communicate()
        app.send_signal(signal.SIGTERM)
        qtbot.waitUntil(lambda: app.poll() is not None, timeout=30000)
    finally:
        if app.poll() is None:
            app.kill()
    out, err = app.communicate()
    assert app.returncode == 0, err
    assert list((home / "backups").glob("*.sqlite")), "the backup a normal quit takes was taken"
