"""The user's relations between two entries, and their corrections of reference entries.

:class:`RelationDialog` joins two entries (either may be the user's) by a predicate of the corpus's
vocabulary, citing a passage. :class:`CorrectionDialog` corrects one field of a reference entry, or
says that one of its relations is wrong; the reference value is shown, never changed. Both check
with the core before closing and say what it refuses; nothing is saved half.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QSizePolicy, QVBoxLayout, QWidget)

from cgt_desktop.core.domain.corrections import WRONG, fields_for
from cgt_desktop.ui.common.discard import ConfirmsDiscard
from cgt_desktop.ui.browse.corrections_html import field_label
from cgt_desktop.ui.entries.dialog import citation_label
from cgt_desktop.ui.entries.picker import EntityPicker

ENDS = ("person", "organization", "place", "event", "policy", "technology", "figure", "document")


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryDialog", text)


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


def _citation_combo(catalog: Any, passages: list[str], language: str) -> QComboBox:
    """An editable list of passages to cite (the first is chosen); a passage id may be typed in."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(30)
    combo.setAccessibleName(_t("Cited passage"))
    for citation in catalog.passages(list(dict.fromkeys(p for p in passages if p))):
        combo.addItem(citation_label(citation, language), citation.passage_id)
        combo.setItemData(combo.count() - 1, citation.passage_id, 3)  # Qt.ToolTipRole: the id
    return combo


def _cited(combo: QComboBox) -> list[str]:
    """The passage the combo names: the one chosen, or an id typed in."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    if index >= 0:
        return [combo.itemData(index)]
    return [text] if text else []


class RelationDialog(ConfirmsDiscard, QDialog):
    """A new relation of the user's between *subject* and an entry picked by search, citing a passage."""

    def __init__(self, catalog: Any, subject: str = "", passages: list[str] | None = None, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setWindowTitle(_t("New Relation"))
        self.subject = EntityPicker(catalog, ENDS, placeholder=_t("The first entry (type to find it)"))
        self.object = EntityPicker(catalog, ENDS, placeholder=_t("The other entry (type to find it)"))
        if subject:
            self.subject.choose(subject)
        self.predicate = QComboBox()
        self.predicate.setAccessibleName(_t("Predicate"))
        for key, row in sorted(catalog.vocabulary("predicates").items(), key=lambda kv: kv[1].get("en") or kv[0]):
            self.predicate.addItem(row.get(language) or row.get("en") or key, key)
        self.role_en, self.role_zh = QLineEdit(), QLineEdit()
        self.start, self.end = QLineEdit(), QLineEdit()
        for edit in (self.start, self.end):
            edit.setPlaceholderText(_t("YYYY, YYYY-MM or YYYY-MM-DD (optional)"))
        self.citation = _citation_combo(catalog, passages or [], language)
        self.note = QLineEdit()
        self.message = _message_label()
        form = QFormLayout()
        form.addRow(_t("From:"), self.subject)
        form.addRow(_t("Relation:"), self.predicate)
        form.addRow(_t("To:"), self.object)
        form.addRow(_t("Role (English):"), self.role_en)
        form.addRow(_t("Role (Chinese):"), self.role_zh)
        form.addRow(_t("Since:"), self.start)
        form.addRow(_t("Until:"), self.end)
        form.addRow(_t("Cites:"), self.citation)
        form.addRow(_t("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.saved: dict[str, Any] | None = None
        self.resize(560, 520)
        self.remember_form()  # Cancel asks only if something was typed after this

    def record(self) -> dict[str, Any]:
        record = {"subject": self.subject.chosen, "predicate": self.predicate.currentData() or "",
                  "object": self.object.chosen, "role_en": self.role_en.text().strip(),
                  "role_zh": self.role_zh.text().strip(), "start": self.start.text().strip() or None,
                  "end": self.end.text().strip() or None, "note": self.note.text().strip(),
                  "sources": _cited(self.citation)}
        return {k: v for k, v in record.items() if v not in ("", None) or k in ("subject", "object", "sources")}

    def _on_buttons_accepted(self) -> None:
        from cgt_desktop.core.domain.dates import DateError, event_span
        from cgt_desktop.core.ops.items import ItemError, validate

        record = self.record()
        try:
            validate(self.catalog, "relation", record)
            for key in ("start", "end"):
                if record.get(key):
                    event_span(record[key], None)
        except (ItemError, DateError) as exc:
            self.message.setText(str(exc))
            return
        self.saved = record
        self.accept()


class CorrectionDialog(ConfirmsDiscard, QDialog):
    """Correct one field of the reference entry *page* (an :class:`EntityPage`), or mark a relation wrong."""

    def __init__(self, catalog: Any, page: Any, passages: list[str] | None = None, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.page = catalog, page
        self.setWindowTitle(_t("Correct “%1”").replace("%1", page.name_en or page.name_zh or page.id))
        self.what = QComboBox()
        self.what.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.what.setMinimumContentsLength(30)
        self.what.setAccessibleName(_t("What to correct"))
        for field in fields_for(page.kind):
            self.what.addItem(field_label(field), (field, page.id))
        relations = [r for g in getattr(page, "relation_groups", []) for r in g.relations]
        for r in relations:
            label = (r.label_zh if language == "zh" else r.label_en) + " " + (r.other_name_en or r.other_name_zh)
            self.what.addItem(_t("Relation is wrong: %1").replace("%1", label), (WRONG, r.id))
        self.reference = QLabel()
        self.reference.setWordWrap(True)
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reference.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.value = QPlainTextEdit()
        self.value.setMaximumHeight(90)
        self.value.setAccessibleName(_t("Your value"))
        own = [c.passage_id for c in page.sources]
        self.citation = _citation_combo(catalog, [*(passages or []), *own], language)
        self.citation.setEditText("" if not passages else self.citation.itemText(0))
        self.note = QLineEdit()
        self.note.setPlaceholderText(_t("why (required when you cite nothing)"))
        self.message = _message_label()
        form = QFormLayout()
        form.addRow(_t("Correct:"), self.what)
        form.addRow(_t("Reference:"), self.reference)
        form.addRow(_t("Your value:"), self.value)
        form.addRow(_t("Cites:"), self.citation)
        form.addRow(_t("Note:"), self.note)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        hint = QLabel(_t("The reference entry is kept as it is: its page shows your value beside it."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.what.currentIndexChanged.connect(self._on_what_current_index_changed)
        self._on_what_current_index_changed()
        self.saved: dict[str, Any] | None = None
        self.resize(560, 360)
        self.remember_form()  # Cancel asks only if something was typed after this

    def _on_what_current_index_changed(self, *_: Any) -> None:
        field, target = self.what.currentData() or ("", "")
        if field == WRONG:
            self.reference.setText(_t("The relation stays in the reference data, struck through on its pages."))
        else:
            _exists, value = self.catalog.reference_value(target, field)
            self.reference.setText(value or _t("(none)"))
            self.value.setPlainText(value or "")
        self.form.setRowVisible(self.value, field != WRONG)

    def correction(self) -> dict[str, Any]:
        field, target = self.what.currentData()
        return {"target": target, "field": field, "value": None if field == WRONG else self.value.toPlainText(),
                "sources": _cited(self.citation), "note": self.note.text()}

    def _on_buttons_accepted(self) -> None:
        from cgt_desktop.core.ops.corrections import check
        from cgt_desktop.core.ops.items import ItemError

        wanted = self.correction()
        try:
            check(self.catalog, **wanted)
        except ItemError as exc:
            self.message.setText(str(exc))
            return
        self.saved = wanted
        self.accept()
