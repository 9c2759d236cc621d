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

import bisect
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, NamedTuple, Sequence

from .models import EventRow

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
_MARK_KIND = {"day": POINT, "month": SPAN, "year": SPAN, "range": RANGE}


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


def mark_kind(precision: str) -> str | None:
    """Return how an event of *precision* is drawn (``point``, ``span``, ``range``), ``None`` if not at all."""
    return _MARK_KIND.get(precision)


def event_extent(event: EventRow) -> tuple[int, int] | None:
    """Return ``(x0, x1)``: from the start of the event's first possible day to the end of its last."""
    if not event.span_start or not event.span_end:
        return None
    return day_number(event.span_start), day_number(event.span_end) + 1


def period_of_extent(x0: float, x1: float) -> tuple[str, str]:
    """Return the ``(first, last)`` ISO days covered by the x interval ``[x0, x1)``."""
    lo, hi = min(x0, x1), max(x0, x1)
    first = int(lo // 1)
    last = max(first, int(-(-hi // 1)) - 1)
    return iso_of_day(first), iso_of_day(last)


def extent_of_period(period: tuple[str, str]) -> tuple[int, int]:
    """Return the x interval ``[x0, x1)`` covering the ISO days *period* (inclusive)."""
    first, last = sorted(period)
    return day_number(first), day_number(last) + 1


def overlaps(event: EventRow, period: tuple[str, str] | None) -> bool:
    """Return True when the span the event could mean overlaps *period* (always True without a period)."""
    if period is None:
        return True
    if not event.span_start or not event.span_end:
        return False
    first, last = period
    return event.span_start <= last and event.span_end >= first


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


@dataclass
class TimelineLayout:
    """Lanes and marks for one set of events, with fast hit tests and counts."""

    lanes: list[Lane]
    marks: list[Mark]
    undated: list[EventRow]
    _by_lane: dict[int, tuple[list[float], list[Mark], float]] = field(default_factory=dict, repr=False)
    _starts: list[float] = field(default_factory=list, repr=False)
    _ends: list[float] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        lanes: dict[int, list[Mark]] = {}
        for mark in self.marks:
            lanes.setdefault(mark.lane, []).append(mark)
        for lane, marks in lanes.items():
            marks.sort(key=lambda m: m.x0)
            widest = max(m.x1 - m.x0 for m in marks)
            self._by_lane[lane] = ([m.x0 for m in marks], marks, widest)
        spans: dict[str, tuple[float, float]] = {m.event_id: (m.x0, m.x1) for m in self.marks}
        self._starts = sorted(s for s, _ in spans.values())
        self._ends = sorted(e for _, e in spans.values())

    @property
    def plotted_ids(self) -> set[str]:
        return {m.event_id for m in self.marks}

    def count_in_view(self, x_min: float, x_max: float) -> int:
        """Return how many distinct plotted events overlap the x interval ``[x_min, x_max)``."""
        started = bisect.bisect_left(self._starts, x_max)
        ended_before = bisect.bisect_right(self._ends, x_min)
        return max(0, started - ended_before)

    def hit(self, x: float, y: float, tol_x: float, tol_y: float) -> Mark | None:
        """Return the mark under ``(x, y)``, allowing *tol_x* days and *tol_y* lane units of slack."""
        lane = int(y + 0.5) if y >= -0.5 else -1
        found = self._by_lane.get(lane)
        if not found:
            return None
        starts, marks, widest = found
        hi = bisect.bisect_right(starts, x + tol_x)
        best, best_score = None, None
        i = hi - 1
        while i >= 0 and starts[i] >= x - tol_x - widest:
            m = marks[i]
            i -= 1
            if m.kind == POINT:
                dx = abs(x - m.center)
                inside_x = dx <= tol_x
            else:
                dx = 0.0 if m.x0 <= x <= m.x1 else min(abs(x - m.x0), abs(x - m.x1))
                inside_x = dx <= tol_x
            dy = abs(y - m.y)
            if not inside_x or dy > max(m.height / 2, tol_y):
                continue
            score = (m.kind != POINT, dy, dx)
            if best_score is None or score < best_score:
                best, best_score = m, score
        return best


def _pack(entries: list[tuple[EventRow, int, int]], lane: int, min_days: int) -> list[Mark]:
    """Place a lane's events on up to MAX_TRACKS tracks so that overlapping marks sit apart."""
    entries.sort(key=lambda e: (e[1], -(e[2] - e[1])))
    track_end: list[float] = []
    assigned: list[int] = []
    for _, x0, x1 in entries:
        reach = max(x1, x0 + min_days)
        for t, end in enumerate(track_end):
            if end <= x0:
                track_end[t] = reach
                assigned.append(t)
                break
        else:
            if len(track_end) < MAX_TRACKS:
                track_end.append(reach)
                assigned.append(len(track_end) - 1)
            else:
                t = min(range(len(track_end)), key=track_end.__getitem__)
                track_end[t] = max(track_end[t], reach)
                assigned.append(t)
    tracks = max(1, len(track_end))
    step = 0.8 / tracks
    marks = []
    for (event, x0, x1), t in zip(entries, assigned):
        kind = _MARK_KIND[event.precision] if event.precision in _MARK_KIND else SPAN
        height = step * (0.45 if kind == RANGE else 0.8)
        y = lane + (t - (tracks - 1) / 2) * step
        marks.append(Mark(event.id, lane, y, float(x0), float(x1), kind, event.approximate,
                          event.category, height))
    return marks


def build_layout(events: Sequence[EventRow], lanes: Sequence[Lane],
                 lane_of: dict[str, list[str]], min_days: int = 45) -> TimelineLayout:
    """Lay out *events* on *lanes*.

    Args:
        events: the events to show (dated ones are drawn, undated ones listed).
        lanes: the rows, top to bottom.
        lane_of: event id -> lane keys it belongs to (events with no known lane are not drawn).
        min_days: how wide (in days) a point counts when packing overlapping marks onto tracks.
    """
    index = {lane.key: i for i, lane in enumerate(lanes)}
    per_lane: dict[int, list[tuple[EventRow, int, int]]] = {}
    undated = []
    for event in events:
        extent = event_extent(event)
        if extent is None:
            undated.append(event)
            continue
        for key in lane_of.get(event.id, ()):
            if key in index:
                per_lane.setdefault(index[key], []).append((event, *extent))
    marks: list[Mark] = []
    for lane, entries in sorted(per_lane.items()):
        marks.extend(_pack(entries, lane, min_days))
    return TimelineLayout(list(lanes), marks, undated)


def category_lanes(events: Iterable[EventRow], vocabulary: dict[str, dict[str, Any]]
                   ) -> tuple[list[Lane], dict[str, list[str]]]:
    """Return one lane per category (vocabulary order, then any unknown category) and the lane of each event."""
    events = list(events)
    keys = list(vocabulary)
    for event in events:
        if event.category not in keys:
            keys.append(event.category)
    lanes = [Lane(k, str(vocabulary.get(k, {}).get("en", k)), str(vocabulary.get(k, {}).get("zh", k)))
             for k in keys]
    return lanes, {e.id: [e.category] for e in events}


def event_links(db: Any, kind: str) -> dict[str, list[str]]:
    """Return event id -> ids of the entities of *kind* it is linked to by a relation (either direction).

    *db* is a :class:`sqlite_utils.Database` (or anything with ``execute``) over the reference database.
    """
    sql = ("SELECT r.subject, r.object FROM relations r JOIN entities ev ON ev.id = r.subject "
           "JOIN entities x ON x.id = r.object WHERE ev.kind = 'event' AND x.kind = ? "
           "UNION SELECT r.object, r.subject FROM relations r JOIN entities ev ON ev.id = r.object "
           "JOIN entities x ON x.id = r.subject WHERE ev.kind = 'event' AND x.kind = ?")
    links: dict[str, list[str]] = {}
    for event_id, entity_id in db.execute(sql, [kind, kind]).fetchall():
        targets = links.setdefault(event_id, [])
        if entity_id not in targets:
            targets.append(entity_id)
    return links


def events_linked_to(db: Any, entity_ids: Sequence[str]) -> set[str]:
    """Return the ids of events linked by a relation to any of *entity_ids* (events among them included)."""
    ids = list(dict.fromkeys(entity_ids))
    found = {i for i in ids if i.startswith("event/")}
    for chunk in range(0, len(ids), 400):
        part = ids[chunk:chunk + 400]
        marks = ",".join("?" * len(part))
        sql = (f"SELECT r.subject FROM relations r JOIN entities e ON e.id = r.subject "
               f"WHERE e.kind = 'event' AND r.object IN ({marks}) UNION "
               f"SELECT r.object FROM relations r JOIN entities e ON e.id = r.object "
               f"WHERE e.kind = 'event' AND r.subject IN ({marks})")
        found.update(row[0] for row in db.execute(sql, part + part).fetchall())
    return found


def entity_lanes(events: Sequence[EventRow], links: dict[str, list[str]],
                 names: dict[str, tuple[str, str, str]], kind_label: tuple[str, str],
                 limit: int = MAX_ENTITY_LANES) -> tuple[list[Lane], dict[str, list[str]]]:
    """Return one lane per linked entity (most events first, at most *limit*), then "other" and "not linked".

    Args:
        events: the events to place.
        links: event id -> entity ids (see :func:`event_links`).
        names: entity id -> ``(kind, name_en, name_zh)``.
        kind_label: the plural noun for the entities, ``(en, zh)``, used in the pseudo-lanes' labels.
        limit: most entity lanes; the rest share one "other" lane.
    """
    dated = [e for e in events if e.span_start]
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for event in dated:
        for entity in links.get(event.id, ()):
            counts[entity] = counts.get(entity, 0) + 1
            if entity not in first or event.span_start < first[entity]:
                first[entity] = event.span_start or ""
    chosen = sorted(counts, key=lambda k: (-counts[k], first.get(k, ""), k))[:limit]
    chosen.sort(key=lambda k: (first.get(k, ""), names.get(k, ("", k, ""))[1].lower()))
    chosen_set = set(chosen)
    lanes = [Lane(k, names.get(k, ("", k, ""))[1] or k, names.get(k, ("", "", ""))[2]) for k in chosen]
    lane_of: dict[str, list[str]] = {}
    has_other = has_none = False
    for event in dated:  # undated events are listed, never drawn: they need no lane
        linked = links.get(event.id, [])
        keys = [k for k in linked if k in chosen_set]
        if linked and len(keys) < len(linked):
            keys.append(LANE_OTHER)
            has_other = True
        if not linked:
            keys = [LANE_NONE]
            has_none = True
        lane_of[event.id] = keys
    if has_other:
        lanes.append(Lane(LANE_OTHER, f"Other {kind_label[0]}", f"其他{kind_label[1]}"))
    if has_none:
        lanes.append(Lane(LANE_NONE, f"Not linked to {kind_label[0]}", f"未关联{kind_label[1]}"))
    return lanes, lane_of


def filter_events(events: Iterable[EventRow], categories: set[str] | None = None,
                  ids: set[str] | None = None) -> list[EventRow]:
    """Keep the events in *categories* (all when ``None``) whose id is in *ids* (all when ``None``)."""
    return [e for e in events if (categories is None or e.category in categories)
            and (ids is None or e.id in ids)]


def text_matches(event: EventRow, text: str) -> bool:
    """Return True when *text* occurs (case-insensitively) in the event's titles, stated date or id."""
    needle = text.strip().casefold()
    if not needle:
        return True
    hay = " ".join((event.title_en, event.title_zh, event.date_stated, event.id, event.date or "")).casefold()
    return all(part in hay for part in needle.split())

