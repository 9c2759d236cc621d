"""What the main window remembers between sessions: geometry, splitters, tab, list columns, last page.

:class:`RememberedState` is part of :class:`~cgt_desktop.ui.shell.main_window.MainWindow` (which inherits it);
it reads and writes through the window's :class:`~cgt_desktop.ui.common.settings.UiState` (``self.state``).
"""

from __future__ import annotations

from typing import Any

from cgt_desktop.core.domain.kinds import KINDS


DEFAULT_SIZE = (1280, 800)


def first_size(available: Any) -> tuple[int, int]:
    """The first window's size: 1280×800, or the screen's free area where that is smaller (a 1024×700
    screen gets a window that fits it, title bar and panel included, not one cut off at the edge)."""
    width, height = available.width(), available.height()
    if width <= 0 or height <= 0:
        return DEFAULT_SIZE
    return min(DEFAULT_SIZE[0], width), min(DEFAULT_SIZE[1], height)


class RememberedState:
    """The main window's save/restore of its layout and place (see the module docstring)."""

    state: Any
    _saved_lists: dict[str, Any]
    _last_page: str | None
    _keep_tab: bool

    def save_state(self) -> None:
        """Remember geometry, splitters, open tab, list columns and sort, last page."""
        self.state.set_bytes("geometry", self.saveGeometry())
        self.state.set_bytes("window_state", self.saveState())
        self.state.set("splitters", {kind: s.sizes() for kind, s in self.splitters.items()})
        index = self.tabs.currentIndex()
        self.state.set("tab", KINDS[index] if index < len(KINDS) else
                       ("timeline" if self.tabs.widget(index) in (self.timeline, self.timeline_holder) else "reader"))
        lists = dict(self._saved_lists)
        lists.update({kind: c.save_state() for kind, c in self.lists.items()})
        self.state.set("lists", lists)
        if self.history.current:
            self.state.set("last_page", self.history.current)

    def restore_state(self) -> None:
        """Restore what :meth:`save_state` saved (anything missing or unusable is skipped)."""
        geometry = self.state.get_bytes("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*first_size(self.screen().availableGeometry().size()))
        window_state = self.state.get_bytes("window_state")
        if window_state is not None:
            self.restoreState(window_state)
        splitters = self.state.get("splitters", {})
        for kind, splitter in self.splitters.items():
            sizes = splitters.get(kind) if isinstance(splitters, dict) else None
            if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(n, int) and n > 0 for n in sizes):
                splitter.setSizes(sizes)
        lists = self.state.get("lists", {})
        self._saved_lists = {k: v for k, v in lists.items() if k in KINDS} if isinstance(lists, dict) else {}
        for kind, controller in self.lists.items():
            controller.restore_state(self._saved_lists.get(kind))
        last = self.state.get("last_page")  # opened just after the first paint (a page can take 0.1-0.3 s)
        self._last_page = last if isinstance(last, str) and last and not last.startswith("read:") else None
        tab = self.state.get("tab")
        self._keep_tab = tab in KINDS or tab == "timeline"
        if tab in KINDS:
            self.show_kind(tab)
        elif tab == "timeline":  # built just after the first paint (importing pyqtgraph takes 0.3-0.9 s)
            self.tabs.blockSignals(True)
            self.tabs.setCurrentWidget(self.timeline_holder)
            self.tabs.blockSignals(False)
            self._update_status()

    def _restore_last_page(self) -> None:
        """Open the page remembered by :meth:`save_state`, staying on the remembered tab."""
        page, self._last_page = self._last_page, None
        if page is None:
            return
        index = self.tabs.currentIndex()
        if self.open_page(page) and self._keep_tab:
            self.tabs.setCurrentIndex(index)
