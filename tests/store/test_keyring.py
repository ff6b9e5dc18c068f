"""The database key is stored and read through the real Secret Service keyring.

`make test` runs the suite inside a private D-Bus session with an unlocked
gnome-keyring (scripts/run-tests). Under CI=true this test must run: if no Secret
Service is reachable it fails instead of skipping.
"""

from __future__ import annotations

import os

import pytest

from kiosk.store.errors import NoKeyringError
from kiosk.store.keystore import KeyringKeyStore
from kiosk.store.opening import open_store


def _secret_service_store() -> KeyringKeyStore:
    try:
        ks = KeyringKeyStore()
    except NoKeyringError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the real keyring test, but no keyring is available: {exc}")
        pytest.skip(f"no Secret Service here (run through `make test`): {exc}")
    if "SecretService" not in ks.backend:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must use the Secret Service keyring, got {ks.backend}")
        pytest.skip(f"keyring backend is {ks.backend}, not the Secret Service")
    return ks


@pytest.mark.keyring
def test_key_round_trips_through_the_secret_service(config):
    ks = _secret_service_store()
    cfg = config.with_values(key_store="keyring")
    store = open_store(cfg, keystore=ks)
    store.db.run(lambda c: c.execute("INSERT INTO estates VALUES ('e', 'Résidence', 'Saint-Denis')"))
    store_id = store.store_id
    store.close()
    secret = ks.get(f"database-key/{store_id}")
    assert secret is not None and len(bytes.fromhex(secret)) == 32
    # A fresh key store object (as after a restart) reads the same key from the service.
    again = open_store(cfg, keystore=KeyringKeyStore())
    assert [e.name for e in again.repos.places.estates()] == ["Résidence"]
    again.close()
    ks.delete(f"database-key/{store_id}")
