"""The ``cgt-desktop notes`` subcommands: list, add, export and import annotations.

Thin clients of :mod:`cgt_desktop.core.userdata.annotations`; the home comes from the
global ``--home`` option. Registered in :mod:`cgt_desktop.cli.main` by
:func:`add_parser` and :func:`cmd_notes`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Add ``notes`` and its subcommands to the main parser's subparsers."""
    p = sub.add_parser("notes", help="list, add, export and import your notes and other annotations")
    notes = p.add_subparsers(dest="notes_command", metavar="{list,add,export,import}", parser_class=type(p))
    notes.required = True

    q = notes.add_parser("list", help="list your notes, and with --highlights your highlights and their comments "
                                      "(newest first)")
    q.add_argument("--tag", metavar="T", help="only annotations on items tagged T")
    q.add_argument("--highlights", action="store_true",
                   help="list highlights too: the quoted text, its colour and your comment")
    q.add_argument("--json", action="store_true", help="print JSON instead of text")

    q = notes.add_parser("add", help="add a note to an entity, event, figure, document or passage")
    q.add_argument("id", help="the item's id, e.g. person/qian-qijun")
    q.add_argument("--text", required=True, help="the note (Markdown)")
    q.add_argument("--tag", metavar="T", action="append", default=[], help="also tag the item T (repeatable)")
    q.add_argument("--json", action="store_true")

    q = notes.add_parser("export", help="write all annotations and your own items (entries, imported articles), or one "
                                            "tag's annotations, to a JSON file")
    q.add_argument("file", metavar="FILE", help="the JSON file to write")
    q.add_argument("--tag", metavar="T", help="only annotations on items tagged T")
    q.add_argument("--json", action="store_true")

    q = notes.add_parser("import", help="merge annotations and items from a JSON file (importing twice adds nothing)")
    q.add_argument("file", metavar="FILE", help="a file written by 'notes export' (here or in another home)")
    q.add_argument("--json", action="store_true")
    return p


def _user_store(args: argparse.Namespace):
    from cgt_desktop.cli.common import user_store

    return user_store(args)


def _list(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, print_data
    from cgt_desktop.core.userdata.annotations import AnnotationFilter, list_annotations

    user = _user_store(args)
    try:
        if args.tag and user.tag(args.tag) is None:
            known = ", ".join(t.name for t in user.tags()) or "none yet"
            raise CliError(f"no tag named {args.tag!r} (your tags: {known})")
        kinds = ("note", "highlight") if args.highlights else ("note",)
        rows = list_annotations(user, AnnotationFilter(kinds=kinds, tag=args.tag or ""))
    finally:
        user.close()
    data = []
    for a in rows:
        item = {"uid": a.uid, "kind": a.kind, "target_id": a.target_id, "created": a.created, "edited": a.edited,
                "tags": list(a.tags), "orphan": a.orphan}
        if a.kind == "highlight":
            item.update(quote=a.text, comment=a.comment, color=a.color, side=a.side)
        else:
            item["body"] = a.text
        data.append(item)
    lines = []
    for a in rows:
        head = f"{a.edited}  {a.target_id}" + (f"  [{', '.join(a.tags)}]" if a.tags else "")
        head += "  (orphaned: " + a.orphan + ")" if a.orphan else ""
        if a.kind == "highlight":
            body = [f"highlight “{' '.join(a.text.split())}”"] + ([f"comment: {a.comment}"] if a.comment else [])
        else:
            body = a.text.splitlines() or [""]
        lines.append(head + "\n" + "\n".join("    " + line for line in body))
    empty = "No notes or highlights." if args.highlights else "No notes."
    print_data(data, args.json, "\n".join(lines) if lines else empty)
    return 0


def _add(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, open_store, print_data

    if not args.text.strip():
        raise CliError("the note is empty; give some --text")
    reference = open_store(args)
    try:
        if not reference.exists(args.id):
            raise CliError(f"unknown id: {args.id!r}; try 'cgt-desktop search'")
    finally:
        reference.close()
    user = _user_store(args)
    try:
        for tag in args.tag:
            try:
                user.tag_item(args.id, tag)
            except ValueError as exc:
                raise CliError(f"bad tag {tag!r}: {exc}") from exc
        note = user.add_note(args.id, args.text)
    finally:
        user.close()
    data = {"uid": note.uid, "target_id": note.target_id, "body": note.body, "created": note.created,
            "tags": args.tag}
    print_data(data, args.json, f"Added note {note.uid} to {note.target_id}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, home, output_path, print_data
    from cgt_desktop.core.userdata.annotations_io import export_annotations

    path = output_path(args.file)
    user = _user_store(args)
    try:
        counts = export_annotations(user, path, tag=args.tag, pending=home(args).pending_dir)
    except KeyError:
        raise CliError(f"no tag named {args.tag!r}; nothing was exported") from None
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        user.close()
    text = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
    print_data({"path": str(path), "counts": counts}, args.json, f"Exported to {path}: {text}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, Progress, print_data
    from cgt_desktop.core.userdata.annotations_io import AnnotationFileError, import_annotations
    from cgt_desktop.core.userdata.userdb import UserDataError

    source = Path(args.file).expanduser()
    if not source.is_file():
        raise CliError(f"cannot read {args.file}: " + ("no such file" if not source.exists() else "it is not a file")
                       + ". Nothing was imported.")
    user = _user_store(args)
    progress = Progress(f"Importing {source.name}")
    try:
        report = import_annotations(user, source, progress=progress)
    except (AnnotationFileError, UserDataError) as exc:
        raise CliError(f"{exc}. Nothing was imported.") from exc
    finally:
        progress.finish()
        user.close()
    print_data({"path": args.file, "counts": report.counts}, args.json, f"Imported {args.file}: {report.summary()}")
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    """Run one ``notes`` subcommand; return the exit status."""
    handlers = {"list": _list, "add": _add, "export": _export, "import": _import}
    return handlers[args.notes_command](args)
