"""What reading a file gives, and how a read can fail."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportProblem(ValueError):
    """The file cannot be imported; the message says why and what to do. Nothing was saved."""


@dataclass
class Paragraph:
    text: str
    role: str = "body"


@dataclass
class Extracted:
    """What was read from one file."""

    paragraphs: list[Paragraph]
    kind: str                      # text, html, pdf, docx
    title: str = ""
    encoding: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader did that the user should know

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


class ImportCancelled(Exception):
    """The user cancelled the import; nothing was saved."""
