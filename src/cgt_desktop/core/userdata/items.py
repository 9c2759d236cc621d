"""What the user adds to the corpus: items kept in ``user.sqlite`` as corpus source records.

An item is one entity, event, figure or relation (a record as in ``db/``, with ``sources``), one
correction of a reference entry (:mod:`cgt_desktop.core.domain.corrections`), or one document (its lines as in a ``db/documents`` file: the document record, then its paragraphs and
sentences). They are the user's data, the truth from which the catalog compiles its copy
(:mod:`cgt_desktop.core.catalog.overlay`); ``user_items_revision`` counts every change to them, so a
stale copy is always noticed. Deleting only marks an item, so that undo can bring it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.userdata.userdb import UserStore, timestamp

ITEM_KINDS = (*KINDS, "relation", "correction")


@dataclass(frozen=True)
class UserItem:
    """One item the user added."""

    item_id: str
    kind: str
    record: dict[str, Any]
    created: str
    edited: str
    deleted: bool = False


def _item(row: tuple[Any, ...]) -> UserItem:
    item_id, kind, record, created, edited, deleted = row
    return UserItem(item_id, kind, json.loads(record), created, edited, bool(deleted))


_COLUMNS = "item_id, kind, record, created, edited, deleted"


def revision(user: UserStore) -> str:
    """Which state the user's items are in: ``<lineage>:<changes ever made>``.

    The same string means the same items (a backup restored at the same count holds the same items);
    a copy of another database, or any change, gives another string.
    """
    return user.item_revision()


def has_items(user: UserStore) -> bool:
    """Whether the user has any live item."""
    return user.has_items()


def get_item(user: UserStore, item_id: str, *, deleted: bool = False) -> UserItem | None:
    """Return the item *item_id*; a deleted one only with *deleted*."""
    row = user.conn.execute(f"SELECT {_COLUMNS} FROM user_items WHERE item_id = ?", [item_id]).fetchone()
    if row is None or (row[5] and not deleted):
        return None
    return _item(row)


def items(user: UserStore, kind: str | None = None) -> Iterator[UserItem]:
    """Yield the live items (of *kind*), oldest first."""
    sql = f"SELECT {_COLUMNS} FROM user_items WHERE deleted = 0 AND (?1 IS NULL OR kind = ?1) ORDER BY id"
    for row in user.conn.execute(sql, [kind]):
        yield _item(row)


def save_item(user: UserStore, item_id: str, kind: str, record: dict[str, Any]) -> UserItem:
    """Create *item_id*, or replace its record (bringing it back if it was deleted).

    Raises:
        ValueError: an unknown kind, or a record that is not a JSON object.
        UserDataError: it could not be saved; nothing changed.
    """
    if kind not in ITEM_KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(ITEM_KINDS)}")
    if not isinstance(record, dict):
        raise ValueError("an item's record must be a JSON object")
    text = json.dumps(record, ensure_ascii=False, sort_keys=True)
    now = timestamp()
    with user.transaction() as conn:
        conn.execute("INSERT INTO user_items(item_id, kind, record, created, edited) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT(item_id) DO UPDATE SET kind = excluded.kind, record = excluded.record, "
                     "edited = excluded.edited, deleted = 0", [item_id, kind, text, now, now])
    found = get_item(user, item_id)
    assert found is not None
    return found


def set_deleted(user: UserStore, item_id: str, deleted: bool) -> None:
    """Mark *item_id* deleted (or bring it back). An unknown id changes nothing."""
    with user.transaction() as conn:
        conn.execute("UPDATE user_items SET deleted = ?, edited = ? WHERE item_id = ? AND deleted != ?",
                     [int(deleted), timestamp(), item_id, int(deleted)])


@dataclass(frozen=True)
class ItemVersion:
    """A version of one of the user's items that is not the live one (kept when two edits met)."""

    version_id: int
    item_id: str
    kind: str
    record: dict[str, Any]
    edited: str
    kept: str
    why: str


def versions(user: UserStore, item_id: str | None = None) -> list[ItemVersion]:
    """The versions set aside (of *item_id*), newest first."""
    rows = user.conn.execute("SELECT id, item_id, kind, record, edited, kept, why FROM user_item_versions "
                             "WHERE ?1 IS NULL OR item_id = ?1 ORDER BY kept DESC, id DESC", [item_id])
    return [ItemVersion(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5], r[6]) for r in rows]


def swap_version(user: UserStore, version_id: int) -> int:
    """Make the kept version *version_id* live and keep the live one in its place; return the new version's id.

    Raises:
        KeyError: there is no such version.
        UserDataError: it could not be saved; nothing changed.
    """
    with user.transaction() as conn:
        row = conn.execute("SELECT item_id, kind, record, edited FROM user_item_versions WHERE id = ?",
                           [version_id]).fetchone()
        if row is None:
            raise KeyError(version_id)
        item_id, kind, record, edited = row
        live = conn.execute("SELECT kind, record, edited, deleted FROM user_items WHERE item_id = ?",
                            [item_id]).fetchone()
        conn.execute("DELETE FROM user_item_versions WHERE id = ?", [version_id])
        now = timestamp()
        if live is None:
            conn.execute("INSERT INTO user_items(item_id, kind, record, created, edited) VALUES (?, ?, ?, ?, ?)",
                         [item_id, kind, record, now, now])
            return -1
        cur = conn.execute("INSERT INTO user_item_versions(item_id, kind, record, edited, kept, why) "
                           "VALUES (?, ?, ?, ?, ?, ?)", [item_id, live[0], live[1], live[2], now,
                                                         "set aside when you chose another version"])
        conn.execute("UPDATE user_items SET kind = ?, record = ?, edited = ?, deleted = 0 WHERE item_id = ?",
                     [kind, record, now, item_id])
        return int(cur.lastrowid or -1)
