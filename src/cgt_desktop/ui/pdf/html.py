"""The dossier as HTML for :class:`QTextDocument`: only escaped text, no links to anything.

Headings are set in size and colour, never bold: the Noto CJK font has a
Regular weight only, and Qt's synthetic bold draws each Chinese glyph twice
(the PDF text would repeat). Every heading carries an ``<a name>`` anchor that
the PDF export turns into a page number in the contents and a bookmark.
"""

from __future__ import annotations

import html
from typing import Any, Iterable

from cgt_desktop.core.domain import ids
from cgt_desktop.core.text.markdown import to_print_html
from cgt_desktop.core.export.model import (
    Dossier, EventLine, FigureLine, Name, NoteItem, PassageBlock, Profile, label,
)

#: The only image the dossier document may load: a transparent placeholder that reserves the room
#: of the timeline figure, which the PDF export then paints over it as vector graphics.
TIMELINE_URL = "cgt-dossier:timeline-figure"

CSS = """
p { margin-top: 0px; margin-bottom: 4px; }
.kicker { font-size: 11pt; color: #5a6470; }
.title { font-size: 26pt; color: #16324f; margin-bottom: 18px; }
.meta { font-size: 10pt; color: #24292f; margin-bottom: 3px; }
.help { font-size: 8.5pt; color: #5a6470; }
.h1 { font-size: 18pt; color: #16324f; margin-top: 0px; margin-bottom: 10px; }
.h2 { font-size: 15pt; color: #1f5fa8; margin-top: 6px; margin-bottom: 2px; }
.h3 { font-size: 11pt; color: #16324f; margin-top: 10px; margin-bottom: 4px; }
.sub { font-size: 8.5pt; color: #5a6470; margin-bottom: 8px; }
.n2 { color: #3d4752; }
.ed { font-size: 7.5pt; color: #9a5b00; }
.cite { font-size: 7.5pt; color: #1f5fa8; }
.small { font-size: 8pt; color: #5a6470; }
.pid { font-size: 7pt; color: #5a6470; }
.lab { font-size: 7pt; color: #8a8f98; }
.doc { font-size: 8.5pt; color: #16324f; background-color: #eef2f7; }
.head { font-size: 8pt; color: #5a6470; background-color: #f3f4f6; }
.notecell { background-color: #fff7d6; font-size: 8.5pt; }
.noteby { font-size: 7pt; color: #8a6d00; }
.src { font-size: 8.5pt; margin-bottom: 5px; }
.strong { color: #000000; background-color: #f6df8c; }
.url { font-size: 7.5pt; color: #5a6470; }
.noteh { font-size: 9.5pt; color: #16324f; margin-top: 2px; }
ul, ol { margin-top: 0px; margin-bottom: 4px; margin-left: 12px; -qt-list-indent: 0; }
.toc1 { font-size: 10.5pt; color: #16324f; }
.toc2 { font-size: 9pt; color: #24292f; }
td { vertical-align: top; }
"""


#: The block state of a heading, which the PDF export keeps with the text below it (never last on a page).
HEADING_STATE = 7
KEEP = f' style="-qt-user-state: {HEADING_STATE};"'
NOTES_BESIDE = 30  # a profile's notes stand beside its description up to this many, else after it
NOTES_PER_PART = 300
PART_CHARS = 100_000  # HTML laid out at once at most (each heading moved lays the rest out again)


def esc(text: object) -> str:
    """Escape any corpus or user text for HTML (line breaks become ``<br>``)."""
    return html.escape(str(text or ""), quote=True).replace("\n", "<br>")


def _stamp(iso: str) -> str:
    return iso.replace("T", " ").replace("+00:00", " UTC") if iso else "—"


def _period_text(first: str, last: str, lang: str) -> str:
    if first.endswith("-01-01") and last.endswith("-12-31"):
        a, b = first[:4], last[:4]
        if lang == "zh":
            return f"{a}年" if a == b else f"{a}年–{b}年"
        return a if a == b else f"{a}–{b}"
    from cgt_desktop.core.domain.dates import display

    return f"{display(first, None, False, lang)} – {display(last, None, False, lang)}"


class DossierHtml:
    """Builds the HTML of one dossier and records its anchors ``(anchor, title, level)``."""

    def __init__(self, dossier: Dossier, timeline_size: tuple[float, float] | None = None) -> None:
        self.d = dossier
        self.timeline_size = timeline_size
        self.mode = dossier.options.names
        self.anchors: list[tuple[str, str, int]] = []

    # -- small pieces ---------------------------------------------------------------------------
    def L(self, key: str) -> str:  # noqa: N802 - short on purpose, used everywhere below
        return esc(label(key, self.mode))

    def pick(self, en: str, zh: str, sep: str = "<br>") -> str:
        """Text in the name mode (``both``: English then Chinese), falling back to what exists."""
        if self.mode == "en":
            return esc(en or zh)
        if self.mode == "zh":
            return esc(zh or en)
        return sep.join(esc(t) for t in dict.fromkeys(t for t in (en, zh) if t))

    def name(self, name: Name, both: bool = False) -> str:
        parts = name.parts("both" if both else self.mode)
        if both and self.mode == "zh":
            parts.reverse()
        out = []
        for i, (_lang, text, editor) in enumerate(parts):
            piece = f'<span class="{"n1" if i == 0 else "n2"}">{esc(text)}</span>'
            if editor:
                piece += f' <span class="ed">({self.L("editor")})</span>'
            out.append(piece)
        return " · ".join(out)

    def cite(self, numbers: Iterable[int]) -> str:
        nums = sorted(set(numbers))  # [20, 22, 23], never [22, 20, 23]
        if not nums or not self.d.options.sources:
            return ""
        return f'<span class="cite">[{", ".join(str(n) for n in nums)}]</span>'

    def toc_token(self, anchor: str) -> str:
        return f"#pg{[a[0] for a in self.anchors].index(anchor):04d}#"

    def anchor(self, key: str, title: str, level: int) -> str:
        self.anchors.append((key, title, level))
        return key

    def notes(self, notes: Iterable[NoteItem], highlights: Iterable = ()) -> str:
        out = []
        for h in highlights:
            text = f"“{esc(h.quote)}”" + (f"<br>{esc(h.comment)}" if h.comment else "")
            out.append(f'<p>{text}<br><span class="noteby">{self.L("highlight")}</span></p>')
        for n in notes:  # Markdown, printed: bold, lists and links (as "text (address)") as the note has them
            out.append(f'{to_print_html(n.body)}<p><span class="noteby">{self.L("notes")} · '
                       f'{esc(n.edited[:10])}</span></p>')
        return "".join(out)

    def table(self, headers: list[str], rows: list[list[str]], widths: list[int]) -> str:
        head = "".join(f'<td class="head" width="{w}%">{h}</td>' for h, w in zip(headers, widths))
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return (f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
                f'style="border-collapse: collapse; border-color: #d0d7de;"><thead><tr>{head}</tr></thead>'
                f"{body}</table>")

    # -- sections -------------------------------------------------------------------------------
    def title_page(self) -> str:
        d = self.d
        notes = {n.uid for group in ([p.notes for p in d.profiles] + [b.notes for b in d.passages]
                                     + [e.notes for e in d.events + d.undated_events] + [d.notes]) for n in group}
        counts = [(len(d.profiles), ("profile", "profiles"), "个条目"),
                  (len(d.events) + len(d.undated_events), ("event", "events"), "个事件"),
                  (len(d.passages), ("passage", "passages"), "段双语段落"), (len(notes), ("note", "notes"), "条笔记")]
        en = " · ".join(f"{n} {words[n != 1]}" for n, words, _zh in counts)  # 1 note, 2 notes
        zh = " · ".join(f"{n} {word}" for n, _en, word in counts)
        summary = self.pick(en, zh)
        periods = "; ".join(self.pick(_period_text(a, b, "en"), _period_text(a, b, "zh"), " / ")
                            for a, b in d.periods)
        return (f'<p style="font-size: 72pt;">&nbsp;</p>'  # Qt drops the top margin of a first block
                f'<p class="kicker">cgt-desktop · {self.L("dossier")}</p>'
                f'<p class="title">{esc(d.title)}</p>'
                f'<p class="meta">{self.L("exported")}: {esc(_stamp(d.exported_at))}</p>'
                f'<p class="meta">{self.L("data_built")}: {esc(_stamp(d.data_built_at))}</p>'
                f'<p class="meta" style="margin-top: 12px;">{self.L("selection")}:<br>{summary}</p>'
                + (f'<p class="meta">{self.L("period")}: {periods}</p>' if periods else "")
                + f'<p class="help" style="margin-top: 40px;">{self.L("citations_help")}</p>'
                f'<p class="help">{self.L("names_help")}</p>')

    def contents(self) -> str:
        rows = []
        for key, title, level in self.anchors:
            cls = "toc1" if level == 0 else "toc2"
            pad = "" if level == 0 else ' style="padding-left: 18px;"'
            rows.append(f'<tr><td class="{cls}"{pad}>{esc(title)}</td>'
                        f'<td class="{cls}" align="right" width="12%">{self.toc_token(key)}</td></tr>')
        return (f'<p class="h1">{self.L("contents")}</p>'
                f'<table width="100%" cellspacing="0" cellpadding="2">{"".join(rows)}</table>')

    def section_heading(self, key: str) -> str:
        anchor = self.anchor(f"sec-{key}", label(key, self.mode), 0)
        return f'<p class="h1"{KEEP}><a name="{anchor}">{self.L(key)}</a></p>'

    def profile(self, p: Profile, index: int, first: bool) -> str:
        anchor = self.anchor(f"p-{index}", p.name.text("both"), 1)
        subtype = self.pick(p.subtype_en, p.subtype_zh, " / ") if (p.subtype_en or p.subtype_zh) else ""
        out = [f'<p class="h2"{KEEP}><a name="{anchor}">{self.name(p.name, both=True)}</a></p>',
               f'<p class="sub">{self.pick(p.kind_en, p.kind_zh, " / ")}'
               + (f" — {subtype}" if subtype else "") + (f" · {self.L('your_entry')}" if p.mine else "")
               + f" {self.cite(p.cites)}</p>"]
        desc = self.pick(p.desc_en, p.desc_zh, "<br><br>") or "—"
        notes = self.notes(p.notes) if len(p.notes) <= NOTES_BESIDE else ""
        if notes:
            out.append(f'<table width="100%" cellspacing="0" cellpadding="4"><tr><td width="66%">{desc}</td>'
                       f'<td width="34%" class="notecell">{notes}</td></tr></table>')
        else:
            out.append(f"<p>{desc}</p>")
        if p.aliases:
            out.append(f'<p class="small">{self.L("aliases")}: {esc("; ".join(p.aliases))}</p>')
        for key, text in p.facts:
            out.append(f'<p class="small">{self.L(key)}: {esc(text)}</p>')
        if p.corrections:
            out.append(f'<p class="h3"{KEEP}>{self.L("your_corrections")}</p>')
            for c in p.corrections:
                stale = f' <i>({self.L("stale")})</i>' if c.stale else ""
                note = f' — <span class="small">{esc(c.note)}</span>' if c.note else ""
                out.append(f'<p class="small">{self.L("f_" + c.field)}: <b>{esc(c.value)}</b> '
                           f'({self.L("reference_value")}: {esc(c.reference or "—")}){stale}{note} '
                           f'{self.cite(c.cites)}</p>')
        if p.relations:
            rows = [[self.pick(r.label_en, r.label_zh), (f"<s>{self.name(r.other)}</s><br><span class=\"small\">"
                     f"{self.L('marked_wrong')}: {esc(r.wrong)}</span>" if r.wrong else self.name(r.other)) + (
                f'<br><span class="small">{esc(r.note)}</span>' if r.note else ""),
                self.pick(r.role_en, r.role_zh), self.pick(r.dates_en, r.dates_zh), self.cite(r.cites)]
                for r in p.relations]
            out.append(f'<p class="h3"{KEEP}>{self.L("relations")}</p>')
            out.append(self.table([self.L("relation"), self.L("with"), self.L("role"), self.L("date"), ""], rows,
                                  [18, 46, 16, 12, 8]))
        if p.events:
            out.append(f'<p class="h3"{KEEP}>{self.L("events")}</p>')
            out.append(self.table([self.L("date"), self.L("events"), ""], [self.event_cells(e)[:2] + [
                self.cite(e.cites)] for e in p.events], [20, 72, 8]))
        if p.figures:
            out.append(f'<p class="h3"{KEEP}>{self.L("figures")}</p>')
            out.append(self.table([self.L("value"), self.L("figures"), self.L("as_of"), ""],
                                  [self.figure_cells(f)[:3] + [self.cite(f.cites)] for f in p.figures],
                                  [34, 38, 20, 8]))
        return "".join(out)

    def event_cells(self, e: EventLine) -> list[str]:
        date = self.pick(e.date_en, e.date_zh)
        if e.date_stated:
            date += f'<br><span class="small">“{esc(e.date_stated)}”</span>'
        return [date, self.name(e.name), self.pick(e.category_en, e.category_zh)]

    def figure_cells(self, f: FigureLine) -> list[str]:
        value = esc(f.value_stated) + (f' <span class="small">({esc(f.qualifier)})</span>' if f.qualifier else "")
        return [value, self.name(f.name), self.pick(f.as_of_en, f.as_of_zh),
                self.pick(f.scope_en, f.scope_zh)]

    def timeline(self) -> str:
        d = self.d
        out = [self.section_heading("timeline")]
        if d.periods:
            periods = "; ".join(self.pick(_period_text(a, b, "en"), _period_text(a, b, "zh"), " / ")
                                for a, b in d.periods)
            out.append(f'<p class="small">{self.L("period")}: {periods}</p>')
        if d.events and self.timeline_size:
            w, h = self.timeline_size
            out.append(f'<p><img src="{TIMELINE_URL}" width="{int(w)}" height="{int(h)}"></p>')
        elif not d.events:
            out.append(f'<p class="small">{self.L("no_events")}</p>')
        events = d.events + d.undated_events
        if events:
            with_notes = any(e.notes for e in events) and d.options.notes
            rows = [self.event_cells(e) + [self.cite(e.cites)] + ([self.notes(e.notes)] if with_notes else [])
                    for e in events]
            heads = [self.L("date"), self.L("events"), self.L("category"), ""] + ([self.L("notes")] if with_notes else [])
            widths = [18, 50, 14, 8, 22] if with_notes else [20, 58, 14, 8]
            out.append(self.table(heads, rows, widths))
        return "".join(out)

    def figures(self) -> str:
        rows = [self.figure_cells(f) + [self.cite(f.cites)] for f in self.d.figures]
        return self.section_heading("figures") + self.table(
            [self.L("value"), self.L("figures"), self.L("as_of"), self.L("scope"), ""], rows, [22, 26, 14, 30, 8])

    def passages(self) -> str:
        blocks = self.d.passages
        with_notes = self.d.options.notes and any(b.notes or b.highlights for b in blocks)
        rows, last_doc = [], None
        span = 4 if with_notes else 3
        for b in blocks:
            if b.document_id != last_doc:
                rows.append(f'<tr><td class="doc" colspan="{span}">{self.name(b.document, both=True)}</td></tr>')
                last_doc = b.document_id
            rows.append(self.passage_row(b, with_notes))
        head_en = f'{self.L("english")}'
        head_zh = f'{self.L("chinese")}'
        widths = [10, 38, 32, 20] if with_notes else [10, 48, 42]
        heads = ["[n]", head_en, head_zh] + ([self.L("notes")] if with_notes else [])
        head = "".join(f'<td class="head" width="{w}%">{h}</td>' for h, w in zip(heads, widths))
        return (self.section_heading("passages")
                + '<table width="100%" cellspacing="0" cellpadding="4" border="1" '
                  'style="border-collapse: collapse; border-color: #d0d7de;">'
                + f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>")

    def passage_row(self, b: PassageBlock, with_notes: bool) -> str:
        orig, trans = self.L("original"), self.L("translation")
        en_lab, zh_lab = (orig, trans) if b.orig_lang == "en" else (trans, orig)
        local = self.pick(ids.local_label(b.passage_id, "en"), ids.local_label(b.passage_id, "zh"), " / ")
        cells = [f'<span class="cite">[{b.cite}]</span><br><span class="pid">{local}</span>',
                 f'<span class="lab">{en_lab}</span><br>{esc(b.text_en)}',
                 f'<span class="lab">{zh_lab}</span><br>{esc(b.text_zh)}']
        if with_notes:
            notes = self.notes(b.notes, b.highlights)
            cells.append(f'<td class="notecell">{notes}</td>' if notes else "<td></td>")
            return "<tr>" + "".join(f"<td>{c}</td>" for c in cells[:3]) + cells[3] + "</tr>"
        return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"

    def notes_section(self) -> str:
        rows = []
        for n in self.d.notes:
            where = (self.pick(ids.local_label(n.target_id, "en"), ids.local_label(n.target_id, "zh"), " / ")
                     if ids.parse_passage(n.target_id) else "")
            target = self.name(n.target) + (f'<br><span class="pid">{where}</span>' if where else "") + \
                f' {self.cite(n.cites)}'
            rows.append([target, f'{to_print_html(n.body)}'
                                 f'<p><span class="noteby">{esc(n.edited[:16].replace("T", " "))}</span></p>'])
        return self.section_heading("notes") + self.table([self.L("note_on"), self.L("notes")], rows, [40, 60])

    def sources(self) -> str:
        """The numbered citations in number order, each with its outlet, date and place in the text;
        then the documents cited, once each (in order of first citation)."""
        out = [self.section_heading("sources")]
        documents: dict[str, Any] = {}
        for e in self.d.sources:
            documents.setdefault(e.document_id, e)
            where = self.pick(e.label_en, e.label_zh, " / ")
            out.append(f'<p class="src"><span class="cite">[{e.n}]</span> {where}'
                       f' <span class="small">“{esc(e.quote)}”</span></p>')
        if documents:
            out.append(f'<p class="h3"{KEEP}>{self.L("documents_cited")}</p>')
        for e in documents.values():
            where = ", ".join(t for t in (self.pick(e.outlet_en, e.outlet_zh, " / "),
                                           self.pick(e.date_en, e.date_zh, " / ")) if t)
            out.append(f'<p class="src">{self.name(e.document, both=True)}'
                       + (f' <span class="small">— {where}</span>' if where else "") + "</p>")
        return "".join(out)

    def profile_notes(self, p: Profile) -> list[str]:
        """A profile's notes when there are too many to stand beside it: after it, a few hundred a part."""
        if len(p.notes) <= NOTES_BESIDE:
            return []
        parts = []
        for start in range(0, len(p.notes), NOTES_PER_PART):
            heading = self.L("notes") + (f" ({start + 1}–{min(start + NOTES_PER_PART, len(p.notes))} / "
                                         f"{len(p.notes)})")
            parts.append(f'<p class="h3"{KEEP}>{esc(heading)}</p>'
                         + self.notes(p.notes[start:start + NOTES_PER_PART]))
        return parts

    # -- whole document -------------------------------------------------------------------------
    def css(self) -> str:
        return CSS

    def body_parts(self) -> list[str]:
        """The body as HTML documents, each of which starts a new page (call before :meth:`contents`).

        Sections and profiles follow one another on the page (no half-empty pages); the timeline
        starts a page, where its figure has the width and the height it was drawn for. The body is
        laid out and painted a part at a time, and a part ends before it would pass
        :data:`PART_CHARS` of HTML, so memory is bounded by one part, not by the dossier (50 000
        notes on one profile are split into parts of :data:`NOTES_PER_PART`).
        """
        d = self.d
        units: list[tuple[str, bool]] = []  # (html, must start a page)
        for key in d.sections():
            if key == "profiles":
                units.append((self.section_heading("profiles"), False))
                for i, p in enumerate(d.profiles):
                    units.append((self.profile(p, i, i == 0), False))
                    units += [(more, False) for more in self.profile_notes(p)]
            elif key == "timeline":
                units.append((self.timeline(), False))  # its figure moves to the next page if it must
            elif key == "figures":
                units.append((self.figures(), False))
            elif key == "passages":
                units.append((self.passages(), False))
            elif key == "notes":
                units.append((self.notes_section(), False))
            elif key == "sources":
                units.append((self.sources(), False))
        parts: list[list[str]] = []
        size = 0
        for text, new_page in units:
            if not parts or new_page or size + len(text) > PART_CHARS:
                parts.append([])
                size = 0
            elif parts[-1]:
                text = text.replace(f'<p class="h1"{KEEP}>', f'<p class="h1"{KEEP[:-1]} margin-top: 22px;">', 1) \
                    .replace(f'<p class="h2"{KEEP}>', f'<p class="h2"{KEEP[:-1]} margin-top: 16px;">', 1)
            parts[-1].append(text)
            size += len(text)
        return [f"<html><body>{''.join(part)}</body></html>" for part in parts]

    def title_html(self) -> str:
        return f"<html><body>{self.title_page()}</body></html>"

    def contents_html(self) -> str:
        return f"<html><body>{self.contents()}</body></html>"
