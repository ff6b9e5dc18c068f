"""Hole 1 of issue 11: enrolling a device with another kiosk's public card key.

Every kiosk receives every kiosk's public key in the catalogue feed. Before, a device
enrolled with kiosk B's public key registered cards under B's key at B's next serials:
B's genuine reissued card was then refused on B (``serial_used``) and another member's
space opened on a third kiosk. Now enrollment proves possession of the private key (a
server nonce signed with it), a key is registered once, ever, and the key id is derived
from the key. Real server on 127.0.0.1 (SQLite and PostgreSQL), real encrypted stores,
the attacker working over plain HTTP with what the feed gave it.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from sqlalchemy import select

from central import db
from central.demo import building_id, flat_id
from central_fixtures import enroll_over_http, enrollment_body
from kiosk.config import load_config
from kiosk.domain.cards import CardSigner, key_id_of, public_key_raw
from kiosk.domain.members import EnrollmentForm
from kiosk.protocol.enrollment import sign_enrollment
from kiosk.services.members import build_membership
from kiosk.services.notice import load_notice
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision, signing_key

B1, B2 = building_id(1), building_id(2)


class Recorder(httpx.HTTPTransport):
    """A real transport that keeps the bodies it sent (what a network eavesdropper sees)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, dict]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        self.sent.append((request.url.path, json.loads(body) if body else {}))
        return super().handle_request(request)


def _kiosk(make_store, tmp_path: Path, name: str):  # noqa: ANN001, ANN202
    store = make_store(name)
    config = load_config(env={}, data_dir=tmp_path / f"kiosk-{name}").with_values(
        key_store="file", data_dir=tmp_path / f"kiosk-{name}")
    return store, config


def _devices_with_key(app, key_id: str) -> list[str]:  # noqa: ANN001
    with app.state.engine.connect() as conn:
        return [r.id for r in conn.execute(select(db.devices.c.id).where(db.devices.c.key_id == key_id))]


def test_another_kiosks_public_key_cannot_be_enrolled(live_server, office, make_store, app, tmp_path):  # noqa: ANN001
    # Kiosk B, provisioned honestly (its enrollment recorded on the wire).
    sb, cfg_b = _kiosk(make_store, tmp_path, "b")
    wire_b = Recorder()
    provision(sb, live_server.url, office.create_enrollment_token(B1), name="b", transport=wire_b)
    b_key = key_id_of(signing_key(sb).public_key).hex()
    eb = SyncEngine.for_store(sb)
    assert eb.run_once(force=True).ok

    with httpx.Client(base_url=live_server.url) as http:
        # The attacker is a kiosk of building 2 and reads B's public key in the catalogue.
        _, attacker = enroll_over_http(http, office, B2, name="attacker")
        items = http.get("/v1/sync/snapshot", headers=attacker).json()["items"]
        [issuer] = [i["data"] for i in items if i["entity"] == "card_issuer" and i["id"] == b_key]
        b_public = issuer["public_key"]
        stolen_token = office.create_enrollment_token(B1)   # and it got hold of a fresh token

        def attempt(body: dict) -> httpx.Response:
            return http.post("/v1/devices/enroll", json=body)

        # the request as it was before proof of possession: refused as malformed
        r = attempt({"token": stolen_token, "public_key": b_public, "name": "impostor"})
        assert r.status_code == 422 and r.json()["code"] == "invalid_request"
        # a nonce signed with its own key, presented with B's public key
        body = enrollment_body(http, stolen_token, CardSigner.generate(), name="impostor") | {"public_key": b_public}
        r = attempt(body)
        assert r.status_code == 400 and r.json()["code"] == "bad_proof"
        # B's own enrollment, replayed word for word, and its proof under the stolen token
        [(_, b_request)] = [(p, b) for p, b in wire_b.sent if p == "/v1/devices/enroll"]
        assert attempt(b_request).json()["code"] == "nonce_unknown"
        fresh = http.post("/v1/devices/nonce").json()["nonce"]
        assert attempt(b_request | {"token": stolen_token}).json()["code"] == "nonce_unknown"
        r = attempt(b_request | {"token": stolen_token, "nonce": fresh})
        assert r.status_code == 400 and r.json()["code"] in ("bad_proof", "nonce_unknown")

    # B's key still belongs to B alone, and the token the attacker held is still unused.
    assert _devices_with_key(app, b_key) == [sb.repos.kv.get("sync.device_id")]
    sc, cfg_c = _kiosk(make_store, tmp_path, "c")
    provision(sc, live_server.url, stolen_token, name="c")   # an honest kiosk can still use it
    ec = SyncEngine.for_store(sc)

    # What broke before: B's reissued card is accepted by the server and opens B's
    # member, not another one, on a third kiosk.
    mb, mc = build_membership(sb, cfg_b), build_membership(sc, cfg_c)
    form = EnrollmentForm(first_name="Yasmina", last_name="Benkhelifa", building_id=B1, flat_id=flat_id(1, 3),
                          phone="06 12 34 56 78", notice_accepted=True)
    enrolled = mb.members.enroll(form, load_notice("fr"))
    reissued = mb.cards.reissue(enrolled.member.id)
    report = eb.run_once(force=True)
    assert report.ok and report.results == {"applied": 4}, report  # member, card, revoke, new card
    assert ec.run_once(force=True).ok
    space = mc.members.open_by_card(reissued.text)
    assert space.member_id == enrolled.member.id and space.first_name == "Yasmina"
    for engine in (eb, ec):
        engine.client.close()


def test_a_nonce_is_good_for_one_enrollment_only(live_server, office):  # noqa: ANN001
    with httpx.Client(base_url=live_server.url) as http:
        signer = CardSigner.generate()
        public_hex = public_key_raw(signer.public_key).hex()
        nonce = http.post("/v1/devices/nonce").json()["nonce"]

        def body(token: str, s: CardSigner, pk: str) -> dict:
            return {"token": token, "public_key": pk, "nonce": nonce, "proof": sign_enrollment(s, token, nonce, pk)}

        first = http.post("/v1/devices/enroll", json=body(office.create_enrollment_token(B1), signer, public_hex))
        assert first.status_code == 200, first.text
        # the same nonce again, even properly signed by another kiosk with another token
        other = CardSigner.generate()
        again = http.post("/v1/devices/enroll", json=body(office.create_enrollment_token(B1), other,
                                                          public_key_raw(other.public_key).hex()))
        assert again.status_code == 400 and again.json() == {
            "code": "nonce_unknown", "message": "unknown, used or expired nonce: ask for a new one"}
        # a nonce the server never gave
        made_up = {"token": office.create_enrollment_token(B1), "public_key": public_hex, "nonce": "x" * 43,
                   "proof": "00" * 64}
        assert http.post("/v1/devices/enroll", json=made_up).json()["code"] == "nonce_unknown"


def test_a_key_is_registered_once_even_after_its_device_is_revoked(live_server, office, app):  # noqa: ANN001
    signer = CardSigner.generate()
    with httpx.Client(base_url=live_server.url) as http:
        first, _ = enroll_over_http(http, office, B1, signer=signer)
        assert first["key_id"] == key_id_of(signer.public_key).hex()   # derived by the server
        office.revoke_device(first["device_id"], wipe=False)
        r = http.post("/v1/devices/enroll", json=enrollment_body(http, office.create_enrollment_token(B1), signer))
        assert r.status_code == 400 and r.json()["code"] == "public_key_registered"
        # a key id sent by the client is not a field of the request
        r = http.post("/v1/devices/enroll", json=enrollment_body(http, office.create_enrollment_token(B1),
                                                                 CardSigner.generate(), key_id="deadbeef"))
        assert r.status_code == 422
    assert _devices_with_key(app, key_id_of(signer.public_key).hex()) == [first["device_id"]]


def test_honest_provisioning_registers_the_kiosks_key_and_syncs(live_server, office, make_store):  # noqa: ANN001
    store = make_store("k")
    key_before = signing_key(store).key_id.hex()
    result = provision(store, live_server.url, office.create_enrollment_token(B1), name="hall")
    assert result.key_id == key_before and result.building_ids == [B1]
    engine = SyncEngine.for_store(store)
    try:
        assert engine.run_once(force=True).ok
    finally:
        engine.client.close()
    [device] = [d for d in office.list("device") if d["id"] == result.device_id]
    assert device["key_id"] == key_before and device["name"] == "hall"


def test_a_store_provisioned_again_enrolls_a_new_key_and_its_old_cards_still_open(
        live_server, office, make_store, tmp_path):  # noqa: ANN001
    sa, cfg_a = _kiosk(make_store, tmp_path, "a")
    provision(sa, live_server.url, office.create_enrollment_token(B1), name="a")
    old_key = signing_key(sa).key_id.hex()
    ea = SyncEngine.for_store(sa)
    assert ea.run_once(force=True).ok                      # the buildings and flats arrive
    form = EnrollmentForm(first_name="Odile", last_name="Martin", building_id=B1, flat_id=flat_id(1, 2),
                          phone="07 52 34 56 78", notice_accepted=True)
    card = build_membership(sa, cfg_a).members.enroll(form, load_notice("fr")).card.text
    assert ea.run_once(force=True).ok                      # member and card reach the server
    ea.client.close()
    again = provision(sa, live_server.url, office.create_enrollment_token(B1), name="a-again")
    assert again.key_id == signing_key(sa).key_id.hex() != old_key   # refused once, then a new key
    sb, cfg_b = _kiosk(make_store, tmp_path, "b")
    provision(sb, live_server.url, office.create_enrollment_token(B1), name="b")
    eb = SyncEngine.for_store(sb)
    assert eb.run_once(force=True).ok
    eb.client.close()
    assert build_membership(sb, cfg_b).members.open_by_card(card).first_name == "Odile"
    assert build_membership(sa, cfg_a).members.open_by_card(card).first_name == "Odile"
