"""``cgt-desktop backup`` and ``cgt-desktop restore``: the user database by hand."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the backup and restore subcommands."""
    p = sub.add_parser("backup", help="write a checked backup of your user data now")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("restore", help="restore your user data from a backup (default: the newest)")
    p.add_argument("file", nargs="?", help="a backup file (see 'cgt-desktop restore --list')")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.add_argument("--json", action="store_true")


def cmd_backup(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, home as _home
    from cgt_desktop.core.userdata.backup import BackupError, make_backup, rotate

    home = _home(args)
    if not home.user_db.exists():
        raise CliError(f"there is no user data to back up yet in {home.root}")
    try:
        path = make_backup(home.user_db, home.backups_dir)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    removed = rotate(home.backups_dir)
    if args.json:
        json.dump({"backup": str(path), "rotated_out": [str(p) for p in removed]}, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(f"Backed up to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, home as _home
    from cgt_desktop.core.userdata.backup import BackupError, list_backups, restore

    home = _home(args)
    backups = list_backups(home.backups_dir)
    if args.list:
        if args.json:
            json.dump([str(p) for p in backups], sys.stdout)
            sys.stdout.write("\n")
        else:
            print("\n".join(str(p) for p in backups) if backups else "No backups yet.")
        return 0
    if args.file:
        source = Path(args.file)
        if not source.is_file():
            raise CliError(f"no such backup: {args.file}")
    elif backups:
        source = backups[0]
    else:
        raise CliError(f"no backups in {home.backups_dir}; make one with 'cgt-desktop backup'")
    try:
        kept = restore(source, home.user_db)
    except BackupError as exc:
        raise CliError(str(exc)) from exc
    message = f"Restored {source}."
    if kept:
        message += f" Your previous user data was kept as {kept}."
    if args.json:
        json.dump({"restored": str(source), "previous_kept_as": str(kept) if kept else None}, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(message)
    return 0
