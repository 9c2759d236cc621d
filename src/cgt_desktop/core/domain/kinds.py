"""The browsable kinds, and the per-kind column and facet definitions.

Which SQL expression each list column and facet is, so sorting and filtering
happen in SQL. Display labels are the UI's business (they are translated there).
Kept apart from :mod:`cgt_desktop.core.domain.models`, whose page dataclasses the
app does not need before its first frame.
"""

from __future__ import annotations

from dataclasses import dataclass

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
              Column("date_raw", "ev.date"), Column("bound", "ev.bound"), _SOURCES],
    "policy": [*_NAME, Column("type", "e.subtype"), _SOURCES],
    "technology": [*_NAME, Column("type", "e.subtype"), _SOURCES],
    "figure": [*_NAME, Column("value_stated", "fi.value_stated"), Column("unit", "fi.unit"),
               Column("as_of", "fi.as_of"), _SOURCES],
    "document": [Column("date", "dd.date"), Column("approximate", "dd.approximate"), *_NAME, Column("lang", "dd.lang"),
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

#: The Chinese label of a facet whose value is an English name (the Chinese interface shows it).
FACET_LABELS_ZH: dict[str, str] = {"organization": "org_name_zh", "place": "place_name_zh"}


#: The ``vocabulary.json`` group that labels each kind's type (its ``subtype``) in both languages. A person's
#: type is a free word: one that ``person_types`` does not list is shown as written.
TYPE_VOCABULARY: dict[str, str] = {
    "person": "person_types", "organization": "organization_types", "place": "place_types",
    "policy": "policy_types", "technology": "technology_types", "event": "event_categories",
    "figure": "figure_units",
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


#: The entity kinds whose names the reader marks in texts (:mod:`cgt_desktop.core.text.mentions`).
MENTION_KINDS = ("person", "organization", "place", "policy", "technology")
