"""A whole kind's list, sorted by one of its columns, read from the index a window at a time.

Sorting 100 000 events by a column should not read 100 000 row keys before the
first page is shown. :class:`IndexedRowKeys` behaves like the list of row keys
(``len``, indexing, slicing, ``index``) but asks SQLite only for the windows
that are looked at, walking the ``(kind, column)`` index: the rows with a value
in sort order, then the empty ones (``NULL`` or ``''``) in row order.
"""

from __future__ import annotations

import sqlite3
from typing import Iterator, overload

WINDOW = 2000


class IndexedRowKeys:
    """The row keys of every entity of *kind*, ordered by *order* (an ``e.`` column, maybe with a collation).

    Args:
        conn: an open connection to the reference database.
        kind: the entity kind listed.
        order: the sort expression, e.g. ``e.name_en COLLATE NOCASE``.
        descending: sort the values (and ties, by row) in descending order.
        window: how many keys one query reads.
        total: the number of entities of *kind*, if the caller knows it (saves a count).
    """

    def __init__(self, conn: sqlite3.Connection, kind: str, order: str, descending: bool,
                 window: int = WINDOW, total: int | None = None) -> None:
        self._conn = conn
        self._kind = kind
        self._order = order
        self._column = order.split(" COLLATE ")[0]
        self._dir = "DESC" if descending else "ASC"
        self._window = max(1, window)
        self._windows: dict[int, list[int]] = {}
        column = self._column
        self._filled_where = f"e.kind = ? AND {column} IS NOT NULL AND {column} != ''"
        self._empty = self._count(f"e.kind = ? AND {column} IS NULL", [kind]) + self._count(
            f"e.kind = ? AND {order} = ''", [kind])
        self._filled = (self._count("e.kind = ?", [kind]) if total is None else total) - self._empty

    def _count(self, where: str, params: list[object]) -> int:
        return self._conn.execute(f"SELECT count(*) FROM entities e WHERE {where}", params).fetchone()[0]

    def __len__(self) -> int:
        return self._filled + self._empty

    # -- reading ------------------------------------------------------------------------------
    def _read(self, offset: int, limit: int) -> list[int]:
        """Read *limit* keys from position *offset* (the rows with a value first, then the empty ones)."""
        keys: list[int] = []
        if offset < self._filled:
            keys = [r[0] for r in self._conn.execute(
                f"SELECT e.rowid FROM entities e WHERE {self._filled_where} "
                f"ORDER BY {self._order} {self._dir}, e.rowid {self._dir} LIMIT ? OFFSET ?",
                [self._kind, limit, offset])]
        if len(keys) < limit and offset + len(keys) >= self._filled:
            skip = max(0, offset - self._filled)
            keys += [r[0] for r in self._conn.execute(
                f"SELECT k FROM (SELECT e.rowid AS k FROM entities e WHERE e.kind = ? AND {self._column} IS NULL "
                f"UNION ALL SELECT e.rowid FROM entities e WHERE e.kind = ? AND {self._order} = '') "
                f"ORDER BY k {self._dir} LIMIT ? OFFSET ?", [self._kind, self._kind, limit - len(keys), skip])]
        return keys

    def _window_of(self, number: int) -> list[int]:
        keys = self._windows.get(number)
        if keys is None:
            if len(self._windows) >= 64:  # 128 000 keys at most; the view looks at one place at a time
                self._windows.clear()
            keys = self._windows[number] = self._read(number * self._window, self._window)
        return keys

    @overload
    def __getitem__(self, item: int) -> int: ...

    @overload
    def __getitem__(self, item: slice) -> list[int]: ...

    def __getitem__(self, item: int | slice) -> int | list[int]:
        size = len(self)
        if isinstance(item, slice):
            start, stop, step = item.indices(size)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            out: list[int] = []
            while start < stop:
                number, at = divmod(start, self._window)
                part = self._window_of(number)[at:at + stop - start]
                if not part:
                    break
                out += part
                start += len(part)
            return out
        if item < 0:
            item += size
        if not 0 <= item < size:
            raise IndexError("row out of range")
        number, at = divmod(item, self._window)
        return self._window_of(number)[at]

    def __iter__(self) -> Iterator[int]:
        for number in range((len(self) + self._window - 1) // self._window):
            yield from self._window_of(number)

    def index(self, key: int) -> int:
        """Return the position of *key* (counted in SQL, nothing is read).

        Raises:
            ValueError: if *key* is not a row of this list.
        """
        row = self._conn.execute(f"SELECT e.kind, {self._column}, {self._column} IS NULL OR {self._order} = '' "
                                 "FROM entities e WHERE e.rowid = ?", [key]).fetchone()
        if row is None or row[0] != self._kind:
            raise ValueError(f"{key} is not in the list")
        _, value, empty = row
        before = "<" if self._dir == "ASC" else ">"
        if empty:
            return self._filled + self._count(
                f"e.kind = ? AND ({self._column} IS NULL OR {self._order} = '') AND e.rowid {before} ?",
                [self._kind, key])
        # Two index ranges: an OR of both conditions would walk every row of the kind.
        return self._count(f"{self._filled_where} AND {self._order} {before} ?", [self._kind, value]) + self._count(
            f"e.kind = ? AND {self._order} = ? AND e.rowid {before} ?", [self._kind, value, key])
