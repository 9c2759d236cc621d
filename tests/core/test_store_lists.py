"""The store's lists: what a tab shows, in the order a user expects, whichever way SQL gets there."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cgt_desktop.core.models import KIND_COLUMNS, KINDS
from cgt_desktop.core.store import ListQuery


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
