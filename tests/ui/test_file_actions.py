"""File → Export/Import Annotations, Back Up Now, Restore from Backup, Open Data Folder, Print, and
Help → About, each driven as a user would with its dialog answered by a path or a choice."""

from __future__ import annotations

import json

from pypdf import PdfReader

from cgt_desktop import __version__
from cgt_desktop.core.userdata.backup import list_backups
from cgt_desktop.core.userdata.userdb import UserStore

PASSAGE = "000_1b6dce599d2df6c2#p03.s01"


def _answers(window, **hooks):
    said: list[tuple[str, str]] = []
    files = window.files
    files.inform = lambda title, text: said.append((title, text))
    for name, value in hooks.items():
        setattr(files, name, value)
    return said


def test_file_menu_offers_every_action_on_the_user_data(window):
    labels = [a.text() for a in window.menu_file.actions()]
    for label in ("&Import Article…", "&Print…", "&Export Annotations…", "Im&port Annotations…", "&Back Up Now",
                  "&Restore from Backup…", "Open &Data Folder", "&Preferences…", "&Quit"):
        assert label in labels, label


def test_export_then_import_annotations_into_another_home_says_what_merged(window, qtbot, tmp_path, store):
    window.user.add_note("person/qian-qijun", "Check the **election** date.")
    window.user.tag_item("person/qian-qijun", "to-verify")
    target = tmp_path / "mine.json"
    said = _answers(window, ask_save_path=lambda *_a: str(target))
    assert window.files.export_annotations() == target
    data = json.loads(target.read_text("utf-8"))
    assert [n["body"] for n in data["notes"]] == ["Check the **election** date."]
    assert said and str(target) in said[-1][1] and "1 notes" not in said[-1][1]

    other = UserStore(tmp_path / "other" / "user.sqlite")
    from cgt_desktop.ui.shell.main_window import MainWindow

    second = MainWindow(store, other)
    qtbot.addWidget(second)
    said = _answers(second, ask_open_path=lambda *_a: str(target))
    report = second.files.import_annotations()
    assert report is not None and report.counts["notes"]["added"] == 1
    title, text = said[-1]
    assert title == "Import Annotations" and "notes: 1 added" in text and "backed up as user-" in text
    assert [n.body for n in other.notes("person/qian-qijun")] == ["Check the **election** date."]
    assert second.annotations.panel.model.rowCount() >= 1, "the Annotations tab shows what came in"
    assert list_backups(tmp_path / "other" / "backups"), "a backup was made before the merge"
    again = second.files.import_annotations()
    assert again.counts["notes"]["added"] == 0 and again.counts["notes"]["unchanged"] == 1
    second.close()
    other.close()


def test_an_export_says_which_unsaved_drafts_stay_behind(window, qtbot, tmp_path):
    assert window.open_page("person/qian-qijun")
    qtbot.waitUntil(lambda: window.annotations is not None)
    window.annotations.act_new_note.trigger()
    qtbot.keyClicks(window.annotations.notes.editor, "still being written")
    target = tmp_path / "mine.json"
    said = _answers(window, ask_save_path=lambda *_a: str(target))
    assert window.files.export_annotations() == target
    assert "Not in the file: 1 unsaved note draft." in said[-1][1]
    assert "still being written" not in target.read_text("utf-8")


def test_a_broken_annotations_file_is_refused_and_nothing_changes(window, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "cgt-desktop-annotations", "notes": [{"uid": ', "utf-8")
    before = window.user.notes()
    said = _answers(window, ask_open_path=lambda *_a: str(broken))
    assert window.files.import_annotations() is None
    assert "Nothing was imported." in said[-1][1]
    assert window.user.notes() == before


def test_back_up_now_and_restore_from_a_listed_backup(window, home):
    window.user.add_note("person/carl-june", "Before the backup.")
    said = _answers(window)
    backup = window.files.back_up_now()
    assert backup is not None and backup in list_backups(home.backups_dir)
    assert "Backed up your data" in window.statusBar().currentMessage()
    offered: list[list] = []

    def choose(backups):
        offered.append(backups)
        return backups[0]

    _answers(window, choose_backup=choose, confirm=lambda *_a: True)
    assert window.files.restore_from_backup() == backup
    assert offered[0][0] == backup
    assert window.restore_request == str(backup) and window.is_closed, "the app restores it and opens again"
    assert said == []


def test_the_backup_list_shows_dates_and_sizes(qtbot, window, home):
    from cgt_desktop.ui.shell.file_actions import BackupChooser

    backup = window.files.back_up_now()
    dialog = BackupChooser([backup])
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert text[:4].isdigit() and ("KB" in text or "MB" in text)
    assert dialog.chosen() == backup


def test_restoring_with_no_backups_says_where_they_would_be(window, home):
    said = _answers(window)
    assert window.files.restore_from_backup() is None
    assert str(home.backups_dir) in said[-1][1] and not window.is_closed


def test_restore_backup_puts_the_backup_in_place_and_keeps_the_current_data(tmp_path, home):
    from cgt_desktop.core.userdata.backup import make_backup
    from cgt_desktop.ui.shell.app import restore_backup

    user = UserStore(home.user_db)
    user.add_note("person/carl-june", "kept in the backup")
    user.close()
    backup = make_backup(home.user_db, home.backups_dir)
    user = UserStore(home.user_db)
    user.add_note("person/carl-june", "written after the backup")
    user.close()
    assert restore_backup(backup, home.user_db) == backup
    restored = UserStore(home.user_db)
    assert [n.body for n in restored.notes("person/carl-june")] == ["kept in the backup"]
    restored.close()
    kept = list(home.root.glob("user.sqlite.*.before-restore"))
    assert len(kept) == 1, "the data from before the restore is kept beside it"


def test_open_data_folder_opens_the_home(window, home):
    opened = []
    _answers(window, open_folder=lambda path: opened.append(path) or True)
    assert window.files.open_data_folder()
    assert opened == [home.root]


def test_about_lists_versions_licences_and_where_the_data_lives(window, home, store):
    text = window.files.about_text()
    assert __version__ in text and store.build_info()["built_at"] in text
    for name in ("Python", "Qt", "PySide6", "SQLite", "pyqtgraph", "Noto Sans CJK SC", "SIL Open Font License"):
        assert name in text, name
    assert str(home.root) in text and str(store.path) in text


def _pdf_printer(path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _printed(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_print_the_page_shown_with_its_chinese(window, tmp_path):
    assert window.open_page("person/qian-qijun")
    out = tmp_path / "page.pdf"
    _answers(window, printer_for=lambda: _pdf_printer(out))
    assert window.files.print_current()
    text = _printed(out)
    assert "QianQijun" in text and "钱其军" in text


def test_print_the_reader_side_by_side(window, tmp_path):
    assert window.open_page("read:000_1b6dce599d2df6c2")
    out = tmp_path / "reader.pdf"
    _answers(window, printer_for=lambda: _pdf_printer(out))
    assert window.files.print_current()
    text = _printed(out)
    assert "钱其军教授当选中国医药生物技术协会精准医学分会新任主任委员" in text
    assert "waselectedasthenewchairman" in text and "projecttranslation" in text


def test_print_the_selections_dossier_from_the_timeline(window, tmp_path):
    window.selections.panel.add_refs(["person/qian-qijun", PASSAGE])
    assert window.show_timeline()
    out = tmp_path / "dossier.pdf"
    _answers(window, printer_for=lambda: _pdf_printer(out))
    assert window.files.print_current()
    text = _printed(out)
    assert "资料汇编" in text and "钱其军" in text and len(PdfReader(out).pages) >= 3


def test_print_with_nothing_to_print_says_what_to_do(window):
    said = _answers(window, printer_for=lambda: None)
    window.show_timeline()
    assert not window.files.print_current()
    assert "Ctrl+E" in said[-1][1]


def test_restore_reopens_the_app_on_the_restored_data_after_the_timeline_was_open(qtbot, qapp, tmp_path,
                                                                                   corpus_dir, monkeypatch):
    """The whole loop: the first window (timeline built, Chinese interface) restores a backup and closes;
    the app reopens on the restored data. The old window must be gone before the new one sets its
    language, or its timeline would read from the closed reference database."""
    from PySide6.QtWidgets import QApplication

    from cgt_desktop.cli.main import build_parser
    from cgt_desktop.ui.shell import app as app_module
    from cgt_desktop.ui.shell.main_window import MainWindow

    home = tmp_path / "home"
    monkeypatch.setattr(app_module, "_warm_up_timeline_soon", lambda window: None)
    seen: list[dict] = []

    def fake_exec(application):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.annotations is not None, timeout=10000)
        seen.append({"notes": [n.body for n in window.user.notes("person/carl-june")],
                     "windows": sum(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets()),
                     "menu": window.menu_file.title()})
        if len(seen) == 1:
            window.user.set_setting("ui.language", "zh")
            window.user.add_note("person/carl-june", "in the backup")
            backup = window.files.back_up_now()
            window.user.add_note("person/carl-june", "after the backup")
            assert window.show_timeline()
            qtbot.waitUntil(lambda: window.timeline.controller.layout is not None, timeout=20000)
            _answers(window, choose_backup=lambda backups: backup, confirm=lambda *_a: True)
            assert window.files.restore_from_backup() == backup
        else:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = build_parser().parse_args(["--home", str(home), "--corpus", str(corpus_dir)])
    assert app_module.run_app(args) == 0
    assert [s["notes"] for s in seen] == [[], ["in the backup"]]
    assert seen[1]["windows"] == 1, "the window before the restore is gone"
    assert seen[0]["menu"] == "&File" and seen[1]["menu"] == "文件(&F)", "the restored settings: Chinese"
    probe = QApplication.translate("MainWindow", "&File")
    assert probe == "&File", "no translator is left behind once the app has quit"
