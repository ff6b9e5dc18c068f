"""Several server processes on one database count and decide together.

What a process would otherwise keep for itself: the rate-limit buckets (shared in the
database with ``shared_rate_limits``, which ``central serve --workers N`` turns on). What
was shared already and must stay so when one kiosk's retries land on another process:
exactly-once pushes (processed mutations are rows). The admin's sessions and per-account
lockout across processes: test_server_admin_security.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from central.app import create_app
from central.db import make_engine
from central.demo import building_id, flat_id, seed
from central.office import Office
from central.settings import ServerSettings
from central.testing import TEST_SETTINGS, free_port, temporary_database
from central_fixtures import enroll_over_http
from test_server_scope import enroll_device

B1 = building_id(1)
LIMITED = ServerSettings(device_rate_per_s=0.01, device_burst=4, public_rate_per_s=0, shared_rate_limits=True)


def _apps(central_url: str, settings: ServerSettings):  # noqa: ANN202
    return create_app(central_url, settings), create_app(central_url, settings)


def test_a_kiosk_spreading_its_requests_over_two_processes_gets_its_burst_once(central_url, office):  # noqa: ANN001
    a, b = _apps(central_url, LIMITED)
    try:
        with TestClient(a) as ca, TestClient(b) as cb:
            _, h = enroll_device(ca, office, B1)
            codes = [(ca if i % 2 == 0 else cb).get("/v1/sync/snapshot", headers=h).status_code
                     for i in range(8)]
            assert codes == [200] * 4 + [429] * 4  # per-process buckets would let 8 through
            limited = cb.get("/v1/sync/snapshot", headers=h)
            assert limited.json()["code"] == "rate_limited" and int(limited.headers["Retry-After"]) >= 1
            # another kiosk has its own bucket, on either process
            _, h2 = enroll_device(cb, office, B1)
            assert ca.get("/v1/sync/snapshot", headers=h2).status_code == 200
    finally:
        a.state.engine.dispose()
        b.state.engine.dispose()


def test_a_push_retried_on_another_process_is_applied_once(central_url, office):  # noqa: ANN001
    a, b = _apps(central_url, TEST_SETTINGS)
    try:
        with TestClient(a) as ca, TestClient(b) as cb:
            _, h = enroll_device(ca, office, B1)
            cursor = ca.get("/v1/sync/snapshot", headers=h).json()["cursor"]
            member_id = str(uuid.uuid4())
            body = {"mutations": [{"seq": 1, "client_id": str(uuid.uuid4()), "mutation": "enroll_member",
                                   "payload": {"id": member_id, "first_name": "Nadia", "last_name": "Benali",
                                               "building_id": B1, "flat_id": flat_id(1, 1), "phone": "", "email": "",
                                               "language": "fr", "status": "pending", "enrolled_by": "self",
                                               "consents": []}}]}
            first = ca.post("/v1/sync/push", headers=h, json=body)
            retried = cb.post("/v1/sync/push", headers=h, json=body)  # the answer was lost; the retry lands on B
            assert first.status_code == retried.status_code == 200, first.text + retried.text
            assert first.json()["results"] == retried.json()["results"]
            assert first.json()["results"][0]["status"] == "applied", first.text
            assert [m["id"] for m in office.members() if m["id"] == member_id] == [member_id]
            pulled_a = ca.get("/v1/sync/pull", headers=h, params={"cursor": cursor}).json()
            pulled_b = cb.get("/v1/sync/pull", headers=h, params={"cursor": cursor}).json()
            assert pulled_a == pulled_b  # one feed, whichever process answers
            assert member_id in str(pulled_a)
    finally:
        a.state.engine.dispose()
        b.state.engine.dispose()


def test_central_serve_with_two_workers_shares_the_buckets(backend: str, tmp_path: Path) -> None:
    with temporary_database(backend, tmp_path) as url:
        _serve_two_workers(url, tmp_path)


def _serve_two_workers(central_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = dict(os.environ, CENTRAL_DEVICE_RATE_PER_S="0.01", CENTRAL_DEVICE_BURST="4", CENTRAL_PUBLIC_RATE_PER_S="0")
    exe = Path(sys.executable).with_name("central")
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([str(exe), "--database-url", central_url, "serve", "--port", str(port), "--workers", "2"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        workers: list[str] = []
        while time.monotonic() < deadline:
            workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
            try:
                if len(workers) >= 2 and httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        assert len(workers) >= 2, (tmp_path / "serve.log").read_text()
        engine = make_engine(central_url)  # migrated by `serve`
        office = Office(engine)
        seed(office, buildings=1, flats_per_building=2, partners=1)
        with httpx.Client(base_url=url) as c:
            _, h = enroll_over_http(c, office, B1)
        engine.dispose()
        # A new connection each time: the kernel hands them to either worker.
        codes = [httpx.get(url + "/v1/sync/snapshot", headers=h, timeout=10).status_code
                 for _ in range(8)]
        assert codes == [200] * 4 + [429] * 4, codes
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
