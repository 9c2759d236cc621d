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

The module is Qt-free and reads no database: the catalog gives it the names
(:meth:`MentionMatcher.from_rows`) and stores its tables
(:mod:`cgt_desktop.core.catalog.mention_cache`; building them from 100 000
entities takes ~1.5 s, loading them ~0.15 s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable



#: Per-entity rules in the sources (``"mention": "cited"``): a name that is also a common word (the
#: journal *Cell*) is marked only in the passages the entity cites, where the editors read it as a name.
MENTION_RULES = ("cited",)

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
    if len(name) > _ABBREVIATION_MAX:
        return False
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isascii() and c.isupper() for c in letters)


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _has_han(name: str) -> bool:
    return _HAN.search(name) is not None


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


class MentionMatcher:
    """Finds mentions of a fixed set of names; build once, use on many texts.

    Names are kept in two dicts from the compared string to its entity id (folded
    names, and all-capital abbreviations compared as written), plus, for every
    two-character folded prefix, the distinct name lengths that start with it
    (longest first). :meth:`find` then tries, at each position, only those lengths
    with one dict lookup each, instead of scanning every name with the same first
    character.
    """

    def __init__(self, names: Iterable[tuple[str, str, int]]) -> None:
        """Build the matcher.

        Args:
            names: ``(text, entity_id, priority)`` triples; when one text names several
                entities, the lowest priority wins, and a tie makes the text ambiguous
                (it is then not marked).
        """
        # (compared string, case-sensitive) -> (priority, entity id, or None when ambiguous)
        best: dict[tuple[str, bool], tuple[int, str | None]] = {}
        for text, entity_id, priority in names:
            text = (text or "").strip()
            han = _has_han(text)
            sensitive = not han and _is_abbreviation(text)
            if len(text) < (2 if han or sensitive else 3):
                continue  # the rules of usable_name(), computed once
            key = (text if sensitive else _fold(text), sensitive)
            current = best.get(key)
            if current is None or priority < current[0]:
                best[key] = (priority, entity_id)
            elif priority == current[0] and current[1] != entity_id:
                best[key] = (priority, None)
        folded: dict[str, str] = {}      # folded name -> entity id
        exact: dict[str, str] = {}       # case-sensitive abbreviation -> entity id
        abbreviation_folds = {_fold(key) for key, sensitive in best if sensitive}
        order: dict[tuple[str, bool], int] = {}  # position in `best`, for ties (below)
        lengths: dict[str, set[int]] = {}
        ids: dict[str, str] = {}         # share one string per entity id
        self.size = 0
        for seq, ((key, sensitive), (_prio, entity_id)) in enumerate(best.items()):
            if entity_id is None:
                continue
            self.size += 1
            entity_id = ids.setdefault(entity_id, entity_id)
            if sensitive:
                exact[key] = entity_id
                prefix = _fold(key[0]) + _fold(key[1])
            else:
                if _fold(key[0]) != key[0]:
                    continue  # can never equal the folded text (the scan compares folded chars)
                folded[key] = entity_id
                prefix = key[:2]
            if sensitive or key in abbreviation_folds:
                order[key, sensitive] = seq
            lengths.setdefault(prefix, set()).add(len(key))
        self._folded = folded
        self._exact = exact
        # An abbreviation whose folded form is also a folded name: which was listed first
        # decides which entity wins when both match the same span.
        self._exact_first = frozenset(
            k for k in exact if order.get((_fold(k), False), -1) > order[k, True])
        self._lengths = {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in lengths.items()}
        self._cited: dict[str, list[list[str]]] = {}  # passage id -> [[name, entity id], …] (rule "cited")
        #: passage id -> entities not to link there (the user marked such a link wrong); not part of the state.
        self.refused: dict[str, set[str]] = {}

    def state(self) -> dict[str, Any]:
        """The matcher's tables, JSON-ready (:meth:`from_state` gives the same matcher back)."""
        return {"folded": self._folded, "exact": self._exact, "exact_first": sorted(self._exact_first),
                "lengths": self._lengths, "size": self.size, "cited": self._cited}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> MentionMatcher:
        """Rebuild a matcher from :meth:`state` (read back from JSON).

        Raises:
            ValueError: *state* is not a matcher's state.
        """
        try:
            folded, exact = dict(state["folded"]), dict(state["exact"])
            lengths = {str(prefix): tuple(int(n) for n in ns) for prefix, ns in state["lengths"].items()}
            exact_first, size = frozenset(state["exact_first"]), int(state["size"])
            cited = {str(k): [[str(n), str(i)] for n, i in v] for k, v in state.get("cited", {}).items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a mention matcher's state: {exc}") from exc
        matcher = cls(())
        matcher._folded, matcher._exact, matcher._exact_first = folded, exact, exact_first
        matcher._lengths, matcher.size, matcher._cited = lengths, size, cited
        return matcher

    @classmethod
    def from_rows(cls, entities: Iterable[tuple[str, str, str | None, str | None, str | None]],
                  aliases: Iterable[tuple[str, str | None]],
                  citations: Callable[[str], Iterable[str]]) -> MentionMatcher:
        """Build a matcher from entity rows ``(id, kind, name_en, name_zh, mention rule)`` of
        :data:`MENTION_KINDS` (in id order), alias rows ``(entity id, alias)`` and, for the entities
        marked ``cited``, *citations* (entity id -> the passages citing it)."""
        names: list[tuple[str, str, int]] = []
        kinds: dict[str, str] = {}
        cited_only: dict[str, list[str]] = {}  # entity id -> its names (rule "cited")
        for entity_id, _kind, name_en, name_zh, rule in entities:
            if rule == "cited":
                cited_only[entity_id] = [n for n in (name_en, name_zh) if usable_name(n)]
                continue
            kinds[entity_id] = _kind
            names.append((name_en or "", entity_id, 0))
            names.append((name_zh or "", entity_id, 0))
        for entity_id, alias in aliases:
            if entity_id in kinds:
                names.append((alias or "", entity_id, 1))
            elif entity_id in cited_only and usable_name(alias):
                cited_only[entity_id].append(alias)
        matcher = cls(names)
        for entity_id, own in cited_only.items():
            for passage_id in citations(entity_id):
                matcher._cited.setdefault(passage_id, []).extend([name, entity_id] for name in own)
        return matcher

    def find(self, text: str, passage_id: str | None = None) -> list[tuple[int, int, str]]:
        """Return the mentions in *text* as sorted, non-overlapping ``(start, end, entity_id)``.

        Every candidate is found first; then the longest are kept first (ties: the
        earlier), and a candidate overlapping one already kept is dropped. With
        *passage_id*, the names of entities marked only where they are cited are
        looked for too (as written, on word boundaries), if that passage cites them.
        """
        if not text or not (self._lengths or self._cited):
            return []
        extra = self._cited_names(passage_id) if passage_id and self._cited else []
        folded = _fold(text)
        n = len(text)
        lengths_by_prefix = self._lengths
        folded_names = self._folded
        exact_names = self._exact
        exact_first = self._exact_first
        latin = _is_latin_word_char
        candidates: list[tuple[int, int, str]] = []
        for name, entity_id in extra:
            for match in re.finditer(re.escape(name), text):
                start, end = match.span()
                if (start and latin(name[0]) and latin(text[start - 1])) or (
                        end < n and latin(name[-1]) and latin(text[end])):
                    continue
                candidates.append((start, end, entity_id))
        for i in range(n - 1):
            lengths = lengths_by_prefix.get(folded[i:i + 2])
            if lengths is None:
                continue
            before_is_word = i > 0 and latin(text[i - 1])
            for length in lengths:
                end = i + length
                if end > n:
                    continue
                entity_id = folded_names.get(folded[i:end])
                exact_id = exact_names.get(text[i:end]) if exact_names else None
                if entity_id is None and exact_id is None:
                    continue
                found = []
                if entity_id is not None:
                    found.append((folded, entity_id))
                if exact_id is not None:
                    found.insert(0 if text[i:end] in exact_first else len(found), (text, exact_id))
                for source, match_id in found:
                    # Boundaries are checked where the name has a Latin letter or digit at that end.
                    if before_is_word and latin(source[i]):
                        continue
                    if end < n and latin(source[end - 1]) and latin(text[end]):
                        continue
                    candidates.append((i, end, match_id))
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(n)
        kept = []
        for start, end, entity_id in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, entity_id))
        kept.sort()
        if passage_id and self.refused:
            paragraph = passage_id.rsplit(".", 1)[0] if "#" in passage_id else passage_id
            wrong = self.refused.get(passage_id, set()) | self.refused.get(paragraph, set())
            kept = [m for m in kept if m[2] not in wrong]
        return kept

    def _cited_names(self, passage_id: str) -> list[list[str]]:
        """The cited-only names for a sentence: those of its own citations and of its paragraph's."""
        paragraph = passage_id.rsplit(".", 1)[0] if "#" in passage_id else passage_id
        return self._cited.get(passage_id, []) + (self._cited.get(paragraph, []) if paragraph != passage_id else [])

    def mentions(self, text: str) -> list[Mention]:
        """Like :meth:`find`, as :class:`Mention` objects."""
        return [Mention(s, e, i) for s, e, i in self.find(text)]


#: Bump when the matching rules change: a stored matcher of another version is not used.
MATCHER_VERSION = 2
