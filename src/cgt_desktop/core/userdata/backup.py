"""Backups of the user database, and recovery from a damaged one.

A backup is a consistent copy made with SQLite's online backup API (safe while
the app writes), written to a temporary file, opened and checked with
``PRAGMA integrity_check``, and only then renamed to its final name, so a full
disk or a crash never leaves a half-written backup that looks good. Backups are
rotated Zotero/Anki-style: the newest few, then one per day, week and month.

At open, :func:`open_user_data` checks the user database. A damaged file is
never deleted: it is kept aside as ``user.sqlite.<time>.damaged`` and the
newest good backup is restored; with no backup, a fresh empty database is
created and the caller is told so.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cgt_desktop.core.system.outputs import atomic_output, create_temp, remove_temp
from cgt_desktop.core.userdata.userdb import MIGRATIONS, UserDataError, UserStore

PREFIX = "user-"
SUFFIX = ".sqlite"
KEEP_RECENT = 5
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


class BackupError(Exception):
    """A backup or restore could not be made; nothing was changed."""


@dataclass
class OpenResult:
    """The user store that was opened, and what happened on the way (messages for the user)."""

    store: UserStore
    messages: list[str] = field(default_factory=list)
    restored_from: Path | None = None
    damaged_copy: Path | None = None


def _stamp(now: float | None = None) -> str:
    return datetime.fromtimestamp(now if now is not None else time.time()).strftime("%Y%m%d-%H%M%S")


def _check(path: Path) -> str:
    """Return ``ok`` if *path* is a healthy SQLite database, else the reason."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(r[0] for r in rows)
    return "ok" if result == "ok" else result


def _schema_version(path: Path) -> int:
    """The user-data schema version (``PRAGMA user_version``) a healthy database file records."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def list_backups(backups_dir: Path) -> list[Path]:
    """Return the finished backups, newest first."""
    folder = Path(backups_dir)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if not p.name.startswith(".")), reverse=True)


def backup_time(backup: Path) -> datetime | None:
    """When *backup* was made, read from its name (``user-20261207-083559.sqlite``); None if unreadable."""
    stamp = Path(backup).name.removeprefix(PREFIX).removesuffix(SUFFIX)[:15]
    try:
        return datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def make_backup(user_db: Path, backups_dir: Path, now: float | None = None) -> Path:
    """Write a checked, consistent copy of *user_db* into *backups_dir*; return its path.

    Raises:
        BackupError: the copy could not be written or did not check out (nothing is left behind).
    """
    backups_dir = Path(backups_dir)
    target = backups_dir / f"{PREFIX}{_stamp(now)}{SUFFIX}"
    n = 1
    while target.exists():
        target = backups_dir / f"{PREFIX}{_stamp(now)}-{n}{SUFFIX}"
        n += 1
    tmp: Path | None = None
    try:
        backups_dir.mkdir(parents=True, exist_ok=True)
        tmp = create_temp(target)
        source = sqlite3.connect(f"file:{user_db}?mode=ro", uri=True, timeout=10)
        try:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                dest.close()
        finally:
            source.close()
        verdict = _check(tmp)
        if verdict != "ok":
            raise BackupError(f"the backup did not check out ({verdict}); your data is unchanged")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"could not write a backup to {backups_dir}: {exc}") from exc
    finally:
        if tmp is not None:
            remove_temp(tmp)  # with its -journal: a full disk or a read-only folder leaves nothing
    return target


def rotate(backups_dir: Path, now: float | None = None) -> list[Path]:
    """Delete backups beyond the rotation (recent, daily, weekly, monthly); return those deleted."""
    keep: set[Path] = set()
    seen_day: set[str] = set()
    seen_week: set[str] = set()
    seen_month: set[str] = set()
    backups = list_backups(backups_dir)
    keep.update(backups[:KEEP_RECENT])
    for path in backups:
        stamp = path.name[len(PREFIX):len(PREFIX) + 15]
        try:
            when = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
        except ValueError:
            keep.add(path)  # not ours to judge
            continue
        day, week, month = when.strftime("%Y%m%d"), when.strftime("%G-W%V"), when.strftime("%Y%m")
        if day not in seen_day and len(seen_day) < KEEP_DAILY:
            seen_day.add(day)
            keep.add(path)
        if week not in seen_week and len(seen_week) < KEEP_WEEKLY:
            seen_week.add(week)
            keep.add(path)
        if month not in seen_month and len(seen_month) < KEEP_MONTHLY:
            seen_month.add(month)
            keep.add(path)
    removed = [p for p in backups if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(backup: Path, user_db: Path) -> Path | None:
    """Replace *user_db* by *backup*; the current file is kept aside first. Return where it went.

    Raises:
        BackupError: the backup is not a healthy database (nothing is changed).
    """
    backup, user_db = Path(backup), Path(user_db)
    verdict = _check(backup)
    if verdict != "ok":
        raise BackupError(f"{backup} is not a usable backup ({verdict}); nothing was changed")
    version = _schema_version(backup)
    if version > len(MIGRATIONS):
        raise BackupError(f"{backup} was written by a newer cgt-desktop (user data schema {version}; this one "
                          f"reads up to {len(MIGRATIONS)}); nothing was changed. Upgrade cgt-desktop to restore it, "
                          "or name an older backup (cgt-desktop restore --list)")
    kept = None
    if user_db.exists():
        kept = user_db.with_name(f"{user_db.name}.{_stamp()}.before-restore")
        _move_aside(user_db, kept)
    try:
        with atomic_output(user_db) as tmp:
            shutil.copyfile(backup, tmp)
    except OSError as exc:
        if kept is not None and not user_db.exists():
            _move_aside(kept, user_db)
        raise BackupError(f"could not restore {backup}: {exc}") from exc
    return kept


def _move_aside(path: Path, target: Path) -> None:
    """Move a database and its WAL/SHM companions together."""
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))


def damaged_reason(user_db: Path) -> str | None:
    """Why the user database at *user_db* is damaged, or ``None`` if it is healthy or does not exist yet."""
    if not Path(user_db).exists():
        return None
    verdict = _check(Path(user_db))
    return None if verdict == "ok" else verdict


def open_user_data(user_db: Path, backups_dir: Path) -> OpenResult:
    """Open the user database, recovering from damage; never lose a file.

    Raises:
        UserDataError: the home cannot be written at all, or the file is from a newer version.
    """
    user_db = Path(user_db)
    if damaged_reason(user_db) is None:
        return OpenResult(UserStore(user_db))
    damaged = user_db.with_name(f"{user_db.name}.{_stamp()}.damaged")
    try:
        _move_aside(user_db, damaged)
    except OSError as exc:
        raise UserDataError(f"your user data at {user_db} is damaged and cannot be moved aside: {exc}") from exc
    messages = [f"Your user data was damaged; the damaged file was kept as {damaged.name}."]
    for backup in list_backups(backups_dir):
        if _check(backup) != "ok":
            messages.append(f"Skipped the backup {backup.name}: it is damaged too.")
            continue
        version = _schema_version(backup)
        if version > len(MIGRATIONS):
            messages.append(f"Skipped the backup {backup.name}: it was written by a newer cgt-desktop (user data "
                            f"schema {version}; this one reads up to {len(MIGRATIONS)}).")
            continue
        try:
            restore(backup, user_db)
        except BackupError:
            continue
        when = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        messages.append(f"Restored the newest good backup, from {when} ({backup.name}). "
                        "Changes made after that time are in the damaged copy.")
        return OpenResult(UserStore(user_db), messages, restored_from=backup, damaged_copy=damaged)
    messages.append(("No usable backup was available" if len(messages) > 1 else "No backup was available")
                    + ": started with empty user data.")
    return OpenResult(UserStore(user_db), messages, damaged_copy=damaged)
