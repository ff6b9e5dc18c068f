"""Integration: the real server on 127.0.0.1 (SQLite and PostgreSQL) and real encrypted
kiosk stores, provisioned with one-time tokens, synced over HTTP."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from central import db
from central.demo import building_id, flat_id
from kiosk.domain.cards import key_id_of
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision, signing_key
from sync_helpers import cursor_versions, enroll, local_mutation, members

B1, B2 = building_id(1), building_id(2)


@pytest.fixture
def kiosk(live_server, office, make_store):  # noqa: ANN001, ANN201
    """make a provisioned kiosk of a building: returns (store, engine)."""
    made = []

    def make(name: str, building: str, transport: httpx.BaseTransport | None = None):  # noqa: ANN202
        store = make_store(name)
        provision(store, live_server.url, office.create_enrollment_token(building), name=name)
        engine = SyncEngine.for_store(store, transport=transport, base_delay_s=0.0)
        made.append(engine)
        return store, engine

    yield make
    for e in made:
        e.client.close()


def sync(engine: SyncEngine) -> None:
    report = engine.run_once(force=True)
    assert report.ok, report


def test_two_kiosks_enroll_offline_sync_and_converge(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    s2, e2 = kiosk("k2", B1)
    sync(e1), sync(e2)
    a = enroll(s1, B1, flat_id(1, 1), first="Amina", last="Benali", phone="+33612345678")
    b = enroll(s2, B1, flat_id(1, 2), first="Jean", last="Dupont", phone="+33698765432")
    assert set(members(s1)) == {a} and set(members(s2)) == {b}
    for e in (e1, e2, e1):
        sync(e)
    assert set(members(s1)) == set(members(s2)) == {a, b}
    assert {m["id"] for m in office.members()} == {a, b}
    assert s1.repos.outbox.pending_count() == s2.repos.outbox.pending_count() == 0
    # the issuer keys of both kiosks reached both, so each verifies the other's cards offline
    k1, k2 = key_id_of(signing_key(s1).public_key).hex(), key_id_of(signing_key(s2).public_key).hex()
    assert {k1, k2} <= set(s1.repos.cards.issuers()) and {k1, k2} <= set(s2.repos.cards.issuers())


def test_office_edit_reaches_both_kiosks_and_kiosk_contact_edit_is_kept(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    s2, e2 = kiosk("k2", B1)
    a = enroll(s1, B1, flat_id(1, 1))
    sync(e1), sync(e2)
    office.update_member(a, last_name="Benali-Haddad", status="pending")
    local_mutation(s2, "update_member_contact", {"member_id": a, "email": "amina@example.org"})
    sync(e2), sync(e1)
    for s in (s1, s2):
        m = members(s)[a]
        assert (m["last_name"], m["status"], m["email"]) == ("Benali-Haddad", "pending", "amina@example.org")


def test_erasure_and_move_remove_the_member_from_the_old_kiosk(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    s3, e3 = kiosk("k3", B2)
    a = enroll(s1, B1, flat_id(1, 1))
    c = enroll(s1, B1, flat_id(1, 3), first="Chloé", last="Martin")
    sync(e1), sync(e3)
    assert a in members(s1) and a not in members(s3)
    office.update_member(a, building_id=B2, flat_id=flat_id(2, 5))
    office.erase_member(c)
    sync(e1), sync(e3)
    assert a not in members(s1) and c not in members(s1)
    assert members(s3)[a]["flat_id"] == flat_id(2, 5)
    assert s1.db.run(lambda conn: conn.execute("SELECT count(*) FROM consents WHERE member_id IN (?, ?)",
                                               (a, c)).fetchone()[0]) == 0


def test_kiosk_offline_past_the_horizon_gets_410_and_resyncs(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    a = enroll(s1, B1, flat_id(1, 1))
    b = enroll(s1, B1, flat_id(1, 2), first="Jean", last="Dupont")
    sync(e1)
    before = cursor_versions(s1)
    office.erase_member(a)
    assert office.purge_tombstones(timedelta(0)) >= 1
    report = e1.run_once(force=True)
    assert report.ok and report.snapshot
    assert set(members(s1)) == {b}
    after = cursor_versions(s1)
    assert all(after[s] >= before[s] for s in before)


def test_scope_change_gets_410_and_snapshot_replaces_scoped_tables(kiosk, office, app):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    a = enroll(s1, B1, flat_id(1, 1))
    sync(e1)
    device_id = s1.repos.kv.get("sync.device_id")
    office.set_device_buildings(device_id, [B2])
    report = e1.run_once(force=True)
    assert report.ok and report.snapshot
    assert a not in members(s1)
    assert {r["id"] for r in s1.db.run(lambda c: c.execute("SELECT id FROM buildings").fetchall())} == {B2}


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
    s1, e1 = kiosk("k1", B1, transport=transport)
    a = enroll(s1, B1, flat_id(1, 1))
    report = e1.run_once(force=True)
    assert not report.ok and report.error == "sync.unreachable" and not transport.armed
    assert s1.repos.outbox.pending_count() == 1 and e1.status().state == "offline"
    sync(e1)
    assert s1.db.run(lambda c: c.execute("SELECT state FROM outbox").fetchall()[0][0]) == "applied"
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.processed_mutations)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(db.members).where(db.members.c.id == a)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(db.consents)).scalar_one() == 1
    assert e1.status().state == "online"


def test_same_person_at_two_kiosks_lands_in_the_merge_queue_and_merge_reaches_kiosks(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    s2, e2 = kiosk("k2", B1)
    a = enroll(s1, B1, flat_id(1, 4), first="Zoé", last="Lefèvre")
    b = enroll(s2, B1, flat_id(1, 4), first="zoe", last="LEFEVRE")
    sync(e1), sync(e2)
    result = s2.db.run(lambda c: c.execute("SELECT state FROM outbox").fetchone()[0])
    assert result == "conflict"
    queue = office.merge_queue()
    assert [(q["member_id"], q["duplicate_of"], q["reason"]) for q in queue] == [(b, a, "same_flat_and_name")]
    office.merge(b, a)
    # kiosk 2 still knows the merged-away record and changes its e-mail before it syncs:
    local_mutation(s2, "update_member_contact", {"member_id": b, "email": "zoe@example.org"})
    sync(e1), sync(e2), sync(e1)
    assert set(members(s1)) == set(members(s2)) == {a}
    assert office.merge_queue() == []
    assert members(s1)[a]["email"] == members(s2)[a]["email"] == "zoe@example.org"  # landed on the kept record


def test_revoked_kiosk_with_wipe_order_erases_its_data(kiosk, office):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    enroll(s1, B1, flat_id(1, 1))
    sync(e1)
    office.revoke_device(s1.repos.kv.get("sync.device_id"), wipe=True)
    report = e1.run_once(force=True)
    assert report.error == "sync.wipe" and e1.status().state == "wiped"
    assert members(s1) == {} and s1.repos.counts()["flats"] == 0
    assert s1.keystore.get("sync-secret") is None


def test_a_store_provisioned_again_keeps_pushing_without_a_hole(kiosk, office, live_server):  # noqa: ANN001
    s1, e1 = kiosk("k1", B1)
    enroll(s1, B1, flat_id(1, 1))
    sync(e1)                                        # seq 1 acknowledged under the first credential
    b = enroll(s1, B1, flat_id(1, 2), first="Jean", last="Dupont")   # seq 2, pending
    provision(s1, live_server.url, office.create_enrollment_token(B1), name="k1-again")
    e2 = SyncEngine.for_store(s1, base_delay_s=0.0)
    try:
        sync(e2)
    finally:
        e2.client.close()
    assert s1.repos.outbox.pending_count() == 0 and b in {m["id"] for m in office.members()}
