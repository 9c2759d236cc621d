"""The command line as a hostile user meets it: stray bytes, odd output paths, huge numbers, a broken home.

Every case must end in one clear line on stderr and exit 1 or 2: never a traceback, never the
last-resort "unexpected error" line (which would mean a case nobody handled).
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cgt_desktop.cli.main import main


@pytest.fixture
def cli(home, corpus_dir, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a stray relative path lands in tmp_path, never in the checkout

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--home", str(home.root), "--corpus", str(corpus_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _one_clean_line(code: int, err: str, expected: tuple[int, ...] = (1, 2)) -> None:
    assert code in expected, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("cgt-desktop: ")


BAD = os.fsdecode(b"a\xff\xfe")  # what Python makes of bytes that are not UTF-8 in argv


@pytest.mark.parametrize("args", [
    ("show", BAD),
    ("search", BAD),
    ("notes", "add", "person/qian-qijun", "--text", BAD),
    ("notes", "add", "person/qian-qijun", "--text", "ok", "--tag", BAD),
    ("notes", "list", "--tag", BAD),
    ("export-pdf", "person/qian-qijun", "--title", BAD, "-o", "x.pdf"),
    ("export-pdf", BAD, "-o", "x.pdf"),
    ("screenshot", BAD, "-o", "x.png"),
    ("notes", "export", BAD),
])
def test_arguments_that_are_not_text_give_one_line(cli, args):
    code, _, err = cli(*args)
    _one_clean_line(code, err, (2,))
    assert "not valid UTF-8" in err


@pytest.mark.parametrize("target", ["", ".", "/", "./", "a" * 300 + ".pdf", "no/such/folder/x.pdf"])
@pytest.mark.parametrize("command", [("notes", "export"), ("export-pdf", "person/qian-qijun", "-o")])
def test_output_paths_that_cannot_be_written_give_one_line(cli, command, target):
    code, _, err = cli(*command, target)
    _one_clean_line(code, err)
    assert "cannot write" in err or "no output file" in err


def test_a_huge_limit_is_a_usage_error(cli):
    code, _, err = cli("search", "x", "--limit", "9223372036854775808")
    _one_clean_line(code, err, (2,))
    assert "--limit" in err


@pytest.mark.parametrize("command", [("notes", "export"), ("export-pdf", "person/qian-qijun", "-o"),
                                     ("screenshot", "people", "-o")])
def test_an_output_path_that_is_a_link_is_refused_and_its_target_untouched(cli, tmp_path, command):
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.pdf"
    link.symlink_to(victim)
    code, _, err = cli(*command, str(link))
    _one_clean_line(code, err)
    assert "symbolic link" in err
    assert victim.read_text() == "keep me" and link.is_symlink()


@pytest.mark.parametrize("command", [("notes", "export"), ("export-pdf", "person/qian-qijun", "-o"),
                                     ("screenshot", "people", "-o")])
def test_an_output_path_that_is_a_device_or_folder_is_refused(cli, tmp_path, command):
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    for target, reason in (("/dev/null", "not a regular file"), (str(folder), "folder")):
        code, _, err = cli(*command, target)
        _one_clean_line(code, err)
        assert reason in err
    assert folder.is_dir() and not any(folder.iterdir())


SUBCOMMANDS = [["search"], ["show"], ["timeline"], ["check"], ["notes", "list"], ["notes", "add"],
               ["notes", "export"], ["notes", "import"], ["export-pdf"], ["restore"], ["build-db"], ["backup"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(SUBCOMMANDS), raw=st.lists(st.binary(max_size=24), max_size=4))
def test_arbitrary_bytes_as_arguments_never_give_a_traceback(cli, command, raw):
    words = [os.fsdecode(b.replace(b"\0", b"")) for b in raw]  # argv can hold any byte but NUL
    code, _, err = cli(*command, *words)
    assert code in (0, 1, 2), err
    assert "Traceback" not in err and "unexpected error" not in err, err


# -- a reference database that is not what it should be ------------------------------------------------

def test_a_reference_database_without_a_table_is_rebuilt(cli, home):
    assert cli("search", "张江")[0] == 0
    with sqlite3.connect(home.reference_db) as conn:
        conn.execute("DROP VIEW people")
        conn.execute("DROP TABLE entities")
    assert sqlite3.connect(home.reference_db).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    code, out, err = cli("search", "张江")
    assert code == 0 and "Zhangjiang" in out, err
    code, out, err = cli("notes", "add", "place/zhangjiang", "--text", "still works")
    assert code == 0, err


def test_a_reference_database_missing_rows_is_rebuilt(cli, home):
    assert cli("search", "张江")[0] == 0
    with sqlite3.connect(home.reference_db) as conn:
        conn.execute("DELETE FROM entities WHERE kind = 'place'")
    code, out, err = cli("show", "place/zhangjiang")
    assert code == 0 and "Zhangjiang" in out, err


@pytest.mark.parametrize("args", [("search", "张江"), ("show", "place/zhangjiang"), ("timeline",),
                                  ("notes", "add", "place/zhangjiang", "--text", "x"), ("build-db",),
                                  ("export-pdf", "place/zhangjiang", "-o", "x.pdf")])
def test_a_folder_in_place_of_the_reference_database_is_named(cli, home, args):
    shutil.rmtree(home.cache_dir)
    home.reference_db.mkdir(parents=True)
    (home.reference_db / "someone's file").write_text("not ours")
    code, _, err = cli(*args)
    _one_clean_line(code, err, (1,))
    assert "is a folder" in err and str(home.reference_db) in err
    assert (home.reference_db / "someone's file").read_text() == "not ours"


def test_the_app_names_a_folder_in_place_of_the_reference_database(home, corpus_dir):
    from cgt_desktop.core.startup import StartupError, open_reference

    home.reference_db.mkdir()
    with pytest.raises(StartupError, match="is a folder"):
        open_reference(home, corpus_dir)
    assert home.reference_db.is_dir()
