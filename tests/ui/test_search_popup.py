"""Global search: Ctrl+K, results as you type grouped by kind, arrows and Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from cgt_desktop.ui.search.results import PageRole, SearchResultsModel


def _type(qtbot, window, text):
    """Type *text* as a user would: keys for ASCII, an input-method commit for Chinese."""
    field = window.search.field
    field.setFocus()
    with qtbot.waitSignal(window.search.results_shown, timeout=3000):
        if text.isascii():
            qtbot.keyClicks(field, text)
        else:
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(field, event)


def test_ctrl_k_focuses_the_search_field(window, qtbot):
    window.activateWindow()
    window.lists["person"].view.setFocus()
    qtbot.keyClick(window.lists["person"].view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.search.field.hasFocus())


def test_typing_zhangjiang_and_enter_opens_the_zhangjiang_entry(window, qtbot, store):
    top = store.search("张江", prefix_last=True)[0]
    assert "张江" in top.name_zh
    _type(qtbot, window, "张江")
    assert window.search.popup.isVisible()
    with qtbot.waitSignal(window.page_opened) as opened:
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert opened.args == [top.id]
    assert window.current_kind() == top.kind
    page = window.details[top.kind].plain_text()
    assert top.name_zh in page and top.name_en in page
    assert not window.search.popup.isVisible()


def test_results_are_grouped_by_kind_with_counts_and_highlighted(window, qtbot, store):
    _type(qtbot, window, "张江")
    model = window.search.popup.model
    headers = [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(PageRole) is None]
    kinds = {h.kind for h in store.search("张江", prefix_last=True, limit=40)}
    assert len(headers) == len(kinds) >= 2
    assert any(h.startswith("Places (") for h in headers)
    html = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())]
    assert any("<b>张江</b>" in h for h in html)


def test_arrow_down_then_enter_opens_the_second_hit(window, qtbot, store):
    _type(qtbot, window, "张江")
    model = window.search.popup.model
    first, second = (model.index(r, 0).data(PageRole) for r in model.hit_rows()[:2])
    assert first == store.search("张江", prefix_last=True)[0].id and second != first
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Up)
    with qtbot.waitSignal(window.page_opened) as opened:
        qtbot.keyClick(window.search.field, Qt.Key.Key_Enter)
    assert opened.args == [second]


def test_escape_hides_the_popup(window, qtbot):
    _type(qtbot, window, "CAR-T")
    assert window.search.popup.isVisible()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert not window.search.popup.isVisible()


@pytest.mark.parametrize("text", ['"', "NEAR(", "*", "AND", "🙂", "x" * 3000])
def test_hostile_text_shows_results_or_an_explanation(window, qtbot, text):
    window.search.field.setText(text)
    window.search.run_search()
    popup = window.search.popup
    assert popup.isVisible()
    assert popup.model.hit_rows() or "No results" in popup.empty.text()


def test_pinyin_finds_a_chinese_name(window, qtbot, store):
    _type(qtbot, window, "qian qijun")
    pages = [window.search.popup.model.index(r, 0).data(PageRole)
             for r in window.search.popup.model.hit_rows()]
    assert "person/qian-qijun" in pages


def test_a_passage_hit_opens_the_reader_or_the_passage(window, qtbot, store):
    hit = store.search("三大支柱", kind="passage")[0]
    _type(qtbot, window, "三大支柱")
    model = window.search.popup.model
    row = next(r for r in model.hit_rows() if model.index(r, 0).data(PageRole).endswith(hit.id))
    window.search.popup.select_row(row)
    with qtbot.waitSignal(window.page_opened):
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    if window.reader is not None:
        assert window.tabs.currentWidget() is window.reader
    else:
        assert "三大支柱" in window.details["document"].plain_text()


def test_results_model_passes_qtmodeltester(qtmodeltester, window, qtbot):
    _type(qtbot, window, "细胞")
    qtmodeltester.check(window.search.popup.model)
    qtmodeltester.check(SearchResultsModel())


def test_search_runs_off_the_gui_thread_and_ignores_stale_results(window, qtbot, store):
    _type(qtbot, window, "qian")
    assert window.search._thread is not None and window.search._thread.isRunning()
    model = window.search.popup.model
    shown = [model.index(r, 0).data(PageRole) for r in model.hit_rows()]
    stale = store.search("CAR-T", prefix_last=True)
    window.search._on_worker_results_ready(window.search._generation - 1, ("CAR-T", stale, {}))
    assert [model.index(r, 0).data(PageRole) for r in model.hit_rows()] == shown
    window.close()
    assert window.search._thread is None


def _headers(window):
    model = window.search.popup.model
    return [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(PageRole) is None]


def test_counts_past_the_cap_are_shown_as_at_least(window, qtbot, store, monkeypatch):
    from cgt_desktop.core.catalog.search import count
    from cgt_desktop.ui.search import popup as search_popup

    full = count(store.db, "细胞", prefix_last=True)
    shown = {h.kind for h in store.search("细胞", prefix_last=True, limit=search_popup.RESULT_LIMIT)}
    assert len(shown) >= 2 and sum(full.values()) > search_popup.RESULT_LIMIT
    _type(qtbot, window, "细胞")
    exact = _headers(window)
    assert len(exact) == len(shown) and not any("+)" in h for h in exact)
    assert any(f" / {full[k]})" in h for h in exact for k in shown)  # a kind with more matches than shown
    monkeypatch.setattr(search_popup, "COUNT_CAP", 1)
    window.search.field.clear()
    _type(qtbot, window, "细胞")
    capped = _headers(window)
    assert len(capped) == len(shown) and all(h.endswith("+)") for h in capped)


def test_snippet_html_escapes_text_and_bolds_only_our_markers():
    from cgt_desktop.core.text.textindex import snippet
    from cgt_desktop.ui.search.results import snippet_html

    cut = snippet("<script>alert(1)</script> «quoted» CAR-T & co", "car-t")
    html_text = snippet_html(cut)
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text
    assert html_text.count("<b>") == 1 and "<b>CAR-T</b>" in html_text
    assert "&amp; co" in html_text


def _rows(window) -> list[tuple[str, str | None]]:
    model = window.search.popup.model
    return [(model.index(r, 0).data(), model.index(r, 0).data(PageRole)) for r in range(model.rowCount())]


def test_show_all_opens_every_hit_of_a_kind_in_its_tab(window, qtbot, store):
    _type(qtbot, window, "张江")
    more = [(text, page) for text, page in _rows(window) if page and page.startswith("search:")]
    assert more, "a group with more hits than shown offers them all"
    text, page = more[0]
    kind = page[7:].partition("|")[0]
    assert text.startswith("Show all")
    with qtbot.waitSignal(window.page_opened):
        window.search.result_activated.emit(page)
    shown = window.current_detail().plain_text()
    hits = store.search("张江", kind=kind, limit=1000)
    assert len(hits) > 5 and "Search: “张江”" in shown
    assert hits[-1].name_en in shown or hits[-1].name_zh in shown or kind == "passage"


def test_a_misspelling_finds_nothing_but_suggests_the_nearest_names(window, qtbot):
    _type(qtbot, window, "Zhangjang")
    rows = _rows(window)
    assert rows[0][0] == "No results for “Zhangjang”. Did you mean:" and rows[0][1] is None
    assert rows[1][1] == "place/zhangjiang"
    with qtbot.waitSignal(window.page_opened) as opened:
        qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert opened.args == ["place/zhangjiang"]


def test_a_name_that_holds_the_query_ranks_above_a_title_that_does(store):
    hits = store.search("复星", limit=10)
    assert hits[0].id == "organization/fosun-kite-biotechnology"
    assert [h.id for h in store.suggest("钱其君")][:1] == ["person/qian-qijun"]
