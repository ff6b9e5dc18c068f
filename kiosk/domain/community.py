"""The club's social side: events and sign-ups, ideas and votes, requests, announcements.

Event capacity is decided by the server: a sign-up made offline is ``pending`` until the
server answers ``confirmed`` or ``waitlisted``. Kiosk clocks never order anything. Pure
Python.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from kiosk.domain.errors import FieldError

# Free text of ideas and requests (the kiosk's forms and the server check the same).
TEXT_MIN = 3
TEXT_MAX = 500
_PHONE = re.compile(r"(?:\+|\b0)\s*[1-9](?:[\s.-]*\d{2}){4}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class RegistrationStatus(str, enum.Enum):
    PENDING = "pending"            # "en attente de confirmation"
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class EventHost:
    """A member who runs a workshop (volunteer). Kiosks show the first name only."""

    member_id: str
    first_name: str


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    description: str
    place: str
    starts_at: str                 # ISO 8601 local time
    ends_at: str
    capacity: int
    audience: str = "members"      # "members" | "all"
    building_ids: tuple[str, ...] = ()   # empty: every building
    pictogram: str = "meeting"
    taken: int = 0                 # confirmed places, as last told by the server
    hosts: tuple[EventHost, ...] = ()    # volunteer-run workshop: its member hosts (set by the office)

    @property
    def minutes(self) -> int:
        """The event's duration in whole minutes (0 when its times are missing or reversed)."""
        try:
            start, end = datetime.fromisoformat(self.starts_at), datetime.fromisoformat(self.ends_at)
        except ValueError:
            return 0
        return max(0, int((end - start).total_seconds() // 60))

    @property
    def host_names(self) -> str:
        """The hosts' first names, for the kiosk's event screen (never a last name)."""
        return ", ".join(h.first_name for h in self.hosts)


@dataclass(frozen=True)
class Registration:
    id: str
    event_id: str
    member_id: str
    status: RegistrationStatus
    created_at: str
    waitlist_position: int | None = None
    checked_in_at: str = ""


def looks_personal(text: str) -> bool:
    """True if the text holds something like a phone number or an e-mail address."""
    return bool(_PHONE.search(text) or _EMAIL.search(text))


def clean_text(text: str) -> str:
    """Runs of spaces, tabs and line breaks become one space; ends trimmed."""
    return " ".join((text or "").split())


def text_problems(text: str, *, required: bool) -> list[FieldError]:
    """What is wrong with an idea's or a request's text (already cleaned), for field ``text``.

    The idea box is public: no phone numbers or e-mail addresses in it; no control
    characters anywhere."""
    errors = []
    if required and len(text) < TEXT_MIN:
        errors.append(FieldError("text", "community.text_too_short", {"min": TEXT_MIN}))
    if len(text) > TEXT_MAX:
        errors.append(FieldError("text", "community.text_too_long", {"max": TEXT_MAX}))
    if text and looks_personal(text):
        errors.append(FieldError("text", "community.personal_details"))
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        errors.append(FieldError("text", "community.control_characters"))
    return errors


@dataclass(frozen=True)
class Attendance:
    """A person checked in at an event's door (once, whichever kiosks scanned them)."""

    event_id: str
    member_id: str
    checked_in_at: str = ""


class IdeaCategory(str, enum.Enum):
    LIVING = "living"
    ACTIVITIES = "activities"
    ENVIRONMENT = "environment"
    SAVINGS = "savings"
    OTHER = "other"


class IdeaStatus(str, enum.Enum):
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Idea:
    id: str
    category: str
    text: str
    status: IdeaStatus = IdeaStatus.SUBMITTED
    member_id: str | None = None   # None when anonymous
    answer: str = ""
    votes: int = 0
    created_at: str = ""
    building_id: str = ""


@dataclass(frozen=True)
class IdeaVote:
    idea_id: str
    member_id: str


class RequestCategory(str, enum.Enum):
    COMMON_AREAS = "common_areas"
    REDUCED_MOBILITY = "reduced_mobility"
    NOISE = "noise"
    CLEANLINESS = "cleanliness"
    OTHER = "other"


class RequestStatus(str, enum.Enum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    DONE = "done"


@dataclass(frozen=True)
class LandlordRequest:
    id: str
    member_id: str
    flat_id: str
    category: RequestCategory
    text: str
    status: RequestStatus = RequestStatus.RECEIVED
    answer: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class Announcement:
    id: str
    title: str
    body: str
    valid_from: str                # ISO date
    valid_until: str               # ISO date, inclusive
    building_ids: tuple[str, ...] = field(default_factory=tuple)  # empty: everywhere


@dataclass(frozen=True)
class HostedHours:
    workshops: int
    minutes: int

    @property
    def hours_text(self) -> str:
        """``6 h`` / ``1 h 30`` (French style, used in fr and ar; en says the same)."""
        h, m = divmod(self.minutes, 60)
        return f"{h} h {m:02d}" if m else f"{h} h"


def hosted_hours(events: Iterable[Event], member_id: str, now: str) -> HostedHours:
    """The workshops ``member_id`` hosted that have ended by ``now`` (ISO local time), and their time."""
    done = [e for e in events if any(h.member_id == member_id for h in e.hosts) and e.ends_at and e.ends_at <= now]
    return HostedHours(len(done), sum(e.minutes for e in done))

