"""The main window with annotations (issue 7) and selection + PDF export (issue 8) wired in."""

from __future__ import annotations

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.main_window import MainWindow

PERSON = "person/qian-qijun"
PASSAGE = "000_1b6dce599d2df6c2#p03.s01"
DOCUMENT = "document/000_1b6dce599d2df6c2"
GREEN = ann.HIGHLIGHT_COLORS["green"]


def make_window(qtbot, store, user):
    win = MainWindow(store, user)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # window shortcuts (Ctrl+Z, Ctrl+E, Ctrl+H) need the active window
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def window(qtbot, store, user):
    win = make_window(qtbot, store, user)
    yield win
    win.close()


def ctrl(qtbot, widget, key, shift=False):
    mods = Qt.KeyboardModifier.ControlModifier | (Qt.KeyboardModifier.ShiftModifier if shift else
                                                  Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(widget, key, mods)


def test_a_note_written_on_a_detail_page_is_kept_and_ctrl_z_restores_it_after_delete(qtbot, store, home, user):
    window = make_window(qtbot, store, user)
    assert window.open_page(PERSON)
    notes = window.annotations.notes
    assert notes.target_id == PERSON and notes.isEnabled()
    assert "Qian Qijun" in window.annotations.notes_label.text()
    notes.new_note()
    notes.editor.setPlainText("Met him at **BIO 2024**; <script>x</script>")
    notes.save_button.click()
    assert [n.body for n in UserStore(home.user_db).notes(PERSON)] == ["Met him at **BIO 2024**; <script>x</script>"]
    assert window.annotations.panel.model.rowCount() == 1  # the Annotations tab follows
    window.close()

    again = make_window(qtbot, store, user)  # reopening shows the page and its note again
    notes = again.annotations.notes
    assert notes.target_id == PERSON and notes.note_list.count() == 1
    assert "BIO 2024" in notes.preview.toPlainText() and "<script>" in notes.preview.toPlainText()

    notes.delete_current()
    assert UserStore(home.user_db).notes(PERSON) == []
    assert notes.note_list.count() == 0
    assert again.annotations.act_undo in again.menu_edit.actions()
    ctrl(qtbot, again.details["person"], Qt.Key.Key_Z)
    assert [n.body for n in UserStore(home.user_db).notes(PERSON)][0].startswith("Met him")
    assert notes.note_list.count() == 1
    ctrl(qtbot, again.details["person"], Qt.Key.Key_Z, shift=True)  # redo deletes it again
    assert UserStore(home.user_db).notes(PERSON) == []
    again.close()


def _count_color(image, rect, color):
    wanted = QColor(color).rgb()
    return sum(1 for x in range(int(rect.left()), int(rect.right()), 2) for y in range(int(rect.top()),
               int(rect.bottom()), 2) if image.pixel(x, y) == wanted)


def test_highlighting_a_reader_sentence_paints_both_languages_and_is_undoable(qtbot, window, user, monkeypatch):
    assert window.open_page(f"read:{DOCUMENT}|{PASSAGE}")
    reader = window.reader
    row = reader.controller.rows_of(PASSAGE)[0]
    reader.view.select_row(row)
    reader.view.setFocus()
    asked = []
    monkeypatch.setattr(window.annotations, "ask_highlight",
                        lambda quote: asked.append(quote) or (GREEN, "check the number"))
    ctrl(qtbot, reader.view, Qt.Key.Key_H)
    assert asked and asked[0] == reader.view.rows[row].orig

    spans = ann.highlights_for_document(user, DOCUMENT)
    assert {(s.side, s.mirrored) for s in spans} == {("orig", False), ("trans", True)}
    assert spans[0].highlight.comment == "check the number"
    marks = reader.view.marks[PASSAGE]
    assert {m[0] for m in marks} == {"orig", "trans"} and all(m[3] == QColor(GREEN) for m in marks)
    image = reader.view.viewport().grab().toImage()
    for side in ("orig", "trans"):  # the colour is really on screen, on both sides
        assert _count_color(image, reader.view.cell_rect(row, side), GREEN) > 20, side
    assert window.annotations.panel.model.rowCount() == 1

    menu = window.annotations.reader_menu(PASSAGE, "trans")  # the counterpart offers the delete too
    delete = [a for a in menu.actions() if a.text().startswith("Delete Highlight")]
    assert len(delete) == 1
    delete[0].trigger()
    assert ann.highlights_for_document(user, DOCUMENT) == [] and PASSAGE not in reader.view.marks
    ctrl(qtbot, reader.view, Qt.Key.Key_Z)
    assert len(ann.highlights_for_document(user, DOCUMENT)) == 2 and PASSAGE in reader.view.marks

    window.show_kind("person")  # the Annotations tab opens the reader at the sentence
    window.tabs.setCurrentWidget(window.annotations.panel)
    window.annotations.panel.item_activated.emit(PASSAGE, spans[0].highlight.uid)
    assert window.tabs.currentWidget() is reader and reader.current_document() == DOCUMENT
    assert reader.view.cited_rows == {row}


def test_selecting_words_in_the_highlight_dialog_highlights_only_that_range(qtbot, window, user, monkeypatch):
    from cgt_desktop.ui.annotations.controller import HighlightDialog

    assert window.open_page(f"read:{DOCUMENT}|{PASSAGE}")
    reader = window.reader
    row = reader.controller.rows_of(PASSAGE)[0]
    reader.view.select_row(row)
    reader.view.setFocus()
    text = reader.view.rows[row].orig
    dialogs = []

    def choose_words(quote):
        dialog = HighlightDialog(quote, window)
        qtbot.addWidget(dialog)
        cursor = dialog.sentence.textCursor()
        cursor.setPosition(2)
        cursor.setPosition(8, cursor.MoveMode.KeepAnchor)
        dialog.sentence.setTextCursor(cursor)
        dialogs.append(dialog)
        return dialog.choice()

    monkeypatch.setattr(window.annotations, "ask_highlight", choose_words)
    ctrl(qtbot, reader.view, Qt.Key.Key_H)
    spans = {s.side: s for s in ann.highlights_for_document(user, DOCUMENT)}
    assert (spans["orig"].start, spans["orig"].end) == (2, 8)
    assert spans["orig"].highlight.quote == text[2:8]
    assert spans["trans"].mirrored  # the translation gets the whole counterpart sentence
    assert any(m[0] == "orig" and (m[1], m[2]) == (2, 8) for m in reader.view.marks[PASSAGE])
    plain = HighlightDialog("一整句话", window)
    qtbot.addWidget(plain)
    assert plain.choice()[2:] == (None, None)  # no selection: the whole sentence


def test_ctrl_e_adds_the_selected_list_rows_the_page_and_the_reader_sentence(qtbot, window, store):
    window.show_kind("person")
    people = window.lists["person"]
    chosen = [people.model.id_at(0), people.model.id_at(2)]
    viewport = people.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=people.view.visualRect(people.model.index(0, 0)).center())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     people.view.visualRect(people.model.index(2, 0)).center())
    assert window.details["person"].page == chosen[1]  # the page follows the last click
    assert sorted(i.row() for i in people.view.selectionModel().selectedRows()) == [0, 2]
    ctrl(qtbot, people.view, Qt.Key.Key_E)
    panel = window.selections.panel
    assert panel.selection().refs == chosen
    name = store.names([chosen[0]])[chosen[0]][1]
    assert name in panel.model.data(panel.model.index(0))
    assert window.selections.status_label.text() == "Selection: 2"

    window.open_page("organization/shanghai-cell-therapy-group")
    detail = window.details["organization"]
    detail.setFocus()
    ctrl(qtbot, detail, Qt.Key.Key_E)
    assert panel.selection().refs[-1] == "organization/shanghai-cell-therapy-group"

    window.open_page(f"read:{DOCUMENT}|{PASSAGE}")
    window.reader.view.select_row(window.reader.controller.rows_of(PASSAGE)[0])
    ctrl(qtbot, window.reader.view, Qt.Key.Key_E)
    assert panel.selection().refs[-1] == PASSAGE
    assert window.selections.status_label.text() == "Selection: 4"


def test_the_timeline_period_can_be_added(qtbot, window):
    assert window.show_timeline()
    window.timeline.controller.set_period(("2015-01-01", "2019-12-31"), emit=True)
    assert window.period == ("2015-01-01", "2019-12-31")
    window.timeline.setFocus()
    window.selections.act_add.trigger()
    assert window.selections.panel.selection().refs == ["period:2015-01-01/2019-12-31"]


def test_export_with_an_empty_selection_says_so_and_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[1:3]))
    assert window.selections.act_export in window.menu_file.actions()
    window.selections.act_export.trigger()
    assert len(shown) == 1 and "empty" in shown[0][1]
    assert window.selections.export_dialog is None
    assert not list(tmp_path.rglob("*.pdf"))


def test_export_to_pdf_writes_the_selected_entities(qtbot, window, tmp_path):
    window.open_page(PERSON)
    window.details["person"].setFocus()
    window.selections.act_add.trigger()
    window.selections.act_export.trigger()
    dialog = window.selections.export_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "out" / "dossier.pdf"
    target.parent.mkdir()
    dialog.file_edit.setText(str(target))
    with qtbot.waitSignal(dialog.export_finished, timeout=60000):
        dialog.export_button.click()
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(target)).pages)
    assert "Qian Qijun" in text and "钱其军" in text
    dialog.close()


def test_start_up_checks_the_anchors_and_flags_a_vanished_sentence(qtbot, store, user):
    gone = ann.add_highlight(user, "999_gone#p01.s01", "orig", "a sentence no longer in the data")
    kept = ann.highlight_passage(user, store, PASSAGE, "trans")
    window = make_window(qtbot, store, user)
    qtbot.waitUntil(lambda: ann.get_highlight(user, gone.uid).orphan is not None)
    assert ann.get_highlight(user, kept.uid).orphan is None
    panel = window.annotations.panel
    assert any(panel.model.annotation(r).orphan for r in range(panel.model.rowCount()))
    window.close()


def test_the_reader_marks_the_mentions_of_the_entity_opened_elsewhere(qtbot, window):
    assert window.open_page("read:document/003_f3128c6eecc96df2|003_f3128c6eecc96df2#p12.s03")
    assert window.reader is not None
    assert window.open_page("place/zhangjiang")
    assert window.reader.view.entity_id == "place/zhangjiang"
    assert window.open_page("person/ji-xiaoye")
    assert window.reader.view.entity_id == "person/ji-xiaoye"


def test_the_notes_dock_follows_what_the_reader_shows_never_the_previous_item(qtbot, store, user):
    """A new note in the reader lands on the document or the selected sentence, never on the page left behind."""
    window = make_window(qtbot, store, user)
    notes = window.annotations.notes
    assert window.open_page(PERSON) and notes.target_id == PERSON
    doc = "document/000_1b6dce599d2df6c2"
    assert window.open_page(f"read:{doc}")
    assert notes.target_id in (doc, "000_1b6dce599d2df6c2")
    reader = window.reader
    reader.view.select_row(2)
    sentence = reader.controller.selected_passage()
    assert sentence and notes.target_id == sentence
    other = "document/003_f3128c6eecc96df2"
    assert window.open_page(f"read:{other}")  # another document: not the sentence of the first one
    assert notes.target_id != sentence and "003_f3128c6eecc96df2" in notes.target_id
    assert window.open_page(PERSON) and notes.target_id == PERSON
    cited = "001_02b24beee2f111b4#p02.s05"
    assert window.open_page(f"read:document/001_02b24beee2f111b4|{cited}")
    assert notes.target_id != PERSON and "001_02b24beee2f111b4" in notes.target_id
    window.close()
