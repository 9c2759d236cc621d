"""The toolbar's back and forward arrows are drawn in code and point the right way."""

from __future__ import annotations

from PySide6.QtGui import QColor

from cgt_desktop.ui.common.icons import SIZES, arrow_icon


def _ink_centre(image, rows) -> float:
    xs = [x for y in rows for x in range(image.width()) if image.pixelColor(x, y).alpha() > 60]
    assert xs, "the arrow has no ink"
    return sum(xs) / len(xs)


def test_back_points_left_and_forward_points_right_at_every_size(qapp):
    for size in SIZES:
        back = arrow_icon(True, QColor("black")).pixmap(size).toImage()
        forward = arrow_icon(False, QColor("black")).pixmap(size).toImage()
        wings = range(size // 4, size // 2 - 1)  # the arrow head's upper stroke, between the tip and the head
        assert _ink_centre(back, wings) < size / 2 < _ink_centre(forward, wings)


def test_the_arrows_are_drawn_in_the_colour_asked_for(qapp):
    image = arrow_icon(True, QColor(200, 30, 30)).pixmap(32).toImage()
    inked = [image.pixelColor(x, 16) for x in range(32) if image.pixelColor(x, 16).alpha() == 255]
    assert inked and all((c.red(), c.green(), c.blue()) == (200, 30, 30) for c in inked)
