"""The ``cgt-desktop entry`` subcommands: your own entities, events, figures and relations, each cited."""

from __future__ import annotations

import argparse
from typing import Any

KINDS = ("person", "organization", "place", "policy", "technology", "event", "figure", "relation")


def add_parser(sub: Any) -> argparse.ArgumentParser:
    p = sub.add_parser("entry", help="add, change, delete and list your own entries (each cites a passage)")
    entries = p.add_subparsers(dest="entry_command", metavar="{add,edit,delete,list}", parser_class=type(p))
    entries.required = True

    q = entries.add_parser("add", help="add an entry; it must cite at least one passage")
    q.add_argument("kind", choices=KINDS)
    q.add_argument("--name-en", default="", help="English name (an event's or figure's title)")
    q.add_argument("--name-zh", default="", help="Chinese name (an event's or figure's title)")
    q.add_argument("--cite", metavar="PASSAGE_ID", action="append", default=[], required=True,
                   help="a passage that says it, e.g. 003_f3128c6eecc96df2#p04.s01 (repeatable)")
    q.add_argument("--desc-en", default="")
    q.add_argument("--desc-zh", default="")
    q.add_argument("--type", default="", help="its type (an organization's, a place's, …)")
    q.add_argument("--date", default="", help="an event's date: YYYY, YYYY-MM or YYYY-MM-DD")
    q.add_argument("--end", default="", help="an event's last day, for a period")
    q.add_argument("--category", default="", help="an event's category")
    q.add_argument("--subject", default="", help="a relation's first end (an id)")
    q.add_argument("--predicate", default="", help="a relation's predicate, e.g. works_at")
    q.add_argument("--object", default="", help="a relation's other end (an id)")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("edit", help="change fields of one of your entries")
    q.add_argument("id")
    q.add_argument("--field", metavar="NAME=VALUE", action="append", default=[], required=True,
                   help="a field of the entry's record, e.g. name_en=Li Hua (repeatable; empty clears it)")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("delete", help="delete one of your entries")
    q.add_argument("id")
    q.add_argument("--json", action="store_true")

    q = entries.add_parser("list", help="list your entries and imported documents")
    q.add_argument("--json", action="store_true")
    return p


def _record(args: argparse.Namespace) -> dict[str, Any]:
    if args.kind == "relation":
        record = {"subject": args.subject, "predicate": args.predicate, "object": args.object}
    elif args.kind in ("event", "figure"):
        prefix = "title" if args.kind == "event" else "label"
        record = {f"{prefix}_en": args.name_en, f"{prefix}_zh": args.name_zh}
        if args.kind == "event":
            record.update({k: v for k, v in (("date", args.date), ("end", args.end), ("category", args.category))
                           if v})
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
    from cgt_desktop.core.ops.items import ItemError, delete_item, save_item
    from cgt_desktop.core.userdata import items as user_items
    from cgt_desktop.core.userdata.userdb import UserDataError

    store = open_store(args)
    user = user_store(args)
    try:
        if args.entry_command == "list":
            rows = [{"id": i.item_id, "kind": i.kind, "edited": i.edited,
                     "name_en": i.record.get("name_en") or i.record.get("title_en") or i.record.get("label_en") or "",
                     "name_zh": i.record.get("name_zh") or i.record.get("title_zh") or i.record.get("label_zh") or ""}
                    for i in user_items.items(user)]
            print_data(rows, args.json, "\n".join(f"{r['kind']:<12} {r['id']}  {r['name_en']} {r['name_zh']}".rstrip()
                                                  for r in rows) or "You have no entries yet.")
            return 0
        try:
            if args.entry_command == "add":
                op = save_item(store, user, args.kind, _record(args))
            elif args.entry_command == "edit":
                found = user_items.get_item(user, args.id)
                if found is None or found.kind == "document":
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
            else:
                op = delete_item(store, user, args.id)
            op.apply()
        except (ItemError, UserDataError) as exc:
            raise CliError(f"{exc}; nothing was saved") from exc
        item_id = op.result or args.id
        verb = {"add": "added", "edit": "changed", "delete": "deleted"}[args.entry_command]
        print_data({"id": item_id, "action": verb, "origin": "user"}, args.json, f"{verb} {item_id}")
        return 0
    finally:
        user.close()
        store.close()
