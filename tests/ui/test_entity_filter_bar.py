"""The filter bar of an entity list stays usable in a narrow list pane."""

from __future__ import annotations

import pytest

from cgt_desktop.ui.browse.entity_table import EntityListController


@pytest.mark.parametrize("kind", ["person", "organization", "event"])
def test_filter_box_keeps_a_readable_width_in_a_narrow_pane(qtbot, store, kind):
    controller = EntityListController(store, kind)
    widget = controller.widget
    qtbot.addWidget(widget)
    widget.resize(380, 400)
    widget.show()
    qtbot.waitExposed(widget)
    edit = controller.filter_edit
    hint = edit.fontMetrics().horizontalAdvance("Filter (English, 中文, pinyin)…")
    assert edit.width() >= hint  # not squeezed to "Filt…"
    for box in controller.facet_boxes.values():
        assert box.isVisible() and box.width() > 0
        assert box.geometry().right() <= widget.width()  # the facets shrink to fit instead
