"""Backups are consistent and checked; a damaged user database is kept aside and recovered."""

from __future__ import annotations

import errno
import json
import sqlite3
import time

import pytest

from cgt_desktop.cli.main import main
from cgt_desktop.core.userdata import backup as backup_mod
from cgt_desktop.core.userdata.backup import BackupError, list_backups, make_backup, open_user_data, restore, rotate
from cgt_desktop.core.userdata.userdb import UserStore


def _notes(path):
    return [n.body for n in UserStore(path).notes()]


def test_backup_is_a_checked_consistent_copy_taken_while_the_database_is_open(home):
    store = UserStore(home.user_db)
    for i in range(50):
        store.add_note("place/zhangjiang", f"note {i}")
    path = make_backup(home.user_db, home.backups_dir)  # store still open, WAL not checkpointed
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 50
    assert list_backups(home.backups_dir) == [path]
    assert not list(home.backups_dir.glob(".*tmp"))


def test_a_full_disk_during_backup_leaves_no_partial_file(home, monkeypatch):
    UserStore(home.user_db).add_note("place/zhangjiang", "keep me")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_mod.os, "replace", full)
    with pytest.raises(BackupError, match="No space left"):
        make_backup(home.user_db, home.backups_dir)
    assert list(home.backups_dir.iterdir()) == []
    assert _notes(home.user_db) == ["keep me"]


def test_rotation_keeps_recent_daily_weekly_and_monthly_backups(home):
    UserStore(home.user_db).add_note("place/zhangjiang", "x")
    day = 86400
    start = time.mktime((2025, 1, 1, 12, 0, 0, 0, 0, -1))
    made = [make_backup(home.user_db, home.backups_dir, now=start + i * day) for i in range(120)]
    removed = rotate(home.backups_dir)
    kept = list_backups(home.backups_dir)
    assert removed and set(kept).isdisjoint(removed)
    assert made[-1] in kept and made[30] in kept  # the newest, and the newest of the oldest month (31 Jan)
    assert len(kept) <= backup_mod.KEEP_RECENT + backup_mod.KEEP_DAILY + backup_mod.KEEP_WEEKLY + backup_mod.KEEP_MONTHLY
    months = {p.name[5:11] for p in kept}
    assert len(months) == 4  # Jan..Apr 2025


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_damaged_user_database_is_kept_aside_and_newest_backup_restored(home, damage):
    store = UserStore(home.user_db)
    store.add_note("place/zhangjiang", "before backup")
    store.close()
    make_backup(home.user_db, home.backups_dir)
    data = home.user_db.read_bytes()
    if damage == "garbage":
        home.user_db.write_bytes(b"\x00garbage" * 4096)
    else:
        home.user_db.write_bytes(data[: len(data) // 3])
    result = open_user_data(home.user_db, home.backups_dir)
    assert result.restored_from is not None
    assert result.damaged_copy is not None and result.damaged_copy.exists()
    assert result.damaged_copy.name.endswith(".damaged")
    assert any("Restored the newest good backup, from" in m for m in result.messages)
    assert [n.body for n in result.store.notes()] == ["before backup"]


def test_damaged_user_database_without_backup_starts_empty_with_a_warning(home):
    home.user_db.write_bytes(b"not sqlite at all" * 1000)
    result = open_user_data(home.user_db, home.backups_dir)
    assert result.damaged_copy.read_bytes().startswith(b"not sqlite")
    assert any("No backup was available" in m for m in result.messages)
    assert result.store.notes() == []


def test_restore_keeps_the_current_file_and_refuses_a_bad_backup(home, tmp_path):
    store = UserStore(home.user_db)
    store.add_note("place/zhangjiang", "old")
    backup = make_backup(home.user_db, home.backups_dir)
    store.add_note("place/zhangjiang", "new")
    store.close()
    kept = restore(backup, home.user_db)
    assert _notes(home.user_db) == ["old"]
    assert sorted(n.body for n in UserStore(kept).notes()) == ["new", "old"]
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"junk" * 100)
    before = home.user_db.read_bytes()
    with pytest.raises(BackupError, match="not a usable backup"):
        restore(bad, home.user_db)
    assert home.user_db.read_bytes() == before


def test_backup_and_restore_commands(home, capsys):
    UserStore(home.user_db).add_note("place/zhangjiang", "cli")
    assert main(["--home", str(home.root), "backup", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)["backup"]
    assert main(["--home", str(home.root), "restore", "--list"]) == 0
    assert made in capsys.readouterr().out
    assert main(["--home", str(home.root), "restore"]) == 0
    assert "Restored" in capsys.readouterr().out
    assert main(["--home", str(home.root), "restore", str(home.root / "nope.sqlite")]) == 1
    assert "no such backup" in capsys.readouterr().err
