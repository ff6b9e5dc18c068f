"""The office's use cases of the partner space (the admin pages, the CLI, the demo, tests).

Each is one transaction with its audit row: an offer's terms, a declared saving (a
contract taken through the club, e.g. home insurance: the member, the partner, the
year's saving the partner declared), its removal, the retention period, the purge.
Declared savings add to the member's totals, which reach the kiosks of their building.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select

from central import audit, db
from central.feed import FeedWriter, now_iso
from central.partners import retention
from central.partners.ledger import add_saving
from central.partners.tables import declared_savings, offer_terms
from central.records import get_row, upsert_row
from kiosk.domain.savings import MAX_DECLARED_CENTS, SavingKind, terms_problem


class PartnerOfficeError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class PartnerOffice:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def set_terms(self, offer_id: str, kind: str, value: int, limit_period: str = "none", limit_count: int = 1, *,
                  by: str = "system") -> None:
        problem = terms_problem(kind, value, limit_period, limit_count)
        if problem:
            raise PartnerOfficeError(problem)
        row = {"offer_id": offer_id, "kind": kind, "value": value, "limit_period": limit_period,
               "limit_count": limit_count}
        with self.engine.begin() as conn:
            if get_row(conn, db.offers, id=offer_id) is None:
                raise PartnerOfficeError("offer_unknown")
            before = get_row(conn, offer_terms, offer_id=offer_id)
            upsert_row(conn, offer_terms, row)
            audit.record(conn, by, "update" if before else "create", "offer_terms", offer_id, before=before,
                         after=row, summary=f"{kind} {value}")

    def declare(self, member_id: str, partner_id: str, label: str, amount_cents: int, starts_on: date, *,
                by: str = "system") -> str:
        """A contract taken through the club and the yearly saving its partner declared."""
        label = " ".join(label.split())[:120]
        if not label:
            raise PartnerOfficeError("label_required")
        if not 1 <= amount_cents <= MAX_DECLARED_CENTS:
            raise PartnerOfficeError("amount_invalid")
        did = str(uuid.uuid4())
        with self.engine.begin() as conn:
            member = get_row(conn, db.members, id=member_id)
            partner = get_row(conn, db.partners, id=partner_id)
            if member is None or member["status"] == "left":
                raise PartnerOfficeError("member_unknown")
            if partner is None:
                raise PartnerOfficeError("partner_unknown")
            fw = FeedWriter(conn)
            conn.execute(declared_savings.insert().values(
                id=did, member_id=member_id, partner_id=partner_id, label=label, amount_cents=amount_cents,
                starts_on=starts_on.isoformat(), building_id=member["building_id"], category=partner["category"],
                declared_by=by, created_at=now_iso()))
            add_saving(conn, fw, member_id, starts_on.year, partner_id, SavingKind.DECLARED,
                       f"{partner['name']} — {label}", amount_cents, 1)
            audit.record(conn, by, "create", "declared_saving", did, after={"partner_id": partner_id,
                         "label": label, "amount_cents": amount_cents, "starts_on": starts_on.isoformat()},
                         summary=f"{label} : {amount_cents / 100:.2f} €")
            fw.flush()
        return did

    def remove_declaration(self, declaration_id: str, *, by: str = "system") -> None:
        with self.engine.begin() as conn:
            row = get_row(conn, declared_savings, id=declaration_id)
            if row is None:
                raise PartnerOfficeError("declaration_unknown")
            fw = FeedWriter(conn)
            partner = get_row(conn, db.partners, id=row["partner_id"])
            add_saving(conn, fw, row["member_id"], int(row["starts_on"][:4]), row["partner_id"], SavingKind.DECLARED,
                       f"{partner['name'] if partner else ''} — {row['label']}", -int(row["amount_cents"]), -1)
            conn.execute(declared_savings.delete().where(declared_savings.c.id == declaration_id))
            audit.record(conn, by, "delete", "declared_saving", declaration_id,
                         before={k: row[k] for k in ("partner_id", "label", "amount_cents", "starts_on")},
                         summary=row["label"])
            fw.flush()

    def declarations(self, building_ids: set[str] | None = None, limit: int = 200) -> list[dict[str, Any]]:
        d, m = declared_savings.c, db.members.c
        q = (select(d.id, d.member_id, d.partner_id, d.label, d.amount_cents, d.starts_on, d.building_id,
                    db.partners.c.name.label("partner"), m.first_name, m.last_name)
             .select_from(declared_savings.outerjoin(db.partners, db.partners.c.id == d.partner_id)
                          .outerjoin(db.members, m.id == d.member_id))
             .order_by(d.starts_on.desc(), d.created_at.desc()).limit(limit))
        if building_ids is not None:
            q = q.where(d.building_id.in_(building_ids))
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def retention_days(self) -> int:
        with self.engine.connect() as conn:
            return retention.retention_days(conn)

    def set_retention_days(self, days: int, *, by: str = "system") -> None:
        with self.engine.begin() as conn:
            before = retention.retention_days(conn)
            try:
                retention.set_retention_days(conn, days)
            except ValueError as exc:
                raise PartnerOfficeError(str(exc)) from None
            audit.record(conn, by, "update", "partner_settings", "retention_days",
                         before={"retention_days": before}, after={"retention_days": days})

    def purge(self, *, now: datetime | None = None, by: str = "system") -> retention.Purged:
        done = retention.purge(self.engine, now)
        with self.engine.begin() as conn:
            audit.record(conn, by, "purge", "redemptions", "retention",
                         summary=f"{done.redemptions} passages, {done.declarations} déclarations agrégés")
        return done
