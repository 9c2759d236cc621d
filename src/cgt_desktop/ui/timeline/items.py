"""The timeline's pyqtgraph items: the day-based date axis, cached bar and scatter layers, the view box.

Imported with :mod:`cgt_desktop.ui.timeline.plot`, only when the timeline panel is
first built (pyqtgraph and numpy are heavy).
"""

from __future__ import annotations

import os
from datetime import date

import PySide6  # noqa: F401  (pyqtgraph must bind to PySide6)

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPointF, QRectF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QTransform  # noqa: E402

from cgt_desktop.core.timeline import model as tm  # noqa: E402


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
    return QColor(_SPARE[sum(map(ord, category or "")) % len(_SPARE)])


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


class GridLayer(pg.GraphicsObject):
    """The vertical grid at the bottom axis's ticks, drawn as plain lines under the marks.

    pyqtgraph's own grid (``showGrid``) is recorded by the axis item into a picture spanning the whole
    plot and replayed at every frame: ~7 ms of a 10–13 ms pan frame at 100 000 events. These are the
    same lines (the axis's tick levels, ink at ``alpha`` for the first level with pyqtgraph's fading
    for the finer ones, one pixel, no antialiasing), drawn directly: well under a millisecond.
    """

    def __init__(self, axis: DayAxis, alpha: float = 0.15) -> None:
        super().__init__()
        self.axis = axis
        self.grid = int(round(alpha * 255))

    def levels(self, lo: float, hi: float, px_per_day: float) -> list[tuple[int, list]]:
        """Return ``(alpha, day values in [lo, hi])`` per tick level, as pyqtgraph's grid would draw them.

        The alpha of a level follows ``AxisItem.generateDrawSpecs``: ``255 / (level + 1)``, times the
        grid's alpha, times ``clip(0.05 * axis length / (ticks + 1), 0, 1)``.
        """
        length = (hi - lo) * px_per_day
        return [(int(255 / (i + 1) * self.grid / 255 * min(1.0, max(0.0, 0.05 * length / (len(values) + 1)))), values)
                for i, (_spacing, values) in enumerate(self.axis.tickValues(lo, hi, length))]

    def viewTransformChanged(self):  # noqa: N802 - pyqtgraph hook: the bounding rect follows the view
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def boundingRect(self):  # noqa: N802
        rect = self.viewRect()
        return QRectF() if rect is None else rect

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N802
        return None, None

    def paint(self, p, *args):
        view = self.viewRect()
        if view is None or view.width() <= 0:
            return
        t = p.transform()
        sx, tx = t.m11(), t.dx()
        top, bottom = sorted((view.top() * t.m22() + t.dy(), view.bottom() * t.m22() + t.dy()))
        p.save()
        p.resetTransform()  # device pixels: one-pixel lines in the image as on screen (and in exports)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for alpha, values in self.levels(view.left(), view.right(), abs(sx)):
            color = QColor(_INK)
            color.setAlpha(alpha)
            pen = QPen(color)
            pen.setCosmetic(True)
            p.setPen(pen)
            for v in values:
                x = v * sx + tx
                p.drawLine(QPointF(x, top), QPointF(x, bottom))
        p.restore()


class _DataBounds:
    """Mixin for view items whose marks fill ``self._bounds`` (view coordinates): pyqtgraph's bounds and auto-range."""

    _bounds: QRectF

    def boundingRect(self):  # noqa: N802
        return self._bounds

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N802
        if self._bounds.isNull():
            return None, None
        return (self._bounds.left(), self._bounds.right()) if ax == 0 else (self._bounds.top(), self._bounds.bottom())


class BarLayer(_DataBounds, _PanCache, pg.GraphicsObject):
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

    def _render(self, p: QPainter, lo: float, hi: float, merge: bool = False) -> None:
        """Draw the bars overlapping data x ``[lo, hi]`` in device pixels of *p*'s current transform.

        With *merge* (the on-screen cache), bars are clipped to the image and bars of a group that
        land on exactly the same pixels are drawn once, with the fill's opacity of that many
        translucent layers (same colour: the order of the layers does not matter) and the outline
        once (it is opaque). Zoomed out, 100 000 events make ~5x fewer rectangles to draw.
        """
        t = p.transform()
        sx, sy, tx, ty = t.m11(), t.m22(), t.dx(), t.dy()
        device = p.device()
        right = device.width() / device.devicePixelRatioF() + 2 if merge and device is not None else None
        p.save()
        p.resetTransform()
        for o, pen, brush in self.groups:
            keep = (o["x1"] >= lo) & (o["x0"] <= hi)
            if not keep.any():
                continue
            a, b = o["x0"][keep] * sx + tx, o["x1"][keep] * sx + tx
            c, d = o["y0"][keep] * sy + ty, o["y1"][keep] * sy + ty
            x, y = np.floor(np.minimum(a, b)), np.floor(np.minimum(c, d))
            w, h = np.maximum(np.abs(b - a), 1.0), np.maximum(np.abs(d - c), 1.0)
            p.setPen(pen)
            if right is None or len(x) < 64:
                self._draw(p, brush, x, y, w, h)
                continue
            end = np.minimum(x + w, right)  # beyond the image, edges are not seen: clip, then merge
            x = np.maximum(x, -2.0)
            w = np.maximum(end - x, 1.0)
            order = np.lexsort((h, w, y, x))
            cols = np.stack((x[order], y[order], w[order], h[order]), axis=1)
            first = np.concatenate(([True], np.any(cols[1:] != cols[:-1], axis=1)))
            starts = np.flatnonzero(first)
            layers = np.diff(np.append(starts, len(order)))
            keep_order = np.argsort(order[starts], kind="stable")  # first drawn first, as before
            starts, layers = starts[keep_order], layers[keep_order]
            alpha = brush.color().alphaF()
            opacity = np.rint(255 * (1 - (1 - alpha) ** layers)).astype(int)
            for value in np.unique(opacity).tolist():
                pick = order[starts[opacity == value]]
                color = QColor(brush.color())
                color.setAlpha(value)
                self._draw(p, QBrush(color), x[pick], y[pick], w[pick], h[pick])
        p.restore()

    def _draw(self, p: QPainter, brush: QBrush, x, y, w, h) -> None:
        self._rects.resize(len(x))
        rects = self._rects.ndarray()
        rects[:, 0], rects[:, 1], rects[:, 2], rects[:, 3] = x, y, w, h
        p.setBrush(brush)
        p.drawRects(*self._rects.drawargs())

    def paint(self, p, *args):
        if not self.groups:
            return
        if self._exportOpts is not False:
            view = self.viewRect()
            self._render(p, view.left(), view.right())
        else:
            self._paint_cached(p, lambda painter, lo, hi: self._render(painter, lo, hi, merge=True))


class PointLayer(_DataBounds, _PanCache, pg.GraphicsObject):
    """Symbols of a fixed pixel size (day-precise events, the "~" of approximate dates), cached while panning.

    One item for every group of points, drawn in the order added. On screen each group is one
    ``drawPixmapFragments`` call with a symbol pre-rendered by pyqtgraph (as ``ScatterPlotItem``
    draws spots, pixel for pixel the same) but without a Python record per spot (building a
    ``ScatterPlotItem`` of 45 000 spots took ~0.25 s); exports draw every symbol as vector paths.
    Clicks and hovers are answered by the layout's hit test, not by this item.
    """

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[dict] = []
        self._frags = pg.Qt.internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._bounds = QRectF()
        self._pixmaps: dict[tuple[int, float], object] = {}

    def add_group(self, x, y, symbol, size: float, pen: QPen, brush: QBrush) -> None:
        """Add symbols centred on ``(x, y)`` (arrays, view coordinates), above the earlier groups."""
        x, y = np.asarray(x, float), np.asarray(y, float)
        if not len(x):
            return
        self.prepareGeometryChange()
        self.groups.append({"x": x, "y": y, "symbol": symbol, "size": float(size), "pen": pen, "brush": brush})
        rect = QRectF(QPointF(x.min(), y.min()), QPointF(x.max(), y.max()))
        self._bounds = rect if self._bounds.isNull() else self._bounds.united(rect)
        self._pan_cache = None
        self._pixmaps.clear()
        self.update()

    def positions(self, group: int | None = None) -> list[tuple[float, float]]:
        """Return the ``(x, y)`` of every symbol (of one group when *group* is given)."""
        groups = self.groups if group is None else [self.groups[group]]
        return [xy for g in groups for xy in zip(g["x"].tolist(), g["y"].tolist())]

    def _pixmap(self, n: int, dpr: float):
        key = (n, dpr)
        if key not in self._pixmaps:
            from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol

            g = self.groups[n]
            image = renderSymbol(g["symbol"], g["size"], g["pen"], g["brush"], dpr=dpr)
            self._pixmaps[key] = QPixmap.fromImage(image)
        return self._pixmaps[key]

    def _render(self, p: QPainter, lo: float, hi: float) -> None:
        """Draw the symbols near data x ``[lo, hi]`` from pre-rendered pixmaps, in device pixels."""
        t = p.transform()
        sx, sy, tx, ty = t.m11(), t.m22(), t.dx(), t.dy()
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        p.save()
        p.resetTransform()
        for n, g in enumerate(self.groups):
            margin = (g["size"] + 2) / max(abs(sx), 1e-12)
            keep = np.flatnonzero((g["x"] >= lo - margin) & (g["x"] <= hi + margin))
            if not len(keep):
                continue
            px, py = g["x"][keep] * sx + tx, g["y"][keep] * sy + ty
            pixmap = self._pixmap(n, dpr)
            self._frags.resize(len(keep))
            frags = self._frags.ndarray()
            frags[:, 0], frags[:, 1] = px, py
            frags[:, 2:6] = [0, 0, pixmap.width(), pixmap.height()]
            frags[:, 6:10] = [1 / dpr, 1 / dpr, 0.0, 1.0]
            p.drawPixmapFragments(*self._frags.drawargs(), pixmap)
        p.restore()

    def _export(self, p: QPainter) -> None:
        """Draw every symbol in the view as vector paths (SVG, printing)."""
        from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol

        view = self.viewRect()
        t = p.transform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, bool(self._exportOpts.get("antialias", True)))
        for g in self.groups:
            keep = (g["x"] >= view.left()) & (g["x"] <= view.right())
            for x, y in zip(g["x"][keep].tolist(), g["y"][keep].tolist()):
                p.setTransform(t)
                point = t.map(QPointF(x, y))
                p.resetTransform()
                p.translate(point)
                drawSymbol(p, g["symbol"], g["size"], g["pen"], g["brush"])
        p.setTransform(t)

    def paint(self, p, *args):
        if not self.groups:
            return
        if self._exportOpts is not False:
            self._export(p)
        else:
            self._paint_cached(p, self._render)


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
