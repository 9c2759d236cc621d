"""The selection: ordered, duplicate-free refs, persisted in the user database."""

from __future__ import annotations

import pytest

from cgt_desktop.core.domain.selection import (
    CURRENT_KEY, NAMED_KEY, Selection, SelectionError, SelectionStore, note_ref, parse_ref, period_ref,
    year_period_ref,
)
from cgt_desktop.core.userdata.userdb import UserStore

PASSAGE = "000_1b6dce599d2df6c2#p03.s01"


def test_refs_of_every_type_parse():
    assert parse_ref("person/qian-qijun").type == "entity"
    assert parse_ref("person/qian-qijun").kind == "person"
    assert parse_ref("event/2013-qian-qijun-founds-shanghai-cell-therapy-group").kind == "event"
    assert parse_ref(PASSAGE).type == "passage"
    period = parse_ref(period_ref("2013-01-01", "2019-12-31"))
    assert (period.type, period.first, period.last) == ("period", "2013-01-01", "2019-12-31")
    assert parse_ref(note_ref("abc123")).value == "abc123"
    assert year_period_ref(2013, 2019) == "period:2013-01-01/2019-12-31"
    assert year_period_ref(2020, None) == "period:2020-01-01/2020-12-31"


@pytest.mark.parametrize("bad", ["", " person/x", "nobody", "planet/mars", "person/", "period:2019-01-01",
                                 "period:2019-02-30/2019-03-01", "period:2020-01-01/2019-01-01", "note:"])
def test_malformed_refs_are_refused_with_a_message(bad):
    with pytest.raises(SelectionError) as info:
        Selection([bad])
    assert str(info.value)


def test_add_dedupes_and_keeps_order():
    sel = Selection()
    assert sel.add("person/qian-qijun")
    assert sel.add(PASSAGE)
    assert not sel.add("person/qian-qijun")
    assert sel.add_many(["place/zhangjiang", PASSAGE, "place/shanghai"]) == 2
    assert sel.refs == ["person/qian-qijun", PASSAGE, "place/zhangjiang", "place/shanghai"]
    assert len(sel) == 4 and "place/zhangjiang" in sel


def test_remove_move_and_reorder():
    sel = Selection(["a/x".replace("a/", "person/"), "place/zhangjiang", PASSAGE])
    assert sel.move_up(PASSAGE)
    assert sel.refs == ["person/x", PASSAGE, "place/zhangjiang"]
    assert not sel.move_up("person/x")  # already first
    assert sel.move_down("person/x")
    assert sel.refs == [PASSAGE, "person/x", "place/zhangjiang"]
    assert sel.move("place/zhangjiang", 0)
    assert sel.refs == ["place/zhangjiang", PASSAGE, "person/x"]
    assert sel.remove(PASSAGE) and not sel.remove(PASSAGE)
    assert sel.reorder(["person/x", "place/zhangjiang"])
    assert sel.refs == ["person/x", "place/zhangjiang"]
    with pytest.raises(SelectionError):
        sel.reorder(["person/x"])
    assert sel.clear() and sel.is_empty()


def test_current_selection_survives_a_restart(home):
    user = UserStore(home.user_db)
    SelectionStore(user).save_current(Selection(["person/qian-qijun", PASSAGE, period_ref("2013-01-01",
                                                                                           "2019-12-31")]))
    user.close()
    reopened = UserStore(home.user_db)
    assert SelectionStore(reopened).load_current().refs == ["person/qian-qijun", PASSAGE,
                                                            "period:2013-01-01/2019-12-31"]
    assert reopened.get_setting(CURRENT_KEY)[0] == "person/qian-qijun"


def test_named_selections_save_load_delete(home):
    user = UserStore(home.user_db)
    store = SelectionStore(user)
    assert store.save_named("  Zhangjiang   people ", Selection(["person/qian-qijun"])) == "Zhangjiang people"
    store.save_named("alpha", Selection([PASSAGE]))
    assert store.names() == ["alpha", "Zhangjiang people"]
    assert store.load_named("Zhangjiang people").refs == ["person/qian-qijun"]
    store.save_named("alpha", Selection(["place/zhangjiang"]))  # replaces
    assert store.load_named("alpha").refs == ["place/zhangjiang"]
    assert store.delete_named("alpha") and not store.delete_named("alpha")
    with pytest.raises(KeyError):
        store.load_named("alpha")
    with pytest.raises(SelectionError):
        store.save_named("   ", Selection())
    assert set(user.get_setting(NAMED_KEY)) == {"Zhangjiang people"}


def test_a_damaged_setting_gives_an_empty_or_cleaned_selection(home):
    user = UserStore(home.user_db)
    user.set_setting(CURRENT_KEY, {"not": "a list"})
    assert SelectionStore(user).load_current().is_empty()
    user.set_setting(CURRENT_KEY, ["person/qian-qijun", 42, "bogus", "person/qian-qijun"])
    assert SelectionStore(user).load_current().refs == ["person/qian-qijun"]
    user.set_setting(NAMED_KEY, ["not a dict"])
    assert SelectionStore(user).named() == {}
