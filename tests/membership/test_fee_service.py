"""The fee service over the real encrypted store: the receipt counter, the payment's row
and its outbox entry are one transaction; a payment that fails leaves no trace and
uses no receipt number; a member who left cannot pay."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain import fees
from kiosk.domain.errors import NotFound
from kiosk.services.fees import FeesService

from .conftest import make_form

TODAY = date(2026, 3, 10)


def service(store) -> FeesService:  # noqa: ANN001
    return FeesService(store.db, store.repos, lambda: "3f9a12bc", policy=fees.CONCIERGERIE, today=lambda: TODAY)


def fee_entries(store) -> list[str]:  # noqa: ANN001
    return store.db.run(lambda c: [r[0] for r in c.execute(
        "SELECT payload FROM outbox WHERE mutation = 'record_fee_payment' ORDER BY seq")])


def test_a_failed_record_leaves_no_row_no_outbox_entry_and_no_used_number(
        store, membership, notice, flat, monkeypatch) -> None:  # noqa: ANN001
    member = membership.members.enroll(make_form(flat, first_name="Samira"), notice).member.id
    fs = service(store)
    first = fs.record_payment(member, "staff-1", 1)
    assert first.payment.receipt_number == "3F9A12BC-00001"

    def broken(*_a: object, **_k: object) -> int:
        raise RuntimeError("disk full")
    monkeypatch.setattr(store.repos.outbox, "append", broken)
    with pytest.raises(RuntimeError):
        fs.record_payment(member, "staff-1", 2)
    monkeypatch.undo()
    # nothing of the failed payment stays: no row, no outbox entry, its number not used
    assert [p.receipt_number for p in store.repos.fees.of_member(member)] == ["3F9A12BC-00001"]
    assert len(fee_entries(store)) == 1
    second = fs.record_payment(member, "staff-1", 2)
    assert second.payment.receipt_number == "3F9A12BC-00002"
    assert second.paid_until == date(2026, 6, 10)          # 1 + 2 months from 10 March
    assert len(fee_entries(store)) == 2 and "3F9A12BC-00002" in fee_entries(store)[1]


def test_a_member_who_left_cannot_pay_and_uses_no_number(store, membership, notice, flat) -> None:  # noqa: ANN001
    member = membership.members.enroll(make_form(flat, first_name="Samira"), notice).member.id
    membership.privacy.leave(member)
    with pytest.raises(NotFound):
        service(store).record_payment(member, "staff-1", 1)
    assert fee_entries(store) == []
    other = membership.members.enroll(make_form(flat, first_name="Karim", phone="06 55 44 33 22"), notice,
                                      confirmed_distinct=True).member.id
    assert service(store).record_payment(other, "staff-1", 1).payment.receipt_number == "3F9A12BC-00001"
