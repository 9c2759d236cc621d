"""The main window's annotations wiring: notes dock, Annotations tab, reader highlights, shared undo.

:class:`AnnotationsController` runs every change on the window's
:class:`~cgt_desktop.ui.common.operations.OperationStack` (shared by the notes,
the Annotations panel and the reader's highlights), puts its Undo (``Ctrl+Z``)
and Redo (``Ctrl+Shift+Z``) in the window's Edit menu, and repaints the reader
when the stack says highlights changed. The notes dock follows the page shown (or the reader's selected
sentence); the Annotations tab opens items at their annotation; the reader
paints every highlight on both languages (the mirrored side covers the whole
counterpart sentence) and offers Highlight / Delete highlight in its context
menu and ``Ctrl+H``.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFormLayout, QLabel, QLineEdit,
                               QMenu, QPlainTextEdit, QVBoxLayout, QWidget)

from cgt_desktop.core.domain import ids
from cgt_desktop.core.ops import annotations as note_ops
from cgt_desktop.core.ops.base import Changes
from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.userdata import drafts
from cgt_desktop.core.userdata.userdb import UserDataError
from cgt_desktop.ui.annotations.panel import AnnotationsPanel
from cgt_desktop.ui.annotations.notes import NotesWidget
from cgt_desktop.ui.common.operations import OperationStack

__all__ = ["AnnotationsController", "HighlightDialog", "color_label"]


def _t(text: str) -> str:
    return QCoreApplication.translate("AnnotationsController", text)


def color_label(name: str) -> str:
    """The translated name of a highlight colour key (``yellow`` …)."""
    return {"yellow": _t("Yellow"), "green": _t("Green"), "blue": _t("Blue"), "pink": _t("Pink"),
            "orange": _t("Orange")}.get(name, name)


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class HighlightDialog(QDialog):
    """Choose a highlight colour, an optional comment, and optionally only part of the sentence.

    The sentence is shown in a read-only box: selecting words in it highlights just that
    character range; with no selection the whole sentence is highlighted.
    """

    def __init__(self, quote: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Highlight"))
        self.quote = quote
        self.color_combo = QComboBox()
        for name, value in ann.HIGHLIGHT_COLORS.items():
            self.color_combo.addItem(swatch(value), color_label(name), value)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(_t("Optional comment"))
        self.sentence = QPlainTextEdit(quote)
        self.sentence.setReadOnly(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.sentence.setMaximumHeight(120)
        hint = QLabel(_t("Select words above to highlight only them; otherwise the whole sentence is highlighted."))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_t("Colour:"), self.color_combo)
        form.addRow(_t("Comment:"), self.comment_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def selected_range(self) -> tuple[int | None, int | None]:
        """The selected character range of the sentence, or ``(None, None)`` for the whole of it."""
        cursor = self.sentence.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if start == end or self.sentence.toPlainText() != self.quote:
            return None, None
        return start, end

    def choice(self) -> tuple[str, str, int | None, int | None]:
        return (self.color_combo.currentData(), self.comment_edit.text().strip(), *self.selected_range())


class AnnotationsController(QObject):
    """Wires notes, the Annotations tab and reader highlights into the main window."""

    def __init__(self, window: Any, ops: OperationStack) -> None:
        super().__init__(window)
        self.window = window
        self.user = window.user
        self.reader: Any = None
        self.ops = ops
        self.undo_stack = ops.undo_stack
        ops.data_changed.connect(self._on_ops_data_changed)
        ops.failed.connect(self._on_ops_failed)
        self.act_undo = QAction(window)
        self.act_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.act_undo.triggered.connect(self.undo_stack.undo)
        self.act_redo = QAction(window)
        self.act_redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self.act_redo.setShortcuts(list(dict.fromkeys(
            [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)])))
        self.act_highlight = QAction(window)
        self.act_highlight.setShortcut(QKeySequence("Ctrl+H"))
        self.act_highlight.triggered.connect(self._on_highlight_triggered)
        self.act_new_note = QAction(window)  # the keyboard's way to the Notes dock, open or closed
        self.act_new_note.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.act_new_note.triggered.connect(self._on_new_note_triggered)
        for action in (self.act_undo, self.act_redo, self.act_highlight, self.act_new_note):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        first = window.menu_edit.actions()[0] if window.menu_edit.actions() else None
        for action in (self.act_undo, self.act_redo):
            window.menu_edit.insertAction(first, action)
        window.menu_edit.insertSeparator(first)
        window.menu_edit.insertAction(first, self.act_new_note)

        # Notes: a dock beside the detail page, following the item shown.
        self.notes = NotesWidget(self.user, "", ops=ops)
        self.notes.draft_kept.connect(self._on_notes_draft_kept)
        self.notes.draft_restored.connect(self._on_notes_draft_restored)
        self._unshare_shortcuts(self.notes)
        self.notes_label = QLabel()
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_label.setWordWrap(True)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.notes_label)
        box.addWidget(self.notes, 1)
        self.notes_dock = QDockWidget(window)
        self.notes_dock.setObjectName("notes_dock")
        self.notes_dock.setWidget(holder)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)

        # The Annotations tab.
        # Filled after the first paint by check_anchors (the tab is not shown at start: ~30 ms).
        self.panel = AnnotationsPanel(self.user, window.store, ops=ops, load=False)
        self._unshare_shortcuts(self.panel)
        self.panel.setObjectName("annotations_panel")
        window.tabs.addTab(self.panel, "")
        self.panel.item_activated.connect(self._on_panel_item_activated)

        window.page_opened.connect(self._on_window_page_opened)
        window.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._set_target(self.current_target())  # the page already shown, if any
        window.first_painted.connect(self._on_window_first_painted)  # not before: 20 000 notes take ~0.3 s

    @staticmethod
    def _unshare_shortcuts(widget: Any) -> None:
        """The window's Edit menu owns Ctrl+Z/Ctrl+Shift+Z (two owners would make the keys ambiguous)."""
        for action in (widget.undo_action, widget.redo_action):
            action.setShortcuts([])
            widget.removeAction(action)

    def retranslate(self) -> None:
        self._on_undo_stack_index_changed()
        self.act_new_note.setText(_t("&New Note on This Item…"))
        self.act_new_note.setToolTip(_t("Write a note on the page or sentence shown (Ctrl+Shift+N)"))
        self.act_highlight.setText(_t("&Highlight Sentence…"))
        self.act_highlight.setToolTip(_t("Highlight the selected sentence of the reader (Ctrl+H)"))
        self.notes_dock.setWindowTitle(_t("Notes"))
        tabs = self.window.tabs
        index = tabs.indexOf(self.panel)
        tabs.setTabText(index, _t("Annotations"))
        tabs.setTabToolTip(index, _t("Every note, highlight and tag; double-click one to open it"))
        self._set_target(self.notes.target_id or None)

    def _on_new_note_triggered(self) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()
        if self.notes.target_id:
            self.notes.new_note()
        else:
            self.window.statusBar().showMessage(_t("Open a page, or select a sentence in the reader, to write a "
                                                   "note on it."), 5000)

    def _on_undo_stack_index_changed(self, *_args: Any) -> None:
        stack = self.undo_stack
        try:
            states = ((self.act_undo, stack.canUndo(), stack.undoText(), _t("&Undo %1")),
                      (self.act_redo, stack.canRedo(), stack.redoText(), _t("&Redo %1")))
        except RuntimeError:  # the stack is being destroyed as the app quits: nothing to show any more
            return
        for action, can, text, label in states:
            action.setEnabled(can)
            action.setText(label.replace("%1", text).strip() if can else label.replace("%1", "").strip())

    def _on_window_first_painted(self) -> None:
        self.check_anchors(only_if_changed=True)  # after a rebuild or an import, not at every start
        elsewhere = [d for d in drafts.list_drafts(self.user) if d.target_id != self.notes.target_id]
        if elsewhere:  # left by a crash, or by leaving an item before the last quit: say where they are
            text = (_t("You have an unsaved note kept as a draft, on %1: the Annotations tab lists it "
                       "(kind 'Unsaved drafts').") if len(elsewhere) == 1 else
                    _t("You have %2 unsaved notes kept as drafts, the newest on %1: the Annotations tab lists "
                       "them (kind 'Unsaved drafts')."))
            self.window.statusBar().showMessage(text.replace("%1", self._target_name(elsewhere[0].target_id))
                                                .replace("%2", str(len(elsewhere))), 15000)

    def check_anchors(self, only_if_changed: bool = False) -> list[ann.Orphan] | None:
        """Flag annotations whose item or text changed in the reference data (never deletes).

        With *only_if_changed*, skip the check if it already ran against this reference data
        (``None``; see :func:`~cgt_desktop.core.userdata.annotations.check_anchors_if_changed`).
        """
        if self.window.is_closed:
            return []
        check = ann.check_anchors_if_changed if only_if_changed else ann.check_anchors
        orphans = check(self.user, self.window.store)
        self.panel.refresh()
        return orphans

    # -- notes ----------------------------------------------------------------------------------
    def _set_target(self, target: str | None) -> None:
        if target != (self.notes.target_id or None) and not self.notes.set_target(target or ""):
            target = self.notes.target_id or None  # the note being written could not be kept: it stays
        self.notes.setEnabled(bool(target))
        if not target:
            self.notes_label.setText(_t("Open a page (or select a sentence in the reader) to write notes on it."))
            return
        self.notes_label.setText(_t("On: %1").replace("%1", self._target_name(target)))

    def _target_name(self, target: str) -> str:
        if "#" in target:
            return _t("Sentence %1").replace("%1", ids.local_part(target))
        found = self.window.store.names([target]).get(target)
        return " · ".join(dict.fromkeys(x for x in (found[1], found[2]) if x)) or target if found else target

    def keep_draft(self) -> None:
        """Keep the note being written as its item's draft (the window is closing, or the session ending)."""
        try:
            self.notes.keep_draft()
        except UserDataError as exc:  # nothing more can be done as the app quits than to say so
            print(f"cgt-desktop: could not keep your unsaved note: {exc}", file=sys.stderr)

    def _on_notes_draft_kept(self, target: str) -> None:
        self.window.statusBar().showMessage(
            _t("Your unsaved note on %1 is kept as a draft: it reopens when you go back there "
               "(Annotations tab, kind 'Unsaved drafts').").replace("%1", self._target_name(target)), 10000)
        self.panel.refresh_soon()

    def _on_notes_draft_restored(self, _target: str) -> None:
        self.notes_dock.show()
        self.panel.refresh_soon()

    def current_target(self) -> str | None:
        """The item the notes dock should show for the current tab."""
        tabs = self.window.tabs
        widget = tabs.currentWidget()
        if self.reader is not None and widget is self.reader:  # what the reader shows, never the last page's item
            return self.reader.controller.selected_passage() or self.reader.current_document() or None
        detail = self.window.current_detail()
        page = detail.page if detail is not None else None
        if page:
            return page[8:] if page.startswith("passage:") else page
        return self.notes.target_id or None

    def _on_window_page_opened(self, _page: str) -> None:
        self._set_target(self.current_target())

    def _on_tabs_current_changed(self, _index: int) -> None:
        self._set_target(self.current_target())

    # -- the Annotations tab --------------------------------------------------------------------
    def _on_panel_item_activated(self, target: str, _uid: str) -> None:
        if "#" in target:
            self.window.open_page(f"read:{ids.document_of(target)}|{target}")
        else:
            self.window.open_page(target)

    def _on_ops_data_changed(self, changes: Changes) -> None:
        if changes.highlights:
            self.refresh_highlights()

    def _on_ops_failed(self, message: str, origin: Any) -> None:
        if origin is self:
            self.window.statusBar().showMessage(message, 5000)

    # -- reader highlights ---------------------------------------------------------------------
    def attach_reader(self, reader: Any) -> None:
        """Paint highlights in *reader* and give it the Highlight context menu (called once)."""
        self.reader = reader
        reader.controller.document_changed.connect(self._on_reader_document_changed)
        reader.passage_selected.connect(self._on_reader_passage_selected)
        reader.view.context_menu_requested.connect(self._on_reader_context_menu_requested)
        self.refresh_highlights()

    def refresh_highlights(self) -> None:
        """Give the reader the highlights of its document (both sides of every highlighted sentence)."""
        if self.reader is None:
            return
        doc = self.reader.current_document()
        marks: dict[str, list[tuple[str, int | None, int | None, QColor]]] = {}
        for span in ann.highlights_for_document(self.user, doc) if doc else []:
            marks.setdefault(span.highlight.passage_id, []).append(
                (span.side, span.start, span.end, QColor(span.highlight.color)))
        self.reader.view.set_marks(marks)

    def _on_reader_document_changed(self, _doc: str) -> None:
        self.refresh_highlights()
        if self.window.tabs.currentWidget() is self.reader:
            self._set_target(self.current_target())

    def _on_reader_passage_selected(self, _passage: str) -> None:
        if self.window.tabs.currentWidget() is self.reader:
            self._set_target(self.current_target())

    def selected_sentence(self) -> tuple[str, str] | None:
        """``(passage id, side)`` of the reader's selected sentence, or ``None``."""
        if self.reader is None:
            return None
        passage = self.reader.controller.selected_passage()
        if not passage or "#" not in passage:
            return None
        sides = self.reader.view.visible_sides()
        side = self.reader.view.selected_side if self.reader.view.selected_side in sides else sides[0]
        return passage, side

    def highlight(self, passage_id: str, side: str, color: str = ann.DEFAULT_HIGHLIGHT_COLOR,
                  comment: str = "", start: int | None = None, end: int | None = None) -> None:
        """Highlight a sentence, or the characters *start*–*end* of it, on one side (one undo step)."""
        self.ops.run(note_ops.add_highlight(self.user, self.window.store, passage_id, side, start, end,
                                            color=color, comment=comment), _t("Highlight"), origin=self)

    def delete_highlight(self, uid: str) -> None:
        """Delete a highlight (soft; Undo restores it)."""
        self.ops.run(note_ops.delete_highlight(self.user, uid), _t("Delete highlight"), origin=self)

    def ask_highlight(self, quote: str) -> tuple[str, str, int | None, int | None] | None:
        """Ask for colour, comment and an optional range; ``None`` when cancelled (tests replace this)."""
        dialog = HighlightDialog(quote, self.window)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _quote(self, passage_id: str, side: str) -> str:
        row = self.reader.view.rows[self.reader.view.selected_row] if self.reader else None
        if row is not None and row.passage_id == passage_id:
            return row.text(side)
        found = self.window.store.passages([passage_id])
        return (found[0].orig if side == "orig" else found[0].trans) if found else ""

    def _on_highlight_triggered(self) -> None:
        chosen = self.selected_sentence()
        if chosen is None or self.window.tabs.currentWidget() is not self.reader:
            self.window.statusBar().showMessage(_t("Select a sentence in the reader to highlight it."), 5000)
            return
        answer = self.ask_highlight(self._quote(*chosen))
        if answer is not None:
            self.highlight(chosen[0], chosen[1], *answer)

    def _on_reader_context_menu_requested(self, passage_id: str, side: str, pos: QPoint) -> None:
        menu = self.reader_menu(passage_id, side)
        menu.popup(pos)

    def reader_menu(self, passage_id: str, side: str) -> QMenu:
        """The reader's context menu for one sentence (highlight, delete highlight, selection)."""
        menu = QMenu(self.reader)
        colours = menu.addMenu(_t("Highlight"))
        for name, value in ann.HIGHLIGHT_COLORS.items():
            colours.addAction(swatch(value), color_label(name),
                              lambda v=value: self.highlight(passage_id, side, v))
        menu.addAction(_t("Highlight with Comment…") + "\tCtrl+H", self._on_highlight_triggered)
        for span in ann.highlights_for_passage(self.user, passage_id, side):
            h = span.highlight
            names = {v: k for k, v in ann.HIGHLIGHT_COLORS.items()}
            label = color_label(names.get(h.color, h.color))
            if h.comment:
                label += f" — {h.comment[:40]}"
            menu.addAction(swatch(h.color), _t("Delete Highlight (%1)").replace("%1", label),
                           lambda uid=h.uid: self.delete_highlight(uid))
        add = getattr(self.window, "selections", None)
        if add is not None:
            menu.addSeparator()
            menu.addAction(add.act_add)
        extend = getattr(self.window, "extend_reader_menu", None)  # e.g. an imported document's alignment
        if extend is not None:
            extend(menu, passage_id)
        return menu
