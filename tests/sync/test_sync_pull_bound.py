"""Pulls are computed a few at a time per process (``pull_concurrency``); a push does not
queue behind them.

Through the real server on 127.0.0.1: every pull slot of the server's event loop is taken
(as a flood of 64 kiosks' pulls would), a kiosk's pull then waits, and meanwhile another
kiosk's push of an offline enrollment is applied and answered. Once the slots are free the
waiting pull answers too. No sleeps: the waiting pull cannot answer while the slots are
held, whatever the timing.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from concurrent.futures import Future, ThreadPoolExecutor

import httpx

from central.demo import building_id, flat_id
from central_fixtures import enroll_over_http


def _on_loop(loop: asyncio.AbstractEventLoop, fn) -> None:  # noqa: ANN001
    """Run ``fn`` in the server's event loop thread and wait for it."""
    done = threading.Event()
    errors: list[BaseException] = []

    def call() -> None:
        try:
            fn()
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            done.set()

    loop.call_soon_threadsafe(call)
    assert done.wait(10)
    if errors:
        raise errors[0]


def test_a_push_is_answered_while_every_pull_slot_is_taken(live_server, office) -> None:  # noqa: ANN001
    app = live_server.app
    with httpx.Client(base_url=live_server.url, timeout=20) as c, ThreadPoolExecutor(2) as pool:
        _, puller = enroll_over_http(c, office, building_id(1))
        _, pusher = enroll_over_http(c, office, building_id(1))
        cursor = c.get("/v1/sync/snapshot", headers=puller).json()["cursor"]
        assert c.get("/v1/sync/pull", headers=puller, params={"cursor": cursor}).status_code == 200

        [(loop, limiter)] = list(app.state.pull_limiters.items())   # made by that first pull
        assert limiter.total_tokens == app.state.settings.pull_concurrency
        holders = [object() for _ in range(int(limiter.total_tokens))]
        _on_loop(loop, lambda: [limiter.acquire_on_behalf_of_nowait(h) for h in holders])
        try:
            waiting: Future = pool.submit(lambda: httpx.get(f"{live_server.url}/v1/sync/pull", headers=puller,
                                                            params={"cursor": cursor}, timeout=30))
            mid = str(uuid.uuid4())
            m = {"seq": 1, "client_id": str(uuid.uuid4()), "mutation": "enroll_member",
                 "payload": {"id": mid, "first_name": "Awa", "last_name": "Traoré",
                             "building_id": building_id(1), "flat_id": flat_id(1, 3)}}
            r = c.post("/v1/sync/push", headers=pusher, json={"mutations": [m]})
            assert r.status_code == 200, r.text
            assert [a["status"] for a in r.json()["results"]] == ["applied"]
            assert not waiting.done()           # it holds no slot: it cannot have answered
        finally:
            _on_loop(loop, lambda: [limiter.release_on_behalf_of(h) for h in holders])
        answer = waiting.result(timeout=30)
        assert answer.status_code == 200
        assert mid in [ch["id"] for ch in answer.json()["changes"]]   # and it sees the enrollment
