"""Dialogs that ask before throwing away what the user typed (Cancel, Esc, the window's close button).

A form's state is the text, choice and check of every editable field in it; the dialog remembers it
when it is ready (:meth:`ConfirmsDiscard.remember_form`) and, on reject, asks only if it changed, so
a dialog opened and closed untouched closes at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("ConfirmsDiscard", text)


def form_state(widget: QWidget) -> tuple[Any, ...]:
    """What the user can have typed or chosen in *widget*'s editable fields, in a comparable form."""
    state: list[Any] = []
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLineEdit) and not child.isReadOnly():
            state.append(child.text())
        elif isinstance(child, QPlainTextEdit) and not child.isReadOnly():
            state.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            state.append(child.currentIndex())
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            state.append(child.isChecked())
    return tuple(state)


class ConfirmsDiscard:
    """Mixin for a :class:`QDialog`: ``reject()`` asks before discarding a changed form."""

    _form_at_open: tuple[Any, ...] | None = None

    def remember_form(self) -> None:
        """Take the form as it is now as the untouched state (call at the end of ``__init__``)."""
        self._form_at_open = form_state(self)  # type: ignore[arg-type]

    def form_changed(self) -> bool:
        return self._form_at_open is not None and form_state(self) != self._form_at_open  # type: ignore[arg-type]

    def confirm_discard(self) -> bool:
        """Ask whether to discard the changes (tests replace this)."""
        answer = QMessageBox.question(self, _t("Discard your changes?"),  # type: ignore[arg-type]
                                      _t("What you typed in this form has not been saved. Discard it?"),
                                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.form_changed() and not self.confirm_discard():
            return
        super().reject()  # type: ignore[misc]
