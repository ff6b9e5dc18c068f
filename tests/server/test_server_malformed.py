"""Hole 5 of issue 11 (transport level): malformed requests got 500, and error bodies were
not the documented one. Each case below, on SQLite and PostgreSQL, must get a clean 4xx
whose body is exactly :class:`kiosk.protocol.wire.ErrorBody`, and leave nothing behind."""

from __future__ import annotations

import base64
import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from central import db
from central.demo import building_id, flat_id
from kiosk.protocol import wire
from test_server_scope import enroll_device

B1 = building_id(1)


@pytest.fixture
def client(app):  # noqa: ANN001, ANN201
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def error_of(r, status: int) -> wire.ErrorBody:  # noqa: ANN001
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"code", "message"}, body
    return wire.ErrorBody.model_validate(body)


def nothing_written(app, device_id: str) -> None:  # noqa: ANN001
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.processed_mutations)).scalar_one() == 0
        assert conn.execute(select(db.devices.c.last_seq).where(db.devices.c.id == device_id)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(db.members)).scalar_one() == 0


def mutation(seq: object = 1, **payload_changes: object) -> dict:
    payload = {"id": str(uuid.uuid4()), "first_name": "Amina", "last_name": "Benali", "building_id": B1,
               "flat_id": flat_id(1, 1)} | payload_changes
    return {"seq": seq, "client_id": str(uuid.uuid4()), "mutation": "enroll_member", "payload": payload}


@pytest.mark.parametrize("value", ["١٢", "1" * 30, "-3", "12 ", "0x10"])
def test_a_bad_pending_count_header_is_422(client, office, app, value):  # noqa: ANN001
    body, h = enroll_device(client, office, B1)
    err = error_of(client.get("/v1/sync/snapshot", headers=h | {"X-Pending-Count": value.encode()}), 422)
    assert err.code == "invalid_request" and "x-pending-count" in err.message
    nothing_written(app, body["device_id"])


def test_a_long_client_version_is_422_on_sync_and_on_enrollment(client, office, app):  # noqa: ANN001
    body, h = enroll_device(client, office, B1)
    err = error_of(client.get("/v1/sync/snapshot", headers=h | {"X-Client-Version": "1." * 30}), 422)
    assert err.code == "invalid_request" and "x-client-version" in err.message
    r = client.post("/v1/devices/enroll", json={"token": "ck-" + "a" * 20, "public_key": "00" * 32,
                                                "nonce": "n" * 43, "proof": "00" * 64, "client_version": "9" * 41})
    assert error_of(r, 422).code == "invalid_request"
    nothing_written(app, body["device_id"])


@pytest.mark.parametrize("raw_seq", ["1e400", "-1e400", "NaN", "1.5", str(2**60), "true", "0"])
def test_an_impossible_seq_is_422_and_nothing_is_applied(client, office, app, raw_seq):  # noqa: ANN001
    body, h = enroll_device(client, office, B1)
    text = json.dumps({"mutations": [mutation(seq=12345)]}).replace("12345", raw_seq)
    r = client.post("/v1/sync/push", headers=h | {"Content-Type": "application/json"}, content=text)
    err = error_of(r, 422)
    assert err.code == "invalid_mutation_header" and err.message.startswith("mutations[0]: ")
    nothing_written(app, body["device_id"])


@pytest.mark.parametrize("versions", ['{"catalog":1e400}', '{"catalog":-1}', '{"catalog":1.5}',
                                      '{"catalog":true}', '{"catalog":99999999999999999999999}', '[1]'])
def test_a_cursor_holding_an_impossible_version_is_400(client, office, app, versions):  # noqa: ANN001
    body, h = enroll_device(client, office, B1)
    raw = '{"d":"%s","e":1,"s":%s}' % (body["device_id"], versions)
    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    err = error_of(client.get("/v1/sync/pull", headers=h, params={"cursor": cursor}), 400)
    assert err == wire.ErrorBody(code="bad_cursor", message="malformed cursor")


def test_nul_characters_are_refused_everywhere(client, office, app):  # noqa: ANN001
    body, h = enroll_device(client, office, B1)
    # in a payload: that mutation is rejected with a code (final), not a 500 on PostgreSQL
    r = client.post("/v1/sync/push", headers=h, json={"mutations": [mutation(first_name="Am\u0000ina")]})
    assert r.status_code == 200, r.text
    [result] = r.json()["results"]
    assert (result["status"], result["code"]) == ("rejected", "invalid_payload")
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.members)).scalar_one() == 0
    # in the envelope: the whole request is refused before anything runs
    bad = mutation(seq=2) | {"client_id": "x\u0000y"}
    assert error_of(client.post("/v1/sync/push", headers=h, json={"mutations": [bad]}), 422).code == \
        "invalid_mutation_header"
    r = client.post("/v1/devices/enroll", json={"token": "ck-" + "a" * 20, "public_key": "00" * 32,
                                                "nonce": "n" * 43, "proof": "00" * 64, "name": "hall\u0000"})
    err = error_of(r, 422)
    assert "NUL" in err.message and "\u0000" not in err.message


def test_broken_json_and_unknown_routes_get_the_documented_body(client, office):  # noqa: ANN001
    _, h = enroll_device(client, office, B1)
    r = client.post("/v1/sync/push", headers=h | {"Content-Type": "application/json"}, content=b'{"mutations": [')
    assert error_of(r, 422).code == "invalid_request"
    assert error_of(client.get("/v1/nowhere"), 404).code == "not_found"
    assert error_of(client.delete("/v1/sync/push"), 405).code == "method_not_allowed"
    assert error_of(client.get("/v1/sync/snapshot"), 401).code == "unauthenticated"


def test_the_openapi_documents_the_error_body_on_every_sync_operation(client):  # noqa: ANN001
    spec = client.get("/openapi.json").json()
    ref = "#/components/schemas/ErrorBody"
    for path in ("/v1/devices/nonce", "/v1/devices/enroll", "/v1/sync/push", "/v1/sync/pull", "/v1/sync/snapshot"):
        [op] = spec["paths"][path].values()
        for status in ("422", "429"):
            assert op["responses"][status]["content"]["application/json"]["schema"]["$ref"] == ref, (path, status)
    assert set(spec["components"]["schemas"]["ErrorBody"]["properties"]) == {"code", "message"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_an_unexpected_failure_is_a_500_with_the_same_body(app, office, monkeypatch):  # noqa: ANN001
    from central import sync_api

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(sync_api, "scopes_of", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        _, h = enroll_device(c, office, B1)
        err = error_of(c.get("/v1/sync/snapshot", headers=h), 500)
    assert err == wire.ErrorBody(code="internal_error", message="the server failed; retry later")
