"""The engine against a fake server (httpx.MockTransport) and a fake clock: backoff doubles
with jitter, honours Retry-After, skips early calls; status is what the UI shows."""

from __future__ import annotations

import httpx

from kiosk.sync.client import SyncClient
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import KV_DEVICE, SECRET_NAME


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_backoff_doubles_with_jitter_honours_retry_after_and_resets_on_success(make_store):  # noqa: ANN001
    store = make_store("unit")
    store.repos.kv.set(KV_DEVICE, "dev-1")
    store.keystore.put(SECRET_NAME, "secret")
    answers: list[httpx.Response] = []
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answers.pop(0)

    clock = Clock()
    client = SyncClient("http://central.test", transport=httpx.MockTransport(handler),
                        credential=lambda: ("dev-1", "secret"))
    engine = SyncEngine(store, client, clock=clock, rng=lambda: 0.0, base_delay_s=5, max_delay_s=40)
    assert engine.status().state == "never"

    answers[:] = [httpx.Response(503)]
    assert engine.run_once().error == "sync.unreachable"
    assert engine.status().next_attempt_in_s == 2.5           # 5 s × (0.5 + 0 jitter)
    assert engine.run_once().skipped and len(seen) == 1       # too early: no request
    clock.t += 2.5
    answers[:] = [httpx.Response(503)]
    engine.run_once()
    assert engine.status().next_attempt_in_s == 5.0           # doubled
    clock.t += 5
    answers[:] = [httpx.Response(429, headers={"Retry-After": "120"}, json={"code": "rate_limited", "message": "slow down"})]
    engine.run_once()
    assert engine.status().next_attempt_in_s == 120.0         # the server's Retry-After wins
    clock.t += 120
    for _ in range(4):
        answers[:] = [httpx.Response(500)]
        engine.run_once(force=True)
    assert engine.status().next_attempt_in_s == 20.0          # capped: 40 s × 0.5
    assert seen[0].headers["authorization"] == "Bearer dev-1.secret"

    snapshot = {"cursor": "c1", "scopes": ["catalog"], "items": [
        {"scope": "catalog", "entity": "partner", "id": "p1", "data": {
            "id": "p1", "name": "Boulangerie", "category": "food", "address": "", "lat": 48.9, "lon": 2.3,
            "phone": "", "website": "", "description": "", "hours": {}, "active": True}}]}
    answers[:] = [httpx.Response(200, json=snapshot)]
    report = engine.run_once(force=True)
    assert report.ok and report.snapshot and store.repos.partners.count() == 1
    status = engine.status()
    assert (status.state, status.online, status.last_error, status.next_attempt_in_s) == ("online", True, "", 0.0)
    assert status.last_success
    answers[:] = [httpx.Response(410, json={"code": "cursor_expired"}),
                  httpx.Response(200, json=snapshot | {"cursor": "c2", "items": []})]
    report = engine.run_once()
    assert report.ok and report.snapshot and store.repos.partners.count() == 0  # the snapshot replaces
    client.close()
