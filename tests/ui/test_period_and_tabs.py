"""One period across the window: the timeline, every list, the tab labels and the status bar agree."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cgt_desktop.ui.browse.entity_table import kind_label

PERIOD = ("2019-01-01", "2019-12-31")


def _tab(window, kind: str) -> str:
    from cgt_desktop.core.domain.kinds import KINDS

    return window.tabs.tabText(KINDS.index(kind))


def test_tab_labels_count_what_a_period_leaves(window, qtbot, store):
    window.resize(1700, 800)  # room for every count
    qtbot.waitUntil(lambda: window.tabs.width() > 1600)
    total = window.counts["person"]
    assert _tab(window, "person") == f"{kind_label('person')} ({total})"
    window.set_period(PERIOD)
    shown = window.lists["person"].model.rowCount()
    assert 0 < shown < total
    assert _tab(window, "person") == f"{kind_label('person')} ({shown} / {total})"
    # a tab whose list is not made yet is counted too
    from cgt_desktop.core.catalog.lists import ListQuery

    policies = store.list_count(ListQuery("policy", period=PERIOD))
    assert _tab(window, "policy") == f"{kind_label('policy')} ({policies} / {window.counts['policy']})"
    window.clear_period()
    assert _tab(window, "person") == f"{kind_label('person')} ({total})"


def test_narrow_windows_shorten_the_tab_labels_so_every_tab_shows(window, qtbot):
    """1024 px: no scroll arrows hide Timeline, Reader or Annotations; the counts move to the tooltip,
    except a filtered tab's, which is what the user needs to see."""
    bar = window.tabs.tabBar()
    window.resize(1700, 800)
    qtbot.waitUntil(lambda: window.tabs.width() > 1600)
    assert _tab(window, "person").endswith(f"({window.counts['person']})")
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.tabs.width() <= 1024)
    assert sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= window.tabs.width()
    assert _tab(window, "person") == kind_label("person")
    assert window.tabs.tabToolTip(0).startswith(f"{window.counts['person']} of {window.counts['person']} shown")
    window.set_period(PERIOD)
    shown = window.lists["person"].model.rowCount()
    assert window.tabs.tabToolTip(0).startswith(f"{shown} of {window.counts['person']} shown")
    assert sum(bar.tabSizeHint(i).width() for i in range(bar.count())) <= window.tabs.width()
    window.resize(1700, 800)
    qtbot.waitUntil(lambda: window.tabs.width() > 1600)
    assert _tab(window, "person") == f"{kind_label('person')} ({shown} / {window.counts['person']})"
    labels = [bar.tabText(i) for i in range(bar.count())]
    assert labels[-3:] == ["Timeline", "Reader", "Annotations"]
    view = [a.text() for a in window.menu_view.actions() if a.text()]
    assert view[0] == f"People ({shown} / {window.counts['person']})" and "Timeline" in view
    assert "Reader" in view and "Annotations" in view


def test_clearing_the_period_in_the_status_bar_clears_the_timeline(window, qtbot):
    assert window.ensure_timeline()
    timeline = window.timeline
    window.set_period(PERIOD)
    assert timeline.plot.region.isVisible() and timeline.controller.period == PERIOD
    assert window.period_clear.isVisible()
    qtbot.mouseClick(window.period_clear, Qt.MouseButton.LeftButton)
    assert window.period is None and timeline.controller.period is None
    assert not timeline.plot.region.isVisible()
    assert not timeline.clear_button.isEnabled()
    assert len(timeline.controller.list_model.ids()) > 10


def test_exports_are_offered_in_the_homes_exports_folder(window, home):
    from cgt_desktop.core.domain.selection import Selection
    from cgt_desktop.ui.pdf.dialog import ExportDialog

    dialog = ExportDialog(Selection(["person/qian-qijun"]), window.store, window.user, parent=window)
    assert dialog.folder == home.exports_dir
    assert str(home.exports_dir) in dialog.file_edit.text()
    assert window.exports_folder() == home.exports_dir


def test_with_a_dock_open_beside_a_small_window_every_tab_stays_in_view(window, qtbot):
    """1024 px with the Notes dock open: the bare names do not fit, so the long ones are shortened
    ("Orgs"); narrower still, the names are elided; never do the last tabs (Reader, Annotations) go
    behind scroll arrows. The tooltips keep the counts."""
    bar = window.tabs.tabBar()

    def last_tab_in_view() -> bool:
        return bar.tabRect(bar.count() - 1).right() <= bar.width()

    window.resize(1024, 700)
    window.annotations.notes_dock.show()
    qtbot.waitUntil(lambda: window.tabs.width() < 760)
    qtbot.waitUntil(lambda: _tab(window, "organization") == "Orgs")
    assert last_tab_in_view() and bar.tabText(bar.count() - 1) == "Annotations"
    assert window.tabs.tabToolTip(1).endswith("Browse, sort and filter all entries of this kind.")
    window.resize(860, 700)
    qtbot.waitUntil(lambda: not bar.usesScrollButtons())
    assert last_tab_in_view()
    window.annotations.notes_dock.hide()
    window.resize(1700, 800)
    qtbot.waitUntil(lambda: bar.usesScrollButtons() and _tab(window, "organization").startswith("Organizations"))
