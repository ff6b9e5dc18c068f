"""Office use cases (the web admin, the CLI, the demo seed and tests call these).

Each method is one transaction: table writes plus their feed changes, flushed just
before commit, plus its audit row (``by`` names who did it: an admin account, or
"system" for the CLI, the demo and tests). Office-owned member fields are names, building, flat and status; a move
of building removes the member from the old building's kiosks; a merge sends a delete
with ``merged_into`` to the kiosks.
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import timedelta
from typing import Any, Iterator

from argon2 import PasswordHasher
from sqlalchemy import Connection, Engine, func, or_, select, update

import central.fees_tables  # noqa: F401  (registers fee_payments for create_schema)
from central import admin_tables, audit, db, devices, records
from central.erasure import remove_member
from central.feed import FeedWriter, now_iso, purge_tombstones
from central.partners.ledger import member_moved
from kiosk.domain.members import name_problem
from kiosk.domain.records import pin_problem
from kiosk.domain.text import fold

OFFICE_MEMBER_FIELDS = ("first_name", "last_name", "building_id", "flat_id", "status")


class OfficeError(ValueError):
    def __init__(self, code: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data or {}


class Office:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._hasher = PasswordHasher()

    @contextlib.contextmanager
    def tx(self) -> Iterator[tuple[Connection, FeedWriter]]:
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            yield conn, fw
            fw.flush()

    def read(self) -> contextlib.AbstractContextManager[Connection]:
        return self.engine.connect().execution_options(readonly=True)

    # -- places ---------------------------------------------------------------------------
    def put_place(self, kind: str, row: dict[str, Any], *, by: str = "system") -> None:
        put = {"estate": records.put_estate, "building": records.put_building,
               "entrance": records.put_entrance, "flat": records.put_flat}[kind]
        table = PLACE_TABLES[kind]
        with self.tx() as (conn, fw):
            before = records.get_row(conn, table, id=row["id"])
            put(conn, fw, row)
            audit.record(conn, by, "create" if before is None else "update", kind, row["id"], before=before,
                         after=dict(row), summary=str(row.get("name") or row.get("label") or ""))

    # -- catalogue ------------------------------------------------------------------------
    def put(self, entity: str, row: dict[str, Any], *, by: str = "system") -> str:
        table = CATALOG_TABLES[entity]
        row = dict(row)
        row.setdefault("id", str(uuid.uuid4()))
        with self.tx() as (conn, fw):
            before = records.get_row(conn, table, id=row["id"])
            if entity == "offer" and records.get_row(conn, db.partners, id=row["partner_id"]) is None:
                raise OfficeError("partner_unknown")
            if entity == "event":
                # places taken are the server's (sign-ups decide them), never a form's copy
                row["taken"] = before["taken"] if before is not None else 0
                confirmed = _confirmed(conn, row["id"])
                if int(row["capacity"]) < confirmed:
                    raise OfficeError("capacity_below_confirmed", {"confirmed": confirmed})
            records.put_catalog(conn, fw, entity, table, row)
            audit.record(conn, by, "create" if before is None else "update", entity, row["id"], before=before,
                         after=row, summary=_label(entity, row))
        return row["id"]

    def delete(self, entity: str, entity_id: str, *, by: str = "system") -> None:
        """Delete from the catalogue (a partner's offers go with it). An event is archived
        instead: its sign-ups and attendance stay, reachable from the archive."""
        with self.tx() as (conn, fw):
            before = records.get_row(conn, CATALOG_TABLES[entity], id=entity_id)
            if before is None:
                raise OfficeError(f"{entity}_unknown")
            if entity == "event":
                conn.execute(admin_tables.archived_events.insert().values(
                    id=before["id"], title=before["title"], place=before["place"], starts_at=before["starts_at"],
                    ends_at=before["ends_at"], capacity=before["capacity"], building_ids=before["building_ids"],
                    archived_at=now_iso(), archived_by=by))
            if entity == "partner":
                offers = conn.execute(select(db.offers).where(db.offers.c.partner_id == entity_id)).mappings().all()
                for o in offers:
                    audit.record(conn, by, "delete", "offer", o["id"], before=dict(o), summary=o["text"])
                conn.execute(admin_tables.partner_logos.delete().where(
                    admin_tables.partner_logos.c.partner_id == entity_id))
            records.delete_catalog(conn, fw, entity, CATALOG_TABLES[entity], entity_id)
            audit.record(conn, by, "delete", entity, entity_id, before=before, summary=_label(entity, before))

    def put_staff(self, staff_id: str | None, display_name: str, role: str, pin: str, active: bool = True, *,
                  by: str = "system") -> str:
        _check_pin(pin)
        staff_id = staff_id or str(uuid.uuid4())
        with self.tx() as (conn, fw):
            before = records.get_row(conn, db.staff, id=staff_id)
            row = {"id": staff_id, "display_name": display_name, "role": role,
                   "pin_hash": self._hasher.hash(pin), "active": active}
            records.put_staff(conn, fw, row)
            audit.record(conn, by, "create" if before is None else "update", "staff", staff_id, before=before,
                         after=row, summary=display_name)
        return staff_id

    def reset_pin(self, staff_id: str, pin: str, *, by: str = "system") -> None:
        _check_pin(pin)
        with self.tx() as (conn, fw):
            row = records.get_row(conn, db.staff, id=staff_id)
            if row is None:
                raise OfficeError("staff_unknown")
            records.put_staff(conn, fw, row | {"pin_hash": self._hasher.hash(pin)})
            audit.record(conn, by, "pin", "staff", staff_id, summary=row["display_name"])

    def set_staff_active(self, staff_id: str, active: bool, *, by: str = "system") -> None:
        with self.tx() as (conn, fw):
            row = records.get_row(conn, db.staff, id=staff_id)
            if row is None:
                raise OfficeError("staff_unknown")
            records.put_staff(conn, fw, row | {"active": active})
            audit.record(conn, by, "update", "staff", staff_id, before=row, after=row | {"active": active},
                         summary=row["display_name"])

    # -- members --------------------------------------------------------------------------
    def update_member(self, member_id: str, *, by: str = "system", **changes: Any) -> None:
        bad = set(changes) - set(OFFICE_MEMBER_FIELDS)
        if bad:
            raise OfficeError("field_not_owned_by_office")
        with self.tx() as (conn, fw):
            row = records.get_row(conn, db.members, id=member_id)
            if row is None:
                raise OfficeError("member_unknown")
            new = row | changes
            _check_names(new)
            flat = records.get_row(conn, db.flats, id=new["flat_id"])
            if flat is None or flat["building_id"] != new["building_id"]:
                raise OfficeError("unknown_flat")
            records.put_member(conn, fw, new, old_building=row["building_id"])
            member_moved(conn, fw, member_id, row["building_id"])   # its savings follow it
            audit.record(conn, by, "update", "member", member_id, before=_office_fields(row),
                         after=_office_fields(new), summary=_name(new))

    def enroll_member(self, row: dict[str, Any], *, by: str = "system") -> str:
        """A member typed in at the office (or imported)."""
        row = {"id": str(uuid.uuid4()), "email": "", "language": "fr", "status": "active",
               "enrolled_by": "office", "created_at": now_iso(), "origin_kiosk": "", "household": [],
               "sms_opt_in": False, "newsletter_opt_in": False, "phone": ""} | row
        _check_names(row)
        with self.tx() as (conn, fw):
            records.put_member(conn, fw, row)
            audit.record(conn, by, "create", "member", str(row["id"]), after=_office_fields(row), summary=_name(row))
        return str(row["id"])

    def erase_member(self, member_id: str, *, by: str = "system") -> bool:
        with self.tx() as (conn, fw):
            gone = remove_member(conn, fw, member_id)
            if gone:
                audit.forget_member(conn, member_id)
                audit.record(conn, by, "erase", "member", member_id, summary="(adhérent effacé)")
            return gone

    def merge(self, duplicate_id: str, into_id: str, *, by: str = "system") -> None:
        """Keep ``into_id``; the duplicate's row goes (kiosks get delete + merged_into)."""
        if duplicate_id == into_id:
            raise OfficeError("same_member")
        with self.tx() as (conn, fw):
            if records.get_row(conn, db.members, id=into_id) is None:
                raise OfficeError("member_unknown")
            dup = records.get_row(conn, db.members, id=duplicate_id)
            if not remove_member(conn, fw, duplicate_id, merged_into=into_id):
                raise OfficeError("member_unknown")
            audit.record(conn, by, "merge", "member", into_id, before=_office_fields(dup),
                         summary=f"{_name(dup)} : fiche en double fusionnée dans celle-ci")

    def dismiss_duplicate(self, queue_id: int, *, by: str = "system") -> None:
        with self.engine.begin() as conn:
            item = records.get_row(conn, db.merge_queue, id=queue_id)
            conn.execute(update(db.merge_queue).where(db.merge_queue.c.id == queue_id).values(state="dismissed"))
            if item is not None:
                audit.record(conn, by, "dismiss", "member", item["member_id"],
                             summary=f"pas un doublon de {item['duplicate_of'][:8]}")

    def merge_queue(self) -> list[dict[str, Any]]:
        with self.read() as conn, conn.begin():
            rows = conn.execute(select(db.merge_queue).where(db.merge_queue.c.state == "open")
                                .order_by(db.merge_queue.c.id)).mappings().all()
            return [dict(r) for r in rows]

    def members(self, search: str = "", limit: int = 100) -> list[dict[str, Any]]:
        q = select(db.members).order_by(db.members.c.last_name, db.members.c.first_name).limit(limit)
        if search:
            q = q.where(or_(db.members.c.folded_name.contains(fold(search)), db.members.c.id == search))
        with self.read() as conn, conn.begin():
            return [dict(r) for r in conn.execute(q).mappings().all()]

    # -- devices ---------------------------------------------------------------------------
    def create_enrollment_token(self, building_id: str, ttl: timedelta = devices.TOKEN_TTL, *,
                                by: str = "system") -> str:
        with self.engine.begin() as conn:
            token = devices.create_enrollment_token(conn, building_id, ttl=ttl)
            audit.record(conn, by, "token", "building", building_id, summary="jeton d'installation créé")
            return token

    def revoke_device(self, device_id: str, *, wipe: bool, by: str = "system") -> None:
        with self.tx() as (conn, fw):
            devices.revoke_device(conn, fw, device_id, wipe=wipe)
            audit.record(conn, by, "revoke", "device", device_id, after={"revoked": True, "wipe": wipe})

    def set_device_buildings(self, device_id: str, building_ids: list[str], *, by: str = "system") -> None:
        with self.engine.begin() as conn:
            before = records.get_row(conn, db.devices, id=device_id)
            devices.set_buildings(conn, device_id, building_ids)
            audit.record(conn, by, "update", "device", device_id,
                         before={"building_ids": before["building_ids"]} if before else None,
                         after={"building_ids": sorted(set(building_ids))})

    def purge_tombstones(self, older_than: timedelta) -> int:
        with self.engine.begin() as conn:
            return purge_tombstones(conn, older_than)

    # -- admins (accounts with roles: central/accounts.py) ----------------------------------
    def create_admin(self, username: str, password: str, role: str = "admin", estate_ids: list[str] | None = None,
                     display_name: str = "") -> None:
        from central.accounts import AccountError, Accounts
        try:
            Accounts(self.engine, self._hasher).save(username, role=role, estate_ids=estate_ids or [],
                                                     display_name=display_name, password=password)
        except AccountError as exc:
            raise OfficeError(exc.code) from None

    def get(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        with self.read() as conn, conn.begin():
            return records.get_row(conn, LIST_TABLES[entity], id=entity_id)

    def list(self, entity: str, limit: int = 500) -> list[dict[str, Any]]:
        table = LIST_TABLES[entity]
        with self.read() as conn, conn.begin():
            return [dict(r) for r in conn.execute(select(table).limit(limit)).mappings().all()]

    def count(self, table_name: str) -> int:
        with self.read() as conn, conn.begin():
            return int(conn.execute(select(func.count()).select_from(db.metadata.tables[table_name])).scalar_one())


def _check_names(row: dict[str, Any]) -> None:
    """The names rule of every side (kiosk form, kiosk payloads, office)."""
    for field in ("first_name", "last_name"):
        problem = name_problem(str(row.get(field, "")))
        if problem:
            raise OfficeError(f"{field}.{problem}")
        row[field] = row[field].strip()


def _check_pin(pin: str) -> None:
    problem = pin_problem(pin)
    if problem:
        raise OfficeError(problem)


CATALOG_TABLES = {"partner": db.partners, "offer": db.offers, "event": db.events,
                  "announcement": db.announcements, "staff": db.staff}
PLACE_TABLES = {"estate": db.estates, "building": db.buildings, "entrance": db.entrances, "flat": db.flats}
LIST_TABLES = {**CATALOG_TABLES, **PLACE_TABLES, "device": db.devices}


def _office_fields(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return {k: row[k] for k in OFFICE_MEMBER_FIELDS} if row is not None else None


def _name(row: dict[str, Any] | None) -> str:
    return f"{row['first_name']} {row['last_name']}" if row else ""


def _label(entity: str, row: dict[str, Any]) -> str:
    return str(row.get({"offer": "text", "event": "title", "announcement": "title",
                        "staff": "display_name"}.get(entity, "name"), ""))[:300]


def _confirmed(conn: Connection, event_id: str) -> int:
    from central.community_tables import event_registrations as regs
    return int(conn.execute(select(func.count()).select_from(regs).where(
        (regs.c.event_id == event_id) & (regs.c.status == "confirmed"))).scalar_one())
