"""8 concurrent writers and a puller: the puller misses no change.

Each writer creates rows that are never touched again, so a row's version is fixed: if
a version became visible after the puller's cursor had passed it, that row would never
be pulled. The counter row lock makes versions visible in order; this test fails if the
lock is removed (on PostgreSQL, where writers really run in parallel)."""

from __future__ import annotations

import threading
import uuid

from fastapi.testclient import TestClient

from central.demo import building_id, flat_id
from test_server_scope import enroll_device

WRITERS, PER_WRITER = 8, 25


def test_eight_writers_and_a_puller_miss_nothing(app, office):  # noqa: ANN001
    with TestClient(app) as c:
        devices = [enroll_device(c, office, building_id(1))[1] for _ in range(WRITERS // 2)]
        cursor = c.get("/v1/sync/snapshot", headers=devices[0]).json()["cursor"]
        expected: set[str] = set()
        lock = threading.Lock()
        start = threading.Barrier(WRITERS + 1)
        done = threading.Event()
        errors: list[BaseException] = []

        def office_writer(n: int) -> None:
            start.wait()
            try:
                for i in range(PER_WRITER):
                    pid = f"w{n}-{i}"
                    office.put("partner", {"id": pid, "name": pid, "category": "food", "hours": {}})
                    with lock:
                        expected.add(pid)
            except BaseException as exc:  # reported below
                errors.append(exc)

        def kiosk_writer(n: int) -> None:
            headers = devices[n]
            start.wait()
            try:
                for i in range(PER_WRITER):
                    mid = str(uuid.uuid4())
                    m = {"seq": i + 1, "client_id": str(uuid.uuid4()), "mutation": "enroll_member",
                         "payload": {"id": mid, "first_name": f"Nom{chr(65 + n)}{chr(97 + i % 26)}",  # letters only
                                     "last_name": "Test", "building_id": building_id(1), "flat_id": flat_id(1, 1 + (i % 10))}}
                    r = c.post("/v1/sync/push", headers=headers, json={"mutations": [m]})
                    assert r.status_code == 200 and r.json()["results"][0]["status"] in ("applied", "conflict"), r.text
                    with lock:
                        expected.add(mid)
            except BaseException as exc:
                errors.append(exc)

        seen: set[str] = set()

        def puller() -> None:
            nonlocal cursor
            start.wait()
            while True:
                finished = done.is_set()
                page = c.get("/v1/sync/pull", headers=devices[0], params={"cursor": cursor}).json()
                seen.update(ch["id"] for ch in page["changes"] if ch["entity"] in ("partner", "member"))
                cursor = page["cursor"]
                if finished and not page["more"]:
                    return

        threads = [threading.Thread(target=office_writer, args=(n,)) for n in range(WRITERS // 2)]
        threads += [threading.Thread(target=kiosk_writer, args=(n,)) for n in range(WRITERS // 2)]
        pull_thread = threading.Thread(target=puller)
        for t in threads + [pull_thread]:
            t.start()
        for t in threads:
            t.join(timeout=120)
        done.set()
        pull_thread.join(timeout=60)
        assert not errors, errors
        assert len(expected) == WRITERS * PER_WRITER
        missed = expected - seen
        assert not missed, f"{len(missed)} changes never pulled, e.g. {sorted(missed)[:5]}"


def test_a_snapshot_taken_during_writes_plus_the_pulls_after_it_miss_nothing(app, office):  # noqa: ANN001
    """The snapshot's rows and its cursor come from one database snapshot (REPEATABLE READ
    on PostgreSQL): whatever is not in the rows is after the cursor."""
    with TestClient(app) as c:
        headers = enroll_device(c, office, building_id(1))[1]
        written: list[str] = []
        start = threading.Barrier(WRITERS + 1)

        def writer(n: int) -> None:
            start.wait()
            for i in range(PER_WRITER):
                pid = f"s{n}-{i}"
                office.put("partner", {"id": pid, "name": pid, "category": "food", "hours": {}})
                written.append(pid)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for t in threads:
            t.start()
        start.wait()
        snapshots = []
        for _ in range(3):  # snapshots while the writers run
            snapshots.append(c.get("/v1/sync/snapshot", headers=headers).json())
        for t in threads:
            t.join(timeout=120)
        for snap in snapshots:
            have = {i["id"] for i in snap["items"] if i["entity"] == "partner"}
            cursor = snap["cursor"]
            while True:
                page = c.get("/v1/sync/pull", headers=headers, params={"cursor": cursor}).json()
                have |= {ch["id"] for ch in page["changes"] if ch["entity"] == "partner"}
                cursor = page["cursor"]
                if not page["more"]:
                    break
            missed = set(written) - have
            assert not missed, f"{len(missed)} partners neither in the snapshot nor pulled after it"
