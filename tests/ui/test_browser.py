"""The entity tabs: row counts, sorting, filtering, facets, periods, relations and history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent

from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.ui.browse.entity_table import EntityTableModel


def _column_values(controller, column):
    model = controller.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_each_tab_lists_every_entry_of_its_kind(window, store):
    counts = store.counts()
    assert sum(counts.values()) > 0
    for i, kind in enumerate(KINDS):
        assert window.lists[kind].model.rowCount() == counts[kind]
        assert window.tabs.tabToolTip(i).startswith(f"{counts[kind]} of {counts[kind]} shown")


@pytest.mark.parametrize("kind", KINDS)
def test_models_pass_qtmodeltester(qtmodeltester, store, kind):
    model = EntityTableModel(store, kind)
    qtmodeltester.check(model)


def test_sorting_by_a_column_header_reorders_the_rows(window, qtbot):
    people = window.lists["person"]
    names = _column_values(people, 0)
    assert names == sorted(names, key=str.casefold)
    people.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    reversed_names = _column_values(people, 0)
    assert reversed_names != names
    assert reversed_names == sorted(names, key=str.casefold, reverse=True)
    sources = people.model.columns.index("source_count")
    people.view.sortByColumn(sources, Qt.SortOrder.DescendingOrder)
    counts = [int(v) for v in _column_values(people, sources)]
    assert counts == sorted(counts, reverse=True)


def test_sorting_keeps_the_selected_entry_selected(window):
    people = window.lists["person"]
    people.view.selectRow(3)
    chosen = people.model.id_at(3)
    people.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert people.model.id_at(people.view.currentIndex().row()) == chosen


def test_filter_text_keeps_only_matching_rows(window, qtbot, store):
    orgs = window.lists["organization"]
    total = orgs.model.rowCount()
    qtbot.keyClicks(orgs.filter_edit, "Shanghai")
    qtbot.waitUntil(lambda: orgs.model.rowCount() < total)
    assert orgs.model.rowCount() > 0
    rows = store.rows("organization", orgs.model.ids())
    assert all("上海" in (r["name_zh"] or "") or "shanghai" in (r["name_en"] or "").lower()
               or "shanghai" in (store.entity(i).desc_en.lower()) for i, r in rows.items())
    assert "of" in window.status_counts.text()


def test_a_filter_matching_nothing_shows_an_empty_state_that_says_what_to_do(window, qtbot):
    people = window.lists["person"]
    qtbot.keyClicks(people.filter_edit, "zzzqqqxxx")
    qtbot.waitUntil(lambda: people.model.rowCount() == 0)
    assert people.stack.currentIndex() == 1
    assert "clear the filters" in people.empty_label.text()
    assert people.clear_button.isVisibleTo(people.widget)
    qtbot.mouseClick(people.clear_button, Qt.MouseButton.LeftButton)
    assert people.model.rowCount() == window.counts["person"]
    assert people.stack.currentIndex() == 0


def test_type_facet_keeps_only_rows_of_that_type(window, store):
    orgs = window.lists["organization"]
    box = orgs.facet_boxes["type"]
    assert box.count() > 2
    box.setCurrentIndex(1)
    box.activated.emit(1)
    value = box.currentData()
    ids = orgs.model.ids()
    assert 0 < len(ids) < window.counts["organization"]
    assert {store.entity(i).subtype for i in ids} == {value}


def test_period_from_the_timeline_filters_every_tab_and_shows_in_the_status_bar(window, store):
    window.set_period(("2019-01-01", "2019-12-31"))
    events = window.lists["event"].model
    expected = [e.id for e in store.timeline(2019, 2019, include_undated=False)]
    assert sorted(events.ids()) == sorted(expected)
    assert window.status_period.isVisibleTo(window)
    assert "2019-01-01" in window.status_period.text()
    window.period_clear.click()
    assert events.rowCount() == window.counts["event"]
    assert not window.status_period.isVisibleTo(window)


def _entity_with_relations(store):
    row = store.db.execute("SELECT subject FROM relations r JOIN entities e ON e.id = r.subject "
                           "WHERE e.kind = 'person' ORDER BY r.subject LIMIT 1").fetchone()
    assert row, "the corpus has relations"
    return row[0]


def test_selecting_a_row_opens_its_page_beside_the_list(window, store):
    people = window.lists["person"]
    people.view.selectRow(2)
    item = people.model.id_at(2)
    detail = store.entity(item)
    assert detail.name_en in window.details["person"].plain_text()
    assert window.history.current == item


def test_following_a_relation_then_alt_left_returns(window, qtbot, store):
    start = _entity_with_relations(store)
    window.open_page(start)
    relation = store.entity(start).relations[0]
    page = window.details["person"]
    with qtbot.waitSignal(window.page_opened):
        page.anchorClicked.emit(QUrl("cgt:entity/" + relation.other_id))
    assert window.history.current == relation.other_id
    assert window.current_kind() == relation.other_kind
    other_page = window.details[relation.other_kind].plain_text()
    assert (relation.other_name_en or relation.other_name_zh) in other_page
    window.activateWindow()
    qtbot.keyClick(window.details[relation.other_kind], Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.history.current == start
    assert window.current_kind() == "person"
    assert store.entity(start).name_en in window.details["person"].plain_text()
    qtbot.keyClick(window.details["person"], Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.history.current == relation.other_id


def test_mouse_back_button_goes_back(window, store):
    people = window.lists["person"]
    people.view.selectRow(0)
    people.view.selectRow(1)
    first, second = people.model.id_at(0), people.model.id_at(1)
    assert window.history.current == second
    target = window.details["person"].viewport()
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(kind, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.BackButton,
                            Qt.MouseButton.BackButton if kind == QEvent.Type.MouseButtonPress
                            else Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        from PySide6.QtWidgets import QApplication

        QApplication.sendEvent(target, event)
    assert window.history.current == first
    assert people.model.id_at(people.view.currentIndex().row()) == first


def test_back_and_forward_actions_follow_the_history(window):
    assert not window.act_back.isEnabled()
    ids = window.lists["place"].model.ids()[:3]
    for item in ids:
        window.open_page(item)
    assert window.act_back.isEnabled() and not window.act_forward.isEnabled()
    window.act_back.trigger()
    window.act_back.trigger()
    assert window.history.current == ids[0]
    window.act_forward.trigger()
    assert window.history.current == ids[1]
    assert window.act_forward.isEnabled()


def test_name_order_chinese_first_swaps_name_columns(window, store):
    from cgt_desktop.ui.common.settings import Preferences

    window.set_preferences(Preferences(name_order="zh_first", language="en"))
    people = window.lists["person"]
    assert people.model.headerData(0, Qt.Orientation.Horizontal) == "Chinese name"
    first_id = people.model.id_at(0)
    assert people.model.index(0, 0).data() == (store.names([first_id])[first_id][2] or "—")


def test_a_tab_runs_its_list_query_once_and_only_when_first_shown(window, store, monkeypatch):
    calls = []
    original = store.row_keys
    monkeypatch.setattr(store, "row_keys", lambda query: calls.append(query.kind) or original(query))
    assert "figure" not in window.lists
    window.show_kind("figure")
    assert "figure" in window.lists
    assert calls == ["figure"]
    assert window.lists["figure"].model.rowCount() == store.counts()["figure"]


def test_facet_boxes_offer_at_most_the_most_common_values(window, store, monkeypatch):
    from cgt_desktop.ui.browse import entity_table

    monkeypatch.setattr(entity_table, "FACET_LIMIT", 2)
    orgs = window.lists["organization"]
    orgs.retranslate()
    box = orgs.facet_boxes["type"]
    values = store.facet_values("organization", "type")
    assert len(values) > 2
    assert box.count() == 1 + 2 + 1
    assert "more" in box.itemText(3) and box.itemData(3) is None
    assert f"{len(values) - 2} more" in box.itemText(3)
    assert [box.itemData(i) for i in (1, 2)] == [v for v, _, _ in values[:2]]  # the most common first


def test_list_and_page_share_the_tab(window, qtbot):
    for kind in ("person", "event"):
        window.show_kind(kind)
        qtbot.waitUntil(lambda k=kind: window.lists[k].widget.isVisible())
        sizes = window.splitters[kind].sizes()
        assert min(sizes) >= 0.3 * sum(sizes), sizes
