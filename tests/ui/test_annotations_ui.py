"""The NotesWidget (notes, tags, star with undo/redo) and the AnnotationsPanel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextFormat

from cgt_desktop.core.userdata import annotations as A
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.annotations.panel import AnnotationsPanel
from cgt_desktop.ui.annotations.notes import NotesWidget

# Showing a top-level widget on the offscreen platform logs this; it is not about our widgets.

TARGET = "person/qian-qijun"


def _widget(qtbot, user, target=TARGET) -> NotesWidget:
    widget = NotesWidget(user, target)
    qtbot.addWidget(widget)
    return widget


def _write(qtbot, widget: NotesWidget, text: str) -> None:
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    widget.editor.setPlainText(text)
    with qtbot.waitSignal(widget.ops.data_changed, timeout=2000):
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)


def _listed(widget: NotesWidget) -> list[str]:
    return [widget.note_list.item(i).text() for i in range(widget.note_list.count())]


def test_note_survives_closing_and_reopening_the_widget(qtbot, home):
    user = UserStore(home.user_db)
    widget = _widget(qtbot, user)
    _write(qtbot, widget, "Met at the 张江 summit; ask about **CAR-T** capacity")
    assert "张江" in widget.preview.toPlainText() and "CAR-T" in widget.preview.toPlainText()
    widget.close()
    user.close()

    reopened_store = UserStore(home.user_db)
    reopened = _widget(qtbot, reopened_store)
    assert len(_listed(reopened)) == 1 and "Met at the 张江 summit" in _listed(reopened)[0]
    assert "ask about CAR-T capacity" in reopened.preview.toPlainText()  # Markdown rendered: no ** left
    reopened_store.close()


def test_undo_restores_a_deleted_note_and_redo_deletes_it_again(qtbot, user):
    widget = _widget(qtbot, user)
    _write(qtbot, widget, "keep me")
    _write(qtbot, widget, "delete me")
    assert widget.note_list.currentItem().text().endswith("delete me")
    with qtbot.waitSignal(widget.ops.data_changed):
        qtbot.mouseClick(widget.delete_button, Qt.MouseButton.LeftButton)
    assert [n.body for n in user.notes(TARGET)] == ["keep me"]
    assert all("delete me" not in t for t in _listed(widget))

    assert widget.undo_action.text().endswith("Delete note")
    widget.undo_action.trigger()
    assert sorted(n.body for n in user.notes(TARGET)) == ["delete me", "keep me"]
    assert any(t.endswith("delete me") for t in _listed(widget))
    widget.redo_action.trigger()
    assert [n.body for n in user.notes(TARGET)] == ["keep me"]
    # The keys are the usual ones.
    assert QKeySequence("Ctrl+Z") in widget.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in widget.redo_action.shortcuts()


def test_keyboard_undo_and_redo(qtbot, user):
    widget = _widget(qtbot, user)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    _write(qtbot, widget, "typed then undone")
    widget.note_list.setFocus()
    qtbot.keyClick(widget.note_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: user.notes(TARGET) == [])
    assert _listed(widget) == []
    qtbot.keyClick(widget.note_list, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: [n.body for n in user.notes(TARGET)] == ["typed then undone"])


def test_editing_is_one_undo_step(qtbot, user):
    widget = _widget(qtbot, user)
    _write(qtbot, widget, "first draft")
    qtbot.mouseClick(widget.edit_button, Qt.MouseButton.LeftButton)
    assert widget.editor.toPlainText() == "first draft"
    widget.editor.setPlainText("second draft")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert [n.body for n in user.notes(TARGET)] == ["second draft"]
    assert "second draft" in widget.preview.toPlainText()
    widget.undo_stack().undo()
    assert [n.body for n in user.notes(TARGET)] == ["first draft"]
    widget.undo_stack().undo()  # the note's creation
    assert user.notes(TARGET) == [] and _listed(widget) == []
    widget.undo_stack().redo()
    assert [n.body for n in user.notes(TARGET)] == ["first draft"]


def test_html_and_script_in_a_note_are_shown_as_text(qtbot, user):
    body = ('<img src="file:///etc/passwd"> <script>alert("x")</script> '
            '![secret](file:///etc/passwd) <b>not bold</b>')
    user.add_note(TARGET, body)
    widget = _widget(qtbot, user)
    shown = widget.preview.toPlainText()
    assert '<img src="file:///etc/passwd">' in shown
    assert '<script>alert("x")</script>' in shown
    assert "<b>not bold</b>" in shown
    assert widget.preview.requested_resources == []  # nothing was loaded, image or otherwise
    doc = widget.preview.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            assert not it.fragment().charFormat().isImageFormat()
            assert it.fragment().charFormat().objectType() != QTextFormat.ObjectTypes.ImageObject
            it += 1
        block = block.next()
        assert block.blockFormat().property(QTextFormat.Property.BlockTrailingHorizontalRulerWidth) is None


def test_tags_and_star_with_undo(qtbot, user):
    user.create_tag("to verify", "#ffc078")
    widget = _widget(qtbot, user)
    widget._tag_edit.setText("to verify")
    with qtbot.waitSignal(widget.ops.data_changed):
        qtbot.keyClick(widget._tag_edit, Qt.Key.Key_Return)
    widget.add_tag("BD 线索")
    assert widget.tag_chips() == ["BD 线索", "to verify"]
    assert [t.name for t in user.item_tags(TARGET)] == ["BD 线索", "to verify"]
    qtbot.mouseClick(widget._star, Qt.MouseButton.LeftButton)
    assert user.is_starred(TARGET) and widget._star.text() == "★"
    widget.undo_stack().undo()
    assert not user.is_starred(TARGET) and widget._star.text() == "☆"
    widget.remove_tag("to verify")
    assert widget.tag_chips() == ["BD 线索"]
    widget.undo_stack().undo()
    assert widget.tag_chips() == ["BD 线索", "to verify"]
    assert user.tag("to verify").color == "#ffc078"  # the tag's colour survives untag/undo


def _fill(user: UserStore) -> dict[str, str]:
    a = user.add_note("person/qian-qijun", "Met at the 张江 summit")
    b = user.add_note("document/003_f3128c6eecc96df2", "Good overview of the cell therapy summit")
    h = A.add_highlight(user, "003_f3128c6eecc96df2#p06.s01", "orig", "张江细胞治疗", 7, 13, color="#74c0fc",
                        comment="峰会")
    user.tag_item("person/qian-qijun", "to verify", "#ff0000")
    return {"zh_note": a.uid, "en_note": b.uid, "highlight": h.uid}


def _rows(panel: AnnotationsPanel) -> list[tuple[str, str]]:
    model = panel.model
    return sorted((model.annotation(r).kind, model.annotation(r).uid or model.annotation(r).text)
                  for r in range(model.rowCount()))


def test_annotations_panel_lists_filters_and_searches(qtbot, qtmodeltester, user, store):
    uids = _fill(user)
    panel = AnnotationsPanel(user, store)
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    assert _rows(panel) == sorted([("note", uids["zh_note"]), ("note", uids["en_note"]),
                                   ("highlight", uids["highlight"]), ("tag", "to verify")])
    names = {panel.model.index(r, 2).data() for r in range(panel.model.rowCount())}
    assert any("钱其军" in n for n in names)  # item names come from the reference database

    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("highlight"))
    assert _rows(panel) == [("highlight", uids["highlight"])]
    panel.kind_combo.setCurrentIndex(0)
    panel.color_combo.setCurrentIndex(panel.color_combo.findData("#74c0fc"))
    assert _rows(panel) == [("highlight", uids["highlight"])]
    panel.color_combo.setCurrentIndex(0)
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("to verify"))
    assert _rows(panel) == sorted([("note", uids["zh_note"]), ("tag", "to verify")])
    panel.tag_combo.setCurrentIndex(0)
    panel.item_kind_combo.setCurrentIndex(panel.item_kind_combo.findData("document"))
    assert _rows(panel) == [("note", uids["en_note"])]
    panel.item_kind_combo.setCurrentIndex(0)
    panel.date_combo.setCurrentIndex(1)  # today
    assert len(_rows(panel)) == 4

    panel.search_edit.setText("张江")
    assert _rows(panel) == sorted([("note", uids["zh_note"]), ("highlight", uids["highlight"])])
    panel.search_edit.setText("峰会")  # the highlight's comment
    assert _rows(panel) == [("highlight", uids["highlight"])]
    panel.search_edit.setText("overview")
    assert _rows(panel) == [("note", uids["en_note"])]
    panel.search_edit.setText("nothing matches this")
    assert _rows(panel) == [] and "No annotations match" in panel.count_label.text()
    qtmodeltester.check(panel.model)


def test_activating_a_row_reports_the_item_and_the_annotation(qtbot, user, store):
    uids = _fill(user)
    panel = AnnotationsPanel(user, store)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("highlight"))
    index = panel.model.index(0, 1)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.item_activated) as signal:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["003_f3128c6eecc96df2#p06.s01", uids["highlight"]]


def test_panel_follows_the_notes_widget_and_shows_orphans(qtbot, user, store):
    panel = AnnotationsPanel(user, store)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 0 and "No annotations yet" in panel.count_label.text()
    widget = NotesWidget(user, TARGET, ops=panel.ops)  # one stack: the panel hears the widget's changes
    qtbot.addWidget(widget)
    _write(qtbot, widget, "fresh note")
    assert _rows(panel) == [("note", user.notes(TARGET)[0].uid)]
    A.add_highlight(user, "no-such-doc#p01.s01", "orig", "lost text")
    A.check_anchors(user, store)
    panel.refresh()
    orphan_row = next(r for r in range(panel.model.rowCount()) if panel.model.annotation(r).kind == "highlight")
    assert panel.model.index(orphan_row, 1).data().startswith("⚠")
    assert "Orphaned" in panel.model.index(orphan_row, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_panel_deletes_and_recolours_with_undo(qtbot, user, store):
    uids = _fill(user)
    panel = AnnotationsPanel(user, store)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.ops.data_changed):
        panel.delete_annotation("highlight:" + uids["highlight"])
    assert A.get_highlight(user, uids["highlight"]) is None
    assert ("highlight", uids["highlight"]) not in _rows(panel)
    assert A.highlights_for_passage(user, "003_f3128c6eecc96df2#p06.s01") == []
    panel.undo_action.trigger()
    assert ("highlight", uids["highlight"]) in _rows(panel)
    assert len(A.highlights_for_passage(user, "003_f3128c6eecc96df2#p06.s01")) == 2  # both sides again
    panel.set_highlight_color(uids["highlight"], "#faa2c1")
    panel.set_highlight_comment(uids["highlight"], "new comment")
    assert (A.get_highlight(user, uids["highlight"]).color, A.get_highlight(user, uids["highlight"]).comment) \
        == ("#faa2c1", "new comment")
    panel.undo_action.trigger()
    panel.undo_action.trigger()
    assert (A.get_highlight(user, uids["highlight"]).color, A.get_highlight(user, uids["highlight"]).comment) \
        == ("#74c0fc", "峰会")
    panel.delete_annotation("tag:to verify\nperson/qian-qijun")
    assert user.item_tags("person/qian-qijun") == []
    panel.undo_action.trigger()
    assert [t.name for t in user.item_tags("person/qian-qijun")] == ["to verify"]


def test_panel_renames_merges_and_colours_tags(qtbot, user, store):
    _fill(user)
    user.tag_item("document/003_f3128c6eecc96df2", "check")
    panel = AnnotationsPanel(user, store)
    qtbot.addWidget(panel)
    assert panel.rename_tag("to verify", "verify 核实")
    assert panel.tag_combo.currentData() == "verify 核实"
    assert not panel.rename_tag("verify 核实", "check")  # taken: must merge instead
    assert "merge" in panel.count_label.text()
    assert panel.merge_tags("check", "verify 核实")
    assert [(t.name, t.count) for t in user.tags()] == [("verify 核实", 2)]
    assert panel.set_tag_color("verify 核实", "#4dabf7")
    panel.tag_combo.setCurrentIndex(0)
    panel.color_combo.setCurrentIndex(panel.color_combo.findData("#4dabf7"))
    assert [k for k, _ in _rows(panel)] == ["tag", "tag"]
    assert panel.delete_tag("verify 核实") and user.tags() == []
