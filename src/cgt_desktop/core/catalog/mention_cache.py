"""The mention matcher's tables, stored in the catalog so that the reader need not rebuild them.

The build stores them (:func:`write_cache`), and so does every change to the user's entries (the
matcher knows the user's names too); a catalog without them gets a matcher made on the spot.
"""

from __future__ import annotations

import json
import sqlite3

from cgt_desktop.core.domain.kinds import MENTION_KINDS
from cgt_desktop.core.text.mentions import MATCHER_VERSION, MentionMatcher

_CACHE_KEY = f"matcher-v{MATCHER_VERSION}"


def matcher_of(conn: sqlite3.Connection) -> MentionMatcher:
    """Build the matcher of every entity's names in the catalog (reference and user)."""
    marks = ",".join("?" * len(MENTION_KINDS))
    entities = conn.execute(f"SELECT id, kind, name_en, name_zh, mention FROM entities WHERE kind IN ({marks}) "
                            "ORDER BY id", MENTION_KINDS).fetchall()
    aliases = conn.execute("SELECT entity_id, alias FROM aliases ORDER BY rowid").fetchall()

    def citations(entity_id: str) -> list[str]:
        return [r[0] for r in conn.execute("SELECT passage_id FROM citations WHERE fact_id = ? ORDER BY seq",
                                           [entity_id])]

    return MentionMatcher.from_rows(entities, aliases, citations)


def write_cache(conn: sqlite3.Connection) -> int:
    """Store the matcher of the catalog's names in ``mention_cache``; return its size."""
    matcher = matcher_of(conn)
    with conn:
        conn.execute("INSERT OR REPLACE INTO mention_cache (key, state) VALUES (?, ?)",
                     [_CACHE_KEY, json.dumps(matcher.state(), ensure_ascii=False, separators=(",", ":"))])
    return matcher.size


def read_cache(conn: sqlite3.Connection) -> MentionMatcher | None:
    """Return the stored matcher, or ``None`` (none stored, another version, damaged)."""
    try:
        row = conn.execute("SELECT state FROM mention_cache WHERE key = ?", [_CACHE_KEY]).fetchone()
    except sqlite3.OperationalError:  # a database built before the cache existed
        return None
    if row is None:
        return None
    try:
        return MentionMatcher.from_state(json.loads(row[0]))
    except (TypeError, ValueError):
        return None
