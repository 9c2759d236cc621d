"""Full disks and read-only places: a clear message, committed work kept, no partial file left behind.

As root (this machine, CI containers) the tests use real file systems: a 1 MB tmpfs that fills up,
and the same tmpfs remounted read-only (root ignores chmod, so a mount is the only honest read-only
folder). Without permission to mount they fall back to simulating ENOSPC/EROFS.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from cgt_desktop.core.userdata.backup import BackupError, make_backup
from cgt_desktop.core.userdata.userdb import UserDataError, UserStore

TARGET = "person/qian-qijun"


def _can_mount() -> bool:
    import tempfile

    with tempfile.TemporaryDirectory() as point:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", point], capture_output=True).returncode:
            return False
        subprocess.run(["umount", point], capture_output=True)
        return True


CAN_MOUNT = _can_mount()


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs, or ``None`` when this process may not mount one."""
    point = tmp_path / "small"
    point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(point)],
                             capture_output=True).returncode == 0
    yield point if mounted else None
    if mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=True)


def fill(folder: Path) -> Path:
    """Fill *folder*'s file system to the last byte; return the filler file (delete it to free space)."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def remount_read_only(point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(point)], capture_output=True, check=True)


class _FullDiskConnection:
    """A connection whose writes fail like SQLite's on a full disk (used when no tmpfs can be mounted)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def _notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in conn.execute("SELECT body FROM notes ORDER BY id")]
    finally:
        conn.close()


def test_a_note_on_a_full_disk_gives_a_clear_message_and_keeps_committed_notes(small_disk, tmp_path):
    folder = small_disk or tmp_path
    user = UserStore(folder / "user.sqlite")
    user.add_note(TARGET, "committed before the disk filled up")
    try:
        if small_disk is not None:
            filler = fill(small_disk)
        else:
            real = user.db.conn
            user.db.conn = _FullDiskConnection(real)
        with pytest.raises(UserDataError) as info:
            for n in range(200):  # the WAL may hold a page or two: the disk is full within a few notes
                user.add_note(TARGET, f"note {n} " + "x" * 4000)
        assert "full" in str(info.value) and "intact" in str(info.value)
        if small_disk is not None:
            filler.unlink()
        else:
            user.db.conn = real
        user.add_note(TARGET, "saved once there is room again")
    finally:
        user.close()
    notes = _notes(folder / "user.sqlite")
    assert notes[0] == "committed before the disk filled up"
    assert notes[-1] == "saved once there is room again"


def test_a_pdf_into_a_read_only_folder_fails_cleanly(qapp, store, small_disk, tmp_path, monkeypatch):
    from cgt_desktop.core.export.dossier import build_dossier
    from cgt_desktop.ui.pdf import export as pdf_export

    folder = small_disk or tmp_path / "ro"
    folder.mkdir(exist_ok=True)
    (folder / "earlier.pdf").write_bytes(b"%PDF earlier")
    if small_disk is not None:
        remount_read_only(small_disk)
    else:
        real_open = os.open

        def read_only(path, *args, **kwargs):
            if str(path).startswith(str(folder)):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(pdf_export.os, "open", read_only)
    with pytest.raises(pdf_export.ExportError) as info:
        pdf_export.export_pdf(build_dossier([TARGET], store), folder / "earlier.pdf")
    assert f"cannot write to {folder}: Read-only file system" == str(info.value)
    assert sorted(p.name for p in folder.iterdir()) == ["earlier.pdf"]
    assert (folder / "earlier.pdf").read_bytes() == b"%PDF earlier"


def test_a_pdf_onto_a_full_disk_leaves_no_partial_file(qapp, store, small_disk, tmp_path, monkeypatch):
    from cgt_desktop.core.export.dossier import build_dossier
    from cgt_desktop.ui.pdf import export as pdf_export

    folder = small_disk or tmp_path
    (folder / "earlier.pdf").write_bytes(b"%PDF earlier")
    dossier = build_dossier([TARGET, "place/zhangjiang", "technology/car-t"], store)
    if small_disk is not None:
        filler = fill(small_disk)
        filler.write_bytes(b"\0" * (os.path.getsize(filler) - 64 * 1024))  # room for the start, not the PDF
    else:
        def full(*args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(pdf_export, "_finish_pdf", full)
    with pytest.raises(pdf_export.ExportError) as info:
        pdf_export.export_pdf(dossier, folder / "earlier.pdf")
    message = str(info.value)
    assert message.startswith("cannot write") and ("No space left" in message or "Qt could not write" in message)
    assert sorted(p.name for p in folder.iterdir()) == sorted(["earlier.pdf", *(["filler"] if small_disk else [])])
    assert (folder / "earlier.pdf").read_bytes() == b"%PDF earlier", "the earlier file is untouched"


def test_a_pdf_whose_final_rename_fails_leaves_nothing(qapp, store, tmp_path, monkeypatch):
    """The rename into place is the last step: ENOSPC there (e.g. a quota) must not leave the temp file."""
    from cgt_desktop.core.export.dossier import build_dossier
    from cgt_desktop.ui.pdf import export as pdf_export

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf_export.os, "replace", full)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(pdf_export.ExportError, match=r"cannot write .*x\.pdf: No space left on device"):
        pdf_export.export_pdf(build_dossier([TARGET], store), out / "x.pdf")
    assert list(out.iterdir()) == []


def test_a_backup_into_a_read_only_folder_fails_cleanly(home, small_disk, tmp_path, monkeypatch):
    user = UserStore(home.user_db)
    user.add_note(TARGET, "keep me")
    user.close()
    folder = small_disk or tmp_path / "ro-backups"
    folder.mkdir(exist_ok=True)
    if small_disk is not None:
        remount_read_only(small_disk)
    else:
        from cgt_desktop.core.userdata import backup as backup_mod

        real_connect = sqlite3.connect

        def read_only(path, *args, **kwargs):
            if str(path).startswith(str(folder)):
                raise sqlite3.OperationalError("attempt to write a readonly database")
            return real_connect(path, *args, **kwargs)

        monkeypatch.setattr(backup_mod.sqlite3, "connect", read_only)
    with pytest.raises(BackupError, match=f"could not write a backup to {folder}"):
        make_backup(home.user_db, folder)
    assert list(folder.iterdir()) == []
    assert _notes(home.user_db) == ["keep me"]


def test_a_backup_onto_a_full_disk_leaves_no_half_written_backup(home, small_disk, tmp_path):
    user = UserStore(home.user_db)
    for n in range(40):
        user.add_note(TARGET, f"note {n} " + "y" * 2000)  # ~100 kB: more than the room left
    user.close()
    folder = small_disk or tmp_path / "b"
    if small_disk is None:  # without a mount the simulated case is test_backup.py's
        return
    filler = fill(folder)
    filler.write_bytes(b"\0" * (os.path.getsize(filler) - 16 * 1024))
    with pytest.raises(BackupError, match="could not write a backup"):
        make_backup(home.user_db, folder / "backups")
    assert [p.name for p in (folder / "backups").iterdir()] == []
    assert len(_notes(home.user_db)) == 40
