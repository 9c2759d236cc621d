"""Full-text index and ranked search over entities and passages.

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

Search runs in two tiers: items whose names match every term (a name equal
to the query first, then by bm25 over the name columns), then everything
else, ranked by bm25 with name columns weighted :data:`WEIGHTS` above body
columns (a row matching partly by name). bm25 is computed for at most
:data:`RANK_CAP` matches per tier (in rowid order, so entities before
passages). Its fixed cost is an IDF scan of every term over the whole table
(tens of milliseconds for a term in most rows, whatever the LIMIT or kind), so
when the common-token table says the terms are too frequent
(:data:`BM25_BUDGET`), the second tier orders its first :data:`RANK_CAP`
matches by text length instead (short, focused text first; bm25 gives
nearly equal scores to such terms anyway). In the full table a prefix shorter
than :data:`MIN_BODY_PREFIX` matches whole tokens, and so does the word being
typed (``prefix_last``) when its expansions are that frequent: FTS5 merges
every expansion's doclist before the first row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from cgt_desktop.core.catalog.schema import USER_ROWID_BASE
from cgt_desktop.core.domain.kinds import KINDS as ENTITY_KINDS
from cgt_desktop.core.text.textindex import Query, index_tokens, parse_query, pinyin_tokens, snippet, unigram_tokens

if TYPE_CHECKING:
    import sqlite_utils


class Connected(Protocol):
    """What the searches read through: anything with a ``conn`` (a ``Catalog``, a ``sqlite_utils.Database``)."""

    conn: sqlite3.Connection


__all__ = ["KINDS", "Hit", "SearchItem", "add_items", "count", "count_capped", "create_index", "remove_items",
           "search"]

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
WEIGHTS = (10.0, 10.0, 8.0, 1.0, 1.0)
"""bm25 weights of :data:`FTS_COLUMNS`: a name match counts ten times a body match."""
RANK_CAP = 2000
"""Most matches ranked by bm25 per tier; beyond it, matches are ignored."""
MIN_BODY_PREFIX = 3
"""Shortest prefix expanded in the full table (the names table has a prefix index)."""
NAMES_PREFIX_INDEX = "1 2 3 4"
"""FTS5 ``prefix`` option of the names table (+20% of its size at 100 000 entities)."""
DF_FLOOR = 1000
"""Tokens in at least this many rows are recorded in the common-token table."""
BM25_BUDGET = 50_000
"""Most rows bm25's IDF scans may visit (estimated) before length ordering is used."""
NAME_CANDIDATES = 50
"""Name-tier hits fetched to find one whose name equals the query (shown first)."""
SNIPPET_WIDTH = 80
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


@dataclass(frozen=True)
class Hit:
    """One search result.

    Attributes:
        id: The item's id.
        kind: The item's kind.
        name_en: English name (a passage: its document's title).
        name_zh: Chinese name (likewise).
        snippet: Matching text with ``«»`` around matches (see
            :func:`cgt_desktop.ui.search.results.snippet_html`).
        score: Relevance within the hit's tier, higher is better: negated
            bm25, or ``1 / (1 + text length)`` for very common terms. The
            list order is authoritative (name hits first).
        document_id: For passages, the document they belong to.
    """

    id: str
    kind: str
    name_en: str
    name_zh: str
    snippet: str
    score: float
    document_id: str | None


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


def _scan_cost(conn: sqlite3.Connection, query: Query, min_prefix: int) -> int:
    """Estimate how many rows bm25's IDF scans visit: the sum of the tokens' row counts."""
    exact: list[str] = []
    cost = 0
    for term in query.terms:
        *head, last = term.tokens
        exact += head
        if term.prefix and len(last) >= min_prefix:  # all expansions, recorded or rarer
            upper = last[:-1] + chr(min(ord(last[-1]) + 1, 0x10FFFF))
            (total,) = conn.execute(
                f"SELECT total(doc) FROM {COMMON_TABLE} WHERE term >= ? AND term < ?", (last, upper)
            ).fetchone()
            cost += int(total) + DF_FLOOR
        else:
            exact.append(last)
    marks = ", ".join("?" * len(exact))
    known = dict(conn.execute(f"SELECT term, doc FROM {COMMON_TABLE} WHERE term IN ({marks})", exact))
    return cost + sum(known.get(token, DF_FLOOR) for token in exact)


def _by_length(
    conn: sqlite3.Connection, expression: str, bounds: tuple[int, int], limit: int, cap: int
) -> list[tuple[int, float]]:
    """The shortest texts among the first ``cap`` matches (score ``1 / (1 + length)``)."""
    sql = (
        f"SELECT f.rowid, length(i.body_en) + length(i.body_zh) AS n FROM (SELECT rowid FROM"
        f" {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?) f"
        f" JOIN {ITEMS_TABLE} i ON i.rowid = f.rowid ORDER BY n, f.rowid LIMIT ?"
    )
    rows = conn.execute(sql, (expression, *bounds, cap, limit))
    return [(rowid, 1.0 / (1 + n)) for rowid, n in rows]


def _bounds(conn: sqlite3.Connection, kind: str | None) -> tuple[int, int] | None:
    """Rowid range of ``kind`` (all rows when ``None``); ``None`` if absent."""
    if kind is None:
        return (0, 1 << 62)
    row = conn.execute(f"SELECT lo, hi FROM {KINDS_TABLE} WHERE kind = ?", (kind,)).fetchone()
    return (row[0], row[1]) if row else None


def _ranked(conn: sqlite3.Connection, table: str, expression: str, weights: tuple[float, ...],
            bounds: tuple[int, int], limit: int, cap: int) -> list[tuple[int, float]]:  # fmt: skip
    """``(rowid, -bm25)`` of the best ``limit`` among the first ``cap`` matches."""
    sql = (
        f"SELECT rowid, r FROM (SELECT rowid, bm25({table}, {', '.join(map(str, weights))}) AS r"
        f" FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)"
        " ORDER BY r LIMIT ?"
    )
    rows = conn.execute(sql, (expression, *bounds, cap, limit))
    return [(rowid, -score) for rowid, score in rows]


def _key(text: str) -> str:
    return "".join(index_tokens(text).split())


#: Kinds whose "names" are the editors' descriptive titles (see :func:`_names_first`).
TITLED_KINDS = ("event", "figure", "document", "passage")


def _names_first(
    conn: sqlite3.Connection, query: Query, bounds: tuple[int, int], limit: int
) -> list[tuple[int, float]]:
    """Name-tier hits: a name equal to the query first, then things named so (people, organizations, places,
    policies, technologies) before event and figure titles that contain the words, then by bm25."""
    found = _ranked(conn, NAMES_FTS_TABLE, query.match_expression(), WEIGHTS[:3], bounds,
                    max(limit, NAME_CANDIDATES), RANK_CAP)  # fmt: skip
    if not found:
        return []
    wanted = "".join(token for term in query.terms for token in term.tokens)
    marks = ", ".join("?" * len(found))
    exact: set[int] = set()
    titled: set[int] = set()  # an event's or figure's title describes it; it is not a name
    for rowid, kind, name_en, name_zh, aliases in conn.execute(
            f"SELECT rowid, kind, name_en, name_zh, aliases FROM {ITEMS_TABLE} WHERE rowid IN ({marks})",
            [rowid for rowid, _ in found]):
        if wanted in {_key(n) for n in (name_en, name_zh, *json.loads(aliases or "[]")) if n}:
            exact.add(rowid)
        if kind in TITLED_KINDS:
            titled.add(rowid)
    return sorted(found, key=lambda hit: (hit[0] not in exact, hit[0] in titled))[:limit]


def _snippet(kind: str, row: tuple, query: Query) -> str:
    """Prefer a matching name, else matching body text in the query's language."""
    name_en, name_zh, aliases, body_en, body_zh = row
    names = [] if kind == "passage" else [name_zh, name_en] if query.has_han else [name_en, name_zh]
    if names:
        names += json.loads(aliases or "[]")
    bodies = [body_zh, body_en] if query.has_han else [body_en, body_zh]
    candidates = [t for t in names + bodies if t]
    for text in candidates:
        cut = snippet(text, query, SNIPPET_WIDTH)
        if "«" in cut:
            return cut
    # Matched through pinyin (or only by tokens the text does not show).
    shown = " / ".join(t for t in names[:2] if t) or (candidates or [""])[0]
    return snippet(shown, query, SNIPPET_WIDTH)


def search(
    db: Connected,
    query: str | Query | None,
    *,
    kind: str | None = None,
    limit: int = 20,
    prefix_last: bool = False,
) -> list[Hit]:
    """Find items matching ``query``, best first.

    Items whose names match all terms come first, then everything else by
    bm25 (names weighted above bodies). Snippets are computed only for the
    returned rows.

    Args:
        db: A database holding the tables made by :func:`create_index`.
        query: Whatever the user typed (any string), or a parsed query.
        kind: Only items of this kind.
        limit: At most this many hits.
        prefix_last: Treat the last Latin term as a prefix (as-you-type).

    Returns:
        Hits in rank order; ``[]`` for an empty or unsearchable query.
    """
    whole_words = query
    if not isinstance(query, Query):
        text, query = query, parse_query(query, prefix_last=prefix_last)
        whole_words = parse_query(text) if prefix_last else query
    conn = db.conn
    bounds = _bounds(conn, kind)
    if query is None or bounds is None or limit <= 0:
        return []
    ranked = _names_first(conn, query, bounds, limit)
    if len(ranked) < limit:
        seen = {rowid for rowid, _ in ranked}
        body_query, cost = query, _scan_cost(conn, query, MIN_BODY_PREFIX)
        if cost > BM25_BUDGET and whole_words is not None and whole_words != query:
            body_query, cost = whole_words, _scan_cost(conn, whole_words, MIN_BODY_PREFIX)
        expression = body_query.match_expression(min_prefix=MIN_BODY_PREFIX)
        wanted = limit + len(seen)  # name hits may come back: skip them, still fill the page
        cap = max(RANK_CAP, wanted)
        if cost <= BM25_BUDGET:
            more = _ranked(conn, FTS_TABLE, expression, WEIGHTS, bounds, wanted, cap)
        else:
            more = _by_length(conn, expression, bounds, wanted, cap)
        ranked += [(rowid, score) for rowid, score in more if rowid not in seen][: limit - len(ranked)]
    if not ranked:
        return []
    marks = ", ".join("?" * len(ranked))
    rows = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT rowid, item_id, kind, name_en, name_zh, aliases, body_en, body_zh,"
            f" document_id FROM {ITEMS_TABLE} WHERE rowid IN ({marks})",
            [rowid for rowid, _ in ranked],
        )
    }
    hits = []
    for rowid, score in ranked:
        item_id, item_kind, name_en, name_zh, aliases, body_en, body_zh, doc = rows[rowid]
        text = _snippet(item_kind, (name_en, name_zh, aliases, body_en, body_zh), query)
        hits.append(Hit(item_id, item_kind, name_en or "", name_zh or "", text, score, doc))
    return hits


def count(
    db: Connected,
    query: str | Query | None,
    kind: str | None = None,
    *,
    prefix_last: bool = False,
    cap: int | None = None,
) -> dict[str, int]:
    """Count the matches of ``query`` per kind (for a "grouped by kind" view).

    Counting visits every match (a term found in most passages costs tens of
    milliseconds at 300 000 passages); ``cap`` bounds that.

    Args:
        db: A database holding the tables made by :func:`create_index`.
        query: Whatever the user typed, or a parsed query.
        kind: Count only this kind.
        prefix_last: As for :func:`search` (prefixes shorter than
            :data:`MIN_BODY_PREFIX` count whole words).
        cap: Stop after this many matches in all; the counts are then lower
            bounds (rows are visited kind by kind, entities first).

    Returns:
        ``{kind: number of matching items}`` in :data:`KINDS` order; kinds
        without a match are absent; ``{}`` for an empty query.
    """
    if not isinstance(query, Query):
        query = parse_query(query, prefix_last=prefix_last)
    conn = db.conn
    if query is None or _bounds(conn, kind) is None:
        return {}
    ranges = conn.execute(
        f"SELECT kind, lo, hi FROM {KINDS_TABLE} WHERE ?1 IS NULL OR kind = ?1 ORDER BY lo",
        (kind,),
    ).fetchall()
    cases = " ".join("WHEN rowid <= ? THEN ?" for _ in ranges)
    params: list[object] = [v for name, _, hi in ranges for v in (hi, name)]
    sql = (
        f"SELECT CASE {cases} END AS k, count(*) FROM (SELECT rowid FROM {FTS_TABLE}"
        f" WHERE {FTS_TABLE} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?) GROUP BY k"
    )
    params += [query.match_expression(min_prefix=MIN_BODY_PREFIX), ranges[0][1], ranges[-1][2]]
    found = dict(conn.execute(sql, (*params, -1 if cap is None else max(cap, 0))).fetchall())
    return {name: found[name] for name, _, _ in ranges if found.get(name)}


def count_capped(
    db: Connected, query: str | Query | None, cap: int, *, prefix_last: bool = False
) -> dict[str, tuple[int, bool]]:
    """Count the matches of ``query`` per kind, visiting at most ``cap`` of them in all.

    A very common term matches most of the index (tens of milliseconds to count at
    450 000 items); this bounds the cost and says which counts are exact.

    Returns:
        ``{kind: (count, exact)}``. Once ``cap`` matches are reached, the kind being
        counted is ``(matches seen, False)``: it has at least that many; the kinds after
        it (not visited) are ``(0, False)``: unknown. ``{}`` for an empty query or no match.
    """
    counts = count(db, query, prefix_last=prefix_last, cap=cap)
    if sum(counts.values()) < cap:
        return {kind: (n, True) for kind, n in counts.items()}
    visited = list(counts)  # in rowid order: the last one was cut at the cap
    order = [k for (k,) in db.conn.execute(f"SELECT kind FROM {KINDS_TABLE} ORDER BY lo")]
    after = order[order.index(visited[-1]) + 1:] if visited else order
    return {**{kind: (counts[kind], kind != visited[-1]) for kind in visited}, **{kind: (0, False) for kind in after}}


def passages_matching(db: Connected, text: str, limit: int = 300) -> list[tuple[str, str]]:
    """``(passage id, document id)`` of up to *limit* passages whose text contains every word of *text*
    (in index order: the reference's documents first, then the user's); ``[]`` for an unsearchable text."""
    query = parse_query(text)
    bounds = _bounds(db.conn, "passage")
    if query is None or bounds is None or limit <= 0:
        return []
    rows = db.conn.execute(
        f"SELECT i.item_id, i.document_id FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid "
        f"BETWEEN ? AND ? LIMIT ?) f JOIN {ITEMS_TABLE} i ON i.rowid = f.rowid",
        (query.match_expression(min_prefix=MIN_BODY_PREFIX), *bounds, limit))
    return [(r[0], r[1]) for r in rows]
