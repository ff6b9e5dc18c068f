"""This kiosk's card-signing key, kept in the key store and made on first use.

One place for the key's name and its creation: card issuing (services) and provisioning
(sync, which registers the public key with the server) both call :func:`card_signer`.
The public key is (re)registered in ``card_issuers`` so the kiosk always trusts its own
cards. No Qt here.
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
    else:
        signer = CardSigner.generate()
        store.keystore.put(SIGNING_KEY_NAME, signer.private_bytes().hex())
        log.info("created this kiosk's card-signing key %s", signer.key_id.hex())
    store.repos.cards.add_issuer(signer.key_id.hex(), public_key_raw(signer.public_key).hex())
    return signer
