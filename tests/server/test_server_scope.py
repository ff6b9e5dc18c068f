"""Kiosk A's credential can neither read nor write building B, on any endpoint.

Scopes come from the credential: whatever A puts in a payload or a cursor, it never
gets a row of building B and never changes one, and an id of building B is answered
exactly like an id that does not exist (no oracle). The registry walk pushes every
mutation the protocol defines, each id it names taken from the other building in turn.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from central import db
from central.community_office import CommunityOffice
from central.conciergerie_office import ConciergerieOffice
from central.demo import building_id, charge_fee, flat_id
from central.feed import Cursor
from central.lending_office import LendingOffice
from central_fixtures import enroll_over_http

B1, B2 = building_id(1), building_id(2)


def enroll_device(client: httpx.Client, office, building: str) -> tuple[dict, dict]:  # noqa: ANN001
    return enroll_over_http(client, office, building)


def push(client: httpx.Client, headers: dict, seq: int, mutation: str, payload: dict) -> dict:
    r = client.post("/v1/sync/push", headers=headers, json={"mutations": [
        {"seq": seq, "client_id": str(uuid.uuid4()), "mutation": mutation, "payload": payload}]})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


class Device:
    """A kiosk's credential and its next sequence number."""

    def __init__(self, client: httpx.Client, office, building: str) -> None:  # noqa: ANN001
        self.client = client
        self.info, self.headers = enroll_device(client, office, building)
        self.key_id: str = self.info["key_id"]
        self.seq = 0

    def push(self, mutation: str, payload: dict) -> dict:
        self.seq += 1
        return push(self.client, self.headers, self.seq, mutation, payload)


def server_dump(engine) -> dict[str, list[tuple]]:  # noqa: ANN001
    """Every row of every server table but the devices' own bookkeeping (last seen, last seq,
    processed mutations), to compare before and after a refused push."""
    skip = {"devices", "processed_mutations"}
    with engine.connect() as conn:
        return {t.name: sorted(tuple(str(v) for v in r) for r in conn.execute(select(t)))
                for t in db.metadata.sorted_tables if t.name not in skip}


def make_event(office, building_ids: list[str], capacity: int = 50) -> str:  # noqa: ANN001
    start = datetime.now() + timedelta(days=3)
    return office.put("event", {"title": "Rencontre", "description": "", "place": "Salle commune",
                                "starts_at": start.isoformat(timespec="minutes"),
                                "ends_at": (start + timedelta(hours=2)).isoformat(timespec="minutes"),
                                "capacity": capacity, "audience": "members", "building_ids": building_ids,
                                "pictogram": "meeting", "taken": 0})


def make_member(office, n: int, flat: int = 1) -> str:  # noqa: ANN001
    return office.enroll_member({"first_name": "Awa", "last_name": "Traoré", "building_id": building_id(n),
                                 "flat_id": flat_id(n, flat)})


@pytest.fixture
def client(live_server):  # noqa: ANN001, ANN201
    with httpx.Client(base_url=live_server.url) as c:
        yield c


def test_credential_of_building_a_cannot_read_building_b(client, office):  # noqa: ANN001
    a, ha = enroll_device(client, office, B1)
    b, hb = enroll_device(client, office, B2)
    member_b = make_member(office, 2)
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


def _outcome(result: dict) -> tuple[str, str, Any]:
    return result["status"], result["code"], result["data"]


def test_cross_building_writes_found_by_the_security_review_are_refused(client, office, app):  # noqa: ANN001
    """Hole 2: with building 1's credential these were applied against building 2's members.
    Each is now refused, changes nothing, and is answered as for an id that does not exist."""
    kiosk_a, kiosk_b = Device(client, office, B1), Device(client, office, B2)
    member_a, member_b = make_member(office, 1), make_member(office, 2)
    every_building, building_1 = make_event(office, []), make_event(office, [B1])
    # kiosk B signs its member up for the event open to all (the sign-up is published to building 1 too)
    registration_b = str(uuid.uuid4())
    assert kiosk_b.push("register_for_event", {"id": registration_b, "event_id": every_building,
                                               "member_id": member_b})["status"] == "applied"
    idea_a = str(uuid.uuid4())
    assert kiosk_a.push("submit_idea", {"id": idea_a, "category": "living", "text": "Des bancs dans la cour",
                                        "member_id": member_a, "building_id": B1})["status"] == "applied"
    CommunityOffice(office.engine).moderate_idea(idea_a, "published")

    def attempts(member: str, registration: str) -> list[tuple[str, dict]]:
        return [
            ("register_for_event", {"id": str(uuid.uuid4()), "event_id": every_building, "member_id": member}),
            ("register_for_event", {"id": str(uuid.uuid4()), "event_id": building_1, "member_id": member}),
            ("check_in", {"event_id": every_building, "member_id": member}),
            ("check_in", {"event_id": building_1, "member_id": member}),
            ("cancel_registration", {"id": registration, "member_id": member}),
            ("submit_idea", {"id": str(uuid.uuid4()), "category": "living", "text": "Une idée pour vous",
                             "member_id": member, "building_id": B1}),
            ("vote_idea", {"idea_id": idea_a, "member_id": member}),
            ("issue_card", {"issuer_key_id": kiosk_a.key_id, "serial": 77, "holder_id": member, "role": "staff",
                            "issued": "2026-01-05", "expires": "2029-01-05"}),
        ]
    before = server_dump(app.state.engine)
    foreign = [kiosk_a.push(m, p) for m, p in attempts(member_b, registration_b)]
    assert server_dump(app.state.engine) == before
    assert all(r["status"] == "rejected" for r in foreign), foreign
    nobody = str(uuid.uuid4())
    unknown = [kiosk_a.push(m, p) for m, p in attempts(nobody, str(uuid.uuid4()))]
    assert [_outcome(r) for r in foreign] == [_outcome(r) for r in unknown]   # no existence oracle


# -- the registry walk -------------------------------------------------------------------------
def _named_fields(definition: Any, world: Any, other: Any, i: int) -> list[str]:
    """The scoped ids of ``world`` that example ``i`` names: those whose change changes it
    (new ids and serials held fixed, so only the world's ids make a difference)."""
    from kiosk.protocol.definition import World

    @dataclasses.dataclass(frozen=True)
    class Fixed(World):
        @staticmethod
        def new_id() -> str:
            return "00000000-0000-4000-8000-000000000000"

        @staticmethod
        def new_serial() -> int:
            return 424242

    base = Fixed(**dataclasses.asdict(world))
    same = definition.examples(base)[i].model_dump()
    return [f for f in World.SCOPED
            if definition.examples(dataclasses.replace(base, **{f: getattr(other, f)}))[i].model_dump() != same]


def _world(office, device: Device, n: int, *, open_event: str, staff_id: str):  # noqa: ANN001, ANN202
    """Fresh ids of building ``n``, made as in real life: members and events by the office,
    a sign-up, an idea (published by the office) and a card pushed by the building's kiosk."""
    from kiosk.protocol.definition import World
    member = make_member(office, n, flat=2)
    event, signed_up_for = make_event(office, [building_id(n)]), make_event(office, [building_id(n)])
    registration, idea, serial = str(uuid.uuid4()), str(uuid.uuid4()), World.new_serial()
    results = [device.push("register_for_event", {"id": registration, "event_id": signed_up_for,
                                                  "member_id": member}),
               device.push("submit_idea", {"id": idea, "category": "living", "text": "Un composteur dans la cour",
                                           "member_id": member, "building_id": building_id(n)}),
               device.push("issue_card", {"issuer_key_id": device.key_id, "serial": serial, "holder_id": member,
                                          "issued": "2026-01-05", "expires": "2028-01-05"})]
    # a lending point of this building only, with three items: one free, one lent to the
    # member, one they reserved
    lending = LendingOffice(office.engine)
    point = lending.put_point({"name": "Loge", "building_ids": [building_id(n)]})
    free, lent, reserved = (lending.put_item({"point_id": point, "name": name, "category": "tools"})
                            for name in ("Perceuse", "Escabeau", "Ponceuse"))
    loan, reservation = str(uuid.uuid4()), str(uuid.uuid4())
    results += [device.push("lend_item", {"id": loan, "item_id": lent, "member_id": member, "due_on": "2099-01-01"}),
                device.push("reserve_item", {"id": reservation, "item_id": reserved, "member_id": member})]
    neighbour, exchange, transfer = make_member(office, n, flat=4), str(uuid.uuid4()), str(uuid.uuid4())
    results += [device.push("post_exchange", {"id": exchange, "member_id": neighbour, "building_id": building_id(n),
                                              "kind": "offer", "category": "sewing",
                                              "text": "Je fais les ourlets de pantalon"}),
                device.push("record_time_transfer", {"id": transfer, "provider_id": member, "confirmed_by": "cards",
                                                     "building_id": building_id(n),
                                                     "shares": [{"member_id": neighbour, "minutes": 60}]})]
    assert [r["status"] for r in results] == ["applied"] * 7, results
    CommunityOffice(office.engine).moderate_idea(idea, "published")
    ConciergerieOffice(office.engine).moderate_exchange(exchange, "published", by="test")
    return World(building_id=building_id(n), flat_id=flat_id(n, 3), member_id=member, event_id=event,
                 registration_id=registration, idea_id=idea, card=(device.key_id, serial), staff_id=staff_id,
                 open_event_id=open_event, own_key_id=device.key_id, offer=("demo-offer-1", "demo-partner-1"),
                 item_id=free, loan_id=loan, reservation_id=reservation,
                 neighbour_id=neighbour, exchange_id=exchange, transfer_id=transfer)


def _never_issued(field: str) -> Any:
    return ("0badc0de", 4242) if field == "card" else str(uuid.uuid4())


def test_every_mutation_naming_another_buildings_ids_is_refused_and_changes_nothing(client, office, app):  # noqa: ANN001
    """For every definition of the registry and each of its examples: each id of building 1
    the example names is replaced by building 2's (one at a time) and pushed with building
    1's credential: refused, nothing changed on the server, the same answer as for an id
    that never existed. The example with building 1's own ids is then accepted (so the
    refusal is the scope's). A definition whose examples name no id of a building fails."""
    from kiosk.protocol.registry import REGISTRY
    kiosk_a, kiosk_b = Device(client, office, B1), Device(client, office, B2)
    charge_fee(office)        # a club with a fee: record_fee_payment's example is a payment it allows
    open_event = make_event(office, [])
    staff_id = office.put_staff(None, "Gardienne K.", "caretaker", "246810")
    # building 2's world, as its own kiosk knows it; its "staff id" is what an attacker put
    # there in the review: the id of one of building 2's members
    world_b = _world(office, kiosk_b, 2, open_event=open_event, staff_id="")
    world_b = dataclasses.replace(world_b, staff_id=world_b.member_id)
    engine = app.state.engine
    checked: dict[str, int] = {}
    for name, definition in REGISTRY.items():
        count = len(definition.examples(world_b))
        assert count, f"{name} has no example: the registry walk cannot check its scope rule"
        for i in range(count):
            world_a = _world(office, kiosk_a, 1, open_event=open_event, staff_id=staff_id)
            own = definition.examples(world_a)[i]
            named = _named_fields(definition, world_a, world_b, i)
            assert named, f"{name}: example {i} names no id of a building (its scope rule names nothing)"
            for field in named:
                foreign = definition.examples(dataclasses.replace(world_a, **{field: getattr(world_b, field)}))[i]
                before = server_dump(engine)
                refused = kiosk_a.push(name, foreign.model_dump(mode="json"))
                assert server_dump(engine) == before, f"{name} naming building 2's {field} changed the server"
                assert refused["status"] == "rejected" or (refused["status"], refused["code"]) == \
                    ("applied", "already_gone"), (name, field, refused)
                unknown = definition.examples(dataclasses.replace(world_a, **{field: _never_issued(field)}))[i]
                assert _outcome(kiosk_a.push(name, unknown.model_dump(mode="json"))) == _outcome(refused), \
                    f"{name}: building 2's {field} is answered unlike an unknown id"
                checked[name] = checked.get(name, 0) + 1
            accepted = kiosk_a.push(name, own.model_dump(mode="json"))
            assert accepted["status"] in ("applied", "waitlisted", "conflict"), (name, i, accepted)
            assert accepted["code"] != "already_gone", (name, accepted)
    assert set(checked) == set(REGISTRY)


def test_no_credential_or_a_wrong_secret_gets_401_everywhere(client, office):  # noqa: ANN001
    a, ha = enroll_device(client, office, B1)
    wrong = {"Authorization": f"Bearer {a['device_id']}.not-the-secret"}
    for headers in ({}, wrong, {"Authorization": "Basic abc"}):
        assert client.get("/v1/sync/snapshot", headers=headers).status_code == 401
        assert client.get("/v1/sync/pull", headers=headers, params={"cursor": "x"}).status_code == 401
        assert client.post("/v1/sync/push", headers=headers, json={"mutations": []}).status_code == 401
