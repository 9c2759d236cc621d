"""The ``cgt-desktop import`` command: add an article (and its translation) to your own documents."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("import", help="import an article (text, HTML, PDF or DOCX), with its translation if you "
                                      "have one; it becomes one of your documents")
    p.add_argument("file", metavar="FILE", help="the article in its original language")
    p.add_argument("--translation", metavar="FILE", help="its translation (Chinese for an English article, or "
                                                         "English for a Chinese one)")
    p.add_argument("--lang", choices=["zh", "en"], help="the original's language (found from the text if not given)")
    p.add_argument("--title", help="the title (else the file's own title or first line)")
    p.add_argument("--date", metavar="YYYY[-MM[-DD]]", help="the publication date (unknown if not given)")
    p.add_argument("--outlet", help="where it was published")
    p.add_argument("--url", help="where it is online (never fetched)")
    p.add_argument("--json", action="store_true")
    return p


def _pairs_json(store: Any, doc_id: str) -> dict[str, Any]:
    doc = store.document(doc_id)
    matcher = store.mention_matcher()
    pairs, mentions = [], []
    for paragraph in doc["paragraphs"]:
        for s in paragraph["sentences"]:
            pairs.append({"id": s["id"], "orig": s["orig"], "trans": s["trans"] or None,
                          "confidence": s["confidence"]})
            for start, end, entity in matcher.find(s["orig"], s["id"]):
                mentions.append({"passage": s["id"], "entity": entity, "text": s["orig"][start:end]})
    return {"id": doc_id, "lang": doc["lang"], "paragraphs": len(doc["paragraphs"]), "pairs": pairs,
            "mentions": mentions}


def cmd_import(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, Progress, home, open_store, count, print_data, user_store
    from cgt_desktop.core.imports.article import LOW_CONFIDENCE, ArticleMeta
    from cgt_desktop.core.imports.model import ImportProblem
    from cgt_desktop.core.imports.pipeline import prepare
    from cgt_desktop.core.ops.items import ItemError, import_document
    from cgt_desktop.core.userdata.userdb import UserDataError

    original = Path(args.file)
    translation = Path(args.translation) if args.translation else None
    meta = ArticleMeta(source_file=original.name, title=args.title or "", lang=args.lang or "",
                       date=args.date or "", outlet=args.outlet or "", url=args.url or "",
                       translation_file=translation.name if translation else "")
    store = open_store(args)
    user = user_store(args)
    progress = Progress(f"reading {original.name}")

    def tell(step: str, done: int, total: int) -> bool:
        if total:
            progress(done, total)
        return True

    try:
        try:
            record = prepare(original, meta, translation, store.name_pairs(), home(args).cache_dir, tell)
            op = import_document(store, user, record)
            op.apply()
        except (ImportProblem, ItemError, UserDataError) as exc:
            raise CliError(str(exc)) from exc
        finally:
            progress.finish()
        data = _pairs_json(store, op.result)
    finally:
        user.close()
        store.close()
    low = sum(1 for p in data["pairs"] if p["confidence"] is not None and p["confidence"] < LOW_CONFIDENCE)
    lines = [f"imported {data['id']} ({data['lang']}, {count(data['paragraphs'], 'paragraph')}, "
             f"{count(len(data['pairs']), 'passage')})"]
    if translation is not None:
        lines.append(f"aligned with {translation.name}: {count(low, 'passage')} below {LOW_CONFIDENCE} confidence "
                     "to check in the reader")
    lines.append(f"{count(len(data['mentions']), 'mention')} of known entities; open it with: "
                 f"cgt-desktop show {data['id']}")
    print_data(data, args.json, "\n".join(lines))
    return 0
