"""Find mentions of corpus entities in a text, in Chinese and English.

The reader marks people, organizations, places, policies and technologies
where a sentence names them. Names come from the corpus itself (``name_en``,
``name_zh`` and every alias), so a mention is only ever a string the editors
recorded for that entity.

Rules:

* the longest name wins, and mentions never overlap (``张江科学城`` is one
  mention of the science city, not ``张江`` plus a stray ``科学城``);
* Latin names match case-insensitively on word boundaries (``Zhangjiang``
  is not found inside ``Zhangjiangxi``); short all-capital abbreviations
  (``MOST``, ``NK``) match only in capitals, so "most" is not the ministry;
* very short names are skipped: Latin names under three characters unless
  they are an all-capital abbreviation, Chinese names of one character;
* a string that names two different entities equally is ambiguous and
  is not marked (an entity's own name beats another entity's alias).

The module is Qt-free. :func:`matcher_for` builds one :class:`MentionMatcher`
per store and caches it.
"""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from typing import Any, Iterable

#: The entity kinds whose names are marked in texts.
MENTION_KINDS = ("person", "organization", "place", "policy", "technology")

#: All-capital Latin names up to this length match case-sensitively.
_ABBREVIATION_MAX = 6


@dataclass(frozen=True)
class Mention:
    """One mention: ``text[start:end]`` names ``entity_id``."""

    start: int
    end: int
    entity_id: str


def _is_latin_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _fold(text: str) -> str:
    """Lower-case *text* without changing its length (offsets must stay valid)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (bool(letters) and all(c.isascii() and c.isupper() for c in letters)
            and len(name) <= _ABBREVIATION_MAX)


def _has_han(name: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in name)


def usable_name(name: str | None) -> bool:
    """Return whether *name* is long and specific enough to mark in running text."""
    if not name:
        return False
    name = name.strip()
    if not name:
        return False
    if _has_han(name):
        return len(name) >= 2
    if _is_abbreviation(name):
        return len(name) >= 2
    return len(name) >= 3


@dataclass(frozen=True)
class _Pattern:
    key: str              # what to compare with (folded unless case-sensitive)
    entity_id: str
    case_sensitive: bool
    left_boundary: bool   # needs a Latin word boundary before
    right_boundary: bool  # needs a Latin word boundary after


class MentionMatcher:
    """Finds mentions of a fixed set of names; build once, use on many texts."""

    def __init__(self, names: Iterable[tuple[str, str, int]]) -> None:
        """Build the matcher.

        Args:
            names: ``(text, entity_id, priority)`` triples; when one text names several
                entities, the lowest priority wins, and a tie makes the text ambiguous
                (it is then not marked).
        """
        best: dict[tuple[str, bool], tuple[int, set[str]]] = {}
        for text, entity_id, priority in names:
            if not usable_name(text):
                continue
            text = text.strip()
            sensitive = _is_abbreviation(text) and not _has_han(text)
            key = (text if sensitive else _fold(text), sensitive)
            current = best.get(key)
            if current is None or priority < current[0]:
                best[key] = (priority, {entity_id})
            elif priority == current[0]:
                current[1].add(entity_id)
        self._index: dict[str, list[_Pattern]] = {}
        self.size = 0
        for (key, sensitive), (_prio, ids) in best.items():
            if len(ids) != 1:
                continue
            pattern = _Pattern(key, next(iter(ids)), sensitive, _is_latin_word_char(key[0]),
                               _is_latin_word_char(key[-1]))
            self._index.setdefault(_fold(key[0]), []).append(pattern)
            self.size += 1
        for patterns in self._index.values():
            patterns.sort(key=lambda p: -len(p.key))

    @classmethod
    def from_connection(cls, conn: sqlite3.Connection) -> MentionMatcher:
        """Build a matcher from a reference database's ``entities`` and ``aliases`` tables."""
        marks = ",".join("?" * len(MENTION_KINDS))
        names: list[tuple[str, str, int]] = []
        kinds: dict[str, str] = {}
        for entity_id, _kind, name_en, name_zh in conn.execute(
                f"SELECT id, kind, name_en, name_zh FROM entities WHERE kind IN ({marks}) ORDER BY id",
                MENTION_KINDS):
            kinds[entity_id] = _kind
            names.append((name_en or "", entity_id, 0))
            names.append((name_zh or "", entity_id, 0))
        for entity_id, alias in conn.execute("SELECT entity_id, alias FROM aliases ORDER BY rowid"):
            if entity_id in kinds:
                names.append((alias or "", entity_id, 1))
        return cls(names)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return the mentions in *text* as sorted, non-overlapping ``(start, end, entity_id)``.

        Every candidate is found first; then the longest are kept first (ties: the
        earlier), and a candidate overlapping one already kept is dropped.
        """
        if not text or not self._index:
            return []
        folded = _fold(text)
        n = len(text)
        index = self._index
        candidates: list[tuple[int, int, str]] = []
        for i, ch in enumerate(folded):
            patterns = index.get(ch)
            if patterns is None:
                continue
            for p in patterns:
                source = text if p.case_sensitive else folded
                if not source.startswith(p.key, i):
                    continue
                end = i + len(p.key)
                if p.left_boundary and i > 0 and _is_latin_word_char(text[i - 1]):
                    continue
                if p.right_boundary and end < n and _is_latin_word_char(text[end]):
                    continue
                candidates.append((i, end, p.entity_id))
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = [False] * n
        kept = []
        for start, end, entity_id in candidates:
            if any(taken[start:end]):
                continue
            for k in range(start, end):
                taken[k] = True
            kept.append((start, end, entity_id))
        kept.sort()
        return kept

    def mentions(self, text: str) -> list[Mention]:
        """Like :meth:`find`, as :class:`Mention` objects."""
        return [Mention(s, e, i) for s, e, i in self.find(text)]


_CACHE: "weakref.WeakKeyDictionary[Any, MentionMatcher]" = weakref.WeakKeyDictionary()


def matcher_for(store: Any) -> MentionMatcher:
    """Return the matcher for a :class:`~cgt_desktop.core.store.ReferenceStore`, built once per store."""
    matcher = _CACHE.get(store)
    if matcher is None:
        matcher = MentionMatcher.from_connection(store.db.conn)
        _CACHE[store] = matcher
    return matcher
