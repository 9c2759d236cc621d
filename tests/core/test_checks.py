"""`cgt-desktop check` catches each kind of broken source, with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cgt_desktop.core.corpus.checks import check_directory

DOC = "documents/003_f3128c6eecc96df2.jsonl"


def _edit_jsonl(path: Path, index: int, change) -> int:
    """Apply *change* to the record on line *index* (0-based); return its 1-based line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[index])
    change(record)
    lines[index] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def _messages(corpus_dir: Path) -> list[str]:
    return [str(p) for p in check_directory(corpus_dir)]


def _first_sentence_line(path: Path) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if '"type": "sentence"' in line:
            return i
    raise AssertionError("no sentence")


def test_the_shipped_corpus_has_no_problems(corpus_dir):
    assert _messages(corpus_dir) == []


def test_dangling_relation_end_is_reported_with_file_and_line(corpus_dir):
    path = next((corpus_dir / "relations").glob("*.jsonl"))
    line = _edit_jsonl(path, 0, lambda r: r.update(object="organization/does-not-exist"))
    rel = path.relative_to(corpus_dir).as_posix()
    assert any(m.startswith(f"{rel}:{line}:") and "dangling" in m for m in _messages(corpus_dir))


def test_fact_without_a_source_is_reported(corpus_dir):
    path = corpus_dir / "entities" / "people.jsonl"
    _edit_jsonl(path, 0, lambda r: r.update(sources=[]))
    assert any(m.startswith("entities/people.jsonl:1:") and "no source" in m for m in _messages(corpus_dir))


def test_citing_an_unknown_passage_is_reported(corpus_dir):
    _edit_jsonl(corpus_dir / "events.jsonl", 0, lambda r: r.update(sources=["003_f3128c6eecc96df2#p99.s99"]))
    assert any(m.startswith("events.jsonl:1:") and "unknown passage" in m for m in _messages(corpus_dir))


def test_unaligned_passage_is_reported(corpus_dir):
    path = corpus_dir / DOC
    index = _first_sentence_line(path)
    _edit_jsonl(path, index, lambda r: r.update(trans=""))
    assert any(m.startswith(f"{DOC}:{index + 1}:") and "unaligned" in m for m in _messages(corpus_dir))


def test_edited_or_dropped_original_text_is_reported(corpus_dir):
    path = corpus_dir / DOC
    index = _first_sentence_line(path)
    _edit_jsonl(path, index, lambda r: r.update(orig=r["orig"].replace("A", "B", 1) + "x"))
    assert any("verbatim" in m for m in _messages(corpus_dir))
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-2]) + "\n", encoding="utf-8")  # drop the last paragraph
    assert any("missing from the corpus" in m for m in _messages(corpus_dir))


def test_dates_outside_the_range_need_a_reason(corpus_dir):
    def move(record):
        record.update(date="2001", end=None, date_note="", approximate=False)

    line = _edit_jsonl(corpus_dir / "events.jsonl", 0, move)
    assert any(m.startswith(f"events.jsonl:{line}:") and "outside 2008" in m for m in _messages(corpus_dir))
    _edit_jsonl(corpus_dir / "events.jsonl", 0, lambda r: r.update(date_note="Context: before the period."))
    assert not any("outside 2008" in m for m in _messages(corpus_dir))


def test_malformed_dates_are_reported(corpus_dir):
    _edit_jsonl(corpus_dir / "events.jsonl", 0, lambda r: r.update(date="March 23"))
    assert any(m.startswith("events.jsonl:1:") and "not a date" in m for m in _messages(corpus_dir))


def test_a_date_bound_must_be_one_of_two_on_a_single_date(corpus_dir):
    _edit_jsonl(corpus_dir / "events.jsonl", 0, lambda r: r.update(bound="around"))
    assert any(m.startswith("events.jsonl:1:") and "'bound'" in m for m in _messages(corpus_dir))


def test_duplicate_ids_are_reported(corpus_dir):
    path = corpus_dir / "entities" / "people.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + [lines[0]]) + "\n", encoding="utf-8")
    assert any("duplicate id" in m and m.startswith(f"entities/people.jsonl:{len(lines) + 1}:")
               for m in _messages(corpus_dir))


def test_attested_name_must_be_printed_in_a_cited_original(corpus_dir):
    path = corpus_dir / "entities" / "people.jsonl"
    _edit_jsonl(path, 0, lambda r: r.update(name_zh="张三丰", name_zh_status="attested"))
    assert any(m.startswith("entities/people.jsonl:1:") and "attested" in m for m in _messages(corpus_dir))


@pytest.mark.parametrize("garbage", [b"{not json}\n", b"\xff\xfe\x00 broken bytes\n", b"[1, 2]\n"])
def test_broken_files_give_problems_not_tracebacks(corpus_dir, garbage):
    path = corpus_dir / "entities" / "places.jsonl"
    path.write_bytes(path.read_bytes() + garbage)
    count = len(path.read_bytes().splitlines())
    messages = _messages(corpus_dir)
    assert any(m.startswith(f"entities/places.jsonl:{count}:") for m in messages)


def test_missing_required_fields_and_unknown_vocabulary(corpus_dir):
    _edit_jsonl(corpus_dir / "events.jsonl", 0, lambda r: (r.pop("title_zh"), r.update(category="gossip")))
    messages = [m for m in _messages(corpus_dir) if m.startswith("events.jsonl:1:")]
    assert any("title_zh" in m for m in messages)
    assert any("category" in m for m in messages)


def test_two_relation_groups_on_one_page_may_not_share_a_heading(corpus_dir):
    path = corpus_dir / "vocabulary.json"
    vocabulary = json.loads(path.read_text(encoding="utf-8"))
    vocabulary["predicates"]["works_at"]["inverse_zh"] = vocabulary["predicates"]["member_of"]["inverse_zh"]
    path.write_text(json.dumps(vocabulary, ensure_ascii=False, indent=2), encoding="utf-8")
    messages = [m for m in _messages(corpus_dir) if m.startswith("vocabulary.json:")]
    assert len(messages) == 1, messages
    assert "organization page" in messages[0] and "works_at (inverse)" in messages[0] \
        and "member_of (inverse)" in messages[0] and "(zh)" in messages[0]
    line = int(messages[0].split(":")[1])
    assert '"member_of"' in path.read_text(encoding="utf-8").splitlines()[line - 1] or \
        '"works_at"' in path.read_text(encoding="utf-8").splitlines()[line - 1]
