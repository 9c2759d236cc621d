"""The timeline's controller: the events, filters, period and highlight behind the Timeline tab.

:class:`TimelineController` ties the store, the plot and the list models
(:mod:`cgt_desktop.ui.timeline.event_list`) together; the events are read as columns by a
:class:`ColumnsLoader` (on a worker thread for large corpora, or ahead of time by
:func:`start_warm_up`). The panel (:mod:`cgt_desktop.ui.timeline.panel`) builds the widgets.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QToolTip

from cgt_desktop.core.catalog.store import Catalog, ListQuery
from cgt_desktop.core.domain.models import EventRow
from cgt_desktop.core.timeline import data as td
from cgt_desktop.core.timeline import model as tm
from cgt_desktop.ui.timeline.event_list import EventListModel, event_line, event_tooltip

__all__ = ["ColumnsLoader", "TimelineController", "start_warm_up"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def start_warm_up(loader: ColumnsLoader | None = None) -> threading.Thread:
    """Start importing the plotting stack (pyqtgraph, numpy) on a background thread; return the thread.

    With a *loader*, the same thread then reads the events (:meth:`ColumnsLoader.load`), so that the
    panel built with that loader only lays them out.

    Importing pyqtgraph costs 0.3–0.9 s here (``pyqtgraph.Qt`` touches every PySide6 class, which
    creates them all), and the first click on the Timeline tab would otherwise wait for it. The app
    starts this a moment after its first paint: the import then holds the GIL only in short slices
    (the GUI's longest gap measured 47–56 ms). Nothing Qt-owned is created: pyqtgraph's import makes
    value types and functions only. If the tab is opened meanwhile, its own import waits for this one.
    """
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

    def work() -> None:
        try:
            from cgt_desktop.ui.timeline import plot as timeline_plot  # noqa: F401  (imports pyqtgraph and numpy)
        except ImportError:
            return  # a failed import is not cached: the Timeline tab imports again and reports it
        if loader is not None:
            loader.run()

    thread = threading.Thread(target=work, name="timeline-warm-up", daemon=True)
    thread.start()
    return thread


class _Relay(QObject):
    """Carries a layout computed on a worker thread back to the GUI thread (queued signal).

    Signals:
        layout_ready(int, object): generation number and ``(columns, ArrayLayout, text ids)``.
    """

    layout_ready = Signal(int, object)


class ColumnsLoader:
    """Reads the timeline's event columns once; run on a worker thread while the plot module is imported."""

    def __init__(self, store: Catalog) -> None:
        self.store = store
        self.columns: td.EventColumns | None = None
        self._lock = threading.Lock()  # the warm-up and the panel's worker may both ask: one reads

    def load(self) -> td.EventColumns:
        """Return the columns of the reachable years and the undated events (reads them the first time)."""
        with self._lock:
            if self.columns is None:
                self.columns = td.columns_from_store(
                    self.store.timeline_columns(*tm.LIMIT_YEARS, include_undated=True))
            return self.columns

    def forget(self) -> None:
        """The events changed (the user's own were added or removed): read them again when next asked."""
        with self._lock:
            self.columns = None

    def run(self) -> None:
        try:
            self.load()
        except Exception:  # noqa: BLE001 - the layout job reads again and reports what fails
            self.columns = None


class TimelineController(QObject):
    """Owns the events, filters, period and highlight; updates the plot, the lists and the count.

    The events are held as columns (:class:`~cgt_desktop.core.timeline.data.EventColumns`); full
    rows are read by id only for what is shown (tooltips, the visible rows of the lists).

    Signals:
        event_activated(str): an event was clicked in the plot or activated in a list.
        period_selected(object): ``(first, last)`` ISO days of the brushed period, or ``None`` when cleared.
        layout_changed(): the plot shows a newly computed layout.
    """

    event_activated = Signal(str)
    period_selected = Signal(object)
    layout_changed = Signal()

    #: Above this many events the layout is computed off the GUI thread.
    async_above = 5000
    #: Most event rows kept for the lists and tooltips.
    row_cache_size = 5000

    def __init__(self, store: Catalog, panel: Any, pool: QThreadPool | None = None,
                 loader: ColumnsLoader | None = None) -> None:
        super().__init__(panel)
        self.store = store
        self.panel = panel
        self.plot = panel.plot
        vocab = store.vocabulary("event_categories")
        self.category_labels = {k: f"{v['en']} {v['zh']}" for k, v in vocab.items()}
        self._vocab = vocab
        self._generation = 0
        # Our own pool (other panels' jobs never delay the timeline's), created before the relay (the
        # panel's is created before this controller) so that on destruction it waits for a running
        # job while the relay still exists.
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._relay = _Relay(self)
        self._relay.layout_ready.connect(self._on_relay_layout_ready)
        self.total = store.counts().get("event", 0)
        self._loader = loader or ColumnsLoader(store)
        self.columns: td.EventColumns | None = None  # dated first, then undated; loaded by the first refresh
        self._rows: dict[str, EventRow] = {}
        if self.total <= self.async_above:
            self._set_columns(self._loader.load())
        self.hidden: set[str] = set()  # categories switched off
        self.text = ""
        self.text_ids: set[str] | None = None
        self.lane_mode = "category"
        self.period: tuple[str, str] | None = None
        self.highlighted: set[str] = set()
        self.layout: td.ArrayLayout | None = None
        describe = self._describe_event
        self.list_model = EventListModel(self.event_rows, self, describe)
        self.undated_model = EventListModel(self.event_rows, self, describe)
        self.plot.mark_clicked.connect(self._on_plot_mark_clicked)
        self.plot.mark_hovered.connect(self._on_plot_mark_hovered)
        self.plot.mark_focused.connect(self._on_plot_mark_focused)
        self.plot.region_changed.connect(self._on_plot_region_changed)
        self.plot.view_changed.connect(self._on_plot_view_changed)
        self.refresh()

    def reload_events(self) -> None:
        """Read the events again (the user's own changed) and redraw."""
        self._loader.forget()
        self.columns = None
        self._rows.clear()
        self.refresh()

    def _set_columns(self, columns: td.EventColumns) -> None:
        self.columns = columns
        for category in columns.categories:
            self.category_labels.setdefault(category, category)

    def _describe_event(self, event: EventRow, category_label: str) -> str:
        return event_tooltip(event, category_label, self.store)

    def event_rows(self, ids: list[str]) -> dict[str, EventRow]:
        """Return the full rows of *ids* (titles, stated dates, sources), read from the store when not cached."""
        missing = [i for i in ids if i not in self._rows]
        if missing:
            if len(self._rows) + len(missing) > self.row_cache_size:
                self._rows.clear()
            self._rows.update((e.id, e) for e in self.store.events_by_id(missing))
        return {i: self._rows[i] for i in ids if i in self._rows}

    def event_row(self, event_id: str) -> EventRow | None:
        return self.event_rows([event_id]).get(event_id)

    # -- state changes ---------------------------------------------------------------------
    def set_categories(self, shown: set[str]) -> None:
        """Show only the categories in *shown* (of those the panel offers a box for)."""
        self.hidden = set(self.category_labels) - set(shown)
        self.refresh()

    def set_text(self, text: str) -> None:
        """Filter the events by *text*; the search runs with the layout (off the GUI thread when large)."""
        self.text = text.strip()
        self.text_ids = None
        self.refresh()

    def _search(self, text: str) -> set[str]:
        """Ids of events matching *text*: the app's search (SQL, both languages) plus plain substrings."""
        found = self.store.timeline_text_ids(text)
        try:
            found.update(self.store.list_ids(ListQuery(kind="event", text=text)))
        except Exception:  # noqa: BLE001 - a search backend problem must not break the timeline
            pass
        return found

    def set_lane_mode(self, mode: str) -> None:
        self.lane_mode = mode if mode in tm.LANE_MODES else "category"
        self.refresh()

    def set_period(self, period: tuple[str, str] | None, *, emit: bool = False) -> None:
        """Filter the event list to *period* and show it as the region (emits only when *emit*)."""
        self.period = tuple(sorted(period)) if period else None  # type: ignore[assignment]
        self.plot.set_region(tm.extent_of_period(self.period) if self.period else None)
        self.update_lists()
        if emit:
            self.period_selected.emit(self.period)

    def highlight_entities(self, ids: list[str]) -> None:
        self.highlighted = self.store.events_linked_to(ids) if ids else set()
        self.plot.set_highlight(self.highlighted)
        self.list_model.set_highlighted(self.highlighted)
        self.undated_model.set_highlighted(self.highlighted)

    # -- recomputation ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute lanes and marks for the current filters and redraw.

        Up to :attr:`async_above` events this happens at once; above, the events are read (the first
        time), searched and laid out on a worker thread, and only :meth:`_on_relay_layout_ready`
        (GUI thread) touches the widgets.
        """
        self._generation += 1
        generation = self._generation
        mode, hidden, text, text_ids = self.lane_mode, set(self.hidden), self.text, self.text_ids
        cats = {k: v for k, v in self._vocab.items() if k not in hidden}
        noun = (_t("organizations"), "机构") if mode == "organization" else (_t("people"), "人物")
        loader = self._loader

        def job() -> tuple[td.EventColumns, td.ArrayLayout, set[str] | None]:
            import numpy as np

            columns = loader.load()
            found = text_ids if text_ids is not None or not text else self._search(text)
            keep = columns.category_mask(set(columns.categories) - hidden if hidden else None)
            if found is not None:
                matched = np.zeros(len(columns), bool)
                matched[columns.positions(found)] = True
                keep &= matched
            return columns, self._compute_layout(columns, np.flatnonzero(keep), mode, cats, noun), found

        if self.total <= self.async_above:
            self._on_relay_layout_ready(generation, job())
            return
        self.panel.show_busy(True)
        relay = self._relay

        def run() -> None:
            relay.layout_ready.emit(generation, job())

        self._pool.start(run)

    def _compute_layout(self, columns: td.EventColumns, rows: Any, mode: str, cats: dict[str, dict[str, Any]],
                        noun: tuple[str, str]) -> td.ArrayLayout:
        """Qt-free part of :meth:`refresh` (safe on a worker thread: reads the store only)."""
        if mode == "category":
            lanes, pairs = td.category_pairs(columns, rows, cats)
        else:
            links = self.store.event_links(mode)
            names = self.store.names({i for ids in links.values() for i in ids})
            lanes, pairs = td.entity_pairs(columns, rows, links, names, noun)
        return td.build_array_layout(columns, rows, lanes, pairs)

    def _on_relay_layout_ready(self, generation: int, result: tuple) -> None:
        columns, layout, found = result
        if self.columns is None:
            self._set_columns(columns)
        if generation != self._generation:
            return  # a newer refresh is under way
        if self.text:
            self.text_ids = found
        self.panel.show_busy(False)
        self.layout = layout
        self.plot.set_layout(layout, self.category_labels)
        self.plot.set_highlight(self.highlighted)
        self.update_lists()
        self.layout_changed.emit()

    def update_lists(self) -> None:
        import numpy as np

        layout = self.layout
        if layout is None:
            return
        columns = layout.columns
        listed = np.zeros(len(columns), bool)
        listed[layout.ev] = True
        listed &= td.period_mask(columns, self.period)
        ids = columns.ids
        dated = [ids[i] for i in np.flatnonzero(listed).tolist()]
        undated = layout.undated_ids
        self.list_model.set_ids(dated, self.category_labels)
        self.undated_model.set_ids(undated, self.category_labels)
        self.list_model.set_highlighted(self.highlighted)
        self.undated_model.set_highlighted(self.highlighted)
        self.panel.show_list_counts(len(dated), len(undated), self.period)
        self._update_count()

    def _update_count(self) -> None:
        if self.layout is not None:
            self.panel.show_count(self.layout.count_in_view(*self.plot.x_range()), self.total)

    # -- slots -----------------------------------------------------------------------------
    def _on_plot_mark_clicked(self, event_id: str) -> None:
        self.event_activated.emit(event_id)

    def _on_plot_mark_focused(self, event_id: str) -> None:
        """The keyboard's mark: its row in the dated list is made current, and a screen reader hears it."""
        event = self.event_row(event_id) if event_id else None
        plot = self.panel.plot
        if event is None:
            plot.setAccessibleDescription("")
            return
        plot.setAccessibleDescription(event_line(event, self.list_model.language).replace("\n", " / "))
        ids = self.list_model.ids()
        if event_id in ids:
            view = self.panel.event_list
            index = self.list_model.index(ids.index(event_id))
            view.selectionModel().setCurrentIndex(index, view.selectionModel().SelectionFlag.ClearAndSelect)
            view.scrollTo(index)

    def _on_plot_mark_hovered(self, found) -> None:
        if found is None:
            QToolTip.hideText()
            return
        event_id, global_pos = found
        event = self.event_row(event_id)
        if event is not None:
            label = self.category_labels.get(event.category, event.category)
            QToolTip.showText(global_pos, event_tooltip(event, label, self.store), self.plot)

    def _on_plot_region_changed(self, x0: float, x1: float, finished: bool) -> None:
        if finished:  # whole years or months when zoomed out, so a period is never "3 Feb – 27 Nov"
            lo, hi = self.plot.x_range()
            self.set_period(tm.snapped_period(x0, x1, tm.snap_unit(hi - lo)), emit=True)

    def _on_plot_view_changed(self, *_args) -> None:
        self._update_count()
