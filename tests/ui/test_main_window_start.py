"""The main window's start: what the first paint shows, and what is built just after it."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.main_window import MainWindow

DOC = "document/003_f3128c6eecc96df2"


def _docks(window: MainWindow) -> set[str]:
    return {d.objectName() for d in window.findChildren(QDockWidget)}


def test_the_first_paint_shows_the_first_list_and_the_docks_follow(qtbot, store, home):
    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", "a note the Annotations tab lists")
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    assert _docks(window) == set()  # not needed for the first paint
    assert window.lists["person"].model.rowCount() == store.counts()["person"]
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert _docks(window) == {"notes_dock", "selection_dock"}
    panel = window.annotations.panel
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Annotations"
    assert panel.model.rowCount() == 1  # read after the first paint
    assert window.selections.act_add.shortcut().toString() == "Ctrl+E"
    window.close()
    user.close()


def _reader_receivers(window: MainWindow) -> int:
    return window.reader.receivers(SIGNAL("passage_selected(QString)"))


def test_docks_asked_for_before_the_first_paint_are_built_once(qtbot, store, home):
    user = UserStore(home.user_db)
    usual = MainWindow(store, user)  # docks first, then the reader
    qtbot.addWidget(usual)
    assert usual.annotations.reader is None
    assert usual.open_page(f"read:{DOC}")
    window = MainWindow(store, user)  # the reader first: opening it builds the docks
    qtbot.addWidget(window)
    assert window.open_page(f"read:{DOC}")
    notes = window.annotations.notes
    assert window.annotations.reader is window.reader
    assert _reader_receivers(window) == _reader_receivers(usual)  # attached once
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.annotations.notes is notes
    assert len(window.findChildren(QDockWidget, "notes_dock")) == 1
    assert len(window.findChildren(QDockWidget, "selection_dock")) == 1
    assert _reader_receivers(window) == _reader_receivers(usual)
    for w in (window, usual):
        w.close()
    user.close()


def test_docks_built_after_the_first_paint_come_back_where_the_user_left_them(qtbot, store, home):
    user = UserStore(home.user_db)
    first = MainWindow(store, user)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    with qtbot.waitSignal(first.first_painted, timeout=10000):
        first.show()
    assert first.annotations.notes_dock.isVisible() and first.selections.dock.isVisible()
    qtbot.waitUntil(lambda: 280 <= first.annotations.notes_dock.width() <= 330, timeout=2000)  # a column, not a third
    first.selections.dock.close()
    first.removeDockWidget(first.annotations.notes_dock)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.annotations.notes_dock)
    first.annotations.notes_dock.show()
    first.close()  # saves the layout
    again = MainWindow(store, user)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.first_painted, timeout=10000):
        again.show()
    for _ in range(3):
        QApplication.processEvents()  # queued show requests run now
    assert again.annotations.notes_dock.isVisible()
    assert again.dockWidgetArea(again.annotations.notes_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not again.selections.dock.isVisible()
    again.close()
    user.close()


def test_a_first_1024_window_starts_with_the_docks_closed_and_keys_open_the_notes(qtbot, store, home):
    """1024×700 at the first start: list and page get the width; Ctrl+Shift+N opens Notes on the page shown."""
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    notes = window.annotations.notes_dock
    assert not notes.isVisible() and not window.selections.dock.isVisible()
    qtbot.waitUntil(lambda: window.tabs.width() == window.width())  # the docks gave their room back
    toggles = [a.text() for a in window.toolbar.actions()]
    assert "Notes" in toggles and "Selection" in toggles
    assert window.open_page("person/qian-qijun")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(notes.isVisible)
    assert window.annotations.notes.target_id == "person/qian-qijun"
    assert window.annotations.notes.editor.isVisible()
    window.close()
    user.close()


def test_only_the_list_of_the_tab_shown_at_start_is_built(qtbot, store, home):
    user = UserStore(home.user_db)
    user.set_setting("ui.tab", "event")
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    assert window.current_kind() == "event"
    assert set(window.lists) == {"event"}  # not the people list as well
    assert window.status_counts.text().startswith(f"Showing {store.counts()['event']} of")
    window.close()
    fresh = MainWindow(store, UserStore(home.root / "other.sqlite"))
    qtbot.addWidget(fresh)
    assert set(fresh.lists) == {"person"}
    fresh.close()
    fresh.user.close()
    user.close()


def test_the_last_page_is_reopened_just_after_the_first_paint_on_the_remembered_tab(qtbot, store, home):
    user = UserStore(home.user_db)
    user.set_setting("ui.last_page", "person/qian-qijun")
    user.set_setting("ui.tab", "event")
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    assert window.history.current is None and not window.details["person"].page
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.history.current == "person/qian-qijun"
    assert window.details["person"].page == "person/qian-qijun"
    assert window.current_kind() == "event"
    window.close()
    user.close()


def test_a_remembered_timeline_tab_is_built_just_after_the_first_paint(qtbot, store, home):
    user = UserStore(home.user_db)
    user.set_setting("ui.tab", "timeline")
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    assert window.timeline is None  # pyqtgraph is not imported before the first paint
    assert window.tabs.currentWidget() is window.timeline_holder
    assert window.timeline_holder.text() == "Loading the timeline…"
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.timeline is not None and window.tabs.currentWidget() is window.timeline
    window.set_preferences(window.prefs)  # retranslating after the holder is gone must not touch it
    window.close()
    user.close()


def test_the_timeline_warmed_up_in_the_background_shows_the_events_read_ahead(qtbot, store, home):
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.warm_up_timeline()
    loader = window._timeline_loader
    qtbot.waitUntil(lambda: loader.columns is not None, timeout=30000)
    assert window.timeline is None  # only prepared: the tab is built when opened
    assert window.show_timeline()
    panel = window.timeline
    assert panel.controller._loader is loader
    qtbot.waitUntil(lambda: panel.controller.layout is not None, timeout=30000)
    assert panel.controller.columns is loader.columns
    assert f"of {store.counts()['event']} events shown" in panel.count_label.text()
    window.close()
    user.close()


def test_search_results_opened_before_the_docks_are_built_stay_on_top(qtbot, store, home):
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.search.field.setText("zhao yangbing")
    window.search.run_search()  # before the first paint: the docks do not exist yet
    popup = window.search.popup
    assert popup.isVisible()
    qtbot.waitUntil(lambda: bool(_docks(window)), timeout=10000)
    notes = window.findChild(QDockWidget, "notes_dock")
    overlap = popup.geometry().intersected(notes.geometry())
    assert not overlap.isEmpty()  # the results reach over the Notes dock
    hit = window.childAt(overlap.center())
    assert hit is popup or popup.isAncestorOf(hit)
    window.close()
    user.close()


def test_the_first_window_fits_a_screen_smaller_than_1280_by_800(window):
    from PySide6.QtCore import QSize

    from cgt_desktop.ui.shell.window_state import first_size

    assert first_size(QSize(1024, 668)) == (1024, 668)  # a 1024×700 screen less its panel
    assert first_size(QSize(1920, 1050)) == (1280, 800)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_the_window_title_names_the_app_once(window):
    assert "cgt-desktop" not in window.windowTitle()  # Qt adds the application's display name itself
    assert window.windowTitle() == "China cell & gene therapy reference"


def test_the_app_takes_lang_on_its_command_line():
    from cgt_desktop.cli.main import build_parser
    from cgt_desktop.cli.doctor import command_of

    assert command_of(["--lang", "zh"]) is None  # the app, not a subcommand named "zh"
    assert build_parser(subcommands=False).parse_args(["--lang", "zh"]).lang == "zh"
    assert build_parser().parse_args(["--lang", "zh", "search", "x"]).command == "search"
