"""The time ledger across two offline kiosks and the real server (SQLite and PostgreSQL).

Hypothesis draws sequences of transfers (two-party and workshop: one host, many
attendees), reversals (two kiosks may reverse the same transfer offline: one wins) and
syncs. Whatever the sequence: on each kiosk's store and on the server, each transfer's
entries sum to zero, all balances sum to zero, each balance is the sum of its entries,
a transfer is reversed at most once; after a final sync the kiosks' balances are the
server's and nothing is left in an outbox. Kiosks change things through the real
service (a caretaker in staff mode), over HTTP to a live server.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select

from central.conciergerie_office import ConciergerieOffice
from central.conciergerie_tables import time_entries, time_transfers
from central.demo import building_id, flat_id
from kiosk.services.conciergerie import ConciergerieError, build_conciergerie
from kiosk.store.opening import Store

B1 = building_id(1)
PEOPLE = 4

minutes = st.sampled_from([15, 30, 45, 60, 90, 120, 600])
transfer = st.tuples(st.just("transfer"), st.integers(0, 1), st.integers(0, PEOPLE - 1),
                     st.lists(st.tuples(st.integers(0, PEOPLE - 1), minutes), min_size=1, max_size=3))
reverse = st.tuples(st.just("reverse"), st.integers(0, 1), st.integers(0, 30))
sync = st.tuples(st.just("sync"), st.integers(0, 1))
steps = st.lists(st.one_of(transfer, transfer, reverse, sync), min_size=1, max_size=12)


def ledger_of_kiosk(store: Store) -> tuple[dict[str, int], dict[str, int], Counter[str]]:
    """(balance per member, sum per transfer, reversals per original) on a kiosk."""
    entries = store.repos.timebank.all_entries()
    per_transfer: dict[str, int] = {}
    for e in entries:
        per_transfer[e.transfer_id] = per_transfer.get(e.transfer_id, 0) + e.minutes
    reverses = Counter(r[0] for r in store.db.run(lambda c: c.execute(
        "SELECT reverses FROM time_transfers WHERE reverses != ''").fetchall()))
    return store.repos.timebank.balances(), per_transfer, reverses


def check_kiosk(store: Store) -> None:
    balances, per_transfer, reverses = ledger_of_kiosk(store)
    assert all(total == 0 for total in per_transfer.values()), per_transfer
    assert sum(balances.values()) == 0
    for member, balance in balances.items():
        assert balance == sum(e.minutes for e in store.repos.timebank.all_entries() if e.member_id == member)
        assert store.repos.timebank.balance(member) == balance
    assert all(n == 1 for n in reverses.values()), reverses


def server_ledger(engine) -> tuple[dict[str, int], dict[str, int]]:  # noqa: ANN001
    with engine.connect() as conn:
        rows = conn.execute(select(time_entries)).mappings().all()
        reverses = [r[0] for r in conn.execute(select(time_transfers.c.reverses)
                                               .where(time_transfers.c.reverses.is_not(None)))]
    assert len(reverses) == len(set(reverses))
    balances: dict[str, int] = {}
    per_transfer: dict[str, int] = {}
    for r in rows:
        balances[r["member_id"]] = balances.get(r["member_id"], 0) + r["minutes"]
        per_transfer[r["transfer_id"]] = per_transfer.get(r["transfer_id"], 0) + r["minutes"]
    return balances, per_transfer


def test_any_sequence_of_transfers_and_reversals_keeps_every_ledger_balanced(kiosk, office, app) -> None:  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    people = [k1.enroll(B1, flat_id(1, i + 1), first=f"Voisin{chr(65 + i)}") for i in range(PEOPLE)]
    k1.sync()
    k2.sync()
    kiosks = [k1, k2]
    services = [build_conciergerie(k.store, k.membership) for k in kiosks]
    refused: Counter[str] = Counter()

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
    @given(steps)
    def run(ops: list[tuple]) -> None:
        for op in ops:
            k = op[1]
            if op[0] == "transfer":
                provider = people[op[2]]
                shares = list({people[i]: m for i, m in op[3] if people[i] != provider}.items())
                if not shares:
                    continue
                services[k].transfer_by_staff(kiosks[k].session, provider, shares, note="Atelier")
            elif op[0] == "reverse":
                known = [t for t, _ in kiosks[k].store.db.run(lambda c: [
                    (r[0], None) for r in c.execute("SELECT id FROM time_transfers WHERE reverses = '' ORDER BY id")])]
                if not known:
                    continue
                try:
                    services[k].reverse(kiosks[k].session, known[op[2] % len(known)])
                except ConciergerieError as exc:
                    refused[exc.code] += 1
            else:
                kiosks[k].sync()
            check_kiosk(kiosks[k].store)
        for kk in kiosks + kiosks:          # both push, then both pull what the other pushed
            kk.sync()
        balances, per_transfer = server_ledger(app.state.engine)
        assert all(total == 0 for total in per_transfer.values()) and sum(balances.values()) == 0
        assert {b["member_id"]: b["balance"] for b in ConciergerieOffice(office.engine).balances()} == balances
        for kk in kiosks:
            check_kiosk(kk.store)
            assert {m: b for m, b in kk.store.repos.timebank.balances().items() if b or m in balances} == \
                {m: b for m, b in balances.items() if b or m in kk.store.repos.timebank.balances()}
            assert kk.store.repos.outbox.pending_count() == 0

    run()
    assert server_ledger(app.state.engine)[1], "no transfer reached the server: the test checked nothing"


def test_two_kiosks_reversing_one_transfer_offline_reverse_it_once(kiosk, office, app) -> None:  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    host, a, b = (k1.enroll(B1, flat_id(1, i + 1), first=f"Voisin{chr(65 + i)}") for i in range(3))
    service1, service2 = build_conciergerie(k1.store, k1.membership), build_conciergerie(k2.store, k2.membership)
    workshop = service1.transfer_by_staff(k1.session, host, [(a, 60), (b, 60)], note="Atelier couture")
    k1.sync()
    k2.sync()
    assert service2.balance(host).minutes == 120 and service2.balance(a).minutes == -60
    service1.reverse(k1.session, workshop.id)
    service2.reverse(k2.session, workshop.id)       # offline too: each kiosk believes it reversed it
    k1.sync()
    k2.sync()                                       # refused: already reversed; its reversal taken back
    k1.sync()
    for s, k in ((service1, k1), (service2, k2)):
        assert (s.balance(host).minutes, s.balance(a).minutes, s.balance(b).minutes) == (0, 0, 0)
        check_kiosk(k.store)
    rows = ConciergerieOffice(office.engine).transfers()
    assert [r["reverses"] for r in rows].count(workshop.id) == 1
    with pytest.raises(ConciergerieError, match="timebank.already_reversed"):
        service2.reverse(k2.session, workshop.id)
    # the office cannot reverse it again either, nor reverse a reversal
    from central.conciergerie_office import OfficeRefusal
    with pytest.raises(OfficeRefusal, match="already_reversed"):
        ConciergerieOffice(office.engine).reverse(workshop.id, by="bureau")
    reversal = next(r["id"] for r in rows if r["reverses"] == workshop.id)
    with pytest.raises(OfficeRefusal, match="reversal_of_reversal"):
        ConciergerieOffice(office.engine).reverse(reversal, by="bureau")


def test_one_transfer_recorded_on_two_offline_kiosks_reaches_the_ledger_once(kiosk, office, app) -> None:  # noqa: ANN001
    """The same transfer (same id and shares) queued by two kiosks: the server records it
    once and answers the second ``already_recorded``; both kiosks then show it once."""
    from kiosk.domain.timebank import Confirmation
    from kiosk.protocol.mutations.record_time_transfer import RecordTimeTransfer, Share
    from kiosk.services.recording import Recorder
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    giver, receiver = (k1.enroll(B1, flat_id(1, i + 1), first=f"Voisin{chr(65 + i)}") for i in range(2))
    k1.sync()
    k2.sync()
    payload = RecordTimeTransfer(id="3c1f5d0e-0000-4000-8000-000000000001", provider_id=giver, building_id=B1,
                                 shares=[Share(member_id=receiver, minutes=45)], confirmed_by=Confirmation.CARDS)
    for k in (k1, k2):
        Recorder(k.store.db, k.store.repos).record(payload)
    for k in (k1, k2, k1, k2):
        k.sync()
    balances, _ = server_ledger(app.state.engine)
    assert balances == {giver: 45, receiver: -45}
    for k in (k1, k2):
        assert k.store.repos.timebank.balances() == {giver: 45, receiver: -45}
        assert k.store.repos.outbox.pending_count() == 0
    # the same id with other shares is refused, and taken back on its kiosk
    other = payload.model_copy(update={"shares": [Share(member_id=receiver, minutes=60)]})
    Recorder(k1.store.db, k1.store.repos).record(other)   # (already held here: the local effect keeps the first)
    k1.sync()
    assert server_ledger(app.state.engine)[0] == {giver: 45, receiver: -45}
    assert k1.store.repos.timebank.balances() == {giver: 45, receiver: -45}   # the server's transfer kept
