"""The timeline's events as columns: read with one aggregate query, or from the copy made at build time.

The Timeline tab draws every event of the reachable years. Reading them is one aggregate over a
covering index (SQLite joins each column into one string in C, split here) — ~0.35 s for 100 000
events. The reference data never changes between builds, so the build stores the result of the
tab's own read (:data:`CACHED`) in ``timeline_cache``: packed text and arrays that load in ~30 ms.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from cgt_desktop.core.timeline.model import LIMIT_YEARS

#: The one read the build keeps: ``(year_from, year_to, include_undated)`` as the Timeline tab asks.
CACHED = (LIMIT_YEARS[0], LIMIT_YEARS[1], True)


def _key(year_from: int | None, year_to: int | None, include_undated: bool) -> str:
    return f"{year_from}:{year_to}:{int(bool(include_undated))}"


def span_filter(year_from: int | None, year_to: int | None, include_undated: bool,
                table: str = "") -> tuple[str, list[str]]:
    """Return SQL (and its parameters) keeping the events whose span overlaps the years (``event_details``
    columns, prefixed by *table*), and the undated ones too if *include_undated*."""
    p = f"{table}." if table else ""
    dated, params = [f"{p}span_start IS NOT NULL"], []
    if year_from is not None:
        dated.append(f"{p}span_end >= ?")
        params.append(f"{year_from:04d}-01-01")
    if year_to is not None:
        dated.append(f"{p}span_start <= ?")
        params.append(f"{year_to:04d}-12-31")
    cond = "(" + " AND ".join(dated) + ")"
    return (f"({cond} OR {p}span_start IS NULL)" if include_undated else cond), params


def read_columns(conn: sqlite3.Connection, year_from: int | None = None, year_to: int | None = None,
                 include_undated: bool = True) -> dict[str, Any]:
    """Return the events overlapping the years (and the undated ones) as columns, dated first by date.

    Keys: ``id``, ``category``, ``precision`` (lists), ``start`` and ``end`` (float arrays of day
    numbers since 1970-01-01 of the first and last possible day, NaN when undated) and
    ``approximate`` (a bool array), in the order of :meth:`Catalog.timeline`.
    """
    import numpy as np

    cond, params = span_filter(year_from, year_to, include_undated)
    day = "ifnull(CAST(julianday({}) - 2440587.5 AS INTEGER), 'nan')"
    row = conn.execute(
        "SELECT count(*), group_concat(id, char(10)), group_concat(ifnull(category, ''), char(10)), "
        f"group_concat(ifnull(precision, ''), char(10)), group_concat({day.format('span_start')}, ','), "
        f"group_concat({day.format('span_end')}, ','), group_concat(ifnull(approximate, 0), ',') "
        f"FROM (SELECT id, category, precision, span_start, span_end, approximate FROM event_details "
        f"WHERE {cond} ORDER BY id)", params).fetchone()
    if not row[0]:
        empty = np.zeros(0, float)
        return {"id": [], "category": [], "precision": [], "start": empty, "end": empty.copy(),
                "approximate": np.zeros(0, bool)}
    ids, cats, precs = row[1].split("\n"), row[2].split("\n"), row[3].split("\n")
    start, end = np.fromstring(row[4], sep=","), np.fromstring(row[5], sep=",")
    approx = np.fromstring(row[6], sep=",").astype(bool)
    order = np.lexsort((end, start)).tolist()  # stable: ties keep the id order; NaN (undated) last
    return {"id": [ids[i] for i in order], "category": [cats[i] for i in order],
            "precision": [precs[i] for i in order], "start": start[order], "end": end[order],
            "approximate": approx[order]}


def write_cache(conn: sqlite3.Connection) -> int:
    """Store the Timeline tab's read (:data:`CACHED`) in ``timeline_cache`` (build time); return its events."""
    import numpy as np

    columns = read_columns(conn, *CACHED)
    with conn:
        conn.execute("DELETE FROM timeline_cache")
        conn.execute(
            'INSERT INTO timeline_cache (key, n, ids, category, precision, start, "end", approximate) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_key(*CACHED), len(columns["id"]), "\n".join(columns["id"]), "\n".join(columns["category"]),
             "\n".join(columns["precision"]), np.asarray(columns["start"], "<f8").tobytes(),
             np.asarray(columns["end"], "<f8").tobytes(), np.asarray(columns["approximate"], "u1").tobytes()])
    return len(columns["id"])


def read_cache(conn: sqlite3.Connection, year_from: int | None, year_to: int | None,
               include_undated: bool) -> dict[str, Any] | None:
    """Return the columns stored at build time for this read, or ``None`` (another read, or none stored)."""
    import numpy as np

    try:
        row = conn.execute('SELECT n, ids, category, precision, start, "end", approximate FROM timeline_cache '
                           "WHERE key = ?", [_key(year_from, year_to, include_undated)]).fetchone()
    except sqlite3.OperationalError:  # a database built before the cache existed
        return None
    if row is None:
        return None
    n = row[0]
    if not n:
        return {"id": [], "category": [], "precision": [], "start": np.zeros(0, float), "end": np.zeros(0, float),
                "approximate": np.zeros(0, bool)}
    return {"id": row[1].split("\n"), "category": row[2].split("\n"), "precision": row[3].split("\n"),
            "start": np.frombuffer(row[4], "<f8").astype(float), "end": np.frombuffer(row[5], "<f8").astype(float),
            "approximate": np.frombuffer(row[6], "u1").astype(bool)}
