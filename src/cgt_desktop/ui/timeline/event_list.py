"""The timeline's event lists (dated in the period, undated) and the hover text of an event.

The lists hold ids only; :class:`EventListModel` reads the rows it shows, a
block at a time, through the controller (100 000 events are never all rows),
and :class:`EventListView` lays them out without visiting every row.
"""

from __future__ import annotations

import html
from typing import Any, Callable

from PySide6.QtCore import (QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSize,
                            Qt)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.models import EventRow


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def event_tooltip(event: EventRow, category_label: str, store: Any) -> str:
    """Return the hover text of *event*: both titles, the date as stated, the category and the sources.

    The sources are named as readers cite them ("Bioon, 14 Nov 2019, ¶12"), never by id.
    """
    e = html.escape
    readable = store.wording().readable
    when, when_zh = event.when("en"), event.when("zh")
    lines = [f"<b>{e(event.title_en)}</b>", e(event.title_zh),
             f"{e(_t('Date'))}: {e(when)} · {e(when_zh)}",
             f"{e(_t('As stated'))}: “{e(event.date_stated)}”"]
    if event.approximate or event.date_note:
        label = _t("Approximate") if event.approximate else _t("Note")
        lines.append(f"<i>{e(label)}: {e(readable(event.date_note) or _t('computed from the text'))}</i>")
    lines.append(f"{e(_t('Category'))}: {e(category_label)}")
    cited = [c.label() for c in store.passages(event.sources[:3])]
    if len(event.sources) > 3:
        cited.append("…")
    lines.append(f"{e(_t('Source'))}: {e('; '.join(cited) or _t('none'))}")
    return "<br>".join(lines)


def event_line(event: EventRow, language: str = "en") -> str:
    """An event as its list shows it, in the interface *language*: "2017 or earlier — title" over the
    other language's title. An undated event says so in that language, or quotes the source's own
    words for the time ("in the next 3-5 years")."""
    if event.date:
        when = event.when(language)
    elif not event.date_stated or event.date_stated.lower().startswith("not stated"):
        when = _t("date not stated")
    else:
        when = event.date_stated  # the source's words for the time ("in the next 3-5 years")
    first, second = (event.title_zh or event.title_en, event.title_en) if language == "zh" else (
        event.title_en or event.title_zh, event.title_zh)
    mark = "  ◆" if ids.is_user(event.id) else ""
    return f"{when} — {first}{mark}\n{second}" if second and second != first else f"{when} — {first}{mark}"


class EventListModel(QAbstractListModel):
    """Events in date order: a list of ids; the rows are read by id, a block at a time, when shown."""

    #: Rows read at once around the first one a view asks for.
    block = 100

    def __init__(self, fetch: Callable[[list[str]], dict[str, EventRow]], parent: QObject | None = None,
                 describe: Callable[[EventRow, str], str] | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._describe = describe  # the hover text of an event (event_tooltip with the catalog)
        self._ids: list[str] = []
        self._labels: dict[str, str] = {}
        self._bold: set[str] = set()
        self.language = "en"  # of the dates and of the title shown first

    def set_language(self, language: str) -> None:
        """Show the dates and the first title in *language* ("en" or "zh")."""
        if language != self.language:
            self.language = language
            if self._ids:
                self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [Qt.ItemDataRole.DisplayRole])

    def set_ids(self, ids: list[str], category_labels: dict[str, str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._labels = category_labels
        self.endResetModel()

    def set_highlighted(self, ids: set[str]) -> None:
        self._bold = set(ids)
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [Qt.ItemDataRole.FontRole])

    def ids(self) -> list[str]:
        return list(self._ids)

    def _row(self, row: int) -> EventRow | None:
        first = row - row % self.block
        return self._fetch(self._ids[first:first + self.block]).get(self._ids[row])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.FontRole:
            if self._ids[index.row()] not in self._bold:
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole):
            return None
        event = self._row(index.row())
        if event is None:
            return None
        mine = ids.is_user(event.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return event_line(event, self.language)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._labels.get(event.category, event.category)
            tip = self._describe(event, label) if self._describe else html.escape(event.title_en)
            mark = html.escape(QCoreApplication.translate("TimelinePlot", "your own entry"))
            return f"{tip}<br><span style='color:#1565c0'>◆ {mark}</span>" if mine else tip
        from cgt_desktop.ui.timeline.plot import category_color  # loaded with the panel already
        return category_color(event.category)


class EventListView(QTableView):
    """A one-column list of events whose rows all have the height of the first.

    A ``QListView`` lays out every row after each reset, calling the model for each one (~0.5 s
    on the GUI thread for 95 000 events); a table with fixed-height rows and no headers looks
    the same and lays out only what is visible.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setShowGrid(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)
        side = self.style().pixelMetric(QStyle.PixelMetric.PM_ListViewIconSize, None, self)
        self.setIconSize(QSize(side, side))  # the colour swatch as large as a list view draws it

    def setModel(self, model) -> None:  # noqa: N802 (Qt naming)
        super().setModel(model)
        model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()

    def _on_model_reset(self) -> None:
        model = self.model()
        if model is not None and model.rowCount():
            self.verticalHeader().setDefaultSectionSize(max(1, self.sizeHintForRow(0)))
