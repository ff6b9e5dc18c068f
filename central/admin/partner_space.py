"""The office's pages of the partner space (``/admin/partner-space``), in the office admin.

- the overview: partner accounts (made here by an administrator of every estate: an
  account lets someone outside the club record uses), each offer's terms (how a use is
  counted, its per-member limit), the retention period and the purge (administrators);
- declared savings (``/declared``): contracts taken through the club, e.g. home
  insurance: the member (by the number on their card), the partner, the year's saving
  the partner declared, and its start; an estate's account sees its estates' members.
Login, roles, CSRF and input limits are the admin's (``central/admin/web.py``); every
write leaves an audit row (``central/partners/office.py``). The partner space itself is
``central/partners/`` (docs/partners.md).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from central import db
from central.accounts import AccountError
from central.admin.member_search import id_prefix
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.labels import CATEGORY, error as error_label
from central.partners.accounts import PartnerAccounts
from central.partners.office import PartnerOffice, PartnerOfficeError
from central.partners.tables import offer_terms

router = APIRouter(prefix="/admin/partner-space", include_in_schema=False)
BASE = "/admin/partner-space"

KINDS = {"percent": "Pourcentage de l'achat", "amount": "Montant fixe", "gift": "Avantage offert (valeur estimée)"}
PERIODS = {"none": "sans limite", "day": "par jour", "week": "par semaine", "month": "par mois", "year": "par an"}
MESSAGES = {"terms.percent_invalid": "Le pourcentage va de 1 à 100.",
            "terms.amount_invalid": "Le montant va de 0 à 10 000 €.", "terms.limit_invalid": "La limite va de 1 à 100.",
            "terms.kind_invalid": "Choisissez le type de remise et la période dans les listes.",
            "label_required": "Écrivez ce qui a été souscrit (par exemple « Assurance habitation »).",
            "amount_invalid": "L'économie déclarée va de 0,01 à 5 000 € par an.",
            "member_unknown": "Aucun adhérent (ou plusieurs) ne porte ce numéro : vérifiez-le sur sa fiche.",
            "partner_unknown": "Choisissez le partenaire dans la liste.",
            "declaration_unknown": "Cette déclaration n'existe plus.",
            "retention_out_of_range": "La durée de conservation va de 30 jours à 3 ans.",
            "partner_space_username": "Choisissez un identifiant sans espace (80 caractères au plus)."}


def partner_office(request: Request) -> PartnerOffice:
    return PartnerOffice(request.app.state.engine)


def _accounts(request: Request) -> PartnerAccounts:
    return request.app.state.partner_accounts


def _partners(request: Request) -> list[dict[str, Any]]:
    with request.app.state.engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(db.partners.c.id, db.partners.c.name, db.partners.c.category)
                                              .order_by(db.partners.c.name)).mappings()]


def _offers(request: Request) -> list[dict[str, Any]]:
    o, t = db.offers.c, offer_terms.c
    q = (select(o.id, o.text, o.partner_id, db.partners.c.name.label("partner"), t.kind, t.value, t.limit_period,
                t.limit_count)
         .select_from(db.offers.join(db.partners, db.partners.c.id == o.partner_id)
                      .outerjoin(offer_terms, t.offer_id == o.id)).order_by(db.partners.c.name, o.text))
    with request.app.state.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def _euros_to_cents(text: str) -> int | None:
    text = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", ".")
    try:
        value = round(float(text) * 100)
    except ValueError:
        return None
    return value if 0 <= value <= 100_000_000 else None


@router.get("")
def overview(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    partners = _partners(request)
    names = {p["id"]: p["name"] for p in partners}
    return page(request, "partner_space.html", title="Espace partenaires", partners=partners, names=names,
                accounts=_accounts(request).of_partner(), offers=_offers(request), kinds=KINDS, periods=PERIODS,
                retention=partner_office(request).retention_days(), categories=CATEGORY)


@router.post("/accounts")
def save_account(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    password = form.get("password", "") or None
    try:
        _accounts(request).save(form.get("username", ""), form.get("partner_id", ""),
                                display_name=form.get("display_name", ""), password=password,
                                active=form.get("active", "on") == "on", by=ctx.username)
    except AccountError as exc:
        text = MESSAGES["partner_space_username"] if exc.code == "username_invalid" else (
            MESSAGES["partner_unknown"] if exc.code == "partner_unknown" else error_label(exc.code))
        return done(request, BASE, text, kind="error")
    return done(request, BASE, "Compte partenaire enregistré. Donnez l'identifiant et le mot de passe au commerce : "
                               "il se connecte sur /partners avec son téléphone.")


@router.post("/accounts/{username}/disable")
def disable_account(username: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    found = next((a for a in _accounts(request).of_partner() if a["username"] == username), None)
    if found is None:
        raise AdminError(404, "Ce compte n'existe pas.")
    _accounts(request).save(username, str(found["partner_id"]), display_name=str(found["display_name"]),
                            active=False, by=ctx.username)
    return done(request, BASE, "Compte désactivé : ses sessions sont fermées.")


@router.post("/terms/{offer_id}")
def save_terms(offer_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    kind = form.get("kind", "")
    raw = form.get("value", "0")
    value = (int(raw) if raw.strip().isdigit() else -1) if kind == "percent" else (_euros_to_cents(raw) or 0)
    try:
        count = int(form.get("limit_count", "1") or 1)
        partner_office(request).set_terms(offer_id, kind, value, form.get("limit_period", "none"), count,
                                          by=ctx.username)
    except (PartnerOfficeError, ValueError) as exc:
        return done(request, BASE, MESSAGES.get(getattr(exc, "code", ""), MESSAGES["terms.limit_invalid"]),
                    kind="error")
    return done(request, BASE, "Conditions de l'offre enregistrées : les téléphones des partenaires les auront "
                               "à leur prochaine connexion.")


@router.post("/retention")
def save_retention(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    try:
        partner_office(request).set_retention_days(int(form.get("days", "0") or 0), by=ctx.username)
    except (PartnerOfficeError, ValueError):
        return done(request, BASE, MESSAGES["retention_out_of_range"], kind="error")
    return done(request, BASE, "Durée de conservation enregistrée. Elle s'applique à la prochaine purge (chaque nuit).")


@router.post("/purge")
def purge_now(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    gone = partner_office(request).purge(by=ctx.username)
    return done(request, BASE, f"Purge faite : {gone.redemptions} passage(s) et {gone.declarations} déclaration(s) "
                               "plus anciens que la durée de conservation ont été agrégés (sans les adhérents).")


# -- declared savings ---------------------------------------------------------------------------
@router.get("/declared")
def declared(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return page(request, "partner_space_declared.html", title="Économies déclarées", partners=_partners(request),
                rows=partner_office(request).declarations(ctx.building_ids(request)), today=date.today().isoformat())


def _member_of_number(request: Request, ctx: Ctx, number: str) -> str:
    prefix = id_prefix(number.strip())
    if prefix is None:
        raise PartnerOfficeError("member_unknown")
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(db.members.c.id, db.members.c.building_id)
                            .where(db.members.c.id.like(prefix + "%"))).all()
    rows = [r for r in rows if ctx.sees_building(request, r.building_id)]
    if len(rows) != 1:
        raise PartnerOfficeError("member_unknown")
    return str(rows[0].id)


@router.post("/declared")
def add_declared(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    cents = _euros_to_cents(form.get("amount", ""))
    try:
        starts = date.fromisoformat(form.get("starts_on", ""))
        member = _member_of_number(request, ctx, form.get("member_number", ""))
        partner_office(request).declare(member, form.get("partner_id", ""), form.get("label", ""), cents or 0,
                                        starts, by=ctx.username)
    except ValueError as exc:   # PartnerOfficeError is one; a bad date too
        code = getattr(exc, "code", "")
        return done(request, f"{BASE}/declared", MESSAGES.get(code, "Choisissez la date de début avec le calendrier."),
                    kind="error")
    return done(request, f"{BASE}/declared", "Économie déclarée enregistrée : elle s'ajoute à l'espace de "
                                             "l'adhérent à la borne de son bâtiment.")


@router.post("/declared/{declaration_id}/delete")
def delete_declared(declaration_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    rows = partner_office(request).declarations(ctx.building_ids(request), limit=100_000)
    if not any(r["id"] == declaration_id for r in rows):
        raise AdminError(404, "Cette déclaration n'existe pas.")
    partner_office(request).remove_declaration(declaration_id, by=ctx.username)
    return done(request, f"{BASE}/declared", "Déclaration retirée.")
