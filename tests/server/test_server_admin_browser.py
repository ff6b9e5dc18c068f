"""The office admin in Debian's Chromium (Playwright), each office task end to end at
1440×900 and 390×844: done by clicking and typing as office staff would, its result
checked in the central database and, where the kiosks show it, on a real kiosk store
after a sync. Every page is checked with axe-core (0 serious or critical violations),
fits a 390 px screen, and is saved as a screenshot. One browser for the module."""

from __future__ import annotations

import io
import re
import uuid

import pytest

from admin_browser import (PASSWORD, VIEWPORTS, axe_violations, banner, browser, fits_width, log_in,  # noqa: F401
                           pages, site)
from central.demo import building_id, flat_id
from kiosk.domain.members import member_number

pytestmark = pytest.mark.slow
VIEWS = list(VIEWPORTS)


def nav(page, name: str) -> None:  # noqa: ANN001
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name=name, exact=True).click()


def shot(site, page, name: str, view: str) -> None:  # noqa: ANN001
    page.screenshot(path=str(site.shots / f"{name}-{view}.png"), full_page=True)


@pytest.mark.parametrize("view", VIEWS)
def test_partner_with_hours_and_position_reaches_the_kiosk(site, pages, view):  # noqa: ANN001
    page = pages[view]
    name = f"Fleuriste des Tests {view}"
    nav(page, "Partenaires")
    page.get_by_role("link", name="Ajouter un partenaire").click()
    page.get_by_label("Nom").fill(name)
    page.get_by_label("Catégorie").select_option(label="Fleuriste")
    page.get_by_label("Adresse").fill("3 rue des Roses, 93200 Saint-Denis")
    page.get_by_label("Prendre la position d'un bâtiment proche").select_option(label="Bâtiment 2 (Résidence Francs-Moisins)")
    assert page.get_by_label("Latitude").input_value() == "48,932"
    page.get_by_label("Lundi, plage 1, ouverture").fill("09:00")
    page.get_by_label("Lundi, plage 1, fermeture").fill("12:30")
    page.get_by_label("Samedi, plage 1, ouverture").fill("18:00")
    shot(site, page, "partner-form-filled", view)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    # Saturday has no closing time: refused beside the hours, everything typed kept, nothing saved
    page.wait_for_selector(".field-error")
    assert "Samedi : donnez l'heure d'ouverture et l'heure de fermeture." in page.locator(".field-error").inner_text()
    assert "Rien n'a été enregistré" in banner(page) and page.get_by_label("Nom").input_value() == name
    assert page.get_by_label("Lundi, plage 1, fermeture").input_value() == "12:30"
    assert all(p["name"] != name for p in site.office.list("partner"))
    shot(site, page, "partner-form-error", view)
    page.get_by_label("Samedi, plage 1, fermeture").fill("02:00")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".banner.ok")
    assert name in banner(page)
    stored = next(p for p in site.office.list("partner") if p["name"] == name)
    assert stored["lat"] == 48.932 and stored["hours"]["days"] == {"0": [["09:00", "12:30"]], "5": [["18:00", "02:00"]]}
    site.sync()
    on_kiosk = next(p for p in site.store.repos.partners.active() if p.name == name)
    assert on_kiosk.hours.days[0] == [("09:00", "12:30")] and on_kiosk.lat == 48.932


@pytest.mark.parametrize("view", VIEWS)
def test_offer_with_dates_a_refusal_and_the_kiosk_preview(site, pages, view):  # noqa: ANN001
    page = pages[view]
    text = f"-20 % le mercredi ({view})"
    nav(page, "Offres")
    page.get_by_role("link", name="Ajouter une offre").click()
    page.get_by_label("Partenaire").select_option(label="Boulangerie du Marché")
    page.get_by_label("Offre", exact=False).first.fill(text)
    page.get_by_label("Valable du").fill("2026-06-30")
    page.get_by_label("Valable jusqu'au (inclus)").fill("2026-06-01")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".field-error")
    assert "La fin de validité doit venir après son début." in page.locator(".field-error").inner_text()
    assert page.locator("#f_text").input_value() == text
    assert page.locator("#f_valid_until").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []
    shot(site, page, "offer-form-error", view)
    page.get_by_label("Valable jusqu'au (inclus)").fill("2027-06-30")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".banner.ok")
    offer = next(o for o in site.office.list("offer") if o["text"] == text)
    assert (offer["valid_from"], offer["valid_until"]) == ("2026-06-30", "2027-06-30")
    page.goto(f"{site.url}/admin/offer/{offer['id']}/preview")
    assert text in page.locator(".kiosk-preview").inner_text() and "30 juin 2027" in page.content()
    shot(site, page, "offer-preview", view)
    site.sync()
    from datetime import date
    assert any(o.text == text for offers in site.store.repos.partners.current_offers(date(2026, 7, 1)).values()
               for o in offers)


@pytest.mark.parametrize("view", VIEWS)
def test_event_with_date_pickers_buildings_by_name_and_capacity_rule(site, pages, view):  # noqa: ANN001
    page = pages[view]
    title = f"Atelier couture {view}"
    nav(page, "Événements")
    page.get_by_role("link", name="Ajouter un événement").click()
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Lieu").fill("Salle commune")
    page.get_by_label("Début").fill("2027-01-15T14:00")
    page.get_by_label("Fin").fill("2027-01-15T13:00")
    page.get_by_label("Places").fill("8")
    page.get_by_label("Bâtiment 1").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".field-error")
    assert "La fin doit venir après le début." in page.content()
    assert page.get_by_label("Bâtiment 1").is_checked() and page.get_by_label("Titre").input_value() == title
    page.get_by_label("Fin").fill("2027-01-15T16:00")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".banner.ok")
    event = next(e for e in site.office.list("event") if e["title"] == title)
    assert (event["starts_at"], event["building_ids"], event["capacity"]) == ("2027-01-15T14:00", [building_id(1)], 8)
    site.sync()
    assert site.store.repos.events.get(event["id"]).title == title


@pytest.mark.parametrize("view", VIEWS)
def test_member_found_by_card_number_and_moved_with_the_pickers(site, pages, view):  # noqa: ANN001
    page = pages[view]
    mid = site.office.enroll_member({"first_name": "Marie", "last_name": f"Lefèvre-{view}",
                                     "building_id": building_id(1), "flat_id": flat_id(1, 2), "phone": "+33699887766"})
    site.sync()
    assert site.store.repos.members.get(mid) is not None
    nav(page, "Adhérents")
    page.get_by_label("Nom, téléphone, logement ou n° de carte").fill(member_number(mid))
    page.get_by_role("button", name="Rechercher").click()
    assert "1–1 sur 1" in page.locator(".count").first.inner_text()
    shot(site, page, "members-search", view)
    page.get_by_role("link", name=f"Lefèvre-{view}").click()
    assert "06 99 88 77 66" in page.content()
    page.get_by_label("Bâtiment").select_option(label="Bâtiment 2 (Résidence Francs-Moisins)")
    page.wait_for_function("document.getElementById('f').options[0] && "
                           "document.getElementById('f').options[0].value.includes('B2')")
    page.get_by_label("Logement").select_option(flat_id(2, 5))
    shot(site, page, "member-record", view)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".banner.ok")
    assert site.office.members(mid)[0]["flat_id"] == flat_id(2, 5)
    site.sync()
    assert site.store.repos.members.get(mid) is None  # the B1 kiosk no longer holds someone of B2


@pytest.mark.parametrize("view", VIEWS)
def test_duplicates_merged_after_the_confirmation_page(site, pages, view):  # noqa: ANN001
    from central.mutations import Device, apply_mutation
    page = pages[view]
    keep = site.office.enroll_member({"first_name": "Awa", "last_name": f"Sy{view}", "building_id": building_id(1),
                                      "flat_id": flat_id(1, 7)})
    dup = str(uuid.uuid4())
    with site.office.tx() as (conn, fw):
        apply_mutation(conn, fw, Device("dev", [building_id(1)], "00000000", 1), "enroll_member", {
            "id": dup, "first_name": "AWA", "last_name": f"sy{view}", "building_id": building_id(1),
            "flat_id": flat_id(1, 7)})
    nav(page, "Doublons")
    row = page.locator("tr", has_text=f"AWA sy{view}")
    row.get_by_role("link", name="Fusionner…").click()
    assert "On garde la fiche existante" in page.content()
    shot(site, page, "merge-confirm", view)
    page.get_by_role("button", name="Fusionner dans la fiche existante").click()
    page.wait_for_selector(".banner.ok")
    assert site.office.members(dup) == [] and site.office.members(keep)


@pytest.mark.parametrize("view", VIEWS)
def test_partner_deleted_after_a_confirmation_listing_its_offers(site, pages, view):  # noqa: ANN001
    page = pages[view]
    name = f"Serrurier à supprimer {view}"
    pid = site.office.put("partner", {"name": name, "category": "artisan", "address": "", "lat": 0.0, "lon": 0.0,
                                      "phone": "", "website": "", "description": "", "hours": {}, "active": True})
    site.office.put("offer", {"partner_id": pid, "text": f"Déplacement offert {view}", "conditions": "",
                              "valid_from": None, "valid_until": None})
    site.sync()
    assert site.store.repos.partners.get(pid) is not None
    page.goto(f"{site.url}/admin/partner?q={name.split()[0]}")
    page.locator("tr", has_text=name).get_by_role("link", name="Supprimer…").click()
    assert f"Déplacement offert {view}" in page.locator(".confirm").inner_text()
    shot(site, page, "partner-delete-confirm", view)
    page.get_by_role("button", name="Supprimer le partenaire").click()
    page.wait_for_selector(".banner.ok")
    assert site.office.get("partner", pid) is None
    site.sync()
    assert site.store.repos.partners.get(pid) is None


@pytest.mark.parametrize("view", VIEWS)
def test_roster_imported_from_a_csv_file(site, pages, view, tmp_path):  # noqa: ANN001
    page = pages[view]
    csv_file = tmp_path / "roster.csv"
    csv_file.write_text("residence;ville;batiment;adresse;entree;logement\n"
                        f"Cité {view};Amiens;Tour A;1 rue A;Hall 1;porte 1\n"
                        f"Cité {view};Amiens;Tour A;1 rue A;Hall 1;porte 2\n", encoding="utf-8")
    nav(page, "Lieux")
    page.get_by_role("link", name="Importer un fichier de logements (CSV)").click()
    page.get_by_label("Fichier CSV").set_input_files(str(csv_file))
    page.get_by_role("button", name="Vérifier le fichier").click()
    assert "2 logement(s)" in banner(page)
    page.get_by_role("button", name="Importer").click()
    page.wait_for_selector(".banner.ok")
    assert "Import fait" in banner(page)
    assert sum(1 for f in site.office.list("flat", limit=100000) if f["label"] in ("porte 1", "porte 2")
               and f["id"].startswith(f"cite-{view}")) == 2


@pytest.mark.parametrize("view", VIEWS)
def test_a_reader_account_created_by_the_administrator_sees_but_cannot_change(site, pages, browser, view):  # noqa: ANN001
    page = pages[view]
    username = f"financeur-{view}"
    nav(page, "Comptes")
    page.get_by_label("Identifiant").fill(username)
    page.get_by_label("Nom", exact=True).fill("Financeur")
    page.get_by_label("Rôle").select_option(label="Lecture seule")
    page.get_by_label("Mot de passe provisoire").fill(PASSWORD)
    page.get_by_role("button", name="Créer le compte").click()
    page.wait_for_selector(".banner.ok")
    context = browser.new_context(viewport=VIEWPORTS[view], locale="fr-FR")
    try:
        reader = context.new_page()
        log_in(reader, site.url, username)
        nav(reader, "Partenaires")
        assert reader.get_by_role("link", name="Ajouter un partenaire").count() == 0
        reader.goto(f"{site.url}/admin/partner/edit")
        reader.get_by_label("Nom").fill("Pas autorisé")
        reader.get_by_role("button", name="Enregistrer", exact=True).click()
        assert "ne permet pas cette action" in reader.content()
        assert all(p["name"] != "Pas autorisé" for p in site.office.list("partner"))
    finally:
        context.close()


def test_kiosk_token_then_revoke_with_wipe_after_confirmation(site, pages, tmp_path):  # noqa: ANN001
    from kiosk.config import load_config
    from kiosk.store.opening import open_store
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.provisioning import provision
    page = pages["desktop"]
    nav(page, "Bornes")
    page.get_by_label("Bâtiment où elle sera posée").select_option(label="Bâtiment 2 (Résidence Francs-Moisins)")
    page.get_by_role("button", name="Créer un jeton d'installation").click()
    token = page.locator("#token").inner_text()
    assert token.startswith("ck-") and token not in str(page.context.cookies())
    data_dir = tmp_path / "k2"
    store = open_store(load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir))
    try:
        provision(store, site.url, token, name="Hall B2 (test)")
        engine = SyncEngine.for_store(store)
        assert engine.run_once(force=True).ok
        page.reload()
        page.get_by_role("link", name="Hall B2 (test)").click()
        page.get_by_role("link", name="Révoquer et effacer ses données…").click()
        assert "effacera toutes ses données" in page.content()
        page.get_by_role("button", name="Révoquer et effacer ses données").click()
        page.wait_for_selector(".banner.ok")
        device = next(d for d in site.office.list("device") if d["name"] == "Hall B2 (test)")
        assert device["revoked"] and device["wipe"]
        report = engine.run_once(force=True)
        assert not report.ok
        engine.client.close()
    finally:
        store.close()


def test_bilan_period_and_pdf_download(site, pages):  # noqa: ANN001
    from pypdf import PdfReader
    page = pages["desktop"]
    nav(page, "Bilan")
    page.get_by_label("Du", exact=True).fill("2026-01-01")
    page.get_by_role("button", name="Afficher").click()
    assert "du 1 janvier 2026" in page.content() and page.locator("figure.chart svg").count() >= 3
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le rapport (PDF)").click()
    pdf = download.value.path()
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Bilan du club des locataires" in text and "1 janvier 2026" in text


PAGES = ["/admin", "/admin/bilan", "/admin/partner", "/admin/partner/edit?id=demo-partner-2", "/admin/offer",
         "/admin/offer/edit", "/admin/event", "/admin/event/edit?id=demo-event-5", "/admin/announcement",
         "/admin/announcement/edit", "/admin/community/events", "/admin/community/events/demo-event-1",
         "/admin/community/ideas?status=all", "/admin/community/requests", "/admin/members", "/admin/merges",
         "/admin/places", f"/admin/places/buildings/{building_id(1)}", "/admin/places/building/edit",
         "/admin/places/import", "/admin/staff", "/admin/kiosks", "/admin/audit", "/admin/accounts", "/admin/account",
         "/admin/partner/demo-partner-1/delete", "/admin/offer/demo-offer-1/preview"]


@pytest.mark.parametrize("view", VIEWS)
def test_every_page_is_accessible_fits_the_screen_and_is_named(site, pages, browser, view):  # noqa: ANN001
    page = pages[view]
    member = site.office.members(limit=1)[0]["id"]
    titles, problems = set(), {}
    for path in PAGES + [f"/admin/members/{member}", f"/admin/members/{member}/erase"]:
        page.goto(site.url + path)
        assert page.locator("nav[aria-label='Menu principal']").count() == 1, path
        bad = axe_violations(page)
        if bad:
            problems[path] = bad
        if view == "phone" and not fits_width(page):
            problems[path] = problems.get(path, []) + ["wider than 390 px"]
        titles.add(page.title())
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
        shot(site, page, name, view)
    assert problems == {}
    assert len(titles) >= len(PAGES) - 4  # a distinct <title> per page (edit forms of one kind share theirs)
    page.goto(f"{site.url}/admin/partner")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au contenu"
    assert page.locator("nav a[aria-current='page']").inner_text() == "Partenaires"
    login = browser.new_context(viewport=VIEWPORTS[view]).new_page()
    login.goto(f"{site.url}/admin/login")
    assert axe_violations(login) == []
    shot(site, login, "login", view)
    login.context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_request_answered_and_idea_published_reach_the_kiosk(site, pages, view):  # noqa: ANN001
    page = pages[view]
    rid = {"desktop": "demo-request-2", "phone": "demo-request-3"}[view]
    from sqlalchemy import text
    with site.office.engine.connect() as conn:
        req = conn.execute(text("SELECT id, member_id, text FROM landlord_requests WHERE id = :i"), {"i": rid}).one()
    nav(page, "Demandes")
    row = page.locator("tr", has_text=req.text)
    row.get_by_label("Statut de la demande").select_option(label="Traitée")
    row.get_by_label("Réponse à l'adhérent").fill(f"Le gardien est passé ({view}).")
    row.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector(".banner.ok")
    shot(site, page, "requests-answered", view)
    nav(page, "Idées")
    page.get_by_label("Statut").first.select_option(label="Toutes")
    page.get_by_role("button", name="Afficher").click()
    idea = page.locator("tr", has_text="Une boîte à livres dans le hall")
    idea.get_by_label("Statut de l'idée").select_option(label="Publiée")
    idea.get_by_label("Réponse du bureau").fill("Installée en janvier.")
    idea.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector(".banner.ok")
    site.sync()
    [mine] = [r for r in site.store.repos.requests.of_member(req.member_id) if r.id == rid]
    assert (mine.status.value, mine.answer) == ("done", f"Le gardien est passé ({view}).")
    assert any(i.text == "Une boîte à livres dans le hall" and i.answer == "Installée en janvier."
               for i in site.store.repos.ideas.published())


def test_caretaker_added_with_a_pin_reaches_the_kiosk_and_the_log_says_who(site, pages):  # noqa: ANN001
    page = pages["desktop"]
    nav(page, "Personnel")
    page.get_by_label("Nom affiché sur la borne").fill("Gardienne Karima")
    page.get_by_label("PIN").fill("1234")
    page.get_by_role("button", name="Ajouter").click()
    assert "De 6 à 12 chiffres." in page.locator(".field-error").inner_text()
    assert page.get_by_label("Nom affiché sur la borne").input_value() == "Gardienne Karima"
    page.get_by_label("PIN").fill("246813")
    page.get_by_role("button", name="Ajouter").click()
    page.wait_for_selector(".banner.ok")
    site.sync()
    assert "Gardienne Karima" in {s.display_name for s in site.store.repos.staff.all()}
    nav(page, "Journal")
    page.get_by_label("Type").select_option(label="Personnel")
    page.get_by_role("button", name="Filtrer").click()
    first = page.locator("tbody tr").first.inner_text()
    assert "admin" in first and "Gardienne Karima" in first and "Création" in first


def test_partner_logo_uploaded_is_shrunk_and_shown(site, pages, tmp_path):  # noqa: ANN001
    from PIL import Image
    page = pages["desktop"]
    big = tmp_path / "logo.jpg"
    Image.new("RGB", (2000, 1000), (20, 120, 60)).save(big, "JPEG")
    page.goto(f"{site.url}/admin/partner/edit?id=demo-partner-3")
    page.get_by_label("Image (PNG, JPEG ou WebP, 2 Mo au plus)").set_input_files(str(big))
    page.get_by_role("button", name="Envoyer le logo").click()
    page.wait_for_selector(".banner.ok")
    img = page.get_by_role("img", name=re.compile("Logo actuel"))
    assert img.evaluate("i => i.naturalWidth") == 512
    page.goto(f"{site.url}/admin/offer/demo-offer-3/preview")
    assert page.locator(".kiosk-preview img").evaluate("i => i.naturalWidth") == 512


@pytest.mark.parametrize("view", VIEWS)
def test_announcement_for_one_building_reaches_its_kiosk(site, pages, view):  # noqa: ANN001
    from datetime import date, timedelta
    page = pages[view]
    title = f"Coupure d'eau mardi ({view})"
    nav(page, "Annonces")
    page.get_by_role("link", name="Ajouter une annonce").click()
    page.get_by_label("Titre").fill(title)
    page.get_by_label("Texte").fill("De 9 h à 12 h, pour des travaux.")
    page.get_by_label("Affichée du").fill(date.today().isoformat())
    page.get_by_label("au (inclus)").fill((date.today() + timedelta(days=7)).isoformat())
    page.get_by_label("Bâtiment 1").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.wait_for_selector(".banner.ok")
    stored = next(a for a in site.office.list("announcement") if a["title"] == title)
    assert stored["building_ids"] == [building_id(1)]
    site.sync()
    assert title in {a.title for a in site.store.repos.announcements.current(date.today(), [building_id(1)])}


@pytest.mark.parametrize("view", VIEWS)
def test_member_erased_everywhere_after_the_confirmation_page(site, pages, view):  # noqa: ANN001
    page = pages[view]
    mid = site.office.enroll_member({"first_name": "Rose", "last_name": f"Effacée-{view}",
                                     "building_id": building_id(1), "flat_id": flat_id(1, 9)})
    site.sync()
    assert site.store.repos.members.get(mid) is not None
    page.goto(f"{site.url}/admin/members/{mid}")
    page.get_by_role("link", name="Effacer cet adhérent partout…").click()
    assert "C'est définitif." in page.locator(".confirm").inner_text()
    page.get_by_role("button", name="Effacer définitivement").click()
    page.wait_for_selector(".banner.ok")
    assert site.office.members(mid) == []
    site.sync()
    assert site.store.repos.members.get(mid) is None


@pytest.mark.parametrize("view", VIEWS)
def test_help_contact_and_a_call_back_handled_in_the_browser_reach_the_kiosk(site, pages, view):  # noqa: ANN001
    """The building's help contact typed (a bad number refused beside the field) reaches the
    kiosk; a call-back made at the kiosk is in "Rappels", masked in the list, full on its
    record, and marked called; every page accessible and 390 px wide."""
    from kiosk.services.help import HelpService
    page = pages[view]
    nav(page, "Lieux")
    page.get_by_role("link", name="Contacts d'aide affichés par les bornes, bâtiment par bâtiment").click()
    problems = {"help": axe_violations(page)}
    shot(site, page, "help", view)
    page.get_by_role("link", name="Bâtiment 1", exact=True).click()
    page.get_by_role("link", name="Ajouter un contact").click()
    page.get_by_label("Nom affiché").fill(f"Mme Diallo, gardienne ({view})")
    page.get_by_label("Horaires").fill("du lundi au vendredi, 8 h 30 – 12 h")
    page.get_by_label("Téléphone").fill("01 48")
    page.get_by_role("button", name="Enregistrer").click()
    assert "Un numéro de téléphone français" in page.locator(".field-error").inner_text()
    assert page.get_by_label("Nom affiché").input_value() == f"Mme Diallo, gardienne ({view})"
    problems["form"] = axe_violations(page)
    shot(site, page, "help-form-refused", view)
    page.get_by_label("Téléphone").fill("01 48 13 55 10")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector(".banner.ok")
    problems["building"] = axe_violations(page)
    shot(site, page, "help-building", view)
    site.sync()
    helper = HelpService(site.store.db, site.store.repos, lambda: [], [building_id(1)])
    assert f"Mme Diallo, gardienne ({view})" in {c.name for c in helper.info().contacts}

    rid = helper.request_callback("06 45 78 12 90", "ar", "home")
    site.sync()
    nav(page, "Rappels")
    row = page.locator("tbody tr", has_text="Sans fiche adhérent").first
    assert "06 •• •• •• 90" in row.inner_text() and "45 78" not in page.locator("main").inner_text()
    problems["list"] = axe_violations(page)
    shot(site, page, "callbacks", view)
    page.locator(f"a[href='/admin/callbacks/{rid}']").click()
    assert "06 45 78 12 90" in page.locator("dl.facts").inner_text()
    problems["record"] = axe_violations(page)
    shot(site, page, "callback", view)
    page.get_by_label("Après l'appel").select_option(label="Rappelé(e)")
    page.get_by_role("button", name="Enregistrer").click()
    page.wait_for_selector(".banner.ok")
    assert f"/admin/callbacks/{rid}" not in page.content()      # the list shows what is still to call
    if view == "phone":
        assert fits_width(page)
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("view", VIEWS)
def test_fleet_page_shows_each_kiosk_health_with_its_reason(site, pages, view, tmp_path):  # noqa: ANN001
    from kiosk.config import load_config
    from kiosk.store.opening import open_store
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.health import HealthCollector
    from kiosk.sync.provisioning import provision
    page = pages[view]
    site.engine._health_sent_at = 0.0
    site.sync()  # Hall B1 reports a healthy state
    data_dir = tmp_path / "k3"
    store = open_store(load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir))
    name = f"Loge du gardien ({view})"
    try:
        provision(store, site.url, site.office.create_enrollment_token(building_id(2)), name=name)
        engine = SyncEngine.for_store(store, health=HealthCollector(
            store, parts=lambda: {"camera": "absent"}, disk_free=lambda: 150_000_000))
        assert engine.run_once(force=True).ok
        engine.client.close()
    finally:
        store.close()
    nav(page, "Bornes")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=name))
    assert "Rouge" in row.inner_text() and "caméra débranchée" in row.inner_text()
    assert "disque plein" in row.inner_text()
    healthy = page.get_by_role("row").filter(has=page.get_by_role("link", name="Hall B1", exact=True))
    assert "Vert" in healthy.inner_text()
    assert fits_width(page) and axe_violations(page) == []
    shot(site, page, "fleet-health", view)
    page.get_by_role("link", name=name).click()
    assert "Dernier état envoyé" in page.content() and "Disque libre" in page.content()
    assert "caméra débranchée" in page.content() and "absente ou débranchée" in page.content()
    assert ">absent<" not in page.content() and fits_width(page) and axe_violations(page) == []
    shot(site, page, "kiosk-health", view)
