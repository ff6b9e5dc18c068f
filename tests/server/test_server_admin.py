"""The office's web admin through HTTP: each task with its result in the database, its
refusals shown beside the field with the input kept, confirmation before what destroys,
French words instead of codes, and the audit trail of who changed what."""

from __future__ import annotations

import html
import io
import re
import uuid

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from admin_helpers import PASSWORD, banner, login
from central import audit
from central.demo import building_id, flat_id
from central.mutations import Device, apply_mutation
from kiosk.protocol import wire


def visible(html_text: str) -> str:
    """The text a person reads: no tags, no attribute values, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", html_text))


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        c.csrf = login(c)
        yield c


def test_admin_needs_a_login_and_refuses_a_wrong_password(app, office):  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        for path in ("/admin", "/admin/partner", "/admin/members", "/admin/kiosks", "/admin/merges", "/admin/staff",
                     "/admin/bilan", "/admin/audit", "/admin/places"):
            r = c.get(path, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"] == "/admin/login", path
        r = c.post("/admin/login", data={"username": "bureau", "password": "wrong password"})
        assert r.status_code == 401 and "incorrect" in r.text and 'value="bureau"' in r.text


def test_forms_without_the_csrf_token_are_refused(admin, office):  # noqa: ANN001
    r = admin.post("/admin/partner/edit", data={"name": "X", "category": "food"})
    assert r.status_code == 403 and "expiré" in r.text
    assert all(p["name"] != "X" for p in office.list("partner"))


def test_partner_with_hours_comma_decimals_and_a_logo(admin, office):  # noqa: ANN001
    r = admin.post("/admin/partner/edit", data={
        "csrf": admin.csrf, "name": "Boulangerie Test", "category": "food", "lat": "48,9361", "lon": "2,357",
        "active": "on", "h0_1_open": "08:00", "h0_1_close": "13:00", "h0_2_open": "15:00", "h0_2_close": "19:30",
        "h5_1_open": "18:00", "h5_1_close": "02:00", "x0_date": "2026-12-25", "x0_closed": "on"})
    assert r.status_code == 200 and "Enregistré" in banner(r.text)
    p = next(p for p in office.list("partner") if p["name"] == "Boulangerie Test")
    assert (p["lat"], p["lon"]) == (48.9361, 2.357)
    assert p["hours"] == {"days": {"0": [["08:00", "13:00"], ["15:00", "19:30"]], "5": [["18:00", "02:00"]]},
                          "exceptions": {"2026-12-25": []}}
    bad = admin.post("/admin/partner/edit", data={"csrf": admin.csrf, "id": p["id"], "name": "Boulangerie Test",
                                                  "category": "food", "lat": "48,9x", "website": "ftp://x",
                                                  "h1_1_open": "09:00"})
    assert bad.status_code == 400
    assert 'value="48,9x"' in bad.text and "Un nombre, par exemple 48,936" in bad.text
    assert "https://" in bad.text and "Mardi : donnez l&#39;heure d&#39;ouverture" in bad.text
    assert office.get("partner", p["id"])["lat"] == 48.9361  # nothing saved
    png = io.BytesIO()
    Image.new("RGB", (1200, 600), (200, 30, 30)).save(png, "PNG")
    r = admin.post(f"/admin/partner/{p['id']}/logo", data={"csrf": admin.csrf},
                   files={"logo": ("logo.png", png.getvalue() + b"<script>alert(1)</script>", "image/png")})
    assert "Logo enregistré" in banner(r.text)
    stored = admin.get(f"/admin/partner/{p['id']}/logo")
    img = Image.open(io.BytesIO(stored.content))
    assert stored.headers["content-type"] == "image/png" and img.size == (512, 256) and b"<script>" not in stored.content
    r = admin.post(f"/admin/partner/{p['id']}/logo", data={"csrf": admin.csrf},
                   files={"logo": ("evil.svg", b"<svg onload=alert(1)></svg>", "image/svg+xml")})
    assert "pas une image" in banner(r.text)


def test_offer_and_announcement_dates_and_the_kiosk_preview(admin, office):  # noqa: ANN001
    pid = office.list("partner")[0]["id"]
    r = admin.post("/admin/offer/edit", data={"csrf": admin.csrf, "partner_id": pid, "text": "-15 % le mardi",
                                              "valid_from": "2026-06-01", "valid_until": "2026-05-01"})
    assert r.status_code == 400 and "après son début" in r.text and "-15 % le mardi" in r.text
    r = admin.post("/admin/offer/edit", data={"csrf": admin.csrf, "partner_id": "nope", "text": "x"})
    assert r.status_code == 400 and "Choisissez dans la liste" in r.text
    r = admin.post("/admin/offer/edit", data={"csrf": admin.csrf, "partner_id": pid, "text": "-15 % le mardi",
                                              "valid_from": "01/06/2026", "valid_until": "31/12/2026"})
    assert r.status_code == 200
    offer = next(o for o in office.list("offer") if o["text"] == "-15 % le mardi")
    assert (offer["valid_from"], offer["valid_until"]) == ("2026-06-01", "2026-12-31")
    page = admin.get(f"/admin/offer/{offer['id']}/preview").text
    assert "-15 % le mardi" in page and "31 décembre 2026" in page and office.get("partner", pid)["name"] in page
    listing = admin.get("/admin/offer").text
    assert office.get("partner", pid)["name"] in listing and pid not in visible(listing)
    r = admin.post("/admin/announcement/edit", data={"csrf": admin.csrf, "title": "Travaux", "body": "Ascenseur",
                                                     "valid_from": "2026-03-10", "valid_until": "2026-03-01"})
    assert r.status_code == 400 and "après son début" in r.text


def test_event_dates_typed_as_people_do_buildings_by_name_and_capacity_above_sign_ups(admin, office):  # noqa: ANN001
    base = {"csrf": admin.csrf, "title": "Atelier vélo", "place": "Local", "capacity": "12", "audience": "members",
            "pictogram": "workshop"}
    r = admin.post("/admin/event/edit", data=base | {"starts_at": "15/12/2026 14h00", "ends_at": "15/12/2026 13h00"})
    assert r.status_code == 400 and "La fin doit venir après le début" in r.text
    assert 'value="15/12/2026 14h00"' in r.text  # what was typed is kept
    r = admin.post("/admin/event/edit", data=base | {"starts_at": "15/12/2026 14h00", "ends_at": "2026-12-15T16:30",
                                                     "building_ids[]": building_id(2)})
    assert r.status_code == 200
    ev = next(e for e in office.list("event") if e["title"] == "Atelier vélo")
    assert (ev["starts_at"], ev["ends_at"], ev["building_ids"]) == ("2026-12-15T14:00", "2026-12-15T16:30",
                                                                    [building_id(2)])
    from central.community_tables import event_registrations
    a = office.enroll_member({"first_name": "Ana", "last_name": "Lopes", "building_id": building_id(2),
                              "flat_id": flat_id(2, 1)})
    b = office.enroll_member({"first_name": "Ben", "last_name": "Sow", "building_id": building_id(2),
                              "flat_id": flat_id(2, 2)})
    with office.tx() as (conn, _fw):
        for i, m in enumerate((a, b)):
            conn.execute(event_registrations.insert().values(id=f"r{i}", event_id=ev["id"], member_id=m,
                                                             status="confirmed", created_at="2026-12-01T10:00"))
    r = admin.post("/admin/event/edit", data=base | {"id": ev["id"], "capacity": "1", "starts_at": "2026-12-15T14:00",
                                                     "ends_at": "2026-12-15T16:30"})
    assert r.status_code == 400 and "inférieur aux 2 inscriptions confirmées" in r.text
    assert office.get("event", ev["id"])["capacity"] == 12
    r = admin.post("/admin/event/edit", data=base | {"id": ev["id"], "starts_at": "2026-12-15T14:00",
                                                     "ends_at": "2026-12-15T16:30", "building_ids[]": "Bâtiment 2"})
    assert r.status_code == 400 and "Bâtiment inconnu" in r.text


def test_deleting_asks_first_and_says_what_goes_with_it(admin, office):  # noqa: ANN001
    partner = office.list("partner")[0]
    offers = [o for o in office.list("offer") if o["partner_id"] == partner["id"]]
    page = admin.get(f"/admin/partner/{partner['id']}/delete").text
    assert f"Ses {len(offers)} offre(s) seront supprimées" in page and offers[0]["text"] in html.unescape(page)
    assert admin.post(f"/admin/partner/{partner['id']}/delete", data={"csrf": admin.csrf}).status_code == 400
    assert office.get("partner", partner["id"]) is not None
    r = admin.post(f"/admin/partner/{partner['id']}/delete", data={"csrf": admin.csrf, "confirmed": "yes"})
    assert r.status_code == 200 and office.get("partner", partner["id"]) is None
    assert not [o for o in office.list("offer") if o["partner_id"] == partner["id"]]
    rows, _ = audit.search(office.engine, audit.AuditQuery(entity="offer", entity_id=offers[0]["id"]))
    assert [(x["action"], x["username"]) for x in rows] == [("delete", "bureau"), ("create", "system")]


def test_an_event_removed_keeps_its_attendance_within_reach(admin, office):  # noqa: ANN001
    from central.community_tables import event_attendance, event_registrations
    m = office.enroll_member({"first_name": "Ana", "last_name": "Lopes", "building_id": building_id(1),
                              "flat_id": flat_id(1, 1)})
    eid = office.put("event", {"title": "Réunion de rentrée", "description": "", "place": "Salle", "capacity": 10,
                               "starts_at": "2026-09-10T17:00", "ends_at": "2026-09-10T19:00", "audience": "members",
                               "building_ids": [], "pictogram": "meeting"})
    with office.tx() as (conn, _fw):
        conn.execute(event_registrations.insert().values(id="r1", event_id=eid, member_id=m, status="confirmed",
                                                         created_at="2026-09-01T10:00"))
        conn.execute(event_attendance.insert().values(event_id=eid, member_id=m, checked_in_at="2026-09-10T17:05"))
    page = admin.get(f"/admin/event/{eid}/delete").text
    assert "1 inscription(s) et 1 présence(s) sont gardées" in page
    admin.post(f"/admin/event/{eid}/delete", data={"csrf": admin.csrf, "confirmed": "yes"})
    assert office.get("event", eid) is None
    page = admin.get(f"/admin/community/events/{eid}").text
    assert "Événement archivé" in page and "Ana Lopes" in page and "Présents</dt><dd>1" in page
    assert "Réunion de rentrée" in admin.get("/admin/community/events").text
    member = admin.get(f"/admin/members/{m}").text
    assert "Réunion de rentrée" not in member or "archivé" in member


def letters(i: int) -> str:
    """``i`` spelt with letters, in the same order ("aaf" for 5): names hold no digits."""
    return "".join("abcdefghij"[int(d)] for d in f"{i:03d}")


def test_members_list_counts_pages_sorts_and_finds_phone_flat_and_card_number(admin, office):  # noqa: ANN001
    ids = [office.enroll_member({"first_name": "Prénom" + letters(i), "last_name": "Durand", "building_id": building_id(1),
                                 "flat_id": flat_id(1, 1 + i % 10), "phone": f"+336120000{i:02d}"})
           for i in range(60)]
    marie = office.enroll_member({"first_name": "Marie", "last_name": "Lefèvre", "building_id": building_id(2),
                                  "flat_id": flat_id(2, 3), "phone": "+33612345678"})
    page = admin.get("/admin/members").text
    assert "1–25 sur 61" in page and "Page 1 sur 3" in page
    page3 = admin.get("/admin/members", params={"page": 3}).text
    assert "51–61 sur 61" in page3
    desc = admin.get("/admin/members", params={"sort": "first_name", "order": "desc"}).text
    assert desc.index("Prénom" + letters(59)) < desc.index("Prénom" + letters(58))
    for q in ("Lefèvre Marie", "lefevre", "06 12 34 56 78", "+33612345678", "porte 3",
              office.members(marie)[0]["id"][:8]):
        found = admin.get("/admin/members", params={"q": q}).text
        assert f"/admin/members/{marie}" in found, q
    from kiosk.domain.members import member_number
    found = admin.get("/admin/members", params={"q": member_number(marie)}).text
    assert "1–1 sur 1" in found and f"/admin/members/{marie}" in found
    only_b2 = admin.get("/admin/members", params={"building_id": building_id(2)}).text
    assert "1–1 sur 1" in only_b2
    assert ids


def test_member_record_and_office_fields_with_refusals_beside_the_field(admin, office):  # noqa: ANN001
    mid = str(uuid.uuid4())
    with office.tx() as (conn, fw):
        apply_mutation(conn, fw, Device("dev", [building_id(1)], "00000000", 1), "enroll_member", dict(
            id=mid, first_name="Zoé", last_name="Lefèvre", building_id=building_id(1), flat_id=flat_id(1, 1),
            phone="+33611223344", email="zoe@example.org", household=[{"first_name": "Léo", "relation": "enfant"}],
            consents=[{"id": str(uuid.uuid4()), "purpose": "membership", "granted": True, "at": "2026-01-05T10:00:00+00:00",
                       "form_version": "2026-01", "notice_hash": "ab" * 32}]))
    page = visible(admin.get(f"/admin/members/{mid}").text)
    for text in ("06 11 22 33 44", "zoe@example.org", "Léo", "Enfant", "Notice d'information acceptée", "2026-01",
                 "abababababababab", "5 janvier 2026"):
        assert text in page, text
    r = admin.post(f"/admin/members/{mid}", data={"csrf": admin.csrf, "first_name": "Zoé", "last_name": "L3fèvre",
                                                   "building_id": building_id(2), "flat_id": flat_id(1, 1),
                                                   "status": "active"})
    assert r.status_code == 400 and "Lettres, espaces" in r.text and 'value="L3fèvre"' in r.text
    assert banner(r.text).startswith("Rien n'a été enregistré")
    r = admin.post(f"/admin/members/{mid}", data={"csrf": admin.csrf, "first_name": "Zoé", "last_name": "Lefèvre",
                                                   "building_id": building_id(2), "flat_id": flat_id(1, 1),
                                                   "status": "active"})
    assert r.status_code == 400 and "pas dans le bâtiment choisi" in r.text
    r = admin.post(f"/admin/members/{mid}", data={"csrf": admin.csrf, "first_name": "Zoé", "last_name": "Lefèvre-Roy",
                                                   "building_id": building_id(2), "flat_id": flat_id(2, 4),
                                                   "status": "active"})
    assert "Fiche enregistrée" in banner(r.text)
    assert office.members(mid)[0]["flat_id"] == flat_id(2, 4)
    [row, *_] = audit.search(office.engine, audit.AuditQuery(entity="member", entity_id=mid))[0]
    assert row["username"] == "bureau" and row["before"]["last_name"] == "Lefèvre"
    assert row["after"] == {"building_id": building_id(2), "flat_id": flat_id(2, 4), "last_name": "Lefèvre-Roy"}
    log = admin.get("/admin/audit", params={"entity": "member", "entity_id": mid}).text
    assert "Lefèvre → Lefèvre-Roy" in log and "Bâtiment 1 → Bâtiment 2" in log and "PCH-FRA" not in visible(log)
    page = admin.get(f"/admin/members/{mid}/erase").text
    assert "définitif" in page and "1 consentement(s)" in page
    admin.post(f"/admin/members/{mid}/erase", data={"csrf": admin.csrf, "confirmed": "yes"})
    assert office.members(mid) == []
    rows, _ = audit.search(office.engine, audit.AuditQuery(entity="member", entity_id=mid))
    assert rows[0]["action"] == "erase" and all("Lefèvre" not in str(x["before"]) + str(x["after"]) for x in rows)


def test_duplicates_are_merged_after_a_confirmation_page(admin, office):  # noqa: ANN001
    a = office.enroll_member({"first_name": "Zoé", "last_name": "Lefèvre", "building_id": building_id(1),
                              "flat_id": flat_id(1, 1)})
    # the duplicate arrives from a kiosk, as in real life
    with office.tx() as (conn, fw):
        apply_mutation(conn, fw, Device("dev", [building_id(1)], "00000000", 1), "enroll_member", {
            "id": str(uuid.uuid4()), "first_name": "Zoe", "last_name": "LEFEVRE", "building_id": building_id(1),
            "flat_id": flat_id(1, 1)})
    page = admin.get("/admin/merges").text
    assert "Même logement et même nom" in page and "same_flat_and_name" not in page
    qid = office.merge_queue()[0]["id"]
    assert "On garde la fiche existante" in admin.get(f"/admin/merges/{qid}").text
    assert admin.post(f"/admin/merges/{qid}", data={"csrf": admin.csrf, "action": "merge"}).status_code == 400
    admin.post(f"/admin/merges/{qid}", data={"csrf": admin.csrf, "action": "merge", "confirmed": "yes"})
    assert [m["id"] for m in office.members()] == [a]


def test_staff_pins_follow_the_kiosk_rule(admin, office):  # noqa: ANN001
    r = admin.post("/admin/staff", data={"csrf": admin.csrf, "display_name": "Gardienne K.", "role": "caretaker",
                                         "pin": "1234"})
    assert r.status_code == 400 and "De 6 à 12 chiffres" in r.text and 'value="Gardienne K."' in r.text
    admin.post("/admin/staff", data={"csrf": admin.csrf, "display_name": "Gardienne K.", "role": "caretaker",
                                     "pin": "246810"})
    [staff] = office.list("staff")
    page = visible(admin.get("/admin/staff").text)
    assert "Gardien(ne)" in page and "caretaker" not in page
    r = admin.post(f"/admin/staff/{staff['id']}/pin", data={"csrf": admin.csrf, "pin": "12"})
    assert r.status_code == 200 and "PIN non changé" in banner(r.text) and "banner error" in r.text
    admin.post(f"/admin/staff/{staff['id']}/pin", data={"csrf": admin.csrf, "pin": "135790"})
    assert office.list("staff")[0]["pin_hash"] != staff["pin_hash"]


def test_kiosk_buildings_by_name_and_revoke_after_confirmation(admin, office):  # noqa: ANN001
    from central.devices import enroll_device
    from kiosk.domain.cards import CardSigner, public_key_raw
    token = office.create_enrollment_token(building_id(1))
    with office.tx() as (conn, fw):
        device_id = enroll_device(conn, fw, token, "hall", public_key_raw(CardSigner.generate().public_key).hex(),
                                  "0.1.0")[0]
    page = admin.get(f"/admin/kiosks/{device_id}").text
    assert "Bâtiment 2" in page and 'type="checkbox"' in page
    r = admin.post(f"/admin/kiosks/{device_id}/buildings", data={"csrf": admin.csrf, "building_ids[]": "nope"})
    assert "banner error" in r.text
    admin.post(f"/admin/kiosks/{device_id}/buildings", data={"csrf": admin.csrf, "building_ids[]": building_id(1)})
    admin.post(f"/admin/kiosks/{device_id}/buildings", data={"csrf": admin.csrf, "building_ids[]": building_id(2)})
    device = office.list("device")[0]
    assert device["building_ids"] == [building_id(2)] and device["scope_epoch"] == 3
    assert "effacera toutes ses données" in admin.get(f"/admin/kiosks/{device_id}/revoke?wipe=yes").text
    assert admin.post(f"/admin/kiosks/{device_id}/revoke", data={"csrf": admin.csrf, "wipe": "on"}).status_code == 400
    admin.post(f"/admin/kiosks/{device_id}/revoke", data={"csrf": admin.csrf, "wipe": "on", "confirmed": "yes"})
    assert office.list("device")[0]["revoked"] and office.list("device")[0]["wipe"]


def test_roster_import_previews_then_creates_places_once(admin, office):  # noqa: ANN001
    csv = ("residence;ville;batiment;adresse;entree;logement\n"
           "Résidence Francs-Moisins;Saint-Denis;Bâtiment 1;1 rue de la Résidence;Escalier A;9e étage, porte 99\n"
           "Cité des Fleurs;Amiens;Tour Lilas;4 allée des Lilas;Hall 1;RDC porte 1\n"
           "Cité des Fleurs;Amiens;Tour Lilas;4 allée des Lilas;Hall 1;RDC porte 2\n")
    bad = admin.post("/admin/places/import", data={"csrf": admin.csrf, "action": "preview"},
                     files={"file": ("roster.csv", b"residence;ville\nx;y\n", "text/csv")})
    assert bad.status_code == 400 and "colonnes" in bad.text
    flats_before = len(office.list("flat", limit=10000))
    r = admin.post("/admin/places/import", data={"csrf": admin.csrf, "action": "preview"},
                   files={"file": ("roster.csv", csv.encode(), "text/csv")})
    assert "1 résidence(s), 1 bâtiment(s), 1 entrée(s), 3 logement(s)" in r.text
    assert len(office.list("flat", limit=10000)) == flats_before
    r = admin.post("/admin/places/import", data={"csrf": admin.csrf, "action": "apply", "csv": csv})
    assert "Import fait" in banner(r.text)
    assert len(office.list("flat", limit=10000)) == flats_before + 3
    assert {b["name"] for b in office.list("building")} >= {"Tour Lilas", "Bâtiment 1"}
    r = admin.post("/admin/places/import", data={"csrf": admin.csrf, "action": "apply", "csv": csv})
    assert "0 résidence(s), 0 bâtiment(s), 0 entrée(s), 0 logement(s)" in banner(r.text)


def test_accounts_of_each_role_are_managed_by_an_administrator(admin, app):  # noqa: ANN001
    r = admin.post("/admin/accounts", data={"csrf": admin.csrf, "username": "lecture", "display_name": "Financeur",
                                            "role": "reader", "password": "court"})
    assert r.status_code == 400 and "10 caractères" in r.text and 'value="lecture"' in r.text
    admin.post("/admin/accounts", data={"csrf": admin.csrf, "username": "lecture", "display_name": "Financeur",
                                        "role": "reader", "password": "un mot de passe long"})
    acct = app.state.admin_accounts.get("lecture")
    assert acct.role == "reader" and "Lecture seule" in admin.get("/admin/accounts").text


WORDS_NOT_CODES = re.compile(r">\s*(food|florist|pending|active|caretaker|confirmed|waitlisted|received|in_progress|"
                             r"same_flat_and_name|unknown_flat|submitted|published|members)\s*<")
ISO_TIME = re.compile(r">[^<]*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^<]*<")


def test_pages_show_words_and_dates_not_codes(admin, office):  # noqa: ANN001
    office.enroll_member({"first_name": "Ana", "last_name": "Lopes", "building_id": building_id(1),
                          "flat_id": flat_id(1, 1), "status": "pending"})
    office.put("event", {"title": "Réunion", "description": "", "place": "Salle", "capacity": 10,
                         "starts_at": "2026-09-10T17:00", "ends_at": "2026-09-10T19:00", "audience": "members",
                         "building_ids": [], "pictogram": "meeting"})
    for path in ("/admin", "/admin/partner", "/admin/offer", "/admin/event", "/admin/members", "/admin/staff",
                 "/admin/community/events", "/admin/community/ideas", "/admin/audit", "/admin/kiosks",
                 "/admin/places", "/admin/bilan"):
        html = admin.get(path).text
        assert not WORDS_NOT_CODES.search(html), (path, WORDS_NOT_CODES.search(html))
        assert not ISO_TIME.search(html), (path, ISO_TIME.search(html))
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert title.endswith("— Club Kiosk, bureau") and not title.startswith("—"), path
