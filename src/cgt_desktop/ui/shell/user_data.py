"""The main window's part that concerns the user's own data: the undo stack, imports, refreshing views.

Mixed into :class:`~cgt_desktop.ui.shell.main_window.MainWindow` (it uses the window's store, user,
tabs, lists, details, timeline and reader).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any


if TYPE_CHECKING:
    from cgt_desktop.core.ops.base import Changes
    from cgt_desktop.ui.entries.controller import EntriesController
    from cgt_desktop.ui.common.operations import OperationStack


class UserDataMixin:
    """The window's undo stack and what it does when the user's data changes; article import and drop."""

    _ops: OperationStack | None
    _entries: EntriesController | None = None

    @property
    def ops(self) -> OperationStack:
        """The one undo stack: every change to user data is one of its steps (made on first use).

        Not a Qt child of the window: the panels and controllers (children) that listen to it are
        destroyed first, so it never signals a deleted one.
        """
        if self._ops is None:
            from cgt_desktop.ui.common.operations import OperationStack

            self._ops = OperationStack()
            self._ops.data_changed.connect(self._on_ops_data_changed)
        return self._ops

    @property
    def entries(self) -> EntriesController:
        """The user's entries and corrections in the reader's and the pages' menus (made on first use)."""
        if self._entries is None:
            from cgt_desktop.ui.entries.controller import EntriesController

            self._entries = EntriesController(self)
        return self._entries

    def ask_entry(self, dialog: Any) -> bool:
        """Show an entry, relation or correction dialog; whether the user saved (tests replace this)."""
        return bool(dialog.exec())

    def extend_page_menu(self, menu: Any, page_id: str | None) -> None:
        """Add to a detail page's context menu what the user can do to its entry (correct, change, relate)."""
        self.entries.add_page_actions(menu, page_id)

    # -- whose entries the lists show ------------------------------------------------------
    origin = "all"

    def add_origin_filter(self, toolbar: Any) -> None:
        """Put the "All / Yours / Reference" choice in *toolbar*; it applies to every list."""
        from PySide6.QtWidgets import QComboBox

        box = self.origin_box = QComboBox(toolbar)
        box.setObjectName("origin_filter")
        for origin in ("all", "user", "reference"):
            box.addItem("", origin)
        box.activated.connect(self._on_origin_box_activated)
        toolbar.addWidget(box)
        self.retranslate_origin_filter()

    def retranslate_origin_filter(self) -> None:
        from PySide6.QtCore import QCoreApplication

        box = self.origin_box
        for i, label in enumerate((QCoreApplication.translate("MainWindow", "All entries"),
                                   QCoreApplication.translate("MainWindow", "Yours"),
                                   QCoreApplication.translate("MainWindow", "Reference only"))):
            box.setItemText(i, label)
        box.setToolTip(QCoreApplication.translate(
            "MainWindow", "Show every entry, only yours (your own and those you corrected), or only the reference "
            "corpus's, in every list"))
        box.setAccessibleName(QCoreApplication.translate("MainWindow", "Whose entries"))

    def set_origin(self, origin: str) -> None:
        """Show every entry, only the user's, or only the reference's in every list (made or still to make)."""
        self.origin = origin
        self.origin_box.setCurrentIndex(max(0, self.origin_box.findData(origin)))
        for controller in self.lists.values():
            controller.set_origin(origin)
        self._update_status()

    def _on_origin_box_activated(self, index: int) -> None:
        self.set_origin(self.origin_box.itemData(index))

    # -- importing articles (ui/imports/) ------------------------------------------------
    def import_article(self, files: list[Path] | None = None) -> Any:
        """Open the import dialog (with *files*: the article, then its translation); return it."""
        from cgt_desktop.ui.imports.dialog import open_import

        return open_import(self, files)

    def extend_reader_menu(self, menu: Any, passage_id: str) -> None:
        """Add to the reader's context menu what other panels offer for a pair (alignment corrections)."""
        from cgt_desktop.ui.reader.alignment import add_alignment_actions

        add_alignment_actions(menu, self, passage_id)
        reader = getattr(self, "reader", None)
        view = reader.view if reader is not None else None
        side = view.selected_side if view is not None else "orig"
        self.entries.add_reader_actions(menu, passage_id, side, view.context_entity if view is not None else None)

    def ask_split(self, dialog: Any) -> bool:
        """Show one of the reader's alignment dialogs (split, write a translation); whether the user said OK
        (tests replace this)."""
        return bool(dialog.exec())

    def _on_import_triggered(self) -> None:
        self.import_article()

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_article(files[:2])

    def _on_ops_data_changed(self, changes: Changes) -> None:
        """The user's items changed: recount, and refresh every list, the timeline and the page shown."""
        if not changes.items:
            return
        self.counts = self.store.counts()  # the tab labels follow in _update_status
        for controller in self.lists.values():
            controller.reload()
        if self.timeline is not None:
            self.timeline.controller.reload_events()
        if self.reader is not None and self.reader.current_document() in (*changes.targets, None):
            self.reader.reload()  # the open document, or the list to choose one from
        elif self.reader is not None:
            self.reader.view.forget_mentions()  # a name added, or a link refused
        for view in self.details.values():
            view.forget_mentions()
        detail = self.current_detail()
        if detail is not None and detail.page:
            detail.show_page(detail.page)
        self._update_status()
