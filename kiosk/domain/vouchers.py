"""Vouchers ("bons"): a one-time discount a member prints at the kiosk when the card is not at hand.

A voucher names one offer of one partner, carries a one-time code a partner can type
(:data:`CODE_LEN` characters of the RFC 4648 base32 alphabet, e.g. ``K7QM3XRT9P``) and is
signed by the issuing kiosk's card key, so a partner's phone checks it offline like a
card. The QR text is ``CKV1:`` + base32 (upper case, no padding) of 42 bytes of claims
and their Ed25519 signature over ``b"CKV1" + claims`` (the tag keeps a voucher's
signature from ever passing for a card's, whose message is 29 bytes without a tag):

``code(10 ASCII) issuer_key_id(4) member_id(16) offer_tag(8) issued_day(2) expiry_day(2)``

``offer_tag`` is the first 8 bytes of SHA-256 of the offer id (offer ids are strings of
up to 64 characters); days count from 2020-01-01 as on cards. The text is 175
characters (170 after the prefix): a version 7 QR at level M in alphanumeric mode.

The partner page (``central/partners/static/verify.js``) decodes the same layout; its
test vectors are made by this module (tests/partners/). Pure Python plus
``cryptography``; no Qt, no database.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import secrets
import struct
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.domain.cards import EPOCH, CardSigner

PREFIX = "CKV1:"
TAG = b"CKV1"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
CODE_LEN = 10                 # 50 random bits
VALID_DAYS = 30               # a voucher is good for this many days after its issue day (kiosk and server)
_CLAIMS = struct.Struct(">10s4s16s8sHH")
SIGNATURE_LEN = 64
PAYLOAD_LEN = _CLAIMS.size + SIGNATURE_LEN   # 106 bytes
_BODY_LEN = -(-PAYLOAD_LEN * 8 // 5)         # 170 base32 characters


class VoucherStatus(str, enum.Enum):
    OPEN = "open"             # printed, not used
    USED = "used"             # redeemed at the partner (the server says so)
    REFUSED = "refused"       # the server refused to record it (member gone...)


class VoucherVerdict(str, enum.Enum):
    VALID = "valid"
    ALTERED = "altered"       # damaged, edited or not signed by the key it names
    EXPIRED = "expired"
    UNKNOWN_ISSUER = "unknown_issuer"
    NOT_A_VOUCHER = "not_a_voucher"


@dataclass(frozen=True)
class Voucher:
    """A printed voucher as the kiosk and the server keep it (the feed's ``voucher``)."""

    id: str                   # the issuing kiosk's id for it (a UUID)
    code: str                 # CODE_LEN characters of ALPHABET
    issuer_key_id: str        # hex: the kiosk key that signed it
    member_id: str
    offer_id: str
    partner_id: str
    issued: str               # ISO date
    expires: str              # ISO date, inclusive
    status: VoucherStatus = VoucherStatus.OPEN
    used_at: str = ""


@dataclass(frozen=True)
class VoucherClaims:
    code: str
    issuer_key_id: bytes
    member_id: uuid.UUID
    offer_tag: bytes
    issued: date
    expires: date

    def pack(self) -> bytes:
        return _CLAIMS.pack(self.code.encode("ascii"), self.issuer_key_id, self.member_id.bytes, self.offer_tag,
                            (self.issued - EPOCH).days, (self.expires - EPOCH).days)

    @classmethod
    def unpack(cls, raw: bytes) -> "VoucherClaims":
        code, key_id, member, tag, issued, expires = _CLAIMS.unpack(raw)
        return cls(code.decode("ascii"), key_id, uuid.UUID(bytes=member), tag,
                   EPOCH + timedelta(days=issued), EPOCH + timedelta(days=expires))


@dataclass(frozen=True)
class VoucherCheck:
    verdict: VoucherVerdict
    claims: VoucherClaims | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is VoucherVerdict.VALID


def offer_tag(offer_id: str) -> bytes:
    return hashlib.sha256(offer_id.encode("utf-8")).digest()[:8]


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LEN))


def normalize_code(text: str) -> str:
    """What a person typed, as a code: case, spaces and dashes ignored; 0, 1 and 8 read as
    O, I and B (the alphabet has no such digits, and they are what people mistype)."""
    cleaned = "".join(ch for ch in (text or "").upper() if ch not in " -.\t")
    return cleaned.translate(str.maketrans("018", "OIB"))


def code_problem(code: str) -> str | None:
    """Why a code is refused, or None (the payload, the server and the partner's form ask this)."""
    if len(code) != CODE_LEN or any(ch not in ALPHABET for ch in code):
        return "voucher.code_invalid"
    return None


def grouped(code: str) -> str:
    """``K7QM3XRT9P`` → ``K7QM 3XRT 9P``: how it is printed and read out."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def dates_problem(issued: str, expires: str) -> str | None:
    """Real ISO dates, the expiry on or after the issue day and at most VALID_DAYS after it."""
    try:
        first, last = date.fromisoformat(issued), date.fromisoformat(expires)
    except (TypeError, ValueError):
        return "voucher.date_invalid"
    if len(issued) != 10 or len(expires) != 10 or first < EPOCH:
        return "voucher.date_invalid"
    if not 0 <= (last - first).days <= VALID_DAYS:
        return "voucher.validity_invalid"
    return None


def sign(signer: CardSigner, claims: VoucherClaims) -> str:
    """The QR text of a voucher (Ed25519 is deterministic: the same claims give the same text)."""
    body = claims.pack()
    raw = body + signer.sign(TAG + body)
    return PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def claims_of(v: Voucher) -> VoucherClaims:
    return VoucherClaims(v.code, bytes.fromhex(v.issuer_key_id), uuid.UUID(v.member_id), offer_tag(v.offer_id),
                         date.fromisoformat(v.issued), date.fromisoformat(v.expires))


def _decode_body(text: str) -> bytes | None:
    body = text[len(PREFIX):]
    if len(body) != _BODY_LEN:
        return None
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8), casefold=False)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != PAYLOAD_LEN or base64.b32encode(raw).decode("ascii").rstrip("=") != body:
        return None   # only the canonical spelling (the last character has spare bits)
    return raw


def verify(text: str, *, keys: Mapping[bytes, Ed25519PublicKey], today: date) -> VoucherCheck:
    """Judge a scanned voucher text; ``keys`` maps issuer key ids to their public keys.
    Whether it was used already is the server's to say (and the partner device's, as far
    as it knows)."""
    text = (text or "").strip()
    if not text.startswith(PREFIX):
        return VoucherCheck(VoucherVerdict.NOT_A_VOUCHER)
    raw = _decode_body(text)
    if raw is None:
        return VoucherCheck(VoucherVerdict.ALTERED)
    try:
        claims = VoucherClaims.unpack(raw[:_CLAIMS.size])
    except (ValueError, struct.error, UnicodeDecodeError):
        return VoucherCheck(VoucherVerdict.ALTERED)
    if code_problem(claims.code) or claims.expires < claims.issued:
        return VoucherCheck(VoucherVerdict.ALTERED)
    key = keys.get(claims.issuer_key_id)
    if key is None:
        return VoucherCheck(VoucherVerdict.UNKNOWN_ISSUER, claims)
    try:
        key.verify(raw[_CLAIMS.size:], TAG + raw[:_CLAIMS.size])
    except InvalidSignature:
        return VoucherCheck(VoucherVerdict.ALTERED, claims)
    if claims.expires < today:
        return VoucherCheck(VoucherVerdict.EXPIRED, claims)
    return VoucherCheck(VoucherVerdict.VALID, claims)


def issue(signer: CardSigner, *, voucher_id: str, member_id: str, offer_id: str, partner_id: str, today: date,
          code_maker: Callable[[], str] = new_code) -> tuple[Voucher, str]:
    """A new voucher and its QR text."""
    v = Voucher(voucher_id, code_maker(), signer.key_id.hex(), member_id, offer_id, partner_id, today.isoformat(),
                (today + timedelta(days=VALID_DAYS)).isoformat())
    return v, sign(signer, claims_of(v))
