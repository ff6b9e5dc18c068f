"""Integration: the real server on 127.0.0.1 (SQLite and PostgreSQL) and real encrypted
kiosk stores with their real services. An item is out once: the server keeps the first
loan to arrive and refuses the other, which the kiosk keeps for the caretaker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from central.demo import flat_id
from central.lending_office import LendingOffice
from central.lending_tables import lending_items, loans, waivers
from kiosk.domain.lending import LoanStatus, Refusal, label_text, waiver_hash
from kiosk.services.lending import Borrower, LendingRefused
from lending_helpers import B1, B2, lending_of, make_point

pytestmark = pytest.mark.slow


def rows(office, table, **where) -> list[dict]:  # noqa: ANN001
    q = select(table)
    for k, v in where.items():
        q = q.where(table.c[k] == v)
    with office.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings().all()]


def sync(*kiosks) -> None:  # noqa: ANN002
    for k in kiosks:
        k.sync()


def test_two_offline_kiosks_lend_the_same_item_the_server_keeps_one_and_nothing_is_lost(kiosk, office):  # noqa: ANN001
    point = make_point(office)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 1), "Awa")
    b = k1.enroll(B1, flat_id(1, 2), "Bilal")
    sync(k1, k2)
    l1, l2 = lending_of(k1), lending_of(k2)
    assert {e.item.name for e in l2.catalogue()} == {"Perceuse visseuse", "Appareil à raclette", "Escabeau 5 marches"}
    # offline, each desk lends the raclette grill: both loans show out at once
    first = l1.lend(k1.session, Borrower(a, "Awa"), point.grill)
    second = l2.lend(k2.session, Borrower(b, "Bilal"), point.grill)
    assert first.loan.status is second.loan.status is LoanStatus.OUT
    assert first.loan.due_on == (l1.today() + timedelta(days=3)).isoformat()
    sync(k1, k2, k1)

    out = rows(office, loans, item_id=point.grill)
    assert [(r["id"], r["member_id"], r["status"]) for r in out] == [(first.loan.id, a, "out")]
    # kiosk 2 keeps its loan as refused, with the code, on the caretaker's list; it now knows a's loan
    refused = k2.store.repos.lending.loan(second.loan.id)
    assert (refused.status, refused.refusal) == (LoanStatus.REFUSED, "item_out")
    assert [line.loan.id for line in l2.refused()] == [second.loan.id]
    assert [line.first_name for line in l2.refused()] == ["Bilal"]
    assert k2.store.repos.lending.out_loan(point.grill).id == first.loan.id
    entries = k2.store.db.run(lambda c: c.execute(
        "SELECT mutation, state, result FROM outbox WHERE mutation = 'lend_item'").fetchall())
    assert [(e["mutation"], e["state"]) for e in entries] == [("lend_item", "rejected")]
    l2.acknowledge(k2.session, second.loan.id)
    assert l2.refused() == []
    assert k2.store.repos.lending.loan(second.loan.id).status is LoanStatus.REFUSED   # kept, marked seen

    # the grill comes back at kiosk 2: one scan of its label returns a's loan; everyone sees it
    back = l2.desk_scan(k2.session, label_text(point.grill), None)
    assert (back.kind, back.loan.status, back.borrower.first_name) == ("returned", LoanStatus.RETURNED, "Awa")
    sync(k2, k1)
    assert [r["status"] for r in rows(office, loans, item_id=point.grill)] == ["returned"]
    assert k1.store.repos.lending.loan(first.loan.id).status is LoanStatus.RETURNED
    # now b can have it, at kiosk 1
    again = l1.desk_scan(k1.session, label_text(point.grill), Borrower(b, "Bilal"))
    assert again.kind == "lent"
    sync(k1)
    assert sorted(r["status"] for r in rows(office, loans, item_id=point.grill)) == ["out", "returned"]


def test_waiver_reservations_repairs_and_suspensions_reach_the_server_and_other_kiosks(kiosk, office):  # noqa: ANN001
    point = make_point(office)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 1), "Awa")
    b = k1.enroll(B1, flat_id(1, 2), "Bilal")
    sync(k1, k2)
    l1, l2 = lending_of(k1), lending_of(k2)
    with pytest.raises(LendingRefused) as refused:
        l1.lend(k1.session, Borrower(a, "Awa"), point.drill)
    assert refused.value.refusal is Refusal.WAIVER_MISSING
    signed = l1.sign_waiver(a, accepted=True, signature="10,10 200,300;220,310 400,90")
    sync(k1, k2)
    [w] = rows(office, waivers, member_id=a)
    assert (w["text_sha256"], w["text_version"], w["signature"]) == (waiver_hash(), signed.text_version,
                                                                   "10,10 200,300;220,310 400,90")
    assert l2.waiver_of(a) is not None          # the other desk knows it: the drill is lent there
    lent = l2.lend(k2.session, Borrower(a, "Awa"), point.drill)
    # b reserves the drill at kiosk 1 (waiting list), a's loan comes back "à réparer"
    reservation = l1.reserve(b, point.drill)
    assert reservation.status is LoanStatus.RESERVED
    sync(k2, k1)
    assert k1.store.repos.lending.loan(reservation.id).waitlist_position == 1
    back = l1.desk_scan(k1.session, label_text(point.drill), None)
    l1.mark_to_repair(k1.session, back.loan.id, "Mandrin bloqué")
    with pytest.raises(LendingRefused) as on_hold:
        l1.lend(k1.session, Borrower(b, "Bilal"), point.drill)
    assert on_hold.value.refusal is Refusal.WAIVER_MISSING     # b's standing first
    l1.sign_waiver(b, accepted=True)
    with pytest.raises(LendingRefused) as on_hold:
        l1.lend(k1.session, Borrower(b, "Bilal"), point.drill)
    assert on_hold.value.refusal is Refusal.ITEM_ON_HOLD
    sync(k1, k2)
    [item] = rows(office, lending_items, id=point.drill)
    assert (item["condition"], item["condition_note"]) == ("to_repair", "Mandrin bloqué")
    assert k2.store.repos.lending.item(point.drill).condition.value == "to_repair"
    assert [r["status"] for r in rows(office, loans, id=lent.loan.id)] == ["returned"]
    # the office fixes it; b's reservation becomes the loan (same id)
    LendingOffice(office.engine).repaired(point.drill)
    sync(k1)
    served = l1.lend(k1.session, Borrower(b, "Bilal"), point.drill)
    assert served.loan.id == reservation.id
    sync(k1, k2)
    assert [r["status"] for r in rows(office, loans, id=reservation.id)] == ["out"]
    # the office suspends a from borrowing: both desks refuse
    LendingOffice(office.engine).suspend(a, (date.today() + timedelta(days=30)).isoformat(), "Casse")
    sync(k1, k2)
    for lending, k in ((l1, k1), (l2, k2)):
        with pytest.raises(LendingRefused) as suspended:
            lending.lend(k.session, Borrower(a, "Awa"), point.grill)
        assert suspended.value.refusal is Refusal.MEMBER_SUSPENDED


def test_a_kiosk_of_another_building_does_not_get_the_point(kiosk, office):  # noqa: ANN001
    make_point(office)
    k3 = kiosk("k3", B2)
    assert lending_of(k3).catalogue() == []
    assert k3.store.repos.lending.points() == []
