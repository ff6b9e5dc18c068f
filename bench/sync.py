"""Sync benchmark: snapshot apply, no-change cycle, offline push, no-change pulls per second.

Runs against the real server (``central serve`` in its own process on 127.0.0.1, so the
server and the kiosk do not share a GIL) on SQLite and,
when reachable, PostgreSQL (``DATABASE_URL`` or the local ``test`` database), with a
real encrypted kiosk store. Goals: snapshot of a 2,000-member building plus 2,000
catalogue items applied into SQLCipher <= 3 s; no-change sync cycle <= 50 ms; push of
1,000 offline enrollments <= 10 s. Reference in the same run: the same snapshot applied
into a plain ``sqlite3`` file with the same schema (the ratio is SQLCipher's cost).

    .venv/bin/python bench/sync.py [--backends sqlite,postgres] [--pull-seconds 5]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from central.cli import migrate  # noqa: E402
from central.db import make_engine  # noqa: E402
from central.demo import building_id, flat_id, seed  # noqa: E402
from central.feed import now_iso  # noqa: E402
from central.office import Office  # noqa: E402
from central.records import put_catalog, put_member  # noqa: E402
from central import db as cdb  # noqa: E402
from central.testing import free_port, postgres_unreachable_reason, temporary_database  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.protocol.mutations.enroll_member import EnrollMember  # noqa: E402
from kiosk.services.recording import Recorder  # noqa: E402
from kiosk.store.database import Database, migrations  # noqa: E402
from kiosk.store.opening import open_store  # noqa: E402
from kiosk.store.repositories import Repositories  # noqa: E402
from kiosk.sync import applier  # noqa: E402
from kiosk.sync.engine import SyncEngine  # noqa: E402
from kiosk.sync.provisioning import provision  # noqa: E402

MEMBERS, CATALOG_ITEMS, ENROLLMENTS = 2000, 2000, 1000


def _letters(i: int) -> str:
    """A name part from a number (names hold no digits): 0 → "a", 27 → "ch"."""
    return "".join(chr(97 + int(d)) for d in str(i))


def fill_central(office: Office) -> None:
    seed(office, buildings=2, flats_per_building=1000, partners=1)
    with office.tx() as (conn, fw):
        for i in range(MEMBERS):
            mid = str(uuid.uuid4())
            put_member(conn, fw, {"id": mid, "first_name": f"Prénom{i}", "last_name": f"Nom{i}",
                                  "building_id": building_id(1),
                                  "flat_id": flat_id(1, 1 + i % 1000), "phone": f"+336{i:08d}", "email": "",
                                  "language": "fr", "status": "active", "enrolled_by": "office",
                                  "created_at": now_iso(), "origin_kiosk": "", "household": [],
                                  "sms_opt_in": False, "newsletter_opt_in": False})
        for i in range(CATALOG_ITEMS // 2):
            put_catalog(conn, fw, "partner", cdb.partners, {
                "id": f"bp{i}", "name": f"Partenaire {i}", "category": "food", "address": f"{i} rue du Marché",
                "lat": 48.93, "lon": 2.35, "phone": "", "website": "", "description": "Boulangerie de quartier",
                "hours": {"days": {"0": [["08:00", "19:00"]]}}, "active": True})
            put_catalog(conn, fw, "offer", cdb.offers, {"id": f"bo{i}", "partner_id": f"bp{i}",
                                                        "text": "-10 % sur présentation de la carte",
                                                        "conditions": "", "valid_from": None,
                                                        "valid_until": "2030-01-01"})


class ServerProcess:
    """`central serve` in a child process (rate limits off for the benchmark)."""

    def __init__(self, url: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, CENTRAL_DEVICE_RATE_PER_S="0", CENTRAL_PUBLIC_RATE_PER_S="0")
        exe = Path(sys.executable).with_name("central")
        self.proc = subprocess.Popen([str(exe), "--database-url", url, "serve", "--port", str(self.port)],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("central serve did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def new_kiosk(folder: Path, server: ServerProcess, office: Office, building: str):  # noqa: ANN201
    config = load_config(env={}, data_dir=folder).with_values(key_store="file", data_dir=folder)
    store = open_store(config)
    provision(store, server.url, office.create_enrollment_token(building))
    return store, SyncEngine.for_store(store)


class PlainDatabase(Database):
    """The kiosk's database class on an unencrypted file (the reference): same pragmas,
    same owner thread, same repositories, no key."""

    def _connect(self) -> None:
        import sqlcipher3
        import threading
        self._owner = threading.get_ident()
        conn = sqlcipher3.connect(str(self.path), isolation_level=None, check_same_thread=True, timeout=10)
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.row_factory = sqlcipher3.Row
        conn.execute("PRAGMA secure_delete = ON")
        self._conn = conn


def plain_sqlite_apply(folder: Path, snap) -> float:  # noqa: ANN001
    """The same snapshot into an unencrypted file with the same schema and code (reference)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = PlainDatabase.open(folder / "plain.db", b"\0" * 32)
    repos = Repositories(db)

    def apply(_conn) -> None:  # noqa: ANN001
        with db.atomic():
            applier.replace_from_snapshot(repos, snap)
    started = time.perf_counter()
    db.run(apply)
    elapsed = time.perf_counter() - started
    db.close()
    return elapsed


def pulls_per_second(server: ServerProcess, headers: dict[str, str], cursor: str, seconds: float,
                     threads: int = 4) -> float:
    count = 0
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker() -> None:
        nonlocal count
        with httpx.Client(base_url=server.url, headers=headers) as c:
            n = 0
            while time.perf_counter() < stop:
                r = c.get("/v1/sync/pull", params={"cursor": cursor})
                assert r.status_code == 200 and not r.json()["changes"], r.text
                n += 1
        with lock:
            count += n

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return count / seconds


def run(backend: str, pull_seconds: float) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-sync-{backend}-"))
    with temporary_database(backend, tmp) as url:
        migrate(url)
        engine = make_engine(url)
        office = Office(engine)
        fill_central(office)
        server = ServerProcess(url)
        try:
            store, eng = new_kiosk(tmp / "k1", server, office, building_id(1))
            # 1. first sync = snapshot over HTTP, applied into SQLCipher
            t0 = time.perf_counter()
            report = eng.run_once(force=True)
            first_sync = time.perf_counter() - t0
            assert report.ok and report.snapshot, report
            snap = eng.client.snapshot()
            items = len(snap.items)

            def apply(_conn) -> None:  # noqa: ANN001
                with store.db.atomic():
                    applier.replace_from_snapshot(store.repos, snap)
            cipher_runs, plain_runs = [], []
            for i in range(3):  # best of three: the machine may be busy
                t0 = time.perf_counter()
                store.db.run(apply)
                cipher_runs.append(time.perf_counter() - t0)
                plain_runs.append(plain_sqlite_apply(tmp / f"plain{i}", snap))
            cipher_apply, plain_apply = min(cipher_runs), min(plain_runs)
            # 2. no-change cycles
            cycles = []
            for _ in range(30):
                t0 = time.perf_counter()
                assert eng.run_once(force=True).ok
                cycles.append(time.perf_counter() - t0)
            # 3. push of 1,000 offline enrollments from another kiosk
            store2, eng2 = new_kiosk(tmp / "k2", server, office, building_id(2))
            assert eng2.run_once(force=True).ok

            recorder = Recorder(store2.db, store2.repos)   # what the services do: effect + outbox entry

            def enroll_all(_conn) -> None:  # noqa: ANN001
                with store2.db.atomic():
                    for i in range(ENROLLMENTS):
                        recorder.record(EnrollMember(
                            id=str(uuid.uuid4()), first_name=f"Hors{_letters(i)}", last_name="Ligne",
                            building_id=building_id(2), flat_id=flat_id(2, 1 + i % 1000), phone=f"+33612{i:06d}"))
            store2.db.run(enroll_all)
            t0 = time.perf_counter()
            report = eng2.run_once(force=True)
            push_time = time.perf_counter() - t0
            assert report.ok and report.pushed == ENROLLMENTS, report
            # 4. no-change pulls per second (after one sync: kiosk 2's issuer key is news)
            assert eng.run_once(force=True).ok
            device = store.repos.kv.get("sync.device_id")
            secret = store.keystore.get("sync-secret")
            cursor = store.repos.kv.get(applier.CURSOR_KEY)
            rate = pulls_per_second(server, {"Authorization": f"Bearer {device}.{secret}"}, cursor, pull_seconds)
            eng.client.close(), eng2.client.close()
            store.close(), store2.close()
        finally:
            server.stop()
            engine.dispose()
    return {"items": items, "first_sync_s": first_sync, "apply_sqlcipher_s": cipher_apply,
            "apply_plain_s": plain_apply, "cycle_median_ms": statistics.median(cycles) * 1000,
            "cycle_p95_ms": sorted(cycles)[int(len(cycles) * 0.95) - 1] * 1000, "push_1000_s": push_time,
            "pulls_per_s": rate}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--pull-seconds", type=float, default=5.0)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for backend in args.backends.split(","):
        if backend == "postgres" and (reason := postgres_unreachable_reason()):
            print(f"postgres: skipped ({reason})")
            continue
        r = run(backend, args.pull_seconds)
        print(f"\n== central on {backend} ==")
        print(f"snapshot items (2,000 members + flats + 2,000 catalogue): {r['items']}")
        print(f"first sync (HTTP snapshot + apply):  {r['first_sync_s']:.2f} s   (goal <= 3 s)")
        print(f"apply into SQLCipher:                {r['apply_sqlcipher_s']:.2f} s")
        print(f"apply into plain sqlite3 (reference): {r['apply_plain_s']:.2f} s   "
              f"ratio {r['apply_sqlcipher_s'] / r['apply_plain_s']:.2f}x")
        print(f"no-change sync cycle:                {r['cycle_median_ms']:.1f} ms median, "
              f"{r['cycle_p95_ms']:.1f} ms p95   (goal <= 50 ms)")
        print(f"push of 1,000 offline enrollments:   {r['push_1000_s']:.2f} s   (goal <= 10 s)")
        print(f"no-change pulls the server sustains: {r['pulls_per_s']:.0f} /s (4 client threads, one server process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
