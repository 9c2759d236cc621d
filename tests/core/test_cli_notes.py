"""The ``cgt-desktop notes`` subcommands."""

from __future__ import annotations

import json
import shutil

import pytest

from cgt_desktop.cli.main import main
from cgt_desktop.core.system.paths import Home


@pytest.fixture
def run(tmp_path, built_corpus, capsys):
    """Run ``cgt-desktop --home H --corpus C …``; return (status, stdout, stderr)."""
    home = Home(tmp_path / "home").ensure()
    shutil.copy(built_corpus, home.reference_db)  # up to date for the session's corpus copy: no rebuild

    def _run(*argv: str, home_root=home.root) -> tuple[int, str, str]:
        code = main(["--home", str(home_root), "--corpus", str(built_corpus.parent / "db"), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _person(built_corpus, n: int = 0) -> str:
    import sqlite3

    conn = sqlite3.connect(built_corpus)
    try:
        return conn.execute("SELECT id FROM entities WHERE kind = 'person' ORDER BY id").fetchall()[n][0]
    finally:
        conn.close()


def test_add_then_list(run, built_corpus):
    person = _person(built_corpus)
    code, out, err = run("notes", "add", person, "--text", "Ask about the 细胞 trial", "--tag", "to verify")
    assert code == 0 and err == "" and person in out
    run("notes", "add", _person(built_corpus, 1), "--text", "untagged note")  # tags belong to items
    code, out, _ = run("notes", "list", "--json")
    notes = json.loads(out)
    assert code == 0 and sorted(n["body"] for n in notes) == ["Ask about the 细胞 trial", "untagged note"]
    code, out, _ = run("notes", "list", "--tag", "to verify", "--json")
    assert [n["body"] for n in json.loads(out)] == ["Ask about the 细胞 trial"]
    assert json.loads(out)[0]["tags"] == ["to verify"]
    code, out, _ = run("notes", "list", "--tag", "to verify")
    assert code == 0 and "Ask about the 细胞 trial" in out and "untagged" not in out


def test_add_to_an_unknown_id_fails_with_one_line(run):
    code, out, err = run("notes", "add", "person/nobody-at-all", "--text", "x")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unknown id: 'person/nobody-at-all'" in err
    code, out, _ = run("notes", "list", "--json")
    assert json.loads(out) == []


def test_list_with_an_unknown_tag_fails(run):
    code, _, err = run("notes", "list", "--tag", "nope")
    assert code == 1 and "no tag named 'nope'" in err


def test_export_and_import_between_homes(run, built_corpus, tmp_path):
    person = _person(built_corpus)
    run("notes", "add", person, "--text", "portable note", "--tag", "BD lead")
    out_file = tmp_path / "annotations.json"
    code, out, _ = run("notes", "export", str(out_file))
    assert code == 0 and out_file.is_file() and "1 notes" in out
    other = tmp_path / "other-home"
    for _ in range(2):
        code, out, err = run("notes", "import", str(out_file), home_root=other)
        assert code == 0, err
    code, out, _ = run("notes", "list", "--json", home_root=other)
    notes = json.loads(out)
    assert [(n["body"], n["tags"]) for n in notes] == [("portable note", ["BD lead"])]


def test_import_of_a_broken_file_fails_clearly(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cgt-desktop-annotations", "version": 1, "notes": [', encoding="utf-8")
    code, _, err = run("notes", "import", str(bad))
    assert code == 1 and "broken" in err and "Nothing was imported" in err
    code, _, err = run("notes", "import", str(tmp_path / "missing.json"))
    assert code == 1 and "cannot read" in err


def test_notes_needs_a_subcommand(run):
    code, _, err = run("notes")
    assert code == 2 and "required" in err
