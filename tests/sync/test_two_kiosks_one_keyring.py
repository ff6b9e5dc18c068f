"""Hole 6 of issue 11: two kiosks under one OS user shared one credential and one card key.

The keyring names (``sync-secret``, ``card-signing-key``) were not tied to the store, so
provisioning the second kiosk overwrote the first one's secret and key. Now every secret
of a store is named ``<name>/<store id>``; a kiosk installed before adopts the old names
once. Real Secret Service keyring (gnome-keyring under dbus-run-session), real server on
127.0.0.1, real encrypted stores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from central import db
from central.demo import building_id, flat_id
from kiosk.config import Config, load_config
from kiosk.domain.members import EnrollmentForm
from kiosk.services.members import build_membership
from kiosk.services.notice import load_notice
from kiosk.store.keystore import KeyringKeyStore
from kiosk.store.opening import Store, open_store
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import credential, provision, signing_key

pytestmark = pytest.mark.keyring
B1, B2 = building_id(1), building_id(2)


def _config(tmp_path: Path, name: str) -> Config:
    data_dir = tmp_path / f"kiosk-{name}"
    return load_config(env={}, data_dir=data_dir).with_values(key_store="keyring", data_dir=data_dir)


def _sync(store: Store) -> None:
    engine = SyncEngine.for_store(store, base_delay_s=0.0)
    try:
        report = engine.run_once(force=True)
    finally:
        engine.client.close()
    assert report.ok, report


def test_two_kiosks_under_one_user_keep_their_own_credential_and_card_key(
        live_server, office, secret_service, tmp_path):  # noqa: ANN001
    cfg_a, cfg_b = _config(tmp_path, "a"), _config(tmp_path, "b")
    a = open_store(cfg_a, keystore=secret_service)
    b = open_store(cfg_b, keystore=KeyringKeyStore())          # another process of the same user
    try:
        provision(a, live_server.url, office.create_enrollment_token(B1), name="hall A")
        provision(b, live_server.url, office.create_enrollment_token(B2), name="hall B")
        assert credential(a) != credential(b) and signing_key(a).key_id != signing_key(b).key_id
        secret_a = secret_service.get(f"sync-secret/{a.store_id}")
        assert secret_a and secret_a == credential(a)[1] and secret_service.get("sync-secret") is None
        _sync(a), _sync(b)                                   # A still syncs after B was provisioned
        # both sign cards, each under its own key, and the server takes both
        for store, cfg, building, flat, first, phone in ((a, cfg_a, B1, flat_id(1, 1), "Amina", "06 12 34 56 78"),
                                                         (b, cfg_b, B2, flat_id(2, 1), "Jean", "07 52 34 56 78")):
            form = EnrollmentForm(first_name=first, last_name="Test", building_id=building, flat_id=flat,
                                  phone=phone, notice_accepted=True)
            card = build_membership(store, cfg).members.enroll(form, load_notice("fr")).card
            assert card.record.issuer_key_id == signing_key(store).key_id.hex()
            engine = SyncEngine.for_store(store, base_delay_s=0.0)
            report = engine.run_once(force=True)
            engine.client.close()
            assert report.ok and report.results == {"applied": 2}, report
        with office.read() as conn:
            issuers = {r.issuer_key_id for r in conn.execute(select(db.cards.c.issuer_key_id))}
        assert issuers == {signing_key(a).key_id.hex(), signing_key(b).key_id.hex()}
    finally:
        for s in (a, b):
            for name in ("sync-secret", "card-signing-key"):
                s.keystore.delete(name)
            s.close()


def test_an_installed_kiosk_keeps_its_credential_and_key_after_the_upgrade(
        live_server, office, secret_service, tmp_path):  # noqa: ANN001
    cfg = _config(tmp_path, "old")
    store = open_store(cfg, keystore=secret_service)
    provision(store, live_server.url, office.create_enrollment_token(B1), name="old hall")
    device, secret = credential(store)
    key_id = signing_key(store).key_id.hex()
    store_id = store.store_id
    store.close()
    # What kiosk 0.1 left on disk: the secrets under the bare names, no secret_names in the meta.
    for name in ("sync-secret", "card-signing-key"):
        secret_service.put(name, secret_service.get(f"{name}/{store_id}"))
        secret_service.delete(f"{name}/{store_id}")
    meta_path = Path(cfg.data_dir) / "kiosk.db.meta.json"
    meta = json.loads(meta_path.read_text())
    del meta["secret_names"]
    meta_path.write_text(json.dumps(meta))

    upgraded = open_store(cfg, keystore=KeyringKeyStore())
    try:
        assert credential(upgraded) == (device, secret) and signing_key(upgraded).key_id.hex() == key_id
        assert secret_service.get("sync-secret") is None and secret_service.get("card-signing-key") is None
        assert json.loads(meta_path.read_text())["secret_names"] == "per-store"
        _sync(upgraded)
        # a kiosk set up afterwards on the same account starts clean: nothing left to take
        fresh = open_store(_config(tmp_path, "new"), keystore=secret_service)
        assert credential(fresh) is None and signing_key(fresh).key_id.hex() != key_id
        fresh.keystore.delete("card-signing-key")
        fresh.close()
    finally:
        for name in ("sync-secret", "card-signing-key"):
            upgraded.keystore.delete(name)
        upgraded.close()
