"""Detail pages: names (editor's rendering marked), relations, honest dates, sources, safety."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from corpus_edit import edit_first_record

from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.ui.browse.detail_view import DetailView
from cgt_desktop.ui.browse.page_html import entity_url, expand_url, page_from_url, passage_url, read_url


@pytest.fixture
def view(qtbot, store):
    widget = DetailView(store)
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    return widget


def _one(store, sql):
    row = store.db.execute(sql).fetchone()
    assert row, sql
    return row[0]


def test_empty_page_says_what_to_do(view):
    assert "Select a row" in view.plain_text()


def test_page_shows_both_names_and_marks_the_editors_rendering(view, store):
    item = _one(store, "SELECT id FROM entities WHERE name_zh_status = 'editor' AND kind = 'person' ORDER BY id")
    detail = store.entity(item)
    assert view.show_page(item)
    text = view.plain_text()
    assert detail.name_en in text and detail.name_zh in text
    assert "editor's rendering" in text
    assert detail.name_zh in view.editor_marked_text()
    words = store.wording()  # the editors' "000" reads as the source's name and date
    assert words.readable(detail.desc_en, "en") in text and words.readable(detail.desc_zh, "zh") in text


def test_unknown_name_is_shown_as_a_dash(view, store):
    item = _one(store, "SELECT id FROM entities WHERE (name_zh IS NULL OR name_zh = '') AND kind = 'person'")
    view.show_page(item)
    assert "— not stated in the sources" in view.plain_text()


def test_relations_are_grouped_by_label_and_link_to_their_pages(view, store, qtbot):
    item = _one(store, "SELECT subject FROM relations GROUP BY subject ORDER BY count(*) DESC LIMIT 1")
    detail = store.entity(item)
    view.show_page(item)
    html = view.toHtml()
    text = view.plain_text()
    assert "Relations" in text
    for relation in detail.relations:
        assert relation.label_en in text
        assert entity_url(relation.other_id) in html
    with qtbot.waitSignal(view.link_activated) as clicked:
        view.anchorClicked.emit(QUrl(entity_url(detail.relations[0].other_id)))
    assert clicked.args == [detail.relations[0].other_id]


def test_events_show_honest_dates(view, store):
    approx = _one(store, "SELECT d.id FROM event_details d WHERE d.approximate = 1 AND d.date IS NOT NULL "
                         "AND d.bound IS NULL")
    view.show_page(approx)
    assert "c. " in view.plain_text()
    view.show_page("event/2018-aunt-qin-car-t-treatment-and-complete-remission")  # "more than five years" ago
    assert "2018 or earlier" in view.plain_text()
    view.show_page("person/carl-june")  # a page's list of events keeps the "c."
    assert "c. 15 Nov 2021" in view.plain_text()
    undated = _one(store, "SELECT d.id FROM event_details d WHERE d.date IS NULL OR d.date = ''")
    view.show_page(undated)
    assert "date unknown" in view.plain_text()


def test_entity_events_are_listed_in_date_order(view, store):
    item = _one(store, "SELECT r.subject FROM relations r JOIN entities e ON e.id = r.object AND e.kind = 'event' "
                       "JOIN entities s ON s.id = r.subject AND s.kind != 'event' "
                       "GROUP BY r.subject ORDER BY count(*) DESC LIMIT 1")
    detail = store.entity(item)
    assert detail.events
    view.show_page(item)
    text = view.plain_text()
    positions = [text.index(e.title_en) for e in detail.events if e.title_en]
    assert positions == sorted(positions)


def test_sources_quote_each_passage_in_both_languages_with_a_link(view, store, qtbot):
    detail = store.entity("person/qian-qijun")
    view.show_page(detail.id)
    text = view.plain_text()
    html = view.toHtml()
    assert f"Sources ({len(detail.sources)})" in text
    for citation in detail.sources:
        assert citation.text_en in text and citation.text_zh in text
        link = read_url(citation.document_id, citation.passage_id) if view.reader_available \
            else passage_url(citation.passage_id)
        assert link.replace("&", "&amp;") in html


def test_passage_link_shows_the_passage_until_the_reader_exists(view, store, qtbot):
    citation = store.entity("person/qian-qijun").sources[0]
    with qtbot.waitSignal(view.link_activated) as clicked:
        view.anchorClicked.emit(QUrl(passage_url(citation.passage_id)))
    page = clicked.args[0]
    assert page == "passage:" + citation.passage_id
    view.show_page(page)
    text = view.plain_text()
    assert citation.text_en in text and citation.text_zh in text
    assert citation.document_title_en in text


def test_link_urls_round_trip_ids_with_special_characters():
    assert page_from_url(QUrl(entity_url("person/qian-qijun"))) == "person/qian-qijun"
    assert page_from_url(QUrl(passage_url("000_abc#p03.s01"))) == "passage:000_abc#p03.s01"
    assert page_from_url(QUrl(read_url("document/000_abc", "000_abc#p03.s01"))) == \
        "read:document/000_abc|000_abc#p03.s01"
    assert page_from_url(QUrl(expand_url("organization/a#b|c", "works_at/inverse"))) == \
        "expand:works_at/inverse|organization/a#b|c"
    assert page_from_url(QUrl("file:///etc/passwd")) is None
    assert page_from_url(QUrl("https://example.com")) is None


def test_name_order_puts_chinese_first(view, store):
    view.set_display("en", "zh_first")
    view.show_page("person/qian-qijun")
    lines = [line for line in view.plain_text().splitlines() if line.strip()]
    assert lines[0] == "钱其军"
    view.set_display("en", "both")
    assert view.plain_text().splitlines()[0].strip() == "Qian Qijun · 钱其军"


def test_unknown_id_explains_itself(view):
    assert not view.show_page("person/nobody-at-all")
    assert "person/nobody-at-all" in view.plain_text()


def test_corpus_text_is_escaped_and_no_local_file_is_loaded(qtbot, corpus_dir, tmp_path):
    people = corpus_dir / "entities" / "people.jsonl"
    record = edit_first_record(people, desc_en='<img src="file:///etc/hostname"><b>bold?</b> & more')
    target = tmp_path / "ref.sqlite"
    build_reference_db(corpus_dir, target)
    store = Catalog(target)
    try:
        view = DetailView(store)
        qtbot.addWidget(view)
        view.show_page(record["id"])
        assert '<img src="file:///etc/hostname"><b>bold?</b> & more' in view.plain_text()
        assert "<img" not in view.toHtml()
        refused = view.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("file:///etc/hostname"))
        assert refused is not None and refused.isNull()  # None would make Qt load the file itself
    finally:
        store.close()
    shutil.rmtree(corpus_dir)


def test_long_lists_are_cut_with_a_show_all_link(view, store, qtbot):
    from cgt_desktop.ui.browse.page_html import PageRenderer

    item = _one(store, "SELECT e.id FROM entities e JOIN citations c ON c.fact_id = e.id "
                       "GROUP BY e.id HAVING count(*) >= 3 ORDER BY e.id LIMIT 1")
    detail = store.entity(item)
    html = PageRenderer(store, limit=1).entity_page(item)
    assert f"{len(detail.sources) - 1} more — show all" in html
    assert expand_url(item, "sources") in html
    view.show_page(item)
    full_before = view.plain_text().count("Open in the reader") + view.plain_text().count("Show passage")
    assert full_before == len(detail.sources) <= 50
    view.anchorClicked.emit(QUrl(expand_url(item, "sources")))
    assert view.page == item and view.expanded == {"sources"}


def test_aliases_that_only_repeat_the_name_are_not_listed(view, store):
    assert [a["alias"] for a in store.entity("place/zhangjiang").aliases] == ["Zhangjiang"]
    assert view.show_page("place/zhangjiang")
    assert "Also known as" not in view.plain_text()
    detail = store.entity("policy/most-key-rd-plan")
    other = [a["alias"] for a in detail.aliases if a["alias"].casefold() not in
             {detail.name_en.casefold(), detail.name_zh.casefold()}]
    assert other and view.show_page("policy/most-key-rd-plan")
    assert "Also known as" in view.plain_text() and other[0] in view.plain_text()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_page_shows_editors_ids_or_document_numbers(view, store, qtbot, language):
    """Readers see "China News Online, c. 15 Nov 2021, ¶7", never "000_…#p07.s01", "per 002" or "p06.s03"."""
    import re

    view.set_display(language, "en_first")
    jargon = re.compile(r"\d{3}_[0-9a-f]{16}|(?<![\d,.])\b00[0-4]\b(?![\d,.])|\bp\d\d(\.s\d\d)?\b")
    ids = [r[0] for r in store.db.execute("SELECT id FROM entities WHERE kind != 'document' ORDER BY id")]
    assert len(ids) > 200
    for item in ids:
        assert view.show_page(item)
        found = jargon.search(view.plain_text())
        assert found is None, f"{item}: {found.group(0)!r}"
    with qtbot.waitSignal(view.id_copied) as copied:  # the id is one click away, for scripts and citations
        view.anchorClicked.emit(QUrl("cgt:copy/000_1b6dce599d2df6c2%23p14.s01"))
    assert copied.args == ["000_1b6dce599d2df6c2#p14.s01"]
