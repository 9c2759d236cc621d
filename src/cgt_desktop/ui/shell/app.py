"""Start the app (``cgt-desktop``) or render one view to PNG (``cgt-desktop screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from cgt_desktop import __version__
from cgt_desktop.core.system.paths import APP_NAME, DESKTOP_ID, Home, corpus_dir, resolve_home
from cgt_desktop.core.startup import StartupError

SCREENSHOT_SIZE = (1280, 800)
KIND_VIEWS = {"people": "person", "organizations": "organization", "places": "place", "events": "event",
              "policies": "policy", "technologies": "technology", "figures": "figure", "documents": "document"}




def _stderr(message: str) -> None:
    print(f"cgt-desktop: {message}", file=sys.stderr)


def _application(icon: bool = True, font_cache: Path | None = None) -> Any:
    """Return the QApplication, creating and configuring it (name, high-DPI, fonts) if needed.

    *icon* sets the window icon now; the app sets it just after its first paint instead (loading the
    SVG image plugin is ~8 ms of the start). *font_cache* is where the bundled CJK face is cached
    (see :func:`~cgt_desktop.ui.common.fonts.ensure_cjk_font`).
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("cgt-desktop")
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)  # Wayland matches the window to its .desktop entry by this
    from cgt_desktop.ui.common.fonts import apply_app_font

    apply_app_font(app, font_cache)
    if icon:
        _set_icon(app)
    return app


def _set_icon(app: Any) -> None:
    from cgt_desktop.core.system.paths import resources_dir

    icon = resources_dir() / "icons" / "cgt-desktop.svg"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))


def _corpus(args: argparse.Namespace) -> Path:
    return Path(args.corpus) if getattr(args, "corpus", None) else corpus_dir()


def open_data(args: argparse.Namespace, user_home: Path | None = None, splash: Any = None,
              notices: list[str] | None = None, meanwhile: Callable[[], Any] | None = None,
              stamp: Callable[[], str] | None = None) -> tuple[Any, Any]:
    """Resolve the home, build the reference database if needed, open both stores.

    The user database is checked and opened on a thread (``PRAGMA integrity_check`` runs in SQLite,
    without the GIL) while this thread opens the reference database and then calls *meanwhile*
    (the app imports its window's modules there). A damaged user database is kept aside and the
    newest good backup restored; what happened is printed and added to *notices* (for the window).
    *stamp* returns the sources' stamp if it was taken ahead (see :class:`~cgt_desktop.core.catalog.freshness.SourceStampAhead`).

    Raises:
        StartupError: with a message for the user (unwritable home, damaged database…).
    """
    import threading

    from cgt_desktop.core.startup import open_reference, open_user, prepare_home, sync_user_items

    home = prepare_home(getattr(args, "home", None))
    outcome: dict[str, Any] = {}

    def open_user_thread() -> None:
        try:
            outcome["opened"] = open_user(home, (user_home or home.root) / "user.sqlite")
        except StartupError as exc:
            outcome["error"] = exc

    user_thread = threading.Thread(target=open_user_thread, name="open-user-data")
    user_thread.start()

    def user_store() -> Any:
        user_thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["opened"].store

    try:
        announce = None if splash is None else (lambda: splash("Building the reference database…"))
        store = open_reference(home, _corpus(args), on_rebuild=announce, stamp=stamp)
    except StartupError:
        try:
            user_store().close()
        except StartupError:
            pass  # the reference database's message comes first
        raise
    if meanwhile is not None:
        meanwhile()
    try:
        user = user_store()
    except StartupError:
        store.close()
        raise
    messages = list(outcome["opened"].messages)
    problem = sync_user_items(store, user)
    if problem:
        messages.append(problem)
    for message in messages:
        _stderr(message)
    if notices is not None:
        notices.extend(messages)
    return store, user


def _show_error(app: Any, message: str) -> None:
    _stderr(message)
    if app is not None and app.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "cgt-desktop", message)


def run_app(args: argparse.Namespace, stamp: Any = None) -> int:
    """Open the main window on the built-in corpus and run the event loop; return the exit status.

    *stamp* is a :class:`~cgt_desktop.core.catalog.freshness.SourceStampAhead` started before Qt loaded (by the
    entry point); it is used only if it stamps the corpus this run opens.
    """
    from cgt_desktop.core.catalog.freshness import SourceStampAhead

    corpus = _corpus(args)
    own = None
    if not isinstance(stamp, SourceStampAhead) or not _same_path(stamp.root, corpus):
        stamp = own = SourceStampAhead(corpus)  # a child process stats the sources while Qt starts
    try:
        return _run_app(args, stamp)
    finally:
        if own is not None:
            own.close()


def _same_path(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _run_app(args: argparse.Namespace, stamp: Callable[[], str]) -> int:
    home = Home(resolve_home(getattr(args, "home", None)))  # created and checked by open_data
    app = _application(icon=False, font_cache=home.cache_dir)
    from cgt_desktop.ui.shell.single_instance import FORWARDED, NO_ANSWER, SingleInstance

    instance = SingleInstance(home.root)
    claim = instance.claim()  # never a second writer on the same home
    if claim == FORWARDED:
        print("cgt-desktop is already running for this home: its window was brought forward.")
        return 0
    if claim == NO_ANSWER:
        _stderr(f"another cgt-desktop holds the home {home.root} but has not answered (it may still be "
                "building its reference database). Wait for its window, or end that process if it is stuck.")
        return 1
    from PySide6.QtWidgets import QSplashScreen

    splash_widget: list[Any] = []

    def splash(message: str) -> None:
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap(420, 120)
        pixmap.fill(app.palette().window().color())
        widget = QSplashScreen(pixmap)
        widget.show()
        widget.showMessage(message)
        app.processEvents()
        splash_widget.append(widget)

    try:
        while True:  # again after File → Restore from Backup, on the restored data
            restore = _run_window(app, args, home, instance, splash, splash_widget, stamp)
            if not isinstance(restore, Path):
                return restore
            splash_widget.clear()
    finally:
        instance.release()  # last: a start that waits for the home gets it after the backup


def _run_window(app: Any, args: argparse.Namespace, home: Home, instance: Any, splash: Any,
                splash_widget: list[Any], stamp: Callable[[], str]) -> int | Path:
    """Open the data and the window and run until it closes: the exit status, or the backup the user
    asked to restore (restored by then: the caller opens the window again)."""
    notices: list[str] = []

    def import_window() -> None:  # while the user data is checked on its thread
        from cgt_desktop.ui.common import i18n  # noqa: F401
        from cgt_desktop.ui.shell import main_window  # noqa: F401

    try:
        store, user = open_data(args, splash=splash, notices=notices, meanwhile=import_window, stamp=stamp)
    except StartupError as exc:
        _show_error(app, str(exc))
        return 1
    from cgt_desktop.ui.common.i18n import Translations, default_language
    from cgt_desktop.ui.shell.main_window import MainWindow
    from cgt_desktop.ui.shell.single_instance import bring_forward

    translations = Translations(app)
    translations.apply(getattr(args, "lang", None) or user.get_setting("ui.language", default_language()))
    window = MainWindow(store, user, translations)
    window.first_painted.connect(lambda: _set_icon(app))
    window.first_painted.connect(lambda: _warm_up_timeline_soon(window))
    window.first_painted.connect(lambda: _cache_font_face(home.cache_dir))
    from cgt_desktop.ui.shell.idle_backup import IdleBackup

    backups_dir = home.backups_dir
    idle_backup = IdleBackup(user.path, backups_dir, status_bar=window.statusBar())
    # It watches the user's input through an application-wide event filter: not before the first paint
    # (there is no input before it, and a Python filter on every event would slow the paint down).
    window.first_painted.connect(idle_backup.start)
    # SIGTERM/SIGHUP close the window as the user would: from the first paint (nothing to keep before it),
    # and before a second start is answered (the next line).
    termination: list[Any] = []

    def handle_termination() -> None:
        from cgt_desktop.ui.common.termination import TerminationHandler

        termination.append(TerminationHandler(window.close))

    window.first_painted.connect(handle_termination)
    window.first_painted.connect(instance.listen)  # answer later starts (QtNetwork loads after the frame)
    def forward() -> None:
        bring_forward(window)

    instance.activation_requested.connect(forward)
    window.show()
    if notices and app.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, "cgt-desktop", "\n\n".join(notices))
    for widget in splash_widget:
        widget.finish(window)
    app.commitDataRequest.connect(window.keep_unsaved_work)  # the session is ending (logout)
    try:
        code = int(app.exec())
    finally:
        for handler in termination:
            handler.uninstall()
        app.commitDataRequest.disconnect(window.keep_unsaved_work)
        idle_backup.stop()
        instance.close()
        store.close()
        user.close()
        _backup_on_quit(user.path, backups_dir)
    requested = window.restore_request
    instance.activation_requested.disconnect(forward)  # a restored window gets the next ones
    window.deleteLater()
    # Gone now, not later: after a restore the next window's language change would reach it, and its
    # panels would read the reference database closed above. Then its translator goes too (else the next
    # window's switch to English would leave this one's Chinese in place).
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    translations.uninstall()
    if not requested:
        return code
    return restore_backup(Path(requested), user.path, app)


def restore_backup(backup: Path, user_db: Path, app: Any = None) -> Path | int:
    """Restore *backup* over the (closed) user database; the backup, or 1 after saying why not."""
    from cgt_desktop.core.userdata.backup import BackupError, restore

    try:
        restore(backup, Path(user_db))
    except BackupError as exc:
        if app is not None:
            _show_error(app, str(exc))
        else:
            _stderr(str(exc))
        return 1
    return backup


def _warm_up_timeline_soon(window: Any) -> None:
    """A second after the first paint (the post-paint work is done by then), prepare the timeline in the background."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(1000, window.warm_up_timeline)


def _cache_font_face(cache_dir: Path) -> None:
    """On a thread: keep the bundled CJK face in the cache, so the next start registers one face, not ten."""
    import threading

    from cgt_desktop.ui.common.fonts import cache_bundled_face

    threading.Thread(target=cache_bundled_face, args=(cache_dir,), name="cache-font-face", daemon=True).start()


def _backup_on_quit(user_db: Path, backups_dir: Path) -> None:
    """Take a checked backup of the user database and rotate the old ones (a failure is only reported)."""
    from cgt_desktop.core.userdata.backup import BackupError, make_backup, rotate

    try:
        make_backup(user_db, backups_dir)
        rotate(backups_dir)
    except (BackupError, OSError) as exc:
        _stderr(f"could not back up your data on quit: {exc}")


def _render(window: Any, view: str) -> str | None:
    """Put *window* in the state of *view*; return an error message or ``None``."""
    if view in KIND_VIEWS:
        kind = KIND_VIEWS[view]
        window.show_kind(kind)
        if window.lists[kind].model.rowCount():
            window.lists[kind].view.selectRow(0)
        return None
    name, _, value = view.partition(":")
    if name == "entity" and value:
        if not window.open_page(value):
            return f"unknown id: {value!r}; try 'cgt-desktop search'"
        return None
    if name == "search" and value:
        window.search.field.setText(value)
        window.search.run_search()
        return None
    if name == "timeline" and not value:
        if not window.show_timeline():
            return "the timeline view is not available in this build"
        _wait_for(lambda: window.timeline.controller.layout is not None)  # large corpora lay out on a thread
        return None
    if name == "reader" and value:
        if window.store.names([value]).get(value, ("",))[0] != "document":
            return f"unknown document id: {value!r}; see 'cgt-desktop search --kind document'"
        window.open_page(f"read:{value}")
        return None
    return "__usage__"


def _window_size(text: str | None) -> tuple[int, int] | None:
    """``"1024x700"`` → (1024, 700); the default size for None; None if *text* is not a usable size."""
    if not text:
        return SCREENSHOT_SIZE
    width, sep, height = text.lower().replace("×", "x").partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        return None
    size = int(width), int(height)
    return size if all(640 <= side <= 4000 for side in size) else None


def _wait_for(done: Any, timeout: float = 120.0) -> None:
    """Process events until ``done()`` is true or *timeout* seconds have passed."""
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


def _copy_user_data(user_db: Path, scratch: Path) -> None:
    """Put a consistent copy of the user's database in *scratch* for a screenshot to open.

    The screenshot shows the user's own articles, entries and notes as the app does, yet writes nothing
    to their data (its window state and language go to the copy), and the reference database's copy of
    their items is left as it is: the copy has the same revision (an empty user database there would
    take the user's items out of the views of an app running on the same home).
    """
    if not user_db.exists():
        return
    from cgt_desktop.core.userdata.backup import BackupError, make_backup

    try:
        make_backup(user_db, scratch).rename(scratch / "user.sqlite")
    except (BackupError, OSError) as exc:
        _stderr(f"your own data is left out of the screenshot: {exc}")


def screenshot(args: argparse.Namespace) -> int:
    """Render one view offscreen (1280×800 unless ``--size``) and save it as PNG (``cgt-desktop screenshot``)."""
    view = args.view.strip()
    known = view in KIND_VIEWS or view == "timeline" or any(
        view.startswith(p) and len(view) > len(p) for p in ("entity:", "search:", "reader:"))
    if not known:
        _stderr(f"unknown view {view!r}; choose one of {', '.join(KIND_VIEWS)}, timeline, entity:ID, "
                "search:QUERY, reader:DOC_ID")
        return 2
    from cgt_desktop.core.system.outputs import OutputPathError, atomic_output, check_output

    try:
        output = check_output(args.output)
    except OutputPathError as exc:
        _stderr(str(exc))
        return 1
    size = _window_size(getattr(args, "size", None))
    if size is None:
        _stderr(f"--size must look like 1280x800 (each side 640–4000), not {args.size!r}")
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    with tempfile.TemporaryDirectory(prefix="cgt-shot-") as scratch:
        _copy_user_data(Home(resolve_home(getattr(args, "home", None))).user_db, Path(scratch))
        try:
            store, user = open_data(args, user_home=Path(scratch))
        except StartupError as exc:
            _stderr(str(exc))
            return 1
        from cgt_desktop.ui.common.i18n import Translations
        from cgt_desktop.ui.shell.main_window import MainWindow

        translations = Translations(app)
        translations.apply(getattr(args, "lang", None) or "en")
        user.set_setting("ui.language", translations.language)
        window = None
        try:
            window = MainWindow(store, user, translations)
            window.resize(*size)
            painted: list[bool] = []
            window.first_painted.connect(lambda: painted.append(True))
            window.show()
            deadline = time.monotonic() + 30
            while not painted and time.monotonic() < deadline:  # as a user sees it: docks built, last page open
                app.processEvents()
            error = _render(window, view)
            if error == "__usage__":
                _stderr(f"unknown view {view!r}")
                return 2
            if error:
                _stderr(error)
                return 1
            for _ in range(3):
                app.processEvents()
            if window.search.popup_visible():
                window.search.place_popup()
            app.processEvents()
            try:
                with atomic_output(output, Home(resolve_home(getattr(args, "home", None))).pending_dir) as tmp:
                    if not window.grab().save(str(tmp), "PNG"):
                        raise OSError(f"cannot write {output}")
            except OSError as exc:
                _stderr(str(exc) if not exc.strerror else f"cannot write {output}: {exc.strerror}")
                return 1
        finally:
            if window is not None:
                window.close()
                window.deleteLater()
            translations.apply("en")
            store.close()
            user.close()
    print(output)
    return 0
