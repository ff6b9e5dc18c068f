"""The help screen through the real parts: the office's admin (HTTP), the real server on
127.0.0.1, real encrypted kiosk stores and their services.

- A building's help contact typed in the admin (a refused number said beside the field,
  nothing saved) reaches that building's kiosk at its next sync, and the help screen's
  service returns it; the other building's kiosk never gets it; edits and removal follow.
- "Je voudrais qu'on me rappelle", made with the network cable pulled, is in the office's
  "Rappels à faire" exactly once after one sync (phone masked in the list, full on the
  record), the office's status comes back to the member's kiosk, and the kiosk forgets
  the number once the server has it.
- Erasing a member, at the kiosk or at the office, erases their call-back requests on
  both sides (one made offline and erased before it was ever sent too).
Each test runs on SQLite and on PostgreSQL (``backend``).
"""

from __future__ import annotations

import json
import re

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from central.demo import building_id, flat_id
from central.help_tables import callback_requests, help_contacts
from kiosk.services.help import HelpService

B1, B2 = building_id(1), building_id(2)
PASSWORD = "correct horse battery"


class Cable(httpx.BaseTransport):
    """The kiosk's network cable: unplugged, every request fails as with no network."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.plugged = True

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self.plugged:
            raise httpx.ConnectError("network cable unplugged", request=request)
        return self.inner.handle_request(request)


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    """The office's admin in a browser-like client (same app as the live server)."""
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        r = c.post("/admin/login", data={"username": "bureau", "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303, r.text[:300]
        c.csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
        yield c


def help_of(k) -> HelpService:  # noqa: ANN001
    """The help screen's service over a test kiosk, built as the app builds it."""
    return HelpService(k.store.db, k.store.repos, k.community.upcoming, [])


def banner(html: str) -> str:
    m = re.search(r'<div class="banner[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""


def test_a_help_contact_typed_at_the_office_reaches_only_its_buildings_kiosk(admin, kiosk, app):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B2)
    form = {"csrf": admin.csrf, "name": "Mme Diallo, gardienne", "role": "caretaker",
            "hours": "du lundi au vendredi, 8 h 30 – 12 h", "phone": "01 48 13", "position": "0"}
    bad = admin.post(f"/admin/help/{B1}/edit", data=form)
    assert bad.status_code == 400 and "Un numéro de téléphone français" in bad.text
    assert 'value="01 48 13"' in bad.text and 'value="Mme Diallo, gardienne"' in bad.text   # input kept
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(help_contacts)).scalar_one() == 0

    r = admin.post(f"/admin/help/{B1}/edit", data=form | {"phone": "01 48 13 55 10"})
    assert r.status_code == 200 and "Contact enregistré" in banner(r.text) and "01 48 13 55 10" in r.text
    k1.sync()
    k2.sync()
    [contact] = help_of(k1).info().contacts
    assert (contact.name, contact.hours, contact.phone) == ("Mme Diallo, gardienne", form["hours"], "+33148135510")
    assert help_of(k2).info().contacts == []                 # building 2's kiosk never holds it
    assert k2.store.db.run(lambda c: c.execute("SELECT count(*) FROM help_contacts").fetchone()[0]) == 0

    edit = admin.get(f"/admin/help/{B1}/edit?id={contact.id}")
    assert 'value="01 48 13 55 10"' in edit.text
    admin.post(f"/admin/help/{B1}/edit", data=form | {"id": contact.id, "phone": "01 48 13 55 11",
                                                       "hours": "le matin"})
    k1.sync()
    assert [(c.phone, c.hours) for c in help_of(k1).info().contacts] == [("+33148135511", "le matin")]
    # building 2's page cannot edit building 1's contact
    assert admin.post(f"/admin/help/{B2}/edit", data=form | {"id": contact.id, "phone": "0148135512"}).status_code == 404

    confirm = admin.get(f"/admin/help/{B1}/{contact.id}/delete")
    assert "dernier contact" in confirm.text
    gone = admin.post(f"/admin/help/{B1}/{contact.id}/delete", data={"csrf": admin.csrf, "confirmed": "yes"})
    assert "retiré" in banner(gone.text)
    k1.sync()
    assert help_of(k1).info().contacts == []
    journal = admin.get("/admin/audit?entity=help_contact").text
    assert journal.count("Mme Diallo, gardienne") >= 3 and "Création" in journal and "Suppression" in journal


def _callbacks(app) -> list[dict]:  # noqa: ANN001
    with app.state.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(callback_requests).order_by(callback_requests.c.created_at))
                .mappings()]


def test_a_call_back_asked_offline_reaches_the_office_once_and_its_status_comes_back(
        admin, kiosk, app, office):  # noqa: ANN001
    cable = Cable()
    k1, k2 = kiosk("k1", B1, transport=cable), kiosk("k2", B2)
    member = k1.enroll(B1, flat_id(1, 1), "Nadia", "Haddad", phone="06 12 34 56 78")
    k1.sync()
    cable.plugged = False
    helper = help_of(k1)
    anonymous = helper.request_callback("01 48 13 55 10", "ar", "other")
    identified = helper.request_callback("", "fr", "home", member)
    report = k1.engine.run_once(force=True)
    assert not report.ok and k1.store.repos.outbox.pending_count() == 2
    assert _callbacks(app) == []
    cable.plugged = True
    k1.sync()                                             # once

    rows = {r["id"]: r for r in _callbacks(app)}
    assert set(rows) == {anonymous, identified}
    assert (rows[anonymous]["member_id"], rows[anonymous]["phone"], rows[anonymous]["language"]) == \
        (None, "+33148135510", "ar")
    assert (rows[identified]["member_id"], rows[identified]["phone"], rows[identified]["building_id"]) == \
        (member, "", B1)
    home = admin.get("/admin").text
    assert re.search(r'<div class="big">2</div><div>Rappels à faire</div>', home)
    listing = admin.get("/admin/callbacks").text
    assert listing.count(f'href="/admin/callbacks/{anonymous}"') == 1
    assert listing.count(f'href="/admin/callbacks/{identified}"') == 1
    assert "01 •• •• •• 10" in listing and "06 •• •• •• 78" in listing and "Nadia Haddad" in listing
    assert "48 13 55" not in listing and "34 56" not in listing            # masked in the list
    assert "Sans fiche adhérent" in listing and "Arabe" in listing and "Logement, réparation" in listing
    record = admin.get(f"/admin/callbacks/{anonymous}").text
    assert "01 48 13 55 10" in record and 'href="tel:+33148135510"' in record
    assert "06 12 34 56 78" in admin.get(f"/admin/callbacks/{identified}").text   # the member's own number

    # the kiosk forgets the numbers the server has; a pull brings the member's request back
    assert helper.forget_sent_phones() == 1
    sent = {p["id"]: p for p in (json.loads(e["payload"]) for e in _outbox(k1))}
    assert "phone" not in sent[anonymous] and sent[anonymous]["reason"] == "other"
    assert helper.caller(member).due_since

    r = admin.post(f"/admin/callbacks/{identified}", data={"csrf": admin.csrf, "status": "called"})
    assert "Rappelé(e)" in banner(r.text)
    assert f"/admin/callbacks/{identified}" not in r.text           # the list shows what is still to call
    k1.sync()
    k2.sync()
    assert k1.store.repos.callbacks.get(identified).status.value == "called"
    assert helper.caller(member).due_since == ""
    assert k2.store.db.run(lambda c: c.execute("SELECT count(*) FROM callback_requests").fetchone()[0]) == 0
    journal = admin.get(f"/admin/audit?entity=callback&entity_id={identified}").text
    assert "À rappeler" in journal and "Rappelé(e)" in journal and "bureau" in journal


def _outbox(k) -> list[dict]:  # noqa: ANN001
    """The kiosk's request_callback outbox rows, the payload as stored (text)."""
    return k.store.db.run(lambda c: [dict(r) for r in c.execute("SELECT * FROM outbox WHERE mutation = "
                                                                "'request_callback' ORDER BY seq")])


def test_erasing_a_member_at_the_kiosk_or_the_office_erases_their_call_backs(kiosk, app, office):  # noqa: ANN001
    cable = Cable()
    k1 = kiosk("k1", B1, transport=cable)
    at_kiosk = k1.enroll(B1, flat_id(1, 2), "Awa", "Traoré")
    at_office = k1.enroll(B1, flat_id(1, 3), "Jean", "Martin")
    never_sent = k1.enroll(B1, flat_id(1, 4), "Rose", "Faure")
    k1.sync()
    helper = help_of(k1)
    first = helper.request_callback("", "fr", "membership", at_kiosk)
    second = helper.request_callback("06 99 88 77 66", "fr", "activities", at_office)   # another number
    anonymous = helper.request_callback("01 48 13 55 10", "fr", "other")
    k1.sync()
    assert {r["id"] for r in _callbacks(app)} == {first, second, anonymous}

    # at the kiosk: gone here at once (row and number), on the server at the next sync
    k1.erase(at_kiosk)
    assert k1.store.repos.callbacks.of_member(at_kiosk) == []
    # at the office: gone on the server at once, on the kiosk at its next sync
    assert office.erase_member(at_office)
    assert {r["id"] for r in _callbacks(app)} == {first, anonymous}
    # made offline and erased before it was ever sent: its number never reaches the server
    cable.plugged = False
    late = helper.request_callback("07 81 22 33 44", "fr", "home", never_sent)
    k1.erase(never_sent)
    entry = next(e for e in _outbox(k1) if '"' + late + '"' in e["payload"])
    assert "07 81" not in entry["payload"] and "+33781" not in entry["payload"]
    cable.plugged = True
    k1.sync()
    assert {r["id"] for r in _callbacks(app)} == {anonymous}
    assert k1.store.db.run(lambda c: [r[0] for r in c.execute("SELECT id FROM callback_requests")]) == [anonymous]
    with app.state.engine.connect() as conn:
        stored = " ".join(str(r) for r in conn.execute(select(callback_requests)))
    assert "+33699887766" not in stored and "+33781223344" not in stored
