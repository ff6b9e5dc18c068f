"""The office's pages of the partner space, through the real admin (login, roles, CSRF).

An administrator of every estate makes a partner account, which then logs in to the
partner page; an editor sets an offer's terms and declares a contract (by the member's
card number), which reaches the member's totals and the Bilan, declared apart from
measured; an editor, or an administrator of one estate, cannot make partner accounts.
The pages are rendered in Chromium at 1440×900 and 390×844 (PARTNER_SCREENSHOTS).
"""

from __future__ import annotations

import html as html_lib
import os
import re
from datetime import date
from pathlib import Path

import httpx
import pytest

from kiosk.domain.members import member_number
from partner_helpers import BAKERY, PERCENT_OFFER, member_totals

ADMIN_PASSWORD = "mot de passe du bureau"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def admin_client(club, username: str) -> tuple[httpx.Client, str]:  # noqa: ANN001
    c = httpx.Client(base_url=club.url, timeout=10, follow_redirects=True)
    r = c.post("/admin/login", data={"username": username, "password": ADMIN_PASSWORD}, follow_redirects=False)
    assert r.status_code == 303, r.text[:300]
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
    return c, csrf


def banner(html: str) -> str:
    m = re.search(r'<div class="banner[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", m.group(1)).strip()) if m else ""


@pytest.fixture(scope="module")
def office_accounts(club) -> None:  # noqa: ANN001
    club.office.create_admin("directrice", ADMIN_PASSWORD, role="admin")
    club.office.create_admin("redacteur", ADMIN_PASSWORD, role="editor")
    club.office.create_admin("gestion-b", ADMIN_PASSWORD, role="admin", estate_ids=["PCH-FRA"])


def test_the_office_makes_partner_accounts_sets_terms_and_declares_savings(club, office_accounts) -> None:  # noqa: ANN001
    admin, csrf = admin_client(club, "directrice")
    r = admin.post("/admin/partner-space/accounts", data={
        "csrf": csrf, "username": "boulangerie-2", "partner_id": BAKERY, "display_name": "Caisse 2",
        "password": "un mot de passe long"})
    assert "Compte partenaire enregistré" in banner(r.text)
    shop = httpx.Client(base_url=club.url, timeout=10)
    assert shop.post("/partners/api/login", json={"username": "boulangerie-2",
                                                  "password": "un mot de passe long"}).status_code == 200
    assert shop.get("/partners/api/state").json()["partner"]["id"] == BAKERY
    # disabled: its session ends at once
    admin.post("/admin/partner-space/accounts/boulangerie-2/disable", data={"csrf": csrf})
    assert shop.get("/partners/api/state").status_code == 401

    editor, ecsrf = admin_client(club, "redacteur")
    refused = editor.post("/admin/partner-space/accounts", data={
        "csrf": ecsrf, "username": "intrus", "partner_id": BAKERY, "password": "un mot de passe long"})
    assert refused.status_code == 403
    local, lcsrf = admin_client(club, "gestion-b")           # an administrator of one estate
    assert local.post("/admin/partner-space/accounts", data={
        "csrf": lcsrf, "username": "intrus", "partner_id": BAKERY, "password": "un mot de passe long"}).status_code == 403
    r = editor.post(f"/admin/partner-space/terms/{PERCENT_OFFER}", data={
        "csrf": ecsrf, "kind": "percent", "value": "12", "limit_count": "2", "limit_period": "week"})
    assert "Conditions de l'offre enregistrées" in banner(r.text)
    state = httpx.Client(base_url=club.url, timeout=10)
    state.post("/partners/api/login", json={"username": "boulangerie", "password": "mot de passe du commerce"})
    offer = next(o for o in state.get("/partners/api/state").json()["offers"] if o["id"] == PERCENT_OFFER)
    assert (offer["kind"], offer["value"], offer["limit_period"], offer["limit_count"]) == ("percent", 12, "week", 2)
    bad = editor.post(f"/admin/partner-space/terms/{PERCENT_OFFER}", data={
        "csrf": ecsrf, "kind": "percent", "value": "250", "limit_count": "1", "limit_period": "day"})
    assert banner(bad.text) == "Le pourcentage va de 1 à 100."
    club.partners.set_terms(PERCENT_OFFER, "percent", 10, "day", 1)   # as the other modules expect

    rose = club.enroll("Rose")
    r = editor.post("/admin/partner-space/declared", data={
        "csrf": ecsrf, "member_number": member_number(rose.member.id), "partner_id": "demo-partner-3",
        "label": "Assurance habitation", "amount": "150,00", "starts_on": date.today().isoformat()})
    assert "Économie déclarée enregistrée" in banner(r.text)
    assert member_totals(club, rose.member.id) == {("declared", "demo-partner-3"): (15000, 1)}
    unknown = editor.post("/admin/partner-space/declared", data={
        "csrf": ecsrf, "member_number": "ZZZZ-ZZZZ", "partner_id": "demo-partner-3", "label": "Assurance habitation",
        "amount": "150", "starts_on": date.today().isoformat()})
    assert "Aucun adhérent" in banner(unknown.text)
    bilan = editor.get("/admin/bilan").text
    assert "Économies des adhérents, par partenaire" in bilan and "Économies déclarées" in bilan
    assert "150\u00a0€" in bilan
    page = editor.get("/admin/partner-space/declared").text
    declaration = re.search(r'/admin/partner-space/declared/([0-9a-f-]{36})/delete', page).group(1)
    editor.post(f"/admin/partner-space/declared/{declaration}/delete", data={"csrf": ecsrf})
    assert member_totals(club, rose.member.id) == {}
    club.sync()
    assert club.store.repos.savings.of_member(rose.member.id, date.today().year) == []


def test_the_partner_space_pages_at_desktop_and_phone_sizes(club, office_accounts, tmp_path: Path) -> None:  # noqa: ANN001
    sync_api = pytest.importorskip("playwright.sync_api")
    shots = Path(os.environ.get("PARTNER_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    nadia = club.enroll("Nadia")
    club.partners.declare(nadia.member.id, "demo-partner-3", "Assurance habitation", 14500, date.today())
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        for name, viewport in (("1440x900", {"width": 1440, "height": 900}), ("390x844", {"width": 390, "height": 844})):
            page = browser.new_page(viewport=viewport)
            page.goto(club.url + "/admin/login")
            page.fill("input[name=username]", "directrice")
            page.fill("input[name=password]", ADMIN_PASSWORD)
            page.click("form button")
            for path, shot in (("/admin/partner-space", "admin-partner-space"),
                               ("/admin/partner-space/declared", "admin-declared"),
                               ("/admin/bilan", "admin-bilan")):
                page.goto(club.url + path)
                if shot == "admin-bilan":
                    page.locator("text=Économies des adhérents, par partenaire").first.scroll_into_view_if_needed()
                    page.screenshot(path=str(shots / f"{shot}-savings-{name}.png"))
                else:
                    page.screenshot(path=str(shots / f"{shot}-{name}.png"), full_page=True)
                overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
                assert not overflow, f"{path} is wider than the screen at {name}"
            page.close()
        browser.close()
