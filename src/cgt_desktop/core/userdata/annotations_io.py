"""Annotation files: export all annotations (or one tag's) to JSON, and import them elsewhere.

Files are JSON (:data:`FORMAT_NAME`, :data:`FORMAT_VERSION`), written to a
temporary file and renamed into place. Importing validates the whole file
first and then writes in one transaction, merging by uid, so importing the
same file twice adds nothing the second time; a broken file, or one from a
newer version, is refused with a clear message and changes nothing.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from cgt_desktop.core.userdata.annotations import ANCHORS_CHECKED, Annotation, _check_side
from cgt_desktop.core.system.outputs import atomic_output
from cgt_desktop.core.userdata.userdb import UserStore, clean_color, clean_tag_name, timestamp

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "AnnotationFileError", "ImportReport", "annotation_to_json",
           "export_annotations", "import_annotations", "validate_annotation_file"]

FORMAT_NAME = "cgt-desktop-annotations"
FORMAT_VERSION = 2  # 2: the user's own items (entries, imported documents) travel too

class AnnotationFileError(Exception):
    """An annotations file cannot be imported; the message says why. Nothing was changed."""


# -- export and import -----------------------------------------------------------------------

@dataclass
class ImportReport:
    """What an import did, per section: ``{"notes": {"added": 2, "updated": 0, "unchanged": 1}, …}``."""

    counts: dict[str, dict[str, int]]

    def summary(self) -> str:
        parts = []
        for section, c in self.counts.items():
            if any(c.values()):
                parts.append(f"{section}: {c['added']} added, {c['updated']} updated, {c['unchanged']} unchanged"
                             + (f", {c['conflicts']} changed on both sides (the newer edit is live, the other "
                                "kept: see 'cgt-desktop entry versions')" if c.get("conflicts") else ""))
        return "; ".join(parts) or "nothing to import"


def export_annotations(user: UserStore, path: Path, tag: str | None = None,
                       pending: Path | None = None) -> dict[str, int]:
    """Write all annotations (or those on items tagged ``tag``) to a JSON file, atomically.

    Deleted notes and highlights are left out. The file is written next to
    ``path`` under a temporary name and moved into place, so an interrupted
    export never leaves half a file.

    Returns:
        How many records of each section were written.

    Raises:
        KeyError: if ``tag`` is given and there is no such tag.
        OSError: if the file cannot be written.
    """
    conn = user.conn
    if tag is not None and user.tag(tag) is None:
        raise KeyError(tag)
    scope, params = "", []
    if tag is not None:
        scope = " AND {col} IN (SELECT i.target_id FROM item_tags i JOIN tags t ON t.id = i.tag_id WHERE t.name = ?)"
        params = [tag]

    def rows(sql: str, col: str) -> list[dict[str, Any]]:
        cur = conn.execute(sql + scope.format(col=col) + " ORDER BY 1, 2", params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur]

    item_tags = rows("SELECT t.name AS tag, i.target_id, i.created FROM item_tags i JOIN tags t ON t.id = i.tag_id "
                     "WHERE 1", "i.target_id")
    used = {it["tag"] for it in item_tags}
    data = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION,
        "exported": datetime.now(timezone.utc).isoformat(timespec="seconds"), "tag": tag,
        "tags": [{"name": t.name, "color": t.color} for t in user.tags() if tag is None or t.name in used],
        "item_tags": item_tags,
        "stars": rows("SELECT target_id, created FROM stars WHERE 1", "target_id"),
        "notes": rows("SELECT uid, target_id, body, created, edited FROM notes WHERE deleted = 0", "target_id"),
        "highlights": rows("SELECT uid, passage_id, side, range_start AS start, range_end AS end, color, comment, "
                           "quote, created, edited FROM highlights WHERE deleted = 0", "passage_id"),
        # The record as JSON text: an imported document is one item however long, and stays a flat record.
        "items": [] if tag is not None else rows(
            "SELECT item_id, kind, record, created, edited FROM user_items WHERE deleted = 0", "item_id"),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(path, pending) as tmp:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


_STR, _OPT_STR, _OPT_INT = (str,), (str, type(None)), (int, type(None))
_SECTIONS: dict[str, dict[str, tuple[type, ...]]] = {
    "tags": {"name": _STR, "color": _OPT_STR},
    "item_tags": {"tag": _STR, "target_id": _STR, "created": _STR},
    "stars": {"target_id": _STR, "created": _STR},
    "notes": {"uid": _STR, "target_id": _STR, "body": _STR, "created": _STR, "edited": _STR},
    "highlights": {"uid": _STR, "passage_id": _STR, "side": _STR, "start": _OPT_INT, "end": _OPT_INT,
                   "color": _STR, "comment": _STR, "quote": _STR, "created": _STR, "edited": _STR},
    "items": {"item_id": _STR, "kind": _STR, "record": _STR, "created": _STR, "edited": _STR},
}
_OPTIONAL = {"tags": {"color"}, "highlights": {"start", "end"}}  # may be missing: taken as null
MAX_OFFSET = 10_000_000  # a highlight's character offsets within one sentence
_KINDS = {str: "text", int: "a whole number", type(None): "null"}


def _bad_record(where: str, section: str, rec: Any) -> str | None:
    """Why one record cannot be imported (``"notes[3].body is not text"``), or ``None``."""
    if not isinstance(rec, dict):
        return f"{where} is not an object"
    for name, types in _SECTIONS[section].items():
        if name not in rec and name in _OPTIONAL.get(section, ()):
            rec[name] = None
        value = rec.get(name)
        if name not in rec:
            return f"{where}.{name} is missing"
        if not isinstance(value, types) or isinstance(value, bool):
            return f"{where}.{name} must be " + " or ".join(_KINDS[t] for t in types)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return f"{where}.{name} is not valid text (it holds a lone surrogate)"
        if isinstance(value, int) and not 0 <= value <= MAX_OFFSET:
            return f"{where}.{name} is out of range (0 to {MAX_OFFSET})"
    try:
        if section == "tags":
            clean_tag_name(rec["name"])
            clean_color(rec["color"])
        elif section == "item_tags":
            clean_tag_name(rec["tag"])
        elif section == "highlights":
            if clean_color(rec["color"]) is None:
                raise ValueError("a highlight needs a colour (#rrggbb)")
            _check_side(rec["side"])
            s, e = rec["start"], rec["end"]
            if (s is None) != (e is None) or (s is not None and not 0 <= s < e):
                raise ValueError("bad range")
    except ValueError as exc:
        return f"{where}: {exc}"
    if section in ("notes", "highlights") and not rec["uid"]:
        return f"{where}.uid is empty"
    if section == "items":
        return _bad_item(where, rec)
    return None


def _bad_correction(where: str, rec: dict[str, Any]) -> str | None:
    """Why a correction cannot be imported: a record without its target and field, or another id."""
    from cgt_desktop.core.domain.corrections import FIELDS, MENTION, WRONG, correction_id

    try:
        record = json.loads(rec["record"])
    except ValueError as exc:
        return f"{where}.record is not a JSON object ({exc})"
    if not isinstance(record, dict) or not isinstance(record.get("target"), str) \
            or record.get("field") not in (*FIELDS, WRONG, MENTION):
        return f"{where}.record is not a correction (its target and field)"
    passage = record.get("passage") if record["field"] == MENTION else None
    if rec["item_id"] != correction_id(record["target"], record["field"], passage):
        return f"{where}.item_id {rec['item_id']!r} is not the id of that correction"
    return None


def _bad_item(where: str, rec: dict[str, Any]) -> str | None:
    """Why a user item cannot be imported: its kind, its id, or a record that is not one."""
    from cgt_desktop.core.domain import ids
    from cgt_desktop.core.userdata.items import ITEM_KINDS

    if rec["kind"] not in ITEM_KINDS:
        return f"{where}.kind {rec['kind']!r} is not one of {', '.join(ITEM_KINDS)}"
    if rec["kind"] == "correction":
        return _bad_correction(where, rec)
    if rec["kind"] != "relation" and not (ids.is_user(rec["item_id"]) and ids.kind_of(rec["item_id"]) == rec["kind"]):
        return f"{where}.item_id {rec['item_id']!r} is not the id of a {rec['kind']} of yours"
    try:
        record = json.loads(rec["record"])
    except ValueError as exc:
        return f"{where}.record is not a JSON object ({exc})"
    if not isinstance(record, dict):
        return f"{where}.record is not a JSON object"
    if rec["kind"] == "document":
        lines = record.get("lines")
        if not (isinstance(lines, list) and lines and isinstance(lines[0], dict)
                and lines[0].get("id") == rec["item_id"]):
            return f"{where}.record is not the document {rec['item_id']}"
    elif rec["kind"] != "relation" and record.get("id") != rec["item_id"]:
        return f"{where}.record is not the item {rec['item_id']}"
    return None


_SURROGATE_ESCAPE = re.compile(
    rb"(\\+)u[dD](?:([89abAB][0-9a-fA-F]{2})(\\u[dD][c-fC-F][0-9a-fA-F]{2})?|[c-fC-F][0-9a-fA-F]{2})")
MAX_DEPTH = 4  # records are flat objects: anything deeper is refused before it is built


class _SurrogateGuard:
    """Reads a file for the parser and refuses a lone UTF-16 surrogate escape (``\\ud800``) in it.

    The C parser would silently turn one into ``?``; Python's ``json`` keeps it as text SQLite cannot
    store. Either way the user's text would not come back as written, so the file is refused.
    """

    def __init__(self, handle: Any, path: Path) -> None:
        self.handle, self.path = handle, path
        self._carry = b""
        self._offset = 0  # of the carry's first byte in the file

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        buffer = self._carry + data
        end = len(buffer) if not data else max(0, len(buffer) - 16)
        while end and end < len(buffer) and buffer[end - 1:end] == b"\\":
            end -= 1  # never cut a run of backslashes: it decides what the next byte means
        for match in _SURROGATE_ESCAPE.finditer(buffer, 0, len(buffer) if not data else end + 12):
            if match.start() >= end and data:
                break
            escaped = len(match.group(1)) % 2 == 1
            lone = match.group(2) is None or match.group(3) is None
            if escaped and lone:
                at = self._offset + match.start() + len(match.group(1)) - 1
                raise AnnotationFileError(f"{self.path} is broken: it holds a lone surrogate escape "
                                          f"({match.group(0)[len(match.group(1)) - 1:].decode('ascii')}) at byte "
                                          f"{at}, which is not text")
        self._offset += end
        self._carry = buffer[end:]
        return data


def _records(path: Path, header: dict[str, Any]) -> Iterator[tuple[str, int, Any]]:
    """Stream ``(section, index, record)`` from an annotations file, filling *header* (format, version).

    The file is parsed as a stream (``ijson``), so memory stays bounded by one record, not the file.

    Raises:
        AnnotationFileError: the file cannot be read or is not a JSON object of lists.
    """
    import ijson  # a C-backed streaming JSON parser; loads only when a file is imported

    counters = dict.fromkeys(_SECTIONS, -1)
    try:
        with open(path, "rb") as raw:
            # Small reads: the parser slows down on deep nesting within one buffer, and MAX_DEPTH stops it early.
            events = ijson.parse(_SurrogateGuard(raw, path), buf_size=4096, use_float=True)
            first = next(events, None)
            if first is None or first[1] != "start_map":
                raise AnnotationFileError(f"{path} is not a cgt-desktop annotations file")
            for prefix, event, value in events:
                if prefix in ("format", "version") and event in ("string", "number", "boolean", "null"):
                    header[prefix] = value
                elif prefix in _SECTIONS and event not in ("start_array", "end_array", "map_key"):
                    raise AnnotationFileError(f"{path} is broken: '{prefix}' is not a list")
                elif prefix.endswith(".item") and prefix[:-5] in _SECTIONS:
                    section = prefix[:-5]
                    counters[section] += 1
                    yield section, counters[section], _build(event, value, events)
    except OSError as exc:
        raise AnnotationFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (ijson.JSONError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        text = exc.args[0] if exc.args else ""
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        reason = text.strip().splitlines()[0][:200] if text.strip() else type(exc).__name__
        if "integer overflow" in reason:
            reason = "a number in it is too large"
        elif "invalid bytes in UTF8" in reason:
            reason = "it is not UTF-8 text"
        elif isinstance(exc, UnicodeDecodeError):
            reason = f"it is not UTF-8 text: byte {exc.start} cannot be read"
        raise AnnotationFileError(f"{path} is broken or not an annotations file ({reason})") from exc


def _build(event: str, value: Any, events: Iterator[tuple[str, str, Any]]) -> Any:
    """The value that starts with (*event*, *value*), reading the rest of it from *events* (no recursion)."""
    from ijson.common import ObjectBuilder

    if event not in ("start_map", "start_array"):
        return value
    builder = ObjectBuilder()
    depth = 1
    builder.event(event, value)
    while depth:
        _, event, value = next(events)
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > MAX_DEPTH:
                raise ValueError(f"a record is nested more than {MAX_DEPTH} levels deep")
        elif event in ("end_map", "end_array"):
            depth -= 1
        builder.event(event, value)
    return builder.value


def _check_header(path: Path, header: dict[str, Any]) -> None:
    if header.get("format") != FORMAT_NAME:
        raise AnnotationFileError(f"{path} is not a cgt-desktop annotations file")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AnnotationFileError(f"{path} has no valid format version")
    if version > FORMAT_VERSION:
        raise AnnotationFileError(f"{path} was written by a newer cgt-desktop (format version {version}; this one "
                                  f"reads up to {FORMAT_VERSION}); upgrade cgt-desktop to import it")


def validate_annotation_file(path: Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Read a whole annotations file and check every record; return how many records it holds.

    Nothing is written. The first bad record is reported with its place (``notes[1000].body …``).

    Raises:
        AnnotationFileError: with a message naming the problem (unreadable, not JSON, another format,
            a newer version, a bad record).
    """
    path = Path(path)
    header: dict[str, Any] = {}
    total = 0
    for section, index, rec in _records(path, header):
        if "format" in header:
            _check_header(path, header)  # a file of another kind is refused before its records are judged
        problem = _bad_record(f"{section}[{index}]", section, rec)
        if problem:
            raise AnnotationFileError(f"{path} is broken: {problem}")
        total += 1
        if progress is not None and total % 1000 == 0:
            progress(total, 0)
    _check_header(path, header)
    return total


def import_annotations(user: UserStore, path: Path,
                       progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Merge an annotations file into the user database: all of it, or nothing.

    The whole file is validated first (:func:`validate_annotation_file`), then read again as a stream
    and written in one transaction, so memory stays bounded however large the file. Notes and
    highlights merge by uid: a new uid is added; a known one is replaced only if the file's copy was
    edited later. Tags merge by name, tagged items and stars by id, so importing a file twice adds
    nothing. *progress* gets ``(records done, records in the file)``.

    Raises:
        AnnotationFileError: if the file is not valid; nothing was changed.
    """
    path = Path(path)
    total = validate_annotation_file(path)
    counts = {s: {"added": 0, "updated": 0, "unchanged": 0} for s in _SECTIONS}
    counts["items"]["conflicts"] = 0
    header: dict[str, Any] = {}
    with user.transaction() as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", [ANCHORS_CHECKED])  # imported anchors: check again
        for done, (section, index, rec) in enumerate(_records(path, header), 1):
            problem = _bad_record(f"{section}[{index}]", section, rec)  # fills in the optional fields
            if problem:  # the file changed since it was validated
                raise AnnotationFileError(f"{path} is broken: {problem}")
            for outcome in _MERGE[section](conn, rec).split("+"):  # "updated+conflicts": both counted
                counts[section][outcome] += 1
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
    return ImportReport(counts)


def _outcome(cur: sqlite3.Cursor) -> str:
    return "added" if cur.rowcount else "unchanged"


def _merge_tag(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    color, name = clean_color(rec["color"]), clean_tag_name(rec["name"])
    cur = conn.execute("INSERT OR IGNORE INTO tags(name, color) VALUES (?, ?)", [name, color])
    if not cur.rowcount and color and conn.execute(
            "UPDATE tags SET color = ? WHERE name = ? AND color IS NULL", [color, name]).rowcount:
        return "updated"
    return _outcome(cur)


def _merge_item_tag(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    name = clean_tag_name(rec["tag"])
    conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", [name])
    return _outcome(conn.execute("INSERT OR IGNORE INTO item_tags(tag_id, target_id, created) "
                                 "SELECT id, ?, ? FROM tags WHERE name = ?", [rec["target_id"], rec["created"], name]))


def _merge_star(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    return _outcome(conn.execute("INSERT OR IGNORE INTO stars(target_id, created) VALUES (?, ?)",
                                 [rec["target_id"], rec["created"]]))


def _merge_note(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    local = conn.execute("SELECT edited FROM notes WHERE uid = ?", [rec["uid"]]).fetchone()
    if local is None:
        return _outcome(conn.execute("INSERT INTO notes(uid, target_id, body, created, edited) VALUES (?,?,?,?,?)",
                                     [rec["uid"], rec["target_id"], rec["body"], rec["created"], rec["edited"]]))
    if rec["edited"] > local[0]:
        conn.execute("UPDATE notes SET target_id = ?, body = ?, edited = ? WHERE uid = ?",
                     [rec["target_id"], rec["body"], rec["edited"], rec["uid"]])
        return "updated"
    return "unchanged"


def _merge_highlight(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    values = [rec["passage_id"], rec["side"], rec["start"], rec["end"], clean_color(rec["color"]),
              rec["comment"], rec["quote"], rec["created"], rec["edited"]]
    local = conn.execute("SELECT edited FROM highlights WHERE uid = ?", [rec["uid"]]).fetchone()
    if local is None:
        return _outcome(conn.execute(
            "INSERT INTO highlights(passage_id, side, range_start, range_end, color, comment, quote, "
            "created, edited, uid) VALUES (?,?,?,?,?,?,?,?,?,?)", [*values, rec["uid"]]))
    if rec["edited"] > local[0]:
        conn.execute("UPDATE highlights SET passage_id = ?, side = ?, range_start = ?, range_end = ?, "
                     "color = ?, comment = ?, quote = ?, created = ?, edited = ? WHERE uid = ?", [*values, rec["uid"]])
        return "updated"
    return "unchanged"


def _set_aside(conn: sqlite3.Connection, item_id: str, kind: str, record: str, edited: str, why: str) -> None:
    """Keep a version of an item that is not the live one (once: the same version is not kept twice)."""
    if conn.execute("SELECT 1 FROM user_item_versions WHERE item_id = ? AND record = ?", [item_id, record]).fetchone():
        return
    conn.execute("INSERT INTO user_item_versions(item_id, kind, record, edited, kept, why) VALUES (?, ?, ?, ?, ?, ?)",
                 [item_id, kind, record, edited, timestamp(), why])


def _same_record(a: str, b: str) -> bool:
    try:
        return bool(json.loads(a) == json.loads(b))
    except ValueError:
        return a == b


def _merge_item(conn: sqlite3.Connection, rec: dict[str, Any]) -> str:
    """Merge one item by id: new ones are added; when both sides changed one, the newer edit is live and the
    other is kept in ``user_item_versions`` (nothing is lost; importing the same file again changes nothing)."""
    local = conn.execute("SELECT edited, deleted, kind, record FROM user_items WHERE item_id = ?",
                         [rec["item_id"]]).fetchone()
    if local is None:
        if conn.execute("SELECT 1 FROM user_item_versions WHERE item_id = ? AND record = ?",
                        [rec["item_id"], rec["record"]]).fetchone():
            return "unchanged"
        return _outcome(conn.execute("INSERT INTO user_items(item_id, kind, record, created, edited) VALUES "
                                     "(?, ?, ?, ?, ?)", [rec["item_id"], rec["kind"], rec["record"], rec["created"],
                                                         rec["edited"]]))
    edited, deleted, kind, record = local
    newer = rec["edited"] > edited
    if _same_record(record, rec["record"]):
        if deleted and newer:  # deleted here, changed there later: it comes back
            conn.execute("UPDATE user_items SET edited = ?, deleted = 0 WHERE item_id = ?", [rec["edited"], rec["item_id"]])
            return "updated"
        return "unchanged"
    if conn.execute("SELECT 1 FROM user_item_versions WHERE item_id = ? AND record = ?",
                    [rec["item_id"], rec["record"]]).fetchone():
        return "unchanged"  # this very version was set aside before
    if newer:
        _set_aside(conn, rec["item_id"], kind, record, edited, ("deleted here, then " if deleted else "")
                   + f"replaced by a newer version from an import (edited {rec['edited']})")
        conn.execute("UPDATE user_items SET kind = ?, record = ?, edited = ?, deleted = 0 WHERE item_id = ?",
                     [rec["kind"], rec["record"], rec["edited"], rec["item_id"]])
        return "updated+conflicts"
    _set_aside(conn, rec["item_id"], rec["kind"], rec["record"], rec["edited"],
               f"an import brought this older version (this database's was edited {edited})")
    return "unchanged+conflicts"


_MERGE: dict[str, Callable[[sqlite3.Connection, dict[str, Any]], str]] = {
    "tags": _merge_tag, "item_tags": _merge_item_tag, "stars": _merge_star, "notes": _merge_note,
    "highlights": _merge_highlight, "items": _merge_item}


def annotation_to_json(a: Annotation) -> dict[str, Any]:
    """A plain dict of one annotation (for ``--json`` output)."""
    return asdict(a)
