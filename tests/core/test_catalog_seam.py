"""The seam: what a user adds reaches every view through the catalog, like the reference data."""

from __future__ import annotations

import pytest

from cgt_desktop.core.catalog.store import ListQuery
from cgt_desktop.core.domain import ids
from cgt_desktop.core.ops import items as item_ops
from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.userdata.userdb import UserStore

CITED = "003_f3128c6eecc96df2#p04.s01"


@pytest.fixture
def user(tmp_path):
    u = UserStore(tmp_path / "user.sqlite")
    yield u
    u.close()


def _person(name_en="Zhang Weiming", name_zh="张伟明"):
    return {"name_en": name_en, "name_zh": name_zh, "desc_en": "Founder of a CAR-T start-up in Suzhou",
            "sources": [CITED]}


def _add(store, user, kind, record):
    op = item_ops.save_item(store, user, kind, record)
    op.apply()
    return op, op.result


def test_a_user_entity_appears_in_the_list_its_page_search_and_counts(store, user):
    before = store.counts()["person"]
    _, pid = _add(store, user, "person", _person())
    assert ids.is_user(pid) and pid.startswith("person/~zhang-weiming-")
    assert pid in store.list_ids(ListQuery(kind="person"))
    assert store.counts()["person"] == before + 1
    page = store.entity_page(pid)
    assert (page.name_en, page.name_zh) == ("Zhang Weiming", "张伟明")
    assert [c.passage_id for c in page.sources] == [CITED]
    assert pid in [h.id for h in store.search("Zhang Weiming")]
    assert pid in [h.id for h in store.search("张伟明")]
    assert pid in [h.id for h in store.search("zhangweiming")]  # pinyin, as for reference names
    from cgt_desktop.core.catalog.search import count_capped

    assert count_capped(store, "Weiming", 100)["person"] == (1, True)


def test_a_user_event_is_on_the_timeline_and_linked_to_its_people(store, user):
    _, pid = _add(store, user, "person", _person())
    _, eid = _add(store, user, "event", {"title_en": "Zhang Weiming founds a start-up", "date": "2019-05",
                                          "category": "industry", "sources": [CITED]})
    _add(store, user, "relation", {"subject": pid, "predicate": "founded", "object": eid, "sources": [CITED]})
    assert eid in [e.id for e in store.timeline(2019, 2019)]
    assert eid in store.timeline_columns()["id"]
    assert store.events_linked_to([pid]) == {eid}
    assert eid in [e.id for e in store.entity_page(pid).events]


def test_a_note_on_a_user_entity_is_not_an_orphan_until_the_entity_is_deleted(store, user):
    _, pid = _add(store, user, "person", _person())
    note = user.add_note(pid, "met at a conference")
    assert ann.check_anchors(user, store) == []
    item_ops.delete_item(store, user, pid).apply()
    assert pid not in store.list_ids(ListQuery(kind="person"))
    assert [o.uid for o in ann.check_anchors(user, store)] == [note.uid]


def test_undo_and_redo_of_create_edit_and_delete(store, user):
    op, pid = _add(store, user, "person", _person())
    edit = item_ops.save_item(store, user, "person", _person(name_en="Li Hua", name_zh="李华"), item_id=pid)
    edit.apply()
    assert store.entity_page(pid).name_en == "Li Hua"
    assert store.search("张伟明", kind="person") == []  # the old name is out of the index
    assert pid in [h.id for h in store.search("李华")]
    edit.revert()
    assert store.entity_page(pid).name_en == "Zhang Weiming"
    op.revert()
    assert pid not in store.list_ids(ListQuery(kind="person")) and store.search("张伟明", kind="person") == []
    op.apply()
    assert pid in store.list_ids(ListQuery(kind="person"))


def test_the_users_items_survive_a_rebuild_of_the_reference_data(tmp_path, corpus_dir, user):
    from cgt_desktop.core.catalog.build import build_reference_db
    from cgt_desktop.core.catalog.refresh import ensure_reference_db
    from cgt_desktop.core.catalog.store import Catalog
    from cgt_desktop.core.startup import sync_user_items

    target = tmp_path / "cache" / "reference.sqlite"
    build_reference_db(corpus_dir, target)
    with Catalog(target) as store:
        _, pid = _add(store, user, "person", _person())
    assert not ensure_reference_db(corpus_dir, target).rebuilt  # the user's rows do not look like damage
    build_reference_db(corpus_dir, target)  # an upgrade or an edited corpus: a new file, without them
    with Catalog(target) as store:
        assert not store.exists(pid)
        assert sync_user_items(store, user) is None
        assert store.entity_page(pid).name_en == "Zhang Weiming"
        assert pid in [h.id for h in store.search("Zhang Weiming")]


@pytest.mark.parametrize("record, message", [
    ({"name_en": "No Source"}, "cites at least one passage"),
    ({"name_en": "Bad Source", "sources": ["nowhere#p01.s01"]}, "no passage has the id"),
    ({"desc_en": "nameless", "sources": [CITED]}, "needs a name"),
])
def test_an_item_that_breaks_a_rule_is_refused_and_nothing_is_saved(store, user, record, message):
    from cgt_desktop.core.userdata.items import items

    with pytest.raises(item_ops.ItemError, match=message):
        item_ops.save_item(store, user, "person", record)
    assert list(items(user)) == []


def test_a_relation_to_a_missing_item_and_a_bad_date_are_refused(store, user):
    with pytest.raises(item_ops.ItemError, match="not an item"):
        item_ops.save_item(store, user, "relation", {"subject": "person/nobody", "predicate": "founded",
                                                     "object": "organization/ustc", "sources": [CITED]})
    with pytest.raises(item_ops.ItemError, match="YYYY"):
        item_ops.save_item(store, user, "event", {"title_en": "x", "date": "2019-13", "category": "industry",
                                                  "sources": [CITED]})


def test_another_users_database_at_the_same_count_is_not_taken_for_this_one(tmp_path, store):
    from cgt_desktop.core.startup import sync_user_items
    from cgt_desktop.core.userdata.items import revision, save_item

    mine, theirs = UserStore(tmp_path / "mine.sqlite"), UserStore(tmp_path / "theirs.sqlite")
    try:
        _, my_id = _add(store, mine, "person", _person())
        their_id = "person/~li-hua-000001"  # written by their own app, not compiled into this catalog
        save_item(theirs, their_id, "person", dict(_person("Li Hua", "李华"), id=their_id))
        assert revision(mine).split(":")[1] == revision(theirs).split(":")[1]  # the same number of changes
        assert sync_user_items(store, theirs) is None  # e.g. their backup restored here: copied in whole
        assert not store.exists(my_id) and store.entity_page(their_id).name_en == "Li Hua"
    finally:
        mine.close()
        theirs.close()


def test_a_crash_between_saving_an_item_and_copying_it_loses_nothing(store, user, monkeypatch):
    """The item is saved in user.sqlite first; if the process dies before the catalog copy is made, the next
    start sees the catalog is behind and copies it in."""
    from cgt_desktop.core.catalog import overlay
    from cgt_desktop.core.startup import sync_user_items
    from cgt_desktop.core.userdata.items import items

    def killed(*_args, **_kwargs):
        raise SystemExit("killed after the user database was written")

    monkeypatch.setattr(overlay, "apply", killed)
    op = item_ops.save_item(store, user, "person", _person())
    with pytest.raises(SystemExit):
        op.apply()
    saved = [i.item_id for i in items(user)]
    assert len(saved) == 1 and not store.exists(saved[0])  # saved, not yet in the views
    monkeypatch.undo()
    assert sync_user_items(store, user) is None  # the next start
    assert store.entity_page(saved[0]).name_en == "Zhang Weiming"


@pytest.mark.parametrize("record, message", [
    ({"title_en": "No lane", "date": "2019"}, "needs a category"),
    ({"title_en": "Guessed", "date": "2019", "category": "industry", "approximate": True}, "says why in a note"),
    ({"title_en": "Open start", "end": "2019", "category": "industry"}, "first date"),
])
def test_an_event_keeps_the_corpus_rules_for_honest_dates(store, user, record, message):
    with pytest.raises(item_ops.ItemError, match=message):
        item_ops.save_item(store, user, "event", dict(record, sources=[CITED]))
    _, eid = _add(store, user, "event", {"title_en": "Date unknown", "category": "industry", "sources": [CITED],
                                          "date_stated": "not stated"})
    (row,) = store.events_by_id([eid])
    assert row.date is None and row.date_stated == "not stated"  # shown as unknown, never invented


def test_a_figure_keeps_its_value_as_stated(store, user):
    with pytest.raises(item_ops.ItemError, match="value as the source states it"):
        item_ops.save_item(store, user, "figure", {"label_en": "Beds", "sources": [CITED]})
