"""Kiosk A's credential can neither read nor write building B, on any endpoint.

Scopes come from the credential: whatever A puts in a payload or a cursor, it never
gets a row of building B and never changes one."""

from __future__ import annotations

import uuid

import httpx
import pytest

from central.demo import building_id, flat_id
from central.feed import Cursor
from central_fixtures import enroll_over_http

B1, B2 = building_id(1), building_id(2)


def enroll_device(client: httpx.Client, office, building: str) -> tuple[dict, dict]:  # noqa: ANN001
    return enroll_over_http(client, office, building)


def push(client: httpx.Client, headers: dict, seq: int, mutation: str, payload: dict) -> dict:
    r = client.post("/v1/sync/push", headers=headers, json={"mutations": [
        {"seq": seq, "client_id": str(uuid.uuid4()), "mutation": mutation, "payload": payload}]})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


@pytest.fixture
def client(live_server):  # noqa: ANN001, ANN201
    with httpx.Client(base_url=live_server.url) as c:
        yield c


def test_credential_of_building_a_cannot_read_or_write_building_b(client, office):  # noqa: ANN001
    a, ha = enroll_device(client, office, B1)
    b, hb = enroll_device(client, office, B2)
    # B's kiosk enrolls a member and issues a card in building 2
    member_b = str(uuid.uuid4())
    assert push(client, hb, 1, "enroll_member", {"id": member_b, "first_name": "Jean", "last_name": "Dupont",
                                                 "building_id": B2, "flat_id": flat_id(2, 1)})["status"] == "applied"
    assert push(client, hb, 2, "issue_card", {"issuer_key_id": b["key_id"], "serial": 1, "holder_id": member_b,
                                              "issued": "2026-01-01", "expires": "2028-01-01"})["status"] == "applied"
    before = office.members(member_b)[0]

    # writes into building 2 with A's credential: every one refused, nothing changed
    attempts = [
        ("enroll_member", {"id": str(uuid.uuid4()), "first_name": "X", "last_name": "Y", "building_id": B2,
                           "flat_id": flat_id(2, 2)}),
        ("enroll_member", {"id": str(uuid.uuid4()), "first_name": "X", "last_name": "Y", "building_id": B1,
                           "flat_id": flat_id(2, 2)}),  # a flat of B2 under B1's name
        ("update_member_contact", {"member_id": member_b, "email": "pirate@example.org"}),
        ("confirm_residence", {"member_id": member_b}),
        ("erase_member", {"member_id": member_b}),
        ("issue_card", {"issuer_key_id": a["key_id"], "serial": 7, "holder_id": member_b,
                        "issued": "2026-01-01", "expires": "2028-01-01"}),
        ("issue_card", {"issuer_key_id": b["key_id"], "serial": 8, "holder_id": member_b,
                        "issued": "2026-01-01", "expires": "2028-01-01"}),  # B's key, A's credential
        ("revoke_card", {"issuer_key_id": b["key_id"], "serial": 1}),
    ]
    for seq, (mutation, payload) in enumerate(attempts, start=1):
        result = push(client, ha, seq, mutation, payload)
        assert result["status"] == "rejected", (mutation, result)
        assert result["code"] in ("out_of_scope", "unknown_flat", "not_this_kiosks_key"), (mutation, result)
    assert office.members(member_b)[0] == before

    # reads: snapshot and pull of A never carry building 2
    snap = client.get("/v1/sync/snapshot", headers=ha).json()
    assert snap["scopes"] == ["catalog", f"bldg:{B1}"]
    assert all(i["scope"] != f"bldg:{B2}" for i in snap["items"])
    assert member_b not in {i["id"] for i in snap["items"]}
    pulled = client.get("/v1/sync/pull", headers=ha, params={"cursor": snap["cursor"]}).json()
    assert all(c["scope"] != f"bldg:{B2}" for c in pulled["changes"])

    # a forged cursor naming building 2, or B's own cursor, gets 410, never data
    forged = Cursor(a["device_id"], 1, {"catalog": 0, f"bldg:{B1}": 0, f"bldg:{B2}": 0}).encode()
    only_b = Cursor(a["device_id"], 1, {"catalog": 0, f"bldg:{B2}": 0}).encode()
    b_cursor = client.get("/v1/sync/snapshot", headers=hb).json()["cursor"]
    for cursor in (forged, only_b, b_cursor):
        r = client.get("/v1/sync/pull", headers=ha, params={"cursor": cursor})
        assert r.status_code == 410 and r.json()["code"] == "scope_changed"
    # query parameters naming a scope are ignored
    r = client.get("/v1/sync/snapshot", headers=ha, params={"scope": f"bldg:{B2}", "building_id": B2})
    assert member_b not in {i["id"] for i in r.json()["items"]}


def test_no_credential_or_a_wrong_secret_gets_401_everywhere(client, office):  # noqa: ANN001
    a, ha = enroll_device(client, office, B1)
    wrong = {"Authorization": f"Bearer {a['device_id']}.not-the-secret"}
    for headers in ({}, wrong, {"Authorization": "Basic abc"}):
        assert client.get("/v1/sync/snapshot", headers=headers).status_code == 401
        assert client.get("/v1/sync/pull", headers=headers, params={"cursor": "x"}).status_code == 401
        assert client.post("/v1/sync/push", headers=headers, json={"mutations": []}).status_code == 401
