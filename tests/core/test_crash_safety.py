"""A writer killed with SIGKILL at random moments never costs a committed note or corrupts the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys

import pytest

from cgt_desktop.core.userdata.userdb import UserStore

KILLS = 120


def _writer(path: str, fd: int) -> None:  # runs in the forked child
    try:
        store = UserStore(path)
        n = 0
        while True:
            note = store.add_note("place/zhangjiang", f"note {os.getpid()}-{n} 张江")
            os.write(fd, (note.uid + "\n").encode())  # reported only after the commit returned
            n += 1
    finally:
        os._exit(1)


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
def test_notes_reported_committed_survive_sigkill_at_random_moments(tmp_path):
    path = tmp_path / "user.sqlite"
    UserStore(path).close()
    rng = random.Random(20261121)
    committed: set[str] = set()
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _writer(str(path), write_fd)
        os.close(write_fd)
        wanted = rng.randint(0, 12)
        buffer = b""
        with os.fdopen(read_fd, "rb", buffering=0) as pipe:
            while buffer.count(b"\n") < wanted:
                chunk = pipe.read(4096)
                if not chunk:
                    break
                buffer += chunk
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            buffer += pipe.read()  # lines written before the kill
        committed.update(line.decode() for line in buffer.splitlines() if line)
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            present = {row[0] for row in conn.execute("SELECT uid FROM notes")}
        finally:
            conn.close()
        missing = committed - present
        assert not missing, f"{len(missing)} committed notes lost"
    assert len(committed) > KILLS  # the children really wrote
    store = UserStore(path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
