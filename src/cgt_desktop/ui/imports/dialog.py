"""File → Import Article…: choose the article (and its translation), say what is known, import it.

Reading, segmenting and aligning run on a worker thread (a 200-page PDF takes seconds), with a
progress bar and Cancel; only :meth:`ImportDialog._on_relay_finished` (the GUI thread) touches the
widgets. The document is saved by an operation on the window's
:class:`~cgt_desktop.ui.common.operations.OperationStack`, so Undo removes it again.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from cgt_desktop.core.imports.article import LOW_CONFIDENCE, ArticleMeta
from cgt_desktop.core.imports.model import ImportCancelled, ImportProblem
from cgt_desktop.core.ops.items import ItemError, import_document
from cgt_desktop.ui.common.discard import ConfirmsDiscard
from cgt_desktop.ui.common.operations import OperationStack

__all__ = ["FILE_FILTER", "ImportDialog", "open_import"]

FILE_FILTER = "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)"


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


class _Relay(QObject):
    """Carries the worker's progress and result to the GUI thread (queued signals).

    Signals:
        progressed(str, int, int): step, done, total.
        finished(object): the document record, or the exception that stopped the import.
    """

    progressed = Signal(str, int, int)
    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, cancel: threading.Event, **kwargs: Any) -> None:
        super().__init__()
        self.relay, self.cancel, self.kwargs = relay, cancel, kwargs

    def run(self) -> None:
        from cgt_desktop.core.imports.pipeline import prepare

        def progress(step: str, done: int, total: int) -> bool:
            self.relay.progressed.emit(step, done, total)
            return not self.cancel.is_set()

        try:
            result: Any = prepare(progress=progress, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the dialog, which says what it was
            result = exc
        self.relay.finished.emit(result)


class _WarmUp(QRunnable):
    """Digest (or read back) the aligner's dictionary before the user presses Import (~1.5 s the first time)."""

    def __init__(self, cache_dir: Path | None) -> None:
        super().__init__()
        self.cache_dir = cache_dir

    def run(self) -> None:
        from cgt_desktop.core.text.align import Lexicon

        try:
            Lexicon.load((), self.cache_dir)
        except Exception:  # noqa: BLE001 - a cache only: the import itself loads it again and reports
            pass


class ImportDialog(ConfirmsDiscard, QDialog):
    """Import one article; the imported document's id is in :attr:`document_id` once accepted.

    Signals:
        imported(str): the document was saved (its id).
    """

    imported = Signal(str)

    def __init__(self, store: Any, user: Any, ops: OperationStack, cache_dir: Path | None = None,
                 parent: QWidget | None = None, files: list[Path] | None = None) -> None:
        super().__init__(parent)
        self.store, self.user, self.ops, self.cache_dir = store, user, ops, cache_dir
        self.document_id: str | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_relay_progressed)
        self._relay.finished.connect(self._on_relay_finished)
        self._cancel = threading.Event()
        self._failure = ""
        ops.failed.connect(self._on_ops_failed)
        self.setWindowTitle(_t("Import Article"))

        self.original_edit = QLineEdit()
        self.translation_edit = QLineEdit()
        self.translation_edit.setPlaceholderText(_t("optional: the same article in the other language"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_t("the file's own title if empty"))
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(_t("YYYY, YYYY-MM or YYYY-MM-DD; unknown if empty"))
        self.outlet_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(_t("recorded, never opened"))
        self.lang_combo = QComboBox()
        for label, value in ((_t("Find from the text"), ""), ("中文", "zh"), ("English", "en")):
            self.lang_combo.addItem(label, value)
        form = QFormLayout()
        form.addRow(_t("Article"), self._with_browse(self.original_edit))
        form.addRow(_t("Translation"), self._with_browse(self.translation_edit))
        form.addRow(_t("Title"), self.title_edit)
        form.addRow(_t("Date"), self.date_edit)
        form.addRow(_t("Outlet"), self.outlet_edit)
        form.addRow(_t("Web address"), self.url_edit)
        form.addRow(_t("Original language"), self.lang_combo)
        note = QLabel(_t("Text, HTML, PDF (with a text layer) or DOCX. The original is kept as it is; your "
                         "translation is labelled as yours, and each pair gets a confidence you can check."))
        note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_t("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())
        for i, path in enumerate((files or [])[:2]):
            (self.original_edit if i == 0 else self.translation_edit).setText(str(path))
        self.remember_form()  # files dropped on the window are not "typed": closing then asks nothing
        self.pool.start(_WarmUp(cache_dir))  # the dictionary, while the user fills in the form

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(_t("Browse…"))
        button.clicked.connect(lambda: self._browse(edit))
        row.addWidget(button)
        return box

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _t("Choose a file"), edit.text(), FILE_FILTER)
        if path:
            edit.setText(path)

    @property
    def running(self) -> bool:
        return self.progress.isVisible()

    def start(self) -> None:
        """Start the import on the worker thread (the dialog stays open until it is saved)."""
        original = self.original_edit.text().strip()
        if not original:
            self.status.setText(_t("Choose the article's file first."))
            return
        translation = self.translation_edit.text().strip() or None
        meta = ArticleMeta(source_file=Path(original).name, title=self.title_edit.text().strip(),
                           lang=self.lang_combo.currentData() or "", date=self.date_edit.text().strip(),
                           outlet=self.outlet_edit.text().strip(), url=self.url_edit.text().strip(),
                           translation_file=Path(translation).name if translation else "")
        self._cancel.clear()
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.import_button.setEnabled(False)
        self.status.setText(_t("Reading the article…"))
        self.pool.start(_Job(self._relay, self._cancel, original=Path(original), meta=meta,
                             translation=Path(translation) if translation else None,
                             name_pairs=self.store.name_pairs(), cache_dir=self.cache_dir))

    def _on_relay_progressed(self, step: str, done: int, total: int) -> None:
        steps = {"read": _t("Reading the article…"), "translation": _t("Reading the translation…"),
                 "dictionary": _t("Loading the dictionary…"), "aligning": _t("Aligning the translation…")}
        self.status.setText(steps.get(step, step))
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)

    def _on_relay_finished(self, result: Any) -> None:
        self.progress.setVisible(False)
        self.import_button.setEnabled(True)
        if isinstance(result, ImportCancelled):
            self.status.setText(_t("Cancelled; nothing was imported."))
            return
        if isinstance(result, (ImportProblem, OSError)):
            self.status.setText(str(result))
            return
        if isinstance(result, Exception):
            self.status.setText(_t("The import failed ({error}); nothing was saved.").format(
                error=f"{type(result).__name__}: {result}"))
            return
        try:
            op = import_document(self.store, self.user, result)
        except ItemError as exc:
            self.status.setText(str(exc))
            return
        self._failure = ""
        if not self.ops.run(op, _t("Import article"), origin=self):
            self.status.setText(self._failure or _t("The article could not be saved."))
            return
        self.document_id = op.result
        pairs = [line for line in result["lines"] if line.get("type") == "sentence"]
        low = sum(1 for line in pairs if line.get("confidence") is not None and line["confidence"] < LOW_CONFIDENCE)
        self.summary = (_t("Imported 1 passage; {low} to check.") if len(pairs) == 1 else
                        _t("Imported {count} passages; {low} to check.")).format(count=len(pairs), low=low)
        self.imported.emit(self.document_id)
        self.accept()

    def _on_ops_failed(self, message: str, origin: Any) -> None:
        if origin is self:
            self._failure = message

    def reject(self) -> None:
        """Cancel (or Esc) stops a running import first; otherwise it closes, asking if the form was filled in."""
        if self.running:
            self._cancel.set()
            self.status.setText(_t("Cancelling…"))
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        self._cancel.set()
        self.pool.waitForDone()
        super().done(result)


def open_import(window: Any, files: list[Path] | None = None) -> ImportDialog:
    """Show the import dialog over *window*; once imported, the reader opens the new document."""
    dialog = ImportDialog(window.store, window.user, window.ops, cache_dir=Path(window.store.path).parent,
                          parent=window, files=files)

    def _on_dialog_imported(doc_id: str) -> None:
        window.open_page(f"read:{doc_id}")
        window.statusBar().showMessage(
            QCoreApplication.translate("ImportDialog", "{summary} Undo removes it again.").format(
                summary=dialog.summary), 8000)

    dialog.imported.connect(_on_dialog_imported)
    dialog.setModal(True)
    dialog.show()
    return dialog
