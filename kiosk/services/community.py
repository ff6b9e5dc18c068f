"""Community use cases at the kiosk: events and sign-ups, check-in at the door, the idea
box and votes, requests to the landlord. Qt-free.

Every change is a recorded mutation (:class:`kiosk.services.recording.Recorder`): its
definition's local effect and its outbox entry in one transaction; the sync applier
re-applies the same effect over pulled pages, so what a tenant just did stays visible
until the server answers. A sign-up is ``pending`` ("en attente de confirmation")
until the server decides confirmed or waitlisted: the kiosk never decides capacity; a
sign-up it refuses for good stops showing (the definition's ``on_rejected``). A
check-in is recorded once per person and event here, and the server counts each person
once across kiosks. Free text follows the shared rule
(:func:`kiosk.domain.community.text_problems`): no phone numbers or e-mail addresses in
the public idea box. No Qt, no SQL here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Protocol

from kiosk.domain.community import (Event, HostedHours, Idea, IdeaCategory, LandlordRequest, Registration,
                                    RegistrationStatus, RequestCategory, clean_text, hosted_hours, text_problems)
from kiosk.domain.errors import DomainError, FieldError, NotFound, ValidationError
from kiosk.protocol.mutations.cancel_registration import CancelRegistration
from kiosk.protocol.mutations.check_in import CheckIn
from kiosk.protocol.mutations.register_for_event import RegisterForEvent
from kiosk.protocol.mutations.submit_idea import SubmitIdea
from kiosk.protocol.mutations.submit_request import SubmitRequest
from kiosk.protocol.mutations.vote_idea import VoteIdea
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories

IDEA_CATEGORIES: tuple[str, ...] = tuple(c.value for c in IdeaCategory)
REQUEST_CATEGORIES: tuple[str, ...] = tuple(c.value for c in RequestCategory)


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


def _check_text(text: str, *, required: bool) -> str:
    text = clean_text(text)
    errors = text_problems(text, required=required)
    if errors:
        raise ValidationError(errors)
    return text


class CommunityService:
    def __init__(self, db: Database, repos: Repositories, members: MemberFinder, *,
                 buildings: list[str] | None = None, staff: SessionGuard | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
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
        return EventView(e, e.taken, self.repos.events.pending_count(e.id), self.repos.events.attendance_count(e.id))

    def upcoming(self) -> list[EventView]:
        return [self._view(e) for e in self.repos.events.upcoming(self._local_now(), self.buildings or None)]

    def event(self, event_id: str) -> EventView:
        e = self.repos.events.get(event_id)
        if e is None:
            raise NotFound("community.event_unknown")
        return self._view(e)

    def hosted_hours(self, member_id: str) -> HostedHours:
        """The workshops the member ran (ended by now) and their time, for the member space."""
        return hosted_hours(self.repos.events.hosted_by(member_id), member_id, self._local_now())

    def registration_of(self, event_id: str, member_id: str) -> Registration | None:
        """The member's live sign-up for the event (pending, confirmed or waitlisted)."""
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
        payload = RegisterForEvent(id=str(uuid.uuid4()), event_id=event_id, member_id=member_id,
                                   created_at=self._stamp())
        self.recorder.record(payload)
        return next(r for r in self.repos.events.registrations(event_id) if r.id == payload.id)

    def cancel(self, registration_id: str, member_id: str) -> None:
        """Cancel; the server gives the place to the first waitlisted person."""
        regs = [r for r in self.repos.events.registrations_of(member_id) if r.id == registration_id]
        if not regs:
            raise NotFound("community.registration_unknown")
        if regs[0].status is RegistrationStatus.CANCELLED:
            return
        self.recorder.record(CancelRegistration(id=registration_id, member_id=member_id))

    def my_events(self, member_id: str) -> list[MyEvent]:
        out = []
        for reg in self.repos.events.registrations_of(member_id):
            e = self.repos.events.get(reg.event_id)
            if e is not None and reg.status is not RegistrationStatus.CANCELLED:
                out.append(MyEvent(e, reg))
        return sorted(out, key=lambda m: m.event.starts_at)

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
        already = self.repos.events.attended(event_id, person.member_id)
        if not already:
            self.recorder.record(CheckIn(event_id=event_id, member_id=person.member_id, checked_in_at=self._stamp(),
                                         staff_id=str(getattr(session, "staff_id", "") or "")))
        return CheckInResult(person, already, registered, self.attendance_count(event_id))

    def attendance_count(self, event_id: str) -> int:
        return self.repos.events.attendance_count(event_id)

    # -- ideas -------------------------------------------------------------------------------------
    def submit_idea(self, category: str, text: str, member_id: str | None, *, anonymous: bool = False) -> Idea:
        if category not in IDEA_CATEGORIES:
            raise ValidationError([FieldError("category", "community.category_required")])
        text = _check_text(text, required=True)
        payload = SubmitIdea(id=str(uuid.uuid4()), category=IdeaCategory(category), text=text,
                             member_id=None if anonymous else member_id,
                             building_id=self.buildings[0] if self.buildings else "", created_at=self._stamp())
        self.recorder.record(payload)
        return payload.idea(building_id=payload.building_id, created_at=payload.created_at)

    def published_ideas(self, member_id: str | None = None) -> list[IdeaView]:
        voted = self.repos.ideas.voted_by(member_id) if member_id else set()
        return [IdeaView(i, i.id in voted) for i in self.repos.ideas.published()]

    def vote(self, idea_id: str, member_id: str) -> bool:
        """One vote per member per idea: False if this member already voted."""
        if self.repos.ideas.has_vote(idea_id, member_id):
            return False
        self.recorder.record(VoteIdea(idea_id=idea_id, member_id=member_id))
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
        payload = SubmitRequest(id=str(uuid.uuid4()), member_id=member_id, flat_id=member.flat_id,
                                category=RequestCategory(category), text=text, created_at=self._stamp())
        self.recorder.record(payload)
        return LandlordRequest(id=payload.id, member_id=member_id, flat_id=member.flat_id,
                               category=payload.category, text=text, created_at=payload.created_at)

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
