"""The catalog: the one read interface to everything a user browses, reference and user data alike.

:class:`Catalog` wraps one read-only connection to the derived database (``cache/reference.sqlite``)
and returns dataclasses and dicts, never cursors. That file holds the reference rows, built from
``db/``, and the rows of what the user added (imported documents, their own entries), compiled from
``user.sqlite`` by :mod:`cgt_desktop.core.catalog.overlay` with the same schema and row keys at and
above :data:`~cgt_desktop.core.catalog.schema.USER_ROWID_BASE`; so every list, page, search, timeline
and mention finds both through the same SQL, at the same speed. No module outside this package (and
:mod:`cgt_desktop.core.userdata` for the user's own database) runs SQL (``tests/core/test_architecture.py``). It reads through the plain ``sqlite3`` connection
(``store.conn``; :meth:`Catalog.query` gives rows as dicts): importing
``sqlite_utils`` pulls in numpy and click (0.1–0.4 s), which the first page a
user opens would otherwise wait for. ``store.db``, a :class:`sqlite_utils.Database`
over the same connection, is created on first use for scripts and tests. Filtering,
sorting and paging happen in SQL so that a list of 100 000 rows costs what a list
of 100 does.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from cgt_desktop.core.catalog.corrections import CorrectionsMixin
from cgt_desktop.core.catalog.lookups import LookupsMixin
from cgt_desktop.core.catalog.schema import USER_ROWID_BASE
from cgt_desktop.core.domain.ids import UnknownId
from cgt_desktop.core.domain.kinds import KINDS, TYPE_VOCABULARY
from cgt_desktop.core.catalog.lists import ListQuery, ListsMixin, _dicts, facet_count_sql, kind_joins

__all__ = ["Catalog", "ListQuery", "StoreError", "UnknownId", "facet_count_sql", "kind_joins"]

if TYPE_CHECKING:
    from cgt_desktop.core.domain.wording import Wording
    import sqlite_utils

    from cgt_desktop.core.domain.models import (
        Citation, EntityDetail, EntityPage, EventRow, RelationGroup, RelationView,
    )
    from cgt_desktop.core.catalog.search import Hit

# The page dataclasses (:mod:`cgt_desktop.core.domain.models`) are imported where they are built, and the search
# modules where they search: the app's first frame (its lists) needs none of them (~15 ms of the start).

class StoreError(Exception):
    """The reference database cannot be read (missing, damaged, wrong version)."""


class Catalog(ListsMixin, LookupsMixin, CorrectionsMixin):
    """Read-only access to the derived database: the reference rows and the user's, merged.

    The catalog caches what it reads once (counts, vocabulary, the mention matcher); a change to the
    user's rows (:mod:`cgt_desktop.core.ops`) calls :meth:`data_changed` so that it reads them again.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            built = conn.execute("SELECT value FROM build_info WHERE key = 'counts'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read the reference database {self.path}: {exc}") from exc
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self._vocab: dict[tuple[str, str], dict[str, Any]] | None = None
        self._counts: dict[str, int] | None = None
        self._matcher = None
        self._wording: Any = None
        self._name_words: Any = None
        self._built_counts: dict[str, int] | None = None
        try:  # the build recorded the count of each kind (a GROUP BY over all entities costs ~20 ms)
            found = json.loads(built[0]) if built else None
            if isinstance(found, dict) and all(isinstance(found.get(kind, 0), int) for kind in KINDS):
                self._built_counts = {kind: found.get(kind, 0) for kind in KINDS}
        except ValueError:
            pass
        self._facet_table = bool(conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facet_counts'").fetchone())

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Return the rows of *sql* as dicts keyed by column name (as ``sqlite_utils``' ``query`` would)."""
        return _dicts(self.conn.execute(sql, params))

    @property
    def db(self) -> sqlite_utils.Database:
        """A :class:`sqlite_utils.Database` over :attr:`conn`, created on first use (scripts, tests)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    # -- metadata ---------------------------------------------------------------------------
    def build_info(self) -> dict[str, Any]:
        info = {row["key"]: row["value"] for row in self.query("SELECT key, value FROM build_info")}
        if "counts" in info:
            info["counts"] = json.loads(info["counts"])
        return info

    def data_changed(self) -> None:
        """Forget what was read once: the user's rows changed (or the file was replaced)."""
        self._counts = None
        self._vocab = None
        self._matcher = None
        self._name_words = None

    def counts(self) -> dict[str, int]:
        """Return the number of entities of each kind, reference and user."""
        if self._counts is None:  # counted once per change
            if self._built_counts is not None:  # the reference's, as built, and the user's (a row key range)
                found = dict(self._built_counts)
                for kind, n in self.conn.execute("SELECT kind, count(*) FROM entities NOT INDEXED WHERE rowid >= ? "
                                                 "GROUP BY kind", [USER_ROWID_BASE]):
                    found[kind] = found.get(kind, 0) + n
            else:
                found = {k: n for k, n in self.conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind")}
            self._counts = {kind: found.get(kind, 0) for kind in KINDS}
        return dict(self._counts)

    def wording(self) -> Wording:
        """The rewriter of the editors' references ("per 002", "p06.s03") into readers' words (read once)."""
        if self._wording is None:
            from cgt_desktop.core.domain.wording import Wording, document_labels

            self._wording = Wording(document_labels(self.conn.execute(
                "SELECT key, coalesce(nullif(cite_en, ''), outlet_en), coalesce(nullif(cite_zh, ''), outlet_zh), "
                "date, approximate, date_stated FROM document_details WHERE id NOT LIKE 'document/~%'").fetchall()))
        return self._wording

    def vocabulary(self, group: str) -> dict[str, dict[str, Any]]:
        if self._vocab is None:
            self._vocab = {(r["grp"], r["key"]): r for r in _dicts(self.conn.execute("SELECT * FROM vocabulary"))}
        return {key: row for (grp, key), row in self._vocab.items() if grp == group}

    def label(self, group: str, key: str | None, lang: str = "en") -> str:
        row = self.vocabulary(group).get(key or "")
        return row[lang] if row else (key or "")

    # -- single items -----------------------------------------------------------------------
    def exists(self, item_id: str) -> bool:
        """Whether *item_id* is an entity, a sentence or a paragraph."""
        return bool(self.conn.execute("SELECT 1 FROM entities WHERE id = ? UNION ALL SELECT 1 FROM passages "
                                      "WHERE id = ? UNION ALL SELECT 1 FROM paragraphs WHERE id = ?",
                                      [item_id] * 3).fetchone())

    def names(self, ids: Iterable[str]) -> dict[str, tuple[str, str, str]]:
        """Return ``id -> (kind, name_en, name_zh)`` for the given ids."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return {r[0]: (r[1], r[2] or "", r[3] or "") for r in self.conn.execute(
            f"SELECT id, kind, name_en, name_zh FROM entities WHERE id IN ({marks})", ids)}

    def citations(self, fact_id: str) -> list[Citation]:
        """Return the passages that support *fact_id*, with both languages and the document."""
        rows = self.conn.execute(
            "SELECT c.passage_id FROM citations c WHERE c.fact_id = ? ORDER BY c.seq", [fact_id]).fetchall()
        return self.passages([r[0] for r in rows])

    def passages(self, passage_ids: Sequence[str]) -> list[Citation]:
        """Return sentence or paragraph passages by id, in the given order."""
        from cgt_desktop.core.domain.models import Citation

        out = []
        for pid in passage_ids:
            rows = self.conn.execute(
                "SELECT p.id, p.document_id, p.paragraph_id, p.orig, p.trans, p.lang, p.text_en, p.text_zh, "
                "e.name_en, e.name_zh, d.date, d.precision, coalesce(nullif(d.cite_en, ''), d.outlet_en), "
                "coalesce(nullif(d.cite_zh, ''), d.outlet_zh), d.approximate, "
                "p.trans_note_en, p.trans_note_zh, d.date_stated FROM passages p JOIN entities e ON e.id = p.document_id "
                "JOIN document_details d ON d.id = p.document_id WHERE p.id = ? OR p.paragraph_id = ? "
                "ORDER BY p.seq", [pid, pid]).fetchall()
            if not rows:
                continue
            first = rows[0]
            join = "" if first[5] == "zh" else " "
            other = " " if first[5] == "zh" else ""
            out.append(Citation(
                passage_id=pid, document_id=first[1], paragraph_id=first[2],
                orig=join.join(r[3].strip() for r in rows), trans=other.join(r[4].strip() for r in rows),
                lang=first[5], document_title_en=first[8] or "", document_title_zh=first[9] or "",
                document_date=first[10], document_precision=first[11], outlet_en=first[12] or "",
                outlet_zh=first[13] or "", document_approximate=bool(first[14]),
                trans_notes=tuple((r[15] or "", r[16] or "") for r in rows if r[15] or r[16]),
                document_date_stated=first[17] or ""))
        return out

    def _head(self, item_id: str) -> dict[str, Any]:
        """Return the fields every detail page starts with (names, type, description, aliases, sources).

        Raises:
            UnknownId: if there is no such entity.
        """
        row = self.conn.execute("SELECT * FROM entities WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise UnknownId(item_id)
        e = dict(zip([d[0] for d in self.conn.execute("SELECT * FROM entities LIMIT 0").description], row))
        group = TYPE_VOCABULARY.get(e["kind"])
        details: dict[str, Any] = {}
        table = {"event": "event_details", "figure": "figure_details", "document": "document_details"}.get(e["kind"])
        if table:
            details = next(iter(self.query(f"SELECT * FROM {table} WHERE id = ?", [item_id])), {})
        aliases = list(self.query("SELECT alias, type FROM aliases WHERE entity_id = ? ORDER BY rowid", [item_id]))
        return dict(
            id=e["id"], kind=e["kind"], name_en=e["name_en"] or "", name_zh=e["name_zh"] or "",
            name_en_status=e["name_en_status"], name_zh_status=e["name_zh_status"], subtype=e["subtype"] or "",
            subtype_en=self.label(group, e["subtype"], "en") if group else (e["subtype"] or ""),
            subtype_zh=self.label(group, e["subtype"], "zh") if group else (e["subtype"] or ""),
            desc_en=e["desc_en"] or "", desc_zh=e["desc_zh"] or "", aliases=aliases,
            sources=self.citations(item_id), details=details, file=e["file"], line=e["line"],
            corrections=self.corrections_of(item_id))

    def entity(self, item_id: str) -> EntityDetail:
        """Return everything about *item_id*: all relations with their citations, all events and figures.

        For the CLI, the dossier and the checks; a detail page wants :meth:`entity_page`.

        Raises:
            UnknownId: if there is no such entity.
        """
        from cgt_desktop.core.domain.models import EntityDetail

        head = self._head(item_id)
        kind = head["kind"]
        relations = self._relations(item_id)
        event_ids = [r.other_id for r in relations if r.other_kind == "event"]
        figure_ids = [r.other_id for r in relations if r.other_kind == "figure"]
        figure_ids += [r["id"] for r in self.query("SELECT id FROM figure_details WHERE subject = ?", [item_id])]
        return EntityDetail(
            **head, relations=[r for r in relations if r.other_kind not in ("event", "figure")
                               or kind in ("event", "figure")],
            events=self.events_by_id(event_ids), figures=self.figures_by_id(list(dict.fromkeys(figure_ids))))

    def _relations(self, item_id: str) -> list[RelationView]:
        from cgt_desktop.core.domain.models import RelationView

        sql = ("SELECT r.*, CASE WHEN r.subject = :id THEN 0 ELSE 1 END AS inverse, o.id AS other_id, "
               "o.kind AS other_kind, o.name_en AS other_en, o.name_zh AS other_zh, v.en, v.zh, v.inverse_en, "
               "v.inverse_zh FROM relations r JOIN entities o ON o.id = CASE WHEN r.subject = :id THEN r.object "
               "ELSE r.subject END LEFT JOIN vocabulary v ON v.grp = 'predicates' AND v.key = r.predicate "
               "WHERE r.subject = :id OR r.object = :id ORDER BY r.predicate, inverse, o.name_en")
        sources: dict[str, list[str]] = {}
        for fact, passage in self.conn.execute(  # one query for all of them (hubs have thousands)
                "SELECT c.fact_id, c.passage_id FROM citations c WHERE c.fact_id IN (SELECT id FROM relations "
                "WHERE subject = :id UNION SELECT id FROM relations WHERE object = :id) ORDER BY c.fact_id, c.seq",
                {"id": item_id}):
            sources.setdefault(fact, []).append(passage)
        out = []
        for r in self.query(sql, {"id": item_id}):
            inverse = bool(r["inverse"])
            out.append(RelationView(
                id=r["id"], predicate=r["predicate"], inverse=inverse,
                label_en=(r["inverse_en"] if inverse else r["en"]) or r["predicate"],
                label_zh=(r["inverse_zh"] if inverse else r["zh"]) or r["predicate"],
                other_id=r["other_id"], other_kind=r["other_kind"], other_name_en=r["other_en"] or "",
                other_name_zh=r["other_zh"] or "", role_en=r["role_en"] or "", role_zh=r["role_zh"] or "",
                start=r["start"], end=r["end"], note=r["note"] or "", sources=sources.get(r["id"], [])))
        return out

    # -- detail pages: counts and the first rows of each list -------------------------------
    def entity_page(self, item_id: str, limit: int | None = 50, expand: Iterable[str] = ()) -> EntityPage:
        """Return what the detail page of *item_id* shows: each list's total and its first *limit* rows.

        Relations come in :class:`RelationGroup` s (predicate and direction, ordered by the other
        end's name), each with its ``total``; events and figures with ``event_total`` and
        ``figure_total``. Only the rows returned are read in full, with their citations, so a
        hub with thousands of relations costs about what one with a hundred does.

        Args:
            limit: rows per list (at least 1), or ``None`` for every row.
            expand: lists to return whole anyway: relation group keys (``RelationGroup.key``),
                ``"events"``, ``"figures"``.

        Raises:
            UnknownId: if there is no such entity.
        """
        from cgt_desktop.core.domain.models import EntityPage

        head = self._head(item_id)
        expand = set(expand)
        if limit is not None and limit < 1:
            raise ValueError(f"limit must be at least 1 or None, not {limit}")
        groups, linked = self._relation_groups(item_id, limit, expand, head["kind"] in ("event", "figure"))
        events, n_events = self._linked_events(linked["event"], None if "events" in expand else limit)
        figures, n_figures = self._linked_figures(item_id, linked["figure"], None if "figures" in expand else limit)
        return EntityPage(**head, relation_groups=groups, events=events, event_total=n_events,
                          figures=figures, figure_total=n_figures)

    def _relation_groups(self, item_id: str, limit: int | None, expand: set[str], with_linked: bool
                         ) -> tuple[list[RelationGroup], dict[str, list[str]]]:
        """Return the relation groups of *item_id* and the ids of its events and figures.

        One light query lists every relation of the entity (row id, group) sorted as the page
        shows them; the groups are counted and cut from that stream, and only the rows kept
        are read in full, with their citations. (A window function ranks them in SQL too, but
        twice as slowly on SQLite 3.40.) Events and figures have their own sections, so they
        are not among the groups unless *with_linked* (the pages of events and figures).
        """
        from cgt_desktop.core.domain.models import RelationGroup, RelationView

        asymmetric = ",".join("'" + key.replace("'", "''") + "'" for key, v in self.vocabulary("predicates").items()
                              if (v["inverse_en"], v["inverse_zh"]) != (v["en"], v["zh"]))
        side = f"(r.subject != :id AND r.predicate IN ({asymmetric}))"  # a symmetric predicate: one group
        listed = "(:with_linked OR o.kind NOT IN ('event', 'figure'))"
        other = "CASE WHEN r.subject = :id THEN r.object ELSE r.subject END"
        stream = self.conn.execute(
            f"SELECT r.rowid, r.predicate, {side}, {listed}, o.kind, CASE WHEN o.kind IN ('event', 'figure') "
            f"THEN o.id END FROM relations r JOIN entities o ON o.id = {other} WHERE r.subject = :id OR "
            f"r.object = :id ORDER BY {listed} DESC, r.predicate, {side}, o.name_en, o.id",
            {"id": item_id, "with_linked": with_linked}).fetchall()
        totals: dict[tuple[str, int], int] = {}
        wanted: list[int] = []
        linked: dict[str, list[str]] = {"event": [], "figure": []}
        for rowid, predicate, inverse, shown, kind, other_id in stream:
            if other_id is not None:
                linked[kind].append(other_id)
            if shown:
                n = totals[predicate, inverse] = totals.get((predicate, inverse), 0) + 1
                if limit is None or n <= limit or f"{predicate}/{'inverse' if inverse else 'forward'}" in expand:
                    wanted.append(rowid)
        rows = {r[0]: r for r in self.conn.execute(
            f"SELECT r.rowid, r.id, r.predicate, r.subject != :id, {side}, o.id, o.kind, o.name_en, o.name_zh, "
            f"r.role_en, r.role_zh, r.start, r.\"end\", r.note, v.en, v.zh, v.inverse_en, v.inverse_zh "
            f"FROM relations r JOIN entities o ON o.id = {other} LEFT JOIN vocabulary v ON v.grp = 'predicates' "
            f"AND v.key = r.predicate WHERE r.rowid IN (SELECT value FROM json_each(:rowids))",
            {"id": item_id, "rowids": json.dumps(wanted)})}
        sources: dict[str, list[str]] = {}
        for fact, passage in self.conn.execute(
                "SELECT fact_id, passage_id FROM citations WHERE fact_id IN (SELECT value FROM json_each(?)) "
                "ORDER BY fact_id, seq", [json.dumps([r[1] for r in rows.values()])]):
            sources.setdefault(fact, []).append(passage)
        groups: list[RelationGroup] = []
        for (_, rid, predicate, inverse, side_, other_id, kind, other_en, other_zh, role_en, role_zh, start, end,
             note, en, zh, inverse_en, inverse_zh) in (rows[rowid] for rowid in wanted):
            if not groups or (groups[-1].predicate, groups[-1].inverse) != (predicate, bool(side_)):
                groups.append(RelationGroup(
                    predicate=predicate, inverse=bool(side_), label_en=(inverse_en if side_ else en) or predicate,
                    label_zh=(inverse_zh if side_ else zh) or predicate, total=totals[predicate, side_],
                    relations=[]))
            groups[-1].relations.append(RelationView(
                id=rid, predicate=predicate, inverse=bool(inverse),
                label_en=(inverse_en if inverse else en) or predicate, label_zh=(inverse_zh if inverse else zh)
                or predicate, other_id=other_id, other_kind=kind, other_name_en=other_en or "",
                other_name_zh=other_zh or "", role_en=role_en or "", role_zh=role_zh or "", start=start, end=end,
                note=note or "", sources=sources.get(rid, [])))
        return groups, linked

    def _linked_events(self, ids: list[str], limit: int | None) -> tuple[list[EventRow], int]:
        """Return the first *limit* of the events *ids* in date order, and how many there are."""
        found = self.conn.execute(
            "SELECT d.id, count(*) OVER () FROM event_details d WHERE d.id IN (SELECT value FROM json_each(?)) "
            "ORDER BY d.span_start IS NULL, d.span_start, d.span_end, d.id LIMIT ?",
            [json.dumps(ids), -1 if limit is None else limit]).fetchall()
        return self.events_by_id([r[0] for r in found]), (found[0][1] if found else 0)

    def _linked_figures(self, item_id: str, ids: list[str], limit: int | None) -> tuple[list[dict[str, Any]], int]:
        """Return the first *limit* of the figures *ids* and those about *item_id*, and how many there are."""
        found = self.conn.execute(
            "SELECT f.id, count(*) OVER () FROM figures f WHERE f.id IN (SELECT value FROM json_each(?) "
            "UNION SELECT id FROM figure_details WHERE subject = ?) ORDER BY f.as_of, f.id LIMIT ?",
            [json.dumps(ids), item_id, -1 if limit is None else limit]).fetchall()
        return self.figures_by_id([r[0] for r in found]), (found[0][1] if found else 0)

    def related_event_ids(self, item_id: str) -> list[str]:
        """Return the ids of the events related to *item_id* (what the timeline marks for a page)."""
        return [r[0] for r in self.conn.execute(
            "SELECT o.id FROM relations r JOIN entities o ON o.id = r.object WHERE r.subject = :id "
            "AND o.kind = 'event' UNION SELECT s.id FROM relations r JOIN entities s ON s.id = r.subject "
            "WHERE r.object = :id AND s.kind = 'event'", {"id": item_id})]

    def events_by_id(self, ids: Sequence[str]) -> list[EventRow]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._event_rows(f"e.id IN ({marks})", list(ids))

    def figures_by_id(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = list(self.query(f"SELECT * FROM figures WHERE id IN ({marks}) ORDER BY as_of, id", list(ids)))
        sources: dict[str, list[str]] = {}
        for fact, passage in self.conn.execute(  # the cited passages that exist (as citations() finds them)
                "SELECT c.fact_id, c.passage_id FROM citations c WHERE c.fact_id IN (SELECT value FROM json_each(?)) "
                "AND (EXISTS (SELECT 1 FROM passages p WHERE p.id = c.passage_id) OR EXISTS (SELECT 1 FROM "
                "passages p WHERE p.paragraph_id = c.passage_id)) ORDER BY c.fact_id, c.seq", [json.dumps(list(ids))]):
            sources.setdefault(fact, []).append(passage)
        for row in rows:
            row["sources"] = sources.get(row["id"], [])
        return rows

    def _event_rows(self, where: str, params: list[Any]) -> list[EventRow]:
        from cgt_desktop.core.domain.models import EventRow

        sql = (f"SELECT e.id, e.name_en, e.name_zh, d.category, d.date, d.\"end\", d.precision, d.approximate, "
               f"d.date_stated, d.date_note, d.span_start, d.span_end, d.bound FROM entities e JOIN event_details d "
               f"ON d.id = e.id WHERE {where} ORDER BY d.span_start IS NULL, d.span_start, d.span_end, e.id")
        rows = self.conn.execute(sql, params).fetchall()
        sources: dict[str, list[str]] = {}
        ids = [r[0] for r in rows]
        if len(ids) > 5000:  # the whole timeline: one range scan beats hundreds of IN (...) queries
            wanted = set(ids)
            for fact, passage in self.conn.execute(
                    "SELECT fact_id, passage_id FROM citations WHERE fact_id >= 'event/' AND fact_id < 'event0' "
                    "ORDER BY fact_id, seq"):
                if fact in wanted:
                    sources.setdefault(fact, []).append(passage)
            ids = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk:chunk + 500]
            for fact, passage in self.conn.execute(
                    f"SELECT fact_id, passage_id FROM citations WHERE fact_id IN ({','.join('?' * len(part))}) "
                    "ORDER BY fact_id, seq", part):
                sources.setdefault(fact, []).append(passage)
        return [EventRow(id=r[0], title_en=r[1] or "", title_zh=r[2] or "", category=r[3], date=r[4], end=r[5],
                         precision=r[6], approximate=bool(r[7]), date_stated=r[8] or "", date_note=r[9] or "",
                         span_start=r[10], span_end=r[11], sources=sources.get(r[0], []), bound=r[12]) for r in rows]

    def timeline(self, year_from: int | None = None, year_to: int | None = None,
                 category: str | None = None, include_undated: bool = True) -> list[EventRow]:
        """Return events overlapping the years, dated first in date order, then the undated ones."""
        from cgt_desktop.core.catalog.timeline_columns import span_filter

        where, params = span_filter(year_from, year_to, include_undated, table="d")
        if category:
            where, params = f"d.category = ? AND {where}", [category, *params]
        return self._event_rows(where, params)

    def timeline_columns(self, year_from: int | None = None, year_to: int | None = None,
                         include_undated: bool = True) -> dict[str, Any]:
        """Return the events of :meth:`timeline` as columns, in the same order, for drawing many events.

        See :func:`~cgt_desktop.core.catalog.timeline_columns.read_columns`: ``id``, ``category``, ``precision``,
        ``start``, ``end``, ``approximate``. The Timeline tab's own read comes from the copy the build
        stored (100 000 events: ~30 ms instead of ~0.35 s).
        """
        from cgt_desktop.core.catalog.timeline_columns import read_cache, read_columns

        cached = read_cache(self.conn, year_from, year_to, include_undated)
        return cached if cached is not None else read_columns(self.conn, year_from, year_to, include_undated)

    def timeline_text_ids(self, text: str) -> set[str]:
        """Return the ids of events whose titles, stated date, id or date contain every word of *text*.

        Case-insensitive (``casefold``) plain substrings, as the timeline's filter box promises; the
        rows are streamed, so searching 100 000 events holds no copy of their texts.
        """
        words = text.strip().casefold().split()
        rows = self.conn.execute("SELECT e.id, e.name_en, e.name_zh, d.date_stated, d.date FROM event_details d "
                               "JOIN entities e ON e.id = d.id")
        found = set()
        for r in rows:
            hay = " ".join((r[1] or "", r[2] or "", r[3] or "", r[0], r[4] or "")).casefold()
            if all(word in hay for word in words):
                found.add(r[0])
        return found

    def name_words(self) -> Any:
        """The words of every name, for "did you mean" (read on first use; see :mod:`.suggest`)."""
        if self._name_words is None:
            from cgt_desktop.core.catalog.suggest import NameWords

            self._name_words = NameWords(self.conn)
        return self._name_words

    def suggest(self, text: str, limit: int = 5) -> list[Any]:
        """Items named nearly as *text* (a misspelling: "Zhangjang"), for a search that found nothing."""
        from cgt_desktop.core.catalog.suggest import suggest

        return suggest(self, text, limit)

    def search(self, query: str, *, kind: str | None = None, limit: int = 20,
               prefix_last: bool = False) -> list[Hit]:
        """Full-text search over names, aliases, descriptions and document text (both languages)."""
        from cgt_desktop.core.catalog import search as search_mod

        return search_mod.search(self, query, kind=kind, limit=limit, prefix_last=prefix_last)

