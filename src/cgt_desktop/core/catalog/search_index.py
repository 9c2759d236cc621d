"""The search index: its tables, how they are built, and how the user's rows are added and taken out.

Layout (plain SQLite: ``sqlite3`` or Datasette open it without extensions):

* ``search_items``: one row per searchable item, display text only
  (``rowid, item_id, kind, name_en, name_zh, aliases`` (JSON list),
  ``body_en, body_zh, document_id``).
* ``search_fts``: contentless FTS5 table (``tokenize='unicode61'``), same
  rowid, holding text pre-tokenized by :mod:`cgt_desktop.core.text.textindex`:
  ``names`` (words and Han bigrams of all names), ``names_uni`` (Han
  characters of names), ``pinyin``, ``body`` and ``body_uni``.
* ``search_names_fts``: the same three name columns, for items other than
  passages (a passage's ``name_*`` is its document's title, stored for
  display only: the document item is what a title search finds). Small, with
  a prefix index, so a query is first answered from names alone, and a
  one-letter as-you-type prefix costs a single doclist.
* ``search_common_tokens``: ``term, doc`` for tokens of ``search_fts`` found
  in at least :data:`DF_FLOOR` rows (from ``fts5vocab``, at build time).
* ``search_kinds``: ``kind, lo, hi, n``. Each kind has its own block of
  rowids (:data:`KIND_BLOCK` wide, entities first, passages last), so a kind
  is a rowid range: FTS5 applies it inside the index, and counting per kind
  needs no join. The reference's rows come first in their kind's block, the
  user's (:func:`add_items`) from :data:`USER_OFFSET` on, so an imported
  document or a user's entry is found by the same queries.
* ``search_user_tokens``: the indexed text of each user row, as written, so
  that :func:`remove_items` can take it out of the contentless index again.

Queries are in :mod:`cgt_desktop.core.catalog.search`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from cgt_desktop.core.catalog.schema import USER_ROWID_BASE
from cgt_desktop.core.domain.kinds import KINDS as ENTITY_KINDS
from cgt_desktop.core.text.textindex import index_tokens, pinyin_tokens, unigram_tokens

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["KINDS", "SearchItem", "add_items", "create_index", "remove_items"]

KINDS = (*ENTITY_KINDS, "passage")
"""Kinds in rowid order (the entity kinds, then passages); unknown kinds follow, alphabetically."""
KIND_BLOCK = 1 << 41
"""Rowids per kind: kind *i* (its place in :data:`KINDS`) has ``[i * KIND_BLOCK, (i + 1) * KIND_BLOCK)``."""
USER_OFFSET = USER_ROWID_BASE
"""Where in its kind's block the user's rows start."""
USER_TOKENS_TABLE = "search_user_tokens"

ITEMS_TABLE = "search_items"
FTS_TABLE = "search_fts"
NAMES_FTS_TABLE = "search_names_fts"
KINDS_TABLE = "search_kinds"
COMMON_TABLE = "search_common_tokens"
FTS_COLUMNS = ("names", "names_uni", "pinyin", "body", "body_uni")
NAMES_PREFIX_INDEX = "1 2 3 4"
"""FTS5 ``prefix`` option of the names table (+20% of its size at 100 000 entities)."""
DF_FLOOR = 1000
"""Tokens in at least this many rows are recorded in the common-token table."""
_BATCH = 5000


@dataclass(frozen=True)
class SearchItem:
    """One thing to index: an entity, a document or a passage.

    Attributes:
        item_id: Stable id (``person/qian-qijun``, ``<doc>#p04.s01``).
        kind: ``person``, ``organization``, …, ``document``, ``passage``.
        name_en: English name or title (a passage: its document's title,
            shown with the hit but not indexed).
        name_zh: Chinese name or title (likewise).
        aliases: Other names in any language.
        zh_names: Chinese names and aliases to derive pinyin from.
        body_en: English text (description, translation, sentence).
        body_zh: Chinese text.
        document_id: The document a passage belongs to, else ``None``.
    """

    item_id: str
    kind: str
    name_en: str = ""
    name_zh: str = ""
    aliases: tuple[str, ...] = ()
    zh_names: tuple[str, ...] = ()
    body_en: str = ""
    body_zh: str = ""
    document_id: str | None = None


def _kind_rank(kind: str) -> tuple[int, str]:
    return (KINDS.index(kind), "") if kind in KINDS else (len(KINDS), kind)


def _staged(items: Iterable[SearchItem]) -> Iterator[tuple]:
    for seq, item in enumerate(items):
        rank, tail = _kind_rank(item.kind)
        names, names_uni, pinyin = "", "", ""
        if item.kind != "passage":
            names = " ".join(filter(None, map(index_tokens, (item.name_en, item.name_zh, *item.aliases))))
            names_uni = " ".join(filter(None, map(unigram_tokens, (item.name_zh, *item.aliases))))
            pinyin = pinyin_tokens(item.zh_names)
        body = " ".join(filter(None, (index_tokens(item.body_en), index_tokens(item.body_zh))))
        yield (
            seq, rank, tail, item.item_id, item.kind, item.name_en or "", item.name_zh or "",
            json.dumps(list(item.aliases), ensure_ascii=False), item.body_en or "",
            item.body_zh or "", item.document_id, names, names_uni, pinyin, body,
            unigram_tokens(item.body_zh),
        )  # fmt: skip


def create_index(db: sqlite_utils.Database, items: Iterable[SearchItem]) -> int:
    """Build (or replace) the search tables from ``items``, in one transaction.

    Commits (or, on error, rolls back to the previous index). Tokenizing is
    the main cost: about 0.1 ms per passage, plus pypinyin for names.

    Args:
        db: The database to write to.
        items: Everything searchable, in any order (streamed; rows are
            renumbered kind by kind through a temporary table).

    Returns:
        The number of items indexed.

    Raises:
        sqlite3.IntegrityError: Two items share an ``item_id``.
    """
    conn = db.conn
    cols = ", ".join(FTS_COLUMNS)
    with conn:
        if not conn.in_transaction:
            conn.execute("BEGIN")
        for table in (NAMES_FTS_TABLE, FTS_TABLE, KINDS_TABLE, COMMON_TABLE, ITEMS_TABLE, USER_TOKENS_TABLE):
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute("DROP TABLE IF EXISTS temp._search_stage")
        conn.execute(
            "CREATE TEMP TABLE _search_stage (seq INTEGER PRIMARY KEY, krank, ktail, item_id,"
            f" kind, name_en, name_zh, aliases, body_en, body_zh, document_id, {cols})"
        )
        rows = _staged(items)
        while batch := list(islice(rows, _BATCH)):
            marks = ", ".join("?" * len(batch[0]))
            conn.executemany(f"INSERT INTO _search_stage VALUES ({marks})", batch)
        conn.execute(
            f"CREATE TABLE {ITEMS_TABLE} (rowid INTEGER PRIMARY KEY, item_id TEXT NOT NULL,"
            " kind TEXT NOT NULL, name_en TEXT, name_zh TEXT, aliases TEXT, body_en TEXT,"
            " body_zh TEXT, document_id TEXT)"
        )
        # Known kinds take block KINDS.index(kind); unknown ones the blocks after, alphabetically.
        block = "(krank + dense_rank() OVER (ORDER BY krank, ktail) - dense_rank() OVER (ORDER BY krank))"
        order = f"({block} * {KIND_BLOCK} + row_number() OVER (PARTITION BY krank, ktail ORDER BY seq))"
        conn.execute(
            f"INSERT INTO {ITEMS_TABLE} SELECT {order}, item_id, kind, name_en, name_zh,"
            " aliases, body_en, body_zh, document_id FROM _search_stage"
        )
        conn.execute(f"CREATE UNIQUE INDEX {ITEMS_TABLE}_item_id ON {ITEMS_TABLE}(item_id)")
        for table, columns, where, options in (
            (FTS_TABLE, FTS_COLUMNS, "", ""),
            (NAMES_FTS_TABLE, FTS_COLUMNS[:3], "WHERE names != '' OR pinyin != ''",
             f", prefix='{NAMES_PREFIX_INDEX}'"),
        ):  # fmt: skip
            listed = ", ".join(columns)
            conn.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({listed}, tokenize='unicode61',"
                f" content=''{options})"
            )
            conn.execute(
                f"INSERT INTO {table}(rowid, {listed}) SELECT r, {listed} FROM"
                f" (SELECT {order} AS r, * FROM _search_stage) {where}"
            )
        conn.execute(
            f"CREATE TABLE {KINDS_TABLE} (kind TEXT PRIMARY KEY, lo INTEGER, hi INTEGER,"
            " n INTEGER)"
        )
        conn.execute(
            f"INSERT INTO {KINDS_TABLE} SELECT kind, (min(rowid) / {KIND_BLOCK}) * {KIND_BLOCK},"
            f" (min(rowid) / {KIND_BLOCK} + 1) * {KIND_BLOCK} - 1, count(*)"
            f" FROM {ITEMS_TABLE} GROUP BY kind ORDER BY min(rowid)"
        )
        conn.executemany(  # a kind the reference lacks can still have the user's rows
            f"INSERT OR IGNORE INTO {KINDS_TABLE} VALUES (?, ?, ?, 0)",
            [(kind, i * KIND_BLOCK, (i + 1) * KIND_BLOCK - 1) for i, kind in enumerate(KINDS)],
        )
        conn.execute(
            f"CREATE TABLE {USER_TOKENS_TABLE} (rowid INTEGER PRIMARY KEY, in_names INTEGER,"
            f" {', '.join(FTS_COLUMNS)})"
        )
        conn.execute("DROP TABLE temp._search_stage")
        _record_common_tokens(conn)
        (total,) = conn.execute(f"SELECT count(*) FROM {ITEMS_TABLE}").fetchone()
    return total


def _record_common_tokens(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"CREATE TABLE {COMMON_TABLE} (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID"
    )
    conn.execute("DROP TABLE IF EXISTS temp._search_vocab")
    conn.execute(f"CREATE VIRTUAL TABLE temp._search_vocab USING fts5vocab(main, {FTS_TABLE}, row)")
    conn.execute(
        f"INSERT INTO {COMMON_TABLE} SELECT term, doc FROM temp._search_vocab WHERE doc >= ?",
        (DF_FLOOR,),
    )
    conn.execute("DROP TABLE temp._search_vocab")


def add_items(conn: sqlite3.Connection, items: Iterable[SearchItem]) -> int:
    """Index the user's *items* (within the caller's transaction) after the rows already there.

    Each goes to its kind's block, after :data:`USER_OFFSET`; its tokens are kept in
    :data:`USER_TOKENS_TABLE` for :func:`remove_items`. Returns how many were added.

    Raises:
        sqlite3.IntegrityError: an item's id is indexed already.
    """
    bounds = {kind: lo for kind, lo in conn.execute(f"SELECT kind, lo FROM {KINDS_TABLE}")}
    cols = ", ".join(FTS_COLUMNS)
    added = 0
    for staged in _staged(items):
        (_, _, _, item_id, kind, name_en, name_zh, aliases, body_en, body_zh, document_id, *tokens) = staged
        lo = bounds.get(kind)
        if lo is None:
            raise ValueError(f"cannot index an item of kind {kind!r}")
        (last,) = conn.execute(f"SELECT max(rowid) FROM {ITEMS_TABLE} WHERE rowid BETWEEN ? AND ?",
                               (lo + USER_OFFSET, lo + KIND_BLOCK - 1)).fetchone()
        rowid = (last or lo + USER_OFFSET) + 1
        conn.execute(f"INSERT INTO {ITEMS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (rowid, item_id, kind, name_en, name_zh, aliases, body_en, body_zh, document_id))
        conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, {cols}) VALUES (?, ?, ?, ?, ?, ?)", (rowid, *tokens))
        in_names = bool(tokens[0] or tokens[2])
        if in_names:
            conn.execute(f"INSERT INTO {NAMES_FTS_TABLE}(rowid, names, names_uni, pinyin) VALUES (?, ?, ?, ?)",
                         (rowid, *tokens[:3]))
        conn.execute(f"INSERT INTO {USER_TOKENS_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)", (rowid, in_names, *tokens))
        conn.execute(f"UPDATE {KINDS_TABLE} SET n = n + 1 WHERE kind = ?", (kind,))
        added += 1
    return added


def remove_items(conn: sqlite3.Connection, item_ids: Iterable[str] | None = None) -> int:
    """Take the user's items *item_ids* (all of the user's when ``None``) out of the index.

    Reference rows are never removed: an id without user tokens is left as it is. Returns how many went.
    """
    cols = ", ".join(FTS_COLUMNS)
    if item_ids is None:
        rows = conn.execute(f"SELECT t.*, i.kind FROM {USER_TOKENS_TABLE} t JOIN {ITEMS_TABLE} i ON i.rowid = t.rowid"
                            ).fetchall()
    else:
        rows = []
        for item_id in dict.fromkeys(item_ids):
            rows += conn.execute(f"SELECT t.*, i.kind FROM {USER_TOKENS_TABLE} t JOIN {ITEMS_TABLE} i ON i.rowid ="
                                 f" t.rowid WHERE i.item_id = ?", (item_id,)).fetchall()
    for rowid, in_names, *tokens, kind in rows:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {cols}) VALUES ('delete', ?, ?, ?, ?, ?, ?)",
                     (rowid, *tokens))
        if in_names:
            conn.execute(f"INSERT INTO {NAMES_FTS_TABLE}({NAMES_FTS_TABLE}, rowid, names, names_uni, pinyin)"
                         f" VALUES ('delete', ?, ?, ?, ?)", (rowid, *tokens[:3]))
        conn.execute(f"DELETE FROM {USER_TOKENS_TABLE} WHERE rowid = ?", (rowid,))
        conn.execute(f"DELETE FROM {ITEMS_TABLE} WHERE rowid = ?", (rowid,))
        conn.execute(f"UPDATE {KINDS_TABLE} SET n = n - 1 WHERE kind = ?", (kind,))
    return len(rows)
