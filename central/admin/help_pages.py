"""Admin pages of the kiosk's help screen: each building's help contacts, and the
"Rappels à faire" (call-back requests from the kiosks).

- ``/admin/help``: the buildings the account sees, with their contacts (a building
  without one is flagged: its kiosk then says "ask the agency"); ``/admin/help/<building>``
  lists, adds, edits and (after a confirmation page) deletes them. The kiosks of that
  building have the change at their next sync.
- ``/admin/callbacks``: who asked to be called back, from which building, when, about
  what, in which language; the phone masked (``06 •• •• •• 12``). The record
  (``/admin/callbacks/<id>``) shows the full number to the accounts that may call
  (editors and administrators; a read-only account sees it masked there too) and
  changes the status (to call, called, no answer), audited.
Same login, roles, CSRF, banners and templates as the other pages; writes go through
:class:`central.help_office.HelpOffice`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from central import db, labels
from central.admin.listing import ListQuery, fetch
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.help_office import STATUSES, HelpContactRefused, HelpOffice
from central.help_tables import callback_requests, help_contacts
from kiosk.domain.help import CONTACT_HOURS_MAX, CONTACT_NAME_MAX
from kiosk.domain.members import mask_phone

router = APIRouter(prefix="/admin", include_in_schema=False)

PROBLEMS = {"required": "À remplir.", "too_long": "Trop long : {max} caractères au plus.",
            "role.invalid": "Choisissez dans la liste.",
            "phone.invalid": "Un numéro de téléphone français, par exemple 01 48 13 55 10."}
MAXIMA = {"name": CONTACT_NAME_MAX, "hours": CONTACT_HOURS_MAX}


def help_office(request: Request) -> HelpOffice:
    office = getattr(request.app.state, "help_office", None)
    if office is None:
        office = request.app.state.help_office = HelpOffice(request.app.state.engine)
    return office


def _building(request: Request, ctx: Ctx, building_id: str) -> dict[str, Any]:
    if not ctx.sees_building(request, building_id):
        raise AdminError(404, "Ce bâtiment n'existe pas.")
    building = request.app.state.office.get("building", building_id)
    if building is None:
        raise AdminError(404, "Ce bâtiment n'existe pas.")
    return building


# -- help contacts --------------------------------------------------------------------------------
@router.get("/help")
def help_list(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    b = db.buildings.c
    n = (select(func.count()).select_from(help_contacts).where(help_contacts.c.building_id == b.id)
         .scalar_subquery())
    sorts = {"estate": db.estates.c.name, "name": b.name, "contacts": n}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="estate", filters=("missing",))
    base = (select(db.buildings, db.estates.c.name.label("estate_name"), n.label("contacts"))
            .select_from(db.buildings.join(db.estates, db.estates.c.id == b.estate_id)))
    allowed = ctx.building_ids(request)
    where: list[Any] = [b.id.in_(allowed)] if allowed is not None else []
    if lq.q:
        where.append(b.name.ilike(f"%{lq.q}%") | db.estates.c.name.ilike(f"%{lq.q}%"))
    if lq.filters.get("missing") == "1":
        where.append(n == 0)
    p = fetch(request.app.state.engine, base, lq, sorts, where=where, tiebreak=b.name)
    ids = [r["id"] for r in p.rows]
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(help_contacts).where(help_contacts.c.building_id.in_(ids))
                            .order_by(help_contacts.c.position, help_contacts.c.name)).mappings().all()
    by_building: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_building.setdefault(r["building_id"], []).append(dict(r))
    return page(request, "help_list.html", title="Aide à la borne : contacts", p=p, contacts=by_building)


@router.get("/help/{building_id}")
def help_building(building_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    building = _building(request, ctx, building_id)
    return page(request, "help_building.html", title=f"Aide à la borne : {building['name']}", building=building,
                contacts=help_office(request).contacts(building_id))


def _form(request: Request, building: dict[str, Any], row: dict[str, Any], status: int = 200,
          errors: dict[str, str] | None = None) -> HTMLResponse:
    title = ("Modifier un contact" if row.get("id") else "Ajouter un contact") + f" — {building['name']}"
    return page(request, "help_form.html", status, title=title, building=building, row=row, errors=errors or {},
                maxima=MAXIMA)


@router.get("/help/{building_id}/edit")
def help_form(building_id: str, request: Request, id: str = "", ctx: Ctx = Depends(current)) -> HTMLResponse:
    building = _building(request, ctx, building_id)
    if not id:
        return _form(request, building, {"role": "caretaker", "position": len(help_office(request).contacts(
            building_id))})
    row = help_office(request).contact(id)
    if row is None or row["building_id"] != building_id:
        raise AdminError(404, "Ce contact n'existe plus.")
    return _form(request, building, row | {"phone": labels.phone(row["phone"])})


@router.post("/help/{building_id}/edit")
def help_save(building_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    building = _building(request, ctx, building_id)
    contact_id = form.get("id") or None
    typed = {k: (form.get(k) or "").strip() for k in ("name", "role", "hours", "phone", "position")}
    errors: dict[str, str] = {}
    if typed["position"] and not typed["position"].isdigit():
        errors["position"] = "Un nombre entier, 0 ou plus (0 : en premier)."
    if not errors:
        try:
            help_office(request).put_contact(building_id, typed, contact_id=contact_id, by=ctx.username)
        except HelpContactRefused as exc:
            errors = {k: PROBLEMS.get(v, "Valeur refusée.").format(max=MAXIMA.get(k, "")) for k, v in
                      exc.problems.items()}
        except KeyError:
            raise AdminError(404, "Ce contact n'existe plus.") from None
    if errors:
        return _form(request, building, typed | {"id": contact_id or ""}, 400, errors)
    return done(request, f"/admin/help/{building_id}", f"Contact enregistré : les bornes de « {building['name']} » "
                                                      "l'afficheront à leur prochaine synchronisation.")


def _contact_of(request: Request, building_id: str, contact_id: str) -> dict[str, Any]:
    row = help_office(request).contact(contact_id)
    if row is None or row["building_id"] != building_id:
        raise AdminError(404, "Ce contact n'existe plus.")
    return row


@router.get("/help/{building_id}/{contact_id}/delete")
def help_delete_page(building_id: str, contact_id: str, request: Request, ctx: Ctx = Depends(current)
                     ) -> HTMLResponse:
    building = _building(request, ctx, building_id)
    row = _contact_of(request, building_id, contact_id)
    left = len(help_office(request).contacts(building_id)) - 1
    items = [f"« {row['name']} » ne sera plus affiché sur les bornes de « {building['name']} » (à leur prochaine "
             "synchronisation)."]
    if left == 0:
        items.append("C'était le dernier contact de ce bâtiment : l'écran « Besoin d'aide ? » dira de s'adresser "
                     "à l'agence du bailleur.")
    return page(request, "confirm.html", title=f"Retirer le contact « {row['name']} » ?",
                action=f"/admin/help/{building_id}/{contact_id}/delete", items=items, button="Retirer le contact",
                back=f"/admin/help/{building_id}")


@router.post("/help/{building_id}/{contact_id}/delete")
def help_delete(building_id: str, contact_id: str, request: Request,
                form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    _building(request, ctx, building_id)
    row = _contact_of(request, building_id, contact_id)
    if form.get("confirmed") != "yes":
        raise AdminError(400, "Confirmez d'abord sur la page de confirmation.")
    help_office(request).delete_contact(contact_id, by=ctx.username)
    return done(request, f"/admin/help/{building_id}", f"Contact « {row['name']} » retiré.")


# -- call-backs -----------------------------------------------------------------------------------
def _callbacks_query() -> Any:
    c = callback_requests.c
    return (select(callback_requests, db.members.c.first_name, db.members.c.last_name,
                   db.members.c.phone.label("member_phone"), db.buildings.c.name.label("building_name"))
            .select_from(callback_requests.outerjoin(db.members, db.members.c.id == c.member_id)
                         .outerjoin(db.buildings, db.buildings.c.id == c.building_id)))


@router.get("/callbacks")
def callbacks_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    c = callback_requests.c
    sorts = {"created_at": c.created_at, "status": c.status, "building": db.buildings.c.name}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="created_at",
                               filters=("status", "building_id"))
    if "status" not in request.query_params:
        lq.filters["status"] = "to_call"
    allowed = ctx.building_ids(request)
    where: list[Any] = [c.building_id.in_(allowed)] if allowed is not None else []
    if lq.filters.get("status") in STATUSES:
        where.append(c.status == lq.filters["status"])
    else:
        lq.filters["status"] = "all"
    if lq.filters.get("building_id"):
        where.append(c.building_id == lq.filters["building_id"])
    p = fetch(request.app.state.engine, _callbacks_query(), lq, sorts, where=where, tiebreak=c.id)
    with request.app.state.engine.connect() as conn:
        buildings = [dict(r) for r in conn.execute(select(db.buildings.c.id, db.buildings.c.name)
                                                   .order_by(db.buildings.c.name)).mappings()
                     if allowed is None or r["id"] in allowed]
    return page(request, "callbacks.html", title="Rappels à faire", p=p, buildings=buildings, mask=mask_phone)


@router.get("/callbacks/{request_id}")
def callback_page(request_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    row = _callback_in_scope(request, ctx, request_id)
    return page(request, "callback.html", title="Rappel demandé", r=row, mask=mask_phone,
                full=ctx.account.can("editor"))


def _callback_in_scope(request: Request, ctx: Ctx, request_id: str) -> dict[str, Any]:
    with request.app.state.engine.connect() as conn:
        row = conn.execute(_callbacks_query().where(callback_requests.c.id == request_id)).mappings().first()
    if row is None or not ctx.sees_building(request, row["building_id"]):
        raise AdminError(404, "Cette demande de rappel n'existe plus.")
    return dict(row)


@router.post("/callbacks/{request_id}")
def callback_save(request_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    _callback_in_scope(request, ctx, request_id)
    status = form.get("status", "")
    if status not in STATUSES:
        return done(request, f"/admin/callbacks/{request_id}", "Choisissez un statut.", kind="error")
    help_office(request).set_callback_status(request_id, status, by=ctx.username)
    return done(request, "/admin/callbacks", f"Rappel noté : {labels.CALLBACK_STATUS[status]}.")
