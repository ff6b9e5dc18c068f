"""An office edit reaches a waiting kiosk without its periodic sync (GET /v1/sync/wait).

The kiosks here never run their periodic cycle: only the watcher (kiosk/sync/watcher.py)
can bring the change, so each test waits on the kiosk's database reaching the new state.
The second test runs two server processes' apps on one database: the kiosk waits on one,
the office writes through the other (PostgreSQL: NOTIFY; SQLite: the waiter's re-read).
"""

from __future__ import annotations

import threading
import time
import uuid

import httpx

from central.app import create_app
from central.demo import building_id
from central.testing import TEST_SETTINGS, LiveServer
from central_fixtures import enroll_over_http
from kiosk.sync.watcher import ChangeWatcher

B1 = building_id(1)


def _until(condition, timeout_s: float = 30.0) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_an_office_edit_reaches_a_waiting_kiosk_at_once(kiosk, office):  # noqa: ANN001
    k = kiosk("lobby", B1)
    pid = str(uuid.uuid4())
    watcher = ChangeWatcher(k.engine, timeout_s=3).start()
    try:
        office.put("partner", {"id": pid, "name": "Boulangerie du Marché", "category": "food", "hours": {}})
        assert _until(lambda: k.store.repos.partners.get(pid) is not None), "the partner never reached the kiosk"
        assert k.store.repos.partners.get(pid).name == "Boulangerie du Marché"
        assert _until(lambda: watcher.woken >= 1)  # counted once its cycle (health report too) ends
        office.put("partner", {"id": pid, "name": "Boulangerie du Marché (fermée lundi)", "category": "food",
                               "hours": {}})
        assert _until(lambda: k.store.repos.partners.get(pid).name.endswith("(fermée lundi)"))
    finally:
        watcher.stop(join_s=10)


def test_a_wait_on_one_process_is_woken_by_a_write_on_another(central_url, office):  # noqa: ANN001
    other = create_app(central_url, TEST_SETTINGS)  # a second process's app: its own engine and signal
    server = LiveServer(other).start()
    try:
        with httpx.Client(base_url=server.url, timeout=40) as c:
            _, h = enroll_over_http(c, office, B1)
            cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
            quiet = c.get("/v1/sync/wait", headers=h, params={"cursor": cursor, "timeout": 0.5}).json()
            assert quiet == {"changed": False}
            answer: dict = {}
            waiting = threading.Thread(target=lambda: answer.update(c.get(
                "/v1/sync/wait", headers=h, params={"cursor": cursor, "timeout": 30}).json()))
            waiting.start()
            office.put("partner", {"id": str(uuid.uuid4()), "name": "Cordonnerie", "category": "artisan",
                                   "hours": {}})  # through the first app's engine
            waiting.join(timeout=40)
            assert answer == {"changed": True}
            pulled = c.get("/v1/sync/pull", headers=h, params={"cursor": cursor}).json()
            assert "Cordonnerie" in str(pulled["changes"])
    finally:
        server.stop()
