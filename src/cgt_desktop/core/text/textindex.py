"""Pure text functions behind full-text search: tokens, queries, snippets.

SQLite's ``unicode61`` tokenizer keeps a run of Han characters as one token,
so Chinese cannot be searched with it directly. Instead the index stores text
that this module has already tokenized (space-separated), which ``unicode61``
then merely splits on spaces:

* Latin/digit words are lower-cased, diacritics stripped (``CAR-T`` becomes
  ``car t``);
* every run of Han characters becomes overlapping bigrams (``细胞治疗`` becomes
  ``细胞 胞治 治疗``); a run of one character stays itself;
* separate unigram columns hold each Han character, for one-character queries;
* a pinyin column lets ``qianqijun`` or ``Qian Qijun`` find 钱其军.

Queries go through the same functions and come out as an FTS5 ``MATCH``
expression made only of our own double-quoted tokens, so no user string can
inject FTS5 syntax. Nothing here touches a database or imports Qt.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MAX_TERMS", "Query", "Term", "fold", "index_tokens", "parse_query", "pinyin_tokens",
           "snippet", "unigram_tokens"]  # fmt: skip

MAX_TERMS = 16
"""Terms beyond this many are ignored: keeps every query fast."""
MAX_QUERY_CHARS = 1000
"""User input beyond this many characters is ignored."""
MAX_PHRASE_TOKENS = 32
"""Tokens beyond this many in one phrase are ignored."""
MAX_PINYIN_NGRAM = 4
"""Longest run of syllables indexed as one pinyin token (besides the whole name)."""

_HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002fa1f\U00030000-\U0003134f"
)
_HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
_WORD = re.compile(r"[^\W_]+")
_WORD_CHAR = f"(?:(?![{_HAN_CLASS}])[^\\W_])"
_OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})

# Toneless pinyin syllable (approximate but strict enough to tell ``qian2``
# from ``il2``, ``cd19`` or ``p53``): optional initial + final; a syllable with
# no initial must start with a, o or e (``yi``/``wu`` spell i/u with y/w).
_PINYIN_SYLLABLE = (
    "(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
    "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in"
    "|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)"
    "|(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e))"
)
_TONED_PINYIN = re.compile(f"(?:{_PINYIN_SYLLABLE}[1-5]?)+")


def _strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed == text:
        return text
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_words(part: str) -> list[str]:
    if not part.isascii():
        part = _strip_diacritics(part)
    return _WORD.findall(part.lower())


def _segments(text: str) -> list[tuple[bool, str]]:
    """Split NFKC text into ``(is_han, text)``: Han runs and words, in order."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for match in _HAN_RUN.finditer(text):
        out.extend((False, w) for w in _latin_words(text[pos : match.start()]))
        out.append((True, match.group()))
        pos = match.end()
    out.extend((False, w) for w in _latin_words(text[pos:]))
    return out


def _tokens(segments: list[tuple[bool, str]]) -> list[str]:
    """Index tokens of segments: words as they are, Han runs as bigrams."""
    out: list[str] = []
    for is_han, seg in segments:
        if is_han and len(seg) > 1:
            out.extend([seg[i : i + 2] for i in range(len(seg) - 1)])
        else:
            out.append(seg)
    return out


def index_tokens(text: str | None) -> str:
    """Tokenize text for the word/bigram columns of the index.

    Args:
        text: Any text, Chinese, English or mixed; ``None`` counts as empty.

    Returns:
        Space-separated tokens: lower-cased Latin/digit words without
        diacritics and overlapping Han bigrams, in reading order.

    Example:
        >>> index_tokens("CAR-T细胞治疗")
        'car t 细胞 胞治 治疗'
    """
    if not text:
        return ""
    return " ".join(_tokens(_segments(unicodedata.normalize("NFKC", text))))


def unigram_tokens(text: str | None) -> str:
    """Return every Han character of ``text`` as a token, space-separated.

    Args:
        text: Any text; ``None`` counts as empty.

    Returns:
        The Han characters in order, e.g. ``"张 江"`` for ``"张江 Park"``.
    """
    if not text:
        return ""
    return " ".join("".join(_HAN_RUN.findall(unicodedata.normalize("NFKC", text))))


@functools.lru_cache(maxsize=8192)
def _run_pinyin(run: str) -> tuple[str, ...]:
    """Toneless syllables of a run of Han characters (``ü`` as ``v``)."""
    from pypinyin import Style, lazy_pinyin  # heavy: load on first use

    syllables = lazy_pinyin(run, style=Style.NORMAL, errors="ignore")
    return tuple(s for s in syllables if s.isascii() and s.isalpha())


@functools.lru_cache(maxsize=1024)
def _readings(char: str) -> tuple[str, ...]:
    """Up to four toneless readings of one Han character."""
    from pypinyin import Style, pinyin

    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return tuple(r for r in readings if r.isascii() and r.isalpha())[:4]


def _pinyin_grams(syllables: tuple[str, ...]) -> list[str]:
    grams = list(syllables)
    for size in range(2, MAX_PINYIN_NGRAM + 1):
        grams.extend("".join(syllables[i : i + size]) for i in range(len(syllables) - size + 1))
    return grams


def pinyin_tokens(zh_names: Iterable[str]) -> str:
    """Toneless pinyin tokens so Chinese names can be found by typing Latin.

    For each name: each syllable (in order, so a quoted pinyin phrase
    matches), every contiguous concatenation of 2 to 4 syllables within a run
    of Han characters, and the whole concatenation. ``ü`` appears as both
    ``v`` and ``u``. The reading of each name's first character is taken in
    all its pronunciations (surnames such as 单 or 曾 are heteronyms).

    Args:
        zh_names: Chinese names and aliases; non-Han characters are ignored.

    Returns:
        Space-separated tokens, e.g. for ``["钱其军"]``:
        ``"qian qi jun qianqi qijun qianqijun"``.
    """
    tokens: dict[str, None] = {}
    for name in zh_names:
        pairs = [(run, syl) for run in _HAN_RUN.findall(unicodedata.normalize("NFKC", name or ""))
                 if (syl := _run_pinyin(run))]  # fmt: skip
        if not pairs:
            continue
        runs = [syl for _, syl in pairs]
        for first in dict.fromkeys([runs[0][0], *_readings(pairs[0][0][0])]):
            variant = [(first, *runs[0][1:]), *runs[1:]]
            for syllables in variant:
                tokens.update(dict.fromkeys(_pinyin_grams(syllables)))
            tokens["".join(s for run in variant for s in run)] = None
    out: dict[str, None] = {}
    for token in tokens:
        out[token] = None
        if "v" in token:
            out[token.replace("v", "u")] = None
    return " ".join(out)


@dataclass(frozen=True)
class Term:
    """One ANDed unit of a query.

    Attributes:
        tokens: Index tokens that must appear consecutively (a phrase).
        prefix: The last token is a prefix (``immuno*``).
        unigram: A single Han character, matched in the unigram columns.
        pattern: Regular expression (on :func:`fold`-ed text) that finds the
            term in display text, for snippets; empty when it cannot be shown
            (pinyin typed for a Chinese name).
    """

    tokens: tuple[str, ...]
    prefix: bool = False
    unigram: bool = False
    pattern: str = ""

    def expression(self, unigram_columns: tuple[str, ...] = (), min_prefix: int = 1) -> str:
        """Render the term as FTS5 syntax built only from quoted tokens."""
        phrase = '"' + " ".join(self.tokens).replace('"', '""') + '"'
        if self.prefix and len(self.tokens[-1]) >= min_prefix:
            phrase += "*"
        if self.unigram and unigram_columns:
            return "{" + " ".join(unigram_columns) + "} : " + phrase
        return phrase


@dataclass(frozen=True)
class Query:
    """A parsed, safe search query: terms that must all match.

    Attributes:
        terms: The ANDed terms (at most :data:`MAX_TERMS`).
        has_han: Whether the user typed Chinese (snippets then prefer Chinese).
    """

    terms: tuple[Term, ...]
    has_han: bool = False

    def match_expression(self, unigram_columns: tuple[str, ...] = (), min_prefix: int = 1) -> str:
        """Return the FTS5 ``MATCH`` expression for this query.

        Args:
            unigram_columns: Columns to which one-character Chinese terms are
                restricted. Without (the default), the expression is valid
                for any table and finds the same rows in any table with a
                unigram column beside each bigram column (a lone Han token
                of a bigram column is also in its unigram column).
            min_prefix: Prefixes shorter than this match whole tokens only
                (a one-letter prefix merges thousands of doclists).

        Returns:
            Terms joined with ``AND``, each a double-quoted phrase of our
            own tokens, e.g. ``'"car t" AND "immuno"*'``.
        """
        return " AND ".join(t.expression(unigram_columns, min_prefix) for t in self.terms)

    @property
    def patterns(self) -> tuple[str, ...]:
        """Regular expressions that find the terms in folded display text."""
        return tuple(t.pattern for t in self.terms if t.pattern)


def _pattern(segments: list[tuple[bool, str]], prefix: bool) -> str:
    parts = []
    for i, (is_han, seg) in enumerate(segments):
        if is_han:
            parts.append(re.escape(seg))
        else:
            tail = _WORD_CHAR + "*" if prefix and i == len(segments) - 1 else ""
            parts.append(f"(?<!{_WORD_CHAR}){re.escape(seg)}{tail}(?!{_WORD_CHAR})")
    return r"[\W_]*".join(parts)


def _untone(word: str) -> str:
    """Drop tone digits from pinyin such as ``yang2bing1``; keep ``cd19``."""
    toned = not word.isalpha() and not word.isdigit() and _TONED_PINYIN.fullmatch(word)
    return re.sub("[1-5]", "", word) if toned else word


def _phrase(segments: list[tuple[bool, str]], prefix: bool) -> Term:
    tokens = tuple(_tokens(segments)[:MAX_PHRASE_TOKENS])
    return Term(tokens, prefix, False, _pattern(segments, prefix))


def _terms_from(text: str, quoted: bool, prefix: bool) -> list[Term]:
    segments = [(h, s if h else _untone(s)) for h, s in _segments(text)]
    if not segments:
        return []
    prefix = prefix and not segments[-1][0]
    if quoted or not any(h and len(s) == 1 for h, s in segments):
        return [_phrase(segments, prefix)]
    # "T细" or "2019年": a lone Han character is reliably found only in the
    # unigram columns, so split the term into ANDed parts around it.
    terms: list[Term] = []
    group: list[tuple[bool, str]] = []
    for is_han, seg in segments:
        if is_han and len(seg) == 1:
            if group:
                terms.append(_phrase(group, False))
                group = []
            terms.append(Term((seg,), unigram=True, pattern=re.escape(seg)))
        else:
            group.append((is_han, seg))
    if group:
        terms.append(_phrase(group, prefix))
    return terms


def parse_query(text: str | None, prefix_last: bool = False) -> Query | None:
    """Turn any user string into a safe :class:`Query`.

    Whitespace-separated terms are ANDed; ``"double-quoted phrases"`` are
    phrases (an unclosed quote runs to the end); a trailing ``*`` on a Latin
    term makes it a prefix; hyphenated words (``CAR-T``) are phrases; pinyin
    tone marks and tone digits (``Qián``, ``qian2``) are dropped; a
    one-character Chinese term is looked up in the unigram columns. FTS5
    operators, punctuation, NUL and emoji are treated as separators, and the
    bare words AND, OR, NOT and NEAR are ignored.

    Args:
        text: Whatever the user typed.
        prefix_last: Treat the last Latin term as a prefix (search as you
            type), unless the input ends with white space.

    Returns:
        The query, or ``None`` when nothing searchable remains.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFKC", str(text)[:MAX_QUERY_CHARS]).replace("\x00", " ")
    chunks: list[tuple[str, bool]] = []  # (text, quoted)
    for i, part in enumerate(text.split('"')):
        if i % 2:
            chunks.append((part, True))
        else:
            chunks.extend((word, False) for word in part.split())
    chunks = [(c, q) for c, q in chunks if q or c not in _OPERATOR_WORDS]
    terms: list[Term] = []
    typing = prefix_last and text[-1:] not in ('"', "") and not text[-1:].isspace()
    for n, (chunk, quoted) in enumerate(chunks):
        star = chunk.rstrip().endswith("*") and not quoted
        last = typing and n == len(chunks) - 1
        terms.extend(_terms_from(chunk, quoted, star or last))
        if len(terms) >= MAX_TERMS:
            break
    unique = tuple(dict.fromkeys(terms))[:MAX_TERMS]
    if not unique:
        return None
    return Query(unique, has_han=bool(_HAN_RUN.search(text)))


_FOLDED: dict[str, str] = {}  # character -> folded form (at most every code point once)


def fold(text: str) -> tuple[str, list[int]]:
    """Fold text for matching and map each folded character back.

    Args:
        text: Display text.

    Returns:
        ``(folded, origin)``: the text NFKC-normalised, lower-cased and
        without diacritics, and for each of its characters the index of the
        character of ``text`` it came from.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = _FOLDED.get(c)
        if f is None:
            f = _FOLDED[c] = _strip_diacritics(unicodedata.normalize("NFKC", c)).lower()
        chars.append(f)
        origin.extend([i] * len(f))
    return "".join(chars), origin


def snippet(text: str | None, query: Query | str | None, width: int = 80) -> str:
    """Cut a window of ``text`` around the first match and mark matches.

    Args:
        text: The display text (white space is collapsed).
        query: A parsed query or a raw query string.
        width: Approximate number of characters to keep.

    Returns:
        The window, with ``…`` where the text was cut and every match inside
        it wrapped in ``«`` and ``»``. Literal guillemets in ``text`` become
        ``‹``/``›`` so the markers stay unambiguous. Without a match, the
        start of the text.
    """
    text = " ".join((text or "").split()).replace("«", "‹").replace("»", "›")
    query = parse_query(query) if isinstance(query, str) or query is None else query
    spans: list[tuple[int, int]] = []
    if query is not None and text:
        folded, origin = fold(text)
        for pattern in query.patterns:
            for m in re.finditer(pattern, folded):
                if m.end() > m.start():
                    spans.append((origin[m.start()], origin[m.end() - 1] + 1))
    spans.sort()
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    if start and text[start - 1].isalnum() and " " in text[start : first]:
        start = text.index(" ", start, first) + 1  # do not cut a word in two
    end = min(len(text), start + width)
    if end < len(text) and text[end].isalnum() and " " in text[max(start, end - 15) : end]:
        end = text.rindex(" ", max(start, end - 15), end)
    out, pos = [], start
    for s, e in spans:
        s, e = max(s, pos), min(e, end)
        if s < e:
            out += [text[pos:s], "«", text[s:e], "»"]
            pos = e
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out).strip() + ("…" if end < len(text) else "")
