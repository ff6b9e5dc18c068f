"""Suspending a member's loans from their record, and the card-number form when two
members share a number (numbers are 40 bits of the member id), through the real app on
SQLite and PostgreSQL and a kiosk synced against the live server.

The record says whether the member may borrow, suspends with a date and a reason (a past
date is refused with the values kept) and lifts it; the kiosk learns both on its next
sync. Typed on the suspensions page, a number two members share suspends nobody: the page
names both, with building and flat, each with its own "Suspendre" that carries the typed
date and reason. An account of another estate cannot suspend a member it does not see."""

from __future__ import annotations

import re
import sys
from html import unescape
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from central.demo import flat_id
from central.lending_tables import lending_suspensions
from kiosk.domain.members import member_number
from lending_helpers import B1

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from admin_helpers import PASSWORD, banner, login  # noqa: E402

pytestmark = pytest.mark.slow


def _suspended(office) -> dict[str, dict]:  # noqa: ANN001
    with office.engine.connect() as conn:
        return {r["member_id"]: dict(r) for r in conn.execute(select(lending_suspensions)).mappings()}


def _twins(office) -> tuple[str, str]:  # noqa: ANN001
    """Two members of building 1 whose ids share their first 40 bits: one card number."""
    head = uuid.uuid4().bytes[:5]
    ids = [str(uuid.UUID(bytes=head + uuid.uuid4().bytes[5:], version=4)) for _ in range(2)]
    for n, (mid, first) in enumerate(zip(ids, ("Awa", "Bintou"))):
        office.enroll_member({"id": mid, "first_name": first, "last_name": "Diallo", "building_id": B1,
                              "flat_id": flat_id(1, 3 + n)})
    assert member_number(ids[0]) == member_number(ids[1])
    return ids[0], ids[1]


def test_suspend_and_lift_from_the_members_record_reaches_the_kiosk(app, office, kiosk) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("k1", B1)
    a = k.enroll(B1, flat_id(1, 1), "Awa")
    k.sync()                                      # the member reaches the office
    with TestClient(app) as c:
        csrf = login(c)
        record = c.get(f"/admin/members/{a}").text
        assert "Peut emprunter." in record and f'action="/admin/lending/members/{a}/suspend"' in record
        past = (date.today() - timedelta(days=1)).isoformat()
        r = c.post(f"/admin/lending/members/{a}/suspend", data={"csrf": csrf, "until": past,
                                                                "reason": "Escabeau rendu tordu"})
        assert r.status_code == 400 and "Cette date est passée." in r.text
        assert 'value="Escabeau rendu tordu"' in r.text and _suspended(office) == {}
        until = (date.today() + timedelta(days=30)).isoformat()
        r = c.post(f"/admin/lending/members/{a}/suspend", data={"csrf": csrf, "until": until,
                                                                "reason": "Escabeau rendu tordu"})
        assert "ne peut plus emprunter" in banner(r.text) and str(r.url).endswith(f"/admin/members/{a}")
        assert "Prêts suspendus jusqu'au" in unescape(r.text) and "Escabeau rendu tordu" in r.text
        assert _suspended(office)[a]["until"] == until
        k.sync()
        assert k.store.repos.lending.suspension(a) is not None
        r = c.post(f"/admin/lending/suspensions/{a}/lift", data={"csrf": csrf, "back": "member"})
        assert "Suspension levée" in banner(r.text) and str(r.url).endswith(f"/admin/members/{a}")
        assert "Peut emprunter." in r.text and _suspended(office) == {}
        k.sync()
        assert k.store.repos.lending.suspension(a) is None


def test_a_number_shared_by_two_members_suspends_nobody_and_lists_both(app, office) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    awa, bintou = _twins(office)
    with TestClient(app) as c:
        csrf = login(c)
        r = c.post("/admin/lending/suspensions", data={"csrf": csrf, "number": member_number(awa).lower(),
                                                        "until": "", "reason": "Ponceuse non rendue"})
        assert r.status_code == 400 and _suspended(office) == {}
        assert "2 adhérents ont ce numéro : choisissez le bon" in r.text
        rows = re.findall(r'<a href="/admin/members/([0-9a-f-]+)#pret">([^<]+)</a>', r.text)
        assert sorted(rows) == sorted([(awa, "Awa Diallo"), (bintou, "Bintou Diallo")])
        assert "porte 3" in r.text and "porte 4" in r.text           # told apart by their flats
        forms = re.findall(r'action="/admin/lending/members/([0-9a-f-]+)/suspend">.*?name="reason" value="([^"]*)"',
                           r.text)
        assert sorted(forms) == sorted([(awa, "Ponceuse non rendue"), (bintou, "Ponceuse non rendue")])
        r = c.post(f"/admin/lending/members/{bintou}/suspend", data={"csrf": csrf, "until": "",
                                                                     "reason": "Ponceuse non rendue"})
        assert "Bintou Diallo ne peut plus emprunter" in banner(r.text)
        assert set(_suspended(office)) == {bintou}


def test_an_account_of_another_estate_cannot_suspend_a_member_it_does_not_see(app, office) -> None:  # noqa: ANN001
    office.put_place("estate", {"id": "OTHER", "name": "Cité des Fleurs", "city": "Amiens"})
    office.create_admin("amiens", PASSWORD, role="editor", estate_ids=["OTHER"])
    member = office.enroll_member({"first_name": "Awa", "last_name": "Diallo", "building_id": B1,
                                   "flat_id": flat_id(1, 1)})
    with TestClient(app) as c:
        csrf = login(c, "amiens")
        assert c.get(f"/admin/members/{member}").status_code == 404
        r = c.post(f"/admin/lending/members/{member}/suspend", data={"csrf": csrf, "until": "", "reason": "x"})
        assert r.status_code == 404 and _suspended(office) == {}
