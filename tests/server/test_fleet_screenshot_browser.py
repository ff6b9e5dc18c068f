"""The kiosk's page in Chromium at 1440×900 and 390×844, before and after IT's screenshot
of the attract screen: asked with the button, grabbed by a real kiosk window on the demo
site's kiosk store, shown with its time. axe-core clean, fits 390 px, saved as shots."""

from __future__ import annotations

import os

import pytest

from admin_browser import VIEWPORTS, axe_violations, banner, browser, fits_width, pages, site  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = [pytest.mark.slow, pytest.mark.gui]


@pytest.fixture(scope="module")
def kiosk_window(site, tmp_path_factory):  # noqa: ANN001, ANN201, F811
    from kiosk.app import build_window, compose_services, connect_screenshots, create_qapp
    from kiosk.config import load_config
    from kiosk.services.members import build_membership
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    create_qapp()
    data_dir = site.store.db.path.parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir, fullscreen=False)
    services = compose_services(config, site.store)
    services.membership = build_membership(site.store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp_path_factory.mktemp("slips")))
    window.resize(1080, 1920)
    window.show()
    yield window, connect_screenshots(site.engine, window)
    window.close()


def test_the_kiosk_page_before_and_after_a_screenshot(qtbot, site, pages, kiosk_window) -> None:  # noqa: ANN001, F811
    window, taker = kiosk_window
    device_id = next(d["id"] for d in site.office.list("device") if d["name"] == "Hall B1")
    for view, page in pages.items():
        page.goto(f"{site.url}/admin/kiosks/{device_id}")
        assert "Aucune capture reçue." in page.inner_text("main") or "Reçue le" in page.inner_text("main")
        page.screenshot(path=str(site.shots / f"kiosk-screenshot-before-{view}.png"), full_page=True)
        page.get_by_role("button", name="Demander une capture d'écran").click()
        page.wait_for_selector(".banner.ok")
        assert "Capture demandée" in banner(page)
        assert "en attente de la borne" in page.inner_text("main")
        page.screenshot(path=str(site.shots / f"kiosk-screenshot-asked-{view}.png"), full_page=True)
        with qtbot.waitSignal(taker.grabbed, timeout=20000):
            site.engine._health_sent_at = 0.0
            site.sync()
        assert site.engine.send_screenshot()
        page.reload()
        img = page.get_by_role("img", name="Écran d'accueil de la borne « Hall B1 »")
        img.wait_for()
        assert page.evaluate("document.querySelector('figure.screenshot img').naturalWidth") > 0
        assert "Reçue le" in page.locator("figure.screenshot figcaption").inner_text()
        assert axe_violations(page) == [] and fits_width(page), view
        page.screenshot(path=str(site.shots / f"kiosk-screenshot-after-{view}.png"), full_page=True)
