"""Shared fixtures: every test builds its own corpus copy, reference database and home in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parents[1]
REPO_DB = REPO / "db"


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """A reference database built once per session from a copy of db/ (read-only use only)."""
    from cgt_desktop.core.build import build_reference_db

    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO_DB, root / "db")
    target = root / "reference.sqlite"
    build_reference_db(root / "db", target)
    return target


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A private, writable copy of db/ (tests may break it)."""
    target = tmp_path / "db"
    shutil.copytree(REPO_DB, target)
    return target


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user home in tmp_path; CGT_DESKTOP_HOME points at it."""
    from cgt_desktop.core.paths import Home

    root = tmp_path / "home"
    monkeypatch.setenv("CGT_DESKTOP_HOME", str(root))
    return Home(root).ensure()


@pytest.fixture
def reference_db(tmp_path, built_corpus) -> Path:
    """A private copy of the session's built reference database."""
    target = tmp_path / "reference.sqlite"
    shutil.copy(built_corpus, target)
    return target


@pytest.fixture
def store(reference_db):
    """A ReferenceStore over a private copy of the built corpus."""
    from cgt_desktop.core.store import ReferenceStore

    s = ReferenceStore(reference_db)
    yield s
    s.close()
