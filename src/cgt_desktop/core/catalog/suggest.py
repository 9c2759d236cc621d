"""Did you mean…: the nearest names when a search finds nothing ("Zhangjang" → Zhangjiang).

A fallback only: it runs when a query has no hit at all. The words of every name (English words,
pinyin, Chinese names whole) are read once per catalog and compared with :mod:`difflib`, only
against words of about the same length and the same first letter, so a misspelt query over 100 000
entities costs tens of milliseconds, not a scan of every name.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from cgt_desktop.core.catalog.search import TITLED_KINDS
from cgt_desktop.core.catalog.search_index import ITEMS_TABLE

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Suggestion:
    """A name near what was typed: the item, and the word of its name that is near (``Zhangjiang``)."""

    id: str
    kind: str
    name_en: str
    name_zh: str
    word: str


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


class NameWords:
    """The words of the catalog's names, grouped by first letter, and the items each word names."""

    def __init__(self, conn: Any) -> None:
        self.items: dict[str, list[int]] = {}
        self.by_start: dict[str, list[str]] = {}
        sql = (f"SELECT rowid, name_en, name_zh, aliases FROM {ITEMS_TABLE} WHERE kind NOT IN "
               f"({','.join('?' * len(TITLED_KINDS))})")
        import json

        for rowid, name_en, name_zh, aliases in conn.execute(sql, TITLED_KINDS):
            try:
                names = [name_en, name_zh, *json.loads(aliases or "[]")]
            except ValueError:
                names = [name_en, name_zh]
            for name in names:
                if not name:
                    continue
                words = {name} if _HAN.search(name) and len(name) <= 12 else set()
                words |= {_fold(w) for w in _WORD.findall(name) if not _HAN.search(w)}
                folded = _fold(name).replace(" ", "")
                if len(folded) >= 4 and folded.isascii():
                    words.add(folded)  # "zhangyangbing" for a pinyin typed without spaces
                for word in words:
                    self.items.setdefault(word, []).append(rowid)
        for word in self.items:
            self.by_start.setdefault(word[:1], []).append(word)

    def near(self, word: str, n: int = 3) -> list[str]:
        """The known words nearest *word* (same first letter, length within a third)."""
        word = word if _HAN.search(word) else _fold(word)
        pool = [w for w in self.by_start.get(word[:1], ()) if abs(len(w) - len(word)) <= max(2, len(word) // 3)]
        cutoff = 0.6 if _HAN.search(word) else 0.75 if len(word) > 4 else 0.8  # 钱其君 → 钱其军: one of three
        return difflib.get_close_matches(word, pool, n=n, cutoff=cutoff)


def suggest(catalog: Any, text: str, limit: int = 5) -> list[Suggestion]:
    """Items whose names hold a word near one of *text*'s words, the nearest first; ``[]`` if none."""
    words = [w for w in re.split(r"\s+", text.strip()) if len(w) >= 3 or _HAN.search(w)]
    if not words:
        return []
    table = catalog.name_words()
    joined = "".join(_fold(w) for w in words)
    candidates = [joined] if len(words) > 1 and joined.isascii() else []
    candidates += words
    rowids: list[tuple[int, str]] = []
    rank: dict[str, int] = {}
    for word in candidates:
        for near in table.near(word):
            rank.setdefault(near, len(rank))
            rowids += [(rowid, near) for rowid in table.items.get(near, [])]
        if rowids:
            break
    if not rowids:
        return []
    found: dict[int, str] = {}
    for rowid, near in rowids:
        found.setdefault(rowid, near)
    marks = ",".join("?" * len(found))
    rows = catalog.conn.execute(
        f"SELECT rowid, item_id, kind, name_en, name_zh FROM {ITEMS_TABLE} WHERE rowid IN ({marks})",
        list(found)).fetchall()
    rows.sort(key=lambda r: (rank[found[r[0]]], len(r[3] or r[4] or ""), r[1]))  # nearest word, shortest name
    return [Suggestion(r[1], r[2], r[3] or "", r[4] or "", found[r[0]]) for r in rows[:limit]]
