"""People pages: members (list, record, office fields, erasure), duplicates, staff.

The member list searches name, phone, flat and card number (``member_search``), filters
by building and status, sorts and pages, and shows only the buildings of the account's
estates; a member of another estate is answered like an unknown one. Erasure and merge
are confirmed on a page that lists what goes with them.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from central import db
from central import labels
from central.admin.catalog import buildings_with_estates
from central.admin.listing import ListQuery, fetch
from central.admin.member_search import conditions
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.community_tables import event_registrations, ideas, landlord_requests
from central.lending_tables import lending_suspensions
from central.office import Office, OfficeError
from kiosk.domain.members import name_error
from kiosk.domain.records import PIN_MIN, pin_is_acceptable

router = APIRouter(prefix="/admin", include_in_schema=False)

M = db.members.c
SORTS = {"name": M.last_name, "first_name": M.first_name, "building": db.buildings.c.name, "status": M.status,
         "created_at": M.created_at}


def office(request: Request) -> Office:
    return request.app.state.office


def member_in_scope(request: Request, ctx: Ctx, member_id: str) -> dict[str, Any]:
    """The member's row, or 404 — the same for an unknown member and one of another estate."""
    row = office(request).members(member_id, limit=1)
    if not row or row[0]["id"] != member_id or not ctx.sees_building(request, row[0]["building_id"]):
        raise AdminError(404, "Aucun adhérent avec ce numéro.")
    return row[0]


@router.get("/members")
def members(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    lq = ListQuery.from_params(request.query_params, sorts=SORTS, default_sort="name",
                               filters=("building_id", "status"))
    base = (select(db.members, db.buildings.c.name.label("building_name"), db.flats.c.label.label("flat_label"))
            .select_from(db.members.outerjoin(db.buildings, db.buildings.c.id == M.building_id)
                         .outerjoin(db.flats, db.flats.c.id == M.flat_id)))
    where = conditions(lq.q)
    allowed = ctx.building_ids(request)
    if allowed is not None:
        where.append(M.building_id.in_(allowed))
    if lq.filters.get("building_id"):
        where.append(M.building_id == lq.filters["building_id"])
    if lq.filters.get("status"):
        where.append(M.status == lq.filters["status"])
    p = fetch(request.app.state.engine, base, lq, SORTS, where=where, tiebreak=M.first_name)
    columns = [("number", "N° de carte", False, ""), ("name", "Nom", True, ""), ("first_name", "Prénom", True, ""),
               ("building", "Bâtiment", True, ""), ("flat", "Logement", False, ""), ("status", "Statut", True, ""),
               ("created_at", "Inscrit le", True, "")]
    rows = [{"cells": {"number": (labels.member_no(r["id"]), f"/admin/members/{r['id']}"),
                       "name": (r["last_name"], f"/admin/members/{r['id']}"), "first_name": (r["first_name"], ""),
                       "building": (r["building_name"] or "", ""), "flat": (r["flat_label"] or "", ""),
                       "status": (labels.word(labels.MEMBER_STATUS, r["status"]), ""),
                       "created_at": (labels.day(r["created_at"]), "")}, "actions": []} for r in p.rows]
    return page(request, "members.html", title="Adhérents", p=p, base="/admin/members", columns=columns, rows=rows,
                has_actions=False, buildings=buildings_with_estates(request, ctx))


def _record(request: Request, member: dict[str, Any]) -> dict[str, Any]:
    mid = member["id"]
    with request.app.state.engine.connect() as conn:
        consents = [dict(r) for r in conn.execute(select(db.consents).where(db.consents.c.member_id == mid)
                                                  .order_by(db.consents.c.at)).mappings()]
        cards = [dict(r) for r in conn.execute(select(db.cards).where(db.cards.c.holder_id == mid)
                                               .order_by(db.cards.c.issued)).mappings()]
        regs = [dict(r) for r in conn.execute(
            select(event_registrations, db.events.c.title, db.events.c.starts_at)
            .select_from(event_registrations.outerjoin(db.events, db.events.c.id == event_registrations.c.event_id))
            .where(event_registrations.c.member_id == mid).order_by(event_registrations.c.arrival)).mappings()]
        reqs = [dict(r) for r in conn.execute(select(landlord_requests).where(landlord_requests.c.member_id == mid)
                                              .order_by(landlord_requests.c.created_at)).mappings()]
        idea_rows = [dict(r) for r in conn.execute(select(ideas).where(ideas.c.member_id == mid)).mappings()]
        flat = conn.execute(select(db.flats).where(db.flats.c.id == member["flat_id"])).mappings().first()
        flats = [dict(r) for r in conn.execute(select(db.flats).where(db.flats.c.building_id == member["building_id"])
                                               .order_by(db.flats.c.label)).mappings()]
        suspension = conn.execute(select(lending_suspensions).where(lending_suspensions.c.member_id == mid)) \
            .mappings().first()
        dup = conn.execute(select(db.merge_queue).where(((db.merge_queue.c.member_id == mid) |
                                                         (db.merge_queue.c.duplicate_of == mid)) &
                                                        (db.merge_queue.c.state == "open"))).first()
    return {"consents": consents, "cards": cards, "regs": regs, "reqs": reqs, "ideas": idea_rows,
            "flat": dict(flat) if flat else None, "flats": flats, "has_duplicate": dup is not None,
            "suspension": dict(suspension) if suspension else None}


def member_page_with(request: Request, ctx: Ctx, m: dict[str, Any], status: int = 200,
                     errors: dict[str, str] | None = None, typed: dict[str, str] | None = None,
                     suspend_errors: dict[str, str] | None = None,
                     suspend_typed: dict[str, str] | None = None) -> HTMLResponse:
    """The member's record; the suspension form's errors and typed values when it was refused
    (central/admin/lending_pages.py)."""
    return page(request, "member.html", status, title=f"{m['first_name']} {m['last_name']}", m=m,
                typed=typed or m, errors=errors or {}, buildings=buildings_with_estates(request, ctx),
                suspend_errors=suspend_errors or {}, suspend_typed=suspend_typed or {}, **_record(request, m))


_member_page = member_page_with


@router.get("/members/{member_id}")
def member_page(member_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return _member_page(request, ctx, member_in_scope(request, ctx, member_id))


@router.post("/members/{member_id}")
def member_save(member_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    m = member_in_scope(request, ctx, member_id)
    changes = {k: (form.get(k) or "").strip() for k in ("first_name", "last_name", "building_id", "flat_id", "status")}
    errors: dict[str, str] = {}
    for k in ("first_name", "last_name"):
        err = name_error(k, changes[k])
        if err is not None:
            errors[k] = {"required": "À remplir.", "too_long": "60 caractères au plus."}.get(
                err.code, "Lettres, espaces, tirets et apostrophes seulement.")
    if changes["status"] not in labels.MEMBER_STATUS:
        errors["status"] = "Choisissez un statut."
    if not ctx.sees_building(request, changes["building_id"]):
        errors["building_id"] = "Choisissez un bâtiment de la liste."
    if not errors:
        try:
            office(request).update_member(member_id, by=ctx.username, **changes)
        except OfficeError as exc:
            errors["flat_id" if exc.code == "unknown_flat" else "_"] = labels.error(exc.code)
    if errors:
        return _member_page(request, ctx, m, 400, errors, m | changes)
    return done(request, f"/admin/members/{member_id}", "Fiche enregistrée. Les bornes l'auront à leur prochaine "
                                                       "synchronisation.")


@router.get("/flats.json")
def flats_of_building(request: Request, building_id: str = "", ctx: Ctx = Depends(current)) -> list[dict[str, str]]:
    """The flat picker of the member form follows the chosen building."""
    if not ctx.sees_building(request, building_id):
        return []
    with request.app.state.engine.connect() as conn:
        return [{"id": r.id, "label": r.label} for r in conn.execute(
            select(db.flats.c.id, db.flats.c.label).where(db.flats.c.building_id == building_id)
            .order_by(db.flats.c.label))]


@router.get("/members/{member_id}/erase")
def erase_confirm(member_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    m = member_in_scope(request, ctx, member_id)
    r = _record(request, m)
    items = [f"La fiche de {m['first_name']} {m['last_name']}, ses coordonnées et ses {len(r['consents'])} "
             "consentement(s) sont effacés du serveur et de toutes les bornes.",
             f"Ses {len([c for c in r['cards'] if c['status'] == 'active'])} carte(s) valide(s) sont révoquées.",
             f"Ses {len(r['regs'])} inscription(s) sont supprimées ; leurs places reviennent à la liste d'attente.",
             f"Ses {len(r['reqs'])} demande(s) sont supprimées ; ses {len(r['ideas'])} idée(s) deviennent anonymes.",
             "Ses présences aux événements restent comptées dans le Bilan, sans son nom.",
             "Le journal garde la trace de l'effacement, sans son nom. C'est définitif."]
    return page(request, "confirm.html", title=f"Effacer {m['first_name']} {m['last_name']} partout ?",
                action=f"/admin/members/{member_id}/erase", items=items, button="Effacer définitivement",
                back=f"/admin/members/{member_id}")


@router.post("/members/{member_id}/erase")
def member_erase(member_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    member_in_scope(request, ctx, member_id)
    if form.get("confirmed") != "yes":
        raise AdminError(400, "Confirmez l'effacement depuis sa page de confirmation.")
    office(request).erase_member(member_id, by=ctx.username)
    return done(request, "/admin/members", "Adhérent effacé sur le serveur ; les bornes l'effaceront à leur "
                                           "prochaine synchronisation.")


# -- duplicates ---------------------------------------------------------------------------------------
def _queue(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    o = office(request)
    out = []
    for q in o.merge_queue():
        a, b = o.members(q["member_id"], 1), o.members(q["duplicate_of"], 1)
        if not a or not b or not (ctx.sees_building(request, a[0]["building_id"])
                                  or ctx.sees_building(request, b[0]["building_id"])):
            continue
        out.append(q | {"new": a[0], "old": b[0]})
    return out


@router.get("/merges")
def merges(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return page(request, "merges.html", title="Doublons possibles", queue=_queue(request, ctx))


@router.get("/merges/{queue_id}")
def merge_confirm(queue_id: int, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    item = next((q for q in _queue(request, ctx) if q["id"] == queue_id), None)
    if item is None:
        raise AdminError(404, "Ce doublon a déjà été traité.")
    new, old = item["new"], item["old"]
    rec = _record(request, new)
    items = [f"On garde la fiche existante de {old['first_name']} {old['last_name']} "
             f"(carte {labels.member_no(old['id'])}).",
             f"La nouvelle fiche ({new['first_name']} {new['last_name']}, carte {labels.member_no(new['id'])}) "
             "disparaît du serveur et des bornes ; ses cartes sont révoquées.",
             f"Ses {len(rec['consents'])} consentement(s) passent sur la fiche gardée.",
             "Ce que les bornes envoient encore pour la nouvelle fiche arrive sur la fiche gardée."]
    return page(request, "confirm.html", title="Fusionner ces deux fiches ?", action=f"/admin/merges/{queue_id}",
                items=items, button="Fusionner dans la fiche existante", back="/admin/merges",
                extra={"action": "merge"})


@router.post("/merges/{queue_id}")
def merge_do(queue_id: int, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    o = office(request)
    item = next((q for q in _queue(request, ctx) if q["id"] == queue_id), None)
    if item is None:
        return done(request, "/admin/merges", "Ce doublon a déjà été traité.", kind="error")
    if form.get("action") == "dismiss":
        o.dismiss_duplicate(queue_id, by=ctx.username)
        return done(request, "/admin/merges", "Noté : ce sont deux personnes différentes.")
    if form.get("confirmed") != "yes":
        raise AdminError(400, "Confirmez la fusion depuis sa page de confirmation.")
    o.merge(item["member_id"], item["duplicate_of"], by=ctx.username)
    return done(request, "/admin/merges", "Fiches fusionnées.")


# -- staff (kiosk caretakers) -----------------------------------------------------------------------
@router.get("/staff")
def staff_list(request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    rows = sorted(office(request).list("staff"), key=lambda r: r["display_name"].casefold())
    return page(request, "staff.html", title="Personnel des bornes", rows=rows, errors={}, typed={})


def _pin_error(pin: str) -> str | None:
    if not pin_is_acceptable(pin) or len(pin) > 12:  # the kiosk's own rule (kiosk.domain.records)
        return f"De {PIN_MIN} à 12 chiffres."
    return None


@router.post("/staff")
def staff_create(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    name, pin, role = form.get("display_name", "").strip(), form.get("pin", ""), form.get("role", "")
    errors = {}
    if not name or len(name) > 120:
        errors["display_name"] = "À remplir (120 caractères au plus)."
    if (e := _pin_error(pin)) is not None:
        errors["pin"] = e
    if role not in labels.STAFF_ROLE:
        errors["role"] = "Choisissez un rôle."
    if errors:
        rows = sorted(office(request).list("staff"), key=lambda r: r["display_name"].casefold())
        return page(request, "staff.html", 400, title="Personnel des bornes", rows=rows, errors=errors,
                    typed={"display_name": name, "role": role})
    office(request).put_staff(None, name, role, pin, by=ctx.username)
    return done(request, "/admin/staff", f"{name} peut se connecter aux bornes après leur prochaine synchronisation.")


@router.post("/staff/{staff_id}/pin")
def staff_pin(staff_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    if (e := _pin_error(form.get("pin", ""))) is not None:
        return done(request, "/admin/staff", f"PIN non changé : {e}", kind="error")
    try:
        office(request).reset_pin(staff_id, form["pin"], by=ctx.username)
    except OfficeError as exc:
        return done(request, "/admin/staff", labels.error(exc.code), kind="error")
    return done(request, "/admin/staff", "Nouveau PIN enregistré.")


@router.post("/staff/{staff_id}/active")
def staff_active(staff_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    try:
        office(request).set_staff_active(staff_id, form.get("active") == "yes", by=ctx.username)
    except OfficeError as exc:
        return done(request, "/admin/staff", labels.error(exc.code), kind="error")
    return done(request, "/admin/staff", "Enregistré.")
