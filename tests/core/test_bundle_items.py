"""The user's entries and corrections travel in the annotations bundle: merged by id, idempotent, and when
both sides changed one, the newer edit is live and the other kept (never lost)."""

from __future__ import annotations

import json

import pytest

from cgt_desktop.core.ops import corrections as corr
from cgt_desktop.core.ops import items as item_ops
from cgt_desktop.core.startup import sync_user_items
from cgt_desktop.core.userdata import items as user_items
from cgt_desktop.core.userdata.annotations_io import export_annotations, import_annotations
from cgt_desktop.core.userdata.userdb import UserStore

CITED = "003_f3128c6eecc96df2#p04.s01"
BYLINE = "000_1b6dce599d2df6c2#p01.s01"


@pytest.fixture
def two(tmp_path):
    a, b = UserStore(tmp_path / "a.sqlite"), UserStore(tmp_path / "b.sqlite")
    yield a, b
    a.close()
    b.close()


def _edit_time(user, item_id, when):
    with user.transaction() as conn:
        conn.execute("UPDATE user_items SET edited = ? WHERE item_id = ?", [when, item_id])


def test_entries_and_corrections_round_trip_and_a_second_import_changes_nothing(store, two, tmp_path):
    a, b = two
    op = item_ops.save_item(store, a, "person", {"name_en": "Zhang Weiming", "sources": [CITED]})
    op.apply()
    corr.save_correction(store, a, "person/chen-jing", "name_en", "Chen Jing (reporter)", sources=[BYLINE]).apply()
    bundle = tmp_path / "bundle.json"
    assert export_annotations(a, bundle)["items"] == 2
    first = import_annotations(b, bundle)
    assert first.counts["items"]["added"] == 2
    again = import_annotations(b, bundle)
    assert again.counts["items"] == {"added": 0, "updated": 0, "unchanged": 2, "conflicts": 0}
    sync_user_items(store, b)  # what the next start does: the catalog now holds b's items
    assert store.entity_page(op.result).name_en == "Zhang Weiming"
    assert [c.value for c in store.entity_page("person/chen-jing").corrections] == ["Chen Jing (reporter)"]


def test_an_entry_changed_on_both_sides_keeps_the_newer_live_and_the_other_aside(store, two, tmp_path):
    a, b = two
    op = item_ops.save_item(store, a, "person", {"name_en": "Zhang Weiming", "sources": [CITED]})
    op.apply()
    pid = op.result
    bundle = tmp_path / "bundle.json"
    export_annotations(a, bundle)
    import_annotations(b, bundle)
    # Both change the same entry; a's change is the later one.
    item_ops.save_item(store, b, "person", {"name_en": "Zhang Wei-ming (b)", "sources": [CITED]}, pid).apply()
    _edit_time(b, pid, "2026-01-01T10:00:00")
    item_ops.save_item(store, a, "person", {"name_en": "Zhang Weiming (a)", "sources": [CITED]}, pid).apply()
    _edit_time(a, pid, "2026-01-02T10:00:00")
    export_annotations(a, bundle)
    report = import_annotations(b, bundle)
    assert report.counts["items"]["conflicts"] == 1 and "changed on both sides" in report.summary()
    assert user_items.get_item(b, pid).record["name_en"] == "Zhang Weiming (a)"  # the newer edit is live
    (kept,) = user_items.versions(b, pid)
    assert kept.record["name_en"] == "Zhang Wei-ming (b)" and "replaced by a newer version" in kept.why
    again = import_annotations(b, bundle)  # idempotent: no second copy of anything
    assert again.counts["items"]["conflicts"] == 0 and len(user_items.versions(b, pid)) == 1

    # The user prefers their own version: it comes back, the imported one is kept instead; undo swaps again.
    sync_user_items(store, b)
    swap = item_ops.keep_version(store, b, kept.version_id)
    swap.apply()
    assert store.entity_page(pid).name_en == "Zhang Wei-ming (b)"
    assert [v.record["name_en"] for v in user_items.versions(b, pid)] == ["Zhang Weiming (a)"]
    swap.revert()
    assert store.entity_page(pid).name_en == "Zhang Weiming (a)"


def test_an_older_version_from_a_bundle_is_kept_aside_not_applied(store, two, tmp_path):
    a, b = two
    op = item_ops.save_item(store, a, "person", {"name_en": "Li Hua", "sources": [CITED]})
    op.apply()
    bundle = tmp_path / "bundle.json"
    export_annotations(a, bundle)
    import_annotations(b, bundle)
    item_ops.save_item(store, b, "person", {"name_en": "Li Hua (newer here)", "sources": [CITED]}, op.result).apply()
    _edit_time(b, op.result, "2030-01-01T00:00:00")
    data = json.loads(bundle.read_text(encoding="utf-8"))
    record = json.loads(data["items"][0]["record"])
    data["items"][0]["record"] = json.dumps(dict(record, name_en="Li Hua (older there)"), ensure_ascii=False)
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = import_annotations(b, bundle)
    assert report.counts["items"] == {"added": 0, "updated": 0, "unchanged": 1, "conflicts": 1}
    assert user_items.get_item(b, op.result).record["name_en"] == "Li Hua (newer here)"
    assert [v.record["name_en"] for v in user_items.versions(b)] == ["Li Hua (older there)"]
