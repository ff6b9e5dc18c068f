"""A "nothing new" pull costs almost nothing: ETag / If-None-Match on GET /v1/sync/pull,
and the authenticated device cached per process (central/device_cache.py).

Through the real server on 127.0.0.1 (SQLite and PostgreSQL): 304 while nothing changed
in the device's scopes; an office edit in its scope (catalog or its building) gives 200
with the change; an edit in another building still 304 and never reaches it; a revoked
device is refused on its very next request although its credential was just cached, also
by another process's app; the real kiosk (SyncEngine) sends the ETag and treats 304 as
nothing new.
"""

from __future__ import annotations

import uuid

import httpx

from central.app import create_app
from central.demo import building_id, flat_id
from central.testing import TEST_SETTINGS, LiveServer
from central_fixtures import enroll_over_http

B1, B2 = building_id(1), building_id(2)


def _partner(office, name: str) -> str:  # noqa: ANN001
    pid = str(uuid.uuid4())
    office.put("partner", {"id": pid, "name": name, "category": "food", "hours": {}})
    return pid


def _quiet(c: httpx.Client, h: dict, cursor: str) -> str:
    """Pull until nothing new; the ETag of that answer."""
    while True:
        r = c.get("/v1/sync/pull", headers=h, params={"cursor": cursor})
        assert r.status_code == 200, r.text
        body = r.json()
        if body["cursor"] == cursor and not body["changes"]:
            return r.headers["etag"]
        cursor = body["cursor"]


def test_nothing_new_is_304_and_an_edit_in_scope_is_200(live_server, office):  # noqa: ANN001
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        _, h = enroll_over_http(c, office, B1)
        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        tag = _quiet(c, h, cursor)
        again = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
        weak = c.get("/v1/sync/pull", headers=h | {"If-None-Match": f'"other", W/{tag}'}, params={"cursor": cursor})
        assert weak.status_code == 304
        assert c.get("/v1/sync/pull", headers=h | {"If-None-Match": "*"}, params={"cursor": cursor}).status_code == 200

        pid = _partner(office, "Fromagerie du Parc")  # catalog: every kiosk's scope
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 200 and r.headers["etag"] != tag
        assert [ch["id"] for ch in r.json()["changes"]] == [pid]
        cursor = r.json()["cursor"]

        tag = _quiet(c, h, cursor)
        mid = office.enroll_member({"first_name": "Awa", "last_name": "Sy", "building_id": B1,
                                    "flat_id": flat_id(1, 3)})  # its own building's scope
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 200
        assert mid in {ch["id"] for ch in r.json()["changes"]}


def test_an_edit_in_another_building_keeps_304_and_never_leaks(live_server, office):  # noqa: ANN001
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        _, h = enroll_over_http(c, office, B1)
        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        tag = _quiet(c, h, cursor)
        other = office.enroll_member({"first_name": "Jean", "last_name": "Voisin", "building_id": B2,
                                      "flat_id": flat_id(2, 1)})
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 304 and r.content == b""
        full = c.get("/v1/sync/pull", headers=h, params={"cursor": cursor})  # no ETag: the whole answer
        assert full.status_code == 200 and full.json()["changes"] == [] and other not in full.text
        assert full.headers["etag"] == tag


def test_a_scope_change_or_an_expired_cursor_defeats_the_304(live_server, office):  # noqa: ANN001
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        body, h = enroll_over_http(c, office, B1)
        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        tag = _quiet(c, h, cursor)
        office.set_device_buildings(body["device_id"], [B1, B2])
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 410 and r.json()["code"] == "scope_changed"

        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        tag = _quiet(c, h, cursor)
        pid = _partner(office, "Primeur")
        office.delete("partner", pid)
        from datetime import timedelta
        assert office.purge_tombstones(timedelta(0)) >= 1  # the catalog's horizon passes the cursor
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 410 and r.json()["code"] == "cursor_expired"


def test_a_revoked_device_is_refused_right_after_a_cached_success(live_server, office, app):  # noqa: ANN001
    with httpx.Client(base_url=live_server.url, timeout=20) as c:
        body, h = enroll_over_http(c, office, B1)
        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        tag = _quiet(c, h, cursor)
        hits = app.state.device_cache.hits
        assert c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor}).status_code == 304
        assert app.state.device_cache.hits > hits  # that success came from the cache
        office.revoke_device(body["device_id"], wipe=False)
        r = c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag}, params={"cursor": cursor})
        assert r.status_code == 401 and r.json()["code"] == "revoked"
        assert c.post("/v1/sync/push", headers=h, json={"mutations": []}).status_code == 401


def test_a_revocation_reaches_the_cache_of_another_process(central_url, live_server, office, backend):  # noqa: ANN001
    """A second app on the same database stands for a second ``serve --workers`` process.
    PostgreSQL: its listener drops the cache on NOTIFY club_devices. SQLite (several
    processes: shared_rate_limits): it has no cache at all."""
    import dataclasses
    settings = dataclasses.replace(TEST_SETTINGS, shared_rate_limits=backend == "sqlite")
    other_app = create_app(central_url, settings)
    other = LiveServer(other_app).start()
    try:
        with httpx.Client(base_url=other.url, timeout=20) as c:
            body, h = enroll_over_http(c, office, B1)
            cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
            cache = other_app.state.device_cache
            if backend == "postgres":
                assert _until(cache.ensure_listening if hasattr(cache, "ensure_listening")
                              else other_app.state.feed_signal.ensure_listening)
            tag = _quiet(c, h, cursor)
            assert c.get("/v1/sync/pull", headers=h | {"If-None-Match": tag},
                         params={"cursor": cursor}).status_code == 304
            generation = cache.generation
            office.revoke_device(body["device_id"], wipe=True)  # through the FIRST app's engine
            if backend == "postgres":
                assert cache.hits > 0
                assert _until(lambda: cache.generation > generation), "the notification never came"
            else:
                assert not cache.enabled
            r = c.get("/v1/sync/pull", headers=h, params={"cursor": cursor})
            assert r.status_code == 403 and r.json()["code"] == "wipe"
    finally:
        other.stop()
        other_app.state.feed_signal.close()
        other_app.state.engine.dispose()


def _until(condition, timeout_s: float = 20.0) -> bool:  # noqa: ANN001
    import time
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


def test_the_kiosk_sends_the_etag_and_takes_304_as_nothing_new(kiosk, office):  # noqa: ANN001
    k = kiosk("lobby", B1)
    assert k.engine.run_once(force=True).ok  # a 200 "nothing new": its ETag is kept
    before = k.engine.client.not_modified
    report = k.engine.run_once(force=True)
    assert report.ok and report.pulled == 0
    assert k.engine.client.not_modified == before + 1
    pid = _partner(office, "Librairie des Tilleuls")
    report = k.engine.run_once(force=True)
    assert report.ok and report.pulled >= 1
    assert k.store.repos.partners.get(pid).name == "Librairie des Tilleuls"
    assert k.engine.client.not_modified == before + 1
    assert k.engine.run_once(force=True).ok  # 200, nothing new at the new cursor
    assert k.engine.run_once(force=True).ok
    assert k.engine.client.not_modified == before + 2
    assert k.store.repos.partners.get(pid).name == "Librairie des Tilleuls"
