"""The office's side of the help screen: each building's help contacts, and the call-backs.

- Help contacts: written with their feed change (``bldg:<id>``: only that building's
  kiosks get them) and an audit row, in one transaction. What the office may write is
  :func:`kiosk.domain.help.help_contact_problems` (the phone: a valid French number,
  stored in E.164).
- Call-back requests arrive through the ``request_callback`` mutation
  (:func:`add_callback`, from ``central/server_store.py``); the office marks them called
  or not answered (:meth:`HelpOffice.set_callback_status`, audited: statuses only, never
  the number). An identified member's request, with its status and without any phone,
  is published to their building's kiosks (``callback`` entity): the call-back screen
  says a call is already due. A request without a member stays here.
- A member's erasure deletes their requests, on the kiosks too; a merge moves them to
  the kept record (:func:`forget_member_callbacks`, from ``central/erasure.py``).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from central import audit, db
from central.feed import FeedWriter, building_scope, now_iso
from central.help_tables import callback_requests, help_contacts
from central.records import get_row, upsert_row
from kiosk.domain.help import CallbackRequest, CallbackStatus, help_contact_problems
from kiosk.domain.members import normalize_phone
from kiosk.protocol.entities import CALLBACK, HELP_CONTACT

STATUSES = tuple(s.value for s in CallbackStatus)


class HelpContactRefused(ValueError):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


def add_callback(conn: Connection, fw: FeedWriter, request: CallbackRequest, *, device_id: str) -> None:
    conn.execute(callback_requests.insert().values(
        id=request.id, building_id=request.building_id, member_id=request.member_id, phone=request.phone,
        reason=request.reason.value, language=request.language, status=request.status.value,
        created_at=request.created_at, device_id=device_id))
    publish_callback(conn, fw, request.id)


def publish_callback(conn: Connection, fw: FeedWriter, request_id: str) -> None:
    """An identified member's request to their building's kiosks, without the phone."""
    row = get_row(conn, callback_requests, id=request_id)
    if row is not None and row["member_id"]:
        fw.put(building_scope(row["building_id"]), CALLBACK, CALLBACK.decode(row | {"phone": ""}))


def forget_member_callbacks(conn: Connection, fw: FeedWriter, member_id: str, *,
                            merged_into: str | None = None) -> int:
    """Erasure: the member's call-back requests deleted, here and on the kiosks (a merge:
    moved to the kept record, and to its building)."""
    rows = conn.execute(select(callback_requests).where(callback_requests.c.member_id == member_id)).mappings().all()
    kept = get_row(conn, db.members, id=merged_into) if merged_into is not None else None
    for r in rows:
        fw.delete(building_scope(r["building_id"]), CALLBACK, r["id"])
        if kept is not None:
            conn.execute(update(callback_requests).where(callback_requests.c.id == r["id"])
                         .values(member_id=kept["id"], building_id=kept["building_id"]))
            publish_callback(conn, fw, r["id"])
    if kept is None:
        conn.execute(callback_requests.delete().where(callback_requests.c.member_id == member_id))
    return len(rows)


class HelpOffice:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- help contacts ----------------------------------------------------------------------
    def contacts(self, building_id: str) -> list[dict[str, Any]]:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            q = (select(help_contacts).where(help_contacts.c.building_id == building_id)
                 .order_by(help_contacts.c.position, help_contacts.c.name))
            return [dict(r) for r in conn.execute(q).mappings()]

    def contact(self, contact_id: str) -> dict[str, Any] | None:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            return get_row(conn, help_contacts, id=contact_id)

    def put_contact(self, building_id: str, fields: dict[str, Any], *, contact_id: str | None = None,
                    by: str = "system") -> str:
        """Create or update one contact of a building; raises :class:`HelpContactRefused`."""
        name, role = str(fields.get("name", "")).strip(), str(fields.get("role", ""))
        hours, phone = str(fields.get("hours", "")).strip(), str(fields.get("phone", "")).strip()
        problems = help_contact_problems(name, role, hours, phone)
        if problems:
            raise HelpContactRefused(problems)
        cid = contact_id or str(uuid.uuid4())
        row: dict[str, Any] = {"id": cid, "building_id": building_id, "name": name, "role": role,
               "hours": hours, "phone": normalize_phone(phone), "position": int(fields.get("position") or 0)}
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            before = get_row(conn, help_contacts, id=cid)
            if before is not None and before["building_id"] != building_id:
                raise KeyError(cid)   # a contact is edited from its own building's page only
            upsert_row(conn, help_contacts, row)
            fw.put(building_scope(building_id), HELP_CONTACT, HELP_CONTACT.decode(row))
            audit.record(conn, by, "create" if before is None else "update", "help_contact", cid,
                         before=before, after=row, summary=name)
            fw.flush()
        return cid

    def delete_contact(self, contact_id: str, *, by: str = "system") -> dict[str, Any]:
        with self.engine.begin() as conn:
            fw = FeedWriter(conn)
            before = get_row(conn, help_contacts, id=contact_id)
            if before is None:
                raise KeyError(contact_id)
            conn.execute(help_contacts.delete().where(help_contacts.c.id == contact_id))
            fw.delete(building_scope(before["building_id"]), HELP_CONTACT, contact_id)
            audit.record(conn, by, "delete", "help_contact", contact_id, before=before, summary=before["name"])
            fw.flush()
        return before

    # -- call-backs ---------------------------------------------------------------------------
    def callback(self, request_id: str) -> dict[str, Any] | None:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            return get_row(conn, callback_requests, id=request_id)

    def set_callback_status(self, request_id: str, status: str, *, by: str = "system") -> None:
        if status not in STATUSES:
            raise ValueError("bad_status")
        with self.engine.begin() as conn:
            before = get_row(conn, callback_requests, id=request_id)
            if before is None:
                raise KeyError(request_id)
            fw = FeedWriter(conn)
            conn.execute(update(callback_requests).where(callback_requests.c.id == request_id)
                         .values(status=status, updated_at=now_iso(), updated_by=by))
            audit.record(conn, by, "update", "callback", request_id, before={"status": before["status"]},
                         after={"status": status})
            publish_callback(conn, fw, request_id)
            fw.flush()
