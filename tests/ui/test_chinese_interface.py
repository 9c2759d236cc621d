"""The Chinese interface, walked widget by widget: no English left where a Chinese reader looks.

Both ways into it are walked: a window that starts in Chinese, and an English window switched live
(Preferences → 中文). Every visible widget's own text counts (labels, buttons, tabs, menus, dock
titles, placeholders, combo items, tooltips, the timeline's legend); the corpus's own data (names,
titles, passages in the lists and pages) is English where the source is, and is not walked.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QDockWidget, QLabel, QLineEdit, QMenu, QTabBar,
                               QWidget)

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.common.i18n import Translations
from cgt_desktop.ui.common.settings import Preferences, UiState
from cgt_desktop.ui.shell.main_window import MainWindow

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")
# Words that stay Latin in a Chinese interface: names of formats, keys and the product.
ALLOWED = {"PDF", "PNG", "SVG", "Ctrl", "Shift", "Alt", "Qt", "cgt", "desktop", "Markdown", "English",
           "Tab", "Enter", "Esc", "Home", "CAR", "CJK", "pinyin", "Noto", "Sans"}


def _english(text: str) -> bool:
    """Whether *text* reads as untranslated English: Latin words (beyond the allowed ones), no Chinese."""
    text = re.sub(r"&(?=\w)", "", text or "")
    if not text.strip() or CJK.search(text):
        return False
    return any(word not in ALLOWED for word in WORD.findall(text))


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the widget's own interface strings."""
    name = f"{type(widget).__name__}:{widget.objectName() or '?'}"
    found = [(f"{name} tooltip", widget.toolTip())]
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append((name, widget.text()))
    if isinstance(widget, QLineEdit):
        found.append((f"{name} placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):  # a list's facet offers "Any organization", then the corpus's names
        shown = 1 if widget.objectName().startswith("facet_") else widget.count()
        found += [(f"{name} item", widget.itemText(i)) for i in range(shown)]
    if isinstance(widget, QTabBar):
        found += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        found += [(f"{name} tab tooltip", widget.tabToolTip(i)) for i in range(widget.count())]
    if isinstance(widget, QDockWidget):
        found.append((f"{name} title", widget.windowTitle()))
    return found


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    found = []
    for action in menu.actions():
        found += [(f"{where} › {action.text()}", action.text()), (f"{where} › tip", action.toolTip())]
        if action.menu() is not None:
            found += _menu_texts(action.menu(), f"{where} › {action.text()}")
    return found


def _untranslated(window: MainWindow) -> list[str]:
    found: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and not _inside_data(widget):
            found += _texts(widget)
    for action in window.menuBar().actions():
        found += _menu_texts(action.menu(), action.text())
    found += [(f"toolbar › {a.text()}", a.text()) for a in window.toolbar.actions()]
    if window.timeline is not None:
        found += [("timeline legend", t) for t in window.timeline.plot.legend_labels()]
    # The timeline's lane names and category boxes are bilingual ("Policy 政策"): they have Chinese.
    return sorted({f"{where}: {text!r}" for where, text in found if _english(text)})


def _inside_data(widget: QWidget) -> bool:
    """Labels that show the corpus (a page's or document's title) rather than the interface."""
    return widget.objectName() in {"reader_title", "reader_meta"} or any(
        w.objectName().startswith("detail_") for w in _ancestors(widget))


def _ancestors(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def _walk_every_view(qtbot, window: MainWindow) -> list[str]:
    """Each tab in turn (lists, timeline, reader, annotations) with both docks; what is left English."""
    untranslated: set[str] = set()
    window.annotations.notes_dock.show()
    window.selections.dock.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if window.timeline is not None and window.tabs.currentWidget() is window.timeline:
            qtbot.waitUntil(lambda: window.timeline.controller.layout is not None, timeout=20000)
        untranslated |= set(_untranslated(window))
    window.selections.dock.raise_()
    untranslated |= set(_untranslated(window))
    return sorted(untranslated)


def _wait_for_language(qtbot, window: MainWindow, new_note: str) -> None:
    """Qt posts LanguageChange to every widget; wait until the event loop has delivered them."""
    qtbot.waitUntil(lambda: window.annotations.notes.new_button.text() == new_note)


@pytest.fixture
def translations(qapp):
    tr = Translations(qapp)
    yield tr
    tr.apply("en")


def test_a_window_started_in_chinese_has_no_english_interface_text(qtbot, store, home, translations):
    user = UserStore(home.user_db)
    UiState(user).set("language", "zh")
    window = MainWindow(store, user, translations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.open_page("person/qian-qijun")
    left = _walk_every_view(qtbot, window)
    assert left == [], "\n".join(left)
    # The list's facets name organizations in Chinese where a source gives the Chinese name.
    box = window.lists["person"].facet_boxes["organization"]
    items = [box.itemText(i) for i in range(box.count())]
    assert items[0] == "全部机构" and "中国新闻网 (2)" in items and "China News Online (2)" not in items
    translations.apply("en")  # while the window and its databases are still open
    _wait_for_language(qtbot, window, "New note")
    window.close()
    user.close()


def test_switching_to_chinese_live_leaves_no_english_behind(qtbot, store, home, translations):
    """The docks, the timeline's legend and lists, the empty reader: all follow a switch at run time."""
    user = UserStore(home.user_db)
    window = MainWindow(store, user, translations)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitSignal(window.first_painted, timeout=10000):
        window.show()
    assert window.show_timeline()
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.reader_holder))  # the reader, built in English
    assert window.open_page("person/qian-qijun")
    assert _untranslated(window), "the walk must see English in the English interface"
    window.set_preferences(Preferences(name_order="zh_first", language="zh"))
    _wait_for_language(qtbot, window, "新建笔记")
    left = _walk_every_view(qtbot, window)
    assert left == [], "\n".join(left)
    undated = window.timeline.controller.undated_model
    lines = [undated.index(i).data() for i in range(undated.rowCount())]
    assert lines and all(not line.startswith("not stated") for line in lines)
    assert any(line.startswith("未注明日期 — ") for line in lines)
    translations.apply("en")  # while the window and its databases are still open
    _wait_for_language(qtbot, window, "New note")
    window.close()
    user.close()
