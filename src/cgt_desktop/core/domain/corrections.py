"""What of a reference entry a user may correct, and how a correction is told apart from the reference.

A correction never changes the reference data: it is a user record beside it (``user.sqlite``, kind
``"correction"``) naming its *target*, the *field* it corrects and the user's *value*, with the value
the reference had when it was made (``reference_value``). Pages show the user's value with the
reference's beside it; when a rebuild or an upgrade changes the reference value, the correction is
kept and flagged (:attr:`Correction.stale`).

Three sorts:

- a field (:data:`FIELDS`): a name, a type, a description, an event's date, a figure's value as stated;
  cites at least one passage, as every fact does;
- ``"wrong"``: a relation the user says is wrong; says why (a note) or cites a passage;
- ``"mention"``: a link in one passage from a name to an entity that is not the one meant
  (``passage``); the reader stops linking it there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Field -> (label, kinds it applies to; empty: every kind but documents).
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name_en": ("English name", ()),
    "name_zh": ("Chinese name", ()),
    "subtype": ("Type", ("organization", "place", "policy", "technology")),
    "desc_en": ("English description", ()),
    "desc_zh": ("Chinese description", ()),
    "date": ("Date", ("event",)),
    "value_stated": ("Value as stated", ("figure",)),
}
WRONG = "wrong"
MENTION = "mention"


def correction_id(target: str, field: str, passage: str | None = None) -> str:
    """The id of the correction of *field* of *target* (in *passage*): the same for the same three."""
    import hashlib  # not on the app's start path (the catalog imports this module)

    digest = hashlib.sha1(f"{target}\n{field}\n{passage or ''}".encode()).hexdigest()[:12]
    return f"correction/~{digest}"


def fields_for(kind: str) -> list[str]:
    """The fields of an entry of *kind* that can be corrected, in the order a form shows them."""
    if kind == "document":
        return []
    return [name for name, (_label, kinds) in FIELDS.items() if not kinds or kind in kinds]


@dataclass(frozen=True)
class Correction:
    """One of the user's corrections, as a page shows it.

    ``reference_now`` is the reference's value today (``None``: the target or the value is gone);
    :attr:`stale` says it is not the value the user corrected.
    """

    item_id: str
    target: str
    field: str
    value: str | None
    reference_value: str | None
    reference_now: str | None
    note: str = ""
    sources: list[str] = field(default_factory=list)
    passage: str | None = None
    edited: str = ""
    target_exists: bool = True

    @property
    def stale(self) -> bool:
        """The reference changed since the correction was made (or no longer has what it corrected)."""
        if not self.target_exists:
            return True
        if self.field in (WRONG, MENTION):
            return False
        return (self.reference_now or "") != (self.reference_value or "")

    def as_dict(self) -> dict[str, object]:
        return {"id": self.item_id, "target": self.target, "field": self.field, "value": self.value,
                "reference_value": self.reference_value, "reference_now": self.reference_now,
                "stale": self.stale, "note": self.note, "sources": list(self.sources), "passage": self.passage,
                "edited": self.edited, "origin": "user"}
