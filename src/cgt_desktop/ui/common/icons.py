"""Small icons drawn in code, in the palette's text colour (no image files, no style lookups at start-up).

Asking the style for its standard arrows (``QWidget.style()``) loads PySide6's ``QStyle`` type, ~10 ms
of the start; these arrows cost a fraction of a millisecond and follow a dark palette.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZES = (16, 24, 32, 48)


def _arrow(size: int, pointing_left: bool, color: QColor) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.5, size / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s, m = float(size), size / 4
    tip, tail = (m, s - m) if pointing_left else (s - m, m)
    head = (tip + s * 0.28) if pointing_left else (tip - s * 0.28)
    path = QPainterPath(QPointF(tail, s / 2))
    path.lineTo(QPointF(tip, s / 2))
    path.moveTo(QPointF(head, s / 2 - s * 0.28))
    path.lineTo(QPointF(tip, s / 2))
    path.lineTo(QPointF(head, s / 2 + s * 0.28))
    painter.drawPath(path)
    painter.end()
    return pixmap


def arrow_icon(pointing_left: bool, color: QColor) -> QIcon:
    """Return a back (left) or forward (right) arrow icon drawn in *color* at the usual toolbar sizes."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_arrow(size, pointing_left, color))
    return icon
