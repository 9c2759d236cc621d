"""Global search: a toolbar field with results as you type in a popup, grouped by kind.

The popup is a child widget laid over the main window (not a separate window),
so the search field keeps the keyboard focus while arrows and Enter move
through the results, and offscreen screenshots include it.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QWidget

from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.ui.browse.page_html import count_text
from cgt_desktop.ui.browse.entity_table import kind_label
from cgt_desktop.ui.common.settings import ordered_names

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent

    from cgt_desktop.ui.search.results import SearchPopup

RESULT_LIMIT = 40
COUNT_CAP = 1000  # matches counted per search at most: a count past it is shown as "1 000+"


def _t(text: str) -> str:
    return QCoreApplication.translate("SearchPopup", text)


#: Above this many entities the first "did you mean" reads names for a second or more: only on the worker.
SUGGEST_ON_GUI_MAX = 20000


def _search(store: Catalog, text: str,
            suggest: bool = True) -> tuple[list[Any], dict[str, tuple[int, bool]], list[Any]]:
    """The hits shown, the ``(count, exact)`` of each kind, and, when nothing matched, the nearest names."""
    from cgt_desktop.core.catalog import search as search_mod  # loaded by the first search (on the worker), not at start

    hits = store.search(text, limit=RESULT_LIMIT, prefix_last=True)
    suggestions = [] if hits or not suggest else store.suggest(text)  # "Zhangjang": did you mean Zhangjiang?
    return hits, search_mod.count_capped(store, text, COUNT_CAP, prefix_last=True), suggestions


class SearchWorker(QObject):
    """Runs searches on its own read-only connection in a worker thread.

    Signals:
        results_ready(int, object): generation and ``(text, hits, totals)``.
    """

    results_ready = Signal(int, object)

    def __init__(self, path: Any) -> None:
        super().__init__()
        self._path = path
        self._store: Catalog | None = None

    @Slot(int, str)
    def run(self, generation: int, text: str) -> None:
        if self._store is None:
            self._store = Catalog(self._path)
        self.results_ready.emit(generation, (text, *_search(self._store, text)))

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class SearchField(QLineEdit):
    """The search box. Its key handler sees each key first (arrows and Escape drive the open results).

    Signals:
        focus_lost(): the field lost the keyboard focus.
    """

    focus_lost = Signal()

    def __init__(self, keys: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._keys(event.key()):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.focus_lost.emit()


class GlobalSearch(QObject):
    """Controller of the search field and its popup.

    Signals:
        result_activated(str): the user chose a result (page string: entity id or ``read:doc|passage``).
        results_shown(int): results for the current text are on screen (number of hits).
    """

    result_activated = Signal(str)
    results_shown = Signal(int)
    _search_requested = Signal(int, str)

    def __init__(self, store: Catalog, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.window = window
        self.name_order = "en_first"
        self._generation = 0
        self._shown_generation = 0
        self._thread: QThread | None = None
        self._worker: SearchWorker | None = None
        self.field = SearchField(self._on_field_key)
        self.field.setObjectName("global_search")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(260)
        self._popup: SearchPopup | None = None  # built when first shown (see popup)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.focus_lost.connect(self._on_field_focus_lost)
        self.retranslate()

    @property
    def popup(self) -> SearchPopup:
        """The results popup (built on first use: the first paint does not need it)."""
        if self._popup is None:
            from cgt_desktop.ui.search.results import SearchPopup

            self._popup = SearchPopup(self.window)
            self._popup.result_activated.connect(self._activate)
        return self._popup

    def popup_visible(self) -> bool:
        """Whether results are on screen (without building the popup)."""
        return self._popup is not None and self._popup.isVisible()

    def hide_popup(self) -> None:
        if self._popup is not None:
            self._popup.hide()

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
        if pending or not self.popup_visible():
            self.run_search()
        page = self._popup.current_page() if self._popup is not None else None
        if page:
            self._activate(page)

    def _activate(self, page: str) -> None:
        self.hide_popup()
        self.result_activated.emit(page)

    def _on_field_key(self, key: int) -> bool:
        """Arrows move through the open results, Escape closes them; return whether the key was used."""
        if not self.popup_visible():
            return False
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.popup.step(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key == Qt.Key.Key_Escape:
            self.popup.hide()
            return True
        return False

    def _on_field_focus_lost(self) -> None:
        if self.popup_visible():
            QTimer.singleShot(150, self._hide_if_unfocused)

    def _hide_if_unfocused(self) -> None:
        if self._popup is not None and not self.field.hasFocus() and not self._popup.underMouse():
            self._popup.hide()

    def _on_timer_timeout(self) -> None:
        """Typing paused: search in the worker thread (results arrive in :meth:`_on_worker_results_ready`)."""
        text = self.field.text()
        self._generation += 1
        if not text.strip():
            self._shown_generation = self._generation
            self.hide_popup()
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
        text, hits, totals, suggestions = payload
        self._show(generation, text, hits, totals, suggestions)

    def run_search(self) -> None:
        """Search for the field's text now, on this thread, and show the popup (hidden for empty text)."""
        self._timer.stop()
        self._generation += 1
        text = self.field.text()
        if not text.strip():
            self._shown_generation = self._generation
            self.hide_popup()
            return
        small = sum(self.store.counts().values()) <= SUGGEST_ON_GUI_MAX  # never a long read on the GUI thread
        self._show(self._generation, text, *_search(self.store, text, suggest=small))

    def _show(self, generation: int, text: str, hits: list[Any], totals: dict[str, tuple[int, bool]],
              suggestions: list[Any] = ()) -> None:
        self._shown_generation = generation
        self.place_popup()
        rows = self._rows(hits, totals, text) if hits else self._suggestion_rows(text, list(suggestions))
        self.popup.set_rows(rows, text)
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

    def _suggestion_rows(self, text: str, suggestions: list[Any]) -> list[dict[str, Any]]:
        """Nothing matched: say so, and offer the names nearest what was typed."""
        if not suggestions:
            return []
        label = _t("No results for “%1”. Did you mean:").replace("%1", text.strip())
        rows: list[dict[str, Any]] = [{"text": label, "html": f"<b>{escape(label)}</b>", "page": None}]
        for s in suggestions:
            first, second = ordered_names(s.name_en, s.name_zh, self.name_order)
            rows.append({"text": f"{first} {second}".strip(), "page": s.id,
                         "html": f"&nbsp;&nbsp;{escape(first)} <span style='color:gray'>{escape(second)} · "
                                 f"{escape(kind_label(s.kind))}</span>"})
        return rows

    def _rows(self, hits: list[Any], totals: dict[str, tuple[int, bool]], text: str = "") -> list[dict[str, Any]]:
        from cgt_desktop.ui.search.results import snippet_html

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
            if total > len(group) and text:
                from cgt_desktop.ui.search.results_page import search_url

                more = _t("Show all %1 %2…").replace("%1", count_text(total) + ("" if exact else "+")).replace(
                    "%2", kind_label(kind))
                rows.append({"text": more, "page": search_url(kind, text.strip()),
                             "html": f"&nbsp;&nbsp;<i>{escape(more)}</i>"})
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
