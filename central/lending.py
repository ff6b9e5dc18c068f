"""Server rows of tool lending and their feed: points, items, pictures, loans and the
waiting lists, waivers, suspensions.

Used by the mutations' server effects (through ``central/lending_parts.py``), by the
office (``central/lending_office.py``), the reminder job and a member's erasure. An item
is out once: a loan is decided under the item's row lock (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` already serialises writers). The waiting list
is an item's reservations in the server's arrival order. Feed scopes: a point, its
items and their pictures go to the buildings the point serves; a loan to those and to
its member's building; a waiver and a suspension to the member's building.
"""

from __future__ import annotations

import base64
import json
from typing import Any, Iterable

from sqlalchemy import Connection, and_, select, update

from central import db
from central.feed import FeedWriter, _insert, building_scope
from central.lending_tables import item_photos, lending_items, lending_points, lending_suspensions, loans, waivers
from central.records import get_row
from kiosk.domain.lending import Item, ItemPhoto, LendingPoint, LendingSuspension, Loan, Waiver
from kiosk.protocol.entities import ITEM_PHOTO, LENDING_ITEM, LENDING_POINT, LENDING_SUSPENSION, LOAN, WAIVER

ACTIVE = ("reserved", "out")


def point_of_row(row: dict[str, Any]) -> LendingPoint:
    return LENDING_POINT.decode(row | {"building_ids": tuple(json.loads(row["building_ids"] or "[]"))})


def get_point(conn: Connection, point_id: str) -> LendingPoint | None:
    row = get_row(conn, lending_points, id=point_id)
    return point_of_row(row) if row is not None else None


def get_item(conn: Connection, item_id: str, *, lock: bool = False) -> Item | None:
    q = select(lending_items).where(lending_items.c.id == item_id)
    if lock and conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).mappings().first()
    return LENDING_ITEM.decode(dict(row)) if row is not None else None


def positions(conn: Connection, item_id: str) -> dict[str, int]:
    """Reservation id → place on the item's waiting list (1 = next), in arrival order."""
    ids = conn.execute(select(loans.c.id).where(and_(loans.c.item_id == item_id, loans.c.status == "reserved"))
                       .order_by(loans.c.arrival)).scalars().all()
    return {lid: i for i, lid in enumerate(ids, start=1)}


def loan_of_row(row: dict[str, Any], position: int | None = None) -> Loan:
    return LOAN.decode(dict(row) | {"waitlist_position": position if row["status"] == "reserved" else None})


def get_loan(conn: Connection, loan_id: str) -> Loan | None:
    row = get_row(conn, loans, id=loan_id)
    if row is None:
        return None
    return loan_of_row(row, positions(conn, row["item_id"]).get(loan_id))


def _point_scopes(conn: Connection, point_id: str) -> set[str]:
    point = get_point(conn, point_id)
    return {building_scope(b) for b in (point.building_ids if point else ())}


def _member_scope(conn: Connection, member_id: str) -> set[str]:
    member = get_row(conn, db.members, id=member_id) if member_id else None
    return {building_scope(member["building_id"])} if member is not None else set()


def publish_point(conn: Connection, fw: FeedWriter, point_id: str, *, also: Iterable[str] = ()) -> None:
    """The point, its items and pictures, to the buildings it serves (and ``also``: the
    scopes it served before an edit, which get them too so no kiosk is left with a stale copy)."""
    point = get_point(conn, point_id)
    if point is None:
        return
    scopes = _point_scopes(conn, point_id) | set(also)
    for scope in scopes:
        fw.put(scope, LENDING_POINT, point)
    for row in conn.execute(select(lending_items).where(lending_items.c.point_id == point_id)).mappings():
        publish_item(conn, fw, row["id"], scopes=scopes)


def publish_item(conn: Connection, fw: FeedWriter, item_id: str, *, scopes: set[str] | None = None) -> None:
    item = get_item(conn, item_id)
    if item is None:
        return
    photo = get_row(conn, item_photos, item_id=item_id)
    for scope in scopes if scopes is not None else _point_scopes(conn, item.point_id):
        fw.put(scope, LENDING_ITEM, item)
        if photo is not None:
            fw.put(scope, ITEM_PHOTO, ItemPhoto(item_id, photo["mime"], base64.b64encode(photo["data"]).decode(),
                                                photo["digest"]))


def publish_loans(conn: Connection, fw: FeedWriter, item_id: str, ids: set[str]) -> None:
    """These loans and every reservation of the item (their places moved)."""
    places = positions(conn, item_id)
    item = get_item(conn, item_id)
    point_scopes = _point_scopes(conn, item.point_id) if item is not None else set()
    for lid in ids | set(places):
        row = get_row(conn, loans, id=lid)
        if row is None:
            continue
        entity = loan_of_row(row, places.get(lid))
        for scope in point_scopes | _member_scope(conn, row["member_id"]):
            fw.put(scope, LOAN, entity)


def put_loan(conn: Connection, fw: FeedWriter, loan: Loan, *, device_id: str) -> None:
    values = {k: v for k, v in LOAN.encode(loan).items() if k not in ("refusal", "waitlist_position")}
    if get_row(conn, loans, id=loan.id) is None:
        conn.execute(loans.insert().values(**values, device_id=device_id))
    else:
        conn.execute(update(loans).where(loans.c.id == loan.id).values(**values))
    publish_loans(conn, fw, loan.item_id, {loan.id})


def put_item_state(conn: Connection, fw: FeedWriter, item: Item) -> None:
    """The item's condition and hold after a return (or an office edit of them)."""
    conn.execute(update(lending_items).where(lending_items.c.id == item.id).values(
        condition=item.condition.value, condition_note=item.condition_note, on_hold_until=item.on_hold_until))
    publish_item(conn, fw, item.id)


def out_loan(conn: Connection, item_id: str) -> Loan | None:
    row = conn.execute(select(loans).where(and_(loans.c.item_id == item_id, loans.c.status == "out"))
                       .order_by(loans.c.arrival).limit(1)).mappings().first()
    return loan_of_row(dict(row)) if row is not None else None


def active_of(conn: Connection, item_id: str, member_id: str) -> Loan | None:
    row = conn.execute(select(loans).where(and_(loans.c.item_id == item_id, loans.c.member_id == member_id,
                                                loans.c.status.in_(ACTIVE)))).mappings().first()
    return loan_of_row(dict(row)) if row is not None else None


def get_suspension(conn: Connection, member_id: str) -> LendingSuspension | None:
    row = get_row(conn, lending_suspensions, member_id=member_id)
    return LENDING_SUSPENSION.decode(row) if row is not None else None


def add_waiver(conn: Connection, fw: FeedWriter, waiver: Waiver, *, device_id: str) -> bool:
    stmt = _insert(conn, waivers).values(**WAIVER.encode(waiver), device_id=device_id)
    added = conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]).returning(waivers.c.id)).first()
    if added is None:
        return False
    for scope in _member_scope(conn, waiver.member_id):
        fw.put(scope, WAIVER, waiver)
    return True


def forget_member(conn: Connection, fw: FeedWriter, member_id: str) -> dict[str, int]:
    """Erasure: the member's waivers, suspension, reservations and settled loans are deleted
    on the server and on every kiosk in scope; a loan still out stays (the item is out)
    under an empty member id. Call before the member row is deleted."""
    scopes = _member_scope(conn, member_id)
    rows = conn.execute(select(loans).where(loans.c.member_id == member_id)).mappings().all()
    for row in rows:
        item = get_item(conn, row["item_id"], lock=True)
        item_scopes = _point_scopes(conn, item.point_id) if item is not None else set()
        if row["status"] == "out":
            conn.execute(update(loans).where(loans.c.id == row["id"]).values(member_id=""))
            for scope in scopes - item_scopes:
                fw.delete(scope, LOAN, row["id"])
            publish_loans(conn, fw, row["item_id"], {row["id"]})
            continue
        conn.execute(loans.delete().where(loans.c.id == row["id"]))
        for scope in scopes | item_scopes:
            fw.delete(scope, LOAN, row["id"])
        publish_loans(conn, fw, row["item_id"], set())
    signed = conn.execute(select(waivers.c.id).where(waivers.c.member_id == member_id)).scalars().all()
    for wid in signed:
        for scope in scopes:
            fw.delete(scope, WAIVER, wid)
    conn.execute(waivers.delete().where(waivers.c.member_id == member_id))
    if conn.execute(lending_suspensions.delete().where(lending_suspensions.c.member_id == member_id)).rowcount:
        for scope in scopes:
            fw.delete(scope, LENDING_SUSPENSION, member_id)
    return {"loans": len(rows), "waivers": len(signed)}
