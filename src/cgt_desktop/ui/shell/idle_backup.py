"""Automatic backup of the user database once the user has been idle for a while.

:class:`IdleBackup` watches the application's input events (keys, mouse, wheel):
each one restarts a single-shot timer. When it fires (the user has been idle for
``idle_ms``) and the newest backup is older than ``min_interval_s``, a checked,
rotated backup (:func:`cgt_desktop.core.userdata.backup.make_backup` and ``rotate``) is
written on a worker thread. The worker only touches files; the result slot, on
the GUI thread, emits the outcome and may show it in a status bar.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStatusBar

from cgt_desktop.core.userdata import backup

IDLE_MS = 5 * 60 * 1000
MIN_INTERVAL_S = 60 * 60
STATUS_MS = 8000

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class _JobSignals(QObject):
    """Carries a worker's result back to the GUI thread (queued connections)."""

    done = Signal(str)
    failed = Signal(str)


class _BackupJob(QRunnable):
    """Writes one backup and rotates the old ones; touches files only, never widgets."""

    def __init__(self, user_db: Path, backups_dir: Path, signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the IdleBackup keeps a reference until the result arrives
        self.user_db = user_db
        self.backups_dir = backups_dir
        self.signals = signals

    def run(self) -> None:
        try:
            path = backup.make_backup(self.user_db, self.backups_dir)
            backup.rotate(self.backups_dir)
        except (backup.BackupError, OSError) as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.done.emit(str(path))


class IdleBackup(QObject):
    """Backs up the user database after the user has been idle, at most once per interval.

    Signals:
        backup_finished(str): a backup was written (its path).
        backup_failed(str): a backup could not be written (the reason); the user database is unchanged.
    """

    backup_finished = Signal(str)
    backup_failed = Signal(str)

    def __init__(self, user_db: Path, backups_dir: Path, idle_ms: int = IDLE_MS,
                 min_interval_s: float = MIN_INTERVAL_S, status_bar: QStatusBar | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.user_db = Path(user_db)
        self.backups_dir = Path(backups_dir)
        self.idle_ms = int(idle_ms)
        self.min_interval_s = float(min_interval_s)
        self._status_bar = status_bar
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: _BackupJob | None = None
        self._signals = _JobSignals(self)
        self._signals.done.connect(self._on_job_done)
        self._signals.failed.connect(self._on_job_failed)
        self._running = False

    # -- public ---------------------------------------------------------------------------
    def start(self) -> None:
        """Start watching the user's input (call once the main window exists)."""
        app = QApplication.instance()
        if app is not None and not self._running:
            app.installEventFilter(self)
        self._running = True
        self._timer.start(self.idle_ms)

    def stop(self) -> None:
        """Stop watching and wait for a backup in progress (call before the backup on quit)."""
        app = QApplication.instance()
        if app is not None and self._running:
            app.removeEventFilter(self)
        self._running = False
        self._timer.stop()
        self._pool.waitForDone()
        self._status_bar = None

    def is_busy(self) -> bool:
        """Return True while a backup is being written."""
        return self._job is not None

    def seconds_until_due(self, now: float | None = None) -> float:
        """Return how long until a backup is due (0 when the newest one is old enough, or there is none)."""
        backups = backup.list_backups(self.backups_dir)
        if not backups:
            return 0.0
        try:
            newest = backups[0].stat().st_mtime
        except OSError:
            return 0.0
        age = (now if now is not None else time.time()) - newest
        return max(0.0, self.min_interval_s - age)

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _INPUT_EVENTS and self._running:
            self._timer.start(self.idle_ms)
        return False

    def _on_timer_timeout(self) -> None:
        if not self._running or self._job is not None:
            return
        wait_s = self.seconds_until_due()
        if wait_s > 0:  # a recent backup exists: check again when it is old enough, if still idle
            self._timer.start(max(self.idle_ms, min(int(wait_s * 1000) + 1, 2**31 - 1)))
            return
        self._job = _BackupJob(self.user_db, self.backups_dir, self._signals)
        self._pool.start(self._job)

    def _on_job_done(self, path: str) -> None:
        self._job = None
        if self._status_bar is not None:
            self._status_bar.showMessage(self.tr("Backed up your notes"), STATUS_MS)
        self.backup_finished.emit(path)

    def _on_job_failed(self, message: str) -> None:
        self._job = None
        if self._status_bar is not None:
            self._status_bar.showMessage(self.tr("Could not back up your notes: %1").replace("%1", message))
        self.backup_failed.emit(message)
