"""The shipped corpus: every fact cited, every passage translated, nothing dropped, names honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cgt_desktop.core.corpus.sources import load_corpus

REPO = Path(__file__).resolve().parents[2]
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def corpus():
    corpus = load_corpus(REPO / "db")
    assert corpus.problems == []
    return corpus


def _passage_ids(corpus) -> set[str]:
    return {str(p["id"]) for p in corpus.passages()}


def test_every_entity_relation_event_and_figure_cites_an_existing_passage(corpus):
    passages = _passage_ids(corpus)
    facts = [*corpus.entities, *corpus.events, *corpus.figures, *corpus.relations]
    assert len(corpus.entities) > 100 and corpus.events and corpus.figures and corpus.relations
    uncited = [f"{f['_file']}:{f['_line']}" for f in facts if not f.get("sources")]
    assert uncited == []
    dangling = [(f"{f['_file']}:{f['_line']}", s) for f in facts for s in f["sources"] if s not in passages]
    assert dangling == []


def test_every_passage_has_its_counterpart_in_the_other_language(corpus):
    for doc in corpus.documents:
        assert doc.meta["lang"] in ("zh", "en")
        assert doc.meta.get("translator"), "translations are labelled as the project's"
        for sentence in doc.sentences:
            assert sentence["orig"].strip() and sentence["trans"].strip(), sentence["id"]
            han_orig = bool(re.search(r"[\u4e00-\u9fff]", sentence["trans"]))
            # The translation is in the other language (Chinese for English originals, and vice versa).
            if doc.meta["lang"] == "en" and len(sentence["orig"]) > 25:
                assert han_orig, sentence["id"]
            if doc.meta["lang"] == "zh" and len(sentence["orig"]) > 10:
                assert re.search(r"[A-Za-z]{3}", sentence["trans"]), sentence["id"]


def test_every_source_paragraph_of_the_five_articles_is_in_the_corpus_verbatim(corpus):
    seeds = SHARED_SEEDS if SHARED_SEEDS.is_dir() else REPO / "db" / "seeds"
    files = sorted(seeds.glob("*.txt"))
    assert len(files) == 5
    by_file = {doc.meta["source_file"]: doc for doc in corpus.documents}
    for seed in files:
        assert (REPO / "db" / "seeds" / seed.name).read_bytes() == seed.read_bytes()
        doc = by_file[seed.name]
        expected = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
        got = {}
        for sentence in doc.sentences:
            got[sentence["paragraph_id"]] = got.get(sentence["paragraph_id"], "") + sentence["orig"]
        assert [got[p["id"]].strip() for p in doc.paragraphs] == expected


def test_document_dates_are_honest(corpus):
    docs = {doc.meta["source_file"][:3]: doc.meta for doc in corpus.documents}
    assert docs["003"]["date"] == "2019-11-14"
    assert docs["001"]["date"] is None
    assert docs["004"]["date"] is None and "March 23" in docs["004"]["date_stated"]
    assert docs["000"]["date"].startswith("2021") and docs["000"].get("date_approximate")


def test_undated_and_approximate_events_are_marked(corpus):
    events = {e["id"]: e for e in corpus.events}
    undated = [e for e in events.values() if e["date"] is None]
    assert any("March 23" in (e.get("date_stated") or "") for e in undated)
    for event in events.values():
        if event.get("approximate"):
            assert event.get("date_note"), event["id"]


def test_chinese_names_printed_only_in_english_sources_are_editor_renderings(corpus):
    zh_docs = {doc.key for doc in corpus.documents if doc.meta["lang"] == "zh"}
    for entity in corpus.entities:
        if entity.get("name_zh_status") == "attested":
            assert any(s.split("#")[0] in zh_docs for s in entity["sources"]), entity["id"]
    people = {e["id"]: e for e in corpus.entities if e["kind"] == "person"}
    assert people["person/qian-qijun"]["name_zh_status"] == "editor"
    assert people["person/zhao-yangbing"]["name_zh_status"] == "attested"


def test_boilerplate_and_repeats_are_kept_and_marked(corpus):
    roles = [p.get("role") for doc in corpus.documents for p in doc.paragraphs]
    assert roles.count("boilerplate") >= 4
    assert any(p.get("repeat_of") for doc in corpus.documents for p in doc.paragraphs)
