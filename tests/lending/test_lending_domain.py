"""The lending rules (kiosk/domain/lending.py): pure, decided once for the kiosk and the server."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.lending import (Condition, Item, ItemCategory, LendingSuspension, Loan, LoanStatus, Refusal,
                                  WAIVER_TEXT, available_on, due_date, effective_status, hold_after_return,
                                  label_text, lending_refusal, note_problem, on_hold, parse_label, reminder_due,
                                  waiver_hash)

TODAY = date(2026, 3, 10)
DRILL = Item("drill", "point", "Perceuse", ItemCategory.TOOLS, deposit_cents=3000, loan_days=7, needs_waiver=True,
             hold_days=1)
GRILL = Item("grill", "point", "Appareil à raclette", ItemCategory.KITCHEN)


def loan(status: LoanStatus = LoanStatus.OUT, due: str = "2026-03-12") -> Loan:
    return Loan("l1", "x", "m1", status, due_on=due)


def test_a_free_item_for_a_member_in_good_standing_is_lent():
    assert lending_refusal(item=GRILL, today=TODAY, item_out=False) is None
    assert lending_refusal(item=DRILL, today=TODAY, item_out=False, waiver_signed=True) is None


@pytest.mark.parametrize("kwargs, refusal", [
    ({"member_active": False}, Refusal.MEMBER_SUSPENDED),
    ({"suspension": LendingSuspension("m1", "2026-03-10")}, Refusal.MEMBER_SUSPENDED),
    ({"suspension": LendingSuspension("m1", "")}, Refusal.MEMBER_SUSPENDED),
    ({"fee_blocks_lending": True, "fee_paid_until": None}, Refusal.FEE_DUE),
    ({"fee_blocks_lending": True, "fee_paid_until": date(2026, 3, 9)}, Refusal.FEE_DUE),
    ({"member_loans": [loan(due="2026-03-09")]}, Refusal.LOAN_OVERDUE),
    ({"waiver_signed": False}, Refusal.WAIVER_MISSING),
    ({"item_out": True}, Refusal.ITEM_OUT),
])
def test_each_refusal_has_its_code(kwargs, refusal):  # noqa: ANN001
    args = {"item": DRILL, "today": TODAY, "item_out": False} | kwargs
    assert lending_refusal(**args) is refusal


def test_what_does_not_refuse():
    # a suspension that ended, a fee paid up to today or not blocking, a loan due today, no waiver needed
    assert lending_refusal(item=GRILL, today=TODAY, item_out=False, suspension=LendingSuspension("m1", "2026-03-09"),
                           fee_blocks_lending=True, fee_paid_until=TODAY, member_loans=[loan(due="2026-03-10")],
                           waiver_signed=False) is None
    assert lending_refusal(item=GRILL, today=TODAY, item_out=False, fee_blocks_lending=False) is None
    assert lending_refusal(item=GRILL, today=TODAY, item_out=False,
                           member_loans=[loan(LoanStatus.RETURNED, due="2026-01-01")]) is None


def test_member_rules_come_before_item_rules():
    assert lending_refusal(item=DRILL, today=TODAY, item_out=True, waiver_signed=False) is Refusal.WAIVER_MISSING
    repair = Item("d", "p", "Perceuse", ItemCategory.TOOLS, condition=Condition.TO_REPAIR)
    assert lending_refusal(item=repair, today=TODAY, item_out=True) is Refusal.ITEM_ON_HOLD


def test_hold_after_a_return_and_repairs():
    assert hold_after_return(DRILL, TODAY) == "2026-03-11"
    assert hold_after_return(GRILL, TODAY) == ""
    held = Item("d", "p", "Perceuse", ItemCategory.TOOLS, on_hold_until="2026-03-11")
    assert on_hold(held, TODAY) and on_hold(held, date(2026, 3, 11)) and not on_hold(held, date(2026, 3, 12))
    assert on_hold(Item("d", "p", "x", ItemCategory.TOOLS, active=False), TODAY)


def test_overdue_is_derived_never_stored():
    assert effective_status(loan(due="2026-03-10"), TODAY) is LoanStatus.OUT
    assert effective_status(loan(due="2026-03-09"), TODAY) is LoanStatus.OVERDUE
    assert effective_status(loan(LoanStatus.RETURNED, "2026-03-01"), TODAY) is LoanStatus.RETURNED
    assert due_date(TODAY, DRILL) == date(2026, 3, 17)


def test_when_a_tenant_can_expect_an_item():
    assert available_on(GRILL, None, TODAY) == TODAY
    # back on the 12th, one day of hold: free on the 14th
    assert available_on(DRILL, loan(due="2026-03-12"), TODAY) == date(2026, 3, 14)
    assert available_on(Item("d", "p", "x", ItemCategory.TOOLS, condition=Condition.TO_REPAIR), None, TODAY) is None
    # overdue: not before tomorrow
    assert available_on(GRILL, loan(due="2026-03-01"), TODAY) == date(2026, 3, 11)


def test_reminders_the_day_before_and_when_overdue():
    assert reminder_due(loan(due="2026-03-11"), TODAY) == "day_before"
    assert reminder_due(loan(due="2026-03-10"), TODAY) is None
    assert reminder_due(loan(due="2026-03-09"), TODAY) == "overdue"
    assert reminder_due(loan(LoanStatus.RETURNED, "2026-03-09"), TODAY) is None


def test_label_text_round_trips_and_refuses_other_codes():
    assert parse_label(label_text("item-42")) == "item-42"
    assert parse_label(" CKT1:abc \n") == "abc"
    for other in ("CKV1:ABC", "CK1:xyz", "CKT1:", "CKT1:a b", "CKT1:" + "x" * 65, ""):
        assert parse_label(other) is None


def test_waiver_hash_and_notes():
    assert waiver_hash() == waiver_hash(WAIVER_TEXT) and len(waiver_hash()) == 64
    assert note_problem("Mandrin bloqué") is None
    assert note_problem("x" * 301) == "lending.note_too_long"
    assert note_problem("a\nb") == "lending.control_characters"
