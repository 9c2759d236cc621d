"""Interface language: the shipped Qt translations (``resources/i18n/*.qm``) and how to install them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from cgt_desktop.core.system.paths import resources_dir

#: Interface languages offered in Preferences: code -> name in that language.
LANGUAGES = {"en": "English", "zh": "简体中文"}
_QM = {"zh": "cgt_desktop_zh_CN.qm"}


def i18n_dir() -> Path:
    """Return the folder holding the ``.ts`` sources and compiled ``.qm`` translations."""
    return resources_dir() / "i18n"


def default_language() -> str:
    """Return ``zh`` when the system locale is Chinese, else ``en``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Translations:
    """Installs and swaps the app's translator on one application object."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.language = "en"

    def apply(self, language: str) -> bool:
        """Switch the interface to *language* (``en`` or ``zh``); return whether it took effect.

        Installing or removing a translator sends ``QEvent.LanguageChange`` to every
        widget, so windows that implement ``changeEvent`` retranslate themselves.
        """
        if language not in LANGUAGES:
            return False
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self.language = language
        name = _QM.get(language)
        if name is None:
            return True
        translator = QTranslator(self._app)
        if not translator.load(str(i18n_dir() / name)):
            self.language = "en"
            return False
        self._app.installTranslator(translator)
        self._translator = translator
        return True

    def uninstall(self) -> None:
        """Take this object's translator out of the application (its window is gone; the next one brings its own)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        self.language = "en"
