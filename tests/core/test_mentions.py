"""Entity mentions in running text: longest first, no overlaps, Latin on word boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_edit import edit_first_record

from cgt_desktop.core.catalog import mention_cache
from cgt_desktop.core.text.mentions import MentionMatcher, usable_name


def matcher_for(store):
    return store.mention_matcher()


def spans(matcher: MentionMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], i) for s, e, i in matcher.find(text)]


def test_longest_name_wins_and_mentions_do_not_overlap():
    m = MentionMatcher([("张江", "place/zhangjiang", 0), ("张江科学城", "place/science-city", 0),
                        ("科学城", "place/science-city", 1), ("上海", "place/shanghai", 0)])
    assert spans(m, "上海张江科学城和张江") == [
        ("上海", "place/shanghai"), ("张江科学城", "place/science-city"), ("张江", "place/zhangjiang")]


def test_global_longest_first_beats_leftmost():
    m = MentionMatcher([("AB", "x/ab", 0), ("BCDE", "x/bcde", 0)])  # all-caps: case-sensitive abbreviations
    assert spans(m, "ABCDE 中") == []  # inside one Latin word: no boundaries
    m = MentionMatcher([("细胞", "x/short", 0), ("胞治疗中心", "x/long", 0)])
    assert spans(m, "细胞治疗中心") == [("胞治疗中心", "x/long")]


def test_latin_is_case_insensitive_on_word_boundaries():
    m = MentionMatcher([("Zhangjiang", "place/zhangjiang", 0), ("Pudong New Area", "place/pudong", 0)])
    text = "ZHANGJIANG, zhangjiangxi and the pudong new area; Zhangjiang在张江"
    assert spans(m, text) == [("ZHANGJIANG", "place/zhangjiang"), ("pudong new area", "place/pudong"),
                              ("Zhangjiang", "place/zhangjiang")]


def test_abbreviations_match_only_in_capitals_and_short_names_are_skipped():
    m = MentionMatcher([("MOST", "organization/most", 1), ("NK", "technology/nk", 1), ("Li", "person/li", 1),
                        ("钱", "person/qian", 1)])
    assert spans(m, "most of MOST; NK cells, nk, Li 钱") == [("MOST", "organization/most"), ("NK", "technology/nk")]
    assert not usable_name("Li") and not usable_name("钱") and usable_name("NK") and usable_name("张江")
    assert not usable_name("") and not usable_name("  ") and not usable_name(None)


def test_ambiguous_alias_is_not_marked_but_a_name_beats_an_alias():
    m = MentionMatcher([("Medical Center", "org/a", 1), ("Medical Center", "org/b", 1),
                        ("Sichuan University", "org/scu", 0), ("Sichuan University", "org/other", 1)])
    assert spans(m, "the Medical Center of Sichuan University") == [("Sichuan University", "org/scu")]


def test_offsets_stay_valid_when_lowercasing_changes_length():
    m = MentionMatcher([("Zhangjiang", "place/zhangjiang", 0)])
    text = "İstanbul and Zhangjiang"
    [(start, end, _id)] = m.find(text)
    assert text[start:end] == "Zhangjiang"


def test_store_matcher_finds_both_languages_and_is_cached(store):
    matcher = matcher_for(store)
    assert matcher is matcher_for(store)
    names = store.names([r[0] for r in store.db.execute(
        "SELECT id FROM entities WHERE kind IN ('place', 'organization', 'person') AND name_zh != '' "
        "AND name_en != '' AND length(name_zh) >= 2 AND length(name_en) >= 4 "
            "AND mention IS NULL")])  # a "cited" name is found only in its cited passages (test below)
    assert names, "the corpus has entities with both names"
    for entity_id, (_kind, name_en, name_zh) in list(names.items())[:40]:
        for name in (name_en, name_zh):
            found = matcher.find(f"({name})")
            assert found and found[0][0] == 1, (entity_id, name)
            start, end, _ = found[0]
            assert end - start >= len(name)


def test_seed_document_mentions_are_sorted_disjoint_and_name_an_entity(store):
    doc = store.document("document/003_f3128c6eecc96df2")
    matcher = matcher_for(store)
    known = {r[0] for r in store.db.execute("SELECT id FROM entities")}
    total = 0
    for paragraph in doc["paragraphs"]:
        for sentence in paragraph["sentences"]:
            for text in (sentence["orig"], sentence["trans"]):
                found = matcher.find(text)
                total += len(found)
                for (s1, e1, _), (s2, _e2, _) in zip(found, found[1:]):
                    assert e1 <= s2
                assert all(i in known and e > s for s, e, i in found)
    assert total > 20


# --- property test: the indexed matcher equals a slow, obviously-correct reference -------------------

_ALPHABET = "aAbBnN1张江科 -İK"  # İ lower-cases to two characters, K (Kelvin) to an ASCII k


def _ref_fold(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _ref_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def reference_find(names: list[tuple[str, str, int]], text: str) -> list[tuple[int, int, str]]:
    """Try every usable name at every position, then keep the longest (earliest) non-overlapping."""
    best: dict[tuple[str, bool], tuple[int, list[str]]] = {}
    for name, entity_id, priority in names:
        if not usable_name(name):
            continue
        name = name.strip()
        letters = [c for c in name if c.isalpha()]
        han = any("\u3400" <= c <= "\u9fff" for c in name)
        capitals = bool(letters) and all(c.isascii() and c.isupper() for c in letters) and len(name) <= 6
        sensitive = capitals and not han
        key = (name if sensitive else _ref_fold(name), sensitive)
        prio, ids = best.get(key, (priority + 1, []))
        if priority < prio:
            best[key] = (priority, [entity_id])
        elif priority == prio and entity_id not in ids:
            ids.append(entity_id)
    patterns = [(key, sensitive, ids[0]) for (key, sensitive), (_p, ids) in best.items() if len(ids) == 1]
    patterns.sort(key=lambda p: -len(p[0]))
    folded = _ref_fold(text)
    candidates = []
    for i in range(len(text)):
        for key, sensitive, entity_id in patterns:
            end = i + len(key)
            if (text if sensitive else folded)[i:end] != key:
                continue
            if _ref_word(key[0]) and i > 0 and _ref_word(text[i - 1]):
                continue
            if _ref_word(key[-1]) and end < len(text) and _ref_word(text[end]):
                continue
            candidates.append((i, end, entity_id))
    kept: list[tuple[int, int, str]] = []
    for start, end, entity_id in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, entity_id))
    return sorted(kept)


@st.composite
def names_and_text(draw):
    words = st.text(alphabet=_ALPHABET, min_size=1, max_size=7)
    names = draw(st.lists(st.tuples(words, st.sampled_from(["e/a", "e/b", "e/c", "e/d"]), st.integers(0, 1)),
                          max_size=12))
    pieces = [st.text(alphabet=_ALPHABET, max_size=3)]
    if names:
        spelled = st.sampled_from([n for n, _i, _p in names])
        pieces.append(st.one_of(spelled, spelled.map(str.upper), spelled.map(str.lower)))
    text = "".join(draw(st.lists(st.one_of(*pieces), max_size=15)))
    return names, text


@settings(max_examples=400, deadline=None)
@given(names_and_text())
def test_find_equals_the_reference_on_random_names_and_texts(case):
    names, text = case
    assert MentionMatcher(names).find(text) == reference_find(names, text)


def test_abbreviation_and_name_with_the_same_letters_keep_the_listed_order():
    for names, expected in (([("ABN", "e/abbr", 0), ("Abn", "e/name", 0)], "e/abbr"),
                            ([("Abn", "e/name", 0), ("ABN", "e/abbr", 0)], "e/name")):
        assert MentionMatcher(names).find("the ABN, abn") == reference_find(names, "the ABN, abn")
        assert MentionMatcher(names).find("the ABN, abn") == [(4, 7, expected), (9, 12, "e/name")]


@settings(max_examples=200, deadline=None)
@given(names_and_text())
def test_a_matcher_read_back_from_its_stored_state_finds_the_same(case):
    import json

    names, text = case
    built = MentionMatcher(names)
    stored = MentionMatcher.from_state(json.loads(json.dumps(built.state())))
    assert stored.find(text) == built.find(text) and stored.size == built.size


def test_the_build_stores_the_matcher_and_the_reader_uses_it(store, monkeypatch):
    assert store.conn.execute("SELECT count(*) FROM mention_cache").fetchone()[0] == 1
    texts = [r[0] for r in store.conn.execute("SELECT orig FROM passages ORDER BY id LIMIT 300")]
    fresh = mention_cache.matcher_of(store.conn)
    monkeypatch.setattr(mention_cache, "matcher_of", lambda conn: 1 / 0)  # never built
    store.data_changed()
    stored = matcher_for(store)
    assert stored.size == fresh.size > 100
    assert [stored.find(t) for t in texts] == [fresh.find(t) for t in texts]
    assert any(stored.find(t) for t in texts)


def test_a_damaged_or_missing_stored_matcher_is_built_from_the_names(reference_db):
    import sqlite3
    from contextlib import closing

    from cgt_desktop.core.catalog.store import Catalog

    text = "钱其军 and Qian Qijun at the Shanghai Cell Therapy Group"
    with closing(Catalog(reference_db)) as store:
        expected = matcher_for(store).find(text)
    assert expected, "the sentence names corpus entities"
    for damage in ("UPDATE mention_cache SET state = '{\"folded\": 3'", "DROP TABLE mention_cache"):
        conn = sqlite3.connect(reference_db)
        conn.execute(damage)
        conn.commit()
        conn.close()
        with closing(Catalog(reference_db)) as store:
            assert matcher_for(store).find(text) == expected, damage


def test_a_name_that_is_a_common_word_links_only_where_its_entity_is_cited(store):
    """Every English "cell" once linked to the journal Cell; now only the passage that names the journal does."""
    read_cache = mention_cache.read_cache

    matcher = matcher_for(store)
    journals = {}
    cell_words = 0
    for pid, en in store.conn.execute("SELECT id, text_en FROM passages"):
        for start, end, entity_id in matcher.find(en or "", pid):
            if entity_id.startswith("organization/journal-"):
                journals.setdefault(entity_id, set()).add(pid)
        cell_words += (en or "").lower().count("cell")
    assert cell_words > 30  # "cell industry", "stem cell-derived", titles
    assert journals["organization/journal-cell"] == {"001_02b24beee2f111b4#p02.s05"}
    assert all(pids == {"001_02b24beee2f111b4#p02.s05"} for pids in journals.values())
    cell_industry = "the whole cell industry chain, Cell Therapy Industry Park"
    assert not any("journal" in e for _s, _e, e in matcher.find(cell_industry, "003_f3128c6eecc96df2#p01.s01"))
    assert not any("journal" in e for _s, _e, e in matcher.find("published in Cell"))  # no passage: no rule
    stored = read_cache(store.conn)
    again = MentionMatcher.from_state(stored.state())
    text = store.conn.execute("SELECT text_en FROM passages WHERE id = '001_02b24beee2f111b4#p02.s05'").fetchone()[0]
    assert again.find(text, "001_02b24beee2f111b4#p02.s05") == matcher.find(text, "001_02b24beee2f111b4#p02.s05")


def test_check_refuses_an_unknown_mention_rule(corpus_dir):
    from cgt_desktop.core.corpus.checks import check_directory

    path = corpus_dir / "entities" / "organizations.jsonl"
    edit_first_record(path, mention="sometimes")
    problems = [str(p) for p in check_directory(corpus_dir)]
    assert any("mention must be one of cited" in p and "organizations.jsonl:1" in p for p in problems)
