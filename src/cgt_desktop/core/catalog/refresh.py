"""Bring the reference database up to date with its sources, building only when they changed.

Separate from :mod:`~cgt_desktop.core.catalog.freshness` (the cheap checks) and
:mod:`~cgt_desktop.core.catalog.build` (the builder, imported only when a build is due), so that
neither imports the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from cgt_desktop.core.catalog.freshness import BuildReport, _stored_info, content_hash, source_stamp, stored_hash


def ensure_reference_db(corpus_root: Path, target: Path, on_rebuild: Callable[[], None] | None = None,
                        stamp: Callable[[], str] | None = None) -> BuildReport:
    """Rebuild *target* if it is missing, damaged or built from other sources; else report it as is.

    When the sources' :func:`source_stamp` matches the one stored at build time, the database
    is used without hashing the sources or scanning the file (``PRAGMA quick_check`` reads all
    of it: seconds for a large corpus); otherwise the content hash and an integrity check decide.
    *on_rebuild* is called just before a rebuild starts (the app shows its splash then). *stamp*
    returns the sources' stamp when it was taken ahead (:class:`SourceStampAhead`).
    """
    info = _stored_info(target, check=False)
    current = stamp() if stamp is not None else source_stamp(corpus_root)
    if info and info.get("content_hash") and info.get("source_stamp") == current:
        return BuildReport(path=Path(target), content_hash=info["content_hash"], seconds=0.0, rebuilt=False)
    from cgt_desktop.core.catalog.build import build_reference_db  # only when a build is due

    digest = content_hash(corpus_root)
    if stored_hash(target) == digest:
        return BuildReport(path=Path(target), content_hash=digest, seconds=0.0, rebuilt=False)
    if on_rebuild is not None:
        on_rebuild()
    return build_reference_db(corpus_root, target, digest=digest)
