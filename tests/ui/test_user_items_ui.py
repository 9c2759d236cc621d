"""The seam in the window: an item the user adds through the one write path reaches every view."""

from __future__ import annotations

from cgt_desktop.core.catalog.store import ListQuery
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.ops import items as item_ops
from cgt_desktop.core.userdata.userdb import UserStore

CITED = "003_f3128c6eecc96df2#p04.s01"


def test_a_user_person_and_event_reach_the_tab_list_page_and_timeline_and_undo_takes_them_away(qtbot, window):
    store, user = window.store, window.user
    person_tab = KINDS.index("person")
    before = window.tabs.tabToolTip(person_tab)
    window.show_kind("person")
    listed = window.lists["person"].model.rowCount()
    assert window.show_timeline()
    timeline = window.timeline.controller
    qtbot.waitUntil(lambda: timeline.columns is not None)
    events = len(timeline.columns.ids)

    with qtbot.waitSignal(window.ops.data_changed):
        window.ops.run(item_ops.save_item(store, user, "person", {
            "name_en": "Zhang Weiming", "name_zh": "张伟明", "sources": [CITED]}))
    person = next(i for i in store.list_ids(ListQuery(kind="person")) if i.startswith("person/~"))
    assert window.tabs.tabToolTip(person_tab) != before and window.lists["person"].model.rowCount() == listed + 1
    with qtbot.waitSignal(window.ops.data_changed):
        window.ops.run(item_ops.save_item(store, user, "event", {
            "title_en": "Zhang Weiming founds a company", "date": "2019-05", "category": "industry",
            "sources": [CITED]}))
    qtbot.waitUntil(lambda: timeline.columns is not None and len(timeline.columns.ids) == events + 1)

    assert window.open_page(person)
    assert "Zhang Weiming" in window.current_detail().toPlainText()
    assert [h.id for h in store.search("张伟明")] == [person]

    window.ops.undo_stack.undo()  # the event
    qtbot.waitUntil(lambda: timeline.columns is not None and len(timeline.columns.ids) == events)
    window.ops.undo_stack.undo()  # the person
    assert window.lists["person"].model.rowCount() == listed and window.tabs.tabToolTip(person_tab) == before


def test_a_refused_item_changes_nothing_and_says_why(qtbot, window):
    import pytest

    with pytest.raises(item_ops.ItemError, match="cites at least one passage"):
        item_ops.save_item(window.store, window.user, "person", {"name_en": "Nobody"})
    assert isinstance(window.user, UserStore) and window.ops.undo_stack.count() == 0
