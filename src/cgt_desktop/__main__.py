"""``python -m cgt_desktop`` and the ``cgt-desktop`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    """Run cgt-desktop with the process's arguments (after the start-up doctor's checks)."""
    from cgt_desktop.cli.doctor import command_of, option_value, preflight

    argv = sys.argv[1:]
    stamp = None
    if command_of(argv) is None and not {"-h", "--help", "--version"} & set(argv):
        stamp = _stamp_ahead(option_value(argv, "--corpus"))
    try:
        status = preflight(argv)
        if status is not None:
            return status
        from cgt_desktop.cli.main import main as cli_main

        return cli_main(argv, stamp=stamp)
    finally:
        if stamp is not None:
            stamp.close()


def _stamp_ahead(corpus: str | None) -> object | None:
    """Start stamping the app's sources in a child process, before Qt loads (see ``SourceStampAhead``).

    The app checks that the stamp is of the corpus it opens, and takes its own otherwise.
    """
    try:
        from cgt_desktop.core.catalog.freshness import SourceStampAhead
        from cgt_desktop.core.system.paths import corpus_dir

        return SourceStampAhead(corpus_dir() if corpus is None else corpus)
    except Exception:  # noqa: BLE001 - a missing corpus is reported by the app itself
        return None


if __name__ == "__main__":
    sys.exit(main())
