"""Hole 4 of issue 11: knowing a kiosk's device id was enough to stop it syncing.

The per-device rate limit was charged before the secret was checked, so a flood of wrong
secrets for kiosk B's id got the real B 429s. Now the secret is checked first, only
authenticated requests spend the device's bucket, and refused credentials are limited
per client address (401, then 429 with Retry-After). The flood and B's sync go to a real
server on 127.0.0.1 from the same address, so an address-wide block would also fail it.
"""

from __future__ import annotations

import httpx

from central.app import create_app
from central.demo import building_id
from central.settings import ServerSettings
from central.testing import LiveServer
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

B1 = building_id(1)
# Tight enough that the old order would starve B after a few wrong secrets.
FLOOD_SETTINGS = ServerSettings(device_rate_per_s=0.5, device_burst=5, public_rate_per_s=0,
                                auth_failure_rate_per_s=0.01, auth_failure_burst=10)


def test_a_flood_of_wrong_secrets_for_bs_id_leaves_b_syncing(central_url, office, make_store):  # noqa: ANN001
    app = create_app(central_url, FLOOD_SETTINGS)
    server = LiveServer(app).start()
    store = make_store("b")
    try:
        provision(store, server.url, office.create_enrollment_token(B1), name="b")
        b_id = store.repos.kv.get("sync.device_id")
        with httpx.Client(base_url=server.url) as attacker:
            answers = [attacker.get("/v1/sync/snapshot", headers={"Authorization": f"Bearer {b_id}.wrong-{i}"})
                       for i in range(40)]
        statuses = [r.status_code for r in answers]
        assert statuses[:10] == [401] * 10 and set(statuses[10:]) == {429}, statuses
        assert answers[0].json() == {"code": "unauthenticated", "message": "unknown device or wrong secret"}
        assert answers[-1].json()["code"] == "rate_limited" and int(answers[-1].headers["Retry-After"]) >= 1
        engine = SyncEngine.for_store(store, base_delay_s=0.0)
        try:
            report = engine.run_once(force=True)
        finally:
            engine.client.close()
        assert report.ok and report.snapshot, report
    finally:
        server.stop()
        app.state.engine.dispose()


def test_a_missing_or_malformed_credential_counts_as_a_refusal(central_url):  # noqa: ANN001
    app = create_app(central_url, FLOOD_SETTINGS)
    server = LiveServer(app).start()
    try:
        with httpx.Client(base_url=server.url) as c:
            headers = [{}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer nodot"}]
            answers = [c.get("/v1/sync/snapshot", headers=headers[i % 3]) for i in range(12)]
        assert [r.status_code for r in answers] == [401] * 10 + [429] * 2
        assert answers[0].json() == {"code": "unauthenticated", "message": "device credential required"}
    finally:
        server.stop()
        app.state.engine.dispose()
