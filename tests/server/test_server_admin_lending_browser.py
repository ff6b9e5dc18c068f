"""The tool-lending office pages in Chromium (1440×900 and 390×844), empty, then with a
point and an item made through the forms (a photo uploaded), a refused form, and long
lists: each page fits the width, passes axe-core's serious and critical rules, and is
saved as a screenshot (ADMIN_SCREENSHOTS=/tmp/shots-… to keep them)."""

from __future__ import annotations

import io
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import insert

from admin_browser import VIEWPORTS, axe_violations, browser, fits_width, pages, site  # noqa: F401
from central.demo import building_id
from central.lending_office import LendingOffice
from central.lending_tables import loans

pytestmark = pytest.mark.slow

PAGES = ["/admin/lending", "/admin/lending/loans", "/admin/lending/loans?state=all", "/admin/lending/overdue",
         "/admin/lending/waiting", "/admin/lending/suspensions", "/admin/lending/labels"]


def check_all(site, pages, tag: str, paths: list[str]) -> None:  # noqa: ANN001, F811
    problems = {}
    for name in VIEWPORTS:
        page = pages[name]
        for path in paths:
            page.goto(f"{site.url}{path}")
            slug = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
            page.screenshot(path=str(site.shots / f"{slug}-{tag}-{name}.png"), full_page=True)
            if not fits_width(page):
                problems[(path, name)] = "wider than the screen"
            bad = axe_violations(page)
            if bad:
                problems[(path, name)] = bad
    assert problems == {}


def test_lending_pages_empty_then_filled_through_the_forms_then_long(site, pages, tmp_path: Path) -> None:  # noqa: ANN001, F811
    check_all(site, pages, "empty", PAGES + ["/admin/lending/points/new"])
    page = pages["desktop"]
    page.goto(f"{site.url}/admin/lending/points/new")
    page.get_by_label("Nom").fill("Loge du gardien, bâtiment 1")
    page.get_by_label("Où, et quand").fill("Hall A, du lundi au vendredi, 9h-12h")
    page.locator(f"input[name='building_ids[]'][value='{building_id(1)}']").check()
    page.get_by_role("button", name="Enregistrer").click()
    assert "enregistré" in page.locator(".banner").inner_text()
    photo = tmp_path / "perceuse.png"
    Image.new("RGB", (640, 480), "steelblue").save(photo)
    page.goto(f"{site.url}/admin/lending/items/new")
    page.get_by_label("Nom", exact=True).fill("Perceuse visseuse sans fil 18 V avec deux batteries et coffret")
    page.get_by_label("Catégorie").select_option("tools")
    page.locator("#photo").set_input_files(str(photo))
    page.get_by_label("Dépôt de garantie (€)").fill("-5")
    page.get_by_role("button", name="Enregistrer").click()
    assert "montant positif" in page.locator("#e_deposit").inner_text()
    assert not page.locator("#photo_size").is_visible()
    for name in VIEWPORTS:          # the refused form, as the office sees it
        p = pages[name]
        if name != "desktop":
            p.goto(f"{site.url}/admin/lending/items/new")
            p.get_by_label("Nom", exact=True).fill("")
            p.get_by_label("Dépôt de garantie (€)").fill("-5")
            p.get_by_role("button", name="Enregistrer").click()
        p.screenshot(path=str(site.shots / f"admin-lending-item-error-{name}.png"), full_page=True)
        if name == "phone":
            assert "Donnez un nom" in p.locator("#e_name").inner_text()
        assert fits_width(p) and axe_violations(p) == [], name
    page.locator("#photo").set_input_files(str(photo))
    page.get_by_label("Dépôt de garantie (€)").fill("30,00")
    page.get_by_role("button", name="Enregistrer").click()
    assert "enregistré" in page.locator(".banner").inner_text()
    lo = LendingOffice(site.office.engine)
    [point] = lo.points()
    [item] = lo.items()
    assert item["deposit_cents"] == 3000 and lo.photo(item["id"]) is not None
    # long lists: 40 items, loans of every state (rows written as the sync would), 20 suspensions
    members = site.office.members(limit=30)
    for n in range(40):
        lo.put_item({"point_id": point["id"], "name": f"Objet numéro {n} avec un nom assez long pour deux lignes",
                     "category": ["tools", "garden", "kitchen", "sewing", "leisure"][n % 5], "deposit_cents": n * 250,
                     "needs_waiver": n % 3 == 0, "condition": "to_repair" if n % 7 == 0 else "ok",
                     "condition_note": "Mandrin qui patine" if n % 7 == 0 else ""})
    today = date.today()
    ids = [i["id"] for i in lo.items()]
    with site.office.engine.begin() as conn:
        for n, m in enumerate(members):
            status = ["out", "reserved", "returned", "out", "cancelled"][n % 5]
            due = today + timedelta(days=-3 if n % 2 else 4)
            conn.execute(insert(loans).values(id=str(uuid.uuid4()), item_id=ids[n % 6], member_id=m["id"],
                                              status=status, created_at=f"{today}T09:00:00+00:00",
                                              lent_at=f"{today - timedelta(days=7)}T10:00:00+00:00" if status != "reserved" else "",
                                              due_on=due.isoformat() if status != "reserved" else "",
                                              returned_at=f"{today}T11:00:00+00:00" if status == "returned" else ""))
    for m in members[:20]:
        lo.suspend(m["id"], (today + timedelta(days=30)).isoformat(), "Objet rendu en retard trois fois de suite")
    check_all(site, pages, "long", PAGES + [f"/admin/lending/items/{item['id']}", f"/admin/lending/points/{point['id']}"])
