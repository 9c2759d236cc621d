"""The user database: the user's own work (settings, notes, tags, highlights, selections).

It lives in the home (``user.sqlite``), apart from the reference database, so
rebuilding or upgrading the reference data never touches it. Items are
referenced by their stable ids (``person/qian-qijun``, passage ids), never by
row numbers of the reference database.

Durability: WAL journal with ``synchronous=FULL`` (a committed write survives
a crash or power loss), a busy timeout so two processes writing the same home
wait rather than fail, and one short transaction per change.

Schema changes are migrations: :data:`MIGRATIONS` is an append-only list of
SQL scripts; ``PRAGMA user_version`` records how many have run. Never edit a
published migration; add a new one.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import sqlite_utils

MIGRATIONS: list[str] = [
    # 1: settings and notes, the first user data.
    """
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,          -- stable across export/import
        target_id TEXT NOT NULL,           -- entity, event, figure, document or passage id
        body TEXT NOT NULL,
        created TEXT NOT NULL,
        edited TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX notes_target ON notes(target_id);
    CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, color TEXT);
    CREATE TABLE item_tags (tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
                            target_id TEXT NOT NULL, created TEXT NOT NULL,
                            PRIMARY KEY (tag_id, target_id));
    CREATE INDEX item_tags_target ON item_tags(target_id);
    """,
]


class UserDataError(Exception):
    """The user database cannot be opened or written; the message says what to do."""


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime())


@dataclass(frozen=True)
class Note:
    """A user's note on an item."""

    id: int
    uid: str
    target_id: str
    body: str
    created: str
    edited: str


class UserStore:
    """Read and write the user database of one home."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.DatabaseError, OSError) as exc:
            raise UserDataError(f"cannot open your user data at {self.path}: {exc}") from exc
        self.db = sqlite_utils.Database(conn)
        self.migrate()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (``BEGIN IMMEDIATE`` so writers queue instead of deadlocking)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise UserDataError(f"your user data is busy or read-only ({exc}); nothing was changed") from exc
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            raise UserDataError(f"could not save ({exc}); your earlier work is intact") from exc

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Apply pending migrations; return the new version.

        Raises:
            UserDataError: if the file was written by a newer cgt-desktop.
        """
        version = self.schema_version()
        if version > len(MIGRATIONS):
            raise UserDataError(
                f"{self.path} was written by a newer cgt-desktop (schema {version}); "
                "upgrade cgt-desktop to open it. Nothing was changed.")
        for number in range(version, len(MIGRATIONS)):
            with self.transaction() as conn:
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number + 1}")
        return self.schema_version()

    # -- settings ---------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except json.JSONDecodeError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, json.dumps(value)])

    # -- notes ------------------------------------------------------------------------------
    def add_note(self, target_id: str, body: str, uid: str | None = None) -> Note:
        import uuid

        now = _now()
        uid = uid or uuid.uuid4().hex
        with self.transaction() as conn:
            cur = conn.execute("INSERT INTO notes(uid, target_id, body, created, edited) VALUES (?,?,?,?,?)",
                               [uid, target_id, body, now, now])
            note_id = int(cur.lastrowid or 0)
        return Note(note_id, uid, target_id, body, now, now)

    def notes(self, target_id: str | None = None) -> list[Note]:
        sql = "SELECT id, uid, target_id, body, created, edited FROM notes WHERE deleted = 0"
        params: list[Any] = []
        if target_id is not None:
            sql += " AND target_id = ?"
            params.append(target_id)
        return [Note(*row) for row in self.conn.execute(sql + " ORDER BY created, id", params)]


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (migrations keep semicolons out of literals)."""
    return [statement.strip() for statement in script.split(";") if statement.strip()]
