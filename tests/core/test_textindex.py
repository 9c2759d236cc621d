"""Tokens, queries and snippets for full-text search (pure functions, no app database)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cgt_desktop.core.text.textindex import (
    MAX_TERMS, fold, index_tokens, parse_query, pinyin_tokens, snippet, unigram_tokens,
)

# -- tokens ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("细胞治疗", "细胞 胞治 治疗"),
        ("CAR-T细胞疗法", "car t 细胞 胞疗 疗法"),
        ("Zhangjiang Cell Industry Park", "zhangjiang cell industry park"),
        ("ＣＡＲ－Ｔ　细胞", "car t 细胞"),  # full-width forms
        ("Qián Qíjūn, naïve", "qian qijun naive"),
        ("2019年11月14日", "2019 年 11 月 14 日"),  # a lone Han character stays itself
        ("猫", "猫"),
        ("«IL-2» & CD19_x", "il 2 cd19 x"),
        ("", ""),
        (None, ""),
    ],
)
def test_index_tokens(text, tokens):
    assert index_tokens(text) == tokens


def test_unigram_tokens_lists_every_han_character_only():
    assert unigram_tokens("张江 Cell 产业园,２０１９年") == "张 江 产 业 园 年"
    assert unigram_tokens(None) == ""


def test_pinyin_tokens_cover_syllables_concatenations_and_whole_name():
    tokens = pinyin_tokens(["钱其军"]).split()
    assert {"qian", "qi", "jun", "qianqi", "qijun", "qianqijun"} <= set(tokens)
    assert tokens[:3] == ["qian", "qi", "jun"]  # in order, so a quoted pinyin phrase works
    long = set(pinyin_tokens(["张江细胞产业园"]).split())
    assert {"zhangjiang", "xibao", "zhangjiangxibao", "chanyeyuan", "zhangjiangxibaochanyeyuan"} <= long
    assert "zhangjiangxibaochan" not in long  # 5 syllables: only the whole name is that long


def test_pinyin_tokens_u_umlaut_both_ways_and_surname_readings():
    assert {"lv", "lu", "lvxin", "luxin"} <= set(pinyin_tokens(["吕欣"]).split())
    assert {"shan", "shanwen", "danwen"} <= set(pinyin_tokens(["单文"]).split())


def test_pinyin_tokens_ignore_non_han_and_handle_empty():
    assert pinyin_tokens([]) == ""
    assert pinyin_tokens(["CAR-T", ""]) == ""
    assert {"shanghai", "zhangjiang", "jituan"} <= set(pinyin_tokens(["上海张江(集团)"]).split())


# -- queries ---------------------------------------------------------------------------


def expr(text, **kw):
    query = parse_query(text, **kw)
    return None if query is None else query.match_expression()


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("细胞", '"细胞"'),
        ("园", '"园"'),
        ("细胞治疗", '"细胞 胞治 治疗"'),
        ("CAR-T", '"car t"'),
        ("IMMUNO*", '"immuno"*'),
        ("cell therapy", '"cell" AND "therapy"'),
        ('"cell therapy" Shanghai', '"cell therapy" AND "shanghai"'),
        ('"cell ther', '"cell ther"'),  # an unclosed quote runs to the end
        ("Qián Qíjūn", '"qian" AND "qijun"'),
        ("zhao2 yang2bing1", '"zhao" AND "yangbing"'),
        ("CD19 il2 p53 2019", '"cd19" AND "il2" AND "p53" AND "2019"'),  # digits that are not tones
        ("cell AND therapy OR NOT x", '"cell" AND "therapy" AND "x"'),
        ("T细胞 2019年", '"t 细胞" AND "2019" AND "年"'),
        ("细胞 细胞", '"细胞"'),
    ],
)
def test_parse_query(text, expression):
    assert expr(text) == expression


def test_one_character_terms_can_be_restricted_to_unigram_columns():
    query = parse_query("园 张江")
    assert query.match_expression(("names_uni", "body_uni")) == '{names_uni body_uni} : "园" AND "张江"'


@pytest.mark.parametrize("text", ["", "   ", "\x00", '""', '"', "AND OR NOT", "😀🎉", "^ : + - ( ) * {}", None])
def test_nothing_searchable_gives_none(text):
    assert parse_query(text) is None


def test_prefix_last_marks_the_term_being_typed():
    assert expr("qian qij", prefix_last=True) == '"qian" AND "qij"*'
    assert expr("qian qij ", prefix_last=True) == '"qian" AND "qij"'  # the word is finished
    assert expr("CAR-T", prefix_last=True) == '"car t"*'
    assert expr("张江", prefix_last=True) == '"张江"'  # Chinese needs no prefix
    assert parse_query("t", prefix_last=True).match_expression(min_prefix=3) == '"t"'


def test_terms_are_capped():
    query = parse_query(" ".join(f"word{i}" for i in range(100)))
    assert len(query.terms) == MAX_TERMS


def test_has_han_tells_the_query_language():
    assert parse_query("细胞 therapy").has_han
    assert not parse_query("cell therapy").has_han


NASTY = st.text(
    alphabet=st.sampled_from(list('"*^:+-(){}[]\x00 \t\n\'.,;NEARANDORNOT细胞张江园qianQián2😀\u0301ﬁ«»')),
    max_size=60,
) | st.text(max_size=200) | st.just("x" * 10_000) | st.just("细" * 10_000)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NASTY, prefix_last=st.booleans())
def test_any_string_gives_a_valid_expression_of_quoted_tokens(text, prefix_last):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(names, names_uni, body, body_uni, content='')")
    query = parse_query(text, prefix_last=prefix_last)
    if query is None:
        return
    for expression in (query.match_expression(), query.match_expression(("names_uni",), 3)):
        # Outside double-quoted strings only AND, prefix stars and our column filters remain.
        outside = re.sub(r'"(?:[^"]|"")*"', "", expression)
        assert re.fullmatch(r"(?:\s|AND|\*|\{[a-z_ ]+\}\s*:)*", outside), expression
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


# -- snippets --------------------------------------------------------------------------

PASSAGE_EN = (
    "The summit was co-hosted by the Shanghai Institute of Materia Medica and attended by "
    "experts who presented recent progress in CAR-T cell immunotherapy for solid tumours, "
    "as well as gene editing and stem cell research from Zhangjiang Science City."
)


def test_snippet_cuts_a_window_around_the_first_match_and_marks_it():
    cut = snippet(PASSAGE_EN, parse_query("car-t"), width=60)
    assert "«CAR-T»" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 60 + 4


def test_snippet_is_case_and_accent_insensitive_for_latin_and_marks_prefixes():
    assert "«Immunotherapy»" in snippet("Immunotherapy works.", "IMMUNO*")
    assert "«Qián Qíjūn»" in snippet("Prof. Qián Qíjūn spoke.", '"qian qijun"')
    assert "«cell»" in snippet("A cell; cellular.", "cell") and "«cellular»" not in snippet("cellular", "cell")


def test_snippet_marks_every_chinese_match_exactly():
    text = "2019年11月14日,首届张江细胞治疗国际峰会在张江科学城揭开帷幕。"
    assert snippet(text, "张江") == "2019年11月14日,首届«张江»细胞治疗国际峰会在«张江»科学城揭开帷幕。"
    assert "«园»" in snippet("张江细胞产业园", "园")


def test_snippet_without_match_shows_the_start():
    assert snippet(PASSAGE_EN, "nothing-here", width=30).startswith("The summit")
    assert snippet("", "x") == ""


def test_fold_maps_back_to_original_positions():
    folded, origin = fold("ＣＡＲ Qián ﬁ")
    assert folded == "car qian fi"
    assert [origin[i] for i in (0, 4, 10)] == [0, 4, 9]
