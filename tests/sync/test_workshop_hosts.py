"""Volunteer-run workshops through the real parts: the office's admin (HTTP), the real
server on 127.0.0.1, a real encrypted kiosk store and its community service.

The office names an event's member hosts by the number on their card; the kiosk gets the
hosts with the event (first name only, never the last name), and the member space counts
the workshops the member ran and their hours. A number nobody holds is refused beside the
field, nothing saved. On SQLite and on PostgreSQL (``backend``).
"""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from central.demo import building_id, flat_id
from kiosk.domain.members import member_number

B1 = building_id(1)
PASSWORD = "correct horse battery"


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        r = c.post("/admin/login", data={"username": "bureau", "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303, r.text[:300]
        c.csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
        yield c


def event_form(admin, title: str, starts: str, ends: str, hosts: str) -> dict[str, str]:  # noqa: ANN001
    return {"csrf": admin.csrf, "title": title, "place": "Local de la Conciergerie", "capacity": "10",
            "audience": "members", "pictogram": "workshop", "starts_at": starts, "ends_at": ends,
            "building_ids[]": B1, "hosts": hosts}


def test_the_office_names_hosts_and_the_kiosk_shows_first_names_and_counts_hours(admin, office, kiosk):  # noqa: ANN001
    k = kiosk("k1", B1)
    nadia = office.enroll_member({"first_name": "Nadia", "last_name": "Haddad", "building_id": B1,
                                  "flat_id": flat_id(1, 1)})
    bad = admin.post("/admin/event/edit", data=event_form(admin, "Tricot", "10/01/2026 14h00", "10/01/2026 16h00",
                                                          "ZZZZ-ZZZZ"))
    assert bad.status_code == 400 and "adhérent inconnu : ZZZZ-ZZZZ" in html.unescape(bad.text)
    assert 'value="ZZZZ-ZZZZ"' in bad.text
    assert not [e for e in office.list("event") if e["title"] == "Tricot"]

    number = member_number(nadia).lower()        # typed as it comes, lower case
    for title, starts, ends in (("Tricot", "10/01/2026 14h00", "10/01/2026 16h00"),
                                ("Cuisine du monde", "17/01/2026 10h00", "17/01/2026 14h00"),
                                ("Aide aux devoirs", "15/12/2099 17h00", "15/12/2099 18h30")):
        r = admin.post("/admin/event/edit", data=event_form(admin, title, starts, ends, number))
        assert r.status_code == 200, r.text[-400:]
    ev = next(e for e in office.list("event") if e["title"] == "Tricot")
    assert ev["hosts"] == [{"member_id": nadia, "first_name": "Nadia"}]
    form = admin.get(f"/admin/event/edit?id={ev['id']}").text
    assert member_number(nadia) in form            # the form shows the number back

    office_page = html.unescape(admin.get("/admin/workshops").text)
    row = office_page.split("Nadia Haddad")[1].split("</tr>")[0]
    assert re.findall(r">([^<>]+)</td>", row) == [member_number(nadia), "2", "6 h", "1"]

    k.sync()
    coming = [v.event for v in k.community.upcoming() if v.event.title == "Aide aux devoirs"]
    assert coming and coming[0].host_names == "Nadia" and "Haddad" not in coming[0].host_names
    done = k.community.hosted_hours(nadia)
    assert (done.workshops, done.minutes, done.hours_text) == (2, 360, "6 h")   # the coming one not yet
