"""Full-text search over entities and passages: Chinese, English, pinyin, ranking, safety."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cgt_desktop.core.catalog import search as search_mod
from cgt_desktop.core.catalog.search import Hit, count, count_capped, search
from cgt_desktop.core.catalog.search_index import KINDS, SearchItem, create_index

DOC = "document/003_f3128c6eecc96df2"


def passage(n: int, en: str, zh: str) -> SearchItem:
    title = ("First Zhangjiang International Summit on Cell Therapy Opens", "首届张江细胞治疗国际峰会拉开帷幕")
    return SearchItem(f"003_f3128c6eecc96df2#p{n:02d}.s01", "passage", *title, body_en=en, body_zh=zh,
                      document_id=DOC)  # fmt: skip


ITEMS = [
    # Passages first: create_index must not depend on the input order.
    passage(5, "On 14 November 2019, the First Zhangjiang International Summit on Cell Therapy "
               "opened in Zhangjiang Science City.",
            "2019年11月14日,首届张江细胞治疗国际峰会在张江科学城揭开帷幕。"),
    passage(7, "Professor Qian Qijun presented recent progress in CAR-T cell immunotherapy.",
            "钱其军教授介绍了CAR-T细胞免疫治疗的最新进展。"),
    passage(8, "Zhao Yangbing said solid tumours remain a challenge for cell therapy.",
            "赵阳兵表示,实体瘤仍是细胞治疗的难题。"),
    passage(9, "Immunology students visited a park with a cat.", "免疫学学生参观了一个有猫的公园。"),
    passage(12, "Zhao Yangbing's team reported CAR-T results; Zhao Yangbing said CAR-T products will enter trials.",
            "赵阳兵团队报告了CAR-T结果；赵阳兵表示CAR-T产品将进入临床。"),
    passage(10, "The weather in Beijing was sunny that week.", "那一周北京天气晴朗。"),
    passage(11, "Hospitals reported trials of a therapy based on a stem cell line.", "医院报告了基于干细胞系的疗法试验。"),
    SearchItem("organization/zhangjiang-cell-industry-park", "organization",
               "Zhangjiang Cell Industry Park", "张江细胞产业园", ("张江细胞园",), ("张江细胞产业园", "张江细胞园"),
               "An industrial park for cell therapy companies in Pudong, Shanghai.",
               "位于上海浦东的细胞治疗企业产业园。"),
    SearchItem("person/zhao-yangbing", "person", "Zhao Yangbing", "赵阳兵", (), ("赵阳兵",),
               "Immunologist who develops CAR-T therapies.", "研发CAR-T疗法的免疫学家。"),
    SearchItem("person/qian-qijun", "person", "Qian Qijun", "钱其军", ("Qian Qijun",), ("钱其军",),
               "Scientist working on tumour immunotherapy.", "从事肿瘤免疫治疗研究的科学家。"),
    SearchItem("person/lu-xin", "person", "Lü Xin", "吕欣", (), ("吕欣",),
               "Physician at a Beijing hospital.", "北京某医院的医生。"),
    SearchItem("technology/car-t", "technology", "CAR-T cell therapy", "CAR-T细胞疗法",
               ("chimeric antigen receptor T-cell therapy", "嵌合抗原受体T细胞疗法"), ("CAR-T细胞疗法", "嵌合抗原受体T细胞疗法"),
               "Immune cells engineered to attack cancer.", "经过改造以攻击癌细胞的免疫细胞。"),
    SearchItem("place/zhangjiang", "place", "Zhangjiang", "张江", ("Zhangjiang Science City",), ("张江", "张江科学城"),
               "A high-tech area of Pudong, Shanghai.", "上海浦东的高科技园区。"),
    SearchItem("place/beijing", "place", "Beijing", "北京", (), ("北京",), "Capital of China.", "中国首都。"),
    SearchItem(DOC, "document", "First Zhangjiang International Summit on Cell Therapy Opens",
               "首届张江细胞治疗国际峰会拉开帷幕", (), ("首届张江细胞治疗国际峰会拉开帷幕",),
               "Bioon, 2019-11-14", "生物谷, 2019-11-14"),
]  # fmt: skip


def make_db(tmp_path, items=ITEMS) -> sqlite_utils.Database:
    db = sqlite_utils.Database(tmp_path / "x.sqlite")
    assert create_index(db, items) == len(items)
    return db


def ids(hits: list[Hit]) -> list[str]:
    return [h.id for h in hits]


def by_id(hits: list[Hit]) -> dict[str, Hit]:
    return {h.id: h for h in hits}


# -- Chinese ---------------------------------------------------------------------------


def test_two_character_chinese_finds_names_and_passages(tmp_path):
    hits = search(make_db(tmp_path), "细胞")
    found = set(ids(hits))
    assert {"organization/zhangjiang-cell-industry-park", "technology/car-t", DOC} <= found
    assert {"003_f3128c6eecc96df2#p05.s01", "003_f3128c6eecc96df2#p07.s01"} <= found
    assert "003_f3128c6eecc96df2#p10.s01" not in found
    assert all("«细胞»" in h.snippet for h in hits)


def test_zhangjiang_names_come_before_passages(tmp_path):
    hits = search(make_db(tmp_path), "张江")
    kinds = [h.kind for h in hits]
    assert ids(hits)[0] == "place/zhangjiang"  # the shortest name that matches
    assert "passage" in kinds and kinds.index("passage") > max(
        i for i, k in enumerate(kinds) if k != "passage")


def test_one_character_chinese(tmp_path):
    db = make_db(tmp_path)
    found = set(ids(search(db, "园")))
    assert {"organization/zhangjiang-cell-industry-park", "place/zhangjiang", "003_f3128c6eecc96df2#p09.s01"} <= found
    cat = search(db, "猫")
    assert ids(cat) == ["003_f3128c6eecc96df2#p09.s01"] and "«猫»" in cat[0].snippet


def test_longer_chinese_phrases_match_only_contiguous_text(tmp_path):
    db = make_db(tmp_path)
    assert set(ids(search(db, "细胞治疗国际峰会"))) == {DOC, "003_f3128c6eecc96df2#p05.s01"}
    assert set(ids(search(db, "张江细胞产业园"))) == {"organization/zhangjiang-cell-industry-park"}
    assert search(db, "细胞峰会") == []  # both words occur, never side by side
    assert ids(search(db, "嵌合抗原受体")) == ["technology/car-t"]  # found through an alias


# -- English ---------------------------------------------------------------------------


def test_english_words_are_case_insensitive(tmp_path):
    db = make_db(tmp_path)
    lower, upper = search(db, "immunotherapy"), search(db, "IMMUNOTHERAPY")
    assert ids(lower) == ids(upper) == ["person/qian-qijun", "003_f3128c6eecc96df2#p07.s01"]
    assert "«IMMUNOTHERAPY»" not in upper[0].snippet and "«immunotherapy»" in upper[0].snippet


def test_english_prefix_and_phrase(tmp_path):
    db = make_db(tmp_path)
    assert search(db, "immuno") == []
    found = set(ids(search(db, "immuno*")))
    assert {"person/qian-qijun", "person/zhao-yangbing", "003_f3128c6eecc96df2#p09.s01"} <= found
    phrase = set(ids(search(db, '"cell therapy"')))
    assert "003_f3128c6eecc96df2#p08.s01" in phrase
    assert "003_f3128c6eecc96df2#p11.s01" not in phrase  # "therapy based on a stem cell line"
    assert "003_f3128c6eecc96df2#p11.s01" in set(ids(search(db, "cell therapy")))  # words, any order
    assert "003_f3128c6eecc96df2#p07.s01" not in set(ids(search(db, "therapy")))  # not "immunotherapy"


def test_car_t_with_hyphen(tmp_path):
    db = make_db(tmp_path)
    hits = search(db, "CAR-T")
    assert ids(hits)[0] == "technology/car-t"
    assert {"person/zhao-yangbing", "003_f3128c6eecc96df2#p07.s01"} <= set(ids(hits))
    assert "«CAR-T»" in hits[0].snippet
    assert ids(search(db, "car t")) == ids(hits)


def test_as_you_type_prefix(tmp_path):
    db = make_db(tmp_path)
    assert search(db, "Zhangji") == []
    typed = search(db, "Zhangji", prefix_last=True)
    assert ids(typed)[0] == "place/zhangjiang" and len(typed) >= 4
    assert ids(search(db, "q", prefix_last=True))[0] == "person/qian-qijun"  # one letter: names only


# -- pinyin ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("qianqijun", "person/qian-qijun"),
        ("Qian Qijun", "person/qian-qijun"),
        ("Qián Qíjūn", "person/qian-qijun"),
        ("qian2 qi2jun1", "person/qian-qijun"),
        ("zhao yangbing", "person/zhao-yangbing"),
        ("zhaoyangbing", "person/zhao-yangbing"),
        ("zhao2 yang2bing1", "person/zhao-yangbing"),
        ("lvxin", "person/lu-xin"),
        ("Lü Xin", "person/lu-xin"),
        ("zhangjiangxibaoyuan", "organization/zhangjiang-cell-industry-park"),
        ("beijing", "place/beijing"),
    ],
)
def test_pinyin_finds_chinese_names(tmp_path, query, first):
    hits = search(make_db(tmp_path), query)
    assert hits and hits[0].id == first


def test_pinyin_hit_shows_both_names(tmp_path):
    hit = search(make_db(tmp_path), "qianqijun")[0]
    assert "钱其军" in hit.snippet and "Qian Qijun" in hit.snippet


def test_zhangjiang_pinyin_finds_every_zhangjiang_name(tmp_path):
    found = set(ids(search(make_db(tmp_path), "zhangjiang")))
    assert {"place/zhangjiang", "organization/zhangjiang-cell-industry-park", DOC} <= found


# -- ranking, kinds, snippets, counts --------------------------------------------------


def test_entity_named_ranks_before_passages_mentioning_it(tmp_path):
    db = make_db(tmp_path)
    for query, entity in (("赵阳兵", "person/zhao-yangbing"), ("Qian Qijun", "person/qian-qijun")):
        hits = search(db, query)
        assert hits[0].id == entity and hits[0].kind == "person"
        assert any(h.kind == "passage" for h in hits[1:])


def test_name_match_weighs_more_than_body_text(tmp_path):
    # The person matches 赵阳兵 by name and CAR-T by description; the passage has both in its text.
    hits = search(make_db(tmp_path), "赵阳兵 CAR-T")
    assert ids(hits) == ["person/zhao-yangbing", "003_f3128c6eecc96df2#p12.s01"]
    assert "«赵阳兵»" in hits[1].snippet and "«CAR-T»" in hits[1].snippet


def test_kind_filter(tmp_path):
    db = make_db(tmp_path)
    passages = search(db, "细胞", kind="passage")
    assert passages and {h.kind for h in passages} == {"passage"}
    assert all(h.document_id == DOC for h in passages)
    assert ids(search(db, "细胞", kind="organization")) == ["organization/zhangjiang-cell-industry-park"]
    assert search(db, "细胞", kind="event") == []
    assert search(db, "细胞", kind="no-such-kind") == []


def test_limit(tmp_path):
    db = make_db(tmp_path)
    assert len(search(db, "细胞", limit=2)) == 2
    assert search(db, "细胞", limit=0) == []


def test_passage_is_not_found_by_its_document_title_alone(tmp_path):
    db = make_db(tmp_path)
    hits = search(db, "峰会 拉开帷幕")  # words of the title only
    assert ids(hits) == [DOC]
    assert by_id(search(db, "天气"))["003_f3128c6eecc96df2#p10.s01"].name_zh == "首届张江细胞治疗国际峰会拉开帷幕"


def test_snippet_in_the_language_of_the_query(tmp_path):
    db = make_db(tmp_path)
    zh = by_id(search(db, "细胞"))["003_f3128c6eecc96df2#p08.s01"]
    en = by_id(search(db, "tumours"))["003_f3128c6eecc96df2#p08.s01"]
    assert zh.snippet == "赵阳兵表示,实体瘤仍是«细胞»治疗的难题。"
    assert en.snippet == "Zhao Yangbing said solid «tumours» remain a challenge for cell therapy."
    assert en.document_id == DOC and en.name_en.startswith("First Zhangjiang")


def test_entity_snippet_prefers_the_matching_name(tmp_path):
    hit = by_id(search(make_db(tmp_path), "产业园"))["organization/zhangjiang-cell-industry-park"]
    assert hit.snippet == "张江细胞«产业园»"


def test_count_per_kind_agrees_with_search(tmp_path):
    db = make_db(tmp_path)
    hits = search(db, "细胞", limit=100)
    expected: dict[str, int] = {}
    for h in hits:
        expected[h.kind] = expected.get(h.kind, 0) + 1
    assert count(db, "细胞") == expected
    assert count(db, "细胞", kind="passage") == {"passage": expected["passage"]}
    assert count(db, "nothing-matches-this") == {} and count(db, "  ") == {}
    capped = count(db, "细胞", cap=2)
    assert sum(capped.values()) == 2
    assert count(db, "Zhangji") == {} and count(db, "Zhangji", prefix_last=True)["place"] == 1


def test_create_index_replaces_the_previous_index(tmp_path):
    db = make_db(tmp_path)
    assert create_index(db, ITEMS[:3]) == 3
    assert search(db, "钱其军", kind="person") == []
    assert db["search_items"].count == 3


def test_duplicate_ids_are_rejected_and_the_old_index_kept(tmp_path):
    db = make_db(tmp_path)
    with pytest.raises(sqlite3.IntegrityError):
        create_index(db, [ITEMS[0], ITEMS[0]])
    assert db["search_items"].count == len(ITEMS)


def test_plain_sqlite_can_query_the_index(tmp_path):
    make_db(tmp_path)
    conn = sqlite3.connect(tmp_path / "x.sqlite")  # no custom tokenizer needed
    rows = conn.execute(
        "SELECT i.item_id FROM search_fts f JOIN search_items i ON i.rowid = f.rowid "
        "WHERE search_fts MATCH '\"细胞 胞产\"'").fetchall()
    assert rows == [("organization/zhangjiang-cell-industry-park",)]


def test_rank_cap_keeps_names_first(tmp_path, monkeypatch):
    monkeypatch.setattr(search_mod, "RANK_CAP", 2)
    many = [passage(20 + i, f"Cell therapy note {i}.", f"细胞治疗笔记{i}。") for i in range(30)]
    db = make_db(tmp_path, many + ITEMS)
    hits = search(db, "细胞", limit=5)
    assert len(hits) == 5
    assert ids(hits)[0] == "organization/zhangjiang-cell-industry-park"


def test_very_common_terms_are_ordered_by_length_instead_of_bm25(tmp_path, monkeypatch):
    db = make_db(tmp_path)
    ranked = search(db, "细胞", kind="passage")
    monkeypatch.setattr(search_mod, "BM25_BUDGET", 0)  # every term counts as too common for bm25
    by_length = search(db, "细胞", kind="passage")
    assert set(ids(by_length)) == set(ids(ranked))
    lengths = [len(h.snippet) for h in by_length]  # short passages: the snippet is the whole text
    assert lengths == sorted(lengths)
    assert ids(search(db, "赵阳兵 CAR-T"))[0] == "person/zhao-yangbing"  # names still come first


def test_expensive_word_being_typed_matches_whole_words_in_text(tmp_path, monkeypatch):
    db = make_db(tmp_path)
    assert "003_f3128c6eecc96df2#p07.s01" in ids(search(db, "immunoth", prefix_last=True))
    monkeypatch.setattr(search_mod, "BM25_BUDGET", 0)  # as if "immunoth*" expanded to 100 000 rows
    assert search(db, "immunoth", prefix_last=True) == []
    assert "003_f3128c6eecc96df2#p07.s01" in ids(search(db, "immunoth*"))  # an explicit star is honoured
    assert ids(search(db, "Zhangji", prefix_last=True))[0] == "place/zhangjiang"  # names: prefix index


# -- robustness ------------------------------------------------------------------------

ANY_TEXT = st.text(
    alphabet=st.sampled_from(list('"*^:+-(){}\x00 \'.NEARANDORNOT细胞张江园qianQián2😀')), max_size=40,
) | st.text(max_size=100) | st.sampled_from(["x" * 10_000, "细" * 10_000, '"' * 999, "NEAR(a b, 2)"])


def test_search_never_raises_for_any_string(tmp_path):
    db = make_db(tmp_path)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=ANY_TEXT, prefix_last=st.booleans(), kind=st.sampled_from([None, "person", "passage"]))
    def check(text, prefix_last, kind):
        hits = search(db, text, kind=kind, prefix_last=prefix_last)
        assert isinstance(hits, list) and all(isinstance(h, Hit) for h in hits)
        assert isinstance(count(db, text, kind=kind), dict)

    check()


def test_capped_count_says_which_counts_are_exact(tmp_path):
    db = make_db(tmp_path)
    full = count(db, "细胞")
    assert sum(full.values()) >= 3 and len(full) >= 2
    assert count_capped(db, "细胞", sum(full.values()) + 1) == {k: (n, True) for k, n in full.items()}
    order = [k for k in KINDS if k in full]
    first = full[order[0]]
    capped = count_capped(db, "细胞", first + 1)  # all of the first kind, one of the second
    assert capped[order[0]] == (first, True)
    assert capped[order[1]] == (1, False)
    assert all(capped[k] == (0, False) for k in order[2:])
    assert count_capped(db, "nothing-matches-this", 5) == {}
    assert count_capped(db, "Zhangji", 5, prefix_last=True)["place"] == (1, True)
