"""Names and small helpers of the partner-space tests."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select

from central.partners.tables import member_savings

PASSWORD = "mot de passe du commerce"
BAKERY, FLORIST = "demo-partner-1", "demo-partner-2"
PERCENT_OFFER, GIFT_OFFER, AMOUNT_OFFER = "demo-offer-1", "demo-offer-2", "demo-offer-3"


def use(offer_id: str, credential: str, *, amount_cents: int | None = None, at: datetime | None = None) -> dict:
    """One item of an upload, as the partner page sends it (a fresh nonce)."""
    return {"nonce": str(uuid.uuid4()), "offer_id": offer_id, "credential": credential, "amount_cents": amount_cents,
            "at": (at or datetime.now(timezone.utc)).isoformat()}


def member_totals(club: Any, member_id: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(kind, partner) → (cents, uses) of the member's totals on the server, this year and others."""
    with club.engine.connect() as conn:
        rows = conn.execute(select(member_savings).where(member_savings.c.member_id == member_id)).mappings().all()
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for r in rows:
        c, u = out.get((r["kind"], r["partner_id"]), (0, 0))
        out[(r["kind"], r["partner_id"])] = (c + r["amount_cents"], u + r["uses"])
    return out
