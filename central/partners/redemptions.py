"""Recording a use of an offer, exactly once, and what a partner may read of its own.

:func:`record` is the one place a redemption is decided. In one transaction: a nonce
already recorded gets its stored answer (an upload sent twice counts once; a nonce of
another partner is answered ``nonce_taken`` and nothing of it is shown); the offer must
be the partner's own (another partner's offer is answered like an unknown one); the card
or voucher is judged again (``credentials.identify``); the offer's per-member limit is
settled with every use the server knows (``kiosk.domain.savings.over_limit``); a
voucher is used once. The answer, accepted or refused, is stored with the nonce. An
accepted use adds to the member's totals, which the kiosks of their building receive.

Concurrency: on SQLite every write transaction is ``BEGIN IMMEDIATE`` (one writer at a
time); on PostgreSQL the member's redemptions are serialised by a transaction-level
advisory lock on the member id, taken before the limit and voucher checks.

Times: ``at`` is the phone's clock when the card was shown (offline uploads come
later); it is trusted only back to :data:`MAX_OFFLINE` and never past the server's
clock. Days are the club's calendar (:data:`CLUB_TZ`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, and_, exc as sa_exc, func, literal_column, select, text

from central import db
from central.feed import FeedWriter
from central.partners.credentials import Holder, Refused, identify
from central.partners.ledger import add_saving, mark_voucher_used
from central.partners.tables import offer_terms, redemptions, savings_stats
from central.records import get_row
from kiosk.domain.savings import (DiscountKind, LimitPeriod, OfferTerms, SavingKind, amount_problem, over_limit,
                                  saving_cents)
from kiosk.domain.vouchers import offer_tag

CLUB_TZ = ZoneInfo("Europe/Paris")
MAX_OFFLINE = timedelta(days=60)


@dataclass(frozen=True)
class Account:
    """The partner account a request comes from (its partner from the session, never the request)."""

    username: str
    partner_id: str


@dataclass(frozen=True)
class Use:
    nonce: str
    offer_id: str
    credential: str
    amount_cents: int | None
    at: str


def month_of(column: Any) -> Any:
    """``YYYY-MM`` of an ISO date column. The bounds are written into the SQL, so the same
    expression in SELECT and GROUP BY is the same text (PostgreSQL compares them as text)."""
    return func.substr(column, literal_column("1"), literal_column("7"))


def club_day(at: datetime) -> date:
    return at.astimezone(CLUB_TZ).date()


def terms_of(conn: Connection, offer_id: str) -> OfferTerms:
    """The offer's terms; an offer the office gave none counts as a gift of unknown worth."""
    row = get_row(conn, offer_terms, offer_id=offer_id)
    if row is None:
        return OfferTerms(offer_id)
    return OfferTerms(offer_id, DiscountKind(row["kind"]), int(row["value"]), LimitPeriod(row["limit_period"]),
                      int(row["limit_count"]))


def own_offer(conn: Connection, partner_id: str, offer_id: str) -> dict[str, Any] | None:
    row = get_row(conn, db.offers, id=offer_id)
    return row if row is not None and row["partner_id"] == partner_id else None


def _when(raw: str, now: datetime) -> datetime:
    try:
        at = datetime.fromisoformat(raw)
    except (TypeError, ValueError):
        return now
    if at.tzinfo is None:
        at = at.replace(tzinfo=CLUB_TZ)
    return now if at > now or at < now - MAX_OFFLINE else at.astimezone(timezone.utc)


def _lock_member(conn: Connection, member_id: str) -> None:
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(member_id.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def earlier_days(conn: Connection, member_id: str, offer_id: str) -> list[date]:
    rows = conn.execute(select(redemptions.c.day).where(and_(
        redemptions.c.member_id == member_id, redemptions.c.offer_id == offer_id,
        redemptions.c.status == "accepted"))).scalars()
    return [date.fromisoformat(d) for d in rows]


def _answer(conn: Connection, row: dict[str, Any]) -> dict[str, Any]:
    first = ""
    if row["status"] == "accepted" and row["member_id"]:
        m = get_row(conn, db.members, id=row["member_id"])
        first = m["first_name"] if m is not None else ""
    return {"nonce": row["nonce"], "status": row["status"], "reason": row["reason"], "offer_id": row["offer_id"],
            "saving_cents": row["saving_cents"], "amount_cents": row["amount_cents"], "day": row["day"],
            "first_name": first}


def _judge(conn: Connection, account: Account, use: Use, terms: OfferTerms, day: date, at: str) -> Holder:
    holder = identify(conn, use.credential, day=day, at=at)
    if holder.offer_tag is not None and holder.offer_tag != offer_tag(use.offer_id):
        raise Refused("voucher_other_offer")
    problem = amount_problem(terms, use.amount_cents)
    if problem:
        raise Refused(problem.split(".")[-1])
    _lock_member(conn, holder.member_id)
    if over_limit(terms, day, earlier_days(conn, holder.member_id, use.offer_id)):
        raise Refused("limit_reached")
    return holder


def record(engine: Engine, account: Account, use: Use, *, now: datetime | None = None) -> dict[str, Any]:
    now = now or datetime.now(timezone.utc)
    try:
        with engine.begin() as conn:
            return _record(conn, account, use, now)
    except sa_exc.IntegrityError:   # the same nonce sent twice at once: the first one's answer
        with engine.begin() as conn:
            row = get_row(conn, redemptions, nonce=use.nonce)
            if row is None:
                raise
            return _answer(conn, row) if row["partner_id"] == account.partner_id else _taken(use)


def _taken(use: Use) -> dict[str, Any]:
    return {"nonce": use.nonce, "status": "refused", "reason": "nonce_taken", "offer_id": use.offer_id,
            "saving_cents": 0, "amount_cents": None, "day": "", "first_name": ""}


def _record(conn: Connection, account: Account, use: Use, now: datetime) -> dict[str, Any]:
    old = get_row(conn, redemptions, nonce=use.nonce)
    if old is not None:
        return _answer(conn, old) if old["partner_id"] == account.partner_id else _taken(use)
    offer = own_offer(conn, account.partner_id, use.offer_id)
    partner = get_row(conn, db.partners, id=account.partner_id)
    if offer is None or partner is None:
        return _taken(use) | {"reason": "offer_unknown"}   # not stored: it names nothing of this partner
    at = _when(use.at, now)
    day = club_day(at)
    terms = terms_of(conn, use.offer_id)
    row: dict[str, Any] = {"nonce": use.nonce, "partner_id": account.partner_id, "offer_id": use.offer_id,
                           "member_id": None, "building_id": "", "category": partner["category"], "credential": "",
                           "credential_id": "", "amount_cents": use.amount_cents, "saving_cents": 0,
                           "at": at.isoformat(timespec="microseconds"), "day": day.isoformat(),
                           "received_at": now.isoformat(timespec="microseconds"), "account": account.username,
                           "status": "refused", "reason": ""}
    fw = FeedWriter(conn)
    try:
        holder = _judge(conn, account, use, terms, day, row["at"])
    except Refused as exc:
        row["reason"] = exc.code
        row["credential"] = "card" if use.credential.strip().startswith("CK1:") else "voucher"
    else:
        saving = saving_cents(terms, use.amount_cents)
        row |= {"member_id": holder.member_id, "building_id": holder.building_id, "credential": holder.credential,
                "credential_id": holder.credential_id, "saving_cents": saving, "status": "accepted"}
        add_saving(conn, fw, holder.member_id, day.year, account.partner_id, SavingKind.MEASURED, partner["name"],
                   saving, 1)
        if holder.credential == "voucher":
            mark_voucher_used(conn, fw, holder.credential_id, row["at"])
    conn.execute(redemptions.insert().values(**row))
    fw.flush()
    return _answer(conn, row)


def check(engine: Engine, account: Account, credential: str, *, now: datetime | None = None) -> dict[str, Any]:
    """What the server says of a card or voucher now, for this partner: the verdict, the
    first name, and which of its offers this member may still use today (nothing is written)."""
    now = now or datetime.now(timezone.utc)
    day = club_day(now)
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        try:
            holder = identify(conn, credential, day=day, at=now.isoformat(timespec="microseconds"))
        except Refused as exc:
            return {"verdict": "refused", "reason": exc.code, "first_name": "", "offers": {}}
        offers = conn.execute(select(db.offers.c.id).where(db.offers.c.partner_id == account.partner_id)).scalars()
        allowed = {}
        for oid in offers:
            ok = not over_limit(terms_of(conn, oid), day, earlier_days(conn, holder.member_id, oid))
            if holder.offer_tag is not None:
                ok = ok and holder.offer_tag == offer_tag(oid)
            allowed[oid] = ok
        if holder.offer_tag is not None and not any(holder.offer_tag == offer_tag(o) for o in allowed):
            return {"verdict": "refused", "reason": "voucher_other_partner", "first_name": "", "offers": {}}
        return {"verdict": "valid", "reason": "", "first_name": holder.first_name, "offers": allowed}


def of_partner(engine: Engine, partner_id: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """The partner's latest redemptions: when, which offer, amount and saving, the answer.
    Never who: no member id, no name."""
    r = redemptions.c
    q = (select(r.nonce, r.offer_id, r.day, r.at, r.amount_cents, r.saving_cents, r.status, r.reason, r.credential)
         .where(r.partner_id == partner_id).order_by(r.received_at.desc()).limit(limit))
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        return [dict(x) for x in conn.execute(q).mappings()]


def visits_per_month(engine: Engine, partner_id: str, months: int = 12,
                     today: date | None = None) -> list[dict[str, Any]]:
    """The partner's accepted uses and savings per month (live rows and the purged statistics)."""
    today = today or club_day(datetime.now(timezone.utc))
    keys: list[str] = []
    y, m = today.year, today.month
    for _ in range(months):
        keys.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    r, s = redemptions.c, savings_stats.c
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        live = conn.execute(select(month_of(r.day), func.count(), func.coalesce(func.sum(r.saving_cents), 0))
                            .where(r.partner_id == partner_id, r.status == "accepted", r.day >= keys[-1] + "-01")
                            .group_by(month_of(r.day))).all()
        old = conn.execute(select(s.month, func.sum(s.uses), func.sum(s.saving_cents))
                           .where(s.partner_id == partner_id, s.kind == "measured", s.month >= keys[-1])
                           .group_by(s.month)).all()
    per = {k: [0, 0] for k in keys}
    for month, n, cents in list(live) + list(old):
        if month in per:
            per[month][0] += int(n)
            per[month][1] += int(cents or 0)
    return [{"month": k, "uses": per[k][0], "saving_cents": per[k][1]} for k in keys]
