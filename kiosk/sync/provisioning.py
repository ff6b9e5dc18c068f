"""``kiosk provision``: exchange a one-time token for this kiosk's device credential.

Makes the card-signing key if the store has none (kiosk/store/signing.py), proves to the
server that it holds that key (a signed server nonce: kiosk/protocol/enrollment.py),
keeps the device secret in the store's key store (``sync-secret``, named per store:
kiosk/store/keystore.py) and the server URL, device id and buildings in the ``kv``
table, records the kiosk's own issuer key, and clears the cursor so the first sync
fetches a snapshot.

A server registers a card key once, for one device, ever. A store provisioned again
(a new token after a revocation, a lost answer, another building) is told its key is
taken (``public_key_registered``): it makes a new card key and enrolls with that one.
The cards it signed before keep verifying everywhere (their issuer stays published,
and here in ``card_issuers``); this kiosk can no longer re-render their text, as for
any other kiosk's card, and a reissue gives the member a card under the new key.
No Qt.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import httpx

from kiosk.domain.cards import CardSigner, public_key_raw
from kiosk.store.database import Connection
from kiosk.store.opening import Store
from kiosk.store.signing import card_signer, new_card_signer
from kiosk.sync.applier import CURSOR_KEY
from kiosk.sync.client import ProtocolError, SyncClient

log = logging.getLogger(__name__)
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
    # A store provisioned again keeps its outbox: the new credential starts at the first
    # entry still pending (or after the last one), so the server sees no hole.
    first_seq = store.repos.outbox.next_unsent_seq()
    client = SyncClient(server_url, transport=transport, ca_file=ca_file)
    try:
        try:
            answer = client.enroll(token, name, signer, first_seq=first_seq)
        except ProtocolError as exc:
            if exc.server_code != "public_key_registered":
                raise
            old = signer.key_id.hex()
            signer = new_card_signer(store)
            log.info("card key %s is already registered with this server: enrolling with a new key %s",
                     old, signer.key_id.hex())
            answer = client.enroll(token, name, signer, first_seq=first_seq)
    finally:
        client.close()
    store.keystore.put(SECRET_NAME, answer.secret)
    repos, public_hex = store.repos, public_key_raw(signer.public_key).hex()

    def save(_conn: Connection) -> None:
        with store.db.atomic():
            for key, value in ((KV_SERVER, server_url), (KV_DEVICE, answer.device_id),
                               (KV_BUILDINGS, json.dumps(answer.building_ids)), (KV_CA, ca_file)):
                repos.kv.set(key, value)
            repos.kv.delete(CURSOR_KEY)
            repos.cards.add_issuer(signer.key_id.hex(), public_hex, answer.device_id)
    store.db.run(save)
    return Provisioned(answer.device_id, answer.building_ids, answer.key_id, server_url)
