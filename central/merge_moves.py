"""A merge moves the duplicate's conciergerie rows to the kept record, in the merge's transaction.

Called by ``central.erasure.remove_member`` (``merged_into``) before the duplicate's row
goes, so both members' buildings are still known. What moves, each told to the kiosks
through the feed as any office edit:

- time-credit entries: an entry of the duplicate becomes the kept member's; when both
  had an entry in one transfer (one gave the other time) the two are added into one
  line (the primary key is (transfer, member)), so every transfer still sums to zero
  and the kept balance is the sum of both. Kiosks get the old key deleted and the new
  entry put, in every building of the transfer's members;
- loans and reservations (the item's waiting list is republished), signed waivers,
  and a lending suspension when the kept record has none;
- fee payments (paid-until is derived from them);
- exchange posts, and contact requests sent or received.

The kiosks of the duplicate's building erase it (and what cascades with it) when the
feed deletes it; the rows put here under the kept id are not touched by that.
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from central import db
from central.conciergerie import publish_exchange
from central.conciergerie_tables import exchange_contacts, exchanges, time_entries, time_transfers
from central.feed import FeedWriter, building_scope
from central.fees_tables import fee_payments
from central.lending import publish_loans
from central.lending_tables import lending_suspensions, loans, waivers
from central.records import get_row
from kiosk.domain.fees import Payment
from kiosk.domain.timebank import TimeEntry
from kiosk.protocol.entities import (EXCHANGE_CONTACT, FEE_PAYMENT, LENDING_SUSPENSION, TIME_ENTRY, TIME_TRANSFER,
                                     WAIVER)


def move_member_rows(conn: Connection, fw: FeedWriter, duplicate_id: str, kept_id: str) -> None:
    """Every conciergerie row of ``duplicate_id`` becomes ``kept_id``'s (both rows must exist)."""
    dup = get_row(conn, db.members, id=duplicate_id)
    kept = get_row(conn, db.members, id=kept_id)
    if dup is None or kept is None:
        raise ValueError("merge.member_unknown")
    kept_scope = building_scope(kept["building_id"])
    old_scopes = {building_scope(dup["building_id"]), kept_scope}
    _move_time_entries(conn, fw, duplicate_id, kept_id, old_scopes)
    _move_lending(conn, fw, duplicate_id, kept_id, kept_scope)
    _move_fees(conn, fw, duplicate_id, kept_id, kept_scope)
    _move_exchanges(conn, fw, duplicate_id, kept_id, str(kept["building_id"]))


def _move_time_entries(conn: Connection, fw: FeedWriter, dup: str, kept: str, old_scopes: set[str]) -> None:
    transfer_ids = conn.execute(select(time_entries.c.transfer_id)
                                .where(time_entries.c.member_id == dup)).scalars().all()
    for tid in transfer_ids:
        minutes = sum(int(r) for r in conn.execute(select(time_entries.c.minutes).where(
            (time_entries.c.transfer_id == tid) & time_entries.c.member_id.in_([dup, kept]))).scalars())
        conn.execute(time_entries.delete().where((time_entries.c.transfer_id == tid)
                                                 & time_entries.c.member_id.in_([dup, kept])))
        conn.execute(time_entries.insert().values(transfer_id=tid, member_id=kept, minutes=minutes))
        conn.execute(update(time_transfers).where((time_transfers.c.id == tid)
                                                  & (time_transfers.c.provider_id == dup)).values(provider_id=kept))
        transfer = get_row(conn, time_transfers, id=tid)
        assert transfer is not None
        entries = conn.execute(select(time_entries).where(time_entries.c.transfer_id == tid)).mappings().all()
        members = [e["member_id"] for e in entries]
        buildings = {r[0] for r in conn.execute(select(db.members.c.building_id).where(db.members.c.id.in_(members)))}
        scopes = {building_scope(b) for b in buildings | {transfer["building_id"]}}
        for scope in sorted(scopes | old_scopes):
            fw.delete(scope, TIME_ENTRY, TimeEntry(tid, dup, 0).key)
        for scope in sorted(scopes):
            fw.put(scope, TIME_TRANSFER, TIME_TRANSFER.decode(dict(transfer) | {"reverses": transfer["reverses"] or ""}))
            for e in entries:
                fw.put(scope, TIME_ENTRY, TIME_ENTRY.decode(dict(e)))


def _move_lending(conn: Connection, fw: FeedWriter, dup: str, kept: str, kept_scope: str) -> None:
    rows = conn.execute(select(loans.c.id, loans.c.item_id).where(loans.c.member_id == dup)).all()
    conn.execute(update(loans).where(loans.c.member_id == dup).values(member_id=kept))
    for item_id in sorted({r.item_id for r in rows}):
        publish_loans(conn, fw, item_id, {r.id for r in rows if r.item_id == item_id})
    conn.execute(update(waivers).where(waivers.c.member_id == dup).values(member_id=kept))
    for w in conn.execute(select(waivers).where(waivers.c.member_id == kept)).mappings().all():
        fw.put(kept_scope, WAIVER, WAIVER.decode(w))
    suspension = get_row(conn, lending_suspensions, member_id=dup)
    if suspension is not None:
        conn.execute(lending_suspensions.delete().where(lending_suspensions.c.member_id == dup))
        if get_row(conn, lending_suspensions, member_id=kept) is None:
            conn.execute(lending_suspensions.insert().values(dict(suspension) | {"member_id": kept}))
            fw.put(kept_scope, LENDING_SUSPENSION, LENDING_SUSPENSION.decode(dict(suspension) | {"member_id": kept}))


def _move_fees(conn: Connection, fw: FeedWriter, dup: str, kept: str, kept_scope: str) -> None:
    conn.execute(update(fee_payments).where(fee_payments.c.member_id == dup).values(member_id=kept))
    for p in conn.execute(select(fee_payments).where(fee_payments.c.member_id == kept)).mappings().all():
        payment: Payment = FEE_PAYMENT.decode(p)
        fw.put(kept_scope, FEE_PAYMENT, payment)


def _move_exchanges(conn: Connection, fw: FeedWriter, dup: str, kept: str, kept_building: str) -> None:
    posts = conn.execute(select(exchanges.c.id).where(exchanges.c.member_id == dup)).scalars().all()
    conn.execute(update(exchanges).where(exchanges.c.member_id == dup)
                 .values(member_id=kept, building_id=kept_building))
    for pid in posts:
        publish_exchange(conn, fw, pid)
    conn.execute(update(exchange_contacts).where(exchange_contacts.c.from_member_id == dup)
                 .values(from_member_id=kept))
    conn.execute(update(exchange_contacts).where(exchange_contacts.c.to_member_id == dup)
                 .values(to_member_id=kept))
    conn.execute(update(exchange_contacts).where(exchange_contacts.c.exchange_id.in_(posts))
                 .values(building_id=kept_building))
    moved = conn.execute(select(exchange_contacts).where(
        exchange_contacts.c.exchange_id.in_(posts) | (exchange_contacts.c.from_member_id == kept)
        | (exchange_contacts.c.to_member_id == kept))).mappings().all()
    for c in moved:
        fw.put(building_scope(c["building_id"]), EXCHANGE_CONTACT, EXCHANGE_CONTACT.decode(dict(c)))
