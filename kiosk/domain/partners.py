"""Partners (local businesses) and their offers, with opening hours.

Hours are per weekday (0 = Monday) as ``(open, close)`` pairs of ``"HH:MM"``; a close
time at or before the open time runs past midnight into the next day ("18:00"–"02:00").
Exceptions replace a whole date's hours (an empty list: closed that day). Times are
the kiosk's local wall-clock time. Pure Python.
"""

from __future__ import annotations

import base64
import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from kiosk.domain.errors import FieldError, ValidationError


class Category(str, enum.Enum):
    FOOD = "food"
    FLORIST = "florist"
    BEAUTY = "beauty"
    CULTURE = "culture"
    INSURANCE = "insurance"
    ARTISAN = "artisan"
    SERVICES = "services"


Interval = tuple[str, str]


def _parse(hhmm: str) -> time:
    h, m = hhmm.split(":")
    return time(int(h) % 24, int(m))


def _check_interval(iv: Interval) -> bool:
    try:
        h1, m1 = map(int, iv[0].split(":"))
        h2, m2 = map(int, iv[1].split(":"))
    except (ValueError, AttributeError, IndexError):
        return False
    return 0 <= h1 <= 24 and 0 <= h2 <= 24 and 0 <= m1 < 60 and 0 <= m2 < 60


@dataclass(frozen=True)
class WeeklyHours:
    days: dict[int, list[Interval]] = field(default_factory=dict)
    exceptions: dict[str, list[Interval]] = field(default_factory=dict)  # ISO date -> intervals

    def intervals_on(self, day: date) -> list[Interval]:
        key = day.isoformat()
        if key in self.exceptions:
            return list(self.exceptions[key])
        return list(self.days.get(day.weekday(), []))

    def is_open_at(self, when: datetime) -> bool:
        t = when.time().replace(second=0, microsecond=0)
        for start, end in self.intervals_on(when.date()):
            o, c = _parse(start), _parse(end)
            if c > o and o <= t < c:
                return True
            if c <= o and t >= o:  # opens today, closes after midnight
                return True
        for start, end in self.intervals_on(when.date() - timedelta(days=1)):
            o, c = _parse(start), _parse(end)
            if c <= o and t < c:  # yesterday's late opening still running
                return True
        return False

    def to_json(self) -> dict[str, Any]:
        return {"days": {str(k): [list(iv) for iv in v] for k, v in self.days.items()},
                "exceptions": {k: [list(iv) for iv in v] for k, v in self.exceptions.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "WeeklyHours":
        data = data or {}
        return cls(days={int(k): [tuple(iv) for iv in v] for k, v in data.get("days", {}).items()},
                   exceptions={k: [tuple(iv) for iv in v] for k, v in data.get("exceptions", {}).items()})

    def validate(self) -> None:
        bad = [iv for ivs in list(self.days.values()) + list(self.exceptions.values()) for iv in ivs
               if not _check_interval(iv)]
        if bad or any(not 0 <= d <= 6 for d in self.days):
            raise ValidationError([FieldError("hours", "hours.invalid")])


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    category: Category
    address: str
    lat: float
    lon: float
    phone: str = ""
    website: str = ""
    description: str = ""
    hours: WeeklyHours = field(default_factory=WeeklyHours)
    active: bool = True

    def validate(self) -> None:
        errors = []
        if not self.name.strip():
            errors.append(FieldError("name", "required"))
        if not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):
            errors.append(FieldError("coordinates", "coordinates.invalid"))
        if self.website and not self.website.startswith(("https://", "http://")):
            errors.append(FieldError("website", "url.invalid"))
        if errors:
            raise ValidationError(errors)
        self.hours.validate()


@dataclass(frozen=True)
class Offer:
    id: str
    partner_id: str
    text: str                       # "-10 % sur présentation de la carte"
    conditions: str = ""
    valid_from: date | None = None
    valid_until: date | None = None  # inclusive

    def is_current(self, today: date) -> bool:
        return (self.valid_from is None or self.valid_from <= today) and \
               (self.valid_until is None or today <= self.valid_until)


@dataclass(frozen=True)
class PartnerLogo:
    """A partner's logo as kiosks get it: small (at most ``LOGO_SIDE`` px a side, at most
    ``LOGO_MAX_BYTES``), re-encoded by the server as PNG or JPEG, base64 in ``data`` so
    it travels in the feed's JSON. ``digest`` names the image (caches key on it). Its
    own feed entity, not a field of :class:`Partner`: a partner's hours can change
    without sending the image again, and the partner list never reads images."""

    partner_id: str
    mime: str          # "image/png" or "image/jpeg"
    data: str          # base64 of the image file
    digest: str        # first 16 hex digits of the image's SHA-256

    def image(self) -> bytes:
        return base64.b64decode(self.data)


LOGO_SIDE = 192
LOGO_MAX_BYTES = 30_000
