"""The timeline's column path: the store's columns, and array layouts equal to the row-based ones."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from cgt_desktop.core.timeline import data as td
from cgt_desktop.core.timeline import model as tm
import timeline_reference as ref  # tests/timeline_reference.py: the rules row by row
from cgt_desktop.core.domain.models import EventRow
from test_timeline_model import ev  # the same hand-made events as the row-based tests

VOCAB = {"policy": {"en": "Policy", "zh": "政策"}, "academic": {"en": "Academic", "zh": "学术"}}


def columns_of(events: list[EventRow]) -> td.EventColumns:
    """The columns the store would return for *events* (already in timeline order)."""
    day = lambda iso: float(tm.day_number(iso)) if iso else math.nan  # noqa: E731
    return td.columns_from_store({
        "id": [e.id for e in events], "category": [e.category for e in events],
        "precision": [e.precision for e in events], "start": np.array([day(e.span_start) for e in events]),
        "end": np.array([day(e.span_end) for e in events]), "approximate": np.array([e.approximate for e in events])})


def timeline_order(events: list[EventRow]) -> list[EventRow]:
    return sorted(events, key=lambda e: (e.span_start is None, e.span_start or "", e.span_end or "", e.id))


def random_events(n: int, seed: int = 3) -> list[EventRow]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        year = rng.randint(2008, 2025)
        shape = rng.choice(["day", "month", "year", "range", "undated"])
        start = {"day": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                 "month": f"{year}-{rng.randint(1, 12):02d}", "year": str(year), "range": str(year),
                 "undated": None}[shape]
        end = str(min(2025, year + rng.randint(1, 3))) if shape == "range" else None
        out.append(ev(f"event/{i:04d}", start, end, rng.choice(["policy", "academic", "misc"]),
                      approximate=rng.random() < 0.1))
    return timeline_order(out)


def test_array_layout_equals_the_row_layout():
    events = random_events(600)
    columns = columns_of(events)
    rows = np.arange(len(events))
    lanes, pairs = td.category_pairs(columns, rows, VOCAB)
    layout = td.build_array_layout(columns, rows, lanes, pairs)
    old_lanes, lane_of = ref.category_lanes(events, VOCAB)
    old = ref.build_layout(events, old_lanes, lane_of)
    assert lanes == old_lanes and [lane.key for lane in lanes] == ["policy", "academic", "misc"]
    assert sorted(layout.marks) == sorted(old.marks)
    assert layout.undated_ids == [e.id for e in old.undated] and layout.undated_ids
    assert layout.plotted_ids == old.plotted_ids
    for lo, hi in ((0, 30000), (tm.year_start(2015), tm.year_start(2016)), (tm.year_start(2030), 30000)):
        assert layout.count_in_view(lo, hi) == old.count_in_view(lo, hi)
    rng = random.Random(5)
    for _ in range(500):
        m = rng.choice(old.marks)
        x, y = m.center + rng.uniform(-40, 40), m.y + rng.uniform(-0.3, 0.3)
        assert layout.hit(x, y, 6, 0.05) == old.hit(x, y, 6, 0.05)
    assert layout.hit(tm.year_start(2010), 42.0, 6, 0.05) is None


def test_hidden_categories_and_filtered_rows_get_no_lane():
    events = random_events(200)
    columns = columns_of(events)
    keep = columns.category_mask({"academic"})
    rows = np.flatnonzero(keep)
    lanes, pairs = td.category_pairs(columns, rows, {"academic": VOCAB["academic"]})
    layout = td.build_array_layout(columns, rows, lanes, pairs)
    assert [lane.key for lane in lanes] == ["academic"]
    assert layout.plotted_ids == {e.id for e in events if e.category == "academic" and e.span_start}
    assert set(layout.undated_ids) == {e.id for e in events if e.category == "academic" and not e.span_start}


def test_entity_lanes_as_arrays_equal_the_row_lanes():
    events = timeline_order([ev("a", "2019"), ev("b", "2020"), ev("c", "2021"), ev("u", None)])
    links = {"a": ["organization/x"], "b": ["organization/x", "organization/y"], "u": ["organization/z"]}
    names = {"organization/x": ("organization", "X Org", "甲"), "organization/y": ("organization", "Y Org", "乙")}
    columns = columns_of(events)
    rows = np.arange(len(events))
    for limit in (1, 30):
        lanes, pairs = td.entity_pairs(columns, rows, links, names, ("organizations", "机构"), limit=limit)
        old_lanes, lane_of = ref.entity_lanes(events, links, names, ("organizations", "机构"), limit=limit)
        assert lanes == old_lanes
        layout = td.build_array_layout(columns, rows, lanes, pairs)
        assert sorted(layout.marks) == sorted(ref.build_layout(events, old_lanes, lane_of).marks)
    few, pairs = td.entity_pairs(columns, np.array([0]), links, names, ("organizations", "机构"))
    assert [lane.key for lane in few] == ["organization/x"]  # no empty "other"/"not linked" lanes


def test_packing_beyond_three_tracks_matches_the_row_packing(monkeypatch):
    events = timeline_order([ev(f"e{i}", "2020") for i in range(7)] + [ev("p", "2020-03-01")])
    columns = columns_of(events)
    rows = np.arange(len(events))
    for tracks in (3, 5):
        monkeypatch.setattr(tm, "MAX_TRACKS", tracks)
        lanes, pairs = td.category_pairs(columns, rows, VOCAB)
        layout = td.build_array_layout(columns, rows, lanes, pairs)
        old = ref.build_layout(events, *ref.category_lanes(events, VOCAB))
        assert sorted(layout.marks) == sorted(old.marks)
        assert len({m.y for m in layout.marks}) == tracks


def test_period_mask_and_positions():
    events = timeline_order([ev("y", "2019"), ev("d", "2020-01-01"), ev("u", None)])
    columns = columns_of(events)
    assert columns.ids == ["y", "d", "u"]
    assert td.period_mask(columns, ("2019-12-31", "2020-06-01")).tolist() == [True, True, False]
    assert td.period_mask(columns, ("2020-01-02", "2020-06-01")).tolist() == [False, False, False]
    assert td.period_mask(columns, None).tolist() == [True, True, False]
    assert columns.positions(["u", "nope", "y"]).tolist() == [2, 0]
    assert columns.index_of("d") == 1 and columns.index_of("zz") is None


def test_store_columns_are_the_timeline_rows(store):
    for args in ((), tm.LIMIT_YEARS, (2019, 2020)):
        for include_undated in (True, False):
            rows = store.timeline(*args, include_undated=include_undated)
            raw = store.timeline_columns(*args, include_undated=include_undated)
            assert raw["id"] == [e.id for e in rows]
            assert raw["category"] == [e.category for e in rows]
            assert raw["precision"] == [e.precision for e in rows]
            assert raw["approximate"].tolist() == [e.approximate for e in rows]
            for key, attr in (("start", "span_start"), ("end", "span_end")):
                expected = [tm.day_number(getattr(e, attr)) if getattr(e, attr) else None for e in rows]
                got = [None if math.isnan(v) else int(v) for v in raw[key].tolist()]
                assert got == expected
    assert any(e.span_start is None for e in store.timeline())  # the corpus has undated events


def test_store_text_search_needs_every_word_in_titles_stated_date_or_id(store):
    events = store.timeline()
    event = next(e for e in events if e.title_zh and e.date_stated)
    for part in (event.title_en, event.title_zh, event.date_stated, event.id, event.title_en.upper()):
        assert event.id in store.timeline_text_ids(part)
    query = f"{event.title_en.split()[0]}  {event.title_zh}"
    both = store.timeline_text_ids(query)
    assert event.id in both and both == {e.id for e in events if ref.text_matches(e, query)}
    assert store.timeline_text_ids("zzqqxx-not-there") == set()
    assert len(store.timeline_text_ids("")) == store.counts()["event"]


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_inputs(n):
    events = random_events(n)
    columns = columns_of(events)
    rows = np.arange(n)
    lanes, pairs = td.category_pairs(columns, rows, VOCAB)
    layout = td.build_array_layout(columns, rows, lanes, pairs)
    assert len(layout.marks) == sum(1 for e in events if e.span_start)
    assert layout.count_in_view(0, 30000) == len(layout.marks)


def test_the_timeline_read_stored_at_build_time_equals_the_live_read(store):
    import numpy as np

    from cgt_desktop.core.catalog.timeline_columns import CACHED, read_cache, read_columns

    cached = read_cache(store.conn, *CACHED)
    live = read_columns(store.conn, *CACHED)
    assert cached is not None and len(cached["id"]) == len(live["id"]) > 20
    for key in ("id", "category", "precision"):
        assert cached[key] == live[key]
    for key in ("start", "end", "approximate"):
        assert np.array_equal(cached[key], live[key], equal_nan=True), key
    assert read_cache(store.conn, 2010, 2012, False) is None  # only the tab's own read is stored
    assert store.timeline_columns(2010, 2012, include_undated=False)["id"] == read_columns(
        store.conn, 2010, 2012, False)["id"]


def test_a_database_built_without_the_stored_read_still_gives_the_columns(reference_db):
    import sqlite3

    from cgt_desktop.core.catalog.store import Catalog
    from cgt_desktop.core.catalog.timeline_columns import CACHED

    with sqlite3.connect(reference_db) as conn:
        conn.execute("DROP TABLE timeline_cache")
    store = Catalog(reference_db)
    try:
        columns = store.timeline_columns(*CACHED[:2], include_undated=True)
        assert len(columns["id"]) == store.counts()["event"]
    finally:
        store.close()
