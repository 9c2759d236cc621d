"""Annotation files: export all annotations (or one tag's) to JSON, and import them elsewhere.

Files are JSON (:data:`FORMAT_NAME`, :data:`FORMAT_VERSION`), written to a
temporary file and renamed into place. Importing validates the whole file
first and then writes in one transaction, merging by uid, so importing the
same file twice adds nothing the second time; a broken file, or one from a
newer version, is refused with a clear message and changes nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .annotations import ANCHORS_CHECKED, Annotation, _check_side
from .userdb import UserStore, clean_color, clean_tag_name

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "AnnotationFileError", "ImportReport", "annotation_to_json",
           "export_annotations", "import_annotations", "read_annotation_file"]

FORMAT_NAME = "cgt-desktop-annotations"
FORMAT_VERSION = 1

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
                parts.append(f"{section}: {c['added']} added, {c['updated']} updated, {c['unchanged']} unchanged")
        return "; ".join(parts) or "nothing to import"


def export_annotations(user: UserStore, path: Path, tag: str | None = None) -> dict[str, int]:
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
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return {k: len(v) for k, v in data.items() if isinstance(v, list)}


_STR, _OPT_STR, _OPT_INT = (str,), (str, type(None)), (int, type(None))
_SECTIONS: dict[str, dict[str, tuple[type, ...]]] = {
    "tags": {"name": _STR, "color": _OPT_STR},
    "item_tags": {"tag": _STR, "target_id": _STR, "created": _STR},
    "stars": {"target_id": _STR, "created": _STR},
    "notes": {"uid": _STR, "target_id": _STR, "body": _STR, "created": _STR, "edited": _STR},
    "highlights": {"uid": _STR, "passage_id": _STR, "side": _STR, "start": _OPT_INT, "end": _OPT_INT,
                   "color": _STR, "comment": _STR, "quote": _STR, "created": _STR, "edited": _STR},
}


def read_annotation_file(path: Path) -> dict[str, Any]:
    """Read and fully validate an annotations file.

    Raises:
        AnnotationFileError: with a message naming the problem (unreadable,
            not JSON, another format, a newer version, a bad record).
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AnnotationFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnnotationFileError(f"{path} is broken or not an annotations file ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise AnnotationFileError(f"{path} is not a cgt-desktop annotations file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AnnotationFileError(f"{path} has no valid format version")
    if version > FORMAT_VERSION:
        raise AnnotationFileError(f"{path} was written by a newer cgt-desktop (format version {version}; this one "
                                  f"reads up to {FORMAT_VERSION}); upgrade cgt-desktop to import it")
    for section, fields in _SECTIONS.items():
        records = data.get(section, [])
        if not isinstance(records, list):
            raise AnnotationFileError(f"{path} is broken: '{section}' is not a list")
        for n, rec in enumerate(records, 1):
            where = f"{path} is broken: {section} record {n}"
            if not isinstance(rec, dict):
                raise AnnotationFileError(f"{where} is not an object")
            for name, types in fields.items():
                if not isinstance(rec.get(name), types) or isinstance(rec.get(name), bool):
                    raise AnnotationFileError(f"{where} has a missing or bad '{name}'")
            try:
                if section == "tags":
                    clean_tag_name(rec["name"])
                    clean_color(rec["color"])
                elif section == "item_tags":
                    clean_tag_name(rec["tag"])
                elif section == "highlights":
                    clean_color(rec["color"])
                    _check_side(rec["side"])
                    s, e = rec["start"], rec["end"]
                    if (s is None) != (e is None) or (s is not None and not 0 <= s < e):
                        raise ValueError("bad range")
            except ValueError as exc:
                raise AnnotationFileError(f"{where}: {exc}") from exc
            if section in ("notes", "highlights") and not rec["uid"]:
                raise AnnotationFileError(f"{where} has an empty uid")
    return data


def import_annotations(user: UserStore, path: Path) -> ImportReport:
    """Merge an annotations file into the user database, in one transaction.

    Notes and highlights merge by uid: a new uid is added; a known one is
    replaced only if the file's copy was edited later. Tags merge by name,
    tagged items and stars by id, so importing a file twice adds nothing.

    Raises:
        AnnotationFileError: if the file is not valid; nothing was changed.
    """
    data = read_annotation_file(path)
    counts = {s: {"added": 0, "updated": 0, "unchanged": 0} for s in _SECTIONS}

    def count(section: str, cur: sqlite3.Cursor, updated: bool = False) -> None:
        counts[section]["updated" if updated else "added" if cur.rowcount else "unchanged"] += 1

    with user.transaction() as conn:
        conn.execute("DELETE FROM settings WHERE key = ?", [ANCHORS_CHECKED])  # imported anchors: check again
        for rec in data.get("tags", []):
            color = clean_color(rec["color"])
            cur = conn.execute("INSERT OR IGNORE INTO tags(name, color) VALUES (?, ?)",
                               [clean_tag_name(rec["name"]), color])
            if not cur.rowcount and color and conn.execute(
                    "UPDATE tags SET color = ? WHERE name = ? AND color IS NULL", [color, rec["name"]]).rowcount:
                count("tags", cur, updated=True)
            else:
                count("tags", cur)
        for rec in data.get("item_tags", []):
            name = clean_tag_name(rec["tag"])
            conn.execute("INSERT OR IGNORE INTO tags(name) VALUES (?)", [name])
            count("item_tags", conn.execute(
                "INSERT OR IGNORE INTO item_tags(tag_id, target_id, created) "
                "SELECT id, ?, ? FROM tags WHERE name = ?", [rec["target_id"], rec["created"], name]))
        for rec in data.get("stars", []):
            count("stars", conn.execute("INSERT OR IGNORE INTO stars(target_id, created) VALUES (?, ?)",
                                        [rec["target_id"], rec["created"]]))
        for rec in data.get("notes", []):
            local = conn.execute("SELECT edited FROM notes WHERE uid = ?", [rec["uid"]]).fetchone()
            if local is None:
                count("notes", conn.execute(
                    "INSERT INTO notes(uid, target_id, body, created, edited) VALUES (?,?,?,?,?)",
                    [rec["uid"], rec["target_id"], rec["body"], rec["created"], rec["edited"]]))
            elif rec["edited"] > local[0]:
                conn.execute("UPDATE notes SET target_id = ?, body = ?, edited = ? WHERE uid = ?",
                             [rec["target_id"], rec["body"], rec["edited"], rec["uid"]])
                counts["notes"]["updated"] += 1
            else:
                counts["notes"]["unchanged"] += 1
        for rec in data.get("highlights", []):
            values = [rec["passage_id"], rec["side"], rec["start"], rec["end"], clean_color(rec["color"]),
                      rec["comment"], rec["quote"], rec["created"], rec["edited"]]
            local = conn.execute("SELECT edited FROM highlights WHERE uid = ?", [rec["uid"]]).fetchone()
            if local is None:
                count("highlights", conn.execute(
                    "INSERT INTO highlights(passage_id, side, range_start, range_end, color, comment, quote, "
                    "created, edited, uid) VALUES (?,?,?,?,?,?,?,?,?,?)", [*values, rec["uid"]]))
            elif rec["edited"] > local[0]:
                conn.execute("UPDATE highlights SET passage_id = ?, side = ?, range_start = ?, range_end = ?, "
                             "color = ?, comment = ?, quote = ?, created = ?, edited = ? WHERE uid = ?",
                             [*values, rec["uid"]])
                counts["highlights"]["updated"] += 1
            else:
                counts["highlights"]["unchanged"] += 1
    return ImportReport(counts)


def annotation_to_json(a: Annotation) -> dict[str, Any]:
    """A plain dict of one annotation (for ``--json`` output)."""
    return asdict(a)
