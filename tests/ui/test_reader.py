"""The side-by-side reader: aligned rows, counterparts, mentions, citations, boilerplate, find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication

from cgt_desktop.ui.reader.panel import ReaderPanel
from cgt_desktop.ui.reader.view import CITED, ENTITY, HOVER, PAD, SELECTED

# The offscreen platform warns when a top-level window is shown; that says nothing about the reader.

DOC_003 = "document/003_f3128c6eecc96df2"
DOC_002 = "document/002_4ab98a8a3adc13dc"


@pytest.fixture
def panel(qtbot, store):
    widget = ReaderPanel(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def all_documents(store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT id FROM entities WHERE kind = 'document' ORDER BY id")]


def sentences(store, doc_id: str) -> list[dict]:
    return [s for p in store.document(doc_id)["paragraphs"] for s in p["sentences"]]


def row_colour(panel, row: int, side: str) -> QColor:
    """The background colour of a cell, sampled in its padding (where no text is drawn)."""
    rect = panel.view.cell_rect(row, side)
    image = panel.view.viewport().grab().toImage()
    return image.pixelColor(QPoint(int(rect.left()) - PAD // 2 - 1, int(rect.top()) - PAD // 2))


def first_body_row(panel) -> int:
    return next(i for i, r in enumerate(panel.view.rows) if r.kind == "sentence" and r.role == "body")


def test_every_sentence_sits_on_the_same_row_as_its_translation(panel, store):
    panel.boilerplate_button.setChecked(True)
    documents = all_documents(store)
    assert len(documents) >= 5
    for doc_id in documents:
        panel.open_document(doc_id)
        view = panel.view
        units = sentences(store, doc_id)
        assert len([r for r in view.rows if r.kind == "sentence"]) == len(units)
        previous_bottom = None
        for unit in units:
            [row] = panel.controller.rows_of(unit["id"])
            orig, trans = view.cell_rect(row, "orig"), view.cell_rect(row, "trans")
            assert view.rows[row].orig == unit["orig"] and view.rows[row].trans == unit["trans"]
            assert orig.top() == trans.top(), unit["id"]
            assert orig.right() < trans.left(), unit["id"]  # original on the left, side by side
            assert orig.height() > 0 and trans.height() > 0, unit["id"]
            if previous_bottom is not None:  # the next row starts below the taller cell of this one
                assert orig.top() >= previous_bottom, unit["id"]
            previous_bottom = max(orig.bottom(), trans.bottom())


def test_swap_and_single_language(panel):
    panel.open_document(DOC_003)
    row = first_body_row(panel)
    view = panel.view
    panel.swap_button.click()
    assert view.cell_rect(row, "trans").right() < view.cell_rect(row, "orig").left()
    assert view.cell_rect(row, "trans").top() == view.cell_rect(row, "orig").top()
    panel.language_box.setCurrentIndex(1)  # original only
    assert view.cell_rect(row, "trans").isEmpty()
    assert view.cell_rect(row, "orig").width() > view.viewport().width() * 0.8
    panel.language_box.setCurrentIndex(2)  # translation only
    assert view.cell_rect(row, "orig").isEmpty() and not view.cell_rect(row, "trans").isEmpty()


def test_hovering_a_sentence_highlights_its_counterpart(panel, qtbot):
    panel.open_document(DOC_003)
    view = panel.view
    row = first_body_row(panel)
    other = row + 1
    base = row_colour(panel, row, "trans")
    assert base != HOVER
    with qtbot.waitSignal(view.hover_changed) as blocker:
        qtbot.mouseMove(view.viewport(), view.cell_rect(row, "orig").center().toPoint())
    assert blocker.args == [view.rows[row].passage_id]
    assert row_colour(panel, row, "trans") == HOVER
    assert row_colour(panel, row, "orig") == HOVER
    assert row_colour(panel, other, "trans") == base
    with qtbot.waitSignal(view.hover_changed) as blocker:  # and from the translation side
        qtbot.mouseMove(view.viewport(), view.cell_rect(other, "trans").center().toPoint())
    assert row_colour(panel, other, "orig") == HOVER and row_colour(panel, row, "orig") == base


def test_clicking_a_sentence_selects_it_in_both_languages(panel, qtbot):
    panel.open_document(DOC_003)
    view = panel.view
    row = first_body_row(panel)
    rect = view.cell_rect(row, "trans")
    with qtbot.waitSignal(panel.passage_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(rect.right()) - 2,
                                                                             int(rect.bottom()) - 2))
    assert blocker.args == [view.rows[row].passage_id]
    assert row_colour(panel, row, "orig") == SELECTED


def _a_mention(panel, store, side: str, prefer: str = "zhangjiang"):
    """Pick a mention present in the document now (the entity files grow while editors work)."""
    view = panel.view
    candidates = [(i, m) for i, r in enumerate(view.rows) if r.kind == "sentence"
                  for m in view.mentions(i, side)]
    assert candidates, "the document mentions at least one entity"
    return next(((i, m) for i, m in candidates if prefer in m[2]), candidates[0])


@pytest.mark.parametrize("side", ["orig", "trans"])
def test_clicking_a_mention_opens_that_entity(panel, qtbot, store, side):
    panel.open_document(DOC_003)
    row, (start, end, entity_id) = _a_mention(panel, store, side)
    text = panel.view.rows[row].text(side)[start:end]
    assert text in {n for n in store.names([entity_id])[entity_id][1:]} | {
        a for (a,) in store.db.execute("SELECT alias FROM aliases WHERE entity_id = ?", [entity_id])} \
        or text.lower() in {n.lower() for n in store.names([entity_id])[entity_id][1:]}
    panel.view.scroll_to_row(row)
    box = panel.view.mention_rect(row, side, start)
    with qtbot.waitSignal(panel.entity_activated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
    assert blocker.args == [entity_id]


def test_highlight_entity_marks_its_mentions(panel, store):
    panel.open_document(DOC_003)
    row, (start, _end, entity_id) = _a_mention(panel, store, "orig")
    panel.view.scroll_to_row(row)
    box = panel.view.mention_rect(row, "orig", start)

    def colours():
        image = panel.view.viewport().grab().toImage()
        return {image.pixelColor(QPoint(x, y)).name() for x in range(int(box.left()), int(box.right()))
                for y in range(int(box.top()), int(box.bottom()))}
    assert ENTITY.name() not in colours()
    panel.highlight_entity(entity_id)
    assert ENTITY.name() in colours()
    panel.highlight_entity(None)
    assert ENTITY.name() not in colours()


def test_opening_a_citation_scrolls_to_it_and_highlights_it_in_both_languages(panel, store, qtbot):
    units = sentences(store, DOC_002)
    target = units[-3]["id"]  # near the end: needs scrolling
    panel.open_document(DOC_002, target)
    view = panel.view
    [row] = panel.controller.rows_of(target)
    viewport = view.viewport().rect()
    for side in ("orig", "trans"):
        rect = view.cell_rect(row, side)
        assert viewport.contains(rect.toRect().topLeft()), side
        assert row_colour(panel, row, side) == CITED
    assert view.verticalScrollBar().value() > 0
    # a paragraph id highlights every sentence of the paragraph
    paragraph = target.rsplit(".", 1)[0]
    panel.open_document(DOC_002, paragraph)
    rows = panel.controller.rows_of(paragraph)
    assert rows and all(row_colour(panel, r, "trans") == CITED for r in rows
                        if viewport.contains(view.cell_rect(r, "trans").toRect().topLeft()))
    assert viewport.contains(view.cell_rect(rows[0], "orig").toRect().topLeft())


def test_citation_into_boilerplate_shows_it(panel, store):
    doc = store.document(DOC_003)
    furniture = next(s["id"] for p in doc["paragraphs"] if p["role"] == "boilerplate" for s in p["sentences"])
    panel.open_document(DOC_003)
    assert not panel.controller.rows_of(furniture)
    panel.open_document(DOC_003, furniture)
    assert panel.controller.rows_of(furniture) and panel.boilerplate_button.isChecked()


def test_boilerplate_is_hidden_by_default_and_the_toggle_shows_it(panel, store):
    doc = store.document(DOC_003)
    furniture = [s["id"] for p in doc["paragraphs"] if p["role"] == "boilerplate" for s in p["sentences"]]
    body = [s["id"] for p in doc["paragraphs"] if p["role"] != "boilerplate" for s in p["sentences"]]
    assert furniture
    panel.open_document(DOC_003)
    shown = {r.passage_id for r in panel.view.rows}
    assert not shown & set(furniture) and set(body) <= shown
    panel.boilerplate_button.click()
    shown = {r.passage_id for r in panel.view.rows}
    assert set(furniture) | set(body) <= shown
    [row] = panel.controller.rows_of(furniture[0])
    assert not panel.view.cell_rect(row, "orig").isEmpty()
    panel.boilerplate_button.click()
    assert not {r.passage_id for r in panel.view.rows} & set(furniture)


def test_repeated_paragraphs_are_marked_with_their_note(panel, store):
    repeated = [p for doc_id in all_documents(store) for p in store.document(doc_id)["paragraphs"]
                if p["repeat_of"]]
    assert repeated
    paragraph = repeated[0]
    panel.open_document(paragraph["document_id"], paragraph["sentences"][0]["id"])
    notes = [r for r in panel.view.rows if r.kind == "note" and r.paragraph_id == paragraph["id"]]
    number = int(paragraph["repeat_of"].split("#p")[-1])
    assert notes and f"repeats ¶{number}" in notes[0].orig  # readers' numbers, not "p06"
    assert store.wording().readable(paragraph["repeat_note"]) in notes[0].orig
    assert "p0" not in notes[0].orig


def test_a_translators_note_sits_under_its_translation(panel, store):
    panel.open_document("document/001_02b24beee2f111b4", "001_02b24beee2f111b4#p02.s06")
    rows = panel.view.rows
    i = next(i for i, r in enumerate(rows) if r.passage_id == "001_02b24beee2f111b4#p02.s06" and r.kind == "sentence")
    note = rows[i + 1]
    assert note.kind == "note" and note.trans.startswith("† Translator's note: [sic]") and not note.orig
    panel.controller.set_language("zh")
    rows = panel.view.rows
    assert "原文如此" in rows[i + 1].trans


def _find(panel, qtbot, text):
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.find_bar.isVisible() and panel.find_edit.hasFocus()
    panel.find_edit.clear()
    if text.isascii():
        qtbot.keyClicks(panel.find_edit, text)
    else:  # QTest can only type ASCII; an input method would insert the characters like this
        panel.find_edit.insert(text)


@pytest.mark.parametrize("doc_id, query, sides", [
    (DOC_003, "CAR-T", {"orig", "trans"}),   # in both languages
    (DOC_003, "细胞", {"orig"}),              # Chinese original
    (DOC_002, "细胞", {"trans"}),             # Chinese translation of an English original
])
def test_find_moves_through_matches_in_both_languages(panel, qtbot, doc_id, query, sides):
    panel.open_document(doc_id)
    _find(panel, qtbot, query)
    controller, view = panel.controller, panel.view
    total = len(controller.matches)
    assert total >= 2
    assert panel.find_count.text() == f"1 of {total}"
    seen = []
    for step in range(total):
        row, side, start, end = controller.matches[controller.current]
        assert view.rows[row].text(side)[start:end].lower() == query.lower()
        rect = view.cell_rect(row, side)
        assert view.viewport().rect().intersects(rect.toRect()), (row, side)  # scrolled into view
        seen.append((row, side, start))
        qtbot.keyClick(panel.find_edit, Qt.Key.Key_Return)
    assert {s for _r, s, _st in seen} == sides
    assert len(set(seen)) == total and seen == sorted(seen, key=lambda m: (m[0], m[1] != view.visible_sides()[0], m[2]))
    assert controller.current == 0  # wrapped
    panel.find_prev.click()
    assert panel.find_count.text() == f"{total} of {total}"
    panel.find_edit.setText("no such text anywhere")
    assert panel.find_count.text() == "No matches"


def test_keyboard_moves_sentence_by_sentence_and_copies_a_bilingual_pair(panel, qtbot):
    panel.open_document(DOC_003)
    view = panel.view
    view.setFocus()
    with qtbot.waitSignal(panel.passage_selected) as first:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.passage_selected) as second:
        qtbot.keyClick(view, Qt.Key.Key_J)
    sentence_rows = [r.passage_id for r in view.rows if r.kind == "sentence"]
    assert sentence_rows.index(second.args[0]) == sentence_rows.index(first.args[0]) + 1
    with qtbot.waitSignal(panel.passage_selected) as back:
        qtbot.keyClick(view, Qt.Key.Key_K)
    assert back.args == first.args
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    row = view.rows[view.selected_row]
    assert QGuiApplication.clipboard().text() == f"{row.orig.strip()}\n{row.trans.strip()}\n[{row.passage_id}]"


def test_unsynced_columns_scroll_on_their_own(panel, qtbot):
    panel.open_document(DOC_002)
    view = panel.view
    row = first_body_row(panel) + 3
    before = view.cell_rect(row, "orig").top()
    panel.sync_button.click()
    view._second.setValue(view._second.value() + 120)
    assert view.cell_rect(row, "orig").top() == before
    assert view.cell_rect(row, "trans").top() == before - 120
    panel.sync_button.click()
    assert view.cell_rect(row, "orig").top() == view.cell_rect(row, "trans").top()


def test_zoom_changes_the_text_size(panel, qtbot):
    panel.open_document(DOC_003)
    row = first_body_row(panel)
    height = panel.view.cell_rect(row, "orig").height()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert panel.view.cell_rect(row, "orig").height() > height
    qtbot.keyClick(panel.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert panel.view.cell_rect(row, "orig").height() < height


def test_header_shows_outlet_date_precision_language_and_translation(panel, store):
    panel.open_document(DOC_003)
    assert panel.current_document() == DOC_003
    text = panel.meta_label.text()
    assert "Bioon" in text and "14 Nov 2019" in text and "中文" in text
    assert "Project translation by cgt-desktop editors" in text
    assert panel.view.column_label("orig") == "Original · 中文"
    assert panel.view.column_label("trans") == "Translation · English · project translation"
    panel.open_document(DOC_002)
    assert panel.view.column_label("orig") == "Original · English"
    assert panel.view.column_label("trans") == "Translation · 中文 · project translation"
    undated = next(d for d in all_documents(store) if store.document(d)["date"] is None)
    panel.open_document(undated)
    assert "date unknown" in panel.meta_label.text()
    approximate = [d for d in all_documents(store) if store.document(d)["approximate"]]
    for doc_id in approximate:
        panel.open_document(doc_id)
        assert "c. " in panel.meta_label.text()


def test_unknown_document_shows_an_empty_state(panel):
    panel.open_document("document/does-not-exist")
    assert panel.current_document() is None
    assert panel.view.rows == [] and panel.title.text() == "Choose a document to read"


def test_an_empty_reader_lists_every_document_to_open(qtbot, panel, store):
    """The Reader tab before anything is open: the five sources, each with its outlet and date."""
    assert panel.chooser.isVisible() and not panel.view.isVisible()
    listed = [panel.chooser.item(i) for i in range(panel.chooser.count())]
    assert sorted(i.data(Qt.ItemDataRole.UserRole) for i in listed) == sorted(all_documents(store))
    assert any("China News Online" in i.text() and "c. 15 Nov 2021" in i.text() for i in listed)
    panel.chooser.setFocus()
    panel.chooser.setCurrentRow(1)
    with qtbot.waitSignal(panel.document_requested) as chosen:
        qtbot.keyClick(panel.chooser, Qt.Key.Key_Return)
    assert chosen.args == [listed[1].data(Qt.ItemDataRole.UserRole)]
    panel.open_document(chosen.args[0])
    assert panel.view.isVisible() and not panel.chooser.isVisible()
    panel.set_language("zh")
    panel.open_document("document/none")
    assert any("中国新闻网" in panel.chooser.item(i).text() or "2021年" in panel.chooser.item(i).text()
               for i in range(panel.chooser.count()))


def test_text_is_drawn_as_plain_text(panel, store):
    """Corpus text is never interpreted as markup, so nothing named in it can be loaded."""
    panel.open_document(DOC_003)
    view = panel.view
    row = first_body_row(panel)
    view.rows[row].orig = '<img src="file:///etc/passwd"> <b>bold</b>'
    view._layouts.clear()
    laid, _height = view._layout(row, "orig")
    assert laid.text() == '<img src="file:///etc/passwd"> <b>bold</b>'
    view.viewport().repaint()
