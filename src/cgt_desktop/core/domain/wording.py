"""Editors' notes in readers' words.

The corpus's descriptions and notes are written by editors for editors: "per 002", "named in 001",
"(document 003)", "repeats p06 … p06.s03 is missing". Readers see the source instead ("China News
Online, c. 15 Nov 2021") and the paragraph ("¶6, sentence 3"). The ids stay in ``--json`` and in the
"Copy id" action; the stored text is never changed, only what is shown.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from cgt_desktop.core.domain.ids import place_words

#: A reference document's number as editors write it: ``000`` … ``099``, alone or as "document 003"
#: (never a part of "2,000", "1000", a passage id or a file name).
_DOCUMENT = re.compile(r"(?<![A-Za-z0-9_,.#/\\-])(?:[Dd]ocument )?(0\d\d)(?![,.]\d|[A-Za-z0-9_#%])")
#: A passage within its document: ``p06``, ``p06.s03``, also in ranges ("p06-p07", "p06–p07").
_LOCAL = re.compile(r"(?<![A-Za-z0-9_#/])p(\d{2,3})(?:\.s(\d{2,3}))?(?![A-Za-z0-9_])")


class Wording:
    """Rewrites the editors' references in a text: document numbers and passage numbers.

    Args:
        sources: ``"000" -> (english label, chinese label)`` for each reference document, e.g.
            ``("China News Online, c. 15 Nov 2021", "中国新闻网，约2021年11月15日")``.
    """

    def __init__(self, sources: Mapping[str, tuple[str, str]]) -> None:
        self.sources = dict(sources)

    def readable(self, text: str | None, lang: str = "en") -> str:
        """Return *text* with "002" as its source's label and "p06.s03" as "¶6, sentence 3".

        *lang* is the language the text is written in (a Chinese description gets the Chinese labels).
        """
        if not text:
            return ""
        zh = lang == "zh"

        def document(m: re.Match[str]) -> str:
            label = self.sources.get(m.group(1))
            if label is None:
                return m.group(0)
            return label[1] if zh else label[0]

        def local(m: re.Match[str]) -> str:
            return place_words(int(m.group(1)), int(m.group(2)) if m.group(2) else None, lang)

        return _LOCAL.sub(local, _DOCUMENT.sub(document, text))


def source_label(outlet: str, title: str, when: str, lang: str = "en") -> str:
    """How a document is named for readers: its outlet (else its title in quotes) and its date."""
    zh = lang == "zh"
    name = outlet or ((f"《{title}》" if zh else f"“{title}”") if title else "")
    return ("，" if zh else ", ").join(x for x in (name, when) if x)


def document_labels(rows: Iterable[tuple[Any, ...]]) -> dict[str, tuple[str, str]]:
    """``number -> (en, zh)`` labels from ``(key, name_en, name_zh, date, approximate, date_stated)`` rows.

    A reference document's key starts with its number (``003_f3128c6eecc96df2``); the label is its
    short name and date: "Bioon, 14 Nov 2019", "生物谷（2019年11月14日）".
    """
    from cgt_desktop.core.domain.dates import document_when

    labels = {}
    for key, name_en, name_zh, date_, approximate, stated in rows:
        number = str(key or "")[:3]
        if not (number.isdigit() and str(key)[3:4] == "_"):
            continue
        en, zh = name_en or name_zh or number, name_zh or name_en or number
        labels[number] = (f"{en}, {document_when(date_, bool(approximate), 'en', stated or '')}",
                          f"{zh}（{document_when(date_, bool(approximate), 'zh', stated or '')}）")
    return labels
