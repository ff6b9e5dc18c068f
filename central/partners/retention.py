"""Retention: redemptions and declarations older than the office's period become statistics.

The office sets the period in days (``/admin/partner-space/settings``; default
:data:`DEFAULT_RETENTION_DAYS`). :func:`purge` (``central purge-redemptions``, run daily
by cron or the systemd timer of docs/partners.md, or the admin's button) folds every
redemption received before the cut-off into ``savings_stats`` (per month, partner,
offer, building and kind: counts and sums, no member), deletes it, does the same for
declarations whose year ended before the cut-off, drops members' yearly totals of those
years (the kiosks are told) and vouchers expired before it. The Bilan and the partner's
visits per month read the live rows and the statistics together, so nothing changes in
them when the purge runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, delete, select

from central.feed import FeedWriter, _insert, building_scope
from central.partners.tables import (declared_savings, member_savings, partner_settings, redemptions,
                                     savings_stats, vouchers)
from central import db
from kiosk.domain.savings import SavingKind, saving_key
from kiosk.protocol.entities import MEMBER_SAVING, VOUCHER

DEFAULT_RETENTION_DAYS = 365
MIN_RETENTION_DAYS, MAX_RETENTION_DAYS = 30, 3 * 366


@dataclass(frozen=True)
class Purged:
    redemptions: int
    declarations: int
    totals: int
    vouchers: int


def retention_days(conn: Connection) -> int:
    value = conn.execute(select(partner_settings.c.value).where(partner_settings.c.key == "retention_days")).scalar()
    return int(value) if value else DEFAULT_RETENTION_DAYS


def set_retention_days(conn: Connection, days: int) -> None:
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise ValueError("retention_out_of_range")
    stmt = _insert(conn, partner_settings).values(key="retention_days", value=str(days))
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": str(days)}))


def _add_stats(conn: Connection, rows: dict[tuple[str, str, str, str, str], list[Any]]) -> None:
    for (month, partner, offer, building, kind), (category, uses, saving, amount) in rows.items():
        key = {"month": month, "partner_id": partner, "offer_id": offer, "building_id": building, "kind": kind}
        stmt = _insert(conn, savings_stats).values(**key, category=category, uses=uses, saving_cents=saving,
                                                    amount_cents=amount)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=list(key), set_={"uses": savings_stats.c.uses + uses,
                                            "saving_cents": savings_stats.c.saving_cents + saving,
                                            "amount_cents": savings_stats.c.amount_cents + amount}))


def fold_redemptions(conn: Connection, where: ColumnElement[bool]) -> int:
    """Accepted redemptions matching ``where`` added to the statistics; all of them deleted."""
    found = conn.execute(select(redemptions).where(where)).mappings().all()
    acc: dict[tuple[str, str, str, str, str], list[Any]] = {}
    for r in found:
        if r["status"] != "accepted":
            continue
        a = acc.setdefault((r["day"][:7], r["partner_id"], r["offer_id"], r["building_id"], "measured"),
                           [r["category"], 0, 0, 0])
        a[1], a[2], a[3] = a[1] + 1, a[2] + r["saving_cents"], a[3] + (r["amount_cents"] or 0)
    _add_stats(conn, acc)
    conn.execute(delete(redemptions).where(where))
    return len(found)


def fold_declarations(conn: Connection, where: ColumnElement[bool]) -> int:
    found = conn.execute(select(declared_savings).where(where)).mappings().all()
    acc: dict[tuple[str, str, str, str, str], list[Any]] = {}
    for r in found:
        a = acc.setdefault((r["starts_on"][:7], r["partner_id"], "", r["building_id"], "declared"),
                           [r["category"], 0, 0, 0])
        a[1], a[2] = a[1] + 1, a[2] + r["amount_cents"]
    _add_stats(conn, acc)
    conn.execute(delete(declared_savings).where(where))
    return len(found)


def purge(engine: Engine, now: datetime | None = None) -> Purged:
    """Apply the retention period (one transaction)."""
    now = now or datetime.now(timezone.utc)
    with engine.begin() as conn:
        fw = FeedWriter(conn)
        cutoff = now - timedelta(days=retention_days(conn))
        n_red = fold_redemptions(conn, redemptions.c.received_at < cutoff.isoformat())
        # a declaration counts for its year: it goes once that whole year is past the cut-off
        n_dec = fold_declarations(conn, declared_savings.c.starts_on < f"{cutoff.year:04d}-01-01")
        old = conn.execute(select(member_savings, db.members.c.building_id)
                           .select_from(member_savings.outerjoin(db.members,
                                                                 db.members.c.id == member_savings.c.member_id))
                           .where(member_savings.c.year < cutoff.year)).mappings().all()
        for r in old:
            if r["building_id"]:
                fw.delete(building_scope(r["building_id"]), MEMBER_SAVING,
                          saving_key(r["member_id"], r["year"], r["partner_id"], SavingKind(r["kind"])))
        conn.execute(delete(member_savings).where(member_savings.c.year < cutoff.year))
        gone = conn.execute(select(vouchers.c.id, db.members.c.building_id)
                            .select_from(vouchers.outerjoin(db.members, db.members.c.id == vouchers.c.member_id))
                            .where(vouchers.c.expires < cutoff.date().isoformat())).all()
        for vid, building in gone:
            if building:
                fw.delete(building_scope(building), VOUCHER, vid)
        conn.execute(delete(vouchers).where(vouchers.c.expires < cutoff.date().isoformat()))
        fw.flush()
    return Purged(n_red, n_dec, len(old), len(gone))
