"""``kiosk provision``: exchange a one-time token for this kiosk's device credential.

Makes the card-signing key if the key store has none (``card-signing-key``, hex of the
raw Ed25519 private key), sends its public key with the token, keeps the device secret
in the key store (``sync-secret``) and the server URL, device id and buildings in the
``kv`` table, records the kiosk's own issuer key, and clears the cursor so the first
sync fetches a snapshot. No Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

from kiosk.domain.cards import CardSigner, public_key_raw
from kiosk.store.database import Connection
from kiosk.store.opening import Store
from kiosk.store.signing import card_signer
from kiosk.sync.applier import CURSOR_KEY
from kiosk.sync.client import SyncClient

SECRET_NAME = "sync-secret"
KV_SERVER, KV_DEVICE, KV_BUILDINGS, KV_CA = "sync.server_url", "sync.device_id", "sync.building_ids", "sync.ca_file"


@dataclass(frozen=True)
class Provisioned:
    device_id: str
    building_ids: list[str]
    key_id: str
    server_url: str


def signing_key(store: Store) -> CardSigner:
    """This kiosk's card signer (kiosk/store/signing.py), created on first use."""
    return card_signer(store)


def credential(store: Store) -> tuple[str, str] | None:
    device_id = store.repos.kv.get(KV_DEVICE)
    secret = store.keystore.get(SECRET_NAME)
    return (device_id, secret) if device_id and secret else None


def provision(store: Store, server_url: str, token: str, *, name: str = "kiosk", ca_file: str = "",
              transport: httpx.BaseTransport | None = None) -> Provisioned:
    signer = signing_key(store)
    public_hex = public_key_raw(signer.public_key).hex()
    # A store provisioned again keeps its outbox: the new credential starts at the first
    # entry still pending (or after the last one), so the server sees no hole.
    first_seq = store.db.run(lambda c: c.execute(
        "SELECT coalesce((SELECT min(seq) FROM outbox WHERE state = 'pending'), "
        "(SELECT coalesce(max(seq), 0) + 1 FROM outbox))").fetchone()[0])
    client = SyncClient(server_url, transport=transport, ca_file=ca_file)
    try:
        answer = client.enroll(token, name, public_hex, first_seq=int(first_seq))
    finally:
        client.close()
    store.keystore.put(SECRET_NAME, answer.secret)
    db = store.db

    def save(conn: Connection) -> None:
        with db.atomic():
            for key, value in ((KV_SERVER, server_url), (KV_DEVICE, answer.device_id),
                               (KV_BUILDINGS, json.dumps(answer.building_ids)), (KV_CA, ca_file)):
                conn.execute("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                             "excluded.value", (key, value))
            conn.execute("DELETE FROM kv WHERE key = ?", (CURSOR_KEY,))
            conn.execute("INSERT INTO card_issuers (key_id, public_key, kiosk_id) VALUES (?, ?, ?) ON CONFLICT "
                         "(key_id) DO UPDATE SET public_key = excluded.public_key, kiosk_id = excluded.kiosk_id",
                         (signer.key_id.hex(), public_hex, answer.device_id))
    db.run(save)
    return Provisioned(answer.device_id, answer.building_ids, answer.key_id, server_url)
