"""The user's entries and corrections in the window's menus: the reader's and the detail page's.

A plain controller made by the main window on first use (:meth:`UserDataMixin.entries`). Every change
runs as one step of the window's undo stack (:mod:`cgt_desktop.core.ops`), which tells every view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.corrections import MENTION
from cgt_desktop.ui.entries.dialog import ENTRY_KINDS, EntryDialog, kind_name


def _t(text: str) -> str:
    return QCoreApplication.translate("EntriesController", text)


class EntriesController:
    """Offers new entries from a passage, and corrections, relations and changes from a page."""

    def __init__(self, window: Any) -> None:
        self.window = window

    @property
    def language(self) -> str:
        return self.window.prefs.language

    def _run(self, op: Any, label: str) -> bool:
        return self.window.ops.run(op, label, origin=self)

    # -- the reader ---------------------------------------------------------------------------
    def add_reader_actions(self, menu: QMenu, passage_id: str, side: str = "orig", entity_id: str | None = None,
                           name: str = "") -> None:
        """Add "New entry from this passage" (each kind), "New relation" and, on a link, "This link is wrong"."""
        if "#" not in passage_id:
            return
        menu.addSeparator()
        new = menu.addMenu(_t("New Entry Citing This Sentence"))
        for kind in ENTRY_KINDS:
            new.addAction(kind_name(kind) + "…", lambda k=kind: self.new_entry(passage_id, k, side, name))
        menu.addAction(_t("New Relation Citing This Sentence…"),
                       lambda: self.new_relation(entity_id or "", [passage_id]))
        if entity_id and not ids.is_user(entity_id):
            names = self.window.store.names([entity_id]).get(entity_id, ("", entity_id, ""))
            label = names[1] or names[2] or entity_id
            menu.addAction(_t("The Link to “%1” Is Wrong Here").replace("%1", label),
                           lambda: self.refuse_mention(entity_id, passage_id))

    def new_entry(self, passage_id: str, kind: str = "person", side: str = "orig", name: str = "") -> Any:
        """Ask for a new entry citing *passage_id*; save it (one undo step). Returns the dialog."""
        from cgt_desktop.core.ops.items import ItemError, save_item
        from cgt_desktop.core.userdata import items as user_items

        store = self.window.store
        dialog = EntryDialog(store, store.passages([passage_id]), kind, name=name, side=side,
                             language=self.language, parent=self.window)
        if not self.window.ask_entry(dialog):
            return dialog
        if dialog.chosen_existing:  # cite the passage for an entry already there
            chosen = dialog.chosen_existing
            mine = user_items.get_item(self.window.user, chosen)
            if mine is not None:
                record = dict(mine.record, sources=list(dict.fromkeys([*mine.record.get("sources", []), passage_id])))
                try:
                    self._run(save_item(store, self.window.user, mine.kind, record, item_id=chosen),
                              _t("Cite for Your Entry"))
                except ItemError as exc:
                    self.window.statusBar().showMessage(str(exc), 8000)
            self.window.open_page(chosen)
            return dialog
        if dialog.saved is not None:
            kind_, record = dialog.saved
            try:
                op = save_item(store, self.window.user, kind_, record)
            except ItemError as exc:  # checked in the dialog; the data may have changed since
                self.window.statusBar().showMessage(str(exc), 8000)
                return dialog
            if self._run(op, _t("New %1").replace("%1", kind_name(kind_))):
                self.window.statusBar().showMessage(_t("Added your entry “%1”.").replace(
                    "%1", record.get("name_en") or record.get("title_en") or record.get("label_en")
                    or record.get("name_zh") or record.get("title_zh") or record.get("label_zh") or ""), 5000)
        return dialog

    def new_relation(self, subject: str = "", passages: list[str] | None = None) -> Any:
        """Ask for a new relation (from *subject*), citing one of *passages*; save it. Returns the dialog."""
        from cgt_desktop.core.ops.items import ItemError, save_item
        from cgt_desktop.ui.entries.other_dialogs import RelationDialog

        store = self.window.store
        dialog = RelationDialog(store, subject, passages, self.language, parent=self.window)
        if self.window.ask_entry(dialog) and dialog.saved is not None:
            try:
                self._run(save_item(store, self.window.user, "relation", dialog.saved), _t("New Relation"))
            except ItemError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
        return dialog

    def refuse_mention(self, entity_id: str, passage_id: str) -> None:
        """Stop linking *entity_id*'s names in *passage_id* (a correction; Undo links it again)."""
        from cgt_desktop.core.ops.corrections import save_correction
        from cgt_desktop.core.ops.items import ItemError

        try:
            op = save_correction(self.window.store, self.window.user, entity_id, MENTION, passage=passage_id)
        except ItemError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return
        self._run(op, _t("Unlink Mention"))

    # -- the detail page ----------------------------------------------------------------------
    def add_page_actions(self, menu: QMenu, page_id: str | None) -> None:
        """Add what the user can do to the entry on the page: correct it, or change their own."""
        if not page_id or page_id.startswith("passage:") or ids.kind_of(page_id) == "document":
            return
        menu.addSeparator()
        if ids.is_user(page_id):
            menu.addAction(_t("Change Your Entry…"), lambda: self.edit_entry(page_id))
            menu.addAction(_t("Delete Your Entry"), lambda: self.delete(page_id, _t("Delete Your Entry")))
        else:
            menu.addAction(_t("Correct This Entry…"), lambda: self.correct(page_id))
        menu.addAction(_t("New Relation from This Entry…"),
                       lambda: self.new_relation(page_id, self._reader_passage()))
        page = self._page(page_id)
        if page is not None and page.corrections:
            remove = menu.addMenu(_t("Remove Your Correction"))
            from cgt_desktop.ui.browse.corrections_html import field_label

            for c in page.corrections:
                label = field_label(c.field) if c.field != "wrong" else _t("Relation marked wrong")
                remove.addAction(label, lambda uid=c.item_id: self.delete(uid, _t("Remove Correction")))

    def _page(self, page_id: str) -> Any:
        from cgt_desktop.core.domain.ids import UnknownId

        try:
            return self.window.store.entity_page(page_id, limit=None)
        except UnknownId:
            return None

    def _reader_passage(self) -> list[str]:
        reader = getattr(self.window, "reader", None)
        passage = reader.controller.selected_passage() if reader is not None else None
        return [passage] if passage and "#" in passage else []

    def edit_entry(self, item_id: str) -> Any:
        """Change one of the user's entries in the entry dialog. Returns the dialog (``None``: no such entry)."""
        from cgt_desktop.core.ops.items import ItemError, save_item
        from cgt_desktop.core.userdata import items as user_items

        item = user_items.get_item(self.window.user, item_id)
        if item is None or item.kind not in ENTRY_KINDS:
            return None
        store = self.window.store
        dialog = EntryDialog(store, store.passages(item.record.get("sources") or []), item.kind, item=item,
                             language=self.language, parent=self.window)
        if self.window.ask_entry(dialog) and dialog.saved is not None:
            try:
                self._run(save_item(store, self.window.user, item.kind, dialog.saved[1], item_id=item_id),
                          _t("Change Your Entry"))
            except ItemError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
        return dialog

    def delete(self, item_id: str, label: str) -> None:
        from cgt_desktop.core.ops.items import ItemError, delete_item

        try:
            self._run(delete_item(self.window.store, self.window.user, item_id), label)
        except ItemError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)

    def correct(self, page_id: str) -> Any:
        """Ask for a correction of the reference entry *page_id*; save it. Returns the dialog."""
        from cgt_desktop.core.ops.corrections import save_correction
        from cgt_desktop.core.ops.items import ItemError
        from cgt_desktop.ui.entries.other_dialogs import CorrectionDialog

        page = self._page(page_id)
        if page is None:
            return None
        dialog = CorrectionDialog(self.window.store, page, self._reader_passage(), self.language, parent=self.window)
        if self.window.ask_entry(dialog) and dialog.saved is not None:
            wanted = dialog.saved
            try:
                op = save_correction(self.window.store, self.window.user, wanted["target"], wanted["field"],
                                     wanted["value"], sources=wanted["sources"], note=wanted["note"])
            except ItemError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
                return dialog
            self._run(op, _t("Correct Entry"))
        return dialog
