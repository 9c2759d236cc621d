"""The user's annotations: notes, highlights, tags and stars, their search, anchors and files.

Everything lives in the user database (:class:`~cgt_desktop.core.userdata.userdb.UserStore`);
every function here commits its change at once, in one short transaction.
Items are referenced by their stable ids (``person/qian-qijun``, ``document/…``,
passage ids such as ``003_f3128c6eecc96df2#p04.s01``), never by row numbers of
the reference database, so rebuilding the reference data keeps every annotation.
:func:`check_anchors` then flags (never deletes) annotations whose item vanished
or whose highlighted text changed.

Highlights cover a sentence or a character range of one side (the original or
the translation) of an aligned sentence. One passage id covers both sides, so a
highlight is *mirrored* on the counterpart: there it covers the whole
counterpart sentence, because a character range cannot be mapped from one
language to the other.

Export and import of annotation files: :mod:`cgt_desktop.core.userdata.annotations_io`.
Nothing here imports Qt.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from cgt_desktop.core.domain import ids
from cgt_desktop.core.text.textindex import fold, index_tokens, parse_query, unigram_tokens
from cgt_desktop.core.userdata.userdb import UserStore, timestamp, clean_color

__all__ = [
    "ANCHORS_CHECKED", "HIGHLIGHT_COLORS", "KINDS", "SIDES", "Annotation", "AnnotationFilter", "Highlight",
    "HighlightSpan", "Orphan", "add_highlight", "annotation_keys", "annotations_by_key", "check_anchors",
    "check_anchors_if_changed", "delete_highlight", "edit_highlight", "entity_kind",
    "get_highlight", "highlight_passage", "highlights_for_document",
    "highlights_for_passage", "list_annotations",
    "restore_highlight", "sync_index",
]

KINDS = ("note", "highlight", "tag")
SIDES = ("orig", "trans")
#: The highlight palette offered by the UI (any ``#rrggbb`` is accepted).
HIGHLIGHT_COLORS = {"yellow": "#ffe066", "green": "#8ce99a", "blue": "#74c0fc", "pink": "#faa2c1",
                    "orange": "#ffc078"}
DEFAULT_HIGHLIGHT_COLOR = HIGHLIGHT_COLORS["yellow"]



# -- highlights ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Highlight:
    """A highlight on one side of an aligned sentence.

    Attributes:
        start: First character of the range on ``side`` (in the passage's
            ``orig``/``trans`` text as stored in the reference database), or
            ``None`` when the whole sentence is highlighted.
        end: One past the last character, or ``None``.
        quote: The highlighted text when the highlight was made (the anchor
            that :func:`check_anchors` verifies).
        orphan: Why the anchor no longer resolves, or ``None``.
    """

    uid: str
    passage_id: str
    side: str
    start: int | None
    end: int | None
    color: str
    comment: str
    quote: str
    created: str
    edited: str
    orphan: str | None = None

    @property
    def counterpart_side(self) -> str:
        return "trans" if self.side == "orig" else "orig"


@dataclass(frozen=True)
class HighlightSpan:
    """Where to paint a highlight on one side of a sentence.

    ``start``/``end`` are ``None`` for the whole sentence; ``mirrored`` is true
    on the counterpart side, which always gets the whole sentence (a character
    range cannot be carried across languages).
    """

    highlight: Highlight
    side: str
    start: int | None
    end: int | None
    mirrored: bool


_HL_COLUMNS = "uid, passage_id, side, range_start, range_end, color, comment, quote, created, edited, orphan"


def _check_side(side: str) -> str:
    if side not in SIDES:
        raise ValueError(f"side must be 'orig' or 'trans', not {side!r}")
    return side


def add_highlight(user: UserStore, passage_id: str, side: str, quote: str, start: int | None = None,
                  end: int | None = None, color: str = DEFAULT_HIGHLIGHT_COLOR, comment: str = "",
                  uid: str | None = None) -> Highlight:
    """Highlight a sentence, or a character range of it, on one side.

    Args:
        user: The user database.
        passage_id: The sentence id (the same id covers original and translation).
        side: ``"orig"`` or ``"trans"``: which text the range is on.
        quote: The highlighted text (the whole side's text without a range).
        start: First character of the range, or ``None`` for the whole sentence.
        end: One past the last character (with ``start``).
        color: ``#rrggbb``.
        comment: Optional comment.
        uid: Keep this uid (import, redo); a new one by default.

    Raises:
        ValueError: for a bad side, colour or range.
    """
    _check_side(side)
    if (start is None) != (end is None):
        raise ValueError("give both start and end, or neither for the whole sentence")
    if start is not None and end is not None:
        if not 0 <= start < end or end - start != len(quote):
            raise ValueError(f"bad range {start}–{end} for a quote of {len(quote)} characters")
    now = timestamp()
    uid = uid or uuid.uuid4().hex
    color = clean_color(color) or DEFAULT_HIGHLIGHT_COLOR
    with user.transaction() as conn:
        conn.execute("INSERT INTO highlights(uid, passage_id, side, range_start, range_end, color, comment, "
                     "quote, created, edited) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     [uid, passage_id, side, start, end, color, comment, quote, now, now])
    return Highlight(uid, passage_id, side, start, end, color, comment, quote, now, now)


def highlight_passage(user: UserStore, reference: Any, passage_id: str, side: str, start: int | None = None,
                      end: int | None = None, color: str = DEFAULT_HIGHLIGHT_COLOR, comment: str = "") -> Highlight:
    """Like :func:`add_highlight`, taking the quote from the reference database.

    Raises:
        KeyError: if the reference database has no such sentence.
        ValueError: if the range is outside the sentence.
    """
    side = _check_side(side)
    pair = reference.passage_texts([passage_id]).get(passage_id)
    if pair is None:
        raise KeyError(passage_id)
    text = pair[0 if side == "orig" else 1]
    if start is None:
        return add_highlight(user, passage_id, side, text, None, None, color, comment)
    if end is None or not 0 <= start < end <= len(text):
        raise ValueError(f"range {start}–{end} is outside the sentence ({len(text)} characters)")
    return add_highlight(user, passage_id, side, text[start:end], start, end, color, comment)


def get_highlight(user: UserStore, uid: str) -> Highlight | None:
    """Return the highlight with this uid, or ``None`` if there is none or it is deleted."""
    row = user.conn.execute(f"SELECT {_HL_COLUMNS} FROM highlights WHERE uid = ? AND deleted = 0", [uid]).fetchone()
    return Highlight(*row) if row else None


def edit_highlight(user: UserStore, uid: str, *, color: str | None = None, comment: str | None = None) -> Highlight:
    """Change a highlight's colour and/or comment.

    Raises:
        KeyError: if there is no such highlight.
    """
    with user.transaction() as conn:
        row = conn.execute("SELECT color, comment FROM highlights WHERE uid = ? AND deleted = 0", [uid]).fetchone()
        if row is None:
            raise KeyError(uid)
        new_color = clean_color(color) if color is not None else row[0]
        conn.execute("UPDATE highlights SET color = ?, comment = ?, edited = ? WHERE uid = ?",
                     [new_color, row[1] if comment is None else comment, timestamp(), uid])
    found = get_highlight(user, uid)
    assert found is not None
    return found


def delete_highlight(user: UserStore, uid: str) -> None:
    """Soft-delete a highlight (restorable with :func:`restore_highlight`)."""
    user._set_deleted("highlights", uid, True)


def restore_highlight(user: UserStore, uid: str) -> None:
    user._set_deleted("highlights", uid, False)


def _spans(highlights: list[Highlight], side: str | None) -> list[HighlightSpan]:
    out = []
    for h in highlights:
        for s in (SIDES if side is None else (_check_side(side),)):
            own = s == h.side
            out.append(HighlightSpan(h, s, h.start if own else None, h.end if own else None, not own))
    return out


def highlights_for_passage(user: UserStore, passage_id: str, side: str | None = None) -> list[HighlightSpan]:
    """Return where to paint the highlights of one sentence.

    Args:
        user: The user database.
        passage_id: The sentence id.
        side: ``"orig"`` or ``"trans"`` for one side; ``None`` for both.

    Returns:
        One span per highlight and side, oldest highlight first: the stored
        range on the highlighted side, the whole sentence (``mirrored``) on
        the counterpart.
    """
    rows = user.conn.execute(f"SELECT {_HL_COLUMNS} FROM highlights WHERE passage_id = ? AND deleted = 0 "
                             "ORDER BY created, id", [passage_id]).fetchall()
    return _spans([Highlight(*r) for r in rows], side)


def highlights_on_passages(user: UserStore, passage_ids: Iterable[str]) -> list[Highlight]:
    """Return the live highlights of the passages, passage by passage in the given order, oldest first."""
    out: list[Highlight] = []
    for pid in dict.fromkeys(passage_ids):
        out += [Highlight(*r) for r in user.conn.execute(
            f"SELECT {_HL_COLUMNS} FROM highlights WHERE passage_id = ? AND deleted = 0 ORDER BY created, id", [pid])]
    return out


def highlights_for_document(user: UserStore, document_id: str, side: str | None = None) -> list[HighlightSpan]:
    """Return the spans of every highlight in a document (``document/<key>`` or ``<key>``)."""
    key = ids.document_key(document_id)
    like = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "#%"
    rows = user.conn.execute(f"SELECT {_HL_COLUMNS} FROM highlights WHERE passage_id LIKE ? ESCAPE '\\' "
                             "AND deleted = 0 ORDER BY passage_id, created, id", [like]).fetchall()
    return _spans([Highlight(*r) for r in rows], side)


# -- the annotation list and its search --------------------------------------------------------

def entity_kind(target_id: str) -> str:
    """Return the kind of item an id names: ``person``, …, ``document``, or ``passage``."""
    return "passage" if "#" in target_id else ids.kind_of(target_id)


_KIND_SQL = ("(CASE WHEN instr(a.target_id, '#') > 0 THEN 'passage' WHEN instr(a.target_id, '/') > 0 "
             "THEN substr(a.target_id, 1, instr(a.target_id, '/') - 1) ELSE '' END)")
_UNION = """
    SELECT 'note:' || n.uid AS key, 'note' AS kind, n.uid, n.target_id, n.body AS text, '' AS comment,
           NULL AS color, n.created, n.edited, n.orphan, n.id * 2 AS fts_rowid, NULL AS side,
           NULL AS range_start, NULL AS range_end
      FROM notes n WHERE n.deleted = 0
    UNION ALL
    SELECT 'highlight:' || h.uid, 'highlight', h.uid, h.passage_id, h.quote, h.comment, h.color, h.created,
           h.edited, h.orphan, h.id * 2 + 1, h.side, h.range_start, h.range_end
      FROM highlights h WHERE h.deleted = 0
    UNION ALL
    SELECT 'tag:' || t.name || char(10) || i.target_id, 'tag', '', i.target_id, t.name, '', t.color, i.created,
           i.created, NULL, NULL, NULL, NULL, NULL
      FROM item_tags i JOIN tags t ON t.id = i.tag_id
    UNION ALL
    SELECT 'draft:' || d.target_id, 'draft', COALESCE(d.note_uid, ''), d.target_id, d.body, '', NULL, d.saved,
           d.saved, NULL, NULL, NULL, NULL, NULL
      FROM note_drafts d
"""


@dataclass(frozen=True)
class AnnotationFilter:
    """What the annotations list shows; every field narrows it (empty: no narrowing).

    Attributes:
        kinds: Any of ``note``, ``highlight``, ``tag``, ``draft`` (an unsaved note, see
            :mod:`~cgt_desktop.core.userdata.drafts`).
        color: ``#rrggbb`` of a highlight or tag.
        tag: Annotations on items carrying this tag (and that tag's own rows).
        entity_kind: ``person``, …, ``document`` or ``passage`` (see :func:`entity_kind`).
        since: First day (``YYYY-MM-DD``) of the last edit, inclusive.
        until: Last day, inclusive.
        text: Full-text query in Chinese or English (see :func:`textindex.parse_query`).
    """

    kinds: tuple[str, ...] = ()
    color: str = ""
    tag: str = ""
    entity_kind: str = ""
    since: str = ""
    until: str = ""
    text: str = ""


@dataclass(frozen=True)
class Annotation:
    """One row of the annotations list.

    ``key`` identifies the row (``note:<uid>``, ``highlight:<uid>``,
    ``tag:<name>\\n<target id>``, ``draft:<target id>``); ``uid`` is empty for tag rows (for a draft: the
    note it rewrites, or empty); ``text`` is the note or draft body, the highlight's quote or the tag name.
    """

    key: str
    kind: str
    uid: str
    target_id: str
    text: str
    comment: str
    color: str | None
    created: str
    edited: str
    orphan: str | None
    side: str | None = None
    start: int | None = None
    end: int | None = None
    tags: tuple[str, ...] = field(default=())

    @property
    def entity_kind(self) -> str:
        return entity_kind(self.target_id)


def sync_index(user: UserStore) -> int:
    """Bring the full-text index up to date with the notes and highlights; return rows re-indexed."""
    if user.conn.execute("SELECT 1 FROM annotation_fts_pending LIMIT 1").fetchone() is None:
        return 0
    with user.transaction() as conn:
        pending = [r[0] for r in conn.execute("SELECT fts_rowid FROM annotation_fts_pending")]
        for rowid in pending:
            conn.execute("DELETE FROM annotation_fts WHERE rowid = ?", [rowid])
            if rowid % 2 == 0:
                row = conn.execute("SELECT body FROM notes WHERE id = ? AND deleted = 0", [rowid // 2]).fetchone()
            else:
                row = conn.execute("SELECT quote || char(10) || comment FROM highlights WHERE id = ? "
                                   "AND deleted = 0", [rowid // 2]).fetchone()
            if row and row[0]:
                conn.execute("INSERT INTO annotation_fts(rowid, body, body_uni) VALUES (?, ?, ?)",
                             [rowid, index_tokens(row[0]), unigram_tokens(row[0])])
        conn.execute("DELETE FROM annotation_fts_pending")
    return len(pending)


def annotation_keys(user: UserStore, flt: AnnotationFilter = AnnotationFilter()) -> list[str]:
    """Return the keys of the annotations that pass ``flt``, most recently edited first."""
    where, params = ["1"], []
    if flt.kinds:
        where.append(f"a.kind IN ({','.join('?' * len(flt.kinds))})")
        params += list(flt.kinds)
    if flt.color:
        where.append("a.color = ?")
        params.append(flt.color.lower())
    if flt.tag:
        where.append("((a.kind = 'tag' AND a.text = ?) OR (a.kind != 'tag' AND EXISTS (SELECT 1 FROM item_tags i "
                     "JOIN tags t ON t.id = i.tag_id WHERE i.target_id = a.target_id AND t.name = ?)))")
        params += [flt.tag, flt.tag]
    if flt.entity_kind:
        where.append(f"{_KIND_SQL} = ?")
        params.append(flt.entity_kind)
    if flt.since:
        where.append("substr(a.edited, 1, 10) >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("substr(a.edited, 1, 10) <= ?")
        params.append(flt.until)
    query = parse_query(flt.text) if flt.text.strip() else None
    if query is not None:
        sync_index(user)
        patterns = query.patterns
        names = [t.name for t in user.tags() if patterns and all(re.search(p, fold(t.name)[0]) for p in patterns)]
        # Drafts are not in the index (they change with every pause in typing); they are few: match them here.
        drafted = [target for target, body in user.conn.execute("SELECT target_id, body FROM note_drafts")
                   if patterns and all(re.search(p, fold(body)[0]) for p in patterns)]
        where.append(f"(a.fts_rowid IN (SELECT rowid FROM annotation_fts WHERE annotation_fts MATCH ?) "
                     f"OR (a.kind = 'tag' AND a.text IN ({','.join('?' * len(names)) or 'NULL'})) "
                     f"OR (a.kind = 'draft' AND a.target_id IN ({','.join('?' * len(drafted)) or 'NULL'})))")
        params += [query.match_expression(("body_uni",)), *names, *drafted]
    sql = f"SELECT a.key FROM ({_UNION}) a WHERE {' AND '.join(where)} ORDER BY a.edited DESC, a.key"
    return [r[0] for r in user.conn.execute(sql, params)]


def annotations_by_key(user: UserStore, keys: list[str]) -> dict[str, Annotation]:
    """Return the annotations with these keys (missing keys are left out)."""
    out: dict[str, Annotation] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = user.conn.execute(
            f"SELECT a.key, a.kind, a.uid, a.target_id, a.text, a.comment, a.color, a.created, a.edited, "
            f"a.orphan, a.side, a.range_start, a.range_end FROM ({_UNION}) a "
            f"WHERE a.key IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        targets = list({r[3] for r in rows})
        tags: dict[str, list[str]] = {}
        if targets:
            for target, name in user.conn.execute(
                    "SELECT i.target_id, t.name FROM item_tags i JOIN tags t ON t.id = i.tag_id WHERE i.target_id "
                    f"IN ({','.join('?' * len(targets))}) ORDER BY t.name COLLATE NOCASE", targets):
                tags.setdefault(target, []).append(name)
        for r in rows:
            out[r[0]] = Annotation(*r, tags=tuple(tags.get(r[3], ())))
    return out


def list_annotations(user: UserStore, flt: AnnotationFilter = AnnotationFilter()) -> list[Annotation]:
    """Return the annotations that pass ``flt``, most recently edited first."""
    keys = annotation_keys(user, flt)
    found = annotations_by_key(user, keys)
    return [found[k] for k in keys if k in found]


# -- anchors ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Orphan:
    """An annotation whose anchor no longer resolves (``uid`` is empty for tags and stars)."""

    kind: str
    uid: str
    target_id: str
    reason: str




#: User setting: the reference data's content hash the anchors were last checked against.
ANCHORS_CHECKED = "annotations.anchors_checked_for"


def check_anchors_if_changed(user: UserStore, reference: Any) -> list[Orphan] | None:
    """Run :func:`check_anchors` unless it last ran against this very reference data; ``None`` if skipped.

    An annotation can only lose its anchor when the reference data changes: the app and the command
    line anchor new ones to what exists, and an import clears the mark (see
    :func:`~cgt_desktop.core.userdata.annotations_io.import_annotations`). So the check runs at the first start
    after a rebuild, an import or a restore from another state, not at every start (20 000
    annotations: ~0.15 s of the GUI's time just after the first frame).
    """
    info = reference.build_info()  # the reference data and the user's items the catalog holds
    stamp = f"{info.get('content_hash') or ''}:{info.get('user_revision') or ''}" if info.get("content_hash") else ""
    if stamp and user.get_setting(ANCHORS_CHECKED, "") == stamp:
        return None
    orphans = check_anchors(user, reference)
    if stamp:
        user.set_setting(ANCHORS_CHECKED, stamp)
    return orphans


def check_anchors(user: UserStore, reference: Any) -> list[Orphan]:
    """Check every annotation against the reference data; flag, never delete.

    A note is orphaned when its item id is gone; a highlight when its
    sentence is gone or its side's text no longer holds the quote. A range
    whose quote now occurs exactly once elsewhere in the sentence moves there
    instead. Flags (the ``orphan`` columns) are set and cleared to match, so a
    later rebuild that restores the text un-orphans the annotation.

    Args:
        user: The user database.
        reference: A :class:`~cgt_desktop.core.catalog.store.Catalog`.

    Returns:
        The orphans (undeleted notes and highlights, and tags and stars on
        vanished items).
    """
    gone = "the item {} is no longer in the reference data"
    orphans: list[Orphan] = []
    note_flags, hl_flags, moves = [], [], []
    notes = user.conn.execute("SELECT uid, target_id, orphan, deleted FROM notes").fetchall()
    highlights = user.conn.execute(
        "SELECT uid, passage_id, side, range_start, range_end, quote, orphan, deleted FROM highlights").fetchall()
    marked = [(kind, target) for kind, sql in (("tag", "SELECT DISTINCT target_id FROM item_tags"),
                                                ("star", "SELECT target_id FROM stars"))
              for (target,) in user.conn.execute(sql).fetchall()]
    # Every id is looked up in a few batched queries (20 000 annotations: one query each took 0.4 s).
    existing = reference.existing_ids([n[1] for n in notes] + [target for _, target in marked])
    texts = reference.passage_texts([h[1] for h in highlights])
    for uid, target, old, deleted in notes:
        reason = None if target in existing else gone.format(target)
        if reason != old:
            note_flags.append((reason, uid))
        if reason and not deleted:
            orphans.append(Orphan("note", uid, target, reason))
    for uid, pid, side, start, end, quote, old, deleted in highlights:
        pair = texts.get(pid)
        text = None if pair is None else pair[0 if side == "orig" else 1]
        reason = None
        if text is None:
            reason = gone.format(pid)
        elif start is None and " ".join(text.split()) != " ".join(quote.split()):  # white space may differ
            reason = f"the {'original' if side == 'orig' else 'translation'} of {pid} changed since it was highlighted"
        elif start is not None and text[start:end] != quote:
            if quote and text.count(quote) == 1:
                at = text.index(quote)
                moves.append((at, at + len(quote), uid))
            else:
                reason = (f"the highlighted text is no longer in the "
                          f"{'original' if side == 'orig' else 'translation'} of {pid}")
        if reason != old:
            hl_flags.append((reason, uid))
        if reason and not deleted:
            orphans.append(Orphan("highlight", uid, pid, reason))
    for kind, target in marked:
        if target not in existing:
            orphans.append(Orphan(kind, "", target, gone.format(target)))
    if note_flags or hl_flags or moves:
        with user.transaction() as conn:
            conn.executemany("UPDATE notes SET orphan = ? WHERE uid = ?", note_flags)
            conn.executemany("UPDATE highlights SET orphan = ? WHERE uid = ?", hl_flags)
            conn.executemany("UPDATE highlights SET range_start = ?, range_end = ? WHERE uid = ?", moves)
    return orphans


def move_annotations(user: UserStore, old: str, new: str, orig_shift: int = 0, trans_shift: int = 0
                     ) -> Callable[[], None]:
    """Move the notes and highlights of passage *old* to passage *new* (whose text now holds *old*'s, at
    *orig_shift* characters into its original and *trans_shift* into its translation); return the undo."""
    with user.transaction() as conn:
        notes = [r[0] for r in conn.execute("SELECT uid FROM notes WHERE target_id = ?", [old])]
        marks = [r[0] for r in conn.execute("SELECT uid FROM highlights WHERE passage_id = ?", [old])]
        conn.execute("UPDATE notes SET target_id = ? WHERE target_id = ?", [new, old])
        conn.execute("UPDATE highlights SET passage_id = ?, range_start = range_start + CASE side WHEN 'orig' "
                     "THEN ? ELSE ? END, range_end = range_end + CASE side WHEN 'orig' THEN ? ELSE ? END "
                     "WHERE passage_id = ?", [new, orig_shift, trans_shift, orig_shift, trans_shift, old])

    def undo() -> None:
        with user.transaction() as conn:
            conn.executemany("UPDATE notes SET target_id = ? WHERE uid = ?", [(old, uid) for uid in notes])
            conn.executemany("UPDATE highlights SET passage_id = ?, range_start = range_start - CASE side WHEN "
                             "'orig' THEN ? ELSE ? END, range_end = range_end - CASE side WHEN 'orig' THEN ? ELSE ? "
                             "END WHERE uid = ?", [(old, orig_shift, trans_shift, orig_shift, trans_shift, uid)
                                                   for uid in marks])

    return undo
