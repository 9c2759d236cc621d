"""Plain data shapes shared by the store, the CLI, the UI and the export (entity pages, citations, events).

The kinds and their list columns and facets are in :mod:`cgt_desktop.core.domain.kinds`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

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
    outlet_en: str = ""  # how readers see the source named: the short citation name, else the outlet
    outlet_zh: str = ""
    document_approximate: bool = False
    document_date_stated: str = ""
    trans_notes: tuple[tuple[str, str], ...] = ()  # the translator's notes (en, zh) on its sentences

    def label(self, lang: str = "en", sentence: bool = False) -> str:
        """Where the passage comes from, as readers cite it: ``China News Online, c. 15 Nov 2021, ¶7``.

        The outlet (else the document's title), its date ("undated" when none is stated) and the
        paragraph's number (with *sentence*, down to the sentence: "¶7, sentence 1"); ids stay in
        ``--json`` and the "Copy id" action.
        """
        from cgt_desktop.core.domain import dates, ids
        from cgt_desktop.core.domain.wording import source_label

        zh = lang == "zh"
        outlet = (self.outlet_zh or self.outlet_en) if zh else (self.outlet_en or self.outlet_zh)
        title = (self.document_title_zh or self.document_title_en) if zh else (
            self.document_title_en or self.document_title_zh)
        number = ids.paragraph_number(self.passage_id)
        if sentence and ids.parse_passage(self.passage_id) is not None:
            where = ids.local_label(self.passage_id, lang)
        else:
            where = ids.place_words(number, None, lang) if number else ""
        label = source_label(outlet, title, dates.document_when(self.document_date, self.document_approximate, lang,
                                                                self.document_date_stated),
                             lang)
        return ("，" if zh else ", ").join(x for x in (label, where) if x)

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
    bound: str | None = None  # "before"/"after": the date is the latest/earliest it can be

    def when(self, lang: str = "en") -> str:
        """The date as people read it: ``15 Nov 2021``, ``c. 2022``, ``2018 or earlier``, ``date unknown``."""
        from cgt_desktop.core.domain import dates

        try:
            return dates.display(self.date, self.end, self.approximate, lang, self.bound)
        except dates.DateError:
            return self.date_stated or (self.date or "")


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
    corrections: list[Any] = field(default_factory=list)  # the user's (core.domain.corrections.Correction)

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
    Use :class:`EntityDetail` (``Catalog.entity``) when you need everything.
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
    corrections: list[Any] = field(default_factory=list)  # the user's (core.domain.corrections.Correction)
