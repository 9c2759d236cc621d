"""One app per home, claimed with an operating-system file lock (no Qt, no socket).

The app holds an exclusive, non-blocking lock on ``<home>/app.lock`` for as long
as it runs (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows). The
operating system releases the lock when the process ends, however it ends, so a
crash never leaves the home claimed. Claiming it is one system call: the app
knows before its first frame whether another instance owns the home, and starts
the local server that answers later starts (QtNetwork, ~12 ms to load) only
after that frame (see :mod:`cgt_desktop.ui.shell.single_instance`).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

LOCK_NAME = "app.lock"
_HELD = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK}  # another process holds it


class HomeLock:
    """The claim of one process on one home folder."""

    def __init__(self, home: Path | str) -> None:
        self.path = Path(home) / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """This process holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool | None:
        """Try to claim the home without waiting.

        Returns:
            ``True`` if this process now holds it, ``False`` if another process does, ``None`` if the
            file system cannot lock (some network shares): the caller cannot tell.

        Raises:
            OSError: the lock file cannot be created (the home is missing or not writable).
        """
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            return False if exc.errno in _HELD else None
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the home up (the file stays: deleting it could race with a start claiming it)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        except OSError:
            pass  # closing the descriptor releases it anyway
        finally:
            os.close(fd)


def _lock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


__all__ = ["LOCK_NAME", "HomeLock"]
