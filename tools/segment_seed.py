"""Split a raw seed article into the paragraph/sentence skeleton of ``db/documents``.

This is an editor's tool, run once per new source article; the file it writes is
then reviewed and completed by hand (metadata, roles, translations).  It never
overwrites an existing document file.

Usage::

    python tools/segment_seed.py db/seeds/003_f3128c6eecc96df2.txt --lang zh

Paragraphs are the non-empty lines of the seed (surrounding white space dropped,
everything inside kept verbatim).  Sentences are exact substrings of their
paragraph: joining a paragraph's sentences gives the paragraph back, which
``cgt-desktop check`` verifies against ``db/seeds``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from cgt_desktop.core.corpus.sources import seed_paragraphs
from cgt_desktop.core.domain import ids

_ZH_END = re.compile(r"[。！？!?][”’」』）)]*\s*")
_EN_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“(])")


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Return exact, contiguous substrings of *paragraph*, one per sentence."""
    pieces: list[str] = []
    start = 0
    pattern = _ZH_END if lang == "zh" else _EN_END
    for match in pattern.finditer(paragraph):
        end = match.end()
        candidate = paragraph[start:end]
        # "1. Tumor biology" is a list number, not a sentence end.
        if lang != "zh" and re.fullmatch(r"\s*\d+\.\s*", candidate):
            continue
        if candidate.strip():
            pieces.append(candidate)
            start = end
    if start < len(paragraph):
        pieces.append(paragraph[start:])
    assert "".join(pieces) == paragraph
    return pieces


def skeleton(seed: Path, lang: str) -> list[dict]:
    key = seed.stem
    records: list[dict] = [
        {
            "type": "document",
            "id": f"document/{key}",
            "source_file": seed.name,
            "lang": lang,
            "title_en": "",
            "title_zh": "",
            "outlet_en": "",
            "outlet_zh": "",
            "date": None,
            "date_stated": "",
            "date_note": "",
        }
    ]
    for number, text in enumerate(seed_paragraphs(seed.read_text(encoding="utf-8")), start=1):
        records.append({"type": "paragraph", "id": ids.paragraph_id(key, number), "role": "body"})
        for s, sentence in enumerate(split_sentences(text, lang), start=1):
            records.append(
                {"type": "sentence", "id": ids.sentence_id(key, number, s), "orig": sentence, "trans": ""}
            )
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("--lang", choices=["zh", "en"], required=True)
    parser.add_argument("--out", type=Path, default=Path("db/documents"))
    args = parser.parse_args(argv)
    target = args.out / f"{args.seed.stem}.jsonl"
    if target.exists():
        print(f"{target} exists; not overwriting", file=sys.stderr)
        return 1
    with target.open("w", encoding="utf-8") as fh:
        for record in skeleton(args.seed, args.lang):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
