"""What the office does with the community features (the admin pages and tests call it):
moderate and answer ideas, follow and answer requests, look at sign-ups and attendance,
refill places from the waitlist after raising a capacity. Each write is one transaction
with its feed changes, so kiosks see it on their next pull.
"""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, Engine, Executable, func, select, update

from central import audit, db
from central.community import (IDEA_STATUSES, REQUEST_STATUSES, lock_event, promote_waitlist, publish_event,
                               publish_idea, publish_registrations, publish_request)
from central.community_tables import event_attendance, event_registrations, ideas, landlord_requests
from central.feed import FeedWriter, now_iso


class CommunityOffice:
    """What the office does: moderate ideas, answer requests, look at sign-ups and attendance."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _tx(self) -> AbstractContextManager[Connection]:
        return self.engine.begin()

    def _read(self, q: Executable) -> list[dict[str, Any]]:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            return [dict(r) for r in conn.execute(q).mappings().all()]

    def ideas(self, status: str | None = None) -> list[dict[str, Any]]:
        q = select(ideas).order_by(ideas.c.created_at.desc())
        return self._read(q.where(ideas.c.status == status) if status else q)

    def moderate_idea(self, idea_id: str, status: str, answer: str | None = None, *, by: str = "system") -> None:
        """Publish or reject an idea, and/or write the office's answer; kiosks see it next pull."""
        if status not in IDEA_STATUSES:
            raise ValueError("bad_status")
        with self._tx() as conn:
            fw = FeedWriter(conn)
            values: dict[str, Any] = {"status": status}
            if answer is not None:
                values["answer"] = answer.strip()
            before = conn.execute(select(ideas.c.status, ideas.c.answer).where(ideas.c.id == idea_id)).mappings().first()
            if not conn.execute(update(ideas).where(ideas.c.id == idea_id).values(**values)).rowcount:
                raise KeyError(idea_id)
            audit.record(conn, by, "update", "idea", idea_id, before=dict(before) if before else None,
                         after=dict(before or {}) | values)
            publish_idea(conn, fw, idea_id)
            fw.flush()

    def requests(self, status: str | None = None) -> list[dict[str, Any]]:
        q = select(landlord_requests).order_by(landlord_requests.c.created_at.desc())
        return self._read(q.where(landlord_requests.c.status == status) if status else q)

    def answer_request(self, request_id: str, status: str, answer: str | None = None, *, by: str = "system") -> None:
        if status not in REQUEST_STATUSES:
            raise ValueError("bad_status")
        with self._tx() as conn:
            fw = FeedWriter(conn)
            values: dict[str, Any] = {"status": status, "updated_at": now_iso()}
            if answer is not None:
                values["answer"] = answer.strip()
            before = conn.execute(select(landlord_requests.c.status, landlord_requests.c.answer)
                                  .where(landlord_requests.c.id == request_id)).mappings().first()
            if not conn.execute(update(landlord_requests).where(landlord_requests.c.id == request_id)
                                .values(**values)).rowcount:
                raise KeyError(request_id)
            audit.record(conn, by, "update", "request", request_id, before=dict(before) if before else None,
                         after={k: v for k, v in (dict(before or {}) | values).items() if k != "updated_at"})
            publish_request(conn, fw, request_id)
            fw.flush()

    def registrations(self, event_id: str) -> list[dict[str, Any]]:
        q = (select(event_registrations, db.members.c.first_name, db.members.c.last_name)
             .select_from(event_registrations.outerjoin(db.members,
                                                        db.members.c.id == event_registrations.c.member_id))
             .where(event_registrations.c.event_id == event_id).order_by(event_registrations.c.arrival))
        return self._read(q)

    def attendance_count(self, event_id: str) -> int:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            return int(conn.execute(select(func.count()).select_from(event_attendance)
                                    .where(event_attendance.c.event_id == event_id)).scalar_one())

    def refill(self, event_id: str, *, by: str = "system") -> list[str]:
        """After the office raised an event's capacity: promote waitlisted people into free places."""
        with self._tx() as conn:
            fw = FeedWriter(conn)
            event = lock_event(conn, event_id)
            if event is None:
                raise KeyError(event_id)
            promoted = promote_waitlist(conn, fw, event)
            publish_event(conn, fw, event_id)
            publish_registrations(conn, fw, event, set(promoted))
            audit.record(conn, by, "refill", "event", event_id, summary=f"{len(promoted)} personne(s) promue(s)")
            fw.flush()
            return promoted

    def new_id(self) -> str:
        return str(uuid.uuid4())
