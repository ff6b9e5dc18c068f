"""The caretaker's "Banque de temps" desk (staff mode): what its screen needs besides the
ledger's own use cases (``ConciergerieService.transfer_by_staff`` / ``recent_transfers`` /
``reverse``, which record and audit).

Members found by card or by id with their full name (staff mode shows it), the balances
of the members of a transfer with their limit flag, and the recent workshops with hosts:
their host(s) and confirmed sign-ups, so a workshop's transfer (one host credited, each
attendee debited the same minutes) is made from the list the kiosk already holds. No Qt,
no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Sequence

from kiosk.domain.community import RegistrationStatus
from kiosk.domain.timebank import MAX_MINUTES, MAX_RECEIVERS
from kiosk.services.conciergerie import Balance, ConciergerieError

WORKSHOP_DAYS_BACK = 14      # a workshop's time is usually recorded after it, within two weeks
WORKSHOPS_SHOWN = 6


@dataclass(frozen=True)
class DeskMember:
    id: str
    name: str


@dataclass(frozen=True)
class Workshop:
    event_id: str
    title: str
    starts_at: str
    minutes: int                          # what each attendee gives by default (the workshop's length)
    hosts: list[DeskMember]
    attendees: list[DeskMember]           # confirmed sign-ups, hosts left out


class TimeDesk:
    def __init__(self, conciergerie: Any, *, now: Callable[[], datetime] | None = None) -> None:
        self.c = conciergerie
        self.repos = conciergerie.repos
        self._now = now or datetime.now

    def _named(self, member_id: str) -> DeskMember:
        m = self.repos.members.get(member_id)
        if m is None:
            raise ConciergerieError("timebank.member_unknown")
        return DeskMember(m.id, f"{m.first_name} {m.last_name}")

    def member(self, session: Any, member_id: str) -> DeskMember:
        self.c.staff.require(session)
        return self._named(member_id)

    def member_by_card(self, session: Any, card_text: str) -> DeskMember:
        """The card's holder (a refused card raises the card service's ``CardRefused``)."""
        self.c.staff.require(session)
        return self._named(self.c.cards.open_by_card(card_text).member_id)

    def balances(self, session: Any, member_ids: Sequence[str]) -> list[tuple[DeskMember, Balance]]:
        """Each member's balance after a transfer, with its limit flag (flagged, never refused)."""
        self.c.staff.require(session)
        return [(self._named(m), self.c.balance(m)) for m in member_ids]

    def workshops(self, session: Any) -> list[Workshop]:
        """Workshops with member hosts that ended in the last two weeks or are under way / today."""
        self.c.staff.require(session)
        now = self._now()
        since = (now - timedelta(days=WORKSHOP_DAYS_BACK)).isoformat(timespec="minutes")
        until = (now + timedelta(days=1)).isoformat(timespec="minutes")
        events = [e for e in self.repos.events.upcoming(since) if e.hosts and e.starts_at <= until]
        events.sort(key=lambda e: e.starts_at, reverse=True)
        out = []
        for e in events[:WORKSHOPS_SHOWN]:
            host_ids = {h.member_id for h in e.hosts}
            hosts = [self._named(h.member_id) for h in e.hosts if self.repos.members.get(h.member_id) is not None]
            attendees = [self._named(r.member_id) for r in self.repos.events.registrations(e.id)
                         if r.status is RegistrationStatus.CONFIRMED and r.member_id not in host_ids
                         and self.repos.members.get(r.member_id) is not None]
            if hosts:
                out.append(Workshop(e.id, e.title, e.starts_at, min(max(e.minutes, 0), MAX_MINUTES), hosts,
                                    attendees[:MAX_RECEIVERS]))
        return out
