"""Long lists on a detail page: the first 50 of each relation group, its true total, and "show all"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.ui.browse.detail_view import DetailView
from cgt_desktop.ui.browse.page_html import PageRenderer, entity_url, expand_url

ORG = "organization/shanghai-cell-therapy-research-institute"
STAFF = 160  # new people who work at ORG: one group longer than the 50 a page shows (and a long page)
SOURCE = "000_1b6dce599d2df6c2#p03.s01"


@pytest.fixture(scope="module")
def long_store(tmp_path_factory):
    """A small corpus where ORG has STAFF more "works at" relations (and so a "staff" group > 50)."""
    root = tmp_path_factory.mktemp("long")
    shutil.copytree(Path(__file__).resolve().parents[2] / "db", root / "db")
    people, relations = [], []
    for n in range(STAFF):
        pid = f"person/test-staff-{n:03d}"
        people.append({"id": pid, "name_en": f"Staff Member {n:03d}", "name_zh": f"职员{n:03d}",
                       "name_en_status": "attested", "name_zh_status": "attested", "aliases": [],
                       "type": "scientist", "desc_en": "Test person.", "desc_zh": "测试人物。", "sources": [SOURCE]})
        relations.append({"subject": pid, "predicate": "works_at", "object": ORG, "role_en": "Researcher",
                          "role_zh": "研究员", "start": None, "end": None, "sources": [SOURCE]})
    with open(root / "db" / "entities" / "people.jsonl", "a", encoding="utf-8") as out:
        out.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in people)
    with open(root / "db" / "relations" / "entities.jsonl", "a", encoding="utf-8") as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in relations)
    build_reference_db(root / "db", root / "reference.sqlite")
    store = Catalog(root / "reference.sqlite")
    yield store
    store.close()


def _staff(page):
    return next(g for g in page.relation_groups if g.predicate == "works_at" and g.inverse)


def test_store_page_returns_the_first_rows_of_each_group_and_its_total(long_store):
    full = long_store.entity(ORG)
    staff_all = sorted(((r.other_name_en, r.other_id) for r in full.relations
                        if r.predicate == "works_at" and r.inverse))
    assert len(staff_all) >= STAFF
    page = long_store.entity_page(ORG, limit=50)
    staff = _staff(page)
    assert staff.total == len(staff_all) and not staff.complete
    assert [(r.other_name_en, r.other_id) for r in staff.relations] == staff_all[:50]
    assert all(r.sources == [SOURCE] for r in staff.relations if r.other_id.startswith("person/test-staff"))
    assert sum(g.total for g in page.relation_groups) == len(full.relations)
    assert {g.key for g in page.relation_groups if g.complete} == \
        {g.key for g in page.relation_groups if g.key != staff.key}
    whole = _staff(long_store.entity_page(ORG, limit=50, expand=[staff.key]))
    assert whole.complete and [(r.other_name_en, r.other_id) for r in whole.relations] == staff_all
    by_id = {r.id: r for r in full.relations}
    assert all(by_id[r.id] == r for r in whole.relations)  # the same rows, with their citations
    everything = long_store.entity_page(ORG, limit=None)
    assert sorted(r.id for g in everything.relation_groups for r in g.relations) == sorted(by_id)


def test_full_entity_still_lists_every_relation_with_its_citations(long_store):
    detail = long_store.entity(ORG)
    mine = [r for r in detail.relations if r.other_id.startswith("person/test-staff")]
    assert len(mine) == STAFF and all(r.sources == [SOURCE] for r in mine)
    data = detail.to_json()
    assert sum(1 for r in data["relations"] if r["other_id"].startswith("person/test-staff")) == STAFF


def test_page_says_50_of_the_total_and_show_all_shows_all(qtbot, long_store):
    view = DetailView(long_store)
    qtbot.addWidget(view)
    view.resize(700, 900)
    total = _staff(long_store.entity_page(ORG)).total
    assert view.show_page(ORG)
    text = view.plain_text()
    html = view.toHtml()
    assert f"staff (50 of {total})" in text
    assert f"{total - 50} more — show all" in text
    assert expand_url(ORG, "works_at/inverse") in html
    shown = [n for n in range(STAFF) if entity_url(f"person/test-staff-{n:03d}") in html]
    assert 0 < len(shown) < STAFF
    view.anchorClicked.emit(QUrl(expand_url(ORG, "works_at/inverse")))
    assert view.page == ORG
    text = view.plain_text()
    html = view.toHtml()
    assert all(entity_url(f"person/test-staff-{n:03d}") in html for n in range(STAFF))
    assert "(50 of" not in text and "more — show all" not in text
    view.set_display("zh", "en_first")  # re-rendering keeps the group open
    assert all(entity_url(f"person/test-staff-{n:03d}") in view.toHtml() for n in range(STAFF))
    view.show_page("person/qian-qijun")
    view.show_page(ORG)  # another visit starts cut again
    assert f"(50 of {total})" in view.plain_text()


def test_counts_are_grouped_by_thousands():
    from cgt_desktop.ui.browse.page_html import count_text

    assert count_text(50) == "50" and count_text(2098) == "2\u00a0098" and count_text(1234567) == "1\u00a0234\u00a0567"


def test_renderer_without_limit_lists_everything(long_store):
    html = PageRenderer(long_store, limit=None).entity_page(ORG)
    assert all(entity_url(f"person/test-staff-{n:03d}") in html for n in range(STAFF))
    assert "show all" not in html


def test_a_long_page_with_an_editors_name_is_laid_out_to_the_end(qtbot, long_store):
    from PySide6.QtGui import QTextDocument

    view = DetailView(long_store)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_page(ORG, expand=["works_at/inverse"])
    assert view.editor_marked_text()  # the page marks a name, which edits the laid-out document
    qtbot.wait(50)
    plain = QTextDocument()
    plain.setDefaultFont(view.document().defaultFont())
    plain.setHtml(view.toHtml())
    plain.setTextWidth(view.document().textWidth())
    assert view.document().size().height() >= plain.size().height() - 5
    assert view.verticalScrollBar().maximum() >= plain.size().height() - view.viewport().height() - 5
