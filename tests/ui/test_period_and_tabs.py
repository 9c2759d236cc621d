"""One period across the window: the timeline, every list, the tab labels and the status bar agree."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cgt_desktop.ui.browse.entity_table import kind_label

PERIOD = ("2019-01-01", "2019-12-31")


def _tab(window, kind: str) -> str:
    from cgt_desktop.core.domain.kinds import KINDS

    return window.tabs.tabText(KINDS.index(kind))


def test_tab_labels_count_what_a_period_leaves(window, qtbot, store):
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
