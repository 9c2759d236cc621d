"""A search box that picks one entry of the corpus (reference or the user's): the relation dialog's ends,
and the "is it there already?" list of the new-entry dialog."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cgt_desktop.core.domain import ids


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryDialog", text)


class EntityPicker(QWidget):
    """A line edit and the entries whose names match what is typed (the catalog's search).

    Signals:
        picked(str): an entry was chosen (its id, "" when the choice was cleared).
    """

    picked = Signal(str)

    def __init__(self, catalog: Any, kinds: Sequence[str] = (), parent: QWidget | None = None,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.catalog, self.kinds = catalog, tuple(kinds)
        self.chosen = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or _t("Type a name to find it…"))
        self.edit.setAccessibleName(placeholder or _t("Find an entry"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.setAccessibleName(_t("Matching entries"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)

    def _on_edit_text_edited(self, _text: str) -> None:
        self.chosen = ""
        self._timer.start()

    def search(self, text: str) -> list[tuple[str, str]]:
        """``(id, label)`` of the entries matching *text* (the picker's kinds, names first)."""
        text = text.strip()
        if len(text) < 2:
            return []
        found: list[tuple[str, str]] = []
        for kind in self.kinds or (None,):
            for hit in self.catalog.search(text, kind=kind, limit=8, prefix_last=True):
                if hit.kind in ("passage", "document") or (self.kinds and hit.kind not in self.kinds):
                    continue
                mine = " · " + _t("yours") if ids.is_user(hit.id) else ""
                label = " · ".join(x for x in (hit.name_en, hit.name_zh) if x) or hit.id
                found.append((hit.id, f"{label}  ({hit.kind}{mine})"))
        return list(dict.fromkeys(found))[:12]

    def refresh(self) -> None:
        """List the entries matching the text typed."""
        self.results.clear()
        for item_id, label in self.search(self.edit.text()):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            self.results.addItem(item)

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.refresh()

    def choose(self, item_id: str) -> None:
        """Pick *item_id* (shown by its name)."""
        names = self.catalog.names([item_id]).get(item_id)
        self.edit.setText(" · ".join(x for x in (names[1], names[2]) if x) if names else item_id)
        self.results.clear()
        self.chosen = item_id
        self.picked.emit(item_id)

    def _on_results_current_item_changed(self, current: QListWidgetItem | None, _previous: Any) -> None:
        if current is not None:
            self.chosen = current.data(Qt.ItemDataRole.UserRole)
            self.picked.emit(self.chosen)
