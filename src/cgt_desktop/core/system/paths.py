"""Where things live: the shipped corpus and assets, and the user's home.

The corpus sources (``db/``) and assets (``resources/``) ship inside the package
as ``cgt_desktop/_data/`` (see ``pyproject.toml``). In a source checkout with an
editable install that folder does not exist, and the top-level ``db/`` and
``resources/`` of the checkout are used instead.

The *home* holds everything the app writes, kept apart from the shipped data:

* ``user.sqlite``: annotations, settings, selections (the user's work);
* ``cache/reference.sqlite``: the reference database, rebuilt from ``db/``
  whenever the sources change; deleting it loses nothing;
* ``exports/`` and ``backups/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "cgt-desktop"
DESKTOP_ID = "io.github.cgtdesktop.CgtDesktop"  # the .desktop file and AppStream id (reverse DNS)
HOME_ENV = "CGT_DESKTOP_HOME"


def _data_root() -> Path:
    from importlib import resources  # ~3 ms to load: only when the shipped data is looked for

    packaged = Path(str(resources.files("cgt_desktop"))) / "_data"
    if (packaged / "db").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[4]
    if (checkout / "db").is_dir():
        return checkout
    raise FileNotFoundError(
        "cgt-desktop's corpus is missing: neither the installed package data "
        f"({packaged}) nor a source checkout ({checkout}/db) was found. Reinstall cgt-desktop."
    )


def corpus_dir() -> Path:
    """Return the directory of the shipped corpus sources (``db/``)."""
    return _data_root() / "db"


def resources_dir() -> Path:
    """Return the directory of the shipped assets (``resources/``)."""
    return _data_root() / "resources"


def default_home() -> Path:
    """Return the platform's user-data directory for cgt-desktop."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_home(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Pick the home: ``--home`` first, then ``$CGT_DESKTOP_HOME``, then the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    return default_home()


@dataclass(frozen=True)
class Home:
    """The paths inside one user home."""

    root: Path

    @property
    def user_db(self) -> Path:
        return self.root / "user.sqlite"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def reference_db(self) -> Path:
        return self.cache_dir / "reference.sqlite"

    @property
    def exports_dir(self) -> Path:
        return self.root / "exports"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def pending_dir(self) -> Path:
        """Where a process notes the temporary files it makes outside the home (swept after a kill)."""
        return self.cache_dir / "pending"

    def ensure(self) -> Home:
        """Create the home's folders; raise ``OSError`` with the path if that is impossible."""
        for folder in (self.root, self.cache_dir, self.exports_dir, self.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self
