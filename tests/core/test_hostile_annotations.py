"""Hostile annotation files: each is refused with the place of its first bad record, and nothing is written."""

from __future__ import annotations

import json

import pytest

from cgt_desktop.cli.main import main
from cgt_desktop.core.userdata import annotations_io as AIO
from cgt_desktop.core.userdata.userdb import UserStore

GOOD_NOTE = {"uid": "n-1", "target_id": "person/qian-qijun", "body": "fine", "created": "2024-01-01T00:00:00",
             "edited": "2024-01-01T00:00:00"}
GOOD_HIGHLIGHT = {"uid": "h-1", "passage_id": "doc#p01.s01", "side": "orig", "start": 0, "end": 3,
                  "color": "#ffee00", "comment": "", "quote": "abc", "created": "2024-01-01T00:00:00",
                  "edited": "2024-01-01T00:00:00"}


def _file(tmp_path, **sections) -> str:
    data = {"format": AIO.FORMAT_NAME, "version": AIO.FORMAT_VERSION, "notes": [GOOD_NOTE], **sections}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _raw(tmp_path, text: str):
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _bytes(tmp_path, data: bytes):
    path = tmp_path / "in.json"
    path.write_bytes(data)
    return path


def _snapshot(user: UserStore) -> list:
    return [list(user.conn.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in ("notes", "highlights", "tags",
                                                                               "item_tags", "stars")]


CASES = {
    "deep nesting": lambda p: _raw(p, '{"format": "cgt-desktop-annotations", "version": 1, "notes": [{"uid": '
                                      + "[" * 100_000 + "]" * 100_000 + "}]}"),
    "a 5000-digit integer": lambda p: _raw(p, '{"format": "cgt-desktop-annotations", "version": '
                                              + "9" * 5000 + ', "notes": []}'),
    "a 5000-digit offset": lambda p: _raw(p, json.dumps({"format": AIO.FORMAT_NAME, "version": 1}).rstrip("}")
                                          + ', "highlights": [{"start": ' + "1" * 5000 + "}]}"),
    "a lone surrogate in a body": lambda p: _raw(p, json.dumps({"format": AIO.FORMAT_NAME, "version": 1, "notes": [
        {**GOOD_NOTE, "body": "x\ud800y"}]})),
    "a lone surrogate in a uid": lambda p: _raw(p, json.dumps({"format": AIO.FORMAT_NAME, "version": 1, "notes": [
        {**GOOD_NOTE, "uid": "\udfff"}]})),
    "a lone surrogate in a tag": lambda p: _raw(p, json.dumps({"format": AIO.FORMAT_NAME, "version": 1,
                                                               "tags": [{"name": "t\ud83d", "color": None}]})),
    "an empty highlight colour": lambda p: _file(p, highlights=[{**GOOD_HIGHLIGHT, "color": ""}]),
    "an offset beyond 64 bits": lambda p: _file(p, highlights=[{**GOOD_HIGHLIGHT, "end": 2 ** 70}]),
    "a negative offset": lambda p: _file(p, highlights=[{**GOOD_HIGHLIGHT, "start": -1}]),
    "a bad record at the end": lambda p: _file(p, notes=[{**GOOD_NOTE, "uid": f"n-{i}"} for i in range(1500)]
                                               + [{**GOOD_NOTE, "uid": "last", "body": None}]),
    "a list where an object should be": lambda p: _file(p, notes=[GOOD_NOTE, ["not", "a", "note"]]),
    "a section that is not a list": lambda p: _file(p, stars={"target_id": "x"}),
    "not an object": lambda p: _raw(p, "[1, 2, 3]"),
    "empty": lambda p: _raw(p, ""),
    "binary": lambda p: _bytes(p, b"\x89PNG\r\n\x1a\n\0\0\0"),
    "not UTF-8": lambda p: _bytes(p, b'{"format": "cgt-desktop-annotations", "notes": ["\xff"]}'),
    "truncated": lambda p: _raw(p, json.dumps({"format": AIO.FORMAT_NAME, "version": 1,
                                               "notes": [GOOD_NOTE] * 3})[:-30]),
}
WHERE = {"a lone surrogate in a uid": "lone surrogate escape (\\udfff)",
         "a lone surrogate in a tag": "lone surrogate escape (\\ud83d)", "deep nesting": "nested more than",
         "a 5000-digit integer": "too large", "not UTF-8": "not UTF-8","a bad record at the end": "notes[1500].body", "a lone surrogate in a body": "lone surrogate escape (\\ud800)",
         "an empty highlight colour": "highlights[0]", "an offset beyond 64 bits": "too large", "binary": "invalid char",
         "a list where an object should be": "notes[1]", "a negative offset": "highlights[0].start"}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_file_is_refused_with_its_place_and_changes_nothing(tmp_path, case):
    path = CASES[case](tmp_path)
    user = UserStore(tmp_path / "user.sqlite")
    user.add_note("person/z", "already here")
    before = _snapshot(user)
    with pytest.raises(AIO.AnnotationFileError) as info:
        AIO.import_annotations(user, path)
    assert str(path) in str(info.value)
    if case in WHERE:
        assert WHERE[case] in str(info.value)
    assert _snapshot(user) == before
    user.close()


@pytest.mark.parametrize("case", ["deep nesting", "a lone surrogate in a body", "a bad record at the end",
                                  "a 5000-digit integer", "binary"])
def test_notes_import_of_a_hostile_file_is_one_line(tmp_path, capsys, case):
    path = CASES[case](tmp_path)
    code = main(["--home", str(tmp_path / "home"), "notes", "import", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and "Nothing was imported" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_optional_fields_are_taken_as_null(tmp_path):
    """A tag without a colour and a highlight without offsets (the whole sentence) are valid."""
    highlight = {k: v for k, v in GOOD_HIGHLIGHT.items() if k not in ("start", "end")}
    path = _file(tmp_path, tags=[{"name": "to verify"}], highlights=[highlight])
    user = UserStore(tmp_path / "user.sqlite")
    report = AIO.import_annotations(user, path)
    assert report.counts["tags"]["added"] == 1 and report.counts["highlights"]["added"] == 1
    assert user.conn.execute("SELECT range_start, range_end FROM highlights").fetchone() == (None, None)
    user.close()


def test_a_large_import_reports_progress_and_is_all_or_nothing(tmp_path):
    notes = [{**GOOD_NOTE, "uid": f"n-{i}", "body": f"note {i}"} for i in range(3000)]
    path = _file(tmp_path, notes=notes)
    user = UserStore(tmp_path / "user.sqlite")
    seen: list[tuple[int, int]] = []
    report = AIO.import_annotations(user, path, progress=lambda done, total: seen.append((done, total)))
    assert report.counts["notes"]["added"] == 3000
    assert seen[-1] == (3000, 3000) and len(seen) > 3
    assert AIO.import_annotations(user, path).counts["notes"] == {"added": 0, "updated": 0, "unchanged": 3000}
    user.close()


def test_escaped_text_that_is_valid_comes_back_as_written(tmp_path):
    """A surrogate pair written as escapes is an emoji, and an escaped backslash is a backslash."""
    body = "emoji \U0001f600 and a literal \\ud800 and " + "x" * 70_000 + " \U0001f9ec at the end"
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"format": AIO.FORMAT_NAME, "version": 1, "notes": [{**GOOD_NOTE, "body": body}]}),
                    encoding="ascii")  # json.dumps escapes every non-ASCII character
    user = UserStore(tmp_path / "user.sqlite")
    AIO.import_annotations(user, path)
    assert user.conn.execute("SELECT body FROM notes").fetchone()[0] == body
    user.close()
