"""The ``cgt-desktop entry`` subcommands: your own entities, events, figures and relations, each cited."""

from __future__ import annotations

import argparse
from typing import Any

from cgt_desktop.core.domain.corrections import FIELDS

KINDS = ("person", "organization", "place", "policy", "technology", "event", "figure", "relation")


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("entry", help="add, change, delete and list your own entries (each cites a passage)")
    entries = p.add_subparsers(dest="entry_command", metavar="{add,edit,delete,list,versions,keep,correct,wrong,unlink}",
                               parser_class=type(p))
    entries.required = True

    q = entries.add_parser("add", help="add an entry; it must cite at least one passage")
    q.add_argument("kind", choices=KINDS, help="what the entry is")
    q.add_argument("--name-en", default="", help="English name (an event's or figure's title)")
    q.add_argument("--name-zh", default="", help="Chinese name (an event's or figure's title)")
    q.add_argument("--cite", metavar="PASSAGE_ID", action="append", default=[], required=True,
                   help="a passage that says it, e.g. 003_f3128c6eecc96df2#p04.s01 (repeatable)")
    q.add_argument("--desc-en", default="", help="a sentence or two in English, saying only what the passages say")
    q.add_argument("--desc-zh", default="", help="the same in Chinese")
    q.add_argument("--type", default="", help="its type (an organization's, a place's, …)")
    q.add_argument("--date", default="", help="an event's date: YYYY, YYYY-MM or YYYY-MM-DD (none: not stated)")
    q.add_argument("--end", default="", help="an event's last day, for a period")
    q.add_argument("--approximate", action="store_true", help="the event's date is approximate (give --date-note)")
    q.add_argument("--date-note", default="", help="why a date is approximate, or what the source says of it")
    q.add_argument("--date-stated", default="", help="the date as the source words it")
    q.add_argument("--category", default="", help="an event's category (its timeline lane), e.g. industry")
    q.add_argument("--value-stated", default="", help="a figure's value as the source prints it")
    q.add_argument("--unit", default="", help="a figure's unit, e.g. count or yuan")
    q.add_argument("--as-of", default="", help="a figure's date: YYYY, YYYY-MM or YYYY-MM-DD")
    q.add_argument("--subject", default="", help="a relation's first end (an id)")
    q.add_argument("--predicate", default="", help="a relation's predicate, e.g. works_at")
    q.add_argument("--object", default="", help="a relation's other end (an id)")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("edit", help="change fields of one of your entries")
    q.add_argument("id", help="the id of one of your entries (see 'cgt-desktop entry list')")
    q.add_argument("--field", metavar="NAME=VALUE", action="append", default=[], required=True,
                   help="a field of the entry's record, e.g. name_en=Li Hua (repeatable; empty clears it)")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("delete", help="delete one of your entries")
    q.add_argument("id", help="the id of one of your entries (see 'cgt-desktop entry list')")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("list", help="list your entries, corrections and imported documents")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("versions", help="list the versions of your entries an import set aside (the live one is "
                                            "the newer edit)")
    q.add_argument("id", nargs="?", help="only this entry's")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("keep", help="make a version set aside the live one (the live one is kept instead)")
    q.add_argument("version_id", metavar="VERSION", type=int, help="the version's number (see 'entry versions')")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("correct", help="correct a field of a reference entry (the reference stays; pages "
                                           "show your value beside it)")
    q.add_argument("id", help="the reference entry, e.g. person/chen-jing")
    q.add_argument("--field", required=True, choices=list(FIELDS), help="the field you correct")
    q.add_argument("--value", required=True, help="your value")
    q.add_argument("--cite", metavar="PASSAGE_ID", action="append", default=[], required=True,
                   help="a passage that says your value (repeatable)")
    q.add_argument("--note", default="", help="why (optional)")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("wrong", help="mark a reference relation wrong (it stays, struck through)")
    q.add_argument("id", help="the relation's id (see 'cgt-desktop show ID --json')")
    q.add_argument("--note", default="", help="why it is wrong (needed unless you --cite)")
    q.add_argument("--cite", metavar="PASSAGE_ID", action="append", default=[], help="a passage that shows it")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("unlink", help="stop linking an entity's name in one passage (a wrong mention link)")
    q.add_argument("id", help="the entity the name is wrongly linked to")
    q.add_argument("--passage", required=True, metavar="PASSAGE_ID", help="the passage with the wrong link")
    q.add_argument("--json", action="store_true")
    return p


def correction_lines(corrections: list[Any]) -> list[str]:
    """The text lines ``show`` gives for the user's corrections (the reference value beside each)."""
    lines = []
    for c in corrections:
        if c.field == "wrong":
            line = f"  relation {c.target} marked wrong" + (f": {c.note}" if c.note else "")
        else:
            line = f"  {c.field}: {c.value}  (reference: {c.reference_now or 'none'})"
        if c.stale:
            line += "  [the reference has changed since you corrected it]"
        if c.sources:
            line += f"  cites {', '.join(c.sources)}"
        lines.append(line)
    return lines


def _record(args: argparse.Namespace) -> dict[str, Any]:
    if args.kind == "relation":
        record = {"subject": args.subject, "predicate": args.predicate, "object": args.object}
    elif args.kind in ("event", "figure"):
        prefix = "title" if args.kind == "event" else "label"
        record = {f"{prefix}_en": args.name_en, f"{prefix}_zh": args.name_zh}
        if args.kind == "event":
            record.update({k: v for k, v in (("date", args.date), ("end", args.end), ("category", args.category),
                                             ("date_note", args.date_note), ("date_stated", args.date_stated))
                           if v})
            if args.approximate:
                record["approximate"] = True
        else:
            record.update({k: v for k, v in (("value_stated", args.value_stated), ("unit", args.unit),
                                             ("as_of", args.as_of)) if v})
    else:
        record = {"name_en": args.name_en, "name_zh": args.name_zh}
        if args.type:
            record["type"] = args.type
    for key, value in (("desc_en", args.desc_en), ("desc_zh", args.desc_zh)):
        if value:
            record[key] = value
    record["sources"] = list(args.cite)
    return record


def cmd_entry(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import CliError, open_store, print_data, user_store
    from cgt_desktop.core.ops.corrections import save_correction
    from cgt_desktop.core.ops.items import ItemError, delete_item, keep_version, save_item
    from cgt_desktop.core.userdata import items as user_items
    from cgt_desktop.core.userdata.userdb import UserDataError

    store = open_store(args)
    user = user_store(args)
    try:
        if args.entry_command == "list":
            rows = []
            for i in user_items.items(user):
                row = {"id": i.item_id, "kind": i.kind, "edited": i.edited, "origin": "user",
                       "name_en": i.record.get("name_en") or i.record.get("title_en") or i.record.get("label_en") or "",
                       "name_zh": i.record.get("name_zh") or i.record.get("title_zh") or i.record.get("label_zh") or ""}
                if i.kind == "correction":
                    row.update({k: i.record.get(k) for k in ("target", "field", "value", "passage", "note")})
                    row["name_en"] = f"{i.record.get('field')} of {i.record.get('target')}" + (
                        f" = {i.record['value']}" if i.record.get("value") else "")
                rows.append(row)
            print_data(rows, args.json, "\n".join(f"{r['kind']:<12} {r['id']}  {r['name_en']} {r['name_zh']}".rstrip()
                                                  for r in rows) or "You have no entries yet.")
            return 0
        if args.entry_command == "versions":
            kept = user_items.versions(user, args.id)
            rows = [{"version": v.version_id, "id": v.item_id, "kind": v.kind, "edited": v.edited, "kept": v.kept,
                     "why": v.why, "record": v.record} for v in kept]
            print_data(rows, args.json, "\n".join(f"{v.version_id:>5}  {v.item_id}  edited {v.edited}: {v.why}"
                                                  for v in kept) or "No versions were set aside.")
            return 0
        try:
            if args.entry_command == "keep":
                op = keep_version(store, user, args.version_id)
            elif args.entry_command == "add":
                op = save_item(store, user, args.kind, _record(args))
            elif args.entry_command == "edit":
                found = user_items.get_item(user, args.id)
                if found is None or found.kind in ("document", "correction"):
                    raise CliError(f"{args.id} is not one of your entries; see 'cgt-desktop entry list'")
                record = dict(found.record)
                for assignment in args.field:
                    name, sep, value = assignment.partition("=")
                    if not sep or not name.strip() or name.strip() in ("id", "sources"):
                        raise CliError(f"--field takes NAME=VALUE (not id or sources), not {assignment!r}")
                    if value:
                        record[name.strip()] = value
                    else:
                        record.pop(name.strip(), None)
                op = save_item(store, user, found.kind, record, item_id=args.id)
            elif args.entry_command == "correct":
                op = save_correction(store, user, args.id, args.field, args.value, sources=args.cite, note=args.note)
            elif args.entry_command == "wrong":
                op = save_correction(store, user, args.id, "wrong", sources=args.cite, note=args.note)
            elif args.entry_command == "unlink":
                op = save_correction(store, user, args.id, "mention", passage=args.passage)
            else:
                op = delete_item(store, user, args.id)
            op.apply()
        except (ItemError, UserDataError) as exc:
            raise CliError(f"{exc}; nothing was saved") from exc
        item_id = op.result or getattr(args, "id", "")
        verb = {"keep": "made live", "add": "added", "edit": "changed", "delete": "deleted", "correct": "corrected", "wrong": "marked wrong",
                "unlink": "unlinked"}[args.entry_command]
        print_data({"id": item_id, "action": verb, "origin": "user"}, args.json, f"{verb} {item_id}")
        return 0
    finally:
        user.close()
        store.close()
