"""The export model: a selection turned into a deterministic, structured, bilingual dossier.

:func:`build_dossier` reads a :class:`~cgt_desktop.core.domain.selection.Selection`
against a :class:`~cgt_desktop.core.catalog.store.Catalog` (and, for notes, a
:class:`~cgt_desktop.core.userdata.userdb.UserStore`) and returns a
:class:`~cgt_desktop.core.export.model.Dossier`: plain dataclasses (in
:mod:`cgt_desktop.core.export.model`) that a renderer (the PDF export) lays out.
Nothing here knows about pages or Qt.

Deterministic: the same selection, data and notes give the same dossier; only
:attr:`Dossier.exported_at` changes between runs. Citations are numbered
``[n]`` in reading order (profiles, timeline, figures, passages, notes), and
the source list gives each number's document and passage id.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Sequence

from cgt_desktop.core.domain import dates, ids
from cgt_desktop.core.userdata.annotations import highlights_on_passages
from cgt_desktop.core.domain.models import Citation, EventRow
from cgt_desktop.core.domain.selection import Selection, parse_ref
from cgt_desktop.core.export.model import (
    CorrectionLine, Dossier, DossierCancelled, DossierError, DossierOptions, EmptySelection, EventLine,
    FigureLine, HighlightItem, KIND_LABELS, NAME_MODES, Name, NoteItem, PassageBlock, Profile, QUOTE_CHARS,
    RelationLine, SourceEntry, UnknownItems, label,
)

__all__ = ["DossierCancelled", "DossierError", "DossierOptions", "EmptySelection", "UnknownItems", "build_dossier"]


def _name(en: str | None, zh: str | None, en_status: str | None = None, zh_status: str | None = None) -> Name:
    return Name(en or "", zh or "", en_status == "editor", zh_status == "editor")


def _safe_display(start: str | None, end: str | None, approximate: bool, lang: str,
                  bound: str | None = None) -> str:
    try:
        return dates.display(start, end, approximate, lang, bound)
    except dates.DateError:
        return start or ""


class _Citations:
    """Numbers passages ``[n]`` in order of first use."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.numbers: dict[str, int] = {}
        self.cache: dict[str, Citation] = {}

    def load(self, passage_ids: Iterable[str]) -> None:
        missing = [p for p in dict.fromkeys(passage_ids) if p not in self.cache]
        for c in self.store.passages(missing):
            self.cache[c.passage_id] = c

    def cite(self, passage_ids: Iterable[str]) -> tuple[int, ...]:
        ids = list(dict.fromkeys(passage_ids))
        self.load(ids)
        out = []
        for pid in ids:
            if pid not in self.cache:
                continue
            if pid not in self.numbers:
                self.numbers[pid] = len(self.numbers) + 1
            out.append(self.numbers[pid])
        return tuple(out)

    def entries(self) -> list[SourceEntry]:
        docs: dict[str, dict[str, Any]] = {}
        out = []
        for pid, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            c = self.cache[pid]
            if c.document_id not in docs:
                docs[c.document_id] = self.store.document_source_meta(c.document_id)
            meta = docs[c.document_id]
            approx = bool(meta.get("approximate"))
            title_en, title_zh = c.document_title_en, c.document_title_zh
            if ids.is_user(c.document_id):  # the user's own article: said so wherever it is cited
                title_en = f"{title_en or title_zh} (imported by you)"
                title_zh = f"{title_zh or title_en}（由您导入）" if title_zh else ""
            out.append(SourceEntry(
                n=n, passage_id=pid, document_id=c.document_id,
                document=_name(title_en, title_zh, meta.get("name_en_status"), meta.get("name_zh_status")),
                date_en=_safe_display(c.document_date, None, approx, "en"),
                date_zh=_safe_display(c.document_date, None, approx, "zh"),
                outlet_en=meta.get("outlet_en") or "", outlet_zh=meta.get("outlet_zh") or "",
                quote=c.orig if len(c.orig) <= QUOTE_CHARS else c.orig[:QUOTE_CHARS].rstrip() + "…",
                label_en=c.label("en", sentence=True), label_zh=c.label("zh", sentence=True)))
        return out


class _Builder:
    def __init__(self, store: Any, user: Any | None, options: DossierOptions,
                 progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> None:
        self.store, self.user, self.options = store, user, options
        self.cites = _Citations(store)
        self.progress = progress or (lambda done, total: None)
        self.cancelled = cancelled or (lambda: False)
        self.categories = store.vocabulary("event_categories")

    # -- helpers ------------------------------------------------------------------------------
    def check_cancel(self) -> None:
        if self.cancelled():
            raise DossierCancelled("the export was cancelled")

    def notes_on(self, target_ids: Iterable[str]) -> tuple[NoteItem, ...]:
        if not (self.options.notes and self.user is not None):
            return ()
        out: list[NoteItem] = []
        for target in dict.fromkeys(target_ids):
            for note in self.user.notes(target):
                out.append(self.note_item(note))
        return tuple(out)

    def note_item(self, note: Any) -> NoteItem:
        target = note.target_id
        cites: tuple[int, ...] = ()
        if "#" in target:
            c = self.store.passages([target])
            name = _name(c[0].document_title_en, c[0].document_title_zh) if c else Name(target, "")
            cites = self.cites.cite([target])
        else:
            found = self.store.names([target]).get(target)
            name = _name(found[1], found[2]) if found else Name(target, "")
        return NoteItem(note.uid, target, name, note.body, note.created, note.edited, cites)

    def highlights_on(self, passage_ids: Iterable[str]) -> tuple[HighlightItem, ...]:
        if not (self.options.notes and self.user is not None):
            return ()
        ids = list(dict.fromkeys(passage_ids))
        return tuple(HighlightItem(h.passage_id, h.side, h.quote, h.comment, h.color)
                     for h in highlights_on_passages(self.user, ids))

    def event_line(self, e: EventRow, with_notes: bool = False) -> EventLine:
        cat = self.categories.get(e.category or "", {})
        return EventLine(
            id=e.id, name=_name(e.title_en, e.title_zh), date_en=e.when("en"),
            date_zh=e.when("zh"), date_stated=e.date_stated,
            date_note=self.store.wording().readable(e.date_note, "en"), precision=e.precision,
            approximate=e.approximate, span_start=e.span_start,
            span_end=e.span_end, category=e.category or "", category_en=cat.get("en") or (e.category or ""),
            category_zh=cat.get("zh") or (e.category or ""), cites=self.cites.cite(e.sources),
            notes=self.notes_on([e.id]) if with_notes else ())

    def figure_line(self, row: dict[str, Any]) -> FigureLine:
        as_of = row.get("as_of") or ""
        period = row.get("period") or ""
        if as_of:
            as_en, as_zh = (_safe_display(as_of, None, False, "en"), _safe_display(as_of, None, False, "zh"))
        elif period and "/" in period:
            first, last = period.split("/", 1)
            as_en, as_zh = (_safe_display(first, last, False, "en"), _safe_display(first, last, False, "zh"))
        else:
            as_en, as_zh = (_safe_display(None, None, False, "en"), _safe_display(None, None, False, "zh"))
        return FigureLine(id=row["id"], name=_name(row.get("label_en"), row.get("label_zh")),
                          value_stated=row.get("value_stated") or "", qualifier=row.get("qualifier") or "",
                          as_of_en=as_en, as_of_zh=as_zh,
                          scope_en=self.store.wording().readable(row.get("scope_en") or "", "en"),
                          scope_zh=self.store.wording().readable(row.get("scope_zh") or "", "zh"), cites=self.cites.cite(row.get("sources") or []))

    # -- sections -----------------------------------------------------------------------------
    def profile(self, detail: Any) -> Profile:
        o = self.options
        cites = self.cites.cite(c.passage_id for c in detail.sources)
        facts: list[tuple[str, str]] = []
        d = detail.details or {}
        if detail.kind == "event" and d:
            approx = bool(d.get("approximate"))
            facts.append(("date", _safe_display(d.get("date"), d.get("end"), approx, "en", d.get("bound")) + " / "
                          + _safe_display(d.get("date"), d.get("end"), approx, "zh", d.get("bound"))))
            if d.get("date_stated"):
                facts.append(("date_stated", d["date_stated"]))
        elif detail.kind == "figure" and d:
            facts.append(("value", d.get("value_stated") or ""))
            line = self.figure_line({**d, "label_en": detail.name_en, "label_zh": detail.name_zh, "sources": []})
            facts.append(("as_of", f"{line.as_of_en} / {line.as_of_zh}"))
            if line.scope_en or line.scope_zh:
                facts.append(("scope", " / ".join(t for t in (line.scope_en, line.scope_zh) if t)))
        elif detail.kind == "document" and d:
            facts.append(("date", _safe_display(d.get("date"), None, bool(d.get("approximate")), "en")
                          + (f" ({d['date_stated']})" if d.get("date_stated") else "")))
            if d.get("outlet_en") or d.get("outlet_zh"):
                facts.append(("outlet", " / ".join(t for t in (d.get("outlet_en"), d.get("outlet_zh")) if t)))
        wrong = {c.target: c for c in detail.corrections if c.field == "wrong"}
        fixes = tuple(CorrectionLine(field=c.field, value=c.value or "", reference=c.reference_now or "",
                                     stale=c.stale, note=c.note, cites=self.cites.cite(c.sources))
                      for c in detail.corrections if c.target == detail.id and c.field != "wrong")
        relations: tuple[RelationLine, ...] = ()
        events: tuple[EventLine, ...] = ()
        figures: tuple[FigureLine, ...] = ()
        if o.relations:
            relations = tuple(RelationLine(
                label_en=r.label_en, label_zh=r.label_zh, other_id=r.other_id,
                other=_name(r.other_name_en, r.other_name_zh), role_en=r.role_en, role_zh=r.role_zh,
                dates_en=_safe_display(r.start, r.end, False, "en") if r.start else "",
                dates_zh=_safe_display(r.start, r.end, False, "zh") if r.start else "",
                note=self.store.wording().readable(r.note, "en"), cites=self.cites.cite(r.sources),
                wrong=wrong[r.id].note or "—" if r.id in wrong else None) for r in detail.relations)
            events = tuple(self.event_line(e) for e in detail.events)
            figures = tuple(self.figure_line(f) for f in detail.figures)
        aliases = tuple(dict.fromkeys(a["alias"] for a in detail.aliases
                                      if a["alias"] not in (detail.name_en, detail.name_zh)))
        kind_en, kind_zh = KIND_LABELS.get(detail.kind, (detail.kind, detail.kind))
        return Profile(
            id=detail.id, kind=detail.kind, kind_en=kind_en, kind_zh=kind_zh,
            name=_name(detail.name_en, detail.name_zh, detail.name_en_status, detail.name_zh_status),
            subtype_en=detail.subtype_en, subtype_zh=detail.subtype_zh,
            desc_en=self.store.wording().readable(detail.desc_en, "en"),
            desc_zh=self.store.wording().readable(detail.desc_zh, "zh"), aliases=aliases, facts=tuple(facts),
            relations=relations, events=events,
            figures=figures, notes=self.notes_on([detail.id]), cites=cites, mine=ids.is_user(detail.id),
            corrections=fixes)

    def passage(self, c: Citation) -> PassageBlock:
        sentence_ids = [c.passage_id]
        if ids.is_paragraph(c.passage_id):  # a paragraph: its sentences too
            sentence_ids += self.store.paragraph_sentence_ids(c.passage_id)
        return PassageBlock(
            passage_id=c.passage_id, document_id=c.document_id,
            document=_name(c.document_title_en, c.document_title_zh), orig_lang=c.lang, text_en=c.text_en,
            text_zh=c.text_zh, cite=self.cites.cite([c.passage_id])[0], notes=self.notes_on(sentence_ids),
            highlights=self.highlights_on(sentence_ids))


def _event_key(e: EventRow) -> tuple[Any, ...]:
    return (e.span_start is None, e.span_start or "", e.span_end or "", e.id)


def build_dossier(selection: Selection | Sequence[str], store: Any, user: Any | None = None,
                  options: DossierOptions = DossierOptions(), *, now: datetime | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Dossier:
    """Build the dossier of *selection*.

    Args:
        selection: the refs, in the user's order.
        store: the :class:`Catalog`.
        user: the :class:`UserStore` for notes (``None``: no notes).
        options: what to include and how to show names.
        now: the export time (default: now, UTC).
        progress: called with ``(done, total)`` items.
        cancelled: polled between items; returning true raises :class:`DossierCancelled`.

    Raises:
        EmptySelection: if there is nothing to export with these options.
        UnknownItems: if refs name nothing in the data.
        DossierCancelled: if *cancelled* returned true.
    """
    if options.names not in NAME_MODES:
        raise DossierError(f"name display must be one of {', '.join(NAME_MODES)}, not {options.names!r}")
    refs = selection.refs if isinstance(selection, Selection) else list(Selection(selection))
    items = [parse_ref(r) for r in refs]
    if not options.notes or user is None:
        items = [i for i in items if i.type != "note"]
    if not items:
        raise EmptySelection("the selection is empty: add people, organizations, events, passages, a period "
                             "or notes before exporting")
    b = _Builder(store, user, options, progress, cancelled)
    unknown: list[str] = []
    details: list[Any] = []
    passages: list[Citation] = []
    notes: list[Any] = []
    periods: list[tuple[str, str]] = []
    total = len(items)
    from cgt_desktop.core.catalog.store import UnknownId

    for done, item in enumerate(items):
        b.check_cancel()
        if item.type == "entity":
            try:
                details.append(store.entity(item.value))
            except UnknownId:
                unknown.append(item.ref)
        elif item.type == "passage":
            found = store.passages([item.value])
            (passages.extend(found) if found else unknown.append(item.ref))
        elif item.type == "note":
            note = user.note(item.value) if user is not None else None
            (notes.append(note) if note else unknown.append(item.ref))
        else:
            assert item.first and item.last
            periods.append((item.first, item.last))
        b.progress(done + 1, total * 2)
    if unknown:
        raise UnknownItems(unknown)
    built_at = str(store.build_info().get("built_at", ""))
    stamp = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    dossier = Dossier(title=options.title.strip() or label("dossier", options.names), exported_at=stamp,
                      data_built_at=built_at, options=options, refs=[i.ref for i in items], periods=periods)
    for i, detail in enumerate(details):
        b.check_cancel()
        if options.profiles:
            dossier.profiles.append(b.profile(detail))
        b.progress(total + i * total // max(len(details), 1), total * 2)
    if options.timeline:
        rows = store.events_by_id([d.id for d in details if d.kind == "event"])
        for first, last in periods:
            rows += [e for e in store.timeline(int(first[:4]), int(last[:4]), include_undated=False)
                     if e.span_start and e.span_start <= last and (e.span_end or e.span_start) >= first]
        if not rows and not periods:  # no events or period chosen: the selected items' own events
            rows = [e for d in details for e in d.events]
        unique = sorted({e.id: e for e in rows}.values(), key=_event_key)
        lines = [b.event_line(e, with_notes=True) for e in unique]
        dossier.events = [e for e in lines if e.span_start]
        dossier.undated_events = [e for e in lines if not e.span_start]
    if options.figures:
        figure_ids = [d.id for d in details if d.kind == "figure"]
        figure_ids += [f["id"] for d in details for f in d.figures]
        dossier.figures = [b.figure_line(f) for f in store.figures_by_id(list(dict.fromkeys(figure_ids)))]
    if options.passages:
        dossier.passages = [b.passage(c) for c in passages]
    if options.notes and user is not None:
        dossier.notes = [b.note_item(n) for n in notes]
    dossier.sources = b.cites.entries()
    b.progress(total * 2, total * 2)
    if not dossier.sections():
        raise EmptySelection("nothing to export: the chosen parts of the dossier are empty for this selection")
    return dossier
