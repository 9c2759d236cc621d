"""The start-up path shared by the app and every command: the home, the reference database, the user data.

The app (:func:`cgt_desktop.ui.shell.app.open_data`) and the command line (:mod:`cgt_desktop.cli.main`) open a home
the same way, so a problem gets the same clear message and the same recovery wherever it is met:

* :func:`prepare_home` creates the home's folders and sweeps what killed processes left behind
  (:func:`~cgt_desktop.core.system.outputs.sweep_debris`);
* :func:`open_reference` refuses a reference database path that is in the way (a folder, a device),
  rebuilds a missing, damaged or misshapen database, and opens it;
* :func:`open_user` opens the user database, keeping a damaged file aside and restoring the newest
  usable backup (:func:`~cgt_desktop.core.userdata.backup.open_user_data`); a command does that only while no
  app holds the home, and otherwise says how the app or ``cgt-desktop restore`` recovers it.

Every failure is a :class:`StartupError` with one message for the user.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from cgt_desktop.core.system.paths import HOME_ENV, Home, resolve_home

if TYPE_CHECKING:
    from cgt_desktop.core.userdata.backup import OpenResult
    from cgt_desktop.core.catalog.store import Catalog


class StartupError(Exception):
    """Something the user must fix before the app or a command can go on; the message says what."""


def prepare_home(explicit: str | os.PathLike[str] | None = None) -> Home:
    """Resolve and create the home, and sweep the debris of killed processes from it.

    Raises:
        StartupError: the home cannot be created or written.
    """
    try:
        home = Home(resolve_home(explicit)).ensure()
    except OSError as exc:
        where = exc.filename or explicit or "the home folder"
        raise StartupError(f"cannot use the home folder {where}: {exc.strerror or exc}. Choose another with "
                           f"--home DIR or set {HOME_ENV}=DIR.") from exc
    from cgt_desktop.core.system.outputs import sweep_debris

    sweep_debris([home.root, home.cache_dir, home.backups_dir, home.exports_dir], home.pending_dir)
    return home


def reference_in_the_way(path: Path) -> str | None:
    """Why *path* cannot take the reference database (a folder, a link, a device is there), or ``None``."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"cannot read {path}: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        return f"{path} is a folder, where cgt-desktop keeps its reference database"
    if stat.S_ISLNK(st.st_mode):
        return f"{path} is a symbolic link, where cgt-desktop keeps its reference database"
    if not stat.S_ISREG(st.st_mode):
        return f"{path} is not a regular file, where cgt-desktop keeps its reference database"
    return None


def open_reference(home: Home, corpus: Path, on_rebuild: Callable[[], None] | None = None,
                   stamp: Callable[[], str] | None = None) -> Catalog:
    """Open the home's reference database, (re)building it from *corpus* when it is missing or not as built.

    Raises:
        StartupError: the database's place is taken by something else, or it cannot be built or opened.
    """
    from cgt_desktop.core.catalog.refresh import ensure_reference_db
    from cgt_desktop.core.catalog.store import Catalog, StoreError

    problem = reference_in_the_way(home.reference_db)
    if problem:
        raise StartupError(f"{problem}. Move it away or delete it (the database is rebuilt from the shipped "
                           "sources; your notes are not in it).")
    try:
        report = ensure_reference_db(corpus, home.reference_db, on_rebuild=on_rebuild, stamp=stamp)
        return Catalog(report.path)
    except (OSError, StoreError, ValueError, sqlite3.Error) as exc:
        raise StartupError(f"cannot prepare the reference database in {home.cache_dir}: {exc}. Delete "
                           f"{home.reference_db} to rebuild it.") from exc


def open_user(home: Home, user_db: Path | None = None, claim: bool = False) -> OpenResult:
    """Open the user database, recovering a damaged one from the newest usable backup.

    With *claim* (a command, not the app, which holds the home already), a damaged file is recovered
    only while no app holds the home; otherwise the message says how to recover it.

    Raises:
        StartupError: the data cannot be opened or recovered here and now (the message says why).
    """
    from cgt_desktop.core.userdata.backup import OpenResult, damaged_reason, open_user_data
    from cgt_desktop.core.userdata.userdb import UserDataError, UserStore

    path = Path(user_db) if user_db is not None else home.user_db
    lock = None
    if claim:
        if damaged_reason(path) is None:  # checked once: healthy, or not there yet
            try:
                return OpenResult(UserStore(path))
            except UserDataError as exc:
                raise StartupError(str(exc)) from exc
        from cgt_desktop.core.system.homelock import HomeLock

        lock = HomeLock(home.root)
        if lock.acquire() is False:
            raise StartupError(f"your user data at {path} is damaged, and an open cgt-desktop holds this home. "
                               "Quit the app and start it again: it keeps the damaged file aside and restores "
                               "your newest backup (or run 'cgt-desktop restore' once it is closed).")
    try:
        return open_user_data(path, home.backups_dir)
    except (UserDataError, OSError) as exc:
        raise StartupError(str(exc)) from exc
    finally:
        if lock is not None:
            lock.release()


def sync_user_items(catalog: Catalog, user: Any) -> str | None:
    """Bring the catalog's copy of the user's items up to date (:func:`~cgt_desktop.core.catalog.overlay.sync`).

    Returns a message for the user when something could not be shown (an item the catalog refused, a copy
    that could not be written), else ``None``. The user's items themselves are never changed here.
    """
    try:
        current = user.item_revision()
        if catalog.user_revision() == current or (not user.has_items() and not catalog.has_user_rows()):
            return None  # the start's usual case: read two values, write nothing
        from cgt_desktop.core.catalog import overlay
        from cgt_desktop.core.userdata.items import items

        report = overlay.sync(catalog.path, items(user), current)
    except sqlite3.Error as exc:
        return (f"your own items could not be added to the views ({exc}); they are safe in your user data, "
                "and the next start tries again")
    if report is None:
        return None
    catalog.data_changed()
    if report.refused:
        first, why = report.refused[0]
        more = f" and {len(report.refused) - 1} more" if len(report.refused) > 1 else ""
        return f"{first}{more} could not be shown ({why}); it is kept in your user data"
    return None
