"""Test helper: change the first record of a corpus source file in place (a private copy of db/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def edit_first_record(path: Path, **changes: Any) -> dict[str, Any]:
    """Set *changes* on the first JSON Lines record of *path*; return the record as written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    record.update(changes)
    lines[0] = json.dumps(record, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return record
