"""Operations on the user's own items: create, change and delete, each compiled into the catalog at once.

An item is held to the reference corpus's rules before anything is written: it has a name, every fact
cites at least one passage that exists, a relation joins two items that exist, a date is one the
corpus format allows. Its id says it is the user's (:func:`cgt_desktop.core.domain.ids.user_slug`).
"""

from __future__ import annotations

import secrets
from typing import Any

from cgt_desktop.core.catalog import overlay
from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.dates import DateError, event_span
from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.core.ops.base import Changes, Operation
from cgt_desktop.core.userdata import items as user_items
from cgt_desktop.core.userdata.userdb import UserStore

#: The record fields that name an item of each kind (either language will do).
NAME_FIELDS = {"event": ("title_en", "title_zh"), "figure": ("label_en", "label_zh")}


class ItemError(ValueError):
    """The item breaks a rule of the corpus; the message says which, and nothing was saved."""


def _name(kind: str, record: dict[str, Any]) -> str:
    en, zh = NAME_FIELDS.get(kind, ("name_en", "name_zh"))
    return str(record.get(en) or record.get(zh) or "").strip()


def validate(catalog: Any, kind: str, record: dict[str, Any], item_id: str | None = None) -> None:
    """Check *record* as a user item of *kind* (*item_id*: the item it changes, if it exists).

    Raises:
        ItemError: what is wrong, in one sentence.
    """
    if kind not in (*KINDS, "relation") or kind == "document":
        raise ItemError(f"cannot add an item of kind {kind!r} here (documents are imported)")
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s for s in sources):
        raise ItemError("every fact cites at least one passage: give its passage id (e.g. 003_f3128c6eecc96df2#p04.s01)")
    missing = [s for s in sources if s not in catalog.existing_ids([s])]
    if missing:
        raise ItemError(f"no passage has the id {missing[0]!r}; cite a sentence or paragraph of a document")
    if kind == "relation":
        for end in ("subject", "object"):
            target = record.get(end)
            if not isinstance(target, str) or not catalog.exists(target):
                raise ItemError(f"the relation's {end} {target!r} is not an item of the corpus or yours")
        if not isinstance(record.get("predicate"), str) or not record["predicate"].strip():
            raise ItemError("a relation needs a predicate (what links the two, e.g. works_at)")
        return
    if not _name(kind, record):
        fields = " or ".join(NAME_FIELDS.get(kind, ("name_en", "name_zh")))
        raise ItemError(f"a {kind} needs a name: give {fields}")
    if kind not in ("event", "figure"):
        en, zh = NAME_FIELDS.get(kind, ("name_en", "name_zh"))
        same = [i for i in catalog.entities_named(kind, [record.get(en) or "", record.get(zh) or ""]) if i != item_id]
        if same:
            raise ItemError(f"{same[0]} already has this name: link to it instead of adding it again (or give the "
                            "name as the sources print it, if it is another {kind})".replace("{kind}", kind))
    if kind == "event":
        categories = catalog.vocabulary("event_categories")
        if record.get("category") not in categories:
            raise ItemError("an event needs a category (its lane on the timeline): one of "
                            + ", ".join(sorted(categories)))
    if kind == "event" and record.get("approximate") and not str(record.get("date_note") or "").strip():
        raise ItemError("an approximate date says why in a note (what the source says, and what you inferred)")
    if kind == "event" and record.get("end") and not record.get("date"):
        raise ItemError("a period needs its first date as well as its last")
    if kind == "figure" and not str(record.get("value_stated") or "").strip():
        raise ItemError("a figure gives its value as the source states it (value_stated)")
    for start, end in (("date", "end"), ("as_of", None)):
        if record.get(start) or (end and record.get(end)):
            try:
                event_span(record.get(start) or None, record.get(end) if end else None)
            except DateError as exc:
                raise ItemError(f"{exc}; a date is YYYY, YYYY-MM or YYYY-MM-DD") from exc


def new_id(kind: str, record: dict[str, Any]) -> str:
    """A fresh id for a user item: ``<kind>/~<readable>-<token>`` (a relation's id is derived from its ends)."""
    if kind == "relation":
        return ids.relation_id(record["subject"], record["predicate"], record["object"], record.get("role_en") or None)
    return f"{kind}/{ids.user_slug(_name(kind, record), secrets.token_hex(3))}"


def compile_items(catalog: Any, user: UserStore, before: str, removed: list[tuple[str, str]],
             added: list[user_items.UserItem]) -> None:
    overlay.apply(catalog.path, removed, added, before, user_items.revision(user), user_items.items(user))
    catalog.data_changed()


def save_item(catalog: Any, user: UserStore, kind: str, record: dict[str, Any],
              item_id: str | None = None) -> Operation:
    """Create an item (or, with *item_id*, change one of the user's); undo restores what was there.

    Raises:
        ItemError: the item breaks a rule; nothing is saved.
    """
    validate(catalog, kind, record, item_id)
    if item_id is not None and not (ids.is_user(item_id) or kind == "relation"):
        raise ItemError(f"{item_id} is a reference item: it cannot be changed, only yours can")
    item_id = item_id or new_id(kind, record)
    if item_id != (item_id.strip()) or (kind != "relation" and not ids.is_user(item_id)):
        raise ItemError(f"{item_id!r} is not an id of one of your items")
    record = dict(record) if kind == "relation" else dict(record, id=item_id)
    previous = user_items.get_item(user, item_id, deleted=True)
    if previous is None and catalog.exists(item_id):
        raise ItemError(f"{item_id} is in the reference data already")

    def write(kind_: str, record_: dict[str, Any]) -> None:
        before = user_items.revision(user)
        saved = user_items.save_item(user, item_id, kind_, record_)
        compile_items(catalog, user, before, [(item_id, (previous.kind if previous else kind_))], [saved])

    def revert() -> None:
        if previous is None or previous.deleted:
            before = user_items.revision(user)
            user_items.set_deleted(user, item_id, True)
            compile_items(catalog, user, before, [(item_id, kind)], [])
        else:
            write(previous.kind, previous.record)

    label = "Change item" if previous is not None and not previous.deleted else "Add item"
    return Operation(label, lambda: write(kind, record), revert,
                     Changes(items=True, targets=frozenset([item_id])), result=lambda: item_id)


def delete_item(catalog: Any, user: UserStore, item_id: str) -> Operation:
    """Delete one of the user's items (softly: undo brings it back).

    Raises:
        ItemError: there is no such item of the user's.
    """
    found = user_items.get_item(user, item_id)
    if found is None:
        raise ItemError(f"{item_id} is not one of your items")

    def mark(deleted: bool) -> None:
        before = user_items.revision(user)
        user_items.set_deleted(user, item_id, deleted)
        again = [] if deleted else [user_items.get_item(user, item_id)]
        compile_items(catalog, user, before, [(item_id, found.kind)], [i for i in again if i is not None])

    return Operation("Delete item", lambda: mark(True), lambda: mark(False),
                     Changes(items=True, targets=frozenset([item_id])))


def import_document(catalog: Any, user: UserStore, record: dict[str, Any]) -> Operation:
    """Save an imported article (a record made by :func:`cgt_desktop.core.imports.article.build_record`).

    Undo deletes it (softly: redo brings the same document back, with the same passage ids).

    Raises:
        ItemError: the record is malformed, or the same article was imported already.
    """
    from cgt_desktop.core.imports.article import check_record
    from cgt_desktop.core.imports.model import ImportProblem

    try:
        check_record(record)
    except ImportProblem as exc:
        raise ItemError(str(exc)) from exc
    doc_id = record["lines"][0]["id"]
    digest = record["lines"][0].get("content_hash")
    existing = user_items.get_item(user, doc_id, deleted=True)
    if existing is not None and not existing.deleted:
        raise ItemError(f"this article was imported already, as {doc_id}; delete that one first to import it again")
    for item in user_items.items(user, "document"):
        first = (item.record.get("lines") or [{}])[0]
        if digest and first.get("content_hash") == digest:
            raise ItemError(f"this article was imported already, as {item.item_id}")
    record = dict(record, id=doc_id)

    def write() -> None:
        before = user_items.revision(user)
        saved = user_items.save_item(user, doc_id, "document", record)
        compile_items(catalog, user, before, [(doc_id, "document")], [saved])

    def revert() -> None:
        before = user_items.revision(user)
        user_items.set_deleted(user, doc_id, True)
        compile_items(catalog, user, before, [(doc_id, "document")], [])

    return Operation("Import article", write, revert, Changes(items=True, targets=frozenset([doc_id])),
                     result=lambda: doc_id)


def keep_version(catalog: Any, user: UserStore, version_id: int) -> Operation:
    """Make a version set aside by an import the live one (the live one is kept instead; undo swaps back).

    Raises:
        ItemError: there is no such version.
    """
    found = [v for v in user_items.versions(user) if v.version_id == version_id]
    if not found:
        raise ItemError(f"there is no kept version {version_id}; see 'cgt-desktop entry versions'")
    item_id, kind = found[0].item_id, found[0].kind
    state = {"version": version_id}

    def swap() -> None:
        before = user_items.revision(user)
        state["version"] = user_items.swap_version(user, state["version"])
        live = user_items.get_item(user, item_id)
        compile_items(catalog, user, before, [(item_id, kind)], [live] if live else [])

    return Operation("Keep other version", swap, swap, Changes(items=True, targets=frozenset([item_id])),
                     result=lambda: item_id)
