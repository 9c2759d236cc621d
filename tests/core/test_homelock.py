"""The home lock: one app per home, freed by the operating system however the owner ends."""

from __future__ import annotations

import errno
import subprocess
import sys
import textwrap

import pytest

from cgt_desktop.core.system import homelock
from cgt_desktop.core.system.homelock import HomeLock

HOLDER = textwrap.dedent("""
    import sys, time
    from cgt_desktop.core.system.homelock import HomeLock
    lock = HomeLock(sys.argv[1])
    print(lock.acquire(), flush=True)
    time.sleep(60)
""")


def test_a_second_claim_on_the_same_home_is_refused_until_the_first_lets_go(tmp_path):
    first, second = HomeLock(tmp_path / "home"), HomeLock(tmp_path / "home")
    assert first.acquire() is True and first.held
    assert first.acquire() is True, "claiming again what this process holds is fine"
    assert second.acquire() is False and not second.held
    assert HomeLock(tmp_path / "other").acquire() is True, "another home is free"
    first.release()
    assert not first.held
    assert second.acquire() is True
    second.release()


def test_a_killed_owner_frees_the_home(tmp_path):
    home = tmp_path / "home"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(home)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        assert HomeLock(home).acquire() is False, "another process owns the home"
    finally:
        holder.kill()
        holder.wait()
    assert HomeLock(home).acquire() is True, "a crash (SIGKILL) leaves no claim behind"


def test_a_home_that_cannot_hold_the_lock_file_raises_with_the_path(tmp_path):
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home folder should be")
    with pytest.raises(OSError):
        HomeLock(blocker).acquire()


def test_a_file_system_that_cannot_lock_answers_unknown(tmp_path, monkeypatch):
    def no_locks(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(homelock, "_lock", no_locks)
    lock = HomeLock(tmp_path / "home")
    assert lock.acquire() is None and not lock.held
