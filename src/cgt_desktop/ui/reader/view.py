"""The reader's rendering widget: aligned sentence rows drawn lazily with ``QTextLayout``.

Every aligned unit (one sentence and its translation) is one *row* of a grid.
Both columns of a row start at the row's top, and the row is as tall as the
taller of its two cells, so counterparts always sit side by side whatever the
difference in length. Only rows on screen are laid out; the others carry a
cheap height estimate that is replaced by the measured height on first paint
or by an idle measuring pass, while the row at the top of the viewport keeps
its place on screen. Opening a very long document therefore costs a pass over
its rows, not a layout of its text.

Text is drawn as plain text (``QTextLayout``): nothing is parsed as HTML and
nothing is ever loaded, from the network or from disk.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QKeySequence, QPainter, QPalette, QTextCharFormat,
                           QTextLayout, QTextLine)
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QToolTip, QWidget

from cgt_desktop.core.domain import ids
from cgt_desktop.ui.reader.layout import (
    CITED, DOUBTFUL, ENTITY, FOUND, FOUND_CURRENT, GUTTER, HEADER_H, HOVER, MARGIN, MENTION, MUTED, PAD, REPEAT,
    ROW_GAP, SELECTED, SIDES, ReaderRow, RowGeometry,
)

__all__ = ["CITED", "ENTITY", "FOUND", "FOUND_CURRENT", "GUTTER", "HEADER_H", "HOVER", "MARGIN", "MENTION", "MUTED",
           "PAD", "REPEAT", "ROW_GAP", "SELECTED", "SIDES", "ReaderRow", "ReaderView"]


class _ColumnHeader(QWidget):
    """The column labels, drawn over the exact x-range of each column."""

    def __init__(self, view: ReaderView) -> None:
        super().__init__(view)
        self._view = view

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        font = QFont(self._view.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for side, (x, width) in zip(self._view.visible_sides(), self._view.column_ranges()):
            rect = QRect(int(x) + PAD, 0, int(width) - 2 * PAD, self.height())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                             self._view.column_label(side))
        painter.end()


class ReaderView(RowGeometry, QAbstractScrollArea):
    """Draws aligned rows in one or two columns and handles pointer and keyboard.

    Signals:
        mention_clicked(str): a marked mention was clicked (its entity id).
        row_activated(str): a sentence was clicked or reached with the keyboard (its passage id).
        hover_changed(str): the pointer moved onto another sentence ("" when none).
        command_requested(str): a reader key was pressed (``find``, ``find_next``, ``find_previous``,
            ``zoom_in``, ``zoom_out``, ``zoom_reset``).
        context_menu_requested(str, str, QPoint): right click on a sentence (passage id, side, global
            position); the sentence is selected first.
    """

    mention_clicked = Signal(str)
    row_activated = Signal(str)
    hover_changed = Signal(str)
    command_requested = Signal(str)
    context_menu_requested = Signal(str, str, QPoint)

    #: Keys the reader handles itself even where the window defines the same shortcut.
    COMMANDS = ((QKeySequence.StandardKey.Find, "find"), (QKeySequence.StandardKey.FindNext, "find_next"),
                (QKeySequence.StandardKey.FindPrevious, "find_previous"),
                (QKeySequence.StandardKey.ZoomIn, "zoom_in"), (QKeySequence.StandardKey.ZoomOut, "zoom_out"))
    EXTRA_KEYS = {"Ctrl+=": "zoom_in", "Ctrl+0": "zoom_reset"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportMargins(0, HEADER_H, 0, 0)
        self._header = _ColumnHeader(self)
        self._second = QScrollBar(Qt.Orientation.Vertical, self.viewport())  # right column when unsynced
        self._second.hide()
        self._second.valueChanged.connect(self._on_second_value_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_main_value_changed)
        self.rows: list[ReaderRow] = []
        self.mention_finder: Callable[[str, str | None], list[tuple[int, int, str]]] = lambda text, passage: []
        self.entity_namer: Callable[[str], str] = lambda entity_id: entity_id
        self.column_labels: dict[str, str] = {"orig": "", "trans": ""}
        self.mode = "both"
        self.placeholder = ""
        self.swapped = False
        self.synced = True
        self.point_size = max(self.font().pointSizeF(), 9.0) + 1.5
        self.families: list[str] = self.font().families() or [self.font().family()]
        self._heights: list[int] = []
        self._measured: list[bool] = []
        self._tops: list[int] = [0]
        self._layouts: dict[tuple[int, str], tuple[QTextLayout, float]] = {}
        self._mentions: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        self.context_entity: str | None = None
        self._fonts: dict[str, QFont] = {}
        self.hover_row = -1
        self.selected_row = -1
        self.selected_side = ""
        self.cited_rows: set[int] = set()
        #: passage id -> [(side, start or None, end or None, colour)]: user highlights (None: whole sentence)
        self.marks: dict[str, list[tuple[str, int | None, int | None, QColor]]] = {}
        self.entity_id: str | None = None
        self.found: dict[int, list[tuple[str, int, int]]] = {}
        self.current_found: tuple[int, str, int, int] | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._rebuild_fonts()

    # -- content ---------------------------------------------------------------------------
    def set_rows(self, rows: list[ReaderRow]) -> None:
        """Show *rows* (replacing everything); selection, hover and highlights are cleared."""
        self.rows = rows
        self._mentions.clear()
        self.hover_row = self.selected_row = -1
        self.cited_rows = set()
        self.found, self.current_found = {}, None
        self._relayout(keep_anchor=False)
        self.verticalScrollBar().setValue(0)
        self._second.setValue(0)

    def set_display(self, mode: str | None = None, swapped: bool | None = None) -> None:
        """Show both languages or one (``both``, ``orig``, ``trans``); put the translation on the left."""
        if mode is not None:
            self.mode = mode
        if swapped is not None:
            self.swapped = swapped
        self._second.setVisible(not self.synced and len(self.visible_sides()) == 2)
        self._relayout()

    def set_synced(self, synced: bool) -> None:
        """Scroll both columns together (default) or each on its own."""
        self.synced = synced
        if synced:
            self._second.hide()
        else:
            self._second.setValue(self.verticalScrollBar().value())
            self._second.setVisible(len(self.visible_sides()) == 2)
        self._place_second()
        self.viewport().update()

    def set_point_size(self, size: float) -> None:
        """Zoom: change the reading font size, keeping the top row in place."""
        self.point_size = max(6.0, min(40.0, size))
        self._rebuild_fonts()
        self._relayout()

    def set_families(self, families: list[str]) -> None:
        self.families = families
        self._rebuild_fonts()
        self._relayout()

    # -- highlights --------------------------------------------------------------------------
    def set_cited(self, rows: set[int]) -> None:
        self.cited_rows = set(rows)
        self.viewport().update()

    def set_marks(self, marks: dict[str, list[tuple[str, int | None, int | None, QColor]]]) -> None:
        """Paint the user's highlights: passage id -> ``(side, start, end, colour)`` (``None``: whole side)."""
        self.marks = marks
        self.viewport().update()

    def set_entity(self, entity_id: str | None) -> None:
        self.entity_id = entity_id
        self.viewport().update()

    def set_found(self, found: dict[int, list[tuple[str, int, int]]],
                  current: tuple[int, str, int, int] | None) -> None:
        self.found, self.current_found = found, current
        self.viewport().update()

    def select_row(self, row: int, emit: bool = True) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.selected_row = row
        self.scroll_to_row(row, center=False)
        self.viewport().update()
        if emit and self.rows[row].kind == "sentence":
            self.row_activated.emit(self.rows[row].passage_id)

    def forget_mentions(self) -> None:
        """Find the mentions again when next painted (the names or the user's refused links changed)."""
        self._mentions.clear()
        self.viewport().update()

    def mentions(self, row: int, side: str) -> list[tuple[int, int, str]]:
        """Return the marked mentions of one cell (found once, then cached)."""
        key = (row, side)
        found = self._mentions.get(key)
        if found is None:
            r = self.rows[row]
            found = self.mention_finder(r.text(side), r.passage_id) if r.kind == "sentence" else []
            self._mentions[key] = found
        return found

    def scroll_to_row(self, index: int, center: bool = True) -> None:
        """Bring a row into view (centred, or just visible); all columns when unsynced."""
        if not 0 <= index < len(self.rows):
            return
        height = self.viewport().height()
        self._ensure_measured(index - 40, index + 40)
        top, bottom = self._tops[index], self._tops[index + 1]
        for column, bar in enumerate((self.verticalScrollBar(), self._second)):
            value = bar.value()
            if center:
                value = top - max(0, (height - (bottom - top)) // 3)
            elif top < value:
                value = top
            elif bottom > value + height:
                value = bottom - height
            bar.setValue(int(value))
            if self.synced:
                break
        self.viewport().update()

    # -- events -----------------------------------------------------------------------------
    def _on_main_value_changed(self, _value: int) -> None:
        self.viewport().update()

    def _on_second_value_changed(self, _value: int) -> None:
        self.viewport().update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        rect = self.viewport().geometry()
        self._header.setGeometry(rect.x(), rect.y() - HEADER_H, rect.width(), HEADER_H)
        self._place_second()
        self._relayout()

    def _place_second(self) -> None:
        if len(self.column_ranges()) == 2:
            x, width = self.column_ranges()[0]
            bar = self._second.sizeHint().width()
            self._second.setGeometry(int(x + width + (GUTTER - bar) / 2), 0, bar, self.viewport().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._ensure_visible_measured()
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().color(QPalette.ColorRole.Base))
        height = self.viewport().height()
        text_color = self.palette().color(QPalette.ColorRole.Text)
        if not self.rows:
            painter.setPen(MUTED)
            painter.drawText(self.viewport().rect(), int(Qt.AlignmentFlag.AlignCenter), self.placeholder)
        for column, (side, (x, width)) in enumerate(zip(self.visible_sides(), self.column_ranges())):
            offset = self._column_offset(column)
            painter.save()
            painter.setClipRect(QRectF(x, 0, width, height))
            first, last = self.row_at_y(offset), self.row_at_y(offset + height)
            for i in range(max(first, 0), last + 1):
                self._paint_cell(painter, i, side, x, width, offset, text_color)
            painter.restore()
        painter.end()

    def _paint_cell(self, painter: QPainter, i: int, side: str, x: float, width: float, offset: int,
                    text_color: QColor) -> None:
        row = self.rows[i]
        top = self._tops[i] + self._row_padding(i) - offset
        box = QRectF(x, top, width, self._heights[i] - self._row_padding(i))
        if row.kind == "sentence":
            if i == self.selected_row:
                painter.fillRect(box, SELECTED)
            elif i in self.cited_rows:
                painter.fillRect(box, CITED)
            elif i == self.hover_row:
                painter.fillRect(box, HOVER)
        if row.repeated or row.kind == "note":
            painter.fillRect(QRectF(x, top, 3, box.height()), REPEAT)
        elif row.doubtful:
            painter.fillRect(QRectF(x, top, 3, box.height()), DOUBTFUL)
        laid = self._layout(i, side)
        if laid is None:
            return
        cell = self.cell_rect(i, side)
        if row.role == "list-item" and row.kind == "sentence" and row.first_in_paragraph:
            painter.setPen(text_color)
            painter.setFont(self._fonts["body"])
            painter.drawText(QPointF(x + PAD, cell.y() + self._metrics["body"].ascent()), "•")
        muted = row.kind == "note" or row.role in ("boilerplate", "byline")
        painter.setPen(MUTED if muted else text_color)
        laid[0].draw(painter, cell.topLeft(), self._selections(i, side))

    def _selections(self, i: int, side: str) -> list[QTextLayout.FormatRange]:
        out = []

        def add(start: int, end: int, fmt: QTextCharFormat) -> None:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, end - start, fmt
            out.append(r)
        row = self.rows[i]
        for mark_side, start, end, color in self.marks.get(row.passage_id, ()) if row.kind == "sentence" else ():
            if mark_side == side:
                fmt = QTextCharFormat()
                fmt.setBackground(color)
                add(start or 0, end if end is not None else len(row.text(side)), fmt)
        for start, end, entity_id in self.mentions(i, side):
            fmt = QTextCharFormat()
            fmt.setForeground(MENTION)
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            if entity_id == self.entity_id:
                fmt.setBackground(ENTITY)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            add(start, end, fmt)
        for found_side, start, end in self.found.get(i, ()):
            if found_side == side:
                fmt = QTextCharFormat()
                current = self.current_found == (i, side, start, end)
                fmt.setBackground(FOUND_CURRENT if current else FOUND)
                add(start, end, fmt)
        return out

    def hit(self, pos: QPointF) -> tuple[int, str, str | None]:
        """Return ``(row, side, entity id or None)`` under a viewport position (row -1: nothing)."""
        for column, (side, (x, width)) in enumerate(zip(self.visible_sides(), self.column_ranges())):
            if not x <= pos.x() < x + width:
                continue
            index = self.row_at_y(pos.y() + self._column_offset(column))
            if index < 0 or pos.y() + self._column_offset(column) >= self._tops[-1]:
                return -1, side, None
            cell = self.cell_rect(index, side)
            laid = self._layout(index, side)
            if laid is None or not cell.contains(pos):
                return index, side, None
            local = pos - cell.topLeft()
            for n in range(laid[0].lineCount()):
                line = laid[0].lineAt(n)
                if line.y() <= local.y() < line.y() + line.height() and local.x() <= line.naturalTextWidth():
                    cursor = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                    for start, end, entity_id in self.mentions(index, side):
                        if start <= cursor < end:
                            return index, side, entity_id
            return index, side, None
        return -1, "", None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        index, _side, entity_id = self.hit(event.position())
        shape = Qt.CursorShape.PointingHandCursor if entity_id else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)
        if index >= 0 and self.rows[index].kind != "sentence":
            index = -1
        if index != self.hover_row:
            self.hover_row = index
            self.viewport().update()
            self.hover_changed.emit(self.rows[index].passage_id if index >= 0 else "")
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.hover_row != -1:
            self.hover_row = -1
            self.viewport().update()
            self.hover_changed.emit("")
        super().leaveEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        index, side, entity_id = self.hit(event.position())
        if index < 0 or self.rows[index].kind != "sentence":
            return None
        self.selected_row, self.selected_side = index, side
        if not self.synced:  # bring the counterpart level with the clicked sentence
            column = self.visible_sides().index(side)
            screen_y = self._tops[index] - self._column_offset(column)
            other = (self._second, self.verticalScrollBar())[column]
            other.setValue(self._tops[index] - screen_y)
        self.viewport().update()
        self.row_activated.emit(self.rows[index].passage_id)
        if entity_id:
            self.mention_clicked.emit(entity_id)
        return None

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        index, side, entity = self.hit(QPointF(event.pos()))
        if index < 0 or self.rows[index].kind != "sentence":
            return
        self.context_entity = entity  # the link under the pointer, for the menu (None: none)
        if index != self.selected_row:
            self.select_row(index)
        self.selected_side = side
        self.viewport().update()
        self.context_menu_requested.emit(self.rows[index].passage_id, side, event.globalPos())

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.synced and len(self.visible_sides()) == 2 and event.position().x() > self.column_ranges()[1][0]:
            self._second.event(event)  # the right column scrolls on its own
            return
        super().wheelEvent(event)

    def _command(self, event) -> str | None:
        if event.matches(QKeySequence.StandardKey.Copy):
            return "copy"
        for key, command in self.COMMANDS:
            if event.matches(key):
                return command
        combo = QKeySequence(event.keyCombination()).toString()
        return self.EXTRA_KEYS.get(combo)

    def event(self, event) -> bool:  # noqa: D401 - Qt override
        if event.type() == event.Type.ShortcutOverride and self._command(event):
            event.accept()  # the reader's own keys win over the window's shortcuts while it has focus
            return True
        return super().event(event)

    def copy(self) -> None:
        """Copy the selected sentence as a bilingual pair (what Ctrl+C does)."""
        text = self.copy_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        command = self._command(event)
        if command == "copy":
            self.copy()
            return
        if command:
            self.command_requested.emit(command)
            return
        key = event.key()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_J: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_K: -1}.get(key)
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move_selection(step)
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self.rows:
            self.select_row(0 if key == Qt.Key.Key_Home else len(self.rows) - 1)
            return
        super().keyPressEvent(event)

    def move_selection(self, step: int) -> None:
        """Select the next (``1``) or previous (``-1``) sentence and keep it in view."""
        index = self.selected_row
        if index < 0:
            index = self.row_at_y(self.verticalScrollBar().value()) - step
        index += step
        while 0 <= index < len(self.rows) and self.rows[index].kind != "sentence":
            index += step
        if 0 <= index < len(self.rows):
            self.select_row(index)

    def copy_text(self) -> str:
        """Return the selected sentence as a bilingual pair: original, translation, passage id."""
        if not 0 <= self.selected_row < len(self.rows):
            return ""
        row = self.rows[self.selected_row]
        return f"{row.orig.strip()}\n{row.trans.strip()}\n[{row.passage_id}]"

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == event.Type.ToolTip:
            index, _side, entity_id = self.hit(QPointF(event.pos()))
            if entity_id:
                QToolTip.showText(event.globalPos(), self.entity_namer(entity_id), self)
            elif index >= 0:
                row = self.rows[index]
                found = ids.parse_passage(row.passage_id)
                tip = self.tr("¶{paragraph}, sentence {sentence}").format(
                    paragraph=found.paragraph, sentence=found.sentence) if found and found.sentence else ""
                if row.confidence is not None:
                    tip += "\n" + self.tr("Aligned automatically, confidence {value:.2f}{check}").format(
                        value=row.confidence, check=self.tr(": check this pair") if row.doubtful else "")
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
