"""Membership fee ("cotisation"): the club's policy, paid-until dates, a member's standing.

Shared by the kiosk (staff record cash payments offline) and the central server (it
recomputes paid-until from the payments it holds), so both decide alike. Pure Python:
no Qt, no database, no clock (``today`` is always passed in).

* A :class:`FeePolicy` is set by the office per club: a monthly amount in integer cents
  per :class:`MemberKind` (``0`` everywhere = the club charges nothing) and whether an
  unpaid fee blocks lending (``fee_blocks_lending``).
* A payment of N months extends paid-until from ``max(today, paid_until)``
  (:func:`extend_paid_until`): paying early adds to the months left, paying late starts
  again from the day of payment (no back pay is asked).
* :func:`fee_standing` says what the member space and the lending desk show:
  not charged / paid until D / due since D.
* Receipt numbers are made offline, unique across kiosks: the device's short id and a
  per-device counter kept in the store (:func:`receipt_number`).

Lending (i12a) asks :func:`blocks_lending` ``(paid_until, today, policy, kind)``.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

from kiosk.domain.places import Estate

MAX_MONTHS = 12                 # one payment covers at most a year
MAX_MONTHLY_CENTS = 100_00      # a monthly fee above 100 € is a typing error


class MemberKind(str, enum.Enum):
    TENANT = "tenant"           # lives in one of the club's buildings ("locataire")
    OTHER = "other"             # a neighbour from outside the estate ("extérieur")


class StandingKind(str, enum.Enum):
    NOT_CHARGED = "not_charged"  # the club (or this kind of member) pays nothing
    PAID = "paid"                # paid until ``until`` (inclusive)
    DUE = "due"                  # due since ``since`` (never paid: since = None)


@dataclass(frozen=True)
class FeePolicy:
    """The club's fee; amounts are monthly, in integer cents."""

    monthly_cents: Mapping[MemberKind, int]
    fee_blocks_lending: bool = False

    @staticmethod
    def free() -> "FeePolicy":
        return FeePolicy({MemberKind.TENANT: 0, MemberKind.OTHER: 0})

    def monthly(self, kind: MemberKind) -> int:
        return int(self.monthly_cents.get(kind, 0))

    @property
    def charges(self) -> bool:
        return any(self.monthly(k) > 0 for k in MemberKind)

    def problems(self) -> list[str]:
        """Codes of what is wrong with a policy the office typed (empty = fine)."""
        out = []
        for kind in MemberKind:
            cents = self.monthly_cents.get(kind, 0)
            if not isinstance(cents, int) or isinstance(cents, bool):
                out.append(f"fee_amount_not_cents:{kind.value}")
            elif cents < 0:
                out.append(f"fee_amount_negative:{kind.value}")
            elif cents > MAX_MONTHLY_CENTS:
                out.append(f"fee_amount_too_high:{kind.value}")
        return out

    def to_json(self) -> dict[str, object]:
        return {"monthly_cents": {k.value: self.monthly(k) for k in MemberKind},
                "fee_blocks_lending": self.fee_blocks_lending}

    @staticmethod
    def from_json(data: Mapping[str, object] | None) -> "FeePolicy":
        if not data:
            return FeePolicy.free()
        raw = data.get("monthly_cents") or {}
        assert isinstance(raw, Mapping)
        amounts = {k: int(raw.get(k.value, 0)) for k in MemberKind}
        return FeePolicy(amounts, bool(data.get("fee_blocks_lending", False)))


def policy_of(estate: Estate | None) -> FeePolicy:
    """The fee policy the office set on the club's estate (free when unknown)."""
    if estate is None:
        return FeePolicy.free()
    return FeePolicy({MemberKind.TENANT: estate.fee_tenant_cents, MemberKind.OTHER: estate.fee_other_cents},
                     estate.fee_blocks_lending)


CONCIERGERIE = FeePolicy({MemberKind.TENANT: 1_00, MemberKind.OTHER: 5_00}, fee_blocks_lending=True)


@dataclass(frozen=True)
class Standing:
    kind: StandingKind
    until: date | None = None    # PAID: last day covered
    since: date | None = None    # DUE: first day not covered (None: never paid)

    @property
    def in_order(self) -> bool:
        return self.kind is not StandingKind.DUE


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def extend_paid_until(paid_until: date | None, today: date, months: int) -> date:
    """Paid-until after a payment of ``months`` made on ``today``.

    Paid-until is the first day NOT covered; a payment starts from
    ``max(today, paid_until)``.
    """
    if months < 1:
        raise ValueError("fee_months_invalid")
    start = today if paid_until is None or paid_until < today else paid_until
    return add_months(start, months)



def paid_until_after(paid_until: date | None, months: int, today: date) -> date:
    """The brief's name for :func:`extend_paid_until` (same rule, arguments in that order)."""
    return extend_paid_until(paid_until, today, months)

class PaymentStatus(str, enum.Enum):
    RECORDED = "recorded"       # made at a kiosk (the server keeps it once)
    REFUSED = "refused"         # the server would not record it (member gone, receipt taken...)


@dataclass(frozen=True)
class Payment:
    """One cash payment as both sides hold it (``paid_on`` = the kiosk's local ISO day)."""

    id: str
    member_id: str
    months: int
    amount_cents: int
    paid_on: str
    receipt_number: str
    staff_id: str
    created_at: str = ""
    status: PaymentStatus = PaymentStatus.RECORDED

    @property
    def day(self) -> date:
        return date.fromisoformat(self.paid_on)


def paid_until(payments: Iterable[Payment]) -> date | None:
    """Paid-until derived from all of a member's payments, in the order they were made.

    Deterministic whatever order they arrive in (kiosk replica, server after sync):
    sorted by day then receipt number.
    """
    result: date | None = None
    kept = [p for p in payments if p.status is not PaymentStatus.REFUSED]
    for p in sorted(kept, key=lambda p: (p.paid_on, p.receipt_number)):
        result = extend_paid_until(result, p.day, p.months)
    return result


def fee_standing(paid_until: date | None, today: date, policy: FeePolicy,
                 kind: MemberKind = MemberKind.TENANT) -> Standing:
    """Not charged / paid until D (last day covered) / due since D.

    ``paid_until`` is the first day not covered, as :func:`paid_until` returns it.
    """
    if policy.monthly(kind) <= 0:
        return Standing(StandingKind.NOT_CHARGED)
    if paid_until is not None and today < paid_until:
        return Standing(StandingKind.PAID, until=date.fromordinal(paid_until.toordinal() - 1))
    return Standing(StandingKind.DUE, since=paid_until)


def blocks_lending(paid_until: date | None, today: date, policy: FeePolicy,
                   kind: MemberKind = MemberKind.TENANT) -> bool:
    """True when lending must be refused with ``fee_due`` (the club asked for it)."""
    return policy.fee_blocks_lending and not fee_standing(paid_until, today, policy, kind).in_order


def expected_amount(policy: FeePolicy, kind: MemberKind, months: int) -> int:
    return policy.monthly(kind) * months


def payment_problem(policy: FeePolicy, kind: MemberKind, months: int, amount_cents: int) -> str:
    """A code for what is wrong with a payment, or "" (kiosk form and server alike).

    Staff may lower the amount (a club's goodwill, a discount) but never above what the
    policy says, never zero or negative: a free club records no payment.
    """
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= MAX_MONTHS:
        return "fee_months_invalid"
    if policy.monthly(kind) <= 0:
        return "fee_not_charged"
    if not isinstance(amount_cents, int) or isinstance(amount_cents, bool) or amount_cents <= 0:
        return "fee_amount_invalid"
    if amount_cents > expected_amount(policy, kind, months):
        return "fee_amount_too_high"
    return ""


_SHORT_ID = re.compile(r"^[A-Z0-9]{4,8}$")
_RECEIPT = re.compile(r"^([A-Z0-9]{4,8})-(\d{5,})$")


def device_short_id(key_id_hex: str) -> str:
    """The receipt prefix of a kiosk: its card-signing key id (8 hex digits), upper case.

    The server refuses to register two devices with one key id, so two kiosks never share
    a prefix; the server also checks a receipt's prefix is the sending device's.
    """
    clean = re.sub(r"[^A-Fa-f0-9]", "", key_id_hex).upper()
    if len(clean) != 8:
        raise ValueError("receipt_key_id_invalid")
    return clean


def receipt_number(short_id: str, counter: int) -> str:
    """``<short id>-<counter, 5 digits or more>``, e.g. ``A1B2C3-00042``.

    Unique across kiosks without the network: short ids differ per device (the server
    refuses a number already taken, ``fee_receipt_taken``), the counter per device is
    kept in the store and bumped in the same transaction as the payment.
    """
    if not _SHORT_ID.match(short_id):
        raise ValueError("receipt_short_id_invalid")
    if counter < 1:
        raise ValueError("receipt_counter_invalid")
    return f"{short_id}-{counter:05d}"


def receipt_problem(number: str) -> str:
    return "" if _RECEIPT.match(number) else "fee_receipt_invalid"


def euros(cents: int, lang: str = "fr") -> str:
    """``1,00 €`` (fr, ar) / ``€1.00`` (en) from integer cents."""
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    if lang == "en":
        return f"{sign}€{whole}.{rest:02d}"
    return f"{sign}{whole},{rest:02d}\u00a0€"
