"""The protocol's edges: tokens, exactly-once and ordering, cursors, 426/413/429, the CLI."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient

from central.app import create_app
from central.cli import main as central_main
from central.demo import building_id, flat_id
from central.settings import ServerSettings
from central_fixtures import enrollment_body
from kiosk.domain.cards import CardSigner
from test_server_scope import enroll_device

B1 = building_id(1)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    with TestClient(app) as c:
        yield c


def mutation(seq: int, payload: dict, name: str = "enroll_member", client_id: str | None = None) -> dict:
    return {"seq": seq, "client_id": client_id or str(uuid.uuid4()), "mutation": name, "payload": payload}


def member(n: int) -> dict:
    return {"id": str(uuid.uuid4()), "first_name": f"Nom{chr(65 + n)}", "last_name": "Test", "building_id": B1,
            "flat_id": flat_id(1, n + 1)}


def test_enrollment_token_is_single_use_and_expires(client, office):  # noqa: ANN001
    token = office.create_enrollment_token(B1)
    assert client.post("/v1/devices/enroll", json=enrollment_body(client, token, CardSigner.generate())).status_code == 200
    again = client.post("/v1/devices/enroll", json=enrollment_body(client, token, CardSigner.generate()))
    assert again.status_code == 400 and again.json()["code"] == "token_used"
    old = office.create_enrollment_token(B1, ttl=timedelta(seconds=-1))
    late = client.post("/v1/devices/enroll", json=enrollment_body(client, old, CardSigner.generate()))
    assert late.status_code == 400 and late.json()["code"] == "token_expired"
    nope = client.post("/v1/devices/enroll", json=enrollment_body(client, "ck-nope-nope", CardSigner.generate()))
    assert nope.status_code == 400 and nope.json()["code"] == "token_unknown"


def test_push_is_exactly_once_in_order_and_stops_at_a_gap(client, office):  # noqa: ANN001
    _, h = enroll_device(client, office, B1)
    m1 = mutation(1, member(1))
    first = client.post("/v1/sync/push", headers=h, json={"mutations": [m1]}).json()
    again = client.post("/v1/sync/push", headers=h, json={"mutations": [m1]}).json()
    assert first["results"] == again["results"] and first["results"][0]["status"] == "applied"
    # a reused seq with another client id is refused, never applied twice
    other = client.post("/v1/sync/push", headers=h, json={"mutations": [mutation(1, member(2))]}).json()
    assert other["results"][0]["code"] == "seq_reused"
    # a gap stops the push in order; nothing after it is applied
    gap = client.post("/v1/sync/push", headers=h, json={"mutations": [mutation(3, member(3))]}).json()
    assert gap["stopped"] and gap["retry_code"] == "seq_gap" and gap["results"] == [] and gap["last_seq"] == 1
    # unknown mutations and bad payloads are rejected with a code (final), and take their seq
    res = client.post("/v1/sync/push", headers=h, json={"mutations": [
        mutation(2, {}, name="launch_rockets"), mutation(3, {"id": "x"}), mutation(4, member(4))]}).json()
    assert [(r["status"], r["code"]) for r in res["results"]] == [
        ("rejected", "unknown_mutation"), ("rejected", "invalid_payload"), ("applied", "")]
    assert len(office.members()) == 2


def test_bad_cursor_is_400_and_missing_cursor_asks_for_a_snapshot(client, office):  # noqa: ANN001
    _, h = enroll_device(client, office, B1)
    r = client.get("/v1/sync/pull", headers=h, params={"cursor": "%%%not-base64"})
    assert r.status_code == 400 and r.json() == {"code": "bad_cursor", "message": "malformed cursor"}
    assert client.get("/v1/sync/pull", headers=h).status_code == 410


def test_pull_pages_never_repeat_or_skip(app, office):  # noqa: ANN001
    small = create_app(str(app.state.engine.url.render_as_string(hide_password=False)),
                       ServerSettings(device_rate_per_s=0, public_rate_per_s=0, page_limit=7))
    with TestClient(small) as c:
        _, h = enroll_device(c, office, B1)
        cursor = c.get("/v1/sync/snapshot", headers=h).json()["cursor"]
        for i in range(30):
            office.put("partner", {"id": f"p{i}", "name": f"P{i}", "category": "food", "hours": {}})
        seen, pages = [], 0
        while True:
            page = c.get("/v1/sync/pull", headers=h, params={"cursor": cursor}).json()
            seen += [ch["id"] for ch in page["changes"] if ch["entity"] == "partner"]
            cursor, pages = page["cursor"], pages + 1
            if not page["more"]:
                break
        assert seen == [f"p{i}" for i in range(30)] and pages >= 5
    small.state.engine.dispose()


def test_old_client_gets_426_and_big_body_413(central_url):  # noqa: ANN001
    app = create_app(central_url, ServerSettings(min_client_version="9.0", max_body_bytes=2000))
    with TestClient(app) as c:
        r = c.get("/v1/sync/snapshot", headers={"Authorization": "Bearer a.b", "X-Client-Version": "0.1.0"})
        assert r.status_code == 401  # credential is checked first
        r = c.post("/v1/devices/enroll", json=enrollment_body(c, "ck-12345678", CardSigner.generate(),
                                                              client_version="0.1.0"))
        assert r.status_code == 426 and r.json()["code"] == "upgrade_required"
        r = c.post("/v1/sync/push", content=b"{" + b" " * 5000 + b"}", headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and r.json() == {"code": "too_large", "message": "request body too large"}
    app.state.engine.dispose()


def test_a_flooding_kiosk_gets_429_with_its_own_credential(central_url, office):  # noqa: ANN001
    app = create_app(central_url, ServerSettings(device_rate_per_s=1, device_burst=2))
    with TestClient(app) as c:
        _, h = enroll_device(c, office, B1)
        codes = [c.get("/v1/sync/snapshot", headers=h).status_code for _ in range(5)]
        assert codes[:2] == [200, 200] and 429 in codes
        limited = c.get("/v1/sync/snapshot", headers=h)
        assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
        assert limited.json()["code"] == "rate_limited"
    app.state.engine.dispose()


def test_central_cli_migrates_seeds_and_makes_tokens(tmp_path, capsys, backend):  # noqa: ANN001
    from central.testing import temporary_database
    with temporary_database(backend, tmp_path) as url:  # an empty database: Alembic creates the schema
        assert central_main(["--database-url", url, "migrate"]) == 0
        assert central_main(["--database-url", url, "seed-demo"]) == 0
        assert central_main(["--database-url", url, "create-enrollment-token", "--building", B1]) == 0
        token = capsys.readouterr().out.strip().splitlines()[-1]
        assert token.startswith("ck-")
        assert central_main(["--database-url", url, "create-enrollment-token", "--building", "nope"]) == 1


def test_openapi_is_served(client):  # noqa: ANN001
    spec = client.get("/openapi.json").json()
    assert {"/v1/sync/push", "/v1/sync/pull", "/v1/sync/snapshot", "/v1/devices/enroll"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_retryable_transport_errors_map_to_typed_errors() -> None:
    from kiosk.sync.client import Gone, Retryable, SyncClient, WipeOrdered

    def handler(request: httpx.Request) -> httpx.Response:
        return {"/v1/sync/snapshot": httpx.Response(503, headers={"Retry-After": "42"}),
                "/v1/sync/pull": httpx.Response(410, json={"code": "cursor_expired"}),
                "/v1/sync/push": httpx.Response(403, json={"code": "wipe", "message": "erase"})}[request.url.path]
    c = SyncClient("http://x", transport=httpx.MockTransport(handler))
    with pytest.raises(Retryable) as exc:
        c.snapshot()
    assert exc.value.retry_after == 42
    with pytest.raises(Gone):
        c.pull("abc")
    with pytest.raises(WipeOrdered):
        c.push([])


def test_the_client_reads_the_error_body_and_survives_a_page_that_is_not_one() -> None:
    from kiosk.sync.client import ProtocolError, Retryable, SyncClient, Unauthorized

    def handler(request: httpx.Request) -> httpx.Response:
        return {"/v1/sync/snapshot": httpx.Response(401, json={"code": "revoked", "message": "withdrawn"}),
                "/v1/sync/pull": httpx.Response(502, text="<html>proxy error</html>"),
                "/v1/sync/push": httpx.Response(422, json={"code": "invalid_request",
                                                           "message": "body.mutations.0.seq: too big"})}[request.url.path]
    c = SyncClient("http://x", transport=httpx.MockTransport(handler))
    with pytest.raises(Unauthorized) as unauthorized:
        c.snapshot()
    assert unauthorized.value.server_code == "revoked" and "withdrawn" in str(unauthorized.value)
    with pytest.raises(Retryable) as bad_gateway:
        c.pull("abc")
    assert bad_gateway.value.server_code == "" and "502" in str(bad_gateway.value)
    with pytest.raises(ProtocolError) as invalid:
        c.push([])
    assert invalid.value.server_code == "invalid_request"
