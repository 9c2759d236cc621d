"""The Selection panel: add (Ctrl+E), reorder by drag or buttons, remove, named selections, persistence."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.selection.panel import SelectionPanel, make_add_action

PASSAGE = "000_1b6dce599d2df6c2#p03.s01"


def make_panel(qtbot, store, home):
    panel = SelectionPanel(store, UserStore(home.user_db))
    qtbot.addWidget(panel)
    return panel


def test_model_passes_the_model_tester(qtbot, qtmodeltester, store, home):
    panel = make_panel(qtbot, store, home)
    panel.add_refs(["person/qian-qijun", "place/zhangjiang", PASSAGE, "period:2013-01-01/2019-12-31"])
    qtmodeltester.check(panel.model)


def test_add_shows_names_dedupes_and_survives_a_restart(qtbot, store, home):
    panel = make_panel(qtbot, store, home)
    assert panel.empty_label.isVisibleTo(panel) and not panel.view.isVisibleTo(panel)
    with qtbot.waitSignal(panel.selection_changed):
        assert panel.add_refs(["person/qian-qijun", PASSAGE, "person/qian-qijun", "not an id"]) == 2
    assert panel.add_refs(["person/qian-qijun"]) == 0
    first = panel.model.data(panel.model.index(0))
    assert "Qian Qijun" in first and "钱其军" in first
    assert "p03.s01" in panel.model.data(panel.model.index(1))
    assert panel.view.isVisibleTo(panel) and "2" in panel.count_label.text()
    again = make_panel(qtbot, store, home)
    assert again.selection().refs == ["person/qian-qijun", PASSAGE]


def test_reorder_by_drag_and_by_buttons_and_remove(qtbot, store, home):
    panel = make_panel(qtbot, store, home)
    panel.add_refs(["person/qian-qijun", "place/zhangjiang", PASSAGE])
    with qtbot.waitSignal(panel.selection_changed):  # what QListView's internal drag-move calls
        assert panel.model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert panel.selection().refs == [PASSAGE, "person/qian-qijun", "place/zhangjiang"]
    assert panel.model.data(panel.model.index(0)).startswith("1. ")
    panel.view.selectionModel().select(panel.model.index(2), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert panel.up_button.isEnabled() and not panel.down_button.isEnabled()
    panel.up_button.click()
    assert panel.selection().refs == [PASSAGE, "place/zhangjiang", "person/qian-qijun"]
    panel.view.selectionModel().select(panel.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    panel.remove_button.click()
    assert panel.selection().refs == ["place/zhangjiang", "person/qian-qijun"]
    assert UserStore(home.user_db).get_setting("selection.current") == ["place/zhangjiang", "person/qian-qijun"]
    panel.clear_button.click()
    assert panel.selection().is_empty() and not panel.export_button.isEnabled()


def test_named_selections(qtbot, store, home):
    panel = make_panel(qtbot, store, home)
    panel.add_refs(["person/qian-qijun"])
    assert panel.save_named(" people ") == "people"
    panel.clear()
    panel.add_refs(["place/zhangjiang"])
    panel.save_named("places")
    assert [panel.named_combo.itemText(i) for i in range(panel.named_combo.count())] == ["people", "places"]
    with qtbot.waitSignal(panel.selection_changed):
        panel.load_named("people")
    assert panel.selection().refs == ["person/qian-qijun"]
    assert panel.delete_named("places") and panel.named_combo.count() == 1


def test_ctrl_e_adds_what_the_provider_gives(qtbot, store, home):
    window = QWidget()
    qtbot.addWidget(window)
    panel = SelectionPanel(store, UserStore(home.user_db), window)
    action = make_add_action(window, panel, lambda: ["organization/shanghai-cell-therapy-group"])
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    assert panel.selection().refs == ["organization/shanghai-cell-therapy-group"]


def test_the_export_dialog_opens_on_the_current_selection(qtbot, store, home):
    panel = make_panel(qtbot, store, home)
    panel.add_refs(["person/qian-qijun", PASSAGE])
    dialog = panel.export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.selection.refs == ["person/qian-qijun", PASSAGE]
    assert dialog.export_button.isEnabled() and dialog.part_boxes["notes"].isEnabled()
    assert Qt.ItemFlag.ItemIsDragEnabled in panel.model.flags(panel.model.index(0))
