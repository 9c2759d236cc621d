"""Preferences (name display, interface language) and remembered window state.

The dialog that edits them is :class:`~cgt_desktop.ui.shell.preferences_dialog.PreferencesDialog`.

Everything is stored in the user database (``UserStore.get_setting``/``set_setting``),
never in the reference database, under keys starting with ``ui.``. Binary Qt
state (geometry, splitter and header state) is stored as base64 text.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray

from cgt_desktop.core.userdata.userdb import UserDataError, UserStore
from cgt_desktop.ui.common.i18n import LANGUAGES

NAME_ORDERS = ("en_first", "zh_first", "both")


@dataclass
class Preferences:
    """What the user chose in the Preferences dialog."""

    name_order: str = "en_first"
    language: str = "en"


class UiState:
    """Typed access to the ``ui.*`` settings of one user database.

    Writes that fail (read-only home, disk full) are swallowed after recording the
    message in :attr:`last_error`: losing a column width must never stop the app.
    """

    def __init__(self, user: UserStore) -> None:
        self.user = user
        self.last_error: str | None = None

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self.user.get_setting(f"ui.{key}", default)
        except Exception as exc:  # noqa: BLE001 - a damaged setting falls back to the default
            self.last_error = str(exc)
            return default

    def set(self, key: str, value: Any) -> None:
        try:
            self.user.set_setting(f"ui.{key}", value)
        except (UserDataError, OSError) as exc:
            self.last_error = str(exc)

    def get_bytes(self, key: str) -> QByteArray | None:
        text = self.get(key)
        if not isinstance(text, str) or not text:
            return None
        try:
            return QByteArray(base64.b64decode(text))
        except ValueError:
            return None

    def set_bytes(self, key: str, data: QByteArray) -> None:
        self.set(key, base64.b64encode(bytes(data.data())).decode("ascii"))

    def preferences(self, default_language: str = "en") -> Preferences:
        """The saved choices; until the user picks a name order, names come in the interface's language first."""
        language = self.get("language", default_language)
        language = language if language in LANGUAGES else "en"
        order = self.get("name_order", None)
        return Preferences(order if order in NAME_ORDERS else default_name_order(language), language)

    def save_preferences(self, prefs: Preferences) -> None:
        self.set("name_order", prefs.name_order)
        self.set("language", prefs.language)


def default_name_order(language: str) -> str:
    """Names in the interface's language first: Chinese first in the Chinese interface."""
    return "zh_first" if language == "zh" else "en_first"


def ordered_names(name_en: str, name_zh: str, order: str) -> tuple[str, str]:
    """Return ``(primary, secondary)`` names for the name-display preference (``—`` when unknown)."""
    en, zh = name_en or "", name_zh or ""
    if en == zh:
        return (en or "—", "")
    if order == "zh_first":
        return (zh or en or "—", en if zh else "")
    return (en or zh or "—", zh if en else "")
