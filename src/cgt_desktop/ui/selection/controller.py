"""The main window's selection wiring: "Add to selection" (Ctrl+E), the Selection dock, PDF export.

:class:`SelectionController` puts the :class:`~cgt_desktop.ui.selection.panel.SelectionPanel`
in a dock, adds "Add to selection" (``Ctrl+E``) to the Edit menu and to the
lists' and detail pages' context menus, "Export to PDF…" to the File menu, and
shows the selection count in the status bar. What ``Ctrl+E`` adds depends on
the tab shown: the selected rows of a list (several with Shift/Ctrl-click) or,
when the page has the focus, the page's item; the timeline's selected period;
the reader's selected sentence; the Annotations tab's selected note or highlight.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMenu, QMessageBox

from cgt_desktop.core.domain.selection import SelectionError, note_ref, period_ref
from cgt_desktop.ui.selection.panel import SelectionPanel

__all__ = ["SelectionController"]


def _t(text: str) -> str:
    return QCoreApplication.translate("SelectionController", text)


class SelectionController(QObject):
    """Owns the selection dock, the Ctrl+E action and the export entry point of the main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panel = SelectionPanel(window.store, window.user)
        self.panel.setObjectName("selection_panel")
        self.dock = QDockWidget(window)
        self.dock.setObjectName("selection_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        notes_dock = getattr(getattr(window, "annotations", None), "notes_dock", None)
        if notes_dock is not None:
            window.tabifyDockWidget(notes_dock, self.dock)
            notes_dock.raise_()
        self.act_add = QAction(window)  # what selection_panel.make_add_action gives, plus a status message
        self.act_add.setShortcut(QKeySequence("Ctrl+E"))
        self.act_add.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_add.triggered.connect(self.add_here)
        window.addAction(self.act_add)
        window.menu_edit.insertAction(window.act_copy, self.act_add)
        self.act_export = QAction(window)
        self.act_export.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.act_export.triggered.connect(self.export_pdf)
        window.addAction(self.act_export)
        window.menu_file.insertAction(window.act_prefs, self.act_export)
        window.menu_file.insertSeparator(window.act_prefs)
        window.menu_view.addSeparator()
        for dock in (notes_dock, self.dock):
            if dock is not None:
                window.menu_view.addAction(dock.toggleViewAction())
        self.status_label = QLabel(window)
        window.statusBar().addPermanentWidget(self.status_label)
        self.export_dialog: Any = None
        self.panel.selection_changed.connect(self._on_panel_selection_changed)
        self.panel.export_button.clicked.disconnect(self.panel._on_export_button_clicked)
        self.panel.export_button.clicked.connect(self.export_pdf)
        for detail in window.details.values():  # the ones built so far; the window attaches later ones
            self.attach_detail(detail)
        self._update_status()

    def attach_detail(self, detail: Any) -> None:
        """Give a tab's detail view the "Add to Selection" context menu."""
        detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        detail.customContextMenuRequested.connect(self._on_detail_context_menu_requested)

    def retranslate(self) -> None:
        self.act_add.setText(_t("Add to &Selection"))
        self.act_add.setToolTip(_t("Add what is selected here to the selection for a PDF dossier (Ctrl+E)"))
        self.act_export.setText(_t("&Export to PDF…"))
        self.act_export.setToolTip(_t("Export the selection as a bilingual PDF dossier"))
        self.dock.setWindowTitle(_t("Selection"))
        self._update_status()

    # -- lists (called by the main window when a list is created) -------------------------------
    def attach_list(self, controller: Any) -> None:
        """Give a kind's list multi-row selection and an "Add to selection" context menu."""
        view = controller.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(
            lambda pos, v=view: self._popup(v.viewport().mapToGlobal(pos)))

    def _on_detail_context_menu_requested(self, pos: QPoint) -> None:
        detail = self.window.current_detail()
        if detail is None:
            return
        menu = detail.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.act_add)
        extend = getattr(self.window, "extend_page_menu", None)  # correct the entry, change the user's own
        if extend is not None:
            extend(menu, detail.page)
        menu.popup(detail.viewport().mapToGlobal(pos))

    def _popup(self, global_pos: QPoint) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.act_add)
        menu.popup(global_pos)

    # -- what Ctrl+E adds ----------------------------------------------------------------------
    def refs_here(self) -> list[str]:
        """Return the refs selected in the tab shown (see the module docstring)."""
        window = self.window
        widget = window.tabs.currentWidget()
        kind = window.current_kind()
        if kind is not None:
            detail = window.details[kind]
            focus = QApplication.focusWidget()
            in_detail = focus is not None and (focus is detail or detail.isAncestorOf(focus))
            ids: list[str] = []
            if not in_detail and kind in window.lists:
                controller = window.lists[kind]
                rows = sorted({i.row() for i in controller.view.selectionModel().selectedRows()})
                ids = controller.model.ids_at(rows)
            if not ids and detail.page:
                ids = [detail.page[8:] if detail.page.startswith("passage:") else detail.page]
            return ids
        if widget is not None and widget is window.timeline:
            if window.period:
                try:
                    return [period_ref(*window.period)]
                except SelectionError:
                    return []
            return []
        if widget is not None and widget is window.reader:
            passage = window.reader.controller.selected_passage()
            return [passage] if passage and "#" in passage else []
        annotations = getattr(window, "annotations", None)
        if annotations is not None and widget is annotations.panel:
            panel = annotations.panel
            found = panel.model.annotation(panel.view.currentIndex().row()) if panel.view.currentIndex().isValid() \
                else None
            if found is None:
                return []
            return [note_ref(found.uid)] if found.kind == "note" else [found.target_id]
        return []

    def add_here(self) -> int:
        """Add what is selected in the tab shown; say in the status bar what happened."""
        refs = self.refs_here()
        if not refs:
            self.window.statusBar().showMessage(
                _t("Nothing to add here: select a row, a page, a timeline period or a reader sentence first."), 5000)
            return 0
        added = self.panel.add_refs(refs)
        if added:
            message = (_t("Added 1 item to the selection.") if added == 1 else
                       _t("Added %1 items to the selection.")).replace("%1", str(added))
        else:
            message = _t("Already in the selection.")
        self.window.statusBar().showMessage(message, 4000)
        return added

    # -- export ------------------------------------------------------------------------------
    def export_pdf(self) -> Any:
        """Open the export dialog on the selection; an empty selection gets a message instead."""
        selection = self.panel.selection()
        if selection.is_empty():
            QMessageBox.information(self.window, _t("Export to PDF"),
                                    _t("The selection is empty. Add people, organizations, events, a timeline "
                                       "period or reader sentences with Ctrl+E (Edit → Add to Selection), then "
                                       "export again."))
            return None
        from cgt_desktop.ui.pdf.dialog import ExportDialog  # loaded when first needed

        if self.export_dialog is not None and self.export_dialog.is_running():
            self.export_dialog.raise_()
            return self.export_dialog
        self.export_dialog = ExportDialog(selection, self.window.store, self.window.user, parent=self.window)
        self.export_dialog.export_finished.connect(self._on_export_dialog_export_finished)
        self.export_dialog.open()
        return self.export_dialog

    def _on_export_dialog_export_finished(self, path: str) -> None:
        self.window.statusBar().showMessage(_t("PDF saved: %1").replace("%1", path), 8000)

    def shutdown(self) -> None:
        """Cancel a running export (the window is closing)."""
        if self.export_dialog is not None and self.export_dialog.is_running():
            self.export_dialog.cancel_export()

    # -- status ------------------------------------------------------------------------------
    def _on_panel_selection_changed(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        count = len(self.panel.selection())
        self.status_label.setText(_t("Selection: %1").replace("%1", str(count)))
        self.status_label.setToolTip(_t("Items in the selection for the PDF dossier (Edit → Add to Selection, "
                                        "Ctrl+E)"))
        self.act_export.setEnabled(True)
