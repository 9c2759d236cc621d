"""The Timeline tab: the plot, its filters, the period brush, the event lists beside it.

Importing this module does not import pyqtgraph: :class:`TimelinePanel` loads
:mod:`cgt_desktop.ui.timeline.plot` when it is first built (and meanwhile reads
the events on its worker thread). The Qt-free work (lanes, spans, hit tests,
counts) is in :mod:`cgt_desktop.core.timeline.model` and, as arrays for large
corpora, :mod:`cgt_desktop.core.timeline.data`; the controller
(:mod:`cgt_desktop.ui.timeline.controller`) ties the store, the plot and the lists together;
the panel only builds widgets and exposes the main window's API.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox,
                               QPushButton, QSplitter, QToolButton, QVBoxLayout, QWidget)

from cgt_desktop.core.timeline import model as tm
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.ui.timeline.controller import ColumnsLoader, TimelineController
from cgt_desktop.ui.timeline.event_list import EventListView

__all__ = ["TimelinePanel"]


def _t(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


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

