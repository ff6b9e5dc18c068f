"""Proof of possession at device enrollment: what the kiosk signs and the server checks.

Every kiosk receives every other kiosk's public card key in the catalogue feed, so a
public key alone proves nothing. To register its key, a kiosk first asks the server for a
single-use nonce (``POST /v1/devices/nonce``), then signs, with the private key of the
card key it registers, the message :func:`proof_message` builds from a fixed context
string, the enrollment token, that nonce and the public key. The server verifies the
signature before the token is spent, refuses a key already registered, and derives the
key id from the key. The message is a JSON array: its fields cannot be shifted into one
another, and it cannot be mistaken for a card payload (29 binary bytes).
"""

from __future__ import annotations

import json

from kiosk.domain.cards import CardSigner, public_key_from_raw, signature_is_valid

CONTEXT = "club-kiosk device enrollment v1"
NONCE_PATTERN = r"^[A-Za-z0-9_-]{32,64}$"      # secrets.token_urlsafe(32): 43 characters
PROOF_PATTERN = r"^[0-9a-f]{128}$"             # a 64-byte Ed25519 signature, hex


def proof_message(token: str, nonce: str, public_key_hex: str) -> bytes:
    return json.dumps([CONTEXT, token, nonce, public_key_hex], separators=(",", ":")).encode()


def sign_enrollment(signer: CardSigner, token: str, nonce: str, public_key_hex: str) -> str:
    """The proof (hex) a kiosk sends with its enrollment."""
    return signer.sign(proof_message(token, nonce, public_key_hex)).hex()


def proof_is_valid(token: str, nonce: str, public_key_hex: str, proof_hex: str) -> bool:
    try:
        key = public_key_from_raw(bytes.fromhex(public_key_hex))
        signature = bytes.fromhex(proof_hex)
    except ValueError:
        return False
    return signature_is_valid(key, signature, proof_message(token, nonce, public_key_hex))
