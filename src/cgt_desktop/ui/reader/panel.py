"""The side-by-side bilingual reader: a document's original beside the project's translation.

:class:`ReaderController` turns a document from the store into aligned grid rows
(one per sentence, plus notes for repeated paragraphs), hides boilerplate,
resolves citations and runs find-in-document; :class:`ReaderPanel` composes
the header, the toolbar, the :class:`~cgt_desktop.ui.reader.view.ReaderView`
and the find bar, and is what the main window talks to.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QSizePolicy,
                               QToolButton, QVBoxLayout, QWidget)

from cgt_desktop.core.domain import dates
from cgt_desktop.core.catalog.store import Catalog, UnknownId
from cgt_desktop.core.domain import ids
from cgt_desktop.ui.common.deferred import WhenShown
from cgt_desktop.ui.common.fonts import cjk_families
from cgt_desktop.ui.reader.view import ReaderRow, ReaderView

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


class ReaderController(QObject):
    """Owns the open document's rows and drives the view: boilerplate, citations, find, entities.

    Signals:
        document_changed(str): another document was opened (its id, "" when none).
        found_changed(int, int): find results changed (current index or -1, number of matches).
    """

    document_changed = Signal(str)
    found_changed = Signal(int, int)

    def __init__(self, store: Catalog, view: ReaderView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.view = view
        self.meta: dict[str, Any] | None = None
        self.show_boilerplate = False
        self.ui_language = "en"  # which of a translator's notes (en/zh) to show
        self.boilerplate_count = 0
        self.translated = False  # any passage has a translation
        self.doubtful_count = 0  # automatic pairs below the import's confidence threshold
        self._paragraphs: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self._rows_of_paragraph: dict[str, list[int]] = {}
        self._cited: str | None = None
        self._query = ""
        self.matches: list[tuple[int, str, int, int]] = []
        self.current = -1
        view.mention_finder = self._find_mentions
        view.entity_namer = self._entity_name

    def _find_mentions(self, *args: Any) -> list[tuple[int, int, str]]:
        return self.store.mention_matcher().find(*args)  # the catalog's current one (the user's names too)

    def _entity_name(self, entity_id: str) -> str:
        kind, name_en, name_zh = self.store.names([entity_id]).get(entity_id, ("", entity_id, ""))
        return " · ".join(x for x in (name_en, name_zh) if x) or entity_id

    # -- documents ----------------------------------------------------------------------------
    def load(self, doc_id: str) -> bool:
        """Open a document; return ``False`` (and show nothing) when there is no such document."""
        try:
            meta = self.store.document(ids.document_of(doc_id))
        except UnknownId:
            self.meta, self._paragraphs = None, []
            self._rebuild()
            self.document_changed.emit("")
            return False
        self._paragraphs = meta.pop("paragraphs")
        self.meta = meta
        self.boilerplate_count = sum(1 for p in self._paragraphs if p["role"] == "boilerplate")
        sentences = [s for p in self._paragraphs for s in p["sentences"]]
        self.translated = any((s["trans"] or "").strip() for s in sentences)
        self.doubtful_count = sum(1 for s in sentences if s.get("confidence") is not None and s["confidence"] < 0.5)
        self._cited = None
        self._rebuild()
        self.document_changed.emit(meta["id"])
        return True

    def _rebuild(self) -> None:
        """Build the rows the view shows (boilerplate included or not), keeping the selection."""
        selected = self.selected_passage()
        rows: list[ReaderRow] = []
        for p in self._paragraphs:
            if (p["role"] == "boilerplate" and not self.show_boilerplate) or not p["sentences"]:
                continue
            first = True
            if p.get("repeat_of"):
                target = ids.local_label(p["repeat_of"], self.ui_language)
                note = "↻ " + self.tr("Repeated paragraph: repeats {paragraph}").format(paragraph=target)
                if p.get("repeat_note"):
                    note += ": " + self.store.wording().readable(p["repeat_note"], "en")
                rows.append(ReaderRow("note", p["id"], p["id"], p["role"], orig=note, first_in_paragraph=True,
                                      repeated=True))
                first = False
            for s in p["sentences"]:
                rows.append(ReaderRow("sentence", s["id"], p["id"], p["role"], s["orig"] or "", s["trans"] or "",
                                      first_in_paragraph=first, repeated=bool(p.get("repeat_of")),
                                      confidence=s.get("confidence")))
                first = False
                note = (s.get("trans_note_zh") or s.get("trans_note_en")) if self.ui_language == "zh" else (
                    s.get("trans_note_en") or s.get("trans_note_zh"))
                if note:
                    rows.append(ReaderRow("note", s["id"], p["id"], p["role"],
                                          trans="† " + self.tr("Translator's note: {note}").format(note=note),
                                          repeated=bool(p.get("repeat_of"))))
        self._row_of = {r.passage_id: i for i, r in enumerate(rows) if r.kind == "sentence"}
        self._rows_of_paragraph = {}
        for i, r in enumerate(rows):
            if r.kind == "sentence":
                self._rows_of_paragraph.setdefault(r.paragraph_id, []).append(i)
        self.view.set_rows(rows)
        if self._cited:
            self.view.set_cited(set(self.rows_of(self._cited)))
        if selected in self._row_of:
            self.view.select_row(self._row_of[selected], emit=False)
        if self._query:
            self.find(self._query)

    def set_language(self, language: str) -> None:
        """Show the translator's notes and the row notes in the interface *language*."""
        if language != self.ui_language:
            self.ui_language = language
            if self.meta is not None:
                self._rebuild()

    def set_show_boilerplate(self, show: bool) -> None:
        if show != self.show_boilerplate:
            self.show_boilerplate = show
            self._rebuild()

    def rows_of(self, passage_id: str) -> list[int]:
        """Return the rows showing a sentence or every sentence of a paragraph."""
        if passage_id in self._row_of:
            return [self._row_of[passage_id]]
        return list(self._rows_of_paragraph.get(passage_id, []))

    def selected_passage(self) -> str | None:
        row = self.view.selected_row
        return self.view.rows[row].passage_id if 0 <= row < len(self.view.rows) else None

    def cite(self, passage_id: str) -> bool:
        """Scroll to a cited sentence or paragraph and highlight it in both languages."""
        if not self.rows_of(passage_id) and not self.show_boilerplate and self._in_document(passage_id):
            self.show_boilerplate = True  # the citation points into page furniture: show it
            self._rebuild()
        rows = self.rows_of(passage_id)
        if not rows:
            return False
        self._cited = passage_id
        self.view.set_cited(set(rows))
        self.view.scroll_to_row(rows[0], center=True)
        return True

    def _in_document(self, passage_id: str) -> bool:
        return any(p["id"] == passage_id or any(s["id"] == passage_id for s in p["sentences"])
                   for p in self._paragraphs)

    # -- find -------------------------------------------------------------------------------
    def find(self, text: str) -> int:
        """Find *text* (ignoring case) in every shown cell; select the first match; return the count."""
        self._query = text
        needle = text.casefold()
        self.matches = []
        if needle:
            sides = self.view.visible_sides()
            for i, row in enumerate(self.view.rows):
                if row.kind != "sentence":
                    continue
                for side in sides:
                    hay = row.text(side).casefold()
                    if len(hay) != len(row.text(side)):
                        hay = row.text(side).lower()
                    start = hay.find(needle)
                    while start >= 0:
                        self.matches.append((i, side, start, start + len(needle)))
                        start = hay.find(needle, start + len(needle))
        self.current = 0 if self.matches else -1
        self._show_current()
        return len(self.matches)

    def refresh_find(self) -> None:
        """Run the current search again (after the shown columns changed)."""
        self.find(self._query)

    def find_step(self, step: int) -> None:
        """Move to the next (``1``) or previous (``-1``) match, wrapping around."""
        if not self.matches:
            return
        self.current = (self.current + step) % len(self.matches)
        self._show_current()

    def _show_current(self) -> None:
        found: dict[int, list[tuple[str, int, int]]] = {}
        for row, side, start, end in self.matches:
            found.setdefault(row, []).append((side, start, end))
        current = self.matches[self.current] if self.current >= 0 else None
        self.view.set_found(found, current)
        if current:
            self.view.scroll_to_row(current[0], center=False)
        self.found_changed.emit(self.current, len(self.matches))


class ReaderPanel(QWidget):
    """A document's original beside its translation, row by row.

    Signals:
        entity_activated(str): the user clicked a mention of that entity id.
        passage_selected(str): the user selected/clicked a sentence (its passage id).
        document_requested(str): the user chose a document in the empty reader's list (its id).
    """

    entity_activated = Signal(str)
    passage_selected = Signal(str)
    document_requested = Signal(str)

    def __init__(self, store: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._chooser_later = WhenShown(self, self._fill_chooser)  # the document list waits for the panel
        self.view = ReaderView(self)
        self.view.set_families(cjk_families(self.view.font()))
        self._base_size = self.view.point_size
        self.controller = ReaderController(store, self.view, self)
        self.title = QLabel()
        self.title.setObjectName("reader_title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("reader_meta")
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setWordWrap(True)
        for label in (self.title, self.meta_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.swap_button = self._tool_button(checkable=True)
        self.language_box = QComboBox()
        self.boilerplate_button = self._tool_button(checkable=True)
        self.sync_button = self._tool_button(checkable=True)
        self.sync_button.setChecked(True)
        self.zoom_out_button = self._tool_button()
        self.zoom_in_button = self._tool_button()
        self.find_button = self._tool_button()
        tools = QHBoxLayout()
        for w in (self.swap_button, self.language_box, self.boilerplate_button, self.sync_button):
            tools.addWidget(w)
        tools.addStretch(1)
        for w in (self.zoom_out_button, self.zoom_in_button, self.find_button):
            tools.addWidget(w)

        self.find_bar = QWidget()
        self.find_edit = QLineEdit()
        self.find_edit.setClearButtonEnabled(True)
        self.find_prev = self._tool_button()
        self.find_next = self._tool_button()
        self.find_count = QLabel()
        self.find_count.setMinimumWidth(self.find_count.fontMetrics().horizontalAdvance("00000 of 00000") + 8)
        self.find_close = self._tool_button()
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.find_edit, self.find_prev, self.find_next, self.find_count, self.find_close):
            bar.addWidget(w)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.meta_label)
        self.tools = QWidget()
        tools.setContentsMargins(0, 0, 0, 0)
        self.tools.setLayout(tools)
        layout.addWidget(self.tools)
        layout.addWidget(self.view, 1)
        # With no document open: every document, to choose one (Enter or a click opens it).
        self.chooser = QListWidget()
        self.chooser.setObjectName("reader_chooser")
        self.chooser.setWordWrap(True)
        self.chooser.setAlternatingRowColors(True)
        self.chooser.itemActivated.connect(self._on_chooser_item_activated)
        self.chooser.itemClicked.connect(self._on_chooser_item_activated)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.find_bar)

        self.swap_button.toggled.connect(self._on_swap_toggled)
        self.language_box.currentIndexChanged.connect(self._on_language_changed)
        self.boilerplate_button.toggled.connect(self._on_boilerplate_toggled)
        self.sync_button.toggled.connect(self.view.set_synced)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.find_button.clicked.connect(self.show_find)
        self.find_edit.textChanged.connect(self.controller.find)
        self.find_edit.returnPressed.connect(self._on_find_return_pressed)
        self.find_next.clicked.connect(lambda: self.controller.find_step(1))
        self.find_prev.clicked.connect(lambda: self.controller.find_step(-1))
        self.find_close.clicked.connect(self.hide_find)
        self.controller.found_changed.connect(self._on_controller_found_changed)
        self.view.mention_clicked.connect(self._on_view_mention_clicked)
        self.view.row_activated.connect(self._on_view_row_activated)

        self.view.command_requested.connect(self._on_view_command_requested)
        shortcuts = [(QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                     (QKeySequence("Ctrl+="), self.zoom_in), (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                     (QKeySequence("Ctrl+0"), self.zoom_reset),
                     (QKeySequence.StandardKey.FindNext, lambda: self.controller.find_step(1)),
                     (QKeySequence.StandardKey.FindPrevious, lambda: self.controller.find_step(-1))]
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.hide_find)
        self._retranslate()
        self._show_header()

    def _tool_button(self, checkable: bool = False) -> QToolButton:
        button = QToolButton()
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- the contract the main window uses ----------------------------------------------------
    def reload(self) -> None:
        """Read the open document again (the user changed it: an alignment edit), keeping the place.

        With no document open, list the documents again.
        """
        current = self.controller.meta["id"] if self.controller.meta else None
        if current is None:
            self._show_header()  # the list of documents to choose from (one may have been imported)
            return
        bar = self.view.verticalScrollBar()
        where, selected = bar.value(), self.controller.selected_passage()
        self.controller.load(current)
        self._update_labels()
        self._show_header()
        rows = self.controller.rows_of(selected) if selected else []
        if rows:
            self.view.select_row(rows[0])
        bar.setValue(where)

    def open_document(self, doc_id: str, passage_id: str | None = None) -> None:
        """Show a document; with *passage_id* (sentence or paragraph), scroll to it and highlight it."""
        current = self.controller.meta["id"] if self.controller.meta else None
        if current != ids.document_of(doc_id):
            self.controller.load(doc_id)
            self._update_labels()
            self._show_header()
            self.controller.find(self.find_edit.text() if self.find_bar.isVisible() else "")
        if passage_id:
            self.controller.cite(passage_id)
            self.boilerplate_button.blockSignals(True)
            self.boilerplate_button.setChecked(self.controller.show_boilerplate)
            self.boilerplate_button.blockSignals(False)

    def highlight_entity(self, entity_id: str | None) -> None:
        """Mark the mentions of *entity_id* (``None``: none)."""
        self.view.set_entity(entity_id)

    def set_language(self, language: str) -> None:
        """Show dates, notes and the document list in the interface *language* ("en" or "zh")."""
        if language != self.controller.ui_language:
            self.controller.set_language(language)
            self._show_header()

    def current_document(self) -> str | None:
        return self.controller.meta["id"] if self.controller.meta else None

    # -- actions --------------------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.view.set_point_size(self.view.point_size * 1.1)

    def zoom_out(self) -> None:
        self.view.set_point_size(self.view.point_size / 1.1)

    def zoom_reset(self) -> None:
        self.view.set_point_size(self._base_size)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        if self.find_edit.text():
            self.controller.find(self.find_edit.text())

    def hide_find(self) -> None:
        self.find_bar.hide()
        self.controller.find("")
        self.view.setFocus()

    def _on_find_return_pressed(self) -> None:
        from PySide6.QtWidgets import QApplication
        shift = QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier
        self.controller.find_step(-1 if shift else 1)

    def _on_controller_found_changed(self, current: int, total: int) -> None:
        if not self.find_edit.text():
            self.find_count.setText("")
        elif total == 0:
            self.find_count.setText(self.tr("No matches"))
        else:
            self.find_count.setText(self.tr("{current} of {total}").format(current=current + 1, total=total))

    def _on_swap_toggled(self, swapped: bool) -> None:
        self.view.set_display(swapped=swapped)
        self.controller.refresh_find()

    def _on_language_changed(self, index: int) -> None:
        self.view.set_display(mode=("both", "orig", "trans")[max(index, 0)])
        self.controller.refresh_find()

    def _on_boilerplate_toggled(self, show: bool) -> None:
        self.controller.set_show_boilerplate(show)

    def _on_view_command_requested(self, command: str) -> None:
        actions = {"find": self.show_find, "find_next": lambda: self.controller.find_step(1),
                   "find_previous": lambda: self.controller.find_step(-1), "zoom_in": self.zoom_in,
                   "zoom_out": self.zoom_out, "zoom_reset": self.zoom_reset}
        action = actions.get(command)
        if action:
            action()

    def _on_chooser_item_activated(self, item: QListWidgetItem) -> None:
        doc_id = item.data(Qt.ItemDataRole.UserRole)
        if doc_id:
            self.document_requested.emit(doc_id)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._chooser_later.shown()
        super().showEvent(event)

    def _fill_chooser(self) -> None:
        """The documents, dated ones first, each as "title / outlet · date · language" in the UI language.

        Run through ``_chooser_later``: a hidden reader fills its list when shown.
        """
        lang = self.controller.ui_language
        self.chooser.clear()
        for doc in self.store.document_list():
            title = (doc.get("name_zh") or doc.get("name_en")) if lang == "zh" else (
                doc.get("name_en") or doc.get("name_zh"))
            outlet = (doc.get("outlet_zh") or doc.get("outlet_en")) if lang == "zh" else (
                doc.get("outlet_en") or doc.get("outlet_zh"))
            when = dates.document_when(doc.get("date"), bool(doc.get("approximate")), lang, doc.get("date_stated") or "")
            line = "  ·  ".join(x for x in (outlet, when, LANGUAGE_NAMES.get(doc.get("lang") or "", "")) if x)
            mine = "  ·  " + self.tr("imported by you") if ids.is_user(doc["id"]) else ""
            item = QListWidgetItem(f"{title or doc['id']}\n{line}{mine}")
            item.setData(Qt.ItemDataRole.UserRole, doc["id"])
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {line}{mine}")
            self.chooser.addItem(item)
        if self.chooser.count():
            self.chooser.setCurrentRow(0)

    def _on_view_mention_clicked(self, entity_id: str) -> None:
        self.entity_activated.emit(entity_id)

    def _on_view_row_activated(self, passage_id: str) -> None:
        self.passage_selected.emit(passage_id)

    # -- labels ---------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == event.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Document: original beside translation"))
        self.chooser.setAccessibleName(self.tr("Documents"))
        self.find_edit.setAccessibleName(self.tr("Find in document"))
        self.language_box.setAccessibleName(self.tr("Languages shown"))
        self.swap_button.setText(self.tr("Swap sides"))
        self.swap_button.setToolTip(self.tr("Put the translation on the left"))
        index = self.language_box.currentIndex()
        self.language_box.blockSignals(True)
        self.language_box.clear()
        self.language_box.addItems([self.tr("Both languages"), self.tr("Original only"),
                                    self.tr("Translation only")])
        self.language_box.setCurrentIndex(max(index, 0))
        self.language_box.blockSignals(False)
        self.sync_button.setText(self.tr("Sync scrolling"))
        self.sync_button.setToolTip(self.tr("Scroll both columns together"))
        self.zoom_in_button.setText(self.tr("A+"))
        self.zoom_in_button.setToolTip(self.tr("Larger text (Ctrl+=)"))
        self.zoom_out_button.setText(self.tr("A−"))
        self.zoom_out_button.setToolTip(self.tr("Smaller text (Ctrl+-)"))
        self.find_button.setText(self.tr("Find"))
        self.find_button.setToolTip(self.tr("Find in both languages (Ctrl+F)"))
        self.find_edit.setPlaceholderText(self.tr("Find in document (both languages)"))
        self.find_prev.setText(self.tr("Previous"))
        self.find_next.setText(self.tr("Next"))
        self.find_close.setText(self.tr("Close"))
        self._update_labels()
        self._show_header()

    def _update_labels(self) -> None:
        count = self.controller.boilerplate_count
        self.boilerplate_button.setText(self.tr("Show boilerplate ({count})").format(count=count))
        self.boilerplate_button.setToolTip(self.tr("Page furniture: ads, notices, app prompts, tag lists"))
        self.boilerplate_button.setEnabled(count > 0)
        meta = self.controller.meta
        if not meta:
            self.view.column_labels = {"orig": self.tr("Original"), "trans": self.tr("Translation")}
            return
        orig = meta.get("lang") or "zh"
        trans = "en" if orig == "zh" else "zh"
        if ids.is_user(meta.get("id") or ""):
            whose = self.tr("yours, aligned automatically") if self.controller.translated else \
                self.tr("no translation yet: write one from a pair's menu")
        else:
            whose = self.tr("project translation")
        self.view.column_labels = {
            "orig": self.tr("Original · {language}").format(language=LANGUAGE_NAMES.get(orig, orig)),
            "trans": self.tr("Translation · {language} · {whose}").format(
                language=LANGUAGE_NAMES.get(trans, trans), whose=whose)}
        self.view.viewport().update()
        self.view._header.update()

    def _show_header(self) -> None:
        meta = self.controller.meta
        if self.view.isHidden() == bool(meta):
            self.view.setVisible(bool(meta))
            self.tools.setVisible(bool(meta))
            self.chooser.setVisible(not meta)
            self.layout().activate()  # the view's real size now: scrolling to a cited row needs it
        if not meta:
            self.title.setText(self.tr("Choose a document to read"))
            self.meta_label.setText(self.tr("Each source shows in its original language beside the project's "
                                            "translation. You can also open one from a cited passage on any page."))
            self.meta_label.setToolTip("")
            self._chooser_later.request()
            return
        orig = meta.get("lang") or "zh"
        first, second = (meta.get("title_zh"), meta.get("title_en")) if orig == "zh" else (
            meta.get("title_en"), meta.get("title_zh"))
        self.title.setText("\n".join(t for t in (first, second) if t))
        outlet = " · ".join(dict.fromkeys(x for x in (meta.get("outlet_en"), meta.get("outlet_zh")) if x)) \
            or self.tr("outlet not stated")
        when = dates.display(meta.get("date"), None, bool(meta.get("approximate")), self.controller.ui_language)
        if meta.get("date") is None:
            when = self.tr("date unknown")
        if meta.get("date_stated") and not meta.get("date"):
            when += " " + self.tr("(printed: {stated})").format(stated=meta["date_stated"])
        translator = re.sub(r"\s*\(project translation\)\s*$", "", meta.get("translator") or "") or "cgt-desktop editors"
        if ids.is_user(meta.get("id") or ""):
            last = self.tr("Imported by you from {file}").format(file=meta.get("source_file") or "?")
            if self.controller.doubtful_count:
                last += " · " + self.tr("{count} pairs to check").format(count=self.controller.doubtful_count)
        else:
            last = self.tr("Project translation by {translator}").format(translator=translator)
        parts = [outlet, when, self.tr("Original language: {language}").format(
            language=LANGUAGE_NAMES.get(orig, orig)), last]
        self.meta_label.setText("  ·  ".join(parts))
        tip = [self.tr("Date as printed: {stated}").format(stated=meta.get("date_stated") or "—")]
        if meta.get("date_note"):
            tip.append(self.store.wording().readable(meta["date_note"], "en"))
        self.meta_label.setToolTip("\n".join(tip))
