"""Catalogue pages: partners, offers, events, announcements.

Lists have a count, paging, sorting and filters; forms show each refusal beside its
field and keep what was typed; deleting asks first on a page that lists what goes with
it (a partner's offers; an event's sign-ups and attendance, which are kept in the
archive). Partners get an opening-hours editor and a logo; offers a preview as the
kiosk shows them. Writes go through Office (feed + audit in one transaction).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import and_, func, or_, select

from central import db
from central import labels
from central.admin.forms import SPECS, FormErrors, parse_form
from central.admin.hours import editor_rows, summary, typed_rows
from central.admin.listing import ListQuery, fetch
from central.admin.member_search import id_prefix
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.community_tables import event_attendance, event_registrations
from central.office import Office, OfficeError
from kiosk.domain.text import fold

router = APIRouter(prefix="/admin", include_in_schema=False)
ENTITIES = tuple(SPECS)
NEW_TITLE = {"partner": "Nouveau partenaire", "offer": "Nouvelle offre", "event": "Nouvel événement",
             "announcement": "Nouvelle annonce"}
ONE = {"partner": "le partenaire", "offer": "l'offre", "event": "l'événement", "announcement": "l'annonce"}


def office(request: Request) -> Office:
    return request.app.state.office


def _entity(entity: str) -> str:
    if entity not in ENTITIES:
        raise AdminError(404, "Cette page n'existe pas.")
    return entity


def buildings_with_estates(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    q = (select(db.buildings.c.id, db.buildings.c.name, db.buildings.c.lat, db.buildings.c.lon,
                db.estates.c.name.label("estate_name"))
         .select_from(db.buildings.join(db.estates, db.estates.c.id == db.buildings.c.estate_id))
         .order_by(db.estates.c.name, db.buildings.c.name))
    allowed = ctx.building_ids(request)
    if allowed is not None:
        q = q.where(db.buildings.c.id.in_(allowed))
    with request.app.state.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def _today() -> str:
    return date.today().isoformat()


# -- lists ---------------------------------------------------------------------------------------
def _list_spec(entity: str, request: Request) -> dict[str, Any]:
    t = {"partner": db.partners, "offer": db.offers, "event": db.events, "announcement": db.announcements}[entity]
    today = _today()
    if entity == "partner":
        offers = (select(func.count()).select_from(db.offers).where(db.offers.c.partner_id == t.c.id)
                  .scalar_subquery().label("offers"))
        return {"base": select(t, offers), "sorts": {"name": t.c.name, "category": t.c.category, "offers": offers},
                "default": "name", "filters": ("category", "active"), "search": [t.c.name, t.c.address]}
    if entity == "offer":
        base = select(t, db.partners.c.name.label("partner_name")).select_from(
            t.join(db.partners, db.partners.c.id == t.c.partner_id))
        return {"base": base, "sorts": {"partner": db.partners.c.name, "text": t.c.text,
                                        "valid_until": t.c.valid_until}, "default": "partner",
                "filters": ("partner_id", "state"), "search": [t.c.text, db.partners.c.name]}
    if entity == "event":
        return {"base": select(t), "sorts": {"starts_at": t.c.starts_at, "title": t.c.title, "place": t.c.place},
                "default": "starts_at", "filters": ("when",), "search": [t.c.title, t.c.place]}
    return {"base": select(t), "sorts": {"valid_from": t.c.valid_from, "title": t.c.title,
                                         "valid_until": t.c.valid_until}, "default": "valid_from",
            "filters": ("state",), "search": [t.c.title, t.c.body], "today": today}


def _where(entity: str, lq: ListQuery, spec: dict[str, Any]) -> list[Any]:
    where: list[Any] = []
    if lq.q:
        words = lq.q.split()[:5]
        where += [or_(*[col.ilike(f"%{w}%") for col in spec["search"]]) for w in words]
    f, today = lq.filters, _today()
    if entity == "partner":
        if f.get("category"):
            where.append(db.partners.c.category == f["category"])
        if f.get("active") in ("yes", "no"):
            where.append(db.partners.c.active == (f["active"] == "yes"))
    if entity == "offer":
        o = db.offers.c
        if f.get("partner_id"):
            where.append(o.partner_id == f["partner_id"])
        if f.get("state") == "live":
            where += [or_(o.valid_from.is_(None), o.valid_from <= today), or_(o.valid_until.is_(None),
                                                                               o.valid_until >= today)]
        elif f.get("state") == "ended":
            where.append(and_(o.valid_until.is_not(None), o.valid_until < today))
        elif f.get("state") == "future":
            where.append(and_(o.valid_from.is_not(None), o.valid_from > today))
    if entity == "event":
        if f.get("when") == "upcoming":
            where.append(db.events.c.ends_at >= today)
        elif f.get("when") == "past":
            where.append(db.events.c.ends_at < today)
    if entity == "announcement":
        a = db.announcements.c
        if f.get("state") == "live":
            where += [a.valid_from <= today, a.valid_until >= today]
        elif f.get("state") == "ended":
            where.append(a.valid_until < today)
    return where


def _offer_state(r: dict[str, Any]) -> str:
    today = _today()
    if r.get("valid_until") and r["valid_until"] < today:
        return "Terminée"
    if r.get("valid_from") and r["valid_from"] > today:
        return "À venir"
    return "En cours"


def _rows(entity: str, rows: list[dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    out = []
    if entity == "partner":
        columns = [("name", "Nom", True, ""), ("category", "Catégorie", True, ""), ("address", "Adresse", False, ""),
                   ("offers", "Offres", True, "num"), ("active", "Sur les bornes", False, "")]
        for r in rows:
            out.append({"cells": {"name": (r["name"], f"/admin/partner/edit?id={r['id']}"),
                                  "category": (labels.word(labels.CATEGORY, r["category"]), ""),
                                  "address": (r["address"], ""), "offers": (str(r["offers"]), f"/admin/offer?partner_id={r['id']}"),
                                  "active": ("Oui" if r["active"] else "Non", "")},
                        "actions": [("Modifier", f"/admin/partner/edit?id={r['id']}"),
                                    ("Supprimer…", f"/admin/partner/{r['id']}/delete")]})
    elif entity == "offer":
        columns = [("partner", "Partenaire", True, ""), ("text", "Offre", True, ""),
                   ("valid_until", "Valable jusqu'au", True, ""), ("state", "État", False, "")]
        for r in rows:
            out.append({"cells": {"partner": (r["partner_name"], f"/admin/partner/edit?id={r['partner_id']}"),
                                  "text": (r["text"], f"/admin/offer/edit?id={r['id']}"),
                                  "valid_until": (labels.day(r["valid_until"]) or "sans limite", ""),
                                  "state": (_offer_state(r), "")},
                        "actions": [("Modifier", f"/admin/offer/edit?id={r['id']}"),
                                    ("Aperçu borne", f"/admin/offer/{r['id']}/preview"),
                                    ("Supprimer…", f"/admin/offer/{r['id']}/delete")]})
    elif entity == "event":
        columns = [("starts_at", "Début", True, ""), ("title", "Titre", True, ""), ("place", "Lieu", True, ""),
                   ("places", "Places prises", False, "num")]
        for r in rows:
            out.append({"cells": {"starts_at": (labels.when(r["starts_at"]), ""),
                                  "title": (r["title"], f"/admin/event/edit?id={r['id']}"), "place": (r["place"], ""),
                                  "places": (f"{r['taken']} / {r['capacity']}", f"/admin/community/events/{r['id']}")},
                        "actions": [("Modifier", f"/admin/event/edit?id={r['id']}"),
                                    ("Inscriptions", f"/admin/community/events/{r['id']}"),
                                    ("Supprimer…", f"/admin/event/{r['id']}/delete")]})
    else:
        columns = [("valid_from", "Du", True, ""), ("valid_until", "Au", True, ""), ("title", "Titre", True, ""),
                   ("where", "Bâtiments", False, "")]
        for r in rows:
            out.append({"cells": {"valid_from": (labels.day(r["valid_from"]), ""),
                                  "valid_until": (labels.day(r["valid_until"]), ""),
                                  "title": (r["title"], f"/admin/announcement/edit?id={r['id']}"),
                                  "where": (f"{len(r['building_ids'])} bâtiment(s)" if r["building_ids"] else "Tous", "")},
                        "actions": [("Modifier", f"/admin/announcement/edit?id={r['id']}"),
                                    ("Supprimer…", f"/admin/announcement/{r['id']}/delete")]})
    return columns, out


@router.get("/{entity}")
def catalog_list(entity: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    _entity(entity)
    spec = _list_spec(entity, request)
    lq = ListQuery.from_params(request.query_params, sorts=spec["sorts"], default_sort=spec["default"],
                               filters=spec["filters"], default_desc=entity in ("event", "announcement"))
    p = fetch(request.app.state.engine, spec["base"], lq, spec["sorts"], where=_where(entity, lq, spec),
              tiebreak=list(spec["sorts"].values())[0])
    columns, rows = _rows(entity, p.rows)
    partners = office(request).list("partner", limit=5000) if entity == "offer" else []
    return page(request, "catalog_list.html", title=SPECS[entity][0], entity=entity, p=p, base=f"/admin/{entity}",
                columns=columns, rows=rows, has_actions=ctx.account.can("editor"),
                partners=sorted(partners, key=lambda x: fold(x["name"])))


# -- forms ---------------------------------------------------------------------------------------
def _form_page(request: Request, ctx: Ctx, entity: str, row: dict[str, Any], status: int = 200,
               errors: dict[str, str] | None = None) -> HTMLResponse:
    choices: dict[str, list[tuple[str, str]]] = {}
    if entity == "offer":
        choices["partner_id"] = [(p["id"], p["name"]) for p in
                                 sorted(office(request).list("partner", limit=5000), key=lambda x: fold(x["name"]))]
    title = (f"{SPECS[entity][0]} — modifier" if row.get("id") else NEW_TITLE[entity])
    extra: dict[str, Any] = {}
    if entity == "partner":
        extra["hours"] = (typed_rows(row["_typed_hours"]) if "_typed_hours" in row else
                          editor_rows(row.get("hours") if isinstance(row.get("hours"), dict) else None))
        extra["has_logo"] = bool(row.get("id")) and _logo(request, row["id"]) is not None
        from central.admin.logos import LOGO_TOO_BIG, MAX_UPLOAD
        extra |= {"logo_max": MAX_UPLOAD, "logo_too_big": LOGO_TOO_BIG}
    if entity == "event" and row.get("id"):
        extra["confirmed"] = _count(request, event_registrations, row["id"], "confirmed")
    return page(request, "catalog_form.html", status, title=title, entity=entity, fields=SPECS[entity][1], row=row,
                choices=choices, errors=errors or {}, buildings=buildings_with_estates(request, ctx), **extra)


@router.get("/{entity}/edit")
def catalog_form(entity: str, request: Request, id: str = "", ctx: Ctx = Depends(current)) -> HTMLResponse:
    _entity(entity)
    row = office(request).get(entity, id) if id else {}
    if id and row is None:
        raise AdminError(404, "Cet élément n'existe plus (supprimé entre-temps ?).")
    if not id and entity == "offer" and request.query_params.get("partner_id"):
        row = {"partner_id": request.query_params["partner_id"]}
    return _form_page(request, ctx, entity, row or {})


def _typed(entity: str, form: dict[str, str], existing: dict[str, Any] | None) -> dict[str, Any]:
    """What was typed, to show the form again as it was sent."""
    row = dict(existing or {}) | dict(form)
    if "building_ids[]" in form or entity in ("event", "announcement"):
        row["building_ids"] = [b for b in form.get("building_ids[]", "").split(",") if b]
    if entity == "partner":
        row["_typed_hours"] = form
        row["active"] = form.get("active") == "on"
    return row


def _hosts(request: Request, numbers: list[Any]) -> list[dict[str, str]]:
    """Member numbers typed in the event form → the event's hosts (id and first name only)."""
    hosts: list[dict[str, str]] = []
    unknown: list[str] = []
    with request.app.state.engine.connect() as conn:
        for number in numbers:
            if isinstance(number, dict):          # kept as it was
                hosts.append(number)
                continue
            prefix = id_prefix(str(number))
            row = conn.execute(select(db.members.c.id, db.members.c.first_name)
                               .where(db.members.c.id.like(f"{prefix}%"), db.members.c.status != "left")
                               .limit(1)).first() if prefix else None
            if row is None:
                unknown.append(str(number))
            else:
                hosts.append({"member_id": row.id, "first_name": row.first_name})
    if unknown:
        raise FormErrors({"hosts": "Numéro d'adhérent inconnu : " + ", ".join(unknown) + "."})
    return hosts


@router.post("/{entity}/edit")
def catalog_save(entity: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    _entity(entity)
    ctx = current(request)
    o = office(request)
    existing = o.get(entity, form["id"]) if form.get("id") else None
    if form.get("id") and existing is None:
        raise AdminError(404, "Cet élément n'existe plus (supprimé entre-temps ?).")
    known = {b["id"] for b in buildings_with_estates(request, ctx)}
    partner_ids = {p["id"] for p in o.list("partner", limit=5000)} if entity == "offer" else None
    try:
        row = parse_form(entity, form, existing, known_buildings=known,
                         choices={"partner_id": partner_ids} if partner_ids is not None else None)
        if entity == "event":
            row["hosts"] = _hosts(request, row.get("hosts") or [])
        if existing is not None and "building_ids" in row and ctx.building_ids(request) is not None:
            # an estate's account does not see the other estates' buildings: it keeps them as they were
            row["building_ids"] = sorted(set(row["building_ids"]) | (set(existing["building_ids"]) - known))
        o.put(entity, row, by=ctx.username)
    except FormErrors as exc:
        return _form_page(request, ctx, entity, _typed(entity, form, existing), 400, exc.errors)
    except OfficeError as exc:
        field = {"capacity_below_confirmed": "capacity", "partner_unknown": "partner_id"}.get(exc.code, "")
        return _form_page(request, ctx, entity, _typed(entity, form, existing), 400,
                          {field or "_": labels.error(exc.code, **exc.data)})
    name = row.get("name") or row.get("title") or row.get("text")
    return done(request, f"/admin/{entity}", f"Enregistré : « {name} ». Les bornes l'auront à leur prochaine "
                                             "synchronisation.")


# -- delete, with a confirmation page -----------------------------------------------------------
def _count(request: Request, table: Any, event_id: str, status: str | None = None) -> int:
    q = select(func.count()).select_from(table).where(table.c.event_id == event_id)
    if status:
        q = q.where(table.c.status == status)
    with request.app.state.engine.connect() as conn:
        return int(conn.execute(q).scalar_one())


def consequences(request: Request, entity: str, row: dict[str, Any]) -> list[str]:
    """What goes with a deletion, in words, for the confirmation page."""
    out = ["Les bornes le retireront à leur prochaine synchronisation."]
    if entity == "partner":
        offers = [x for x in office(request).list("offer", limit=100000) if x["partner_id"] == row["id"]]
        out.insert(0, (f"Ses {len(offers)} offre(s) seront supprimées aussi : "
                       + " ; ".join(f"« {x['text']} »" for x in offers) + ".") if offers else "Il n'a aucune offre.")
    if entity == "event":
        regs = _count(request, event_registrations, row["id"])
        present = _count(request, event_attendance, row["id"])
        out.insert(0, f"Ses {regs} inscription(s) et {present} présence(s) sont gardées dans l'historique "
                      "(Inscriptions → événements archivés) et comptent toujours dans le Bilan.")
    return out


@router.get("/{entity}/{entity_id}/delete")
def delete_confirm(entity: str, entity_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    _entity(entity)
    row = office(request).get(entity, entity_id)
    if row is None:
        raise AdminError(404, "Cet élément n'existe plus.")
    name = row.get("name") or row.get("title") or row.get("text")
    return page(request, "confirm.html", title=f"Supprimer {ONE[entity]} « {name} » ?",
                action=f"/admin/{entity}/{entity_id}/delete", items=consequences(request, entity, row),
                button=f"Supprimer {ONE[entity]}", back=f"/admin/{entity}")


@router.post("/{entity}/{entity_id}/delete")
def delete_do(entity: str, entity_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    _entity(entity)
    if form.get("confirmed") != "yes":
        raise AdminError(400, "Confirmez la suppression depuis sa page de confirmation.")
    try:
        office(request).delete(entity, entity_id, by=current(request).username)
    except OfficeError:
        raise AdminError(404, "Cet élément n'existe plus.") from None
    return done(request, f"/admin/{entity}", "Supprimé. Les bornes le retireront à leur prochaine synchronisation.")


# -- offer preview, partner logo ------------------------------------------------------------------
@router.get("/offer/{offer_id}/preview")
def offer_preview(offer_id: str, request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    o = office(request)
    offer = o.get("offer", offer_id)
    if offer is None:
        raise AdminError(404, "Cette offre n'existe plus.")
    partner = o.get("partner", offer["partner_id"]) or {}
    return page(request, "offer_preview.html", title=f"Aperçu : {offer['text']}", offer=offer, partner=partner,
                hours=summary(partner.get("hours")), has_logo=_logo(request, partner.get("id", "")) is not None,
                state=_offer_state(offer))


def _logo(request: Request, partner_id: str) -> dict[str, Any] | None:
    from central.admin_tables import partner_logos
    with request.app.state.engine.connect() as conn:
        row = conn.execute(select(partner_logos).where(partner_logos.c.partner_id == partner_id)).mappings().first()
    return dict(row) if row else None


@router.get("/partner/{partner_id}/logo")
def partner_logo(partner_id: str, request: Request, _ctx: Ctx = Depends(current)) -> Response:
    row = _logo(request, partner_id)
    if row is None:
        raise AdminError(404, "Pas de logo.")
    return Response(row["data"], media_type=row["mime"], headers={"Cache-Control": "private, max-age=60",
                                                                  "X-Content-Type-Options": "nosniff"})


@router.post("/partner/{partner_id}/logo")
async def partner_logo_upload(partner_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    from central.admin.logos import LOGO_TOO_BIG, MAX_UPLOAD, LogoError
    from central.limits import size_fr
    ctx = current(request)
    upload = request.state.form.get("logo")
    data = b""
    if upload is not None and hasattr(upload, "read"):
        size = upload.size if upload.size is not None else upload.file.seek(0, 2)
        if size > MAX_UPLOAD:         # not read: its size is enough to refuse it
            return done(request, f"/admin/partner/edit?id={partner_id}",
                        LOGO_TOO_BIG.format(size=size_fr(size)), kind="error")
        await upload.seek(0)
        data = await upload.read()
    try:
        request.app.state.office_logos.save(partner_id, data, by=ctx.username)
    except LogoError as exc:
        return done(request, f"/admin/partner/edit?id={partner_id}", exc.message, kind="error")
    return done(request, f"/admin/partner/edit?id={partner_id}", "Logo enregistré (réduit et ré-encodé).")
