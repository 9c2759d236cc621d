"""The bundled CJK face is cut out of its collection unchanged, cached once, and rewritten when the collection changes."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from cgt_desktop.core.system.fontface import cached_face, extract_face, face_index, write_cached_face

noto = pytest.importorskip("noto_cjk_sans_otc")
COLLECTION = Path(noto.FONT_PATH)
FAMILY = "Noto Sans CJK SC"


@pytest.fixture(scope="module")
def collection_bytes() -> bytes:
    return COLLECTION.read_bytes()


def _tables(font: bytes, offset: int = 0) -> dict[bytes, bytes]:
    count = struct.unpack_from(">H", font, offset + 4)[0]
    found = {}
    for i in range(count):
        tag, _, start, length = struct.unpack_from(">4sIII", font, offset + 12 + 16 * i)
        found[tag] = font[start:start + length]
    return found


def test_the_simplified_chinese_face_is_found_by_its_family_name(collection_bytes):
    sc, tc = face_index(collection_bytes, FAMILY), face_index(collection_bytes, "Noto Sans CJK TC")
    assert sc is not None and tc is not None and sc != tc
    assert face_index(collection_bytes, "No Such Family") is None


def test_the_extracted_face_holds_the_same_tables_byte_for_byte(collection_bytes):
    index = face_index(collection_bytes, FAMILY)
    face = extract_face(collection_bytes, index)
    offset = struct.unpack_from(">I", collection_bytes, 12 + 4 * index)[0]
    original = _tables(collection_bytes, offset)
    assert face[:4] == collection_bytes[offset:offset + 4]  # the same sfnt version ('OTTO')
    assert _tables(face) == original
    assert len(face) < len(collection_bytes)


def test_the_face_is_written_once_and_found_at_the_next_start(tmp_path):
    assert cached_face(COLLECTION, FAMILY, tmp_path) is None
    written = write_cached_face(COLLECTION, FAMILY, tmp_path)
    assert written is not None and written.is_file()
    assert cached_face(COLLECTION, FAMILY, tmp_path) == written
    assert not list(written.parent.glob(".*.tmp"))


def test_a_new_collection_gets_a_new_face_and_the_old_one_goes(tmp_path):
    copy = tmp_path / "NotoSansCJK-Regular.ttc"
    copy.write_bytes(COLLECTION.read_bytes())
    first = write_cached_face(copy, FAMILY, tmp_path / "cache")
    st = copy.stat()
    os.utime(copy, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # an upgraded package
    assert cached_face(copy, FAMILY, tmp_path / "cache") is None
    second = write_cached_face(copy, FAMILY, tmp_path / "cache")
    assert second != first and second.is_file() and not first.exists()


def test_a_file_that_is_not_a_collection_writes_nothing(tmp_path):
    bogus = tmp_path / "broken.ttc"
    bogus.write_bytes(b"ttcf" + b"\xff" * 40)
    assert write_cached_face(bogus, FAMILY, tmp_path / "cache") is None
    bogus.write_bytes(b"not a font at all")
    assert write_cached_face(bogus, FAMILY, tmp_path / "cache") is None
    assert not (tmp_path / "cache" / "fonts").exists() or not list((tmp_path / "cache" / "fonts").iterdir())
