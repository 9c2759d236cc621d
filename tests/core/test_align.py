"""Alignment of an original with its translation, on small pairs whose right answer is known."""

from __future__ import annotations

from cgt_desktop.core.text.align import Lexicon, align

LEXICON = Lexicon([("钱其军", "Qian Qijun"), ("张江", "Zhangjiang"), ("细胞治疗", "cell therapy")], use_cedict=False)


def _beads(src, tgt, src_lang="zh", tgt_lang="en", **kw):
    return [(b.src, b.tgt) for b in align(src, tgt, src_lang, tgt_lang, LEXICON, **kw)]


def test_one_to_one_news_sentences_align_by_names_and_numbers():
    zh = ["2019年，钱其军在张江创办了一家公司。", "该公司员工超过300人。", "他表示细胞治疗前景广阔。"]
    en = ["In 2019, Qian Qijun founded a company in Zhangjiang.", "The company has more than 300 employees.",
          "He said cell therapy has broad prospects."]
    assert _beads(zh, en) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_a_sentence_translated_as_two_is_a_one_to_two_bead():
    zh = ["2019年，钱其军在张江创办了一家公司，该公司员工超过300人。", "他表示细胞治疗前景广阔。"]
    en = ["In 2019, Qian Qijun founded a company in Zhangjiang.", "The company has more than 300 employees.",
          "He said cell therapy has broad prospects."]
    assert _beads(zh, en) == [((0,), (0, 1)), ((1,), (2,))]


def test_two_sentences_translated_as_one_is_a_two_to_one_bead():
    zh = ["钱其军2019年在张江创业。", "公司有300名员工。", "他表示细胞治疗前景广阔。"]
    en = ["Qian Qijun started a business in Zhangjiang in 2019 with 300 employees.",
          "He said cell therapy has broad prospects."]
    assert _beads(zh, en) == [((0, 1), (0,)), ((2,), (1,))]


def test_an_untranslated_sentence_is_a_one_to_nothing_bead():
    zh = ["钱其军2019年在张江创业。", "（记者 王明 报道）", "公司有300名员工。"]
    en = ["Qian Qijun started a business in Zhangjiang in 2019.", "The company has 300 employees."]
    beads = _beads(zh, en)
    assert ((1,), ()) in beads or ((0, 1), (0,)) in beads or ((1, 2), (1,)) in beads  # the byline has no match
    assert [b for b in beads if b[0] == (0,) or b[0][:1] == (0,)][0][1] == (0,)


def test_english_original_with_chinese_translation_aligns_too():
    en = ["In 2019, Qian Qijun founded a company.", "It has 300 employees."]
    zh = ["2019年，钱其军创办了一家公司。", "公司有300名员工。"]
    assert _beads(en, zh, "en", "zh") == [((0,), (0,)), ((1,), (1,))]


def test_a_bead_never_joins_two_paragraphs():
    zh = ["钱其军2019年在张江创业。", "公司有300名员工。"]
    en = ["Qian Qijun started a business in Zhangjiang in 2019 with 300 employees."]
    beads = _beads(zh, en, src_groups=[0, 1])
    assert all(len(b[0]) <= 1 for b in beads)


def test_confidence_is_high_for_a_true_translation_and_low_for_an_unrelated_text():
    zh = ["2019年，钱其军在张江创办了一家公司。", "该公司员工超过300人。"]
    right = ["In 2019, Qian Qijun founded a company in Zhangjiang.", "The company has more than 300 employees."]
    wrong = ["The weather in London was mild last week.", "Football fans gathered in the square."]
    good = [b.confidence for b in align(zh, right, "zh", "en", LEXICON)]
    bad = [b.confidence for b in align(zh, wrong, "zh", "en", LEXICON)]
    assert min(good) > 0.6 > max(bad)
