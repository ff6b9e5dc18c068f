"""Server rows of the community features and their feed: events' places, sign-ups,
attendance, ideas and votes, requests to the landlord.

Used by the mutations' server effects (through ``central/server_store.py``), by the
office (``central/community_office.py``) and by a member's erasure. Capacity is
decided in the writing transaction: the event's row is locked (``SELECT ... FOR
UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises writers),
then ``UPDATE events SET taken = taken + 1 WHERE id = ? AND taken < capacity`` — its
row count says confirmed or waitlisted. The waitlist is the server's arrival order
(``event_registrations.arrival``); kiosk clocks order nothing. Cancelling a confirmed
place promotes the first waitlisted person in the same transaction. Every change is
written to the feed of the scopes that must see it: the event in ``catalog`` (its
``taken``), a registration or an attendance in the member's building, the event's
buildings and the building of the kiosk it came from. Attendance and votes are unique
per person (composite primary keys).
"""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import Connection, and_, select, update

from central import db
from central.community_tables import event_attendance, event_registrations, idea_votes, ideas, landlord_requests
from central.feed import CATALOG, FeedWriter, _insert, building_scope
from central.records import get_row
from kiosk.domain.community import Attendance, Event, IdeaVote, Registration
from kiosk.protocol.entities import ATTENDANCE, EVENT, IDEA, IDEA_VOTE, REGISTRATION, REQUEST

ACTIVE = ("confirmed", "waitlisted")
IDEA_STATUSES = ("submitted", "published", "rejected")
REQUEST_STATUSES = ("received", "in_progress", "done")


def lock_event(conn: Connection, event_id: str) -> Event | None:
    """The event, its row locked until the transaction ends (every sign-up of it serialises)."""
    q = select(db.events).where(db.events.c.id == event_id)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).mappings().first()
    return EVENT.decode(row) if row is not None else None


def get_event(conn: Connection, event_id: str) -> Event | None:
    row = get_row(conn, db.events, id=event_id)
    return EVENT.decode(row) if row is not None else None


def publish_event(conn: Connection, fw: FeedWriter, event_id: str) -> None:
    event = get_event(conn, event_id)
    if event is not None:
        fw.put(CATALOG, EVENT, event)


def take_place(conn: Connection, fw: FeedWriter, event_id: str) -> bool:
    """One more place taken if the event is not full; caller holds the event's lock."""
    took = conn.execute(update(db.events).where(and_(db.events.c.id == event_id,
                                                     db.events.c.taken < db.events.c.capacity))
                        .values(taken=db.events.c.taken + 1)).rowcount > 0
    if took:
        publish_event(conn, fw, event_id)
    return took


def _release_place(conn: Connection, event_id: str) -> None:
    conn.execute(update(db.events).where(and_(db.events.c.id == event_id, db.events.c.taken > 0))
                 .values(taken=db.events.c.taken - 1))


def _scopes(conn: Connection, event: Event, member_id: str, extra: Iterable[str]) -> set[str]:
    scopes = {building_scope(b) for b in [*event.building_ids, *extra] if b}
    member = get_row(conn, db.members, id=member_id)
    if member is not None:
        scopes.add(building_scope(member["building_id"]))
    return scopes


def positions(conn: Connection, event_id: str) -> dict[str, int]:
    """Registration id → place on the waitlist (1 = next), in arrival order."""
    rows = conn.execute(select(event_registrations.c.id).where(and_(
        event_registrations.c.event_id == event_id, event_registrations.c.status == "waitlisted"))
        .order_by(event_registrations.c.arrival)).scalars().all()
    return {rid: i for i, rid in enumerate(rows, start=1)}


def registration(row: dict[str, Any], position: int | None = None) -> Registration:
    """The kiosk's view of a server registration row (its waitlist place when waitlisted)."""
    return REGISTRATION.decode(row | {"waitlist_position": position if row["status"] == "waitlisted" else None})


def publish_registrations(conn: Connection, fw: FeedWriter, event: Event, ids: set[str]) -> None:
    """Publish the given registrations and every waitlisted one (their positions moved)."""
    places = positions(conn, event.id)
    for rid in ids | set(places):
        row = get_row(conn, event_registrations, id=rid)
        if row is None:
            continue
        entity = registration(row, places.get(rid))
        for scope in _scopes(conn, event, row["member_id"], [row["origin_building"]]):
            fw.put(scope, REGISTRATION, entity)


def add_registration(conn: Connection, fw: FeedWriter, event: Event, reg: Registration, *,
                     origin_building: str, device_id: str) -> None:
    conn.execute(event_registrations.insert().values(
        id=reg.id, event_id=reg.event_id, member_id=reg.member_id, status=reg.status.value,
        created_at=reg.created_at, origin_building=origin_building, device_id=device_id))
    publish_registrations(conn, fw, event, {reg.id})


def promote_waitlist(conn: Connection, fw: FeedWriter, event: Event) -> list[str]:
    """Fill free places from the waitlist in arrival order; caller holds the event's lock."""
    promoted = []
    while True:
        first = conn.execute(select(event_registrations.c.id).where(and_(
            event_registrations.c.event_id == event.id, event_registrations.c.status == "waitlisted"))
            .order_by(event_registrations.c.arrival).limit(1)).scalar()
        if first is None or not take_place(conn, fw, event.id):
            break
        conn.execute(update(event_registrations).where(event_registrations.c.id == first).values(status="confirmed"))
        promoted.append(first)
    return promoted


def cancel_registration(conn: Connection, fw: FeedWriter, event: Event, reg: Registration) -> list[str]:
    """Cancel; a confirmed place goes to the waitlist. Caller holds the event's lock."""
    conn.execute(update(event_registrations).where(event_registrations.c.id == reg.id).values(status="cancelled"))
    promoted: list[str] = []
    if reg.status.value == "confirmed":
        _release_place(conn, event.id)
        promoted = promote_waitlist(conn, fw, event)
        publish_event(conn, fw, event.id)
    publish_registrations(conn, fw, event, {reg.id, *promoted})
    return promoted


def add_attendance(conn: Connection, fw: FeedWriter, event: Event, attendance: Attendance, *, device_id: str,
                   staff_id: str, device_buildings: list[str]) -> bool:
    stmt = _insert(conn, event_attendance).values(event_id=attendance.event_id, member_id=attendance.member_id,
                                                  checked_in_at=attendance.checked_in_at, device_id=device_id,
                                                  staff_id=staff_id)
    # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING in a savepoint
    added = conn.execute(stmt.on_conflict_do_nothing(index_elements=["event_id", "member_id"])
                         .returning(event_attendance.c.member_id)).first()
    if added is None:
        return False
    for scope in _scopes(conn, event, attendance.member_id, device_buildings):
        fw.put(scope, ATTENDANCE, attendance)
    return True


def mark_checked_in(conn: Connection, fw: FeedWriter, event: Event, member_id: str, at: str) -> bool:
    """The member's live sign-ups for the event get the check-in time; False if they had none."""
    regs = conn.execute(select(event_registrations.c.id).where(and_(
        event_registrations.c.event_id == event.id, event_registrations.c.member_id == member_id,
        event_registrations.c.status.in_(ACTIVE)))).scalars().all()
    if regs:
        conn.execute(update(event_registrations).where(event_registrations.c.id.in_(regs)).values(checked_in_at=at))
        publish_registrations(conn, fw, event, set(regs))
    return bool(regs)


def publish_idea(conn: Connection, fw: FeedWriter, idea_id: str) -> None:
    row = get_row(conn, ideas, id=idea_id)
    if row is not None and row["building_id"]:
        fw.put(building_scope(row["building_id"]), IDEA, IDEA.decode(row))


def vote(conn: Connection, fw: FeedWriter, idea_id: str, member_id: str, member_building: str, at: str) -> bool:
    """One vote per member per idea; False if they had voted."""
    stmt = _insert(conn, idea_votes).values(idea_id=idea_id, member_id=member_id, at=at)
    if conn.execute(stmt.on_conflict_do_nothing(index_elements=["idea_id", "member_id"])
                    .returning(idea_votes.c.member_id)).first() is None:
        return False
    conn.execute(update(ideas).where(ideas.c.id == idea_id).values(votes=ideas.c.votes + 1))
    publish_idea(conn, fw, idea_id)
    fw.put(building_scope(member_building), IDEA_VOTE, IdeaVote(idea_id, member_id))
    return True


def publish_request(conn: Connection, fw: FeedWriter, request_id: str) -> None:
    row = get_row(conn, landlord_requests, id=request_id)
    if row is not None:
        fw.put(building_scope(row["building_id"]), REQUEST, REQUEST.decode(row))


def forget_member(conn: Connection, fw: FeedWriter, member_id: str) -> dict[str, int]:
    """Erasure: the member's places are freed (the waitlist moves up), their sign-ups and
    requests are deleted on the server and on every kiosk in scope, their ideas become
    anonymous. Attendance and vote rows stay for the figures, under an id that no longer
    names anyone once the member row is gone. Call before the member row is deleted."""
    member = get_row(conn, db.members, id=member_id)
    extra = [member["building_id"]] if member else []
    regs = conn.execute(select(event_registrations).where(event_registrations.c.member_id == member_id)
                        .order_by(event_registrations.c.arrival)).mappings().all()
    for reg in regs:
        event = lock_event(conn, reg["event_id"])
        promoted: list[str] = []
        if event is not None and reg["status"] == "confirmed":
            _release_place(conn, event.id)
            promoted = promote_waitlist(conn, fw, event)
            publish_event(conn, fw, event.id)
        conn.execute(event_registrations.delete().where(event_registrations.c.id == reg["id"]))
        if event is not None:
            for scope in _scopes(conn, event, member_id, extra + [reg["origin_building"]]):
                fw.delete(scope, REGISTRATION, reg["id"])
            publish_registrations(conn, fw, event, set(promoted))
    reqs = conn.execute(select(landlord_requests).where(landlord_requests.c.member_id == member_id)).mappings().all()
    for r in reqs:
        fw.delete(building_scope(r["building_id"]), REQUEST, r["id"])
    conn.execute(landlord_requests.delete().where(landlord_requests.c.member_id == member_id))
    idea_ids = conn.execute(select(ideas.c.id).where(ideas.c.member_id == member_id)).scalars().all()
    conn.execute(update(ideas).where(ideas.c.member_id == member_id).values(member_id=None))
    for iid in idea_ids:
        publish_idea(conn, fw, iid)
    return {"registrations": len(regs), "requests": len(reqs), "ideas": len(idea_ids)}
