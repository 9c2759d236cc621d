"""File → Print…: the page shown, the reader's document side by side, or the selection's dossier.

What prints is what the window shows: on a list tab, the page beside the list (as it is on screen,
in the CJK font the app brings); in the reader, the open document as a two-column table (the
original and the project's translation, row by row, labelled as such); anywhere else, the dossier
of the current selection, painted page for page as its PDF would be. The printer comes from Qt's
print dialog (``QPrintDialog``), or from the hook a test sets.
"""

from __future__ import annotations

import html
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def reader_html(reader: Any) -> str:
    """The reader's open document as HTML to print: title, source line, then original | translation."""
    labels = reader.view.column_labels
    rows = []
    for row in reader.view.rows:
        if row.kind != "sentence" and not (row.orig or row.trans):
            continue
        left, right = html.escape(row.orig or ""), html.escape(row.trans or "")
        style = ' style="color: #5a6470;"' if row.kind == "note" else ""
        rows.append(f"<tr><td width='50%'{style}>{left}</td><td width='50%'{style}>{right}</td></tr>")
    title = html.escape(reader.title.text()).replace("\n", "<br>")
    return (f"<h2>{title}</h2><p style='color: #5a6470;'>{html.escape(reader.meta_label.text())}</p>"
            f"<table width='100%' cellspacing='0' cellpadding='4' border='1' style='border-collapse: collapse; "
            f"border-color: #d0d7de;'><tr><td><b>{html.escape(labels.get('orig', ''))}</b></td>"
            f"<td><b>{html.escape(labels.get('trans', ''))}</b></td></tr>{''.join(rows)}</table>")


def print_view(window: Any, printer_for: Callable[[], Any], inform: Callable[[str, str], None]) -> bool:
    """Print what *window* shows (see the module docstring); whether anything was printed."""
    detail = window.current_detail()
    reader = window.reader if window.reader is not None and window.tabs.currentWidget() is window.reader else None
    if detail is not None and detail.page:
        document = detail.document()
    elif reader is not None and reader.current_document():
        document = QTextDocument()
        document.setDefaultFont(reader.view.font())
        document.setHtml(reader_html(reader))
    else:
        return _print_dossier(window, printer_for, inform)
    printer = printer_for()
    if printer is None:
        return False
    document.print_(printer)
    return True


def _print_dossier(window: Any, printer_for: Callable[[], Any], inform: Callable[[str, str], None]) -> bool:
    from cgt_desktop.core.export.dossier import DossierError, DossierOptions, build_dossier
    from cgt_desktop.ui.pdf.export import ExportError, PdfRenderer

    selection = window.selections.panel.selection()
    if not len(selection):
        inform(_t("Print"), _t("Open a page or a document to print it, or add items to the selection "
                               "(Ctrl+E) to print their dossier."))
        return False
    try:
        dossier = build_dossier(selection, window.store, window.user, DossierOptions(notes=True))
    except DossierError as exc:
        inform(_t("Print"), str(exc))
        return False
    printer = printer_for()
    if printer is None:
        return False
    from cgt_desktop.ui.common.progress import progress_dialog, progress_step

    dialog = progress_dialog(window, _t("Printing the dossier…"), 100)
    try:
        PdfRenderer(dossier, None).print_to(printer, progress_step(dialog))
    except ExportError as exc:
        inform(_t("Print"), str(exc))
        return False
    finally:
        dialog.close()
    return True
