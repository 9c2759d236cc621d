"""``cgt-desktop export-pdf``: a bilingual PDF dossier from the command line.

``cgt-desktop export-pdf person/qian-qijun place/zhangjiang --from 2013 --to 2019 --notes -o out.pdf``

The ids may be entity, event, figure or document ids, passage ids, or
``note:UID``; ``--from``/``--to`` add a period of the timeline. Qt is needed
for the PDF (QPdfWriter): a ``QGuiApplication`` is created on the
``offscreen`` platform when there is no display. Errors (empty selection,
unknown ids, unwritable path) print one line on stderr and exit 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``export-pdf`` subcommand to *sub*."""
    from cgt_desktop.cli.common import year as _year

    p = sub.add_parser("export-pdf", help="export a bilingual PDF dossier of entities, passages and a period")
    p.add_argument("ids", nargs="*", metavar="ID", help="entity, event, figure, document or passage ids, "
                   "or note:UID")
    p.add_argument("--from", dest="year_from", type=_year, metavar="YEAR", help="add the period from this year")
    p.add_argument("--to", dest="year_to", type=_year, metavar="YEAR", help="add the period up to this year")
    p.add_argument("--notes", action="store_true", help="include your notes and highlights")
    p.add_argument("--lang", choices=["en", "zh", "both"], default="both", help="how names are shown")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4", help="paper size (default A4)")
    p.add_argument("--title", default="", help="the dossier's title")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    return p


def ensure_gui_application():
    """Return the running ``QGuiApplication``, creating an offscreen one if there is none."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                             or os.environ.get("WAYLAND_DISPLAY"))
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["cgt-desktop"])
    return app


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from cgt_desktop.cli.common import EXIT_USAGE, CliError, Progress, home, open_store, output_path, user_store
    from cgt_desktop.core.export.dossier import DossierError, DossierOptions, build_dossier
    from cgt_desktop.core.domain.selection import Selection, SelectionError, year_period_ref

    selection = Selection()
    try:
        for ref in args.ids:
            selection.add(ref)
        if args.year_from is not None or args.year_to is not None:
            if args.year_from is not None and args.year_to is not None and args.year_to < args.year_from:
                raise SelectionError(f"--to {args.year_to} is before --from {args.year_from}")
            selection.add(year_period_ref(args.year_from, args.year_to))
    except SelectionError as exc:
        raise CliError(f"{exc}; ids look like person/qian-qijun or 000_1b6dce599d2df6c2#p03.s01",
                       EXIT_USAGE) from None
    if selection.is_empty():
        raise CliError("the selection is empty: give at least one ID or --from/--to YEAR")
    target = output_path(args.output, ".pdf")
    store = open_store(args)
    user = user_store(args) if args.notes else None
    options = DossierOptions(title=args.title, notes=args.notes, names=args.lang)
    collecting = Progress("Collecting the dossier")
    try:
        dossier = build_dossier(selection, store, user, options, progress=collecting)
    except DossierError as exc:
        raise CliError(str(exc)) from None
    finally:
        collecting.finish()
    ensure_gui_application()
    from cgt_desktop.ui.pdf.export import ExportError, export_pdf

    progress = Progress(f"Writing {target.name}")
    try:
        result = export_pdf(dossier, target, args.page_size, progress=progress, pending=home(args).pending_dir)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    finally:
        progress.finish()
        store.close()
        if user is not None:
            user.close()
    if args.json:
        json.dump({"path": str(result.path), "pages": result.pages, "seconds": round(result.seconds, 3),
                   "sections": dossier.sections(), "citations": len(dossier.sources)}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"Wrote {result.path} ({result.pages} pages, {len(dossier.sources)} citations) "
              f"in {result.seconds:.1f} s")
    return 0
