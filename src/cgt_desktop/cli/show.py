"""``cgt-desktop show ID`` (one entry with everything it cites) and ``cgt-desktop documents``, as text or JSON.

The text says what a page says: each date with its precision ("c. 15 Nov 2021", "2018 or earlier",
"date unknown"), an event's date as stated and how it was derived, a figure's value as printed with
its qualifier, as-of date and scope, and where each cited passage comes from.
"""

from __future__ import annotations

import argparse
from typing import Any

from cgt_desktop.cli.common import CliError, open_store, print_data
from cgt_desktop.core.domain import dates, ids

#: What a name's or title's status means, in the JSON and beside the name.
STATUS_NOTES = {"editor": "editor's rendering", "title": "the editors' title: no source prints one",
                "unknown": "not stated in the sources"}


def cmd_show(args: argparse.Namespace) -> int:
    from cgt_desktop.core.catalog.store import UnknownId

    store = open_store(args)
    try:
        detail = store.entity(args.id)
    except UnknownId as exc:
        raise CliError(f"{exc}; try 'cgt-desktop search'") from None
    data = detail.to_json()
    data["origin"] = ids.origin_of(detail.id)  # "user": imported or entered by you
    data["sources"] = [source_json(c) for c in detail.sources]
    data["corrections"] = [c.as_dict() for c in detail.corrections]  # yours, beside the reference values
    print_data(data, args.json, "\n".join(show_lines(store, detail)))
    return 0


def source_json(c: Any) -> dict[str, Any]:
    """A cited passage in ``--json``: which text is the original, which the translation and whose it is."""
    mine = ids.is_user(c.document_id)
    return {"document_id": c.document_id, "passage_id": c.passage_id, "cited_as": c.label("en"),
            "original": {"lang": c.lang, "text": c.orig},
            "translation": {"lang": "en" if c.lang == "zh" else "zh", "text": c.trans,
                            "by": "you" if mine else "cgt-desktop editors (the project's translation)",
                            "notes": [{"en": en, "zh": zh} for en, zh in c.trans_notes]},
            "text_en": c.text_en, "text_zh": c.text_zh}


def _when(start: str | None, end: str | None = None, approximate: bool = False, bound: str | None = None) -> str:
    try:
        return dates.display(start, end, approximate, "en", bound)
    except dates.DateError:
        return start or ""


def show_lines(store: Any, detail: Any) -> list[str]:
    """The text of ``show``: names (and their status), type, descriptions, the facts, relations, sources."""
    status = STATUS_NOTES.get(detail.name_zh_status) if detail.name_zh else None
    en_status = STATUS_NOTES.get(detail.name_en_status) if detail.name_en_status == "title" else None
    head = f"{detail.name_en} · {detail.name_zh}" if detail.name_zh else detail.name_en
    notes = [f"[{en_status}]"] if en_status else ([f"[Chinese name: {status}]"] if status else [])
    mine = ("imported by you from " + (detail.details.get("source_file") or "?") if detail.kind == "document"
            else "your own entry") if ids.is_user(detail.id) else ""
    out = [" ".join([head, *notes]), " · ".join(x for x in (detail.kind, detail.subtype_en, mine) if x)]
    out += _facts(detail)
    out += ["", detail.desc_en, detail.desc_zh]
    if detail.aliases:
        out += ["", "Aliases: " + "; ".join(a["alias"] for a in detail.aliases)]
    if detail.relations:
        out += ["", "Relations:"]
        out += [f"  {r.label_en} {r.other_name_en or r.other_name_zh} ({r.other_id})"
                + (f" as {r.role_en}" if r.role_en else "") + (f" — {r.note}" if r.note else "")
                for r in detail.relations]
    if detail.events:
        out += ["", "Events:"] + [f"  {e.when('en'):<20}  {e.title_en}" for e in detail.events]
    if detail.figures:
        out += ["", "Figures:"] + [f"  {f.get('label_en') or f.get('label_zh')}: {_figure_value(f)}"
                                   for f in detail.figures]
    if detail.corrections:
        from cgt_desktop.cli.entries import correction_lines

        out += ["", "Your corrections:"] + correction_lines(detail.corrections)
    out += ["", "Sources:"]
    for c in detail.sources:
        out += [f"  {c.label('en')}  ({c.passage_id})", f"    original ({c.lang}): {c.orig}",
                f"    translation{' (yours)' if ids.is_user(c.document_id) else ' (the project’s)'}: {c.trans}"]
        out += [f"    translator's note: {en or zh}" for en, zh in c.trans_notes]
    return out


def _facts(detail: Any) -> list[str]:
    d = detail.details or {}
    if detail.kind == "event" and d:
        lines = [f"Date: {_when(d.get('date'), d.get('end'), bool(d.get('approximate')), d.get('bound'))}"
                 + f"  (precision: {d.get('precision') or 'unknown'})"]
        if d.get("date_stated"):
            lines.append(f"As stated: {d['date_stated']}")
        if d.get("date_note"):
            lines.append(f"How it is dated: {d['date_note']}")
        return [""] + lines
    if detail.kind == "figure" and d:
        lines = [f"Value: {_figure_value(d)}"]
        if d.get("scope_en") or d.get("scope_zh"):
            lines.append(f"Scope: {d.get('scope_en') or d.get('scope_zh')}")
        return [""] + lines
    if detail.kind == "document" and d:
        when = _when(d.get("date"), None, bool(d.get("approximate"))) if d.get("date") else "undated"
        lines = [f"Date: {when}" + (f"  (as printed: {d['date_stated']})" if d.get("date_stated") else "")]
        if d.get("outlet_en") or d.get("outlet_zh"):
            lines.append(f"Outlet: {d.get('outlet_en') or d.get('outlet_zh')}")
        lines.append(f"Original language: {d.get('lang')}; translation: "
                     + ("yours" if ids.is_user(detail.id) else "the project's (cgt-desktop editors)"))
        return [""] + lines
    return []


def _figure_value(f: dict[str, Any]) -> str:
    """``占比52% (52 percent), as of Oct 2019`` with the qualifier and period when there are."""
    value = f.get("value")
    number = f"{value:g} {f.get('unit') or ''}".strip() if isinstance(value, (int, float)) else ""
    text = f.get("value_stated") or number or "value not stated"
    if number and f.get("value_stated"):
        text += f" ({number})"
    if f.get("qualifier"):
        text += f", {f['qualifier']}"
    if f.get("as_of"):
        text += f", as of {_when(f['as_of'])}"
    if f.get("period"):
        text += f", period {f['period']}"
    return text


def cmd_documents(args: argparse.Namespace) -> int:
    """List the documents in date order (undated last): date as readers see it, language, source, title."""
    store = open_store(args)
    rows = store.document_list()
    if args.mine:
        rows = [r for r in rows if ids.is_user(r["id"])]
    data = [{**r, "approximate": bool(r["approximate"]), "origin": ids.origin_of(r["id"]),
             "shown_as": dates.document_when(r["date"], bool(r["approximate"]), "en", r["date_stated"] or "")}
            for r in rows]
    lines = [f"{d['shown_as']:<26} {d['lang']}  {d['id']}" + ("  [yours]" if d["origin"] == "user" else "")
             + f"\n{'':<30}{d['name_en'] or d['name_zh']}"
             + (f"\n{'':<30}{d['outlet_en'] or d['outlet_zh']}" if d["outlet_en"] or d["outlet_zh"] else "")
             + f" · {d['sentence_count']} sentences" for d in data]
    print_data(data, args.json, "\n".join(lines) if lines else "No documents.")
    return 0
