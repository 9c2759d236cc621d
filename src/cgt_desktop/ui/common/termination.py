"""Quit properly when the system asks: SIGTERM and SIGHUP (a logout, ``kill``, a closed terminal).

By default Python dies on SIGTERM at once, skipping what a normal quit does: keep the note being
written, save the window's state, take the backup on quit. Here the signal closes the window instead,
as the user closing it would. Python runs a signal handler only between its own bytecodes, and a Qt
event loop waiting for events runs none; so the signal also writes a byte to a local socket pair
(``signal.set_wakeup_fd``) that a :class:`QSocketNotifier` watches, which wakes the loop at once
(no polling timer; the pair is two ends of a local socket, never a network connection).
"""

from __future__ import annotations

import signal
import socket
from typing import Any, Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class TerminationHandler(QObject):
    """While installed, SIGTERM/SIGHUP call *close* on the GUI thread (once per signal).

    Call :meth:`uninstall` when the event loop has ended: it puts back the handlers it replaced.
    """

    def __init__(self, close: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        self._previous = {number: signal.signal(number, self._on_signal) for number in SIGNALS}

    def _on_signal(self, number: int, _frame: Any) -> None:
        self.received.append(number)
        QTimer.singleShot(0, self._close)  # not inside the handler: Qt may be in the middle of anything

    def _on_notifier_activated(self, *_args: Any) -> None:
        try:
            self._reader.recv(512)  # the Python handler runs now that Python code does
        except OSError:
            pass

    def uninstall(self) -> None:
        """Put back the signal handlers and wake-up descriptor found at install."""
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        for end in (self._reader, self._writer):
            end.close()
