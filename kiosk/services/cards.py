"""Membership cards and staff badges: issue, reissue, revoke, verify, render the QR.

The kiosk's Ed25519 card-signing key lives in the key store (``card-signing-key``,
created on first use by :func:`signer_for`); its public key is registered in
``card_issuers`` beside those the server publishes. Ed25519 signatures are
deterministic, so the text of a card this kiosk issued can be rebuilt from its record
(:meth:`CardService.card_text`): the database never stores card texts.

Verification (:meth:`CardService.verify_card`) uses this kiosk's key and every known
issuer, the revoked serials and the local register. A card of an unknown issuer is
accepted only if the local register (synced from the server) holds exactly that card,
active; anything else is refused ("see your caretaker").

Every write is a recorded mutation (``issue_card``, ``revoke_card``): its local effect and
its outbox entry in one transaction (:class:`kiosk.services.recording.Recorder`).
No Qt here: the QR is drawn with segno (PNG/SVG); printing lives in the UI.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import segno

from kiosk.domain.cards import (PREFIX, CardClaims, CardSigner, Role, Verdict, VerifyResult, public_key_from_raw,
                                verify)
from kiosk.domain.errors import NotFound
from kiosk.domain.records import CardRecord, CardStatus
from kiosk.protocol.mutations.issue_card import IssueCard
from kiosk.protocol.mutations.revoke_card import RevokeCard
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories
from kiosk.store.signing import card_signer

log = logging.getLogger(__name__)
# The key itself lives in the store's key store (kiosk/store/signing.py).
signer_for = card_signer


def qr_png_bytes(text: str, *, scale: int = 10, border: int = 4) -> bytes:
    """The card's QR as PNG bytes (level M, dark on white, quiet zone)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=border,
                                                  dark="#000000", light="#FFFFFF")
    return buf.getvalue()


def save_qr_png(text: str, path: Path, *, scale: int = 10) -> Path:
    Path(path).write_bytes(qr_png_bytes(text, scale=scale))
    return Path(path)


@dataclass(frozen=True)
class IssuedCard:
    text: str                 # the ``CK1:`` payload printed as a QR
    record: CardRecord

    @property
    def serial(self) -> int:
        return self.record.serial


class CardService:
    def __init__(self, db: Database, repos: Repositories, signer: CardSigner, *,
                 validity_days: int = 730, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.signer = signer
        self.validity_days = validity_days
        self.today = today

    @property
    def key_id(self) -> str:
        return self.signer.key_id.hex()

    # -- issuing (call inside the caller's transaction, or alone) ---------------------------
    def issue(self, holder_id: str, *, role: Role = Role.MEMBER, holder_uuid: uuid.UUID | None = None,
              valid_days: int | None = None) -> IssuedCard:
        """A new card for ``holder_id``; recorded and queued for sync in one transaction."""
        def go(_c) -> IssuedCard:
            with self.db.atomic():
                serial = self.repos.cards.next_serial(self.key_id)
                text, claims = self.signer.issue(role, holder_uuid or uuid.UUID(holder_id), serial,
                                                 self.today(), valid_days or self.validity_days)
                payload = IssueCard(issuer_key_id=self.key_id, serial=serial, holder_id=holder_id,
                                    role="staff" if role is Role.STAFF else "member",
                                    issued=claims.issued.isoformat(), expires=claims.expires.isoformat())
                self.recorder.record(payload)
                return IssuedCard(text, payload.record())
        return self.db.run(go)

    def revoke(self, record: CardRecord) -> None:
        self.recorder.record(RevokeCard(issuer_key_id=record.issuer_key_id, serial=record.serial))

    def revoke_all(self, holder_id: str) -> int:
        """Revoke every active card of ``holder_id``; how many were revoked."""
        def go(_c) -> int:
            n = 0
            with self.db.atomic():
                for rec in self.repos.cards.of_holder(holder_id):
                    if rec.status is CardStatus.ACTIVE:
                        self.revoke(rec)
                        n += 1
            return n
        return self.db.run(go)

    def reissue(self, holder_id: str) -> IssuedCard:
        """Lost card: every old serial of the holder revoked, a new card issued."""
        def go(_c) -> IssuedCard:
            with self.db.atomic():
                self.revoke_all(holder_id)
                return self.issue(holder_id)
        return self.db.run(go)

    # -- reading ---------------------------------------------------------------------------
    def active_card(self, holder_id: str) -> CardRecord | None:
        active = [c for c in self.repos.cards.of_holder(holder_id) if c.status is CardStatus.ACTIVE
                  and c.expires >= self.today().isoformat()]
        return active[-1] if active else None

    def card_text(self, record: CardRecord) -> str:
        """Rebuild the text of a card this kiosk issued (Ed25519 is deterministic)."""
        if record.issuer_key_id != self.key_id:
            raise NotFound(f"card {record.issuer_key_id}/{record.serial} was issued by another kiosk")
        role = Role.STAFF if record.role == "staff" else Role.MEMBER
        holder = uuid.UUID(record.holder_id) if role is Role.MEMBER else _staff_uuid(record.holder_id)
        claims = CardClaims(role, holder, record.serial, self.signer.key_id,
                            date.fromisoformat(record.issued), date.fromisoformat(record.expires))
        text, _ = self.signer.issue(role, holder, record.serial, claims.issued,
                                    (claims.expires - claims.issued).days)
        return text

    def current_card_text(self, holder_id: str) -> str | None:
        rec = self.active_card(holder_id)
        if rec is None or rec.issuer_key_id != self.key_id:
            return None
        return self.card_text(rec)

    def verify_card(self, text: str) -> VerifyResult:
        """The verdict on a scanned or typed text, offline."""
        keys = {bytes.fromhex(k): public_key_from_raw(bytes.fromhex(v))
                for k, v in self.repos.cards.issuers().items()}
        keys[self.signer.key_id] = self.signer.public_key
        cards = self.repos.cards
        result = verify((text or "").strip(), keys=keys, today=self.today(),
                        is_revoked=lambda kid, serial: cards.is_revoked(kid.hex(), serial),
                        known_serial=lambda kid, serial: cards.get(kid.hex(), serial) is not None)
        if result.verdict is Verdict.UNKNOWN_ISSUER and result.claims is not None:
            result = self._from_register(result.claims)
        if result.ok and not _canonical((text or "").strip()):
            # base32 of 93 bytes leaves one spare bit in the last character: a text with
            # that bit set decodes to the same card, but it is not a text we printed.
            return VerifyResult(Verdict.ALTERED, result.claims)
        return result

    def _from_register(self, claims: CardClaims) -> VerifyResult:
        """Unknown issuer: valid only if the synced register holds exactly this card."""
        rec = self.repos.cards.get(claims.issuer_key_id.hex(), claims.serial)
        if rec is None:
            return VerifyResult(Verdict.UNKNOWN_ISSUER, claims)
        expected_role = "staff" if claims.role is Role.STAFF else "member"
        holder_ok = (rec.holder_id == str(claims.holder_id) if claims.role is Role.MEMBER
                     else _staff_uuid(rec.holder_id) == claims.holder_id)
        if not (holder_ok and rec.role == expected_role and rec.issued == claims.issued.isoformat()
                and rec.expires == claims.expires.isoformat()):
            return VerifyResult(Verdict.ALTERED, claims)
        if rec.status is CardStatus.REVOKED:
            return VerifyResult(Verdict.REVOKED, claims)
        if claims.expires < self.today():
            return VerifyResult(Verdict.EXPIRED, claims)
        return VerifyResult(Verdict.VALID, claims)

    def holder_of(self, result: VerifyResult) -> str | None:
        """The member id or staff id a valid card belongs to."""
        if not result.ok or result.claims is None:
            return None
        rec = self.repos.cards.get(result.claims.issuer_key_id.hex(), result.claims.serial)
        if rec is not None:
            return rec.holder_id
        return str(result.claims.holder_id) if result.claims.role is Role.MEMBER else None


def _canonical(text: str) -> bool:
    body = text[len(PREFIX):]
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except (binascii.Error, ValueError):
        return False
    return base64.b32encode(raw).decode("ascii").rstrip("=") == body


def _staff_uuid(staff_id: str) -> uuid.UUID:
    """Staff badges carry ``uuid5(URL, staff id)``: staff ids are names, not UUIDs."""
    return uuid.uuid5(uuid.NAMESPACE_URL, staff_id)


staff_uuid = _staff_uuid



@dataclass(frozen=True)
class CardFace:
    """What is printed on an ID-1 card: no contact details, the QR carries only ids."""

    club_name: str
    first_name: str
    number: str
    building: str
    expires: str          # ISO date
    qr_text: str
