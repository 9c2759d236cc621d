"""Hostile input: 20 000 generated search strings, and broken corpus sources that must not stop anything.

Hypothesis's own cost is about 1.5 ms per example and grows with the number of examples (72 s for
20 000 empty examples here), so each of its 2 000 examples is tried in 10 hostile wrappings (quotes,
operators, NUL, prefix stars, column filters, mixed scripts): 20 000 strings through both the
full-text search and the list filter, in about 20 s on 2 cores. The huge strings (20 ms each) are
tried once each, in every wrapping.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_edit import edit_first_record

from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.corpus.checks import check_directory
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.catalog.store import ListQuery, Catalog

EXAMPLES = 2_000
TOKENS = [
    "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "NEAR", ")", "(", "^", ":", "*", "-", "+", '"', "'", '""', "\x00",
    "a\x00b", "{", "}", "name_en:", "kind:person", "col:*", "😀", "👩‍🔬", "细胞", "张江", "钱其军", "CAR-T", "car t",
    "qian", "Qián", "qiánqíjūn", "细胞CAR-T治疗", "Shanghai上海", "\u200b", "\u202e", "\t", "\n", "%", "_", "\\",
    "\ud800", "ﬁ", "Ⅻ", "ｆｕｌｌ", "%_", "OR OR", "AND NOT", "*:", "-*", '"unterminated', "NOT(", "1e9", "0x00",
]
HUGE = ["x" * 100_000, "细" * 50_000, '"' * 9_999, "NEAR(" * 2_000, "a OR " * 5_000, "😀" * 20_000]
SMALL_ALPHABET = list('"*^:+-(){}\x00 \'.NEARANDOT细胞张江qianQián2😀\\%_')
WRAPPINGS = [
    lambda t: t,
    lambda t: t + " AND",
    lambda t: '"' + t,
    lambda t: f"NEAR({t}",
    lambda t: f"{t}*",
    lambda t: f"-{t}^",
    lambda t: t.replace(" ", "\x00"),
    lambda t: f"{t} OR 细胞{t}😀",
    lambda t: f"name_en:{t}:",
    lambda t: f"{t.upper()} NOT {t}",
]
LIST_KINDS = [None, *KINDS, "passage"]

CORES = (
    st.lists(st.sampled_from(TOKENS), max_size=6).map(" ".join)
    | st.text(alphabet=st.sampled_from(SMALL_ALPHABET), max_size=30)
    | st.text(max_size=20)
)


def _try_all_wrappings(store, core: str) -> int:
    for number, wrap in enumerate(WRAPPINGS):
        text = wrap(core)
        kind = LIST_KINDS[(len(core) + number) % len(LIST_KINDS)]
        hits = store.search(text, kind=kind, limit=5, prefix_last=bool(number % 2))
        assert isinstance(hits, list)
        ids = store.list_ids(ListQuery(kind if kind in KINDS else "organization", text))
        assert isinstance(ids, list)
    return len(WRAPPINGS)


def test_20000_hostile_strings_never_break_search_or_the_list_filter(store):
    tried = {"n": 0}
    started = time.perf_counter()
    for huge in HUGE:
        tried["n"] += _try_all_wrappings(store, huge)

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(core=CORES)
    def check(core):
        tried["n"] += _try_all_wrappings(store, core)

    check()
    assert tried["n"] >= 20_000 * 0.95, f"only {tried['n']} strings were tried"
    print(f"{tried['n']} hostile strings in {time.perf_counter() - started:.1f} s")


def test_the_hostile_strings_do_find_things_when_they_hold_a_real_name(store):
    """The hostile-input guard must not make search useless: operators around a name still find it."""
    for text in ['钱其军 AND', '"钱其军', "qian*", "张江\x00", "CAR-T)"]:
        ids = [h.id for h in store.search(text, limit=20)]
        assert ids, f"nothing found for {text!r}"


# -- malformed corpus sources ---------------------------------------------------------------------

def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines(keepends=True)


def test_bad_encoding_mid_file_is_one_problem_and_the_rest_of_the_file_is_still_read(corpus_dir):
    path = corpus_dir / "entities" / "places.jsonl"
    lines = _lines(path)
    assert len(lines) >= 4
    lines[1] = b'{"id": "place/bad", "name_en": "Caf\xe9 \xff\xfe"}\n'  # Latin-1 bytes in a UTF-8 file
    record = json.loads(lines[2])
    record.pop("name_en")
    lines[2] = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    path.write_bytes(b"".join(lines))
    messages = [str(p) for p in check_directory(corpus_dir)]
    assert any(m.startswith("entities/places.jsonl:2:") for m in messages), messages
    assert any(m.startswith("entities/places.jsonl:3:") for m in messages), "lines after the bad one are checked"
    assert not any("Traceback" in m for m in messages)


def test_a_record_without_an_id_and_a_null_line_are_reported_with_their_lines(corpus_dir):
    path = corpus_dir / "entities" / "people.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first.pop("id")
    lines[0] = json.dumps(first, ensure_ascii=False)
    lines.append("")  # a blank line
    lines.append("null")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = [str(p) for p in check_directory(corpus_dir)]
    assert any(m.startswith("entities/people.jsonl:1:") and "id" in m for m in messages), messages
    assert any(m.startswith(f"entities/people.jsonl:{len(lines)}:") for m in messages), "the 'null' line"


def test_fields_of_the_wrong_type_are_problems_not_tracebacks(corpus_dir):
    path = corpus_dir / "entities" / "people.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["name_en"] = ["not", "a", "string"]
    record["aliases"] = "not a list"
    lines[1] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    messages = [str(p) for p in check_directory(corpus_dir)]
    assert any(m.startswith("entities/people.jsonl:2:") and "name_en" in m for m in messages), messages


def test_a_relation_to_a_missing_entity_and_an_empty_file_are_reported(corpus_dir):
    relations = sorted((corpus_dir / "relations").glob("*.jsonl"))
    assert relations
    path = relations[0]
    edit_first_record(path, object="person/does-not-exist")
    (corpus_dir / "entities" / "places.jsonl").write_bytes(b"")
    messages = [str(p) for p in check_directory(corpus_dir)]
    assert any(m.startswith(f"relations/{path.name}:1:") and "does-not-exist" in m for m in messages), messages


def test_a_corpus_with_broken_lines_still_builds_from_what_loads(corpus_dir, tmp_path):
    people = corpus_dir / "entities" / "people.jsonl"
    good = len(_lines(people))
    people.write_bytes(people.read_bytes() + b"{broken json\n" + b"\xff\xfe\x00\n")
    report = build_reference_db(corpus_dir, tmp_path / "ref.sqlite")
    store = Catalog(report.path)
    try:
        assert store.counts()["person"] == good
        assert store.exists("person/qian-qijun")
    finally:
        store.close()
    shutil.rmtree(corpus_dir)
