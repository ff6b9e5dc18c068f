"""Office use cases (the web admin, the CLI, the demo seed and tests call these).

Each method is one transaction: table writes plus their feed changes, flushed just
before commit. Office-owned member fields are names, building, flat and status; a move
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

from central import db, devices, records
from central.erasure import remove_member
from central.feed import FeedWriter, now_iso, purge_tombstones
from kiosk.domain.members import name_problem
from kiosk.domain.records import pin_problem
from kiosk.domain.text import fold

OFFICE_MEMBER_FIELDS = ("first_name", "last_name", "building_id", "flat_id", "status")


class OfficeError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


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
    def put_place(self, kind: str, row: dict[str, Any]) -> None:
        put = {"estate": records.put_estate, "building": records.put_building,
               "entrance": records.put_entrance, "flat": records.put_flat}[kind]
        with self.tx() as (conn, fw):
            put(conn, fw, row)

    # -- catalogue ------------------------------------------------------------------------
    def put(self, entity: str, row: dict[str, Any]) -> str:
        table = CATALOG_TABLES[entity]
        row = dict(row)
        row.setdefault("id", str(uuid.uuid4()))
        with self.tx() as (conn, fw):
            if entity == "offer" and records.get_row(conn, db.partners, id=row["partner_id"]) is None:
                raise OfficeError("partner_unknown")
            records.put_catalog(conn, fw, entity, table, row)
        return row["id"]

    def delete(self, entity: str, entity_id: str) -> None:
        with self.tx() as (conn, fw):
            records.delete_catalog(conn, fw, entity, CATALOG_TABLES[entity], entity_id)

    def put_staff(self, staff_id: str | None, display_name: str, role: str, pin: str, active: bool = True) -> str:
        _check_pin(pin)
        staff_id = staff_id or str(uuid.uuid4())
        with self.tx() as (conn, fw):
            records.put_staff(conn, fw, {"id": staff_id, "display_name": display_name, "role": role,
                                         "pin_hash": self._hasher.hash(pin), "active": active})
        return staff_id

    def reset_pin(self, staff_id: str, pin: str) -> None:
        _check_pin(pin)
        with self.tx() as (conn, fw):
            row = records.get_row(conn, db.staff, id=staff_id)
            if row is None:
                raise OfficeError("staff_unknown")
            records.put_staff(conn, fw, row | {"pin_hash": self._hasher.hash(pin)})

    # -- members --------------------------------------------------------------------------
    def update_member(self, member_id: str, **changes: Any) -> None:
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

    def enroll_member(self, row: dict[str, Any]) -> str:
        """A member typed in at the office (or imported)."""
        row = {"id": str(uuid.uuid4()), "email": "", "language": "fr", "status": "active",
               "enrolled_by": "office", "created_at": now_iso(), "origin_kiosk": "", "household": [],
               "sms_opt_in": False, "newsletter_opt_in": False, "phone": ""} | row
        _check_names(row)
        with self.tx() as (conn, fw):
            records.put_member(conn, fw, row)
        return str(row["id"])

    def erase_member(self, member_id: str) -> bool:
        with self.tx() as (conn, fw):
            return remove_member(conn, fw, member_id)

    def merge(self, duplicate_id: str, into_id: str) -> None:
        """Keep ``into_id``; the duplicate's row goes (kiosks get delete + merged_into)."""
        if duplicate_id == into_id:
            raise OfficeError("same_member")
        with self.tx() as (conn, fw):
            if records.get_row(conn, db.members, id=into_id) is None:
                raise OfficeError("member_unknown")
            if not remove_member(conn, fw, duplicate_id, merged_into=into_id):
                raise OfficeError("member_unknown")

    def dismiss_duplicate(self, queue_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(db.merge_queue).where(db.merge_queue.c.id == queue_id).values(state="dismissed"))

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
    def create_enrollment_token(self, building_id: str, ttl: timedelta = devices.TOKEN_TTL) -> str:
        with self.engine.begin() as conn:
            return devices.create_enrollment_token(conn, building_id, ttl=ttl)

    def revoke_device(self, device_id: str, *, wipe: bool) -> None:
        with self.tx() as (conn, fw):
            devices.revoke_device(conn, fw, device_id, wipe=wipe)

    def set_device_buildings(self, device_id: str, building_ids: list[str]) -> None:
        with self.engine.begin() as conn:
            devices.set_buildings(conn, device_id, building_ids)

    def purge_tombstones(self, older_than: timedelta) -> int:
        with self.engine.begin() as conn:
            return purge_tombstones(conn, older_than)

    # -- admins -----------------------------------------------------------------------------
    def create_admin(self, username: str, password: str) -> None:
        if len(password) < 10:
            raise OfficeError("password_too_short")
        with self.engine.begin() as conn:
            records.upsert_row(conn, db.admins, {"username": username, "password_hash": self._hasher.hash(password),
                                                 "created_at": now_iso()})

    def check_admin(self, username: str, password: str) -> bool:
        with self.read() as conn, conn.begin():
            row = records.get_row(conn, db.admins, username=username)
        if row is None:
            self._hasher.hash(password)  # same cost whether the user exists or not
            return False
        try:
            return self._hasher.verify(row["password_hash"], password)
        except Exception:  # argon2 raises VerifyMismatchError / InvalidHashError
            return False

    def list(self, entity: str, limit: int = 500) -> list[dict[str, Any]]:
        table = {**CATALOG_TABLES, "device": db.devices, "estate": db.estates, "building": db.buildings,
                 "flat": db.flats, "entrance": db.entrances}[entity]
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
