"""One face out of a font collection (``.ttc``), so that Qt registers one face instead of ten.

The bundled Noto Sans CJK collection holds ten faces (Sans and Mono, for Japan, Korea, China
simplified, Taiwan and Hong Kong) that share their glyphs. Registering the collection makes
fontconfig read the character maps of all ten: ~20 ms at every start. The app uses one face,
Noto Sans CJK SC; registered on its own it takes ~3 ms. :func:`write_cached_face` copies that
face, byte for byte (its tables unchanged, in a file of its own), into the cache folder once;
:func:`cached_face` finds it at the next start. The file is keyed by the collection's size and
modification time, so a new collection writes a new face. Nothing here needs Qt.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

_FAMILY_NAME_IDS = (1, 16)  # family, typographic family


def _faces(collection: bytes) -> list[int]:
    """Offsets of the faces' table directories in a TrueType/OpenType collection."""
    if len(collection) < 12 or collection[:4] != b"ttcf":
        raise ValueError("not a font collection (no 'ttcf' header)")
    count = struct.unpack_from(">I", collection, 8)[0]
    if 12 + 4 * count > len(collection):
        raise ValueError("truncated font collection")
    return list(struct.unpack_from(f">{count}I", collection, 12))


def _tables(collection: bytes, offset: int) -> list[tuple[bytes, int, int, int]]:
    """``(tag, checksum, offset, length)`` of one face's tables."""
    count = struct.unpack_from(">H", collection, offset + 4)[0]
    tables = [struct.unpack_from(">4sIII", collection, offset + 12 + 16 * i) for i in range(count)]
    for _, _, start, length in tables:
        if start + length > len(collection):
            raise ValueError("a table runs past the end of the font collection")
    return tables


def _family_names(collection: bytes, tables: list[tuple[bytes, int, int, int]]) -> set[str]:
    names: set[str] = set()
    for tag, _, start, _ in tables:
        if tag != b"name":
            continue
        _, count, strings = struct.unpack_from(">HHH", collection, start)
        for i in range(count):
            platform, _, _, name_id, length, offset = struct.unpack_from(">6H", collection, start + 6 + 12 * i)
            if name_id not in _FAMILY_NAME_IDS:
                continue
            raw = collection[start + strings + offset:start + strings + offset + length]
            names.add(raw.decode("utf-16-be", "replace") if platform in (0, 3) else raw.decode("latin-1"))
    return names


def face_index(collection: bytes, family: str) -> int | None:
    """Return the index of the face whose family name is *family*, or ``None``."""
    for index, offset in enumerate(_faces(collection)):
        if family in _family_names(collection, _tables(collection, offset)):
            return index
    return None


def extract_face(collection: bytes, index: int) -> bytes:
    """Return face *index* of a collection as a standalone font file (same tables, same bytes)."""
    offset = _faces(collection)[index]
    tables = _tables(collection, offset)
    position = 12 + 16 * len(tables)
    directory, data = [], []
    for tag, checksum, start, length in tables:
        directory.append(struct.pack(">4sIII", tag, checksum, position, length))
        padding = -length % 4  # tables start on 4-byte boundaries
        data.append(collection[start:start + length] + b"\0" * padding)
        position += length + padding
    return collection[offset:offset + 12] + b"".join(directory) + b"".join(data)


def _face_path(collection_path: Path, family: str, cache_dir: Path) -> Path:
    # Keyed by the collection's name, size and modification time, in clear: no hash to compute (loading
    # hashlib's OpenSSL is ~4 ms of the start that looks the face up).
    st = os.stat(collection_path)
    source = "".join(c if c.isalnum() or c in "-_" else "_" for c in Path(collection_path).stem)
    return Path(cache_dir) / "fonts" / f"{family.replace(' ', '')}-{source}-{st.st_size}-{st.st_mtime_ns}.otf"


def cached_face(collection_path: Path, family: str, cache_dir: Path) -> Path | None:
    """Return the cached face of *family* taken from *collection_path*, if it was written before."""
    try:
        path = _face_path(collection_path, family, cache_dir)
    except OSError:
        return None
    return path if path.is_file() else None


def write_cached_face(collection_path: Path, family: str, cache_dir: Path) -> Path | None:
    """Write the face of *family* to the cache (atomically) and remove older ones; return its path.

    Returns ``None`` (and writes nothing) when the collection cannot be read or has no such face.

    Raises:
        OSError: the cache folder cannot be written (a full disk…): the caller goes on without it.
    """
    try:
        collection = Path(collection_path).read_bytes()
        index = face_index(collection, family)
    except (OSError, ValueError, struct.error):
        return None
    if index is None:
        return None
    path = _face_path(collection_path, family, cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(extract_face(collection, index))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    prefix = family.replace(" ", "") + "-"
    for old in [*path.parent.glob(f"{prefix}*.otf"), *path.parent.glob(f".{prefix}*.tmp")]:
        if old != path:  # an older collection's face, or a write cut short
            old.unlink(missing_ok=True)
    return path
