"""How a page shows the user's corrections: the user's value first, the reference's beside it.

Used by :class:`~cgt_desktop.ui.browse.page_html.PageRenderer`. A corrected field reads "your value
· your correction — reference: its value"; a correction whose reference value has changed since it
was made says so; a relation marked wrong is struck through with the user's reason.
"""

from __future__ import annotations

from html import escape
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from cgt_desktop.core.domain.corrections import FIELDS, WRONG

CORRECTION_COLOUR = "#1565c0"  # the user's own values (the reference's stay in the text colour)
STALE_COLOUR = "#b26a00"


def _t(text: str) -> str:
    return QCoreApplication.translate("PageRenderer", text)


def field_label(field: str) -> str:
    """The field's name as a form and a page show it."""
    return {"name_en": _t("English name"), "name_zh": _t("Chinese name"), "subtype": _t("Type"),
            "desc_en": _t("English description"), "desc_zh": _t("Chinese description"), "date": _t("Date"),
            "value_stated": _t("Value as stated")}.get(field, FIELDS.get(field, (field,))[0])


def by_field(corrections: list[Any], target: str) -> dict[str, Any]:
    """The field corrections of *target* (not those of its relations), by field."""
    return {c.field: c for c in corrections if c.target == target and c.field in FIELDS}


def wrong_relations(corrections: list[Any]) -> dict[str, Any]:
    """The relations the user marked wrong, by relation id."""
    return {c.target: c for c in corrections if c.field == WRONG}


def corrected(correction: Any, note: Callable[[str], str], reference_html: str) -> str:
    """The user's value, marked as theirs, with the reference's (*reference_html*) beside it."""
    html = (f"<span style='color:{CORRECTION_COLOUR}'>{escape(correction.value or '')}</span> "
            + note(_t("your correction")) + " " + note("— " + _t("reference:")) + " "
            + (reference_html or note(_t("none"))))
    if correction.stale:
        html += (f" <span style='color:{STALE_COLOUR}'>⚠ "
                 + escape(_t("the reference value has changed since you corrected it")) + "</span>")
    return html


def wrong_mark(correction: Any, note: Callable[[str], str]) -> str:
    """What follows a relation the user marked wrong."""
    why = f": {correction.note}" if correction.note else ""
    html = f" <span style='color:{CORRECTION_COLOUR}'>✗ {escape(_t('you marked this wrong') + why)}</span>"
    if correction.stale:
        html += " " + note(_t("(the reference no longer has it)"))
    return html


def stale_relations(corrections: list[Any], shown: set[str], note: Callable[[str], str]) -> str:
    """Relations marked wrong that the page no longer lists (the reference dropped them): said once."""
    gone = [c for c in corrections if c.field == WRONG and c.target not in shown and c.stale]
    if not gone:
        return ""
    text = (_t("A relation you marked wrong is no longer in the reference data.") if len(gone) == 1 else
            _t("%1 relations you marked wrong are no longer in the reference data.").replace("%1", str(len(gone))))
    return "<p>" + note(text) + "</p>"


def evidence(corrections: list[Any], note: Callable[[str], str], source_link: Callable[[str], str],
             name_of: Callable[[str], str]) -> str:
    """The section body listing every correction with its note and the passages it cites."""
    rows = []
    for c in corrections:
        if c.field == WRONG:
            what = _t("Relation marked wrong: %1").replace("%1", name_of(c.target))
        else:
            what = f"{field_label(c.field)}: {c.value or ''}"
        parts = [escape(what)]
        if c.note:
            parts.append(note(c.note))
        if c.sources:
            parts.append(note(_t("cites")) + " " + ", ".join(source_link(s) for s in c.sources))
        if c.stale:
            parts.append(f"<span style='color:{STALE_COLOUR}'>⚠ "
                         + escape(_t("the reference value has changed since you corrected it") if c.field != WRONG
                                  else _t("the reference no longer has this relation")) + "</span>")
        rows.append("<li>" + " · ".join(parts) + "</li>")
    return f"<ul>{''.join(rows)}</ul>" if rows else ""
