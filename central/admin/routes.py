"""The office's web admin: login, catalogue, staff, members and merges, tokens, kiosks.

Server-rendered Jinja pages under ``/admin``. Login with a username and an argon2-hashed
password (``central create-admin``); the session is a signed cookie (HttpOnly,
SameSite=Strict) and every form carries the session's CSRF token. Writes go through
:class:`central.office.Office`, so the kiosks see them on their next pull.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import IntegrityError
from starlette.middleware.sessions import SessionMiddleware

from central.admin.forms import SPECS, FormError, parse_form
from central.devices import EnrollmentRefused
from central.office import Office, OfficeError
from central.settings import ServerSettings
from kiosk.domain.records import PIN_MIN, pin_problem

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
router = APIRouter(prefix="/admin", include_in_schema=False)


class LoginRequired(Exception):
    pass


def office(request: Request) -> Office:
    return request.app.state.office


def user(request: Request) -> str:
    name = request.session.get("user")
    if not name:
        raise LoginRequired()
    return name


def csrf(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(24)
    return token


async def checked_form(request: Request, _user: str = Depends(user)) -> dict[str, str]:
    form = await request.form()
    if not secrets.compare_digest(str(form.get("csrf", "")), request.session.get("csrf", "-")):
        raise HTTPException(403, "bad CSRF token: reload the page")
    return {k: str(v) for k, v in form.items()}


def page(request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    ctx |= {"user": request.session.get("user"), "csrf": csrf(request), "specs": SPECS}
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


def back(path: str, message: str = "") -> RedirectResponse:
    return RedirectResponse(path + (f"?msg={message}" if message else ""), status_code=303)


# -- login --------------------------------------------------------------------------------
@router.get("/login")
def login_page(request: Request) -> HTMLResponse:
    return page(request, "login.html")


@router.post("/login")
def login(request: Request, username: str = Form(...), password: str = Form(...)) -> Response:
    request.app.state.public_limiter.check("login:" + (request.client.host if request.client else "?"))
    if not office(request).check_admin(username, password):
        return page(request, "login.html", 401, error="Identifiant ou mot de passe incorrect.")
    request.session.clear()
    request.session["user"] = username
    return back("/admin")


@router.post("/logout")
def logout(request: Request, _form: dict = Depends(checked_form)) -> Response:
    request.session.clear()
    return back("/admin/login")


@router.get("")
def dashboard(request: Request, _u: str = Depends(user)) -> HTMLResponse:
    o = office(request)
    counts = {t: o.count(t) for t in ("members", "partners", "offers", "events", "announcements", "devices")}
    return page(request, "dashboard.html", counts=counts, merges=len(o.merge_queue()))


# -- staff (before the generic catalogue routes, which would match /admin/staff) ----------------
@router.get("/staff")
def staff_list(request: Request, _u: str = Depends(user)) -> HTMLResponse:
    return page(request, "staff.html", rows=office(request).list("staff"), msg=request.query_params.get("msg"))


@router.post("/staff")
def staff_create(request: Request, form: dict = Depends(checked_form)) -> Response:
    pin = form.get("pin", "")
    if pin_problem(pin) or not form.get("display_name", "").strip():
        return back("/admin/staff", f"PIN : au moins {PIN_MIN} chiffres, nom requis")
    role = form.get("role") if form.get("role") in ("caretaker", "admin") else "caretaker"
    office(request).put_staff(None, form["display_name"].strip(), role, pin)
    return back("/admin/staff", "Personnel ajouté")


@router.post("/staff/{staff_id}/pin")
def staff_pin(staff_id: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    pin = form.get("pin", "")
    if pin_problem(pin):  # the kiosk's rule (kiosk.domain.records)
        return back("/admin/staff", f"PIN : au moins {PIN_MIN} chiffres")
    office(request).reset_pin(staff_id, pin)
    return back("/admin/staff", "PIN réinitialisé")


# -- members, merges ----------------------------------------------------------------------------
@router.get("/members")
def members(request: Request, q: str = "", _u: str = Depends(user)) -> HTMLResponse:
    return page(request, "members.html", rows=office(request).members(q), q=q, msg=request.query_params.get("msg"))


@router.get("/members/{member_id}")
def member_page(member_id: str, request: Request, _u: str = Depends(user)) -> HTMLResponse:
    rows = office(request).members(member_id, limit=1)
    if not rows or rows[0]["id"] != member_id:
        raise HTTPException(404, "no such member")
    return page(request, "member.html", m=rows[0], buildings=office(request).list("building"))


@router.post("/members/{member_id}")
def member_save(member_id: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    changes = {k: form[k].strip() for k in ("first_name", "last_name", "building_id", "flat_id", "status") if form.get(k)}
    if changes.get("status") not in (None, "pending", "active", "left"):
        return back(f"/admin/members/{member_id}", "statut invalide")
    try:
        office(request).update_member(member_id, **changes)
    except OfficeError as exc:
        return back("/admin/members", f"Refusé : {exc.code}")
    return back("/admin/members", "Adhérent modifié")


@router.post("/members/{member_id}/erase")
def member_erase(member_id: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    if form.get("confirm") != "EFFACER":
        return back(f"/admin/members/{member_id}", "Tapez EFFACER pour confirmer")
    office(request).erase_member(member_id)
    return back("/admin/members", "Adhérent effacé sur le serveur et les bornes")


@router.get("/merges")
def merges(request: Request, _u: str = Depends(user)) -> HTMLResponse:
    o = office(request)
    queue = o.merge_queue()
    people = {m["id"]: m for q in queue for mid in (q["member_id"], q["duplicate_of"]) for m in o.members(mid, 1)}
    return page(request, "merges.html", queue=queue, people=people, msg=request.query_params.get("msg"))


@router.post("/merges/{queue_id}")
def merge_do(queue_id: int, request: Request, form: dict = Depends(checked_form)) -> Response:
    o = office(request)
    item = next((q for q in o.merge_queue() if q["id"] == queue_id), None)
    if item is None:
        return back("/admin/merges", "Déjà traité")
    if form.get("action") == "dismiss":
        o.dismiss_duplicate(queue_id)
        return back("/admin/merges", "Ce ne sont pas les mêmes personnes : noté")
    o.merge(item["member_id"], item["duplicate_of"])
    return back("/admin/merges", "Fusionné")


# -- tokens and kiosks ------------------------------------------------------------------------------
@router.get("/kiosks")
def kiosks(request: Request, _u: str = Depends(user)) -> HTMLResponse:
    o = office(request)
    return page(request, "kiosks.html", rows=o.list("device"), buildings=o.list("building"),
                msg=request.query_params.get("msg"), token=request.session.pop("new_token", None))


@router.post("/kiosks/token")
def kiosk_token(request: Request, form: dict = Depends(checked_form)) -> Response:
    try:
        request.session["new_token"] = office(request).create_enrollment_token(form.get("building_id", ""))
    except EnrollmentRefused as exc:
        return back("/admin/kiosks", f"Refusé : {exc.code}")
    return back("/admin/kiosks")


@router.post("/kiosks/{device_id}/buildings")
def kiosk_buildings(device_id: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    """A kiosk now serves other buildings: its next pull gets 410 and a fresh snapshot."""
    o = office(request)
    known = {b["id"] for b in o.list("building")}
    wanted = [b.strip() for b in form.get("building_ids", "").split(",") if b.strip()]
    if not wanted or not set(wanted) <= known:
        return back("/admin/kiosks", "Bâtiments inconnus")
    o.set_device_buildings(device_id, wanted)
    return back("/admin/kiosks", "Bâtiments de la borne modifiés")


@router.post("/kiosks/{device_id}/revoke")
def kiosk_revoke(device_id: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    office(request).revoke_device(device_id, wipe=form.get("wipe") == "on")
    return back("/admin/kiosks", "Borne révoquée")


# -- catalogue: partners, offers, events, announcements ------------------------------------------------
def _choices(request: Request, entity: str) -> dict[str, list[tuple[str, str]]]:
    if entity == "offer":
        return {"partner_id": [(p["id"], p["name"]) for p in office(request).list("partner")]}
    return {}


@router.get("/{entity}")
def catalog_list(entity: str, request: Request, _u: str = Depends(user)) -> HTMLResponse:
    if entity not in SPECS:
        raise HTTPException(404)
    return page(request, "list.html", entity=entity, rows=office(request).list(entity),
                msg=request.query_params.get("msg"))


@router.get("/{entity}/edit")
def catalog_form(entity: str, request: Request, id: str = "", _u: str = Depends(user)) -> HTMLResponse:
    if entity not in SPECS:
        raise HTTPException(404)
    row = next((r for r in office(request).list(entity) if r["id"] == id), {}) if id else {}
    return page(request, "form.html", entity=entity, row=row, choices=_choices(request, entity))


@router.post("/{entity}/edit")
def catalog_save(entity: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    if entity not in SPECS:
        raise HTTPException(404)
    o = office(request)
    existing = next((r for r in o.list(entity) if r["id"] == form.get("id")), None) if form.get("id") else None
    try:
        row = parse_form(entity, form, existing)
        o.put(entity, row)
    except (FormError, OfficeError) as exc:
        return page(request, "form.html", 400, entity=entity, row=form, error=str(exc),
                    choices=_choices(request, entity))
    return back(f"/admin/{entity}", "Enregistré")


@router.post("/{entity}/delete")
def catalog_delete(entity: str, request: Request, form: dict = Depends(checked_form)) -> Response:
    if entity not in SPECS:
        raise HTTPException(404)
    try:
        office(request).delete(entity, form.get("id", ""))
    except IntegrityError:
        return back(f"/admin/{entity}", "Impossible : encore utilisé (inscriptions, offres...)")
    return back(f"/admin/{entity}", "Supprimé")


def mount_admin(app: FastAPI, settings: ServerSettings) -> None:
    app.add_middleware(SessionMiddleware, secret_key=settings.session_secret, session_cookie="ck_admin",
                       same_site="strict", https_only=settings.secure_cookies, max_age=8 * 3600)
    app.include_router(router)

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:  # noqa: ARG001
        return RedirectResponse("/admin/login", status_code=303)

