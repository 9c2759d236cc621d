"""What the app's start path reads: the source stamp, the recorded counts, no sqlite_utils until used."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from cgt_desktop.core.catalog.freshness import BUILDER_VERSION, SourceStampAhead, source_stamp
from cgt_desktop.core.corpus.layout import source_files, stat_sources as _stat_sources
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.catalog.store import Catalog

SRC = Path(__file__).resolve().parents[2] / "src"


def _stamp_of_listed_files(root: Path) -> str:
    """The stamp spelled out over :func:`source_files` (sorted ``Path`` objects), one line per file."""
    digest = hashlib.sha256(f"builder:{BUILDER_VERSION}\n".encode())
    for path in source_files(root):
        st = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def test_the_source_stamp_covers_the_listed_files_in_their_order(corpus_dir):
    (corpus_dir / "documents" / "notes.txt").write_text("not a source\n", encoding="utf-8")
    (corpus_dir / "seeds" / "Zz.txt").write_text("upper case sorts first\n", encoding="utf-8")
    listed = [p.relative_to(corpus_dir).as_posix() for p in source_files(corpus_dir)]
    assert [relative for relative, _ in _stat_sources(corpus_dir)] == listed
    assert source_stamp(corpus_dir) == _stamp_of_listed_files(corpus_dir)


def test_a_hidden_file_is_no_source_for_the_loader_the_hash_or_the_stamp(corpus_dir):
    from cgt_desktop.core.catalog.freshness import content_hash
    from cgt_desktop.core.corpus.sources import load_corpus

    before = (source_stamp(corpus_dir), content_hash(corpus_dir), len(load_corpus(corpus_dir).documents))
    draft = next((corpus_dir / "documents").glob("*.jsonl")).read_text(encoding="utf-8")
    (corpus_dir / "documents" / ".draft.jsonl").write_text(draft, encoding="utf-8")  # an editor's hidden copy
    (corpus_dir / "relations" / ".old.jsonl").write_text("{broken\n", encoding="utf-8")
    assert (source_stamp(corpus_dir), content_hash(corpus_dir), len(load_corpus(corpus_dir).documents)) == before
    assert not load_corpus(corpus_dir).problems


def test_the_source_stamp_changes_when_a_source_is_edited_in_place(corpus_dir):
    before = source_stamp(corpus_dir)
    people = corpus_dir / "entities" / "people.jsonl"
    st = people.stat()
    with people.open("a", encoding="utf-8") as f:
        f.write("\n")
    os.utime(people, ns=(st.st_atime_ns, st.st_mtime_ns))  # same mtime, other size
    assert source_stamp(corpus_dir) != before


def test_counts_come_from_the_build_and_match_the_entities(store, reference_db):
    counted = {kind: n for kind, n in store.conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind")}
    assert store.counts() == {kind: counted.get(kind, 0) for kind in KINDS}
    conn = sqlite3.connect(reference_db)
    with conn:
        conn.execute("DELETE FROM build_info WHERE key = 'counts'")  # a database that did not record them
    conn.close()
    older = Catalog(reference_db)
    assert older.counts() == store.counts()
    older.close()


def test_neither_the_start_nor_pages_nor_search_import_sqlite_utils_until_db_is_used(built_corpus, tmp_path):
    shutil.copytree(Path(__file__).resolve().parents[2] / "db", tmp_path / "db")
    target = tmp_path / "reference.sqlite"
    shutil.copy(built_corpus, target)
    code = f"""
import sys
from pathlib import Path
from cgt_desktop.core.catalog.refresh import ensure_reference_db
from cgt_desktop.core.catalog.store import ListQuery, Catalog
from cgt_desktop.core.userdata.backup import open_user_data
report = ensure_reference_db(Path({str(tmp_path / 'db')!r}), Path({str(target)!r}))
assert not report.rebuilt
store = Catalog(report.path)
user = open_user_data(Path({str(tmp_path / 'user.sqlite')!r}), Path({str(tmp_path / 'backups')!r})).store
user.get_setting("ui.language", "en")
ids = store.list_ids(ListQuery(kind="person"))
assert store.rows("person", ids[:40]) and store.counts()["person"] == len(ids)
store.facet_values("person", "type")
store.vocabulary("organization_types")
assert "sqlite_utils" not in sys.modules, "imported on the start path"
# Nor by what a user does first: open a page, a passage, a document, search (it costs 0.1-0.4 s to load).
person = ids[0]
assert store.entity_page(person).name_en and store.entity(person).sources
source = store.entity_page(person).sources[0]
assert store.passages([source.passage_id]) and store.document(source.document_id)["paragraphs"]
assert store.search("细胞", prefix_last=True)
from cgt_desktop.core.catalog.search import count_capped
assert count_capped(store, "细胞", 1000)
assert "sqlite_utils" not in sys.modules, "imported by a page, a document or a search"
assert store.db.conn is store.conn and user.db.conn is user.conn
assert "sqlite_utils" in sys.modules
print("ok")
"""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_stamp_taken_ahead_by_a_child_process_is_the_stamp(corpus_dir):
    if not sys.platform.startswith("linux"):
        return  # elsewhere the stamp is taken in process, as the next test checks
    code = f"""
from pathlib import Path
from cgt_desktop.core.catalog.freshness import SourceStampAhead, source_stamp
ahead = SourceStampAhead(Path({str(corpus_dir)!r}))
print(ahead.forked, ahead() == source_stamp(Path({str(corpus_dir)!r})), ahead.from_child)
"""
    assert _run(code) == "True True True"


def test_a_child_that_gives_no_stamp_is_replaced_by_one_taken_in_process(corpus_dir):
    code = f"""
from pathlib import Path
import cgt_desktop.core.catalog.freshness as freshness
real = freshness.source_stamp
freshness.source_stamp = lambda root: "not a stamp"  # what the child will write
ahead = freshness.SourceStampAhead(Path({str(corpus_dir)!r}))
freshness.source_stamp = real
print(ahead() == real(Path({str(corpus_dir)!r})), ahead.from_child)
"""
    assert _run(code) == "True False"


def test_with_other_threads_running_the_stamp_is_taken_in_process(corpus_dir):
    import threading

    release = threading.Event()
    helper = threading.Thread(target=release.wait)
    helper.start()
    try:
        ahead = SourceStampAhead(corpus_dir)  # never fork a process with other threads
        assert not ahead.forked
        assert ahead() == source_stamp(corpus_dir) and not ahead.from_child
    finally:
        release.set()
        helper.join()
