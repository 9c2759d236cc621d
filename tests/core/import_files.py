"""Test files for imports, written the way real programs write them (no binary fixtures in the repo)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def reference_pair(tmp: Path, key: str = "003_f3128c6eecc96df2") -> tuple[Path, Path, dict]:
    """The original and the translation of a reference article as two text files, and its document lines."""
    lines = [json.loads(line) for line in (ROOT / "db" / "documents" / f"{key}.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    lang = lines[0]["lang"]
    paragraphs: list[tuple[str, list[dict]]] = []
    for line in lines[1:]:
        if line["type"] == "paragraph":
            paragraphs.append((line.get("role", "body"), []))
        else:
            paragraphs[-1][1].append(line)
    join = "" if lang == "en" else " "
    body = [(role, s) for role, s in paragraphs if role != "boilerplate"]
    original = "\n\n".join("".join(x["orig"] for x in s).strip() for _, s in body)
    translation = "\n\n".join(join.join(x["trans"].strip() for x in s).strip() for _, s in body)
    a, b = tmp / f"{key}.{lang}.txt", tmp / f"{key}.translation.txt"
    a.write_text(original, encoding="utf-8")
    b.write_text(translation, encoding="utf-8")
    return a, b, {"lang": lang, "lines": lines}


def pdf(path: Path, pages: list[list[str]], encrypt: str | None = None) -> Path:
    """A PDF with a text layer (Helvetica, Latin text), one list of lines per page; no pages' lines: scanned."""
    objects: list[bytes] = []
    kids = []
    font = 3 + 2 * len(pages)
    for n, lines in enumerate(pages):
        stream = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(
            f"({line.replace('(', '[').replace(')', ']')}) '" for line in lines) + " ET" if lines else ""
        content = stream.encode("latin-1")
        page_no, content_no = 3 + 2 * n, 4 + 2 * n
        kids.append(page_no)
        objects.append((f"{page_no} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                        f"{content_no} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >> endobj\n").encode())
        objects.append(f"{content_no} 0 obj << /Length {len(content)} >> stream\n".encode() + content
                       + b"\nendstream endobj\n")
    head = [b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
            f"2 0 obj << /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >> endobj\n"
            .encode()]
    tail = [f"{font} 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n".encode()]
    body = head + objects + tail
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for obj in body:
        offsets.append(len(out))
        out += obj
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    if encrypt is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(path))
        writer.encrypt(encrypt)
        with path.open("wb") as handle:
            writer.write(handle)
    return path


def docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A DOCX with (style, text) paragraphs ("Title", "Heading1" or "" for body)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    def paragraph(style: str, text: str) -> str:
        props = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (props, safe)

    body = "".join(paragraph(style, text) for style, text in paragraphs)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"/>')
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
                         f"<w:body>{body}</w:body></w:document>")
    return path
