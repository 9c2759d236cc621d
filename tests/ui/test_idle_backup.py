"""Automatic backup once the user has been idle: when it runs, what postpones it, and failures."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QStatusBar

from cgt_desktop.core.userdata import backup
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.idle_backup import IdleBackup


@pytest.fixture
def user(home):
    store = UserStore(home.user_db)
    store.set_setting("ui.language", "zh")  # something of the user's to keep
    yield store
    store.close()


@pytest.fixture
def make_idle(qtbot, user, home):
    made: list[IdleBackup] = []

    def make(**kwargs) -> IdleBackup:
        idle = IdleBackup(user.path, home.backups_dir, **kwargs)
        made.append(idle)
        return idle

    yield make
    for idle in made:
        idle.stop()


@pytest.fixture
def field(qtbot):
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _setting_in(path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(str(row) for name in names for row in conn.execute(f'SELECT * FROM "{name}"'))
    finally:
        conn.close()


def test_a_checked_backup_appears_after_the_user_is_idle(qtbot, make_idle, home):
    status = QStatusBar()
    qtbot.addWidget(status)
    idle = make_idle(idle_ms=50, status_bar=status)
    assert backup.list_backups(home.backups_dir) == []
    with qtbot.waitSignal(idle.backup_finished, timeout=5000) as blocker:
        idle.start()
    path = blocker.args[0]
    assert backup.list_backups(home.backups_dir) == [backup.Path(path)]
    assert "zh" in _setting_in(path)  # the user's data is in it
    assert status.currentMessage() == "Backed up your notes"


def test_input_postpones_the_backup(qtbot, make_idle, home, field):
    idle = make_idle(idle_ms=400)
    idle.start()
    started = time.monotonic()
    for _ in range(6):  # keep typing for well over idle_ms: no backup while the user is busy
        with qtbot.assertNotEmitted(idle.backup_finished, wait=100):
            pass
        QTest.keyClick(field, Qt.Key.Key_A)
    assert time.monotonic() - started > 0.4
    assert backup.list_backups(home.backups_dir) == []
    with qtbot.waitSignal(idle.backup_finished, timeout=5000):
        pass  # once the typing stops, the backup follows
    assert len(backup.list_backups(home.backups_dir)) == 1


def test_mouse_and_wheel_input_also_postpone_it(qtbot, make_idle, home, field):
    idle = make_idle(idle_ms=400)
    idle.start()
    for _ in range(3):
        with qtbot.assertNotEmitted(idle.backup_finished, wait=100):
            pass
        QTest.mouseClick(field, Qt.MouseButton.LeftButton)
    for _ in range(3):
        with qtbot.assertNotEmitted(idle.backup_finished, wait=100):
            pass
        centre = QPointF(field.rect().center())
        QApplication.sendEvent(field, QWheelEvent(centre, field.mapToGlobal(centre), QPoint(), QPoint(0, 120),
                                                  Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                                  Qt.ScrollPhase.NoScrollPhase, False))
    assert backup.list_backups(home.backups_dir) == []
    with qtbot.waitSignal(idle.backup_finished, timeout=5000):
        pass


def test_no_second_backup_within_the_interval(qtbot, make_idle, home, field):
    idle = make_idle(idle_ms=50, min_interval_s=3600)
    with qtbot.waitSignal(idle.backup_finished, timeout=5000):
        idle.start()
    QTest.keyClick(field, Qt.Key.Key_A)  # the user comes back, then is idle again
    with qtbot.assertNotEmitted(idle.backup_finished, wait=400):
        pass
    assert len(backup.list_backups(home.backups_dir)) == 1


def test_an_old_backup_is_followed_by_a_new_one(qtbot, make_idle, home, user):
    old = backup.make_backup(user.path, home.backups_dir, now=time.time() - 2 * 3600)
    two_hours_ago = time.time() - 2 * 3600
    os.utime(old, (two_hours_ago, two_hours_ago))
    idle = make_idle(idle_ms=50, min_interval_s=3600)
    with qtbot.waitSignal(idle.backup_finished, timeout=5000) as blocker:
        idle.start()
    assert blocker.args[0] != str(old)
    assert backup.list_backups(home.backups_dir)[0] == backup.Path(blocker.args[0])


def test_a_failure_is_reported_and_leaves_the_user_data_intact(qtbot, make_idle, home, user, monkeypatch):
    def refuse(user_db, backups_dir, now=None):
        raise backup.BackupError(f"could not write a backup to {backups_dir}: Permission denied")

    monkeypatch.setattr(backup, "make_backup", refuse)
    before = hashlib.sha256(user.path.read_bytes()).hexdigest()
    status = QStatusBar()
    qtbot.addWidget(status)
    idle = make_idle(idle_ms=50, status_bar=status)
    with qtbot.assertNotEmitted(idle.backup_finished), \
            qtbot.waitSignal(idle.backup_failed, timeout=5000) as blocker:
        idle.start()
    assert "Permission denied" in blocker.args[0]
    assert status.currentMessage().startswith("Could not back up your notes")
    assert hashlib.sha256(user.path.read_bytes()).hexdigest() == before
    assert "zh" in _setting_in(user.path)
    assert user.get_setting("ui.language", "en") == "zh"
    assert backup.list_backups(home.backups_dir) == []
