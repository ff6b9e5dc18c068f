"""The photo refusal as the office sees it in Chromium (1440×900): choosing a 1.4 MB photo
on the item form says at once "La photo est trop lourde (1,4 Mo) : 900 Ko au plus" (the
form's script); with the script off the server gives the same form back, filled in, with
the same words. Screenshots in ADMIN_SCREENSHOTS (default: a temp folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from admin_browser import PASSWORD, VIEWPORTS, axe_violations, browser, fits_width, log_in, site  # noqa: F401
from central.lending_office import LendingOffice
from test_admin_upload_limits import noise_png

pytestmark = pytest.mark.slow

MESSAGE = "La photo est trop lourde (1,4 Mo) : 900 Ko au plus."


def _fill(page, url: str, photo: Path) -> None:  # noqa: ANN001
    page.goto(f"{url}/admin/lending/items/new")
    page.get_by_label("Nom", exact=True).fill("Nettoyeur haute pression")
    page.get_by_label("Dépôt de garantie (€)").fill("50,00")
    page.get_by_label("Consignes de sécurité").fill("Jamais vers une personne ni une prise")
    page.locator("#photo").set_input_files(str(photo))


def test_a_heavy_photo_is_refused_in_french_with_its_size_by_the_script_and_by_the_server(
        site, browser, tmp_path: Path) -> None:  # noqa: ANN001, F811
    photo = tmp_path / "IMG_2041.png"
    photo.write_bytes(noise_png(680))
    for name, scripts in (("script", True), ("server", False)):
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="fr-FR", java_script_enabled=scripts)
        page = context.new_page()
        log_in(page, site.url, "admin")
        _fill(page, site.url, photo)
        if scripts:      # refused on choosing: the file is taken off, the rest stays
            assert page.locator("#photo_size").is_visible()
            assert MESSAGE in page.locator("#photo_size").inner_text()
            assert page.locator("#photo").evaluate("i => i.files.length") == 0
        else:
            page.get_by_role("button", name="Enregistrer").click()
            assert MESSAGE in page.locator("#e_photo").inner_text()
            assert "Rien n'a été enregistré" in page.locator(".banner").inner_text()
        assert page.get_by_label("Nom", exact=True).input_value() == "Nettoyeur haute pression"
        assert page.get_by_label("Dépôt de garantie (€)").input_value() == "50,00"
        assert page.get_by_label("Consignes de sécurité").input_value() == "Jamais vers une personne ni une prise"
        page.locator("#photo").scroll_into_view_if_needed()
        page.screenshot(path=str(site.shots / f"admin-photo-too-heavy-{name}-desktop.png"))
        assert fits_width(page)
        if scripts:     # axe runs as a script (the refused form's markup is checked by the lending browser test)
            assert axe_violations(page) == []
        context.close()
    assert LendingOffice(site.office.engine).items() == []
