"""The exchanges and time-bank office pages in Chromium (1440×900 and 390×844): they fit
the width, pass axe-core's serious and critical rules, and are saved as screenshots."""

from __future__ import annotations

import pytest

from admin_browser import VIEWPORTS, axe_violations, browser, fits_width, pages, site  # noqa: F401

pytestmark = pytest.mark.slow

@pytest.mark.parametrize("path", ["/admin/conciergerie/exchanges?status=all", "/admin/conciergerie/ledger"])
def test_conciergerie_pages_fit_and_are_accessible(site, pages, path) -> None:  # noqa: ANN001, F811
    for name in VIEWPORTS:
        page = pages[name]
        page.goto(f"{site.url}{path}")
        shot = site.shots / f"conciergerie-{path.split('/')[3].split('?')[0]}-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert fits_width(page), (path, name)
        assert axe_violations(page) == [], (path, name)
