"""Drafts: a note being written is kept in the user database until it is saved or discarded."""

from __future__ import annotations

import sqlite3

from cgt_desktop.core.ops import annotations as note_ops
from cgt_desktop.core.userdata import annotations as A
from cgt_desktop.core.userdata import drafts
from cgt_desktop.core.userdata.userdb import MIGRATIONS, UserStore


def test_a_draft_is_kept_replaced_listed_and_discarded(tmp_path):
    user = UserStore(tmp_path / "user.sqlite")
    drafts.save_draft(user, "person/qian-qijun", "first words")
    drafts.save_draft(user, "person/qian-qijun", "first words, then more")
    drafts.save_draft(user, "organization/cellular-biomedicine-group", "另一条", note_uid="abc")
    assert drafts.get_draft(user, "person/qian-qijun").body == "first words, then more"
    assert {d.target_id for d in drafts.list_drafts(user)} == {"person/qian-qijun",
                                                              "organization/cellular-biomedicine-group"}
    gone = drafts.discard_draft(user, "organization/cellular-biomedicine-group")
    assert gone.note_uid == "abc" and gone.body == "另一条"
    assert drafts.get_draft(user, "organization/cellular-biomedicine-group") is None
    assert drafts.discard_draft(user, "organization/cellular-biomedicine-group") is None
    user.close()


def test_a_draft_written_is_on_disk_for_another_connection_at_once(tmp_path):
    """What a crash right after the write would leave: the draft, committed."""
    user = UserStore(tmp_path / "user.sqlite")
    drafts.save_draft(user, "person/qian-qijun", "unsaved thought")
    other = sqlite3.connect(tmp_path / "user.sqlite")
    assert other.execute("SELECT body FROM note_drafts").fetchall() == [("unsaved thought",)]
    other.close()
    user.close()


def test_the_annotations_list_shows_drafts_as_their_own_kind(tmp_path):
    user = UserStore(tmp_path / "user.sqlite")
    user.add_note("person/qian-qijun", "a saved note")
    drafts.save_draft(user, "person/qian-qijun", "a draft")
    rows = A.list_annotations(user, A.AnnotationFilter(kinds=("draft",)))
    assert [(r.kind, r.target_id, r.text) for r in rows] == [("draft", "person/qian-qijun", "a draft")]
    assert [r.kind for r in A.list_annotations(user, A.AnnotationFilter(kinds=("note",)))] == ["note"]
    assert {r.kind for r in A.list_annotations(user)} == {"note", "draft"}
    drafts.save_draft(user, "technology/car-t", "问一下 2017 年的 IND 申请")
    found = A.list_annotations(user, A.AnnotationFilter(text="IND 申请"))
    assert [(r.kind, r.target_id) for r in found] == [("draft", "technology/car-t")], "searched like notes"
    assert A.list_annotations(user, A.AnnotationFilter(text="CBMG")) == []
    user.close()


def test_discarding_a_draft_is_undoable_and_keeps_its_time(tmp_path):
    user = UserStore(tmp_path / "user.sqlite")
    kept = drafts.save_draft(user, "person/qian-qijun", "a draft")
    op = note_ops.delete_annotation(user, "draft:person/qian-qijun")
    op.apply()
    assert drafts.get_draft(user, "person/qian-qijun") is None
    op.revert()
    assert drafts.get_draft(user, "person/qian-qijun") == kept
    user.close()


def test_a_database_from_before_drafts_is_migrated_with_its_notes(tmp_path):
    path = tmp_path / "user.sqlite"
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version=4")
    conn.execute("INSERT INTO notes(uid, target_id, body, created, edited) VALUES ('u1', 'person/x', 'old', "
                 "'2025-01-01T00:00:00', '2025-01-01T00:00:00')")
    conn.commit()
    conn.close()
    user = UserStore(path)
    assert user.schema_version() == len(MIGRATIONS)
    assert [n.body for n in user.notes()] == ["old"]
    drafts.save_draft(user, "person/x", "new draft")
    assert drafts.get_draft(user, "person/x").body == "new draft"
    user.close()
