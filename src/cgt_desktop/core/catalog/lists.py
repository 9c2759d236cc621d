"""The lists of the reference database: what a tab shows, filtered, sorted and paged in SQL.

Part of :class:`~cgt_desktop.core.catalog.store.Catalog` (which inherits :class:`ListsMixin`):
a list is a :class:`ListQuery`; its rows are row keys (``rowid``), read at once for a filtered
list or a window at a time from an index (:class:`~cgt_desktop.core.catalog.rowkeys.IndexedRowKeys`) for a
whole kind, and turned into display rows a page at a time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any, Sequence

from cgt_desktop.core.domain.kinds import FACET_LABELS_ZH, KIND_COLUMNS, TYPE_VOCABULARY, column_sql, facet_sql
from cgt_desktop.core.catalog.rowkeys import IndexedRowKeys
from cgt_desktop.core.catalog.schema import USER_ROWID_BASE


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """Return a cursor's rows as dicts keyed by column name."""
    keys = [d[0] for d in cursor.description]
    return [dict(zip(keys, row)) for row in cursor]


@dataclass(frozen=True)
class ListQuery:
    """What one tab shows: kind, filter text, facet choices, sort, and an optional period."""

    kind: str
    text: str = ""
    facets: tuple[tuple[str, str], ...] = ()
    sort: str = "name_en"
    descending: bool = False
    period: tuple[str, str] | None = None  # ISO first and last day
    origin: str = "all"  # "all"; "user": the user's own entries and the entries they corrected; "reference"

    @property
    def filtered(self) -> bool:
        """Whether the query keeps only some of its kind's rows."""
        return bool(self.text.strip() or self.facets or self.period or self.origin != "all")


ORIGINS = ("all", "user", "reference")


def _name_filter_sql(text: str, kind: str) -> tuple[str | None, list[Any]]:
    """Return SQL selecting the ids of *kind* whose names/aliases/pinyin match *text* (as you type)."""
    from cgt_desktop.core.catalog import (  # the search modules load on the first filter or search, not at start
        search_index,
    )
    from cgt_desktop.core.text.textindex import parse_query

    parsed = parse_query(text, prefix_last=True)
    if parsed is None:
        return None, []
    sql = (f"SELECT i.item_id FROM {search_index.ITEMS_TABLE} i WHERE i.kind = ? AND i.rowid IN "
           f"(SELECT rowid FROM {search_index.NAMES_FTS_TABLE} WHERE {search_index.NAMES_FTS_TABLE} MATCH ?)")
    return sql, [kind, parsed.match_expression()]


def kind_joins(kind: str) -> str:
    """Return the joins that the list columns and facets of *kind* refer to (``ev``, ``fi``, ``dd``)."""
    return {"event": "LEFT JOIN event_details ev ON ev.id = e.id",
            "figure": "LEFT JOIN figure_details fi ON fi.id = e.id",
            "document": "LEFT JOIN document_details dd ON dd.id = e.id"}.get(kind, "")


def facet_count_sql(kind: str, facet: str) -> str:
    """Return SQL giving ``(value, count)`` of one facet of *kind*, most common first."""
    sql = facet_sql(kind, facet)
    return (f"SELECT {sql} AS v, count(*) AS n FROM entities e {kind_joins(kind)} WHERE e.kind = ? "
            f"AND {sql} IS NOT NULL AND {sql} != '' GROUP BY v ORDER BY count(*) DESC, v")


class ListsMixin:
    """The list methods of :class:`~cgt_desktop.core.catalog.store.Catalog`.

    They read through ``self.conn`` (never ``sqlite_utils``: the first list is on the start path) and
    use the store's ``counts()`` and ``label()``.
    """

    conn: sqlite3.Connection
    _facet_table: bool

    def _where(self, query: ListQuery) -> tuple[str, list[Any]]:
        clauses, params = ["e.kind = ?"], [query.kind]
        text = query.text.strip()
        if text:
            ids_sql, ids_params = _name_filter_sql(text, query.kind)
            if ids_sql is None:
                clauses.append("0")
            else:
                clauses.append(f"e.id IN ({ids_sql})")
                params += ids_params
        if query.origin not in ORIGINS:
            raise ValueError(f"origin is one of {', '.join(ORIGINS)}, not {query.origin!r}")
        if query.origin == "user":
            clauses.append("(e.rowid >= ? OR e.id IN (SELECT target FROM corrections))")
            params.append(USER_ROWID_BASE)
        elif query.origin == "reference":
            clauses.append("e.rowid < ?")
            params.append(USER_ROWID_BASE)
        for facet, value in query.facets:
            sql = facet_sql(query.kind, facet)
            clauses.append(f"{sql} = ?")
            params.append(value)
        if query.period:
            first, last = query.period
            if query.kind == "event":
                clauses.append("e.id IN (SELECT id FROM event_details WHERE span_start <= ? AND span_end >= ?)")
                params += [last, first]
            elif query.kind in ("figure", "document"):
                clauses.append("e.sort_date BETWEEN ? AND ?")
                params += [first, last]
            else:
                clauses.append(
                    "e.id IN (SELECT r.object FROM relations r JOIN event_details d ON d.id = r.subject "
                    "WHERE d.span_start <= ? AND d.span_end >= ? UNION SELECT r.subject FROM relations r "
                    "JOIN event_details d ON d.id = r.object WHERE d.span_start <= ? AND d.span_end >= ?)")
                params += [last, first, last, first]
        return " AND ".join(clauses), params

    def list_keys(self, query: ListQuery) -> list[int]:
        """Return the row keys (``rowid``) of *query*'s rows, filtered and sorted in SQL.

        Keys, not ids: stepping 100 000 integers out of an index costs a third of stepping
        100 000 id strings. :meth:`rows_by_key` turns a page of keys into rows. Empty values sort
        last in both directions; ties keep the row order.
        """
        where, params = self._where(query)
        order = column_sql(query.kind, query.sort)
        column = order.split(" COLLATE ")[0]
        direction = "DESC" if query.descending else "ASC"
        empty = f"({column} IS NULL OR {column} = '')"
        if where == "e.kind = ?" and column.startswith("e."):
            # The whole kind, sorted by a column of its own: read (kind, column) in index order,
            # then the empty ones. A single ORDER BY putting empties last would need a sort.
            filled = self.conn.execute(
                f"SELECT e.rowid FROM entities e WHERE e.kind = ? AND {column} IS NOT NULL AND {column} != '' "
                f"ORDER BY {order} {direction}, e.rowid {direction}", params).fetchall()
            rest = self.conn.execute(  # two index ranges merged (an OR of both would scan the table)
                f"SELECT k FROM (SELECT e.rowid AS k FROM entities e WHERE e.kind = ? AND {column} IS NULL "
                f"UNION ALL SELECT e.rowid FROM entities e WHERE e.kind = ? AND {order} = '') "
                f"ORDER BY k {direction}", params * 2).fetchall()
            return [r[0] for r in filled] + [r[0] for r in rest]
        joins = self._joins(query.kind)
        if not any(f"{alias}." in where + order for alias in ("ev", "fi", "dd")):
            joins = ""  # the columns are the entity's own: no join per row
        sql = (f"SELECT e.rowid FROM entities e {joins} WHERE {where} "
               f"ORDER BY {empty}, {order} {direction}, e.rowid {direction}")
        return [row[0] for row in self.conn.execute(sql, params)]

    def list_count(self, query: ListQuery) -> int:
        """Return how many rows *query* keeps (a tab's label: "People (9 / 27)")."""
        if not query.filtered:
            return self.counts().get(query.kind, 0)
        where, params = self._where(query)
        joins = self._joins(query.kind) if any(f"{a}." in where for a in ("ev", "fi", "dd")) else ""
        return self.conn.execute(f"SELECT count(*) FROM entities e {joins} WHERE {where}", params).fetchone()[0]

    def row_keys(self, query: ListQuery) -> Sequence[int]:
        """Return :meth:`list_keys` as a sequence that reads only the parts looked at, where it can.

        A whole kind sorted by one of its own columns is an :class:`~.rowkeys.IndexedRowKeys`
        (a window of the index at a time); a filtered list is sorted in SQL and read at once.
        """
        order = column_sql(query.kind, query.sort)
        if not query.filtered and order.startswith("e."):
            return IndexedRowKeys(self.conn, query.kind, order, query.descending,
                                  total=self.counts().get(query.kind, 0))
        return self.list_keys(query)

    def list_ids(self, query: ListQuery) -> list[str]:
        """Return the ids of *query*'s rows, in the order of :meth:`list_keys`."""
        keys = self.list_keys(query)
        found = self.ids_by_key(keys)
        return [found[k] for k in keys]

    def ids_by_key(self, keys: Sequence[int]) -> dict[int, str]:
        """Return ``row key -> id`` for *keys* (see :meth:`list_keys`)."""
        found: dict[int, str] = {}
        for start in range(0, len(keys), 20000):
            part = list(keys[start:start + 20000])
            found.update(self.conn.execute(
                f"SELECT rowid, id FROM entities WHERE rowid IN ({','.join('?' * len(part))})", part).fetchall())
        return found

    def key_of(self, item_id: str) -> int | None:
        """Return the row key of *item_id* (see :meth:`list_keys`), or ``None``."""
        row = self.conn.execute("SELECT rowid FROM entities WHERE id = ?", [item_id]).fetchone()
        return row[0] if row else None

    def _joins(self, kind: str) -> str:
        return kind_joins(kind)

    def rows(self, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Return the display columns of *ids* (one query per call), keyed by id."""
        return {row["id"]: row for row in self._rows(kind, "e.id", ids)}

    def rows_by_key(self, kind: str, keys: Sequence[int]) -> dict[int, dict[str, Any]]:
        """Return the display columns (and ``id``) of the rows with these keys, keyed by key."""
        return {row.pop("_key"): row for row in self._rows(kind, "e.rowid", keys)}

    def _rows(self, kind: str, by: str, values: Sequence[Any]) -> list[dict[str, Any]]:
        if not values:
            return []
        columns = ", ".join(f"{column_sql(kind, c.key)} AS {c.key}" for c in KIND_COLUMNS[kind])
        marks = ",".join("?" * len(values))
        origin = (f"CASE WHEN e.rowid >= {USER_ROWID_BASE} THEN 'user' WHEN EXISTS (SELECT 1 FROM corrections c "
                  "WHERE c.target = e.id) THEN 'corrected' ELSE 'reference' END AS origin")
        sql = (f"SELECT e.rowid AS _key, e.id AS id, {columns}, {origin} FROM entities e {self._joins(kind)} "
               f"WHERE {by} IN ({marks})")
        rows = _dicts(self.conn.execute(sql, list(values)))
        if by == "e.id":
            for row in rows:
                del row["_key"]
        return rows

    def facet_values(self, kind: str, facet: str, lang: str = "en",
                     limit: int | None = None) -> list[tuple[str, str, int]]:
        """Return ``(value, label, count)`` for one facet of *kind*, most common first (the first *limit*)."""
        facet_sql(kind, facet)  # KeyError for an unknown facet
        cut = "" if limit is None else f" LIMIT {int(limit)}"
        if self._facet_table:
            rows = self.conn.execute("SELECT value, n FROM facet_counts WHERE kind = ? AND facet = ? "
                                     f"ORDER BY n DESC, value{cut}", [kind, facet]).fetchall()
        else:  # a database built before facet_counts existed
            rows = self.conn.execute(facet_count_sql(kind, facet) + cut, [kind]).fetchall()
        group = TYPE_VOCABULARY.get(kind, "")
        if facet == "type":
            return [(str(v), self.label(group, str(v), lang), n) for v, n in rows]
        names = self._facet_names_zh(kind, facet, [v for v, _n in rows]) if lang == "zh" else {}
        return [(str(v), names.get(v) or str(v), n) for v, n in rows]

    def _facet_names_zh(self, kind: str, facet: str, values: list[Any]) -> dict[Any, str]:
        """The Chinese names of the organizations or places a facet lists by English name (where known)."""
        column = FACET_LABELS_ZH.get(facet)
        if column is None or not values:
            return {}
        english = facet_sql(kind, facet).removeprefix("e.")
        marks = ",".join("?" * len(values))
        rows = self.conn.execute(f"SELECT {english}, max({column}) FROM entities WHERE kind = ? AND {english} IN "
                                 f"({marks}) AND {column} IS NOT NULL AND {column} != '' GROUP BY {english}",
                                 [kind, *values]).fetchall()
        return dict(rows)

    def facet_size(self, kind: str, facet: str) -> int:
        """Return how many distinct values one facet of *kind* has."""
        facet_sql(kind, facet)
        if self._facet_table:
            return self.conn.execute("SELECT count(*) FROM facet_counts WHERE kind = ? AND facet = ?",
                                     [kind, facet]).fetchone()[0]
        return self.conn.execute(f"SELECT count(*) FROM ({facet_count_sql(kind, facet)})", [kind]).fetchone()[0]
