"""Compile the user's items into the catalog, beside the reference rows: the seam's write side.

The user's items (:mod:`cgt_desktop.core.userdata.items`) are the truth; the catalog holds a compiled
copy with the reference schema, so that every query finds both. The copy is made by the builder's
own code (:func:`cgt_desktop.core.catalog.build.collect`), so a user's entry becomes exactly the rows a
reference entry would. Its rows take row keys from :data:`USER_ROWID_BASE` on, in every table and in
the search index (:func:`~cgt_desktop.core.catalog.search_index.add_items`), so that they can be found,
replaced and removed without touching a reference row, and never cost a rebuild of the reference data.

``build_info.user_revision`` records which revision of the user's items the copy is of.
:func:`sync` compares it with the user database's at every start (and after a rebuild, which makes a
file without the copy); :func:`apply` changes the copy by what one operation changed. A copy that is
behind (a crash between the two writes, another program's change) is noticed and made again whole.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Protocol

from cgt_desktop.core.catalog.schema import USER_ROWID_BASE
from cgt_desktop.core.domain.kinds import FACETS

#: The tables that hold compiled rows, in the order they are filled.
TABLES = ("entities", "aliases", "event_details", "figure_details", "document_details", "paragraphs", "passages",
          "relations", "citations")
REVISION_KEY = "user_revision"


class Item(Protocol):
    """What the overlay needs of a user item (:class:`~cgt_desktop.core.userdata.items.UserItem`)."""

    item_id: str
    kind: str
    record: dict[str, Any]


@dataclass
class OverlayReport:
    """What a compile did: items compiled, items refused (with why), whether the copy was made whole."""

    compiled: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    whole: bool = False
    kinds: set[str] = field(default_factory=set)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    return conn


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error (the connection is in autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, kind: Any, *_: Any) -> None:
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")


def stored_revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM build_info WHERE key = ?", [REVISION_KEY]).fetchone()
    return str(row[0]) if row else None


def _corpus_of(items: Iterable[Item]) -> tuple[Any, dict[str, str]]:
    """A :class:`~cgt_desktop.core.corpus.sources.Corpus` of *items* and ``item id -> kind``."""
    from cgt_desktop.core.corpus.sources import Corpus, document_from_records

    corpus = Corpus(root=Path("."))
    kinds: dict[str, str] = {}
    for item in items:
        origin = f"user item {item.item_id}"
        if item.kind == "document":
            lines = [dict(line, _file=origin, _line=n) for n, line in enumerate(item.record.get("lines") or [], 1)
                     if isinstance(line, dict)]
            doc = document_from_records(lines, origin, corpus.problems)
            if doc is not None:
                corpus.documents.append(doc)
        else:
            record = dict(item.record, _file=origin, _line=1)
            if item.kind == "event":
                corpus.events.append(record)
            elif item.kind == "figure":
                corpus.figures.append(record)
            elif item.kind == "relation":
                corpus.relations.append(record)
            else:
                record["kind"] = item.kind
                corpus.entities.append(record)
        kinds[item.item_id] = item.kind
    return corpus, kinds


def _remove_rows(conn: sqlite3.Connection, items: list[tuple[str, str]] | None) -> None:
    """Remove the compiled rows of ``(item id, kind)`` pairs (all the user's rows when ``None``)."""
    from cgt_desktop.core.catalog import search_index

    base = USER_ROWID_BASE
    if items is None:
        for table in TABLES:
            conn.execute(f"DELETE FROM {table} WHERE rowid >= ?", [base])
        conn.execute("DELETE FROM corrections")
        search_index.remove_items(conn, None)
        return
    indexed: list[str] = []
    for item_id, kind in items:
        if kind == "correction":
            conn.execute("DELETE FROM corrections WHERE item_id = ?", [item_id])
            continue
        if kind == "document":
            indexed += [r[0] for r in conn.execute("SELECT id FROM passages WHERE document_id = ? AND rowid >= ?",
                                                   [item_id, base])]
            for table in ("paragraphs", "passages"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ? AND rowid >= ?", [item_id, base])
        for table, column in (("entities", "id"), ("aliases", "entity_id"), ("event_details", "id"),
                              ("figure_details", "id"), ("document_details", "id"), ("relations", "id"),
                              ("citations", "fact_id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} = ? AND rowid >= ?", [item_id, base])
        indexed.append(item_id)
    search_index.remove_items(conn, indexed)


def _add_rows(conn: sqlite3.Connection, items: list[Item], report: OverlayReport) -> None:
    """Compile *items* into rows and the search index, each item whole or (refused) not at all."""
    from cgt_desktop.core.catalog import search_index
    from cgt_desktop.core.catalog.build import collect, search_items

    next_key: dict[str, int] = {}

    def key(table: str) -> int:
        if table not in next_key:
            (last,) = conn.execute(f"SELECT max(rowid) FROM {table} WHERE rowid >= ?", [USER_ROWID_BASE]).fetchone()
            next_key[table] = (last or USER_ROWID_BASE - 1) + 1
        next_key[table] += 1
        return next_key[table] - 1

    for item in items:
        if item.kind == "correction":
            _add_correction(conn, item, report)
            continue
        corpus, _ = _corpus_of([item])
        if corpus.problems:
            report.refused.append((item.item_id, str(corpus.problems[0])))
            continue
        rows = collect(corpus)
        conn.execute("SAVEPOINT item")
        saved = dict(next_key)
        try:
            for table in TABLES:
                for row in rows[table]:
                    columns = list(row)
                    conn.execute(f"INSERT INTO {table} (rowid, {', '.join(columns)}) VALUES "
                                 f"({', '.join('?' * (len(columns) + 1))})", [key(table), *row.values()])
            search_index.add_items(conn, search_items(rows))
        except (sqlite3.IntegrityError, ValueError) as exc:
            conn.execute("ROLLBACK TO item")
            next_key.clear()
            next_key.update(saved)
            why = "its id is taken by another item" if isinstance(exc, sqlite3.IntegrityError) else str(exc)
            report.refused.append((item.item_id, why))
        else:
            report.compiled += 1
            report.kinds.update(row["kind"] for row in rows["entities"])
            if rows["relations"]:
                report.kinds.add("relation")
        finally:
            conn.execute("RELEASE item")


def _add_correction(conn: sqlite3.Connection, item: Item, report: OverlayReport) -> None:
    """Compile one correction into the ``corrections`` table (a record without a target or field is refused)."""
    import json

    record = item.record
    if not isinstance(record.get("target"), str) or not isinstance(record.get("field"), str):
        report.refused.append((item.item_id, "a correction names its target and field"))
        return
    edited = getattr(item, "edited", "") or ""
    conn.execute("INSERT OR REPLACE INTO corrections (item_id, target, field, value, reference_value, passage, note, "
                 "sources, edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 [item.item_id, record["target"], record["field"], record.get("value"), record.get("reference_value"),
                  record.get("passage"), record.get("note") or "",
                  json.dumps(list(record.get("sources") or []), ensure_ascii=False), edited])
    report.compiled += 1


def _refresh_derived(conn: sqlite3.Connection, kinds: set[str]) -> None:
    """Recount the facets of *kinds* and store the timeline's and the mentions' tables again if they changed."""
    from cgt_desktop.core.catalog.lists import facet_count_sql
    from cgt_desktop.core.domain.kinds import MENTION_KINDS

    with _Transaction(conn):
        for kind in kinds & set(FACETS):
            conn.execute("DELETE FROM facet_counts WHERE kind = ?", [kind])
            for facet in FACETS[kind]:
                conn.execute("INSERT INTO facet_counts (kind, facet, value, n) SELECT ?, ?, v, n FROM "
                             f"({facet_count_sql(kind, facet)})", [kind, facet, kind])
    if "event" in kinds or "relation" in kinds:
        from cgt_desktop.core.catalog.timeline_columns import write_cache

        write_cache(conn)
    if kinds & set(MENTION_KINDS):
        from cgt_desktop.core.catalog.mention_cache import write_cache as write_mentions

        write_mentions(conn)


def _has_user_rows(conn: sqlite3.Connection) -> bool:
    return any(conn.execute(f"SELECT 1 FROM {table} WHERE rowid >= ? LIMIT 1", [USER_ROWID_BASE]).fetchone()
               for table in TABLES) or bool(conn.execute("SELECT 1 FROM corrections LIMIT 1").fetchone())


def _set_revision(conn: sqlite3.Connection, revision: str) -> None:
    with _Transaction(conn):
        conn.execute("INSERT OR REPLACE INTO build_info (key, value) VALUES (?, ?)", [REVISION_KEY, str(revision)])


def sync(path: Path, items: Iterable[Item], revision: str) -> OverlayReport | None:
    """Make the catalog's copy of the user's items whole again unless it is of *revision* already.

    Returns ``None`` when the copy was current, else what was compiled.
    """
    conn = _connect(path)
    try:
        if stored_revision(conn) == revision:
            return None
        items = list(items)
        if not items and not _has_user_rows(conn):  # nothing to copy, nothing to take out: write nothing
            return None
        report = OverlayReport(whole=True)
        touched = {kind for (kind,) in conn.execute(  # NOT INDEXED: a seek to the user's rows, not a scan
            "SELECT DISTINCT kind FROM entities NOT INDEXED WHERE rowid >= ?", [USER_ROWID_BASE])}
        if conn.execute("SELECT 1 FROM relations WHERE rowid >= ? LIMIT 1", [USER_ROWID_BASE]).fetchone():
            touched.add("relation")
        with _Transaction(conn):
            _remove_rows(conn, None)
            _add_rows(conn, items, report)
        _refresh_derived(conn, touched | report.kinds)
        _set_revision(conn, revision)
        return report
    finally:
        conn.close()


def apply(path: Path, removed: Iterable[tuple[str, str]], added: Iterable[Item], revision_before: str,
          revision: str, everything: Iterable[Item]) -> OverlayReport:
    """Change the copy by one operation: take out *removed* ``(item id, kind)``, compile *added*.

    If the copy is not of *revision_before* (it missed a change), it is made whole from *everything*
    instead. Either way it is then of *revision*.
    """
    conn = _connect(path)
    try:
        if stored_revision(conn) != revision_before:
            conn.close()
            return sync(path, everything, revision) or OverlayReport(whole=True)
        removed, added = list(removed), list(added)
        report = OverlayReport(kinds={kind if kind in FACETS else "relation" for _, kind in removed
                                      if kind != "correction"})
        with _Transaction(conn):
            _remove_rows(conn, removed)
            _add_rows(conn, added, report)
        _refresh_derived(conn, report.kinds)
        _set_revision(conn, revision)
        return report
    finally:
        conn.close()
