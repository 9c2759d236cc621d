"""The timeline's Qt-free model: spans, lanes, packing, hit tests, counts, links."""

from __future__ import annotations

import sqlite3
from datetime import date

from cgt_desktop.core.timeline import model as tm
import timeline_reference as ref  # tests/timeline_reference.py: the rules row by row
from cgt_desktop.core.domain.dates import event_span
from cgt_desktop.core.domain.models import EventRow


def ev(eid: str, start: str | None, end: str | None = None, category: str = "policy",
       approximate: bool = False) -> EventRow:
    span = event_span(start, end)
    precision = "unknown" if not start else ("range" if end else span.precision)
    return EventRow(id=eid, title_en=f"T {eid}", title_zh=f"标题 {eid}", category=category, date=start, end=end,
                    precision=precision, approximate=approximate, date_stated=start or "not stated", date_note="",
                    span_start=span.start.isoformat() if span else None,
                    span_end=span.end.isoformat() if span else None)


def test_day_numbers_round_trip():
    assert tm.day_number("1970-01-01") == 0
    assert tm.iso_of_day(tm.day_number("2019-06-30") + 0.99) == "2019-06-30"
    assert tm.year_start(2008) == tm.day_number("2008-01-01")


def test_extent_covers_every_day_the_stated_date_could_mean():
    assert ref.event_extent(ev("m", "2019-02")) == (tm.day_number("2019-02-01"), tm.day_number("2019-02-28") + 1)
    assert ref.event_extent(ev("leap", "2020-02")) == (tm.day_number("2020-02-01"), tm.day_number("2020-02-29") + 1)
    assert ref.event_extent(ev("y", "2013")) == (tm.day_number("2013-01-01"), tm.day_number("2014-01-01"))
    assert ref.event_extent(ev("r", "2022", "2024")) == (tm.day_number("2022-01-01"), tm.day_number("2025-01-01"))
    assert ref.event_extent(ev("d", "2019-11-14")) == (tm.day_number("2019-11-14"), tm.day_number("2019-11-15"))
    assert ref.event_extent(ev("u", None)) is None


def test_mark_kinds_follow_precision():
    assert [ref.mark_kind(p) for p in ("day", "month", "year", "range", "unknown")] == [
        tm.POINT, tm.SPAN, tm.SPAN, tm.RANGE, None]


def test_period_and_extent_are_inverse():
    period = ("2019-01-01", "2021-12-31")
    assert tm.period_of_extent(*tm.extent_of_period(period)) == period
    assert tm.period_of_extent(tm.day_number("2020-05-05") + 0.3, tm.day_number("2020-05-05") + 0.6) == (
        "2020-05-05", "2020-05-05")


def test_overlaps_uses_the_whole_span():
    year = ev("y", "2019")
    assert ref.overlaps(year, ("2019-12-31", "2020-06-01"))
    assert not ref.overlaps(year, ("2020-01-01", "2020-06-01"))
    assert not ref.overlaps(ev("u", None), ("2000-01-01", "2030-12-31"))
    assert ref.overlaps(ev("u", None), None)


def test_layout_draws_dated_events_once_and_lists_undated():
    events = [ev("a", "2019-11-14"), ev("b", "2019-06", category="academic"), ev("c", None),
              ev("d", "2022", "2024")]
    lanes, lane_of = ref.category_lanes(events, {"policy": {"en": "Policy", "zh": "政策"},
                                                "academic": {"en": "Academic", "zh": "学术"}})
    layout = ref.build_layout(events, lanes, lane_of)
    assert sorted(m.event_id for m in layout.marks) == ["a", "b", "d"]
    assert [e.id for e in layout.undated] == ["c"]
    kinds = {m.event_id: m.kind for m in layout.marks}
    assert kinds == {"a": tm.POINT, "b": tm.SPAN, "d": tm.RANGE}
    assert {m.event_id: m.lane for m in layout.marks} == {"a": 0, "b": 1, "d": 0}


def test_unknown_category_gets_its_own_lane():
    lanes, lane_of = ref.category_lanes([ev("a", "2019", category="misc")], {"policy": {"en": "P", "zh": "政"}})
    assert [lane.key for lane in lanes] == ["policy", "misc"]
    assert lane_of["a"] == ["misc"]


def test_overlapping_marks_are_packed_on_separate_tracks():
    events = [ev("plan", "2022", "2024"), ev("released", "2022"), ev("target", "2022-06-01")]
    lanes, lane_of = ref.category_lanes(events, {"policy": {"en": "P", "zh": "政"}})
    layout = ref.build_layout(events, lanes, lane_of)
    ys = {m.event_id: m.y for m in layout.marks}
    assert len(set(ys.values())) == 3
    assert all(-0.5 < y < 0.5 for y in ys.values())


def test_hit_test_finds_points_and_bars():
    events = [ev("day", "2019-11-14"), ev("year", "2013")]
    lanes, lane_of = ref.category_lanes(events, {"policy": {"en": "P", "zh": "政"}})
    layout = ref.build_layout(events, lanes, lane_of)
    day = next(m for m in layout.marks if m.event_id == "day")
    assert layout.hit(day.center + 3, day.y, tol_x=10, tol_y=0.1).event_id == "day"
    assert layout.hit(day.center + 60, day.y, tol_x=10, tol_y=0.1) is None
    year = next(m for m in layout.marks if m.event_id == "year")
    assert layout.hit(tm.day_number("2013-07-01"), year.y, tol_x=1, tol_y=0.01).event_id == "year"
    assert layout.hit(tm.day_number("2013-07-01"), 3.0, tol_x=1, tol_y=0.01) is None


def test_count_in_view_counts_events_overlapping_the_view():
    events = [ev("a", "2010"), ev("b", "2015-03-02"), ev("c", "2020", "2024"), ev("u", None)]
    lanes, lane_of = ref.category_lanes(events, {"policy": {"en": "P", "zh": "政"}})
    layout = ref.build_layout(events, lanes, lane_of)
    assert layout.count_in_view(*tm.extent_of_period(("2000-01-01", "2030-12-31"))) == 3
    assert layout.count_in_view(*tm.extent_of_period(("2015-01-01", "2015-12-31"))) == 1
    assert layout.count_in_view(*tm.extent_of_period(("2023-01-01", "2023-01-02"))) == 1
    assert layout.count_in_view(*tm.extent_of_period(("2011-01-01", "2014-12-31"))) == 0


def test_entity_lanes_keep_every_event_somewhere():
    events = [ev("a", "2019"), ev("b", "2020"), ev("c", "2021"), ev("u", None)]
    links = {"a": ["organization/x"], "b": ["organization/x", "organization/y"], "u": ["organization/z"]}
    names = {"organization/x": ("organization", "X Org", "甲"), "organization/y": ("organization", "Y Org", "乙")}
    lanes, lane_of = ref.entity_lanes(events, links, names, ("organizations", "机构"), limit=1)
    assert [lane.key for lane in lanes] == ["organization/x", tm.LANE_OTHER, tm.LANE_NONE]
    assert lanes[0].label_zh == "甲"
    assert lane_of["b"] == ["organization/x", tm.LANE_OTHER]
    assert lane_of["c"] == [tm.LANE_NONE]
    assert "u" not in lane_of
    few, _ = ref.entity_lanes([events[0], events[3]], links, names, ("organizations", "机构"))
    assert [lane.key for lane in few] == ["organization/x"]  # no empty "other"/"not linked" lanes
    layout = ref.build_layout(events, lanes, lane_of)
    assert sorted(m.event_id for m in layout.marks) == ["a", "b", "b", "c"]


def test_filters():
    events = [ev("a", "2019", category="policy"), ev("b", "2020", category="clinical")]
    assert [e.id for e in ref.filter_events(events, {"clinical"})] == ["b"]
    assert [e.id for e in ref.filter_events(events, None, {"a"})] == ["a"]
    assert ref.text_matches(events[0], "标题")
    assert ref.text_matches(events[0], "t A")
    assert not ref.text_matches(events[0], "zzz")


def _links_db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE entities (id TEXT PRIMARY KEY, kind TEXT);
        CREATE TABLE relations (id TEXT, subject TEXT, predicate TEXT, object TEXT);
        INSERT INTO entities VALUES ('event/a', 'event'), ('event/b', 'event'), ('organization/o', 'organization'),
            ('person/p', 'person');
        INSERT INTO relations VALUES ('1', 'event/a', 'organizer', 'organization/o'),
            ('2', 'person/p', 'founded', 'event/b'), ('3', 'person/p', 'works_at', 'organization/o');
    """)
    return db


def test_event_links_read_both_directions():
    from cgt_desktop.core.catalog.lookups import LookupsMixin

    class Links(LookupsMixin):
        def __init__(self, conn):
            self.conn, self._matcher = conn, None

    db = Links(_links_db())
    assert db.event_links("organization") == {"event/a": ["organization/o"]}
    assert db.event_links("person") == {"event/b": ["person/p"]}
    assert db.events_linked_to(["person/p"]) == {"event/b"}
    assert db.events_linked_to(["organization/o", "event/z"]) == {"event/a", "event/z"}
    assert db.events_linked_to([]) == set()


def test_default_view_shows_2008_to_2025_inside_the_limits():
    x0, x1 = tm.default_view()
    lo, hi = tm.view_limits()
    assert lo <= x0 <= tm.day_number("2008-01-01") and tm.day_number("2025-12-31") < x1 <= hi
    assert tm.iso_of_day(lo) == "2000-01-01" and tm.iso_of_day(hi - 1) == "2030-12-31"
    assert date.fromisoformat(tm.iso_of_day(x0)).year in (2007, 2008)

