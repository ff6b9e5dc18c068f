"""Fleet benchmark: many simulated kiosks against 1, 2 and 4 ``central serve --workers N``
processes on PostgreSQL.

    .venv/bin/python bench/fleet.py [--kiosks 1000] [--workers 1,2,4] [--seconds 10]
                                    [--clients 64] [--soak-s 600] [--enrollments 200]
                                    [--generator auto|wrk|python] [--no-compare] [--no-etag]

Every simulated kiosk has its own device credential and its own building. The buildings
are seeded in one transaction through the office's record functions; the devices are made
in batches by ``central.devices.enroll_device`` (what ``POST /v1/devices/enroll`` runs once
the proof is checked; the real kiosk below enrolls over HTTP with its proof), and their
cursors are the scope counters, exactly what a snapshot answers. Per process count:

- no-change pulls per second from ``--clients`` concurrent keep-alive connections, cycling
  over every kiosk's credential and cursor with the ETag of its last answer, as the kiosk's
  client sends it (``wrk`` with bench/fleet_pulls.lua when installed, else asyncio +
  httpx), p50/p99 latency; first against servers with the ETag and the device cache off
  (``CENTRAL_SYNC_ETAG=false CENTRAL_DEVICE_CACHE_S=0 CENTRAL_PULL_CONCURRENCY=0``: the code before), then on;
- under that same load, one real kiosk (SQLCipher store, SyncEngine) pushes
  ``--enrollments`` offline enrollments: time of the push;
- an office edit (a partner renamed) reaching every kiosk: each kiosk waits on
  ``GET /v1/sync/wait`` as the kiosk's ChangeWatcher does, then pulls; the clock stops
  when the last kiosk has pulled the change;
- the soak (on 2 processes, ``--soak-s`` seconds): the no-change load, errors counted.

The load generator runs on the same machine and costs CPU there: the bench prints the cores
it used (``getrusage``) and the load average beside the server's figures. Goals on the 2-core
machine: >= 1,000 no-change pulls/s with 2 processes, p99 <= 50 ms, office edit on every
kiosk <= 5 s. The PostgreSQL database is a throw-away schema in the local ``test``
database (central/testing.py), dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from central import db  # noqa: E402
from central.cli import migrate  # noqa: E402
from central.db import make_engine  # noqa: E402
from central.demo import ESTATE, building_id, flat_id  # noqa: E402
from central.devices import create_enrollment_token, enroll_device  # noqa: E402
from central.feed import Cursor, counters, scopes_of  # noqa: E402
from central.office import Office  # noqa: E402
from central.records import put_building, put_entrance, put_estate, put_flat  # noqa: E402
from kiosk.domain.cards import public_key_raw  # noqa: E402
from kiosk.protocol.version import __version__  # noqa: E402
from central.testing import free_port, postgres_unreachable_reason, temporary_database  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.domain.cards import CardSigner  # noqa: E402
from kiosk.protocol.mutations.enroll_member import EnrollMember  # noqa: E402
from kiosk.services.recording import Recorder  # noqa: E402
from kiosk.store.opening import open_store  # noqa: E402
from kiosk.sync.client import SyncClient  # noqa: E402
from kiosk.sync.engine import SyncEngine  # noqa: E402
from kiosk.sync.provisioning import provision  # noqa: E402

PARTNER = "fleet-partner"


@dataclass
class SimKiosk:
    device_id: str
    secret: str
    cursor: str
    etag: str = ""

    @property
    def headers(self) -> dict[str, str]:
        h = {"Authorization": f"Bearer {self.device_id}.{self.secret}"}
        return h | {"If-None-Match": self.etag} if self.etag else h


class ServerProcess:
    """``central serve --workers N`` in a child process (rate limits off for the benchmark)."""

    def __init__(self, url: str, workers: int, *, etag: bool = True) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, CENTRAL_DEVICE_RATE_PER_S="0", CENTRAL_PUBLIC_RATE_PER_S="0")
        if etag:
            exe = Path(sys.executable).with_name("central")
            cmd = [str(exe), "--database-url", url, "serve", "--port", str(self.port), "--workers", str(workers)]
        else:
            # The code before: every pull reads the device and the page (no ETag, no device
            # cache) and uvicorn's pure-Python HTTP parser and event loop (h11, asyncio), as
            # before httptools and uvloop joined the server's dependencies. Same app as
            # ``central serve --workers N`` builds (app_from_env).
            env |= {"CENTRAL_SYNC_ETAG": "false", "CENTRAL_DEVICE_CACHE_S": "0", "CENTRAL_PULL_CONCURRENCY": "0", "DATABASE_URL": url,
                    "CENTRAL_SHARED_RATE_LIMITS": "true" if workers > 1 else "false"}
            cmd = [sys.executable, "-m", "uvicorn", "central.app:app_from_env", "--factory", "--host", "127.0.0.1",
                   "--port", str(self.port), "--workers", str(workers), "--http", "h11", "--loop", "asyncio",
                   "--log-level", "warning"]
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("central serve did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def seed_places(office: Office, buildings: int) -> None:
    """The estate, ``buildings`` buildings with one entrance and one flat each, in one
    transaction through the office's record functions (feed rows included)."""
    with office.tx() as (conn, fw):
        put_estate(conn, fw, {"id": ESTATE, "name": "Résidence Francs-Moisins", "city": "Saint-Denis"})
        for b in range(1, buildings + 1):
            bid = building_id(b)
            put_building(conn, fw, {"id": bid, "estate_id": ESTATE, "name": f"Bâtiment {b}",
                                    "address": f"{b} rue de la Résidence, 93200 Saint-Denis",
                                    "lat": 48.93 + b / 100000, "lon": 2.35})
            put_entrance(conn, fw, {"id": f"{bid}-E1", "building_id": bid, "name": "Escalier A"})
            put_flat(conn, fw, {"id": flat_id(b, 1), "entrance_id": f"{bid}-E1", "building_id": bid,
                                "label": "rez-de-chaussée, porte 1"})


def provision_fleet(office: Office, n: int, batch: int = 100) -> list[SimKiosk]:
    """n kiosks, kiosk i alone in building i+1: a token and ``enroll_device`` each (the
    enrollment's own transaction body), ``batch`` to a transaction; then each one's cursor
    from the scope counters (what its snapshot would answer)."""
    creds: list[tuple[str, str]] = []
    for start in range(0, n, batch):
        with office.tx() as (conn, fw):
            for i in range(start, min(n, start + batch)):
                token = create_enrollment_token(conn, building_id(i + 1))
                public_hex = public_key_raw(CardSigner.generate().public_key).hex()
                device_id, secret, _, _ = enroll_device(conn, fw, token, f"sim-{i}", public_hex, __version__)
                creds.append((device_id, secret))
    with office.read() as conn, conn.begin():
        epochs = dict(conn.execute(select(db.devices.c.id, db.devices.c.scope_epoch)).all())
        heads = counters(conn, scopes_of([building_id(i + 1) for i in range(n)]))
    kiosks = []
    for i, (device_id, secret) in enumerate(creds):
        versions = {s: heads[s][0] for s in scopes_of([building_id(i + 1)])}
        kiosks.append(SimKiosk(device_id, secret, Cursor(device_id, int(epochs[device_id]), versions).encode()))
    return kiosks


def collect_etags(server: ServerProcess, kiosks: list[SimKiosk]) -> None:
    """Each kiosk pulls until nothing is new (the real kiosk's enrollment published its
    card key in the catalogue): its cursor and the ETag of that answer, which the load sends."""
    local = threading.local()

    def one(k: SimKiosk) -> None:
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=server.url, timeout=60)
        c = local.client
        k.etag = ""
        for _ in range(100):
            r = c.get("/v1/sync/pull", params={"cursor": k.cursor}, headers=k.headers)
            r.raise_for_status()
            body = r.json()
            if not body["changes"] and body["cursor"] == k.cursor:
                k.etag = r.headers.get("etag", "")
                return
            k.cursor = body["cursor"]
        raise RuntimeError("a simulated kiosk never reached the head of its feed")
    with ThreadPoolExecutor(8) as pool:  # each thread's client lives until the bench ends
        list(pool.map(one, kiosks))


def cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


@dataclass
class Load:
    pulls: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    generator_cores: float
    p50: float = float("nan")  # from wrk (its latencies are not kept one by one)
    p99: float = float("nan")
    not_modified: int = -1  # of the pulls, answered 304 (wrk counts them)

    @property
    def rate(self) -> float:
        return self.pulls / self.seconds

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return self.p50 if p == 0.5 else self.p99
        xs = sorted(self.latencies_ms)
        return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")


async def _pull_load(url: str, kiosks: list[SimKiosk], clients: int, seconds: float) -> Load:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    lat: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=10) as client:
        async def worker(w: int) -> None:
            nonlocal errors
            i = w
            while time.perf_counter() < stop:
                k = kiosks[i % len(kiosks)]
                i += clients
                t = time.perf_counter()
                try:
                    r = await client.get("/v1/sync/pull", params={"cursor": k.cursor}, headers=k.headers)
                    ok = r.status_code == 304 or (r.status_code == 200 and not r.json()["changes"])
                except httpx.HTTPError:
                    ok = False
                if ok:
                    lat.append((time.perf_counter() - t) * 1000)
                else:
                    errors += 1
        c0, t0 = cpu_s(), time.perf_counter()
        await asyncio.gather(*(worker(w) for w in range(clients)))
        wall = time.perf_counter() - t0
    return Load(len(lat), errors, wall, lat, (cpu_s() - c0) / wall)


LUA = Path(__file__).with_name("fleet_pulls.lua")


def _wrk_load(url: str, kiosks: list[SimKiosk], clients: int, seconds: float) -> Load:
    """The same load from ``wrk`` (C, one thread): the generator no longer takes the cores
    the servers need. bench/fleet_pulls.lua cycles over the kiosks and counts as an error
    anything but 304 or a 200 without changes."""
    from urllib.parse import quote
    table = Path(tempfile.mkdtemp(prefix="bench-wrk-")) / "kiosks.tsv"
    table.write_text("".join(f"/v1/sync/pull?cursor={quote(k.cursor)}\tBearer {k.device_id}.{k.secret}\t{k.etag}\n"
                             for k in kiosks))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
                          "-s", str(LUA), url], capture_output=True, text=True, env=dict(os.environ, KIOSKS=str(table)))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("FLEET ")), None)
    if line is None:
        raise RuntimeError(f"wrk: {out.stdout[-500:]} {out.stderr[-500:]}")
    r = json.loads(line[6:])
    cores = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / r["seconds"]
    return Load(r["ok"], r["errors"], r["seconds"], [], cores, p50=r["p50_us"] / 1000, p99=r["p99_us"] / 1000,
                not_modified=r["not_modified"])


GENERATOR = "python"


def pull_load(url: str, kiosks: list[SimKiosk], clients: int, seconds: float) -> Load:
    if GENERATOR == "wrk":
        return _wrk_load(url, kiosks, clients, seconds)
    return asyncio.run(_pull_load(url, kiosks, clients, seconds))


async def _office_edit(url: str, kiosks: list[SimKiosk], office: Office, name: str) -> tuple[float, int]:
    """Every kiosk long-polls; one partner renamed; seconds until the last kiosk pulled it."""
    limits = httpx.Limits(max_connections=len(kiosks) + 8, max_keepalive_connections=len(kiosks) + 8)
    edited = asyncio.Event()
    t_edit = 0.0
    done: list[float] = []
    errors = 0
    waiting = 0
    all_waiting = asyncio.Event()
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=httpx.Timeout(10, read=40)) as client:
        async def kiosk(k: SimKiosk) -> None:
            nonlocal errors, waiting
            try:
                for _ in range(5):  # a watcher re-waits on "nothing new"
                    req = client.get("/v1/sync/wait", params={"cursor": k.cursor, "timeout": 25}, headers=k.headers)
                    task = asyncio.ensure_future(req)
                    if not all_waiting.is_set():
                        waiting += 1
                        if waiting == len(kiosks):
                            all_waiting.set()
                    r = await task
                    if r.status_code == 200 and r.json()["changed"]:
                        break
                while True:
                    r = await client.get("/v1/sync/pull", params={"cursor": k.cursor}, headers=k.headers)
                    body = r.json()
                    k.cursor = body["cursor"]
                    if any(c["id"] == PARTNER and c["data"]["name"] == name for c in body["changes"]):
                        done.append(time.perf_counter() - t_edit)
                        return
                    if not body["more"]:
                        errors += 1
                        return
            except (httpx.HTTPError, KeyError, ValueError):
                errors += 1

        tasks = [asyncio.ensure_future(kiosk(k)) for k in kiosks]
        await all_waiting.wait()
        await asyncio.sleep(2.0)  # the wait requests have reached the server
        t_edit = time.perf_counter()
        await asyncio.to_thread(office.put, "partner", {"id": PARTNER, "name": name, "category": "food", "hours": {}})
        edited.set()
        await asyncio.gather(*tasks)
    return (max(done) if done else float("nan")), errors + len(kiosks) - len(done)


def office_edit(url: str, kiosks: list[SimKiosk], office: Office, name: str) -> tuple[float, int, float]:
    """(seconds until the last kiosk pulled the edit, errors, cores the bench's own
    process used meanwhile: 1,000 httpx connections in Python are not free)."""
    c0, t0 = cpu_s(), time.perf_counter()
    seconds, errors = asyncio.run(_office_edit(url, kiosks, office, name))
    return seconds, errors, (cpu_s() - c0) / (time.perf_counter() - t0)


class Pusher:
    """One real kiosk (SQLCipher store, SyncEngine) in its own building, pushing offline
    enrollments while the fleet pulls."""

    def __init__(self, folder: Path, server: ServerProcess, office: Office, building: int) -> None:
        config = load_config(env={}, data_dir=folder).with_values(key_store="file", data_dir=folder)
        self.store = open_store(config)
        self.building = building
        provision(self.store, server.url, office.create_enrollment_token(building_id(building)))
        self.engine: SyncEngine | None = None
        self.serial = 0

    def attach(self, url: str) -> None:
        from kiosk.sync.provisioning import KV_SERVER
        self.store.db.run(lambda _c: self.store.repos.kv.set(KV_SERVER, url))
        if self.engine:
            self.engine.client.close()
        self.engine = SyncEngine.for_store(self.store)
        assert self.engine.run_once(force=True).ok

    def push(self, n: int) -> float:
        recorder = Recorder(self.store.db, self.store.repos)
        b = self.building

        def enroll_all(_conn) -> None:  # noqa: ANN001
            with self.store.db.atomic():
                for _ in range(n):
                    self.serial += 1
                    letters = "".join(chr(97 + int(d)) for d in str(self.serial))
                    recorder.record(EnrollMember(
                        id=str(uuid.uuid4()), first_name=f"Hors{letters}", last_name="Ligne",
                        building_id=building_id(b), flat_id=flat_id(b, 1), phone=f"+33612{self.serial:06d}"))
        self.store.db.run(enroll_all)
        assert self.engine is not None
        t0 = time.perf_counter()
        report = self.engine.run_once(force=True)
        elapsed = time.perf_counter() - t0
        if not (report.ok and report.pushed == n):
            raise RuntimeError(f"push under load failed: {report}")
        return elapsed

    def close(self) -> None:
        if self.engine:
            self.engine.client.close()
        self.store.close()


def run(args: argparse.Namespace) -> list[dict[str, object]]:
    results: list[dict[str, object]] = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    with temporary_database("postgres", tmp) as url:
        migrate(url)
        engine = make_engine(url)
        office = Office(engine)
        t0 = time.perf_counter()
        seed_places(office, args.kiosks + 1)
        office.put("partner", {"id": PARTNER, "name": "Épicerie 0", "category": "food", "hours": {}})
        print(f"seeded {args.kiosks + 1} buildings in {time.perf_counter() - t0:.1f} s", flush=True)
        t0 = time.perf_counter()
        kiosks = provision_fleet(office, args.kiosks)
        print(f"provisioned {len(kiosks)} kiosks in {time.perf_counter() - t0:.1f} s", flush=True)
        server = ServerProcess(url, 2)
        try:
            t0 = time.perf_counter()
            pusher = Pusher(tmp / "pusher", server, office, args.kiosks + 1)  # over HTTP, with its proof
            collect_etags(server, kiosks)
            print(f"real kiosk enrolled, {len(kiosks)} ETags collected in {time.perf_counter() - t0:.1f} s",
                  flush=True)
        finally:
            server.stop()
        try:
            for n, workers in enumerate(args.workers):
                before = None
                if args.compare:
                    server = ServerProcess(url, workers, etag=False)
                    try:
                        pull_load(server.url, kiosks, args.clients, 1.0)  # warm every process's pool
                        before = pull_load(server.url, kiosks, args.clients, args.seconds)
                    finally:
                        server.stop()
                server = ServerProcess(url, workers, etag=args.etag)
                try:
                    pusher.attach(server.url)
                    pull_load(server.url, kiosks, args.clients, 1.0)  # warm every process's pool
                    push_times: list[float] = []

                    def pushing() -> None:
                        time.sleep(args.seconds * 0.2)
                        try:
                            push_times.append(pusher.push(args.enrollments))
                        except RuntimeError as exc:  # counted as an error, the run goes on
                            print(exc, flush=True)
                            push_times.append(float("nan"))
                    th = threading.Thread(target=pushing)
                    th.start()
                    load = pull_load(server.url, kiosks, args.clients, args.seconds)
                    th.join()
                    loadavg = os.getloadavg()[0]
                    edit_s, edit_errors, edit_cores = office_edit(server.url, kiosks, office, f"Épicerie {n + 1}")
                    if args.etag:
                        collect_etags(server, kiosks)  # the edit moved every cursor: new ETags
                    soak = None
                    if workers == args.soak_workers and args.soak_s > 0:
                        soak = pull_load(server.url, kiosks, args.clients, args.soak_s)
                    results.append({"workers": workers, "load": load, "push_s": push_times[0],
                                    "edit_s": edit_s, "edit_errors": edit_errors, "edit_cores": edit_cores, "soak": soak,
                                    "loadavg": loadavg, "before": before,
                                    "soak_loadavg": os.getloadavg()[0] if soak else None})
                    print(row(results[-1], args), flush=True)
                finally:
                    server.stop()
        finally:
            pusher.close()
            engine.dispose()
    return results


HEADER = ("| processes | no-change pulls/s | p50 ms | p99 ms | errors | load generator, cores | "
          "push of {e} enrollments under load, s | office edit on all {k} kiosks, s | soak | load avg | "
          "before (no ETag, no device cache, h11 + asyncio): pulls/s, p50 / p99 ms, errors | after / before |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|")


def row(r: dict[str, object], args: argparse.Namespace) -> str:
    load = r["load"]
    soak = r["soak"]
    before = r["before"]
    assert isinstance(load, Load)
    soak_text = (f"{soak.seconds:.0f} s, {soak.rate:.0f}/s, p99 {soak.pct(0.99):.1f} ms, {soak.errors} errors, "
                 f"load {r['soak_loadavg']:.1f}" if isinstance(soak, Load) else "-")
    before_text, ratio = "-", "-"
    if isinstance(before, Load):
        before_text = (f"{before.rate:.0f}, {before.pct(0.5):.1f} / {before.pct(0.99):.1f}, {before.errors}")
        ratio = f"{load.rate / before.rate:.2f}x" if before.rate else "-"
    share = f" ({load.not_modified * 100 // max(1, load.pulls)} % 304)" if load.not_modified >= 0 else ""
    return (f"| {r['workers']} | {load.rate:.0f}{share} | {load.pct(0.5):.1f} | {load.pct(0.99):.1f} | "
            f"{load.errors} | {load.generator_cores:.2f} | {r['push_s']:.2f} | "
            f"{r['edit_s']:.2f} ({r['edit_errors']} errors), generator {r['edit_cores']:.2f} cores | {soak_text} | {r['loadavg']:.1f} | "
            f"{before_text} | {ratio} |")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kiosks", type=int, default=1000)
    ap.add_argument("--workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2, 4])
    ap.add_argument("--seconds", type=float, default=10.0, help="no-change pull phase per process count")
    ap.add_argument("--clients", type=int, default=64, help="concurrent keep-alive connections")
    ap.add_argument("--enrollments", type=int, default=200)
    ap.add_argument("--soak-s", type=float, default=600.0)
    ap.add_argument("--soak-workers", type=int, default=2)
    ap.add_argument("--generator", choices=["auto", "wrk", "python"], default="auto",
                    help="no-change load from wrk (auto: when installed) or asyncio + httpx")
    ap.add_argument("--no-compare", dest="compare", action="store_false",
                    help="skip the run with the ETag and the device cache off")
    ap.add_argument("--no-etag", dest="etag", action="store_false",
                    help="every phase with the ETag and the device cache off (the code before)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    global GENERATOR
    GENERATOR = "wrk" if args.generator == "wrk" or (args.generator == "auto" and shutil.which("wrk")) else "python"
    print(f"load generator: {GENERATOR}", flush=True)
    if reason := postgres_unreachable_reason():
        print(f"PostgreSQL unreachable: {reason}")
        return 1
    print(f"load average before: {open('/proc/loadavg').read().strip()} on {os.cpu_count()} CPUs", flush=True)
    results = run(args)
    print()
    print(HEADER.format(e=args.enrollments, k=args.kiosks))
    for r in results:
        print(row(r, args))
    print(f"load average after: {open('/proc/loadavg').read().strip()}")
    bad = sum(r["push_s"] != r["push_s"] for r in results)  # NaN: the push failed
    bad += sum(r["load"].errors + r["edit_errors"] + (r["soak"].errors if r["soak"] else 0)  # type: ignore[union-attr]
               + (r["before"].errors if r["before"] else 0) for r in results)  # type: ignore[union-attr]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
