"""Correcting an imported article's alignment: each edit one undo step, saved at once, ids stable."""

from __future__ import annotations

import pytest
from import_files import reference_pair

from cgt_desktop.core.imports.article import ArticleMeta, build_record
from cgt_desktop.core.imports.extract import extract
from cgt_desktop.core.ops import alignment as edits
from cgt_desktop.core.ops.items import ItemError, import_document
from cgt_desktop.core.text.align import Lexicon
from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.userdata.userdb import UserStore


@pytest.fixture
def imported(tmp_path, store):
    user = UserStore(tmp_path / "user.sqlite")
    original, translation, _ = reference_pair(tmp_path)
    record = build_record(extract(original), ArticleMeta(source_file=original.name), extract(translation),
                          Lexicon(use_cedict=False))
    op = import_document(store, user, record)
    op.apply()
    yield store, user, op.result
    user.close()


def _pairs(store, doc):
    return [(s["id"], s["orig"], s["trans"]) for p in store.document(doc)["paragraphs"] for s in p["sentences"]]


def _paragraph_with_two(store, doc):
    for p in store.document(doc)["paragraphs"]:
        if len(p["sentences"]) >= 2:
            return p["sentences"]
    raise AssertionError("no paragraph with two pairs")


def test_merge_then_undo_and_redo_keeps_ids_text_and_annotations(imported, tmp_path):
    store, user, doc = imported
    first, second = _paragraph_with_two(store, doc)[:2]
    note = user.add_note(second["id"], "about the second sentence")
    mark = ann.add_highlight(user, second["id"], "orig", second["orig"][:4], 0, 4)
    before = _pairs(store, doc)
    op = edits.merge_with_next(store, user, doc, first["id"])
    op.apply()
    after = {pid: (o, t) for pid, o, t in _pairs(store, doc)}
    assert second["id"] not in after and after[first["id"]][0] == first["orig"] + second["orig"]
    assert user.note(note.uid).target_id == first["id"]
    moved = ann.get_highlight(user, mark.uid)
    assert moved.passage_id == first["id"] and (moved.start, moved.end) == (
        len(first["orig"]), len(first["orig"]) + 4)
    assert after[first["id"]][0][moved.start:moved.end] == second["orig"][:4]
    op.revert()
    assert _pairs(store, doc) == before and user.note(note.uid).target_id == second["id"]
    assert (ann.get_highlight(user, mark.uid).start, ann.get_highlight(user, mark.uid).passage_id) == (
        0, second["id"])


def test_split_gives_a_fresh_id_that_is_never_reused(imported):
    store, user, doc = imported
    first, second = _paragraph_with_two(store, doc)[:2]
    edits.merge_with_next(store, user, doc, first["id"]).apply()
    merged = next(s for p in store.document(doc)["paragraphs"] for s in p["sentences"] if s["id"] == first["id"])
    split = edits.split_pair(store, user, doc, first["id"], len(first["orig"]), len(first["trans"]))
    split.apply()
    ids_now = [pid for pid, _o, _t in _pairs(store, doc)]
    new = ids_now[ids_now.index(first["id"]) + 1]
    assert new not in (first["id"], second["id"])  # the retired id is not given out again
    pairs = dict((pid, (o, t)) for pid, o, t in _pairs(store, doc))
    assert pairs[first["id"]][0] + pairs[new][0] == merged["orig"]  # still verbatim
    assert store.document(doc)["paragraphs"]  # the document reads
    confidences = {s["id"]: s["confidence"] for p in store.document(doc)["paragraphs"] for s in p["sentences"]}
    assert confidences[first["id"]] == confidences[new] == 1.0


def test_moving_a_translation_sentence_and_confirming_a_pair_survive_a_restart(imported, tmp_path):
    store, user, doc = imported
    first, second = _paragraph_with_two(store, doc)[:2]
    edits.move_translation(store, user, doc, second["id"], "up").apply()
    pairs = {pid: t for pid, _o, t in _pairs(store, doc)}
    assert pairs[first["id"]].endswith(second["trans"].strip()) and pairs[second["id"]] == ""
    with pytest.raises(ItemError, match="no translation sentence"):
        edits.move_translation(store, user, doc, second["id"], "up")
    path = user.path
    user.close()
    reopened = UserStore(path)
    from cgt_desktop.core.userdata.items import get_item

    lines = get_item(reopened, doc).record["lines"]
    assert next(line for line in lines if line.get("id") == second["id"])["trans"] == ""
    reopened.close()


def test_only_your_documents_can_be_realigned(imported):
    store, user, _ = imported
    with pytest.raises(ItemError, match="only those can be realigned"):
        edits.confirm_pair(store, user, "document/003_f3128c6eecc96df2", "003_f3128c6eecc96df2#p03.s01")


def test_without_a_translation_the_user_writes_one_labelled_as_theirs(tmp_path, store):
    user = UserStore(tmp_path / "user.sqlite")
    article = tmp_path / "news.txt"
    article.write_text("Regulators approved the trial.\n\nThe company was founded in 2013.", encoding="utf-8")
    op = import_document(store, user, build_record(extract(article), ArticleMeta(source_file="news.txt")))
    op.apply()
    doc = op.result
    first = store.document(doc)["paragraphs"][0]["sentences"][0]
    assert first["trans"] == "" and "No translation" in store.document(doc)["translation_note"] if "translation_note" \
        in store.document(doc) else first["trans"] == ""
    write = edits.set_translation(store, user, doc, first["id"], "监管机构批准了该试验。")
    write.apply()
    again = store.document(doc)["paragraphs"][0]["sentences"][0]
    assert again["trans"] == "监管机构批准了该试验。" and again["confidence"] == 1.0
    from cgt_desktop.core.userdata.items import get_item

    assert "written by you" in get_item(user, doc).record["lines"][0]["translation_note"]
    write.revert()
    assert store.document(doc)["paragraphs"][0]["sentences"][0]["trans"] == ""
    user.close()


def test_the_dossier_marks_an_imported_source_as_the_users(imported):
    from cgt_desktop.core.export.dossier import DossierOptions, build_dossier

    store, user, doc = imported
    passage = store.document(doc)["paragraphs"][2]["sentences"][0]["id"]
    dossier = build_dossier([passage], store, user, DossierOptions())
    names = [e.document for e in dossier.sources]
    assert any("imported by you" in (n.en or "") or "由您导入" in (n.zh or "") for n in names)
