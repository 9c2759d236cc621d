"""Browser-style page history: back, forward, and where we are."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class History(QObject):
    """An ordered list of visited pages with a cursor.

    Pages are plain strings (``person/qian-qijun``, ``passage:<id>``). Visiting a
    page drops everything after the cursor, as a web browser does.

    Signals:
        changed(): the cursor or the list changed (update back/forward actions).
    """

    changed = Signal()

    def __init__(self, limit: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        """The page shown now, or ``None`` before the first visit."""
        return self._pages[self._index] if self._index >= 0 else None

    def pages(self) -> list[str]:
        """Every page in the history, oldest first."""
        return list(self._pages)

    def visit(self, page: str) -> None:
        """Record *page* as the newest page (no-op if it is already the current one)."""
        if page == self.current:
            return
        del self._pages[self._index + 1:]
        self._pages.append(page)
        if len(self._pages) > self._limit:
            del self._pages[0]
        self._index = len(self._pages) - 1
        self.changed.emit()

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._pages) - 1

    def back(self) -> str | None:
        """Move the cursor one page back; return that page (``None`` if there is none)."""
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self.current

    def forward(self) -> str | None:
        """Move the cursor one page forward; return that page (``None`` if there is none)."""
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self.current
