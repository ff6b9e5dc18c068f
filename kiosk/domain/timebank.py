"""Time credits ("banque de temps"): a double-entry ledger in minutes.

A *transfer* moves time from the members who received a service to the member who gave
it: the provider's entry is credited, each receiver's debited, and the entries of one
transfer always sum to zero. A workshop is one multi-party transfer (one host credited,
many attendees debited). A member's balance is the sum of their entries and nothing
else: no stored balance anywhere. A mistake is never edited: it is *reversed* by a new
transfer whose entries are the original's negated and which names it (``reverses``); a
transfer is reversed at most once, and a reversal is never reversed. Limits are not
refused but flagged for the office: a balance below :data:`LOW_LIMIT` or above
:data:`HIGH_LIMIT`. The server is the authority; the kiosk and the server check
payloads with the same functions. Pure Python.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

LOW_LIMIT = -600           # minutes: 10 hours owed
HIGH_LIMIT = 1200          # minutes: 20 hours banked
MAX_MINUTES = 600          # one receiver's share of one transfer: 10 hours
MAX_RECEIVERS = 40         # a workshop's attendees


class Confirmation(str, enum.Enum):
    CARDS = "cards"        # both members scanned their card at the kiosk
    STAFF = "staff"        # a caretaker recorded it for a member without a card (audited)
    OFFICE = "office"      # recorded (or reversed) at the office


class LimitFlag(str, enum.Enum):
    LOW = "low"
    HIGH = "high"


@dataclass(frozen=True)
class TimeTransfer:
    """One transfer's header (the feed's ``time_transfer``); its entries are :class:`TimeEntry`."""

    id: str
    building_id: str                  # the provider's building
    provider_id: str                  # credited (for a reversal: the original's provider)
    confirmed_by: Confirmation
    staff_id: str = ""                # who recorded it, for STAFF (and OFFICE: the office user)
    reverses: str = ""                # the transfer this one cancels
    note: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class TimeEntry:
    """One line of the ledger (the feed's ``time_entry``): ``minutes`` > 0 credit, < 0 debit."""

    transfer_id: str
    member_id: str
    minutes: int

    @property
    def key(self) -> str:
        return f"{self.transfer_id}:{self.member_id}"


def transfer_problem(provider_id: str, shares: Sequence[tuple[str, int]]) -> str | None:
    """Why a transfer of ``shares`` ((receiver id, minutes), …) to ``provider_id`` is refused."""
    if not shares:
        return "timebank.no_receiver"
    if len(shares) > MAX_RECEIVERS:
        return "timebank.too_many_receivers"
    receivers = [m for m, _ in shares]
    if provider_id in receivers:
        return "timebank.self_transfer"
    if len(set(receivers)) != len(receivers):
        return "timebank.receiver_twice"
    if any(not 1 <= minutes <= MAX_MINUTES for _, minutes in shares):
        return "timebank.minutes_invalid"
    return None


def transfer_entries(transfer_id: str, provider_id: str, shares: Sequence[tuple[str, int]]) -> list[TimeEntry]:
    """The entries of a transfer: the provider credited with the sum, each receiver debited."""
    problem = transfer_problem(provider_id, shares)
    if problem:
        raise ValueError(problem)
    total = sum(minutes for _, minutes in shares)
    return [TimeEntry(transfer_id, provider_id, total)] + [TimeEntry(transfer_id, m, -minutes) for m, minutes in shares]


def reversal_entries(reversal_id: str, original: Iterable[TimeEntry]) -> list[TimeEntry]:
    """The original's entries negated, under the reversing transfer's id."""
    return [TimeEntry(reversal_id, e.member_id, -e.minutes) for e in original]


def reversal_problem(original: TimeTransfer | None, already_reversed: bool) -> str | None:
    if original is None:
        return "timebank.transfer_unknown"
    if original.reverses:
        return "timebank.reversal_of_reversal"
    if already_reversed:
        return "timebank.already_reversed"
    return None


def balances(entries: Iterable[TimeEntry]) -> dict[str, int]:
    """Each member's balance in minutes, from the entries alone."""
    out: dict[str, int] = defaultdict(int)
    for e in entries:
        out[e.member_id] += e.minutes
    return dict(out)


def limit_flag(balance: int) -> LimitFlag | None:
    """Flagged for the office (never refused): below LOW_LIMIT or above HIGH_LIMIT."""
    if balance < LOW_LIMIT:
        return LimitFlag.LOW
    if balance > HIGH_LIMIT:
        return LimitFlag.HIGH
    return None


def hours(minutes: int) -> str:
    """``90`` → ``"1 h 30"``, ``-45`` → ``"-45 min"``, ``120`` → ``"2 h"`` (French style)."""
    sign = "-" if minutes < 0 else ""
    h, m = divmod(abs(minutes), 60)
    if not h:
        return f"{sign}{m}\u00a0min"
    return f"{sign}{h}\u00a0h" + (f"\u00a0{m:02d}" if m else "")
