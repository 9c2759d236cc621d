"""``cgt-desktop --install-desktop-entry`` / ``--uninstall-desktop-entry``: the application-menu entry."""

from __future__ import annotations

import argparse
import os

from cgt_desktop.cli.common import CliError


def cmd_desktop_entry(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn without a window
    from cgt_desktop.ui.common import desktop_entry

    base = desktop_entry.data_home()
    try:
        if args.uninstall_desktop_entry:
            removed = desktop_entry.uninstall(base)
            print(f"Removed {len(removed)} files from {base}." if removed else f"Nothing to remove in {base}.")
            return 0
        written = desktop_entry.install(base)
    except OSError as exc:
        raise CliError(f"cannot write under {base}: {exc.strerror or exc}") from exc
    print(f"Added cgt-desktop to the application menu: {written[0]}\n"
          f"with its icon in {len(written) - 3} sizes and SVG, and its AppStream metainfo ({len(written)} files "
          f"under {base}). Some desktops show it after you log in again.")
    return 0
