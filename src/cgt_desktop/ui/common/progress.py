"""A progress dialog for the actions that run on the GUI thread and finish or change nothing
(annotation files, backups, printing), and the ``(done, total)`` callback that moves it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


def progress_dialog(parent: QWidget, label: str, maximum: int = 0) -> QProgressDialog:
    """A window-modal progress dialog without Cancel (each of these actions finishes or changes nothing),
    shown only if the work takes over 0.3 s; ``maximum`` 0 is a busy indicator."""
    dialog = QProgressDialog(label, "", 0, maximum, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setValue(0)
    QApplication.processEvents()
    return dialog


def progress_step(dialog: QProgressDialog) -> Callable[[int, int], None]:
    """A ``(done, total)`` callback that moves *dialog* (0–100) and lets it paint."""
    def step(done: int, total: int) -> None:
        dialog.setValue(int(100 * done / max(total, 1)))
        QApplication.processEvents()

    return step
