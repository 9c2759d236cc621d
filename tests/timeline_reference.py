"""The timeline's layout rules written row by row: the reference the app's array layout is checked against.

The app lays out 100 000 events as numpy columns (:mod:`cgt_desktop.core.timeline.data`). These are the
same rules for a list of :class:`~cgt_desktop.core.domain.models.EventRow` — mark kinds, extents, lanes, packing
onto tracks, hit tests, counts — written plainly. ``tests/core/test_timeline_model.py`` checks the rules
here, and ``tests/core/test_timeline_data.py`` checks that the array layout gives exactly the same marks,
hits and counts.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from cgt_desktop.core.timeline import model as tm  # tm.MAX_TRACKS read at call time (tests change it)
from cgt_desktop.core.domain.models import EventRow
from cgt_desktop.core.timeline.model import (
    LANE_NONE, LANE_OTHER, MARK_KIND, MAX_ENTITY_LANES, POINT, RANGE, SPAN, Lane, Mark, day_number,
)


def mark_kind(precision: str) -> str | None:
    """Return how an event of *precision* is drawn (``point``, ``span``, ``range``), ``None`` if not at all."""
    return MARK_KIND.get(precision)


def event_extent(event: EventRow) -> tuple[int, int] | None:
    """Return ``(x0, x1)``: from the start of the event's first possible day to the end of its last."""
    if not event.span_start or not event.span_end:
        return None
    return day_number(event.span_start), day_number(event.span_end) + 1


def overlaps(event: EventRow, period: tuple[str, str] | None) -> bool:
    """Return True when the span the event could mean overlaps *period* (always True without a period)."""
    if period is None:
        return True
    if not event.span_start or not event.span_end:
        return False
    first, last = period
    return event.span_start <= last and event.span_end >= first


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


def pack(entries: list[tuple[EventRow, int, int]], lane: int, min_days: int) -> list[Mark]:
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
            if len(track_end) < tm.MAX_TRACKS:
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
        kind = MARK_KIND[event.precision] if event.precision in MARK_KIND else SPAN
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
        marks.extend(pack(entries, lane, min_days))
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
