"""Corrections of reference entries: the user's value beside the reference one, never in its place."""

from __future__ import annotations

import json

import pytest

from cgt_desktop.core.domain.corrections import correction_id
from cgt_desktop.core.ops import corrections as corr
from cgt_desktop.core.ops import items as item_ops
from cgt_desktop.core.ops.items import ItemError
from cgt_desktop.core.userdata import items as user_items
from cgt_desktop.core.userdata.userdb import UserStore

PERSON = "person/chen-jing"
RELATION = "person/chen-jing>works_at>organization/china-news-online#Reporter"
BYLINE = "000_1b6dce599d2df6c2#p01.s01"
OTHER = "003_f3128c6eecc96df2#p04.s01"


@pytest.fixture
def user(tmp_path):
    u = UserStore(tmp_path / "user.sqlite")
    yield u
    u.close()


def _run(op):
    op.apply()
    return op


def test_a_corrected_name_is_shown_beside_the_reference_which_stays_as_it_was(store, user):
    _run(corr.save_correction(store, user, PERSON, "name_en", "Chen Jing (reporter)", sources=[BYLINE],
                              note="the byline prints it so"))
    page = store.entity_page(PERSON)
    assert page.name_en == "Chen Jing"  # the reference value, untouched
    (found,) = page.corrections
    assert (found.field, found.value, found.reference_value, found.reference_now) == (
        "name_en", "Chen Jing (reporter)", "Chen Jing", "Chen Jing")
    assert not found.stale and found.sources == [BYLINE]
    assert store.entity(PERSON).corrections == page.corrections  # the dossier's read too


@pytest.mark.parametrize("target, field, value, kwargs, message", [
    (PERSON, "name_en", "Chen Jin", {}, "cites at least one passage"),
    (PERSON, "name_en", "Chen Jing", {"sources": [BYLINE]}, "reference value already"),
    (PERSON, "name_en", "Chen Jin", {"sources": ["nowhere#p01.s01"]}, "no passage has the id"),
    (PERSON, "colour", "red", {"sources": [BYLINE]}, "cannot be corrected"),
    (PERSON, "date", "2020", {"sources": [BYLINE]}, "cannot be corrected"),
    ("person/nobody", "name_en", "X", {"sources": [BYLINE]}, "no entry"),
    (RELATION, "wrong", None, {}, "say why"),
    ("relation/none", "wrong", None, {"note": "no"}, "no relation"),
    (PERSON, "mention", None, {"passage": "nowhere#p01"}, "no passage has the id"),
])
def test_a_correction_that_breaks_a_rule_is_refused_and_nothing_is_saved(store, user, target, field, value,
                                                                         kwargs, message):
    with pytest.raises(ItemError, match=message):
        corr.save_correction(store, user, target, field, value, **kwargs)
    assert list(user_items.items(user)) == []


def test_an_event_date_correction_must_be_a_date_the_corpus_allows(store, user):
    event = store.query("SELECT id FROM event_details WHERE date IS NOT NULL LIMIT 1")[0]["id"]
    with pytest.raises(ItemError, match="YYYY-MM-DD"):
        corr.save_correction(store, user, event, "date", "2021-13", sources=[BYLINE])
    _run(corr.save_correction(store, user, event, "date", "2021-11-14", sources=[BYLINE]))
    assert [c.value for c in store.entity_page(event).corrections] == ["2021-11-14"]


def test_your_own_entry_is_changed_not_corrected(store, user):
    op = _run(item_ops.save_item(store, user, "person", {"name_en": "Li Hua", "sources": [OTHER]}))
    with pytest.raises(ItemError, match="your own entry"):
        corr.save_correction(store, user, op.result, "name_en", "Li Hu", sources=[OTHER])


def test_a_relation_marked_wrong_shows_on_both_ends_pages(store, user):
    _run(corr.save_correction(store, user, RELATION, "wrong", note="she is a freelance reporter"))
    for end in (PERSON, "organization/china-news-online"):
        assert [(c.target, c.field, c.note) for c in store.entity_page(end).corrections] == [
            (RELATION, "wrong", "she is a freelance reporter")]


def test_a_mention_marked_wrong_is_no_longer_linked_in_that_passage_only(store, user):
    text = store.passages([BYLINE])[0].orig
    linked = [e for _s, _e, e in store.mention_matcher().find(text, BYLINE)]
    assert PERSON in linked
    _run(corr.save_correction(store, user, PERSON, "mention", passage=BYLINE))
    assert PERSON not in [e for _s, _e, e in store.mention_matcher().find(text, BYLINE)]
    assert PERSON in [e for _s, _e, e in store.mention_matcher().find(text, "000_1b6dce599d2df6c2#p09.s01")]
    assert store.entity_page(PERSON).corrections == []  # a mention is the reader's, not a field of the page


def test_correcting_again_replaces_and_undo_brings_back_the_one_before(store, user):
    _run(corr.save_correction(store, user, PERSON, "name_en", "Chen Jing (1)", sources=[BYLINE]))
    second = _run(corr.save_correction(store, user, PERSON, "name_en", "Chen Jing (2)", sources=[BYLINE]))
    assert [c.value for c in store.entity_page(PERSON).corrections] == ["Chen Jing (2)"]
    second.revert()
    assert [c.value for c in store.entity_page(PERSON).corrections] == ["Chen Jing (1)"]
    item_ops.delete_item(store, user, correction_id(PERSON, "name_en")).apply()
    assert store.entity_page(PERSON).corrections == []


def test_a_correction_survives_a_rebuild_and_is_flagged_when_its_reference_value_changed(tmp_path, corpus_dir, user):
    from cgt_desktop.core.catalog.build import build_reference_db
    from cgt_desktop.core.catalog.store import Catalog
    from cgt_desktop.core.startup import sync_user_items

    target = tmp_path / "cache" / "reference.sqlite"
    build_reference_db(corpus_dir, target)
    with Catalog(target) as store:
        _run(corr.save_correction(store, user, PERSON, "desc_en", "A reporter of China News Online.",
                                  sources=[BYLINE]))
        _run(corr.save_correction(store, user, RELATION, "wrong", note="not staff"))
    build_reference_db(corpus_dir, target)  # an upgrade: the same reference value
    with Catalog(target) as store:
        sync_user_items(store, user)
        assert [(c.field, c.stale) for c in store.entity_page(PERSON).corrections] == [
            ("desc_en", False), ("wrong", False)]
    people = corpus_dir / "entities" / "people.jsonl"
    lines = people.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        record = json.loads(line)
        if record["id"] == PERSON:
            record["desc_en"] = "Reporter (the editors rewrote this)."
            lines[n] = json.dumps(record, ensure_ascii=False)
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_reference_db(corpus_dir, target)
    with Catalog(target) as store:
        sync_user_items(store, user)
        (desc, wrong) = store.entity_page(PERSON).corrections
        assert desc.stale and desc.reference_now == "Reporter (the editors rewrote this)."
        assert desc.value == "A reporter of China News Online." and not wrong.stale


def test_the_lists_keep_yours_or_the_references_and_say_whose_each_row_is(store, user):
    from cgt_desktop.core.catalog.store import ListQuery

    everyone = store.list_ids(ListQuery(kind="person"))
    mine = _run(item_ops.save_item(store, user, "person", {"name_en": "Li Hua", "sources": [OTHER]})).result
    _run(corr.save_correction(store, user, PERSON, "name_en", "Chen Jing (reporter)", sources=[BYLINE]))
    assert set(store.list_ids(ListQuery(kind="person", origin="user"))) == {mine, PERSON}
    assert store.list_ids(ListQuery(kind="person", origin="reference")) == everyone
    assert len(store.list_ids(ListQuery(kind="person"))) == len(everyone) + 1
    rows = store.rows("person", [mine, PERSON, "person/carl-june"])
    assert [rows[i]["origin"] for i in (mine, PERSON, "person/carl-june")] == ["user", "corrected", "reference"]
    with pytest.raises(ValueError, match="origin"):
        store.list_ids(ListQuery(kind="person", origin="theirs"))
