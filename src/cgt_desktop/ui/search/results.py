"""The search results popup: a list of hits grouped by kind, drawn as rich text.

Built the first time results are shown (see :class:`~cgt_desktop.ui.search_popup.GlobalSearch`):
its list view, style and text-document classes are not needed for the window's first paint.
"""

from __future__ import annotations

import html

from typing import Any

from PySide6.QtCore import QCoreApplication, QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRectF, \
    QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QLabel, QListView, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QVBoxLayout, QWidget)

HtmlRole = Qt.ItemDataRole.UserRole + 1
PageRole = Qt.ItemDataRole.UserRole + 2


def _t(text: str) -> str:
    return QCoreApplication.translate("SearchPopup", text)


class SearchResultsModel(QAbstractListModel):
    """Search hits with one header row per kind (``People (3)``); headers cannot be selected."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["text"]
        if role == HtmlRole:
            return row["html"]
        if role == PageRole:
            return row.get("page")
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get("page")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].get("page") is None:
            return Qt.ItemFlag.ItemNeverHasChildren
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def hit_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if row.get("page")]


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's ``HtmlRole`` text as rich text (bold matches in snippets)."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        html = index.data(HtmlRole) or ""
        if option.state & QStyle.StateFlag.State_Selected:
            html = html.replace("color:gray", "")  # grey is unreadable on the selection colour
        doc.setHtml(html)
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QListView):
            width = option.widget.viewport().width()
        doc.setTextWidth(max(width, 200))
        return doc

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchPopup(QFrame):
    """The results list shown under the search field.

    Signals:
        result_activated(str): a result was chosen (a page string).
    """

    result_activated = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("search_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.model = SearchResultsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.clicked.connect(self._on_view_clicked)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setMargin(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.hide()

    def _on_view_clicked(self, index: QModelIndex) -> None:
        page = index.data(PageRole)
        if page:
            self.result_activated.emit(page)

    def set_rows(self, rows: list[dict[str, Any]], query: str) -> None:
        """Show *rows*; select the first hit (Enter opens it)."""
        self.model.set_rows(rows)
        has_hits = bool(self.model.hit_rows())
        self.view.setVisible(has_hits)
        self.empty.setVisible(not has_hits)
        self.empty.setText(_t("No results for “%1”. Try fewer or other words, pinyin, or an English "
                              "term.").replace("%1", query))
        if has_hits:
            self.select_row(self.model.hit_rows()[0])
            self.view.scrollToTop()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def step(self, delta: int) -> None:
        """Move the selection *delta* hits up or down (skipping headers)."""
        hits = self.model.hit_rows()
        if not hits:
            return
        current = self.view.currentIndex().row()
        position = hits.index(current) if current in hits else -1
        self.select_row(hits[max(0, min(len(hits) - 1, position + delta))])

    def current_page(self) -> str | None:
        index = self.view.currentIndex()
        page = index.data(PageRole) if index.isValid() else None
        if page is None and self.model.hit_rows():
            page = self.model.index(self.model.hit_rows()[0], 0).data(PageRole)
        return page


def snippet_html(marked: str) -> str:
    """HTML-escape a :func:`~cgt_desktop.core.text.textindex.snippet` and turn its ``«»`` markers into bold.

    Args:
        marked: Output of :func:`~cgt_desktop.core.text.textindex.snippet`.

    Returns:
        Safe HTML such as ``…the <b>CAR-T</b> cell…``.
    """
    return html.escape(marked, quote=True).replace("«", "<b>").replace("»", "</b>")
