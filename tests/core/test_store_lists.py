"""The store's lists: what a tab shows, in the order a user expects, whichever way SQL gets there."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cgt_desktop.core.domain.kinds import KIND_COLUMNS, KINDS
from cgt_desktop.core.catalog.store import ListQuery


def _values(store, kind: str, key: str, ids: list[str]) -> list:
    rows = store.rows(kind, ids)
    return [rows[i][key] for i in ids]


def _expected(values: list, descending: bool, fold: bool) -> list:
    """Empty values last, the others ascending or descending (case-insensitive for English names)."""
    filled = [v for v in values if v not in (None, "")]
    key = (lambda v: v.lower() if isinstance(v, str) else v) if fold else (lambda v: v)
    return sorted(filled, key=key, reverse=descending) + [v for v in values if v in (None, "")]


@pytest.mark.parametrize("kind", KINDS)
def test_every_column_sorts_both_ways_with_empty_values_last(store, kind):
    for column in KIND_COLUMNS[kind]:
        for descending in (False, True):
            ids = store.list_ids(ListQuery(kind, sort=column.key, descending=descending))
            assert len(ids) == store.counts()[kind]
            values = _values(store, kind, column.key, ids)
            fold = "NOCASE" in column.sql
            got = [v.lower() if fold and isinstance(v, str) else v for v in values]
            want = [v.lower() if fold and isinstance(v, str) else v for v in _expected(values, descending, fold)]
            assert got == want, (kind, column.key, descending)


def test_people_sort_by_their_organization_and_empty_ones_come_last(store):
    ids = store.list_ids(ListQuery("person", sort="organization_en"))
    orgs = _values(store, "person", "organization_en", ids)
    assert orgs[0] and orgs[-1] in (None, "")  # the seed corpus has people with and without an organization
    assert orgs[0] == min((o for o in orgs if o), key=str.lower)
    assert "Fosun Kite Biotechnology Co., Ltd." in orgs  # a name copied from the organization's own record


def test_a_filtered_list_keeps_the_order_of_the_whole_list(store):
    """The unfiltered list is read in index order, a filtered one is sorted: the two must agree."""
    for kind, facet in (("organization", "type"), ("event", "type"), ("person", "organization")):
        value = store.facet_values(kind, facet)[0][0]
        for sort in ("name_en", "name_zh", "source_count"):
            for descending in (False, True):
                base = ListQuery(kind, sort=sort, descending=descending)
                whole = store.list_ids(base)
                part = store.list_ids(replace(base, facets=((facet, value),)))
                assert part and len(part) < len(whole)
                assert part == [i for i in whole if i in set(part)], (kind, facet, sort, descending)


def test_event_category_facet_keeps_only_that_category(store):
    ids = store.list_ids(ListQuery("event", facets=(("type", "clinical"),)))
    assert ids
    assert {r["category"] for r in store.rows("event", ids).values()} == {"clinical"}


def test_rows_by_key_returns_the_ids_of_the_listed_rows(store):
    query = ListQuery("person")
    keys, ids = store.list_keys(query), store.list_ids(query)
    rows = store.rows_by_key("person", keys[:10])
    assert [rows[k]["id"] for k in keys[:10]] == ids[:10]
    assert store.key_of(ids[3]) == keys[3]
    assert store.key_of("person/nobody-at-all") is None


@pytest.mark.parametrize("kind", ["person", "organization", "event", "technology", "figure"])
def test_a_whole_list_read_a_window_at_a_time_matches_the_list_read_at_once(store, kind):
    from cgt_desktop.core.catalog.rowkeys import IndexedRowKeys

    for column in KIND_COLUMNS[kind]:
        if not column.sql.startswith("e."):
            continue
        for descending in (False, True):
            query = ListQuery(kind, sort=column.key, descending=descending)
            whole = store.list_keys(query)
            windowed = IndexedRowKeys(store.db.conn, kind, column.sql, descending, window=7)
            assert len(windowed) == len(whole)
            assert list(windowed) == whole, (kind, column.key, descending)
            assert windowed[5:23] == whole[5:23] and windowed[-1] == whole[-1]
            assert [windowed.index(k) for k in whole] == list(range(len(whole)))


def test_a_windowed_list_refuses_a_row_of_another_kind(store):
    from cgt_desktop.core.catalog.rowkeys import IndexedRowKeys

    people = IndexedRowKeys(store.db.conn, "person", "e.name_en COLLATE NOCASE", False)
    with pytest.raises(ValueError):
        people.index(store.key_of("place/zhangjiang"))
    with pytest.raises(IndexError):
        people[len(people)]


def test_the_store_pages_a_whole_sorted_kind_but_reads_a_filtered_one_at_once(store):
    assert not isinstance(store.row_keys(ListQuery("person")), list)
    assert isinstance(store.row_keys(ListQuery("person", text="qian")), list)
    assert isinstance(store.row_keys(ListQuery("document", sort="date")), list)  # a joined column


def test_related_event_ids_are_the_events_of_the_entity_page(store):
    for item_id in ("person/qian-qijun", "organization/juventas", "place/zhangjiang"):
        if not store.exists(item_id):
            continue
        assert sorted(store.related_event_ids(item_id)) == sorted({e.id for e in store.entity(item_id).events})
    hub = max(store.list_ids(ListQuery("organization")), key=lambda i: len(store.entity(i).events))
    assert store.related_event_ids(hub)
    assert sorted(store.related_event_ids(hub)) == sorted({e.id for e in store.entity(hub).events})


def test_a_facet_box_reads_its_first_values_from_an_index_without_sorting(store):
    plan = " ".join(str(row[-1]) for row in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT value, n FROM facet_counts WHERE kind = ? AND facet = ? "
        "ORDER BY n DESC, value LIMIT 200", ["person", "organization"]))
    assert "facet_counts_by_n" in plan and "TEMP B-TREE" not in plan
