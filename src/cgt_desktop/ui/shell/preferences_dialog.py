"""The Preferences dialog: how names are shown, and the interface language.

Its own module so that its widget classes load when it first opens, not at start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from cgt_desktop.ui.common.i18n import LANGUAGES
from cgt_desktop.ui.common.settings import NAME_ORDERS, Preferences, default_name_order


class PreferencesDialog(QDialog):
    """Choose how names are shown and the interface language."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(380)
        self.name_order = QComboBox(self)
        labels = {"en_first": self.tr("English first"), "zh_first": self.tr("Chinese first"),
                  "both": self.tr("Both, side by side")}
        for key in NAME_ORDERS:
            self.name_order.addItem(labels[key], key)
        self.name_order.setCurrentIndex(NAME_ORDERS.index(prefs.name_order))
        self.name_order.setToolTip(self.tr("Which name of a person, organization or place comes first "
                                           "in lists, pages and search results"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(prefs.language))
        self.language.setToolTip(self.tr("Language of menus, buttons and labels (the corpus is always "
                                          "shown in both languages)"))
        form = QFormLayout()
        form.addRow(self.tr("Name display:"), self.name_order)
        form.addRow(self.tr("Interface language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Until the user picks a name order, it follows the language (Chinese names first in Chinese).
        self._order_follows = prefs.name_order == default_name_order(prefs.language)
        self.name_order.activated.connect(self._on_name_order_activated)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        note = QLabel(self.tr("Changes apply when you press OK; nothing needs a restart."), self)
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _on_name_order_activated(self, _index: int) -> None:
        self._order_follows = False

    def _on_language_changed(self, _index: int) -> None:
        if self._order_follows:
            order = default_name_order(self.language.currentData())
            self.name_order.setCurrentIndex(NAME_ORDERS.index(order))

    def preferences(self) -> Preferences:
        """Return the choices currently shown in the dialog."""
        return Preferences(self.name_order.currentData(), self.language.currentData())
