"""Integration: the real server on 127.0.0.1 (SQLite and PostgreSQL) and real encrypted
kiosk stores, provisioned with one-time tokens, synced over HTTP. Every local change is
made through the kiosk's real services (tests/sync_helpers.py)."""

from __future__ import annotations

from datetime import timedelta

import httpx
from sqlalchemy import func, select

from central import db
from central.demo import building_id, flat_id
from kiosk.domain.cards import key_id_of
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision, signing_key
from sync_helpers import cursor_versions, members

B1, B2 = building_id(1), building_id(2)



def test_two_kiosks_enroll_offline_sync_and_converge(kiosk, office):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 1), first="Amina", last="Benali", phone="06 12 34 56 78")
    b = k2.enroll(B1, flat_id(1, 2), first="Jean", last="Dupont", phone="06 98 76 54 32")
    assert set(members(k1.store)) == {a} and set(members(k2.store)) == {b}
    for k in (k1, k2, k1):
        k.sync()
    assert set(members(k1.store)) == set(members(k2.store)) == {a, b}
    assert {m["id"] for m in office.members()} == {a, b}
    assert k1.store.repos.outbox.pending_count() == k2.store.repos.outbox.pending_count() == 0
    # the issuer keys of both kiosks reached both, so each verifies the other's cards offline
    key1, key2 = (key_id_of(signing_key(k.store).public_key).hex() for k in (k1, k2))
    assert {key1, key2} <= set(k1.store.repos.cards.issuers()) and {key1, key2} <= set(k2.store.repos.cards.issuers())


def test_office_edit_reaches_both_kiosks_and_kiosk_contact_edit_is_kept(kiosk, office):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 1))
    k1.sync(), k2.sync()
    office.update_member(a, last_name="Benali-Haddad", status="pending")
    k2.set_email(a, "amina@example.org")
    k2.sync(), k1.sync()
    for k in (k1, k2):
        m = members(k.store)[a]
        assert (m["last_name"], m["status"], m["email"]) == ("Benali-Haddad", "pending", "amina@example.org")


def test_a_pull_keeps_a_pending_contact_change_on_top(kiosk, office):  # noqa: ANN001
    """The caretaker saves an e-mail while the kiosk's cycle is between its push and its
    pull, and the office renamed the member: the pulled row (old e-mail) must not hide
    the pending change (the applier re-applies its effect on top)."""
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 1))
    k1.sync(), k2.sync()
    office.update_member(a, last_name="Benali-Haddad")
    pull = k2.engine._pull

    def pull_after_a_local_change(report) -> None:  # noqa: ANN001
        k2.set_email(a, "amina@example.org")
        pull(report)
    k2.engine._pull = pull_after_a_local_change  # type: ignore[method-assign]
    k2.sync()
    m = members(k2.store)[a]
    assert (m["last_name"], m["email"]) == ("Benali-Haddad", "amina@example.org")
    assert [e.mutation for e in k2.store.repos.outbox.pending()] == ["update_member_contact"]


def test_erasure_and_move_remove_the_member_from_the_old_kiosk(kiosk, office):  # noqa: ANN001
    k1, k3 = kiosk("k1", B1), kiosk("k3", B2)
    a = k1.enroll(B1, flat_id(1, 1))
    c = k1.enroll(B1, flat_id(1, 3), first="Chloé", last="Martin")
    k1.sync(), k3.sync()
    assert a in members(k1.store) and a not in members(k3.store)
    office.update_member(a, building_id=B2, flat_id=flat_id(2, 5))
    office.erase_member(c)
    k1.sync(), k3.sync()
    assert a not in members(k1.store) and c not in members(k1.store)
    assert members(k3.store)[a]["flat_id"] == flat_id(2, 5)
    assert k1.store.db.run(lambda conn: conn.execute("SELECT count(*) FROM consents WHERE member_id IN (?, ?)",
                                                     (a, c)).fetchone()[0]) == 0


def test_kiosk_offline_past_the_horizon_gets_410_and_resyncs(kiosk, office):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    a = k1.enroll(B1, flat_id(1, 1))
    b = k1.enroll(B1, flat_id(1, 2), first="Jean", last="Dupont")
    k1.sync()
    before = cursor_versions(k1.store)
    office.erase_member(a)
    assert office.purge_tombstones(timedelta(0)) >= 1
    report = k1.engine.run_once(force=True)
    assert report.ok and report.snapshot
    assert set(members(k1.store)) == {b}
    after = cursor_versions(k1.store)
    assert all(after[s] >= before[s] for s in before)


def test_scope_change_gets_410_and_snapshot_replaces_scoped_tables(kiosk, office, app):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    a = k1.enroll(B1, flat_id(1, 1))
    k1.sync()
    office.set_device_buildings(k1.store.repos.kv.get("sync.device_id"), [B2])
    report = k1.engine.run_once(force=True)
    assert report.ok and report.snapshot
    assert a not in members(k1.store)
    assert {r["id"] for r in k1.store.db.run(lambda c: c.execute("SELECT id FROM buildings").fetchall())} == {B2}


class LoseResponseOnce(httpx.BaseTransport):
    """Forwards the push, lets the server commit, then loses the answer (once)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.armed = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self.armed and request.url.path == "/v1/sync/push":
            response.read()
            self.armed = False
            raise httpx.ReadError("connection reset after the server committed", request=request)
        return response


def test_push_whose_response_is_lost_is_applied_exactly_once(kiosk, office, app):  # noqa: ANN001
    transport = LoseResponseOnce()
    k1 = kiosk("k1", B1, transport=transport)
    a = k1.enroll(B1, flat_id(1, 1))       # enroll_member + issue_card, three consents
    report = k1.engine.run_once(force=True)
    assert not report.ok and report.error == "sync.unreachable" and not transport.armed
    assert k1.store.repos.outbox.pending_count() == 2 and k1.engine.status().state == "offline"
    k1.sync()
    assert k1.store.db.run(lambda c: [r[0] for r in c.execute("SELECT state FROM outbox")]) == ["applied"] * 2
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.processed_mutations)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(db.members).where(db.members.c.id == a)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(db.consents)).scalar_one() == 3
        assert conn.execute(select(func.count()).select_from(db.cards)).scalar_one() == 1
    assert k1.engine.status().state == "online"


def test_same_person_at_two_kiosks_lands_in_the_merge_queue_and_merge_reaches_kiosks(kiosk, office):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    a = k1.enroll(B1, flat_id(1, 4), first="Zoé", last="Lefèvre")
    b = k2.enroll(B1, flat_id(1, 4), first="zoe", last="LEFEVRE")
    k1.sync(), k2.sync()
    states = k2.store.db.run(lambda c: [tuple(r) for r in c.execute("SELECT mutation, state FROM outbox")])
    assert states == [("enroll_member", "conflict"), ("issue_card", "applied")]
    queue = office.merge_queue()
    assert [(q["member_id"], q["duplicate_of"], q["reason"]) for q in queue] == [(b, a, "same_flat_and_name")]
    office.merge(b, a)
    # kiosk 2 still knows the merged-away record and changes its e-mail before it syncs:
    k2.set_email(b, "zoe@example.org")
    k1.sync(), k2.sync(), k1.sync()
    assert set(members(k1.store)) == set(members(k2.store)) == {a}
    assert office.merge_queue() == []
    assert members(k1.store)[a]["email"] == members(k2.store)[a]["email"] == "zoe@example.org"  # on the kept record


def test_revoked_kiosk_with_wipe_order_erases_its_data(kiosk, office):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    k1.enroll(B1, flat_id(1, 1))
    k1.sync()
    office.revoke_device(k1.store.repos.kv.get("sync.device_id"), wipe=True)
    report = k1.engine.run_once(force=True)
    assert report.error == "sync.wipe" and k1.engine.status().state == "wiped"
    assert members(k1.store) == {} and k1.store.repos.counts()["flats"] == 0
    assert k1.store.keystore.get("sync-secret") is None


def test_a_store_provisioned_again_keeps_pushing_without_a_hole(kiosk, office, live_server):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    k1.enroll(B1, flat_id(1, 1))
    k1.sync()                                       # seqs 1-2 acknowledged under the first credential
    b = k1.enroll(B1, flat_id(1, 2), first="Jean", last="Dupont")   # seqs 3-4, pending
    provision(k1.store, live_server.url, office.create_enrollment_token(B1), name="k1-again")
    e2 = SyncEngine.for_store(k1.store, base_delay_s=0.0)
    try:
        assert e2.run_once(force=True).ok
    finally:
        e2.client.close()
    assert k1.store.repos.outbox.pending_count() == 0 and b in {m["id"] for m in office.members()}
