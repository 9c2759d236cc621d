"""Work a hidden widget puts off until it is shown (a language change or new data reaches hidden panels too)."""

from __future__ import annotations

from typing import Any, Callable


class WhenShown:
    """Run *work* now if *widget* is visible, else the next time it is shown.

    The widget calls :meth:`request` when its content is stale and :meth:`shown` from its ``showEvent``.
    """

    def __init__(self, widget: Any, work: Callable[[], Any]) -> None:
        self._widget = widget
        self._work = work
        self.pending = False

    def request(self) -> None:
        if self._widget.isVisible():
            self.pending = False
            self._work()
        else:
            self.pending = True

    def shown(self) -> None:
        if self.pending:
            self.pending = False
            self._work()
