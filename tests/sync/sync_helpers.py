"""What the kiosk's services do, reduced to what sync tests need: a local change and its
outbox entry in one transaction (the membership engineer's services do the same)."""

from __future__ import annotations

import uuid
from typing import Any

from central.feed import Cursor
from kiosk.store.opening import Store
from kiosk.sync import applier
from kiosk.sync.applier import CURSOR_KEY


def local_mutation(store: Store, mutation: str, payload: dict[str, Any]) -> int:
    def go(conn) -> int:  # noqa: ANN001
        with store.db.atomic():
            applier.reapply(conn, mutation, payload)
            return store.repos.outbox.append(mutation, payload)
    return store.db.run(go)


def enroll_payload(building: str, flat: str, first: str = "Amina", last: str = "Benali",
                   phone: str = "") -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "first_name": first, "last_name": last, "building_id": building,
            "flat_id": flat, "phone": phone, "status": "active", "enrolled_by": "staff",
            "consents": [{"id": str(uuid.uuid4()), "purpose": "membership", "granted": True,
                          "at": "2026-01-01T10:00:00+00:00", "form_version": "2026-01", "notice_hash": "ab12"}]}


def enroll(store: Store, building: str, flat: str, **kw: Any) -> str:
    payload = enroll_payload(building, flat, **kw)
    local_mutation(store, "enroll_member", payload)
    return payload["id"]


def members(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.db.run(lambda c: c.execute("SELECT * FROM members").fetchall())
    return {r["id"]: dict(r) for r in rows}


def cursor_versions(store: Store) -> dict[str, int]:
    raw = store.repos.kv.get(CURSOR_KEY)
    return Cursor.decode(raw).versions if raw else {}
