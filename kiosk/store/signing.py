"""This kiosk's card-signing key, kept in the store's key store and made on first use.

One place for the key's name and its creation: card issuing (services) and provisioning
(sync, which registers the public key with the server) both call :func:`card_signer`.
The name is per store (``card-signing-key/<store id>``, kiosk/store/keystore.py), so two
kiosks under one OS user never share a key. The public key is (re)registered in
``card_issuers`` so the kiosk always trusts its own cards. No Qt here.
"""

from __future__ import annotations

import logging

from kiosk.domain.cards import CardSigner, public_key_raw
from kiosk.store.opening import Store

SIGNING_KEY_NAME = "card-signing-key"
log = logging.getLogger(__name__)


def card_signer(store: Store) -> CardSigner:
    raw = store.keystore.get(SIGNING_KEY_NAME)
    if raw:
        signer = CardSigner.from_private_bytes(bytes.fromhex(raw))
        store.repos.cards.add_issuer(signer.key_id.hex(), public_key_raw(signer.public_key).hex())
        return signer
    log.info("making this kiosk's card-signing key")
    return new_card_signer(store)


def new_card_signer(store: Store) -> CardSigner:
    """A new card key for this store, replacing the current one (provisioning, when the
    server already knows the old key). The old public key stays in ``card_issuers``, so
    the cards it signed still verify here; only new cards use the new key."""
    signer = CardSigner.generate()
    store.keystore.put(SIGNING_KEY_NAME, signer.private_bytes().hex())
    store.repos.cards.add_issuer(signer.key_id.hex(), public_key_raw(signer.public_key).hex())
    log.info("card-signing key %s made for store %s", signer.key_id.hex(), store.store_id)
    return signer
