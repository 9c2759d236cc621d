"""One import from start to finish, for the command line and the app's worker thread alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from cgt_desktop.core.imports.article import ArticleMeta, build_record
from cgt_desktop.core.imports.extract import extract
from cgt_desktop.core.imports.model import ImportCancelled


def prepare(original: Path, meta: ArticleMeta, translation: Path | None = None, name_pairs: Any = (),
            cache_dir: Path | None = None, progress: Callable[[str, int, int], bool] | None = None) -> dict[str, Any]:
    """Read, segment and align an article; return its document record (nothing is saved yet).

    *progress(step, done, total)* is told what happens (``read``, ``translation``, ``dictionary``,
    ``aligning``); returning False cancels (:class:`~cgt_desktop.core.imports.model.ImportCancelled`).

    Raises:
        ImportProblem: a file cannot be imported (the message says why and what to do).
        ImportCancelled: the user cancelled.
    """
    def tell(step: str, done: int = 0, total: int = 0) -> bool:
        return progress is None or progress(step, done, total)

    def pages(step: str) -> Callable[[int, int], bool]:
        return lambda done, total: tell(step, done, total)

    if not tell("read"):
        raise ImportCancelled()
    found = extract(Path(original), progress=pages("read"))
    other = None
    if translation is not None:
        if not tell("translation"):
            raise ImportCancelled()
        other = extract(Path(translation), progress=pages("translation"))
    lexicon = None
    if other is not None:
        if not tell("dictionary"):
            raise ImportCancelled()
        from cgt_desktop.core.text.align import Lexicon

        lexicon = Lexicon.load(name_pairs, cache_dir)
    if not tell("aligning"):
        raise ImportCancelled()
    return build_record(found, meta, other, lexicon)
