"""Correcting an imported article's alignment: merge two pairs, split one, move a sentence, confirm a pair.

Each is one operation (undo restores the document as it was) and is saved at once. Passage ids stay
stable: a merge keeps the first pair's id and retires the second's, a split gives the new pair an id no
passage ever had (:func:`~cgt_desktop.core.domain.ids.next_sentence_id`; the document remembers the
ids it gave out), so a note or a highlight never moves to other text. The notes and highlights of a
retired pair move with its text to the merged pair (a highlight's characters shifted to where they
now are). A pair the user edited or confirmed gets confidence 1.0.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

from cgt_desktop.core.domain import ids
from cgt_desktop.core.ops.base import Changes, Operation
from cgt_desktop.core.ops.items import ItemError, compile_items
from cgt_desktop.core.text.segment import split_sentences
from cgt_desktop.core.userdata import items as user_items
from cgt_desktop.core.userdata.annotations import move_annotations
from cgt_desktop.core.userdata.userdb import UserStore

CONFIRMED = 1.0


def _pairs(lines: list[dict[str, Any]]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.get("type") == "sentence"]


def _find(lines: list[dict[str, Any]], passage_id: str) -> int:
    for i, line in enumerate(lines):
        if line.get("type") == "sentence" and line.get("id") == passage_id:
            return i
    raise ItemError(f"{passage_id} is not a pair of this document")


def _neighbour(lines: list[dict[str, Any]], index: int, step: int) -> int:
    """The pair before (*step* -1) or after (+1) the one at *index*, in the same paragraph."""
    paragraph = ids.paragraph_of(lines[index]["id"])
    pairs = _pairs(lines)
    at = pairs.index(index) + step
    if not 0 <= at < len(pairs) or ids.paragraph_of(lines[pairs[at]]["id"]) != paragraph:
        raise ItemError("there is no pair next to it in the same paragraph")
    return pairs[at]


def _joiner(lang: str) -> str:
    return "" if lang == "zh" else " "


def _trans_lang(record: dict[str, Any]) -> str:
    return "en" if record["lines"][0].get("lang") == "zh" else "zh"


def _edit(catalog: Any, user: UserStore, doc_id: str, label: str,
          change: Callable[[dict[str, Any]], list[tuple[str, str, int, int]]]) -> Operation:
    """An operation that applies *change* to a copy of the document's record.

    *change* edits the record in place and returns the annotation moves it implies
    (``(from passage, to passage, shift of the original's offsets, shift of the translation's)``).
    """
    item = user_items.get_item(user, doc_id)
    if item is None or item.kind != "document":
        raise ItemError(f"{doc_id} is not one of your imported documents (only those can be realigned)")
    before = item.record
    after = copy.deepcopy(before)
    moves = change(after)
    moved: list[Any] = []

    def save(record: dict[str, Any]) -> None:
        revision = user_items.revision(user)
        saved = user_items.save_item(user, doc_id, "document", record)
        compile_items(catalog, user, revision, [(doc_id, "document")], [saved])

    def apply() -> None:
        save(after)
        moved[:] = [move_annotations(user, a, b, orig_shift, trans_shift) for a, b, orig_shift, trans_shift in moves]

    def revert() -> None:
        for undo in reversed(moved):
            undo()
        save(before)

    return Operation(label, apply, revert, Changes(items=True, notes=bool(moves), highlights=bool(moves),
                                                   targets=frozenset([doc_id])))


def merge_with_next(catalog: Any, user: UserStore, doc_id: str, passage_id: str) -> Operation:
    """Join the pair *passage_id* and the next pair of its paragraph into one (the first one's id)."""
    def change(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
        lines = record["lines"]
        first = _find(lines, passage_id)
        second = _neighbour(lines, first, +1)
        a, b = lines[first], lines[second]
        joiner = _joiner(_trans_lang(record))
        orig_shift = len(a["orig"])
        trans_shift = len(a["trans"]) + (len(joiner) if a["trans"] and b["trans"] else 0)
        a["trans"] = joiner.join(t for t in (a["trans"], b["trans"]) if t)
        a["orig"] = a["orig"] + b["orig"]  # verbatim: the paragraph still joins to itself
        a["confidence"] = CONFIRMED
        _retire(record, b["id"])
        del lines[second]
        return [(b["id"], a["id"], orig_shift, trans_shift)]

    return _edit(catalog, user, doc_id, "Merge pairs", change)


def split_pair(catalog: Any, user: UserStore, doc_id: str, passage_id: str, orig_at: int,
               trans_at: int) -> Operation:
    """Split a pair: the original's characters from *orig_at* and the translation's from *trans_at* become
    a new pair right after it (either part may be empty on one side)."""
    def change(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
        lines = record["lines"]
        index = _find(lines, passage_id)
        pair = lines[index]
        if not (0 <= orig_at <= len(pair["orig"]) and 0 <= trans_at <= len(pair["trans"])):
            raise ItemError("the split points must be inside the pair")
        if (orig_at in (0, len(pair["orig"])) and trans_at in (0, len(pair["trans"]))
                and (orig_at, trans_at) in ((0, 0), (len(pair["orig"]), len(pair["trans"])))):
            raise ItemError("a split must leave text in both pairs")
        key = ids.document_key(doc_id)
        found = ids.parse_passage(pair["id"])
        assert found is not None
        taken = set(record["lines"][0].get("retired_ids") or ()) | {line.get("id") for line in lines}
        new_id = ids.next_sentence_id(key, found.paragraph, taken)
        head_trans, tail_trans = pair["trans"][:trans_at].rstrip(), pair["trans"][trans_at:].lstrip()
        new = {"type": "sentence", "id": new_id, "orig": pair["orig"][orig_at:], "trans": tail_trans,
               "confidence": CONFIRMED}
        pair["orig"], pair["trans"], pair["confidence"] = pair["orig"][:orig_at], head_trans, CONFIRMED
        lines.insert(index + 1, new)
        return []

    return _edit(catalog, user, doc_id, "Split pair", change)


def move_translation(catalog: Any, user: UserStore, doc_id: str, passage_id: str, direction: str) -> Operation:
    """Move one translation sentence to the neighbouring pair: ``"up"`` the pair's first sentence to the
    end of the pair before, ``"down"`` its last sentence to the start of the pair after."""
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be up or down, not {direction!r}")

    def change(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
        lines = record["lines"]
        index = _find(lines, passage_id)
        other = _neighbour(lines, index, -1 if direction == "up" else +1)
        lang = _trans_lang(record)
        joiner = _joiner(lang)
        parts = [s.strip() for s in split_sentences(lines[index]["trans"], lang) if s.strip()]
        if not parts:
            raise ItemError("this pair has no translation sentence to move")
        moving = parts.pop(0 if direction == "up" else -1)
        lines[index]["trans"] = joiner.join(parts)
        target = lines[other]["trans"]
        lines[other]["trans"] = joiner.join(t for t in ((target, moving) if direction == "up" else (moving, target))
                                            if t)
        lines[index]["confidence"] = lines[other]["confidence"] = CONFIRMED
        return []

    return _edit(catalog, user, doc_id, "Move translation sentence", change)


def confirm_pair(catalog: Any, user: UserStore, doc_id: str, passage_id: str) -> Operation:
    """Mark a pair as checked by the user (confidence 1.0)."""
    def change(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
        record["lines"][_find(record["lines"], passage_id)]["confidence"] = CONFIRMED
        return []

    return _edit(catalog, user, doc_id, "Confirm pair", change)


def _retire(record: dict[str, Any], passage_id: str) -> None:
    head = record["lines"][0]
    head["retired_ids"] = sorted(set(head.get("retired_ids") or ()) | {passage_id})


def set_translation(catalog: Any, user: UserStore, doc_id: str, passage_id: str, text: str) -> Operation:
    """Write (or replace) the translation of one pair yourself; it is labelled as yours, confidence 1.0."""
    def change(record: dict[str, Any]) -> list[tuple[str, str, int, int]]:
        lines = record["lines"]
        pair = lines[_find(lines, passage_id)]
        pair["trans"] = text.strip()
        pair["confidence"] = CONFIRMED
        head = lines[0]
        if "written by you" not in (head.get("translation_note") or ""):
            note = head.get("translation_note") or ""
            base = "" if note.startswith("No translation") else note + "; "
            head["translation_note"] = base + "some pairs' translation written by you"
        return []

    return _edit(catalog, user, doc_id, "Write translation", change)
