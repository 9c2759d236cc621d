"""One running app per home: a second start brings the first window forward.

The first process claims the home with a file lock (:class:`~cgt_desktop.core.system.homelock.HomeLock`,
released by the operating system however the process ends) and, once its window
is painted, listens on a local socket (:class:`QLocalServer`: a Unix domain
socket or a Windows named pipe, never IP) whose name is derived from a hash of
the user and the resolved home path, so two users, or two homes, never meet. A
later start for the same home finds the lock held, connects, sends ``activate``
and exits; the first process emits :attr:`SingleInstance.activation_requested`
and the app raises its window. A start that finds the lock held but nobody
answering (the owner is still building its reference database, or is stuck)
retries for a few seconds, then says so. A name left behind by a crashed process
(the connect fails) is removed before listening. Where the file system cannot
lock, the socket alone is the claim, as it was before the lock.

QtNetwork is imported only when a socket is needed, so the first start loads it
after its first frame.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from cgt_desktop.core.system.homelock import HomeLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
SIGNAL_ACTIVATION = "2activation_requested()"  # SIGNAL() spelling, for QObject.receivers
CONNECT_TIMEOUT_MS = 500
ANSWER_WAIT_S = 5.0  # how long a second start waits for a starting owner to answer
CLAIMED, FORWARDED, NO_ANSWER = "claimed", "forwarded", "no-answer"


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers): fall back to the uid
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(home: Path | str) -> str:
    """Return the local-server name for *home* (same user + same resolved folder → same name)."""
    import hashlib

    key = f"{_user()}\0{Path(home).expanduser().resolve()}".encode("utf-8", "surrogatepass")
    return "cgt-desktop-" + hashlib.sha256(key).hexdigest()[:24]


class SingleInstance(QObject):
    """Claims a home for this process, or asks the process that owns it to come forward.

    Signals:
        activation_requested: another start for the same home asked this one to show its window.
    """

    activation_requested = Signal()

    def __init__(self, home: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = Path(home)
        self.lock = HomeLock(home)
        self._name: str | None = None
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        """The local server's name (see :func:`server_name`)."""
        if self._name is None:
            self._name = server_name(self.home)
        return self._name

    def claim(self, wait_s: float | None = None) -> str:
        """Claim the home for this process, or ask the process that owns it to come forward.

        Returns:
            :data:`CLAIMED`: this process owns the home (call :meth:`listen` once the window is up);
            :data:`FORWARDED`: the owner answered and comes forward, this start should end;
            :data:`NO_ANSWER`: another process holds the home but did not answer within *wait_s*
            (default :data:`ANSWER_WAIT_S`).
        """
        deadline = time.monotonic() + (ANSWER_WAIT_S if wait_s is None else wait_s)
        while True:
            try:
                claimed = self.lock.acquire()
            except OSError:
                claimed = None  # no lock file: the socket is the claim (open_data reports the home's problem)
            if claimed:
                return CLAIMED
            if self.notify_running():
                return FORWARDED
            if claimed is None:  # this file system cannot lock: listen now, as the claim
                self.listen()
                return CLAIMED
            if time.monotonic() >= deadline:  # held, silent: starting (a first build), quitting or stuck
                return NO_ANSWER
            time.sleep(0.1)  # no event loop yet: the owner may be quitting (the lock frees) or starting

    # -- second process -----------------------------------------------------------------------
    def notify_running(self, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
        """Ask a running instance to come forward; return whether one answered the call."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(ACTIVATE)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
        return True

    # -- first process ------------------------------------------------------------------------
    def listen(self) -> bool:
        """Start answering later starts (once); remove a stale name first if needed. Return success."""
        if self._server is not None:
            return True
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a crashed instance's leftover socket
            if not server.listen(self.name):
                server.deleteLater()
                return False
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def release(self) -> None:
        """Give the home up: stop listening and release the lock (the app does this last, after its backup)."""
        self.close()
        self.lock.release()

    def close(self) -> None:
        """Stop listening (the name is freed for the next start) and forget the window; keep the lock."""
        if self._server is not None:
            self._server.newConnection.disconnect(self._on_server_new_connection)
            self._server.close()
            self._server.deleteLater()  # and its client sockets, its children
            self._server = None
        if self.receivers(SIGNAL_ACTIVATION) > 0:
            self.activation_requested.disconnect()  # drop slots (and the windows they hold)

    # Client sockets are never held in Python: slots find them with sender(), Qt deletes them.
    def _on_server_new_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            client.readyRead.connect(self._on_client_ready_read)
            client.disconnected.connect(client.deleteLater)
            if client.bytesAvailable():
                self._read(client)

    def _on_client_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        client = self.sender()
        if isinstance(client, QLocalSocket):
            self._read(client)

    def _read(self, client: QLocalSocket) -> None:
        if client.bytesAvailable() < len(ACTIVATE):
            return
        message = bytes(client.readAll().data())
        if message.strip() == ACTIVATE.strip():
            self.activation_requested.emit()


def bring_forward(window: Any) -> None:
    """Show *window* un-minimized, on top and focused."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
