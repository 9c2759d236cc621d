"""The Annotations view: every note, highlight and tag in one filterable, searchable list.

:class:`AnnotationsModel` is a thin table model: it holds the keys of the rows
(filtered and sorted in SQL by :func:`cgt_desktop.core.userdata.annotations.annotation_keys`)
and fetches rows lazily in pages. :class:`AnnotationsPanel` owns the filter bar,
the model and the view, and reports activations; the main window opens the item.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QPoint,
                            Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QComboBox, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QLineEdit, QMenu, QTableView, QToolButton, QVBoxLayout, QWidget)

from cgt_desktop.core.domain.ids import document_of
from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.ops import annotations as note_ops
from cgt_desktop.core.ops.base import Changes
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.annotations.notes import add_undo_redo_actions
from cgt_desktop.ui.common.deferred import WhenShown
from cgt_desktop.ui.common.operations import OperationStack

__all__ = ["AnnotationsModel", "AnnotationsPanel"]

_PAGE = 200
_Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("AnnotationsPanel", text)


def kind_label(kind: str) -> str:
    return {"note": _t("Note"), "highlight": _t("Highlight"), "tag": _t("Tag"),
            "draft": _t("Unsaved draft")}.get(kind, kind)


def item_kind_label(kind: str) -> str:
    return {"person": _t("Person"), "organization": _t("Organization"), "place": _t("Place"),
            "event": _t("Event"), "policy": _t("Policy"), "technology": _t("Technology"),
            "figure": _t("Figure"), "document": _t("Document"), "passage": _t("Passage")}.get(kind, kind)


class AnnotationsModel(QAbstractTableModel):
    """Rows of annotations by key, fetched from the user database a page at a time.

    Columns: kind, text (note, quoted highlight, tag name), item, tags, last edit.
    """

    COLUMNS = ("kind", "text", "item", "tags", "edited")

    def __init__(self, user_store: UserStore, reference_store: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._user = user_store
        self._reference = reference_store
        self._keys: list[str] = []
        self._rows: dict[str, ann.Annotation] = {}
        self._names: dict[str, str] = {}

    def set_keys(self, keys: list[str]) -> None:
        self.beginResetModel()
        self._keys = list(keys)
        self._rows.clear()
        self.endResetModel()

    def set_reference_store(self, reference_store: Any) -> None:
        self.beginResetModel()
        self._reference = reference_store
        self._names.clear()
        self.endResetModel()

    def annotation(self, row: int) -> ann.Annotation | None:
        """Return the annotation on ``row`` (fetching its page if needed)."""
        if not 0 <= row < len(self._keys):
            return None
        key = self._keys[row]
        if key not in self._rows:
            start = row - row % _PAGE
            page = self._keys[start:start + _PAGE]
            found = ann.annotations_by_key(self._user, page)
            self._rows.update(found)
            self._load_names([a.target_id for a in found.values()])
        return self._rows.get(key)

    def _load_names(self, ids: list[str]) -> None:
        wanted = [i for i in dict.fromkeys(ids) if i not in self._names]
        if not wanted:
            return
        for i in wanted:
            self._names[i] = i
        if self._reference is None:
            return
        docs = {i: document_of(i) for i in wanted if "#" in i}
        names = self._reference.names([*wanted, *docs.values()])
        for i in wanted:
            if i in names:
                self._names[i] = " · ".join(n for n in names[i][1:] if n) or i
            elif i in docs and docs[i] in names:
                title = names[docs[i]][2] or names[docs[i]][1]
                self._names[i] = f"{title} ¶ {i.split('#', 1)[1]}"

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return {"kind": _t("Kind"), "text": _t("Text"), "item": _t("Item"), "tags": _t("Tags"),
                    "edited": _t("Edited")}[self.COLUMNS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.annotation(index.row())
        if a is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return kind_label(a.kind)
            if column == "text":
                text = " ".join(a.text.split())
                if a.comment:
                    text += "  — " + " ".join(a.comment.split())
                return ("⚠ " if a.orphan else "") + (text[:200] + "…" if len(text) > 200 else text)
            if column == "item":
                return self._names.get(a.target_id, a.target_id)
            if column == "tags":
                return ", ".join(a.tags)
            return a.edited.replace("T", " ")[:16]
        if role == Qt.ItemDataRole.DecorationRole and column == "kind" and a.color:
            return QColor(a.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [html.escape(a.text[:1000])]
            if a.comment:
                tip.append(html.escape(a.comment[:1000]))
            tip.append(html.escape(a.target_id))
            if a.orphan:
                tip.append("⚠ " + html.escape(_t("Orphaned: {0}").format(a.orphan)))
            return "<br>".join(tip)
        if role == Qt.ItemDataRole.ForegroundRole and a.orphan:
            return QBrush(QColor("#a61e4d"))
        if role == Qt.ItemDataRole.UserRole:
            return a.key
        return None


class AnnotationsPanel(QWidget):
    """Every note, highlight and tag, filterable by kind, colour, tag, item kind, date and text.

    Args:
        user_store: The user database.
        reference_store: A :class:`~cgt_desktop.core.catalog.store.Catalog` for item names (optional).
        parent: Parent widget.

        ops: The window's :class:`~cgt_desktop.ui.common.operations.OperationStack`; a private one by default.
        load: Read the annotations now; with False the list stays empty until :meth:`refresh`.

    The panel writes nothing itself: it runs operations on *ops* and refreshes when *ops* says
    annotations changed (whoever changed them).

    Signals:
        item_activated(str, str): ``(target_id, annotation_uid)`` of a row the user opened (double
            click, Enter or "Open"); the target is an entity/event/figure/document id or a passage id
            (open the reader there); the uid is empty for tag rows.
    """

    item_activated = Signal(str, str)

    def __init__(self, user_store: UserStore, reference_store: Any = None, parent: QWidget | None = None,
                 ops: OperationStack | None = None, load: bool = True) -> None:
        super().__init__(parent)
        self._user = user_store
        self.ops = ops or OperationStack(self)
        self._stack = self.ops.undo_stack
        self._loaded = load
        self._refresh_later = WhenShown(self, self.refresh)  # the language or the data changed while hidden
        self.ops.data_changed.connect(self._on_ops_data_changed)
        self.ops.failed.connect(self._on_ops_failed)
        self.model = AnnotationsModel(user_store, reference_store, self)

        self.search_edit = QLineEdit(clearButtonEnabled=True)
        self.kind_combo = QComboBox()
        self.color_combo = QComboBox()
        self.tag_combo = QComboBox()
        self.item_kind_combo = QComboBox()
        self.date_combo = QComboBox()
        self._fill_fixed_combos()
        self._fill_choice_combos()

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 220), (3, 130), (4, 130)):
            self.view.setColumnWidth(column, width)
        self.view.activated.connect(self._on_view_activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.count_label = QLabel()
        self.tags_button = QToolButton(popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.tags_button)
        self._tag_actions = [menu.addAction("", self._on_rename_tag_triggered),
                             menu.addAction("", self._on_merge_tag_triggered),
                             menu.addAction("", self._on_tag_colour_triggered),
                             menu.addAction("", lambda: self.delete_tag(self.tag_combo.currentData() or ""))]
        self.tags_button.setMenu(menu)
        self._label_buttons()
        self.undo_action, self.redo_action = add_undo_redo_actions(self, self._stack, _t("Undo"), _t("Redo"))

        filters = QHBoxLayout()
        for widget in (self.kind_combo, self.color_combo, self.tag_combo, self.item_kind_combo, self.date_combo):
            filters.addWidget(widget)
            widget.currentIndexChanged.connect(self._on_filter_changed)
        filters.addWidget(self.tags_button)
        filters.addStretch(1)
        self.search_edit.textChanged.connect(self._on_filter_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        if load:  # else the owner calls refresh() when the list is first needed
            self.refresh()

    def set_reference_store(self, reference_store: Any) -> None:
        """Use another reference database for item names (after a rebuild)."""
        self.model.set_reference_store(reference_store)

    def current_filter(self) -> ann.AnnotationFilter:
        """The filter the bar shows."""
        kind = self.kind_combo.currentData() or ""
        days = self.date_combo.currentData()
        since = "" if days is None or days < 0 else (dt.date.today() - dt.timedelta(days=days)).isoformat()
        return ann.AnnotationFilter(kinds=(kind,) if kind else (), color=self.color_combo.currentData() or "",
                                    tag=self.tag_combo.currentData() or "",
                                    entity_kind=self.item_kind_combo.currentData() or "", since=since,
                                    text=self.search_edit.text())

    def refresh(self) -> None:
        """Re-read the annotations (the panel also does so whenever its operation stack says they changed)."""
        self._loaded = True
        self._fill_choice_combos()
        self._on_filter_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh_soon(self) -> None:
        """Re-read the annotations now if the panel is shown, else when it is (never before it first loads)."""
        if self._loaded:
            self._refresh_later.request()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._refresh_later.shown()
        super().showEvent(event)

    def retranslate(self) -> None:
        """Every label, filter choice and column title in the current interface language.

        The choices and rows read from the user data follow now if the panel is shown, else when it is.
        """
        self._label_buttons()
        self._fill_fixed_combos()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.refresh_soon()

    def _label_buttons(self) -> None:
        self.view.setAccessibleName(_t("Annotations"))
        self.search_edit.setAccessibleName(_t("Search notes and highlights"))
        for combo, name in ((self.kind_combo, _t("Kind")), (self.color_combo, _t("Colour")),
                            (self.tag_combo, _t("Tag")), (self.item_kind_combo, _t("Item")),
                            (self.date_combo, _t("Edited"))):
            combo.setAccessibleName(name)
        self.search_edit.setPlaceholderText(_t("Search notes and highlights (中文 or English)…"))
        self.tags_button.setText(_t("Tags"))
        self.tags_button.setToolTip(_t("Rename, merge, colour or delete the tag chosen in the tag filter"))
        for action, text in zip(self._tag_actions, (_t("Rename tag…"), _t("Merge into another tag…"),
                                                    _t("Colour…"), _t("Delete tag"))):
            action.setText(text)

    def _fill_fixed_combos(self) -> None:
        """The kind, item-kind and date filters (their choices are words of the interface)."""
        self._refill(self.kind_combo, [(_t("All kinds"), "", None), (_t("Notes"), "note", None),
                                       (_t("Highlights"), "highlight", None), (_t("Tags"), "tag", None),
                                       (_t("Unsaved drafts"), "draft", None)])
        self._refill(self.item_kind_combo, [(_t("Any item"), "", None)] + [
            (item_kind_label(kind), kind, None) for kind in (*KINDS, "passage")])
        self._refill(self.date_combo, [(_t("Any time"), -1, None), (_t("Today"), 0, None), (_t("Past 7 days"), 7, None),
                                       (_t("Past 30 days"), 30, None), (_t("Past year"), 365, None)])

    def _fill_choice_combos(self) -> None:
        tags = self._user.tags()
        colors = dict.fromkeys([*ann.HIGHLIGHT_COLORS.values(), *(t.color for t in tags if t.color)])
        names = {v: k for k, v in ann.HIGHLIGHT_COLORS.items()}
        color_labels = {"yellow": _t("Yellow"), "green": _t("Green"), "blue": _t("Blue"), "pink": _t("Pink"),
                        "orange": _t("Orange")}
        self._refill(self.color_combo, [(_t("Any colour"), "", None)] + [
            (color_labels.get(names.get(c, ""), c), c, QColor(c)) for c in colors])
        self._refill(self.tag_combo, [(_t("Any tag"), "", None)] + [
            (f"{t.name} ({t.count})", t.name, QColor(t.color) if t.color else None) for t in tags])

    def _refill(self, combo: QComboBox, entries: list[tuple[str, Any, QColor | None]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, value, color in entries:
            combo.addItem(label, value)
            if color is not None:
                combo.setItemData(combo.count() - 1, color, Qt.ItemDataRole.DecorationRole)
        found = combo.findData(current) if current not in (None, "") else 0  # 0 ("Today") is a choice too
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _on_filter_changed(self, *_args: Any) -> None:
        keys = ann.annotation_keys(self._user, self.current_filter())
        self.model.set_keys(keys)
        total = len(keys)
        if total == 0:
            filtered = self.current_filter() != ann.AnnotationFilter()
            self.count_label.setText(_t("No annotations match these filters.") if filtered else
                                     _t("No annotations yet: write a note on any page, or highlight a sentence "
                                        "in the reader."))
        else:
            self.count_label.setText(_t("1 annotation") if total == 1 else _t("{0} annotations").format(total))

    def _on_view_activated(self, index: QModelIndex) -> None:
        a = self.model.annotation(index.row())
        if a is not None:
            self.item_activated.emit(a.target_id, a.uid)

    # -- editing ---------------------------------------------------------------------------
    def delete_annotation(self, key: str) -> None:
        """Delete a note or highlight (soft), discard a draft, or take a tag off its item (each undoable)."""
        op = note_ops.delete_annotation(self._user, key)
        if op is not None:
            labels = {"Delete note": _t("Delete note"), "Delete highlight": _t("Delete highlight"),
                      "Discard draft": _t("Discard draft")}
            self.ops.run(op, labels.get(op.label, _t("Untag")), origin=self)

    def set_highlight_color(self, uid: str, color: str) -> None:
        """Recolour a highlight (undoable)."""
        self.ops.run(note_ops.edit_highlight(self._user, uid, color=color), _t("Recolour highlight"), origin=self)

    def set_highlight_comment(self, uid: str, comment: str) -> None:
        """Change a highlight's comment (undoable)."""
        self.ops.run(note_ops.edit_highlight(self._user, uid, comment=comment), _t("Edit comment"), origin=self)

    def rename_tag(self, old: str, new: str) -> bool:
        return self._tag_change(note_ops.tag_change(self._user, "rename", old, new), new)

    def merge_tags(self, source: str, into: str) -> bool:
        return self._tag_change(note_ops.tag_change(self._user, "merge", source, into), into)

    def set_tag_color(self, name: str, color: str | None) -> bool:
        return self._tag_change(note_ops.tag_change(self._user, "color", name, color), name)

    def delete_tag(self, name: str) -> bool:
        return bool(name) and self._tag_change(note_ops.tag_change(self._user, "delete", name), "")

    def _tag_change(self, op: Any, select: str) -> bool:
        self._select_tag = select
        done = self.ops.run_once(op, origin=self)
        self._select_tag = None
        return done

    def _on_ops_data_changed(self, changes: Changes) -> None:
        if not changes.annotations or not self._loaded:
            return
        select = getattr(self, "_select_tag", None)
        if changes.tags and select is not None:
            self.tag_combo.blockSignals(True)
            self._fill_choice_combos()
            self.tag_combo.setCurrentIndex(max(self.tag_combo.findData(select), 0) if select else 0)
            self.tag_combo.blockSignals(False)
            self._on_filter_changed()
        else:
            self.refresh()

    def _on_ops_failed(self, message: str, origin: Any) -> None:
        if origin is self:
            self.count_label.setText(html.escape(message))

    def _on_view_context_menu_requested(self, pos: QPoint) -> None:
        a = self.model.annotation(self.view.indexAt(pos).row())
        if a is None:
            return
        menu = QMenu(self)
        menu.addAction(_t("Open"), lambda: self.item_activated.emit(a.target_id, a.uid))
        if a.kind == "highlight":
            colours = menu.addMenu(_t("Colour"))
            for name, value in ann.HIGHLIGHT_COLORS.items():
                swatch = QPixmap(14, 14)
                swatch.fill(QColor(value))
                colours.addAction(QIcon(swatch), name, lambda v=value: self.set_highlight_color(a.uid, v))
            menu.addAction(_t("Edit comment…"), lambda: self._ask_comment(a.uid, a.comment))
        delete = {"tag": _t("Remove tag"), "draft": _t("Discard draft")}.get(a.kind, _t("Delete"))
        menu.addAction(delete, lambda: self.delete_annotation(a.key))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _ask_comment(self, uid: str, current: str) -> None:
        text, ok = QInputDialog.getMultiLineText(self, _t("Highlight comment"), _t("Comment:"), current)
        if ok:
            self.set_highlight_comment(uid, text)

    def _on_rename_tag_triggered(self) -> None:
        name = self.tag_combo.currentData() or ""
        if name:
            new, ok = QInputDialog.getText(self, _t("Rename tag"), _t("New name for '{0}':").format(name), text=name)
            if ok:
                self.rename_tag(name, new)

    def _on_merge_tag_triggered(self) -> None:
        name = self.tag_combo.currentData() or ""
        others = [t.name for t in self._user.tags() if t.name != name]
        if name and others:
            into, ok = QInputDialog.getItem(self, _t("Merge tag"), _t("Merge '{0}' into:").format(name), others,
                                            0, True)
            if ok:
                self.merge_tags(name, into)

    def _on_tag_colour_triggered(self) -> None:
        name = self.tag_combo.currentData() or ""
        tag = self._user.tag(name) if name else None
        if tag is not None:
            color = QColorDialog.getColor(QColor(tag.color or "#ffe066"), self, _t("Tag colour"))
            if color.isValid():
                self.set_tag_color(name, color.name())
