"""The Selection panel: review, reorder, remove; named selections; export to PDF.

:class:`SelectionPanel` is view and controller: it owns the
:class:`~cgt_desktop.core.domain.selection.Selection`, saves it in the user
database after every change (so it survives restarts) and tells the main
window through ``selection_changed``. :class:`SelectionListModel` is a thin
list model over the refs with a lazy label cache; it supports drag-to-reorder
through ``moveRows`` (QListView's internal move).

Main-window hook: :func:`make_add_action` gives the "Add to selection"
action (``Ctrl+E``); its callback returns the ids under the cursor or selected
in the focused list, detail page, timeline region or reader.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QInputDialog, QLabel, QListView,
                               QPushButton, QVBoxLayout, QWidget)

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.selection import Selection, SelectionError, SelectionStore, parse_ref

_Index = QModelIndex | QPersistentModelIndex
RefRole = int(Qt.ItemDataRole.UserRole) + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("SelectionPanel", text)


class RefLabels:
    """Turns refs into one-line labels, in batches, with a cache (reads the databases, not Qt)."""

    def __init__(self, store: Any, user: Any | None = None) -> None:
        self.store, self.user = store, user
        self.cache: dict[str, str] = {}

    def fetch(self, refs: Iterable[str]) -> None:
        missing = [r for r in refs if r not in self.cache]
        if not missing:
            return
        items = {r: parse_ref(r) for r in missing}
        names = self.store.names([i.value for i in items.values() if i.type == "entity"])
        for ref, item in items.items():
            if item.type == "entity":
                found = names.get(item.value)
                self.cache[ref] = (f"{found[1]} · {found[2]}".strip(" ·") if found
                                   else _t("(not in the data) %1").replace("%1", ref))
            elif item.type == "passage":
                found_p = self.store.passages([item.value])
                text = found_p[0].orig if found_p else ""
                text = text if len(text) <= 70 else text[:70] + "…"
                self.cache[ref] = (_t("Passage %1: %2").replace("%1", ids.local_part(item.value)).replace("%2", text)
                                   if found_p else _t("(not in the data) %1").replace("%1", ref))
            elif item.type == "period":
                self.cache[ref] = _t("Period %1 – %2").replace("%1", item.first or "").replace("%2", item.last or "")
            else:
                note = self.user.note(item.value) if self.user is not None else None
                body = " ".join(note.body.split()) if note else ""
                body = body if len(body) <= 70 else body[:70] + "…"
                self.cache[ref] = (_t("Note: %1").replace("%1", body) if note
                                   else _t("(note deleted) %1").replace("%1", item.value))

    def label(self, ref: str) -> str:
        self.fetch([ref])
        return self.cache[ref]


class SelectionListModel(QAbstractListModel):
    """The refs of a selection, one per row; rows move by drag and drop (``moveRows``).

    Signals:
        order_changed(list): the user moved rows; the new order of refs.
    """

    order_changed = Signal(list)

    def __init__(self, labels: RefLabels, parent=None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.refs: list[str] = []

    def set_refs(self, refs: list[str]) -> None:
        self.beginResetModel()
        self.refs = list(refs)
        self.labels.fetch(self.refs)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.refs)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.refs) or index.column() != 0:
            return None
        ref = self.refs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {self.labels.label(ref)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ref
        if role == RefRole:
            return ref
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def moveRows(self, source_parent: _Index, source_row: int, count: int,  # noqa: N802 - Qt API
                 destination_parent: _Index, destination_child: int) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self.refs) or not 0 <= destination_child <= len(self.refs):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1, QModelIndex(),
                                  destination_child):
            return False
        moving = self.refs[source_row:source_row + count]
        rest = self.refs[:source_row] + self.refs[source_row + count:]
        at = destination_child if destination_child < source_row else destination_child - count
        self.refs = rest[:at] + moving + rest[at:]
        self.endMoveRows()
        top, bottom = self.index(0), self.index(len(self.refs) - 1)
        self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])  # the row numbers changed
        self.order_changed.emit(list(self.refs))
        return True


class SelectionPanel(QWidget):
    """Review and arrange the selection; keep named selections; export.

    Signals:
        selection_changed(): the refs or their order changed (already saved in the user data).
    """

    selection_changed = Signal()

    def __init__(self, store: Any, user: Any | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user = store, user
        self.persist = SelectionStore(user) if user is not None else None
        self._selection = self.persist.load_current() if self.persist else Selection()
        self.model = SelectionListModel(RefLabels(store, user), self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = QLabel()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.remove_button, self.clear_button = QPushButton(), QPushButton()
        self.export_button = QPushButton()
        self.named_combo = QComboBox()
        self.named_combo.setMinimumWidth(100)
        self.save_named_button, self.load_named_button = QPushButton(), QPushButton()
        self.delete_named_button = QPushButton()
        for button in (self.up_button, self.down_button):
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance("↑") * 4 + 16)
        # Short rows: the panel lives in a side dock about 280 px wide (1024×700 windows included).
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            row.addWidget(button)
        row.addStretch(1)
        named = QHBoxLayout()
        named.addWidget(self.named_combo, 1)
        named.addWidget(self.load_named_button)
        named_buttons = QHBoxLayout()
        named_buttons.addStretch(1)
        for button in (self.save_named_button, self.delete_named_button):
            named_buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.export_button)
        layout.addLayout(named)
        layout.addLayout(named_buttons)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.save_named_button.clicked.connect(self._on_save_named_button_clicked)
        self.load_named_button.clicked.connect(self._on_load_named_button_clicked)
        self.delete_named_button.clicked.connect(self._on_delete_named_button_clicked)
        self.model.order_changed.connect(self._on_model_order_changed)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        remove = QAction(self)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.triggered.connect(self._on_remove_button_clicked)
        self.view.addAction(remove)
        self._retranslate()
        self._refresh()
        self._refresh_named()

    # -- the main window's API --------------------------------------------------------------------
    def selection(self) -> Selection:
        """A copy of the current selection."""
        return Selection(self._selection.refs)

    def add_refs(self, refs: Iterable[str]) -> int:
        """Add ids (entities, passages, ``period:…``, ``note:…``); return how many were new (Ctrl+E)."""
        added = 0
        for ref in refs:
            try:
                added += self._selection.add(ref)
            except SelectionError:
                continue
        if added:
            self._changed()
        return added

    def remove_refs(self, refs: Iterable[str]) -> int:
        removed = self._selection.remove_many(refs)
        if removed:
            self._changed()
        return removed

    def clear(self) -> None:
        if self._selection.clear():
            self._changed()

    def move(self, ref: str, step: int) -> bool:
        """Move *ref* up (``-1``) or down (``+1``)."""
        moved = self._selection.move_up(ref) if step < 0 else self._selection.move_down(ref)
        if moved:
            self._changed()
            self.view.setCurrentIndex(self.model.index(self._selection.refs.index(ref)))
        return moved

    def save_named(self, name: str) -> str:
        """Keep the current selection under *name*; return the cleaned name."""
        if self.persist is None:
            raise SelectionError(_t("named selections need the user data"))
        name = self.persist.save_named(name, self._selection)
        self._refresh_named(name)
        return name

    def load_named(self, name: str) -> None:
        """Replace the current selection with the named one."""
        if self.persist is None:
            return
        self._selection = self.persist.load_named(name)
        self._changed()

    def delete_named(self, name: str) -> bool:
        deleted = bool(self.persist and self.persist.delete_named(name))
        self._refresh_named()
        return deleted

    def export_dialog(self):
        """Return an export dialog for the current selection (the Export button shows it)."""
        from cgt_desktop.ui.pdf.dialog import ExportDialog

        return ExportDialog(self.selection(), self.store, self.user, parent=self)

    def selected_refs(self) -> list[str]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.refs[r] for r in rows if r < len(self.model.refs)]

    # -- internals --------------------------------------------------------------------------------
    def _changed(self) -> None:
        if self.persist is not None:
            self.persist.save_current(self._selection)
        self._refresh()
        self.selection_changed.emit()

    def _refresh(self) -> None:
        self.model.set_refs(self._selection.refs)
        empty = self._selection.is_empty()
        self.view.setVisible(not empty)
        self.empty_label.setVisible(empty)
        count = len(self._selection)
        self.count_label.setText((_t("1 item selected") if count == 1 else _t("%1 items selected"))
                                 .replace("%1", str(count)))
        self.export_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)
        self._on_view_selection_changed()

    def _refresh_named(self, current: str | None = None) -> None:
        names = self.persist.names() if self.persist else []
        current = current or self.named_combo.currentText()
        self.named_combo.clear()
        self.named_combo.addItems(names)
        if current in names:
            self.named_combo.setCurrentText(current)
        for button in (self.load_named_button, self.delete_named_button):
            button.setEnabled(bool(names))
        self.save_named_button.setEnabled(self.persist is not None)

    def _retranslate(self) -> None:
        self.empty_label.setText(_t("Nothing selected yet.\nPress Ctrl+E on a person, organization, event, "
                                    "timeline period or reader passage to add it here."))
        self.up_button.setText("↑")  # narrow buttons keep the panel fit for a side dock
        self.up_button.setToolTip(_t("Up"))
        self.up_button.setAccessibleName(_t("Up"))
        self.down_button.setText("↓")
        self.down_button.setToolTip(_t("Down"))
        self.down_button.setAccessibleName(_t("Down"))
        self.view.setAccessibleName(_t("Selection for the dossier"))
        self.named_combo.setAccessibleName(_t("Named selections"))
        self.remove_button.setText(_t("Remove"))
        self.clear_button.setText(_t("Clear"))
        self.export_button.setText(_t("Export PDF…"))
        self.save_named_button.setText(_t("Save as…"))
        self.load_named_button.setText(_t("Load"))
        self.delete_named_button.setText(_t("Delete"))
        self.named_combo.setToolTip(_t("Named selections"))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.model.labels.cache.clear()
            self._retranslate()
            self._refresh()
        super().changeEvent(event)

    # -- slots ------------------------------------------------------------------------------------
    def _on_view_selection_changed(self, *_args) -> None:
        chosen = self.selected_refs()
        refs = self._selection.refs
        self.remove_button.setEnabled(bool(chosen))
        self.up_button.setEnabled(len(chosen) == 1 and refs.index(chosen[0]) > 0)
        self.down_button.setEnabled(len(chosen) == 1 and refs.index(chosen[0]) < len(refs) - 1)

    def _on_model_order_changed(self, refs: list) -> None:
        if self._selection.reorder(refs):
            if self.persist is not None:
                self.persist.save_current(self._selection)
            self.selection_changed.emit()

    def _on_up_button_clicked(self) -> None:
        for ref in self.selected_refs()[:1]:
            self.move(ref, -1)

    def _on_down_button_clicked(self) -> None:
        for ref in self.selected_refs()[:1]:
            self.move(ref, +1)

    def _on_remove_button_clicked(self) -> None:
        self.remove_refs(self.selected_refs())

    def _on_clear_button_clicked(self) -> None:
        self.clear()

    def _on_export_button_clicked(self) -> None:
        self.export_dialog().open()

    def _on_save_named_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, _t("Save selection"), _t("Name:"),
                                        text=self.named_combo.currentText())
        if ok and name.strip():
            self.save_named(name)

    def _on_load_named_button_clicked(self) -> None:
        if self.named_combo.currentText():
            self.load_named(self.named_combo.currentText())

    def _on_delete_named_button_clicked(self) -> None:
        if self.named_combo.currentText():
            self.delete_named(self.named_combo.currentText())


def make_add_action(parent: QWidget, panel: SelectionPanel, refs_provider: Callable[[], list[str]]) -> QAction:
    """Return the "Add to selection" action (``Ctrl+E``): adds ``refs_provider()`` to *panel*.

    The main window adds it to its Edit menu and to the context menus of lists, detail pages,
    the timeline and the reader; *refs_provider* returns the ids selected where the focus is.
    """
    action = QAction(QCoreApplication.translate("SelectionPanel", "Add to selection"), parent)
    action.setShortcut(QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: panel.add_refs(refs_provider()))
    return action
