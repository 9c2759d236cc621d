"""The "Export PDF" dialog: what to include, names, paper, file; progress with cancel.

The dossier (SQL work) is built off the GUI thread by a :class:`QRunnable`
with its own database connections; the PDF is then painted on the GUI
thread a page per event-loop turn (:class:`PdfRenderer` steps), so the
window stays responsive and Cancel works at any time. Nothing is written
unless the export succeeds.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from cgt_desktop.core.system.paths import Home
from cgt_desktop.core.export.dossier import DossierCancelled, DossierError, DossierOptions, build_dossier
from cgt_desktop.core.domain.selection import Selection
from cgt_desktop.ui.pdf.export import ExportError, ExportResult, PdfRenderer, export_pdf

OPTIONS_KEY = "export.options"
PARTS = ("profiles", "relations", "timeline", "figures", "passages", "notes", "sources")


def export_selection(selection: Selection | Sequence[str], store: Any, user: Any | None, options: DossierOptions,
                     path: Path | str, page_size: str = "A4",
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Build and write a dossier in one go (GUI thread; scripts and tests).

    Raises:
        DossierError: empty selection, unknown ids, or cancelled while building.
        ExportError: the file could not be written (nothing partial is left).
    """
    dossier = build_dossier(selection, store, user, options, cancelled=cancelled)
    return export_pdf(dossier, path, page_size, progress=progress, cancelled=cancelled)


class _BuildSignals(QObject):
    built = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class _BuildTask(QRunnable):
    """Builds the dossier in a pool thread, on its own connections to both databases."""

    def __init__(self, refs: list[str], store_path: Path, user_path: Path | None, options: DossierOptions) -> None:
        super().__init__()
        self.refs, self.store_path, self.user_path, self.options = refs, store_path, user_path, options
        self.cancel_event = threading.Event()
        self.signals = _BuildSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        from cgt_desktop.core.catalog.store import Catalog, StoreError
        from cgt_desktop.core.userdata.userdb import UserDataError, UserStore

        store = user = None
        try:
            store = Catalog(self.store_path)
            user = UserStore(self.user_path) if self.user_path else None
            dossier = build_dossier(self.refs, store, user, self.options,
                                    progress=self.signals.progressed.emit, cancelled=self.cancel_event.is_set)
        except (DossierError, StoreError, UserDataError) as exc:
            self.signals.failed.emit("" if isinstance(exc, DossierCancelled) else str(exc))
            return
        finally:
            for db in (store, user):
                if db is not None:
                    db.close()
        self.signals.built.emit(dossier)


class ExportDialog(QDialog):
    """Choose what to export and write the PDF.

    Signals:
        export_finished(str): the PDF was written to this path.
        export_failed(str): the export failed (the message says why; empty when cancelled).
    """

    export_finished = Signal(str)
    export_failed = Signal(str)

    def __init__(self, selection: Selection, store: Any, user: Any | None = None,
                 folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selection = Selection(selection.refs)
        self.store, self.user = store, user
        if folder is None and user is not None and getattr(user, "path", None):
            from cgt_desktop.core.system.paths import Home

            folder = Home(Path(user.path).parent).exports_dir  # the home's exports/, not the home root
        self.folder = Path(folder) if folder else Path.home()
        self._task: _BuildTask | None = None
        self._renderer: PdfRenderer | None = None
        self._steps = None
        self.setWindowTitle(self.tr("Export PDF dossier"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Dossier"))
        self.part_boxes = {key: QCheckBox() for key in PARTS}
        labels = {"profiles": self.tr("Entity profiles"), "relations": self.tr("Relations"),
                  "timeline": self.tr("Timeline figure and events"), "figures": self.tr("Figures"),
                  "passages": self.tr("Bilingual passages"), "notes": self.tr("Notes and highlights"),
                  "sources": self.tr("Numbered citations and source list")}
        parts = QGroupBox(self.tr("Include"))
        grid = QGridLayout(parts)
        for i, key in enumerate(PARTS):
            self.part_boxes[key].setText(labels[key])
            self.part_boxes[key].setChecked(True)
            grid.addWidget(self.part_boxes[key], i // 2, i % 2)
        if user is None:
            self.part_boxes["notes"].setChecked(False)
            self.part_boxes["notes"].setEnabled(False)
        self.names_combo = QComboBox()
        for mode, text in (("both", self.tr("English and Chinese")), ("en", self.tr("English")),
                           ("zh", self.tr("Chinese"))):
            self.names_combo.addItem(text, mode)
        self.page_combo = QComboBox()
        self.page_combo.addItem("A4", "A4")
        self.page_combo.addItem("Letter", "Letter")
        self.file_edit = QLineEdit(str(self.folder / "dossier.pdf"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Names:"), self.names_combo)
        form.addRow(self.tr("Page size:"), self.page_combo)
        form.addRow(self.tr("File:"), file_row)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.cancel_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(form)
        layout.addWidget(parts)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self._load_options()
        self._show_summary()

    # -- options ----------------------------------------------------------------------------------
    def options(self) -> DossierOptions:
        """Return the options chosen in the dialog."""
        parts = {key: box.isChecked() for key, box in self.part_boxes.items()}
        return DossierOptions(title=self.title_edit.text().strip(), names=self.names_combo.currentData(), **parts)

    def _load_options(self) -> None:
        saved = self.user.get_setting(OPTIONS_KEY, {}) if self.user is not None else {}
        if not isinstance(saved, dict):
            return
        for key, box in self.part_boxes.items():
            if isinstance(saved.get(key), bool) and box.isEnabled():
                box.setChecked(saved[key])
        for combo, key in ((self.names_combo, "names"), (self.page_combo, "page_size")):
            index = combo.findData(saved.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if isinstance(saved.get("folder"), str) and Path(saved["folder"]).is_dir():
            self.file_edit.setText(str(Path(saved["folder"]) / Path(self.file_edit.text()).name))

    def _save_options(self, path: Path) -> None:
        if self.user is None:
            return
        data = {key: box.isChecked() for key, box in self.part_boxes.items()}
        data.update(names=self.names_combo.currentData(), page_size=self.page_combo.currentData(),
                    folder=str(path.parent))
        try:
            self.user.set_setting(OPTIONS_KEY, data)
        except Exception:  # noqa: BLE001 - remembering options must never fail an export
            pass

    def _show_summary(self) -> None:
        count = len(self.selection)
        if count == 0:
            self.summary_label.setText(self.tr("The selection is empty: add people, organizations, events, "
                                               "passages or a period (Ctrl+E) before exporting."))
            self.export_button.setEnabled(False)
        else:
            self.summary_label.setText((self.tr("1 item in the selection.") if count == 1 else
                                        self.tr("%1 items in the selection.")).replace("%1", str(count)))

    # -- running ----------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._task is not None or self._steps is not None

    def start_export(self) -> bool:
        """Start exporting (what the Export button does); return whether it started."""
        if self.is_running():
            return False
        if self.selection.is_empty():
            self._fail(self.tr("The selection is empty: there is nothing to export."))
            return False
        text = self.file_edit.text().strip()
        if not text:
            self._fail(self.tr("Choose a file name for the PDF."))
            return False
        self.target = Path(text).expanduser()
        user_path = Path(self.user.path) if (self.user is not None and self.part_boxes["notes"].isChecked()) \
            else None
        self._task = _BuildTask(self.selection.refs, Path(self.store.path), user_path, self.options())
        self._task.signals.built.connect(self._on_task_built)
        self._task.signals.failed.connect(self._on_task_failed)
        self._task.signals.progressed.connect(self._on_task_progressed)
        self._set_running(True)
        self.status_label.setText(self.tr("Collecting the selection…"))
        QThreadPool.globalInstance().start(self._task)
        return True

    def cancel_export(self) -> None:
        """Stop the running export; nothing is written."""
        if self._task is not None:
            self._task.cancel_event.set()
        if self._renderer is not None:
            self._renderer.abort()
            self._steps = None
            self._renderer = None
            self._finish_failed("")

    def _set_running(self, running: bool) -> None:
        for widget in (self.export_button, self.browse_button, self.title_edit, self.names_combo, self.page_combo,
                       self.file_edit, *self.part_boxes.values()):
            widget.setEnabled(not running and (widget is not self.part_boxes["notes"] or self.user is not None))
        self.cancel_button.setEnabled(running)
        self.progress_bar.setVisible(True)
        if running:
            self.progress_bar.setRange(0, 0)

    def _on_task_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(int(30 * done / max(total, 1)))

    def _on_task_failed(self, message: str) -> None:
        self._task = None
        self._finish_failed(message)

    def _on_task_built(self, dossier) -> None:
        task, self._task = self._task, None
        if task is not None and task.cancel_event.is_set():  # cancelled after the build had finished
            self._finish_failed("")
            return
        try:
            pending = Home(Path(self.user.path).parent).pending_dir if self.user is not None else None
            self._renderer = PdfRenderer(dossier, self.target, self.page_combo.currentData(), pending)
        except ExportError as exc:
            self._finish_failed(str(exc))
            return
        self._steps = self._renderer.steps()
        self.status_label.setText(self.tr("Writing the PDF…"))
        QTimer.singleShot(0, self._on_step_timer_timeout)

    def _on_step_timer_timeout(self) -> None:
        if self._steps is None:
            return
        try:
            done, total = next(self._steps)
        except StopIteration:
            renderer, self._steps, self._renderer = self._renderer, None, None
            assert renderer is not None
            self._save_options(renderer.path)
            self._set_running(False)
            self.progress_bar.setValue(100)
            self.status_label.setText(self.tr("Saved %1 (%2 pages).").replace("%1", str(renderer.path))
                                      .replace("%2", str(renderer.pages)))
            self.export_finished.emit(str(renderer.path))
            return
        except ExportError as exc:
            self._steps = self._renderer = None
            self._finish_failed(str(exc))
            return
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(30 + int(70 * done / max(total, 1)))
        QTimer.singleShot(0, self._on_step_timer_timeout)

    def _finish_failed(self, message: str) -> None:
        self._set_running(False)
        self.progress_bar.setVisible(False)
        if message:
            self._fail(message)
        else:
            self.status_label.setText(self.tr("Export cancelled; nothing was written."))
        self.export_failed.emit(message)

    def _fail(self, message: str) -> None:
        self.status_label.setText(f'<span style="color:#b8322a">{_escape(message)}</span>')

    # -- slots ------------------------------------------------------------------------------------
    def _on_export_button_clicked(self) -> None:
        self.start_export()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel_export()

    def _on_browse_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the dossier as"), self.file_edit.text(),
                                              self.tr("PDF files (*.pdf)"))
        if name:
            self.file_edit.setText(name)

    def reject(self) -> None:  # closing the dialog cancels a running export
        if self.is_running():
            self.cancel_export()
        super().reject()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
