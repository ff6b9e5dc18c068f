"""Fixtures of the admin's browser tests: one demo site (SQLite, a LiveServer, a real
kiosk store provisioned for Bâtiment 1 with its SyncEngine) and one headless Chromium for
the whole module, a logged-in page per viewport, axe-core served from .venv/axe, and
screenshots kept in ADMIN_SCREENSHOTS (default: a temp folder, printed)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from central.app import create_app
from central.db import create_schema, make_engine
from central.demo import building_id, demo_admins, seed, seed_activity
from central.office import Office
from central.testing import TEST_SETTINGS, LiveServer
from kiosk.config import load_config
from kiosk.store.opening import Store, open_store
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "mot de passe de démo"
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}


@dataclass
class Site:
    url: str
    office: Office
    store: Store
    engine: SyncEngine
    shots: Path

    def sync(self) -> Any:
        report = self.engine.run_once(force=True)
        assert report.ok, report
        return report


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("admin-browser")
    url = f"sqlite:///{folder / 'central.db'}"
    engine = make_engine(url)
    create_schema(engine)
    office = Office(engine)
    seed(office, buildings=2, flats_per_building=12, partners=3)
    seed_activity(office, members=30)
    demo_admins(office, PASSWORD)
    engine.dispose()
    app = create_app(url, TEST_SETTINGS)
    server = LiveServer(app).start()
    data_dir = folder / "kiosk"
    store = open_store(load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir))
    provision(store, server.url, app.state.office.create_enrollment_token(building_id(1)), name="Hall B1")
    sync = SyncEngine.for_store(store)
    shots = Path(os.environ.get("ADMIN_SCREENSHOTS", folder / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    s = Site(server.url, app.state.office, store, sync, shots)
    s.sync()
    yield s
    print(f"\nadmin screenshots: {shots}")
    sync.client.close()
    store.close()
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail(f"no Chromium at {CHROMIUM}: scripts/bootstrap --test installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                    "--lang=fr-FR"],
                              env={**os.environ, "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"})
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(site: Site, browser: Any) -> Iterator[dict[str, Any]]:
    """A logged-in page per viewport (as "admin"), reused by every test of the module."""
    out = {}
    for name, size in VIEWPORTS.items():
        context = browser.new_context(viewport=size, locale="fr-FR", accept_downloads=True)
        page = context.new_page()
        log_in(page, site.url, "admin")
        out[name] = page
    yield out
    for page in out.values():
        page.context.close()


def log_in(page: Any, url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{url}/admin/login")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{url}/admin")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations of the page as it is now."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}): run scripts/bootstrap --test")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def fits_width(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def banner(page: Any) -> str:
    loc = page.locator(".banner").first
    return loc.inner_text() if loc.count() else ""
