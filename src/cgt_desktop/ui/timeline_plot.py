"""The timeline's pyqtgraph widget: a day-based date axis, lanes, marks, a period region, export.

Imported only when the timeline panel is first built (pyqtgraph and numpy are
heavy). Marks are drawn as a handful of items whatever the number of events:
one :class:`~pyqtgraph.ScatterPlotItem` per category for day-precise events,
one :class:`BarLayer` for all month/year spans and periods for month/year
spans and for periods, one scatter for the "~" of approximate dates and one
for highlight rings. Never one item per event.
"""

from __future__ import annotations

import os
from datetime import date

import PySide6  # noqa: F401  (pyqtgraph must bind to PySide6)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pyqtgraph.exporters  # noqa: E402,F401
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QImage, QPainter, QPainterPath, QPen, QTransform  # noqa: E402

from ..core import timeline_model as tm  # noqa: E402

_EPOCH = date(1970, 1, 1).toordinal()
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Colour-blind-safe (Okabe–Ito) colours per category; unknown categories cycle through the rest.
CATEGORY_COLORS = {"policy": "#0072B2", "regulatory": "#D55E00", "clinical": "#009E73",
                   "industry": "#E69F00", "academic": "#CC79A7", "career": "#56B4E9"}
_SPARE = ("#999999", "#F0E442", "#000000", "#882255")
_INK = QColor("#333333")
_HIGHLIGHT = QColor("#ff1f5b")


def category_color(category: str) -> QColor:
    """Return the colour of *category* (stable for unknown ones)."""
    if category in CATEGORY_COLORS:
        return QColor(CATEGORY_COLORS[category])
    return QColor(_SPARE[sum(map(ord, category)) % len(_SPARE)])


def _tilde_symbol() -> QPainterPath:
    """A "~" drawn as a wave, centred on the origin in a unit box (pyqtgraph symbol units)."""
    path = QPainterPath(QPointF(-0.5, 0.1))
    path.cubicTo(QPointF(-0.3, -0.35), QPointF(-0.1, -0.2), QPointF(0.0, 0.0))
    path.cubicTo(QPointF(0.1, 0.2), QPointF(0.3, 0.35), QPointF(0.5, -0.1))
    stroke = QPainterPath(path)
    back = QPainterPath(QPointF(0.5, 0.05))
    back.cubicTo(QPointF(0.3, 0.5), QPointF(0.1, 0.35), QPointF(0.0, 0.15))
    back.cubicTo(QPointF(-0.1, -0.05), QPointF(-0.3, -0.2), QPointF(-0.5, 0.25))
    stroke.connectPath(back)
    return stroke


TILDE = _tilde_symbol()


class DayAxis(pg.AxisItem):
    """Bottom axis over day numbers: year ticks, and month ticks once they fit."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        self._px_per_day = 0.0
        self._year_step = 1
        self.enableAutoSIPrefix(False)
        self.setStyle(hideOverlappingLabels=False)

    def boundingRect(self):  # noqa: N802 - let the first and last year labels overhang the ends
        return super().boundingRect().adjusted(-24, 0, 24, 0)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 (Qt naming)
        if maxVal <= minVal or size <= 0:
            return []
        self._px_per_day = size / (maxVal - minVal)
        y0 = max(tm.LIMIT_YEARS[0] - 1, date.fromordinal(max(1, int(minVal) + _EPOCH)).year)
        y1 = min(tm.LIMIT_YEARS[1] + 1, date.fromordinal(max(1, int(maxVal) + _EPOCH)).year + 1)
        px_year = self._px_per_day * 365.25
        step = next((s for s in (1, 2, 5, 10) if px_year * s >= 36), 10)
        self._year_step = step
        years = [tm.year_start(y) for y in range(y0 - y0 % step, y1 + 1, step)]
        levels = [(365.25 * step, [v for v in years if minVal <= v <= maxVal])]
        if step > 1 and px_year >= 4:
            every = [tm.year_start(y) for y in range(y0, y1 + 1) if y % step]
            levels.append((365.25, [v for v in every if minVal <= v <= maxVal]))
        if step == 1 and px_year >= 60:
            months_per_tick = 1 if px_year >= 12 * 28 else 3
            minor = [date(y, m, 1).toordinal() - _EPOCH for y in range(y0, y1 + 1)
                     for m in range(1 + months_per_tick, 13, months_per_tick)]
            levels.append((30.0 * months_per_tick, [v for v in minor if minVal <= v <= maxVal]))
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (Qt naming)
        out = []
        for v in values:
            d = date.fromordinal(int(round(v)) + _EPOCH)
            if d.month == 1 and d.day == 1:
                out.append(str(d.year) if d.year % self._year_step == 0 else "")
            elif self._px_per_day * 30 * (1 if spacing < 60 else 3) >= 34:
                out.append(_MONTHS[d.month - 1])
            else:
                out.append("")
        return out


class _PanCache:
    """Mixin for view items: paint through an image three view-widths wide, reused while panning.

    Panning only shifts the view, so while the scale, the vertical mapping and the device pixel
    ratio stay the same and the view stays inside the cached span, a frame is one image blit
    whatever the number of marks. Exports (``_exportOpts`` set) bypass the cache.
    """

    _pan_cache: tuple[tuple, float, float, QImage] | None = None  # key, data x0, data x1, image

    def _paint_cached(self, p: QPainter, render) -> None:
        """Blit the cached image, first calling ``render(painter, lo, hi)`` into a new one if needed."""
        t = p.transform()
        view = self.viewRect()
        sx, sy, tx, ty = t.m11(), t.m22(), t.dx(), t.dy()
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        top = min(view.top() * sy + ty, view.bottom() * sy + ty)
        height = abs(view.height() * sy)
        key = (round(sx, 12), round(sy, 9), round(ty - top, 3), round(height), dpr)
        cache = self._pan_cache
        if cache is None or cache[0] != key or view.left() < cache[1] or view.right() > cache[2]:
            lo, hi = view.left() - view.width(), view.right() + view.width()
            image = QImage(max(1, int(((hi - lo) * sx + 2) * dpr)), max(1, int((height + 2) * dpr)),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(dpr)
            image.fill(0)
            painter = QPainter(image)
            painter.setTransform(QTransform(sx, 0, 0, sy, -lo * sx, ty - top))
            render(painter, lo, hi)
            painter.end()
            cache = self._pan_cache = (key, lo, hi, image)
        p.save()
        p.resetTransform()
        p.drawImage(QPointF(round(cache[1] * sx + tx), round(top)), cache[3])
        p.restore()


class BarLayer(_PanCache, pg.GraphicsObject):
    """All the timeline's bars (groups sharing a pen and brush), drawn in pixels and cached while panning.

    ``BarGraphItem`` repaints every rectangle through the view's scaling transform each frame
    (~250 ms for 40 000 bars here). This item maps the bars to pixels with numpy and draws them
    untransformed, each at least one pixel wide.
    """

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[tuple[dict[str, np.ndarray], QPen, QBrush]] = []
        self._rects = pg.Qt.internals.PrimitiveArray(QRectF, 4)
        self._bounds = QRectF()

    def add_group(self, x0, x1, y0, y1, pen: QPen, brush: QBrush) -> None:
        """Add bars ``[x0, x1) × [y0, y1]`` (arrays) drawn with *pen* and *brush*, above earlier groups."""
        data = {"x0": np.asarray(x0, float), "x1": np.asarray(x1, float),
                "y0": np.asarray(y0, float), "y1": np.asarray(y1, float)}
        if not len(data["x0"]):
            return
        self.prepareGeometryChange()
        self.groups.append((data, pen, brush))
        rect = QRectF(QPointF(data["x0"].min(), data["y0"].min()), QPointF(data["x1"].max(), data["y1"].max()))
        self._bounds = rect if self._bounds.isNull() else self._bounds.united(rect)
        self._pan_cache = None
        self.update()

    def extents(self) -> list[tuple[float, float]]:
        """Return every bar's ``(x0, x1)``."""
        return [(a, b) for data, _, _ in self.groups for a, b in zip(data["x0"].tolist(), data["x1"].tolist())]

    def boundingRect(self):  # noqa: N802
        return self._bounds

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N802
        if self._bounds.isNull():
            return None, None
        return (self._bounds.left(), self._bounds.right()) if ax == 0 else (self._bounds.top(), self._bounds.bottom())

    def _render(self, p: QPainter, lo: float, hi: float) -> None:
        """Draw the bars overlapping data x ``[lo, hi]`` in device pixels of *p*'s current transform."""
        t = p.transform()
        sx, sy, tx, ty = t.m11(), t.m22(), t.dx(), t.dy()
        p.save()
        p.resetTransform()
        for o, pen, brush in self.groups:
            keep = (o["x1"] >= lo) & (o["x0"] <= hi)
            if not keep.any():
                continue
            a, b = o["x0"][keep] * sx + tx, o["x1"][keep] * sx + tx
            c, d = o["y0"][keep] * sy + ty, o["y1"][keep] * sy + ty
            self._rects.resize(len(a))
            rects = self._rects.ndarray()
            rects[:, 0] = np.floor(np.minimum(a, b))
            rects[:, 1] = np.floor(np.minimum(c, d))
            rects[:, 2] = np.maximum(np.abs(b - a), 1.0)
            rects[:, 3] = np.maximum(np.abs(d - c), 1.0)
            p.setPen(pen)
            p.setBrush(brush)
            p.drawRects(*self._rects.drawargs())
        p.restore()

    def paint(self, p, *args):
        if not self.groups:
            return
        if self._exportOpts is not False:
            view = self.viewRect()
            self._render(p, view.left(), view.right())
        else:
            self._paint_cached(p, self._render)


class CachedScatter(_PanCache, pg.ScatterPlotItem):
    """A ScatterPlotItem (clicks, spots, data as usual) whose drawing is cached while panning."""

    _render_view: QRectF | None = None

    def viewRect(self):  # noqa: N802 - widened while filling the cache, so spots beyond the view are drawn
        return self._render_view if self._render_view is not None else super().viewRect()

    def invalidate(self):
        self._pan_cache = None
        super().invalidate()

    def paint(self, p, option, widget):
        if self._exportOpts is not False:
            super().paint(p, option, widget)
            return

        def render(painter: QPainter, lo: float, hi: float) -> None:
            view = super(CachedScatter, self).viewRect()
            self._render_view = QRectF(lo, view.top(), hi - lo, view.height())
            try:
                pg.ScatterPlotItem.paint(self, painter, option, widget)
            finally:
                self._render_view = None

        self._paint_cached(p, render)


class TimelineViewBox(pg.ViewBox):
    """A ViewBox that reports clicks and hovers in view coordinates and brushes with Shift+drag.

    Signals:
        clicked(float, float): a left click at view ``(x, y)``.
        hovered(object): view ``QPointF`` under the mouse, or ``None`` when it leaves.
        brushed(float, float, bool): a brushing drag from x0 to x1; the flag is True when it ends.
    """

    clicked = Signal(float, float)
    hovered = Signal(object)
    brushed = Signal(float, float, bool)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.brush_mode = False

    def mouseClickEvent(self, ev):  # noqa: N802
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            p = self.mapSceneToView(ev.scenePos())
            self.clicked.emit(p.x(), p.y())
        else:
            super().mouseClickEvent(ev)

    def hoverEvent(self, ev):  # noqa: N802
        if ev.isExit():
            self.hovered.emit(None)
        else:
            self.hovered.emit(self.mapSceneToView(ev.scenePos()))

    def mouseDragEvent(self, ev, axis=None):  # noqa: N802
        shift = bool(ev.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if ev.button() == Qt.MouseButton.LeftButton and (shift or self.brush_mode) and axis is None:
            ev.accept()
            a = self.mapSceneToView(ev.buttonDownScenePos()).x()
            b = self.mapSceneToView(ev.scenePos()).x()
            self.brushed.emit(min(a, b), max(a, b), ev.isFinish())
        else:
            super().mouseDragEvent(ev, axis)


class _Swatch(pg.ItemSample):
    """A legend sample painted by a function (bars, rings, "~"), not toggling anything on click."""

    def __init__(self, paint) -> None:
        pg.GraphicsWidget.__init__(self)
        self.item = None
        self._paint = paint
        self.setFixedWidth(22)
        self.setFixedHeight(18)

    def paint(self, p, *args):
        p.setRenderHint(p.RenderHint.Antialiasing)
        self._paint(p)

    def mouseClickEvent(self, event):  # noqa: N802
        event.ignore()


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelinePlot", text)


class TimelinePlot(pg.GraphicsLayoutWidget):
    """The plot: lanes top to bottom, days left to right, a legend underneath.

    Signals:
        mark_clicked(str): the event id of a clicked mark.
        mark_hovered(object): ``(event_id, global QPoint)`` under the mouse, or ``None``.
        region_changed(float, float, bool): the period region moved to ``[x0, x1)``; flag: drag finished.
        view_changed(float, float): the visible x range changed.
    """

    mark_clicked = Signal(str)
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
        self.plot_item.showGrid(x=True, y=False, alpha=0.15)
        self.plot_item.hideButtons()
        self.view.invertY(True)
        self.view.setMouseEnabled(x=True, y=False)
        lo, hi = tm.view_limits()
        self.view.setLimits(xMin=lo, xMax=hi, minXRange=tm.MIN_VIEW_DAYS, maxXRange=hi - lo)
        self.legend = pg.LegendItem(colCount=5, labelTextColor=_INK, labelTextSize="8pt")
        self.addItem(self.legend, row=1, col=0)
        self._data_items: list[pg.GraphicsObject] = []
        self._layout: tm.TimelineLayout | None = None
        self._highlight = pg.ScatterPlotItem(symbol="o", size=17, pen=pg.mkPen(_HIGHLIGHT, width=2),
                                             brush=pg.mkBrush(None), pxMode=True)
        self._highlight.setZValue(20)
        self.plot_item.addItem(self._highlight)
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
    def set_layout(self, layout: tm.TimelineLayout, category_labels: dict[str, str]) -> None:
        """Draw *layout*, replacing what was drawn; *category_labels* names the legend's colours."""
        for item in self._data_items:
            self.plot_item.removeItem(item)
        self._data_items = []
        self._layout = layout
        groups: dict[tuple[str, str, bool], list[tm.Mark]] = {}
        for mark in layout.marks:
            groups.setdefault((mark.category, mark.kind, mark.approximate), []).append(mark)
        points: dict[str, list[tm.Mark]] = {}
        bars = BarLayer()
        # spans (uncertainty: light fill) below periods (solid), exact outlines below dashed approximate ones
        order = sorted(groups.items(), key=lambda kv: (kv[0][1] == tm.RANGE, kv[0][2], kv[0][0]))
        for (category, kind, approx), marks in order:
            color = category_color(category)
            if kind == tm.POINT:
                points.setdefault(category, []).extend(marks)
                continue
            x0 = np.fromiter((m.x0 for m in marks), float, len(marks))
            x1 = np.fromiter((m.x1 for m in marks), float, len(marks))
            yc = np.fromiter((m.y for m in marks), float, len(marks))
            h = np.fromiter((m.height for m in marks), float, len(marks))
            pen = QPen(color, 1.0, Qt.PenStyle.DashLine if approx else Qt.PenStyle.SolidLine)
            pen.setCosmetic(True)
            fill = QColor(color)
            fill.setAlpha(215 if kind == tm.RANGE else 60)
            bars.add_group(x0, x1, yc - h / 2, yc + h / 2, pen, QBrush(fill))
        bars.setZValue(1)
        self._add(bars)
        for category, marks in sorted(points.items()):
            xs = np.fromiter((m.center for m in marks), float, len(marks))
            ys = np.fromiter((m.y for m in marks), float, len(marks))
            item = CachedScatter(x=xs, y=ys, data=[m.event_id for m in marks], symbol="o", size=9,
                                      pen=pg.mkPen("w"), brush=pg.mkBrush(category_color(category)),
                                      pxMode=True)
            item.setZValue(5)
            item.sigClicked.connect(self._on_scatter_clicked)
            self._add(item)
        approx = [m for m in layout.marks if m.approximate]
        if approx:
            xs = np.fromiter((m.center for m in approx), float, len(approx))
            ys = np.fromiter((m.y - max(m.height / 2, 0.08) for m in approx), float, len(approx))
            item = CachedScatter(x=xs, y=ys, symbol=TILDE, size=11, pen=pg.mkPen(None),
                                      brush=pg.mkBrush(_INK), pxMode=True)
            item.setZValue(6)
            self._add(item)
        self._set_lane_ticks(layout.lanes)
        present = {m.category for m in layout.marks} | {e.category for e in layout.undated}
        ordered = [c for c in category_labels if c in present] + sorted(present - set(category_labels))
        self._build_legend({c: category_labels.get(c, c) for c in ordered})
        self.set_highlight(set())

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

    def scatter_items(self) -> list[pg.ScatterPlotItem]:
        """Return the scatter items drawing day-precise events (for tests and measurements)."""
        return [i for i in self._data_items if isinstance(i, pg.ScatterPlotItem) and i.opts["symbol"] == "o"]

    def bar_extents(self) -> list[tuple[float, float]]:
        """Return the ``(x0, x1)`` of every drawn bar (month/year spans and periods)."""
        return [e for i in self._data_items if isinstance(i, BarLayer) for e in i.extents()]

    def set_highlight(self, event_ids: set[str]) -> None:
        """Ring the marks of *event_ids*."""
        marks = [m for m in (self._layout.marks if self._layout else []) if m.event_id in event_ids]
        self._highlight.setData(x=[m.center for m in marks], y=[m.y for m in marks])

    # -- legend ----------------------------------------------------------------------------
    def _build_legend(self, categories: dict[str, str]) -> None:
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
        self.legend.addItem(_Swatch(dot), _tr("exact day"))
        self.legend.addItem(_Swatch(bar(_INK, 50)), _tr("month or year (any day in it)"))
        self.legend.addItem(_Swatch(bar(_INK, 215, h=4)), _tr("period (from–to)"))
        self.legend.addItem(_Swatch(tilde), _tr("~ approximate (computed from the text)"))
        self.legend.addItem(_Swatch(bar(_INK, 0, Qt.PenStyle.DashLine)), _tr("approximate span"))
        self.legend.addItem(_Swatch(ring), _tr("linked to the selection"))
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

    def keyPressEvent(self, ev):  # noqa: N802
        key = ev.key()
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

    def _on_scatter_clicked(self, _item, points, _ev) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if len(points):
            self.mark_clicked.emit(str(points[0].data()))

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
        for m in self._layout.marks if self._layout else []:
            if m.event_id == event_id:
                return self.mapFromScene(self.view.mapViewToScene(QPointF(m.center, m.y)))
        return None

    # -- export ----------------------------------------------------------------------------
    def export_png(self, path, width: int = 1600) -> None:
        """Write the plot and legend as a PNG *width* pixels wide."""
        exporter = pg.exporters.ImageExporter(self.ci)
        exporter.parameters()["width"] = int(width)
        exporter.export(str(path))

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
