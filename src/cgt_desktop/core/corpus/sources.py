"""Read the corpus sources in ``db/`` into plain records, remembering file and line.

Every record is a ``dict`` with two extra keys, ``_file`` (path relative to the
corpus root) and ``_line`` (1-based), so that every problem can be reported
where an editor can fix it. Reading never raises for bad content: undecodable
bytes, broken JSON or a record of the wrong shape become :class:`Problem` s and
the rest of the corpus is still read. See ``db/README.md`` for the format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from cgt_desktop.core.domain import ids
from cgt_desktop.core.corpus.layout import (
    DOCUMENTS_DIR, ENTITY_FILES, EVENTS_FILE, FIGURES_FILE, RELATIONS_DIR, SEEDS_DIR, VOCABULARY_FILE, source_files,
    visible as _visible,
)

__all__ = ["DOCUMENTS_DIR", "ENTITY_FILES", "EVENTS_FILE", "FIGURES_FILE", "RELATIONS_DIR", "SEEDS_DIR",
           "VOCABULARY_FILE", "Corpus", "Problem", "load_corpus", "read_jsonl", "relation_id", "source_files"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the sources, at a file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Document:
    """A source document: its metadata record, paragraphs and sentences in order."""

    meta: dict[str, Any]
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def key(self) -> str:
        return ids.document_key(self.id)


@dataclass
class Corpus:
    """All records read from one corpus directory."""

    root: Path
    vocabulary: dict[str, Any] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def passages(self) -> Iterator[dict[str, Any]]:
        """Yield every paragraph and sentence record (the citable passages)."""
        for doc in self.documents:
            yield from doc.paragraphs
            yield from doc.sentences


def read_jsonl(root: Path, relative: str, problems: list[Problem]) -> list[dict[str, Any]]:
    """Read one JSON Lines file; bad lines become problems, good ones records."""
    path = root / relative
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(relative, 0, f"cannot read file: {exc.strerror or exc}"))
        return []
    records: list[dict[str, Any]] = []
    for number, line_bytes in enumerate(raw.splitlines(), start=1):
        try:
            line = line_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(relative, number, f"not UTF-8 text ({exc.reason} at byte {exc.start})"))
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            record = json.loads(stripped)
        except json.JSONDecodeError as exc:
            problems.append(Problem(relative, number, f"invalid JSON: {exc.msg} (column {exc.colno})"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(relative, number, "a record must be a JSON object"))
            continue
        record["_file"] = relative
        record["_line"] = number
        records.append(record)
    return records


def _read_vocabulary(root: Path, problems: list[Problem]) -> dict[str, Any]:
    try:
        data = json.loads((root / VOCABULARY_FILE).read_text(encoding="utf-8"))
    except OSError as exc:
        problems.append(Problem(VOCABULARY_FILE, 0, f"cannot read file: {exc.strerror or exc}"))
        return {}
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        problems.append(Problem(VOCABULARY_FILE, line, f"invalid vocabulary: {exc}"))
        return {}
    return data if isinstance(data, dict) else {}


def _read_document(root: Path, relative: str, problems: list[Problem]) -> Document | None:
    return document_from_records(read_jsonl(root, relative, problems), relative, problems)


def document_from_records(records: list[dict[str, Any]], relative: str, problems: list[Problem]) -> Document | None:
    """Assemble a document from its records as a ``db/documents`` file holds them (each with ``_line``).

    *relative* names where they came from in the problems; ``None`` when there is no document record first.
    """
    if not records:
        problems.append(Problem(relative, 1, "empty document file"))
        return None
    head = records[0]
    if head.get("type") != "document":
        problems.append(Problem(relative, head["_line"], "the first record must have \"type\": \"document\""))
        return None
    doc = Document(meta=head)
    current: dict[str, Any] | None = None
    for record in records[1:]:
        kind = record.get("type")
        if kind == "paragraph":
            current = record
            record["document_id"] = doc.id
            record["seq"] = len(doc.paragraphs) + 1
            doc.paragraphs.append(record)
        elif kind == "sentence":
            if current is None:
                problems.append(Problem(relative, record["_line"], "sentence before any paragraph"))
                continue
            record["document_id"] = doc.id
            record["paragraph_id"] = current.get("id")
            record["seq"] = len(doc.sentences) + 1
            doc.sentences.append(record)
        else:
            problems.append(Problem(relative, record["_line"], f"unknown record type {kind!r}"))
    return doc


def load_corpus(root: Path) -> Corpus:
    """Read every source file under *root*; problems are collected, never raised."""
    root = Path(root)
    corpus = Corpus(root=root)
    problems = corpus.problems
    corpus.vocabulary = _read_vocabulary(root, problems)
    for path in _visible((root / DOCUMENTS_DIR).glob("*.jsonl")):
        doc = _read_document(root, path.relative_to(root).as_posix(), problems)
        if doc is not None:
            corpus.documents.append(doc)
    for kind, relative in ENTITY_FILES.items():
        if (root / relative).exists():
            for record in read_jsonl(root, relative, problems):
                record["kind"] = kind
                corpus.entities.append(record)
    for relative, target in ((EVENTS_FILE, corpus.events), (FIGURES_FILE, corpus.figures)):
        if (root / relative).exists():
            target.extend(read_jsonl(root, relative, problems))
    for path in _visible((root / RELATIONS_DIR).glob("*.jsonl")):
        corpus.relations.extend(read_jsonl(root, path.relative_to(root).as_posix(), problems))
    return corpus


def seed_paragraphs(text: str) -> list[str]:
    """Split a seed article into its paragraphs: the non-empty lines, surrounding white space dropped,
    everything inside kept verbatim (the editors' tool and ``cgt-desktop check`` share this rule)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def relation_id(record: dict[str, Any]) -> str:
    """Return the derived id of a relation record: ``subject>predicate>object[#role]``."""
    return ids.relation_id(f"{record.get('subject')}", f"{record.get('predicate')}", f"{record.get('object')}",
                           record.get("role_en") or None)
