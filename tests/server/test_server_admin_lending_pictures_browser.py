"""The demo's lending items with their pictures on the office pages in Chromium (1440×900
and 390×844): the list's thumbnails and an item's form show the pictures (loaded, not
broken), the item without one shows none; each page fits the width and passes axe-core's
serious and critical rules; screenshots kept in ADMIN_SCREENSHOTS."""

from __future__ import annotations

import pytest

from admin_browser import VIEWPORTS, axe_violations, browser, fits_width, pages, site  # noqa: F401
from central.demo import building_id
from central.lending_demo import ITEMS, seed_lending

pytestmark = pytest.mark.slow


def test_demo_items_pictures_on_the_office_pages(site, pages) -> None:  # noqa: ANN001, F811
    seed_lending(site.office.engine, [building_id(1), building_id(2)])
    pictured = sum(1 for i in ITEMS if i[-1])
    problems = {}
    for name in VIEWPORTS:
        page = pages[name]
        for path, expect in (("/admin/lending", pictured), ("/admin/lending/items/demo-item-drill", 1),
                             ("/admin/lending/items/demo-item-sander", 0)):
            page.goto(f"{site.url}{path}")
            imgs = page.locator("img[src*='/photo']")
            assert imgs.count() == expect, (path, name)
            loaded = page.evaluate("() => [...document.querySelectorAll(\"img[src*='/photo']\")]"
                                   ".map(i => i.complete && i.naturalWidth)")
            assert all(w and w >= 320 for w in loaded), (path, name, loaded)
            slug = path.strip("/").replace("/", "-")
            page.screenshot(path=str(site.shots / f"pictures-{slug}-{name}.png"), full_page=True)
            if not fits_width(page):
                problems[(path, name)] = "wider than the screen"
            bad = axe_violations(page)
            if bad:
                problems[(path, name)] = bad
    assert problems == {}
