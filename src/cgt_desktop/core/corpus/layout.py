"""Where the corpus sources live under ``db/``: the one description of the file layout.

The loader (:mod:`cgt_desktop.core.corpus.sources`), the content hash and the start's source
stamp (:mod:`cgt_desktop.core.catalog.freshness`) all list the sources through :func:`stat_sources`,
so they can never disagree about which files feed the reference database. Standard library only:
the start stamps the sources before anything else is imported.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

ENTITY_FILES = {
    "person": "entities/people.jsonl",
    "organization": "entities/organizations.jsonl",
    "place": "entities/places.jsonl",
    "policy": "entities/policies.jsonl",
    "technology": "entities/technologies.jsonl",
}
EVENTS_FILE = "events.jsonl"
FIGURES_FILE = "figures.jsonl"
RELATIONS_DIR = "relations"
DOCUMENTS_DIR = "documents"
SEEDS_DIR = "seeds"
VOCABULARY_FILE = "vocabulary.json"

#: Single files at the top of the corpus, and folders with the suffix of their source files.
SOURCE_FILES = (VOCABULARY_FILE, EVENTS_FILE, FIGURES_FILE)
SOURCE_FOLDERS = ((DOCUMENTS_DIR, ".jsonl"), ("entities", ".jsonl"), (RELATIONS_DIR, ".jsonl"), (SEEDS_DIR, ".txt"))


def visible(paths: Iterable[Path]) -> list[Path]:
    """*paths* without hidden files (an editor's ``.draft.jsonl``), sorted: hidden files are never sources."""
    return sorted(p for p in paths if not p.name.startswith("."))


def stat_sources(root: Path) -> list[tuple[str, os.stat_result]]:
    """``(relative path, stat)`` of every source file, in the order of sorted ``Path`` objects.

    ``os.scandir`` instead of globbing ``Path`` objects: 10 000 documents take 0.05 s instead of 0.6 s. The
    order is that of sorted paths (by components): top-level names and folder names sorted together, each
    folder's files by name. Hidden files and anything that is not a regular file are left out.
    """
    root = Path(root)
    groups: list[tuple[str, list[tuple[str, os.stat_result]]]] = []
    for name in SOURCE_FILES:
        try:
            st = os.stat(root / name)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            groups.append((name, [(name, st)]))
    for folder, suffix in SOURCE_FOLDERS:
        try:
            entries = os.scandir(root / folder)
        except OSError:
            continue
        with entries:
            files = sorted((entry.name, entry) for entry in entries
                           if entry.name.endswith(suffix) and not entry.name.startswith(".") and entry.is_file())
        groups.append((folder, [(f"{folder}/{name}", entry.stat()) for name, entry in files]))
    groups.sort(key=lambda group: group[0])
    return [item for _, items in groups for item in items]


def source_files(root: Path) -> list[Path]:
    """Return every file that feeds the reference database, in a stable order."""
    root = Path(root)
    return [root / relative for relative, _ in stat_sources(root)]
