"""Operations that correct reference entries without touching them (:mod:`cgt_desktop.core.domain.corrections`).

A correction is one user item, held to the same rules as the user's own entries: a corrected value
cites at least one passage that exists and keeps the value it corrects; a relation marked wrong says
why (a note or a cited passage); a mention marked wrong names the passage. One correction per
target, field (and passage): correcting again replaces it, and undo brings the one before back.
Deleting one is :func:`cgt_desktop.core.ops.items.delete_item`.
"""

from __future__ import annotations

from typing import Any, Sequence

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.corrections import FIELDS, MENTION, WRONG, correction_id, fields_for
from cgt_desktop.core.domain.dates import DateError, event_span
from cgt_desktop.core.ops.base import Changes, Operation
from cgt_desktop.core.ops.items import ItemError, compile_items
from cgt_desktop.core.userdata import items as user_items
from cgt_desktop.core.userdata.userdb import UserStore


def _check(catalog: Any, target: str, field: str, value: str | None, sources: Sequence[str], note: str,
           passage: str | None) -> str | None:
    """Validate a correction; return the reference value it corrects."""
    if not isinstance(target, str) or not target:
        raise ItemError("a correction names the entry it corrects")
    if ids.is_user(target):
        raise ItemError(f"{target} is your own entry: change it instead of correcting it")
    if field not in (*FIELDS, WRONG, MENTION):
        raise ItemError(f"{field!r} cannot be corrected; one of {', '.join((*FIELDS, WRONG, MENTION))}")
    missing = [s for s in sources if s not in catalog.existing_ids([s])]
    if missing:
        raise ItemError(f"no passage has the id {missing[0]!r}; cite a sentence or paragraph of a document")
    exists, reference = catalog.reference_value(target, field)
    if not exists:
        what = "relation" if field == WRONG else "entry"
        raise ItemError(f"the reference data has no {what} {target!r}")
    if field == WRONG:
        if not note.strip() and not sources:
            raise ItemError("say why the relation is wrong: write a note or cite the passage that shows it")
        return reference
    if field == MENTION:
        if not passage or passage not in catalog.existing_ids([passage]):
            raise ItemError(f"no passage has the id {passage!r}; name the passage whose link is wrong")
        return None
    kind = catalog.names([target]).get(target, ("",))[0]
    if field not in fields_for(kind):
        raise ItemError(f"a {kind or 'entry'}'s {FIELDS[field][0].lower()} cannot be corrected")
    if not sources:
        raise ItemError("every fact cites at least one passage: give the passage that says your value")
    if not (value or "").strip():
        raise ItemError("give the corrected value (to say the reference is wrong without a value, write a note)")
    if field == "date":
        try:
            event_span(value.strip(), None)
        except DateError as exc:
            raise ItemError(f"{exc}; a date is YYYY, YYYY-MM or YYYY-MM-DD") from exc
    if (value or "").strip() == (reference or ""):
        raise ItemError("that is the reference value already: nothing to correct")
    return reference


def check(catalog: Any, target: str, field: str, value: str | None = None, sources: Sequence[str] = (),
          note: str = "", passage: str | None = None) -> None:
    """Raise :class:`ItemError` if the correction breaks a rule (what a dialog asks before it closes)."""
    _check(catalog, target, field, value, [s for s in sources if s], note, passage)


def save_correction(catalog: Any, user: UserStore, target: str, field: str, value: str | None = None, *,
                    sources: Sequence[str] = (), note: str = "", passage: str | None = None) -> Operation:
    """Correct *field* of the reference entry *target* (or mark a relation or a mention wrong).

    Raises:
        ItemError: the correction breaks a rule; nothing is saved.
    """
    sources = [s for s in dict.fromkeys(sources) if s]
    reference = _check(catalog, target, field, value, sources, note, passage)
    item_id = correction_id(target, field, passage if field == MENTION else None)
    record: dict[str, Any] = {"target": target, "field": field, "value": (value or "").strip() or None,
                              "reference_value": reference, "note": note.strip(), "sources": sources}
    if field == MENTION:
        record["passage"] = passage
    previous = user_items.get_item(user, item_id, deleted=True)

    def write(record_: dict[str, Any]) -> None:
        before = user_items.revision(user)
        saved = user_items.save_item(user, item_id, "correction", record_)
        compile_items(catalog, user, before, [(item_id, "correction")], [saved])

    def revert() -> None:
        if previous is None or previous.deleted:
            before = user_items.revision(user)
            user_items.set_deleted(user, item_id, True)
            compile_items(catalog, user, before, [(item_id, "correction")], [])
        else:
            write(previous.record)

    targets = frozenset([target, item_id, *([passage] if passage else [])])
    label = {WRONG: "Mark relation wrong", MENTION: "Mark link wrong"}.get(field, "Correct entry")
    return Operation(label, lambda: write(record), revert, Changes(items=True, targets=targets),
                     result=lambda: item_id)
