"""The timeline's pyqtgraph widget: a day-based date axis, lanes, marks, a period region, export.

Imported only when the timeline panel is first built (pyqtgraph and numpy are
heavy). Marks are drawn as a handful of items whatever the number of events:
one :class:`BarLayer` for all month/year spans and periods, one
:class:`PointLayer` for the day-precise events and the "~" of approximate
dates, and one scatter for highlight rings. Never one item per event.
"""

from __future__ import annotations

import os

import PySide6  # noqa: F401  (pyqtgraph must bind to PySide6)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pyqtgraph.exporters  # noqa: E402,F401
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen, QTransform  # noqa: E402

from cgt_desktop.core.domain import ids  # noqa: E402
from cgt_desktop.core.timeline import data as td  # noqa: E402
from cgt_desktop.core.timeline import model as tm  # noqa: E402
from cgt_desktop.ui.timeline.items import (
    _HIGHLIGHT, _INK, CATEGORY_COLORS, TILDE, BarLayer, GridLayer, DayAxis, PointLayer, TimelineViewBox,
    _Swatch, category_color,
)

_USER = QColor("#1565c0")  # the colour the pages and lists give the user's own entries

__all__ = ["CATEGORY_COLORS", "TILDE", "BarLayer", "DayAxis", "PointLayer", "TimelinePlot",
           "TimelineViewBox", "category_color"]


def _t(text: str) -> str:
    return QCoreApplication.translate("TimelinePlot", text)


class TimelinePlot(pg.GraphicsLayoutWidget):
    """The plot: lanes top to bottom, days left to right, a legend underneath.

    Signals:
        mark_clicked(str): the event id of a clicked mark (or of the focused one, on Enter).
        mark_focused(str): the keyboard moved to this event's mark (Ctrl+←/→); "" when none is focused.
        mark_hovered(object): ``(event_id, global QPoint)`` under the mouse, or ``None``.
        region_changed(float, float, bool): the period region moved to ``[x0, x1)``; flag: drag finished.
        view_changed(float, float): the visible x range changed.
    """

    mark_clicked = Signal(str)
    mark_focused = Signal(str)
    mark_hovered = Signal(object)
    region_changed = Signal(float, float, bool)
    view_changed = Signal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view = TimelineViewBox()
        self.axis = DayAxis()
        self.plot_item = self.addPlot(row=0, col=0, viewBox=self.view, axisItems={"bottom": self.axis})
        for name in ("left", "bottom"):
            ax = self.plot_item.getAxis(name)
            ax.setPen(pg.mkPen(_INK))
            ax.setTextPen(pg.mkPen(_INK))
        self.grid = GridLayer(self.axis, alpha=0.15)  # not showGrid(): see GridLayer
        self.grid.setZValue(-10)
        self.plot_item.addItem(self.grid, ignoreBounds=True)
        self.plot_item.hideButtons()
        self.view.invertY(True)
        self.view.setMouseEnabled(x=True, y=False)
        lo, hi = tm.view_limits()
        self.view.setLimits(xMin=lo, xMax=hi, minXRange=tm.MIN_VIEW_DAYS, maxXRange=hi - lo)
        self.legend = pg.LegendItem(colCount=5, labelTextColor=_INK, labelTextSize="8pt")
        self.addItem(self.legend, row=1, col=0)
        self._data_items: list[pg.GraphicsObject] = []
        self._layout: td.ArrayLayout | None = None
        self._highlight = pg.ScatterPlotItem(symbol="o", size=17, pen=pg.mkPen(_HIGHLIGHT, width=2),
                                             brush=pg.mkBrush(None), pxMode=True)
        self._highlight.setZValue(20)
        self.plot_item.addItem(self._highlight)
        # The keyboard's mark (Ctrl+←/→ moves it, Enter opens it): a dashed square, apart from the rings.
        self._focus_item = pg.ScatterPlotItem(symbol="s", size=22, brush=pg.mkBrush(None), pxMode=True,
                                              pen=pg.mkPen(_INK, width=2, style=Qt.PenStyle.DashLine))
        self._focus_item.setZValue(21)
        self.plot_item.addItem(self._focus_item)
        self._focus: int | None = None  # position in _time_order of the focused mark
        self._time_order = None
        self.region = pg.LinearRegionItem(orientation="vertical", brush=pg.mkBrush(80, 130, 220, 45),
                                          pen=pg.mkPen(QColor(40, 90, 200), width=1), bounds=[lo, hi])
        self.region.setZValue(-5)
        self.region.hide()
        self.plot_item.addItem(self.region, ignoreBounds=True)
        self._setting_region = False
        self.region.sigRegionChanged.connect(lambda: self._on_region_moved(False))
        self.region.sigRegionChangeFinished.connect(lambda: self._on_region_moved(True))
        self.view.clicked.connect(self._on_view_clicked)
        self.view.hovered.connect(self._on_view_hovered)
        self.view.brushed.connect(self._on_view_brushed)
        self.view.sigXRangeChanged.connect(self._on_view_range_changed)
        self._build_legend({})
        self.reset_view()

    # -- data ------------------------------------------------------------------------------
    def set_layout(self, layout: td.ArrayLayout, category_labels: dict[str, str]) -> None:
        """Draw *layout*, replacing what was drawn; *category_labels* names the legend's colours.

        Works on the layout's arrays: one mask per (category, kind, approximate) group, never a
        Python object per mark.
        """
        for item in self._data_items:
            self.plot_item.removeItem(item)
        self._data_items = []
        self._layout = layout
        self._time_order = np.lexsort((layout.lane, layout.x0))  # marks by start, then lane: Ctrl+←/→
        self._set_focus(None)
        names = layout.columns.categories
        cat, kind, approximate = layout.cat, layout.kind, layout.approximate
        center = (layout.x0 + layout.x1) / 2
        bars = BarLayer()
        # spans (uncertainty: light fill) below periods (solid), exact outlines below dashed approximate ones
        for is_range, approx, c in sorted((k == td.KIND_RANGE, a, names[c]) for k in (td.KIND_SPAN, td.KIND_RANGE)
                                          for a in (False, True) for c in range(len(names))):
            c_index = names.index(c)
            sel = np.flatnonzero((cat == c_index) & (kind == (td.KIND_RANGE if is_range else td.KIND_SPAN))
                                 & (approximate == approx))
            if not len(sel):
                continue
            color = category_color(c)
            pen = QPen(color, 1.0, Qt.PenStyle.DashLine if approx else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            fill = QColor(color)
            fill.setAlpha(215 if is_range else 60)
            h = layout.height[sel]
            bars.add_group(layout.x0[sel], layout.x1[sel], layout.y[sel] - h / 2, layout.y[sel] + h / 2, pen,
                           QBrush(fill))
        bars.setZValue(1)
        self._add(bars)
        points = PointLayer()
        for c in sorted(names):
            sel = np.flatnonzero((cat == names.index(c)) & (kind == td.KIND_POINT))
            points.add_group(center[sel], layout.y[sel], "o", 9, pg.mkPen("w"), pg.mkBrush(category_color(c)))
        sel = np.flatnonzero(approximate)  # the "~" above every approximate mark, over the points
        points.add_group(center[sel], layout.y[sel] - np.maximum(layout.height[sel] / 2, 0.08), TILDE, 11,
                         pg.mkPen(None), pg.mkBrush(_INK))
        mine = layout.marks_of(self._user_positions(layout.columns))  # a diamond under the user's own events
        has_user = bool(len(mine))
        if has_user:
            points.add_group(center[mine], layout.y[mine] + np.maximum(layout.height[mine] / 2, 0.08) + 0.06, "d",
                             8, pg.mkPen("w"), pg.mkBrush(_USER))
        points.setZValue(5)
        self._add(points)
        self._set_lane_ticks(layout.lanes)
        cols = layout.columns
        present = {names[i] for i in np.unique(cat).tolist()} | {
            names[i] for i in np.unique(cols.cat[layout.undated]).tolist()}
        ordered = [c for c in category_labels if c in present] + sorted(present - set(category_labels))
        self._build_legend({c: category_labels.get(c, c) for c in ordered}, has_user)
        self.set_highlight(set())
        # Settle the new axis width and legend rows now, so the first paint is at the final scale
        # (otherwise the marks are drawn twice: once before and once after the layout catches up).
        self.ci.layout.activate()

    def _user_positions(self, columns: td.EventColumns):
        """The positions (in *columns*) of the user's own events, found once per columns object."""
        cached = getattr(self, "_user_cache", None)
        if cached is None or cached[0] is not columns:
            mark = "/" + ids.USER_MARK
            cached = (columns, np.fromiter((i for i, e in enumerate(columns.ids) if mark in e), np.int64))
            self._user_cache = cached
        return cached[1]

    def _add(self, item) -> None:
        self.plot_item.addItem(item)
        self._data_items.append(item)

    def _set_lane_ticks(self, lanes: list[tm.Lane], max_width: int = 300) -> None:
        """Label the lanes in both languages, eliding long names so that every label fits the axis."""
        axis = self.plot_item.getAxis("left")
        metrics = QFontMetrics(self.font())
        ticks = [(i, metrics.elidedText(f"{lane.label_en}  {lane.label_zh}".strip(), Qt.TextElideMode.ElideMiddle,
                                        max_width)) for i, lane in enumerate(lanes)]
        axis.setTicks([ticks, []])
        widest = max((metrics.horizontalAdvance(t) for _, t in ticks), default=40)
        axis.setWidth(widest + 30)
        self.view.setLimits(yMin=-0.75, yMax=max(1, len(lanes)) - 0.4)
        self.view.setYRange(-0.7, max(1, len(lanes)) - 0.45, padding=0)

    def scatter_items(self) -> list[PointLayer]:
        """Return the items drawing day-precise events (for tests and measurements)."""
        return [i for i in self._data_items if isinstance(i, PointLayer)]

    def legend_labels(self) -> list[str]:
        """The legend's texts, in order (for tests and the zh walk)."""
        return [label.text for _sample, label in self.legend.items]

    def point_positions(self) -> list[tuple[float, float]]:
        """Return the view ``(x, y)`` of every drawn day-precise event (one per exact-day mark)."""
        return [xy for item in self.scatter_items() for n, g in enumerate(item.groups) if g["symbol"] == "o"
                for xy in item.positions(n)]

    def bar_extents(self) -> list[tuple[float, float]]:
        """Return the ``(x0, x1)`` of every drawn bar (month/year spans and periods)."""
        return [e for i in self._data_items if isinstance(i, BarLayer) for e in i.extents()]

    def set_highlight(self, event_ids: set[str]) -> None:
        """Ring the marks of *event_ids*."""
        layout = self._layout
        if layout is None or not event_ids:
            self._highlight.setData(x=[], y=[])
            return
        sel = layout.marks_of(layout.columns.positions(event_ids))
        self._highlight.setData(x=(layout.x0[sel] + layout.x1[sel]) / 2, y=layout.y[sel])

    # -- legend ----------------------------------------------------------------------------
    def retranslate_legend(self) -> None:
        """Write the legend again in the interface's language (after a live language switch)."""
        self._build_legend(*self._legend_args)

    def _build_legend(self, categories: dict[str, str], has_user: bool = False) -> None:
        self._legend_args = (categories, has_user)
        self.legend.clear()

        def bar(color: QColor, alpha: int, style=Qt.PenStyle.SolidLine, h: float = 8):
            def paint(p):
                fill = QColor(color)
                fill.setAlpha(alpha)
                p.setPen(QPen(color, 1, style))
                p.setBrush(QBrush(fill))
                p.drawRect(QRectF(2, 9 - h / 2, 18, h))
            return paint

        def dot(p):
            p.setPen(QPen(QColor("white")))
            p.setBrush(QBrush(_INK))
            p.drawEllipse(QPointF(11, 9), 4.5, 4.5)

        def tilde(p):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(_INK))
            p.drawPath(QTransform().translate(11, 9).scale(11, 11).map(TILDE))

        def ring(p):
            p.setPen(QPen(_HIGHLIGHT, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(QPointF(11, 9), 7, 7)

        for key, label in categories.items():
            self.legend.addItem(_Swatch(bar(category_color(key), 255, h=10)), label)
        self.legend.addItem(_Swatch(dot), _t("exact day"))
        self.legend.addItem(_Swatch(bar(_INK, 50)), _t("month or year (any day in it)"))
        self.legend.addItem(_Swatch(bar(_INK, 215, h=4)), _t("period (from–to)"))
        self.legend.addItem(_Swatch(tilde), _t("~ approximate (computed from the text)"))
        if has_user:
            def diamond(p):
                p.setPen(QPen(QColor("white")))
                p.setBrush(QBrush(_USER))
                p.drawPolygon([QPointF(11, 4), QPointF(16, 9), QPointF(11, 14), QPointF(6, 9)])
            self.legend.addItem(_Swatch(diamond), _t("your own entry"))
        self.legend.addItem(_Swatch(bar(_INK, 0, Qt.PenStyle.DashLine)), _t("approximate span"))
        self.legend.addItem(_Swatch(ring), _t("linked to the selection"))
        self._fit_legend()

    def _fit_legend(self) -> None:
        """Use as many legend columns as fit the widget's width (the legend must not widen the plot)."""
        widths = [sample.width() + label.item.boundingRect().width() + 12 for sample, label in self.legend.items]
        if not widths:
            return
        available = max(100, self.width() - 30)
        columns = 1
        for n in range(len(widths), 0, -1):
            total = sum(max(widths[c::n]) for c in range(n))
            if total <= available:
                columns = n
                break
        self.legend.setColumnCount(columns)

    def resizeEvent(self, ev):  # noqa: N802
        super().resizeEvent(ev)
        if getattr(self, "legend", None) is not None:  # pyqtgraph resizes during its own __init__
            self._fit_legend()

    # -- view ------------------------------------------------------------------------------
    def reset_view(self) -> None:
        """Show the default years."""
        self.view.setXRange(*tm.default_view(), padding=0)

    def x_range(self) -> tuple[float, float]:
        (x0, x1), _ = self.view.viewRange()
        return x0, x1

    def pan(self, fraction: float) -> None:
        """Move the view by *fraction* of its width (negative: back in time)."""
        x0, x1 = self.x_range()
        d = (x1 - x0) * fraction
        self.view.setXRange(x0 + d, x1 + d, padding=0)

    def zoom(self, factor: float) -> None:
        """Scale the visible span by *factor* (< 1 zooms in) about its centre."""
        x0, x1 = self.x_range()
        c, half = (x0 + x1) / 2, (x1 - x0) * factor / 2
        self.view.setXRange(c - half, c + half, padding=0)

    # -- keyboard focus on a mark -----------------------------------------------------------
    def focused_event(self) -> str | None:
        """The event id of the mark the keyboard is on, if any."""
        layout = self._layout
        if layout is None or self._focus is None or self._time_order is None:
            return None
        return layout.columns.ids[int(layout.ev[self._time_order[self._focus]])]

    def focus_step(self, step: int) -> str | None:
        """Move the keyboard's mark to the next (``+1``) or previous (``-1``) mark in time; return its event.

        From no focus, start at the first mark in view (or the last, going back). The view pans to keep
        the focused mark in sight.
        """
        layout, order = self._layout, self._time_order
        if layout is None or order is None or len(order) == 0:
            return None
        if self._focus is None:
            x0, x1 = self.x_range()
            starts = layout.x0[order]
            index = int(np.searchsorted(starts, x0)) if step > 0 else int(np.searchsorted(starts, x1)) - 1
        else:
            index = self._focus + step
        self._set_focus(min(max(index, 0), len(order) - 1))
        return self.focused_event()

    def _set_focus(self, index: int | None) -> None:
        self._focus = index
        layout = self._layout
        if index is None or layout is None or self._time_order is None:
            self._focus_item.setData(x=[], y=[])
            self.mark_focused.emit("")
            return
        mark = int(self._time_order[index])
        x = float(layout.x0[mark] + layout.x1[mark]) / 2
        self._focus_item.setData(x=[x], y=[float(layout.y[mark])])
        x0, x1 = self.x_range()
        if not x0 <= x <= x1:  # keep the span, centre the mark
            half = (x1 - x0) / 2
            self.view.setXRange(x - half, x + half, padding=0)
        self.mark_focused.emit(self.focused_event() or "")

    def keyPressEvent(self, ev):  # noqa: N802
        key = ev.key()
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.focus_step(-1 if key == Qt.Key.Key_Left else 1)
            ev.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event_id = self.focused_event() or self.focus_step(1)
            if event_id:
                self.mark_clicked.emit(event_id)
            ev.accept()
            return
        if key == Qt.Key.Key_Escape and self._focus is not None:
            self._set_focus(None)
            ev.accept()
            return
        actions = {Qt.Key.Key_Left: lambda: self.pan(-0.1), Qt.Key.Key_Right: lambda: self.pan(0.1),
                   Qt.Key.Key_Plus: lambda: self.zoom(0.8), Qt.Key.Key_Equal: lambda: self.zoom(0.8),
                   Qt.Key.Key_Up: lambda: self.zoom(0.8), Qt.Key.Key_Minus: lambda: self.zoom(1.25),
                   Qt.Key.Key_Down: lambda: self.zoom(1.25), Qt.Key.Key_Home: self.reset_view,
                   Qt.Key.Key_0: self.reset_view}
        if key in actions:
            actions[key]()
            ev.accept()
        else:
            super().keyPressEvent(ev)

    # -- region ----------------------------------------------------------------------------
    def set_region(self, extent: tuple[float, float] | None) -> None:
        """Show the period region over ``[x0, x1)``, or hide it; emits nothing."""
        self._setting_region = True
        try:
            if extent is None:
                self.region.hide()
            else:
                self.region.setRegion(extent)
                self.region.show()
        finally:
            self._setting_region = False

    def _on_region_moved(self, finished: bool) -> None:
        if not self._setting_region and self.region.isVisible():
            x0, x1 = self.region.getRegion()
            self.region_changed.emit(x0, x1, finished)

    def _on_view_brushed(self, x0: float, x1: float, finished: bool) -> None:
        if x1 - x0 < 1:
            return
        self.set_region((x0, x1))
        self.region_changed.emit(x0, x1, finished)

    # -- pointer ---------------------------------------------------------------------------
    def mark_at(self, x: float, y: float) -> tm.Mark | None:
        """Return the mark at view ``(x, y)``, with a few pixels of slack."""
        if self._layout is None:
            return None
        px, py = self.view.viewPixelSize()
        return self._layout.hit(x, y, tol_x=6 * px, tol_y=6 * py)

    def _on_view_clicked(self, x: float, y: float) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        mark = self.mark_at(x, y)
        if mark is not None:
            self.mark_clicked.emit(mark.event_id)

    def _on_view_hovered(self, pos) -> None:
        mark = self.mark_at(pos.x(), pos.y()) if pos is not None else None
        if mark is None:
            self.mark_hovered.emit(None)
            return
        scene = self.view.mapViewToScene(QPointF(mark.center, mark.y))
        self.mark_hovered.emit((mark.event_id, self.mapToGlobal(self.mapFromScene(scene))))

    def _on_view_range_changed(self, *_args) -> None:
        self.view_changed.emit(*self.x_range())

    def scene_pos_of(self, event_id: str) -> QPoint | None:
        """Return the widget position of *event_id*'s first mark (for tests and keyboard users)."""
        layout = self._layout
        if layout is None:
            return None
        found = layout.marks_of(layout.columns.positions([event_id]))
        if not len(found):
            return None
        m = layout.mark(int(found[0]))
        return self.mapFromScene(self.view.mapViewToScene(QPointF(m.center, m.y)))

    # -- export ----------------------------------------------------------------------------
    def export_png(self, path, width: int = 1600) -> None:
        """Write the plot and legend as a PNG *width* pixels wide."""
        exporter = pg.exporters.ImageExporter(self.ci)
        exporter.parameters()["width"] = int(width)
        image = exporter.export(toBytes=True)  # the format is PNG whatever the file is called (a temp name)
        if image is None or image.isNull() or not image.save(str(path), "PNG"):
            raise OSError(f"cannot write the image {path}")

    def export_svg(self, path) -> None:
        """Write the plot and legend as SVG (vector marks and text).

        pyqtgraph's own SVGExporter cannot parse the closed paths Qt 6.12 writes ("Z"), so the
        scene is rendered through :class:`QSvgGenerator` with the items in export mode.
        """
        from PySide6.QtSvg import QSvgGenerator

        source = self.ci.sceneBoundingRect()
        target = QRectF(0, 0, source.width(), source.height())
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(target.size().toSize())
        generator.setViewBox(target)
        generator.setTitle("cgt-desktop timeline")
        painter = QPainter(generator)
        items = [i for i in self.scene().items() if hasattr(i, "setExportMode")]
        try:
            for item in items:
                item.setExportMode(True, {"antialias": True, "background": None, "painter": painter})
            painter.fillRect(target, QColor("white"))
            self.scene().render(painter, target, source)
        finally:
            painter.end()
            for item in items:
                item.setExportMode(False)
