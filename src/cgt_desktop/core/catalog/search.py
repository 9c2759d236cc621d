"""Ranked search over entities and passages, and counts of what matches.

The index it reads is described and built in :mod:`cgt_desktop.core.catalog.search_index`.

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
from dataclasses import dataclass
from typing import Protocol

from cgt_desktop.core.catalog.search_index import (
    COMMON_TABLE, DF_FLOOR, FTS_TABLE, ITEMS_TABLE, KINDS_TABLE, NAMES_FTS_TABLE,
)
from cgt_desktop.core.text.textindex import Query, index_tokens, parse_query, snippet


class Connected(Protocol):
    """What the searches read through: anything with a ``conn`` (a ``Catalog``, a ``sqlite_utils.Database``)."""

    conn: sqlite3.Connection


__all__ = ["Hit", "count", "count_capped", "passages_matching", "search"]

WEIGHTS = (10.0, 10.0, 8.0, 1.0, 1.0)
"""bm25 weights of the index's columns (:data:`~cgt_desktop.core.catalog.search_index.FTS_COLUMNS`): a name
match counts ten times a body match."""
RANK_CAP = 2000
"""Most matches ranked by bm25 per tier; beyond it, matches are ignored."""
MIN_BODY_PREFIX = 3
"""Shortest prefix expanded in the full table (the names table has a prefix index)."""
BM25_BUDGET = 50_000
"""Most rows bm25's IDF scans may visit (estimated) before length ordering is used."""
NAME_CANDIDATES = 50
"""Name-tier hits fetched to find one whose name equals the query (shown first)."""
SNIPPET_WIDTH = 80


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
