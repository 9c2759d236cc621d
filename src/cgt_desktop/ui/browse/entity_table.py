"""One list per kind: a SQL-backed table model, its controller and its view.

The model holds only the row keys of the rows (integers, filtered and sorted in
SQL by :class:`~cgt_desktop.core.catalog.store.Catalog`) and fetches display
columns (and ids) in blocks as the view asks for them (Anki's browser works the
same way), so a list of 100 000 rows costs what a list of 100 does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex,
                            Qt, QTimer, Signal)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget)

from cgt_desktop.core.domain import dates
from cgt_desktop.core.domain.kinds import FACETS, TYPE_VOCABULARY
from cgt_desktop.core.catalog.store import ListQuery, Catalog

BLOCK = 200
CACHE_LIMIT = 5000
FACET_LIMIT = 200  # values offered in a facet box (most common first); the filter box finds the rest

#: Columns shown per kind (``name_en``/``name_zh`` swap places when Chinese names come first).
COLUMNS: dict[str, list[str]] = {
    "person": ["name_en", "name_zh", "type", "organization", "source_count"],
    "organization": ["name_en", "name_zh", "type", "place", "source_count"],
    "place": ["name_en", "name_zh", "type", "place", "source_count"],
    "event": ["date", "name_en", "name_zh", "category", "source_count"],
    "policy": ["name_en", "name_zh", "type", "source_count"],
    "technology": ["name_en", "name_zh", "type", "source_count"],
    "figure": ["name_en", "name_zh", "value_stated", "unit", "as_of", "source_count"],
    "document": ["date", "name_en", "name_zh", "lang", "outlet", "sentences"],
}
NUMERIC = {"source_count", "sentences"}


def _t(text: str) -> str:
    return QCoreApplication.translate("EntityTable", text)


def kind_label(kind: str, plural: bool = True) -> str:
    """Return the translated name of a kind (``People``, ``人物``)."""
    plural_names = {"person": _t("People"), "organization": _t("Organizations"), "place": _t("Places"),
                    "event": _t("Events"), "policy": _t("Policies"), "technology": _t("Technologies"),
                    "figure": _t("Figures"), "document": _t("Documents"), "passage": _t("Passages")}
    singular = {"person": _t("Person"), "organization": _t("Organization"), "place": _t("Place"),
                "event": _t("Event"), "policy": _t("Policy"), "technology": _t("Technology"),
                "figure": _t("Figure"), "document": _t("Document"), "passage": _t("Passage")}
    return (plural_names if plural else singular).get(kind, kind)


def column_label(key: str) -> str:
    """Return the translated header of a list column."""
    labels = {"name_en": _t("English name"), "name_zh": _t("Chinese name"), "type": _t("Type"),
              "organization": _t("Organization"), "place": _t("Place"), "source_count": _t("Sources"),
              "date": _t("Date"), "category": _t("Category"), "value_stated": _t("Value"), "unit": _t("Unit"),
              "as_of": _t("As of"), "lang": _t("Language"), "outlet": _t("Outlet"), "sentences": _t("Sentences")}
    return labels.get(key, key)


def facet_label(kind: str, facet: str) -> str:
    """Return the 'any value' label of a facet combo box."""
    if facet == "type":
        return {"event": _t("Any category"), "figure": _t("Any unit"),
                "document": _t("Any language")}.get(kind, _t("Any type"))
    return {"organization": _t("Any organization"), "place": _t("Any place"),
            "year": _t("Any year")}.get(facet, facet)


def USER_BRUSH() -> Any:  # noqa: N802 - a constant made on first use (no QColor before QGuiApplication)
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor("#1565c0"))  # the colour pages give the user's own values


#: What a row's tooltip says of where it comes from (the reference rows say nothing).
ORIGIN_NOTES = {"user": lambda: _t("your own entry"), "corrected": lambda: _t("you corrected this entry")}


class EntityTableModel(QAbstractTableModel):
    """Rows of one kind: row keys in SQL order plus a lazy cache of display columns and ids.

    Signals:
        rows_reloaded(int): the row set changed (new filter, facet, period or sort); carries the row count.
    """

    rows_reloaded = Signal(int)

    def __init__(self, store: Catalog, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.query = ListQuery(kind=kind, sort=COLUMNS[kind][0])
        self.language = "en"
        self.name_order = "en_first"
        self.columns = list(COLUMNS[kind])
        self._keys: Sequence[int] = []
        self._cache: dict[int, dict[str, Any]] = {}
        self._reload_keys()

    # -- the row set ----------------------------------------------------------------------
    def _reload_keys(self) -> None:
        self._keys = self.store.row_keys(self.query)
        self._cache.clear()

    def set_query(self, query: ListQuery) -> None:
        """Show the rows of *query* (filter, facets, period, sort)."""
        self.beginResetModel()
        self.query = query
        self._reload_keys()
        self.endResetModel()
        self.rows_reloaded.emit(len(self._keys))

    def set_display(self, language: str, name_order: str) -> None:
        """Set the interface language and the name order (swaps the name columns)."""
        self.beginResetModel()
        self.language, self.name_order = language, name_order
        columns = list(COLUMNS[self.kind])
        if name_order == "zh_first":
            i, j = columns.index("name_en"), columns.index("name_zh")
            columns[i], columns[j] = columns[j], columns[i]
        self.columns = columns
        self._cache.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        """Return the ids of every row, in row order."""
        return self.store.list_ids(self.query)

    def ids_at(self, rows: list[int]) -> list[str]:
        """Return the ids of these rows (one query, however many: a whole selected list)."""
        keys = [self._keys[r] for r in rows if 0 <= r < len(self._keys)]
        found = self.store.ids_by_key(keys)
        return [found[k] for k in keys if k in found]

    def id_at(self, row: int) -> str | None:
        return self._row(row).get("id") if 0 <= row < len(self._keys) else None

    def row_of(self, item_id: str) -> int:
        """Return the row showing *item_id*, or -1."""
        key = self.store.key_of(item_id)
        try:
            return self._keys.index(key) if key is not None else -1
        except ValueError:
            return -1

    def sort_key(self, column: int) -> str:
        """Return the store's sort key for a view column."""
        key = self.columns[column]
        zh = self.name_order == "zh_first" or (self.language == "zh" and self.name_order != "en_first")
        if key in ("organization", "place", "outlet"):
            return f"{key}_zh" if zh and self.kind != "place" else f"{key}_en"
        return key

    def column_of_sort_key(self, sort: str) -> int:
        for column in range(len(self.columns)):
            if self.sort_key(column) == sort or self.columns[column] == sort:
                return column
        return 0

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column_label(self.columns[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _t("Click to sort by this column; click again to reverse")
        return None

    def _row(self, row: int) -> dict[str, Any]:
        key = self._keys[row]
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = row - row % BLOCK
            self._cache.update(self.store.rows_by_key(self.kind, self._keys[start:start + BLOCK]))
            cached = self._cache.get(key, {})
        return cached

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._keys) or index.column() >= len(self.columns):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._row(index.row()).get("id")
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return USER_BRUSH() if self._row(index.row()).get("origin") == "user" else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            names = " · ".join(n for n in (row.get("name_en"), row.get("name_zh")) if n)
            mark = ORIGIN_NOTES.get(row.get("origin") or "")
            return " — ".join(x for x in (names, mark() if mark else "") if x) or None
        return self._display(key, row)

    def _display(self, key: str, row: dict[str, Any]) -> str:
        zh = self.name_order == "zh_first"
        if key in ("name_en", "name_zh"):
            return row.get(key) or "—"
        if key in ("type", "category", "unit"):
            value = row.get(key) or ""
            group = TYPE_VOCABULARY.get(self.kind, "")
            return self.store.label(group, value, self.language) if group else value
        if key in ("organization", "place", "outlet"):
            en, other = row.get(f"{key}_en") or "", row.get(f"{key}_zh") or ""
            return (other or en) if zh else (en or other)
        if key == "date":
            raw = row.get("date_raw") if self.kind == "event" else row.get("date")
            return dates.display(raw, row.get("end"), bool(row.get("approximate")), self.language, row.get("bound"))
        if key == "as_of":
            return dates.display(row.get("as_of"), lang=self.language) if row.get("as_of") else ""
        if key == "lang":
            return {"en": _t("English"), "zh": _t("Chinese")}.get(row.get("lang") or "", row.get("lang") or "")
        value = row.get(key)
        return "" if value is None else str(value)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by *column*, keeping the selection on the same items."""
        if not 0 <= column < len(self.columns):
            return
        key, descending = self.sort_key(column), order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.query.sort, self.query.descending):
            return  # the view asks again when sorting is enabled or the indicator is set
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(p, self._keys[p.row()] if 0 <= p.row() < len(self._keys) else None) for p in persistent]
        self.query = replace(self.query, sort=key, descending=descending)
        self._keys = self.store.row_keys(self.query)
        wanted = {k for _, k in held if k is not None}
        if len(wanted) <= 16:  # the usual case (the current row): a few C-speed scans beat a 100 000-entry dict
            position = {k: self._keys.index(k) for k in wanted}
        else:
            position = {k: row for row, k in enumerate(self._keys) if k in wanted}
        self.changePersistentIndexList(
            [p for p, _ in held],
            [self.index(position[i], p.column()) if i in position else QModelIndex() for p, i in held])
        self.layoutChanged.emit()
        self.rows_reloaded.emit(len(self._keys))


class EntityListController(QObject):
    """Owns one kind's model and list view: filter box, facets, sorting, selection, empty state.

    Signals:
        entity_selected(str): the user moved the current row to this id.
        rows_changed(int, int): rows shown and total rows of the kind.
    """

    entity_selected = Signal(str)
    rows_changed = Signal(int, int)

    def __init__(self, store: Catalog, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.total = store.counts().get(kind, 0)
        self.model = EntityTableModel(store, kind, self)
        self.widget = QWidget()
        self.widget.setObjectName(f"list_{kind}")
        self.filter_edit = QLineEdit(self.widget)
        self.filter_edit.setClearButtonEnabled(True)
        # Room for a readable hint in a narrow list pane; the facet boxes shrink (and elide) instead.
        self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().horizontalAdvance(
            "Filter (English, 中文, pinyin)…") + 24)
        self.facet_boxes: dict[str, QComboBox] = {}
        for facet in FACETS.get(kind, {}):
            box = QComboBox(self.widget)
            box.setObjectName(f"facet_{facet}")
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(5)  # elided when narrow; the open list shows the values in full
            box.setMaximumWidth(220)
            self.facet_boxes[facet] = box
        self.view = QTableView(self.widget)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Ctrl+E adds them all
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it), as in a file manager
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionsMovable(False)
        self._default_widths()
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # after the indicator: enabling sorts by it (no extra query)
        self.empty_label = QLabel(self.widget)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.clear_button = QPushButton(self.widget)
        self.clear_button.clicked.connect(self.clear_filters)
        empty = QWidget(self.widget)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget(self.widget)
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 3)
        for box in self.facet_boxes.values():
            bar.addWidget(box, 1)  # grows (up to its maximum) when the pane has room
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.apply_filters)
        self._selecting = False
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        for box in self.facet_boxes.values():
            box.activated.connect(self._on_facet_activated)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self.model.rows_reloaded.connect(self._on_model_rows_reloaded)
        self.model.modelReset.connect(self._on_model_rows_reloaded)
        self.retranslate()
        self._on_model_rows_reloaded()

    def reload(self) -> None:
        """Read the rows again with the same filters (the user's items changed)."""
        self.model.set_query(self.model.query)

    def _default_widths(self) -> None:
        widths = {"name_en": 200, "name_zh": 140, "type": 110, "organization": 200, "place": 160, "date": 110,
                  "category": 100, "value_stated": 130, "unit": 90, "as_of": 100, "lang": 80, "outlet": 160,
                  "source_count": 64, "sentences": 76}
        for column, key in enumerate(self.model.columns):
            self.view.horizontalHeader().resizeSection(column, widths.get(key, 120))

    # -- user actions ---------------------------------------------------------------------
    def _on_filter_edit_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _on_facet_activated(self, _index: int) -> None:
        self.apply_filters()

    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = self.model.id_at(current.row()) if current.isValid() else None
        if item_id and not self._selecting:
            self.entity_selected.emit(item_id)

    def _on_model_rows_reloaded(self, *_args: Any) -> None:
        shown = self.model.rowCount()
        self.stack.setCurrentIndex(0 if shown else 1)
        query = self.model.query
        filtered = bool(query.text.strip() or query.facets or query.period)  # what "Clear filters" clears
        self.clear_button.setVisible(filtered)
        if query.origin == "user" and not filtered:
            self.empty_label.setText(QCoreApplication.translate(
                "EntityTable", "You have no entries of this kind yet. Right-click a sentence in the reader to "
                "add one, or a page to correct it."))
        elif query.origin == "reference" and not filtered:
            self.empty_label.setText(QCoreApplication.translate(
                "EntityTable", "The reference corpus has no entries of this kind."))
        elif filtered:
            self.empty_label.setText(QCoreApplication.translate(
                "EntityTable", "Nothing matches these filters. Change the filter text, choose other values "
                "above, or clear the filters."))
        else:
            self.empty_label.setText(QCoreApplication.translate(
                "EntityTable", "This list is empty: the corpus has no entries of this kind yet."))
        self.rows_changed.emit(shown, self.total)

    def apply_filters(self) -> None:
        """Apply the filter text and facet choices now (the text box waits 200 ms for typing to pause)."""
        self._filter_timer.stop()
        facets = tuple((facet, box.currentData()) for facet, box in self.facet_boxes.items()
                       if box.currentData() is not None)
        query = replace(self.model.query, text=self.filter_edit.text(), facets=facets)
        if query != self.model.query:
            self.model.set_query(query)

    def clear_filters(self) -> None:
        """Clear the filter text and facets (the period filter belongs to the timeline)."""
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        for box in self.facet_boxes.values():
            box.setCurrentIndex(0)
        self.apply_filters()

    def set_origin(self, origin: str) -> None:
        """Show every row ("all"), only the user's ("user": their own and those they corrected) or the reference's."""
        if origin != self.model.query.origin:
            self.model.set_query(replace(self.model.query, origin=origin))

    def set_period(self, period: tuple[str, str] | None) -> None:
        """Show only rows related to this ISO (first, last) period, or all rows."""
        if period != self.model.query.period:
            self.model.set_query(replace(self.model.query, period=period))

    def set_display(self, language: str, name_order: str) -> None:
        """Apply the interface language and name order to headers, cells and facets."""
        sort = self.model.query.sort
        header = self.view.horizontalHeader()
        widths = {key: header.sectionSize(i) for i, key in enumerate(self.model.columns)}
        self.model.set_display(language, name_order)
        for i, key in enumerate(self.model.columns):
            header.resizeSection(i, widths.get(key, header.defaultSectionSize()))
        column = self.model.column_of_sort_key(sort)
        order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)
        self._fill_facets()

    def sort_by(self, column: int, descending: bool) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.sortByColumn(column, order)

    def select_id(self, item_id: str) -> bool:
        """Make *item_id* the current row without announcing it; return False if it is not listed."""
        row = self.model.row_of(item_id)
        self._selecting = True
        try:
            if row < 0:
                self.view.selectionModel().clearSelection()
                return False
            index = self.model.index(row, 0)
            if self.view.currentIndex().row() == row and self.view.selectionModel().hasSelection():
                return True  # already current (a click): the view keeps a Ctrl/Shift+click multi-selection
            self.view.selectionModel().setCurrentIndex(
                index, self.view.selectionModel().SelectionFlag.ClearAndSelect
                | self.view.selectionModel().SelectionFlag.Rows)
            self.view.scrollTo(index)
            return True
        finally:
            self._selecting = False

    # -- translation and state ------------------------------------------------------------
    def _fill_facets(self) -> None:
        for facet, box in self.facet_boxes.items():
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(facet_label(self.kind, facet), None)
            values = self.store.facet_values(self.kind, facet, self.model.language, limit=FACET_LIMIT)
            more = self.store.facet_size(self.kind, facet) - len(values) if len(values) == FACET_LIMIT else 0
            for value, label, count in values:
                if self.kind == "document" and facet == "type":
                    label = {"en": _t("English"), "zh": _t("Chinese")}.get(value, value)
                box.addItem(f"{label} ({count})", value)
            if more > 0:
                box.addItem(_t("… %1 more: type in the filter box").replace("%1", str(more)), None)
                item = box.model().item(box.count() - 1)  # type: ignore[attr-defined]
                if item is not None:
                    item.setEnabled(False)
            found = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(found, 0))
            box.blockSignals(False)

    def retranslate(self) -> None:
        """Set every visible string of the list in the current interface language."""
        self.filter_edit.setPlaceholderText(_t("Filter %1 (Chinese, English or pinyin)…").replace(
            "%1", kind_label(self.kind).lower() if self.model.language == "en" else kind_label(self.kind)))
        self.filter_edit.setToolTip(_t("Type to keep only the rows that match"))
        for box in self.facet_boxes.values():
            box.setToolTip(_t("Show only rows with this value"))
        self.clear_button.setText(_t("Clear filters"))
        self.view.setToolTip(_t("Select a row to see its page; click a column header to sort"))
        self.view.setAccessibleName(_t("List of %1").replace("%1", kind_label(self.kind)))
        self.filter_edit.setAccessibleName(_t("Filter %1").replace("%1", kind_label(self.kind)))
        for facet, box in self.facet_boxes.items():
            box.setAccessibleName(facet_label(self.kind, facet))
        self._fill_facets()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def save_state(self) -> dict[str, Any]:
        """Return the list's state to remember (header layout, sort, facet and filter)."""
        import base64

        header = self.view.horizontalHeader()
        return {"header": base64.b64encode(bytes(header.saveState().data())).decode("ascii"),
                "sort": self.model.query.sort, "descending": self.model.query.descending,
                "widths": [header.sectionSize(i) for i in range(header.count())]}

    def restore_state(self, state: dict[str, Any] | None) -> None:
        """Restore what :meth:`save_state` returned (ignores anything that no longer fits)."""
        if not isinstance(state, dict):
            return
        header = self.view.horizontalHeader()
        widths = state.get("widths")
        if isinstance(widths, list) and len(widths) == header.count():
            for i, width in enumerate(widths[:-1]):
                if isinstance(width, int) and 10 <= width <= 2000:
                    header.resizeSection(i, width)
        sort = state.get("sort")
        if isinstance(sort, str):
            self.sort_by(self.model.column_of_sort_key(sort), bool(state.get("descending")))


class LazyByKind(dict):  # type: ignore[type-arg]
    """Kind -> a tab's part (list controller, detail view), created on first lookup.

    Iteration shows only the ones created; ``kind in lazy`` tells whether one was.
    """

    def __init__(self, factory: Any) -> None:
        super().__init__()
        self._factory = factory

    def __missing__(self, kind: str) -> Any:
        if kind not in COLUMNS:
            raise KeyError(kind)
        part = self._factory(kind)
        self[kind] = part
        return part
