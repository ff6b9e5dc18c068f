"""The office's tool-lending pages through the real app (SQLite and PostgreSQL): a point
and an item with a photo made in the admin reach a kiosk on its next sync; bad input
keeps the form with a French message; the read-only role cannot write; labels, loans,
overdue, waiting lists, suspensions and the CSV export."""

from __future__ import annotations

import io
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import update

from central.demo import flat_id
from central.lending_office import LendingOffice
from central.lending_tables import lending_suspensions, loans
from kiosk.services.lending import Borrower
from lending_helpers import B1, B2, lending_of, make_point

sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
from admin_helpers import PASSWORD, banner, login  # noqa: E402

pytestmark = pytest.mark.slow


def png(size: tuple[int, int] = (300, 200), colour: str = "orange") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def item_form(csrf: str, point: str, **extra: str) -> dict[str, str]:
    return {"csrf": csrf, "id": "", "name": "Nettoyeur haute pression", "point_id": point, "category": "cleaning",
            "condition": "ok", "condition_note": "", "safety_notes": "Gants et lunettes.",
            "manual_url": "https://example.org/notice.pdf", "deposit": "25,50", "loan_days": "3", "hold_days": "1",
            "on_hold_until": "", "needs_waiver": "on", "active": "on"} | extra


def field_error(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<p class="field-error"[^>]*>(.*?)</p>', html, re.S)]


def test_point_and_item_with_photo_reach_the_kiosk(app, office, kiosk) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("k1", B1)
    with TestClient(app) as c:
        csrf = login(c)
        assert "Aucun point de prêt" in c.get("/admin/lending").text
        r = c.post("/admin/lending/points", data={"csrf": csrf, "id": "", "name": "  Loge   du gardien ",
                                                   "place": "Hall A, 9h-12h", "building_ids[]": B1})
        assert "Point de prêt « Loge du gardien » enregistré" in banner(r.text)
        point = LendingOffice(office.engine).points()[0]
        assert (point["name"], point["building_ids"]) == ("Loge du gardien", [B1])
        r = c.post("/admin/lending/items", data=item_form(csrf, point["id"]),
                   files={"photo": ("nettoyeur.png", png(), "image/png")})
        assert "Objet « Nettoyeur haute pression » enregistré" in banner(r.text)
        item = LendingOffice(office.engine).items()[0]
        assert (item["deposit_cents"], item["loan_days"], item["hold_days"], item["needs_waiver"]) == (2550, 3, 1, True)
        photo = c.get(f"/admin/lending/items/{item['id']}/photo")
        assert photo.status_code == 200 and photo.headers["content-type"].startswith("image/")
        home = c.get("/admin/lending").text
        assert "Nettoyeur haute pression" in home and "25,50" in home and "Ménage" in home
        # edit: a new name, the photo kept
        r = c.post("/admin/lending/items", data=item_form(csrf, point["id"], id=item["id"], name="Nettoyeur HP"))
        assert "Nettoyeur HP" in banner(r.text)
        assert LendingOffice(office.engine).photo(item["id"]) is not None
    k.sync()
    lending = lending_of(k)
    [entry] = lending.catalogue()
    assert (entry.item.name, entry.item.deposit_cents, entry.item.needs_waiver) == ("Nettoyeur HP", 2550, True)
    mime, data = lending.photo(item["id"])
    with Image.open(io.BytesIO(data)) as img:
        assert img.format in ("PNG", "JPEG") and max(img.size) <= 512
    assert mime in ("image/png", "image/jpeg")


def test_bad_input_keeps_the_form_with_a_french_message(app, office) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    point = make_point(office)
    with TestClient(app) as c:
        csrf = login(c)
        cases = [({"name": "   "}, None, "Donnez un nom"),
                 ({"deposit": "-5"}, None, "Dépôt : un montant positif en euros"),
                 ({"deposit": "2000"}, None, "Dépôt : de 0 à 1 000,00 €."),
                 ({"loan_days": "0"}, None, "Durée du prêt : de 1 à 60 jours."),
                 ({"manual_url": "javascript:alert(1)"}, None, "https://"),
                 ({}, ("notes.txt", b"not an image at all", "image/png"), "pas une image lisible"),
                 ({}, ("big.png", b"\x89PNG" + b"0" * 950_000, "image/png"), "La photo est trop lourde (951 Ko) : 900 Ko au plus.")]
        for extra, photo, message in cases:
            form = item_form(csrf, point.id, name=extra.pop("name", "Ponceuse <b>orbitale</b>"), **extra)
            r = c.post("/admin/lending/items", data=form, files={"photo": photo} if photo else None)
            assert r.status_code == 400, extra
            assert any(message in e for e in field_error(r.text)), (extra, field_error(r.text))
            assert "Rien n'a été enregistré" in r.text
            if form["name"].strip():      # typed values are kept, escaped
                assert 'value="Ponceuse &lt;b&gt;orbitale&lt;/b&gt;"' in r.text
        assert {i["name"] for i in LendingOffice(office.engine).items()} == {
            "Perceuse visseuse", "Appareil à raclette", "Escabeau 5 marches"}
        r = c.post("/admin/lending/points", data={"csrf": csrf, "id": "", "name": "Salle du club", "place": ""})
        assert r.status_code == 400 and "Cochez au moins un bâtiment" in " ".join(field_error(r.text))
        assert 'value="Salle du club"' in r.text
        r = c.post("/admin/lending/points", data={"csrf": csrf, "id": "", "name": "", "building_ids[]": B1})
        assert r.status_code == 400 and "Donnez un nom" in " ".join(field_error(r.text))
        assert len(LendingOffice(office.engine).points()) == 1


def test_reader_cannot_write_and_forms_need_csrf(app, office) -> None:  # noqa: ANN001
    office.create_admin("lecteur", PASSWORD, role="reader")
    office.create_admin("bureau", PASSWORD)
    point = make_point(office)
    with TestClient(app) as c:
        csrf = login(c, "lecteur")
        page = c.get("/admin/lending").text
        assert "Perceuse visseuse" in page and "Nouvel objet" not in page and "Modifier" not in page
        for path, data in (("/admin/lending/points", {"name": "X", "building_ids[]": B1}),
                           ("/admin/lending/items", item_form(csrf, point.id)),
                           (f"/admin/lending/items/{point.drill}/repaired", {}),
                           ("/admin/lending/suspensions", {"number": "X"})):
            r = c.post(path, data={"csrf": csrf} | data)
            assert r.status_code == 403 and "Lecture seule" in r.text, path
    with TestClient(app) as c:
        login(c, "bureau")
        r = c.post("/admin/lending/items", data=item_form("forged", point.id))
        assert r.status_code == 403 and "formulaire a expiré" in r.text
    assert len(LendingOffice(office.engine).items()) == 3 and len(LendingOffice(office.engine).points()) == 1


def test_loans_overdue_waiting_suspension_labels_and_csv(app, office, kiosk) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    point = make_point(office)
    k = kiosk("k1", B1)
    a = k.enroll(B1, flat_id(1, 1), "Awa")
    b = k.enroll(B1, flat_id(1, 2), "Bilal")
    lending = lending_of(k)
    lent = lending.lend(k.session, Borrower(a, "Awa"), point.grill)
    lending.reserve(b, point.grill)
    k.sync()
    with office.engine.begin() as conn:        # the grill was due a week ago
        conn.execute(update(loans).where(loans.c.id == lent.loan.id).values(
            due_on=(date.today() - timedelta(days=7)).isoformat()))
    with TestClient(app) as c:
        csrf = login(c)
        current = c.get("/admin/lending/loans").text
        assert "Appareil à raclette" in current and "En retard" in current and "Réservé" in current
        assert "Aucun prêt." in c.get("/admin/lending/loans", params={"state": "returned"}).text
        assert "Aucun prêt." in c.get("/admin/lending/loans", params={"point": "elsewhere"}).text
        overdue = c.get("/admin/lending/overdue").text
        assert "Prêts en retard (1)" in overdue and "Awa" in overdue
        waiting = c.get("/admin/lending/waiting").text
        assert "Appareil à raclette" in waiting and "Bilal" in waiting
        labels = c.get("/admin/lending/labels", params=[("item", point.drill), ("item", point.ladder)]).text
        assert labels.count('<div class="label">') == 2 and "data:image/svg+xml" in labels
        assert "Perceuse visseuse" in labels and "Appareil à raclette" not in labels
        assert c.get("/admin/lending/labels", params={"point": point.id}).text.count('<div class="label">') == 3
        csv = c.get("/admin/lending/loans.csv")
        assert csv.headers["content-type"].startswith("text/csv")
        lines = csv.text.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("pret;objet;membre;statut")
        by_member = {line.split(";")[2].split()[0]: line.split(";")[3] for line in lines[1:]}
        assert by_member == {"Awa": "overdue", "Bilal": "reserved"}
        # suspend Awa (by her card's number), then lift it
        from kiosk.domain.members import member_number
        r = c.post("/admin/lending/suspensions", data={"csrf": csrf, "number": "nope", "until": "", "reason": ""})
        assert r.status_code == 400 and "Aucun adhérent" in " ".join(field_error(r.text))
        r = c.post("/admin/lending/suspensions", data={"csrf": csrf, "number": member_number(a),
                                                        "until": "", "reason": "Perceuse rendue cassée"})
        assert "ne peut plus emprunter" in banner(r.text) and "Perceuse rendue cassée" in r.text
        k.sync()
        assert k.store.repos.lending.suspension(a) is not None
        r = c.post(f"/admin/lending/suspensions/{a}/lift", data={"csrf": csrf})
        assert "Suspension levée" in banner(r.text) and "Personne n'est suspendu." in r.text
        with office.engine.connect() as conn:
            assert conn.execute(lending_suspensions.select()).first() is None
        k.sync()
        assert k.store.repos.lending.suspension(a) is None
