"""A Hypothesis state machine: three kiosks and the office, with network faults.

Faults: request dropped before the server sees it, response lost after the server
committed, request delivered twice, an old push delivered late (reordered), and a kiosk
crash between applying a page and saving its cursor. Checked after every step: cursors
never go back, nothing is applied twice (the server's processed seqs are 1..n with no
hole), no kiosk ever holds a member outside its buildings once it has synced.
At the end, with the network healed: every kiosk holds exactly the server's members of
its buildings, every enrollment reached the server exactly once (or was erased/merged by
the office), every outbox is drained. Kiosks change things through their real services
(a caretaker enrolls, changes an e-mail, erases). In-process (ASGI) for speed.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import select

from central import db
from central.app import create_app
from central.db import create_schema, make_engine
from central.demo import building_id, flat_id, seed
from central.office import Office
from central.testing import TEST_SETTINGS, temporary_database
from kiosk.config import load_config
from kiosk.store.opening import open_store
from kiosk.sync import applier
from kiosk.sync.engine import SyncEngine
from sync_helpers import Kiosk, add_caretaker, cursor_versions, make_kiosk, members

B1, B2 = building_id(1), building_id(2)
KIOSKS = {"k1": B1, "k2": B1, "k3": B2}
FAULTS = ("none", "none", "drop_request", "drop_response", "duplicate", "replay_old")
NAMES = [("Amina", "Benali"), ("Jean", "Dupont"), ("Zoé", "Lefèvre"), ("zoe", "LEFEVRE")]


class ASGITransport(httpx.BaseTransport):
    """A synchronous transport into the app (TestClient), with injectable faults."""

    def __init__(self, tc: TestClient) -> None:
        self.tc = tc
        self.fault = "none"
        self.old_pushes: list[bytes] = []

    def _send(self, request: httpx.Request, body: bytes | None = None) -> httpx.Response:
        r = self.tc.request(request.method, str(request.url.copy_with(scheme="http", host="testserver", port=None)),
                            headers={k: v for k, v in request.headers.items() if k.lower() != "host"},
                            content=body if body is not None else request.content)
        return httpx.Response(r.status_code, headers=r.headers, content=r.content, request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        fault, self.fault = self.fault, "none"  # a fault hits one request
        is_push = request.url.path == "/v1/sync/push"
        if fault == "drop_request":
            raise httpx.ConnectError("dropped", request=request)
        if fault == "replay_old" and self.old_pushes:
            self._send(request, self.old_pushes[0])  # an old push arrives late, before this one
        if is_push:
            self.old_pushes = (self.old_pushes + [request.content])[-3:]
        response = self._send(request)
        if fault == "duplicate":
            response = self._send(request)
        if fault == "drop_response":
            raise httpx.ReadError("lost after commit", request=request)
        return response


class SimulatedCrash(Exception):
    pass


class CrashingEngine(SyncEngine):
    crash_next_page = False

    def _apply_page(self, page) -> None:  # noqa: ANN001
        if not self.crash_next_page:
            return super()._apply_page(page)
        self.crash_next_page = False

        def crash(repos) -> None:  # noqa: ANN001
            applier.apply_page(repos, page.changes, page.cursor)
            raise SimulatedCrash()  # power cut after the rows, before the commit
        self._in_transaction(crash)


class SyncMachine(RuleBasedStateMachine):
    backend = "sqlite"
    tmp: Path = Path("/tmp")

    def __init__(self) -> None:
        super().__init__()
        self._db_cm = temporary_database(self.backend, self.tmp)
        url = self._db_cm.__enter__()
        engine = make_engine(url)
        create_schema(engine)
        seed(Office(engine), buildings=2, flats_per_building=4, partners=1)
        engine.dispose()
        self.app = create_app(url, TEST_SETTINGS)
        self.office: Office = self.app.state.office
        self.tc = TestClient(self.app).__enter__()
        add_caretaker(self.office)
        self.kiosks: dict[str, tuple] = {}
        self.services: dict[str, Kiosk] = {}
        self.enrolled: dict[str, str] = {}          # member id → kiosk
        self.removed_by_office: set[str] = set()
        self.erased_at_kiosk: set[str] = set()
        self.last_cursor: dict[str, dict[str, int]] = {}
        for name, building in KIOSKS.items():
            folder = self.tmp / f"{name}-{uuid.uuid4().hex[:6]}"
            store = open_store(load_config(env={}, data_dir=folder).with_values(key_store="file", data_dir=folder))
            transport = ASGITransport(self.tc)
            kiosk = make_kiosk(store, "http://testserver", self.office.create_enrollment_token(building),
                               transport=transport, first_sync=False)
            kiosk.engine = CrashingEngine.for_store(store, transport=transport, base_delay_s=0.0)
            kiosk.sync()  # its places and the caretaker
            self.kiosks[name] = (store, kiosk.engine, transport, building)
            self.services[name] = kiosk

    def teardown(self) -> None:
        try:
            for _ in range(2):
                for name in KIOSKS:
                    report = self.kiosks[name][1].run_once(force=True)
                    assert report.ok, (name, report)
            self.check_converged()
        finally:
            for store, engine, _, _ in self.kiosks.values():
                engine.client.close()
                store.close()
            self.tc.__exit__(None, None, None)
            self.app.state.engine.dispose()
            self._db_cm.__exit__(None, None, None)

    def server_members(self) -> dict[str, dict]:
        with self.app.state.engine.connect() as conn:
            return {r["id"]: dict(r) for r in conn.execute(select(db.members)).mappings()}

    def check_converged(self) -> None:
        server = self.server_members()
        for name, (store, _, _, building) in self.kiosks.items():
            local = members(store)
            want = {mid for mid, m in server.items() if m["building_id"] == building and m["status"] != "left"}
            assert set(local) == want, (name, set(local) ^ want)
            for mid in want:
                for f in ("first_name", "last_name", "flat_id", "status", "email"):
                    assert local[mid][f] == server[mid][f], (name, mid, f)
            assert store.repos.outbox.pending_count() == 0
        for mid in self.enrolled:
            assert mid in server or mid in self.removed_by_office or mid in self.erased_at_kiosk, mid

    # -- kiosk actions --------------------------------------------------------------------
    @rule(k=st.sampled_from(sorted(KIOSKS)), flat=st.integers(1, 4), name=st.sampled_from(NAMES))
    def enroll_offline(self, k: str, flat: int, name: tuple[str, str]) -> None:
        building = self.kiosks[k][3]
        n = 1 if building == B1 else 2
        mid = self.services[k].enroll(building, flat_id(n, flat), first=name[0], last=name[1])
        self.enrolled[mid] = k

    @rule(k=st.sampled_from(sorted(KIOSKS)), data=st.data())
    def change_contact(self, k: str, data: st.DataObject) -> None:
        store = self.kiosks[k][0]
        local = sorted(members(store))
        if local:
            mid = data.draw(st.sampled_from(local))
            self.services[k].set_email(mid, f"m{data.draw(st.integers(0, 9))}@example.org")

    @rule(k=st.sampled_from(sorted(KIOSKS)), data=st.data())
    def erase_at_kiosk(self, k: str, data: st.DataObject) -> None:
        local = sorted(members(self.kiosks[k][0]))
        if local:
            mid = data.draw(st.sampled_from(local))
            self.services[k].erase(mid)
            self.erased_at_kiosk.add(mid)

    @rule(k=st.sampled_from(sorted(KIOSKS)), fault=st.sampled_from(FAULTS))
    def sync(self, k: str, fault: str) -> None:
        _, engine, transport, _ = self.kiosks[k]
        transport.fault = fault
        engine.run_once(force=True)

    @rule(k=st.sampled_from(sorted(KIOSKS)))
    def crash_while_applying_a_page(self, k: str) -> None:
        _, engine, _, _ = self.kiosks[k]
        engine.crash_next_page = True
        try:
            engine.run_once(force=True)
        except SimulatedCrash:
            pass
        engine.crash_next_page = False

    # -- office actions ---------------------------------------------------------------------
    @precondition(lambda self: bool(self.server_members()))
    @rule(data=st.data())
    def office_edit(self, data: st.DataObject) -> None:
        mid = data.draw(st.sampled_from(sorted(self.server_members())))
        action = data.draw(st.sampled_from(["rename", "move", "erase", "status"]))
        if action == "rename":
            self.office.update_member(mid, last_name=data.draw(st.sampled_from(["Martin", "Nguyen"])))
        elif action == "status":
            self.office.update_member(mid, status=data.draw(st.sampled_from(["pending", "active"])))
        elif action == "move":
            b = data.draw(st.sampled_from([1, 2]))
            self.office.update_member(mid, building_id=building_id(b), flat_id=flat_id(b, 1))
        else:
            self.office.erase_member(mid)
            self.removed_by_office.add(mid)

    @precondition(lambda self: bool(self.office.merge_queue()))
    @rule()
    def office_merges(self) -> None:
        item = self.office.merge_queue()[0]
        self.office.merge(item["member_id"], item["duplicate_of"])
        self.removed_by_office.add(item["member_id"])

    @rule()
    def office_purges_tombstones(self) -> None:
        from datetime import timedelta
        self.office.purge_tombstones(timedelta(0))

    # -- invariants --------------------------------------------------------------------------
    @invariant()
    def cursors_never_go_back(self) -> None:
        for name, (store, *_rest) in self.kiosks.items():
            now = cursor_versions(store)
            before = self.last_cursor.get(name, {})
            assert all(now.get(s, 0) >= v for s, v in before.items()), (name, before, now)
            self.last_cursor[name] = now

    @invariant()
    def exactly_once(self) -> None:
        with self.app.state.engine.connect() as conn:
            rows = conn.execute(select(db.processed_mutations.c.device_id, db.processed_mutations.c.seq)).all()
            last = dict(conn.execute(select(db.devices.c.id, db.devices.c.last_seq)).all())
        by_device: dict[str, list[int]] = {}
        for device, seq in rows:
            by_device.setdefault(device, []).append(seq)
        for device, seqs in by_device.items():
            assert sorted(seqs) == list(range(1, last[device] + 1)), device
        server = self.server_members()
        origin_count: dict[str, int] = {}
        for m in server.values():
            origin_count[m["id"]] = origin_count.get(m["id"], 0) + 1
        assert all(n == 1 for n in origin_count.values())

    @invariant()
    def an_enrollment_is_never_answered_as_a_second_application(self) -> None:
        # Every enrollment here is valid: a replayed one answered "member_exists" (or any
        # rejection) would mean the server applied a (device, seq) twice. (An enrollment
        # erased before it was sent is redacted, and refused: that is what it is for.)
        for store, *_rest in self.kiosks.values():
            bad = store.db.run(lambda c: c.execute(
                "SELECT seq, result, payload FROM outbox WHERE mutation = 'enroll_member' AND state NOT IN "
                "('pending', 'applied', 'conflict')").fetchall())
            bad = [tuple(r[:2]) for r in bad if json.loads(r[2])["id"] not in self.erased_at_kiosk]
            assert not bad, bad

    @invariant()
    def no_out_of_scope_member_after_a_clean_sync(self) -> None:
        for store, engine, _, building in self.kiosks.values():
            if engine.status().state == "online" and store.repos.outbox.pending_count() == 0:
                assert all(m["building_id"] == building for m in members(store).values())


@pytest.mark.slow
def test_sync_state_machine(backend: str, tmp_path: Path) -> None:
    SyncMachine.backend, SyncMachine.tmp = backend, tmp_path
    examples = 20 if backend == "sqlite" else 5
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=examples, stateful_step_count=20, deadline=None, derandomize=False,
        suppress_health_check=list(HealthCheck)))
