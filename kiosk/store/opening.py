"""Open (or create) the kiosk's encrypted store, failing closed.

Beside ``kiosk.db`` lives ``kiosk.db.meta.json``: the store id (names the key and every
other secret of the store in the keyring), the keyring backend that holds the key, a key
check value (HMAC-SHA256 of a constant under the key, 8 bytes) that tells a wrong key
from a damaged file, and ``secret_names: "per-store"`` once the store's secrets are
named by its id (a store made before that adopts the bare names once, when it is first
opened: kiosk/store/keystore.py). Rules:
- no keyring backend → :class:`NoKeyringError`;
- backend differs from the recorded one → :class:`KeyringBackendChangedError`;
- database exists but the key is gone → :class:`KeyMissingError` (never a new key);
- key does not match the check value → :class:`WrongKeyError`;
- key matches but the file does not decrypt → :class:`DatabaseDamagedError`.
No Qt here.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from kiosk.config import Config
from kiosk.store.database import Database
from kiosk.store.errors import (KeyMissingError, KeyringBackendChangedError, MetadataMissingError,
                                StoreError, WrongKeyError)
from kiosk.store.keystore import KeyStore, StoreSecrets, keystore_for
from kiosk.store.repositories import Repositories

log = logging.getLogger(__name__)
DB_NAME = "kiosk.db"
PER_STORE = "per-store"  # meta "secret_names": this store's secrets carry its id


def _key_check(key: bytes) -> str:
    return hmac.new(key, b"club-kiosk key check v1", hashlib.sha256).hexdigest()[:16]


def _meta_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".meta.json")


@dataclass
class Store:
    """The open store: the database, its repositories and its secrets (the key store,
    with every name ``<name>/<store id>``)."""

    db: Database
    repos: Repositories
    keystore: StoreSecrets
    store_id: str

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(data_dir: Path, keystore: KeyStore, *, create: bool = True,
                  memory_security: bool = False) -> tuple[Database, str]:
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    meta_path = _meta_path(db_path)
    if db_path.exists():
        if not meta_path.exists():
            raise MetadataMissingError(f"{meta_path} is missing beside an existing database")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("keyring_backend") != keystore.backend:
            raise KeyringBackendChangedError(
                f"the database key was stored with keyring backend {meta.get('keyring_backend')!r}, "
                f"but the backend now is {keystore.backend!r}")
        key_hex = keystore.get(f"database-key/{meta['store_id']}")
        if not key_hex:
            raise KeyMissingError(f"the keyring ({keystore.backend}) holds no key for database "
                                  f"{meta['store_id']} at {db_path}")
        key = bytes.fromhex(key_hex)
        if not hmac.compare_digest(_key_check(key), meta.get("key_check", "")):
            raise WrongKeyError(f"the key in the keyring does not match database {meta['store_id']}")
        return Database.open(db_path, key, memory_security=memory_security), meta["store_id"]
    if not create:
        raise StoreError(f"no database at {db_path}", advice="run the kiosk once, or `kiosk seed-demo`")

    data_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(data_dir, 0o700)
    store_id = str(uuid.uuid4())
    key = secrets.token_bytes(32)
    name = f"database-key/{store_id}"
    keystore.put(name, key.hex())
    if keystore.get(name) != key.hex():  # some backends accept a write and drop it
        raise StoreError("the keyring did not keep the database key", advice="check the keyring backend")
    meta = {"format": 1, "store_id": store_id, "keyring_backend": keystore.backend,
            "key_check": _key_check(key), "created_at": datetime.now(timezone.utc).isoformat(),
            "secret_names": PER_STORE}
    _write_meta(meta_path, meta)
    log.info("created a new encrypted database %s (key in %s)", db_path, keystore.backend)
    return Database.open(db_path, key, memory_security=memory_security), store_id


def _write_meta(meta_path: Path, meta: dict[str, object]) -> None:
    tmp = meta_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    os.replace(tmp, meta_path)


def adopt_legacy_secrets(data_dir: Path, secrets: StoreSecrets) -> list[str]:
    """Once per store made before per-store names: move the bare-named secrets to it,
    then record ``secret_names`` so it never happens again (nor for stores made since)."""
    meta_path = _meta_path(Path(data_dir) / DB_NAME)
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("secret_names") == PER_STORE:
        return []
    moved = secrets.adopt_legacy()
    if moved:
        log.warning("store %s adopted the secrets kept under the old shared names: %s", secrets.store_id,
                    ", ".join(moved))
    _write_meta(meta_path, meta | {"secret_names": PER_STORE})
    return moved


def open_store(config: Config, *, create: bool = True, keystore: KeyStore | None = None) -> Store:
    keystore = keystore or keystore_for(config.key_store, Path(config.data_dir))
    db, store_id = open_database(Path(config.data_dir), keystore, create=create,
                                 memory_security=config.cipher_memory_security)
    secrets = StoreSecrets(keystore, store_id)
    try:
        adopt_legacy_secrets(Path(config.data_dir), secrets)
    except Exception:
        db.close()
        raise
    return Store(db=db, repos=Repositories(db), keystore=secrets, store_id=store_id)
