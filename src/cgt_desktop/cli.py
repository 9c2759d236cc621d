"""The ``cgt-desktop`` command: opens the app, or runs a scripting subcommand.

Subcommands are thin clients of :mod:`cgt_desktop.core` and never import Qt
(except ``screenshot`` and the app itself). Every subcommand that prints data
takes ``--json``. A bad id or option gives one clear line on stderr and a
non-zero exit status (1: the request failed, 2: the command line was wrong).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any, Sequence

from .cli_data import cmd_backup, cmd_restore
from .cli_export import cmd_export_pdf
from .cli_notes import cmd_notes
from .core.kinds import KINDS

EXIT_FAILED = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure to report as one line on stderr."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + traceback
        raise CliError(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}") from None
    if not 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError(f"year out of range: {value}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser(subcommands: bool = True) -> argparse.ArgumentParser:
    """Return the command line's parser; without *subcommands*, only the app's own options (a faster start)."""
    parser = _Parser(prog="cgt-desktop", description="Offline bilingual reference browser for China's "
                     "cell & gene therapy ecosystem. Without a command, opens the app.")
    parser.add_argument("--home", metavar="DIR", help="user data folder (default: $CGT_DESKTOP_HOME or the "
                        "platform's user-data folder)")
    parser.add_argument("--corpus", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    if not subcommands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("build-db", help="rebuild the reference database from the corpus sources")
    p.add_argument("--json", action="store_true")
    p.add_argument("--if-changed", action="store_true", help="only rebuild when the sources changed")

    p = sub.add_parser("search", help="full-text search in Chinese, English or pinyin")
    p.add_argument("query")
    p.add_argument("--kind", choices=[*KINDS, "passage"])
    p.add_argument("--limit", type=_positive, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("show", help="show one entity, event, figure or document with its sources")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("timeline", help="list events in date order")
    p.add_argument("--from", dest="year_from", type=_year, metavar="YEAR")
    p.add_argument("--to", dest="year_to", type=_year, metavar="YEAR")
    p.add_argument("--kind", dest="category", metavar="CATEGORY",
                   help="event category: policy, regulatory, clinical, industry, academic, career")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="validate the corpus sources; exit 1 if anything is wrong")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("screenshot", help="render a view offscreen and save it as PNG")
    p.add_argument("view", help="people, organizations, …, timeline, entity:ID, search:QUERY, reader:DOC_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.png")
    p.add_argument("--lang", choices=["en", "zh"], default=None)

    from .cli_notes import add_parser as add_notes_parser
    add_notes_parser(sub)
    from .cli_data import add_parser as add_data_parser
    add_data_parser(sub)
    from .cli_export import add_parser as add_export_parser
    add_export_parser(sub)
    return parser


def _corpus_dir(args: argparse.Namespace) -> Path:
    from .core.paths import corpus_dir

    return Path(args.corpus) if args.corpus else corpus_dir()


def _home(args: argparse.Namespace):
    from .core.paths import Home, resolve_home

    try:
        return Home(resolve_home(args.home)).ensure()
    except OSError as exc:
        raise CliError(f"cannot use the home folder {exc.filename or args.home}: {exc.strerror or exc}") from exc


def open_store(args: argparse.Namespace):
    """Return a :class:`ReferenceStore` on an up-to-date reference database."""
    from .core.freshness import ensure_reference_db
    from .core.store import ReferenceStore, StoreError

    home = _home(args)
    report = ensure_reference_db(_corpus_dir(args), home.reference_db)
    try:
        return ReferenceStore(report.path)
    except StoreError as exc:
        raise CliError(str(exc)) from exc


def _print(data: Any, as_json: bool, text: str) -> None:
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text + ("\n" if text and not text.endswith("\n") else ""))


def cmd_build_db(args: argparse.Namespace) -> int:
    from .core.build import build_reference_db
    from .core.freshness import ensure_reference_db

    home = _home(args)
    build = ensure_reference_db if args.if_changed else build_reference_db
    report = build(_corpus_dir(args), home.reference_db)
    data = {"path": str(report.path), "rebuilt": report.rebuilt, "seconds": round(report.seconds, 3),
            "content_hash": report.content_hash, "counts": report.counts}
    verb = "Built" if report.rebuilt else "Up to date:"
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report.counts.items()))
    _print(data, args.json, f"{verb} {report.path} in {report.seconds:.2f} s" + (f" ({counts})" if counts else ""))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    store = open_store(args)
    hits = store.search(args.query, kind=args.kind, limit=args.limit)
    data = [{"id": h.id, "kind": h.kind, "name_en": h.name_en, "name_zh": h.name_zh, "snippet": h.snippet,
             **({"document_id": h.document_id} if h.document_id else {})} for h in hits]
    lines = [f"{h.kind:<12} {h.id}\n             {h.name_en} · {h.name_zh}\n             {h.snippet}" for h in hits]
    _print(data, args.json, "\n".join(lines) if lines else "No results.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .core.store import UnknownId

    store = open_store(args)
    try:
        detail = store.entity(args.id)
    except UnknownId as exc:
        raise CliError(f"{exc}; try 'cgt-desktop search'") from None
    data = detail.to_json()
    data["sources"] = [{"document_id": c.document_id, "passage_id": c.passage_id,
                        "text_en": c.text_en, "text_zh": c.text_zh} for c in detail.sources]
    out = [f"{detail.name_en} · {detail.name_zh}" + ("  [Chinese name: editor's rendering]"
                                                      if detail.name_zh_status == "editor" else ""),
           f"{detail.kind} · {detail.subtype_en}", "", detail.desc_en, detail.desc_zh]
    if detail.aliases:
        out += ["", "Aliases: " + "; ".join(a["alias"] for a in detail.aliases)]
    if detail.relations:
        out += ["", "Relations:"]
        out += [f"  {r.label_en} {r.other_name_en or r.other_name_zh} ({r.other_id})"
                + (f" as {r.role_en}" if r.role_en else "") for r in detail.relations]
    if detail.events:
        out += ["", "Events:"] + [f"  {e.date or 'date unknown'}  {e.title_en}" for e in detail.events]
    out += ["", "Sources:"] + [f"  [{c.passage_id}] {c.orig}" for c in detail.sources]
    _print(data, args.json, "\n".join(out))
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
             "date_stated": e.date_stated, "title_en": e.title_en, "title_zh": e.title_zh,
             "category": e.category, "sources": e.sources} for e in events]
    lines = [f"{(e.date or 'unknown') + ('–' + e.end if e.end else ''):<22}{'~' if e.approximate else ' '} "
             f"{e.category:<11} {e.title_en}" for e in events]
    _print(data, args.json, "\n".join(lines) if lines else "No events.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .core.checks import check_directory

    problems = check_directory(_corpus_dir(args))
    if args.json:
        _print([asdict(p) for p in problems], True, "")
    elif problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
    else:
        print("The corpus is consistent: 0 problems.")
    return EXIT_FAILED if problems else 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.app import screenshot

    return screenshot(args)


COMMANDS = {"build-db": cmd_build_db, "search": cmd_search, "show": cmd_show, "timeline": cmd_timeline,
            "check": cmd_check, "screenshot": cmd_screenshot, "notes": cmd_notes,
            "backup": cmd_backup, "restore": cmd_restore, "export-pdf": cmd_export_pdf}


def main(argv: Sequence[str] | None = None, stamp: Any = None) -> int:
    """Run the command line; return the exit status.

    *stamp* is the app's source stamp if it was started ahead (see :func:`cgt_desktop.ui.app.run_app`).
    """
    try:
        from .doctor import command_of

        words = list(sys.argv[1:] if argv is None else argv)
        app_only = command_of(words) is None and not {"-h", "--help"} & set(words)  # the app: no subcommand
        args = build_parser(subcommands=not app_only).parse_args(words)
        if args.version:
            from . import __version__

            print(f"cgt-desktop {__version__}")
            return 0
        if args.command is None:
            from .ui.app import run_app

            return run_app(args, stamp=stamp)
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"cgt-desktop: {exc}", file=sys.stderr)
        return exc.code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
