"""Annotations in the user database: notes, highlights, tags, stars, search, anchors, export/import."""

from __future__ import annotations

import json
import sqlite3

import pytest

from cgt_desktop.core.userdata import annotations as A
from cgt_desktop.core.userdata import annotations_io as AIO
from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.core.userdata.userdb import MIGRATIONS, UserStore, _statements


def _sentences(store: Catalog, n: int = 3) -> list[dict]:
    """The first ``n`` body sentences of a Chinese-original document with some length."""
    doc_id = store.db.execute("SELECT id FROM document_details WHERE lang = 'zh' ORDER BY id").fetchone()[0]
    found = [s for p in store.document(doc_id)["paragraphs"] if p["role"] == "body" for s in p["sentences"]
             if len(s["orig"].strip()) >= 10 and len(s["trans"]) >= 10]
    assert len(found) >= n
    return found[:n]


def _snapshot(user: UserStore) -> dict[str, list]:
    tables = ["notes", "highlights", "tags", "item_tags", "stars"]
    return {t: user.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


@pytest.fixture
def user(tmp_path):
    u = UserStore(tmp_path / "user.sqlite")
    yield u
    u.close()


def test_note_survives_closing_and_reopening(tmp_path):
    path = tmp_path / "home" / "user.sqlite"
    user = UserStore(path)
    note = user.add_note("person/qian-qijun", "First **impression**: 细胞治疗")
    user.add_note("person/qian-qijun", "A second note on the same person")
    user.edit_note(note.uid, "Edited: 细胞治疗 works")
    user.tag_item("person/qian-qijun", "to verify", "#FF8800")
    user.star("person/qian-qijun")
    hl = A.add_highlight(user, "doc#p01.s01", "orig", "细胞", 2, 4, comment="key")
    user.close()

    again = UserStore(path)
    bodies = [n.body for n in again.notes("person/qian-qijun")]
    assert bodies == ["Edited: 细胞治疗 works", "A second note on the same person"]
    assert again.note(note.uid).created == note.created
    assert [t.name for t in again.item_tags("person/qian-qijun")] == ["to verify"]
    assert again.tag("to verify").color == "#ff8800"
    assert again.is_starred("person/qian-qijun")
    assert A.get_highlight(again, hl.uid) == hl
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    again.close()


def test_soft_delete_hides_and_restore_brings_back(user):
    note = user.add_note("event/x", "gone for a while")
    user.delete_note(note.uid)
    assert user.notes("event/x") == [] and user.note(note.uid) is None
    assert user.conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 1  # kept in the file
    user.restore_note(note.uid)
    assert user.notes("event/x") == [note]
    with pytest.raises(KeyError):
        user.edit_note("no-such-uid", "x")


def test_highlight_appears_on_both_languages(user, store):
    sentence = _sentences(store)[0]
    pid, orig = sentence["id"], sentence["orig"]
    hl = A.highlight_passage(user, store, pid, "orig", 2, 6, color="#8ce99a", comment="看这里")
    assert hl.quote == orig[2:6]

    on_orig = A.highlights_for_passage(user, pid, side="orig")
    on_trans = A.highlights_for_passage(user, pid, side="trans")
    assert [(s.highlight.uid, s.start, s.end, s.mirrored) for s in on_orig] == [(hl.uid, 2, 6, False)]
    # The counterpart (English translation) gets the whole sentence, marked as a mirror.
    assert [(s.highlight.uid, s.start, s.end, s.mirrored) for s in on_trans] == [(hl.uid, None, None, True)]
    assert {s.side for s in A.highlights_for_passage(user, pid)} == {"orig", "trans"}
    doc_spans = A.highlights_for_document(user, store.db.execute(
        "SELECT document_id FROM passages WHERE id = ?", [pid]).fetchone()[0], side="trans")
    assert [s.highlight.uid for s in doc_spans] == [hl.uid]

    whole = A.highlight_passage(user, store, pid, "trans")
    assert whole.quote == sentence["trans"] and whole.start is None
    assert len(A.highlights_for_passage(user, pid, side="orig")) == 2
    A.delete_highlight(user, whole.uid)
    assert len(A.highlights_for_passage(user, pid, side="orig")) == 1
    with pytest.raises(ValueError):
        A.highlight_passage(user, store, pid, "orig", 5, 5000)
    with pytest.raises(ValueError):
        A.add_highlight(user, pid, "left", "x")


def test_tags_colours_rename_and_merge(user):
    user.tag_item("person/a", "BD lead", "#112233")
    user.tag_item("person/b", "BD lead")
    user.tag_item("person/b", "bd-lead")
    user.tag_item("event/c", "bd-lead")
    with pytest.raises(ValueError, match="merge"):
        user.rename_tag("bd-lead", "BD lead")
    merged = user.merge_tags("bd-lead", "BD lead")
    assert merged.color == "#112233" and merged.count == 3
    assert user.tag("bd-lead") is None
    renamed = user.rename_tag("BD lead", "BD leads 2024")
    assert sorted(user.tagged_items("BD leads 2024")) == ["event/c", "person/a", "person/b"]
    user.set_tag_color(renamed.name, "#abcdef")
    assert [(t.name, t.color, t.count) for t in user.tags()] == [("BD leads 2024", "#abcdef", 3)]
    user.untag_item("person/a", "BD leads 2024")
    assert sorted(user.tagged_items("BD leads 2024")) == ["event/c", "person/b"]
    with pytest.raises(ValueError):
        user.tag_item("x", "   ")
    with pytest.raises(ValueError):
        user.set_tag_color("BD leads 2024", "red")


def test_full_text_search_in_chinese_and_english(user):
    zh = user.add_note("person/a", "张江细胞治疗国际峰会的报告值得一看")
    en = user.add_note("organization/b", "Follow up on the CAR-T manufacturing partnership")
    cat = user.add_note("event/c", "用户最近养了一只猫")
    hl = A.add_highlight(user, "doc#p01.s01", "trans", "cell therapy", 0, 12, comment="BD 线索")

    def found(text: str) -> set[str]:
        return {a.uid for a in A.list_annotations(user, A.AnnotationFilter(text=text))}

    assert found("细胞治疗") == {zh.uid}
    assert found("峰会 报告") == {zh.uid}
    assert found("猫") == {cat.uid}                      # one Han character
    assert found("car-t") == {en.uid}
    assert found("manufactur*") == {en.uid}
    assert found("cell therapy") == {hl.uid}            # the quote is searchable
    assert found("线索") == {hl.uid}                     # and the comment
    assert found("nothing like this") == set()
    assert found('"unbalanced AND (') == set()          # odd input is safe
    user.edit_note(en.uid, "Dropped: no partnership")
    assert found("car-t") == set() and found("dropped") == {en.uid}
    user.delete_note(zh.uid)
    assert found("细胞治疗") == set()
    user.restore_note(zh.uid)
    assert found("细胞治疗") == {zh.uid}


def test_index_catches_up_with_writes_by_other_programs(user):
    other = sqlite3.connect(user.path)  # e.g. an older cgt-desktop, or the sqlite3 shell
    other.execute("INSERT INTO notes(uid, target_id, body, created, edited) "
                  "VALUES ('u1', 'person/a', '外部写入的笔记', '2024-01-01T00:00:00', '2024-01-01T00:00:00')")
    other.commit()
    other.close()
    assert [a.uid for a in A.list_annotations(user, A.AnnotationFilter(text="外部"))] == ["u1"]


def test_filters_by_kind_colour_tag_entity_kind_and_date(user):
    n1 = user.add_note("person/a", "person note")
    user.add_note("document/d1", "document note")
    hl = A.add_highlight(user, "d1#p01.s01", "orig", "abc", 0, 3, color="#74c0fc")
    user.tag_item("person/a", "to verify", "#ff0000")
    user.conn.execute("UPDATE notes SET edited = '2020-05-01T10:00:00' WHERE uid = ?", [n1.uid])

    def keys(**kw) -> list[str]:
        return [a.kind + ":" + a.target_id for a in A.list_annotations(user, A.AnnotationFilter(**kw))]

    assert sorted(keys(kinds=("note",))) == ["note:document/d1", "note:person/a"]
    assert keys(kinds=("highlight",)) == ["highlight:d1#p01.s01"]
    assert keys(color="#74C0FC") == ["highlight:d1#p01.s01"]
    assert keys(color="#ff0000") == ["tag:person/a"]
    assert sorted(keys(tag="to verify")) == ["note:person/a", "tag:person/a"]
    assert keys(entity_kind="passage") == ["highlight:d1#p01.s01"]
    assert keys(entity_kind="document") == ["note:document/d1"]
    assert keys(until="2020-12-31") == ["note:person/a"]
    assert "note:person/a" not in keys(since="2021-01-01")
    row = A.annotations_by_key(user, ["highlight:" + hl.uid])["highlight:" + hl.uid]
    assert (row.text, row.side, row.start, row.end, row.entity_kind) == ("abc", "orig", 0, 3, "passage")
    assert A.list_annotations(user, A.AnnotationFilter(text="verify"))[0].kind == "tag"


def test_migrates_a_version_1_database_and_indexes_its_notes(tmp_path):
    path = tmp_path / "user.sqlite"
    conn = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO notes(uid, target_id, body, created, edited) "
                 "VALUES ('old', 'person/a', 'written before highlights existed 细胞', 'x', 'x')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    user = UserStore(path)
    assert user.schema_version() == len(MIGRATIONS)
    assert [a.uid for a in A.list_annotations(user, A.AnnotationFilter(text="细胞"))] == ["old"]
    user.close()


def test_rebuild_keeps_every_annotation_and_flags_the_orphan(corpus_dir, tmp_path):
    target = tmp_path / "cache" / "reference.sqlite"
    build_reference_db(corpus_dir, target)
    reference = Catalog(target)
    first, second, _ = _sentences(reference)
    person = reference.db.execute("SELECT id FROM entities WHERE kind = 'person' ORDER BY id").fetchone()[0]
    user = UserStore(tmp_path / "user.sqlite")
    user.add_note(person, "a note on a person")
    user.add_note(first["id"], "a note on the sentence that will change")
    user.tag_item(person, "to verify")
    user.star(first["id"])
    changed = A.highlight_passage(user, reference, first["id"], "orig", 0, 4)
    mirror_side = A.highlight_passage(user, reference, first["id"], "trans")
    untouched = A.highlight_passage(user, reference, second["id"], "orig")
    assert A.check_anchors(user, reference) == []
    reference.close()
    before = _snapshot(user)

    # An editor rewrites the start of the first sentence's original; the builder runs again.
    doc_file = next(corpus_dir.glob("documents/*.jsonl"))
    for path in corpus_dir.glob("documents/*.jsonl"):
        if f'"{first["id"]}"' in path.read_text(encoding="utf-8"):
            doc_file = path
    lines = []
    for line in doc_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("{") and json.loads(line).get("id") == first["id"]:
            record = json.loads(line)
            record["orig"] = "（修订）" + record["orig"][4:]
            line = json.dumps(record, ensure_ascii=False)
        lines.append(line)
    doc_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_reference_db(corpus_dir, target)

    reference = Catalog(target)
    orphans = A.check_anchors(user, reference)
    assert [(o.kind, o.uid) for o in orphans] == [("highlight", changed.uid)]
    assert "changed" in orphans[0].reason or "no longer" in orphans[0].reason
    after = _snapshot(user)
    for table in ("notes", "tags", "item_tags", "stars"):
        assert len(after[table]) == len(before[table])
    assert len(after["highlights"]) == 3                      # nothing deleted
    flagged = {a.uid: a.orphan for a in A.list_annotations(user, A.AnnotationFilter(kinds=("highlight",)))}
    assert flagged[changed.uid] and flagged[mirror_side.uid] is None and flagged[untouched.uid] is None
    # Checking twice is stable; the orphan keeps its quote for the user to re-place it.
    assert [o.uid for o in A.check_anchors(user, reference)] == [changed.uid]
    assert A.get_highlight(user, changed.uid).quote == first["orig"][0:4]
    reference.close()
    user.close()


def test_a_range_whose_text_moved_is_re_anchored_not_orphaned(user, store):
    sentence = _sentences(store)[1]
    text = sentence["orig"]
    quote = text[3:7]
    assert text.count(quote) == 1
    hl = A.add_highlight(user, sentence["id"], "orig", quote, 1, 5)  # stale offsets, same words
    assert A.check_anchors(user, store) == []
    assert (A.get_highlight(user, hl.uid).start, A.get_highlight(user, hl.uid).end) == (3, 7)


def test_annotations_on_vanished_ids_are_orphans(user, store):
    note = user.add_note("person/no-longer-here", "x")
    user.tag_item("person/no-longer-here", "t")
    hl = A.add_highlight(user, "gone#p01.s01", "orig", "abc")
    found = {(o.kind, o.uid or o.target_id) for o in A.check_anchors(user, store)}
    assert found == {("note", note.uid), ("highlight", hl.uid), ("tag", "person/no-longer-here")}
    assert user.notes("person/no-longer-here")  # never deleted


def test_the_start_checks_anchors_only_after_the_reference_data_or_an_import_changed(user, store, tmp_path):
    assert A.check_anchors_if_changed(user, store) == [], "a new home: checked once"
    assert A.check_anchors_if_changed(user, store) is None, "same reference data: nothing can have moved"
    # An import may bring notes on items this corpus does not have: the next start checks again.
    other = UserStore(tmp_path / "other.sqlite")
    foreign = other.add_note("person/not-in-this-corpus", "from a colleague's corpus")
    AIO.export_annotations(other, tmp_path / "notes.json")
    other.close()
    AIO.import_annotations(user, tmp_path / "notes.json")
    assert [o.uid for o in A.check_anchors_if_changed(user, store)] == [foreign.uid]
    assert A.check_anchors_if_changed(user, store) is None
    # Reference data built from other sources: checked again.
    user.set_setting(A.ANCHORS_CHECKED, "the content hash of an older build")
    assert [o.uid for o in A.check_anchors_if_changed(user, store)] == [foreign.uid]


def _fill(user: UserStore) -> None:
    user.add_note("person/a", "笔记一 with **Markdown**")
    user.add_note("event/b", "note two")
    user.tag_item("person/a", "BD lead", "#336699")
    user.tag_item("event/b", "2024 report")
    user.star("event/b")
    A.add_highlight(user, "d#p01.s01", "orig", "细胞", 0, 2, color="#faa2c1", comment="c")
    gone = user.add_note("person/a", "deleted, so not exported")
    user.delete_note(gone.uid)


def _comparable(user: UserStore) -> dict[str, list]:
    return {
        "notes": sorted(user.conn.execute("SELECT uid, target_id, body, created, edited FROM notes "
                                          "WHERE deleted = 0").fetchall()),
        "highlights": sorted(user.conn.execute(
            "SELECT uid, passage_id, side, range_start, range_end, color, comment, quote, created, edited "
            "FROM highlights WHERE deleted = 0").fetchall()),
        "tags": sorted(user.conn.execute("SELECT name, color FROM tags").fetchall()),
        "item_tags": sorted(user.conn.execute("SELECT t.name, i.target_id, i.created FROM item_tags i "
                                              "JOIN tags t ON t.id = i.tag_id").fetchall()),
        "stars": sorted(user.conn.execute("SELECT target_id, created FROM stars").fetchall()),
    }


def test_export_then_import_into_a_fresh_home_twice(tmp_path, user):
    _fill(user)
    out = tmp_path / "exports" / "all.json"
    counts = AIO.export_annotations(user, out)
    assert counts == {"tags": 2, "item_tags": 2, "stars": 1, "notes": 2, "highlights": 1, "items": 0}
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == AIO.FORMAT_VERSION
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind

    fresh = UserStore(tmp_path / "fresh" / "user.sqlite")
    report = AIO.import_annotations(fresh, out)
    assert report.counts["notes"]["added"] == 2
    assert _comparable(fresh) == _comparable(user)
    again = AIO.import_annotations(fresh, out)
    assert all(c["added"] == 0 and c["updated"] == 0 for c in again.counts.values())
    assert _comparable(fresh) == _comparable(user)
    # Searchable after import.
    assert len(A.list_annotations(fresh, A.AnnotationFilter(text="笔记"))) == 1
    fresh.close()


def test_import_merges_by_uid_keeping_the_later_edit(tmp_path, user):
    note = user.add_note("person/a", "old text")
    out = tmp_path / "a.json"
    AIO.export_annotations(user, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["notes"][0].update(body="newer text", edited="2999-01-01T00:00:00")
    out.write_text(json.dumps(data), encoding="utf-8")
    assert AIO.import_annotations(user, out).counts["notes"] == {"added": 0, "updated": 1, "unchanged": 0}
    assert user.note(note.uid).body == "newer text"


def test_export_one_tag(tmp_path, user):
    _fill(user)
    out = tmp_path / "bd.json"
    AIO.export_annotations(user, out, tag="BD lead")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [n["target_id"] for n in data["notes"]] == ["person/a"]
    assert [t["name"] for t in data["tags"]] == ["BD lead"] and data["stars"] == [] and data["highlights"] == []
    with pytest.raises(KeyError):
        AIO.export_annotations(user, out, tag="no such tag")


def test_a_failed_export_leaves_the_previous_file(tmp_path, user, monkeypatch):
    _fill(user)
    out = tmp_path / "all.json"
    AIO.export_annotations(user, out)
    good = out.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AIO.json, "dump", boom)
    with pytest.raises(OSError):
        AIO.export_annotations(user, out)
    assert out.read_bytes() == good
    assert list(tmp_path.glob(".*tmp")) == []


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(version=AIO.FORMAT_VERSION + 1), "newer cgt-desktop"),
    (lambda d: d.update(format="something-else"), "not a cgt-desktop annotations file"),
    (lambda d: d["notes"].append({"uid": "z", "target_id": "x", "body": 3, "created": "", "edited": ""}),
     r"notes\[2\]\.body must be text"),
    (lambda d: d["highlights"].append({**d["highlights"][0], "uid": "h2", "side": "left"}), r"highlights\[1\]: side"),
    (lambda d: d["tags"].append({"name": "x", "color": "blue"}), r"tags\[2\]: not a colour"),
])
def test_newer_or_broken_files_are_refused_and_change_nothing(tmp_path, user, mutate, message):
    _fill(user)
    out = tmp_path / "f.json"
    AIO.export_annotations(user, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    data["notes"][0]["uid"] = "a-brand-new-uid"  # valid records before the bad one must not be written
    mutate(data)
    out.write_text(json.dumps(data), encoding="utf-8")
    target = UserStore(tmp_path / "other.sqlite")
    target.add_note("person/z", "already here")
    before = _snapshot(target)
    with pytest.raises(AIO.AnnotationFileError, match=message):
        AIO.import_annotations(target, out)
    assert _snapshot(target) == before
    target.close()


def test_truncated_file_is_refused(tmp_path, user):
    _fill(user)
    out = tmp_path / "f.json"
    AIO.export_annotations(user, out)
    out.write_bytes(out.read_bytes()[:-40])
    before = _snapshot(user)
    with pytest.raises(AIO.AnnotationFileError, match="broken"):
        AIO.import_annotations(user, out)
    assert _snapshot(user) == before


def test_a_whole_sentence_quote_tolerates_outer_white_space(user, store):
    sentence = _sentences(store)[2]
    A.add_highlight(user, sentence["id"], "trans", "  " + sentence["trans"].strip() + " ")
    assert A.check_anchors(user, store) == []
    A.add_highlight(user, sentence["id"], "trans", sentence["trans"] + " and more")
    assert [o.kind for o in A.check_anchors(user, store)] == ["highlight"]
