"""Who stands at the counter: a card or a voucher judged by the server, as the phone judged it.

:func:`identify` takes what the partner's phone read (a ``CK1:`` card, a ``CKV1:``
voucher, or a voucher code typed by hand) and returns the member it stands for, or
raises :class:`Refused` with a stable code. Signatures are checked with the card keys
of the club's kiosks (a revoked kiosk's key no longer counts), the dates against the
day of the redemption, revocations against the time it happened: a card revoked after
an offline redemption still counts for it. The rules of the card and voucher formats
are :mod:`kiosk.domain.cards` and :mod:`kiosk.domain.vouchers`, the same the kiosks use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, bindparam, select

from central import db
from central.partners.ledger import voucher_by_code
from central.partners.tables import redemptions
from central.records import get_row
from kiosk.domain import cards, vouchers
from kiosk.domain.cards import Role, Verdict, public_key_from_raw
from kiosk.domain.vouchers import VoucherStatus, VoucherVerdict, normalize_code
from kiosk.domain.members import MemberStatus
from kiosk.protocol.entities import MEMBER


class Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Holder:
    credential: str              # "card" | "voucher"
    credential_id: str           # "<key id>:<serial>" or the voucher's code
    member_id: str
    first_name: str
    building_id: str
    offer_tag: bytes | None = None   # a voucher names its offer
    offer_id: str | None = None      # ... known when the kiosk's record reached the server


_CARD = {Verdict.ALTERED: "card_altered", Verdict.FORGED: "card_altered", Verdict.EXPIRED: "card_expired",
         Verdict.REVOKED: "card_revoked", Verdict.UNKNOWN_ISSUER: "card_unknown", Verdict.NOT_A_CARD: "not_a_card"}
_VOUCHER = {VoucherVerdict.ALTERED: "voucher_altered", VoucherVerdict.EXPIRED: "voucher_expired",
            VoucherVerdict.UNKNOWN_ISSUER: "voucher_unknown", VoucherVerdict.NOT_A_VOUCHER: "not_a_card"}


def issuer_keys(conn: Connection) -> dict[bytes, Ed25519PublicKey]:
    rows = conn.execute(select(db.devices.c.key_id, db.devices.c.public_key).where(db.devices.c.revoked.is_(False)))
    return {bytes.fromhex(k): public_key_from_raw(bytes.fromhex(p)) for k, p in rows}


_MERGED_INTO = select(db.feed.c.merged_into).where(
    (db.feed.c.entity == "member") & (db.feed.c.entity_id == bindparam("id")) & (db.feed.c.op == "delete")
    & db.feed.c.merged_into.is_not(None)).limit(1)


def _member(conn: Connection, member_id: str) -> dict[str, object]:
    row = get_row(conn, db.members, id=member_id)
    if row is None:   # merged away: the kept record (its tombstone says which, as for kiosks' mutations)
        kept = conn.execute(_MERGED_INTO, {"id": member_id}).scalar()
        row = get_row(conn, db.members, id=kept) if kept else None
    if row is None or MEMBER.decode(row).status is MemberStatus.LEFT:
        raise Refused("member_unknown")
    return row


def _revoked_by(revoked_at: str, at: str) -> bool:
    """Was the card revoked by the time ``at`` (both ISO 8601, compared as times, not text)?"""
    try:
        return datetime.fromisoformat(revoked_at) <= datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return True   # no time kept: revoked for every use


def voucher_used(conn: Connection, code: str) -> bool:
    v = voucher_by_code(conn, code)
    if v is not None and v.status is VoucherStatus.USED:
        return True
    return conn.execute(select(redemptions.c.nonce).where(
        (redemptions.c.credential == "voucher") & (redemptions.c.credential_id == code)
        & (redemptions.c.status == "accepted")).limit(1)).first() is not None


def _holder(conn: Connection, credential: str, cid: str, member_id: str, **extra: object) -> Holder:
    m = _member(conn, member_id)
    return Holder(credential, cid, str(m["id"]), str(m["first_name"]), str(m["building_id"]), **extra)  # type: ignore[arg-type]


def identify(conn: Connection, text: str, *, day: date, at: str) -> Holder:
    """The member behind ``text`` on ``day`` (``at``: when it was shown, ISO UTC)."""
    text = (text or "").strip()
    if text.startswith(vouchers.PREFIX):
        check = vouchers.verify(text, keys=issuer_keys(conn), today=day)
        if not check.ok or check.claims is None:
            raise Refused(_VOUCHER[check.verdict])
        c = check.claims
        if voucher_used(conn, c.code):
            raise Refused("voucher_used")
        record = voucher_by_code(conn, c.code)
        return _holder(conn, "voucher", c.code, str(c.member_id), offer_tag=c.offer_tag,
                       offer_id=record.offer_id if record is not None else None)
    if text.startswith(cards.PREFIX):
        result = cards.verify(text, keys=issuer_keys(conn), today=day)
        if not result.ok or result.claims is None:
            raise Refused(_CARD[result.verdict])
        c2 = result.claims
        if c2.role is not Role.MEMBER:
            raise Refused("not_a_card")
        key = c2.issuer_key_id.hex()
        card = get_row(conn, db.cards, issuer_key_id=key, serial=c2.serial)
        if card is not None and card["status"] == "revoked" and _revoked_by(card["revoked_at"], at):
            raise Refused("card_revoked")
        return _holder(conn, "card", f"{key}:{c2.serial}", str(c2.holder_id))
    code = normalize_code(text)
    if vouchers.code_problem(code):
        raise Refused("not_a_card")
    found = voucher_by_code(conn, code)
    if found is None:
        raise Refused("voucher_unknown")   # not printed, or its kiosk has not synced yet
    if found.expires < day.isoformat():
        raise Refused("voucher_expired")
    if found.status is VoucherStatus.USED or voucher_used(conn, code):
        raise Refused("voucher_used")
    return _holder(conn, "voucher", code, found.member_id, offer_tag=vouchers.offer_tag(found.offer_id),
                   offer_id=found.offer_id)
