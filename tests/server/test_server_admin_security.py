"""The admin's security, tested as an attacker would: server-side sessions that logout and
a password change really end, several app processes sharing them, a per-account lockout
with growing delays, no secret in the cookie, long inputs refused, banners that cannot
be forged from a link, search terms kept out of the access log, roles and estates
checked on every write."""

from __future__ import annotations

import logging
import re
import uuid

import httpx
import pytest
import uvicorn
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from admin_helpers import PASSWORD, banner, csrf_of, login
from central.accounts import FREE_FAILURES, lock_delay
from central.app import create_app
from central.demo import building_id, flat_id
from central.testing import TEST_SETTINGS, LiveServer


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        yield c


def test_logout_ends_the_session_on_the_server(app, admin):  # noqa: ANN001
    login(admin)
    stolen = admin.cookies.get("ck_admin")
    assert admin.get("/admin/members", follow_redirects=False).status_code == 200
    with TestClient(app) as thief:
        thief.cookies.set("ck_admin", stolen, path="/admin")
        assert thief.get("/admin/members", follow_redirects=False).status_code == 200
        admin.post("/admin/logout", data={"csrf": csrf_of(admin)})
        r = thief.get("/admin/members", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/admin/login"


def test_the_cookie_holds_a_random_id_only_and_the_kiosk_token_never_travels_in_it(admin):  # noqa: ANN001
    csrf = login(admin)
    cookie = admin.cookies.get("ck_admin")
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", cookie) and "bureau" not in cookie
    r = admin.post("/admin/kiosks/token", data={"csrf": csrf, "building_id": building_id(1)}, follow_redirects=False)
    assert "set-cookie" not in r.headers and r.headers["location"] == "/admin/kiosks"
    page = admin.get("/admin/kiosks").text
    token = re.search(r'<code id="token">(ck-[\w-]+)</code>', page).group(1)
    assert token not in admin.cookies.get("ck_admin") and token not in str(r.headers)
    assert token not in admin.get("/admin/kiosks").text  # shown once


def test_a_password_change_ends_the_other_sessions(app, admin, office):  # noqa: ANN001
    login(admin)
    with TestClient(app) as other:
        login(other)
        csrf = csrf_of(admin)
        r = admin.post("/admin/account/password", data={"csrf": csrf, "current": PASSWORD, "new": "new long passphrase",
                                                        "again": "new long passphrase"})
        assert r.status_code == 200 and "Mot de passe changé" in banner(r.text)
        assert other.get("/admin/members", follow_redirects=False).status_code == 303
        assert admin.get("/admin/members", follow_redirects=False).status_code == 200
        bad = admin.post("/admin/account/password", data={"csrf": csrf_of(admin), "current": "wrong", "new": "x",
                                                          "again": "y"})
        assert bad.status_code == 400 and "actuel" in bad.text


def test_sessions_and_lockout_are_shared_by_several_server_processes(central_url, office):  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    a, b = create_app(central_url, TEST_SETTINGS), create_app(central_url, TEST_SETTINGS)
    try:
        with TestClient(a) as ca, TestClient(b) as cb:
            login(ca)
            cb.cookies.set("ck_admin", ca.cookies.get("ck_admin"), path="/admin")
            assert cb.get("/admin/members", follow_redirects=False).status_code == 200
            for _ in range(FREE_FAILURES - 1):
                assert ca.post("/admin/login", data={"username": "bureau", "password": "nope"}).status_code == 401
            assert ca.post("/admin/login", data={"username": "bureau", "password": "nope"}).status_code == 429
            r = cb.post("/admin/login", data={"username": "bureau", "password": PASSWORD})  # the other process
            assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1 and "Trop d" in r.text
    finally:
        a.state.engine.dispose()
        b.state.engine.dispose()


def test_lockout_is_per_account_and_grows(admin, office):  # noqa: ANN001
    office.create_admin("autre", PASSWORD)
    assert [lock_delay(n).total_seconds() for n in range(FREE_FAILURES - 1, FREE_FAILURES + 4)] == [0, 30, 60, 120, 240]
    assert lock_delay(100).total_seconds() == 3600
    for _ in range(FREE_FAILURES + 1):
        admin.post("/admin/login", data={"username": "bureau", "password": "guess"})
    assert admin.post("/admin/login", data={"username": "bureau", "password": PASSWORD}).status_code == 429
    login(admin, "autre")  # another account is not locked
    # an unknown name is counted (and locked) the same way: the answers do not tell names apart
    for _ in range(FREE_FAILURES):
        admin.post("/admin/login", data={"username": "personne", "password": "guess"})
    assert admin.post("/admin/login", data={"username": "personne", "password": "guess"}).status_code == 429


def test_long_inputs_are_refused_with_400(admin):  # noqa: ANN001
    csrf = login(admin)
    assert admin.get("/admin/members", params={"q": "x" * 60_000}).status_code == 400
    assert admin.get("/admin/partner", params={"q": "é" * 201}).status_code == 400
    r = admin.post("/admin/partner/edit", data={"csrf": csrf, "name": "N" * 20_000, "category": "food"})
    assert r.status_code == 400
    r = admin.post("/admin/partner/edit", data={"csrf": csrf, "name": "N" * 300, "category": "food"})
    assert r.status_code == 400 and "Au plus 200 caractères" in r.text
    assert admin.post("/admin/login", data={"username": "u" * 5000, "password": "p"}).status_code == 422


def test_banners_cannot_be_forged_from_a_link(admin):  # noqa: ANN001
    login(admin)
    for path in ("/admin", "/admin/partner", "/admin/members", "/admin/kiosks", "/admin/staff"):
        page = admin.get(path, params={"msg": "Votre compte est bloqué, appelez le 0899", "error": "x"}).text
        assert "0899" not in page and banner(page) == "", path


def test_search_terms_stay_out_of_the_access_log(app, office, caplog):  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    port = LiveServer(app).port
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="info", access_log=True, lifespan="off")
    server = uvicorn.Server(config)
    import threading
    thread = threading.Thread(target=server.run, daemon=True)
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    thread.start()  # uvicorn configures its loggers (no propagation) before serving
    while not server.started:
        thread.join(0.02)
    logging.getLogger("uvicorn.access").addHandler(keep := Keep())
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
            c.post("/admin/login", data={"username": "bureau", "password": PASSWORD})
            assert c.get("/admin/members", params={"q": "Quastrambolini 0647586970"}).status_code == 200
    finally:
        server.should_exit = True
        thread.join(10)
        logging.getLogger("uvicorn.access").removeHandler(keep)
    caplog.records.extend(seen)
    lines = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any("/admin/members" in line for line in lines)
    assert not any("Quastrambolini" in line or "0647586970" in line for line in lines)


def _routes(routes: list) -> list[APIRoute]:
    out = []
    for r in routes:
        if isinstance(r, APIRoute):
            out.append(r)
        elif hasattr(r, "original_router"):  # FastAPI >= 0.16x keeps included routers whole
            out += _routes(r.original_router.routes)
    return out


def _post_routes(app) -> list[str]:  # noqa: ANN001
    return [re.sub(r"\{[^}]+\}", "1", r.path) for r in _routes(app.routes)
            if "POST" in r.methods and r.path.startswith("/admin") and r.path != "/admin/login"]


def test_a_reader_can_write_nothing_and_an_editor_cannot_manage_accounts(app, admin, office):  # noqa: ANN001
    office.create_admin("lecteur", PASSWORD, role="reader")
    office.create_admin("redac", PASSWORD, role="editor")
    partners = office.list("partner")
    csrf = login(admin, "lecteur")
    allowed = {"/admin/logout", "/admin/account/password"}
    routes = _post_routes(app)
    assert len(routes) >= 20
    for path in routes:
        if path in allowed:
            continue
        r = admin.post(path, data={"csrf": csrf, "name": "X", "id": partners[0]["id"], "confirmed": "yes"})
        assert r.status_code == 403, path
    assert office.list("partner") == partners
    assert "Supprimer" not in admin.get("/admin/partner").text  # no buttons that would be refused
    admin.post("/admin/logout", data={"csrf": csrf})
    csrf = login(admin, "redac")
    assert admin.get("/admin/accounts").status_code == 403
    r = admin.post("/admin/accounts", data={"csrf": csrf, "username": "pirate", "role": "admin", "password": "x" * 12})
    assert r.status_code == 403 and app.state.admin_accounts.get("pirate") is None
    r = admin.post("/admin/partner/edit", data={"csrf": csrf, "name": "Chez Redac", "category": "food"},
                   follow_redirects=False)
    assert r.status_code == 303


def test_an_account_of_one_estate_sees_nothing_of_another(app, admin, office):  # noqa: ANN001
    office.put_place("estate", {"id": "OPAC-AMI", "name": "Conciergerie d'Amiens", "city": "Amiens"})
    office.put_place("building", {"id": "OPAC-AMI-B1", "estate_id": "OPAC-AMI", "name": "Tour Amiens", "address": "",
                                  "lat": 49.9, "lon": 2.3})
    office.put_place("entrance", {"id": "OPAC-AMI-B1-E1", "building_id": "OPAC-AMI-B1", "name": "Hall"})
    office.put_place("flat", {"id": "OPAC-AMI-F1", "entrance_id": "OPAC-AMI-B1-E1", "building_id": "OPAC-AMI-B1",
                              "label": "RDC porte 1"})
    theirs = office.enroll_member({"first_name": "Zoé", "last_name": "Voisine", "building_id": building_id(1),
                                   "flat_id": flat_id(1, 1)})
    office.create_admin("amiens", PASSWORD, role="admin", estate_ids=["OPAC-AMI"])
    csrf = login(admin, "amiens")
    assert "Voisine" not in admin.get("/admin/members").text
    assert theirs not in admin.get("/admin/members", params={"q": "Voisine"}).text
    unknown = admin.get(f"/admin/members/{uuid.uuid4()}")
    r = admin.get(f"/admin/members/{theirs}")
    assert r.status_code == unknown.status_code == 404 and banner(r.text) == banner(unknown.text)
    r = admin.post(f"/admin/members/{theirs}", data={"csrf": csrf, "first_name": "Pirate", "last_name": "Voisine",
                                                     "building_id": "OPAC-AMI-B1", "flat_id": "OPAC-AMI-F1",
                                                     "status": "active"})
    assert r.status_code == 404 and office.members(theirs)[0]["first_name"] == "Zoé"
    assert admin.post(f"/admin/members/{theirs}/erase", data={"csrf": csrf, "confirmed": "yes"}).status_code == 404
    assert office.members(theirs)
    r = admin.post("/admin/kiosks/token", data={"csrf": csrf, "building_id": building_id(1)})
    assert "Choisissez un bâtiment" in banner(r.text)
    assert "Bâtiment 1" not in admin.get("/admin/places").text and "Tour Amiens" in admin.get("/admin/places").text
    assert admin.get("/admin/accounts").status_code == 403  # an estate's admin cannot widen its own reach
    r = admin.post("/admin/accounts", data={"csrf": csrf, "username": "amiens", "existing": "yes", "role": "admin",
                                            "active": "on"})
    assert r.status_code == 403 and app.state.admin_accounts.get("amiens").estate_ids == ("OPAC-AMI",)


def test_an_estate_account_keeps_the_other_estates_targets_of_a_shared_event(app, admin, office):  # noqa: ANN001
    office.put_place("estate", {"id": "OPAC-AMI", "name": "Conciergerie d'Amiens", "city": "Amiens"})
    office.put_place("building", {"id": "OPAC-AMI-B1", "estate_id": "OPAC-AMI", "name": "Tour Amiens", "address": "",
                                  "lat": 49.9, "lon": 2.3})
    eid = office.put("event", {"title": "Fête des voisins", "description": "", "place": "Cour", "capacity": 50,
                               "starts_at": "2027-05-20T17:00", "ends_at": "2027-05-20T20:00", "audience": "all",
                               "building_ids": [building_id(1), "OPAC-AMI-B1"], "pictogram": "food"})
    office.create_admin("amiens", PASSWORD, role="editor", estate_ids=["OPAC-AMI"])
    csrf = login(admin, "amiens")
    page = admin.get(f"/admin/event/edit?id={eid}").text
    assert "Tour Amiens" in page and "Bâtiment 1" not in page
    admin.post("/admin/event/edit", data={"csrf": csrf, "id": eid, "title": "Fête des voisins", "place": "Cour",
                                          "capacity": "60", "starts_at": "2027-05-20T17:00",
                                          "ends_at": "2027-05-20T20:00", "audience": "all", "pictogram": "food",
                                          "building_ids[]": "OPAC-AMI-B1"})
    event = office.get("event", eid)
    assert event["capacity"] == 60 and event["building_ids"] == sorted([building_id(1), "OPAC-AMI-B1"])
