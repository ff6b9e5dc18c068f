"""Savings: what a redemption saved, the limits of an offer, and a member's yearly totals.

An offer's *terms* say how a use of it is counted: a percentage of the purchase (the
partner types the amount), a fixed amount off, or a gift with the office's estimate of
its value; and how often one member may use it (``limit_count`` per ``limit_period``,
e.g. once a day). Money is in euro cents, integers. Periods follow the club's calendar
(Europe/Paris days; weeks start on Monday).

Two kinds of saving are kept apart everywhere: *measured* (redemptions recorded by a
partner) and *declared* (a contract taken through the club, its yearly saving declared
by the partner, e.g. an insurer). The server decides both; the partner page shows its
own estimate of a saving with the same arithmetic (``central/partners/static/verify.js``,
checked against this module by tests/partners/). Pure Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

MAX_AMOUNT_CENTS = 1_000_000          # 10,000 € for one purchase: above is a typing slip
MAX_DECLARED_CENTS = 500_000          # 5,000 € a year for one contract


class DiscountKind(str, enum.Enum):
    PERCENT = "percent"               # value: percent of the purchase (1..100)
    AMOUNT = "amount"                 # value: cents off
    GIFT = "gift"                     # value: estimated worth in cents ("un café offert")


class LimitPeriod(str, enum.Enum):
    NONE = "none"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class SavingKind(str, enum.Enum):
    MEASURED = "measured"
    DECLARED = "declared"


@dataclass(frozen=True)
class OfferTerms:
    offer_id: str
    kind: DiscountKind = DiscountKind.GIFT
    value: int = 0                    # percent, or cents (see DiscountKind)
    limit_period: LimitPeriod = LimitPeriod.NONE
    limit_count: int = 1

    @property
    def needs_amount(self) -> bool:
        return self.kind is DiscountKind.PERCENT


def terms_problem(kind: str, value: int, limit_period: str, limit_count: int) -> str | None:
    """Why terms are refused, or None (the office's form asks this)."""
    try:
        k, _ = DiscountKind(kind), LimitPeriod(limit_period)
    except ValueError:
        return "terms.kind_invalid"
    if k is DiscountKind.PERCENT and not 1 <= value <= 100:
        return "terms.percent_invalid"
    if k is not DiscountKind.PERCENT and not 0 <= value <= MAX_AMOUNT_CENTS:
        return "terms.amount_invalid"
    if not 1 <= limit_count <= 100:
        return "terms.limit_invalid"
    return None


def saving_cents(terms: OfferTerms, amount_cents: int | None) -> int:
    """What one use saved: a percentage of the purchase rounded to the cent (half up), or the
    fixed amount or the gift's worth. A percentage without an amount saves nothing known."""
    if terms.kind is DiscountKind.PERCENT:
        if not amount_cents or amount_cents <= 0:
            return 0
        return (min(amount_cents, MAX_AMOUNT_CENTS) * terms.value + 50) // 100
    return terms.value


def amount_problem(terms: OfferTerms, amount_cents: int | None) -> str | None:
    if terms.needs_amount and (amount_cents is None or not 1 <= amount_cents <= MAX_AMOUNT_CENTS):
        return "redemption.amount_needed"
    if amount_cents is not None and not 0 <= amount_cents <= MAX_AMOUNT_CENTS:
        return "redemption.amount_invalid"
    return None


def period_start(period: LimitPeriod, day: date) -> date | None:
    """First day of the limit's period holding ``day`` (None: the offer has no limit)."""
    if period is LimitPeriod.DAY:
        return day
    if period is LimitPeriod.WEEK:
        return day - timedelta(days=day.weekday())
    if period is LimitPeriod.MONTH:
        return day.replace(day=1)
    if period is LimitPeriod.YEAR:
        return day.replace(month=1, day=1)
    return None


def over_limit(terms: OfferTerms, day: date, earlier_days: list[date]) -> bool:
    """True if one more use on ``day`` goes past the offer's limit, given the member's
    earlier uses of it (their days). The server settles with every use it knows; a
    partner's phone asks the same with the uses it knows."""
    start = period_start(terms.limit_period, day)
    if start is None:
        return False
    nxt = {LimitPeriod.DAY: timedelta(days=1), LimitPeriod.WEEK: timedelta(days=7)}.get(terms.limit_period)
    if nxt is not None:
        end = start + nxt
    elif terms.limit_period is LimitPeriod.MONTH:
        end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    else:
        end = start.replace(year=start.year + 1)
    return sum(1 for d in earlier_days if start <= d < end) >= terms.limit_count


@dataclass(frozen=True)
class MemberSaving:
    """One line of a member's savings for a year (the feed's ``member_saving``): what the
    member saved at one partner, measured or declared, and how many uses. Only totals
    reach the kiosk, never the days of the visits."""

    member_id: str
    year: int
    partner_id: str
    kind: SavingKind
    label: str                        # the partner's name when last counted
    amount_cents: int
    uses: int = 0

    @property
    def key(self) -> str:
        return saving_key(self.member_id, self.year, self.partner_id, self.kind)


def saving_key(member_id: str, year: int, partner_id: str, kind: SavingKind) -> str:
    """``<member>:<year>:<kind>:<partner>`` (the partner id last: only it could hold a colon)."""
    return f"{member_id}:{year}:{kind.value}:{partner_id}"


def euros(cents: int) -> str:
    """``3750`` → ``"37,50 €"``, ``3700`` → ``"37 €"`` (French style; a no-break space before €)."""
    whole, rest = divmod(abs(int(cents)), 100)
    sign = "-" if cents < 0 else ""
    grouped = f"{whole:,}".replace(",", "\u202f")
    return f"{sign}{grouped}\u00a0€" if rest == 0 else f"{sign}{grouped},{rest:02d}\u00a0€"
