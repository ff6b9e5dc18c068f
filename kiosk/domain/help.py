"""Help for the tenants of a building: who to ask (from the office), and "call me back".

- :class:`HelpContact`: a building's caretaker or the landlord's agency, with the hours
  and the work phone the office wrote. Kept per building (a kiosk may serve several);
  the office edits them (``/admin/places/buildings/<id>``), the feed carries them to the
  building's kiosks. :func:`help_contact_problems` is the one rule for what the office
  may write.
- :class:`CallbackRequest`: "Je voudrais qu'on me rappelle", a tenant's request that the
  office calls them back. A member who identified themselves is named by id (the office
  has their number); anyone else types a phone number, checked with
  :func:`~kiosk.domain.members.normalize_phone`. The reason is one of a fixed list: no
  free text, so nothing about someone's health can be typed at the lobby screen.
Pure Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.domain.members import normalize_phone

CONTACT_NAME_MAX = 120
CONTACT_HOURS_MAX = 200


class ContactRole(str, enum.Enum):
    CARETAKER = "caretaker"      # gardien(ne) of the building
    OFFICE = "office"            # the landlord's agency or the club's office


@dataclass(frozen=True)
class HelpContact:
    id: str
    building_id: str
    name: str              # "Mme Diallo, gardienne": as the office writes it
    role: str              # a ContactRole value
    hours: str             # "lundi–vendredi 8 h 30 – 12 h, 14 h – 17 h": the office's words
    phone: str             # the work number (E.164 from the office; national in old demo data)
    position: int = 0      # order on the help screen


def help_contact_problems(name: str, role: str, hours: str, phone: str) -> dict[str, str]:
    """field → problem code of a help contact as the office typed it (empty: accepted).

    The phone must be a valid French number (the caretaker's or the agency's work line)."""
    problems: dict[str, str] = {}
    if not name.strip():
        problems["name"] = "required"
    elif len(name.strip()) > CONTACT_NAME_MAX:
        problems["name"] = "too_long"
    if role not in {r.value for r in ContactRole}:
        problems["role"] = "role.invalid"
    if len(hours.strip()) > CONTACT_HOURS_MAX:
        problems["hours"] = "too_long"
    if not phone.strip():
        problems["phone"] = "required"
    else:
        try:
            normalize_phone(phone)
        except ValueError:
            problems["phone"] = "phone.invalid"
    return problems


class CallbackReason(str, enum.Enum):
    """What the call is about: a short fixed list (no free text at the lobby screen)."""

    MEMBERSHIP = "membership"    # my membership, my card
    HOME = "home"                # my flat: a repair, a problem in the building
    ACTIVITIES = "activities"    # meetings, workshops, outings
    OTHER = "other"              # something else


class CallbackStatus(str, enum.Enum):
    TO_CALL = "to_call"
    CALLED = "called"
    NO_ANSWER = "no_answer"


@dataclass(frozen=True)
class CallbackRequest:
    """One "call me back". On the kiosk the row keeps no phone number (the outbox entry
    carries it to the server, and loses it once the server has it)."""

    id: str
    building_id: str
    member_id: str | None          # None: not identified, the typed phone is the only contact
    reason: CallbackReason
    language: str                  # the screen's language: the office calls back in it if it can
    created_at: str
    phone: str = ""                # E.164; empty on the kiosk, and when the member's own number is meant
    status: CallbackStatus = CallbackStatus.TO_CALL


def display_phone(phone: str) -> str:
    """A help contact's number as people dial it ("+33148135510" → "01 48 13 55 10");
    text that is not a number is returned as it is."""
    import phonenumbers
    try:
        return phonenumbers.format_number(phonenumbers.parse(phone, "FR"), phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        return phone
