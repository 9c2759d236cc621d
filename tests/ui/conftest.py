"""Fixtures shared by the UI tests."""

from __future__ import annotations

import pytest

from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.main_window import MainWindow


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
