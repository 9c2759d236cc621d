"""The HTML of a detail page: one entity (or passage) as escaped HTML, with its links.

:class:`PageRenderer` builds it; :class:`~cgt_desktop.ui.browse.detail_view.DetailView` shows it.

Pages are addressed by *page strings*: an entity id (``person/qian-qijun``,
``document/000_…``) or ``passage:<passage id>``. Links inside pages use the
``cgt:`` scheme (``cgt:entity/person/qian-qijun``, ``cgt:passage/<id>``,
``cgt:read/<document id>``) with ids percent-encoded, and are handled by the
main window, never by QTextBrowser itself. All corpus text is ``html.escape``d
and :meth:`DetailView.loadResource` refuses every resource, so no file named
in the corpus can be loaded.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Iterable
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication, QUrl

from cgt_desktop.core.domain import dates
from cgt_desktop.core.domain.kinds import MENTION_KINDS
from cgt_desktop.core.domain import ids
from cgt_desktop.core.catalog.store import Catalog, UnknownId
from cgt_desktop.ui.browse import corrections_html as fixes
from cgt_desktop.ui.browse.entity_table import kind_label

if TYPE_CHECKING:
    from cgt_desktop.core.domain.models import Citation, EntityPage

EDITOR_MARK = "#fe01fe"  # a colour only used to find editor renderings after layout (names table only)


def _t(text: str) -> str:
    return QCoreApplication.translate("DetailView", text)


def entity_url(item_id: str) -> str:
    return "cgt:entity/" + quote(item_id, safe="/")


def passage_url(passage_id: str) -> str:
    return "cgt:passage/" + quote(passage_id, safe="")


def read_url(document_id: str, passage_id: str | None = None) -> str:
    return "cgt:read/" + quote(document_id, safe="/") + ("/" + quote(passage_id, safe="") if passage_id else "")


def expand_url(item_id: str, group: str) -> str:
    """The "show all" link of one list of a page: a relation group's key, ``events``, ``figures``, ``sources``."""
    return "cgt:expand/" + quote(item_id, safe="/") + "#" + quote(group, safe="/")


def copy_url(item_id: str) -> str:
    """The "Copy id" link of a passage or an entry: readers see labels, the id goes to the clipboard."""
    return "cgt:copy/" + quote(item_id, safe="")


def more_anchor(group: str) -> str:
    """The anchor of the first row a list's "show all" added (see :func:`expand_url`)."""
    return "more-" + group


def count_text(n: int) -> str:
    """*n* with its thousands grouped by a no-break space (2 098), as in both languages of the UI."""
    return f"{n:,}".replace(",", "\u00a0")


def page_from_url(url: QUrl | str) -> str | None:
    """Turn a ``cgt:`` link into a page string (``read:doc|passage`` for reader links); ``None`` if foreign."""
    text = url if isinstance(url, str) else url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    if not text.startswith("cgt:"):
        return None
    kind, _, rest = text[4:].partition("/")
    if kind == "entity" and rest:
        return unquote(rest)
    if kind == "passage" and rest:
        return "passage:" + unquote(rest)
    if kind == "copy" and rest:
        return "copy:" + unquote(rest)
    if kind == "expand" and rest:
        item, _, group = rest.partition("#")
        return "expand:" + unquote(group) + "|" + unquote(item) if item and group else None
    if kind == "read" and rest:
        parts = rest.split("/")
        passage = unquote(parts[2]) if len(parts) > 2 else ""
        return "read:" + unquote("/".join(parts[:2])) + ("|" + passage if passage else "")
    return None


class PageRenderer:
    """Builds the HTML of pages for one store, language and name order."""

    def __init__(self, store: Catalog, language: str = "en", name_order: str = "en_first",
                 muted: str = "#777777", reader_available: bool = False, limit: int | None = 50,
                 expand: Iterable[str] = (), mentions: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.store = store
        self.mentions = mentions or {}  # entity id -> the documents mentioning it, once found (DetailView)
        self.limit = limit  # items shown per list before "show all" (None: everything)
        self.expand = frozenset(expand)  # lists shown whole anyway (see expand_url)
        self.page_id = ""
        self.language = language
        self.name_order = name_order
        self.muted = muted
        self.reader_available = reader_available

    # -- small pieces ---------------------------------------------------------------------
    def _pair(self, en: str, zh: str) -> list[tuple[str, str]]:
        pairs = [("en", en), ("zh", zh)]
        return pairs[::-1] if self.name_order == "zh_first" else pairs

    def _name(self, en: str, zh: str) -> str:
        first, second = (zh, en) if self.name_order == "zh_first" else (en, zh)
        first, second = first or second or "—", second if first else ""
        return escape(first) + (f' <span style="color:{self.muted}">{escape(second)}</span>' if second else "")

    def link(self, item_id: str, en: str, zh: str) -> str:
        return f'<a href="{escape(entity_url(item_id))}">{self._name(en, zh)}</a>'

    def _date(self, start: str | None, end: str | None = None, approximate: bool = False,
              bound: str | None = None) -> str:
        try:
            return escape(dates.display(start, end, approximate, self.language, bound))
        except dates.DateError:
            return escape(start or "")

    def _note(self, text: str) -> str:
        return f'<span style="color:{self.muted}; font-size:small">{escape(text)}</span>'

    def _names_block(self, d: EntityPage) -> str:
        rows = []
        for lang, name in self._pair(d.name_en, d.name_zh):
            status = d.name_en_status if lang == "en" else d.name_zh_status
            label = _t("English") if lang == "en" else _t("Chinese")
            if not name or status == "unknown":
                shown = "—" + " " + self._note(_t("not stated in the sources"))
            elif status == "title":
                shown = escape(name) + " " + self._note(_t("your own title") if ids.is_user(d.id)
                                                        else _t("the editors' title: no source prints one"))
            elif status == "editor":
                shown = (f'<span style="color:{EDITOR_MARK}">{escape(name)}</span> '
                         + self._note(_t("editor's rendering, not attested in the sources")))
            else:
                shown = escape(name)
            fix = fixes.by_field(d.corrections, d.id).get(f"name_{lang}")
            if fix is not None:
                shown = fixes.corrected(fix, self._note, shown if name and status != "unknown" else "")
            rows.append(f"<tr><td style='color:{self.muted}; padding-right:12px'>{label}</td><td>{shown}</td></tr>")
        return "<table cellspacing=2>" + "".join(rows) + "</table>"

    def _heading(self, d: EntityPage) -> str:
        en, zh = d.name_en or "", d.name_zh or ""
        if self.name_order == "both" and en and zh:
            title = f"{escape(en)} · {escape(zh)}"
            sub = ""
        else:
            first, second = (zh, en) if self.name_order == "zh_first" else (en, zh)
            title = escape(first or second or "—")
            sub = escape(second) if first and second else ""
        subtype = "" if d.kind == "document" else (d.subtype_zh if self.language == "zh" else d.subtype_en)
        mine = ""
        if ids.is_user(d.id):  # the user's own: always said so
            source = (d.details or {}).get("source_file") if d.kind == "document" else ""
            mine = _t("imported by you from %1").replace("%1", source) if source else _t("your own entry")
        meta = " · ".join(x for x in (kind_label(d.kind, plural=False), subtype, mine) if x)
        html = f"<h1 style='margin-bottom:0'>{title}</h1>"
        if sub:
            html += f"<p style='font-size:large; margin-top:2px'>{sub}</p>"
        return html + f"<p>{self._note(meta)}</p>"

    def _section(self, title: str, body: str, shown: int | None = None, total: int = 0) -> str:
        """A titled section; with *shown* < *total* the title says how many of how many it lists."""
        if not body:
            return ""
        return f"<h3 style='margin-top:16px'>{escape(title)}{self._of(shown, total)}</h3>{body}"

    def _of(self, shown: int | None, total: int) -> str:
        """`` (50 of 2 098)`` when a list shows fewer rows than it has, else nothing."""
        if shown is None or shown >= total:
            return ""
        text = _t("%1 of %2").replace("%1", count_text(shown)).replace("%2", count_text(total))
        return f" <span style='font-weight:normal'>{self._note(f'({text})')}</span>"

    # -- pages ----------------------------------------------------------------------------
    def entity_page(self, item_id: str) -> str:
        """Return the page of *item_id*.

        Raises:
            UnknownId: if the store has no such entity.
        """
        d = self.store.entity_page(item_id, self.limit, self.expand)
        self.page_id = d.id
        parts = [self._heading(d), self._names_block(d)]
        names = {(d.name_en or "").casefold(), (d.name_zh or "").casefold()}
        aliases = list(dict.fromkeys(a["alias"] for a in d.aliases if a["alias"].casefold() not in names))
        if aliases:  # "Also known as: Qian Qijun" under Qian Qijun says nothing
            parts.append(self._section(_t("Also known as"), escape("; ".join(aliases))))
        mine = fixes.by_field(d.corrections, d.id)
        words = self.store.wording()
        desc = "".join(f"<p>{fixes.corrected(mine[f'desc_{lang}'], self._note, escape(words.readable(text, lang)))}</p>"
                       if f"desc_{lang}" in mine else f"<p>{escape(words.readable(text, lang))}</p>"
                       for lang, text in self._pair(d.desc_en, d.desc_zh) if text or f"desc_{lang}" in mine)
        parts.append(self._section(_t("Description"), desc))
        parts.append(self._details(d))
        parts.append(self._relations(d))
        if d.events:
            rows = "".join(
                f"<tr><td style='padding-right:12px; white-space:nowrap'>{self._date(e.date, e.end, e.approximate, e.bound)}"
                f"</td><td>{self._anchor('events', i, len(d.events))}{self.link(e.id, e.title_en, e.title_zh)}"
                f"</td></tr>" for i, e in enumerate(d.events))
            parts.append(self._section(_t("Events"), f"<table cellspacing=2>{rows}</table>"
                                       + self._more(len(d.events), d.event_total, "events"),
                                       len(d.events), d.event_total))
        if d.figures:
            rows = "".join(
                f"<li>{self._anchor('figures', i, len(d.figures))}"
                f"<b>{escape(str(f.get('value_stated') or f.get('value') or ''))}</b> "
                f"{self.link(f['id'], f.get('label_en') or '', f.get('label_zh') or '')}"
                + (f" {self._note(self._date(f.get('as_of')))}" if f.get("as_of") else "") + "</li>"
                for i, f in enumerate(d.figures))
            parts.append(self._section(_t("Key figures"), f"<ul>{rows}</ul>"
                                       + self._more(len(d.figures), d.figure_total, "figures"),
                                       len(d.figures), d.figure_total))
        if d.corrections:
            parts.append(self._section(_t("Your corrections"), fixes.evidence(
                d.corrections, self._note, self._source_link, self._relation_name)))
        if d.kind == "document":
            parts.append(self._document_text(d.id))
        if d.kind in MENTION_KINDS and d.id in self.mentions:  # found off the page's path (DetailView)
            parts.append(self._mentioned_in(d.id, self.mentions[d.id]))
        parts.append(self._sources(d.sources))
        return "".join(parts)

    def _source_link(self, passage_id: str) -> str:
        target = passage_url(passage_id)
        found = self.store.passages([passage_id])
        label = found[0].label(self.language) if found else ids.local_label(passage_id, self.language)
        return f"<a href='{escape(target)}'>{escape(label)}</a>"

    def _relation_name(self, relation_id: str) -> str:
        try:
            subject, predicate, obj, _role = ids.parse_relation_id(relation_id)
        except UnknownId:
            return relation_id
        names = self.store.names([subject, obj])
        first = (names.get(subject) or ("", subject, ""))[1] or subject
        second = (names.get(obj) or ("", obj, ""))[1] or obj
        label = self.store.label("predicates", predicate, self.language) or predicate
        return f"{first} — {label} — {second}"

    def _mentioned_in(self, item_id: str, found: list[dict[str, Any]]) -> str:
        if not found:
            return ""
        rows = "".join(
            f"<li><a href='{read_url(doc['id'], doc['first'])}'>{self._name(doc['title_en'], doc['title_zh'])}</a> "
            + self._note(_t("%1 passages").replace("%1", str(doc["count"])) if doc["count"] > 1 else _t("1 passage"))
            + (" " + self._note(_t("imported by you")) if ids.is_user(doc["id"]) else "") + "</li>"
            for doc in found)
        return self._section(_t("Mentioned in"), f"<ul>{rows}</ul>")

    def _details(self, d: EntityPage) -> str:
        info = d.details or {}
        rows: list[tuple[str, str]] = []
        mine = fixes.by_field(d.corrections, d.id)
        if d.kind == "event":
            date = self._date(info.get("date"), info.get("end"), bool(info.get("approximate")), info.get("bound"))
            rows.append((_t("Date"), fixes.corrected(mine["date"], self._note, date) if "date" in mine else date))
            if info.get("date_stated"):
                rows.append((_t("As stated"), escape(info["date_stated"])))
            if info.get("date_note"):
                rows.append((_t("Note"), escape(self.store.wording().readable(info["date_note"], "en"))))
            rows.append((_t("Category"), escape(self.store.label("event_categories", info.get("category"),
                                                                 self.language))))
        elif d.kind == "figure":
            value = f"<b>{escape(str(info.get('value_stated') or ''))}</b>"
            rows.append((_t("Value as stated"), fixes.corrected(mine["value_stated"], self._note, value)
                         if "value_stated" in mine else value))
            if info.get("unit"):
                rows.append((_t("Unit"), escape(self.store.label("figure_units", info["unit"], self.language))))
            if info.get("as_of"):
                rows.append((_t("As of"), self._date(info["as_of"])))
            if info.get("period"):
                rows.append((_t("Period"), escape(str(info["period"]))))
            words = self.store.wording()
            scope = " / ".join(escape(words.readable(s, lang)) for lang, s in self._pair(
                info.get("scope_en") or "", info.get("scope_zh") or "") if s)
            if scope:
                rows.append((_t("Scope"), scope))
            subject = info.get("subject")
            if subject:
                names = self.store.names([subject]).get(subject)
                rows.append((_t("About"), self.link(subject, names[1], names[2]) if names else escape(subject)))
        elif d.kind == "document":
            rows.append((_t("Date"), self._date(info.get("date"), None, bool(info.get("approximate")))))
            if info.get("date_stated"):
                rows.append((_t("As stated"), escape(info["date_stated"])))
            outlet = " · ".join(escape(s) for _, s in self._pair(info.get("outlet_en") or "",
                                                                  info.get("outlet_zh") or "") if s)
            rows.append((_t("Outlet"), outlet or _t("not stated")))
            rows.append((_t("Original language"), _t("Chinese") if info.get("lang") == "zh" else _t("English")))
            if self.reader_available:
                rows.append((_t("Read"), f'<a href="{escape(read_url(d.id))}">{escape(_t("Open in the reader"))}</a>'))
        if not rows:
            return ""
        body = "".join(f"<tr><td style='color:{self.muted}; padding-right:12px'>{escape(k)}</td><td>{v}</td></tr>"
                       for k, v in rows)
        return f"<table cellspacing=2 style='margin-top:8px'>{body}</table>"

    def _relations(self, d: EntityPage) -> str:
        blocks = []
        wrong = fixes.wrong_relations(d.corrections)
        for group in d.relation_groups:
            items = []
            for i, r in enumerate(group.relations):
                role = r.role_zh if self.language == "zh" and r.role_zh else r.role_en
                extra = []
                if role:
                    extra.append(escape(role))
                if r.start and r.end:
                    extra.append(self._date(r.start) + "–" + self._date(r.end))
                elif r.start:
                    extra.append(escape(_t("since %1").replace("%1", dates.display(r.start, lang=self.language))))
                elif r.end:
                    extra.append(escape(_t("until %1").replace("%1", dates.display(r.end, lang=self.language))))
                item = self._anchor(group.key, i, len(group.relations)) + self.link(r.other_id, r.other_name_en,
                                                                                     r.other_name_zh)
                if extra:
                    item += " " + self._note(", ".join(extra))
                if r.id in wrong:
                    item = f"<s>{item}</s>" + fixes.wrong_mark(wrong[r.id], self._note)
                items.append(f"<li>{item}</li>")
            more = self._more(len(group.relations), group.total, group.key, inline=True)
            if more:
                items.append(f"<li>{more}</li>")
            label = group.label_zh if self.language == "zh" else group.label_en
            blocks.append(f"<p style='margin-bottom:0'><b>{escape(label)}</b>"
                          f"{self._of(len(group.relations), group.total)}</p>"
                          f"<ul style='margin-top:0'>{''.join(items)}</ul>")
        return self._section(_t("Relations"), "".join(blocks))

    def _quote(self, c: Citation) -> str:
        texts = "".join(f"<p style='margin:2px 0'>{escape(text)}</p>"
                        for _, text in self._pair(c.text_en, c.text_zh) if text)
        doc_link = self.link(c.document_id, c.document_title_en, c.document_title_zh)
        target = read_url(c.document_id, c.passage_id) if self.reader_available else passage_url(c.passage_id)
        label = _t("Open in the reader") if self.reader_available else _t("Show passage")
        return (f"<blockquote style='margin-left:12px'>{texts}<p style='margin:2px 0'>{self._note('— ')}"
                f"{doc_link} · <a href='{escape(target)}'>{escape(label)}</a> "
                f"{self._note(c.label(self.language))} · <a href='{escape(copy_url(c.passage_id))}'>"
                f"{escape(_t('Copy id'))}</a></p></blockquote>")

    def _sources(self, sources: list[Citation]) -> str:
        if not sources:
            return self._section(_t("Sources"), f"<p>{self._note(_t('No passage cites this entry.'))}</p>")
        shown = sources if self.limit is None or "sources" in self.expand else sources[:self.limit]
        return self._section(_t("Sources") + f" ({count_text(len(sources))})",
                             "".join(self._anchor("sources", i, len(shown)) + self._quote(c) for i, c in enumerate(shown))
                             + self._more(len(shown), len(sources), "sources"))

    def _anchor(self, group: str, index: int, shown: int) -> str:
        """Mark the first row past :attr:`limit` of a list shown whole, for the view to scroll to."""
        if self.limit is None or index != self.limit or shown <= self.limit:
            return ""
        return f"<a name='{escape(more_anchor(group))}'></a>"

    def _more(self, shown: int, total: int, group: str, inline: bool = False) -> str:
        """A "show all" link for a list that shows *shown* of its *total* rows (nothing if it shows all)."""
        if shown >= total:
            return ""
        text = _t("%1 more — show all").replace("%1", count_text(total - shown))
        link = f"<a href='{escape(expand_url(self.page_id, group))}'>{escape(text)}</a>"
        return link if inline else f"<p>{link}</p>"

    def _document_text(self, doc_id: str, mark: str | None = None) -> str:
        try:
            doc = self.store.document(doc_id)
        except UnknownId:
            return ""
        rows = []
        for para in doc["paragraphs"]:
            for s in para["sentences"]:
                en, zh = (s["orig"], s["trans"]) if doc.get("lang") == "en" else (s["trans"], s["orig"])
                texts = [escape(t or "") for _, t in self._pair(en, zh)]
                label = (f"<a name='{escape(s['id'])}'></a><a href='{escape(passage_url(s['id']))}'>"
                         f"{self._note(s['id'].rsplit('#', 1)[-1])}</a> ")
                texts[0] = label + texts[0]
                cells = "".join(f"<td width='50%' style='padding:2px 8px 2px 0'>{t}</td>" for t in texts)
                style = " style='background-color:rgba(255,200,0,60)'" if s["id"] == mark else ""
                rows.append(f"<tr{style}>{cells}</tr>")
        return self._section(_t("Text"), "<table width='100%' cellspacing=2>" + "".join(rows) + "</table>")

    def passage_page(self, passage_id: str) -> str:
        """Return the page of one passage (both languages, its paragraph and document).

        Raises:
            UnknownId: if there is no such passage.
        """
        found = self.store.passages([passage_id])
        if not found:
            raise UnknownId(passage_id)
        c = found[0]
        parts = [f"<h1 style='margin-bottom:0'>{escape(_t('Passage'))}</h1>",
                 f"<p>{self._note(c.label(self.language))}</p>", self._quote(c)]
        if c.paragraph_id and c.paragraph_id != passage_id:
            para = self.store.passages([c.paragraph_id])
            if para:
                body = "".join(f"<p>{escape(t)}</p>" for _, t in self._pair(para[0].text_en, para[0].text_zh) if t)
                parts.append(self._section(_t("In its paragraph"), body))
        parts.append(self._section(_t("Document"), "<p>" + self.link(c.document_id, c.document_title_en,
                                                                        c.document_title_zh) + "</p>"))
        return "".join(parts)
