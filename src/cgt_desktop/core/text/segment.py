"""Split an article into paragraphs and sentences, keeping the original text verbatim.

A paragraph's sentences are exact consecutive substrings of it: joining them gives the paragraph
back, character for character (the rule ``cgt-desktop check`` holds the reference corpus to). White
space after a sentence belongs to it, as in ``db/documents``.

Chinese sentences end after 。！？； or an ellipsis (…… or ...), with the closing quotes and
brackets that follow (``他说：“好。”`` is one sentence). English sentences end after . ! ? (and their
closing quotes) when white space and the start of a new sentence follow, except after an
abbreviation (Dr., No., U.S., Co., Ltd., …), a single initial (J. Smith), or a list number at the
start of a sentence (``1. Background``); decimals and versions (2.1, CAR-T 3.0) never split, since no
white space follows their point. A heading or a list item is its own paragraph when the text puts
it on its own line.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "join_lines", "paragraphs_of", "split_sentences"]

#: Words that end with a period without ending a sentence (compared case-insensitively, period included).
ABBREVIATIONS = frozenset(a.casefold() for a in (
    "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Sr.", "Jr.", "St.", "Mt.", "No.", "Nos.", "Co.", "Corp.", "Inc.",
    "Ltd.", "Bros.", "Dept.", "Univ.", "Assoc.", "Gov.", "Sen.", "Rep.", "Gen.", "Col.", "Lt.", "Capt.",
    "U.S.", "U.K.", "U.N.", "E.U.", "P.R.C.", "U.S.A.", "D.C.", "vs.", "v.", "etc.", "e.g.", "i.e.", "cf.",
    "al.", "approx.", "est.", "ca.", "Fig.", "Figs.", "Vol.", "Vols.", "pp.", "p.", "ed.", "eds.", "Eq.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    "Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat.", "Sun.", "a.m.", "p.m.", "Ph.D.", "M.D.", "B.Sc.", "M.Sc.",
))

_CLOSERS = "\"'”’」』）)】》〉]»"
_ZH_END = re.compile(rf"(?:[。！？；!?;]+|……|…|\.{{3}})[{re.escape(_CLOSERS)}]*\s*")
_EN_END = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(\s+)")
_EN_NEXT = re.compile(r"[\"'“‘(\[]*[A-Z0-9\u3400-\u9fff]")
_WORD_BEFORE = re.compile(r"(\S+)$")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\.$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def paragraphs_of(text: str) -> list[str]:
    """Split extracted text into paragraphs.

    Paragraphs are separated by blank lines; inside one, a line break is a wrapped line and is joined
    (with a space between Latin text, with nothing between Chinese characters). A text without any
    blank line has one paragraph per line. Leading and trailing white space of each paragraph is dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    blocks = re.split(r"\n[ \t\u3000]*\n", text) if re.search(r"\n[ \t\u3000]*\n", text) else text.split("\n")
    return [joined for joined in (join_lines(block.split("\n")) for block in blocks) if joined]


def join_lines(lines: list[str]) -> str:
    """Join the lines of one wrapped paragraph: a space between Latin text, nothing between Chinese."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return ""
    joined = lines[0]
    for line in lines[1:]:
        both_han = _HAN.match(joined[-1]) and _HAN.match(line[0])
        joined += ("" if both_han else " ") + line
    return joined


def _zh_cuts(paragraph: str) -> list[int]:
    return [m.end() for m in _ZH_END.finditer(paragraph) if m.end() < len(paragraph)]


def _en_cuts(paragraph: str) -> list[int]:
    cuts = []
    for m in _EN_END.finditer(paragraph):
        end = m.end()
        if end >= len(paragraph) or not _EN_NEXT.match(paragraph, end):
            continue
        head = paragraph[:m.start() + 1]  # up to and including the first terminator
        word = _WORD_BEFORE.search(head)
        token = word.group(1) if word else ""
        if paragraph[m.start()] == ".":
            bare = token.lstrip("\"'“‘([")
            if bare.casefold() in ABBREVIATIONS:
                continue
            if re.fullmatch(r"[A-Z]\.", bare):  # an initial: J. Smith
                continue
            if _LIST_NUMBER.match(head[cuts[-1] if cuts else 0:]):  # "1. Background" starting a sentence
                continue
        cuts.append(end)
    return cuts


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Split *paragraph* into sentences whose concatenation is exactly *paragraph*.

    *lang* is ``"zh"`` or ``"en"``; Chinese rules also apply to a Chinese sentence inside English text
    and the English ones to English inside Chinese (a paragraph may mix both).
    """
    if not paragraph:
        return []
    cuts = set(_zh_cuts(paragraph) if lang == "zh" else _en_cuts(paragraph))
    if lang == "zh":  # an English sentence quoted in Chinese news
        cuts.update(c for c in _en_cuts(paragraph) if c > 0 and not _HAN.search(paragraph[max(0, c - 3):c]))
    else:
        cuts.update(m.end() for m in re.finditer(r"[。！？]+[”’」』）)]*\s*", paragraph) if m.end() < len(paragraph))
    out, start = [], 0
    for cut in sorted(cuts):
        if cut > start:
            out.append(paragraph[start:cut])
            start = cut
    out.append(paragraph[start:])
    if len(out) > 1 and not out[-1].strip():  # trailing white space stays with the last sentence
        out[-2] += out.pop()
    if len(out) > 1 and not out[0].strip():
        out[1] = out.pop(0) + out[1]
    return out
