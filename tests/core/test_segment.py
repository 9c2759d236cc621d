"""Sentence segmentation for news in Chinese and English: verbatim, and where a reader expects the breaks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cgt_desktop.core.text.segment import paragraphs_of, split_sentences

ZH_CASES = [
    ("他说：“我们会继续努力。”随后他离开了。", ["他说：“我们会继续努力。”", "随后他离开了。"]),
    ("这是第一句！真的吗？是的；没错……好", ["这是第一句！", "真的吗？", "是的；", "没错……", "好"]),
    ("CAR-T 3.0 产品获批。估值达2.1亿元。", ["CAR-T 3.0 产品获批。", "估值达2.1亿元。"]),
    ("（完）", ["（完）"]),
]
EN_CASES = [
    ("Dr. Wang of Acme Co. Ltd. met J. Smith in the U.S. on Jan. 5. The trial began.",
     ["Dr. Wang of Acme Co. Ltd. met J. Smith in the U.S. on Jan. 5. ", "The trial began."]),
    ("The CAR-T 3.0 trial raised 2.1 billion yuan. It is No. 1 in China.",
     ["The CAR-T 3.0 trial raised 2.1 billion yuan. ", "It is No. 1 in China."]),
    ('"We will expand," she said. "Soon!" He agreed.', ['"We will expand," she said. ', '"Soon!" ', "He agreed."]),
    ("1. Background of the study. It began in 2019.", ["1. Background of the study. ", "It began in 2019."]),
    ("He (Dr. Wang) arrived. Then he left!", ["He (Dr. Wang) arrived. ", "Then he left!"]),
    ("Shares rose 3.5% to 12.40 yuan, e.g. on Monday.", ["Shares rose 3.5% to 12.40 yuan, e.g. on Monday."]),
]


@pytest.mark.parametrize("text, expected", ZH_CASES)
def test_chinese_sentences_end_after_their_punctuation_and_quotes(text, expected):
    assert split_sentences(text, "zh") == expected


@pytest.mark.parametrize("text, expected", EN_CASES)
def test_english_sentences_survive_abbreviations_initials_decimals_and_list_numbers(text, expected):
    assert split_sentences(text, "en") == expected


def test_a_mixed_paragraph_splits_the_quoted_other_language_too():
    assert split_sentences("The company said: 我们很高兴。It then listed.", "en") == [
        "The company said: 我们很高兴。", "It then listed."]


def test_paragraphs_are_blank_line_blocks_with_wrapped_lines_joined():
    text = "Title line\n\nFirst paragraph wrapped\nover two lines.\n\n第一段\n继续。\r\n\r\nLast"
    assert paragraphs_of(text) == ["Title line", "First paragraph wrapped over two lines.", "第一段继续。", "Last"]
    assert paragraphs_of("one line\nanother line\n") == ["one line", "another line"]  # no blank line: each line


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z9.。！？；…\"“”'’)（）\n\t 中文A.B.Dr.No.")), max_size=120),
       st.sampled_from(["zh", "en"]))
def test_joining_the_sentences_gives_the_paragraph_back_exactly(text, lang):
    parts = split_sentences(text, lang)
    assert "".join(parts) == text
    assert all(parts) and (len(parts) == 1 or all(p.strip() for p in parts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["zh", "en"]))
def test_any_text_round_trips(text, lang):
    assert "".join(split_sentences(text, lang)) == text
