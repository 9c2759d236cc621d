"""Read an article from a file the user gives: plain text, an HTML page, a PDF with a text layer, DOCX.

Every reader returns :class:`Extracted`: the paragraphs as they will be kept (verbatim, apart from the
line breaks of a wrapped paragraph), each with its role (``title``, ``heading``, ``body``, or
``boilerplate`` for page furniture such as menus and footers, which is kept and marked, as in the
reference corpus). A file that cannot be read raises :class:`ImportProblem` with one sentence saying
what happened and what to do; nothing is written anywhere by this module.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree

from cgt_desktop.core.imports.model import Extracted, ImportCancelled, ImportProblem, Paragraph
from cgt_desktop.core.text.segment import join_lines, paragraphs_of

#: The largest file read (a 200-page PDF is a few MB; a bigger file is rarely one article).
MAX_BYTES = 40 * 1024 * 1024
#: The most text kept from one file (about 300 pages).
MAX_CHARS = 1_500_000

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml")


def _check_size(path: Path) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportProblem(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    if not path.is_file():
        raise ImportProblem(f"{path.name} is not a file")
    if size == 0:
        raise ImportProblem(f"{path.name} is empty: there is nothing to import")
    if size > MAX_BYTES:
        raise ImportProblem(f"{path.name} is {size / 1024 / 1024:.0f} MB, more than the {MAX_BYTES // 1024 // 1024} MB "
                            "an article may be; split it into its articles and import them one by one")
    return size


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff")) or sample[1:2] == b"\x00"):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode *data* (UTF-8 with or without BOM, UTF-16, GB18030/GBK, Big5, …); ``(text, encoding)``."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ImportProblem(f"{name} says it is {codec.upper()} but is damaged ({exc.reason} at byte "
                                    f"{exc.start}); save it again as UTF-8 and import that") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise ImportProblem(f"{name} is not a text file (it looks like binary data); import a .txt, .html, .pdf "
                            "or .docx file")
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "latin_1", "shift_jis",
                                          "euc_kr"]).best()
    if best is None:
        raise ImportProblem(f"cannot tell which encoding {name} is in; save it as UTF-8 and import it again")
    encoding = best.encoding
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"  # their superset: a rarer character never fails
    try:
        text = data.decode(encoding, errors="strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportProblem(f"cannot read {name} as {encoding} ({exc}); save it as UTF-8 and import it again") from exc
    return text, encoding


def _plain(path: Path, data: bytes) -> Extracted:
    if _looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(f"{path.name} is not a text file (it looks like binary data); import a .txt, .html, "
                            ".pdf or .docx file")
    text, encoding = decode(data, path.name)
    return Extracted([Paragraph(p) for p in paragraphs_of(text)], "text", encoding=encoding)


def _html(path: Path, data: bytes) -> Extracted:
    from cgt_desktop.core.imports.html import extract_html

    text, encoding = decode(data, path.name)
    title, paragraphs = extract_html(text)
    return Extracted(paragraphs, "html", title=title, encoding=encoding)


def _pdf(path: Path, data: bytes, progress: Callable[[int, int], bool] | None) -> Extracted:
    import io

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # a dependency: always there when installed as the README says
        raise ImportProblem(f"PDF import needs pypdf ({exc})") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportProblem(f"{path.name} is an encrypted PDF; open it, save an unprotected copy and import that")
        pages = reader.pages
        lines: list[str] = []
        for number, page in enumerate(pages, start=1):
            if progress is not None and not progress(number, len(pages)):
                raise ImportCancelled()
            lines += (page.extract_text() or "").splitlines()
            lines.append("")  # a page ends a paragraph only if the text says so (see _pdf_paragraphs)
    except ImportProblem:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportProblem(f"{path.name} is not a readable PDF ({exc}); if it opens elsewhere, export it as "
                            "text and import that") from exc
    paragraphs = _pdf_paragraphs(lines)
    if not paragraphs:
        raise ImportProblem(f"{path.name} has no text layer (a scanned PDF); run OCR on it first, or import "
                            "the article's text")
    return Extracted([Paragraph(p) for p in paragraphs], "pdf")


_TERMINAL = re.compile(r"[。！？!?.:：”\"')）]$")


def _pdf_paragraphs(lines: list[str]) -> list[str]:
    """Join a PDF's lines into paragraphs: a line that ends a sentence and is shorter than the page's
    usual line ends its paragraph; so does an empty line (other than a page break inside a sentence)."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    if not widths:
        return []
    usual = widths[int(len(widths) * 0.8)]
    blocks: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip()
        current = blocks[-1]
        if not line:
            if current and _TERMINAL.search(current[-1]):
                blocks.append([])
            continue
        current.append(line)
        if _TERMINAL.search(line) and len(line) < usual * 0.85:
            blocks.append([])
    return [text for text in (join_lines(block) for block in blocks) if text]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(path: Path, data: bytes) -> Extracted:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ImportProblem(f"{path.name} is not a readable DOCX file (encrypted, damaged or another format); "
                            "save it again from your word processor") from exc
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise ImportProblem(f"{path.name} is a damaged DOCX file ({exc})") from exc
    paragraphs: list[Paragraph] = []
    for p in root.iter(f"{_W}p"):
        parts: list[str] = []
        for node in p.iter():
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        text = "".join(parts)
        style = p.find(f"{_W}pPr/{_W}pStyle")
        name = (style.get(f"{_W}val") or "").casefold() if style is not None else ""
        role = "title" if name == "title" else "heading" if name.startswith(("heading", "subtitle")) else "body"
        for block in paragraphs_of(text):
            paragraphs.append(Paragraph(block, role))
    return Extracted(paragraphs, "docx")


def extract(path: Path, progress: Callable[[int, int], bool] | None = None) -> Extracted:
    """Read *path* by its kind (from its first bytes, then its name).

    *progress(done, total)* is called for long files (a PDF's pages); returning False cancels.

    Raises:
        ImportProblem: the file cannot be imported (the message says why and what to do).
        ImportCancelled: *progress* returned False.
    """
    path = Path(path)
    _check_size(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    suffix = path.suffix.casefold()
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF"):
        found = _pdf(path, data, progress)
    elif data.startswith(b"PK\x03\x04") and (suffix == ".docx" or b"word/" in data[:4096]):
        found = _docx(path, data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportProblem(f"{path.name} is an old Word (.doc) or encrypted Office file; save it as .docx "
                            "(without a password) and import that")
    elif suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        found = _html(path, data)
    else:
        found = _plain(path, data)
    found.paragraphs = [p for p in found.paragraphs if p.text.strip()]
    if not found.paragraphs:
        raise ImportProblem(f"{path.name} has no text to import")
    total = sum(len(p.text) for p in found.paragraphs)
    if total > MAX_CHARS:
        raise ImportProblem(f"{path.name} holds {total:,} characters, more than one article ({MAX_CHARS:,}); "
                            "split it into its articles and import them one by one")
    return found
