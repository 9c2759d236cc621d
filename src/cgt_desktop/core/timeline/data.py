"""The timeline's events as columns and their layout as arrays, for 100 000 events without a row object each.

:meth:`Catalog.timeline_columns` reads only what drawing needs (ids, the
span as day numbers, category, precision, approximate) into arrays;
:func:`build_array_layout` lanes and packs them, and :class:`ArrayLayout`
answers the questions the plot asks (marks, hit tests, counts) from arrays.
The rules, written row by row over :class:`~cgt_desktop.core.domain.models.EventRow`
lists, are in ``tests/timeline_reference.py``: the tests check that both give
exactly the same marks, hits and counts. Full rows
(titles, stated dates, sources) are read by id only when something shows them:
a tooltip, the visible part of a list.

numpy is imported inside the functions (it is heavy; importing this module stays cheap).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from cgt_desktop.core.timeline import model as tm

#: Mark kinds as small integers in the arrays (see :data:`KIND_NAMES`).
KIND_POINT, KIND_SPAN, KIND_RANGE = 0, 1, 2
KIND_NAMES = (tm.POINT, tm.SPAN, tm.RANGE)
_KIND_CODE = {precision: KIND_NAMES.index(kind) for precision, kind in tm.MARK_KIND.items()}


@dataclass
class EventColumns:
    """The timeline's events, one array entry per event, dated ones by (start, end, id), then the undated.

    Attributes:
        ids: event ids.
        categories: the distinct categories; ``cat`` holds indexes into it.
        cat: category index of each event.
        x0: first possible day (day number, see :func:`timeline_model.day_number`), NaN when undated.
        x1: the day after the last possible day, NaN when undated.
        kind: how each event is drawn (``KIND_*``; month/year and any unexpected precision: span).
        approximate: the date is approximate (computed from the text).
    """

    ids: list[str]
    categories: list[str]
    cat: Any
    x0: Any
    x1: Any
    kind: Any
    approximate: Any
    _index: dict[str, int] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def dated(self) -> Any:
        """Boolean mask of the events that have a span (the others are listed, never plotted)."""
        import numpy as np

        return ~np.isnan(self.x0)

    def index_of(self, event_id: str) -> int | None:
        """Return the position of *event_id*, ``None`` when it is not among the columns."""
        if self._index is None:
            self._index = {e: i for i, e in enumerate(self.ids)}
        return self._index.get(event_id)

    def positions(self, event_ids: Sequence[str] | set[str]) -> Any:
        """Return the positions of those of *event_ids* that are among the columns (an int array)."""
        import numpy as np

        found = (self.index_of(e) for e in event_ids)
        return np.fromiter((i for i in found if i is not None), np.int64)

    def category_mask(self, shown: set[str] | None) -> Any:
        """Boolean mask of the events whose category is in *shown* (all when ``None``)."""
        import numpy as np

        if shown is None:
            return np.ones(len(self.ids), bool)
        keep = np.array([c in shown for c in self.categories] + [False], bool)
        return keep[self.cat]


def columns_from_store(raw: dict[str, Any]) -> EventColumns:
    """Turn :meth:`Catalog.timeline_columns` output into :class:`EventColumns`."""
    import numpy as np

    categories = sorted(set(raw["category"]))
    code = {c: i for i, c in enumerate(categories)}
    cat = np.fromiter((code[c] for c in raw["category"]), np.int32, len(raw["category"]))
    kind = np.fromiter((_KIND_CODE.get(p, KIND_SPAN) for p in raw["precision"]), np.int8, len(raw["precision"]))
    x0 = np.asarray(raw["start"], float)
    return EventColumns(ids=list(raw["id"]), categories=categories, cat=cat, x0=x0,
                        x1=np.asarray(raw["end"], float) + 1, kind=kind,
                        approximate=np.asarray(raw["approximate"], bool))


@dataclass
class ArrayLayout:
    """Lanes and marks as parallel arrays (one entry per mark), with hit tests and counts.

    Attributes:
        lanes: the rows, top to bottom.
        columns: the events the marks point into.
        ev: for each mark, the position of its event in ``columns``.
        lane, y, x0, x1, height: the mark's lane, vertical centre, extent in days and height in lane units.
        kind: ``KIND_*`` of each mark.
        undated: positions (in ``columns``) of the events listed apart, in order.
    """

    lanes: list[tm.Lane]
    columns: EventColumns
    ev: Any
    lane: Any
    y: Any
    x0: Any
    x1: Any
    height: Any
    kind: Any
    undated: Any
    _marks: list[tm.Mark] | None = field(default=None, repr=False)
    _lane_order: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        import numpy as np

        order = np.lexsort((self.x0, self.lane))  # by lane, then start: hit tests bisect one lane
        self._lane_order = order
        self._lane_bounds = np.searchsorted(self.lane[order], np.arange(len(self.lanes) + 1))
        self._sorted_x0 = self.x0[order]
        widths = self.x1 - self.x0
        self._widest = [float(widths[order[a:b]].max()) if b > a else 0.0
                        for a, b in zip(self._lane_bounds[:-1], self._lane_bounds[1:])]
        events = np.zeros(len(self.columns), bool)
        events[self.ev] = True
        self._starts = np.sort(self.columns.x0[events])
        self._ends = np.sort(self.columns.x1[events])

    def __len__(self) -> int:
        return len(self.ev)

    @property
    def approximate(self) -> Any:
        return self.columns.approximate[self.ev]

    @property
    def cat(self) -> Any:
        return self.columns.cat[self.ev]

    @property
    def undated_ids(self) -> list[str]:
        return [self.columns.ids[i] for i in self.undated.tolist()]

    @property
    def plotted_ids(self) -> set[str]:
        ids = self.columns.ids
        return {ids[i] for i in set(self.ev.tolist())}

    def event_id(self, mark: int) -> str:
        """Return the event id of mark number *mark*."""
        return self.columns.ids[int(self.ev[mark])]

    def mark(self, i: int) -> tm.Mark:
        """Return mark number *i* as a :class:`~cgt_desktop.core.timeline.model.Mark`."""
        c = self.columns
        e = int(self.ev[i])
        return tm.Mark(c.ids[e], int(self.lane[i]), float(self.y[i]), float(self.x0[i]), float(self.x1[i]),
                       KIND_NAMES[int(self.kind[i])], bool(c.approximate[e]), c.categories[int(c.cat[e])],
                       float(self.height[i]))

    @property
    def marks(self) -> list[tm.Mark]:
        """Every mark as a tuple (built on first use; the plot itself reads the arrays)."""
        if self._marks is None:
            self._marks = [self.mark(i) for i in range(len(self.ev))]
        return self._marks

    def marks_of(self, positions: Any) -> Any:
        """Return the indexes of the marks of the events at *positions* (in ``columns``)."""
        import numpy as np

        return np.flatnonzero(np.isin(self.ev, positions))

    def count_in_view(self, x_min: float, x_max: float) -> int:
        """Return how many distinct plotted events overlap the x interval ``[x_min, x_max)``."""
        import numpy as np

        started = int(np.searchsorted(self._starts, x_max, "left"))
        ended_before = int(np.searchsorted(self._ends, x_min, "right"))
        return max(0, started - ended_before)

    def hit(self, x: float, y: float, tol_x: float, tol_y: float) -> tm.Mark | None:
        """Return the mark under ``(x, y)``, allowing *tol_x* days and *tol_y* lane units of slack.

        A point within *tol_x* of its day's centre, a bar
        within *tol_x* of its extent; points win over bars, then the nearest vertically, then horizontally.
        """
        import numpy as np

        lane = int(y + 0.5) if y >= -0.5 else -1
        if not 0 <= lane < len(self.lanes):
            return None
        a, b = int(self._lane_bounds[lane]), int(self._lane_bounds[lane + 1])
        if a == b:
            return None
        xs = self._sorted_x0[a:b]
        lo = a + int(np.searchsorted(xs, x - tol_x - self._widest[lane], "left"))
        hi = a + int(np.searchsorted(xs, x + tol_x, "right"))
        if lo >= hi:
            return None
        idx = self._lane_order[lo:hi]
        x0, x1, kind = self.x0[idx], self.x1[idx], self.kind[idx]
        point = kind == KIND_POINT
        dx_bar = np.where((x0 <= x) & (x <= x1), 0.0, np.minimum(np.abs(x - x0), np.abs(x - x1)))
        dx = np.where(point, np.abs(x - (x0 + x1) / 2), dx_bar)
        dy = np.abs(y - self.y[idx])
        ok = (dx <= tol_x) & (dy <= np.maximum(self.height[idx] / 2, tol_y))
        if not ok.any():
            return None
        idx, point, dx, dy = idx[ok], point[ok], dx[ok], dy[ok]
        best = np.lexsort((-idx, dx, dy, ~point))[0]  # ties: the later-starting mark, as the list scan did
        return self.mark(int(idx[best]))


def _pack_tracks(x0: list[float], reach: list[float]) -> tuple[list[int], int]:
    """Greedy track assignment onto at most ``MAX_TRACKS`` tracks (marks already sorted by start).

    Tracks are opened in order, so an unopened track can be modelled as one that ended at -inf:
    the first track that is free (ended by the mark's start) is the one the original loop takes.
    """
    out: list[int] = []
    add = out.append
    if tm.MAX_TRACKS != 3:
        ends = [float("-inf")] * tm.MAX_TRACKS
        for start, r in zip(x0, reach):
            t = next((t for t, end in enumerate(ends) if end <= start), None)
            if t is None:
                t = ends.index(min(ends))
                r = max(ends[t], r)
            ends[t] = r
            add(t)
        return out, max(out, default=0) + 1
    a = b = c = float("-inf")  # the same, unrolled for three tracks (100 000 marks: ~3x faster)
    for start, r in zip(x0, reach):
        if a <= start:
            a = r
            add(0)
        elif b <= start:
            b = r
            add(1)
        elif c <= start:
            c = r
            add(2)
        elif a <= b and a <= c:
            a = max(a, r)
            add(0)
        elif b <= c:
            b = max(b, r)
            add(1)
        else:
            c = max(c, r)
            add(2)
    return out, max(out, default=0) + 1


def build_array_layout(columns: EventColumns, rows: Any, lanes: Sequence[tm.Lane], pairs: tuple[Any, Any],
                       min_days: int = 45) -> ArrayLayout:
    """Lay out the events at positions *rows* of *columns* on *lanes*.

    Args:
        columns: all the events.
        rows: positions of the events to show, in timeline order (dated are drawn, undated listed).
        lanes: the rows of the plot, top to bottom.
        pairs: ``(event positions, lane indexes)``: each dated event's lanes (an event may have several).
        min_days: how wide (in days) a point counts when packing overlapping marks onto tracks.
    """
    import numpy as np

    rows = np.asarray(rows, np.int64)
    undated = rows[np.isnan(columns.x0[rows])]
    ev, lane = (np.asarray(p, np.int64) for p in pairs)
    x0, x1 = columns.x0[ev], columns.x1[ev]
    order = np.lexsort((-(x1 - x0), x0, lane))  # per lane: by start, the longest first
    ev, lane, x0, x1 = ev[order], lane[order], x0[order], x1[order]
    kind = columns.kind[ev]
    track = np.zeros(len(ev), np.int64)
    tracks = np.ones(len(ev), np.int64)
    bounds = np.searchsorted(lane, np.arange(len(lanes) + 1))
    reach = np.maximum(x1, x0 + min_days)
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        if b > a:
            assigned, n = _pack_tracks(x0[a:b].tolist(), reach[a:b].tolist())
            track[a:b] = assigned
            tracks[a:b] = n
    step = 0.8 / tracks
    height = step * np.where(kind == KIND_RANGE, 0.45, 0.8)
    y = lane + (track - (tracks - 1) / 2) * step
    return ArrayLayout(list(lanes), columns, ev, lane, y, x0, x1, height, kind, undated)


def category_pairs(columns: EventColumns, rows: Any, vocabulary: dict[str, dict[str, Any]]
                   ) -> tuple[list[tm.Lane], tuple[Any, Any]]:
    """One lane per category (vocabulary order, then unknown ones) and each dated event's lane."""
    import numpy as np

    rows = np.asarray(rows, np.int64)
    keys = list(vocabulary)
    present = [columns.categories[i] for i in np.unique(columns.cat[rows]).tolist()]
    keys += [c for c in present if c not in keys]
    lanes = [tm.Lane(k, str(vocabulary.get(k, {}).get("en", k)), str(vocabulary.get(k, {}).get("zh", k)))
             for k in keys]
    place = {k: n for n, k in enumerate(keys)}
    lane_of_cat = np.array([place.get(c, -1) for c in columns.categories] + [-1], np.int64)
    dated = rows[~np.isnan(columns.x0[rows])]
    lane = lane_of_cat[columns.cat[dated]]
    return lanes, (dated[lane >= 0], lane[lane >= 0])


def entity_pairs(columns: EventColumns, rows: Any, links: dict[str, list[str]],
                 names: dict[str, tuple[str, str, str]], kind_label: tuple[str, str],
                 limit: int = tm.MAX_ENTITY_LANES) -> tuple[list[tm.Lane], tuple[Any, Any]]:
    """One lane per linked entity (most events first, at most *limit*), then "other" and "not linked"."""
    import numpy as np

    rows = np.asarray(rows, np.int64)
    dated = rows[~np.isnan(columns.x0[rows])].tolist()
    ids, starts = columns.ids, columns.x0
    counts: dict[str, int] = {}
    first: dict[str, float] = {}
    for i in dated:
        start = starts[i]
        for entity in links.get(ids[i], ()):
            counts[entity] = counts.get(entity, 0) + 1
            if entity not in first or start < first[entity]:
                first[entity] = start
    chosen = sorted(counts, key=lambda k: (-counts[k], first.get(k, 0.0), k))[:limit]
    chosen.sort(key=lambda k: (first.get(k, 0.0), names.get(k, ("", k, ""))[1].lower()))
    lanes = [tm.Lane(k, names.get(k, ("", k, ""))[1] or k, names.get(k, ("", "", ""))[2]) for k in chosen]
    index = {k: n for n, k in enumerate(chosen)}
    other, none = len(lanes), len(lanes) + 1  # renumbered below when a pseudo-lane is absent
    ev: list[int] = []
    lane: list[int] = []
    has_other = has_none = False
    for i in dated:  # undated events are listed, never drawn: they need no lane
        linked = links.get(ids[i], [])
        keys = [index[k] for k in linked if k in index]
        if linked and len(keys) < len(linked):
            keys.append(other)
            has_other = True
        if not linked:
            keys = [none]
            has_none = True
        ev.extend([i] * len(keys))
        lane.extend(keys)
    if has_other:
        lanes.append(tm.Lane(tm.LANE_OTHER, f"Other {kind_label[0]}", f"其他{kind_label[1]}"))
    if has_none:
        lanes.append(tm.Lane(tm.LANE_NONE, f"Not linked to {kind_label[0]}", f"未关联{kind_label[1]}"))
    lane_arr = np.asarray(lane, np.int64)
    if not has_other:
        lane_arr[lane_arr == none] = other
    return lanes, (np.asarray(ev, np.int64), lane_arr)


def period_mask(columns: EventColumns, period: tuple[str, str] | None) -> Any:
    """Boolean mask of the events whose span overlaps *period* (ISO first/last day; all dated when ``None``)."""
    import numpy as np

    dated = ~np.isnan(columns.x0)
    if period is None:
        return dated
    first, last = tm.extent_of_period(period)
    with np.errstate(invalid="ignore"):
        return dated & (columns.x0 < last) & (columns.x1 > first)
