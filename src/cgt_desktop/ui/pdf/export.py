"""Render a :class:`~cgt_desktop.core.export.model.Dossier` to PDF with Qt, then add bookmarks with pypdf.

The dossier becomes HTML built only from ``html.escape``'d text, laid out by a
:class:`QTextDocument` whose :meth:`loadResource` refuses every resource (no
local file or network URL can end up in the PDF), and painted page by page
into a :class:`QPdfWriter` with page numbers in the footer. Chinese is drawn
with the bundled Noto Sans CJK font, so it is real, embedded, selectable text.
The timeline figure is vector drawing (:mod:`cgt_desktop.ui.pdf.timeline`).

pypdf then adds the outline (one bookmark per section and per profile), the
document metadata, and repairs the text map of CJK glyphs that Qt labels with
Kangxi radicals (U+2F42 ``⽂`` for 文), so searching the PDF finds the words.

The file is written to a temporary file beside the target and moved into
place only when everything succeeded. :class:`PdfRenderer` works in steps so
a dialog can paint a page per event-loop turn (progress and cancel);
:func:`export_pdf` runs all steps at once. Requires a ``QGuiApplication``.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QRawFont,
                           QTextCursor, QTextDocument, QTextFormat)

from cgt_desktop.core.export.model import Dossier
from cgt_desktop.ui.pdf.html import HEADING_STATE, TIMELINE_URL, DossierHtml
from cgt_desktop.ui.pdf.timeline import TimelineFigure

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
LAYOUT_DPI = 96
PDF_RESOLUTION = 600
MARGINS_MM = QMarginsF(18, 16, 18, 20)
KEEP_WITH_NEXT = 0.07  # a heading needs this much of the page below it (about four lines), else it moves on
KEEP_LAID_OUT_CHARS = 4_000_000  # a body of up to this much HTML stays laid out between counting and painting


class ExportError(Exception):
    """The PDF could not be written; nothing was left behind. The message says why."""


class ExportCancelled(ExportError):
    """The user cancelled; nothing was written."""


@dataclass
class ExportResult:
    """What :func:`export_pdf` wrote."""

    path: Path
    pages: int
    seconds: float
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page index)


class DossierDocument(QTextDocument):
    """A text document that loads no resources except allow-listed in-memory images."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.allowed_images: dict[str, QImage] = {}

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt API
        if kind == int(QTextDocument.ResourceType.ImageResource):
            # A null image, not None: for None Qt would load a local file of that name itself.
            return self.allowed_images.get(name.toString(), QImage())
        return QByteArray()  # never a local file, never the network


def _base_font() -> QFont:
    from cgt_desktop.ui.common.fonts import cjk_families, ensure_cjk_font

    ensure_cjk_font()
    font = QFont("DejaVu Sans")
    font.setFamilies(["DejaVu Sans", *[f for f in cjk_families(QFont("DejaVu Sans")) if f != "DejaVu Sans"]])
    font.setPointSizeF(9.5)
    return font


def _check_target(path: Path) -> Path:
    from cgt_desktop.core.system.outputs import OutputPathError, check_output

    try:
        return check_output(path, ".pdf")
    except OutputPathError as exc:
        raise ExportError(str(exc)) from None


class PdfRenderer:
    """Lays out one dossier and paints it into a PDF, a step at a time.

    Iterate :meth:`steps` (each step yields ``(done, total)``); call
    :meth:`abort` to stop and remove the temporary files.
    """

    def __init__(self, dossier: Dossier, path: Path | str | None, page_size: str = "A4",
                 pending: Path | None = None) -> None:
        if page_size not in PAGE_SIZES:
            raise ExportError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
        self.dossier = dossier
        self.path = _check_target(Path(path)) if path is not None else None  # None: printed (print_to)
        self.page_size = page_size
        self.pages = 0
        self.outline: list[tuple[int, str, int]] = []
        self._temps: list[str] = []
        self._pending = pending  # the home's list of temporary files outside it (swept after a kill)
        self._painter: QPainter | None = None
        self._writer: QPdfWriter | None = None
        self.figure: TimelineFigure | None = None
        self.figure_rect: QRectF | None = None
        self._figure_part: int | None = None  # the body part that holds the timeline figure
        self._parts: list[str] = []
        self._part_pages: list[int] = []
        self._laid_out: dict[int, DossierDocument] = {}
        self._front: list[DossierDocument] = []
        self._layout_device = QImage(8, 8, QImage.Format.Format_RGB32)  # fixes the layout DPI, whatever the screen
        dpm = round(LAYOUT_DPI / 0.0254)
        self._layout_device.setDotsPerMeterX(dpm)
        self._layout_device.setDotsPerMeterY(dpm)
        self.started = time.perf_counter()

    # -- temp files -------------------------------------------------------------------------------
    def _temp(self) -> str:
        """Create an empty temporary file beside the target (permissions as for any new file)."""
        from cgt_desktop.core.system.outputs import create_temp

        try:
            name = str(create_temp(self.path, self._pending))
        except OSError as exc:
            raise ExportError(f"cannot write to {self.path.parent}: {exc.strerror or exc}") from None
        self._temps.append(name)
        return name

    def abort(self) -> None:
        """Stop painting and remove every temporary file (the target is left untouched)."""
        if self._painter is not None and self._painter.isActive():
            self._painter.end()
        self._painter = None
        self._writer = None
        from cgt_desktop.core.system.outputs import remove_temp

        for name in self._temps:
            remove_temp(Path(name), self._pending)
        self._temps.clear()

    # -- the work ---------------------------------------------------------------------------------
    def steps(self) -> Iterator[tuple[int, int]]:
        """Do the export; yield ``(done, total)`` after each slice of work.

        Raises:
            ExportError: if the file cannot be written (nothing is left behind).
        """
        try:
            yield from self._steps()
        except OSError as exc:
            self.abort()
            raise ExportError(f"cannot write {self.path}: {exc.strerror or exc}") from None
        except BaseException:
            self.abort()
            raise

    def _steps(self) -> Iterator[tuple[int, int]]:
        assert self.path is not None
        raw = self._temp()
        writer = QPdfWriter(raw)
        writer.setResolution(PDF_RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[self.page_size]), QPageLayout.Orientation.Portrait,
                                         MARGINS_MM, QPageLayout.Unit.Millimeter))
        writer.setTitle(self.dossier.title)
        writer.setCreator("cgt-desktop")
        self._writer = writer
        yield from self._paint(writer, f"cannot write to {self.path.parent}")
        total = self.pages
        if not _complete_pdf(raw):  # QPdfWriter reports no error when the disk fills up
            raise ExportError(f"cannot write {self.path}: " + ("No space left on device" if _disk_full(raw) else
                                                              "Qt could not write the whole PDF"))
        final = self._temp()
        families = [f for f in self._front[0].defaultFont().families() if f != "DejaVu Sans"]
        from pypdf.errors import PyPdfError

        try:
            _finish_pdf(raw, final, self.dossier, self.outline, radical_table(families[0]) if families else {})
        except PyPdfError as exc:
            raise ExportError(f"cannot write {self.path}: the PDF could not be completed ({exc})") from None
        os.replace(final, self.path)
        self._temps.remove(final)
        from cgt_desktop.core.system.outputs import forget_pending

        forget_pending(self._pending, Path(final))
        self.abort()  # removes the raw file
        yield total + 3, total + 3

    def _paint(self, device: Any, cannot: str) -> Iterator[tuple[int, int]]:
        """Lay the dossier out for *device*'s pages (a QPdfWriter or a QPrinter) and paint them."""
        paint = device.pageLayout().paintRectPoints()
        page = QSizeF(paint.width() * LAYOUT_DPI / 72.0, paint.height() * LAYOUT_DPI / 72.0)
        self._layout(page)
        total = sum(doc.pageCount() for doc in self._front) + sum(self._part_pages)
        self.pages = total
        yield 1, total + 3
        painter = QPainter()
        if not painter.begin(device):
            raise ExportError(cannot)
        self._painter = painter
        scale = device.resolution() / LAYOUT_DPI
        footer_font = QFont(self._front[0].defaultFont())
        footer_font.setPointSizeF(7.5 * LAYOUT_DPI / device.logicalDpiY())  # the painter is scaled
        index = 0
        for part, doc in self._documents(page):
            for doc_page in range(doc.pageCount()):
                if index:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.translate(0, -doc_page * page.height())
                clip = QRectF(0, doc_page * page.height(), page.width(), page.height())
                doc.drawContents(painter, clip)
                if (part is not None and part == self._figure_part and self.figure and self.figure_rect
                        and self.figure_rect.intersects(clip)):
                    self.figure.paint(painter, self.figure_rect)
                painter.restore()
                if index:
                    self._footer(painter, scale, page, index, total, footer_font)
                index += 1
                yield 1 + index, total + 3
        painter.end()
        self._painter = None

    def print_to(self, printer: Any, progress: Callable[[int, int], None] | None = None) -> int:
        """Paint the dossier on *printer* (File → Print…), page for page as the PDF; return the pages.

        *progress* gets ``(done, total)`` after each page.
        """
        for done, total in self._paint(printer, "the printer could not be started"):
            if progress is not None:
                progress(done, total)
        return self.pages

    def _layout(self, page: QSizeF) -> None:
        """Lay out the title page, the contents and the body's parts; remember what painting needs.

        Each part of the body (:meth:`DossierHtml.body_parts`) is laid out on its own to count its
        pages and find its anchors. Parts are kept for painting while they are small in total, and
        laid out again when painted otherwise, so memory stays bounded by one part. The contents is
        laid out twice (cheap): once to count its pages, once with the page numbers of the headings.
        """
        d = self.dossier
        font = _base_font()
        self._font = font
        if d.options.timeline and d.events:
            self.figure = TimelineFigure(d.events, d.periods, d.options.names, page.width() - 2, font,
                                         undated=len(d.undated_events))
        builder = DossierHtml(d, (self.figure.width, self.figure.height) if self.figure else None)
        self._css = css = builder.css()
        self._parts = builder.body_parts()
        keep = sum(len(html) for html in self._parts) <= KEEP_LAID_OUT_CHARS
        self._laid_out: dict[int, DossierDocument] = {}
        body_pages: dict[str, int] = {}
        self._part_pages: list[int] = []
        for index, html in enumerate(self._parts):
            doc = self._document(page, font, css, html)
            start = sum(self._part_pages)
            for anchor, at in _anchor_pages(doc, page.height()).items():
                body_pages.setdefault(anchor, start + at)
            if self.figure and self.figure_rect is None:
                rect = _image_rect(doc, TIMELINE_URL)
                if rect is not None:
                    self.figure_rect, self._figure_part = rect, index
            self._part_pages.append(doc.pageCount())
            if keep:
                self._laid_out[index] = doc
        title = self._document(page, font, css, builder.title_html())
        contents_html = builder.contents_html()
        contents = self._document(page, font, css, contents_html)
        offset = title.pageCount() + contents.pageCount()
        pages = {anchor: body_pages.get(anchor, 0) + offset for anchor, _t, _l in builder.anchors}
        for anchor, _title, _level in builder.anchors:
            contents_html = contents_html.replace(builder.toc_token(anchor), str(pages[anchor] + 1))
        contents = self._document(page, font, css, contents_html)
        self.outline = [(level, text, pages[anchor]) for anchor, text, level in builder.anchors]
        self._front = [title, contents]

    def _documents(self, page: QSizeF) -> Iterator[tuple[int | None, DossierDocument]]:
        """``(part index or None, document)`` in page order; a part not kept is laid out again here."""
        for doc in self._front:
            yield None, doc
        for index, html in enumerate(self._parts):
            doc = self._laid_out.pop(index, None)
            if doc is None:
                doc = self._document(page, self._font, self._css, html)
            yield index, doc
            doc.clear()  # its layout's memory goes now, not at the end of the export

    def _document(self, page: QSizeF, font: QFont, css: str, text: str) -> DossierDocument:
        doc = DossierDocument()
        placeholder = QImage(1, 1, QImage.Format.Format_ARGB32)
        placeholder.fill(Qt.GlobalColor.transparent)
        doc.allowed_images[TIMELINE_URL] = placeholder
        doc.setDefaultFont(font)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        doc.documentLayout().setPaintDevice(self._layout_device)
        doc.setPageSize(page)
        doc.setDefaultStyleSheet(css)
        doc.setHtml(text)
        doc.pageCount()  # lays it all out
        _keep_headings_with_text(doc, page.height())
        return doc

    def _footer(self, painter: QPainter, scale: float, page: QSizeF, index: int, total: int, font: QFont) -> None:
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.darkGray)
        box = QRectF(0, page.height() + 14, page.width(), 16)
        painter.drawLine(QPointF(0, page.height() + 10), QPointF(page.width(), page.height() + 10))
        metrics = QFontMetricsF(font, painter.device())
        title = metrics.elidedText(self.dossier.title, Qt.TextElideMode.ElideRight, page.width() * 0.7)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{index + 1} / {total}")
        painter.restore()


def _complete_pdf(path: str) -> bool:
    """Return whether *path* ends like a whole PDF (``%%EOF`` in its last bytes)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 1024))
            return size > 0 and b"%%EOF" in handle.read()
    except OSError:
        return False


def _disk_full(path: str) -> bool:
    try:
        stats = os.statvfs(os.path.dirname(path) or ".")
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def _image_rect(doc: QTextDocument, url: str) -> QRectF | None:
    """Return where the image *url* sits in the laid-out *doc* (document coordinates)."""
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == url:
                image = fmt.toImageFormat()
                layout = block.layout()
                offset = frag.position() - block.position()
                line = layout.lineForTextPosition(offset)
                x = line.cursorToX(offset)
                x = x[0] if isinstance(x, tuple) else x
                top = layout.position().y() + line.y() + line.ascent() - image.height()
                return QRectF(layout.position().x() + x, top, image.width(), image.height())
            it += 1
        block = block.next()
    return None


def _anchor_names(block: Any) -> list[str]:
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if fmt.isAnchor():
            names += fmt.anchorNames()
        it += 1
    return names


def _keep_headings_with_text(doc: QTextDocument, page_height: float) -> None:
    """No heading at the foot of a page: one cut by the page's end, or ending within
    :data:`KEEP_WITH_NEXT` of it, starts the next page (QTextDocument has no keep-with-next).

    Headings are the blocks whose state is :data:`~cgt_desktop.ui.pdf.html.HEADING_STATE`. Each
    move lays the rest of the part out again (~30 ms for a part of :data:`PART_CHARS`), so the
    parts are kept that small.
    """
    layout = doc.documentLayout()
    keep = page_height * KEEP_WITH_NEXT
    block = doc.begin()
    while block.isValid():
        if block.userState() == HEADING_STATE:
            rect = layout.blockBoundingRect(block)
            page = int((rect.top() + 1.0) // page_height)
            if rect.top() > page * page_height + 2.0 and rect.bottom() + keep > (page + 1) * page_height \
                    and QTextCursor(block).currentTable() is None:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)  # and Qt lays out what follows again
        block = block.next()


def _anchor_pages(doc: QTextDocument, page_height: float) -> dict[str, int]:
    """Return the page index of every named anchor in *doc*."""
    layout = doc.documentLayout()
    out: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        names = _anchor_names(block)
        if names:
            page = int((layout.blockBoundingRect(block).top() + 1.0) // page_height)
            for name in names:
                out.setdefault(name, page)
        block = block.next()
    return out


# -- pypdf: outline, metadata, searchable CJK -------------------------------------------------------
_RANGE = re.compile(rb"(<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)\[([^\]]*)\]")
_CHAR = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<([0-9A-Fa-f]+)>")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@lru_cache(maxsize=4)
def radical_table(family: str) -> dict[str, str]:
    """Return radical → ideograph for the radicals that *family* draws with an ideograph's glyph.

    Qt writes one code point per glyph into the PDF's text map, the lowest: the glyph of 长 is
    labelled ⻓ (U+2EE7), the glyph of 文 ⽂ (U+2F42). Copying or searching the PDF then fails.
    """
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    radicals = "".join(chr(c) for c in [*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)])
    ideographs = "".join(chr(c) for c in [*range(0x4E00, 0xA000), *range(0x3400, 0x4DC0)])
    by_glyph: dict[int, str] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs)):
        if glyph:
            by_glyph.setdefault(glyph, char)
    return {char: by_glyph[glyph] for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals))
            if glyph and glyph in by_glyph}


def _fix_codepoint(hex_text: bytes, table: dict[str, str]) -> bytes:
    """Map a radical, a ligature or a tab (written for a space glyph) to the characters people search."""
    try:
        text = bytes.fromhex(hex_text.decode()).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return hex_text
    if text == "\t":
        return b"0020"
    if len(text) == 1 and 0xFB00 <= ord(text) <= 0xFB06:  # fi, fl … ligatures: the letters
        return unicodedata.normalize("NFKC", text).encode("utf-16-be").hex().upper().encode()
    if len(text) == 1 and (0x2E80 <= ord(text) <= 0x2FDF or 0xF900 <= ord(text) <= 0xFAFF):
        normal = table.get(text) or unicodedata.normalize("NFKC", text)
        if len(normal) == 1 and normal != text:
            return normal.encode("utf-16-be").hex().upper().encode()
    return hex_text


def fix_to_unicode(cmap: bytes, table: dict[str, str]) -> bytes:
    """Rewrite the destination code points of a Qt ToUnicode CMap (see :func:`_fix_codepoint`)."""
    def fix_array(match: re.Match[bytes]) -> bytes:
        return match.group(1) + b"[" + _HEX.sub(lambda m: b"<" + _fix_codepoint(m.group(1), table) + b">",
                                               match.group(2)) + b"]"

    out = []
    for section in re.split(rb"(beginbf(?:range|char).*?endbf(?:range|char))", cmap, flags=re.S):
        if section.startswith(b"beginbfrange"):
            section = _RANGE.sub(fix_array, section)
        elif section.startswith(b"beginbfchar"):
            section = _CHAR.sub(lambda m: m.group(1) + b"<" + _fix_codepoint(m.group(2), table) + b">",
                                  section)
        out.append(section)
    return b"".join(out)


def _pdf_date(iso: str) -> str:
    digits = re.sub(r"\D", "", iso)[:14].ljust(14, "0")
    return f"D:{digits}+00'00'"


def _finish_pdf(source: str, target: str, dossier: Dossier, outline: list[tuple[int, str, int]],
                table: dict[str, str]) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            tu = font.get("/ToUnicode")
            if tu is None or id(tu.get_object()) in seen:
                continue
            stream = tu.get_object()
            seen.add(id(stream))
            stream.set_data(fix_to_unicode(stream.get_data(), table))
    parents: dict[int, object] = {}
    for level, title, page_index in outline:
        parent = parents.get(level - 1) if level else None
        item = writer.add_outline_item(title=title, page_number=min(page_index, len(writer.pages) - 1),
                                       parent=parent)
        parents[level] = item
    writer.page_mode = NameObject("/UseOutlines")
    writer.add_metadata({"/Title": dossier.title, "/Creator": "cgt-desktop", "/Producer": "cgt-desktop (Qt, pypdf)",
                         "/Subject": "Bilingual dossier (English / Chinese) · 双语资料汇编",
                         "/Keywords": "; ".join(p.name.text("both") for p in dossier.profiles[:40]),
                         "/CreationDate": _pdf_date(dossier.exported_at)})
    with open(target, "wb") as handle:
        writer.write(handle)


def export_pdf(dossier: Dossier, path: Path | str, page_size: str = "A4",
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None, pending: Path | None = None) -> ExportResult:
    """Write *dossier* to *path* as PDF, all at once (CLI and tests; dialogs use :class:`PdfRenderer`).

    Raises:
        ExportError: if the file cannot be written (nothing partial is left).
        ExportCancelled: if *cancelled* returned true.
    """
    renderer = PdfRenderer(dossier, path, page_size, pending)
    for done, total in renderer.steps():
        if progress:
            progress(done, total)
        if cancelled and cancelled():
            renderer.abort()
            raise ExportCancelled("the export was cancelled; nothing was written")
    return ExportResult(renderer.path, renderer.pages, time.perf_counter() - renderer.started, renderer.outline)
