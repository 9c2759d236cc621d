"""The Timeline tab: the plot, its filters, the period brush, the event lists beside it.

Importing this module does not import pyqtgraph: :class:`TimelinePanel` loads
:mod:`cgt_desktop.ui.timeline.plot` when it is first built (and meanwhile reads
the events on its worker thread). The Qt-free work (lanes, spans, hit tests,
counts) is in :mod:`cgt_desktop.core.timeline.model` and, as arrays for large
corpora, :mod:`cgt_desktop.core.timeline.data`; :class:`TimelineController`
ties the store, the plot and the list models (:mod:`.timeline_list`) together;
the panel only builds widgets and exposes the main window's API.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox,
                               QPushButton, QSplitter, QToolButton, QToolTip, QVBoxLayout, QWidget)

from cgt_desktop.core.timeline import data as td
from cgt_desktop.core.timeline import model as tm
from cgt_desktop.core.domain.models import EventRow
from cgt_desktop.core.catalog.store import ListQuery, Catalog
from cgt_desktop.ui.timeline.event_list import EventListModel, EventListView, event_line, event_tooltip

__all__ = ["ColumnsLoader", "EventListModel", "TimelineController", "TimelinePanel", "event_tooltip",
           "start_warm_up"]


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

    def __init__(self, store: Catalog, panel: TimelinePanel, pool: QThreadPool | None = None,
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


class TimelinePanel(QWidget):
    """The Timeline tab.

    Signals:
        event_activated(str): an event id was clicked/activated.
        period_selected(object): ``(first_iso_date, last_iso_date)``, or ``None`` when the region is cleared.
        exported(str): the view was written as an image to this path.
        export_failed(str): writing the image failed (the message says why).
    """

    event_activated = Signal(str)
    period_selected = Signal(object)
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, store: Catalog, parent: QWidget | None = None,
                 loader: ColumnsLoader | None = None) -> None:
        super().__init__(parent)
        # Read the events on a worker thread while pyqtgraph is imported (the read is mostly SQLite,
        # which releases the GIL); the controller's layout job runs after it on the same thread.
        # A *loader* given by the window may hold them already (see start_warm_up).
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        if loader is None:
            loader = ColumnsLoader(store)
        if loader.columns is None and store.counts().get("event", 0) > TimelineController.async_above:
            self._pool.start(loader.run)
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        from cgt_desktop.ui.timeline.plot import TimelinePlot, category_color

        self.store = store
        self.plot = TimelinePlot(self)
        self.lanes_label = QLabel()
        self.lanes_combo = QComboBox()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(240)
        self.select_button = QToolButton()
        self.select_button.setCheckable(True)
        self.clear_button = QPushButton()
        self.reset_button = QPushButton()
        self.export_folder: Path | None = None  # the home's exports/ (set by the window)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The style's arrow would be drawn over the label ("导出…" cut): a "▾" after the text instead.
        self.export_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        export_menu = QMenu(self.export_button)
        self.act_export_png = export_menu.addAction("", lambda: self._on_export_menu_triggered("png"))
        self.act_export_svg = export_menu.addAction("", lambda: self._on_export_menu_triggered("svg"))
        self.export_button.setMenu(export_menu)
        self.count_label = QLabel()
        self.list_label = QLabel()
        self.undated_label = QLabel()
        self.event_list = EventListView()
        self.undated_list = EventListView()
        self.controller = TimelineController(store, self, self._pool, loader)
        self.event_list.setModel(self.controller.list_model)
        self.undated_list.setModel(self.controller.undated_model)
        self.category_boxes: dict[str, QCheckBox] = {}
        cat_row = QHBoxLayout()
        cat_row.setContentsMargins(0, 0, 0, 0)
        for key, label in self.controller.category_labels.items():
            box = QCheckBox(label)
            box.setChecked(True)
            color = category_color(key).name()
            box.setStyleSheet(f"QCheckBox {{ color: {color}; font-weight: bold; }}")
            box.toggled.connect(self._on_category_toggled)
            self.category_boxes[key] = box
            cat_row.addWidget(box)
        cat_row.addStretch(1)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for w in (self.lanes_label, self.lanes_combo, self.filter_edit, self.select_button, self.clear_button,
                  self.reset_button, self.export_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.count_label)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.list_label)
        side_layout.addWidget(self.event_list, 3)
        side_layout.addWidget(self.undated_label)
        side_layout.addWidget(self.undated_list, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.plot)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 330])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cat_row)
        layout.addWidget(splitter, 1)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(250)
        self._text_timer.timeout.connect(self._on_text_timer_timeout)
        self.filter_edit.textChanged.connect(self._text_timer.start)
        self.lanes_combo.currentIndexChanged.connect(self._on_lanes_combo_changed)
        self.select_button.toggled.connect(self._on_select_button_toggled)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.reset_button.clicked.connect(self.plot.reset_view)
        self.event_list.activated.connect(self._on_list_activated)
        self.undated_list.activated.connect(self._on_list_activated)
        self.controller.event_activated.connect(self.event_activated)
        self.controller.period_selected.connect(self._on_controller_period_selected)
        self._retranslate()

    # -- the main window's API -------------------------------------------------------------
    def highlight_entities(self, ids: list[str]) -> None:
        """Ring the events linked to *ids* (entities, or events themselves) in the plot and lists."""
        self.controller.highlight_entities(list(ids))

    def export_png(self, path) -> None:
        """Write the current view (plot and legend) as PNG."""
        self.plot.export_png(path)

    def export_svg(self, path) -> None:
        """Write the current view (plot and legend) as SVG."""
        self.plot.export_svg(path)

    def export_image(self, path: Path) -> Path:
        """Write the current view to *path* (PNG, or SVG for a ``.svg`` name), whole or not at all.

        Raises:
            OSError: the file cannot be written (the message names it); an earlier file stays as it was.
        """
        from cgt_desktop.core.system.outputs import atomic_output, check_output

        path = Path(path)
        svg = path.suffix.lower() == ".svg"
        target = check_output(path, None if path.suffix.lower() in (".png", ".svg") else ".png")
        with atomic_output(target) as tmp:
            (self.plot.export_svg if svg else self.plot.export_png)(tmp)
        return target

    def _on_export_menu_triggered(self, kind: str) -> None:
        suffix = ".svg" if kind == "svg" else ".png"
        folder = self.export_folder or Path.home()
        path = self.ask_export_path(str(folder / f"timeline{suffix}"), kind)
        if not path:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            written = self.export_image(Path(path))
        except (OSError, ValueError) as exc:  # a full disk, a missing folder, a bad name (OutputPathError)
            self.export_failed.emit(str(exc))
            QMessageBox.warning(self, self.tr("Export the timeline"),
                                self.tr("The timeline was not exported: {why}").format(why=exc))
            return
        self.exported.emit(str(written))

    def ask_export_path(self, suggested: str, kind: str) -> str:
        """Ask where to save the image; empty when cancelled (tests replace this)."""
        from PySide6.QtWidgets import QFileDialog

        filters = self.tr("SVG image (*.svg)") if kind == "svg" else self.tr("PNG image (*.png)")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the timeline as"), suggested, filters)
        return name

    def set_period(self, period: tuple[str, str] | None) -> None:
        """Show *period* as the selected region and filter the list to it (does not emit period_selected)."""
        self.controller.set_period(period)
        self.clear_button.setEnabled(period is not None)

    # -- called by the controller ----------------------------------------------------------
    def show_busy(self, busy: bool) -> None:
        """Say that the plot is being recomputed (large corpora only)."""
        if busy:
            self.count_label.setText(self.tr("Laying out events…"))
        self.plot.setEnabled(not busy)

    def show_count(self, shown: int, total: int) -> None:
        self.count_label.setText(_t("%1 of %2 events shown").replace("%1", str(shown)).replace("%2", str(total)))

    def show_list_counts(self, listed: int, undated: int, period: tuple[str, str] | None) -> None:
        if period:
            text = _t("Events %1 – %2 (%3)").replace("%1", period[0]).replace("%2", period[1])
        else:
            text = _t("Dated events (%3)")
        self.list_label.setText(text.replace("%3", str(listed)))
        self.undated_label.setText(_t("Date unknown, not plotted (%1)").replace("%1", str(undated)))
        self.clear_button.setEnabled(period is not None)

    # -- slots -----------------------------------------------------------------------------
    def _on_category_toggled(self, _checked: bool) -> None:
        self.controller.set_categories({k for k, box in self.category_boxes.items() if box.isChecked()})

    def _on_text_timer_timeout(self) -> None:
        self.controller.set_text(self.filter_edit.text())

    def _on_lanes_combo_changed(self, index: int) -> None:
        self.controller.set_lane_mode(tm.LANE_MODES[max(0, index)])

    def _on_select_button_toggled(self, checked: bool) -> None:
        self.plot.view.brush_mode = checked

    def _on_clear_button_clicked(self) -> None:
        self.controller.set_period(None, emit=True)

    def _on_list_activated(self, index: QModelIndex) -> None:
        event_id = index.data(Qt.ItemDataRole.UserRole)
        if event_id:
            self.event_activated.emit(event_id)

    def _on_controller_period_selected(self, period) -> None:
        self.clear_button.setEnabled(period is not None)
        self.period_selected.emit(period)

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.lanes_label.setText(self.tr("Lanes:"))
        current = max(0, self.lanes_combo.currentIndex())
        self.lanes_combo.blockSignals(True)
        self.lanes_combo.clear()
        self.lanes_combo.addItems([self.tr("by category"), self.tr("by organization"), self.tr("by person")])
        self.lanes_combo.setCurrentIndex(current)
        self.lanes_combo.blockSignals(False)
        self.filter_edit.setPlaceholderText(self.tr("Filter events (English or 中文)…"))
        self.select_button.setText(self.tr("Select period"))
        self.select_button.setToolTip(self.tr("Drag across the plot to select a period (or Shift+drag any time)"))
        self.clear_button.setText(self.tr("Clear period"))
        self.reset_button.setText(self.tr("2008–2025"))
        self.reset_button.setToolTip(self.tr("Show the default years (Home key). In the plot: ←/→ pan, +/− zoom, "
                                             "Ctrl+←/→ go from event to event, Enter opens it"))
        self.plot.setAccessibleName(self.tr("Timeline of events"))
        self.event_list.setAccessibleName(self.tr("Dated events"))
        self.undated_list.setAccessibleName(self.tr("Undated events"))
        self.export_button.setText(self.tr("Export") + " ▾")
        self.export_button.setToolTip(self.tr("Save the view as it is shown (plot and legend) as an image"))
        self.act_export_png.setText(self.tr("As PNG image…"))
        self.act_export_svg.setText(self.tr("As SVG (vector) image…"))
        self.plot.setToolTip("")
        self.plot.retranslate_legend()
        self.controller.update_lists()

    def set_language(self, language: str) -> None:
        """Dates and first titles of the event lists in the interface *language* ("en" or "zh")."""
        for model in (self.controller.list_model, self.controller.undated_model):
            model.set_language(language)

