"""An honest timeline figure for the PDF dossier, drawn as vector graphics with QPainter.

Every event is drawn as the span its stated date could cover: a dot for a
day, a bar for a month, a year or a range; an approximate date is drawn
hollow and dashed. Undated events are never placed on the axis. Selected
periods are shaded bands. The figure is painted by the PDF export
over an allow-listed, transparent placeholder image that reserves its room in
the dossier's :class:`QTextDocument`, so QPdfWriter receives vector drawing
commands and real text (no raster image).
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from cgt_desktop.core.export.model import EventLine

LAYOUT_DPI = 96
ROW_HEIGHT = 17.0
AXIS_HEIGHT = 26.0
LEGEND_HEIGHT = 34.0
MAX_ROWS = 45

CATEGORY_COLORS = {"policy": "#1f5fa8", "regulatory": "#8a3ea8", "clinical": "#b8322a", "industry": "#d07a10",
                   "academic": "#2b8a57", "career": "#5a6470"}


def place_label(date_text: str, name: str, left: float, right: float, plot: QRectF,
                fm: QFontMetricsF) -> tuple[str, float]:
    """The label of a mark spanning ``[left, right]``, and where it starts: right of the mark if it
    fits, else left of it; if it fits neither side, on the side with more room with the date whole
    and the name shortened ("c. 15 Nov 2021  2021 Fifth Intern…"), never past the plot's edges."""
    text = f"{date_text}  {name}"
    room_right, room_left = plot.right() - right - 4, left - 4 - plot.left()
    if fm.horizontalAdvance(text) > max(room_right, room_left):
        head = f"{date_text}  "
        room = max(room_right, room_left, fm.horizontalAdvance(head + "…"))
        text = head + fm.elidedText(name, Qt.TextElideMode.ElideRight,
                                    max(room - fm.horizontalAdvance(head), fm.horizontalAdvance("…")))
    width = fm.horizontalAdvance(text)
    if width <= room_right:
        return text, right + 4
    return text, max(left - 4 - width, plot.left())


def _day(iso: str) -> float:
    return float(date.fromisoformat(iso).toordinal())


def _year_start(year: int) -> float:
    return float(date(year, 1, 1).toordinal())


class TimelineFigure:
    """Draws the events and periods of one dossier into a rectangle ``width`` × ``height``."""

    def __init__(self, events: Sequence[EventLine], periods: Sequence[tuple[str, str]], names: str,
                 width: float, font: QFont, undated: int = 0) -> None:
        self.events = list(events)[:MAX_ROWS]
        self.hidden = max(0, len(events) - MAX_ROWS)
        self.periods = list(periods)
        self.names = names
        self.width = width
        self.font = QFont(font)
        self.undated = undated
        rows = max(len(self.events), 1)
        extra_lines = int(self.hidden > 0) + int(undated > 0)
        self.height = AXIS_HEIGHT + rows * ROW_HEIGHT + LEGEND_HEIGHT + 12 * extra_lines + 8

    # -- drawing --------------------------------------------------------------------------------
    def _range(self) -> tuple[int, int]:
        days = [e.span_start for e in self.events if e.span_start] + [e.span_end for e in self.events if e.span_end]
        for first, last in self.periods:
            days += [first, last]
        if not days:
            return 2000, 2001
        first, last = int(min(days)[:4]), int(max(days)[:4]) + 1
        return first, max(last, first + 1)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        small = QFont(self.font)
        # The painter is scaled from layout pixels to the device: size the font for the layout DPI.
        small.setPointSizeF(max(self.font.pointSizeF() * 0.78, 6.5) * LAYOUT_DPI / painter.device().logicalDpiY())
        painter.setFont(small)
        fm = QFontMetricsF(small, painter.device())
        first_year, last_year = self._range()
        x0, x1 = _year_start(first_year), _year_start(last_year)
        plot = QRectF(rect.left() + 4, rect.top() + AXIS_HEIGHT, rect.width() - 8,
                      max(len(self.events), 1) * ROW_HEIGHT)

        def x_of(day: float) -> float:
            return plot.left() + (day - x0) / max(x1 - x0, 1.0) * plot.width()

        grey = QColor("#8a8f98")
        for first, last in self.periods:  # shaded selected periods
            band = QRectF(QPointF(x_of(_day(first)), plot.top() - 6), QPointF(x_of(_day(last) + 1), plot.bottom()))
            painter.fillRect(band, QColor(80, 140, 220, 40))
        span = last_year - first_year
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 12)
        painter.setPen(QPen(grey, 0.6))
        painter.drawLine(QPointF(plot.left(), plot.top() - 4), QPointF(plot.right(), plot.top() - 4))
        for year in range(first_year, last_year + 1):
            if (year - first_year) % step:
                continue
            x = x_of(_year_start(year))
            painter.setPen(QPen(QColor("#e3e5e8"), 0.5))
            painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))
            painter.setPen(QPen(grey, 0.6))
            painter.drawLine(QPointF(x, plot.top() - 8), QPointF(x, plot.top() - 4))
            if year < last_year:
                painter.drawText(QPointF(x + 2, plot.top() - 10), str(year))
        for row, event in enumerate(self.events):
            self._draw_event(painter, event, plot.top() + row * ROW_HEIGHT, x_of, plot, fm)
        if not self.events:
            painter.setPen(grey)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "—")
        self._draw_legend(painter, QRectF(rect.left() + 4, plot.bottom() + 6, rect.width() - 8, LEGEND_HEIGHT), fm)

    def _draw_event(self, painter: QPainter, e: EventLine, top: float, x_of, plot: QRectF, fm: QFontMetricsF) -> None:
        color = QColor(CATEGORY_COLORS.get(e.category, "#5a6470"))
        mid = top + ROW_HEIGHT / 2
        assert e.span_start
        left = x_of(_day(e.span_start))
        right = x_of(_day(e.span_end or e.span_start) + 1)
        pen = QPen(color, 1.0, Qt.PenStyle.DashLine if e.approximate else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        if e.precision == "day" and right - left < 4:
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush) if e.approximate else QBrush(color))
            painter.drawEllipse(QPointF((left + right) / 2, mid), 3.2, 3.2)
            right = (left + right) / 2 + 4
        else:
            bar = QRectF(left, mid - 3.5, max(right - left, 2.0), 7.0)
            fill = QColor(color)
            fill.setAlpha(60 if e.approximate else 200)
            painter.setBrush(QBrush(fill))
            painter.drawRect(bar)
        date_text = e.date_zh if self.names == "zh" else e.date_en
        painter.setPen(QColor("#24292f"))
        text, x = place_label(date_text, e.name.text(self.names), left, right, plot, fm)
        painter.drawText(QPointF(x, mid + fm.ascent() / 2 - 1), text)

    def _draw_legend(self, painter: QPainter, rect: QRectF, fm: QFontMetricsF) -> None:
        mode = self.names
        parts = {"day": ("exact day", "具体日期"), "span": ("month, year or range (whole span)", "月份、年份或时间段（整段）"),
                 "approx": ("approximate", "约略日期"), "period": ("selected period", "所选时间段")}

        def say(key: str) -> str:
            en, zh = parts[key]
            return en if mode == "en" else zh if mode == "zh" else f"{en} / {zh}"

        ink = QColor("#5a6470")
        solid, dashed = QPen(ink, 1.0), QPen(ink, 1.0, Qt.PenStyle.DashLine)

        def dot(x: float, y: float) -> None:
            painter.setPen(solid)
            painter.setBrush(QBrush(ink))
            painter.drawEllipse(QPointF(x + 4, y), 3, 3)

        def bar(x: float, y: float) -> None:
            painter.setPen(solid)
            painter.setBrush(QBrush(ink))
            painter.drawRect(QRectF(x, y - 3, 16, 6))

        def hollow(x: float, y: float) -> None:
            painter.setPen(dashed)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, y - 3, 16, 6))

        def band(x: float, y: float) -> None:
            painter.fillRect(QRectF(x, y - 4, 16, 8), QColor(80, 140, 220, 60))

        entries = [(dot, say("day")), (bar, say("span")), (hollow, say("approx"))]
        if self.periods:
            entries.append((band, say("period")))
        x, y = rect.left(), rect.top() + 8
        for draw, text in entries:  # flow, wrapping to a new line when the page is too narrow
            needed = 20 + fm.horizontalAdvance(text)
            if x > rect.left() and x + needed > rect.right():
                x, y = rect.left(), y + 12
            draw(x, y)
            painter.setPen(ink)
            painter.drawText(QPointF(x + 20, y + fm.ascent() / 2 - 1), text)
            x += needed + 14
        extra = []
        if self.hidden:
            extra.append({"en": f"{self.hidden} more events are listed in the table below.",
                          "zh": f"另有 {self.hidden} 个事件列于下表。"})
        if self.undated:
            extra.append({"en": f"{self.undated} undated events are not placed on the axis.",
                          "zh": f"{self.undated} 个日期不详的事件未标于时间轴。"})
        for i, text in enumerate(extra):
            line = text["en"] if mode == "en" else text["zh"] if mode == "zh" else f"{text['en']} {text['zh']}"
            painter.drawText(QPointF(rect.left(), y + 14 + i * 12), line)  # below the legend
