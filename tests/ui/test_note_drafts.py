"""A note being written is never lost: leaving the item, closing the window or a crash keeps it as a draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cgt_desktop.core.userdata import drafts
from cgt_desktop.core.userdata.userdb import UserDataError, UserStore
from cgt_desktop.ui.annotations.notes import NotesWidget
from cgt_desktop.ui.shell.main_window import MainWindow

QIAN = "person/qian-qijun"
OTHER = "technology/car-t"


@pytest.fixture
def make_widget(qtbot, user):
    """Notes widgets on *user*; at the end each keeps its draft as the window does on closing, while the
    database is still open (its typing timer would otherwise fire after the test)."""
    made: list[NotesWidget] = []

    def make(target: str = QIAN) -> NotesWidget:
        widget = NotesWidget(user, target)
        qtbot.addWidget(widget)
        made.append(widget)
        return widget

    yield make
    for widget in made:
        widget.keep_draft()


def _type(qtbot, widget: NotesWidget, text: str) -> None:
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.editor, text)


def test_leaving_the_item_keeps_the_unsaved_note_and_coming_back_reopens_it(qtbot, user, make_widget):
    widget = make_widget()
    _type(qtbot, widget, "Ask about the 2017 IND")
    with qtbot.waitSignal(widget.draft_kept) as kept:
        widget.set_target(OTHER)
    assert kept.args == [QIAN]
    assert not widget.is_editing() and user.notes() == []
    with qtbot.waitSignal(widget.draft_restored):
        widget.set_target(QIAN)
    assert widget.is_editing() and widget.editor.toPlainText() == "Ask about the 2017 IND"
    assert "unsaved note" in widget._status.text()
    widget.set_target(OTHER)
    assert widget._status.text() == "", "what it said was about the other item"
    widget.set_target(QIAN)
    with qtbot.waitSignal(widget.ops.data_changed):
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert [n.body for n in user.notes(QIAN)] == ["Ask about the 2017 IND"]
    assert drafts.get_draft(user, QIAN) is None


def test_typing_is_on_disk_a_moment_later_without_saving(qtbot, user, make_widget, home):
    """As after a crash: another connection to the file already holds what was typed."""
    widget = make_widget()
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    widget.editor.insertPlainText("半句话")  # as an input method commits it (keyClicks is ASCII only)
    other = UserStore(home.user_db)
    qtbot.waitUntil(lambda: drafts.get_draft(other, QIAN) is not None, timeout=3000)
    assert drafts.get_draft(other, QIAN).body == "半句话"
    other.close()


def test_an_unchanged_edit_leaves_no_draft_and_a_changed_one_comes_back_as_that_edit(qtbot, user, make_widget):
    note = user.add_note(QIAN, "original text")
    widget = make_widget()
    widget.edit_current()
    widget.set_target(OTHER)
    assert drafts.get_draft(user, QIAN) is None  # opened but not changed: nothing to keep
    widget.set_target(QIAN)
    widget.edit_current()
    qtbot.keyClicks(widget.editor, " (amended)")
    widget.set_target(OTHER)
    widget.set_target(QIAN)
    with qtbot.waitSignal(widget.ops.data_changed):
        widget.save_editor()
    assert [(n.uid, n.body) for n in user.notes(QIAN)] == [(note.uid, "original text (amended)")]


def test_new_note_while_writing_keeps_the_text(qtbot, user, make_widget):
    widget = make_widget()
    _type(qtbot, widget, "do not lose me")
    qtbot.mouseClick(widget.new_button, Qt.MouseButton.LeftButton)
    assert widget.editor.toPlainText() == "do not lose me"
    assert "first" in widget._status.text()


def test_cancel_asks_before_throwing_written_text_away(qtbot, user, make_widget):
    widget = make_widget()
    _type(qtbot, widget, "half a thought")
    widget.keep_draft()
    answers = [False, True]
    asked: list[bool] = []
    widget.confirm_discard = lambda: asked.append(True) or answers.pop(0)
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert widget.is_editing() and widget.editor.toPlainText() == "half a thought"
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert not widget.is_editing() and drafts.get_draft(user, QIAN) is None and len(asked) == 2
    widget.new_note()  # an empty editor is cancelled without a question
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and not widget.is_editing()


def test_when_the_draft_cannot_be_written_the_widget_stays_on_the_item(qtbot, user, make_widget, monkeypatch):
    widget = make_widget()
    _type(qtbot, widget, "important")

    def full(*_args, **_kwargs):
        raise UserDataError("could not save (database or disk is full); your earlier work is intact")

    monkeypatch.setattr(drafts, "save_draft", full)
    assert widget.set_target(OTHER) is False
    assert widget.target_id == QIAN and widget.editor.toPlainText() == "important"
    assert "disk is full" in widget._status.text()
    monkeypatch.undo()  # room again: the same move now keeps the note
    assert widget.set_target(OTHER) is True
    assert drafts.get_draft(user, QIAN).body == "important"


def _shown_window(qtbot, store, home) -> MainWindow:
    window = MainWindow(store, UserStore(home.user_db))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.open_page(QIAN)
    return window


def test_closing_the_window_keeps_the_note_and_the_next_window_reopens_it(qtbot, store, home):
    window = _shown_window(qtbot, store, home)
    window.annotations.act_new_note.trigger()
    qtbot.keyClicks(window.annotations.notes.editor, "written just before quitting")
    window.close()
    assert drafts.get_draft(window.user, QIAN).body == "written just before quitting"
    window.user.close()

    again = _shown_window(qtbot, store, home)
    reopened = again.annotations.notes
    assert reopened.is_editing() and reopened.editor.toPlainText() == "written just before quitting"
    again.close()
    again.user.close()


def test_the_annotations_tab_lists_drafts_and_discarding_one_is_undoable(qtbot, window):
    assert window.open_page(QIAN)
    controller = window.annotations
    controller.act_new_note.trigger()
    qtbot.keyClicks(controller.notes.editor, "draft on Qian")
    assert window.open_page(OTHER)  # leaving the page keeps the draft and says so
    assert "kept as a draft" in window.statusBar().currentMessage()
    panel = controller.panel
    window.tabs.setCurrentWidget(panel)
    panel.kind_combo.setCurrentIndex(panel.kind_combo.findData("draft"))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.annotation(0).text == "draft on Qian"
    assert panel.model.data(panel.model.index(0, 0)) == "Unsaved draft"
    panel.delete_annotation(panel.model.annotation(0).key)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert drafts.get_draft(window.user, QIAN) is None
    controller.act_undo.trigger()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert drafts.get_draft(window.user, QIAN).body == "draft on Qian"


def test_a_start_with_drafts_left_on_other_items_says_where_they_are(qtbot, store, home):
    """As after a crash: the draft is in the file, the window opens elsewhere, the status bar says so."""
    user = UserStore(home.user_db)
    drafts.save_draft(user, OTHER, "typed before the crash")
    user.close()
    window = _shown_window(qtbot, store, home)
    assert "unsaved note kept as a draft, on CAR-T: the Annotations tab" in window.statusBar().currentMessage()
    window.close()
    window.user.close()
