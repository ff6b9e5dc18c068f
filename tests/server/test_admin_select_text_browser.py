"""No emoji in the admin's drop-down lists: the office's Chromium (and this one) has no
emoji font, so a pictogram in an <option> shows as an empty box. Every <option> of the
admin pages that have a select is read in Chromium and must hold text only; the lending
item form's category list (each category's kiosk pictogram named in words) is shot at
1440×900, opened out, to look at (ADMIN_SCREENSHOTS, default: a temp folder)."""

from __future__ import annotations

import unicodedata

import pytest

from admin_browser import pages, browser, site  # noqa: F401
from central.demo import building_id

pytestmark = pytest.mark.slow

PAGES = ["/admin/lending/items/new", "/admin/lending", "/admin/lending/loans", "/admin/partner",
         "/admin/partner/edit?id=demo-partner-2", "/admin/offer/edit", "/admin/event/edit?id=demo-event-5",
         "/admin/announcement/edit", "/admin/community/ideas?status=all", "/admin/community/requests",
         "/admin/members", "/admin/places/building/edit", f"/admin/places/buildings/{building_id(1)}",
         "/admin/staff", "/admin/kiosks", "/admin/audit", "/admin/accounts", "/admin/conciergerie/exchanges"]


def pictographic(text: str) -> str:
    """The characters a text-only font cannot be trusted with: emoji, dingbats, symbols."""
    return "".join(c for c in text if ord(c) >= 0x1F000 or 0x2600 <= ord(c) < 0x2800 or c == "\ufe0f"
                   or (ord(c) >= 0x2190 and unicodedata.category(c) == "So"))


def test_every_option_of_the_admin_is_text_only(site, pages) -> None:  # noqa: ANN001, F811
    page = pages["desktop"]
    seen, bad = 0, {}
    for path in PAGES:
        response = page.goto(f"{site.url}{path}")
        assert response is not None and response.status == 200, path
        texts = page.eval_on_selector_all("option", "os => os.map(o => o.textContent)")
        seen += len(texts)
        found = {t: pictographic(t) for t in texts if pictographic(t)}
        if found:
            bad[path] = found
    assert bad == {} and seen > 50, bad
    page.goto(f"{site.url}/admin/lending/items/new")
    categories = page.eval_on_selector_all("#category option", "os => os.map(o => o.textContent)")
    assert "Bricolage — pictogramme : perceuse" in categories and len(categories) == 7
    page.eval_on_selector("#category", "s => { s.size = s.options.length; }")     # opened out, for the picture
    page.locator("#category").scroll_into_view_if_needed()
    page.screenshot(path=str(site.shots / "admin-lending-category-options-desktop.png"))
