"""Notes are Markdown: rendered to safe HTML for the screen, and to plain printable HTML for the PDF.

Raw HTML in a note is escaped and images are never loaded (``commonmark`` with ``html`` off and the
image rule disabled); what a note says is shown, never what it could make the app fetch. The
parser (markdown-it-py) is imported when the first note is rendered, not at start-up.
"""

from __future__ import annotations

import functools
import html
from typing import Any

__all__ = ["to_html", "to_print_html"]


@functools.lru_cache(maxsize=2)
def _parser(for_print: bool) -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    if for_print:
        md.add_render_rule("link_open", _print_link_open)
        md.add_render_rule("link_close", _print_link_close)
        md.add_render_rule("strong_open", lambda *_args: '<span class="strong">')
        md.add_render_rule("strong_close", lambda *_args: "</span>")
        md.add_render_rule("heading_open", lambda *_args: '<p class="noteh">')
        md.add_render_rule("heading_close", lambda *_args: "</p>")
    return md


def _print_link_open(_self: Any, tokens: list[Any], idx: int, _options: Any, env: dict[str, Any]) -> str:
    env.setdefault("links", []).append(tokens[idx].attrGet("href") or "")
    return ""


def _print_link_close(_self: Any, _tokens: list[Any], _idx: int, _options: Any, env: dict[str, Any]) -> str:
    links = env.get("links") or [""]
    href = links.pop()
    return f' <span class="url">({html.escape(href, quote=True)})</span>' if href else ""


def to_html(text: str) -> str:
    """A note's Markdown as safe HTML for the screen (links stay links; the view decides what opens)."""
    return str(_parser(False).render(text or ""))


def to_print_html(text: str) -> str:
    """A note's Markdown as HTML to print: a link is its text and its address in brackets (paper has
    no links), bold is a ``strong`` span (the CJK font has no bold face to print it with) and a
    heading is a ``noteh`` paragraph, not a heading of the dossier."""
    return str(_parser(True).render(text or "", {"links": []})).strip()
