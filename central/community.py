"""Server side of the community features: event sign-ups decided here, check-in, ideas,
votes, requests to the landlord; and what the office does with them.

Capacity is decided in the pushing transaction: the event's row is locked (``SELECT
... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises
writers), then ``UPDATE events SET taken = taken + 1 WHERE id = ? AND taken <
capacity`` — its row count says confirmed or waitlisted. The waitlist is the server's
arrival order (``event_registrations.arrival``); kiosk clocks order nothing.
Cancelling a confirmed place promotes the first waitlisted person in the same
transaction. Every change is written to the feed of the scopes that must see it: the
event in ``catalog`` (its ``taken``), a registration or an attendance in the member's
building, the event's buildings and the building of the kiosk it came from.
Attendance and votes are unique per person (composite primary keys).
"""

from __future__ import annotations

from typing import Any, Callable

from sqlalchemy import Connection, and_, select, update

from central import db
from central.community_tables import event_attendance, event_registrations, idea_votes, ideas, landlord_requests
from central.feed import CATALOG, FeedWriter, _insert, building_scope, now_iso
from central.records import get_row
from kiosk.protocol import wire

Outcome = tuple[wire.ResultStatus, str, dict[str, Any]]
ACTIVE = ("confirmed", "waitlisted")
IDEA_STATUSES = ("submitted", "published", "rejected")
REQUEST_STATUSES = ("received", "in_progress", "done")


class CommunityRejected(Exception):
    """A final refusal; ``central.mutations`` turns it into its own ``Rejected``."""

    def __init__(self, code: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data or {}


# -- helpers ---------------------------------------------------------------------------------
def _lock_event(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """The event's row, locked until the transaction ends (every sign-up of it serialises)."""
    q = select(db.events).where(db.events.c.id == event_id)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).mappings().first()
    return dict(row) if row is not None else None


def _event_buildings(event: dict[str, Any]) -> list[str]:
    return list(event.get("building_ids") or [])


def _check_event_scope(event: dict[str, Any], building_ids: list[str]) -> None:
    targets = _event_buildings(event)
    if targets and not set(targets) & set(building_ids):
        raise CommunityRejected("out_of_scope")


def _member(conn: Connection, member_id: str) -> dict[str, Any]:
    row = get_row(conn, db.members, id=member_id)
    if row is None:
        raise CommunityRejected("member_unknown")
    if row["status"] == "left":
        raise CommunityRejected("member_left")
    return row


def _scopes(conn: Connection, event: dict[str, Any], member_id: str, extra: list[str]) -> set[str]:
    scopes = {building_scope(b) for b in _event_buildings(event) + [b for b in extra if b]}
    member = get_row(conn, db.members, id=member_id)
    if member is not None:
        scopes.add(building_scope(member["building_id"]))
    return scopes


def _publish_event(conn: Connection, fw: FeedWriter, event_id: str) -> None:
    row = get_row(conn, db.events, id=event_id)
    if row is not None:
        fw.upsert(CATALOG, "event", event_id, row)


def _positions(conn: Connection, event_id: str) -> dict[str, int]:
    rows = conn.execute(select(event_registrations.c.id).where(and_(
        event_registrations.c.event_id == event_id, event_registrations.c.status == "waitlisted"))
        .order_by(event_registrations.c.arrival)).scalars().all()
    return {rid: i for i, rid in enumerate(rows, start=1)}


def registration_data(reg: dict[str, Any], position: int | None) -> dict[str, Any]:
    """A registration in the kiosk's column names."""
    return {"id": reg["id"], "event_id": reg["event_id"], "member_id": reg["member_id"],
            "status": reg["status"], "created_at": reg["created_at"],
            "waitlist_position": position if reg["status"] == "waitlisted" else None,
            "checked_in_at": reg["checked_in_at"]}


def _publish_registrations(conn: Connection, fw: FeedWriter, event: dict[str, Any], ids: set[str]) -> None:
    """Publish the given registrations and every waitlisted one (their positions moved)."""
    positions = _positions(conn, event["id"])
    for rid in ids | set(positions):
        reg = get_row(conn, event_registrations, id=rid)
        if reg is None:
            continue
        data = registration_data(reg, positions.get(rid))
        for scope in _scopes(conn, event, reg["member_id"], [reg["origin_building"]]):
            fw.upsert(scope, "registration", rid, data)


def promote_waitlist(conn: Connection, fw: FeedWriter, event: dict[str, Any]) -> list[str]:
    """Fill free places from the waitlist in arrival order; caller holds the event's lock."""
    promoted = []
    while True:
        first = conn.execute(select(event_registrations.c.id).where(and_(
            event_registrations.c.event_id == event["id"], event_registrations.c.status == "waitlisted"))
            .order_by(event_registrations.c.arrival).limit(1)).scalar()
        if first is None:
            break
        took = conn.execute(update(db.events).where(and_(db.events.c.id == event["id"],
                                                         db.events.c.taken < db.events.c.capacity))
                            .values(taken=db.events.c.taken + 1)).rowcount
        if not took:
            break
        conn.execute(update(event_registrations).where(event_registrations.c.id == first).values(status="confirmed"))
        promoted.append(first)
    return promoted


# -- mutations from kiosks -----------------------------------------------------------------------
def register_for_event(conn: Connection, fw: FeedWriter, device: Any, p: wire.RegisterForEvent) -> Outcome:
    event = _lock_event(conn, p.event_id)
    if event is None:
        raise CommunityRejected("event_unknown")
    _check_event_scope(event, device.building_ids)
    if event["ends_at"] < now_iso()[:16]:
        raise CommunityRejected("event_over")
    _member(conn, p.member_id)
    if get_row(conn, event_registrations, id=p.id) is not None:
        raise CommunityRejected("registration_exists")
    active = conn.execute(select(event_registrations).where(and_(
        event_registrations.c.event_id == p.event_id, event_registrations.c.member_id == p.member_id,
        event_registrations.c.status.in_(ACTIVE)))).mappings().first()
    if active is not None:
        raise CommunityRejected("already_registered", {"registration_id": active["id"], "status": active["status"]})
    took = conn.execute(update(db.events).where(and_(db.events.c.id == p.event_id,
                                                     db.events.c.taken < db.events.c.capacity))
                        .values(taken=db.events.c.taken + 1)).rowcount
    status = "confirmed" if took else "waitlisted"
    conn.execute(event_registrations.insert().values(
        id=p.id, event_id=p.event_id, member_id=p.member_id, status=status, created_at=now_iso(),
        origin_building=device.building_ids[0] if device.building_ids else "", device_id=device.id))
    if took:
        _publish_event(conn, fw, p.event_id)
    _publish_registrations(conn, fw, event, {p.id})
    position = _positions(conn, p.event_id).get(p.id)
    data = {"registration_id": p.id, "status": status, "waitlist_position": position}
    if took:
        return wire.ResultStatus.APPLIED, "confirmed", data
    return wire.ResultStatus.WAITLISTED, "waitlisted", data


def cancel_registration(conn: Connection, fw: FeedWriter, device: Any, p: wire.CancelRegistration) -> Outcome:
    found = get_row(conn, event_registrations, id=p.id)
    if found is None:
        raise CommunityRejected("registration_unknown")
    if found["member_id"] != p.member_id:
        raise CommunityRejected("not_this_members")
    event = _lock_event(conn, found["event_id"])
    if event is None:
        raise CommunityRejected("event_unknown")
    _check_event_scope(event, device.building_ids)
    reg = get_row(conn, event_registrations, id=p.id) or found  # read again under the lock
    if reg["status"] == "cancelled":
        return wire.ResultStatus.APPLIED, "already_cancelled", {}
    conn.execute(update(event_registrations).where(event_registrations.c.id == p.id).values(status="cancelled"))
    promoted: list[str] = []
    if reg["status"] == "confirmed":
        conn.execute(update(db.events).where(and_(db.events.c.id == event["id"], db.events.c.taken > 0))
                     .values(taken=db.events.c.taken - 1))
        promoted = promote_waitlist(conn, fw, event)
        if not promoted:
            _publish_event(conn, fw, event["id"])
    _publish_registrations(conn, fw, event, {p.id, *promoted})
    return wire.ResultStatus.APPLIED, "", {"promoted": promoted}


def check_in(conn: Connection, fw: FeedWriter, device: Any, p: wire.CheckIn) -> Outcome:
    event = get_row(conn, db.events, id=p.event_id)
    if event is None:
        raise CommunityRejected("event_unknown")
    _check_event_scope(event, device.building_ids)
    _member(conn, p.member_id)
    at = p.checked_in_at or now_iso()
    stmt = _insert(conn, event_attendance).values(event_id=p.event_id, member_id=p.member_id, checked_in_at=at,
                                                  device_id=device.id, staff_id=p.staff_id)
    # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING in a savepoint
    added = conn.execute(stmt.on_conflict_do_nothing(index_elements=["event_id", "member_id"])
                         .returning(event_attendance.c.member_id)).first()
    if added is None:
        return wire.ResultStatus.APPLIED, "already_checked_in", {}
    data = {"event_id": p.event_id, "member_id": p.member_id, "checked_in_at": at}
    for scope in _scopes(conn, event, p.member_id, list(device.building_ids)):
        fw.upsert(scope, "attendance", f"{p.event_id}:{p.member_id}", data)
    regs = conn.execute(select(event_registrations.c.id).where(and_(
        event_registrations.c.event_id == p.event_id, event_registrations.c.member_id == p.member_id,
        event_registrations.c.status.in_(ACTIVE)))).scalars().all()
    if regs:
        conn.execute(update(event_registrations).where(event_registrations.c.id.in_(regs)).values(checked_in_at=at))
        _publish_registrations(conn, fw, event, set(regs))
    return wire.ResultStatus.APPLIED, "", {"registered": bool(regs)}


def idea_data(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "category", "text", "status", "member_id", "answer", "votes", "created_at",
                                "building_id")}


def publish_idea(conn: Connection, fw: FeedWriter, idea_id: str) -> None:
    row = get_row(conn, ideas, id=idea_id)
    if row is not None and row["building_id"]:
        fw.upsert(building_scope(row["building_id"]), "idea", idea_id, idea_data(row))


def submit_idea(conn: Connection, fw: FeedWriter, device: Any, p: wire.SubmitIdea) -> Outcome:
    if p.member_id:
        _member(conn, p.member_id)
    if get_row(conn, ideas, id=p.id) is not None:
        raise CommunityRejected("idea_exists")
    building = p.building_id if p.building_id in device.building_ids else (device.building_ids or [""])[0]
    conn.execute(ideas.insert().values(id=p.id, category=p.category, text=p.text.strip(), status="submitted",
                                       member_id=p.member_id or None, answer="", votes=0, created_at=now_iso(),
                                       building_id=building, device_id=device.id))
    publish_idea(conn, fw, p.id)
    return wire.ResultStatus.APPLIED, "", {}


def vote_idea(conn: Connection, fw: FeedWriter, device: Any, p: wire.VoteIdea) -> Outcome:
    idea = get_row(conn, ideas, id=p.idea_id)
    if idea is None:
        raise CommunityRejected("idea_unknown")
    if idea["status"] != "published":
        raise CommunityRejected("idea_not_published")
    if idea["building_id"] not in device.building_ids:
        raise CommunityRejected("out_of_scope")
    member = _member(conn, p.member_id)
    stmt = _insert(conn, idea_votes).values(idea_id=p.idea_id, member_id=p.member_id, at=now_iso())
    if conn.execute(stmt.on_conflict_do_nothing(index_elements=["idea_id", "member_id"])
                    .returning(idea_votes.c.member_id)).first() is None:
        raise CommunityRejected("already_voted")
    conn.execute(update(ideas).where(ideas.c.id == p.idea_id).values(votes=ideas.c.votes + 1))
    publish_idea(conn, fw, p.idea_id)
    fw.upsert(building_scope(member["building_id"]), "idea_vote", f"{p.idea_id}:{p.member_id}",
              {"idea_id": p.idea_id, "member_id": p.member_id})
    return wire.ResultStatus.APPLIED, "", {}


def request_data(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "member_id", "flat_id", "category", "text", "status", "answer", "created_at")}


def publish_request(conn: Connection, fw: FeedWriter, request_id: str) -> None:
    row = get_row(conn, landlord_requests, id=request_id)
    if row is not None:
        fw.upsert(building_scope(row["building_id"]), "request", request_id, request_data(row))


def submit_request(conn: Connection, fw: FeedWriter, device: Any, p: wire.SubmitRequest) -> Outcome:
    member = _member(conn, p.member_id)
    if member["building_id"] not in device.building_ids:
        raise CommunityRejected("out_of_scope")
    if get_row(conn, landlord_requests, id=p.id) is not None:
        raise CommunityRejected("request_exists")
    # The request is tied to the member's flat as the server knows it, not to the payload's.
    conn.execute(landlord_requests.insert().values(
        id=p.id, member_id=p.member_id, flat_id=member["flat_id"], building_id=member["building_id"],
        category=p.category, text=p.text.strip(), status="received", answer="", created_at=now_iso(),
        updated_at=now_iso()))
    publish_request(conn, fw, p.id)
    return wire.ResultStatus.APPLIED, "", {}


MUTATIONS: dict[str, Callable[..., Outcome]] = {"register_for_event": register_for_event, "cancel_registration": cancel_registration,
             "check_in": check_in, "submit_idea": submit_idea, "vote_idea": vote_idea,
             "submit_request": submit_request}


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
        event = _lock_event(conn, reg["event_id"])
        promoted: list[str] = []
        if event is not None and reg["status"] == "confirmed":
            conn.execute(update(db.events).where(and_(db.events.c.id == event["id"], db.events.c.taken > 0))
                         .values(taken=db.events.c.taken - 1))
            promoted = promote_waitlist(conn, fw, event)
            _publish_event(conn, fw, event["id"])
        conn.execute(event_registrations.delete().where(event_registrations.c.id == reg["id"]))
        if event is not None:
            for scope in _scopes(conn, event, member_id, extra + [reg["origin_building"]]):
                fw.delete(scope, "registration", reg["id"])
            _publish_registrations(conn, fw, event, set(promoted))
    reqs = conn.execute(select(landlord_requests).where(landlord_requests.c.member_id == member_id)).mappings().all()
    for r in reqs:
        fw.delete(building_scope(r["building_id"]), "request", r["id"])
    conn.execute(landlord_requests.delete().where(landlord_requests.c.member_id == member_id))
    idea_ids = conn.execute(select(ideas.c.id).where(ideas.c.member_id == member_id)).scalars().all()
    conn.execute(update(ideas).where(ideas.c.member_id == member_id).values(member_id=None))
    for iid in idea_ids:
        publish_idea(conn, fw, iid)
    return {"registrations": len(regs), "requests": len(reqs), "ideas": len(idea_ids)}
