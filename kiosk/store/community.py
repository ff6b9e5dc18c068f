"""Events and sign-ups, ideas and votes, requests to the landlord, announcements."""

from __future__ import annotations

import json
from datetime import date

from kiosk.domain.community import (Announcement, Attendance, Event, Idea, LandlordRequest, Registration,
                                    RegistrationStatus)
from kiosk.store.base import Repository
from kiosk.store.database import Connection
from kiosk.store.rows import insert_sql, to_row


def _for_buildings(building_ids_json: str, building_ids: list[str] | None) -> bool:
    targets = json.loads(building_ids_json or "[]")
    return not targets or not building_ids or any(b in targets for b in building_ids)


class EventsRepository(Repository):
    def upsert(self, e: Event) -> None:
        self._insert("events", e, upsert_key=("id",))

    def get(self, event_id: str) -> Event | None:
        return self._one(Event, "SELECT * FROM events WHERE id = ?", (event_id,))

    def upcoming(self, now_iso: str, building_ids: list[str] | None = None) -> list[Event]:
        rows = self._run(lambda c: c.execute(
            "SELECT * FROM events WHERE ends_at >= ? ORDER BY starts_at", (now_iso,)).fetchall())
        events = [self._one(Event, "SELECT * FROM events WHERE id = ?", (r["id"],)) for r in rows
                  if _for_buildings(r["building_ids"], building_ids)]
        return [e for e in events if e is not None]

    def hosted_by(self, member_id: str) -> list[Event]:
        """Events (past and coming) the member hosts, as far as this kiosk holds them."""
        events = self._all(Event, "SELECT * FROM events WHERE hosts <> '[]' AND instr(hosts, ?) > 0 "
                                  "ORDER BY starts_at", (member_id,))
        return [e for e in events if any(h.member_id == member_id for h in e.hosts)]

    def upsert_registration(self, r: Registration) -> None:
        self._insert("registrations", r, upsert_key=("id",))

    def registrations(self, event_id: str) -> list[Registration]:
        return self._all(Registration, "SELECT * FROM registrations WHERE event_id = ? ORDER BY created_at",
                         (event_id,))

    def registrations_of(self, member_id: str) -> list[Registration]:
        return self._all(Registration, "SELECT * FROM registrations WHERE member_id = ? ORDER BY created_at",
                         (member_id,))

    def set_registration_status(self, reg_id: str, status: RegistrationStatus,
                                waitlist_position: int | None = None) -> None:
        self._exec("UPDATE registrations SET status = ?, waitlist_position = ? WHERE id = ?",
                   (status.value, waitlist_position, reg_id))

    def add_registration(self, r: Registration) -> None:
        """A sign-up made here, for an event this kiosk holds (a known id is left as it is)."""
        def go(c: Connection) -> None:
            if c.execute("SELECT 1 FROM events WHERE id = ?", (r.event_id,)).fetchone() is not None:
                sql, params = insert_sql("registrations", to_row(r))
                c.execute(sql + " ON CONFLICT (id) DO NOTHING", params)
        self._run(go)

    def cancel_registration(self, reg_id: str) -> None:
        self.set_registration_status(reg_id, RegistrationStatus.CANCELLED)

    def refuse_registration(self, reg_id: str) -> None:
        """The server refused a sign-up for good: it stops showing as pending."""
        self._exec("UPDATE registrations SET status = 'cancelled' WHERE id = ? AND status = 'pending'", (reg_id,))

    def pending_count(self, event_id: str) -> int:
        return int(self._scalar("SELECT count(*) FROM registrations WHERE event_id = ? AND status = 'pending'",
                                (event_id,)))

    def add_attendance(self, a: Attendance) -> bool:
        """One row per person and event: False if they were already checked in."""
        return self._insert_if_absent("attendance", a, ("event_id", "member_id"))

    def attended(self, event_id: str, member_id: str) -> bool:
        return self._scalar("SELECT count(*) FROM attendance WHERE event_id = ? AND member_id = ?",
                            (event_id, member_id)) > 0

    def attendance_count(self, event_id: str) -> int:
        return int(self._scalar("SELECT count(*) FROM attendance WHERE event_id = ?", (event_id,)))


class IdeasRepository(Repository):
    def upsert(self, idea: Idea) -> None:
        self._insert("ideas", idea, upsert_key=("id",))

    def published(self) -> list[Idea]:
        return self._all(Idea, "SELECT * FROM ideas WHERE status = 'published' ORDER BY votes DESC, created_at DESC")

    def of_member(self, member_id: str) -> list[Idea]:
        return self._all(Idea, "SELECT * FROM ideas WHERE member_id = ? ORDER BY created_at DESC", (member_id,))

    def add_if_absent(self, idea: Idea) -> None:
        self._insert_if_absent("ideas", idea, ("id",))

    def add_vote(self, idea_id: str, member_id: str) -> bool:
        """One vote per member per idea, for an idea held here: False if not counted."""
        def go(c: Connection) -> bool:
            if c.execute("SELECT 1 FROM ideas WHERE id = ?", (idea_id,)).fetchone() is None:
                return False
            added = c.execute("INSERT OR IGNORE INTO idea_votes (idea_id, member_id) VALUES (?, ?)",
                              (idea_id, member_id)).rowcount > 0
            if added:
                c.execute("UPDATE ideas SET votes = votes + 1 WHERE id = ?", (idea_id,))
            return added
        return self._run(go)

    def has_vote(self, idea_id: str, member_id: str) -> bool:
        return self._scalar("SELECT count(*) FROM idea_votes WHERE idea_id = ? AND member_id = ?",
                            (idea_id, member_id)) > 0

    def voted_by(self, member_id: str) -> set[str]:
        return set(self._run(lambda c: [r[0] for r in c.execute(
            "SELECT idea_id FROM idea_votes WHERE member_id = ?", (member_id,))]))


class RequestsRepository(Repository):
    def upsert(self, r: LandlordRequest) -> None:
        self._insert("requests", r, upsert_key=("id",))

    def add_if_absent(self, r: LandlordRequest) -> None:
        self._insert_if_absent("requests", r, ("id",))

    def of_member(self, member_id: str) -> list[LandlordRequest]:
        return self._all(LandlordRequest, "SELECT * FROM requests WHERE member_id = ? ORDER BY created_at DESC",
                         (member_id,))


class AnnouncementsRepository(Repository):
    def upsert(self, a: Announcement) -> None:
        self._insert("announcements", a, upsert_key=("id",))

    def delete(self, announcement_id: str) -> None:
        self._exec("DELETE FROM announcements WHERE id = ?", (announcement_id,))

    def current(self, today: date, building_ids: list[str] | None = None) -> list[Announcement]:
        day = today.isoformat()
        rows = self._run(lambda c: c.execute(
            "SELECT id, building_ids FROM announcements WHERE valid_from <= ? AND valid_until >= ? "
            "ORDER BY valid_from DESC, id", (day, day)).fetchall())
        wanted = [r["id"] for r in rows if _for_buildings(r["building_ids"], building_ids)]
        return [a for a in (self._one(Announcement, "SELECT * FROM announcements WHERE id = ?", (i,))
                            for i in wanted) if a is not None]
