"""Global search: a toolbar field with results as you type in a popup, grouped by kind.

The popup is a child widget laid over the main window (not a separate window),
so the search field keeps the keyboard focus while arrows and Enter move
through the results, and offscreen screenshots include it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (QAbstractListModel, QCoreApplication, QEvent, QModelIndex, QObject, QPersistentModelIndex,
                            QPoint, QRectF, QSize, Qt, QThread, QTimer, Signal, Slot)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QLabel, QLineEdit, QListView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from ..core import search as search_mod
from ..core.store import ReferenceStore
from ..core.textindex import snippet_html
from .detail_view import count_text
from .entity_table import kind_label
from .settings import ordered_names

RESULT_LIMIT = 40
COUNT_CAP = 1000  # matches counted per search at most: a count past it is shown as "1 000+"
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


def _search(store: ReferenceStore, text: str) -> tuple[list[Any], dict[str, tuple[int, bool]]]:
    """The hits shown and the ``(count, exact)`` of each kind, counted as the hits were found."""
    hits = store.search(text, limit=RESULT_LIMIT, prefix_last=True)
    return hits, search_mod.count_capped(store.db, text, COUNT_CAP, prefix_last=True)


class SearchWorker(QObject):
    """Runs searches on its own read-only connection in a worker thread.

    Signals:
        results_ready(int, object): generation and ``(text, hits, totals)``.
    """

    results_ready = Signal(int, object)

    def __init__(self, path: Any) -> None:
        super().__init__()
        self._path = path
        self._store: ReferenceStore | None = None

    @Slot(int, str)
    def run(self, generation: int, text: str) -> None:
        if self._store is None:
            self._store = ReferenceStore(self._path)
        hits, totals = _search(self._store, text)
        self.results_ready.emit(generation, (text, hits, totals))

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class GlobalSearch(QObject):
    """Controller of the search field and its popup.

    Signals:
        result_activated(str): the user chose a result (page string: entity id or ``read:doc|passage``).
        results_shown(int): results for the current text are on screen (number of hits).
    """

    result_activated = Signal(str)
    results_shown = Signal(int)
    _search_requested = Signal(int, str)

    def __init__(self, store: ReferenceStore, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.window = window
        self.name_order = "en_first"
        self._generation = 0
        self._shown_generation = 0
        self._thread: QThread | None = None
        self._worker: SearchWorker | None = None
        self.field = QLineEdit()
        self.field.setObjectName("global_search")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self.popup = SearchPopup(window)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.installEventFilter(self)
        self.popup.result_activated.connect(self._activate)
        self.retranslate()

    def retranslate(self) -> None:
        self.field.setPlaceholderText(_t("Search everything (Ctrl+K)"))
        self.field.setToolTip(_t("Search names, descriptions and documents in Chinese, English or pinyin; "
                                 "↑/↓ choose, Enter opens"))

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.run_search()

    def _on_field_text_edited(self, _text: str) -> None:
        self._timer.start()

    def _on_field_return_pressed(self) -> None:
        pending = self._timer.isActive() or self._shown_generation != self._generation
        if pending or not self.popup.isVisible():
            self.run_search()
        page = self.popup.current_page()
        if page:
            self._activate(page)

    def _activate(self, page: str) -> None:
        self.popup.hide()
        self.result_activated.emit(page)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
                self.popup.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape and self.popup.isVisible():
                self.popup.hide()
                return True
        if watched is self.field and event.type() == QEvent.Type.FocusOut and self.popup.isVisible():
            QTimer.singleShot(150, self._hide_if_unfocused)
        return super().eventFilter(watched, event)

    def _hide_if_unfocused(self) -> None:
        if not self.field.hasFocus() and not self.popup.underMouse():
            self.popup.hide()

    def _on_timer_timeout(self) -> None:
        """Typing paused: search in the worker thread (results arrive in :meth:`_on_worker_results_ready`)."""
        text = self.field.text()
        self._generation += 1
        if not text.strip():
            self._shown_generation = self._generation
            self.popup.hide()
            return
        if self._thread is None:
            self._thread = QThread()
            self._thread.setObjectName("search")
            self._worker = SearchWorker(self.store.path)
            self._worker.moveToThread(self._thread)
            self._search_requested.connect(self._worker.run)
            self._worker.results_ready.connect(self._on_worker_results_ready)
            self._thread.finished.connect(self._worker.close)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.shutdown)
            self._thread.start()
        self._search_requested.emit(self._generation, text)

    def _on_worker_results_ready(self, generation: int, payload: object) -> None:
        if generation != self._generation or not isinstance(payload, tuple):
            return  # the text changed since; a newer search is on its way
        text, hits, totals = payload
        self._show(generation, text, hits, totals)

    def run_search(self) -> None:
        """Search for the field's text now, on this thread, and show the popup (hidden for empty text)."""
        self._timer.stop()
        self._generation += 1
        text = self.field.text()
        if not text.strip():
            self._shown_generation = self._generation
            self.popup.hide()
            return
        hits, totals = _search(self.store, text)
        self._show(self._generation, text, hits, totals)

    def _show(self, generation: int, text: str, hits: list[Any], totals: dict[str, tuple[int, bool]]) -> None:
        self._shown_generation = generation
        self.place_popup()
        self.popup.set_rows(self._rows(hits, totals), text)
        self.popup.show()
        self.popup.raise_()
        self.results_shown.emit(len(hits))

    def shutdown(self) -> None:
        """Stop the worker thread (the window calls this when it closes)."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(5000)
            self._thread = None
            self._worker = None

    def _rows(self, hits: list[Any], totals: dict[str, tuple[int, bool]]) -> list[dict[str, Any]]:
        order: dict[str, list[Any]] = {}
        for hit in hits:
            order.setdefault(hit.kind, []).append(hit)
        doc_ids = [h.document_id for h in hits if h.kind == "passage" and h.document_id]
        doc_names = self.store.names(doc_ids)
        rows: list[dict[str, Any]] = []
        for kind, group in order.items():
            total, exact = totals.get(kind, (0, True))  # not exact: at least total (past COUNT_CAP)
            of = f" / {count_text(total)}" if total > len(group) else ""
            label = f"{kind_label(kind)} ({len(group)}{of}{'' if exact else '+'})"
            rows.append({"text": label, "html": f"<b>{escape(label)}</b>", "page": None})
            for hit in group:
                if hit.kind == "passage":
                    _, en, zh = doc_names.get(hit.document_id or "", ("", "", ""))
                    first, second = ordered_names(en, zh, self.name_order)
                    page = f"read:{hit.document_id}|{hit.id}"
                else:
                    first, second = ordered_names(hit.name_en, hit.name_zh, self.name_order)
                    page = hit.id
                plain = (hit.snippet or "").replace("«", "").replace("»", "")

                def shown(name: str, marked: str = hit.snippet, plain: str = plain) -> str:
                    return snippet_html(marked) if marked and name == plain else escape(name)

                title = shown(first) + (f" <span style='color:gray'>{shown(second)}</span>" if second else "")
                snippet = snippet_html(hit.snippet) if plain and plain not in (first, second) else ""
                if hit.kind == "passage":
                    title, snippet = snippet_html(hit.snippet or ""), f"<span style='color:gray'>{escape(first)}</span>"
                rows.append({"text": f"{first} {second}".strip(), "page": page,
                             "html": f"&nbsp;&nbsp;{title}" + (f"<br>&nbsp;&nbsp;<small>{snippet}</small>"
                                                                if snippet else "")})
        return rows

    def place_popup(self) -> None:
        """Put the popup under the field, inside the window."""
        if not self.field.isVisible():
            origin = QPoint(self.window.width() - 560, 40)
        else:
            origin = self.field.mapTo(self.window, QPoint(0, self.field.height()))
        width = min(max(self.field.width(), 520), self.window.width() - 16)
        x = max(8, min(origin.x(), self.window.width() - width - 8))
        height = min(440, max(120, self.window.height() - origin.y() - 40))
        self.popup.setGeometry(x, origin.y() + 2, width, height)
