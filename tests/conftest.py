"""Shared fixtures: every test builds its own corpus copy, reference database and home in tmp_path."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

REPO = Path(__file__).resolve().parents[1]
REPO_DB = REPO / "db"


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """A reference database built once per session from a copy of db/ (read-only use only)."""
    from cgt_desktop.core.catalog.build import build_reference_db

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
    from cgt_desktop.core.system.paths import Home

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
    """A Catalog over a private copy of the built corpus."""
    from cgt_desktop.core.catalog.store import Catalog

    s = Catalog(reference_db)
    yield s
    s.close()


_REAL = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "sendto": socket.socket.sendto,
    "getaddrinfo": socket.getaddrinfo,
}


@pytest.fixture
def network_attempts() -> list[str]:
    """The network connections attempted during the current test (filled by the offline guard)."""
    return []


@pytest.fixture(autouse=True)
def offline_guard(monkeypatch, network_attempts):
    """Proof of offline: any IP connection attempt, or host lookup, fails the test.

    Local (AF_UNIX) sockets stay allowed. The attempt is refused at once, and the
    test fails at teardown even if the code under test swallowed the error.
    """

    def refuse(what: str, detail: object) -> None:
        network_attempts.append(f"{what} {detail!r}")
        raise ConnectionRefusedError(f"cgt-desktop is offline: {what} {detail!r} refused by the test suite")

    def connect(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse("connect", address)
        return _REAL["connect"](self, address, *args)

    def connect_ex(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse("connect_ex", address)
        return _REAL["connect_ex"](self, address, *args)

    def sendto(self, data, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse("sendto", args[-1])
        return _REAL["sendto"](self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        refuse("getaddrinfo", host)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield
    attempts = list(network_attempts)
    network_attempts.clear()
    assert not attempts, f"the code under test tried to use the network: {attempts}"
