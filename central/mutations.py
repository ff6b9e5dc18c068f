"""What each named mutation from a kiosk does on the server.

A handler gets the device, the open transaction and a validated payload (the pydantic
model of ``kiosk.protocol.wire.MUTATION_PAYLOADS``), writes rows through
``central.records`` and returns ``(status, code, data)``. It raises :class:`Rejected`
for a final refusal; the caller rolls back the handler's savepoint and records the
rejection as the mutation's result. Every check of scope uses the device's buildings
(from its credential), never anything in the payload. To add a mutation: write a
handler and add it to :data:`HANDLERS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel
from sqlalchemy import Connection, and_, bindparam, or_, select

from central import db
from central.feed import FeedWriter, building_scope, now_iso
from central.records import add_consents, get_row, put_card, put_member
from kiosk.domain.text import fold
from kiosk.protocol import wire

Outcome = tuple[wire.ResultStatus, str, dict[str, Any]]


class Rejected(Exception):
    def __init__(self, code: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data or {}


@dataclass(frozen=True)
class Device:
    id: str
    building_ids: list[str]
    key_id: str
    epoch: int


_MERGED_INTO = select(db.feed.c.merged_into).where(
    (db.feed.c.entity == "member") & (db.feed.c.entity_id == bindparam("id")) & (db.feed.c.op == "delete")
    & db.feed.c.merged_into.is_not(None)).limit(1)


def _member_in_scope(conn: Connection, device: Device, member_id: str) -> dict[str, Any]:
    """The member's row; a record merged away by the office leads to the kept one (its
    tombstone says where, until the tombstone purge)."""
    row = get_row(conn, db.members, id=member_id)
    if row is None:
        kept = conn.execute(_MERGED_INTO, {"id": member_id}).scalar()
        row = get_row(conn, db.members, id=kept) if kept else None
    if row is None:
        raise Rejected("member_unknown")
    if row["building_id"] not in device.building_ids:
        raise Rejected("out_of_scope")
    return row


# Possible duplicates: same flat and same folded name, or the same phone (not empty).
_DUPLICATES = select(db.members.c.id, db.members.c.flat_id, db.members.c.folded_name).where(and_(
    db.members.c.status != "left",
    or_(and_(db.members.c.flat_id == bindparam("flat"), db.members.c.folded_name == bindparam("folded")),
        and_(db.members.c.phone == bindparam("phone"), db.members.c.phone != ""))))


def enroll_member(conn: Connection, fw: FeedWriter, device: Device, p: wire.EnrollMember) -> Outcome:
    if p.building_id not in device.building_ids:
        raise Rejected("out_of_scope")
    flat = get_row(conn, db.flats, id=p.flat_id)
    if flat is None or flat["building_id"] != p.building_id:
        raise Rejected("unknown_flat")
    existing = get_row(conn, db.members, id=p.id)
    if existing is not None:
        raise Rejected("member_exists")
    folded = fold(f"{p.first_name} {p.last_name}")
    duplicates = conn.execute(_DUPLICATES, {"flat": p.flat_id, "folded": folded, "phone": p.phone}).all()
    row = p.model_dump(exclude={"consents"}) | {
        "folded_name": folded, "origin_kiosk": device.id,
        "household": [h.model_dump() for h in p.household], "created_at": p.created_at or now_iso()}
    put_member(conn, fw, row)
    add_consents(conn, p.id, [c.model_dump() for c in p.consents], device.id)
    if duplicates:
        for d in duplicates:
            reason = "same_flat_and_name" if d.flat_id == p.flat_id and d.folded_name == folded else "same_phone"
            conn.execute(db.merge_queue.insert().values(member_id=p.id, duplicate_of=d.id, reason=reason,
                                                        state="open", created_at=now_iso()))
        return wire.ResultStatus.CONFLICT, "possible_duplicate", {"duplicate_of": [d.id for d in duplicates]}
    return wire.ResultStatus.APPLIED, "", {}


def update_member_contact(conn: Connection, fw: FeedWriter, device: Device, p: wire.UpdateMemberContact) -> Outcome:
    row = _member_in_scope(conn, device, p.member_id)
    changes = {k: v for k, v in p.model_dump(exclude={"member_id", "consents"}).items() if v is not None}
    put_member(conn, fw, row | changes)
    add_consents(conn, p.member_id, [c.model_dump() for c in p.consents], device.id)
    return wire.ResultStatus.APPLIED, "", {}


def erase_member(conn: Connection, fw: FeedWriter, device: Device, p: wire.EraseMember) -> Outcome:
    from central.records import remove_member
    row = get_row(conn, db.members, id=p.member_id)
    if row is None:
        return wire.ResultStatus.APPLIED, "already_gone", {}
    if row["building_id"] not in device.building_ids:
        raise Rejected("out_of_scope")
    remove_member(conn, fw, p.member_id)
    return wire.ResultStatus.APPLIED, "", {}


def issue_card(conn: Connection, fw: FeedWriter, device: Device, p: wire.IssueCard) -> Outcome:
    if p.issuer_key_id != device.key_id:
        raise Rejected("not_this_kiosks_key")
    if get_row(conn, db.cards, issuer_key_id=p.issuer_key_id, serial=p.serial) is not None:
        raise Rejected("serial_used")
    if p.role == "member":
        holder = _member_in_scope(conn, device, p.holder_id)
        scope: str | None = building_scope(holder["building_id"])
    else:
        scope = None  # staff badges: only revocations are published
    put_card(conn, fw, p.model_dump() | {"status": "active", "revoked_at": ""}, scope=scope)
    return wire.ResultStatus.APPLIED, "", {}


def revoke_card(conn: Connection, fw: FeedWriter, device: Device, p: wire.RevokeCard) -> Outcome:
    card = get_row(conn, db.cards, issuer_key_id=p.issuer_key_id, serial=p.serial)
    if card is None:
        raise Rejected("card_unknown")
    holder = get_row(conn, db.members, id=card["holder_id"])
    scope = building_scope(holder["building_id"]) if holder else None
    if holder is not None and holder["building_id"] not in device.building_ids:
        raise Rejected("out_of_scope")
    if holder is None and card["issuer_key_id"] != device.key_id:
        raise Rejected("out_of_scope")
    if card["status"] != "revoked":
        put_card(conn, fw, card | {"status": "revoked", "revoked_at": now_iso()}, scope=scope)
    return wire.ResultStatus.APPLIED, "", {}


def confirm_residence(conn: Connection, fw: FeedWriter, device: Device, p: wire.ConfirmResidence) -> Outcome:
    row = _member_in_scope(conn, device, p.member_id)
    if row["status"] == "pending":
        put_member(conn, fw, row | {"status": "active"})
    return wire.ResultStatus.APPLIED, "", {}


HANDLERS: dict[str, Callable[[Connection, FeedWriter, Device, Any], Outcome]] = {
    "enroll_member": enroll_member,
    "update_member_contact": update_member_contact,
    "erase_member": erase_member,
    "issue_card": issue_card,
    "revoke_card": revoke_card,
    "confirm_residence": confirm_residence,
}


def _community(name: str) -> Callable[[Connection, FeedWriter, Device, Any], Outcome]:
    """A handler of central/community.py, its refusals turned into :class:`Rejected`."""
    from central import community

    def handler(conn: Connection, fw: FeedWriter, device: Device, payload: Any) -> Outcome:
        try:
            return community.MUTATIONS[name](conn, fw, device, payload)
        except community.CommunityRejected as exc:
            raise Rejected(exc.code, exc.data) from None
    return handler


HANDLERS.update({name: _community(name) for name in ("register_for_event", "cancel_registration", "check_in",
                                                     "submit_idea", "vote_idea", "submit_request")})


def parse(mutation: str, payload: dict[str, Any]) -> BaseModel:
    model = wire.MUTATION_PAYLOADS.get(mutation)
    if model is None or mutation not in HANDLERS:
        raise Rejected("unknown_mutation")
    try:
        return model.model_validate(payload)
    except ValueError as exc:
        raise Rejected("invalid_payload", {"errors": str(exc)[:500]}) from None
