"""Killed processes leave nothing behind for long, and damaged user data is recovered from a command too.

A child process runs the real command and is killed with SIGKILL at the worst moment: just as it
would rename its finished temporary file into place (``os.replace`` is patched to kill the process).
The next start, any command, must remove what it left, and nothing else.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cgt_desktop.cli.main import main
from cgt_desktop.core.userdata.backup import make_backup
from cgt_desktop.core.system.homelock import HomeLock
from cgt_desktop.core.system.outputs import TEMP_PATTERN, sweep_debris
from cgt_desktop.core.userdata.userdb import MIGRATIONS, UserStore

SRC = Path(__file__).resolve().parents[2] / "src"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")


def _killed_at_rename(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the CLI with *argv* in a child that SIGKILLs itself when it first renames a temporary file."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        real = os.replace
        def replace(src, dst, *a, **k):
            if ".cgt-tmp" in os.fspath(src):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst, *a, **k)
        os.replace = replace
        from cgt_desktop.cli.main import main
        sys.exit(main({argv!r}))
    """)
    env = dict(os.environ, PYTHONPATH=str(SRC), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def _ours(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_PATTERN.match(p.name))


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_a_build_killed_before_its_rename_leaves_nothing_after_the_next_start(home, corpus_dir, tmp_path, capsys):
    args = ["--home", str(home.root), "--corpus", str(corpus_dir)]
    done = _killed_at_rename([*args, "build-db"], tmp_path)
    assert done.returncode == -9
    left = _ours(home.cache_dir)
    assert left and all(".reference.sqlite." in name for name in left)
    assert main([*args, "search", "张江"]) == 0  # the next start: sweeps, then builds
    assert "Zhangjiang" in capsys.readouterr().out
    assert _ours(home.cache_dir) == []


def test_a_backup_killed_before_its_rename_leaves_nothing(home, tmp_path):
    user = UserStore(home.user_db)
    user.add_note("place/zhangjiang", "mine")
    user.close()
    done = _killed_at_rename(["--home", str(home.root), "backup"], tmp_path)
    assert done.returncode == -9 and _ours(home.backups_dir)
    assert main(["--home", str(home.root), "notes", "list"]) == 0
    assert _ours(home.backups_dir) == [] and list(home.backups_dir.iterdir()) == []


def test_an_export_killed_before_its_rename_leaves_nothing_beside_its_target(home, corpus_dir, tmp_path):
    args = ["--home", str(home.root), "--corpus", str(corpus_dir)]
    assert main([*args, "build-db"]) == 0
    out = tmp_path / "elsewhere"
    out.mkdir()
    (out / "someone-else's.txt").write_text("not ours")
    (out / ".hidden.1.deadbeef.tmp").write_text("not ours either: another program's pattern")
    done = _killed_at_rename([*args, "export-pdf", "place/zhangjiang", "-o", str(out / "z.pdf")], tmp_path)
    assert done.returncode == -9, done.stderr
    assert _ours(out), "the kill came after the temporary files were made"
    assert main([*args, "notes", "list"]) == 0  # a start in the same home
    assert sorted(p.name for p in out.iterdir()) == [".hidden.1.deadbeef.tmp", "someone-else's.txt"]
    assert list(home.pending_dir.iterdir()) == []


def test_the_sweep_spares_live_processes_and_files_not_ours(tmp_path):
    mine = tmp_path / f".x.pdf.{os.getpid()}.0123abcd.cgt-tmp"
    dead = tmp_path / ".x.pdf.999999999.0123abcd.cgt-tmp"
    old_live = tmp_path / f".y.pdf.{os.getppid()}.0123abcd.cgt-tmp"
    other = tmp_path / ".x.pdf.999999999.tmp"
    for path in (mine, dead, old_live, other):
        path.write_text("x")
    os.utime(old_live, (time.time() - 2 * 86400,) * 2)
    removed = sweep_debris([tmp_path])
    assert sorted(p.name for p in removed) == sorted([dead.name, old_live.name])
    assert mine.exists() and other.exists()


# -- damaged user data met by a command ---------------------------------------------------------

def _note_then_backup_then_damage(home) -> None:
    user = UserStore(home.user_db)
    user.add_note("place/zhangjiang", "saved before the damage")
    user.close()
    make_backup(home.user_db, home.backups_dir)
    home.user_db.write_bytes(b"\x00garbage" * 4096)


def test_a_command_recovers_damaged_user_data_as_the_app_does(home, capsys):
    _note_then_backup_then_damage(home)
    assert main(["--home", str(home.root), "notes", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "saved before the damage" in out
    assert "damaged" in err and "Restored the newest good backup" in err
    assert list(home.root.glob("user.sqlite.*.damaged"))


def test_a_command_leaves_damaged_data_to_the_open_app_and_says_how(home, capsys):
    _note_then_backup_then_damage(home)
    lock = HomeLock(home.root)
    assert lock.acquire()
    try:
        assert main(["--home", str(home.root), "notes", "add", "place/zhangjiang", "--text", "x"]) == 1
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert "damaged" in err and "Quit the app" in err and "Traceback" not in err
    assert home.user_db.read_bytes().startswith(b"\x00garbage")  # untouched while the app holds the home


def test_a_backup_from_a_newer_version_is_skipped_with_a_reason(home, capsys):
    _note_then_backup_then_damage(home)
    newer = home.backups_dir / "user-29991231-235959.sqlite"
    with sqlite3.connect(newer) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    assert main(["--home", str(home.root), "notes", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "saved before the damage" in out
    assert f"Skipped the backup {newer.name}: it was written by a newer cgt-desktop" in err
    assert newer.exists()


def test_restoring_a_backup_from_a_newer_version_by_hand_is_refused_and_changes_nothing(home, capsys):
    user = UserStore(home.user_db)
    user.add_note("place/zhangjiang", "current")
    user.close()
    newer = home.backups_dir / "user-29991231-235959.sqlite"
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = home.user_db.read_bytes()
    assert main(["--home", str(home.root), "restore"]) == 1
    err = capsys.readouterr().err
    assert "newer cgt-desktop" in err and "nothing was changed" in err
    assert home.user_db.read_bytes() == before and not list(home.root.glob("*.before-restore"))
