"""The main text of an HTML page saved from a browser, with the page's furniture kept as boilerplate.

trafilatura finds the article's paragraphs (its extraction is the best-kept one in Python); the page's
other text (menus, teasers, footers) is kept before and after them with the role ``boilerplate``, as
the reference corpus keeps a web page's furniture, so nothing the file says is lost and nothing but the
article is cited by default.
"""

from __future__ import annotations

from cgt_desktop.core.imports.model import ImportProblem, Paragraph
from cgt_desktop.core.text.segment import paragraphs_of


def _key(text: str) -> str:
    return "".join(text.split())


def extract_html(page: str) -> tuple[str, list[Paragraph]]:
    """Return ``(title, paragraphs)`` of an HTML page.

    Raises:
        ImportProblem: no article text was found in the page.
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise ImportProblem(f"HTML import needs trafilatura ({exc})") from exc
    found = trafilatura.bare_extraction(page, include_comments=False, include_tables=True, favor_recall=True,
                                        with_metadata=True)
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise ImportProblem("no article text was found in this page; save the article's own page (or its "
                            "text) and import that")
    main = [p for p in paragraphs_of(text.replace("\n", "\n\n"))]
    title = (getattr(found, "title", "") or "").strip()
    everything = [p for p in paragraphs_of((trafilatura.html2txt(page) or "").replace("\n", "\n\n"))]
    keys = [_key(p) for p in everything]
    first, last = _key(main[0]), _key(main[-1])
    start = next((i for i, k in enumerate(keys) if first and (k == first or first in k)), None)
    end = next((i for i in range(len(keys) - 1, -1, -1) if last and (keys[i] == last or last in keys[i])), None)
    head = everything[:start] if start is not None else []
    tail = everything[end + 1:] if end is not None and start is not None and end >= start else []
    out = [Paragraph(p, "boilerplate") for p in head]
    out += [Paragraph(p, "title" if i == 0 and title and _key(p) == _key(title) else "body")
            for i, p in enumerate(main)]
    out += [Paragraph(p, "boilerplate") for p in tail]
    return title, out
