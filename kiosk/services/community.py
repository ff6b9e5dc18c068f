"""Community use cases at the kiosk: events and sign-ups, check-in at the door, the idea
box and votes, requests to the landlord. Qt-free.

Every local write and its outbox entry are one transaction, and the local effect is the
same code the sync applier re-applies over pulled pages
(:func:`kiosk.sync.applier.reapply_community`), so what a tenant just did stays
visible until the server answers. A sign-up is ``pending`` ("en attente de
confirmation") until the server decides confirmed or waitlisted: the kiosk never
decides capacity. A check-in is recorded once per person and event here, and the
server counts each person once across kiosks. Free text is checked for things that
look like contact details (phone, e-mail): the public idea box is no place for them.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Protocol

from kiosk.domain.community import (Event, Idea, LandlordRequest, Registration, RegistrationStatus,
                                    RequestCategory)
from kiosk.domain.errors import DomainError, FieldError, NotFound, ValidationError
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories
from kiosk.protocol import wire
from kiosk.sync import applier

IDEA_CATEGORIES: tuple[str, ...] = wire.IDEA_CATEGORIES
REQUEST_CATEGORIES: tuple[str, ...] = tuple(c.value for c in RequestCategory)
TEXT_MAX = 500
_PHONE = re.compile(r"(?:\+|\b0)\s*[1-9](?:[\s.-]*\d{2}){4}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class AlreadyRegistered(DomainError):
    code = "community.already_registered"

    def __init__(self, registration: Registration) -> None:
        super().__init__(self.code)
        self.registration = registration


class EventClosed(DomainError):
    code = "community.event_closed"


class MemberFinder(Protocol):
    """Who a card or the safe lookup belongs to (``MembershipService`` fits)."""

    def open_by_card(self, text: str) -> Any: ...
    def lookup(self, first_name: str, flat_id: str, phone_last4: str) -> Any: ...


class SessionGuard(Protocol):
    """Staff sessions (``StaffService`` fits): raises when the session is gone."""

    def require(self, session: Any) -> Any: ...


@dataclass(frozen=True)
class Person:
    """Who was identified: id and first name only (never contact details)."""

    member_id: str
    first_name: str


@dataclass(frozen=True)
class EventView:
    event: Event
    confirmed: int          # places taken, as last told by the server
    pending: int            # sign-ups made here that the server has not decided yet
    attended: int           # people checked in (known here)

    @property
    def places_left(self) -> int:
        return max(0, self.event.capacity - self.confirmed)


@dataclass(frozen=True)
class MyEvent:
    event: Event
    registration: Registration


@dataclass(frozen=True)
class CheckInResult:
    person: Person
    already: bool           # this person was already checked in for this event
    registered: bool        # they had signed up
    count: int              # people checked in for the event, as known here


@dataclass(frozen=True)
class IdeaView:
    idea: Idea
    voted: bool             # the identified member voted for it already


def looks_personal(text: str) -> bool:
    """True if the text holds something like a phone number or an e-mail address."""
    return bool(_PHONE.search(text) or _EMAIL.search(text))


def _check_text(text: str, *, required: bool) -> str:
    text = " ".join((text or "").split())
    errors = []
    if required and len(text) < 3:
        errors.append(FieldError("text", "community.text_too_short", {"min": 3}))
    if len(text) > TEXT_MAX:
        errors.append(FieldError("text", "community.text_too_long", {"max": TEXT_MAX}))
    if text and looks_personal(text):
        errors.append(FieldError("text", "community.personal_details"))
    if errors:
        raise ValidationError(errors)
    return text


class CommunityService:
    def __init__(self, db: Database, repos: Repositories, members: MemberFinder, *,
                 buildings: list[str] | None = None, staff: SessionGuard | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.db = db
        self.repos = repos
        self.members = members
        self.staff = staff
        self.buildings = list(buildings or [])
        self._now = now

    # -- helpers -------------------------------------------------------------------------------
    def _stamp(self) -> str:
        now = self._now()
        return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).isoformat(timespec="seconds")

    def _local_now(self) -> str:
        """Event times are local wall-clock ISO text: compare with local time, minutes."""
        now = self._now()
        if now.tzinfo is not None:
            now = now.astimezone().replace(tzinfo=None)
        return now.isoformat(timespec="minutes")

    def _do(self, mutation: str, payload: dict[str, Any]) -> None:
        """The local effect and its outbox entry, in one transaction."""
        wire.MUTATION_PAYLOADS[mutation].model_validate(payload)  # what the server would refuse, refuse now

        def go(conn) -> None:  # noqa: ANN001
            with self.db.atomic():
                applier.reapply_community(conn, mutation, payload)
                self.repos.outbox.append(mutation, payload)
        self.db.run(go)

    def _person(self, space: Any) -> Person:
        return Person(space.member_id, space.first_name)

    # -- identifying a tenant ----------------------------------------------------------------------
    def identify_by_card(self, card_text: str) -> Person:
        """The card's holder; raises the membership service's refusal for a bad card."""
        return self._person(self.members.open_by_card(card_text))

    def identify_by_lookup(self, first_name: str, flat_id: str, phone_last4: str) -> Person:
        return self._person(self.members.lookup(first_name, flat_id, phone_last4))

    # -- events ----------------------------------------------------------------------------------
    def _view(self, e: Event) -> EventView:
        def counts(c) -> tuple[int, int]:  # noqa: ANN001
            pending = c.execute("SELECT count(*) FROM registrations WHERE event_id = ? AND status = 'pending'",
                                (e.id,)).fetchone()[0]
            attended = c.execute("SELECT count(*) FROM attendance WHERE event_id = ?", (e.id,)).fetchone()[0]
            return pending, attended
        pending, attended = self.db.run(counts)
        return EventView(e, e.taken, pending, attended)

    def upcoming(self) -> list[EventView]:
        return [self._view(e) for e in self.repos.events.upcoming(self._local_now(), self.buildings or None)]

    def event(self, event_id: str) -> EventView:
        e = self.repos.events.get(event_id)
        if e is None:
            raise NotFound("community.event_unknown")
        return self._view(e)

    def registration_of(self, event_id: str, member_id: str) -> Registration | None:
        """The member's live sign-up for the event (pending, confirmed or waitlisted)."""
        self.settle_refusals()
        regs = [r for r in self.repos.events.registrations(event_id)
                if r.member_id == member_id and r.status is not RegistrationStatus.CANCELLED]
        return regs[-1] if regs else None

    def register(self, event_id: str, member_id: str) -> Registration:
        """Sign up: pending until the server says confirmed or waitlisted."""
        view = self.event(event_id)
        if view.event.ends_at < self._local_now():
            raise EventClosed(EventClosed.code)
        existing = self.registration_of(event_id, member_id)
        if existing is not None:
            raise AlreadyRegistered(existing)
        payload = {"id": str(uuid.uuid4()), "event_id": event_id, "member_id": member_id,
                   "created_at": self._stamp()}
        self._do("register_for_event", payload)
        reg = self.repos.events.registrations(event_id)
        return next(r for r in reg if r.id == payload["id"])

    def cancel(self, registration_id: str, member_id: str) -> None:
        """Cancel; the server gives the place to the first waitlisted person."""
        regs = [r for r in self.repos.events.registrations_of(member_id) if r.id == registration_id]
        if not regs:
            raise NotFound("community.registration_unknown")
        if regs[0].status is RegistrationStatus.CANCELLED:
            return
        self._do("cancel_registration", {"id": registration_id, "member_id": member_id})

    def my_events(self, member_id: str) -> list[MyEvent]:
        self.settle_refusals()
        out = []
        for reg in self.repos.events.registrations_of(member_id):
            e = self.repos.events.get(reg.event_id)
            if e is not None and reg.status is not RegistrationStatus.CANCELLED:
                out.append(MyEvent(e, reg))
        return sorted(out, key=lambda m: m.event.starts_at)

    def settle_refusals(self) -> int:
        """Sign-ups the server refused for good (unknown event, already signed up elsewhere...)
        stop showing as pending: the local row is cancelled."""
        def go(conn) -> int:  # noqa: ANN001
            n = 0
            rows = conn.execute("SELECT payload FROM outbox WHERE mutation = 'register_for_event' "
                                "AND state = 'rejected'").fetchall()
            with self.db.atomic():
                for row in rows:
                    rid = json.loads(row[0])["id"]
                    n += conn.execute("UPDATE registrations SET status = 'cancelled' WHERE id = ? "
                                      "AND status = 'pending'", (rid,)).rowcount
            return n
        return self.db.run(go)

    # -- check-in at the door (staff) -----------------------------------------------------------
    def check_in(self, session: Any, event_id: str, card_text: str) -> CheckInResult:
        if self.staff is not None:
            self.staff.require(session)
        self.event(event_id)
        person = self.identify_by_card(card_text)
        return self.check_in_member(session, event_id, person)

    def check_in_member(self, session: Any, event_id: str, person: Person) -> CheckInResult:
        if self.staff is not None:
            self.staff.require(session)
        registered = self.registration_of(event_id, person.member_id) is not None
        already = self.db.run(lambda c: c.execute("SELECT 1 FROM attendance WHERE event_id = ? AND member_id = ?",
                                                  (event_id, person.member_id)).fetchone()) is not None
        if not already:
            self._do("check_in", {"event_id": event_id, "member_id": person.member_id,
                                  "checked_in_at": self._stamp(),
                                  "staff_id": str(getattr(session, "staff_id", "") or "")})
        return CheckInResult(person, already, registered, self.attendance_count(event_id))

    def attendance_count(self, event_id: str) -> int:
        return self.db.run(lambda c: c.execute("SELECT count(*) FROM attendance WHERE event_id = ?",
                                               (event_id,)).fetchone()[0])

    # -- ideas -------------------------------------------------------------------------------------
    def submit_idea(self, category: str, text: str, member_id: str | None, *, anonymous: bool = False) -> Idea:
        if category not in IDEA_CATEGORIES:
            raise ValidationError([FieldError("category", "community.category_required")])
        text = _check_text(text, required=True)
        payload = {"id": str(uuid.uuid4()), "category": category, "text": text,
                   "member_id": None if anonymous else member_id,
                   "building_id": self.buildings[0] if self.buildings else "", "created_at": self._stamp()}
        self._do("submit_idea", payload)
        return Idea(id=payload["id"], category=category, text=text, member_id=payload["member_id"],
                    created_at=payload["created_at"], building_id=payload["building_id"])

    def published_ideas(self, member_id: str | None = None) -> list[IdeaView]:
        voted: set[str] = set()
        if member_id:
            voted = set(self.db.run(lambda c: [r[0] for r in c.execute(
                "SELECT idea_id FROM idea_votes WHERE member_id = ?", (member_id,))]))
        return [IdeaView(i, i.id in voted) for i in self.repos.ideas.published()]

    def vote(self, idea_id: str, member_id: str) -> bool:
        """One vote per member per idea: False if this member already voted."""
        already = self.db.run(lambda c: c.execute("SELECT 1 FROM idea_votes WHERE idea_id = ? AND member_id = ?",
                                                  (idea_id, member_id)).fetchone()) is not None
        if already:
            return False
        self._do("vote_idea", {"idea_id": idea_id, "member_id": member_id})
        return True

    def my_ideas(self, member_id: str) -> list[Idea]:
        return self.repos.ideas.of_member(member_id)

    # -- requests to the landlord ---------------------------------------------------------------------
    def submit_request(self, member_id: str, category: str, text: str = "") -> LandlordRequest:
        if category not in REQUEST_CATEGORIES:
            raise ValidationError([FieldError("category", "community.category_required")])
        text = _check_text(text, required=False)
        member = self.repos.members.get(member_id)
        if member is None:
            raise NotFound("community.member_unknown")
        payload = {"id": str(uuid.uuid4()), "member_id": member_id, "flat_id": member.flat_id,
                   "category": category, "text": text, "created_at": self._stamp()}
        self._do("submit_request", payload)
        return LandlordRequest(id=payload["id"], member_id=member_id, flat_id=member.flat_id,
                               category=RequestCategory(category), text=text, created_at=payload["created_at"])

    def my_requests(self, member_id: str) -> list[LandlordRequest]:
        return self.repos.requests.of_member(member_id)


def build_community(store, config, membership=None, *,  # noqa: ANN001
                    now: Callable[[], datetime] | None = None) -> CommunityService:
    """The service on an open store; ``membership`` (``kiosk.services.members.Membership``)
    identifies cards and staff sessions, built here when the app has none yet."""
    if membership is None:
        from kiosk.services.members import build_membership
        membership = build_membership(store, config)
    return CommunityService(store.db, store.repos, membership.members, buildings=list(config.buildings),
                            staff=membership.staff, now=now or (lambda: datetime.now(timezone.utc)))
