"""Start-up: the window on a built corpus, fonts, About, screenshot command, start-up errors."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage

from cgt_desktop import __version__
from cgt_desktop.cli.main import build_parser, main
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.shell.app import run_app
from cgt_desktop.ui.common.fonts import apply_app_font, cjk_families, ensure_cjk_font
from cgt_desktop.ui.shell.main_window import MainWindow


def test_window_opens_on_a_built_corpus(qtbot, store, home):
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isVisible()
    labels = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert [label.split(" (")[0] for label in labels[:len(KINDS)]] == [
        "People", "Organizations", "Places", "Events", "Policies", "Technologies", "Figures", "Documents"]
    assert labels[len(KINDS)] == "Timeline"
    assert window.lists["person"].model.rowCount() == store.counts()["person"] > 0
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Go", "&Help"]
    assert window.minimumWidth() >= 800 and window.minimumHeight() >= 500
    assert "Showing" in window.status_counts.text()
    window.close()
    user.close()


def test_about_box_names_version_and_data_build_date(qtbot, store, home):
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    text = window.about_text()
    assert __version__ in text and store.build_info()["built_at"] in text
    window.close()
    user.close()


def test_timeline_tab_is_created_when_first_shown(qtbot, store, home):
    user = UserStore(home.user_db)
    window = MainWindow(store, user)
    qtbot.addWidget(window)
    window.show()
    assert window.timeline is None
    window.tabs.setCurrentIndex(len(KINDS))
    assert window.timeline is not None
    assert window.tabs.currentWidget() is window.timeline
    events = [e.id for e in store.timeline(include_undated=False)]
    window.timeline.event_activated.emit(events[0])
    assert window.current_kind() == "event" and window.history.current == events[0]
    window.timeline.period_selected.emit(("2019-01-01", "2019-12-31"))
    assert window.lists["person"].model.query.period == ("2019-01-01", "2019-12-31")
    window.timeline.period_selected.emit(None)
    assert window.lists["person"].model.query.period is None
    window.close()
    user.close()


def test_chinese_renders_with_a_cjk_font(qapp):
    family = ensure_cjk_font()
    assert family
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    apply_app_font(qapp)
    assert family in qapp.font().families()
    assert family in cjk_families(QFont("DejaVu Sans"))
    assert QFontMetrics(QFont(family)).inFontUcs4(ord("张"))


def test_the_bundled_collection_is_found_where_its_package_says_it_is():
    from pathlib import Path

    import noto_cjk_sans_otc

    from cgt_desktop.ui.common import fonts

    found = fonts._bundled_collection()  # located without importing the package
    assert found == Path(noto_cjk_sans_otc.FONT_PATH) and found.is_file()


def test_the_next_start_registers_the_cached_face_and_chinese_still_renders(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = f"""
import sys
from pathlib import Path
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication
from cgt_desktop.ui.common import fonts
app = QApplication([])
fonts._system_cjk_family = lambda: None  # as on a machine without a CJK font (this one has none)
family = fonts.ensure_cjk_font(Path({str(tmp_path)!r}))
ids = QFontDatabase.applicationFontFamilies(0)  # the one font file this process registered
written = fonts.cache_bundled_face(Path({str(tmp_path)!r}))
print(family, len(ids), QFontMetrics(QFont(family)).inFontUcs4(ord("张")), written is not None)
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
            for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[-1].stderr
    first, second = (r.stdout.strip() for r in runs)
    assert first == "Noto Sans CJK SC 10 True True"  # the whole collection, then its face is cached
    assert second == "Noto Sans CJK SC 1 True False"  # one face only, nothing left to write


def _shot(tmp_path, corpus_dir, home, *view):
    out = tmp_path / "shot.png"
    code = main(["--home", str(home.root), "--corpus", str(corpus_dir), "screenshot", *view, "-o", str(out)])
    return code, out


@pytest.mark.parametrize("view", ["people", "entity:person/qian-qijun", "search:张江"])
def test_screenshot_renders_a_view_to_png(qapp, tmp_path, corpus_dir, home, view):
    code, out = _shot(tmp_path, corpus_dir, home, view)
    assert code == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)


def test_screenshot_at_the_small_window_size_and_a_bad_size(qapp, tmp_path, corpus_dir, home, capsys):
    code, out = _shot(tmp_path, corpus_dir, home, "people", "--size", "1024x700")
    assert code == 0 and (QImage(str(out)).width(), QImage(str(out)).height()) == (1024, 700)
    out.unlink()
    code, out = _shot(tmp_path, corpus_dir, home, "people", "--size", "huge")
    assert code == 2 and not out.exists() and "--size must look like 1280x800" in capsys.readouterr().err


def test_screenshot_in_chinese(qapp, tmp_path, corpus_dir, home):
    code, out = _shot(tmp_path, corpus_dir, home, "places", "--lang", "zh")
    assert code == 0 and out.stat().st_size > 10_000


def test_screenshot_of_an_unknown_view_or_id_fails_with_one_line(qapp, tmp_path, corpus_dir, home, capsys):
    code, out = _shot(tmp_path, corpus_dir, home, "nonsense")
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert err.count("\n") == 1 and "unknown view" in err
    code, out = _shot(tmp_path, corpus_dir, home, "entity:person/nobody")
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "person/nobody" in err


def test_an_unusable_home_gives_a_clear_message_not_a_traceback(qapp, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    args = build_parser().parse_args(["--home", str(blocker / "home")])
    assert run_app(args) == 1
    err = capsys.readouterr().err
    assert "cannot use the home folder" in err and "Traceback" not in err


def test_a_damaged_reference_database_is_rebuilt(qapp, tmp_path, corpus_dir, home, capsys):
    home.reference_db.write_bytes(b"this is not sqlite" * 100)
    code, out = _shot(tmp_path, corpus_dir, home, "documents")
    assert code == 0 and out.is_file()


def test_run_app_builds_the_database_and_shows_the_window(qapp, qtbot, tmp_path, corpus_dir, monkeypatch):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from cgt_desktop.ui.timeline import controller as timeline

    seen, warmed = [], []
    qapp.setWindowIcon(QIcon())
    monkeypatch.setattr(timeline, "start_warm_up", lambda loader=None: warmed.append(loader))

    def fake_exec(app):
        """Stand-in for the event loop: a real exec()/exit() would stop every later QEventLoop in this process."""
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        app.processEvents()
        qtbot.waitUntil(lambda: not app.windowIcon().isNull())  # set just after the first paint
        qtbot.waitUntil(lambda: bool(warmed), timeout=5000)  # pyqtgraph is imported in the background soon after
        seen.extend((w.lists["person"].model.rowCount(), w.windowTitle()) for w in windows)
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = build_parser().parse_args(["--home", str(tmp_path / "home"), "--corpus", str(corpus_dir)])
    assert run_app(args) == 0
    assert (tmp_path / "home" / "cache" / "reference.sqlite").is_file()
    assert (tmp_path / "home" / "user.sqlite").is_file()
    assert seen and seen[0][0] > 0 and "gene therapy reference" in seen[0][1]
    assert qapp.applicationName() == "cgt-desktop"


def test_a_stamp_taken_ahead_for_another_corpus_is_not_used(tmp_path, corpus_dir, monkeypatch):
    from cgt_desktop.core.catalog.freshness import SourceStampAhead
    from cgt_desktop.ui.shell import app as app_module

    used = []
    monkeypatch.setattr(app_module, "_run_app", lambda args, stamp: used.append(stamp) or 0)
    other = tmp_path / "other-corpus"
    other.mkdir()
    args = build_parser().parse_args(["--home", str(tmp_path / "home"), "--corpus", str(corpus_dir)])
    wrong, right = SourceStampAhead(other, fork=False), SourceStampAhead(corpus_dir, fork=False)
    assert run_app(args, stamp=wrong) == 0 and run_app(args, stamp=right) == 0
    assert used[0] is not wrong and used[0].root == corpus_dir  # the app stamped its own corpus
    assert used[1] is right


def test_open_data_checks_the_user_data_beside_the_reference_and_reports_damage(tmp_path, corpus_dir, monkeypatch):
    """The user database is checked on a thread while the reference opens; its notices still come back."""
    from cgt_desktop.ui.shell.app import StartupError, open_data

    home = tmp_path / "home"
    args = build_parser().parse_args(["--home", str(home), "--corpus", str(corpus_dir)])
    store, user = open_data(args)  # creates both
    user.add_note("person/qian-qijun", "kept")
    store.close()
    user.close()
    (home / "user.sqlite").write_bytes(b"not a database at all" * 200)
    notices, called = [], []
    store, user = open_data(args, notices=notices, meanwhile=lambda: called.append(True))
    assert called == [True]
    assert notices and any("damaged" in n.lower() for n in notices)
    assert store.counts()["person"] > 0 and user.notes() == []  # no backup yet: an empty, working store
    store.close()
    user.close()
    from cgt_desktop.core.userdata import backup
    from cgt_desktop.core.userdata.userdb import UserDataError

    def refuse(*_args):
        raise UserDataError("cannot open your user data: the disk is full")

    monkeypatch.setattr(backup, "open_user_data", refuse)
    with pytest.raises(StartupError, match="disk is full"):
        open_data(args)


def test_the_app_start_sweeps_what_a_killed_process_left_and_nothing_else(tmp_path, corpus_dir):
    from cgt_desktop.ui.shell.app import open_data

    home = tmp_path / "home"
    (home / "cache").mkdir(parents=True)
    debris = home / "cache" / ".reference.sqlite.999999999.0123abcd.cgt-tmp"
    debris.write_bytes(b"half a database")
    kept = home / "cache" / "my-own-file.tmp"
    kept.write_text("not ours")
    args = build_parser().parse_args(["--home", str(home), "--corpus", str(corpus_dir)])
    store, user = open_data(args)
    assert not debris.exists() and kept.read_text() == "not ours"
    store.close()
    user.close()


def test_a_screenshot_shows_the_users_own_article_and_changes_nothing_of_theirs(qapp, tmp_path, corpus_dir, home,
                                                                              capsys):
    """From a copy of the user's data: their imported article can be shot, their settings stay as they are,
    and an app running on the same home keeps seeing the article."""
    import json

    from cgt_desktop.core.catalog.store import Catalog
    from cgt_desktop.core.userdata.userdb import UserStore

    article = tmp_path / "news.txt"
    article.write_text("上海发布细胞治疗新政\n\n钱其军教授表示，新政将加快CAR-T疗法的临床转化。\n", encoding="utf-8")
    assert main(["--home", str(home.root), "--corpus", str(corpus_dir), "import", str(article), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)["id"]
    running = Catalog(home.cache_dir / "reference.sqlite")  # as the app running on this home holds it
    assert running.exists(doc)
    code, out = _shot(tmp_path, corpus_dir, home, f"reader:{doc}", "--lang", "zh")
    assert code == 0 and out.stat().st_size > 10_000, capsys.readouterr().err
    assert running.exists(doc), "the running app still shows the user's article"
    running.close()
    user = UserStore(home.user_db)
    assert user.get_setting("ui.language") is None, "the screenshot's language went to its copy"
    user.close()
