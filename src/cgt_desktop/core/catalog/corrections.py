"""The catalog's reads of the user's corrections (compiled into its ``corrections`` table by the overlay).

Mixed into :class:`~cgt_desktop.core.catalog.store.Catalog`. A correction is read with the reference
value of today beside it, read from the reference rows only (row keys below
:data:`~cgt_desktop.core.catalog.schema.USER_ROWID_BASE`), so that a page can show both and flag a
correction whose reference value has changed since.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable

from cgt_desktop.core.catalog.schema import USER_ROWID_BASE
from cgt_desktop.core.domain.corrections import FIELDS, MENTION, WRONG, Correction

_COLUMNS = "item_id, target, field, value, reference_value, passage, note, sources, edited"
_DETAIL = {"date": ("event_details", "date"), "value_stated": ("figure_details", "value_stated")}


class CorrectionsMixin:
    """Corrections over ``self.conn`` (see the module docstring)."""

    conn: sqlite3.Connection

    def reference_value(self, target: str, field: str) -> tuple[bool, str | None]:
        """``(the reference has *target*, its value of *field*)``; a user's own item is not a reference one."""
        if field == WRONG:
            row = self.conn.execute("SELECT subject, predicate, object, role_en FROM relations WHERE id = ? "
                                    "AND rowid < ?", [target, USER_ROWID_BASE]).fetchone()
            return row is not None, (json.dumps(list(row), ensure_ascii=False) if row else None)
        if field == MENTION:
            row = self.conn.execute("SELECT 1 FROM entities WHERE id = ? AND rowid < ?",
                                    [target, USER_ROWID_BASE]).fetchone()
            return row is not None, None
        if field not in FIELDS:
            raise ValueError(f"{field!r} cannot be corrected; one of {', '.join(FIELDS)}")
        row = self.conn.execute("SELECT rowid FROM entities WHERE id = ? AND rowid < ?",
                                [target, USER_ROWID_BASE]).fetchone()
        if row is None:
            return False, None
        table, column = _DETAIL.get(field, ("entities", field))
        value = self.conn.execute(f'SELECT "{column}" FROM {table} WHERE id = ?', [target]).fetchone()
        return True, (None if value is None or value[0] is None else str(value[0]))

    def _corrections(self, rows: Iterable[tuple[Any, ...]]) -> list[Correction]:
        out = []
        for item_id, target, field, value, then, passage, note, sources, edited in rows:
            exists, now = self.reference_value(target, field)
            out.append(Correction(item_id=item_id, target=target, field=field, value=value, reference_value=then,
                                  reference_now=now, note=note or "", sources=json.loads(sources or "[]"),
                                  passage=passage, edited=edited or "", target_exists=exists))
        return out

    def corrections_of(self, item_id: str) -> list[Correction]:
        """The corrections of *item_id*'s fields and of the relations it takes part in (the mentions' not)."""
        return self._corrections(self.conn.execute(
            # the few corrections drive the query: a hub's thousands of relations are never read for it
            f"SELECT {_COLUMNS} FROM corrections WHERE target = :id AND field != :mention UNION ALL "
            f"SELECT {_COLUMNS} FROM corrections c WHERE field = :wrong AND EXISTS (SELECT 1 FROM relations r "
            "WHERE r.id = c.target AND (r.subject = :id OR r.object = :id)) ORDER BY 2, 3",
            {"id": item_id, "mention": MENTION, "wrong": WRONG}))

    def all_corrections(self) -> list[Correction]:
        """Every correction, by target."""
        return self._corrections(self.conn.execute(f"SELECT {_COLUMNS} FROM corrections ORDER BY target, field"))

    def refused_mentions(self) -> dict[str, set[str]]:
        """passage id -> the entities the user says its names do not mean (the reader does not link them)."""
        out: dict[str, set[str]] = {}
        for target, passage in self.conn.execute("SELECT target, passage FROM corrections WHERE field = ?",
                                                 [MENTION]):
            out.setdefault(passage, set()).add(target)
        return out
