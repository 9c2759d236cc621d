"""Measure the sentence aligner against published gold alignments (strict and lax F1).

The metric is the one Vecalign and Bertalign report (Thompson and Koehn 2019; Liu and Zhu 2022):
a test bead is a strict true positive when it equals a gold bead; a lax one when it shares a source
sentence and a target sentence with some gold bead. Precision counts every test bead, recall every gold
bead with sentences on both sides, and the counts are summed over all files before dividing.

Data (kept outside the repository; their licences are their own):

* ``--mac DIR``: MAC, the manually aligned Chinese-English corpus of Bertalign's paper
  (github.com/bfsujason/mac, GPL-3.0): literary chapters with gold beads in InterText XML.
  ``git clone https://github.com/bfsujason/mac DIR`` (or any copy of its ``dev/`` and ``test/``).

* ``--corpus DIR``: the reference corpus (``db/``): five news articles, one Chinese and four English,
  each aligned sentence by sentence with the project's translation by the editors. The source side is
  the editors' sentences, the target side the translation split by the app's own segmenter; gold is which
  translation sentences each editor's passage holds (news, both directions).

Usage::

    python benchmarks/alignment.py --mac /tmp/mac --split dev [--no-dictionary]
    python benchmarks/alignment.py --corpus db
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cgt_desktop.core.text.align import Lexicon, align  # noqa: E402


def _sentences(path: Path) -> tuple[list[str], dict[str, int]]:
    root = ET.parse(path).getroot()
    texts, index = [], {}
    for s in root.iter("s"):
        index[s.get("id")] = len(texts)
        texts.append("".join(s.itertext()).strip())
    return texts, index


def _gold(path: Path, src_index: dict[str, int], tgt_index: dict[str, int]) -> list[tuple[tuple, tuple]]:
    """Gold beads as ``(source indexes, target indexes)``; InterText writes ``xtargets='<toDoc>;<fromDoc>'``
    (here the English first, then the Chinese)."""
    beads = []
    for link in ET.parse(path).getroot().iter("link"):
        tgt, _, src = link.get("xtargets", ";").partition(";")
        beads.append((tuple(src_index[x] for x in src.split()), tuple(tgt_index[x] for x in tgt.split())))
    return beads


def _counts(gold: list[tuple[tuple, tuple]], test: list[tuple[tuple, tuple]]) -> tuple[int, int, int, int]:
    """``(strict hits, strict misses, lax hits, lax misses)`` of *test* beads judged against *gold*."""
    gold_set = {g for g in gold if g[0] or g[1]}
    links: dict[int, set[int]] = {}
    for src, tgt in gold_set:
        for s in src:
            links.setdefault(s, set()).update(tgt)
    strict = strict_miss = lax = lax_miss = 0
    for bead in {t for t in test if t[0] or t[1]}:
        if bead in gold_set:
            strict += 1
            lax += 1
            continue
        strict_miss += 1
        reachable = set().union(*(links.get(s, set()) for s in bead[0])) if bead[0] else set()
        if reachable & set(bead[1]):
            lax += 1
        else:
            lax_miss += 1
    return strict, strict_miss, lax, lax_miss


def score(pairs: list[tuple[list, list]]) -> dict[str, float]:
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in pairs:
        p = [x + y for x, y in zip(p, _counts(gold, test))]
        both_gold = [g for g in gold if g[0] and g[1]]
        both_test = [t for t in test if t[0] and t[1]]
        r = [x + y for x, y in zip(r, _counts(both_test, both_gold))]

    def ratio(hit: int, miss: int) -> float:
        return hit / (hit + miss) if hit + miss else 0.0

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": f1(pl, rl)}


def corpus_pairs(root: Path, lexicon: Lexicon) -> list[tuple[str, list, list, int]]:
    """``(document, gold, test, sentences)`` for each document of the reference corpus."""
    import json

    from cgt_desktop.core.text.segment import split_sentences

    out = []
    for path in sorted((root / "documents").glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        lang = lines[0]["lang"]
        tlang = "en" if lang == "zh" else "zh"
        roles, paragraph, number = {}, None, -1
        src, groups, tgt, gold = [], [], [], []
        for line in lines[1:]:
            if line["type"] == "paragraph":
                paragraph, number = line["id"], number + 1
                roles[paragraph] = line.get("role", "body")
            elif line["type"] == "sentence" and roles.get(paragraph) != "boilerplate":
                parts = [s for s in split_sentences(line.get("trans", "").strip(), tlang) if s.strip()]
                gold.append(((len(src),), tuple(range(len(tgt), len(tgt) + len(parts)))))
                src.append(line["orig"])
                groups.append(number)
                tgt += parts
        beads = align(src, tgt, lang, tlang, lexicon, src_groups=groups)
        out.append((path.stem, gold, [(b.src, b.tgt) for b in beads], len(src) + len(tgt)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mac", type=Path)
    parser.add_argument("--corpus", type=Path, help="a corpus folder (db/)")
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--no-dictionary", action="store_true", help="names, numbers and lengths only")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        from cgt_desktop.core.catalog.store import Catalog  # noqa: F401  (only to fail early on a bad install)

        names = []
        lexicon = Lexicon(names, use_cedict=not args.no_dictionary)
        found = corpus_pairs(args.corpus, lexicon)
        for name, gold, test, n in found:
            one = score([(gold, test)])
            print(f"{name}: {n} sentences, strict F1 {one['f1_strict']:.3f}, lax F1 {one['f1_lax']:.3f}")
        total = score([(g, t) for _, g, t, _ in found])
        print(f"reference corpus, {len(found)} documents, {sum(n for *_, n in found)} sentences:")
        print(f"  strict  P {total['precision_strict']:.3f}  R {total['recall_strict']:.3f}  F1 {total['f1_strict']:.3f}")
        print(f"  lax     P {total['precision_lax']:.3f}  R {total['recall_lax']:.3f}  F1 {total['f1_lax']:.3f}")
        return 0
    if args.mac is None:
        parser.error("give --mac DIR or --corpus DIR")
    folder = args.mac / args.split / "intertext"
    links = sorted(folder.glob("*_zh.*_en.xml"))
    if not links:
        parser.error(f"no InterText link files in {folder}")
    started = time.perf_counter()
    lexicon = Lexicon(use_cedict=not args.no_dictionary)
    loaded = time.perf_counter() - started
    pairs, sentences, aligning = [], 0, 0.0
    for link in links:
        stem = link.name.split(".")[0]
        zh_name, en_name = link.name[len(stem) + 1:].rsplit(".", 1)[0].split(".")
        zh, zh_index = _sentences(folder / f"{stem}.{zh_name}.xml")
        en, en_index = _sentences(folder / f"{stem}.{en_name}.xml")
        gold = _gold(link, zh_index, en_index)
        t0 = time.perf_counter()
        beads = align(zh, en, "zh", "en", lexicon)
        aligning += time.perf_counter() - t0
        pairs.append((gold, [(b.src, b.tgt) for b in beads]))
        sentences += len(zh) + len(en)
        one = score([pairs[-1]])
        print(f"{link.name}: {len(zh)} zh / {len(en)} en sentences, strict F1 {one['f1_strict']:.3f}, "
              f"lax F1 {one['f1_lax']:.3f}")
    total = score(pairs)
    print(f"MAC-{args.split.capitalize()}, {len(links)} files, {sentences} sentences"
          f"{' (no dictionary)' if args.no_dictionary else ''}:")
    print(f"  strict  P {total['precision_strict']:.3f}  R {total['recall_strict']:.3f}  F1 {total['f1_strict']:.3f}")
    print(f"  lax     P {total['precision_lax']:.3f}  R {total['recall_lax']:.3f}  F1 {total['f1_lax']:.3f}")
    print(f"  dictionary loaded in {loaded:.2f} s; aligning took {aligning:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
