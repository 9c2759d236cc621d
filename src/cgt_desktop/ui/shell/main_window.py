"""The main window: one tab per kind (list + page), timeline, reader, search, history, menus.

The window composes panels and tells each what changed; the panels' own
controllers do the work. Pages are addressed by page strings (see
:mod:`cgt_desktop.ui.browse.detail_view`): an entity id, ``passage:<id>``, or
``read:<document id>|<passage id>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.browse.detail_view import DetailView
from cgt_desktop.ui.browse.entity_table import EntityListController, LazyByKind
from cgt_desktop.ui.shell.history import History
from cgt_desktop.ui.shell.panels import LazyPanels
from cgt_desktop.ui.common.icons import arrow_icon
from cgt_desktop.ui.common.i18n import Translations
from cgt_desktop.ui.search.popup import GlobalSearch
from cgt_desktop.ui.common.settings import Preferences, UiState
from cgt_desktop.ui.shell.status import FittingTabs, StatusMixin
from cgt_desktop.ui.shell.user_data import UserDataMixin
from cgt_desktop.ui.shell.window_state import RememberedState

if TYPE_CHECKING:
    from cgt_desktop.ui.annotations.controller import AnnotationsController
    from cgt_desktop.ui.common.operations import OperationStack
    from cgt_desktop.ui.selection.controller import SelectionController


def _search_results_page(renderer: Any, page: str) -> str:
    """Every hit of one kind (loaded on the first "Show all", not at start)."""
    from cgt_desktop.ui.search.results_page import make_page

    return make_page(renderer, page)


class MainWindow(LazyPanels, UserDataMixin, StatusMixin, RememberedState, QMainWindow):
    """The cgt-desktop browser window.

    Signals:
        page_opened(str): a page (entity id, ``passage:…`` or ``read:…``) is now shown.
        first_painted(): the window has been painted for the first time (emitted once, from the event
            loop just after that paint): work the first paint does not need starts then.
    """

    page_opened = Signal(str)
    first_painted = Signal()

    def __init__(self, store: Catalog, user: UserStore, translations: Translations | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.translations = translations
        self.state = UiState(user)
        self.prefs = self.state.preferences(translations.language if translations else "en")
        if translations and translations.language != self.prefs.language:
            translations.apply(self.prefs.language)
        self.history = History(parent=self)
        self._closed = False
        self._painted = False
        self._last_page: str | None = None  # see restore_state
        self._keep_tab = False
        self.counts = store.counts()
        self._ops: OperationStack | None = None  # made when first needed (see ops): not on the start path
        self.setAcceptDrops(True)  # drop an article (and its translation) on the window to import it
        self.setObjectName("main_window")
        self.setMinimumSize(800, 520)
        # No icon of its own: the application's (set just after the first paint, see ui.app) is every window's.

        self.tabs = FittingTabs(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # A tab's list and detail view are built the first time they are needed (the tab shown, a page opened).
        self.lists = LazyByKind(self._create_list)
        self.details: dict[str, DetailView] = LazyByKind(self._create_detail)
        self._saved_lists: dict[str, Any] = {}
        self.splitters: dict[str, QSplitter] = {}
        for kind in KINDS:
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.setObjectName(f"splitter_{kind}")
            splitter.addWidget(QWidget())  # the list
            splitter.addWidget(QWidget())  # the detail view
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 1)
            splitter.setSizes([520, 520])
            splitter.setChildrenCollapsible(False)
            self.tabs.addTab(splitter, "")
            self.splitters[kind] = splitter
        self.timeline: Any = None
        self.timeline_holder = QLabel()
        self.timeline_holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timeline_holder.setWordWrap(True)
        self.tabs.addTab(self.timeline_holder, "")
        self.reader: Any = None  # built when its tab is first shown or a document opened
        self.reader_holder = QLabel()
        self.reader_holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.reader_holder, "")
        self._timeline_loader: Any = None  # the events read ahead by warm_up_timeline
        self.period: tuple[str, str] | None = None
        self._tab_count_key: Any = None  # (period, origin, counts) the listless tabs' counts are for
        self._tab_counts: dict[str, int] = {}

        self.search = GlobalSearch(store, self, self)
        self.search.result_activated.connect(self._on_search_result_activated)
        self._build_actions()
        self._build_status_bar()
        self._annotations: AnnotationsController | None = None  # built just after the first paint,
        self._selections: SelectionController | None = None  # or when first used (see _build_docks)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.tabs.resized.connect(self._on_tabs_resized)
        self.history.changed.connect(self._on_history_changed)
        # No Python event filter before the first paint (see paintEvent): it would be called for every event Qt
        # sends while the window is built and painted, and PySide6 would load Python types for each.
        self._apply_display()
        self.retranslate()
        self.restore_state()
        if self.tabs.currentWidget() is not self.timeline_holder:  # a remembered timeline: after the first paint
            self._on_tabs_current_changed(self.tabs.currentIndex())  # the list of the tab shown, only that one
        self._on_history_changed()

    # -- construction ---------------------------------------------------------------------
    def _action(self, shortcut: Any, slot: Any, menu_name: str = "") -> QAction:
        action = QAction(self)
        if isinstance(shortcut, list):
            unique = {QKeySequence(k).toString(): QKeySequence(k) for k in shortcut if not QKeySequence(k).isEmpty()}
            action.setShortcuts(list(unique.values()))
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_import = self._action(QKeySequence("Ctrl+I"), self._on_import_triggered)
        self.act_prefs = self._action(QKeySequence(keys.Preferences), self._on_prefs_triggered)
        self.act_prefs.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_quit = self._action(QKeySequence(keys.Quit), self.close)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_search = self._action(QKeySequence("Ctrl+K"), self.search.focus)
        self.act_filter = self._action(QKeySequence(keys.Find), self._on_filter_triggered)
        self.act_copy = self._action(QKeySequence(keys.Copy), self._on_copy_triggered)
        self.act_back = self._action([QKeySequence(keys.Back), QKeySequence("Alt+Left")], self.go_back)
        self.act_forward = self._action([QKeySequence(keys.Forward), QKeySequence("Alt+Right")], self.go_forward)
        self.act_clear_period = self._action(None, self.clear_period)
        from cgt_desktop.ui.shell.file_actions import FileActions

        self.files = FileActions(self)  # export/import annotations, backups, data folder, print, About
        self.files.restore_requested.connect(self._on_files_restore_requested)
        self.restore_request: str | None = None  # a backup to restore once the window has closed (see ui.app)
        self.act_about = self._action(None, self.files.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about_qt = self._action(None, QApplication.aboutQt)
        self.act_tabs = [self._action(QKeySequence(f"Ctrl+{i + 1}"), lambda _=False, n=i: self.tabs.setCurrentIndex(n))
                         for i in range(min(9, self.tabs.count()))]
        self.act_reader = self._action(None, self._on_reader_triggered)  # the tabs past Ctrl+9
        self.act_annotations = self._action(None, self._on_annotations_triggered)
        for action in (self.act_back, self.act_forward):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        text = self.palette().color(self.palette().ColorRole.ButtonText)
        self.act_back.setIcon(arrow_icon(True, text))
        self.act_forward.setIcon(arrow_icon(False, text))

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_import)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_prefs)
        self.files.add_to_menus(self.menu_file, self.act_prefs)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_copy)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_search)
        self.menu_edit.addAction(self.act_filter)
        self.menu_view = bar.addMenu("")
        for action in (*self.act_tabs, self.act_reader, self.act_annotations):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_view.addAction(self.act_clear_period)
        self.menu_go = bar.addMenu("")
        self.menu_go.addAction(self.act_back)
        self.menu_go.addAction(self.act_forward)
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)
        self.menu_help.addAction(self.act_about_qt)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.act_back)
        self.toolbar.addAction(self.act_forward)
        self.add_origin_filter(self.toolbar)
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search.field)
        self.addToolBar(self.toolbar)

    def retranslate(self) -> None:
        """Set every visible string in the current interface language."""
        self.setWindowTitle(self.tr("China cell & gene therapy reference"))  # Qt adds " — cgt-desktop"
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_go.setTitle(self.tr("&Go"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_prefs.setText(self.tr("&Preferences…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_copy.setText(self.tr("&Copy"))
        self.act_search.setText(self.tr("&Search Everything"))
        self.act_filter.setText(self.tr("&Filter This List"))
        self.act_back.setText(self.tr("&Back"))
        self.act_back.setToolTip(self.tr("Back to the previous page (Alt+Left)"))
        self.act_forward.setText(self.tr("&Forward"))
        self.act_forward.setToolTip(self.tr("Forward to the next page (Alt+Right)"))
        self.act_clear_period.setText(self.tr("Clear &Period Filter"))
        self.act_import.setText(self.tr("&Import Article…"))
        self.act_import.setToolTip(self.tr("Add an article of your own, with its translation if you have one "
                                           "(or drop the files on the window)"))
        self.act_about.setText(self.tr("&About cgt-desktop"))
        self.files.retranslate()
        self.act_about_qt.setText(self.tr("About &Qt"))
        self.toolbar.setWindowTitle(self.tr("Navigation"))
        self.toolbar.setAccessibleName(self.tr("Navigation"))
        self.tabs.setAccessibleName(self.tr("Views"))
        self.search.field.setAccessibleName(self.tr("Search everything"))
        self.retranslate_origin_filter()
        self.period_clear.setToolTip(self.tr("Show all periods again"))
        self._tab_count_key = None  # the labels are rewritten in the new language
        self._update_tab_labels()
        for kind in KINDS:
            if kind in self.lists:
                self.lists[kind].retranslate()
            if kind in self.details:
                self.details[kind].set_display(self.prefs.language, self.prefs.name_order)
                self.details[kind].setAccessibleName(self.tr("Page"))
        timeline_index = self.tabs.indexOf(self.timeline or self.timeline_holder)
        self.tabs.setTabText(timeline_index, self.tr("Timeline"))
        self.tabs.setTabToolTip(timeline_index, self.tr("Events on a time axis; select a period to filter every list"))
        if self.timeline is None:  # the holder is gone once the timeline is built
            self.timeline_holder.setText(self.tr("Loading the timeline…"))
        reader_index = self.tabs.indexOf(self.reader or self.reader_holder)
        self.tabs.setTabText(reader_index, self.tr("Reader"))
        self.tabs.setTabToolTip(reader_index, self.tr("A source in its original language beside the project's "
                                                      "translation"))
        if self.reader is None:
            self.reader_holder.setText(self.tr("Loading the reader…"))
        for i, action in enumerate(self.act_tabs[len(KINDS):], len(KINDS)):  # Ctrl+9: the Timeline
            action.setText(self.tabs.tabText(i))
        self.act_reader.setText(self.tr("Reader"))
        self.act_annotations.setText(self.tr("Annotations"))
        self.search.retranslate()
        if self._annotations is not None:
            self._annotations.retranslate()
        if self._selections is not None:
            self._selections.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and not self._closed:
            self.retranslate()
        super().changeEvent(event)

    def _create_detail(self, kind: str) -> DetailView:
        """Build a tab's detail view the first time it is needed, in the current display preferences."""
        detail = DetailView(self.store, language=self.prefs.language, name_order=self.prefs.name_order)
        detail.setObjectName(f"detail_{kind}")
        detail.setAccessibleName(self.tr("Page"))
        detail.reader_available = True  # source links open the reader
        detail.page_makers["search"] = _search_results_page  # the search popup's "Show all"
        placeholder = self.splitters[kind].replaceWidget(1, detail)
        if placeholder is not None:
            placeholder.deleteLater()
        detail.link_activated.connect(self._on_detail_link_activated)
        detail.id_copied.connect(self._on_detail_id_copied)
        if self._selections is not None:
            self._selections.attach_detail(detail)
        return detail

    def _create_list(self, kind: str) -> EntityListController:
        """Build a tab's list the first time it is needed (its SQL and facets run only then)."""
        controller = EntityListController(self.store, kind, self)
        splitter = self.splitters[kind]
        placeholder = splitter.replaceWidget(0, controller.widget)
        if placeholder is not None:
            placeholder.deleteLater()
        if (controller.model.language, controller.model.name_order) != (self.prefs.language, self.prefs.name_order):
            controller.set_display(self.prefs.language, self.prefs.name_order)  # else its facets would fill twice
        saved = self._saved_lists.get(kind)
        if saved is not None:
            controller.restore_state(saved)
        if self.period:
            controller.set_period(self.period)
        controller.set_origin(self.origin)
        controller.entity_selected.connect(self._on_list_entity_selected)
        controller.rows_changed.connect(self._on_list_rows_changed)
        if self._selections is not None:
            self._selections.attach_list(controller)
        return controller

    # -- display preferences --------------------------------------------------------------
    def _apply_display(self) -> None:
        language = self.translations.language if self.translations else self.prefs.language
        self.prefs.language = language
        for controller in self.lists.values():
            controller.set_display(language, self.prefs.name_order)
        for detail in self.details.values():
            detail.set_display(language, self.prefs.name_order)
        if self.reader is not None:
            self.reader.set_language(language)
        if self.timeline is not None:
            self.timeline.set_language(language)
        self.search.name_order = self.prefs.name_order

    def set_preferences(self, prefs: Preferences) -> None:
        """Apply and remember new preferences (language switch retranslates the whole window)."""
        self.prefs = Preferences(prefs.name_order, prefs.language)
        self.state.save_preferences(self.prefs)
        if self.translations is not None and self.translations.language != prefs.language:
            self.translations.apply(prefs.language)
        self._apply_display()
        self.retranslate()

    def _on_prefs_triggered(self) -> None:
        from cgt_desktop.ui.shell.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        if dialog.exec():
            self.set_preferences(dialog.preferences())

    # -- navigation -----------------------------------------------------------------------
    @property
    def is_closed(self) -> bool:
        """Whether the window has been closed (panels then stop updating it)."""
        return self._closed

    def current_kind(self) -> str | None:
        index = self.tabs.currentIndex()
        return KINDS[index] if 0 <= index < len(KINDS) else None

    def show_kind(self, kind: str) -> None:
        self.tabs.setCurrentIndex(KINDS.index(kind))

    def open_page(self, page: str, record: bool = True) -> bool:
        """Show *page* where it belongs and (by default) add it to the history.

        Returns:
            False if the page does not exist (the status bar says so).
        """
        if page.startswith("read:"):
            doc_id, _, passage = page[5:].partition("|")
            if self._ensure_reader():
                self.tabs.setCurrentWidget(self.reader)
                self.reader.open_document(doc_id, passage or None)
                shown = True
            else:
                page = f"passage:{passage}" if passage else doc_id
                return self.open_page(page, record)
        elif page.startswith("search:"):
            kind = page[7:].partition("|")[0]
            kind = "document" if kind == "passage" else kind
            if kind not in KINDS:
                return False
            self.show_kind(kind)
            shown = self.details[kind].show_page(page)
        elif page.startswith("passage:"):
            self.show_kind("document")
            detail = self.details["document"]
            shown = detail.show_page(page)
            found = self.store.passages([page[8:]])
            self.lists["document"].select_id(found[0].document_id if found else "")
        else:
            kind = self.store.names([page]).get(page, (None,))[0]
            if kind not in KINDS:
                self.statusBar().showMessage(self.tr("Nothing in the corpus has the id %1.").replace("%1", page),
                                             5000)
                return False
            self.show_kind(kind)
            self.lists[kind].select_id(page)
            shown = self.details[kind].show_page(page)
            self._highlight_on_timeline(page)
            if self.reader is not None:  # the reader marks the mentions of what is open elsewhere
                self.reader.highlight_entity(page)
        if shown and record:
            self.history.visit(page)
        if shown:
            self.page_opened.emit(page)
        return shown

    def current_detail(self) -> DetailView | None:
        kind = self.current_kind()
        return self.details[kind] if kind else None

    def go_back(self) -> None:
        page = self.history.back()
        if page:
            self.open_page(page, record=False)

    def go_forward(self) -> None:
        page = self.history.forward()
        if page:
            self.open_page(page, record=False)

    def _on_history_changed(self) -> None:
        self.act_back.setEnabled(self.history.can_go_back())
        self.act_forward.setEnabled(self.history.can_go_forward())

    def _on_list_entity_selected(self, item_id: str) -> None:
        self.open_page(item_id)

    def _on_detail_link_activated(self, page: str) -> None:
        self.open_page(page)

    def _on_search_result_activated(self, page: str) -> None:
        self.open_page(page)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:  # the window paints first, then its children; the timer fires after the frame
            self._painted = True
            QTimer.singleShot(0, self, self._on_first_paint_timer_timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and isinstance(watched, QWidget) and watched.window() is self:
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def _on_first_paint_timer_timeout(self) -> None:
        if not self._closed:
            app = QApplication.instance()
            if app is not None:  # from now on: the mouse's back and forward buttons anywhere in the window
                app.installEventFilter(self)
            self._build_docks()
            self._restore_last_page()
            if self.timeline is None and self.tabs.currentWidget() is self.timeline_holder:
                self.ensure_timeline()  # the remembered tab
            self.first_painted.emit()

    def _on_filter_triggered(self) -> None:
        kind = self.current_kind()
        if kind:
            self.lists[kind].filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_copy_triggered(self) -> None:
        focus = QApplication.focusWidget()
        if hasattr(focus, "copy"):
            focus.copy()

    def about_text(self) -> str:
        """The About box's text (version, data, versions, licences; see FileActions.about_text)."""
        return self.files.about_text()

    def _on_files_restore_requested(self, path: str) -> None:
        self.restore_request = path
        self.close()  # the app restores the backup, then opens the window again

    def keep_unsaved_work(self, *_args: Any) -> None:
        """Keep what the user is writing but has not saved (a note: as its draft); on close and at logout."""
        if self._annotations is not None:
            self._annotations.keep_draft()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        self.keep_unsaved_work()
        self.save_state()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.search.hide_popup()
        self.search.shutdown()
        for view in self.details.values():
            view.shutdown()
        if self._selections is not None:
            self._selections.shutdown()
        super().closeEvent(event)
