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
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
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
    # 2: highlights, stars, orphan flags, and the full-text index of annotation text.
    # The index (annotation_fts) holds text tokenized in Python by core.textindex, so
    # SQL triggers cannot fill it; they queue the changed rows in annotation_fts_pending
    # instead (whoever writes, even another program), and core.annotations.sync_index
    # re-tokenizes the queue before every search. FTS rowid: note id * 2, highlight id * 2 + 1.
    """
    ALTER TABLE notes ADD COLUMN orphan TEXT;          -- why the anchor no longer resolves (NULL if it does)
    CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        passage_id TEXT NOT NULL,                      -- sentence id (covers original and translation)
        side TEXT NOT NULL CHECK (side IN ('orig', 'trans')),
        range_start INTEGER,                           -- character range on that side, NULL: whole sentence
        range_end INTEGER,
        color TEXT NOT NULL,
        comment TEXT NOT NULL DEFAULT '',
        quote TEXT NOT NULL,                           -- the highlighted text when it was made
        created TEXT NOT NULL,
        edited TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        orphan TEXT
    );
    CREATE INDEX highlights_passage ON highlights(passage_id);
    CREATE TABLE stars (target_id TEXT PRIMARY KEY, created TEXT NOT NULL);
    CREATE VIRTUAL TABLE annotation_fts USING fts5(body, body_uni, tokenize='unicode61');
    CREATE TABLE annotation_fts_pending (fts_rowid INTEGER PRIMARY KEY);
    CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (new.id * 2); END;
    CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, deleted ON notes BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (new.id * 2); END;
    CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (old.id * 2); END;
    CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (new.id * 2 + 1); END;
    CREATE TRIGGER highlights_fts_update AFTER UPDATE OF quote, comment, deleted ON highlights BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (new.id * 2 + 1); END;
    CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
        INSERT OR IGNORE INTO annotation_fts_pending VALUES (old.id * 2 + 1); END;
    INSERT INTO annotation_fts_pending SELECT id * 2 FROM notes;
    """,
    # 3: what the user adds to the corpus (imported documents, their own entities, events, figures and
    # relations), each one record in the corpus source format (db/README.md). The derived catalog holds
    # a compiled copy (core/catalog/overlay.py); the revision, bumped by every change whoever writes,
    # tells it when its copy is stale.
    """
    CREATE TABLE user_items (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL UNIQUE,      -- person/~..., document/~..., or a relation's derived id
        kind TEXT NOT NULL,                -- person ... technology, event, figure, relation, document
        record TEXT NOT NULL,              -- JSON: the item as a corpus source record
        created TEXT NOT NULL,
        edited TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    -- lineage: made once per database, so that a copy from another machine at the same count differs.
    CREATE TABLE user_items_revision (only INTEGER PRIMARY KEY CHECK (only = 1), n INTEGER NOT NULL,
                                      lineage TEXT NOT NULL);
    INSERT INTO user_items_revision VALUES (1, 0, lower(hex(randomblob(8))));
    CREATE TRIGGER user_items_rev_insert AFTER INSERT ON user_items BEGIN
        UPDATE user_items_revision SET n = n + 1; END;
    CREATE TRIGGER user_items_rev_update AFTER UPDATE ON user_items BEGIN
        UPDATE user_items_revision SET n = n + 1; END;
    CREATE TRIGGER user_items_rev_delete AFTER DELETE ON user_items BEGIN
        UPDATE user_items_revision SET n = n + 1; END;
    """,
    # 4: versions of the user's items set aside, never lost: when an imported bundle and this database
    # both changed an item, the newer edit is live and the other one is kept here (the user can swap).
    """
    CREATE TABLE user_item_versions (
        id INTEGER PRIMARY KEY,
        item_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        record TEXT NOT NULL,              -- JSON, as in user_items
        edited TEXT NOT NULL,              -- when this version was edited
        kept TEXT NOT NULL,                -- when it was set aside
        why TEXT NOT NULL
    );
    CREATE INDEX user_item_versions_item ON user_item_versions(item_id);
    """,
    # 5: the note the user is writing but has not saved, one per item, kept as they type
    # (core/userdata/drafts.py), so that leaving the item, closing the app or a crash loses nothing.
    """
    CREATE TABLE note_drafts (
        target_id TEXT PRIMARY KEY,        -- the item the note is on
        note_uid TEXT,                     -- the note being edited; NULL: a new note
        body TEXT NOT NULL,
        saved TEXT NOT NULL                -- when the draft was last kept
    );
    """,
]


class UserDataError(Exception):
    """The user database cannot be opened or written; the message says what to do."""


def timestamp() -> str:
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


@dataclass(frozen=True)
class Tag:
    """A tag: its name, optional ``#rrggbb`` colour, and how many items carry it."""

    id: int
    name: str
    color: str | None
    count: int = 0


MAX_TAG_CHARS = 80


def clean_tag_name(name: str) -> str:
    """Return a tag name with outer white space removed.

    Raises:
        ValueError: if the name is empty, too long or contains a line break.
    """
    cleaned = " ".join(str(name).split()) if name is not None else ""
    if not cleaned:
        raise ValueError("a tag needs a name")
    if len(cleaned) > MAX_TAG_CHARS:
        raise ValueError(f"a tag name has at most {MAX_TAG_CHARS} characters")
    return cleaned


def clean_color(color: str | None) -> str | None:
    """Return a ``#rrggbb`` colour in lower case, or ``None``.

    Raises:
        ValueError: if the colour is not ``#rrggbb``.
    """
    if color is None or color == "":
        return None
    text = str(color).strip().lower()
    if len(text) != 7 or text[0] != "#" or any(c not in "0123456789abcdef" for c in text[1:]):
        raise ValueError(f"not a colour: {color!r} (expected #rrggbb)")
    return text


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
        self._conn = conn
        self._db: sqlite_utils.Database | None = None
        self.migrate()

    @property
    def db(self) -> sqlite_utils.Database:
        """The :class:`sqlite_utils.Database` over :attr:`conn`, created on first use.

        Importing ``sqlite_utils`` pulls in numpy (0.2–0.4 s), so start-up uses the plain connection.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn if self._db is None else self._db.conn

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (``BEGIN IMMEDIATE`` so writers queue instead of deadlocking).

        Raises:
            UserDataError: the change could not be saved (busy, read-only, disk full); everything
                committed before is intact.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise UserDataError(f"your user data is busy or read-only ({exc}); nothing was changed") from exc
        try:
            yield self.conn
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise UserDataError(f"could not save ({exc}); your earlier work is intact") from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise UserDataError(f"could not save ({exc}); your earlier work is intact") from exc

    def _rollback(self) -> None:
        """Roll back if a transaction is still open (SQLite rolls back by itself on some errors)."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.OperationalError:
                pass

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
                # Re-read inside the write lock: another process may have migrated meanwhile.
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) > number:
                    continue
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number + 1}")
        return self.schema_version()

    # -- the user's items (core/userdata/items.py holds the rest) --------------------------------
    def item_revision(self) -> str:
        """Which state the user's items are in: ``<lineage>:<changes ever made>`` (see ``items.revision``)."""
        row = self.conn.execute("SELECT lineage, n FROM user_items_revision").fetchone()
        return f"{row[0]}:{row[1]}" if row else "none:0"

    def has_items(self) -> bool:
        """Whether the user has any live item."""
        return self.conn.execute("SELECT 1 FROM user_items WHERE deleted = 0 LIMIT 1").fetchone() is not None

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

        now = timestamp()
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

    def note(self, uid: str) -> Note | None:
        """Return the note with this uid, or ``None`` if there is none or it is deleted."""
        row = self.conn.execute("SELECT id, uid, target_id, body, created, edited FROM notes "
                                "WHERE uid = ? AND deleted = 0", [uid]).fetchone()
        return Note(*row) if row else None

    def edit_note(self, uid: str, body: str) -> Note:
        """Replace a note's text and stamp its edited time.

        Raises:
            KeyError: if there is no such (undeleted) note.
        """
        with self.transaction() as conn:
            cur = conn.execute("UPDATE notes SET body = ?, edited = ? WHERE uid = ? AND deleted = 0",
                               [body, timestamp(), uid])
            if cur.rowcount != 1:
                raise KeyError(uid)
        note = self.note(uid)
        assert note is not None
        return note

    def delete_note(self, uid: str) -> None:
        """Soft-delete a note: hidden everywhere, kept in the file, restorable."""
        self._set_deleted("notes", uid, True)

    def restore_note(self, uid: str) -> None:
        """Undo :meth:`delete_note`."""
        self._set_deleted("notes", uid, False)

    def _set_deleted(self, table: str, uid: str, deleted: bool) -> None:
        with self.transaction() as conn:
            cur = conn.execute(f"UPDATE {table} SET deleted = ? WHERE uid = ?", [int(deleted), uid])
            if cur.rowcount != 1:
                raise KeyError(uid)

    # -- stars ------------------------------------------------------------------------------
    def star(self, target_id: str, starred: bool = True) -> None:
        """Star (or with ``starred=False`` unstar) any item."""
        with self.transaction() as conn:
            if starred:
                conn.execute("INSERT OR IGNORE INTO stars(target_id, created) VALUES (?, ?)", [target_id, timestamp()])
            else:
                conn.execute("DELETE FROM stars WHERE target_id = ?", [target_id])

    def is_starred(self, target_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM stars WHERE target_id = ?", [target_id]).fetchone() is not None

    def starred(self) -> list[str]:
        """Return the starred item ids, most recent first."""
        return [r[0] for r in self.conn.execute("SELECT target_id FROM stars ORDER BY created DESC, target_id")]

    # -- tags -------------------------------------------------------------------------------
    def tags(self) -> list[Tag]:
        """Return every tag with the number of items carrying it, by name."""
        return [Tag(*row) for row in self.conn.execute(
            "SELECT t.id, t.name, t.color, count(i.target_id) FROM tags t "
            "LEFT JOIN item_tags i ON i.tag_id = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE")]

    def tag(self, name: str) -> Tag | None:
        row = self.conn.execute("SELECT t.id, t.name, t.color, (SELECT count(*) FROM item_tags i "
                                "WHERE i.tag_id = t.id) FROM tags t WHERE t.name = ?", [name]).fetchone()
        return Tag(*row) if row else None

    def create_tag(self, name: str, color: str | None = None) -> Tag:
        """Create a tag (or return the existing one of that name, setting its colour if it had none)."""
        name = clean_tag_name(name)
        color = clean_color(color)
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO tags(name, color) VALUES (?, ?)", [name, color])
            if color:
                conn.execute("UPDATE tags SET color = ? WHERE name = ? AND color IS NULL", [color, name])
        tag = self.tag(name)
        assert tag is not None
        return tag

    def set_tag_color(self, name: str, color: str | None) -> None:
        with self.transaction() as conn:
            if conn.execute("UPDATE tags SET color = ? WHERE name = ?", [clean_color(color), name]).rowcount != 1:
                raise KeyError(name)

    def rename_tag(self, old: str, new: str) -> Tag:
        """Rename a tag.

        Raises:
            KeyError: if there is no tag ``old``.
            ValueError: if ``new`` is invalid or already a tag (use :meth:`merge_tags`).
        """
        new = clean_tag_name(new)
        if new != old and self.tag(new) is not None:
            raise ValueError(f"a tag named {new!r} already exists; merge the two tags instead")
        with self.transaction() as conn:
            if conn.execute("UPDATE tags SET name = ? WHERE name = ?", [new, old]).rowcount != 1:
                raise KeyError(old)
        tag = self.tag(new)
        assert tag is not None
        return tag

    def merge_tags(self, source: str, into: str) -> Tag:
        """Move every item of tag ``source`` to tag ``into`` (created if needed), then drop ``source``."""
        src = self.tag(source)
        if src is None:
            raise KeyError(source)
        into = clean_tag_name(into)
        if into == source:
            return src
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO tags(name, color) VALUES (?, ?)", [into, src.color])
            dest_id = conn.execute("SELECT id FROM tags WHERE name = ?", [into]).fetchone()[0]
            conn.execute("INSERT OR IGNORE INTO item_tags(tag_id, target_id, created) "
                         "SELECT ?, target_id, created FROM item_tags WHERE tag_id = ?", [dest_id, src.id])
            conn.execute("DELETE FROM item_tags WHERE tag_id = ?", [src.id])
            conn.execute("DELETE FROM tags WHERE id = ?", [src.id])
        tag = self.tag(into)
        assert tag is not None
        return tag

    def delete_tag(self, name: str) -> None:
        """Delete a tag and take it off every item (the items and their notes stay)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM item_tags WHERE tag_id IN (SELECT id FROM tags WHERE name = ?)", [name])
            conn.execute("DELETE FROM tags WHERE name = ?", [name])

    def tag_item(self, target_id: str, name: str, color: str | None = None) -> Tag:
        """Put tag ``name`` (created if needed) on an item; tagging twice changes nothing."""
        name = clean_tag_name(name)
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO tags(name, color) VALUES (?, ?)", [name, clean_color(color)])
            tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]
            conn.execute("INSERT OR IGNORE INTO item_tags(tag_id, target_id, created) VALUES (?, ?, ?)",
                         [tag_id, target_id, timestamp()])
        tag = self.tag(name)
        assert tag is not None
        return tag

    def untag_item(self, target_id: str, name: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM item_tags WHERE target_id = ? AND tag_id IN "
                         "(SELECT id FROM tags WHERE name = ?)", [target_id, name])

    def item_tags(self, target_id: str) -> list[Tag]:
        """Return the tags on one item, by name."""
        return [Tag(*row) for row in self.conn.execute(
            "SELECT t.id, t.name, t.color, (SELECT count(*) FROM item_tags x WHERE x.tag_id = t.id) "
            "FROM item_tags i JOIN tags t ON t.id = i.tag_id WHERE i.target_id = ? "
            "ORDER BY t.name COLLATE NOCASE", [target_id])]

    def tagged_items(self, name: str) -> list[str]:
        """Return the ids of the items carrying tag ``name``."""
        return [r[0] for r in self.conn.execute(
            "SELECT i.target_id FROM item_tags i JOIN tags t ON t.id = i.tag_id WHERE t.name = ? "
            "ORDER BY i.created, i.target_id", [name])]


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements.

    Pieces between semicolons are joined until :func:`sqlite3.complete_statement`
    accepts them, so trigger bodies (``BEGIN …; END``) stay whole. Migrations keep
    semicolons out of string literals and comments.
    """
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                out.append(pending.strip().rstrip(";").strip())
            pending = ""
    if pending.strip(" \n\t;"):
        out.append(pending.strip().rstrip(";").strip())
    return out
