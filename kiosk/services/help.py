""""Besoin d'aide ?": who to ask here, the next "En direct" meeting, and a call back.

:meth:`HelpService.info` gathers, for this kiosk's buildings, the help contacts (the
caretaker: name, hours, phone, as the office wrote them) and the next meeting with the
landlord's teams (an upcoming event whose pictogram is "meeting"). Qt-free.

:meth:`HelpService.request_callback` is the tenant's "Je voudrais qu'on me rappelle".
The phone number is checked with the domain's own rule, then it raises
:class:`CallbackNotAvailableYet`: the request needs a new mutation to reach the office,
which comes with the new sync core. The UI catches it and says so politely; nothing is
stored meanwhile (no personal data kept for a request that cannot be sent).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from kiosk.domain.errors import DomainError, FieldError, ValidationError
from kiosk.domain.help import HelpContact

MEETING_PICTOGRAM = "meeting"


class CallbackNotAvailableYet(DomainError):
    """Call-back requests cannot reach the office yet (no mutation for them)."""

    code = "help.callback_not_available"


@dataclass(frozen=True)
class Meeting:
    title: str
    starts_at: str
    ends_at: str
    place: str


@dataclass(frozen=True)
class HelpInfo:
    contacts: list[HelpContact]
    next_meeting: Meeting | None


class HelpService:
    def __init__(self, contacts: Any, upcoming: Callable[[], list], buildings: list[str] | None = None) -> None:
        self._contacts = contacts          # kiosk.store.help.HelpContactsRepository
        self._upcoming = upcoming          # () -> community EventView list, soonest first
        self._buildings = list(buildings or [])

    def info(self) -> HelpInfo:
        meeting = None
        for view in self._upcoming():
            e = getattr(view, "event", view)
            if e.pictogram == MEETING_PICTOGRAM:
                meeting = Meeting(e.title, e.starts_at, e.ends_at, e.place)
                break
        return HelpInfo(self._contacts.for_buildings(self._buildings), meeting)

    def request_callback(self, phone: str, language: str) -> None:  # noqa: ARG002 - for the mutation
        """Ask the office to call ``phone`` back. Raises :class:`ValidationError` for a bad
        number, else :class:`CallbackNotAvailableYet` (until the sync core carries it)."""
        from kiosk.domain.members import normalize_phone
        try:
            normalize_phone(phone)
        except ValidationError:
            raise
        except ValueError:
            raise ValidationError([FieldError("phone", "phone.invalid")]) from None
        raise CallbackNotAvailableYet()
