"""The ``cgt-desktop`` command: opens the app, or runs a scripting subcommand.

Subcommands are thin clients of :mod:`cgt_desktop.core` and never import Qt
(except ``screenshot`` and the app itself). Every subcommand that prints data
takes ``--json``. A bad id or option gives one clear line on stderr and a
non-zero exit status (1: the request failed, 2: the command line was wrong).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import asdict
from typing import Any, Sequence

from cgt_desktop.cli.common import (
    EXIT_FAILED, EXIT_USAGE, CliError, check_text_arguments, corpus_dir, home, open_store, output_path,
    positive, print_data, year,
)
from cgt_desktop.cli.data import cmd_backup, cmd_restore
from cgt_desktop.cli.export import cmd_export_pdf
from cgt_desktop.cli.entries import cmd_entry
from cgt_desktop.cli.imports import cmd_import
from cgt_desktop.cli.notes import cmd_notes
from cgt_desktop.cli.show import cmd_documents, cmd_show
from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.kinds import KINDS

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + traceback
        raise CliError(f"{message} (see '{self.prog} --help')", EXIT_USAGE)

    def add_argument(self, *names: Any, **options: Any) -> argparse.Action:
        if "--json" in names and "help" not in options:  # every command's --json says the same
            options["help"] = "print JSON instead of text (ids, origins, statuses: for scripts)"
        return super().add_argument(*names, **options)


def build_parser(subcommands: bool = True) -> argparse.ArgumentParser:
    """Return the command line's parser; without *subcommands*, only the app's own options (a faster start)."""
    parser = _Parser(prog="cgt-desktop", description="Offline bilingual reference browser for China's "
                     "cell & gene therapy ecosystem. Without a command, opens the app.")
    parser.add_argument("--home", metavar="DIR", help="user data folder (default: $CGT_DESKTOP_HOME or the "
                        "platform's user-data folder)")
    parser.add_argument("--corpus", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--install-desktop-entry", action="store_true",
                        help="add cgt-desktop to the desktop's application menu (Linux: a .desktop file, the icon "
                             "in every size and the AppStream metainfo under ~/.local/share) and exit")
    parser.add_argument("--uninstall-desktop-entry", action="store_true",
                        help="remove what --install-desktop-entry added, and exit")
    parser.add_argument("--lang", choices=["en", "zh"], default=None,
                        help="the app's interface language for this session (default: as in Preferences)")
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("build-db", help="rebuild the reference database from the corpus sources")
    p.add_argument("--json", action="store_true")
    p.add_argument("--if-changed", action="store_true", help="only rebuild when the sources changed")

    p = sub.add_parser("search", help="full-text search in Chinese, English or pinyin")
    p.add_argument("query", help="words in Chinese or English, or pinyin with or without spaces (zhangjiang)")
    p.add_argument("--kind", choices=[*KINDS, "passage"], help="only this kind of result")
    p.add_argument("--limit", type=positive, default=20, help="at most this many results (default 20)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show one entity, event, figure or document with its sources")
    p.add_argument("id", help="its id, e.g. person/qian-qijun (search finds ids)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("documents", help="list the documents: the five reference articles and the ones you imported")
    p.add_argument("--mine", action="store_true", help="only the documents you imported")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("timeline", help="list events in date order")
    p.add_argument("--from", dest="year_from", type=year, metavar="YEAR",
                   help="only events overlapping this year or later (undated events are left out)")
    p.add_argument("--to", dest="year_to", type=year, metavar="YEAR", help="only events up to this year")
    p.add_argument("--kind", dest="category", metavar="CATEGORY",
                   help="event category: policy, regulatory, clinical, industry, academic, career")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="validate the corpus sources; exit 1 if anything is wrong")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("screenshot", help="render a view offscreen and save it as PNG")
    p.add_argument("view", help="people, organizations, …, timeline, entity:ID, search:QUERY, reader:DOC_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png", help="where to write the PNG")
    p.add_argument("--lang", choices=["en", "zh"], default=None, help="the interface language of the picture")
    p.add_argument("--size", default="1280x800", metavar="WxH",
                   help="the window size in pixels (default 1280x800, the README's pictures)")

    from cgt_desktop.cli.notes import add_parser as add_notes_parser
    add_notes_parser(sub)
    from cgt_desktop.cli.data import add_parser as add_data_parser
    add_data_parser(sub)
    from cgt_desktop.cli.export import add_parser as add_export_parser
    add_export_parser(sub)
    from cgt_desktop.cli.imports import add_parser as add_import_parser
    add_import_parser(sub)
    from cgt_desktop.cli.entries import add_parser as add_entry_parser
    add_entry_parser(sub)
    return parser


def cmd_build_db(args: argparse.Namespace) -> int:
    from cgt_desktop.core.catalog.build import build_reference_db
    from cgt_desktop.core.catalog.refresh import ensure_reference_db
    from cgt_desktop.core.startup import reference_in_the_way

    home_ = home(args)
    problem = reference_in_the_way(home_.reference_db)
    if problem:
        raise CliError(f"{problem}. Move it away or delete it, then run build-db again.")
    build = ensure_reference_db if args.if_changed else build_reference_db
    try:
        report = build(corpus_dir(args), home_.reference_db)
    except OSError as exc:
        raise CliError(f"cannot build the reference database in {home_.cache_dir}: {exc.strerror or exc}") from exc
    data = {"path": str(report.path), "rebuilt": report.rebuilt, "seconds": round(report.seconds, 3),
            "content_hash": report.content_hash, "counts": report.counts}
    verb = "Built" if report.rebuilt else "Up to date:"
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report.counts.items()))
    print_data(data, args.json, f"{verb} {report.path} in {report.seconds:.2f} s" + (f" ({counts})" if counts else ""))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    store = open_store(args)
    hits = store.search(args.query, kind=args.kind, limit=args.limit)
    data = [{"id": h.id, "kind": h.kind, "name_en": h.name_en, "name_zh": h.name_zh, "snippet": h.snippet,
             "origin": ids.origin_of(h.id), **({"document_id": h.document_id} if h.document_id else {})}
            for h in hits]
    lines = [f"{h.kind:<12} {h.id}\n             {h.name_en} · {h.name_zh}\n             {h.snippet}" for h in hits]
    empty = "No results."
    if not hits and not args.json:  # a misspelling: the nearest names
        near = store.suggest(args.query)
        if near:
            empty += " Did you mean:\n" + "\n".join(f"  {s.name_en or s.name_zh} · {s.name_zh}  ({s.id})"
                                                     for s in near)
    print_data(data, args.json, "\n".join(lines) if lines else empty)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    store = open_store(args)
    categories = set(store.vocabulary("event_categories"))
    if args.category and args.category not in categories:
        raise CliError(f"unknown event category {args.category!r}; choose from {', '.join(sorted(categories))}",
                       EXIT_USAGE)
    events = store.timeline(args.year_from, args.year_to, args.category,
                            include_undated=args.year_from is None and args.year_to is None)
    data = [{"id": e.id, "date": e.date, "precision": e.precision, "end": e.end, "approximate": e.approximate,
             "bound": e.bound, "shown_as": e.when("en"), "date_stated": e.date_stated, "title_en": e.title_en,
             "title_zh": e.title_zh, "title_status": "title", "category": e.category, "sources": e.sources, "origin": ids.origin_of(e.id)} for e in events]
    lines = [f"{e.when('en'):<22} {e.category or '':<11} {e.title_en}" + ("  [yours]" if ids.is_user(e.id) else "")
             for e in events]
    print_data(data, args.json, "\n".join(lines) if lines else "No events.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from cgt_desktop.core.corpus.checks import check_directory

    from cgt_desktop.cli.common import count

    problems = check_directory(corpus_dir(args))
    if args.json:
        print_data([asdict(p) for p in problems], True, "")
    elif problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{count(len(problems), 'problem')} found.", file=sys.stderr)
    else:
        print("The corpus is consistent: 0 problems.")
    return EXIT_FAILED if problems else 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    output_path(args.output)  # refused before Qt loads: a folder, a link, a device, a missing folder
    from cgt_desktop.ui.shell.app import screenshot

    return screenshot(args)


COMMANDS = {"build-db": cmd_build_db, "search": cmd_search, "show": cmd_show, "documents": cmd_documents,
            "timeline": cmd_timeline, "check": cmd_check, "screenshot": cmd_screenshot, "notes": cmd_notes, "import": cmd_import,
            "entry": cmd_entry,
            "backup": cmd_backup, "restore": cmd_restore, "export-pdf": cmd_export_pdf}


def main(argv: Sequence[str] | None = None, stamp: Any = None) -> int:
    """Run the command line; return the exit status.

    *stamp* is the app's source stamp if it was started ahead (see :func:`cgt_desktop.ui.shell.app.run_app`).
    """
    try:
        from cgt_desktop.cli.doctor import command_of

        words = list(sys.argv[1:] if argv is None else argv)
        check_text_arguments(words)
        app_only = command_of(words) is None and not {"-h", "--help"} & set(words)  # the app: no subcommand
        args = build_parser(subcommands=not app_only).parse_args(words)
        if args.version:
            from cgt_desktop import __version__

            print(f"cgt-desktop {__version__}")
            return 0
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            from cgt_desktop.cli.desktop import cmd_desktop_entry

            return cmd_desktop_entry(args)
        if args.command is None:
            from cgt_desktop.ui.shell.app import run_app

            return run_app(args, stamp=stamp)
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"cgt-desktop: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        print("cgt-desktop: out of memory; nothing was changed by the failed step", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        if os.environ.get("CGT_DESKTOP_DEBUG"):
            raise
        print(f"cgt-desktop: unexpected error ({type(exc).__name__}: {exc}); nothing was changed by the failed "
              "step. Set CGT_DESKTOP_DEBUG=1 to see the details, and please report it.", file=sys.stderr)
        return EXIT_FAILED
