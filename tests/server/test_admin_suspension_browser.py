"""Suspending loans in Chromium (1440×900 and 390×844): from the member's record, and from
the card-number form when two members share the number (the page lists both, each with
its "Suspendre"). Each page fits the width and passes axe-core; screenshots in
ADMIN_SCREENSHOTS (default: a temp folder)."""

from __future__ import annotations

import uuid

import pytest

from admin_browser import VIEWPORTS, axe_violations, banner, browser, fits_width, pages, site  # noqa: F401
from central.demo import building_id, flat_id
from kiosk.domain.members import member_number

pytestmark = pytest.mark.slow


def test_suspension_from_the_record_and_from_a_shared_number(site, pages) -> None:  # noqa: ANN001, F811
    head = uuid.uuid4().bytes[:5]
    twins = [str(uuid.UUID(bytes=head + uuid.uuid4().bytes[5:], version=4)) for _ in range(2)]
    for n, (mid, first) in enumerate(zip(twins, ("Awa", "Bintou"))):
        site.office.enroll_member({"id": mid, "first_name": first, "last_name": "Diallo",
                                   "building_id": building_id(1), "flat_id": flat_id(1, 5 + n)})
    for name in VIEWPORTS:
        page = pages[name]
        page.goto(f"{site.url}/admin/lending/suspensions")
        page.get_by_label("Numéro d'adhérent").fill(member_number(twins[0]))
        page.get_by_label("Raison").fill("Ponceuse non rendue")
        page.get_by_role("button", name="Suspendre", exact=True).click()
        assert "2 adhérents ont ce numéro" in page.locator("#e_number").inner_text()
        assert page.get_by_role("button", name="Suspendre Bintou Diallo", exact=False).count() == 1
        page.screenshot(path=str(site.shots / f"admin-suspension-shared-number-{name}.png"), full_page=True)
        assert fits_width(page) and axe_violations(page) == [], name
        page.goto(f"{site.url}/admin/members/{twins[1]}#pret")
        assert page.get_by_text("Peut emprunter.").is_visible()
        page.get_by_label("Raison").fill("Ponceuse non rendue")
        page.get_by_role("button", name="Suspendre ses prêts").click()
        assert "Bintou Diallo ne peut plus emprunter" in banner(page)
        page.locator("#pret").scroll_into_view_if_needed()
        page.screenshot(path=str(site.shots / f"admin-member-suspended-{name}.png"))
        assert fits_width(page) and axe_violations(page) == [], name
        page.get_by_role("button", name="Lever la suspension").click()
        assert "Suspension levée" in banner(page)
