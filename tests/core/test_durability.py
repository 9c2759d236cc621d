"""A process killed while writing notes leaves a sound user database holding every committed note."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from cgt_desktop.core.userdata.userdb import UserStore

WRITER = r"""
import sys
from cgt_desktop.core.userdata.userdb import UserStore

store = UserStore(sys.argv[1])
n = 0
while True:
    n += 1
    note = store.add_note("person/qian-qijun", f"note {n} 细胞治疗 " + "x" * (n % 200))
    if n % 3 == 0:
        store.tag_item(note.target_id, f"tag {n % 7}")
    print(note.uid, flush=True)
"""


def _run_and_kill(path, lines_before_kill: int) -> list[str]:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    committed: list[str] = []
    deadline = time.monotonic() + 20
    try:
        assert proc.stdout is not None
        while len(committed) < lines_before_kill and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            committed.append(line.strip())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert len(committed) == lines_before_kill, "the writer did not get going"
    return committed


def test_killed_writer_leaves_every_committed_note(tmp_path):
    path = tmp_path / "home" / "user.sqlite"
    reported: list[str] = []
    for round_ in range(5):
        reported += _run_and_kill(path, 15 + 10 * round_)
        conn = sqlite3.connect(path)  # plain SQLite: recovers the WAL like any later opener
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            present = {row[0] for row in conn.execute("SELECT uid FROM notes")}
        finally:
            conn.close()
        missing = [uid for uid in reported if uid not in present]
        assert missing == [], f"round {round_}: {len(missing)} committed notes lost"
    store = UserStore(path)  # and the app opens it normally afterwards
    assert len(store.notes("person/qian-qijun")) >= len(reported)
    store.close()
