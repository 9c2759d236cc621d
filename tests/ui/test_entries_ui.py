"""The user's own entries made from the reader, and corrections of reference entries from their pages."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from cgt_desktop.core.catalog.store import ListQuery
from cgt_desktop.core.domain import ids
from cgt_desktop.ui.entries.dialog import EntryDialog
from cgt_desktop.ui.entries.other_dialogs import CorrectionDialog, RelationDialog

DOC = "document/003_f3128c6eecc96df2"
PASSAGE = "003_f3128c6eecc96df2#p04.s01"
PERSON = "person/chen-jing"
RELATION = "person/chen-jing>works_at>organization/china-news-online#Reporter"


def _select(box, text):
    """Select *text* in a read-only passage box as a user would with the mouse."""
    start = box.toPlainText().index(text)
    cursor = box.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)


def _answer(window, fill):
    """Make the window's dialogs answer with *fill(dialog)*; return the dialogs it was shown."""
    shown = []

    def ask(dialog):
        shown.append(dialog)
        fill(dialog)
        if dialog.result():  # the dialog accepted itself (Save passed the checks)
            return True
        return False
    window.ask_entry = ask
    return shown


def _words(window, passage_id, lang):
    found = window.store.passages([passage_id])[0]
    return found.text_zh if lang == "zh" else found.text_en


@pytest.mark.parametrize("kind", ["person", "organization", "place", "policy", "technology", "event", "figure"])
def test_each_kind_is_made_from_a_reader_selection_and_cites_the_sentence(qtbot, window, kind):
    assert window.open_page(f"read:{DOC}")
    zh = _words(window, PASSAGE, "zh")
    en = _words(window, PASSAGE, "en")
    zh_name, en_name = zh[:4], " ".join(en.split()[:2])

    def fill(dialog: EntryDialog):
        _select(dialog.boxes["zh"], zh_name)  # either language, either column: each fills its own name
        _select(dialog.boxes["en"], en_name)
        if kind == "event":
            dialog.date.setText("2019-11")
        if kind == "figure":
            dialog.value_stated.setText("8场")
        dialog.buttons.accepted.emit()
    shown = _answer(window, fill)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.new_entry(PASSAGE, kind)
    assert (shown[0].name_zh.text(), shown[0].name_en.text()) == (zh_name, en_name)
    (made,) = [i for i in window.store.list_ids(ListQuery(kind=kind)) if ids.is_user(i)]
    page = window.store.entity_page(made)
    assert [c.passage_id for c in page.sources] == [PASSAGE]
    window.open_page(made)
    text = window.current_detail().toPlainText()
    assert "your own entry" in text and en_name in text and zh_name in text


def test_a_dialog_that_breaks_a_rule_says_why_and_saves_nothing(qtbot, window):
    def fill(dialog: EntryDialog):
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("event"))
        dialog.name_en.setText("An approximate event")
        dialog.date.setText("2019")
        dialog.approximate.setChecked(True)
        dialog.buttons.accepted.emit()
    shown = _answer(window, fill)
    window.entries.new_entry(PASSAGE, "person")
    assert "approximate date says why" in shown[0].message.text()
    assert not shown[0].result() and window.ops.undo_stack.count() == 0


def test_a_name_already_there_is_offered_and_used_instead_of_a_duplicate(qtbot, window):
    def fill(dialog: EntryDialog):
        dialog.name_en.setText("Qian Qijun")
        dialog._on_name_edited()
        assert dialog.existing.results.count() >= 1
        dialog.existing.results.setCurrentRow(0)
        dialog.use_button.click()
    _answer(window, fill)
    before = window.store.counts()["person"]
    window.entries.new_entry(PASSAGE, "person")
    assert window.store.counts()["person"] == before
    assert window.current_detail().page == "person/qian-qijun"


def test_a_relation_between_a_user_entry_and_a_reference_one_cites_the_sentence(qtbot, window):
    def person(dialog: EntryDialog):
        dialog.name_en.setText("Zhang Weiming")
        dialog.buttons.accepted.emit()
    _answer(window, person)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.new_entry(PASSAGE, "person")
    (mine,) = [i for i in window.store.list_ids(ListQuery(kind="person")) if ids.is_user(i)]

    def relate(dialog: RelationDialog):
        dialog.object.set_text("Fosun Kite")
        dialog.object.results.setCurrentRow(0)
        dialog.predicate.setCurrentIndex(dialog.predicate.findData("works_at"))
        dialog._on_buttons_accepted()
    _answer(window, relate)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.new_relation(mine, [PASSAGE])
    page = window.store.entity_page(mine)
    (group,) = page.relation_groups
    assert group.predicate == "works_at" and group.relations[0].sources == [PASSAGE]
    window.ops.undo_stack.undo()
    assert window.store.entity_page(mine).relation_groups == []


def test_a_correction_shows_your_value_beside_the_reference_and_undo_takes_it_back(qtbot, window):
    byline = "000_1b6dce599d2df6c2#p01.s01"

    def fill(dialog: CorrectionDialog):
        dialog.what.setCurrentIndex(dialog.what.findText("English name"))
        assert dialog.reference.text() == "Chen Jing"
        dialog.value.setPlainText("Chen Jing (reporter)")
        dialog.citation.setEditText(byline)
        dialog._on_buttons_accepted()
    _answer(window, fill)
    window.open_page(PERSON)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.correct(PERSON)
    text = window.current_detail().toPlainText()
    assert "Chen Jing (reporter) your correction — reference: Chen Jing" in text
    assert "Your corrections" in text and window.store.entity_page(PERSON).name_en == "Chen Jing"
    window.ops.undo_stack.undo()
    assert "your correction" not in window.current_detail().toPlainText()


def test_a_relation_marked_wrong_is_struck_through_with_the_reason(qtbot, window):
    def fill(dialog: CorrectionDialog):
        index = next(i for i in range(dialog.what.count()) if dialog.what.itemData(i) == ("wrong", RELATION))
        dialog.what.setCurrentIndex(index)
        dialog._on_buttons_accepted()
        assert "say why" in dialog.message.text()
        dialog.note.setText("she is freelance")
        dialog._on_buttons_accepted()
    _answer(window, fill)
    window.open_page(PERSON)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.correct(PERSON)
    assert "you marked this wrong: she is freelance" in window.current_detail().toPlainText()


def test_a_wrong_mention_link_is_unlinked_in_the_reader_from_its_menu(qtbot, window):
    byline = "000_1b6dce599d2df6c2#p01.s01"
    assert window.open_page("read:document/000_1b6dce599d2df6c2")
    reader = window.reader
    row = reader.controller.rows_of(byline)[0]
    assert PERSON in [e for _s, _e, e in reader.view.mentions(row, "orig")]
    reader.view.select_row(row)
    reader.view.context_entity = PERSON
    menu = window.annotations.reader_menu(byline, "orig")
    (action,) = [a for a in menu.actions() if a.text().startswith("The Link to")]
    assert "Chen Jing" in action.text()
    with qtbot.waitSignal(window.ops.data_changed):
        action.trigger()
    assert PERSON not in [e for _s, _e, e in reader.view.mentions(row, "orig")]
    window.ops.undo_stack.undo()
    assert PERSON in [e for _s, _e, e in reader.view.mentions(row, "orig")]


def test_the_origin_box_shows_yours_and_an_empty_state_that_says_how_to_add_one(qtbot, window):
    from cgt_desktop.core.ops import items as item_ops

    window.show_kind("place")
    places = window.lists["place"]
    box = window.origin_box
    box.setCurrentIndex(box.findData("user"))
    box.activated.emit(box.currentIndex())
    assert places.model.rowCount() == 0 and "no entries of this kind yet" in places.empty_label.text()
    assert not places.clear_button.isVisible()  # nothing for "Clear filters" to clear
    window.show_kind("person")  # a list made later follows the choice too
    assert window.lists["person"].model.rowCount() == 0
    with qtbot.waitSignal(window.ops.data_changed):
        window.ops.run(item_ops.save_item(window.store, window.user, "place", {
            "name_en": "Lingang Cell Park", "sources": [PASSAGE]}))
    assert places.model.rowCount() == 1
    index = places.model.index(0, 0)
    assert places.model.data(index) == "Lingang Cell Park"
    assert "your own entry" in places.model.data(index, 3)  # the tooltip says whose it is
    window.set_origin("reference")
    assert places.model.rowCount() == window.store.counts()["place"] - 1
    window.set_origin("all")
    assert places.model.rowCount() == window.store.counts()["place"]


def test_your_event_is_on_the_timeline_marked_as_yours(qtbot, window):
    from cgt_desktop.core.ops import items as item_ops

    assert window.show_timeline()
    timeline = window.timeline.controller
    qtbot.waitUntil(lambda: timeline.columns is not None)
    plot = window.timeline.plot
    assert "your own entry" not in plot.legend_labels()
    with qtbot.waitSignal(window.ops.data_changed):
        window.ops.run(item_ops.save_item(window.store, window.user, "event", {
            "title_en": "Lingang cell park opens", "date": "2020", "approximate": True, "category": "industry",
            "date_note": "the article says 'last year', written in 2021", "sources": [PASSAGE]}))
    qtbot.waitUntil(lambda: "your own entry" in plot.legend_labels())
    (mine,) = [e for e in timeline.columns.ids if ids.is_user(e)]
    diamonds = [g for item in plot.scatter_items() for g in item.groups if g["symbol"] == "d"]
    assert len(diamonds) == 1 and len(diamonds[0]["x"]) == 1
    assert mine in window.store.timeline_columns()["id"]


def test_undo_and_redo_across_create_change_and_delete_from_the_menus(qtbot, window):
    def person(dialog: EntryDialog):
        dialog.name_en.setText("Zhang Weiming")
        dialog.buttons.accepted.emit()
    _answer(window, person)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.new_entry(PASSAGE, "person")
    (mine,) = [i for i in window.store.list_ids(ListQuery(kind="person")) if ids.is_user(i)]

    def rename(dialog: EntryDialog):
        assert dialog.name_en.text() == "Zhang Weiming"  # the entry as saved
        dialog.name_en.setText("Zhang Wei-ming")
        dialog.buttons.accepted.emit()
    _answer(window, rename)
    window.open_page(mine)
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.edit_entry(mine)
    assert "Zhang Wei-ming" in window.current_detail().toPlainText()
    with qtbot.waitSignal(window.ops.data_changed):
        window.entries.delete(mine, "Delete Your Entry")
    assert not window.store.exists(mine)

    stack = window.ops.undo_stack
    stack.undo()  # the delete
    assert window.store.entity_page(mine).name_en == "Zhang Wei-ming"
    stack.undo()  # the change
    assert window.store.entity_page(mine).name_en == "Zhang Weiming"
    stack.undo()  # the creation
    assert not window.store.exists(mine)
    stack.redo()
    stack.redo()
    assert window.store.entity_page(mine).name_en == "Zhang Wei-ming"
    stack.redo()
    assert not window.store.exists(mine) and window.lists["person"].model.row_of(mine) < 0


def test_the_page_menu_offers_correction_for_reference_and_change_for_yours(qtbot, window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    window.extend_page_menu(menu, PERSON)
    texts = [a.text() for a in menu.actions()]
    assert "Correct This Entry…" in texts and "Change Your Entry…" not in texts
    menu = QMenu()
    window.extend_page_menu(menu, "passage:" + PASSAGE)
    assert menu.actions() == []


def test_cancelling_a_filled_in_form_asks_first_and_an_untouched_one_closes_at_once(qtbot, window):
    asked: list[str] = []
    answers = [False, True]
    closed: list[str] = []

    def fill(dialog: EntryDialog):
        dialog.confirm_discard = lambda: asked.append(dialog.name_en.text()) or answers.pop(0)
        dialog.rejected.connect(lambda: closed.append(dialog.name_en.text()))
        dialog.reject()  # untouched (only what the dialog filled in itself): no question
        assert closed == [""] and asked == []
        dialog.name_en.setText("A person I was adding")
        dialog.desc_en.setText("Two lines of description")
        dialog.reject()  # Esc, Cancel or the close button: "Discard your changes?" → Cancel
        assert closed == [""] and asked == ["A person I was adding"]
        dialog.reject()  # → Discard
        assert closed == ["", "A person I was adding"]
    shown = _answer(window, fill)
    window.entries.new_entry(PASSAGE, "person")
    assert len(shown) == 1 and window.ops.undo_stack.count() == 0


def test_the_relation_and_correction_forms_ask_too(qtbot, window):
    page = window.store.entity_page(PERSON)
    for dialog in (RelationDialog(window.store, PERSON, [PASSAGE]), CorrectionDialog(window.store, page, [PASSAGE])):
        qtbot.addWidget(dialog)
        asked: list[bool] = []
        closed: list[bool] = []
        dialog.confirm_discard = lambda asked=asked: asked.append(True) or False
        dialog.rejected.connect(lambda closed=closed: closed.append(True))
        dialog.note.setText("because the source says otherwise")
        dialog.reject()
        assert asked == [True] and closed == [], type(dialog).__name__
