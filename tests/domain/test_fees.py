"""The membership fee rules (kiosk/domain/fees.py), shared by kiosk and server."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import given, strategies as st

from kiosk.domain.places import Estate
from kiosk.domain.fees import (CONCIERGERIE, FeePolicy, MemberKind, Payment, StandingKind, add_months,
                               blocks_lending, device_short_id, euros, extend_paid_until, fee_standing, paid_until_after,
                               paid_until, payment_problem, policy_of, receipt_number, receipt_problem)

D = date


def test_a_payment_extends_from_today_when_lapsed_and_from_paid_until_when_early() -> None:
    assert extend_paid_until(None, D(2026, 3, 10), 1) == D(2026, 4, 10)
    assert extend_paid_until(D(2026, 1, 1), D(2026, 3, 10), 2) == D(2026, 5, 10)     # late: no back pay
    assert extend_paid_until(D(2026, 6, 1), D(2026, 3, 10), 3) == D(2026, 9, 1)      # early: adds up
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)
    with pytest.raises(ValueError):
        extend_paid_until(None, D(2026, 1, 1), 0)


def test_standing_not_charged_paid_due() -> None:
    today = D(2026, 3, 10)
    assert fee_standing(None, today, FeePolicy.free()).kind is StandingKind.NOT_CHARGED
    paid = fee_standing(D(2026, 4, 10), today, CONCIERGERIE)
    assert paid.kind is StandingKind.PAID and paid.until == D(2026, 4, 9)
    due = fee_standing(D(2026, 3, 10), today, CONCIERGERIE)
    assert due.kind is StandingKind.DUE and due.since == D(2026, 3, 10)
    assert fee_standing(None, today, CONCIERGERIE).since is None
    # a club that charges only outsiders
    only_others = FeePolicy({MemberKind.TENANT: 0, MemberKind.OTHER: 500})
    assert fee_standing(None, today, only_others, MemberKind.TENANT).kind is StandingKind.NOT_CHARGED
    assert fee_standing(None, today, only_others, MemberKind.OTHER).kind is StandingKind.DUE


def test_lending_is_blocked_only_when_the_club_says_so() -> None:
    today = D(2026, 3, 10)
    assert blocks_lending(None, today, CONCIERGERIE)
    assert not blocks_lending(D(2026, 3, 11), today, CONCIERGERIE)
    lenient = FeePolicy(CONCIERGERIE.monthly_cents, fee_blocks_lending=False)
    assert not blocks_lending(None, today, lenient)
    assert not blocks_lending(None, today, FeePolicy(FeePolicy.free().monthly_cents, fee_blocks_lending=True))


def test_amount_checks() -> None:
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 3, 300) == ""
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 3, 200) == ""            # lowered: allowed
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 3, 301) == "fee_amount_too_high"
    assert payment_problem(CONCIERGERIE, MemberKind.OTHER, 2, 1000) == ""
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 1, 0) == "fee_amount_invalid"
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 0, 100) == "fee_months_invalid"
    assert payment_problem(CONCIERGERIE, MemberKind.TENANT, 13, 100) == "fee_months_invalid"
    assert payment_problem(FeePolicy.free(), MemberKind.TENANT, 1, 100) == "fee_not_charged"
    assert FeePolicy({MemberKind.TENANT: -1, MemberKind.OTHER: 10_001}).problems() == [
        "fee_amount_negative:tenant", "fee_amount_too_high:other"]
    assert CONCIERGERIE.problems() == []


def test_policy_of_the_estate() -> None:
    estate = Estate("E", "Conciergerie", "Amiens", fee_tenant_cents=100, fee_other_cents=500, fee_blocks_lending=True)
    assert policy_of(estate) == CONCIERGERIE
    assert not policy_of(Estate("P", "Plaine Commune", "Saint-Denis")).charges
    assert policy_of(None) == FeePolicy.free()


def test_policy_round_trips_through_json() -> None:
    assert FeePolicy.from_json(CONCIERGERIE.to_json()) == CONCIERGERIE
    assert FeePolicy.from_json(None) == FeePolicy.free()


def test_receipt_numbers() -> None:
    short = device_short_id("3f9a12bc")
    assert short == "3F9A12BC"
    assert receipt_number(short, 42) == "3F9A12BC-00042"
    assert receipt_problem("3F9A12BC-00042") == ""
    assert receipt_problem("3F9A12BC-42") == "fee_receipt_invalid"
    with pytest.raises(ValueError):
        device_short_id("3f9a")
    with pytest.raises(ValueError):
        receipt_number(short, 0)


def test_euros() -> None:
    assert euros(100) == "1,00\u00a0€"
    assert euros(1250, "en") == "€12.50"


payments = st.lists(st.tuples(st.integers(0, 400), st.integers(1, 12)), max_size=12)


@given(payments, st.randoms(use_true_random=False))
def test_paid_until_is_the_same_whatever_order_payments_arrive(plan: list[tuple[int, int]],
                                                               rnd: random.Random) -> None:
    start = D(2026, 1, 1).toordinal()
    ps = [Payment(f"p{i}", "m", months, 100 * months, D.fromordinal(start + day).isoformat(), f"DEV{i % 3}AA-{i + 1:05d}", "s")
          for i, (day, months) in enumerate(plan)]
    shuffled = list(ps)
    rnd.shuffle(shuffled)
    assert paid_until(ps) == paid_until(shuffled)
    if ps:
        last = max(p.day for p in ps)
        # the member is in order at least up to the last payment's day + its months
        assert paid_until(ps) is not None and paid_until(ps) > last  # type: ignore[operator]


def test_paid_until_after_is_extend_paid_until() -> None:
    assert paid_until_after(D(2026, 5, 1), 3, D(2026, 3, 10)) == D(2026, 8, 1)      # early: adds to what is left
    assert paid_until_after(None, 12, D(2026, 1, 31)) == D(2027, 1, 31)
