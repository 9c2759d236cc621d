"""The "show all" page of a search: every hit of one kind, as the popup shows its first few.

Opened from the popup's "Show all …" row (page string ``search:<kind>|<text>``) in the kind's tab
(passages in the Documents tab), with the same query and the same ranking; the popup's ``--kind``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from cgt_desktop.ui.browse.entity_table import kind_label
from cgt_desktop.ui.browse.page_html import count_text, entity_url, read_url
from cgt_desktop.ui.common.settings import ordered_names
from cgt_desktop.ui.search.results import snippet_html

if TYPE_CHECKING:
    from cgt_desktop.ui.browse.page_html import PageRenderer

#: At most this many hits on the page (a query matching more says so).
PAGE_LIMIT = 1000


def _t(text: str) -> str:
    return QCoreApplication.translate("SearchPopup", text)


def search_page(page: str) -> tuple[str, str]:
    """``search:<kind>|<text>`` → ``(kind, text)``."""
    kind, _, text = page[len("search:"):].partition("|")
    return kind, text


def search_url(kind: str, text: str) -> str:
    """The page string of every *kind* hit of *text*."""
    return f"search:{kind}|{text}"


def make_page(renderer: PageRenderer, page: str) -> str:
    """The HTML of a ``search:<kind>|<text>`` page (a detail view's ``page_makers["search"]``)."""
    return results_html(renderer, *search_page(page))


def results_html(renderer: PageRenderer, kind: str, text: str) -> str:
    """Every hit of *kind* for *text*, best first, each with its snippet and a link to its page."""
    from cgt_desktop.core.catalog import search as search_mod

    store = renderer.store
    hits = store.search(text, kind=kind, limit=PAGE_LIMIT + 1)
    total, exact = search_mod.count_capped(store, text, PAGE_LIMIT * 10).get(kind, (len(hits), True))
    shown = hits[:PAGE_LIMIT]
    names = store.names([h.document_id for h in shown if h.document_id])
    rows = []
    for hit in shown:
        if kind == "passage":
            _, en, zh = names.get(hit.document_id or "", ("", hit.document_id or "", ""))
            first, second = ordered_names(en, zh, renderer.name_order)
            target = read_url(hit.document_id or "", hit.id) if renderer.reader_available else "cgt:passage/" + hit.id
            title = snippet_html(hit.snippet or "")
            rows.append(f"<li><a href='{escape(target)}'>{title}</a><br>{renderer._note(first)}</li>")
            continue
        first, second = ordered_names(hit.name_en, hit.name_zh, renderer.name_order)
        plain = (hit.snippet or "").replace("«", "").replace("»", "")
        extra = f"<br><small>{snippet_html(hit.snippet)}</small>" if plain and plain not in (first, second) else ""
        rows.append(f"<li><a href='{escape(entity_url(hit.id))}'>{escape(first)}</a> "
                    f"{renderer._note(second)}{extra}</li>")
    heading = _t("Search: “%1” in %2").replace("%1", text).replace("%2", kind_label(kind))
    count = count_text(total) + ("" if exact else "+")
    summary = (_t("%1 results, best first.").replace("%1", count) if len(shown) == total
               else _t("The first %1 of %2 results, best first.").replace("%1", count_text(len(shown)))
               .replace("%2", count))
    if not shown:
        summary = _t("Nothing of this kind matches.")
    return (f"<h1 style='margin-bottom:0'>{escape(heading)}</h1><p>{renderer._note(summary)}</p>"
            f"<ol>{''.join(rows)}</ol>")
