"""The office's fees page through the real parts: the admin over HTTP, the real server on
127.0.0.1, a real kiosk store and its fees service (SQLite and PostgreSQL, ``backend``).

The office sets the club's fee on its estate (a typing error is said beside the field and
nothing is saved; a reader may look but not change it); the kiosk gets the policy at its
next sync and charges it; after the kiosk's payment syncs, the page lists it with its
receipt number, the member is no longer "à régler", and the CSV export has the receipt.
"""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from central import db
from central.demo import ESTATE, building_id, flat_id
from kiosk.domain.fees import StandingKind
from kiosk.services.fees import build_fees

B1 = building_id(1)
PASSWORD = "correct horse battery"


def login(app, username: str):  # noqa: ANN001, ANN201
    c = TestClient(app)
    r = c.post("/admin/login", data={"username": username, "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    c.csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
    return c


def _estate(app):  # noqa: ANN001, ANN202
    with app.state.engine.connect() as conn:
        return dict(conn.execute(select(db.estates).where(db.estates.c.id == ESTATE)).mappings().one())


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201
    office.create_admin("bureau", PASSWORD)
    with login(app, "bureau") as c:
        yield c


def test_the_office_sets_the_fee_the_kiosk_charges_it_and_the_page_lists_receipts(admin, app, office, kiosk):  # noqa: ANN001
    k = kiosk("hall", B1)
    amina = k.enroll(B1, flat_id(1, 2), "Amina", "Benali")
    jean = k.enroll(B1, flat_id(1, 3), "Jean", "Martin")
    k.sync()
    page = html.unescape(admin.get("/admin/fees").text)
    assert "Pas de cotisation (gratuit)" in page and "Personne." in page

    url = f"/admin/fees/{ESTATE}/policy"
    bad = admin.post(url, data={"csrf": admin.csrf, "fee_tenant_cents": "1 euro", "fee_other_cents": "500"})
    assert bad.status_code == 400
    text = html.unescape(bad.text)
    assert "Un montant en euros, par exemple 1,00." in text and "Au plus 100,00 € par mois." in text
    assert 'value="1 euro"' in text                                     # what was typed is kept
    assert _estate(app)["fee_other_cents"] == 0                          # nothing saved

    office.create_admin("lecteur", PASSWORD, role="reader")
    with login(app, "lecteur") as reader:
        assert reader.get("/admin/fees").status_code == 200
        refused = reader.post(url, data={"csrf": reader.csrf, "fee_tenant_cents": "0", "fee_other_cents": "0"})
        assert refused.status_code == 403

    r = admin.post(url, data={"csrf": admin.csrf, "fee_tenant_cents": "1,00", "fee_other_cents": "5",
                              "fee_blocks_lending": "on"})
    assert r.status_code == 200 and "Cotisation de" in html.unescape(r.text)
    page = html.unescape(admin.get("/admin/fees").text)
    assert "1,00\u00a0€ par mois pour les locataires, 5,00\u00a0€ pour les autres" in page
    assert "Amina Benali" in page and "Jean Martin" in page              # both due, never paid

    k.sync()
    service = build_fees(k.store, today=date.today)
    assert service.standing(amina).kind is StandingKind.DUE             # the kiosk has the office's policy
    receipt = service.record_payment(amina, k.session.staff_id, 3)
    assert receipt.payment.amount_cents == 300
    k.sync()

    page = html.unescape(admin.get("/admin/fees").text)
    assert receipt.payment.receipt_number in page and "3,00\u00a0€" in page
    due = page.split("À régler")[1].split("Paiements")[0]
    assert "Jean Martin" in due and "Amina Benali" not in due
    csv = admin.get("/admin/fees/payments.csv")
    assert csv.headers["content-type"].startswith("text/csv")
    assert f"{receipt.payment.receipt_number};" in csv.text and "Amina Benali" in csv.text and "3,00" in csv.text
    assert _estate(app)["fee_blocks_lending"]
