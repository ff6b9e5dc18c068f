"""The membership fee through the real parts: two kiosks of one building with their real
encrypted stores, the real server on 127.0.0.1 (SQLite and PostgreSQL, ``backend``).

Staff at two kiosks take cash for the same members while the network is down; every
receipt number printed is different (device short id + the store's counter, bumped in
the payment's transaction), after sync the server holds each payment exactly once, and
both kiosks show the member the same paid-until, the server's.
"""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from sqlalchemy import select

from central.demo import building_id, charge_fee, flat_id
from central.fees_tables import fee_payments
from kiosk.domain import fees
from kiosk.domain.fees import Payment, StandingKind
from kiosk.services.fees import FeeRefused, build_fees

B1 = building_id(1)
TODAY = date(2026, 3, 10)


class Cable(httpx.BaseTransport):
    """The kiosk's network cable: unplugged, every request fails as with no network."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.plugged = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.plugged:
            raise httpx.ConnectError("network unplugged", request=request)
        return self.inner.handle_request(request)


def _server_payments(app) -> list[dict]:  # noqa: ANN001
    with app.state.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(fee_payments))]


def test_two_kiosks_offline_never_print_the_same_receipt_and_the_server_keeps_each_payment_once(
        kiosk, app, office):  # noqa: ANN001
    charge_fee(office)                                   # the office: 1 € a month for tenants
    cable_a, cable_b = Cable(), Cable()
    a = kiosk("hall-a", B1, transport=cable_a)
    b = kiosk("hall-b", B1, transport=cable_b)
    amina = a.enroll(B1, flat_id(1, 2), "Amina", "Benali")
    jean = a.enroll(B1, flat_id(1, 3), "Jean", "Martin")
    a.sync(), b.sync()                                   # both kiosks know both members and the fee
    fa, fb = (build_fees(k.store, today=lambda: TODAY) for k in (a, b))
    assert fa.standing(amina).kind is StandingKind.DUE

    cable_a.plugged = cable_b.plugged = False            # the building's network is down
    receipts = []
    for _ in range(3):
        receipts.append(fa.record_payment(amina, a.session.staff_id, 1))
        receipts.append(fb.record_payment(jean, b.session.staff_id, 2))
    receipts.append(fb.record_payment(amina, b.session.staff_id, 6, amount_cents=500))   # a goodwill discount
    numbers = [r.payment.receipt_number for r in receipts]
    assert len(set(numbers)) == len(numbers) == 7
    assert all(fees.receipt_problem(n) == "" for n in numbers)
    # each kiosk counts its own receipts 1, 2, 3... and the two prefixes differ
    assert [n for n in numbers if n.startswith(numbers[0][:9])][-1].endswith("-00003")
    assert [n for n in numbers if n.startswith(numbers[1][:9])][-1].endswith("-00004")
    assert numbers[0].split("-")[0] != numbers[1].split("-")[0]
    # offline, each kiosk already shows what it took itself
    assert fa.standing(amina).until == date(2026, 6, 9)                 # 3 months from today
    assert fb.standing(amina).until == date(2026, 9, 9)                 # 6 months

    cable_a.plugged = cable_b.plugged = True
    a.sync(), b.sync(), a.sync()
    rows = _server_payments(app)
    assert sorted(r["receipt_number"] for r in rows) == sorted(numbers)   # each once
    assert sorted(r["id"] for r in rows) == sorted(r.payment.id for r in receipts)
    assert {r["amount_cents"] for r in rows if r["member_id"] == jean} == {200}
    # the server's paid-until, and both kiosks agree with it: 3 + 6 months from 10 March
    server_amina = [Payment(**{k: v for k, v in r.items() if k != "device_id"}) for r in rows
                    if r["member_id"] == amina]
    expected = fees.paid_until(server_amina)
    assert expected == date(2026, 12, 10)
    for service in (fa, fb):
        assert service.repos.fees.paid_until(amina) == expected
        assert service.standing(amina).until == date(2026, 12, 9)
        assert service.repos.fees.paid_until(jean) == date(2026, 9, 10)  # 3 x 2 months
    # a sync again changes nothing
    a.sync(), b.sync()
    assert len(_server_payments(app)) == 7


def test_a_payment_outside_the_policy_is_refused_before_anything_is_written(kiosk):  # noqa: ANN001
    a = kiosk("hall-a", B1)
    amina = a.enroll(B1, flat_id(1, 2), "Amina", "Benali")
    assert build_fees(a.store).standing(amina).kind is StandingKind.NOT_CHARGED   # the demo estate is free
    with pytest.raises(FeeRefused) as free:
        build_fees(a.store).record_payment(amina, a.session.staff_id, 1, 100)
    assert free.value.code == "fee_not_charged"
    service = build_fees(a.store, policy=fees.CONCIERGERIE, today=lambda: TODAY)
    for months, amount, code in ((0, 100, "fee_months_invalid"), (13, 100, "fee_months_invalid"),
                                 (1, 0, "fee_amount_invalid"), (1, 101, "fee_amount_too_high")):
        with pytest.raises(FeeRefused) as refused:
            service.record_payment(amina, a.session.staff_id, months, amount)
        assert refused.value.code == code
    assert a.store.repos.fees.of_member(amina) == []
    first = service.record_payment(amina, a.session.staff_id, 1)
    assert first.payment.receipt_number.endswith("-00001")       # refused ones used no number


def test_the_server_refuses_an_amount_the_clubs_fee_does_not_allow_and_staff_see_why(kiosk, app, office):  # noqa: ANN001
    """An attacker-like kiosk (its service check bypassed: the payload written straight to
    its outbox) records 99,00 € for one month of a 1 € fee, and a payment in a club that
    charges nothing; the server keeps neither and the fee desk's list says why."""
    import uuid

    from kiosk.protocol.mutations.record_fee_payment import RecordFeePayment
    from kiosk.services.recording import Recorder
    charge_fee(office)
    a = kiosk("hall-a", B1)
    amina = a.enroll(B1, flat_id(1, 2), "Amina", "Benali")
    a.sync()
    service = build_fees(a.store, today=lambda: TODAY)
    key = service.key_id()
    forged = RecordFeePayment(id=str(uuid.uuid4()), issuer_key_id=key, member_id=amina, staff_id=a.session.staff_id,
                              months=1, amount_cents=99_00, paid_on=TODAY.isoformat(),
                              receipt_number=f"{key.upper()}-90001")
    a.store.db.run(lambda _c: Recorder(a.store.db, a.store.repos).record(forged))
    honest = service.record_payment(amina, a.session.staff_id, 2)
    a.sync()
    rows = _server_payments(app)
    assert [r["id"] for r in rows] == [honest.payment.id]
    [refused] = service.refused_payments()
    assert (refused.receipt_number, refused.amount_cents, refused.code) == (forged.receipt_number, 99_00,
                                                                            "fee_amount_too_high")
    assert a.store.repos.fees.get(forged.id).status.value == "refused"
    # the club stops charging: a payment sent after that is refused as not charged
    charge_fee(office, 0, 0, blocks_lending=False)
    late = RecordFeePayment(id=str(uuid.uuid4()), issuer_key_id=key, member_id=amina, staff_id=a.session.staff_id,
                            months=1, amount_cents=100, paid_on=TODAY.isoformat(), receipt_number=f"{key.upper()}-90002")
    a.store.db.run(lambda _c: Recorder(a.store.db, a.store.repos).record(late))
    a.sync()
    assert [r.code for r in service.refused_payments()] == ["fee_not_charged", "fee_amount_too_high"]
    assert len(_server_payments(app)) == 1
