"""The dialog for the user's own entries: a person, organization, place, policy, technology, event or figure,
made from a passage of the reader (which it cites) or changed later.

The passage is shown in both languages; selecting words in either fills that language's name. The
entries whose names match are listed as the user types, so that an entry already there is used instead
of added twice. What the core refuses (:func:`cgt_desktop.core.ops.items.validate`) is said in the dialog,
which stays open: nothing is saved half.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from cgt_desktop.core.domain import dates
from cgt_desktop.core.domain.kinds import TYPE_VOCABULARY
from cgt_desktop.ui.common.discard import ConfirmsDiscard
from cgt_desktop.ui.entries.picker import EntityPicker

ENTRY_KINDS = ("person", "organization", "place", "policy", "technology", "event", "figure")


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryDialog", text)


def kind_name(kind: str) -> str:
    return {"person": _t("Person"), "organization": _t("Organization"), "place": _t("Place"),
            "policy": _t("Policy"), "technology": _t("Technology"), "event": _t("Event"),
            "figure": _t("Figure")}.get(kind, kind)


def citation_label(citation: Any, language: str = "en") -> str:
    """How a reader names a cited passage: its document, date and place in it (the id stays in tooltips)."""
    title = (citation.document_title_zh if language == "zh" else citation.document_title_en) \
        or citation.document_title_en or citation.document_title_zh
    when = ""
    if citation.document_date:
        try:
            when = dates.display(citation.document_date, None, False, language)
        except dates.DateError:
            when = citation.document_date
    if len(title) > 60:
        title = title[:57].rstrip() + "…"
    where = "¶" + citation.passage_id.split("#", 1)[-1]
    return ", ".join(x for x in (title, when, where) if x)


def _text_box(text: str, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    box.setMaximumHeight(80)
    box.setAccessibleName(name)
    return box


class EntryDialog(ConfirmsDiscard, QDialog):
    """Make (or, with *item*, change) one of the user's entries, citing *citations* (the first is shown)."""

    def __init__(self, catalog: Any, citations: list[Any], kind: str = "person", name: str = "", side: str = "orig",
                 item: Any = None, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog, self.citations, self.item, self.language = catalog, citations, item, language
        self.chosen_existing = ""
        self.setWindowTitle(_t("Change Your Entry") if item is not None else _t("New Entry"))
        self.kind_combo = QComboBox()
        for k in ENTRY_KINDS:
            self.kind_combo.addItem(kind_name(k), k)
        self.kind_combo.setCurrentIndex(max(0, ENTRY_KINDS.index(kind) if kind in ENTRY_KINDS else 0))
        self.kind_combo.setEnabled(item is None)
        self.name_en, self.name_zh = QLineEdit(), QLineEdit()
        self.name_en.setAccessibleName(_t("English name"))
        self.name_zh.setAccessibleName(_t("Chinese name"))
        self.desc_en, self.desc_zh = QLineEdit(), QLineEdit()
        self.type_combo = QComboBox()
        self.date, self.end, self.date_note, self.date_stated = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.date.setPlaceholderText(_t("YYYY, YYYY-MM or YYYY-MM-DD; empty: not stated"))
        self.end.setPlaceholderText(_t("last day of a period (optional)"))
        self.date_note.setPlaceholderText(_t("why the date is approximate, or what the source says"))
        self.approximate = QCheckBox(_t("Approximate (say why in the note)"))
        self.value_stated, self.as_of = QLineEdit(), QLineEdit()
        self.value_stated.setPlaceholderText(_t("as the source prints it, e.g. 8场大会报告"))
        self.as_of.setPlaceholderText(_t("YYYY, YYYY-MM or YYYY-MM-DD (optional)"))
        self.existing = EntityPicker(catalog, placeholder=_t("Already in the corpus?"))
        self.existing.edit.hide()  # fed by the names typed above
        self.use_button = QPushButton(_t("Use This One Instead"))
        self.use_button.setToolTip(_t("Cite this passage for the entry selected above instead of adding another"))
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.existing_row = QWidget()
        row = QVBoxLayout(self.existing_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.existing)
        row.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self.form = QFormLayout()
        self.form.addRow(_t("Kind:"), self.kind_combo)
        self.form.addRow(_t("English name:"), self.name_en)
        self.form.addRow(_t("Chinese name:"), self.name_zh)
        self.form.addRow(_t("Already there:"), self.existing_row)
        self.form.addRow(_t("Type:"), self.type_combo)
        self.form.addRow(_t("Date:"), self.date)
        self.form.addRow(_t("Until:"), self.end)
        self.form.addRow("", self.approximate)
        self.form.addRow(_t("Date as stated:"), self.date_stated)
        self.form.addRow(_t("Date note:"), self.date_note)
        self.form.addRow(_t("Value as stated:"), self.value_stated)
        self.form.addRow(_t("As of:"), self.as_of)
        self.form.addRow(_t("English description:"), self.desc_en)
        self.form.addRow(_t("Chinese description:"), self.desc_zh)
        layout = QVBoxLayout(self)
        first = citations[0] if citations else None
        self.boxes: dict[str, QPlainTextEdit] = {}
        if first is not None:
            cited = QLabel(_t("Cites: %1").replace("%1", citation_label(first, language)))
            cited.setToolTip(first.passage_id)
            cited.setWordWrap(True)
            layout.addWidget(cited)
            texts = QHBoxLayout()
            for lang, text in (("en", first.text_en), ("zh", first.text_zh)):
                if text:
                    box = _text_box(text, _t("Passage in English") if lang == "en" else _t("Passage in Chinese"))
                    box.selectionChanged.connect(lambda b=box, l=lang: self._on_box_selection_changed(b, l))
                    self.boxes[lang] = box
                    texts.addWidget(box)
            layout.addLayout(texts)
            hint = QLabel(_t("Select a name in the passage above to fill it in, in either language."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.name_en.textEdited.connect(self._on_name_edited)
        self.name_zh.textEdited.connect(self._on_name_edited)
        self._on_kind_combo_current_index_changed()
        if item is not None:
            self._fill(item.record)
        elif name:
            (self.name_zh if any("\u4e00" <= ch <= "\u9fff" for ch in name) else self.name_en).setText(name)
            self._on_name_edited()
        self.saved: tuple[str, dict[str, Any]] | None = None
        self.resize(640, 560)
        self.remember_form()  # Cancel asks only if something was typed after this

    # -- the form ------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _show_row(self, widget: QWidget, shown: bool) -> None:
        self.form.setRowVisible(widget, shown)

    def _on_kind_combo_current_index_changed(self, *_: Any) -> None:
        kind = self.kind()
        event, figure = kind == "event", kind == "figure"
        for widget in (self.date, self.end, self.approximate, self.date_stated, self.date_note):
            self._show_row(widget, event)
        for widget in (self.value_stated, self.as_of):
            self._show_row(widget, figure)
        group = TYPE_VOCABULARY.get(kind)
        self.type_combo.clear()
        if kind != "event":  # an event's category is its lane on the timeline: it has one
            self.type_combo.addItem(_t("(not stated)"), "")
        lang = self.language
        for key, row in sorted((self.catalog.vocabulary(group) if group else {}).items()):
            self.type_combo.addItem(row.get(lang) or row.get("en") or key, key)
        self._show_row(self.type_combo, bool(group))
        self.existing.kinds = (kind,)
        self._on_name_edited()

    def _on_box_selection_changed(self, box: QPlainTextEdit, lang: str) -> None:
        text = box.textCursor().selectedText().strip()
        if text:
            (self.name_zh if lang == "zh" else self.name_en).setText(text)
            self._on_name_edited()

    def _on_name_edited(self, *_: Any) -> None:
        text = self.name_en.text().strip() or self.name_zh.text().strip()
        self.existing.edit.setText(text)
        self.existing.refresh()
        self._show_row(self.existing_row, self.existing.results.count() > 0 and self.item is None)

    def _fill(self, record: dict[str, Any]) -> None:
        kind = self.kind()
        prefix = {"event": "title", "figure": "label"}.get(kind, "name")
        self.name_en.setText(record.get(f"{prefix}_en") or "")
        self.name_zh.setText(record.get(f"{prefix}_zh") or "")
        self.desc_en.setText(record.get("desc_en") or "")
        self.desc_zh.setText(record.get("desc_zh") or "")
        key = record.get("category" if kind == "event" else "unit" if kind == "figure" else "type") or ""
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(key)))
        self.date.setText(record.get("date") or "")
        self.end.setText(record.get("end") or "")
        self.approximate.setChecked(bool(record.get("approximate")))
        self.date_note.setText(record.get("date_note") or "")
        self.date_stated.setText(record.get("date_stated") or "")
        self.value_stated.setText(record.get("value_stated") or "")
        self.as_of.setText(record.get("as_of") or "")

    def record(self) -> dict[str, Any]:
        """The entry as a corpus record (what :func:`cgt_desktop.core.ops.items.save_item` takes)."""
        kind = self.kind()
        prefix = {"event": "title", "figure": "label"}.get(kind, "name")
        record: dict[str, Any] = dict(self.item.record) if self.item is not None else {}
        record.update({f"{prefix}_en": self.name_en.text().strip(), f"{prefix}_zh": self.name_zh.text().strip()})
        record.update({"desc_en": self.desc_en.text().strip(), "desc_zh": self.desc_zh.text().strip()})
        key = self.type_combo.currentData() or None
        if kind == "event":
            record.update({"category": key, "date": self.date.text().strip() or None,
                           "end": self.end.text().strip() or None, "approximate": self.approximate.isChecked(),
                           "date_note": self.date_note.text().strip(),
                           "date_stated": self.date_stated.text().strip() or ("" if self.date.text().strip()
                                                                               else "not stated")})
        elif kind == "figure":
            record.update({"unit": key, "value_stated": self.value_stated.text().strip(),
                           "as_of": self.as_of.text().strip() or None})
        elif key or "type" in record:
            record["type"] = key
        cited = list(record.get("sources") or [])
        record["sources"] = list(dict.fromkeys([*cited, *(c.passage_id for c in self.citations)]))
        return {k: v for k, v in record.items() if v not in ("", None) or k in ("sources",)}

    def _on_buttons_accepted(self) -> None:
        from cgt_desktop.core.ops.items import ItemError, validate

        record = self.record()
        try:
            validate(self.catalog, self.kind(), record, self.item.item_id if self.item is not None else None)
        except ItemError as exc:
            self.message.setText(str(exc))
            return
        self.saved = (self.kind(), record)
        self.accept()

    def _on_use_button_clicked(self) -> None:
        if not self.existing.chosen:
            self.message.setText(_t("Select one of the entries listed first."))
            return
        self.chosen_existing = self.existing.chosen
        self.accept()
