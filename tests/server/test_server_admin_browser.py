"""The admin in headless Chromium (Playwright): log in, create a partner, and see it on a
kiosk after its next sync. Uses Debian's /usr/bin/chromium (Playwright's own browser
download is not available here); skipped with the reason when neither is installed."""

from __future__ import annotations

import os
import shutil

import pytest

from central.demo import building_id
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.mark.slow
def test_partner_created_in_the_browser_reaches_a_kiosk(live_server, office, make_store):  # noqa: ANN001
    playwright = pytest.importorskip("playwright.sync_api")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    office.create_admin("bureau", "correct horse battery")
    store = make_store("browser")
    provision(store, live_server.url, office.create_enrollment_token(building_id(1)))
    engine = SyncEngine.for_store(store)
    assert engine.run_once(force=True).ok
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(f"{live_server.url}/admin")
        assert page.url.endswith("/admin/login")
        page.get_by_label("Identifiant").fill("bureau")
        page.get_by_label("Mot de passe").fill("correct horse battery")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_url(f"{live_server.url}/admin")
        page.get_by_role("link", name="Partenaires").click()
        page.get_by_role("link", name="Ajouter").click()
        page.get_by_label("Nom *").fill("Fleuriste des Tests")
        page.get_by_label("Catégorie *").select_option("florist")
        page.get_by_label("Adresse").fill("3 rue des Roses")
        page.get_by_role("button", name="Enregistrer").click()
        page.wait_for_selector("text=Enregistré")
        assert "Fleuriste des Tests" in page.content()
        browser.close()
    assert "Fleuriste des Tests" not in {p.name for p in store.repos.partners.active()}
    report = engine.run_once(force=True)
    assert report.ok and report.pulled >= 1
    assert "Fleuriste des Tests" in {p.name for p in store.repos.partners.active()}
    engine.client.close()
