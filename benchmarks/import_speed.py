"""How fast an import is, and what a home with many imported articles costs the other figures.

* ``--article``: a 5 000-word article with its translation (the reference corpus's English articles and
  their Chinese translation, repeated to 5 000 words): read, segment, align (dictionary cached) and
  save, as ``cgt-desktop import`` does; time and peak memory.
* ``--pdf``: a 200-page PDF with a text layer: read and segment.
* ``--add N --corpus DIR``: import N articles into the synthetic corpus's home (DIR/home, made by
  ``make_corpus.py``), so that ``run.py --corpus DIR`` then measures search, tabs and the reader
  with them there.

Usage::

    python benchmarks/import_speed.py --article --pdf
    python benchmarks/import_speed.py --add 1000 --corpus /tmp/bc
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "core"))

from import_files import pdf, reference_pair  # noqa: E402

from cgt_desktop.core.imports.article import ArticleMeta  # noqa: E402
from cgt_desktop.core.imports.pipeline import prepare  # noqa: E402
from cgt_desktop.core.ops.items import import_document  # noqa: E402
from cgt_desktop.core.startup import open_reference, open_user, sync_user_items  # noqa: E402
from cgt_desktop.core.system.paths import Home  # noqa: E402


def _article_files(folder: Path, words: int = 5000) -> tuple[Path, Path, int]:
    originals, translations = [], []
    for key in ("000_1b6dce599d2df6c2", "001_02b24beee2f111b4", "002_4ab98a8a3adc13dc", "004_5c1267afd55cf18d"):
        a, b, _ = reference_pair(folder, key)
        originals.append(a.read_text(encoding="utf-8"))
        translations.append(b.read_text(encoding="utf-8"))
    base = len(" ".join(originals).split())
    times = -(-words // base)
    original = "\n\n".join(originals * times)
    translation = "\n\n".join(translations * times)
    a, b = folder / "long.en.txt", folder / "long.zh.txt"
    a.write_text(original, encoding="utf-8")
    b.write_text(translation, encoding="utf-8")
    return a, b, len(original.split())


def bench_article(home_dir: Path) -> None:
    home = Home(home_dir).ensure()
    store = open_reference(home, ROOT / "db")
    user = open_user(home).store
    sync_user_items(store, user)
    with tempfile.TemporaryDirectory() as tmp:
        a, b, words = _article_files(Path(tmp))
        for label, fresh in (("first (dictionary digested and cached)", True), ("later (cached dictionary)", False)):
            if not fresh:
                from cgt_desktop.core.text import align

                align._CEDICT = None  # a new process: the cached file is read again
            started = time.perf_counter()
            record = prepare(a, ArticleMeta(source_file=a.name, title=f"Long {label}"), b, store.name_pairs(),
                             home.cache_dir)
            prepared = time.perf_counter() - started
            record["lines"][0]["content_hash"] += label  # the same text twice: let the second one in
            record["id"] = record["lines"][0]["id"] = record["id"] + ("-a" if fresh else "-b")
            fix = record["id"].split("/", 1)[1]
            for line in record["lines"][1:]:
                line["id"] = fix + "#" + line["id"].split("#", 1)[1]
            op = import_document(store, user, record)
            op.apply()
            total = time.perf_counter() - started
            pairs = sum(1 for line in record["lines"] if line.get("type") == "sentence")
            print(f"{words}-word article + translation, {label}: read+segment+align {prepared:.2f} s, "
                  f"with saving and indexing {total:.2f} s ({pairs} pairs)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    user.close()
    store.close()


def bench_pdf() -> None:
    from cgt_desktop.core.imports.extract import extract

    line = ("The Shanghai Cell Therapy Group said on Monday that regulators approved its CAR-T trial, after a "
            "review that took three years.")
    with tempfile.TemporaryDirectory() as tmp:
        pages = [[line[:90], line[90:] + f" Page {n}.", "", "Dr. Qian said 120 patients would enrol in 2022.",
                  "The company was founded in 2013 in Zhangjiang."] * 9 for n in range(200)]
        path = pdf(Path(tmp) / "long.pdf", pages)
        started = time.perf_counter()
        found = extract(path)
        record = prepare(path, ArticleMeta(source_file=path.name))
        seconds = time.perf_counter() - started
        pairs = sum(1 for x in record["lines"] if x.get("type") == "sentence")
        print(f"200-page PDF ({path.stat().st_size / 1e6:.1f} MB, {len(found.paragraphs)} paragraphs): read twice and "
              f"segmented in {seconds:.2f} s ({pairs} sentences)")


def add_articles(corpus: Path, count: int) -> None:
    home = Home(corpus / "home").ensure()
    store = open_reference(home, corpus / "db")
    user = open_user(home).store
    sync_user_items(store, user)
    words = ("cell therapy trial approval regulator company patients immunotherapy gene vector manufacturing "
             "Shanghai Suzhou Zhangjiang investment clinical").split()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            text = "\n\n".join(" ".join(words[(n + i + k) % len(words)] for k in range(12)).capitalize()
                               + f" in {2008 + n % 18}. Report {n}-{i} names {n * 7 + i} cases." for i in range(20))
            path = Path(tmp) / f"a{n}.txt"
            path.write_text(f"Imported article {n}\n\n{text}", encoding="utf-8")
            record = prepare(path, ArticleMeta(source_file=path.name, title=f"Imported article {n}"))
            import_document(store, user, record).apply()
    seconds = time.perf_counter() - started
    print(f"imported {count} articles into {home.root} in {seconds:.1f} s ({seconds / max(count, 1) * 1000:.0f} ms each)")
    (corpus / "imported.json").write_text(json.dumps({"articles": count}), encoding="utf-8")
    user.close()
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", action="store_true")
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--add", type=int, default=0)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args(argv)
    if args.article:
        with tempfile.TemporaryDirectory() as home:
            bench_article(Path(home))
    if args.pdf:
        bench_pdf()
    if args.add:
        if args.corpus is None:
            parser.error("--add needs --corpus")
        add_articles(args.corpus, args.add)
    return 0


if __name__ == "__main__":
    sys.exit(main())
