"""Members' savings totals and vouchers on the server, and what kiosks are told of them.

Every change of a member's totals (a redemption accepted, a declaration added or
removed) goes through :func:`add_saving` inside the writing transaction; it updates
``member_savings`` and puts the row in the member's building feed, so the kiosk shows
"Vous avez économisé ..." offline. Vouchers are published the same way when recorded
and when used. A member's erasure, merge or move calls :func:`forget_member`,
:func:`merge_member` or :func:`member_moved` (from ``central/erasure.py`` and
``central/office.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, delete, select, update

from central import db
from central.feed import FeedWriter, building_scope
from central.partners.tables import declared_savings, member_savings, redemptions, vouchers
from central.records import get_row, upsert_row
from kiosk.domain.savings import MemberSaving, SavingKind, saving_key
from kiosk.domain.vouchers import Voucher, VoucherStatus
from kiosk.protocol.entities import MEMBER_SAVING, VOUCHER


def _scope_of(conn: Connection, member_id: str) -> str | None:
    """The member's building feed, or None for a member the kiosks do not hold (gone, or left)."""
    row = get_row(conn, db.members, id=member_id)
    return building_scope(row["building_id"]) if row is not None and row["status"] != "left" else None


def _saving(row: Any) -> MemberSaving:
    return MEMBER_SAVING.decode(dict(row))


def add_saving(conn: Connection, fw: FeedWriter, member_id: str, year: int, partner_id: str, kind: SavingKind,
               label: str, cents: int, uses: int) -> None:
    """Add ``cents`` and ``uses`` (either may be negative) to one line of a member's year."""
    keys = {"member_id": member_id, "year": year, "kind": kind.value, "partner_id": partner_id}
    old = get_row(conn, member_savings, **keys)
    total, count = (old["amount_cents"], old["uses"]) if old is not None else (0, 0)
    row = keys | {"label": label, "amount_cents": max(0, total + cents), "uses": max(0, count + uses)}
    scope = _scope_of(conn, member_id)
    if row["uses"] == 0 and row["amount_cents"] == 0:
        conn.execute(delete(member_savings).where(and_(*(member_savings.c[k] == v for k, v in keys.items()))))
        if scope is not None:
            fw.delete(scope, MEMBER_SAVING, saving_key(member_id, year, partner_id, kind))
        return
    upsert_row(conn, member_savings, row)
    if scope is not None:
        fw.put(scope, MEMBER_SAVING, _saving(row))


def put_voucher(conn: Connection, fw: FeedWriter, voucher: Voucher, *, device_id: str = "") -> None:
    upsert_row(conn, vouchers, VOUCHER.encode(voucher) | {"device_id": device_id})
    scope = _scope_of(conn, voucher.member_id)
    if scope is not None:
        fw.put(scope, VOUCHER, voucher)


def voucher_by_code(conn: Connection, code: str) -> Voucher | None:
    row = get_row(conn, vouchers, code=code)
    return VOUCHER.decode(row) if row is not None else None


def mark_voucher_used(conn: Connection, fw: FeedWriter, code: str, at: str) -> None:
    v = voucher_by_code(conn, code)
    if v is not None and v.status is not VoucherStatus.USED:
        conn.execute(update(vouchers).where(vouchers.c.code == code).values(status="used", used_at=at))
        put_voucher(conn, fw, Voucher(**{**VOUCHER.encode(v), "status": VoucherStatus.USED, "used_at": at}))


def _rows_of(conn: Connection, member_id: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(select(member_savings).where(member_savings.c.member_id == member_id))
            .mappings()]


def forget_member(conn: Connection, fw: FeedWriter, member_id: str) -> None:
    """An erasure: the member's redemptions and declarations are folded into the anonymous
    statistics (the club's figures keep them), then deleted with the totals and vouchers.
    The kiosks drop theirs with the member (ON DELETE CASCADE)."""
    from central.partners.retention import fold_declarations, fold_redemptions
    fold_redemptions(conn, redemptions.c.member_id == member_id)
    fold_declarations(conn, declared_savings.c.member_id == member_id)
    conn.execute(delete(member_savings).where(member_savings.c.member_id == member_id))
    conn.execute(delete(vouchers).where(vouchers.c.member_id == member_id))


def merge_member(conn: Connection, fw: FeedWriter, duplicate_id: str, kept_id: str) -> None:
    """A merge: the duplicate's history becomes the kept record's (totals added line by line)."""
    for table in (redemptions, declared_savings, vouchers):
        conn.execute(update(table).where(table.c.member_id == duplicate_id).values(member_id=kept_id))
    for row in _rows_of(conn, duplicate_id):
        conn.execute(delete(member_savings).where(and_(member_savings.c.member_id == duplicate_id,
                                                       member_savings.c.year == row["year"],
                                                       member_savings.c.kind == row["kind"],
                                                       member_savings.c.partner_id == row["partner_id"])))
        add_saving(conn, fw, kept_id, row["year"], row["partner_id"], SavingKind(row["kind"]), row["label"],
                   row["amount_cents"], row["uses"])
    for v in conn.execute(select(vouchers).where(vouchers.c.member_id == kept_id)).mappings().all():
        put_voucher(conn, fw, VOUCHER.decode(dict(v)), device_id=v["device_id"])


def member_moved(conn: Connection, fw: FeedWriter, member_id: str, old_building: str) -> None:
    """The member lives in another building now: its kiosks get the totals and vouchers (the
    old building's kiosks erased the member, and these rows with it)."""
    scope = _scope_of(conn, member_id)
    if scope is None or scope == building_scope(old_building):
        return
    for row in _rows_of(conn, member_id):
        fw.put(scope, MEMBER_SAVING, _saving(row))
    for v in conn.execute(select(vouchers).where(vouchers.c.member_id == member_id)).mappings().all():
        fw.put(scope, VOUCHER, VOUCHER.decode(dict(v)))

