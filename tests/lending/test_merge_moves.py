"""The office merges a duplicate member: its conciergerie data moves to the kept record.

Through the real server (SQLite and PostgreSQL) and two kiosk stores: both records have
time credits (one also gave time to the other), a loan, a fee payment, an exchange post
with a contact request; after the merge the kept balance is the sum of both, every
transfer and the whole ledger still sum to zero, nothing is left under the duplicate's id
on the server, and a kiosk after sync shows all of it on the kept member.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from central.conciergerie_office import ConciergerieOffice
from central.conciergerie_tables import exchange_contacts, exchanges, time_entries
from central.demo import building_id, charge_fee, flat_id
from central.fees_tables import fee_payments
from central.lending_tables import loans
from kiosk.domain.lending import LoanStatus
from kiosk.services.conciergerie import build_conciergerie
from kiosk.services.fees import build_fees
from kiosk.services.lending import Borrower
from lending_helpers import lending_of, make_point

B1 = building_id(1)


def server_rows(engine, table, column, member_id):  # noqa: ANN001, ANN201
    with engine.connect() as conn:
        return conn.execute(select(table).where(column == member_id)).mappings().all()


def test_a_merge_moves_credits_loans_fees_and_exchanges_to_the_kept_member(kiosk, office, app) -> None:  # noqa: ANN001
    charge_fee(office, blocks_lending=False)
    point = make_point(office)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    kept = k1.enroll(B1, flat_id(1, 1), first="Amina")
    dup = k1.enroll(B1, flat_id(1, 2), first="Aminata")          # the same person, enrolled twice
    host = k1.enroll(B1, flat_id(1, 3), first="Bilal")
    k1.sync()
    k2.sync()
    s1 = build_conciergerie(k1.store, k1.membership)
    s1.transfer_by_staff(k1.session, kept, [(host, 30)], note="Courses")          # kept +30
    s1.transfer_by_staff(k1.session, dup, [(host, 45), (kept, 60)], note="Atelier")  # dup +105, kept -60
    s1.transfer_by_staff(k1.session, host, [(dup, 90)], note="Bricolage")          # dup -90
    loan = lending_of(k1).lend(k1.session, Borrower(dup, "Aminata"), point.grill).loan
    receipt = build_fees(k1.store, today=date.today).record_payment(dup, k1.session.staff_id, 3)
    post = s1.post(dup, "offer", "sewing", "Je fais les ourlets et petites retouches")
    k1.sync()
    ConciergerieOffice(office.engine).moderate_exchange(post.id, "published", by="bureau")
    k2.sync()
    contact = build_conciergerie(k2.store, k2.membership).request_contact(host, post.id)
    k2.sync()
    k1.sync()
    k2.sync()
    before = {m: b for m, b in ((r["member_id"], r["balance"]) for r in ConciergerieOffice(office.engine).balances())}
    assert (before[kept], before[dup]) == (-30, 15)

    office.merge(dup, kept, by="bureau")

    engine = app.state.engine
    with engine.connect() as conn:
        entries = conn.execute(select(time_entries)).mappings().all()
    balances: dict[str, int] = {}
    per_transfer: dict[str, int] = {}
    for e in entries:
        balances[e["member_id"]] = balances.get(e["member_id"], 0) + e["minutes"]
        per_transfer[e["transfer_id"]] = per_transfer.get(e["transfer_id"], 0) + e["minutes"]
    assert balances[kept] == before[kept] + before[dup] == -15
    assert dup not in balances and sum(balances.values()) == 0
    assert all(total == 0 for total in per_transfer.values()), per_transfer
    office_balances = {r["member_id"]: r["balance"] for r in ConciergerieOffice(office.engine).balances()}
    assert office_balances[kept] == -15 and dup not in office_balances
    for table, column in ((loans, loans.c.member_id), (fee_payments, fee_payments.c.member_id),
                          (exchanges, exchanges.c.member_id), (exchange_contacts, exchange_contacts.c.to_member_id)):
        assert server_rows(engine, table, column, dup) == []
        assert len(server_rows(engine, table, column, kept)) == 1, table.name

    for k in (k1, k2):
        k.sync()
        assert k.store.repos.members.get(dup) is None
        tb = k.store.repos.timebank
        assert tb.balance(kept) == -15 and tb.balance(dup) == 0
        assert sum(tb.balances().values()) == 0
        assert [p.receipt_number for p in k.store.repos.fees.of_member(kept)] == [receipt.payment.receipt_number]
        assert build_fees(k.store, today=date.today).standing(kept).in_order
        mine = lending_of(k).my_loans(kept)
        assert [(m.loan.id, m.loan.status) for m in mine] == [(loan.id, LoanStatus.OUT)]
        service = build_conciergerie(k.store, k.membership)
        assert [p.id for p in service.my_posts(kept)] == [post.id]
        assert [c.id for c in service.contacts_received(kept)] == [contact.id]
        assert k.store.repos.outbox.pending_count() == 0


def test_a_duplicate_in_another_building_brings_its_data_to_the_kept_members_kiosk(kiosk, office, app) -> None:  # noqa: ANN001
    """The duplicate was enrolled in building 2: after the merge the kiosk of building 1
    (the kept record's) shows its credits, loan, payment and post; building 2's kiosk
    keeps nothing under the duplicate, and its other member's side of the transfer stays."""
    b2 = building_id(2)
    charge_fee(office, blocks_lending=False)
    point = make_point(office, buildings=[B1, b2])
    k1, k2 = kiosk("k1", B1), kiosk("k2", b2)
    kept = k1.enroll(B1, flat_id(1, 1), first="Amina")
    dup = k2.enroll(b2, flat_id(2, 1), first="Aminata")
    neighbour = k2.enroll(b2, flat_id(2, 2), first="Chloé")
    s2 = build_conciergerie(k2.store, k2.membership)
    s2.transfer_by_staff(k2.session, dup, [(neighbour, 75)], note="Couture")
    loan = lending_of(k2).lend(k2.session, Borrower(dup, "Aminata"), point.grill).loan
    receipt = build_fees(k2.store, today=date.today).record_payment(dup, k2.session.staff_id, 1)
    post = s2.post(dup, "offer", "sewing", "Je fais les ourlets et petites retouches")
    k2.sync()
    k1.sync()
    assert k1.store.repos.timebank.balance(kept) == 0

    office.merge(dup, kept, by="bureau")
    k1.sync()
    k2.sync()
    assert k1.store.repos.timebank.balance(kept) == 75
    assert k1.store.repos.timebank.balance(neighbour) == -75 and sum(k1.store.repos.timebank.balances().values()) == 0
    assert [p.receipt_number for p in k1.store.repos.fees.of_member(kept)] == [receipt.payment.receipt_number]
    assert [m.loan.id for m in lending_of(k1).my_loans(kept)] == [loan.id]
    assert [p.id for p in build_conciergerie(k1.store, k1.membership).my_posts(kept)] == [post.id]
    assert k2.store.repos.members.get(dup) is None
    assert k2.store.repos.timebank.balance(dup) == 0 and k2.store.repos.timebank.balance(neighbour) == -75
    assert k2.store.repos.fees.of_member(dup) == []
    for k in (k1, k2):
        assert k.store.repos.outbox.pending_count() == 0
