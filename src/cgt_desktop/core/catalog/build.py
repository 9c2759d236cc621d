"""Compile the corpus sources into the reference database (``cgt-desktop build-db``).

The database is written to a temporary file beside the target and renamed over
it only when complete, so a crash mid-build leaves the previous database in
place and a reader never sees half a build. ``build_info.content_hash`` records
which sources it was built from; :func:`~cgt_desktop.core.catalog.refresh.ensure_reference_db` rebuilds only when
that hash no longer matches (or the file is damaged).

The schema is documented in the README ("The reference database"). It uses
plain tables and views and FTS5 with the built-in ``unicode61`` tokenizer over
pre-tokenized text, so ``sqlite3``, the ``sqlite-utils`` CLI and Datasette can
open the file as it is.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cgt_desktop.core.catalog import search_index
from cgt_desktop.core.corpus.sources import Corpus, load_corpus, relation_id
from cgt_desktop.core.domain.dates import BOUNDS, DateError, event_span, precision_of
from cgt_desktop.core.catalog.freshness import BuildReport, content_hash, row_counts, schema_objects, source_stamp
from cgt_desktop.core.domain.kinds import FACETS
from cgt_desktop.core.system.outputs import create_temp, remove_temp
from cgt_desktop.core.text.mentions import MENTION_RULES
from cgt_desktop.core.catalog.mention_cache import write_cache as write_mention_cache
from cgt_desktop.core.catalog.store import facet_count_sql
from cgt_desktop.core.catalog.schema import SCHEMA_VERSION, VIEWS, create_indexes, create_tables
from cgt_desktop.core.catalog.timeline_columns import write_cache as write_timeline_cache

PINYIN_KINDS = ("person", "organization", "place", "policy", "technology")
AFFILIATION_PREDICATES = ("heads", "chairs", "deputy_head", "works_at", "founded", "member_of", "formerly_at")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _safe_span(start: Any, end: Any = None):
    try:
        return event_span(start or None, end or None)
    except DateError:
        return None


def _safe_precision(start: Any, end: Any = None) -> str:
    try:
        return precision_of(start or None, end or None)
    except DateError:
        return "unknown"


#: An event's or a figure's title is the editors' (or the user's) description of the fact, never a name a
#: source prints: its status is ``title`` (``attested`` and ``editor`` are for names).
TITLE_STATUS = "title"


def _entity_row(record: dict[str, Any], kind: str, name_en: str, name_zh: str, subtype: str,
                sort_date: str | None) -> dict[str, Any]:
    named = "attested" if kind not in ("event", "figure") else TITLE_STATUS
    return {
        "id": record["id"], "kind": kind, "name_en": name_en, "name_zh": name_zh,
        "name_en_status": record.get("name_en_status") or (named if name_en else "unknown"),
        "name_zh_status": record.get("name_zh_status") or (named if name_zh else "unknown"),
        "subtype": subtype, "desc_en": _text(record.get("desc_en")), "desc_zh": _text(record.get("desc_zh")),
        "sort_date": sort_date, "year": int(sort_date[:4]) if sort_date else None,
        "source_count": len(record.get("sources") or []), "org_id": None, "place_id": None,
        "org_name_en": None, "org_name_zh": None, "place_name_en": None, "place_name_zh": None,
        "file": record.get("_file"), "line": record.get("_line"),
        "mention": record.get("mention") if record.get("mention") in MENTION_RULES else None,
    }


def collect(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    """Turn corpus records into table rows."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "entities", "aliases", "event_details", "figure_details", "document_details",
        "paragraphs", "passages", "relations", "citations", "vocabulary")}
    seen: set[str] = set()

    def cite(fact_id: str, record: dict[str, Any]) -> None:
        sources = record.get("sources")
        for seq, source in enumerate(sources if isinstance(sources, list) else [], start=1):
            rows["citations"].append({"fact_id": fact_id, "passage_id": source, "seq": seq})

    for doc in corpus.documents:
        meta, lang = doc.meta, doc.meta.get("lang", "en")
        if not doc.id or doc.id in seen:
            continue
        seen.add(doc.id)
        title_orig = _text(meta.get("title_zh") if lang == "zh" else meta.get("title_en"))
        row = _entity_row(meta, "document", _text(meta.get("title_en")), _text(meta.get("title_zh")),
                          lang, _text(meta.get("date")) or None)
        if meta.get("title_status") == TITLE_STATUS:  # the source has no headline: the editors wrote both
            row["name_en_status"] = row["name_zh_status"] = TITLE_STATUS
        else:
            row["name_en_status"] = "attested" if lang == "en" else "editor"
            row["name_zh_status"] = "attested" if lang == "zh" else "editor"
        row["source_count"] = len(doc.sentences)
        rows["entities"].append(row)
        rows["document_details"].append({
            "id": doc.id, "key": doc.key, "lang": lang, "title_orig": title_orig,
            "outlet_en": _text(meta.get("outlet_en")), "outlet_zh": _text(meta.get("outlet_zh")),
            "cite_en": _text(meta.get("cite_en")), "cite_zh": _text(meta.get("cite_zh")),
            "date": meta.get("date"), "precision": _safe_precision(meta.get("date")),
            "approximate": bool(meta.get("date_approximate")),
            "date_stated": _text(meta.get("date_stated")), "date_note": _text(meta.get("date_note")),
            "translator": _text(meta.get("translator")), "translation_note": _text(meta.get("translation_note")),
            "source_file": _text(meta.get("source_file")), "paragraph_count": len(doc.paragraphs),
            "sentence_count": len(doc.sentences)})
        roles = {}
        for para in doc.paragraphs:
            roles[para.get("id")] = para.get("role", "body")
            rows["paragraphs"].append({
                "id": para.get("id"), "document_id": doc.id, "seq": para["seq"], "role": para.get("role", "body"),
                "repeat_of": para.get("repeat_of"), "repeat_note": _text(para.get("repeat_note"))})
        for sentence in doc.sentences:
            orig, trans = _text(sentence.get("orig")), _text(sentence.get("trans"))
            rows["passages"].append({
                "id": sentence.get("id"), "document_id": doc.id, "paragraph_id": sentence["paragraph_id"],
                "seq": sentence["seq"], "orig": orig, "trans": trans, "lang": lang,
                "text_en": orig if lang == "en" else trans, "text_zh": orig if lang == "zh" else trans,
                "role": roles.get(sentence["paragraph_id"], "body"),
                "trans_note_en": _text(sentence.get("trans_note_en")) or None,
                "trans_note_zh": _text(sentence.get("trans_note_zh")) or None,
                "confidence": sentence.get("confidence") if isinstance(sentence.get("confidence"), (int, float))
                else None})

    for record in corpus.entities:
        rid = record.get("id")
        if not isinstance(rid, str) or rid in seen:
            continue
        seen.add(rid)
        rows["entities"].append(_entity_row(record, record["kind"], _text(record.get("name_en")),
                                            _text(record.get("name_zh")), _text(record.get("type")), None))
        aliases = record.get("aliases")
        for alias in aliases if isinstance(aliases, list) else []:
            if isinstance(alias, dict) and alias.get("text"):
                rows["aliases"].append({"entity_id": rid, "alias": alias["text"], "type": alias.get("type", "variant")})
        cite(rid, record)

    for record in corpus.events:
        rid = record.get("id")
        if not isinstance(rid, str) or rid in seen:
            continue
        seen.add(rid)
        start, end = record.get("date"), record.get("end")
        span = _safe_span(start, end)
        rows["entities"].append(_entity_row(record, "event", _text(record.get("title_en")),
                                            _text(record.get("title_zh")), _text(record.get("category")),
                                            span.start.isoformat() if span else None))
        rows["event_details"].append({
            "id": rid, "category": record.get("category"), "date": start, "end": end,
            "precision": _safe_precision(start, end), "approximate": bool(record.get("approximate")),
            "bound": record.get("bound") if record.get("bound") in BOUNDS else None,
            "date_stated": _text(record.get("date_stated")), "date_note": _text(record.get("date_note")),
            "span_start": span.start.isoformat() if span else None,
            "span_end": span.end.isoformat() if span else None})
        cite(rid, record)

    for record in corpus.figures:
        rid = record.get("id")
        if not isinstance(rid, str) or rid in seen:
            continue
        seen.add(rid)
        span = _safe_span(record.get("as_of"))
        rows["entities"].append(_entity_row(record, "figure", _text(record.get("label_en")),
                                            _text(record.get("label_zh")), _text(record.get("unit")),
                                            span.start.isoformat() if span else None))
        value = record.get("value")
        rows["figure_details"].append({
            "id": rid, "value": value if isinstance(value, (int, float)) else None, "unit": record.get("unit"),
            "value_stated": _text(record.get("value_stated")), "qualifier": _text(record.get("qualifier")),
            "as_of": record.get("as_of"), "period": _text(record.get("period")),
            "scope_en": _text(record.get("scope_en")), "scope_zh": _text(record.get("scope_zh")),
            "subject": record.get("subject")})
        cite(rid, record)

    for record in corpus.relations:
        rid = relation_id(record)
        if rid in seen:
            continue
        seen.add(rid)
        rows["relations"].append({
            "id": rid, "subject": record.get("subject"), "predicate": record.get("predicate"),
            "object": record.get("object"), "role_en": _text(record.get("role_en")),
            "role_zh": _text(record.get("role_zh")), "start": record.get("start"), "end": record.get("end"),
            "note": _text(record.get("note")), "file": record.get("_file"), "line": record.get("_line")})
        cite(rid, record)

    for group, entries in corpus.vocabulary.items():
        for key, labels in (entries or {}).items():
            rows["vocabulary"].append({
                "grp": group, "key": key, "en": labels.get("en", key), "zh": labels.get("zh", key),
                "inverse_en": labels.get("inverse_en"), "inverse_zh": labels.get("inverse_zh")})
    _derive_context(rows)
    return rows


def _derive_context(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Fill ``org_id`` (a person's main organization), ``place_id`` (where an organization is) and their names."""
    by_id = {row["id"]: row for row in rows["entities"]}
    for predicate in reversed(AFFILIATION_PREDICATES):
        for rel in rows["relations"]:
            if rel["predicate"] == predicate and rel["subject"] in by_id and rel["object"] in by_id:
                if by_id[rel["subject"]]["kind"] == "person" and by_id[rel["object"]]["kind"] == "organization":
                    by_id[rel["subject"]]["org_id"] = rel["object"]
    for rel in rows["relations"]:
        if rel["predicate"] == "located_in" and rel["subject"] in by_id and rel["object"] in by_id:
            if by_id[rel["subject"]]["place_id"] is None:
                by_id[rel["subject"]]["place_id"] = rel["object"]
    for row in rows["entities"]:  # the names the lists show, sort and filter by
        for link in ("org", "place"):
            other = by_id.get(row[f"{link}_id"] or "")
            if other is not None:
                row[f"{link}_name_en"] = other["name_en"] or None
                row[f"{link}_name_zh"] = other["name_zh"] or None


def search_items(rows: dict[str, list[dict[str, Any]]]):
    aliases: dict[str, list[str]] = {}
    for alias in rows["aliases"]:
        aliases.setdefault(alias["entity_id"], []).append(alias["alias"])
    for row in rows["entities"]:
        names = tuple(aliases.get(row["id"], ()))
        # Pinyin is for the *names* of people, organizations, places, policies and technologies (README,
        # "Search"); event titles, figure labels and document titles would cost ~1 ms and ~90 tokens each.
        zh_names = tuple(n for n in (row["name_zh"], *names) if n and any("\u4e00" <= c <= "\u9fff" for c in n)
                         ) if row["kind"] in PINYIN_KINDS else ()
        yield search_index.SearchItem(
            item_id=row["id"], kind=row["kind"], name_en=row["name_en"], name_zh=row["name_zh"],
            aliases=names, zh_names=zh_names, body_en=row["desc_en"], body_zh=row["desc_zh"], document_id=None)
    titles = {row["id"]: (row["name_en"], row["name_zh"]) for row in rows["entities"] if row["kind"] == "document"}
    for passage in rows["passages"]:
        title_en, title_zh = titles.get(passage["document_id"], ("", ""))
        yield search_index.SearchItem(
            item_id=passage["id"], kind="passage", name_en=title_en, name_zh=title_zh, aliases=(),
            zh_names=(), body_en=passage["text_en"], body_zh=passage["text_zh"],
            document_id=passage["document_id"])


def build_reference_db(corpus_root: Path, target: Path, corpus: Corpus | None = None,
                       digest: str | None = None) -> BuildReport:
    """Build the reference database for *corpus_root* at *target* (atomically replaced).

    *digest* is the sources' :func:`content_hash` when the caller has just computed it.
    """
    started = time.perf_counter()
    corpus_root, target = Path(corpus_root), Path(target)
    stamp = source_stamp(corpus_root)  # before reading: a source edited mid-build leaves a stale stamp
    corpus = corpus or load_corpus(corpus_root)
    digest = digest or content_hash(corpus_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = create_temp(target)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        import sqlite_utils  # ~0.4 s to import (numpy, click): only when building, never at start-up

        db = sqlite_utils.Database(conn)
        rows = collect(corpus)
        create_tables(db)
        with conn:
            for table, table_rows in rows.items():
                if table_rows:
                    db[table].insert_all(table_rows, batch_size=2000)
        create_indexes(db)
        with conn:
            for kind, facets in FACETS.items():
                for facet in facets:
                    conn.execute("INSERT INTO facet_counts (kind, facet, value, n) SELECT ?, ?, v, n FROM "
                                 f"({facet_count_sql(kind, facet)})", [kind, facet, kind])
        write_timeline_cache(conn)
        write_mention_cache(conn)
        counts = search_index.create_index(db, search_items(rows))
        stats = {kind: n for kind, n in conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind")}
        stats.update(passages=len(rows["passages"]), relations=len(rows["relations"]),
                     citations=len(rows["citations"]), search_items=counts)
        info = {"content_hash": digest, "source_stamp": stamp, "schema_version": str(SCHEMA_VERSION),
                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "counts": json.dumps(stats, sort_keys=True), "load_problems": str(len(corpus.problems))}
        with conn:
            for sql in VIEWS:
                conn.execute(sql)
            info["schema_objects"] = json.dumps(schema_objects(conn))
            info["rows"] = json.dumps(row_counts(conn))
            db["build_info"].insert_all([{"key": k, "value": v} for k, v in info.items()], pk="key", replace=True)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("ANALYZE")
        conn.close()
        if target.is_dir() and not target.is_symlink():
            raise IsADirectoryError(errno.EISDIR, "a folder is in the way of the reference database", str(target))
        os.replace(tmp, target)
    finally:
        remove_temp(tmp)
    return BuildReport(path=target, content_hash=digest, seconds=time.perf_counter() - started,
                       counts=stats, load_problems=len(corpus.problems))
