"""Preferences, the Chinese interface, and state remembered across restarts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.history import History
from cgt_desktop.ui.common.i18n import Translations, i18n_dir
from cgt_desktop.ui.shell.main_window import MainWindow
from cgt_desktop.ui.shell.preferences_dialog import PreferencesDialog
from cgt_desktop.ui.common.settings import Preferences, UiState


@pytest.fixture
def translations(qapp):
    tr = Translations(qapp)
    yield tr
    tr.apply("en")


def _open(qtbot, store, home, translations=None):
    user = UserStore(home.user_db)
    win = MainWindow(store, user, translations)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.first_painted, timeout=10000):  # the last page is reopened just after it
        win.show()
    return win, user


def _menu_titles(window):
    return [action.text() for action in window.menuBar().actions()]


def test_translations_ship_as_ts_and_qm():
    assert (i18n_dir() / "cgt_desktop_zh_CN.ts").is_file()
    assert (i18n_dir() / "cgt_desktop_zh_CN.qm").stat().st_size > 1000


def test_chinese_interface_shows_chinese_menus(qtbot, store, home, translations):
    UiState(UserStore(home.user_db)).set("language", "zh")
    window, user = _open(qtbot, store, home, translations)
    assert _menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "帮助(&H)"]
    assert window.tabs.tabText(0).startswith("人物")
    # Chinese names come first in the Chinese interface until the user picks another order.
    assert window.lists["person"].model.headerData(0, Qt.Orientation.Horizontal) == "中文名"
    assert "显示" in window.status_counts.text()
    window.close()
    user.close()


def test_switching_language_in_preferences_retranslates_at_once(qtbot, store, home, translations):
    window, user = _open(qtbot, store, home, translations)
    assert _menu_titles(window)[0] == "&File"
    window.set_preferences(Preferences(name_order="en_first", language="zh"))
    assert _menu_titles(window)[0] == "文件(&F)"
    assert window.search.field.placeholderText().startswith("搜索全部")
    window.set_preferences(Preferences(name_order="en_first", language="en"))
    assert _menu_titles(window)[0] == "&File"
    assert UiState(user).preferences().language == "en"
    window.close()
    user.close()


def test_state_survives_closing_and_reopening_the_window(qtbot, store, home):
    window, user = _open(qtbot, store, home)
    window.resize(800, 650)  # the offscreen screen is 800 px wide; Qt fits restored windows to it
    window.show_kind("organization")
    window.splitters["organization"].setSizes([300, 500])
    saved = window.splitters["organization"].sizes()
    orgs = window.lists["organization"]
    orgs.view.sortByColumn(orgs.model.columns.index("source_count"), Qt.SortOrder.DescendingOrder)
    orgs.view.horizontalHeader().resizeSection(0, 321)
    page = orgs.model.id_at(2)
    orgs.view.selectRow(2)
    window.set_preferences(Preferences(name_order="zh_first", language="en"))
    expected_ids = orgs.model.ids()
    window.close()
    user.close()

    again, user2 = _open(qtbot, store, home)
    assert (again.width(), again.height()) == (800, 650)
    assert again.current_kind() == "organization"
    sizes = again.splitters["organization"].sizes()
    assert abs(sizes[0] - saved[0]) <= 5, (sizes, saved)
    orgs2 = again.lists["organization"]
    assert orgs2.model.query.sort == "source_count" and orgs2.model.query.descending
    assert orgs2.model.ids() == expected_ids
    assert orgs2.view.horizontalHeader().sectionSize(orgs2.model.columns.index("name_en")) == 321
    assert again.history.current == page
    assert again.prefs.name_order == "zh_first"
    assert orgs2.model.headerData(0, Qt.Orientation.Horizontal) == "Chinese name"
    again.close()
    user2.close()


def test_damaged_settings_fall_back_to_defaults(qtbot, store, home):
    user = UserStore(home.user_db)
    state = UiState(user)
    state.set("geometry", "not base64 at all!")
    state.set("splitters", {"person": "wide"})
    state.set("lists", {"person": {"widths": "x", "sort": 5}})
    state.set("tab", "nonsense")
    state.set("last_page", "person/does-not-exist")
    user.close()
    window, user = _open(qtbot, store, home)
    assert window.lists["person"].model.rowCount() == window.counts["person"]
    assert window.width() >= window.minimumWidth()
    window.close()
    user.close()


def test_preferences_dialog_returns_the_choices(qtbot):
    dialog = PreferencesDialog(Preferences("both", "en"))
    qtbot.addWidget(dialog)
    assert dialog.name_order.currentData() == "both"
    dialog.name_order.setCurrentIndex(1)
    dialog.language.setCurrentIndex(1)
    assert dialog.preferences() == Preferences("zh_first", "zh")


def test_names_follow_the_interface_language_until_the_user_picks_an_order(qtbot, home):
    from cgt_desktop.core.userdata.userdb import UserStore

    user = UserStore(home.user_db)
    state = UiState(user)
    assert state.preferences("zh") == Preferences("zh_first", "zh")  # a new user of the Chinese interface
    dialog = PreferencesDialog(state.preferences("en"))
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(1)  # switching to Chinese brings Chinese names first
    assert dialog.preferences() == Preferences("zh_first", "zh")
    dialog.name_order.setCurrentIndex(2)
    dialog.name_order.activated.emit(2)  # the user's own choice then stays
    dialog.language.setCurrentIndex(0)
    assert dialog.preferences() == Preferences("both", "en")
    state.save_preferences(Preferences("en_first", "zh"))
    assert state.preferences("zh") == Preferences("en_first", "zh")  # a saved choice is kept
    user.close()


def test_history_drops_forward_pages_on_a_new_visit(qtbot):
    history = History()
    with qtbot.waitSignal(history.changed):
        history.visit("a")
    history.visit("b")
    history.visit("c")
    assert history.back() == "b"
    history.visit("d")
    assert history.pages() == ["a", "b", "d"]
    assert not history.can_go_forward()
    assert history.back() == "b" and history.back() == "a" and history.back() is None


def test_a_tab_first_opened_after_a_language_switch_shows_its_page_in_that_language(qtbot, store, home,
                                                                                   translations):
    window, user = _open(qtbot, store, home, translations)
    assert "organization" not in window.details, "a tab never shown has no detail view yet"
    window.set_preferences(Preferences(name_order="zh_first", language="zh"))
    window.show_kind("organization")
    detail = window.details["organization"]
    assert detail.language == "zh" and detail.name_order == "zh_first"
    assert "在左侧选择一行" in detail.plain_text(), detail.plain_text()  # the empty state, in Chinese
    assert window.open_page("organization/ruijin-hospital")
    text = detail.plain_text()
    assert text.lstrip().startswith("瑞金医院") and "机构 · 医院" in text, text[:200]
    window.close()
    user.close()


def test_people_types_read_in_the_interface_language(qtbot, store, home, translations):
    UiState(UserStore(home.user_db)).set("language", "zh")
    window, user = _open(qtbot, store, home, translations)
    people = window.lists["person"]
    column = people.model.column_of_sort_key("type")
    shown = {people.model.index(row, column).data() for row in range(people.model.rowCount())}
    assert {"科学家", "医生", "记者"} <= shown and not shown & {"scientist", "physician", "journalist"}
    facet = people.facet_boxes["type"]
    assert "科学家 (9)" in [facet.itemText(i) for i in range(facet.count())]
    window.close()
    user.close()
    assert store.label("person_types", "astronaut", "zh") == "astronaut", "a free word is shown as written"
