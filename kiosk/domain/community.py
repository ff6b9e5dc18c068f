"""The club's social side: events and sign-ups, ideas and votes, requests, announcements.

Event capacity is decided by the server: a sign-up made offline is ``pending`` until the
server answers ``confirmed`` or ``waitlisted``. Kiosk clocks never order anything. Pure
Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class RegistrationStatus(str, enum.Enum):
    PENDING = "pending"            # "en attente de confirmation"
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


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


@dataclass(frozen=True)
class Registration:
    id: str
    event_id: str
    member_id: str
    status: RegistrationStatus
    created_at: str
    waitlist_position: int | None = None
    checked_in_at: str = ""


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
