"""The database file is encrypted, and opening fails closed with a distinct error per cause."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest
import sqlcipher3

from kiosk.store.database import Database
from kiosk.store.errors import (DatabaseDamagedError, KeyMissingError, KeyringBackendChangedError,
                                MetadataMissingError, NoKeyringError, WrongKeyError)
from kiosk.store.keystore import FileKeyStore, KeyringKeyStore, MemoryKeyStore
from kiosk.store.opening import open_database, open_store


def _insert_estate(store, name="Résidence Paul-Éluard"):
    store.db.run(lambda c: c.execute("INSERT INTO estates (id, name, city) VALUES ('e1', ?, 'Saint-Denis')", (name,)))


def test_file_is_not_plain_sqlite_and_only_the_key_opens_it(store, config):
    _insert_estate(store)
    store.close()
    path = config.database_path
    header = path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    assert b"Paul" not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    key = bytes.fromhex(FileKeyStore(config.data_dir).get(f"database-key/{_meta(config)['store_id']}"))
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    assert conn.execute("SELECT name FROM estates").fetchall() == [("Résidence Paul-Éluard",)]
    conn.close()


def _meta(config):
    return json.loads((config.data_dir / "kiosk.db.meta.json").read_text())


def test_no_keyring_backend_is_refused(tmp_path):
    from keyring.backends import fail
    with pytest.raises(NoKeyringError):
        KeyringKeyStore(fail.Keyring())


def test_changed_backend_is_refused(tmp_path):
    ks = MemoryKeyStore("backend.A")
    db, _ = open_database(tmp_path, ks)
    db.close()
    other = MemoryKeyStore("backend.B")
    other.secrets = dict(ks.secrets)
    with pytest.raises(KeyringBackendChangedError):
        open_database(tmp_path, other)


def test_missing_key_is_refused_and_no_new_key_is_written(tmp_path):
    ks = MemoryKeyStore()
    db, _ = open_database(tmp_path, ks)
    db.close()
    before = (tmp_path / "kiosk.db").read_bytes()
    ks.secrets.clear()
    with pytest.raises(KeyMissingError):
        open_database(tmp_path, ks)
    assert ks.secrets == {}                        # never a new key over an existing database
    assert (tmp_path / "kiosk.db").read_bytes() == before


def test_wrong_key_is_refused(tmp_path):
    ks = MemoryKeyStore()
    db, store_id = open_database(tmp_path, ks)
    db.close()
    ks.secrets[f"database-key/{store_id}"] = os.urandom(32).hex()
    with pytest.raises(WrongKeyError):
        open_database(tmp_path, ks)


def test_damaged_file_is_refused(tmp_path):
    ks = MemoryKeyStore()
    db, _ = open_database(tmp_path, ks)
    db.run(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.close()
    path = tmp_path / "kiosk.db"
    raw = bytearray(path.read_bytes())
    for i in range(100, 400):                     # inside page 1, after the salt
        raw[i] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseDamagedError):
        open_database(tmp_path, ks)


def test_missing_metadata_is_refused(tmp_path):
    ks = MemoryKeyStore()
    db, _ = open_database(tmp_path, ks)
    db.close()
    (tmp_path / "kiosk.db.meta.json").unlink()
    with pytest.raises(MetadataMissingError):
        open_database(tmp_path, ks)


def test_each_fail_closed_case_has_its_own_code():
    codes = {c.code for c in (NoKeyringError, KeyringBackendChangedError, KeyMissingError, WrongKeyError,
                              DatabaseDamagedError, MetadataMissingError)}
    assert len(codes) == 6


def test_file_key_store_is_private_and_warns(tmp_path, caplog):
    with caplog.at_level("WARNING"):
        ks = FileKeyStore(tmp_path)
    ks.put("database-key/x", "ab" * 32)
    mode = stat.S_IMODE(os.stat(tmp_path / "keys" / "database-key__x").st_mode)
    assert mode == 0o600
    assert any("INSECURE" in r.getMessage() for r in caplog.records)


def test_pragmas_are_set(store):
    def read(c):
        return (c.execute("PRAGMA journal_mode").fetchone()[0], c.execute("PRAGMA synchronous").fetchone()[0],
                c.execute("PRAGMA foreign_keys").fetchone()[0], c.execute("PRAGMA secure_delete").fetchone()[0])
    assert store.db.run(read) == ("wal", 2, 1, 1)


def test_connection_is_refused_off_its_owner_thread(store):
    with pytest.raises(RuntimeError):
        store.db.conn.execute("SELECT 1")


def test_raw_key_has_the_right_length(tmp_path):
    from kiosk.store.errors import StoreError
    with pytest.raises(StoreError):
        Database.open(tmp_path / "x.db", b"short")


def test_store_reopens_with_its_key(config):
    s = open_store(config)
    _insert_estate(s)
    s.close()
    s = open_store(config)
    assert s.repos.places.estates()[0].name == "Résidence Paul-Éluard"
    s.close()
