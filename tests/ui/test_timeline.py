"""The Timeline tab: what is drawn, honest dates, clicks, hover, brushing, filters, lanes, export."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from cgt_desktop.core.timeline import model as tm
import timeline_reference as ref  # tests/timeline_reference.py: the rules row by row

MONTH_EVENT = "event/2019-cancer-precision-medicine-research-center-established"  # "2019-02"
DAY_EVENT = "event/2019-first-zhangjiang-international-summit-on-cell-therapy"     # "2019-11-14"
UNDATED_EVENT = "event/unknown-qian-cheng-european-and-spanish-projects"


@pytest.fixture
def panel(qtbot, store):
    from cgt_desktop.ui.common.fonts import apply_app_font
    from cgt_desktop.ui.timeline.panel import TimelinePanel

    apply_app_font(QApplication.instance())
    widget = TimelinePanel(store)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def linked_store(corpus_dir, tmp_path):
    """The corpus plus a new organization and person, each linked to one event by a relation."""
    from cgt_desktop.core.catalog.build import build_reference_db
    from cgt_desktop.core.catalog.store import Catalog

    source = "003_f3128c6eecc96df2#p06.s01"
    common = {"name_en_status": "editor", "name_zh_status": "editor", "aliases": [], "desc_en": "Test.",
              "desc_zh": "测试。", "sources": [source]}
    org = {"id": "organization/timeline-test-org", "name_en": "Timeline Test Org", "name_zh": "时间线测试机构",
           "type": "company", **common}
    person = {"id": "person/timeline-test-person", "name_en": "Timeline Tester", "name_zh": "时间线测试者",
              "type": "scientist", **common}
    for name, record in (("organizations.jsonl", org), ("people.jsonl", person)):
        with (corpus_dir / "entities" / name).open("a", encoding="utf-8") as fh:
            fh.write("\n" + json.dumps(record, ensure_ascii=False) + "\n")
    (corpus_dir / "relations").mkdir(exist_ok=True)
    rel = [{"subject": DAY_EVENT, "predicate": "organizer", "object": org["id"], "sources": [source]},
           {"subject": person["id"], "predicate": "founded", "object": MONTH_EVENT, "sources": [source]}]
    (corpus_dir / "relations" / "zz_timeline_test.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rel), "utf-8")
    target = tmp_path / "linked.sqlite"
    build_reference_db(corpus_dir, target)
    s = Catalog(target)
    yield s, org, person
    s.close()


def _drawn_points(panel) -> list[tuple[float, float]]:
    return panel.plot.point_positions()


def _drawn_bars(panel) -> list[tuple[float, float]]:
    return panel.plot.bar_extents()


def test_importing_the_module_does_not_import_pyqtgraph():
    code = "import sys, cgt_desktop.ui.timeline.panel; print('pyqtgraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]


def test_plotted_marks_are_exactly_the_store_events_of_the_range(panel, store):
    expected = store.timeline(*tm.LIMIT_YEARS, include_undated=False)
    assert expected, "the corpus has dated events"
    assert sorted(panel.controller.layout.plotted_ids) == sorted(e.id for e in expected)
    days = [e for e in expected if e.precision == "day"]
    others = [e for e in expected if e.precision != "day"]
    # what is on screen: one spot per day-precise event, one bar per month/year/range event
    assert sorted(x for x, _ in _drawn_points(panel)) == sorted(tm.day_number(e.date) + 0.5 for e in days)
    assert sorted(_drawn_bars(panel)) == sorted(map(ref.event_extent, others))
    assert len(panel.plot.scatter_items()) <= len(store.vocabulary("event_categories"))


def test_month_precision_event_spans_its_month(panel):
    mark = next(m for m in panel.controller.layout.marks if m.event_id == MONTH_EVENT)
    assert mark.kind == tm.SPAN
    assert (mark.x0, mark.x1) == (tm.day_number("2019-02-01"), tm.day_number("2019-02-28") + 1)
    assert (mark.x0, mark.x1) in _drawn_bars(panel)
    assert tm.day_number("2019-02-01") + 0.5 not in [x for x, _ in _drawn_points(panel)]


def test_unknown_year_event_is_listed_not_plotted(panel, store):
    undated = {e.id for e in store.timeline() if e.span_start is None}
    assert UNDATED_EVENT in undated
    assert UNDATED_EVENT not in panel.controller.layout.plotted_ids
    assert set(panel.controller.undated_model.ids()) == undated
    assert UNDATED_EVENT not in panel.controller.list_model.ids()
    assert f"({len(undated)})" in panel.undated_label.text()


def test_clicking_a_spot_emits_its_event_id(panel, qtbot):
    pos = panel.plot.scene_pos_of(DAY_EVENT)
    assert pos is not None
    with qtbot.waitSignal(panel.event_activated, timeout=2000) as blocker:
        qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [DAY_EVENT]


def test_clicking_empty_space_emits_nothing(panel, qtbot):
    view = panel.plot.view
    empty = panel.plot.mapFromScene(view.mapViewToScene(QPointF(tm.day_number("2011-06-01"), 0)))
    with qtbot.assertNotEmitted(panel.event_activated):
        qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=empty)


def test_hover_shows_both_languages_stated_date_and_source(panel, qtbot, store):
    event = next(e for e in store.timeline() if e.id == DAY_EVENT)
    pos = panel.plot.scene_pos_of(DAY_EVENT)
    qtbot.mouseMove(panel.plot.viewport(), pos)
    cited_as = store.passages(event.sources[:1])[0].label()  # "Bioon, 14 Nov 2019, ¶5": the source, not its id
    qtbot.waitUntil(lambda: QToolTip.isVisible() and cited_as in QToolTip.text(), timeout=3000)
    text = QToolTip.text()
    assert event.sources[0] not in text
    for part in (event.title_en, event.title_zh, event.date_stated):
        assert part in text


def _drag(panel, qtbot, first: str, last: str, modifiers=Qt.KeyboardModifier.ShiftModifier) -> None:
    viewport = panel.plot.viewport()
    view = panel.plot.view
    y = panel.plot.view.viewRange()[1][0] + 0.3
    a = panel.plot.mapFromScene(view.mapViewToScene(QPointF(tm.day_number(first) + 0.5, y)))
    b = panel.plot.mapFromScene(view.mapViewToScene(QPointF(tm.day_number(last) + 0.5, y)))

    def send(kind, at, buttons):
        button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        QApplication.sendEvent(viewport, QMouseEvent(kind, QPointF(at), panel.plot.mapToGlobal(QPointF(at)),
                                                     button, buttons, modifiers))

    send(QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    steps = 8
    for i in range(1, steps + 1):
        at = QPointF(a + (b - a) * (i / steps))
        send(QEvent.Type.MouseMove, at.toPoint(), Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def test_brushing_a_region_filters_the_list_and_emits_the_period(panel, qtbot, store):
    assert not panel.clear_button.isEnabled()
    with qtbot.waitSignal(panel.period_selected, timeout=2000) as blocker:
        _drag(panel, qtbot, "2019-01-01", "2021-12-31")
    first, last = blocker.args[0]
    assert abs(tm.day_number(first) - tm.day_number("2019-01-01")) <= 10
    assert abs(tm.day_number(last) - tm.day_number("2021-12-31")) <= 10
    listed = panel.controller.list_model.ids()
    expected = [e.id for e in store.timeline(*tm.LIMIT_YEARS, include_undated=False)
                if e.span_start <= last and e.span_end >= first]
    assert listed == expected
    assert MONTH_EVENT in listed and "event/2013-qian-qijun-founds-shanghai-cell-therapy-group" not in listed
    assert panel.plot.region.isVisible() and panel.clear_button.isEnabled()
    assert first in panel.list_label.text()
    with qtbot.waitSignal(panel.period_selected, timeout=2000) as cleared:
        qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert cleared.args == [None]
    assert len(panel.controller.list_model.ids()) == len(store.timeline(*tm.LIMIT_YEARS, include_undated=False))
    assert not panel.plot.region.isVisible()


def test_select_period_toggle_brushes_without_modifier(panel, qtbot):
    panel.select_button.click()
    with qtbot.waitSignal(panel.period_selected, timeout=2000) as blocker:
        _drag(panel, qtbot, "2022-01-01", "2022-12-31", modifiers=Qt.KeyboardModifier.NoModifier)
    assert blocker.args[0][0].startswith("2022") or blocker.args[0][0].startswith("2021-12")


def test_set_period_from_the_main_window_filters_without_echo(panel, qtbot):
    with qtbot.assertNotEmitted(panel.period_selected):
        panel.set_period(("2023-01-01", "2023-12-31"))
    ids = panel.controller.list_model.ids()
    assert ids and all(e.startswith(("event/2022", "event/2023")) for e in ids)
    assert panel.plot.region.isVisible()
    panel.set_period(None)
    assert not panel.plot.region.isVisible()


def test_category_checkbox_and_text_filter(panel, qtbot, store):
    total = store.counts()["event"]
    before = panel.count_label.text()
    assert f"of {total} events shown" in before
    panel.category_boxes["policy"].setChecked(False)
    plotted = panel.controller.layout.plotted_ids
    assert plotted and not any(e.category == "policy" for e in store.timeline() if e.id in plotted)
    assert panel.count_label.text() != before
    panel.category_boxes["policy"].setChecked(True)
    panel.filter_edit.setText("峰会")  # QTest cannot type Han characters
    qtbot.waitUntil(lambda: panel.controller.text == "峰会", timeout=2000)
    assert DAY_EVENT in panel.controller.list_model.ids()
    assert MONTH_EVENT not in panel.controller.list_model.ids()
    assert panel.count_label.text().startswith(f"{len(panel.controller.layout.plotted_ids)} of")


def test_keyboard_zoom_and_pan_stay_within_limits(panel, qtbot):
    lo, hi = tm.view_limits()
    panel.plot.setFocus()
    for _ in range(30):
        qtbot.keyClick(panel.plot, Qt.Key.Key_Minus)
        qtbot.keyClick(panel.plot, Qt.Key.Key_Left)
    x0, x1 = panel.plot.x_range()
    assert lo - 1 <= x0 and x1 <= hi + 1
    for _ in range(60):
        qtbot.keyClick(panel.plot, Qt.Key.Key_Plus)
    x0, x1 = panel.plot.x_range()
    assert x1 - x0 >= tm.MIN_VIEW_DAYS - 1
    qtbot.keyClick(panel.plot, Qt.Key.Key_Home)
    assert panel.plot.x_range() == pytest.approx(tm.default_view(), abs=1)


def test_highlight_and_lanes_by_organization(qtbot, linked_store):
    from cgt_desktop.ui.timeline.panel import TimelinePanel

    store, org, person = linked_store
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    panel.highlight_entities([org["id"]])
    assert panel.controller.highlighted == {DAY_EVENT}
    assert len(panel.plot._highlight.points()) == 1
    panel.lanes_combo.setCurrentIndex(1)
    lanes = panel.controller.layout.lanes
    keys = [lane.key for lane in lanes]
    assert org["id"] in keys and keys[-1] == tm.LANE_NONE and lanes[-1].label_en.startswith("Not linked")
    assert keys.index(org["id"]) in {m.lane for m in panel.controller.layout.marks if m.event_id == DAY_EVENT}
    assert sorted(m.event_id for m in panel.controller.layout.marks if m.lane == keys.index(org["id"])) == [
        DAY_EVENT]
    assert "时间线测试机构" in lanes[keys.index(org["id"])].label_zh
    panel.lanes_combo.setCurrentIndex(2)
    keys = [lane.key for lane in panel.controller.layout.lanes]
    assert MONTH_EVENT in {m.event_id for m in panel.controller.layout.marks if m.lane == keys.index(person["id"])}
    panel.highlight_entities([])
    assert len(panel.plot._highlight.points()) == 0


def test_list_model_passes_qtmodeltester(panel, qtmodeltester):
    qtmodeltester.check(panel.controller.list_model)
    qtmodeltester.check(panel.controller.undated_model)


def test_activating_a_list_row_emits_the_event(panel, qtbot):
    model = panel.controller.list_model
    row = model.ids().index(MONTH_EVENT)
    with qtbot.waitSignal(panel.event_activated, timeout=2000) as blocker:
        panel.event_list.activated.emit(model.index(row))
    assert blocker.args == [MONTH_EVENT]


def test_export_png_and_svg(panel, tmp_path):
    png, svg = tmp_path / "t.png", tmp_path / "t.svg"
    panel.export_png(png)
    panel.export_svg(svg)
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 800
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # not a blank page
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 50
    assert "政策" in svg.read_text("utf-8")  # lane labels are text, in both languages


def test_large_corpora_lay_out_off_the_gui_thread(panel, qtbot, store):
    panel.controller.async_above = 0  # treat the corpus as large
    with qtbot.waitSignal(panel.controller.layout_changed, timeout=5000):
        panel.category_boxes["academic"].setChecked(False)
    plotted = panel.controller.layout.plotted_ids
    dated = store.timeline(*tm.LIMIT_YEARS, include_undated=False)
    assert plotted == {e.id for e in dated if e.category != "academic"}
    assert panel.plot.isEnabled() and "of" in panel.count_label.text()


def test_cached_marks_match_a_fresh_drawing_after_panning(panel, qtbot):
    from PySide6.QtGui import QColor

    plot = panel.plot
    plot.view.setXRange(tm.day_number("2021-01-01"), tm.day_number("2022-01-01"), padding=0)
    plot.viewport().repaint()  # the caches are filled around 2021
    for step in (-0.5, 0.9, 0.3, -0.2):  # reveals 2020 and then 2022, drawn from the cache or afresh
        plot.pan(step)
        plot.viewport().repaint()
    panned = plot.grab().toImage()
    for item in plot._data_items:
        if hasattr(item, "_pan_cache"):
            item._pan_cache = None  # force a full redraw
    plot.viewport().repaint()
    fresh = plot.grab().toImage()
    assert panned.size() == fresh.size()
    differing = sum(1 for x in range(0, fresh.width(), 3) for y in range(0, fresh.height(), 3)
                    if panned.pixel(x, y) != fresh.pixel(x, y))
    assert differing <= 0.002 * (fresh.width() // 3) * (fresh.height() // 3)  # at most sub-pixel seams
    coloured = {QColor(fresh.pixel(x, y)).name() for x in range(0, fresh.width(), 3)
                for y in range(0, fresh.height(), 3)}
    assert len(coloured) > 5  # the bars are there


def test_large_corpora_are_read_off_the_gui_thread(qtbot, store, monkeypatch):
    from cgt_desktop.ui.timeline.controller import TimelineController
    from cgt_desktop.ui.timeline.panel import TimelinePanel

    monkeypatch.setattr(TimelineController, "async_above", 0)
    panel = TimelinePanel(store)
    qtbot.addWidget(panel)
    assert panel.controller.layout is None  # the result is delivered through the event loop
    assert not panel.plot.isEnabled()
    qtbot.waitUntil(lambda: panel.controller.layout is not None, timeout=5000)
    dated = store.timeline(*tm.LIMIT_YEARS, include_undated=False)
    assert panel.controller.layout.plotted_ids == {e.id for e in dated}
    assert UNDATED_EVENT in panel.controller.undated_model.ids()
    assert panel.plot.isEnabled()


def test_text_filter_of_a_large_corpus_is_searched_off_the_gui_thread(panel, qtbot):
    panel.controller.async_above = 0  # treat the corpus as large
    with qtbot.waitSignal(panel.controller.layout_changed, timeout=5000):
        panel.controller.set_text("峰会")
        assert panel.controller.text_ids is None  # the search runs with the layout job
    assert DAY_EVENT in panel.controller.text_ids
    assert DAY_EVENT in panel.controller.list_model.ids()
    assert MONTH_EVENT not in panel.controller.list_model.ids()
    assert panel.controller.layout.plotted_ids <= panel.controller.text_ids


def test_list_rows_are_read_by_id_when_shown(panel, store, monkeypatch):
    asked: list[list[str]] = []
    original = store.events_by_id
    monkeypatch.setattr(store, "events_by_id", lambda ids: asked.append(list(ids)) or original(ids))
    panel.controller._rows.clear()
    model = panel.controller.list_model
    row = model.ids().index(DAY_EVENT)
    text = model.data(model.index(row))
    event = next(e for e in store.timeline() if e.id == DAY_EVENT)
    assert event.title_en in text and event.title_zh in text
    assert asked and all(len(ids) <= model.block for ids in asked) and DAY_EVENT in asked[0]


def test_the_warm_up_imports_the_plotting_stack_in_the_background_without_qt_warnings(tmp_path):
    """The app imports pyqtgraph on a thread after its first paint, so the Timeline tab opens without it."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
        from PySide6.QtWidgets import QApplication
        messages = []
        qInstallMessageHandler(lambda kind, context, text: messages.append((kind, text)))
        app = QApplication([])
        from cgt_desktop.ui.timeline.controller import start_warm_up
        assert "pyqtgraph" not in sys.modules
        thread = start_warm_up()
        assert thread.daemon
        thread.join(60)
        app.processEvents()
        assert "pyqtgraph" in sys.modules and "cgt_desktop.ui.timeline.plot" in sys.modules
        bad = [t for k, t in messages if k != QtMsgType.QtDebugMsg]
        assert not bad, bad
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok"


def test_the_grid_marks_each_year_under_the_events_and_follows_pans(panel, qtbot):
    """The vertical grid is drawn by the plot's GridLayer (pyqtgraph's grid replays a picture every frame)."""
    from PySide6.QtGui import QColor

    plot = panel.plot
    assert plot.plot_item.getAxis("bottom").grid is False  # one grid, not two
    x0, x1 = plot.x_range()
    px_per_day = plot.view.width() / (x1 - x0)
    years, *finer = plot.grid.levels(x0, x1, px_per_day)
    assert years[0] == 38  # 15 % ink, as showGrid(alpha=0.15) drew it
    assert [tm.year_start(y) for y in range(2008, 2026)] == [v for v in years[1] if x0 <= v <= x1][:18]
    assert all(alpha < 38 for alpha, _ in finer)  # finer levels fade

    def column_has_grid(day: float) -> bool:
        image = plot.grab().toImage()
        scene = plot.view.mapViewToScene(QPointF(day, -0.5))
        x = round(plot.mapFromScene(scene).x())
        ys = range(int(image.height() * 0.1), int(image.height() * 0.6))
        background = QColor("white").rgb()
        return sum(1 for y in ys if image.pixel(x, y) != background) > 0.5 * len(ys)

    year = tm.year_start(2011)
    assert column_has_grid(year)
    plot.pan(0.1)
    qtbot.waitUntil(lambda: column_has_grid(year))  # the same year's line, moved with the view


def test_a_dragged_period_snaps_to_whole_years_at_the_default_zoom(panel, qtbot):
    with qtbot.waitSignal(panel.period_selected, timeout=2000) as blocker:
        _drag(panel, qtbot, "2019-02-20", "2021-10-20")  # 2008–2025 shown: whole years
    assert blocker.args[0] == ("2019-01-01", "2021-12-31")
    assert "2019-01-01" in panel.list_label.text()


def test_the_export_button_saves_png_and_svg_in_the_exports_folder(panel, qtbot, tmp_path):
    panel.export_folder = tmp_path / "exports"
    asked = []
    panel.ask_export_path = lambda suggested, kind: asked.append(suggested) or suggested
    actions = panel.export_button.menu().actions()
    assert [a.text() for a in actions] == ["As PNG image…", "As SVG (vector) image…"]
    with qtbot.waitSignal(panel.exported) as png:
        actions[0].trigger()
    assert asked[0] == str(tmp_path / "exports" / "timeline.png")
    assert QImage(png.args[0]).width() > 800
    with qtbot.waitSignal(panel.exported) as svg:
        actions[1].trigger()
    assert ET.parse(svg.args[0]).getroot().tag.endswith("svg")
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["timeline.png", "timeline.svg"]


def test_an_export_that_cannot_be_written_says_why_and_leaves_nothing(panel, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    out = tmp_path / "out"
    out.mkdir()
    panel.export_folder = out
    panel.ask_export_path = lambda suggested, kind: str(out / "no-such-folder" / "t.png")
    with qtbot.waitSignal(panel.export_failed) as failed:
        panel.export_button.menu().actions()[0].trigger()
    assert "no-such-folder" in failed.args[0] and warned
    assert list(out.iterdir()) == []
