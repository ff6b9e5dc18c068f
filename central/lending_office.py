"""What the office does with tool lending (the admin pages, the demo and tests call it):
lending points and the buildings they serve, items and their pictures, suspensions,
the loans and the overdue list, a CSV export. Each write is one transaction with its
feed changes, so kiosks see it on their next pull; every write is audited.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import Engine, select, update

from central import audit, db
from central.feed import FeedWriter, building_scope
from central.lending import (get_item, get_point, positions, publish_item, publish_point, put_item_state)
from central.lending_tables import item_photos, lending_items, lending_points, lending_suspensions, loans
from central.records import get_row
from kiosk.domain.lending import Condition, ItemCategory, LendingSuspension, status_on
from kiosk.protocol.entities import LENDING_POINT, LENDING_SUSPENSION

ITEM_FIELDS = ("point_id", "name", "category", "deposit_cents", "loan_days", "needs_waiver", "hold_days",
               "condition", "condition_note", "safety_notes", "manual_url", "photo", "on_hold_until", "active")


class LendingError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _item_values(row: dict[str, Any]) -> dict[str, Any]:
    values = {k: row[k] for k in ITEM_FIELDS if k in row}
    name = " ".join(str(values.get("name", "")).split())
    if not name or len(name) > 120:
        raise LendingError("name_required")
    values["name"] = name
    try:
        values["category"] = ItemCategory(values.get("category", "tools")).value
        values["condition"] = Condition(values.get("condition", "ok")).value
    except ValueError:
        raise LendingError("bad_category") from None
    for key, low, high in (("deposit_cents", 0, 100_000), ("loan_days", 1, 60), ("hold_days", 0, 30)):
        if key in values:
            n = int(values[key])
            if not low <= n <= high:
                raise LendingError(f"bad_{key}")
            values[key] = n
    url = str(values.get("manual_url", "") or "")
    if url and not url.startswith(("https://", "http://")):
        raise LendingError("bad_manual_url")
    for key in ("needs_waiver", "active"):
        if key in values:
            values[key] = bool(values[key])
    return values


class LendingOffice:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _read(self, q: Any) -> list[dict[str, Any]]:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            return [dict(r) for r in conn.execute(q).mappings().all()]

    # -- points -------------------------------------------------------------------------------
    def put_point(self, row: dict[str, Any], *, by: str = "system") -> str:
        point_id = str(row.get("id") or uuid.uuid4())
        buildings = sorted({str(b) for b in row.get("building_ids", []) if b})
        name = " ".join(str(row.get("name", "")).split())
        if not name:
            raise LendingError("name_required")
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            known = set(conn.execute(select(db.buildings.c.id)).scalars())
            if not buildings or set(buildings) - known:
                raise LendingError("bad_buildings")
            before = get_row(conn, lending_points, id=point_id)
            values = {"name": name, "place": " ".join(str(row.get("place", "")).split()),
                      "building_ids": json.dumps(buildings)}
            if before is None:
                conn.execute(lending_points.insert().values(id=point_id, **values))
            else:
                conn.execute(update(lending_points).where(lending_points.c.id == point_id).values(**values))
            old = {building_scope(b) for b in json.loads(before["building_ids"])} if before else set()
            publish_point(conn, fw, point_id)
            for scope in old - {building_scope(b) for b in buildings}:
                # a building no longer served: its kiosks drop the point (and its items by cascade)
                fw.delete(scope, LENDING_POINT, point_id)
            audit.record(conn, by, "create" if before is None else "update", "lending_point", point_id,
                         before=before, after=values)
            fw.flush()
        return point_id

    def points(self) -> list[dict[str, Any]]:
        rows = self._read(select(lending_points).order_by(lending_points.c.name))
        return [r | {"building_ids": json.loads(r["building_ids"])} for r in rows]

    # -- items ---------------------------------------------------------------------------------
    def put_item(self, row: dict[str, Any], *, by: str = "system") -> str:
        item_id = str(row.get("id") or uuid.uuid4())
        values = _item_values(row)
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            before = get_row(conn, lending_items, id=item_id)
            point_id = values.get("point_id") or (before or {}).get("point_id")
            if not point_id or get_point(conn, point_id) is None:
                raise LendingError("point_unknown")
            values["point_id"] = point_id
            if before is None:
                conn.execute(lending_items.insert().values(id=item_id, **values))
            else:
                conn.execute(update(lending_items).where(lending_items.c.id == item_id).values(**values))
            publish_item(conn, fw, item_id)
            audit.record(conn, by, "create" if before is None else "update", "lending_item", item_id,
                         before=before, after=values)
            fw.flush()
        return item_id

    def set_photo(self, item_id: str, mime: str, data: bytes, *, by: str = "system") -> None:
        """The picture kiosks show (already checked and re-encoded by the caller)."""
        digest = hashlib.sha256(data).hexdigest()[:16]
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            if get_item(conn, item_id) is None:
                raise LendingError("item_unknown")
            conn.execute(item_photos.delete().where(item_photos.c.item_id == item_id))
            conn.execute(item_photos.insert().values(item_id=item_id, mime=mime, data=data, digest=digest))
            conn.execute(update(lending_items).where(lending_items.c.id == item_id).values(photo=digest))
            publish_item(conn, fw, item_id)
            audit.record(conn, by, "update", "lending_item", item_id, summary="photo")
            fw.flush()

    def photo(self, item_id: str) -> tuple[str, bytes] | None:
        rows = self._read(select(item_photos).where(item_photos.c.item_id == item_id))
        return (rows[0]["mime"], bytes(rows[0]["data"])) if rows else None

    def repaired(self, item_id: str, *, by: str = "system") -> None:
        """The item is fixed: back in the catalogue."""
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            item = get_item(conn, item_id, lock=True)
            if item is None:
                raise LendingError("item_unknown")
            put_item_state(conn, fw, replace(item, condition=Condition.OK, condition_note="", on_hold_until=""))
            audit.record(conn, by, "update", "lending_item", item_id, summary="repaired")
            fw.flush()

    def items(self, point_id: str | None = None) -> list[dict[str, Any]]:
        q = select(lending_items).order_by(lending_items.c.name)
        return self._read(q.where(lending_items.c.point_id == point_id) if point_id else q)

    # -- members ---------------------------------------------------------------------------------
    def suspend(self, member_id: str, until: str = "", reason: str = "", *, by: str = "system") -> None:
        if until:
            date.fromisoformat(until)
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            member = get_row(conn, db.members, id=member_id)
            if member is None:
                raise LendingError("member_unknown")
            conn.execute(lending_suspensions.delete().where(lending_suspensions.c.member_id == member_id))
            conn.execute(lending_suspensions.insert().values(member_id=member_id, until=until, reason=reason[:300]))
            fw.put(building_scope(member["building_id"]), LENDING_SUSPENSION,
                   LendingSuspension(member_id, until, reason[:300]))
            audit.record(conn, by, "create", "lending_suspension", member_id, after={"until": until})
            fw.flush()

    def lift_suspension(self, member_id: str, *, by: str = "system") -> None:
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            member = get_row(conn, db.members, id=member_id)
            if conn.execute(lending_suspensions.delete().where(
                    lending_suspensions.c.member_id == member_id)).rowcount and member is not None:
                fw.delete(building_scope(member["building_id"]), LENDING_SUSPENSION, member_id)
                audit.record(conn, by, "delete", "lending_suspension", member_id)
            fw.flush()

    # -- loans -----------------------------------------------------------------------------------
    def loans(self, status: str | None = None, *, today: date | None = None) -> list[dict[str, Any]]:
        """Loans with their item's and member's names; ``status`` may be ``overdue``."""
        today = today or date.today()
        q = (select(loans, lending_items.c.name.label("item_name"), lending_items.c.point_id,
                    db.members.c.first_name, db.members.c.last_name, db.members.c.building_id)
             .join(lending_items, lending_items.c.id == loans.c.item_id)
             .outerjoin(db.members, db.members.c.id == loans.c.member_id)
             .order_by(loans.c.arrival.desc()))
        if status == "overdue":
            q = q.where((loans.c.status == "out") & (loans.c.due_on < today.isoformat()))
        elif status:
            q = q.where(loans.c.status == status)
        rows = self._read(q)
        for r in rows:
            r["effective_status"] = status_on(r["status"], r["due_on"], today)
        return rows

    def waiting_list(self, item_id: str) -> list[str]:
        with self.engine.connect() as conn:
            return list(positions(conn, item_id))

    def csv(self, status: str | None = None, *, today: date | None = None) -> str:
        out = io.StringIO()
        w = csv.writer(out, delimiter=";")
        w.writerow(["pret", "objet", "membre", "statut", "prete_le", "a_rendre_le", "rendu_le", "etat_au_retour",
                    "note"])
        for r in self.loans(status, today=today):
            member = f"{r['first_name'] or ''} {r['last_name'] or ''}".strip() or "(effacé)"
            w.writerow([r["id"], _cell(r["item_name"]), _cell(member), r["effective_status"], r["lent_at"][:10],
                        r["due_on"], r["returned_at"][:10], r["return_condition"], _cell(r["return_note"])])
        return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet cell that cannot start a formula."""
    text = str(text or "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

