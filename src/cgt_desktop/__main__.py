"""``python -m cgt_desktop`` and the ``cgt-desktop`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    """Run cgt-desktop with the process's arguments (after the start-up doctor's checks)."""
    from .doctor import preflight

    status = preflight(sys.argv[1:])
    if status is not None:
        return status
    from .cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
