"""Make the document record of an imported article: paragraphs, aligned passages, their confidence.

The record has the shape of a ``db/documents`` file (a document line, then paragraph and sentence
lines), so the catalog compiles it with the builder's own code. Each passage is one bead of the
alignment: the original's sentences of that bead, joined exactly as they stand (so a paragraph's
passages still join to the paragraph), and the translation's sentences, or none. Page furniture
(``boilerplate``) is kept untranslated and is not aligned.

Honesty: the original is kept verbatim; the translation is the one the user supplied and is labelled
as such (never as the project's); a date the user did not give stays unknown.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.dates import DateError, precision_of
from cgt_desktop.core.imports.model import Extracted, ImportProblem
from cgt_desktop.core.text.align import Lexicon, align, numbers_in
from cgt_desktop.core.text.segment import split_sentences

#: Below this mean confidence the "translation" is taken not to be one of the original (real literary
#: translations measured 0.50-0.63, news 0.73-0.76, unrelated texts with shared anchors 0.44-0.63)…
NOT_A_TRANSLATION = 0.42
#: ... and so it is when the two state at least this many numbers between them but share fewer than
#: :data:`NUMBERS_SHARED` of them (measured on the reference corpus: a translation shares 0.6-0.9 of its
#: original's numbers, another article on the same subject at most 0.22).
NUMBERS_SEEN = 6
NUMBERS_SHARED = 0.35
#: Passages below this confidence are marked in the reader for the user to check.
LOW_CONFIDENCE = 0.5

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """``"zh"`` when Chinese characters are at least a fifth of the letters, else ``"en"``."""
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    return "zh" if han and han * 5 >= latin else "en"


def content_hash(extracted: Extracted) -> str:
    """The article's fingerprint: the SHA-256 of its paragraphs (the same text imported twice is found)."""
    return hashlib.sha256("\n".join(p.text for p in extracted.paragraphs).encode("utf-8")).hexdigest()


@dataclass
class ArticleMeta:
    """What the user says about the article (each optional; nothing is guessed)."""

    source_file: str
    title: str = ""
    lang: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""
    translation_file: str = ""


def _check_date(date: str) -> str | None:
    if not date:
        return None
    try:
        precision_of(date)
    except DateError as exc:
        raise ImportProblem(f"{exc}; give the date as YYYY, YYYY-MM or YYYY-MM-DD") from exc
    return date


def build_record(original: Extracted, meta: ArticleMeta, translation: Extracted | None = None,
                 lexicon: Lexicon | None = None, token: str | None = None,
                 progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Return the document record (``{"lines": [...], ...}``) of an article and its translation.

    Raises:
        ImportProblem: the date is not one, the languages are the same, or the translation does not
            translate the original (its alignment confidence collapses).
    """
    lang = meta.lang or detect_lang(original.text)
    if lang not in ("zh", "en"):
        raise ImportProblem(f"the language must be zh or en, not {lang!r}")
    date = _check_date(meta.date)
    digest = content_hash(original)
    title = (meta.title or original.title or next((p.text for p in original.paragraphs if p.role in ("title",
             "heading")), "") or original.paragraphs[0].text[:120]).strip()
    key = ids.user_slug(title, token or digest[:8])  # the same article again: the same id
    doc_id = f"{ids.DOCUMENT}/{key}"
    other = "en" if lang == "zh" else "zh"

    # The original's paragraphs and their sentences; boilerplate is kept but not aligned.
    sentences: list[str] = []
    groups: list[int] = []
    per_paragraph: list[list[str]] = []
    for number, paragraph in enumerate(original.paragraphs):
        parts = split_sentences(paragraph.text, lang)
        per_paragraph.append(parts)
        if paragraph.role != "boilerplate":
            sentences += parts
            groups += [number] * len(parts)
    beads_by_paragraph: dict[int, list[tuple[str, str, float | None]]] = {}
    mean = None
    if translation is not None:
        tlang = detect_lang(translation.text)
        if tlang == lang:
            raise ImportProblem(f"the translation is in the same language as the original ({lang}); give the "
                                "other language's text as the translation")
        targets = [s for p in translation.paragraphs if p.role != "boilerplate" for s in split_sentences(p.text, tlang)]
        if progress is not None:
            progress("aligning")
        beads = align(sentences, targets, lang, tlang, lexicon, src_groups=groups)
        scored = [b.confidence for b in beads if b.src and b.tgt]
        mean = sum(scored) / len(scored) if scored else 0.0
        ours, theirs = numbers_in(" ".join(sentences), lang == "zh"), numbers_in(" ".join(targets), tlang == "zh")
        seen = ours | theirs
        shared = len(ours & theirs) / len(seen) if seen else 1.0
        if mean < NOT_A_TRANSLATION or (len(seen) >= NUMBERS_SEEN and shared < NUMBERS_SHARED):
            why = (f"they share {shared:.0%} of the numbers they state" if len(seen) >= NUMBERS_SEEN
                   and shared < NUMBERS_SHARED else f"alignment confidence {mean:.2f}")
            raise ImportProblem(f"{meta.translation_file or 'the translation'} does not read as a translation of "
                                f"{meta.source_file} ({why}); import the article without it, or give the right "
                                "file")
        last_group = groups[0] if groups else 0
        for bead in beads:
            group = groups[bead.src[0]] if bead.src else last_group
            last_group = group
            orig = "".join(sentences[i] for i in bead.src)
            joiner = "" if tlang == "zh" else " "
            trans = joiner.join(targets[j].strip() for j in bead.tgt)
            beads_by_paragraph.setdefault(group, []).append((orig, trans, bead.confidence))

    lines: list[dict[str, Any]] = [{
        "type": "document", "id": doc_id, "lang": lang,
        f"title_{lang}": title, f"title_{other}": "",
        "outlet_en": meta.outlet if meta.outlet and not _HAN.search(meta.outlet) else "",
        "outlet_zh": meta.outlet if meta.outlet and _HAN.search(meta.outlet) else "",
        "date": date, "date_stated": "", "date_note": "" if date else "no date given when imported",
        "translator": "",
        "translation_note": (f"Translation supplied by you ({meta.translation_file}), aligned automatically"
                             if translation is not None else "No translation was imported"),
        "source_file": meta.source_file, "url": meta.url, "content_hash": digest, "origin": "user",
        "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "alignment_confidence": round(mean, 3) if mean is not None else None,
    }]
    for number, paragraph in enumerate(original.paragraphs):
        pid = ids.paragraph_id(key, number + 1)
        lines.append({"type": "paragraph", "id": pid, "role": paragraph.role})
        if number in beads_by_paragraph:
            units = beads_by_paragraph[number]
        else:
            units = [(s, "", None) for s in per_paragraph[number]]
        for s, (orig, trans, confidence) in enumerate(units, start=1):
            line: dict[str, Any] = {"type": "sentence", "id": ids.sentence_id(key, number + 1, s), "orig": orig,
                                    "trans": trans}
            if confidence is not None:
                line["confidence"] = confidence
            lines.append(line)
    return {"id": doc_id, "lines": lines}


def check_record(record: dict[str, Any]) -> None:
    """Check a document record's shape (the rules the reference corpus follows).

    Raises:
        ImportProblem: what is wrong.
    """
    lines = record.get("lines")
    if not isinstance(lines, list) or not lines or not isinstance(lines[0], dict) or lines[0].get("type") != "document":
        raise ImportProblem("a document record starts with its document line")
    doc_id = lines[0].get("id")
    if not isinstance(doc_id, str) or not ids.is_user(doc_id) or ids.kind_of(doc_id) != "document":
        raise ImportProblem(f"{doc_id!r} is not the id of a document of yours")
    key = ids.document_key(doc_id)
    seen: set[str] = set()
    paragraph = None
    for line in lines[1:]:
        kind, line_id = line.get("type"), line.get("id")
        if not isinstance(line_id, str) or line_id in seen or not line_id.startswith(f"{key}#p"):
            raise ImportProblem(f"{line_id!r} is not a fresh passage id of {doc_id}")
        seen.add(line_id)
        if kind == "paragraph":
            paragraph = line_id
        elif kind == "sentence":
            if paragraph is None or ids.paragraph_of(line_id) != paragraph:
                raise ImportProblem(f"{line_id} is not in the paragraph before it")
            if not isinstance(line.get("orig"), str) or not isinstance(line.get("trans"), str):
                raise ImportProblem(f"{line_id} needs its original and its translation as text")
        else:
            raise ImportProblem(f"unknown line {kind!r} in a document record")
