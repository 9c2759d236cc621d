"""The main window's panels that are built when first needed: the docks, the timeline and the reader.

A mixin of :class:`~cgt_desktop.ui.shell.main_window.MainWindow` (its own module, as the window
grew past 600 lines). The Notes and Selection docks and the Annotations tab come just after the
first paint; the timeline (pyqtgraph) and the reader when their tab is first shown or a page needs
them. Each replaces a light placeholder tab, so the tab bar is whole from the start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from cgt_desktop.core.domain.kinds import KINDS

if TYPE_CHECKING:
    from cgt_desktop.ui.annotations.controller import AnnotationsController
    from cgt_desktop.ui.selection.controller import SelectionController

FIRST_DOCKS_MIN_WIDTH = 1200  # narrower first windows start with the Notes and Selection docks closed
FIRST_DOCK_WIDTH = 300  # px: the docks' column at the first start (the Selection panel needs ~300)


class LazyPanels:
    """Docks, timeline and reader of the main window, made on first use (see the module docstring)."""

    _annotations: Any
    _selections: Any
    _timeline_loader: Any
    timeline: Any
    timeline_holder: Any
    reader: Any
    reader_holder: Any
    period: Any
    tabs: Any
    toolbar: Any
    state: Any
    store: Any
    prefs: Any
    lists: Any
    search: Any
    _closed: bool

    # -- docks (not needed for the first paint) --------------------------------------------
    @property
    def annotations(self) -> AnnotationsController:
        """Notes dock, Annotations tab, highlights and the shared undo (see :meth:`_build_docks`)."""
        if self._annotations is None:
            self._build_docks()
        assert self._annotations is not None
        return self._annotations

    @property
    def selections(self) -> SelectionController:
        """Ctrl+E, the Selection dock and File → Export to PDF (see :meth:`_build_docks`)."""
        if self._selections is None:
            self._build_docks()
        assert self._selections is not None
        return self._selections

    def _build_docks(self) -> None:
        """Create the notes and selection docks and the Annotations tab (once).

        They are not needed for the first paint (their modules and widgets cost ~50 ms at start), so the
        window builds them just after it, or earlier when something asks for them.
        """
        if self._annotations is not None:
            return
        from cgt_desktop.ui.annotations.controller import AnnotationsController
        from cgt_desktop.ui.selection.controller import SelectionController

        self._annotations = AnnotationsController(self, self.ops)
        self._selections = SelectionController(self)
        for dock in (self._annotations.notes_dock, self._selections.dock):
            dock.show()  # a widget added to a shown window stays hidden until shown
        self._annotations.notes_dock.raise_()
        saved = self.state.get_bytes("window_state")
        if saved is None or not self.restoreState(saved):  # else as the user left them (restore_state ran
            self._lay_out_docks_first()                    # before they existed)
        for dock in (self._annotations.notes_dock, self._selections.dock):  # a toggle each, on the toolbar
            self.toolbar.addAction(dock.toggleViewAction())
        for controller in self.lists.values():
            self._selections.attach_list(controller)
        if self.reader is not None:
            self._annotations.attach_reader(self.reader)
        self._annotations.retranslate()
        self._selections.retranslate()
        if self.search.popup_visible():  # the docks are newer children: keep the open results on top
            self.search.popup.raise_()

    def _lay_out_docks_first(self) -> None:
        """The docks at the first start: a 300 px column where the window is at least 1200 px wide,
        else closed, so a 1024 px window keeps its lists and pages whole (the toolbar's Notes and
        Selection buttons, the View menu and Ctrl+Shift+N open them)."""
        docks = [self._annotations.notes_dock, self._selections.dock]
        if self.width() < FIRST_DOCKS_MIN_WIDTH:
            for dock in docks:
                dock.hide()
        else:
            self.resizeDocks(docks[:1], [FIRST_DOCK_WIDTH], Qt.Orientation.Horizontal)

    # -- timeline and reader (other modules, loaded when first needed) ----------------------
    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(KINDS):
            self.lists[KINDS[index]]  # noqa: B018 - creates the list and the detail view on first show
            self.details[KINDS[index]]  # noqa: B018
        if self.tabs.widget(index) is self.timeline_holder:
            self.ensure_timeline()
        elif self.tabs.widget(index) is self.reader_holder:
            self._ensure_reader()
        self._update_status()

    def ensure_timeline(self) -> bool:
        """Create the timeline panel on first use; False if it is not available."""
        if self.timeline is not None:
            return True
        from cgt_desktop.ui.timeline.panel import TimelinePanel

        self.timeline = TimelinePanel(self.store, self, loader=self._timeline_loader)
        self.timeline.export_folder = self.exports_folder()
        self.timeline.set_language(self.prefs.language)
        self.timeline.exported.connect(self._on_timeline_exported)
        if self.period:
            self.timeline.set_period(self.period)
        self.timeline.event_activated.connect(self._on_timeline_event_activated)
        self.timeline.period_selected.connect(self._on_timeline_period_selected)
        self._swap_in(self.timeline_holder, self.timeline, current=True)
        return True

    def _swap_in(self, holder: Any, panel: Any, current: bool) -> None:
        """Put *panel* in the tab of its placeholder *holder*, with the holder's label and tooltip (set by
        ``retranslate``); it becomes the current tab if *current* or if the holder was."""
        index = self.tabs.indexOf(holder)
        text, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
        current = current or self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, panel, text)
        self.tabs.setTabToolTip(index, tip)
        if current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        holder.deleteLater()

    def warm_up_timeline(self) -> None:
        """Import pyqtgraph and read the timeline's events in the background, before the tab is opened.

        The app calls this a second after its first paint: a Timeline click then only lays the events
        out (100 000 events: ~0.3 s instead of ~0.7 s plus the import).
        """
        if self.timeline is not None or self._timeline_loader is not None or self._closed:
            return
        from cgt_desktop.ui.timeline.controller import ColumnsLoader, start_warm_up

        self._timeline_loader = ColumnsLoader(self.store)
        start_warm_up(self._timeline_loader)

    def show_timeline(self) -> bool:
        self.tabs.setCurrentIndex(len(KINDS))
        return self.ensure_timeline()

    def _on_timeline_event_activated(self, event_id: str) -> None:
        self.open_page(event_id)

    def _on_timeline_period_selected(self, period: object) -> None:
        self.set_period(period if isinstance(period, tuple) and len(period) == 2 else None)

    def _highlight_on_timeline(self, item_id: str) -> None:
        if self.timeline is None:
            return
        self.timeline.highlight_entities([item_id, *self.store.related_event_ids(item_id)])

    def _ensure_reader(self) -> bool:
        if self.reader is not None:
            return True
        from cgt_desktop.ui.reader.panel import ReaderPanel

        self.reader = ReaderPanel(self.store, self)
        self.reader.setObjectName("reader_panel")
        self.reader.set_language(self.prefs.language)
        self.reader.entity_activated.connect(self._on_reader_entity_activated)
        self.reader.document_requested.connect(self._on_reader_document_requested)
        self._swap_in(self.reader_holder, self.reader, current=False)
        if self._annotations is not None:  # else _build_docks attaches it
            self._annotations.attach_reader(self.reader)
        return True

    def _on_reader_triggered(self) -> None:
        self._ensure_reader()
        self.tabs.setCurrentWidget(self.reader)

    def _on_annotations_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.annotations.panel)

    def _on_reader_entity_activated(self, item_id: str) -> None:
        self.open_page(item_id)

    def _on_reader_document_requested(self, doc_id: str) -> None:
        self.open_page(f"read:{doc_id}")

