from __future__ import annotations

import sqlite3

import pytest

from cgt_desktop.core.userdata.userdb import MIGRATIONS, UserDataError, UserStore


def test_user_database_is_durable_and_migrated(tmp_path):
    store = UserStore(tmp_path / "user.sqlite")
    assert store.schema_version() == len(MIGRATIONS)
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.add_note("place/zhangjiang", "张江 note")
    store.close()
    again = UserStore(tmp_path / "user.sqlite")
    assert [n.body for n in again.notes()] == ["张江 note"]


def test_a_file_from_a_newer_version_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "user.sqlite"
    UserStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={len(MIGRATIONS) + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserDataError, match="newer cgt-desktop"):
        UserStore(path)
    assert path.read_bytes() == before


def test_settings_round_trip_json_values(tmp_path):
    store = UserStore(tmp_path / "user.sqlite")
    store.set_setting("geometry", {"w": 1280, "h": 800})
    store.set_setting("geometry", {"w": 1024, "h": 700})
    assert store.get_setting("geometry") == {"w": 1024, "h": 700}
    assert store.get_setting("missing", "default") == "default"
