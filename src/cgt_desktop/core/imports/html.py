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
    main = paragraphs_of(text.replace("\n", "\n\n"))
    title = (getattr(found, "title", "") or "").strip()
    out: list[Paragraph] = []
    keys = [_key(p) for p in main]
    shown = 0  # main paragraphs emitted so far, in trafilatura's order
    for block in _leaf_blocks(page):
        key = _key(block)
        if not key:
            continue
        at = next((i for i in range(shown, len(keys)) if keys[i] == key or (len(key) > 20 and key in keys[i])), None)
        if at is None:
            if not any(key in k for k in keys):  # text of the page that is not the article: furniture, kept
                out.append(Paragraph(block, "boilerplate"))
            continue
        while shown <= at:
            out.append(_main(main[shown], shown, title))
            shown += 1
    out += [_main(main[i], i, title) for i in range(shown, len(main))]
    return title, out


def _main(text: str, index: int, title: str) -> Paragraph:
    return Paragraph(text, "title" if index == 0 and title and _key(text) == _key(title) else "body")


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "td", "th",
           "caption", "figcaption", "address", "nav", "header", "footer", "aside", "div", "section", "article",
           "main", "form", "ul", "ol", "table", "tr", "body"}


def _leaf_blocks(page: str) -> list[str]:
    """The text of the page's innermost block elements, in document order (scripts and styles left out)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(page)
    except (ValueError, TypeError, SyntaxError):  # lxml's ParserError is a SyntaxError
        return []
    for bad in root.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(isinstance(child.tag, str) and child.tag in _BLOCKS for child in element.iterdescendants()):
            own = " ".join((element.text or "").split())  # text directly in a container, before its blocks
            if own:
                out.append(own)
            continue
        text = " ".join(element.text_content().split())
        if text:
            out.append(text)
    return out
