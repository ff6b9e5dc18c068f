""""Besoin d'aide ?": who to ask here, the next "En direct" meeting, and a call back.

:meth:`HelpService.info` gathers, for this kiosk's buildings, the help contacts (the
caretaker and the agency: name, hours, work phone, as the office wrote them; they come
with the feed) and the next meeting with the landlord's teams (an upcoming event whose
pictogram is "meeting").

:meth:`HelpService.request_callback` is the tenant's "Je voudrais qu'on me rappelle":
a ``request_callback`` mutation recorded like any other (local row and outbox entry in
one transaction, offline or not); the next sync carries it to the office's "Rappels à
faire" list. A member who identified themselves is named by id (the office has their
number; they may give another); anyone else must type a number, checked with the
domain's rule. The reason is one of a fixed list. The kiosk keeps no phone number once
the server has it (:meth:`forget_sent_phones`, run by the daily purge). Qt-free.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from kiosk.domain.errors import FieldError, ValidationError
from kiosk.domain.help import CallbackReason, HelpContact
from kiosk.domain.members import LANGUAGES, mask_phone, normalize_phone
from kiosk.protocol.mutations.request_callback import DEFINITION as REQUEST_CALLBACK, RequestCallback
from kiosk.config import Config
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.opening import Store
from kiosk.store.repositories import Repositories
from kiosk.sync.provisioning import KV_BUILDINGS

MEETING_PICTOGRAM = "meeting"


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


@dataclass(frozen=True)
class Caller:
    """Who asks to be called back, as the call-back screen shows it (nothing more)."""

    member_id: str | None
    first_name: str = ""
    masked_phone: str = ""          # "06 •• •• •• 78": the member's number on file, masked
    due_since: str = ""             # a request of theirs still to call: when it was made


class HelpService:
    def __init__(self, db: Database, repos: Repositories, upcoming: Callable[[], list],
                 buildings: list[str] | None = None, *,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self._db = db
        self._repos = repos
        self._recorder = Recorder(db, repos)
        self._upcoming = upcoming          # () -> community EventView list, soonest first
        self._buildings = list(buildings or [])
        self._now = now

    def info(self) -> HelpInfo:
        meeting = None
        for view in self._upcoming():
            e = getattr(view, "event", view)
            if e.pictogram == MEETING_PICTOGRAM:
                meeting = Meeting(e.title, e.starts_at, e.ends_at, e.place)
                break
        return HelpInfo(self._repos.help.for_buildings(self._buildings), meeting)

    def caller(self, member_id: str | None) -> Caller:
        """The identified member's first name, masked number and a call already due (an
        unknown id: nobody)."""
        member = self._repos.members.get(member_id) if member_id else None
        if member is None:
            return Caller(None)
        due = self._repos.callbacks.due_for(member.id)
        return Caller(member.id, member.first_name, mask_phone(member.phone), due.created_at if due else "")

    def request_callback(self, phone: str, language: str, reason: CallbackReason | str,
                         member_id: str | None = None) -> str:
        """Ask the office to call back; the request's id. Raises :class:`ValidationError`
        (field ``phone``: ``required`` without a member, ``phone.invalid``; field
        ``reason``: ``callback.reason``)."""
        errors = []
        try:
            why = CallbackReason(reason)
        except ValueError:
            errors.append(FieldError("reason", "callback.reason"))
        member = self._repos.members.get(member_id) if member_id else None
        number = ""
        if phone.strip():
            try:
                number = normalize_phone(phone)
            except ValueError:
                errors.append(FieldError("phone", "phone.invalid"))
        elif member is None:
            errors.append(FieldError("phone", "required"))
        if errors:
            raise ValidationError(errors)
        building = member.building_id if member is not None else self._home_building()
        payload = RequestCallback(id=str(uuid.uuid4()), building_id=building,
                                  member_id=member.id if member is not None else None, phone=number, reason=why,
                                  language=language if language in LANGUAGES else "fr",
                                  created_at=self._now().isoformat(timespec="seconds"))
        self._recorder.record(payload)
        return payload.id

    def forget_sent_phones(self) -> int:
        """The kiosk forgets the numbers the server already has (run daily with the purge)."""
        return self._repos.callbacks.forget_sent_phones(REQUEST_CALLBACK.name)

    def _home_building(self) -> str:
        """The building a request from this screen belongs to: the configured one, else the
        first the provisioning gave, else the first in the local places."""
        if self._buildings:
            return self._buildings[0]
        provisioned = json.loads(self._repos.kv.get(KV_BUILDINGS) or "[]")
        if provisioned:
            return str(provisioned[0])
        places = self._repos.places.buildings()
        return places[0].id if places else ""


def build_help(store: Store, config: Config, upcoming: Callable[[], list],
               now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> HelpService:
    """The help service over an open store (``app.py`` and the tests build it the same way)."""
    return HelpService(store.db, store.repos, upcoming, list(config.buildings), now=now)
