"""Building the reference database from db/: complete, idempotent, change-aware, atomic."""

from __future__ import annotations

import sqlite3

from corpus_edit import edit_first_record

from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.catalog.freshness import content_hash, stored_hash
from cgt_desktop.core.catalog.refresh import ensure_reference_db
from cgt_desktop.core.corpus.sources import load_corpus
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.core.userdata.userdb import UserStore


def test_build_loads_every_record_of_the_sources(corpus_dir, tmp_path):
    corpus = load_corpus(corpus_dir)
    report = build_reference_db(corpus_dir, tmp_path / "ref.sqlite")
    store = Catalog(report.path)
    counts = store.counts()
    assert counts["document"] == len(corpus.documents) == 5
    assert counts["event"] == len(corpus.events)
    assert counts["figure"] == len(corpus.figures)
    assert sum(counts[k] for k in ("person", "organization", "place", "policy", "technology")) == len(corpus.entities)
    sentences = sum(len(d.sentences) for d in corpus.documents)
    assert store.db.execute("SELECT count(*) FROM passages").fetchone()[0] == sentences
    assert store.db.execute("SELECT count(*) FROM relations").fetchone()[0] == len(corpus.relations)


def test_rebuild_is_idempotent_and_skipped_when_sources_are_unchanged(corpus_dir, tmp_path):
    target = tmp_path / "ref.sqlite"
    first = ensure_reference_db(corpus_dir, target)
    assert first.rebuilt
    dump_1 = "\n".join(line for line in sqlite3.connect(target).iterdump() if "built_at" not in line)
    second = ensure_reference_db(corpus_dir, target)
    assert not second.rebuilt
    third = build_reference_db(corpus_dir, target)
    dump_3 = "\n".join(line for line in sqlite3.connect(target).iterdump() if "built_at" not in line)
    assert third.content_hash == first.content_hash
    assert dump_1 == dump_3


def test_changed_sources_are_detected_and_rebuilt(corpus_dir, tmp_path):
    target = tmp_path / "ref.sqlite"
    ensure_reference_db(corpus_dir, target)
    before = content_hash(corpus_dir)
    people = corpus_dir / "entities" / "people.jsonl"
    record = edit_first_record(people, desc_en="Changed description for the test.")
    assert content_hash(corpus_dir) != before
    report = ensure_reference_db(corpus_dir, target)
    assert report.rebuilt
    assert Catalog(target).entity(record["id"]).desc_en == "Changed description for the test."


def test_damaged_reference_database_is_rebuilt(corpus_dir, tmp_path):
    target = tmp_path / "ref.sqlite"
    ensure_reference_db(corpus_dir, target)
    target.write_bytes(b"this is not a database" * 100)
    assert stored_hash(target) is None
    report = ensure_reference_db(corpus_dir, target)
    assert report.rebuilt
    assert Catalog(target).counts()["document"] == 5


def test_user_data_survives_a_rebuild(corpus_dir, home):
    ensure_reference_db(corpus_dir, home.reference_db)
    users = UserStore(home.user_db)
    users.add_note("person/qian-qijun", "Ask about the 2013 founding.")
    users.set_setting("name_display", "zh-first")
    users.close()
    (corpus_dir / "events.jsonl").write_text(
        (corpus_dir / "events.jsonl").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build_reference_db(corpus_dir, home.reference_db)
    users = UserStore(home.user_db)
    assert [n.body for n in users.notes("person/qian-qijun")] == ["Ask about the 2013 founding."]
    assert users.get_setting("name_display") == "zh-first"
    assert home.user_db != home.reference_db


def test_the_database_opens_with_plain_sqlite_and_has_browsable_views(built_corpus):
    conn = sqlite3.connect(built_corpus)
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert {"people", "organizations", "places", "events", "policies", "technologies", "figures",
            "documents"} <= views
    for view in views:
        conn.execute(f"SELECT * FROM {view} LIMIT 1").fetchall()
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] > 0
    # FTS tables use only the built-in tokenizer: a MATCH works without the app.
    assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"张江\"'").fetchone()[0] > 0

