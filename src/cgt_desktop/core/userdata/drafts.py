"""Drafts: the note the user is writing on an item but has not saved yet.

The notes editor keeps its text here as the user types (a moment after the last key), when they
leave the item and when the app closes, so that nothing written is lost to a click elsewhere, a
quit or a crash. There is at most one draft per item. Saving the note or discarding the draft
removes it; the Annotations tab lists the drafts left behind (kind ``draft``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cgt_desktop.core.userdata.userdb import UserStore, timestamp


@dataclass(frozen=True)
class Draft:
    """An unsaved note: its item, the saved note it rewrites (``None``: a new note), its text and time."""

    target_id: str
    note_uid: str | None
    body: str
    saved: str


def save_draft(user: UserStore, target_id: str, body: str, note_uid: str | None = None) -> Draft:
    """Keep *body* as the draft on *target_id* (replacing the one there).

    Raises:
        UserDataError: it could not be written (the message says why; the old draft is intact).
    """
    now = timestamp()
    with user.transaction() as conn:
        conn.execute("INSERT INTO note_drafts(target_id, note_uid, body, saved) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT(target_id) DO UPDATE SET note_uid = excluded.note_uid, body = excluded.body, "
                     "saved = excluded.saved", [target_id, note_uid, body, now])
    return Draft(target_id, note_uid, body, now)


def get_draft(user: UserStore, target_id: str) -> Draft | None:
    """The draft on *target_id*, or ``None``."""
    row = user.conn.execute("SELECT target_id, note_uid, body, saved FROM note_drafts WHERE target_id = ?",
                            [target_id]).fetchone()
    return Draft(*row) if row else None


def discard_draft(user: UserStore, target_id: str) -> Draft | None:
    """Remove the draft on *target_id*; return it (``None`` if there was none)."""
    found = get_draft(user, target_id)
    if found is not None:
        with user.transaction() as conn:
            conn.execute("DELETE FROM note_drafts WHERE target_id = ?", [target_id])
    return found


def restore_draft(user: UserStore, draft: Draft) -> None:
    """Put a discarded draft back as it was (its time included), unless a newer one took its place."""
    with user.transaction() as conn:
        conn.execute("INSERT OR IGNORE INTO note_drafts(target_id, note_uid, body, saved) VALUES (?, ?, ?, ?)",
                     [draft.target_id, draft.note_uid, draft.body, draft.saved])


def list_drafts(user: UserStore) -> list[Draft]:
    """Every draft, the most recent first."""
    return [Draft(*row) for row in user.conn.execute(
        "SELECT target_id, note_uid, body, saved FROM note_drafts ORDER BY saved DESC, target_id")]
