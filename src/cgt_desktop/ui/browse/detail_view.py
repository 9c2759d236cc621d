"""The detail page: one entity (or passage), rendered by :class:`~cgt_desktop.ui.browse.page_html.PageRenderer`,
shown in a QTextBrowser.

Pages are addressed by *page strings* (an entity id or ``passage:<id>``); links use the ``cgt:`` scheme
(:mod:`cgt_desktop.ui.browse.page_html`) and are handled by the main window, never by QTextBrowser itself.
:meth:`DetailView.loadResource` refuses every resource, so no file named in the corpus can be loaded.
"""

from __future__ import annotations

import sqlite3

from html import escape
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from cgt_desktop.core.domain.kinds import MENTION_KINDS
from cgt_desktop.core.catalog.store import Catalog, UnknownId
from cgt_desktop.ui.browse.page_html import EDITOR_MARK, PageRenderer, more_anchor, page_from_url


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailView", text)


#: How long after a page is shown its "Mentioned in" is looked for (the page paints first).
MENTIONS_DELAY_MS = 200


class _MentionsRelay(QObject):
    """Carries the documents mentioning an entity, found on a worker thread, to the GUI thread.

    Signals:
        found(str, object): the entity id and its ``mentioned_in`` list.
    """

    found = Signal(str, object)


class _FindMentions(QRunnable):
    def __init__(self, store: Catalog, item_id: str, relay: _MentionsRelay) -> None:
        super().__init__()
        self.store, self.item_id, self.relay = store, item_id, relay

    def run(self) -> None:
        try:
            found: Any = self.store.mentioned_in(self.item_id)
        except Exception:  # noqa: BLE001 - the page simply goes without the section
            found = []
        self.relay.found.emit(self.item_id, found)


class DetailView(QTextBrowser):
    """Shows one page; links are reported, not followed.

    An entity's "Mentioned in" section is found on a worker thread after the page is shown (it reads
    the search index and runs the mention matcher: tens of milliseconds, more the first time), and the
    page is shown again with it.

    Signals:
        link_activated(str): the user clicked a link to this page string.
        id_copied(str): a "Copy id" link put this passage or entry id on the clipboard.
    """

    link_activated = Signal(str)
    id_copied = Signal(str)

    def __init__(self, store: Catalog, parent: QWidget | None = None, language: str = "en",
                 name_order: str = "en_first") -> None:
        super().__init__(parent)
        self.store = store
        self.page: str | None = None
        self.expanded: set[str] = set()  # lists of the page shown whole ("show all" was clicked)
        self.language = language
        self.name_order = name_order
        self.reader_available = False
        # Page kinds other features render ("search" -> every hit of a kind), set by the window:
        # prefix -> function(renderer, page string) -> HTML.
        self.page_makers: dict[str, Callable[[PageRenderer, str], str]] = {}
        self.mentions: dict[str, list[dict[str, Any]]] = {}
        self._finding: set[str] = set()
        self._mention_store: Catalog | None = None  # the worker's own connection (never the GUI's)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _MentionsRelay(self)
        self._relay.found.connect(self._on_relay_found)
        self._mention_timer = QTimer(self)  # a child: it dies with the view, never firing after it
        self._mention_timer.setSingleShot(True)
        self._mention_timer.setInterval(MENTIONS_DELAY_MS)
        self._mention_timer.timeout.connect(self._on_mention_timer_timeout)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setMinimumWidth(280)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.show_page(None)

    def loadResource(self, type_: int, name: QUrl) -> Any:  # noqa: N802 - Qt override
        """Refuse every resource: pages never embed files (corpus text could name any path).

        A null image / empty byte array, never ``None``: for ``None`` Qt falls back to
        loading the named local file itself.
        """
        from PySide6.QtCore import QByteArray  # Qt classes not needed for the first frame load when used
        from PySide6.QtGui import QImage, QTextDocument

        if type_ == int(QTextDocument.ResourceType.ImageResource):
            return QImage()
        return QByteArray()

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        page = page_from_url(url)
        if page and page.startswith("expand:"):
            group, _, item = page[7:].partition("|")
            if self.show_page(item, expand=[group]):
                self.scrollToAnchor(more_anchor(group))  # the first row that was not shown before
        elif page and page.startswith("copy:"):
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.clipboard().setText(page[5:])
            self.id_copied.emit(page[5:])
        elif page:
            self.link_activated.emit(page)

    def renderer(self, expand: Iterable[str] = ()) -> PageRenderer:
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        return PageRenderer(self.store, self.language, self.name_order, muted, self.reader_available,
                            limit=50, expand=expand, mentions=self.mentions)

    def set_display(self, language: str, name_order: str) -> None:
        """Apply the interface language and name order, re-rendering the page shown."""
        self.language, self.name_order = language, name_order
        self.show_page(self.page)

    def show_page(self, page: str | None, expand: Iterable[str] = ()) -> bool:
        """Render *page* (entity id or ``passage:<id>``); ``None`` shows the empty state.

        Long lists show their first 50 rows and a "show all" link; lists named in *expand*
        (see :func:`expand_url`) are shown whole, and stay so while the page is shown.

        Returns:
            False if the page does not exist (an explanation is shown instead).
        """
        if page != self.page:
            self.expanded = set()
        self.page = page
        self.expanded.update(expand)
        if page is None:
            self.setHtml(f"<p style='color:{self.renderer().muted}; margin-top:40px' align='center'>"
                         + escape(_t("Select a row on the left to see its page here, or press Ctrl+K "
                                     "to search everything.")) + "</p>")
            return True
        try:
            if page.startswith("passage:"):
                html = self.renderer().passage_page(page.split(":", 1)[1])
            elif page.partition(":")[0] in self.page_makers:  # pages of other features (e.g. "search:")
                html = self.page_makers[page.partition(":")[0]](self.renderer(), page)
            else:
                html = self.renderer(self.expanded).entity_page(page)
        except UnknownId:
            self.setHtml("<p>" + escape(_t("Nothing in the corpus has the id %1.").replace("%1", page)) + "</p>")
            return False
        self.setHtml(html)
        self._mark_editor_names()
        kind = page.split("/", 1)[0]
        if kind in MENTION_KINDS and page not in self.mentions and page not in self._finding:
            self._finding.add(page)  # after the page is painted, so that the search never delays it
            self._mention_timer.start()
        return True

    def _on_mention_timer_timeout(self) -> None:
        page = self.page
        waiting = [p for p in self._finding if p != page]
        self._finding.difference_update(waiting)  # pages the user left: found when shown again
        if page is None or page not in self._finding:
            return
        if self._mention_store is None:
            self._mention_store = Catalog(self.store.path)
        self._pool.start(_FindMentions(self._mention_store, page, self._relay))

    def forget_mentions(self) -> None:
        """The documents changed (an import, a deletion): find each page's mentions again."""
        self.shutdown()
        self.mentions.clear()

    def shutdown(self) -> None:
        """Wait for a search of mentions still running and close the worker's connection."""
        self._pool.waitForDone()
        self._finding.clear()
        if self._mention_store is not None:
            self._mention_store.close()
            self._mention_store = None

    def _on_relay_found(self, item_id: str, found: Any) -> None:
        self._finding.discard(item_id)
        self.mentions[item_id] = found
        if found and self.page == item_id and self.isVisible():
            bar = self.verticalScrollBar()
            where = bar.value()
            try:
                self.show_page(item_id)
            except sqlite3.ProgrammingError:  # the catalog was closed meanwhile (the window is going away)
                return
            bar.setValue(where)

    def _mark_editor_names(self) -> None:
        """Underline names that are the editors' rendering with a dotted line (HTML cannot say so).

        Editing the document after ``setHtml`` stops QTextEdit's lazy layout where it had got
        to (a long page was cut after ~2 000 px: the rest had no lines and could not be scrolled
        to), so when a name was marked the whole document is marked for layout again. Only the
        names table, the first table of a page, is searched (a hub's page has thousands of
        fragments: 28 ms).
        """
        from PySide6.QtGui import QTextCharFormat, QTextCursor

        doc = self.document()
        tables = doc.rootFrame().childFrames()
        end = tables[0].lastPosition() if tables else doc.characterCount()
        marked = False
        block = doc.begin()
        while block.isValid() and block.position() <= end:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().foreground().color().name() == EDITOR_MARK:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    fmt = QTextCharFormat()
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    fmt.setForeground(self.palette().text())
                    fmt.setToolTip(_t("Editor's rendering: the sources do not give this name"))
                    cursor.mergeCharFormat(fmt)
                    marked = True
                it += 1
            block = block.next()
        if marked:
            doc.markContentsDirty(0, doc.characterCount())

    def editor_marked_text(self) -> list[str]:
        """Return the texts shown with the editor's-rendering underline (for tests)."""
        from PySide6.QtGui import QTextCharFormat

        found = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
                    found.append(fragment.text())
                it += 1
            block = block.next()
        return found

    def plain_text(self) -> str:
        """The page as plain text (what a user reads; used by tests)."""
        return self.toPlainText()
