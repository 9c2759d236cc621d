"""The reference database schema: tables, indexes and the browsing views.

The reference database is derived data, rebuilt from ``db/`` as a whole, so
it has a version rather than migrations: a schema change bumps
:data:`SCHEMA_VERSION` (and :data:`cgt_desktop.core.catalog.freshness.BUILDER_VERSION`),
which forces a rebuild. The *user* database, which holds the user's work, does
have migrations (:mod:`cgt_desktop.core.userdata.userdb`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 11

USER_ROWID_BASE = 1 << 40
"""Row keys of the user's rows (imported documents, their own entries) start here in every table: where a
row comes from is in its key (:mod:`cgt_desktop.core.catalog.overlay` writes them; a reference build never
reaches it)."""

TABLES = """
CREATE TABLE build_info (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE vocabulary (grp TEXT, key TEXT, en TEXT, zh TEXT, inverse_en TEXT, inverse_zh TEXT,
    PRIMARY KEY (grp, key));
-- Every browsable thing: person, organization, place, policy, technology, event, figure, document.
CREATE TABLE entities (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL,
    name_en TEXT, name_zh TEXT, name_en_status TEXT, name_zh_status TEXT,
    subtype TEXT,           -- organization/place/policy/technology type, event category, figure unit, document language
    desc_en TEXT, desc_zh TEXT,
    sort_date TEXT,         -- first day the entity's date could be (events, figures, documents)
    year INTEGER,
    source_count INTEGER,
    org_id TEXT,            -- people: main organization (derived from relations)
    place_id TEXT,          -- organizations: where they are (derived from relations)
    -- Names of org_id and place_id, copied in at build time so that lists sort and filter by them
    -- from an index instead of a join (the reference data never changes between builds).
    org_name_en TEXT, org_name_zh TEXT, place_name_en TEXT, place_name_zh TEXT,
    file TEXT, line INTEGER, -- where in db/ the record lives
    mention TEXT            -- "cited": its names are marked in texts only in the passages it cites
);
CREATE TABLE aliases (entity_id TEXT NOT NULL, alias TEXT NOT NULL, type TEXT);
CREATE TABLE event_details (
    id TEXT PRIMARY KEY REFERENCES entities(id),
    category TEXT, date TEXT, "end" TEXT, precision TEXT, approximate INTEGER,
    date_stated TEXT, date_note TEXT,
    bound TEXT,             -- "before"/"after": the date is the latest/earliest it can be; NULL: neither
    span_start TEXT, span_end TEXT  -- the whole span the stated date could mean; NULL when undated
);
CREATE TABLE figure_details (
    id TEXT PRIMARY KEY REFERENCES entities(id),
    value REAL, unit TEXT, value_stated TEXT, qualifier TEXT, as_of TEXT, period TEXT,
    scope_en TEXT, scope_zh TEXT, subject TEXT
);
CREATE TABLE document_details (
    id TEXT PRIMARY KEY REFERENCES entities(id),
    key TEXT, lang TEXT, title_orig TEXT, outlet_en TEXT, outlet_zh TEXT,
    cite_en TEXT, cite_zh TEXT,  -- how readers see the source named (short), else the outlet
    date TEXT, precision TEXT, approximate INTEGER, date_stated TEXT, date_note TEXT,
    translator TEXT, translation_note TEXT, source_file TEXT,
    paragraph_count INTEGER, sentence_count INTEGER
);
CREATE TABLE paragraphs (
    id TEXT PRIMARY KEY, document_id TEXT REFERENCES entities(id), seq INTEGER,
    role TEXT, repeat_of TEXT, repeat_note TEXT
);
-- Aligned sentence units: the original and the project's translation.
CREATE TABLE passages (
    id TEXT PRIMARY KEY, document_id TEXT REFERENCES entities(id),
    paragraph_id TEXT REFERENCES paragraphs(id), seq INTEGER,
    orig TEXT, trans TEXT, lang TEXT, text_en TEXT, text_zh TEXT, role TEXT,
    trans_note_en TEXT, trans_note_zh TEXT,  -- the translator's note on this sentence ("[sic] the source repeats…")
    confidence REAL         -- an imported article's automatic alignment (0-1); NULL: aligned by the editors
);
CREATE TABLE relations (
    id TEXT PRIMARY KEY, subject TEXT, predicate TEXT, object TEXT,
    role_en TEXT, role_zh TEXT, start TEXT, "end" TEXT, note TEXT, file TEXT, line INTEGER
);
-- Which passages support which fact (entity, event, figure or relation id).
CREATE TABLE citations (fact_id TEXT NOT NULL, passage_id TEXT NOT NULL, seq INTEGER);
-- Rows per facet value of each list (the reference data never changes, so counted once at build time).
CREATE TABLE facet_counts (kind TEXT NOT NULL, facet TEXT NOT NULL, value, n INTEGER,
    PRIMARY KEY (kind, facet, value));
-- The Timeline tab's events as packed columns (core/timeline_columns.py), stored once per build.
CREATE TABLE timeline_cache (key TEXT PRIMARY KEY, n INTEGER, ids TEXT, category TEXT, precision TEXT,
    start BLOB, "end" BLOB, approximate BLOB);
-- The reader's mention matcher (catalog/mention_cache.py): its tables as JSON, made once per build and per
-- change to the user's entries.
CREATE TABLE mention_cache (key TEXT PRIMARY KEY, state TEXT);
-- The user's corrections of reference entries (compiled from user.sqlite by catalog/overlay.py; a build leaves
-- it empty): a field's value, a relation or a mention link marked wrong. The reference rows stay as they are.
CREATE TABLE corrections (item_id TEXT PRIMARY KEY, target TEXT NOT NULL, field TEXT NOT NULL, value TEXT,
    reference_value TEXT, passage TEXT, note TEXT, sources TEXT, edited TEXT);
CREATE INDEX corrections_target ON corrections(target, field);
"""

INDEXES = """
CREATE INDEX entities_kind_name_en ON entities(kind, name_en COLLATE NOCASE);
CREATE INDEX entities_kind_name_zh ON entities(kind, name_zh);
CREATE INDEX entities_kind_date ON entities(kind, sort_date);
CREATE INDEX entities_kind_subtype ON entities(kind, subtype);
CREATE INDEX entities_kind_year ON entities(kind, year);
-- One index per sortable list column: an unfiltered list of 100 000 rows is read in index order (no sort).
CREATE INDEX entities_kind_sources ON entities(kind, source_count);
CREATE INDEX entities_kind_org_en ON entities(kind, org_name_en COLLATE NOCASE);
CREATE INDEX entities_kind_org_zh ON entities(kind, org_name_zh);
CREATE INDEX entities_kind_place_en ON entities(kind, place_name_en COLLATE NOCASE);
CREATE INDEX entities_kind_place_zh ON entities(kind, place_name_zh);
CREATE INDEX entities_org ON entities(org_id);
CREATE INDEX aliases_entity ON aliases(entity_id);
CREATE INDEX event_span ON event_details(span_start, span_end);
CREATE INDEX paragraphs_doc ON paragraphs(document_id, seq);
CREATE INDEX passages_doc ON passages(document_id, seq);
CREATE INDEX passages_para ON passages(paragraph_id);
-- Covering for an entity page's pass over its relations (both directions, by predicate).
CREATE INDEX relations_subject ON relations(subject, predicate, object);
CREATE INDEX relations_object ON relations(object, predicate, subject);
CREATE INDEX citations_fact ON citations(fact_id, seq, passage_id);  -- covering: sources of a fact, in order
CREATE INDEX citations_passage ON citations(passage_id);
CREATE INDEX facet_counts_by_n ON facet_counts(kind, facet, n DESC, value);  -- a facet box's first values
-- Covering indexes: listing, sorting and filtering 100 000 rows reads these, never the wide rows.
CREATE INDEX entities_list ON entities(kind, name_en, name_zh, subtype, sort_date, year, source_count,
    org_name_en, org_name_zh, place_name_en, place_name_zh);
CREATE UNIQUE INDEX entities_names ON entities(id, kind, name_en, name_zh);
CREATE UNIQUE INDEX event_details_list ON event_details(id, category, span_start, span_end, precision, approximate,
    date, "end");
"""

_PLAIN_KINDS = {
    "people": "person", "organizations": "organization", "places": "place",
    "policies": "policy", "technologies": "technology",
}

#: One view per browser tab, named for people opening the file in Datasette.
VIEWS = [
    *(f"""CREATE VIEW {view} AS
        SELECT e.id, e.name_en, e.name_zh, e.name_zh_status, e.subtype AS type,
               o.name_en AS organization_en, o.name_zh AS organization_zh,
               p.name_en AS place_en, p.name_zh AS place_zh,
               e.source_count, e.desc_en, e.desc_zh
        FROM entities e
        LEFT JOIN entities o ON o.id = e.org_id
        LEFT JOIN entities p ON p.id = e.place_id
        WHERE e.kind = '{kind}'""" for view, kind in _PLAIN_KINDS.items()),
    """CREATE VIEW events AS
        SELECT e.id, e.name_en AS title_en, e.name_zh AS title_zh, d.category, d.date, d."end",
               d.precision, d.approximate, d.bound, d.date_stated, d.date_note, d.span_start, d.span_end,
               e.year, e.source_count, e.desc_en, e.desc_zh
        FROM entities e JOIN event_details d ON d.id = e.id""",
    """CREATE VIEW figures AS
        SELECT e.id, e.name_en AS label_en, e.name_zh AS label_zh, d.value, d.unit, d.value_stated,
               d.qualifier, d.as_of, d.period, d.scope_en, d.scope_zh, d.subject, e.year, e.source_count
        FROM entities e JOIN figure_details d ON d.id = e.id""",
    """CREATE VIEW documents AS
        SELECT e.id, e.name_en AS title_en, e.name_zh AS title_zh, d.lang, d.outlet_en, d.outlet_zh,
               d.date, d.precision, d.approximate, d.date_stated, d.date_note, d.sentence_count,
               d.translator, d.source_file
        FROM entities e JOIN document_details d ON d.id = e.id""",
    """CREATE VIEW facts_without_source AS
        SELECT e.id, e.kind FROM entities e
        WHERE e.kind != 'document' AND NOT EXISTS (SELECT 1 FROM citations c WHERE c.fact_id = e.id)""",
]


def create_tables(db: sqlite_utils.Database) -> None:
    """Create every table of the reference database (indexes and views come after the data)."""
    db.conn.executescript(TABLES)


def create_indexes(db: sqlite_utils.Database) -> None:
    """Create the indexes (after the bulk insert, which is faster)."""
    db.conn.executescript(INDEXES)


def key_origin(key: int) -> str:
    """Where the row with this key comes from: ``"user"`` (an item the user added) or ``"reference"``."""
    return "user" if key >= USER_ROWID_BASE else "reference"
