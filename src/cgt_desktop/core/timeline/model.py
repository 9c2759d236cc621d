"""What the timeline draws, computed without Qt: lanes, marks, spans, hit tests and counts.

The x axis counts days since 1970-01-01 (day *n* covers ``[n, n + 1)``), so a
mark's extent is exactly the span its stated date could mean: ``2019-06`` runs
from the first of June to the end of 30 June, ``2013`` covers the whole year,
``2022``–``2024`` the three years. Only day-precision events become points.
Events whose year is unknown get no mark at all; they are listed apart.

Lanes are event categories, or the organizations or people the events are
linked to through relations (an event linked to two organizations appears in
both lanes; an event linked to none goes to a "not linked" lane, so nothing
silently disappears). Within a lane, overlapping marks are packed onto a few
tracks so that a period bar does not hide the events inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

_EPOCH = date(1970, 1, 1).toordinal()

#: The years shown when the timeline opens, and the farthest the view may go.
DEFAULT_YEARS = (2008, 2025)
LIMIT_YEARS = (2000, 2030)
#: Shortest span the view may zoom to, in days.
MIN_VIEW_DAYS = 14

#: Lane modes offered by the panel.
LANE_MODES = ("category", "organization", "person")
#: Pseudo-lane keys.
LANE_OTHER = "__other__"
LANE_NONE = "__none__"
MAX_ENTITY_LANES = 30
MAX_TRACKS = 3

#: How each precision is drawn.
POINT, SPAN, RANGE = "point", "span", "range"
MARK_KIND = {"day": POINT, "month": SPAN, "year": SPAN, "range": RANGE}  # any other precision: a span


@lru_cache(maxsize=1 << 16)
def day_number(iso: str) -> int:
    """Return the x coordinate (days since 1970-01-01) of the start of day *iso* (``YYYY-MM-DD``)."""
    return date.fromisoformat(iso).toordinal() - _EPOCH


def iso_of_day(x: float) -> str:
    """Return the ISO date of the day that contains x coordinate *x*."""
    return date.fromordinal(int(x // 1) + _EPOCH).isoformat()


def year_start(year: int) -> int:
    """Return the x coordinate of 1 January of *year*."""
    return date(year, 1, 1).toordinal() - _EPOCH


def default_view(margin_days: int = 75) -> tuple[int, int]:
    """Return the x range shown at first: the default years, with a small margin each side."""
    return year_start(DEFAULT_YEARS[0]) - margin_days, year_start(DEFAULT_YEARS[1] + 1) + margin_days


def view_limits() -> tuple[int, int]:
    """Return the x range the view is clamped to."""
    return year_start(LIMIT_YEARS[0]), year_start(LIMIT_YEARS[1] + 1)


def period_of_extent(x0: float, x1: float) -> tuple[str, str]:
    """Return the ``(first, last)`` ISO days covered by the x interval ``[x0, x1)``."""
    lo, hi = min(x0, x1), max(x0, x1)
    first = int(lo // 1)
    last = max(first, int(-(-hi // 1)) - 1)
    return iso_of_day(first), iso_of_day(last)


def snap_unit(visible_days: float) -> str:
    """The unit a dragged period snaps to at this zoom: ``year`` over ~6 years shown, ``month`` over ~6
    months, else ``day``."""
    if visible_days > 6 * 365:
        return "year"
    if visible_days > 183:
        return "month"
    return "day"


def snapped_period(x0: float, x1: float, unit: str) -> tuple[str, str]:
    """Return the ``(first, last)`` ISO days of ``[x0, x1)`` rounded to whole *unit* (``day``, ``month``,
    ``year``): the nearest boundaries, never less than one whole unit."""
    first, last = period_of_extent(x0, x1)
    if unit == "day":
        return first, last
    lo, hi = min(x0, x1), max(x0, x1)

    def boundary(x: float) -> date:
        d = date.fromordinal(int(round(x)) + _EPOCH)
        if unit == "year":
            return date(d.year + (1 if d.month > 6 else 0), 1, 1)
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt if d.day > 15 else date(d.year, d.month, 1)

    start, stop = boundary(lo), boundary(hi)
    if stop <= start:  # less than one unit dragged: the unit around the start
        start = date(start.year, 1, 1) if unit == "year" else date(start.year, start.month, 1)
        stop = date(start.year + 1, 1, 1) if unit == "year" else date(
            start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start.isoformat(), date.fromordinal(stop.toordinal() - 1).isoformat()


def extent_of_period(period: tuple[str, str]) -> tuple[int, int]:
    """Return the x interval ``[x0, x1)`` covering the ISO days *period* (inclusive)."""
    first, last = sorted(period)
    return day_number(first), day_number(last) + 1


@dataclass(frozen=True, slots=True)
class Lane:
    """One row of the timeline."""

    key: str
    label_en: str
    label_zh: str


class Mark(NamedTuple):
    """One drawn mark: an event in a lane, at a height, over ``[x0, x1)`` days (a tuple: cheap at 100k)."""

    event_id: str
    lane: int
    y: float
    x0: float
    x1: float
    kind: str
    approximate: bool
    category: str
    height: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2
