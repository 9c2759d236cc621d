"""Keyboard and screen-reader access: Tab leaves lists, the timeline's marks open with Enter, every
view is in the View menu, and the main widgets have accessible names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication


def test_tab_leaves_a_list_without_changing_the_open_page(window, qtbot):
    window.show_kind("person")
    people = window.lists["person"]
    assert window.open_page("person/qian-qijun")
    page = window.details["person"].page
    people.view.setFocus()
    qtbot.waitUntil(people.view.hasFocus)
    qtbot.keyClick(people.view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not people.view.hasFocus())
    assert window.details["person"].page == page == "person/qian-qijun"
    assert people.view.selectionModel().currentIndex().column() == 0  # no walk across the cells


def test_enter_on_the_timeline_mark_the_keyboard_is_on_opens_its_page(window, qtbot):
    assert window.show_timeline()
    timeline = window.timeline
    qtbot.waitUntil(lambda: timeline.controller.layout is not None, timeout=20000)
    plot = timeline.plot
    plot.setFocus()
    qtbot.waitUntil(plot.hasFocus)
    qtbot.keyClick(plot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    first = plot.focused_event()
    assert first and first.startswith("event/")
    qtbot.keyClick(plot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    second = plot.focused_event()
    assert second and second != first
    assert plot.accessibleDescription()  # what a screen reader announces: date and title
    current = timeline.event_list.currentIndex().data(Qt.ItemDataRole.UserRole)
    assert current == second  # the list beside the plot follows
    with qtbot.waitSignal(window.page_opened) as opened:
        qtbot.keyClick(plot, Qt.Key.Key_Return)
    assert opened.args == [second]
    assert window.current_kind() == "event" and window.details["event"].page == second


def test_the_view_menu_reaches_every_tab_by_name(window, qtbot):
    window.resize(1700, 800)  # wide enough for the tabs' full names (narrower, "Orgs": see test_period_and_tabs)
    qtbot.waitUntil(lambda: not window.tabs.tabText(1).startswith("Orgs"))
    labels = [a.text() for a in window.menu_view.actions() if not a.isSeparator()]
    tabs = window.tabs
    for i in range(tabs.count()):
        name = tabs.tabText(i).split(" (")[0]
        assert any(label.startswith(name) for label in labels), name
    ninth = next(a for a in window.menu_view.actions() if a.shortcut() == QKeySequence("Ctrl+9"))
    assert ninth.text() == "Timeline"
    assert all(label for label in labels)  # no entry without a label
    reader = next(a for a in window.menu_view.actions() if a.text() == "Reader")
    reader.trigger()
    assert tabs.currentWidget() is window.reader
    next(a for a in window.menu_view.actions() if a.text() == "Annotations").trigger()
    assert tabs.currentWidget() is window.annotations.panel


def test_the_main_widgets_have_accessible_names(window, qtbot):
    window.show_kind("person")
    window.open_page("person/qian-qijun")
    assert window.show_timeline()
    window.open_page("read:003_f3128c6eecc96df2")
    named = {
        "tabs": window.tabs, "search": window.search.field, "people list": window.lists["person"].view,
        "people filter": window.lists["person"].filter_edit, "page": window.details["person"],
        "reader": window.reader.view, "timeline": window.timeline.plot,
        "timeline list": window.timeline.event_list, "notes": window.annotations.notes.note_list,
        "selection": window.selections.panel.view, "annotations": window.annotations.panel.view,
    }
    unnamed = [what for what, widget in named.items() if not widget.accessibleName()]
    assert unnamed == []
    assert window.lists["person"].view.accessibleName() == "List of People"


def test_ctrl_shift_n_writes_a_note_on_the_sentence_the_reader_shows(window, qtbot):
    window.open_page("read:003_f3128c6eecc96df2|003_f3128c6eecc96df2#p04.s01")
    reader = window.reader
    reader.view.select_row(reader.controller.rows_of("003_f3128c6eecc96df2#p04.s01")[0])
    reader.view.setFocus()
    QApplication.processEvents()
    window.annotations.act_new_note.trigger()
    notes = window.annotations.notes
    assert notes.target_id == "003_f3128c6eecc96df2#p04.s01"
    assert notes.editor.isVisible() and notes.editor.hasFocus()
