"""Is the reference database up to date with its sources? The start path's check, and nothing heavier.

:func:`~cgt_desktop.core.catalog.refresh.ensure_reference_db` compares a cheap stamp of the sources (:func:`source_stamp`: names,
sizes and modification times) with the one recorded at build time, and only when they differ
hashes the sources and, if needed, rebuilds. This module imports only the standard library: the
builder (:mod:`cgt_desktop.core.catalog.build`) and the corpus reader load only when a build is due.

Stamping a 10 000-document corpus means 10 000 ``stat`` calls (~60 ms here). The app does it in a
child process while Qt loads (:class:`SourceStampAhead`), so it costs the start almost nothing.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cgt_desktop.core.corpus.layout import source_files, stat_sources

#: Bump when the builder's output changes for the same sources, to force a rebuild.
BUILDER_VERSION = "13"
_STAMP_LENGTH = 64  # hex digits of a SHA-256


@dataclass
class BuildReport:
    """What a build did: where, from which sources, how long, what it counted."""

    path: Path
    content_hash: str
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    rebuilt: bool = True
    load_problems: int = 0


def source_stamp(corpus_root: Path) -> str:
    """Return a cheap fingerprint of the sources: names, sizes and modification times (nothing is read).

    Like ``make``, an unchanged stamp is taken to mean unchanged sources, so starting the app
    on a large corpus does not hash hundreds of megabytes; any edit changes the stamp, and
    then :func:`~cgt_desktop.core.corpus.sources.content_hash` decides.
    """
    import hashlib  # here: the app stamps in a child process (see SourceStampAhead), which pays the import

    lines = [f"builder:{BUILDER_VERSION}\n"]
    lines += [f"{relative}\0{st.st_size}\0{st.st_mtime_ns}\n" for relative, st in stat_sources(Path(corpus_root))]
    return hashlib.sha256("".join(lines).encode()).hexdigest()  # one update: the same digest as one per line


def _single_threaded() -> bool:
    """True when this process runs one thread only, the one condition under which ``fork`` is safe."""
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1  # threads Python does not know of (Qt's, SQLite's)
    except OSError:
        return False


class SourceStampAhead:
    """The :func:`source_stamp` of a corpus, taken by a child process while this one goes on.

    On Linux, when the process has a single thread, the constructor forks a child that stamps the
    sources (the ``stat`` calls and the hashing run on another core) and writes the 64 hex digits
    to a pipe. Calling the object returns the stamp, waiting for the child if needed. Anywhere else,
    or if the child fails in any way, the stamp is taken in this process when asked for: the result
    is always exactly :func:`source_stamp`.
    """

    def __init__(self, corpus_root: Path, fork: bool = True) -> None:
        self.root = Path(corpus_root)
        self._value: str | None = None
        self._pid: int | None = None
        self._fd: int | None = None
        self.forked = False  #: a child process was started
        self.from_child = False  #: the stamp returned is the child's
        if fork and sys.platform.startswith("linux") and hasattr(os, "fork") and _single_threaded():
            self._fork()

    def _fork(self) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # no process left to start: stamp here when asked
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:  # the child: stamp, write, leave without running the parent's clean-up
            status = 1
            try:
                os.close(read_end)
                os.write(write_end, source_stamp(self.root).encode("ascii"))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._fd, self.forked = pid, read_end, True

    def __call__(self) -> str:
        """Return the stamp (the child's, or one taken now)."""
        if self._value is None:
            from_child = self._collect()
            self.from_child = from_child is not None
            self._value = from_child if from_child is not None else source_stamp(self.root)
        return self._value

    def _collect(self) -> str | None:
        """Read the child's answer and reap it; ``None`` if there is no child or it gave no stamp."""
        if self._fd is None or self._pid is None:
            return None
        chunks = []
        try:
            while chunk := os.read(self._fd, 128):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(self._fd)
            self._fd = None
            try:
                _, status = os.waitpid(self._pid, 0)
            except ChildProcessError:
                status = 1
            self._pid = None
        text = b"".join(chunks).decode("ascii", "replace")
        if status != 0 or len(text) != _STAMP_LENGTH or any(c not in "0123456789abcdef" for c in text):
            return None
        return text

    def close(self) -> None:
        """Reap the child if its stamp was never asked for (safe to call more than once)."""
        self._collect()


def schema_objects(conn: sqlite3.Connection) -> list[str]:
    """The database's tables, views, indexes and triggers as sorted ``type:name`` strings (its shape)."""
    return sorted(f"{kind}:{name}" for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def _shape_problem(conn: sqlite3.Connection, info: dict[str, str]) -> str | None:
    """Why the database's shape differs from what its build recorded (a lost table, rows gone), or ``None``.

    Reads only the schema and two counts from covering indexes: milliseconds, even for a large corpus.
    """
    import json

    try:
        recorded = json.loads(info.get("schema_objects") or "null")
        rows = json.loads(info.get("rows") or "null")
    except ValueError:
        return "its build record is unreadable"
    if not isinstance(recorded, list) or not isinstance(rows, dict):
        return "it has no record of its shape"
    if schema_objects(conn) != recorded:
        return "its tables differ from those it was built with"
    if row_counts(conn) != rows:
        return "rows are missing"
    return None


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The rows of the two tables every view reads (each counted from its smallest index)."""
    from cgt_desktop.core.catalog.schema import USER_ROWID_BASE  # the user's rows come and go: not counted

    return {table: conn.execute(f"SELECT (SELECT count(*) FROM {table}) - (SELECT count(*) FROM {table} "
                                "WHERE rowid >= ?)", [USER_ROWID_BASE]).fetchone()[0]
            for table in ("entities", "passages")}


def _stored_info(path: Path, check: bool) -> dict[str, str] | None:
    """Return the build_info of a reference database (``None`` if unreadable, misshapen or, with *check*, damaged)."""
    if not Path(path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            info = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM build_info")}
            if _shape_problem(conn, info) is not None:
                return None
            ok = conn.execute("PRAGMA quick_check").fetchone() if check else ("ok",)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    if not ok or ok[0] != "ok":
        return None
    return info


def stored_hash(path: Path) -> str | None:
    """Return the content hash a reference database was built from, or ``None`` if unreadable."""
    info = _stored_info(path, check=True)
    return info.get("content_hash") if info else None


def content_hash(root: Path) -> str:
    """Return a hash of the sources (names and bytes) and the builder version."""
    import hashlib

    root = Path(root)
    digest = hashlib.sha256(f"builder:{BUILDER_VERSION}\n".encode())
    for path in source_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
