"""Two or three processes adding notes to one home through the CLI at once: no corruption, no 'locked'."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

WRITERS = 3
NOTES_EACH = 30
TARGET = "person/qian-qijun"

WRITER = textwrap.dedent("""
    import io, json, sys, contextlib
    from cgt_desktop.cli.main import main

    home, corpus, writer, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    failures = []
    for n in range(count):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--home", home, "--corpus", corpus, "notes", "add", "%s",
                         "--text", f"writer {writer} note {n}", "--tag", f"w{writer}", "--json"])
        if code != 0:
            failures.append(err.getvalue())
    print(json.dumps(failures))
""" % TARGET)


def test_parallel_cli_writers_never_corrupt_the_home_or_fail_with_locked(tmp_path, corpus_dir):
    home = tmp_path / "home"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(home), str(corpus_dir), str(w), str(NOTES_EACH)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(WRITERS)]
    results = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, results):
        assert proc.returncode == 0, err
        failures = json.loads(out.strip().splitlines()[-1])
        assert failures == [], failures
        assert "locked" not in err and "Traceback" not in err

    conn = sqlite3.connect(home / "user.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bodies = {row[0] for row in conn.execute("SELECT body FROM notes WHERE target_id = ?", [TARGET])}
    finally:
        conn.close()
    expected = {f"writer {w} note {n}" for w in range(WRITERS) for n in range(NOTES_EACH)}
    assert bodies == expected, f"missing: {sorted(expected - bodies)[:5]}"

    listed = subprocess.run([sys.executable, "-m", "cgt_desktop", "--home", str(home), "--corpus", str(corpus_dir),
                             "notes", "list", "--tag", "w1", "--json"], capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == WRITERS * NOTES_EACH, "the tag is on the item, which has every note"


def test_parallel_cgt_desktop_commands_each_a_process_of_its_own(tmp_path, corpus_dir):
    """The literal command, one process per note, two shells in parallel (a user's scripts).

    The home is created first (one `notes list`): two *first* starts racing on a fresh home are
    the next test's subject.
    """
    home = tmp_path / "home"
    count = 5
    first = subprocess.run([sys.executable, "-m", "cgt_desktop", "--home", str(home), "--corpus", str(corpus_dir),
                            "notes", "list"], capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    script = ('for n in $(seq 1 %d); do "$0" -m cgt_desktop --home "$1" --corpus "$2" notes add %s '
              '--text "shell $3 note $n" || echo "FAILED $n" >&2; done' % (count, TARGET))
    shells = [subprocess.Popen(["bash", "-c", script, sys.executable, str(home), str(corpus_dir), str(s)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for s in range(2)]
    for shell in shells:
        out, err = shell.communicate(timeout=240)
        assert shell.returncode == 0 and err == "", err
        assert out.count("Added note") == count
    conn = sqlite3.connect(home / "user.sqlite")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 2 * count
    finally:
        conn.close()


def test_two_first_starts_racing_on_a_fresh_home_both_open_it(tmp_path, monkeypatch):
    """The interleaving seen with parallel `cgt-desktop notes add` on a new home, made deterministic:
    the second process read user_version 0 just before the first committed its migrations."""
    from cgt_desktop.core.userdata.userdb import UserStore

    path = tmp_path / "user.sqlite"
    first = UserStore(path)
    real = UserStore.schema_version
    calls = {"n": 0}

    def stale_then_real(self):
        calls["n"] += 1
        return 0 if calls["n"] == 1 else real(self)

    monkeypatch.setattr(UserStore, "schema_version", stale_then_real)
    second = UserStore(path)  # must not raise
    monkeypatch.undo()
    try:
        second.add_note(TARGET, "after the race")
        assert [n.body for n in first.notes(TARGET)] == ["after the race"]
    finally:
        first.close()
        second.close()
