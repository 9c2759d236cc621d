"""The notes, tags and star of one item, for its detail page.

Notes are Markdown, rendered safely: markdown-it-py with raw HTML disabled
(so ``<script>`` or ``<img src="file:///…">`` typed in a note is escaped and
shown as text) and images disabled; the browser showing it loads no resources
at all (:class:`SafeNoteBrowser`). Every edit is an operation of
:mod:`cgt_desktop.core.ops.annotations`, run as one undo step by the window's
:class:`~cgt_desktop.ui.common.operations.OperationStack` and committed at once;
deleting is a soft delete that undo restores.

What the user writes is never lost: until the note is saved, the editor's text is kept as the
item's draft (:mod:`cgt_desktop.core.userdata.drafts`) a moment after each key, when the user
leaves the item and when the window closes (:meth:`NotesWidget.keep_draft`). Coming back to the
item reopens the editor on the draft; Cancel asks before throwing changed text away.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QStringListModel, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (QAction, QColor, QDesktopServices, QImage, QKeySequence, QTextCursor, QTextDocument,
                           QUndoStack)
from PySide6.QtWidgets import (QCompleter, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPlainTextEdit, QPushButton, QStackedWidget, QTextBrowser,
                               QToolButton, QVBoxLayout, QWidget)

from cgt_desktop.core.ops import annotations as note_ops
from cgt_desktop.core.ops.base import Changes
from cgt_desktop.core.userdata import drafts
from cgt_desktop.core.userdata.userdb import UserDataError, UserStore
from cgt_desktop.ui.common.deferred import WhenShown
from cgt_desktop.ui.common.operations import OperationStack

__all__ = ["NotesWidget", "SafeNoteBrowser", "render_markdown"]

DRAFT_DELAY_MS = 600
"""How long after the last key the editor's text is kept as a draft (a crash loses at most this)."""


def _t(text: str) -> str:
    return QCoreApplication.translate("NotesWidget", text)


def add_undo_redo_actions(widget: QWidget, stack: QUndoStack, undo_text: str,
                          redo_text: str) -> tuple[QAction, QAction]:
    """Give *widget* Undo (``Ctrl+Z``) and Redo (``Ctrl+Shift+Z`` and the platform's keys) for *stack*.

    The shortcuts work while the widget or one of its children has focus.
    """
    undo = stack.createUndoAction(widget, undo_text)
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = stack.createRedoAction(widget, redo_text)
    redo.setShortcuts(list(dict.fromkeys(
        [QKeySequence("Ctrl+Shift+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)])))
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    return undo, redo


def render_markdown(text: str) -> str:
    """Render a note's Markdown to safe HTML (raw HTML escaped, no images, no unsafe links)."""
    from cgt_desktop.core.text.markdown import to_html

    return to_html(text)


class SafeNoteBrowser(QTextBrowser):
    """A text browser that loads nothing: every resource request is refused and recorded.

    ``requested_resources`` lists ``(type, url)`` of every attempted load (for tests and audits).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requested_resources: list[tuple[int, str]] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_browser_anchor_clicked)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt override
        self.requested_resources.append((int(kind), QUrl(url).toString()))
        # A null image / empty byte array, never None: for None Qt loads the local file itself.
        if int(kind) == int(QTextDocument.ResourceType.ImageResource):
            return QImage()
        return QByteArray()

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)


class NotesWidget(QWidget):
    """Notes (Markdown), tags and star of one item, editable with undo/redo.

    Args:
        user_store: The user database.
        target_id: The item: an entity, event, figure, document or passage id.
        parent: Parent widget.
        ops: The window's :class:`~cgt_desktop.ui.common.operations.OperationStack` (every change is
            one of its undo steps, and it announces them); a private one by default.

    The widget writes nothing itself but drafts: it makes operations
    (:mod:`cgt_desktop.core.ops.annotations`) and refreshes when the stack says annotations changed.

    Signals:
        draft_kept(str): the user left the item (id given) with an unsaved note, now kept as its draft.
        draft_restored(str): the editor reopened on the unsaved draft of the item shown (id given).
    """

    draft_kept = Signal(str)
    draft_restored = Signal(str)

    def __init__(self, user_store: UserStore, target_id: str, parent: QWidget | None = None,
                 ops: OperationStack | None = None) -> None:
        super().__init__(parent)
        self._user = user_store
        self._target = target_id
        self._editing_uid: str | None = None  # None: a new note
        self._editor_base = ""  # the text the editor opened with (unchanged text is no draft)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._on_draft_timer_timeout)
        self._refresh_later = WhenShown(self, self.refresh)  # the language changed while hidden
        self.ops = ops or OperationStack(self)
        self._stack = self.ops.undo_stack
        self.ops.data_changed.connect(self._on_ops_data_changed)
        self.ops.failed.connect(self._on_ops_failed)

        self._title = QLabel()
        self._star = QToolButton(checkable=True, autoRaise=True)
        self._star.clicked.connect(self._on_star_clicked)
        self._tags_row = QHBoxLayout()
        self._tags_row.setContentsMargins(0, 0, 0, 0)
        self._tag_edit = QLineEdit(maxLength=80)
        self._tag_edit.setMaximumWidth(160)
        self._tag_names = QStringListModel(self)
        self._tag_edit.setCompleter(QCompleter(self._tag_names, self._tag_edit))
        self._tag_edit.returnPressed.connect(self._on_tag_edit_return_pressed)

        self.note_list = QListWidget()
        self.note_list.currentRowChanged.connect(self._on_note_list_current_row_changed)
        self.note_list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.preview = SafeNoteBrowser()
        self.editor = QPlainTextEdit()
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self._pages = QStackedWidget()
        self._pages.addWidget(self.preview)
        editor_page = QWidget()
        editor_box = QVBoxLayout(editor_page)
        editor_box.setContentsMargins(0, 0, 0, 0)
        editor_box.addWidget(self.editor)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.save_button.clicked.connect(self.save_editor)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        editor_box.addLayout(buttons)
        self._pages.addWidget(editor_page)

        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_note)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_current)
        self._status = QLabel()
        self._status.setWordWrap(True)

        self.undo_action, self.redo_action = add_undo_redo_actions(self, self._stack, _t("Undo"), _t("Redo"))

        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addWidget(self._star)
        header.addStretch(1)
        header.addLayout(self._tags_row)
        header.addWidget(self._tag_edit)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.note_list, 1)
        layout.addWidget(self._pages, 2)
        layout.addLayout(actions)
        layout.addWidget(self._status)
        self.retranslate()
        self.refresh()
        self._reopen_draft()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._refresh_later.request()  # the empty-list hint comes with the notes
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._refresh_later.shown()
        super().showEvent(event)

    def retranslate(self) -> None:
        """Every label and button in the current interface language."""
        self._title.setText(f"<b>{html.escape(_t('Notes'))}</b>")
        self._star.setToolTip(_t("Star this item"))
        self._tag_edit.setPlaceholderText(_t("Add a tag…"))
        self._tag_edit.setAccessibleName(_t("Add a tag"))
        self.note_list.setAccessibleName(_t("Notes on this item"))
        self.editor.setAccessibleName(_t("Note text"))
        self.preview.setAccessibleName(_t("Note"))
        self.editor.setPlaceholderText(_t("Write a note (Markdown: **bold**, *italic*, - lists, [links](https://…))"))
        self.save_button.setText(_t("Save"))
        self.cancel_button.setText(_t("Cancel"))
        self.new_button.setText(_t("New note"))
        self.edit_button.setText(_t("Edit"))
        self.delete_button.setText(_t("Delete"))

    # -- public API -----------------------------------------------------------------------
    @property
    def target_id(self) -> str:
        return self._target

    def undo_stack(self) -> QUndoStack:
        return self._stack

    def set_target(self, target_id: str) -> bool:
        """Show another item's notes (the undo history is kept); False if the unsaved note could not be kept.

        A note being written is kept as the old item's draft first (``draft_kept``); if even that
        fails (the disk is full, say), the widget stays on the old item with the text in its editor.
        """
        if target_id == self._target:
            return True
        old = self._target
        try:
            kept = self.keep_draft()
        except UserDataError as exc:
            self._report(_t("Your unsaved note could not be kept ({0}); copy it or save it before you "
                            "leave this item.").format(exc))
            return False
        self._target = target_id
        self._close_editor()
        self._status.setText("")  # what it said was about the item left
        self.refresh()
        self._reopen_draft()
        if kept:
            self.draft_kept.emit(old)
        return True

    def is_editing(self) -> bool:
        """Whether the editor is open."""
        return self._pages.currentIndex() == 1

    def has_unsaved_text(self) -> bool:
        """Whether the editor holds text that is neither empty nor the saved note's."""
        body = self.editor.toPlainText()
        return self.is_editing() and bool(body.strip()) and body != self._editor_base

    def keep_draft(self) -> bool:
        """Keep the editor's unsaved text as the item's draft now (or drop a draft it no longer needs).

        Returns whether a draft is kept. Raises UserDataError if it could not be written.
        """
        self._draft_timer.stop()
        if not self._target or not self.is_editing():
            return False
        if self.has_unsaved_text():
            drafts.save_draft(self._user, self._target, self.editor.toPlainText(), self._editing_uid)
            return True
        drafts.discard_draft(self._user, self._target)
        return False

    def refresh(self) -> None:
        """Reload the item's notes, tags and star from the user database."""
        current = self._current_uid()
        notes = list(reversed(self._user.notes(self._target)))  # newest first
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in notes:
            first = next((line.strip() for line in note.body.splitlines() if line.strip()), "")
            item = QListWidgetItem(f"{note.edited.replace('T', ' ')}  ·  {first[:80]}")
            item.setData(Qt.ItemDataRole.UserRole, note.uid)
            item.setToolTip(_t("Created {0}, edited {1}").format(note.created.replace("T", " "),
                                                                 note.edited.replace("T", " ")))
            self.note_list.addItem(item)
        uids = [n.uid for n in notes]
        self.note_list.setVisible(bool(uids))  # the empty state is said in the preview
        self.note_list.setCurrentRow(uids.index(current) if current in uids else 0 if uids else -1)
        self.note_list.blockSignals(False)
        self._show_current()
        starred = self._user.is_starred(self._target)
        self._star.setChecked(starred)
        self._star.setText("★" if starred else "☆")
        self._star.setToolTip(_t("Unstar this item") if starred else _t("Star this item"))
        self._fill_tags()
        self._tag_names.setStringList([t.name for t in self._user.tags()])
        has = self.note_list.currentRow() >= 0
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def new_note(self) -> None:
        """Open the editor on an empty note (a note already being written stays in the editor)."""
        if self._keep_writing():
            return
        self._open_editor(None, "", "")

    def edit_current(self) -> None:
        """Open the editor on the selected note."""
        uid = self._current_uid()
        note = self._user.note(uid) if uid else None
        if note is None or self._keep_writing():
            return
        self._open_editor(uid, note.body, note.body)

    def cancel_editor(self) -> None:
        """Close the editor and throw its text (and the item's draft) away."""
        self._close_editor()
        if self._target:
            self._discard_stored_draft()

    def confirm_discard(self) -> bool:
        """Ask whether to throw the unsaved text away (tests replace this)."""
        answer = QMessageBox.question(self, _t("Discard this note?"),
                                      _t("The text you wrote has not been saved. Discard it?"),
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def save_editor(self) -> None:
        """Save the editor's text as a new note or over the edited one (one undo step)."""
        body = self.editor.toPlainText()
        if not body.strip():
            self._report(_t("An empty note is not saved."))
            return
        uid = self._editing_uid
        if uid is not None and self._user.note(uid) is None:
            uid = None  # the note was deleted meanwhile: the text becomes a new note
        if uid is None:
            if not self._push_add(body):
                return  # not saved: the text stays in the editor (and in the draft)
        else:
            op = note_ops.edit_note(self._user, uid, body)
            if op is not None and not self._run(_t("Edit note"), op):
                return  # not saved: the text stays in the editor (and in the draft)
        self.cancel_editor()

    def delete_current(self) -> None:
        """Delete the selected note (soft delete; Undo restores it)."""
        uid = self._current_uid()
        if uid:
            self._run(_t("Delete note"), note_ops.delete_note(self._user, uid))

    def add_tag(self, name: str) -> None:
        """Tag the item (one undo step)."""
        target = self._target
        if not name.strip() or any(t.name == " ".join(name.split()) for t in self._user.item_tags(target)):
            return
        clean = " ".join(name.split())
        self._run(_t("Tag '{0}'").format(clean), note_ops.tag_item(self._user, target, clean))

    def remove_tag(self, name: str) -> None:
        target = self._target
        self._run(_t("Untag '{0}'").format(name), note_ops.untag_item(self._user, target, name))

    # -- internals -------------------------------------------------------------------------
    def _push_add(self, body: str) -> bool:
        op = note_ops.add_note(self._user, self._target, body)
        if self._run(_t("Add note"), op):
            self._select(op.result)
            return True
        return False

    def _open_editor(self, uid: str | None, text: str, base: str) -> None:
        self._editing_uid = uid
        self._editor_base = base
        self._pages.setCurrentIndex(1)  # before the text: the text is a draft only while the editor is open
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)  # go on writing where the text ends
        self._draft_timer.stop()
        self.editor.setFocus()

    def _close_editor(self) -> None:
        self._draft_timer.stop()
        self._editing_uid = None
        self._editor_base = ""
        self._pages.setCurrentIndex(0)

    def _keep_writing(self) -> bool:
        """If a note with unsaved text is open, keep it (say so) and return True."""
        if not self.has_unsaved_text():
            return False
        self._report(_t("Save or cancel the note you are writing first."))
        self.editor.setFocus()
        return True

    def _reopen_draft(self) -> None:
        """Open the editor on the item's draft, if it has one."""
        draft = drafts.get_draft(self._user, self._target) if self._target else None
        if draft is None:
            return
        note = self._user.note(draft.note_uid) if draft.note_uid else None
        self._open_editor(note.uid if note else None, draft.body, note.body if note else "")
        self._report(_t("Your unsaved note from {0} is back: save it, or cancel to discard it.")
                     .format(draft.saved.replace("T", " ")[:16]))
        self.draft_restored.emit(self._target)

    def _discard_stored_draft(self) -> None:
        try:
            drafts.discard_draft(self._user, self._target)
        except UserDataError as exc:
            self._report(str(exc))

    def _on_editor_text_changed(self) -> None:
        if self.is_editing():
            self._draft_timer.start()

    def _on_draft_timer_timeout(self) -> None:
        try:
            self.keep_draft()
        except UserDataError as exc:
            self._report(_t("Your unsaved note could not be kept ({0}); it is still in the editor.").format(exc))

    def _on_cancel_button_clicked(self) -> None:
        if self.has_unsaved_text() and not self.confirm_discard():
            return
        self.cancel_editor()

    def _run(self, text: str, op: Any) -> bool:
        self._status.setText("")
        return self.ops.run(op, text, origin=self)

    def _on_ops_data_changed(self, changes: Changes) -> None:
        if changes.notes or changes.tags or changes.stars:
            self.refresh()
        if changes.notes and self._target in changes.targets and not self.is_editing():
            self._reopen_draft()  # e.g. undoing "Discard draft" in the Annotations tab

    def _on_ops_failed(self, message: str, origin: Any) -> None:
        if origin is self:
            self._status.setText(html.escape(message))

    def _report(self, message: str) -> None:
        self._status.setText(html.escape(message))

    def _select(self, uid: str) -> None:
        for row in range(self.note_list.count()):
            if self.note_list.item(row).data(Qt.ItemDataRole.UserRole) == uid:
                self.note_list.setCurrentRow(row)

    def _current_uid(self) -> str | None:
        item = self.note_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_current(self) -> None:
        uid = self._current_uid()
        note = self._user.note(uid) if uid else None
        if note is None:
            empty = html.escape(_t("No notes yet. Press 'New note' to write the first one."))
            self.preview.setHtml(f"<p style='color:#666'>{empty}</p>")
            return
        stamp = html.escape(_t("Created {0} · edited {1}").format(note.created.replace("T", " "),
                                                                  note.edited.replace("T", " ")))
        self.preview.setHtml(f"<p style='color:#666; font-size:small'>{stamp}</p>{render_markdown(note.body)}")

    def _fill_tags(self) -> None:
        while self._tags_row.count():
            widget = self._tags_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for tag in self._user.item_tags(self._target):
            chip = QToolButton(text=f"{tag.name}  ×", autoRaise=False)
            chip.setToolTip(_t("Remove the tag '{0}'").format(tag.name))
            color = QColor(tag.color or "#e9ecef")
            text = "#000000" if color.lightness() > 140 else "#ffffff"
            chip.setStyleSheet(f"QToolButton {{ background: {color.name()}; color: {text}; border-radius: 8px; "
                               "padding: 1px 8px; border: 1px solid #adb5bd; }")
            chip.clicked.connect(lambda _=False, name=tag.name: self.remove_tag(name))
            chip.setProperty("tag_name", tag.name)
            self._tags_row.addWidget(chip)

    def tag_chips(self) -> list[str]:
        """The tag names shown on the item (for tests and screen readers)."""
        return [self._tags_row.itemAt(i).widget().property("tag_name") for i in range(self._tags_row.count())]

    def _on_note_list_current_row_changed(self, _row: int) -> None:
        self._show_current()
        has = self.note_list.currentRow() >= 0
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_star_clicked(self, checked: bool) -> None:
        target = self._target
        self._run(_t("Star") if checked else _t("Unstar"), note_ops.star(self._user, target, checked))

    def _on_tag_edit_return_pressed(self) -> None:
        name = self._tag_edit.text()
        self._tag_edit.clear()
        self.add_tag(name)
