"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _delete_closed_widgets(qapp):
    """Delete the widgets a test closed before the next test starts.

    pytest-qt closes them and calls deleteLater(), which waits for an event loop that the next test may
    never run (the screenshot command only processes events); a panel left alive would receive that
    test's events, such as a language change, and read from a database closed since.
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def user(home):
    """The user database of the test's home (a test file may override it)."""
    store = UserStore(home.user_db)
    yield store
    store.close()


@pytest.fixture
def window(qtbot, store, home):
    """A shown main window on the built corpus with a fresh user database."""
    user = UserStore(home.user_db)
    win = MainWindow(store, user)
    qtbot.addWidget(win)
    with qtbot.waitExposed(win):
        win.show()
    yield win
    win.close()
    user.close()
