"""Operations on annotations: notes, highlights, tags and stars (see :mod:`cgt_desktop.core.ops`).

Labels are plain English; the Qt layer translates them where it shows them.
"""

from __future__ import annotations

from typing import Any

from cgt_desktop.core.ops.base import Changes, Operation
from cgt_desktop.core.userdata import annotations as ann
from cgt_desktop.core.userdata import drafts
from cgt_desktop.core.userdata.userdb import UserStore

LABELS = ("Add note", "Edit note", "Delete note", "Tag '{0}'", "Untag '{0}'", "Star", "Unstar", "Highlight",
          "Delete highlight", "Recolour highlight", "Edit comment", "Discard draft")


def add_note(user: UserStore, target: str, body: str) -> Operation:
    """Add a note on *target*; undo deletes it, redo brings the same note back (same uid)."""
    made: dict[str, str] = {}

    def apply() -> None:
        if "uid" in made:
            user.restore_note(made["uid"])
        else:
            made["uid"] = user.add_note(target, body).uid

    return Operation("Add note", apply, lambda: user.delete_note(made["uid"]),
                     Changes(notes=True, targets=frozenset([target])), result=lambda: made.get("uid"))


def edit_note(user: UserStore, uid: str, body: str) -> Operation | None:
    """Change a note's text; ``None`` when there is no such note or nothing would change."""
    note = user.note(uid)
    if note is None or note.body == body:
        return None
    old = note.body
    return Operation("Edit note", lambda: user.edit_note(uid, body), lambda: user.edit_note(uid, old),
                     Changes(notes=True, targets=frozenset([note.target_id])))


def delete_note(user: UserStore, uid: str) -> Operation:
    """Delete a note (softly: undo restores it)."""
    note = user.note(uid)
    targets = frozenset([note.target_id]) if note else frozenset()
    return Operation("Delete note", lambda: user.delete_note(uid), lambda: user.restore_note(uid),
                     Changes(notes=True, targets=targets))


def tag_item(user: UserStore, target: str, name: str) -> Operation:
    return Operation(f"Tag '{name}'", lambda: user.tag_item(target, name), lambda: user.untag_item(target, name),
                     Changes(tags=True, targets=frozenset([target])))


def untag_item(user: UserStore, target: str, name: str) -> Operation:
    return Operation(f"Untag '{name}'", lambda: user.untag_item(target, name), lambda: user.tag_item(target, name),
                     Changes(tags=True, targets=frozenset([target])))


def star(user: UserStore, target: str, starred: bool) -> Operation:
    return Operation("Star" if starred else "Unstar", lambda: user.star(target, starred),
                     lambda: user.star(target, not starred), Changes(stars=True, targets=frozenset([target])))


def add_highlight(user: UserStore, catalog: Any, passage_id: str, side: str, start: int | None = None,
                  end: int | None = None, color: str = ann.DEFAULT_HIGHLIGHT_COLOR, comment: str = "") -> Operation:
    """Highlight a sentence, or the characters *start*–*end* of it, on one side; undo deletes it."""
    made: dict[str, str] = {}

    def apply() -> None:
        if "uid" in made:
            ann.restore_highlight(user, made["uid"])
        else:
            made["uid"] = ann.highlight_passage(user, catalog, passage_id, side, start, end, color=color,
                                                comment=comment).uid

    return Operation("Highlight", apply, lambda: ann.delete_highlight(user, made["uid"]),
                     Changes(highlights=True, targets=frozenset([passage_id])), result=lambda: made.get("uid"))


def delete_highlight(user: UserStore, uid: str) -> Operation:
    found = ann.get_highlight(user, uid)
    targets = frozenset([found.passage_id]) if found else frozenset()
    return Operation("Delete highlight", lambda: ann.delete_highlight(user, uid),
                     lambda: ann.restore_highlight(user, uid), Changes(highlights=True, targets=targets))


def edit_highlight(user: UserStore, uid: str, *, color: str | None = None,
                   comment: str | None = None) -> Operation | None:
    """Recolour a highlight or change its comment; ``None`` when nothing would change."""
    old = ann.get_highlight(user, uid)
    if old is None or ((color is None or color == old.color) and (comment is None or comment == old.comment)):
        return None
    label = "Recolour highlight" if color is not None and color != old.color else "Edit comment"
    return Operation(label, lambda: ann.edit_highlight(user, uid, color=color, comment=comment),
                     lambda: ann.edit_highlight(user, uid, color=old.color, comment=old.comment),
                     Changes(highlights=True, targets=frozenset([old.passage_id])))


def delete_annotation(user: UserStore, key: str) -> Operation | None:
    """Delete the note or highlight, or take off the tag, that a row of the Annotations tab shows."""
    a = ann.annotations_by_key(user, [key]).get(key)
    if a is None:
        return None
    if a.kind == "note":
        return delete_note(user, a.uid)
    if a.kind == "highlight":
        return delete_highlight(user, a.uid)
    if a.kind == "draft":
        return discard_draft(user, a.target_id)
    return untag_item(user, a.target_id, a.text)


def discard_draft(user: UserStore, target: str) -> Operation | None:
    """Throw away the unsaved note on *target*; undo puts it back. ``None`` when there is none."""
    found = drafts.get_draft(user, target)
    if found is None:
        return None
    return Operation("Discard draft", lambda: drafts.discard_draft(user, target),
                     lambda: drafts.restore_draft(user, found), Changes(notes=True, targets=frozenset([target])))


def tag_change(user: UserStore, change: str, name: str, other: Any = None) -> Operation:
    """Rename (*other*: the new name), merge (*other*: the tag merged into), recolour (*other*: the colour)
    or delete the tag *name*. These change many items at once and are applied once, not undone
    (as before): the operation's revert raises ``ValueError``.
    """
    actions = {"rename": lambda: user.rename_tag(name, other), "merge": lambda: user.merge_tags(name, other),
               "color": lambda: user.set_tag_color(name, other), "delete": lambda: user.delete_tag(name)}
    if change not in actions:
        raise ValueError(f"unknown tag change {change!r}")

    def revert() -> None:
        raise ValueError("a change to a tag itself cannot be undone")

    return Operation(f"Tag change '{name}'", actions[change], revert, Changes(tags=True))
