"""Plain data shapes shared by the store, the CLI, the UI and the export.

Also the per-kind column and facet definitions: which SQL expression each
list column and facet is, so sorting and filtering happen in SQL. Display
labels are the UI's business (they are translated there).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: The browsable kinds, in tab order.
KINDS = ("person", "organization", "place", "event", "policy", "technology", "figure", "document")


@dataclass(frozen=True)
class Column:
    """One list column: its key and the SQL expression behind it."""

    key: str
    sql: str


_NAME = [Column("name_en", "e.name_en COLLATE NOCASE"), Column("name_zh", "e.name_zh")]
_SOURCES = Column("source_count", "e.source_count")

KIND_COLUMNS: dict[str, list[Column]] = {
    "person": [*_NAME, Column("type", "e.subtype"), Column("organization_en", "e.org_name_en COLLATE NOCASE"),
               Column("organization_zh", "e.org_name_zh"), _SOURCES],
    "organization": [*_NAME, Column("type", "e.subtype"), Column("place_en", "e.place_name_en COLLATE NOCASE"),
                     Column("place_zh", "e.place_name_zh"), _SOURCES],
    "place": [*_NAME, Column("type", "e.subtype"), Column("place_en", "e.place_name_en COLLATE NOCASE"), _SOURCES],
    "event": [Column("date", "e.sort_date"), *_NAME, Column("category", "e.subtype"),
              Column("precision", "ev.precision"), Column("approximate", "ev.approximate"),
              Column("date_stated", "ev.date_stated"), Column("end", 'ev."end"'),
              Column("date_raw", "ev.date"), _SOURCES],
    "policy": [*_NAME, Column("type", "e.subtype"), _SOURCES],
    "technology": [*_NAME, Column("type", "e.subtype"), _SOURCES],
    "figure": [*_NAME, Column("value_stated", "fi.value_stated"), Column("unit", "fi.unit"),
               Column("as_of", "fi.as_of"), _SOURCES],
    "document": [Column("date", "dd.date"), *_NAME, Column("lang", "dd.lang"),
                 Column("outlet_en", "dd.outlet_en"), Column("outlet_zh", "dd.outlet_zh"),
                 Column("sentences", "dd.sentence_count")],
}

#: Facets offered per kind: key -> SQL expression.
FACETS: dict[str, dict[str, str]] = {
    "person": {"type": "e.subtype", "organization": "e.org_name_en"},
    "organization": {"type": "e.subtype", "place": "e.place_name_en"},
    "place": {"type": "e.subtype"},
    "event": {"type": "e.subtype", "year": "e.year"},  # an event's subtype is its category
    "policy": {"type": "e.subtype"},
    "technology": {"type": "e.subtype"},
    "figure": {"type": "e.subtype", "year": "e.year"},  # a figure's subtype is its unit
    "document": {"type": "e.subtype"},  # a document's subtype is its language
}


def column_sql(kind: str, key: str) -> str:
    """Return the SQL expression of column *key* of *kind* (the first column for an unknown key)."""
    for column in KIND_COLUMNS[kind]:
        if column.key == key:
            return column.sql
    return KIND_COLUMNS[kind][0].sql


def facet_sql(kind: str, facet: str) -> str:
    """Return the SQL expression of *facet* for *kind*.

    Raises:
        KeyError: if *kind* has no such facet.
    """
    return FACETS[kind][facet]


@dataclass(frozen=True)
class Citation:
    """A cited passage in both languages, with the document it comes from."""

    passage_id: str
    document_id: str
    paragraph_id: str
    orig: str
    trans: str
    lang: str
    document_title_en: str
    document_title_zh: str
    document_date: str | None
    document_precision: str | None

    @property
    def text_en(self) -> str:
        return self.orig if self.lang == "en" else self.trans

    @property
    def text_zh(self) -> str:
        return self.orig if self.lang == "zh" else self.trans


@dataclass(frozen=True)
class RelationView:
    """A relation as seen from one end: the label reads from that end."""

    id: str
    predicate: str
    inverse: bool
    label_en: str
    label_zh: str
    other_id: str
    other_kind: str
    other_name_en: str
    other_name_zh: str
    role_en: str
    role_zh: str
    start: str | None
    end: str | None
    note: str
    sources: list[str]


@dataclass(frozen=True)
class EventRow:
    """An event with its date as stated and the span it could cover."""

    id: str
    title_en: str
    title_zh: str
    category: str
    date: str | None
    end: str | None
    precision: str
    approximate: bool
    date_stated: str
    date_note: str
    span_start: str | None
    span_end: str | None
    sources: list[str] = field(default_factory=list)


@dataclass
class EntityHead:
    """The top of a detail page: names (with their status), type, descriptions and aliases."""

    id: str
    kind: str
    name_en: str
    name_zh: str
    name_en_status: str
    name_zh_status: str
    subtype: str
    subtype_en: str
    subtype_zh: str
    desc_en: str
    desc_zh: str
    aliases: list[dict[str, Any]]


@dataclass
class EntityDetail(EntityHead):
    """Everything a detail page shows."""

    relations: list[RelationView]
    events: list[EventRow]
    figures: list[dict[str, Any]]
    sources: list[Citation]
    details: dict[str, Any]
    file: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the shape of ``cgt-desktop show --json``)."""
        data = asdict(self)
        data["sources"] = [{"document_id": c.document_id, "passage_id": c.passage_id, "orig": c.orig,
                            "trans": c.trans, "lang": c.lang} for c in self.sources]
        return data


@dataclass(frozen=True)
class RelationGroup:
    """The relations of one predicate read in one direction, as a detail page groups them.

    Attributes:
        inverse: True when the entity is the object (the group reads backwards, e.g.
            "staff"). A symmetric predicate (same label both ways in both languages)
            keeps both directions in one group with ``inverse`` False.
        total: how many relations the group has in the database.
        relations: the first ones by the other end's name: all of them, or the first
            ``limit`` the store was asked for (``len(relations) < total`` then).
    """

    predicate: str
    inverse: bool
    label_en: str
    label_zh: str
    total: int
    relations: list[RelationView]

    @property
    def key(self) -> str:
        """A stable name for the group (``works_at/inverse``), used in "show all" links."""
        return f"{self.predicate}/{'inverse' if self.inverse else 'forward'}"

    @property
    def complete(self) -> bool:
        return len(self.relations) >= self.total


@dataclass
class EntityPage(EntityHead):
    """What a detail page shows at first: like :class:`EntityDetail`, with long lists cut.

    ``relation_groups``, ``events`` and ``figures`` hold at most the ``limit`` first rows
    the store was asked for; ``event_total`` / ``figure_total`` and each group's ``total``
    say how many there are, so the page can say "50 of 2 098" and offer the rest.
    Use :class:`EntityDetail` (``ReferenceStore.entity``) when you need everything.
    """

    relation_groups: list[RelationGroup]
    events: list[EventRow]
    event_total: int
    figures: list[dict[str, Any]]
    figure_total: int
    sources: list[Citation]
    details: dict[str, Any]
    file: str | None = None
    line: int | None = None
