"""File → Import Article…: an article and its translation imported from the window, cancelled, refused, undone."""

from __future__ import annotations

import re
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cgt_desktop.core.domain.kinds import KINDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from import_files import reference_pair  # noqa: E402


def test_an_article_with_its_translation_is_imported_shown_in_the_reader_and_undone(qtbot, window, tmp_path):
    original, translation, _ = reference_pair(tmp_path)
    docs = KINDS.index("document")
    before = window.tabs.tabToolTip(docs)
    dialog = window.import_article([original, translation])
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("2019-11")
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    doc = signal.args[0]
    assert doc.startswith("document/~") and not dialog.isVisible()
    assert re.fullmatch(r"Imported \d+ passages; \d+ to check\. Undo removes it again\.",
                        window.statusBar().currentMessage())
    qtbot.waitUntil(lambda: window.reader is not None and window.reader.current_document() == doc)
    reader = window.reader
    assert "yours, aligned automatically" in reader.view.column_labels["trans"]
    assert "Imported by you from" in reader.meta_label.text()
    assert reader.view.rows and all(r.confidence is not None for r in reader.view.rows if r.kind == "sentence"
                                    and r.role != "boilerplate")
    assert window.tabs.tabToolTip(docs) != before
    assert doc in [h.document_id for h in window.store.search("张江细胞治疗国际峰会", limit=50)]
    window.ops.undo_stack.undo()
    assert window.tabs.tabToolTip(docs) == before and not window.store.exists(doc)


def test_a_bad_file_is_explained_in_the_dialog_and_nothing_is_saved(qtbot, window, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    dialog = window.import_article([bad])
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running)
    assert "not a readable PDF" in dialog.status.text() and dialog.isVisible()
    assert window.ops.undo_stack.count() == 0
    dialog.reject()


def _long_import(window, tmp_path, monkeypatch):
    """The import dialog on a very long PDF that is read page by page until cancelled; (dialog, started)."""
    from cgt_desktop.core.imports import pipeline

    started = threading.Event()

    def slow_extract(path, progress=None):
        for page in range(100000):
            started.set()
            if not progress(page, 100000):
                from cgt_desktop.core.imports.model import ImportCancelled

                raise ImportCancelled()
            threading.Event().wait(0.001)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(pipeline, "extract", slow_extract)
    article = tmp_path / "long.pdf"
    article.write_bytes(b"%PDF-1.4")
    dialog = window.import_article([article])
    return dialog, started


def test_cancel_stops_a_long_import_and_saves_nothing(qtbot, window, tmp_path, monkeypatch):
    dialog, started = _long_import(window, tmp_path, monkeypatch)
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 100000)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert "Cancelled" in dialog.status.text() and window.ops.undo_stack.count() == 0
    dialog.reject()


def test_dropping_two_files_on_the_window_opens_the_import_with_both(qtbot, window, tmp_path):
    original, translation, _ = reference_pair(tmp_path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(original)), QUrl.fromLocalFile(str(translation))])
    opened = []
    window.import_article = lambda files=None: opened.append(files)  # the dialog itself is tested above
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert opened == [[original, translation]]


def test_the_readers_menu_corrects_an_imported_alignment_with_undo(qtbot, window, tmp_path):
    original, translation, _ = reference_pair(tmp_path)
    dialog = window.import_article([original, translation])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    doc = signal.args[0]
    qtbot.waitUntil(lambda: window.reader is not None and window.reader.current_document() == doc)
    rows = [r for r in window.reader.view.rows if r.kind == "sentence"]
    first = next(r for r, nxt in zip(rows, rows[1:]) if r.paragraph_id == nxt.paragraph_id)
    count = len(rows)
    menu = window.annotations.reader_menu(first.passage_id, "orig")
    alignment = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Alignment")
    merge = next(a for a in alignment.actions() if a.text().startswith("Merge"))
    with qtbot.waitSignal(window.ops.data_changed):
        merge.trigger()
    qtbot.waitUntil(lambda: len([r for r in window.reader.view.rows if r.kind == "sentence"]) == count - 1)
    window.ops.undo_stack.undo()
    qtbot.waitUntil(lambda: len([r for r in window.reader.view.rows if r.kind == "sentence"]) == count)
    reference = window.annotations.reader_menu("003_f3128c6eecc96df2#p03.s01", "orig")
    assert not any(a.text() == "Alignment" for a in reference.actions())  # the editors' alignment is not edited


def test_entity_pages_list_the_documents_that_mention_them_imported_ones_too(qtbot, window, tmp_path):
    assert window.open_page("organization/journal-cell")
    qtbot.waitUntil(lambda: "Mentioned in" in window.current_detail().toPlainText())  # found after the page
    assert [d["id"] for d in window.store.mentioned_in("organization/journal-cell")] == [
        "document/001_02b24beee2f111b4"]  # "cell" elsewhere is not the journal
    original, translation, _ = reference_pair(tmp_path)
    dialog = window.import_article([original, translation])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    found = {d["id"] for d in window.store.mentioned_in("person/tian-zhigang")}
    assert {"document/003_f3128c6eecc96df2", signal.args[0]} <= found
    assert window.open_page("person/tian-zhigang")
    qtbot.waitUntil(lambda: "imported by you" in window.current_detail().toPlainText())


def test_an_imported_document_is_deleted_from_the_readers_menu_and_undo_brings_it_back(qtbot, window, tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("Regulators approved the CAR-T trial.\n\nThe company was founded in 2013.", encoding="utf-8")
    dialog = window.import_article([article])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as signal:
        dialog.import_button.click()
    doc = signal.args[0]
    qtbot.waitUntil(lambda: window.reader is not None and window.reader.current_document() == doc)
    assert "no translation yet" in window.reader.view.column_labels["trans"]
    first = next(r for r in window.reader.view.rows if r.kind == "sentence")
    window.ask_split = lambda d: (d.edit.setPlainText("监管机构批准了该试验。"), True)[1]
    menu = window.annotations.reader_menu(first.passage_id, "orig")
    alignment = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Alignment")
    next(a for a in alignment.actions() if a.text().startswith("Write")).trigger()
    qtbot.waitUntil(lambda: next(r for r in window.reader.view.rows if r.kind == "sentence").trans ==
                    "监管机构批准了该试验。")
    assert "yours, aligned automatically" in window.reader.view.column_labels["trans"]
    menu = window.annotations.reader_menu(first.passage_id, "orig")
    alignment = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Alignment")
    next(a for a in alignment.actions() if a.text().startswith("Delete")).trigger()
    assert not window.store.exists(doc)
    window.ops.undo_stack.undo()
    assert window.store.exists(doc)


def test_esc_stops_a_running_import_and_closing_a_filled_in_form_asks(qtbot, window, tmp_path, monkeypatch):
    dialog, started = _long_import(window, tmp_path, monkeypatch)
    qtbot.addWidget(dialog)
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False
    dialog.title_edit.setText("A title I typed")
    dialog.import_button.click()
    qtbot.waitUntil(started.is_set)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # stops the import, keeps the dialog and asks nothing
    qtbot.waitUntil(lambda: not dialog.running, timeout=10000)
    assert "Cancelled" in dialog.status.text() and dialog.isVisible() and asked == []
    dialog.reject()  # now it would close: the typed title makes it ask, and "Cancel" keeps it open
    assert asked == [True] and dialog.isVisible()
    dialog.confirm_discard = lambda: True
    dialog.reject()
    assert not dialog.isVisible()
