"""Helpers every ``cgt-desktop`` subcommand shares: errors, argument types, the home, the stores, output.

A leaf module: the entry point (:mod:`cgt_desktop.cli.main`) and the command modules (``cli_notes``,
``cli_data``, ``cli_export``) import it, never each other. Every subcommand opens its home and
databases through :mod:`cgt_desktop.core.startup`, the path the app takes too, so a damaged or
misplaced file gets the same message and the same recovery from a command as from the app.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

EXIT_FAILED = 1
EXIT_USAGE = 2
MAX_LIMIT = 100_000


class CliError(Exception):
    """A failure to report as one line on stderr."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def year(text: str) -> int:
    """An argparse type: a year from 1900 to 2100."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"year out of range: {value}")
    return value


def positive(text: str) -> int:
    """An argparse type: a count from 1 to :data:`MAX_LIMIT`."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_LIMIT}")
    return value


def home(args: argparse.Namespace):
    """The command's home (``--home``, ``$CGT_DESKTOP_HOME`` or the platform's), prepared and swept once."""
    prepared = getattr(args, "_prepared_home", None)
    if prepared is not None:  # a command asks for it several times (stores, pending list): sweep once
        return prepared
    from cgt_desktop.core.startup import StartupError, prepare_home

    try:
        prepared = prepare_home(getattr(args, "home", None))
    except StartupError as exc:
        raise CliError(str(exc)) from exc
    args._prepared_home = prepared
    return prepared


def corpus_dir(args: argparse.Namespace) -> Path:
    """The corpus sources the command reads (the shipped ``db/`` unless ``--corpus`` is given)."""
    from cgt_desktop.core.system.paths import corpus_dir as shipped

    return Path(args.corpus) if getattr(args, "corpus", None) else shipped()


def open_store(args: argparse.Namespace):
    """Return the :class:`~cgt_desktop.core.catalog.store.Catalog`: the reference data, up to date, and the
    user's own items (when the home has user data)."""
    from cgt_desktop.core.startup import StartupError, open_reference, sync_user_items

    try:
        catalog = open_reference(home(args), corpus_dir(args))
    except StartupError as exc:
        raise CliError(str(exc)) from exc
    if home(args).user_db.exists():
        user = user_store(args)
        try:
            problem = sync_user_items(catalog, user)
        finally:
            user.close()
        if problem:
            print(f"cgt-desktop: {problem}", file=sys.stderr)
    return catalog


def user_store(args: argparse.Namespace):
    """Return the :class:`~cgt_desktop.core.userdata.userdb.UserStore`, recovering damaged data as the app does."""
    from cgt_desktop.core.startup import StartupError, open_user

    try:
        opened = open_user(home(args), claim=True)
    except StartupError as exc:
        raise CliError(str(exc)) from exc
    for message in opened.messages:
        print(f"cgt-desktop: {message}", file=sys.stderr)
    return opened.store


def output_path(text: str, suffix: str | None = None) -> Path:
    """An output file the command may write (see :func:`~cgt_desktop.core.system.outputs.check_output`)."""
    from cgt_desktop.core.system.outputs import OutputPathError, check_output

    try:
        return check_output(text, suffix)
    except OutputPathError as exc:
        raise CliError(str(exc)) from None


def check_text_arguments(words: list[str]) -> None:
    """Refuse an argument that is not valid text (Python decodes stray bytes as lone surrogates)."""
    for index, word in enumerate(words, 1):
        try:
            word.encode("utf-8")
        except UnicodeEncodeError:
            shown = os.fsencode(word).decode("utf-8", "backslashreplace")
            raise CliError(f"argument {index} ({shown!r}) is not valid UTF-8 text; cgt-desktop takes ids, "
                           "text and file names in UTF-8", EXIT_USAGE) from None


class Progress:
    """A one-line progress count on stderr, shown only when stderr is a terminal."""

    def __init__(self, label: str, stream: Any = None) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self._shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        percent = min(100, done * 100 // total)
        if percent != self._shown:
            self._shown = percent
            self.stream.write(f"\r{self.label}: {percent:3d}% ({done}/{total})")
            self.stream.flush()

    def finish(self) -> None:
        """End the progress line (nothing when it was never shown)."""
        if self.enabled and self._shown >= 0:
            self.stream.write("\n")
            self.stream.flush()


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``count(1, "passage")`` → "1 passage", ``count(3, "passage")`` → "3 passages"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def print_data(data: Any, as_json: bool, text: str) -> None:
    """Print *data* as JSON with ``--json``, else *text*."""
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))
