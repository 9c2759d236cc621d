"""Row geometry of the reader: rows, colours and sizes, height estimates and ``QTextLayout`` handling.

:class:`RowGeometry` is mixed into :class:`~cgt_desktop.ui.reader.view.ReaderView`; it
estimates and measures row heights, lays out cell text lazily (cached) and maps rows
and cells to viewport coordinates. The host widget provides ``rows``, the fonts'
``families``/``point_size``, ``mode``/``swapped``/``synced``, the scroll bars
(``verticalScrollBar()`` and ``_second``), ``_header`` and the ``_idle`` timer.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from itertools import accumulate

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption


SIDES = ("orig", "trans")
HOVER = QColor(232, 240, 254)
SELECTED = QColor(205, 222, 252)
CITED = QColor(255, 243, 191)
MENTION = QColor(26, 86, 176)
ENTITY = QColor(255, 214, 120)
FOUND = QColor(255, 250, 130)
FOUND_CURRENT = QColor(255, 150, 50)
REPEAT = QColor(230, 140, 40)
DOUBTFUL = QColor(200, 60, 40)  # the gutter beside a pair the aligner was unsure of
LOW_CONFIDENCE = 0.5  # as cgt_desktop.core.imports.article.LOW_CONFIDENCE
MUTED = QColor(110, 110, 110)

MARGIN = 10      # left/right margin of the content
GUTTER = 22      # between the two columns
PAD = 6          # inside a cell, around the text
ROW_GAP = 2      # between rows of one paragraph
HEADER_H = 24    # column labels above the rows


@dataclass(slots=True)
class ReaderRow:
    """One grid row: an aligned sentence, or a note spanning the row (e.g. "repeats p06")."""

    kind: str                      # "sentence" or "note"
    passage_id: str                # sentence id (note: its paragraph id)
    paragraph_id: str
    role: str                      # paragraph role
    orig: str = ""
    trans: str = ""
    first_in_paragraph: bool = False
    repeated: bool = False         # part of a paragraph that repeats another
    confidence: float | None = None  # an imported article's automatic alignment; None: the editors'

    @property
    def doubtful(self) -> bool:
        """An automatic pairing the user should check (below the import's threshold)."""
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    def text(self, side: str) -> str:
        return self.orig if side == "orig" else self.trans


class RowGeometry:
    """Mixin of :class:`~cgt_desktop.ui.reader.view.ReaderView`: columns, row heights, text layouts."""

    def visible_sides(self) -> list[str]:
        if self.mode in SIDES:
            return [self.mode]
        return ["trans", "orig"] if self.swapped else ["orig", "trans"]

    def column_label(self, side: str) -> str:
        return self.column_labels.get(side, "")

    def column_ranges(self) -> list[tuple[float, float]]:
        """Return ``(x, width)`` of each visible column, in viewport coordinates."""
        width = max(self.viewport().width() - 2 * MARGIN, 40)
        if len(self.visible_sides()) == 1:
            return [(MARGIN, width)]
        col = (width - GUTTER) / 2
        return [(MARGIN, col), (MARGIN + col + GUTTER, col)]

    # -- geometry ---------------------------------------------------------------------------
    def _rebuild_fonts(self) -> None:
        def make(scale: float, bold: bool = False, italic: bool = False) -> QFont:
            font = QFont()
            font.setFamilies(self.families)
            font.setPointSizeF(self.point_size * scale)
            font.setBold(bold)
            font.setItalic(italic)
            return font
        self._fonts = {"body": make(1.0), "title": make(1.4, bold=True), "heading": make(1.15, bold=True),
                       "byline": make(0.9, italic=True), "boilerplate": make(0.9), "note": make(0.85, italic=True)}
        self._metrics = {k: QFontMetricsF(f) for k, f in self._fonts.items()}

    def _font_key(self, row: ReaderRow) -> str:
        if row.kind == "note":
            return "note"
        return row.role if row.role in self._fonts else "body"

    def _text_width(self, col_width: float, row: ReaderRow) -> float:
        indent = self._metrics["body"].height() if row.role == "list-item" else 0.0
        return max(col_width - 2 * PAD - indent, 20.0)

    def _row_padding(self, index: int) -> int:
        row = self.rows[index]
        gap = int(self._metrics["body"].height() * 0.7) if row.first_in_paragraph and index else 0
        return gap + ROW_GAP

    def _estimates(self) -> list[int]:
        """Return a cheap height estimate of every row (no text layout: character counts and metrics)."""
        sides = self.visible_sides()
        widths = [w for _x, w in self.column_ranges()]
        gap = int(self._metrics["body"].height() * 0.7)
        indent = self._metrics["body"].height()
        consts: dict[str, tuple[float, float, float]] = {}
        for key, m in self._metrics.items():
            consts[key] = (m.height() * 0.92, m.averageCharWidth() * 1.08, m.lineSpacing())
        out = []
        ceil = math.ceil
        for index, row in enumerate(self.rows):
            key = "note" if row.kind == "note" else (row.role if row.role in consts else "body")
            em, avg, line = consts[key]
            tallest = line
            for n, side in enumerate(sides):
                if row.kind == "note":  # a translator's note sits under the translation, others span from the left
                    text = (row.trans if side == "trans" else "") if row.trans else (row.orig if n == 0 else "")
                else:
                    text = row.orig if side == "orig" else row.trans
                if not text:
                    continue
                wide = (len(text.encode("utf-8")) - len(text)) >> 1
                usable = widths[n] - 2 * PAD - (indent if row.role == "list-item" else 0.0)
                lines = ceil((wide * em + (len(text) - wide) * avg) / max(usable, 20.0))
                if lines * line > tallest:
                    tallest = lines * line
            pad = (gap if row.first_in_paragraph and index else 0) + ROW_GAP
            out.append(int(tallest) + 2 * PAD + pad)
        return out

    def _layout(self, index: int, side: str) -> tuple[QTextLayout, float] | None:
        """Return the laid-out text of one cell and its height (cached until the geometry changes)."""
        key = (index, side)
        hit = self._layouts.get(key)
        if hit is not None:
            return hit
        row = self.rows[index]
        sides = self.visible_sides()
        if side not in sides:
            return None
        if row.kind == "note":
            text = (row.trans if side == "trans" else "") if row.trans else (row.orig if side == sides[0] else "")
        else:
            text = row.text(side)
        width = self._text_width(self.column_ranges()[sides.index(side)][1], row)
        layout = QTextLayout(text, self._fonts[self._font_key(row)])
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        if len(self._layouts) > 1500:
            self._layouts.clear()
        self._layouts[key] = (layout, y)
        return layout, y

    def _measure(self, index: int) -> bool:
        """Measure one row exactly; return whether its height changed."""
        self._measured[index] = True
        tallest = 0.0
        for side in self.visible_sides():
            laid = self._layout(index, side)
            if laid:
                tallest = max(tallest, laid[1])
        height = int(math.ceil(tallest)) + 2 * PAD + self._row_padding(index)
        if height != self._heights[index]:
            self._heights[index] = height
            return True
        return False

    def _relayout(self, keep_anchor: bool = True) -> None:
        """Re-estimate every row (after a change of width, font or columns) and keep the top row in place."""
        anchors = [self._anchor(v) for v in self._offsets()] if keep_anchor else []
        self._layouts.clear()
        self._heights = self._estimates()
        self._measured = [False] * len(self.rows)
        self._update_tops(anchors)
        self._header.update()
        self._idle.start()

    def _offsets(self) -> list[int]:
        return [self.verticalScrollBar().value(), self._second.value()]

    def _anchor(self, offset: int) -> tuple[int, int]:
        row = self.row_at_y(offset)
        return (row, offset - self._tops[row]) if row >= 0 else (-1, 0)

    def _update_tops(self, anchors: list[tuple[int, int]]) -> None:
        self._tops = [0, *accumulate(self._heights)]
        total = self._tops[-1]
        maximum = max(0, total - self.viewport().height() + PAD * 4)
        for bar in (self.verticalScrollBar(), self._second):
            bar.blockSignals(True)
            bar.setRange(0, maximum)
            bar.setPageStep(max(1, self.viewport().height() - 40))
            bar.setSingleStep(int(self._metrics["body"].lineSpacing()) * 2)
            bar.blockSignals(False)
        for bar, (row, delta) in zip((self.verticalScrollBar(), self._second), anchors):
            if 0 <= row < len(self.rows):
                bar.blockSignals(True)
                bar.setValue(self._tops[row] + delta)
                bar.blockSignals(False)
        self.viewport().update()

    def row_at_y(self, content_y: float) -> int:
        """Return the row at a content y (-1 when there are no rows)."""
        if not self.rows:
            return -1
        return max(0, min(len(self.rows) - 1, bisect.bisect_right(self._tops, content_y) - 1))

    def _column_offset(self, column: int) -> int:
        if column == 1 and not self.synced:
            return self._second.value()
        return self.verticalScrollBar().value()

    def _ensure_measured(self, first: int, last: int) -> None:
        changed = False
        for i in range(max(first, 0), min(last, len(self.rows) - 1) + 1):
            if not self._measured[i]:
                changed |= self._measure(i)
        if changed:
            self._update_tops([self._anchor(v) for v in self._offsets()])

    def _ensure_visible_measured(self) -> None:
        for _ in range(4):  # measuring can pull more rows into view
            before = list(self._heights)
            for column in range(len(self.visible_sides())):
                top = self._column_offset(column)
                self._ensure_measured(self.row_at_y(top), self.row_at_y(top + self.viewport().height()))
            if before == self._heights:
                break

    def cell_rect(self, index: int, side: str) -> QRectF:
        """Return where the text of one cell is drawn, in viewport coordinates (empty if hidden)."""
        sides = self.visible_sides()
        if side not in sides or not 0 <= index < len(self.rows):
            return QRectF()
        self._ensure_visible_measured()  # rows on screen get their real height before anything is placed
        self._ensure_measured(index, index)
        column = sides.index(side)
        x, width = self.column_ranges()[column]
        row = self.rows[index]
        indent = self._metrics["body"].height() if row.role == "list-item" else 0.0
        laid = self._layout(index, side)
        top = self._tops[index] + self._row_padding(index) + PAD - self._column_offset(column)
        return QRectF(x + PAD + indent, top, self._text_width(width, row), laid[1] if laid else 0.0)

    def mention_rect(self, index: int, side: str, start: int) -> QRectF:
        """Return the box of the character at *start* in one cell, in viewport coordinates."""
        cell = self.cell_rect(index, side)
        laid = self._layout(index, side)
        if laid is None:
            return QRectF()
        line = laid[0].lineForTextPosition(start)
        x0 = line.cursorToX(start)[0]
        x1 = line.cursorToX(start + 1)[0]
        return QRectF(cell.x() + x0, cell.y() + line.y(), max(x1 - x0, 1.0), line.height())

    def _on_idle_timeout(self) -> None:
        """Measure rows in the background, a few milliseconds at a time."""
        clock = QElapsedTimer()
        clock.start()
        changed = False
        try:
            start = self._measured.index(False)
        except ValueError:
            return
        for i in range(start, len(self.rows)):
            if not self._measured[i]:
                changed |= self._measure(i)
            if clock.elapsed() > 8:
                break
        if changed:
            self._update_tops([self._anchor(v) for v in self._offsets()])
        if False in self._measured:
            self._idle.start()
