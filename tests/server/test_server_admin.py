"""The office's web admin through HTTP: login, CSRF, catalogue, members, merges, tokens."""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient

from central.demo import building_id, flat_id

PASSWORD = "correct horse battery"


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        yield c


def login(c: TestClient) -> str:
    r = c.post("/admin/login", data={"username": "bureau", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303
    page = c.get("/admin/partner/edit").text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_admin_needs_a_login_and_refuses_a_wrong_password(admin):  # noqa: ANN001
    for path in ("/admin", "/admin/partner", "/admin/members", "/admin/kiosks", "/admin/merges", "/admin/staff"):
        r = admin.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/admin/login", path
    r = admin.post("/admin/login", data={"username": "bureau", "password": "wrong password"})
    assert r.status_code == 401 and "incorrect" in r.text
    cookie = admin.cookies.get("ck_admin")
    assert cookie is None or "bureau" not in cookie


def test_forms_without_the_csrf_token_are_refused(admin, office):  # noqa: ANN001
    login(admin)
    r = admin.post("/admin/partner/edit", data={"name": "X", "category": "food"})
    assert r.status_code == 403
    assert office.list("partner") and all(p["name"] != "X" for p in office.list("partner"))


def test_catalogue_staff_tokens_members_and_merges(admin, office):  # noqa: ANN001
    csrf = login(admin)
    r = admin.post("/admin/partner/edit", data={"csrf": csrf, "name": "Boulangerie Test", "category": "food",
                                                "lat": "48.9", "lon": "2.3", "active": "on"})
    assert r.status_code == 200 and "Boulangerie Test" in r.text
    bad = admin.post("/admin/partner/edit", data={"csrf": csrf, "name": "", "category": "food"})
    assert bad.status_code == 400
    pid = next(p["id"] for p in office.list("partner") if p["name"] == "Boulangerie Test")
    r = admin.post("/admin/offer/edit", data={"csrf": csrf, "partner_id": pid, "text": "-10 %"})
    assert r.status_code == 200 and "-10 %" in r.text
    r = admin.post("/admin/announcement/edit", data={"csrf": csrf, "title": "Réunion", "body": "Mardi",
                                                     "valid_from": "2026-01-01", "valid_until": "2026-12-31"})
    assert "Réunion" in r.text
    r = admin.post("/admin/event/edit", data={"csrf": csrf, "title": "Atelier", "place": "Salle", "capacity": "12",
                                              "starts_at": "2026-12-01T17:00", "ends_at": "2026-12-01T19:00",
                                              "audience": "members", "building_ids": building_id(1)})
    assert "Atelier" in r.text
    admin.post("/admin/staff", data={"csrf": csrf, "display_name": "Gardienne K.", "role": "caretaker", "pin": "123456"})
    sid = office.list("staff")[0]["id"]
    old_hash = office.list("staff")[0]["pin_hash"]
    too_short = admin.post(f"/admin/staff/{sid}/pin", data={"csrf": csrf, "pin": "5678"})  # the kiosk's rule: 6+
    assert "au moins 6 chiffres" in too_short.text and office.list("staff")[0]["pin_hash"] == old_hash
    admin.post(f"/admin/staff/{sid}/pin", data={"csrf": csrf, "pin": "567890"})
    assert office.list("staff")[0]["pin_hash"] != old_hash
    r = admin.post("/admin/kiosks/token", data={"csrf": csrf, "building_id": building_id(1)})
    token = re.search(r'<code id="token">(ck-[\w-]+)</code>', r.text).group(1)
    from central.devices import enroll_device
    from kiosk.domain.cards import CardSigner, public_key_raw
    with office.tx() as (conn, fw):
        device_id = enroll_device(conn, fw, token, "hall", public_key_raw(CardSigner.generate().public_key).hex(),
                                  "0.1.0")[0]
    admin.post(f"/admin/kiosks/{device_id}/buildings", data={"csrf": csrf, "building_ids": "nope"})
    admin.post(f"/admin/kiosks/{device_id}/buildings",
               data={"csrf": csrf, "building_ids": f"{building_id(1)}, {building_id(2)}"})
    device = office.list("device")[0]
    assert device["building_ids"] == [building_id(1), building_id(2)] and device["scope_epoch"] == 2
    r = admin.post(f"/admin/kiosks/{device_id}/revoke", data={"csrf": csrf, "wipe": "on"})
    assert office.list("device")[0]["revoked"] and office.list("device")[0]["wipe"]
    # two records of one person → merge queue → merge
    a = office.enroll_member({"first_name": "Zoé", "last_name": "Lefèvre", "building_id": building_id(1),
                              "flat_id": flat_id(1, 1)})
    from central.mutations import Device, apply_mutation  # the duplicate arrives from a kiosk, as in real life
    with office.tx() as (conn, fw):
        apply_mutation(conn, fw, Device("dev", [building_id(1)], "00000000", 1), "enroll_member", {
            "id": str(uuid.uuid4()), "first_name": "Zoe", "last_name": "LEFEVRE", "building_id": building_id(1),
            "flat_id": flat_id(1, 1)})
    page = admin.get("/admin/merges").text
    assert "same_flat_and_name" in page
    qid = office.merge_queue()[0]["id"]
    admin.post(f"/admin/merges/{qid}", data={"csrf": csrf, "action": "merge"})
    assert [m["id"] for m in office.members()] == [a]
    r = admin.post(f"/admin/members/{a}", data={"csrf": csrf, "first_name": "Zoé", "last_name": "Lefèvre-Roy",
                                                "building_id": building_id(1), "flat_id": flat_id(1, 1),
                                                "status": "active"})
    assert office.members()[0]["last_name"] == "Lefèvre-Roy"
    admin.post(f"/admin/members/{a}/erase", data={"csrf": csrf, "confirm": "EFFACER"})
    assert office.members() == []
