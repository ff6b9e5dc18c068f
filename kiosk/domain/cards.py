"""Membership cards and staff badges: the signed ``CK1:`` payload and its verdicts.

Layout (29 bytes, big-endian), then a 64-byte Ed25519 signature over those bytes:
``role(1) holder_id(16) serial(4) issuer_key_id(4) issued_day(2) expiry_day(2)``;
days count from 2020-01-01. The text is ``CK1:`` + RFC 4648 base32 without padding,
upper case, so the whole payload (153 characters) fits QR alphanumeric mode: version 6
at level M (7 at most). ARCHITECTURE.md says base64url; that needs byte mode and version 8 for the
same bytes (base64url text is 128 characters but byte mode costs 8 bits a character, the
alphanumeric mode 5.5), so a larger, harder-to-read code.

The card carries no personal data: only ids, dates and the signature. Pure Python plus
``cryptography``; no Qt, no database.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import struct
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives import serialization

PREFIX = "CK1:"
EPOCH = date(2020, 1, 1)
_CLAIMS = struct.Struct(">B16sI4sHH")
SIGNATURE_LEN = 64
PAYLOAD_LEN = _CLAIMS.size + SIGNATURE_LEN  # 93 bytes


class Role(enum.IntEnum):
    MEMBER = 0
    STAFF = 1


class Verdict(str, enum.Enum):
    VALID = "valid"
    FORGED = "forged"            # well formed, signature does not verify, serial unknown here
    ALTERED = "altered"          # damaged/truncated, or a known card's fields were edited
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNKNOWN_ISSUER = "unknown_issuer"
    NOT_A_CARD = "not_a_card"


@dataclass(frozen=True)
class CardClaims:
    role: Role
    holder_id: uuid.UUID
    serial: int
    issuer_key_id: bytes
    issued: date
    expires: date

    def pack(self) -> bytes:
        return _CLAIMS.pack(int(self.role), self.holder_id.bytes, self.serial, self.issuer_key_id,
                            (self.issued - EPOCH).days, (self.expires - EPOCH).days)

    @classmethod
    def unpack(cls, raw: bytes) -> "CardClaims":
        role, holder, serial, key_id, issued, expires = _CLAIMS.unpack(raw)
        return cls(Role(role), uuid.UUID(bytes=holder), serial, key_id,
                   EPOCH + timedelta(days=issued), EPOCH + timedelta(days=expires))


@dataclass(frozen=True)
class VerifyResult:
    verdict: Verdict
    claims: CardClaims | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VALID


LAST_DAY = EPOCH + timedelta(days=0xFFFF)   # the card's 2-byte day counts end here


def card_dates_problem(issued: str, expires: str) -> str | None:
    """Why a card's dates are refused, or None: both real ISO dates (``YYYY-MM-DD``) that a
    card can carry, the expiry after the issue day. The kiosk issuing a card and the server
    recording it ask the same."""
    try:
        first, last = date.fromisoformat(issued), date.fromisoformat(expires)
    except (TypeError, ValueError):
        return "card.date_invalid"
    if len(issued) != 10 or len(expires) != 10:  # fromisoformat also takes "20260101"
        return "card.date_invalid"
    if not (EPOCH <= first <= LAST_DAY and EPOCH <= last <= LAST_DAY):
        return "card.date_out_of_range"
    if last <= first:
        return "card.expires_before_issued"
    return None


def key_id_of(public_key: Ed25519PublicKey) -> bytes:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:4]


def public_key_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)


def public_key_raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class CardSigner:
    """Signs cards with one kiosk's Ed25519 key."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self.public_key = private_key.public_key()
        self.key_id = key_id_of(self.public_key)

    @classmethod
    def generate(cls) -> "CardSigner":
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, raw: bytes) -> "CardSigner":
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def private_bytes(self) -> bytes:
        return self._key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                       serialization.NoEncryption())

    def sign(self, message: bytes) -> bytes:
        """An Ed25519 signature of ``message``: the proof that this kiosk holds the key it
        registers (``kiosk/protocol/enrollment.py``; that message cannot be a card payload)."""
        return self._key.sign(message)

    def issue(self, role: Role, holder_id: uuid.UUID, serial: int, issued: date, valid_days: int) -> tuple[str, CardClaims]:
        claims = CardClaims(role, holder_id, serial, self.key_id, issued, issued + timedelta(days=valid_days))
        return encode(claims, self._key.sign(claims.pack())), claims


def signature_is_valid(public_key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def encode(claims: CardClaims, signature: bytes) -> str:
    body = base64.b32encode(claims.pack() + signature).decode("ascii").rstrip("=")
    return PREFIX + body


def _decode_body(text: str) -> bytes | None:
    body = text[len(PREFIX):]
    if len(body) != 149:  # ceil(93 * 8 / 5)
        return None
    try:
        raw = base64.b32decode(body + "===", casefold=False)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != PAYLOAD_LEN:
        return None
    # 149 base32 characters carry 745 bits for 744: the last character has a spare bit.
    # Only the canonical spelling is a card, so no two texts verify as the same card.
    if base64.b32encode(raw).decode("ascii").rstrip("=") != body:
        return None
    return raw


def is_well_formed(text: str) -> bool:
    """Whether ``text`` is spelled like a card (prefix, length, canonical base32), before
    any signature check: the camera's rescue paths keep only such texts."""
    return isinstance(text, str) and text.startswith(PREFIX) and _decode_body(text) is not None


def verify(text: str, *, keys: Mapping[bytes, Ed25519PublicKey], today: date,
           is_revoked: Callable[[bytes, int], bool] = lambda key_id, serial: False,
           known_serial: Callable[[bytes, int], bool] = lambda key_id, serial: False) -> VerifyResult:
    """Judge a scanned text. ``keys`` maps issuer key ids to public keys (this kiosk's and
    those the server published); ``is_revoked``/``known_serial`` ask the local register."""
    if not isinstance(text, str) or not text.startswith(PREFIX):
        return VerifyResult(Verdict.NOT_A_CARD)
    raw = _decode_body(text.strip())
    if raw is None:
        return VerifyResult(Verdict.ALTERED)
    try:
        claims = CardClaims.unpack(raw[:_CLAIMS.size])
    except (ValueError, struct.error):
        return VerifyResult(Verdict.ALTERED)
    if claims.expires < claims.issued:
        return VerifyResult(Verdict.ALTERED)
    key = keys.get(claims.issuer_key_id)
    if key is None:
        return VerifyResult(Verdict.UNKNOWN_ISSUER, claims)
    try:
        key.verify(raw[_CLAIMS.size:], raw[:_CLAIMS.size])
    except InvalidSignature:
        if known_serial(claims.issuer_key_id, claims.serial):
            return VerifyResult(Verdict.ALTERED, claims)
        return VerifyResult(Verdict.FORGED, claims)
    if is_revoked(claims.issuer_key_id, claims.serial):
        return VerifyResult(Verdict.REVOKED, claims)
    if claims.expires < today:
        return VerifyResult(Verdict.EXPIRED, claims)
    return VerifyResult(Verdict.VALID, claims)
