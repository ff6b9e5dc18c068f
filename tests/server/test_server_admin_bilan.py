"""The Bilan of the demo data: its figures against counts computed here straight from the
database (plain SQL, not the Bilan's code), small counts hidden per building, a CSV per
table, and the PDF report whose text carries the same figures."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import text

from admin_helpers import PASSWORD, login
from central import bilan
from central.demo import building_id, seed_activity

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(app, office):  # noqa: ANN001, ANN201
    seed_activity(office, members=48)
    office.put_place("building", {"id": "PCH-FRA-B3", "estate_id": "PCH-FRA", "name": "Bâtiment 3", "address": "",
                                  "lat": 48.93, "lon": 2.35})
    office.put_place("entrance", {"id": "PCH-FRA-B3-E1", "building_id": "PCH-FRA-B3", "name": "Escalier A"})
    for i in range(3):  # three members: a count that could single them out
        office.put_place("flat", {"id": f"B3-F{i}", "entrance_id": "PCH-FRA-B3-E1", "building_id": "PCH-FRA-B3",
                                  "label": f"porte {i}"})
        office.enroll_member({"first_name": "Petit", "last_name": f"Nombre{'abc'[i]}", "building_id": "PCH-FRA-B3",
                              "flat_id": f"B3-F{i}"})
    office.create_admin("lecture", PASSWORD, role="reader")
    with TestClient(app) as c:
        login(c, "lecture")
        yield c


def _sql(office, q: str, **params):  # noqa: ANN001, ANN202
    with office.engine.connect() as conn:
        return conn.execute(text(q), params).all()


def test_bilan_figures_match_the_database_and_small_counts_are_hidden(demo, office):  # noqa: ANN001
    start, end = bilan.default_period()
    b = bilan.build(office.engine, start, end)
    rows = {r[1]: r for r in next(s for s in b.sections if s.key == "members_by_building").rows}
    for n in (1, 2):
        bid = building_id(n)
        members = _sql(office, "SELECT count(*) FROM members WHERE building_id = :b AND status <> 'left'", b=bid)[0][0]
        homes = _sql(office, "SELECT count(DISTINCT flat_id) FROM members WHERE building_id = :b AND status <> 'left'",
                     b=bid)[0][0]
        flats = _sql(office, "SELECT count(*) FROM flats WHERE building_id = :b", b=bid)[0][0]
        assert rows[f"Bâtiment {n}"][2:5] == [flats, homes, members]
        assert rows[f"Bâtiment {n}"][5] == f"{100 * homes / flats:.1f} %".replace(".", ",")
    assert rows["Bâtiment 3"][3:6] == ["< 5", "< 5", "< 5"]
    total = _sql(office, "SELECT count(*) FROM members WHERE status <> 'left'")[0][0]
    assert dict(b.headline)["Adhérents"] == str(total) == "51"
    months = {}
    for (created,) in _sql(office, "SELECT created_at FROM members WHERE created_at >= :s AND created_at < :e",
                           s=start.isoformat(), e=(end.isoformat() + "T99")):
        months[created[:7]] = months.get(created[:7], 0) + 1
    new = next(s for s in b.sections if s.key == "new_members")
    assert sum(r[1] for r in new.rows) == sum(months.values())
    events = next(s for s in b.sections if s.key == "events")
    came = dict(_sql(office, "SELECT event_id, count(*) FROM event_attendance GROUP BY event_id"))
    titles = dict(_sql(office, "SELECT title, id FROM events WHERE starts_at >= :s AND starts_at <= :e",
                       s=start.isoformat(), e=end.isoformat() + "T99"))
    assert {r[1]: r[4] for r in events.rows} == {t: came.get(i, 0) for t, i in titles.items()}
    ideas = next(s for s in b.sections if s.key == "ideas_requests")
    by_status = dict(_sql(office, "SELECT status, count(*) FROM ideas GROUP BY status"))
    assert [r[2] for r in ideas.rows if r[0] == "Idées" and r[1] == "Publiée"] == [by_status["published"]]


def test_bilan_page_csv_and_pdf(demo, office, tmp_path):  # noqa: ANN001
    page = demo.get("/admin/bilan").text
    assert page.count("<svg") >= 3 and "Définition" in page and "cdn" not in page.lower()
    assert "Prêts d&#39;outils" in page  # what is not counted yet is said
    r = demo.get("/admin/bilan/members_by_building.csv")
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff")), delimiter=";"))
    assert table[0][:3] == ["Résidence", "Bâtiment", "Logements"] and ["< 5"] * 3 == table[3][3:6]
    assert demo.get("/admin/bilan", params={"start": "2026-05-01", "end": "2026-01-01"}).status_code == 400
    r = demo.get("/admin/bilan.pdf")
    assert r.headers["content-type"] == "application/pdf"
    (tmp_path / "bilan.pdf").write_bytes(r.content)
    reader = PdfReader(io.BytesIO(r.content))
    text_all = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 2 and "Bilan du club des locataires" in text_all
    start, end = bilan.default_period()
    b = bilan.build(office.engine, start, end)
    for label, value in b.headline:
        assert f"{value}" in text_all and label in text_all
    for s in b.sections:
        assert s.title in text_all
    events = next(s for s in b.sections if s.key == "events")
    for row in events.rows:
        assert row[1][:20] in text_all.replace("\n", " ")
    assert "Nombre1" not in text_all and "Petit" not in text_all  # no names in the report


def test_an_estate_account_gets_the_bilan_of_its_estate_only(app, office):  # noqa: ANN001
    seed_activity(office, members=12, today=date.today())
    office.put_place("estate", {"id": "OPAC-AMI", "name": "Conciergerie d'Amiens", "city": "Amiens"})
    office.create_admin("amiens", PASSWORD, role="reader", estate_ids=["OPAC-AMI"])
    with TestClient(app) as c:
        login(c, "amiens")
        page = c.get("/admin/bilan").text
        assert "Bâtiment 1" not in page and "Conciergerie d&#39;Amiens" in page


def test_a_shared_event_counts_only_the_estate_s_own_members_for_its_account(app, office):  # noqa: ANN001
    seed_activity(office, members=24)
    start, end = bilan.default_period()
    everyone = {r[1]: r[4] for r in next(s for s in bilan.build(office.engine, start, end).sections
                                         if s.key == "events").rows}
    only_b2 = {r[1]: r[4] for r in next(s for s in bilan.build(office.engine, start, end, {building_id(2)}).sections
                                        if s.key == "events").rows}
    with office.engine.connect() as conn:
        b2_present = conn.execute(text(
            "SELECT count(*) FROM event_attendance a JOIN members m ON m.id = a.member_id "
            "WHERE a.event_id = 'demo-event-1' AND m.building_id = :b"), {"b": building_id(2)}).scalar_one()
    title = "Réunion avec l'équipe de gestion"
    assert only_b2[title] == b2_present < everyone[title]
