"""The server side of the mutation port (:class:`kiosk.protocol.ports.Server`), over SQLAlchemy.

One :class:`ServerStore` per mutation, on the pushing transaction, its
:class:`FeedWriter` and the authenticated device. Reads give the domain's entities;
writes go through ``central.records`` and ``central.community``, which record each
row's feed change for the kiosks that must see it. Definitions in
``kiosk/protocol/mutations/`` only ever see this interface; mypy checks it still fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import Connection, and_, bindparam, or_, select

from central import community, db, records
from central.conciergerie import Exchanges, Timebank
from central.community_tables import event_registrations, ideas, landlord_requests
from central.erasure import remove_member
from central.feed import FeedWriter, building_scope, now_iso
from central.help_office import add_callback
from central.help_tables import callback_requests
from central.lending_parts import Lending
from central.fees_parts import Fees
from central.partners.server_parts import Offers, Vouchers
from kiosk.domain.community import Attendance, Event, Idea, LandlordRequest, Registration
from kiosk.domain.help import CallbackRequest
from kiosk.domain.members import Member
from kiosk.domain.places import Flat
from kiosk.domain.records import CardRecord, Consent, StaffAccount
from kiosk.protocol.entities import CARD, FLAT, IDEA, MEMBER, STAFF
from kiosk.protocol.ports import Sender

_MERGED_INTO = select(db.feed.c.merged_into).where(
    (db.feed.c.entity == "member") & (db.feed.c.entity_id == bindparam("id")) & (db.feed.c.op == "delete")
    & db.feed.c.merged_into.is_not(None)).limit(1)
_SIMILAR = select(db.members).where(and_(
    db.members.c.status != "left",
    or_(db.members.c.flat_id == bindparam("flat"),
        and_(db.members.c.phone == bindparam("phone"), db.members.c.phone != "")))).order_by(db.members.c.id)


@dataclass
class _Part:
    conn: Connection
    fw: FeedWriter
    device: Sender


class Members(_Part):
    def get(self, member_id: str, *, follow_merge: bool = True) -> Member | None:
        row = records.get_row(self.conn, db.members, id=member_id)
        if row is None and follow_merge:
            # A record merged away by the office leads to the kept one (its tombstone says
            # where, until the tombstone purge).
            kept = self.conn.execute(_MERGED_INTO, {"id": member_id}).scalar()
            row = records.get_row(self.conn, db.members, id=kept) if kept else None
        return MEMBER.decode(row) if row is not None else None

    def exists(self, member_id: str) -> bool:
        return records.get_row(self.conn, db.members, id=member_id) is not None

    def put(self, member: Member) -> None:
        records.put_member(self.conn, self.fw, records.member_row(member))

    def similar(self, flat_id: str, phone: str) -> list[Member]:
        return [MEMBER.decode(r) for r in self.conn.execute(_SIMILAR, {"flat": flat_id, "phone": phone}).mappings()]

    def add_consents(self, member_id: str, consents: Sequence[Consent]) -> None:
        for c in consents:
            records.add_consents(self.conn, member_id, [{
                "id": c.id, "purpose": c.purpose.value, "granted": c.granted, "at": c.at,
                "form_version": c.form_version, "notice_hash": c.notice_hash}], c.kiosk_id)

    def flag_duplicate(self, member_id: str, duplicate_of: str, reason: str) -> None:
        self.conn.execute(db.merge_queue.insert().values(member_id=member_id, duplicate_of=duplicate_of, reason=reason,
                                                         state="open", created_at=now_iso()))

    def erase(self, member_id: str) -> None:
        remove_member(self.conn, self.fw, member_id)


class Flats(_Part):
    def get(self, flat_id: str) -> Flat | None:
        row = records.get_row(self.conn, db.flats, id=flat_id)
        return FLAT.decode(row) if row is not None else None


class Staff(_Part):
    def get(self, staff_id: str) -> StaffAccount | None:
        row = records.get_row(self.conn, db.staff, id=staff_id)
        return STAFF.decode(row) if row is not None else None


class Cards(_Part):
    def get(self, issuer_key_id: str, serial: int) -> CardRecord | None:
        row = records.get_row(self.conn, db.cards, issuer_key_id=issuer_key_id, serial=serial)
        return CARD.decode(row) if row is not None else None

    def put(self, card: CardRecord) -> None:
        """Published to its member's building (a staff badge only as a revocation)."""
        holder = records.get_row(self.conn, db.members, id=card.holder_id) if card.role == "member" else None
        scope = building_scope(holder["building_id"]) if holder is not None else None
        records.put_card(self.conn, self.fw, CARD.encode(card), scope=scope)


class Events(_Part):
    def get(self, event_id: str) -> Event | None:
        return community.get_event(self.conn, event_id)

    def lock(self, event_id: str) -> Event | None:
        return community.lock_event(self.conn, event_id)

    def take_place(self, event_id: str) -> bool:
        return community.take_place(self.conn, self.fw, event_id)


class Registrations(_Part):
    def get(self, registration_id: str) -> Registration | None:
        row = records.get_row(self.conn, event_registrations, id=registration_id)
        return community.registration(row) if row is not None else None

    def active(self, event_id: str, member_id: str) -> Registration | None:
        row = self.conn.execute(select(event_registrations).where(and_(
            event_registrations.c.event_id == event_id, event_registrations.c.member_id == member_id,
            event_registrations.c.status.in_(community.ACTIVE)))).mappings().first()
        return community.registration(dict(row)) if row is not None else None

    def add(self, registration: Registration, *, origin_building: str) -> None:
        event = community.get_event(self.conn, registration.event_id)
        if event is None:
            raise LookupError(registration.event_id)
        community.add_registration(self.conn, self.fw, event, registration, origin_building=origin_building,
                                   device_id=self.device.id)

    def position(self, event_id: str, registration_id: str) -> int | None:
        return community.positions(self.conn, event_id).get(registration_id)

    def cancel(self, registration: Registration) -> list[str]:
        event = community.get_event(self.conn, registration.event_id)
        if event is None:
            raise LookupError(registration.event_id)
        return community.cancel_registration(self.conn, self.fw, event, registration)

    def mark_checked_in(self, event_id: str, member_id: str, at: str) -> bool:
        event = community.get_event(self.conn, event_id)
        return event is not None and community.mark_checked_in(self.conn, self.fw, event, member_id, at)


class AttendanceBook(_Part):
    def add(self, attendance: Attendance, *, staff_id: str) -> bool:
        event = community.get_event(self.conn, attendance.event_id)
        if event is None:
            raise LookupError(attendance.event_id)
        return community.add_attendance(self.conn, self.fw, event, attendance, device_id=self.device.id,
                                        staff_id=staff_id, device_buildings=list(self.device.building_ids))


class Ideas(_Part):
    def get(self, idea_id: str) -> Idea | None:
        row = records.get_row(self.conn, ideas, id=idea_id)
        return IDEA.decode(row) if row is not None else None

    def add(self, idea: Idea) -> None:
        self.conn.execute(ideas.insert().values(**IDEA.encode(idea), device_id=self.device.id))
        community.publish_idea(self.conn, self.fw, idea.id)

    def vote(self, idea_id: str, member_id: str) -> bool:
        member = records.get_row(self.conn, db.members, id=member_id)
        return community.vote(self.conn, self.fw, idea_id, member_id, member["building_id"] if member else "",
                              now_iso())


class Requests(_Part):
    def exists(self, request_id: str) -> bool:
        return records.get_row(self.conn, landlord_requests, id=request_id) is not None

    def add(self, request: LandlordRequest, *, building_id: str) -> None:
        self.conn.execute(landlord_requests.insert().values(
            id=request.id, member_id=request.member_id, flat_id=request.flat_id, building_id=building_id,
            category=request.category.value, text=request.text, status=request.status.value, answer=request.answer,
            created_at=request.created_at, updated_at=request.created_at))
        community.publish_request(self.conn, self.fw, request.id)


class Callbacks(_Part):
    def exists(self, request_id: str) -> bool:
        return records.get_row(self.conn, callback_requests, id=request_id) is not None

    def add(self, request: CallbackRequest, *, device_id: str) -> None:
        add_callback(self.conn, self.fw, request, device_id=device_id)


class ServerStore:
    """What a server effect and the scope check see of the server (fits ``kiosk.protocol.ports.Server``)."""

    def __init__(self, conn: Connection, fw: FeedWriter, device: Sender) -> None:
        self.members = Members(conn, fw, device)
        self.flats = Flats(conn, fw, device)
        self.staff = Staff(conn, fw, device)
        self.cards = Cards(conn, fw, device)
        self.events = Events(conn, fw, device)
        self.registrations = Registrations(conn, fw, device)
        self.attendance = AttendanceBook(conn, fw, device)
        self.ideas = Ideas(conn, fw, device)
        self.requests = Requests(conn, fw, device)
        self.callbacks = Callbacks(conn, fw, device)
        self.offers = Offers(conn)
        self.vouchers = Vouchers(conn, fw, device)
        self.lending = Lending(conn, fw, device)
        self.exchanges = Exchanges(conn, fw, device)
        self.timebank = Timebank(conn, fw, device)
        self.fees = Fees(conn, fw, device)

    def now(self) -> str:
        return now_iso()
