"""The catalog's small lookups: documents as the reader shows them, links for the timeline,
anchors for annotations, the mention matcher, and what the dossier and the CLI ask of passages.

Mixed into :class:`~cgt_desktop.core.catalog.store.Catalog`; every method reads the merged
reference and user rows through its connection, so a user's imported document or own entry is
found by each of them exactly as a reference one is.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from cgt_desktop.core.domain.ids import UnknownId, kind_of

if TYPE_CHECKING:
    from cgt_desktop.core.text.mentions import MentionMatcher

_CHUNK = 400


class LookupsMixin:
    """Lookups over ``self.conn`` (see the module docstring)."""

    conn: sqlite3.Connection
    _matcher: MentionMatcher | None

    def _chunked(self, sql: str, ids: Iterable[str]) -> list[tuple[Any, ...]]:
        """Run *sql* (with ``{marks}`` for the ids, possibly repeated) over *ids* in chunks."""
        ids = list(dict.fromkeys(ids))
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), _CHUNK):
            part = ids[start:start + _CHUNK]
            rows += self.conn.execute(sql.format(marks=",".join("?" * len(part))),
                                      part * sql.count("{marks}")).fetchall()
        return rows

    # -- documents ------------------------------------------------------------------------
    def document(self, doc_id: str) -> dict[str, Any]:
        """Return a document's metadata, its paragraphs and their aligned sentences in reading order.

        Read as tuples: building a dict per row through sqlite-utils costs ~140 ms for a 6 000-sentence
        document; this reads the same rows in ~15 ms.

        Raises:
            UnknownId: if there is no such document.
        """
        cur = self.conn.execute("SELECT * FROM documents WHERE id = ?", [doc_id])
        row = cur.fetchone()
        if row is None:
            raise UnknownId(doc_id)
        meta = dict(zip([d[0] for d in cur.description], row))
        paragraphs = [{"id": i, "document_id": doc_id, "seq": seq, "role": role, "repeat_of": rep,
                       "repeat_note": note or "", "sentences": []}
                      for i, seq, role, rep, note in self.conn.execute(
                          "SELECT id, seq, role, repeat_of, repeat_note FROM paragraphs WHERE document_id = ? "
                          "ORDER BY seq", [doc_id])]
        by_id = {p["id"]: p["sentences"] for p in paragraphs}
        for sid, pid, orig, trans, role, confidence, note_en, note_zh in self.conn.execute(
                "SELECT id, paragraph_id, orig, trans, role, confidence, trans_note_en, trans_note_zh FROM passages "
                "WHERE document_id = ? ORDER BY seq", [doc_id]):
            target = by_id.get(pid)
            if target is not None:
                target.append({"id": sid, "paragraph_id": pid, "orig": orig, "trans": trans, "role": role,
                               "confidence": confidence, "trans_note_en": note_en, "trans_note_zh": note_zh})
        meta["paragraphs"] = paragraphs
        return meta

    def document_list(self) -> list[dict[str, Any]]:
        """Every document (reference and imported) in date order, undated last: what ``documents`` lists."""
        cur = self.conn.execute(
            "SELECT e.id, e.name_en, e.name_zh, e.name_en_status, e.name_zh_status, d.lang, d.date, d.approximate, "
            "d.date_stated, d.outlet_en, d.outlet_zh, d.sentence_count, d.source_file FROM entities e "
            "JOIN document_details d ON d.id = e.id ORDER BY d.date IS NULL, d.date, e.id")
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def document_source_meta(self, doc_id: str) -> dict[str, Any]:
        """Return what a citation list shows of a document: name statuses, outlets, approximate date."""
        cur = self.conn.execute(
            "SELECT e.name_en_status, e.name_zh_status, d.outlet_en, d.outlet_zh, d.approximate "
            "FROM entities e JOIN documents d ON d.id = e.id WHERE e.id = ?", [doc_id])
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row)) if row else {}

    def paragraph_sentence_ids(self, paragraph_id: str) -> list[str]:
        """Return the ids of a paragraph's sentences in reading order."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM passages WHERE paragraph_id = ? ORDER BY seq", [paragraph_id])]

    def passage_texts(self, passage_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """Return ``sentence id -> (orig, trans)`` for the ids that are sentences."""
        return {pid: (orig or "", trans or "") for pid, orig, trans in self._chunked(
            "SELECT id, orig, trans FROM passages WHERE id IN ({marks})", passage_ids)}

    def existing_ids(self, item_ids: Iterable[str]) -> set[str]:
        """Return those of *item_ids* that name an entity, a sentence or a paragraph."""
        return {row[0] for row in self._chunked(
            "SELECT id FROM entities WHERE id IN ({marks}) UNION SELECT id FROM passages WHERE id IN ({marks}) "
            "UNION SELECT id FROM paragraphs WHERE id IN ({marks})", item_ids)}

    # -- the timeline's links ----------------------------------------------------------------
    def event_links(self, kind: str) -> dict[str, list[str]]:
        """Return event id -> ids of the entities of *kind* it is linked to by a relation (either direction)."""
        sql = ("SELECT r.subject, r.object FROM relations r JOIN entities ev ON ev.id = r.subject "
               "JOIN entities x ON x.id = r.object WHERE ev.kind = 'event' AND x.kind = ? "
               "UNION SELECT r.object, r.subject FROM relations r JOIN entities ev ON ev.id = r.object "
               "JOIN entities x ON x.id = r.subject WHERE ev.kind = 'event' AND x.kind = ?")
        links: dict[str, list[str]] = {}
        for event_id, entity_id in self.conn.execute(sql, [kind, kind]).fetchall():
            targets = links.setdefault(event_id, [])
            if entity_id not in targets:
                targets.append(entity_id)
        return links

    def events_linked_to(self, entity_ids: Sequence[str]) -> set[str]:
        """Return the ids of events linked by a relation to any of *entity_ids* (events among them included)."""
        ids = list(dict.fromkeys(entity_ids))
        found = {i for i in ids if kind_of(i) == "event"}
        found.update(row[0] for row in self._chunked(
            "SELECT r.subject FROM relations r JOIN entities e ON e.id = r.subject WHERE e.kind = 'event' "
            "AND r.object IN ({marks}) UNION SELECT r.object FROM relations r JOIN entities e ON e.id = r.object "
            "WHERE e.kind = 'event' AND r.subject IN ({marks})", ids))
        return found

    def entities_named(self, kind: str, names: Iterable[str]) -> list[str]:
        """The ids of entities of *kind* whose English (any case) or Chinese name is one of *names*."""
        found: list[str] = []
        for name in dict.fromkeys(n for n in names if n):
            found += [r[0] for r in self.conn.execute(
                "SELECT id FROM entities WHERE kind = ? AND name_en = ? COLLATE NOCASE UNION "
                "SELECT id FROM entities WHERE kind = ? AND name_zh = ?", [kind, name, kind, name])]
        return list(dict.fromkeys(found))

    def name_pairs(self) -> list[tuple[str, str]]:
        """``(Chinese, English)`` names of the entities that have both (the aligner's own dictionary)."""
        return [(zh, en) for zh, en in self.conn.execute(
            "SELECT name_zh, name_en FROM entities WHERE kind IN ('person', 'organization', 'place', 'policy', "
            "'technology') AND name_zh != '' AND name_en != ''")]

    def mentioned_in(self, entity_id: str, candidates: int = 300) -> list[dict[str, Any]]:
        """The documents whose passages name *entity_id* (as the reader links it), most mentions first.

        Passages holding one of its names are found in the search index (at most *candidates* per name),
        then kept only where the mention matcher links that very entity (so "cell" in a sentence is not a
        mention of the journal *Cell*). Each: ``id``, ``title_en``, ``title_zh``, ``count``, ``first``
        (the first passage naming it).
        """
        from cgt_desktop.core.catalog.search import passages_matching

        row = self.conn.execute("SELECT name_en, name_zh FROM entities WHERE id = ?", [entity_id]).fetchone()
        if row is None:
            return []
        names = [n for n in (*row, *(a for (a,) in self.conn.execute(
            "SELECT alias FROM aliases WHERE entity_id = ?", [entity_id]))) if n and len(n) > 1]
        found: dict[str, str] = {}
        for name in dict.fromkeys(names):
            for passage, doc in passages_matching(self, name, candidates):
                found.setdefault(passage, doc)
        texts = self.passage_texts(found)
        matcher = self.mention_matcher()
        counts: dict[str, list[str]] = {}
        folded = [n.casefold() for n in names]
        for passage, doc in found.items():
            orig, trans = texts.get(passage, ("", ""))
            sides = [text for text in (orig, trans) if any(n in text.casefold() for n in folded)]  # cheap first
            if any(e == entity_id for text in sides for _s, _e, e in matcher.find(text, passage)):
                counts.setdefault(doc, []).append(passage)
        if not counts:
            return []
        titles = self.names(counts)
        out = [{"id": doc, "title_en": titles.get(doc, ("", "", ""))[1], "title_zh": titles.get(doc, ("", "", ""))[2],
                "count": len(passages), "first": min(passages)} for doc, passages in counts.items()]
        return sorted(out, key=lambda d: (-d["count"], d["id"]))

    # -- the user's items ------------------------------------------------------------------
    def user_revision(self) -> str | None:
        """Which revision of the user's items this file holds a copy of (``None``: none was ever copied)."""
        row = self.conn.execute("SELECT value FROM build_info WHERE key = 'user_revision'").fetchone()
        return str(row[0]) if row else None

    def has_user_rows(self) -> bool:
        """Whether the file holds any of the user's rows (a cheap check: row keys in a range)."""
        from cgt_desktop.core.catalog.schema import USER_ROWID_BASE

        return any(self.conn.execute(f"SELECT 1 FROM {table} WHERE rowid >= ? LIMIT 1", [USER_ROWID_BASE]
                                     ).fetchone() for table in ("entities", "relations", "passages"))

    # -- mentions -----------------------------------------------------------------------------
    def mention_matcher(self) -> MentionMatcher:
        """Return the matcher of every entity's names (reference and user), made once per change."""
        if self._matcher is None:
            from cgt_desktop.core.catalog.mention_cache import read_cache, matcher_of

            self._matcher = read_cache(self.conn) or matcher_of(self.conn)
            self._matcher.refused = self.refused_mentions()  # type: ignore[attr-defined]  # (CorrectionsMixin)
        return self._matcher


def json_ids(ids: Iterable[str]) -> str:
    """*ids* as a JSON list, for ``json_each`` (one parameter whatever the count)."""
    return json.dumps(list(ids))
