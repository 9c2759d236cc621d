"""The reader's actions for correcting an imported article's alignment (its context menu).

Each action runs an operation of :mod:`cgt_desktop.core.ops.alignment` on the window's
:class:`~cgt_desktop.ui.common.operations.OperationStack`: one undo step, saved at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMenu, QPlainTextEdit, QWidget

from cgt_desktop.core.domain import ids
from cgt_desktop.core.ops import alignment as edits
from cgt_desktop.core.ops.items import ItemError
from cgt_desktop.core.text.segment import split_sentences


def _t(text: str) -> str:
    return QCoreApplication.translate("AlignmentActions", text)


class SplitDialog(QDialog):
    """Where to split a pair: after which sentence of the original, and of the translation."""

    def __init__(self, orig: str, trans: str, orig_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Split Pair"))
        trans_lang = "en" if orig_lang == "zh" else "zh"
        self.orig_cuts = self._cuts(orig, orig_lang)
        self.trans_cuts = self._cuts(trans, trans_lang)
        self.orig_combo, self.trans_combo = QComboBox(), QComboBox()
        for combo, text, cuts in ((self.orig_combo, orig, self.orig_cuts), (self.trans_combo, trans, self.trans_cuts)):
            for at in cuts:
                before = text[:at].strip()
                combo.addItem(("… " + before[-40:]) if before else _t("(nothing: all goes to the new pair)"), at)
        self.orig_combo.setCurrentIndex(min(1, self.orig_combo.count() - 1))
        self.trans_combo.setCurrentIndex(min(1, self.trans_combo.count() - 1))
        form = QFormLayout(self)
        form.addRow(_t("The first pair's original ends with"), self.orig_combo)
        form.addRow(_t("The first pair's translation ends with"), self.trans_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _cuts(text: str, lang: str) -> list[int]:
        cuts, at = [0], 0
        for part in split_sentences(text, lang):
            at += len(part)
            cuts.append(at)
        return list(dict.fromkeys(cuts))

    def choice(self) -> tuple[int, int]:
        return self.orig_combo.currentData(), self.trans_combo.currentData()


class TranslationDialog(QDialog):
    """Write or paste the translation of one pair (it is labelled as yours)."""

    def __init__(self, orig: str, trans: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Your Translation"))
        self.edit = QPlainTextEdit(trans)
        form = QFormLayout(self)
        form.addRow(_t("Original"), _read_only(orig))
        form.addRow(_t("Your translation"), self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 280)

    def text(self) -> str:
        return self.edit.toPlainText()


def _read_only(text: str) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    box.setMaximumHeight(90)
    return box


def add_alignment_actions(menu: QMenu, window: Any, passage_id: str) -> None:
    """Add the alignment corrections for *passage_id* to *menu*, when its document is one of the user's."""
    doc = ids.document_of(passage_id)
    if not ids.is_user(doc):
        return
    store, user, ops = window.store, window.user, window.ops

    def run(make: Any, label: str) -> None:
        try:
            op = make()
        except (ItemError, ValueError) as exc:
            window.statusBar().showMessage(str(exc), 6000)
            return
        ops.run(op, label, origin=window)

    def split() -> None:
        found = store.document(doc)
        pair = next((s for p in found["paragraphs"] for s in p["sentences"] if s["id"] == passage_id), None)
        if pair is None:
            return
        dialog = SplitDialog(pair["orig"], pair["trans"] or "", found.get("lang") or "zh", window)
        if window.ask_split(dialog):
            orig_at, trans_at = dialog.choice()
            run(lambda: edits.split_pair(store, user, doc, passage_id, orig_at, trans_at), _t("Split pair"))

    def write() -> None:
        found = store.document(doc)
        pair = next((s for p in found["paragraphs"] for s in p["sentences"] if s["id"] == passage_id), None)
        if pair is None:
            return
        dialog = TranslationDialog(pair["orig"], pair["trans"] or "", window)
        if window.ask_split(dialog):
            run(lambda: edits.set_translation(store, user, doc, passage_id, dialog.text()), _t("Write translation"))

    def delete() -> None:
        from cgt_desktop.core.ops.items import delete_item

        run(lambda: delete_item(store, user, doc), _t("Delete imported document"))

    section = menu.addMenu(_t("Alignment"))
    section.addAction(_t("Merge with the Next Pair"),
                      lambda: run(lambda: edits.merge_with_next(store, user, doc, passage_id), _t("Merge pairs")))
    section.addAction(_t("Split This Pair…"), split)
    section.addAction(_t("Move First Translation Sentence to the Pair Above"),
                      lambda: run(lambda: edits.move_translation(store, user, doc, passage_id, "up"),
                                  _t("Move translation sentence")))
    section.addAction(_t("Move Last Translation Sentence to the Pair Below"),
                      lambda: run(lambda: edits.move_translation(store, user, doc, passage_id, "down"),
                                  _t("Move translation sentence")))
    section.addAction(_t("Confirm This Pair"),
                      lambda: run(lambda: edits.confirm_pair(store, user, doc, passage_id), _t("Confirm pair")))
    section.addAction(_t("Write the Translation…"), write)
    section.addSeparator()
    section.addAction(_t("Delete This Imported Document"), delete)
