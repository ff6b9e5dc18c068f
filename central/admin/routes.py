"""The office's web admin: mounting, login and logout, the dashboard, one's own password.

Server-rendered Jinja pages under ``/admin`` (why not an admin library: docs/admin.md).
Every page depends on :func:`central.admin.web.current` (login, role, input limits) and
every form on :func:`central.admin.web.checked_form` (plus CSRF). Writes go through
:class:`central.office.Office`, so the kiosks see them on their next pull, and each
write leaves an audit row. The pages of each area live in their own module.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from central import access_log
from central.accounts import AccountError, Accounts
from central import labels
from central.admin.web import COOKIE, AdminError, Ctx, LoginRequired, checked_form, current, done, page, sessions
from central.sessions import ABSOLUTE, SessionStore
from central.settings import ServerSettings
from kiosk.domain.records import PIN_MIN, pin_problem

router = APIRouter(prefix="/admin", include_in_schema=False)


def _cookie(response: Response, request: Request, value: str) -> None:
    response.set_cookie(COOKIE, value, max_age=int(ABSOLUTE.total_seconds()), httponly=True, samesite="strict",
                        secure=request.app.state.settings.secure_cookies, path="/admin")


@router.get("/login")
def login_page(request: Request) -> HTMLResponse:
    return page(request, "login.html", title="Connexion")


@router.post("/login")
def login(request: Request, username: str = Form("", max_length=200), password: str = Form("", max_length=1000)
          ) -> Response:
    request.app.state.public_limiter.check("login:" + (request.client.host if request.client else "?"))
    try:
        account = request.app.state.admin_accounts.authenticate(username, password)
    except AccountError as exc:
        if exc.code == "locked":
            minutes = max(1, round(exc.retry_after_s / 60))
            message = (f"Trop d'essais pour ce compte : réessayez dans {minutes} minute(s). "
                       "Mot de passe oublié : demandez à un administrateur de le changer.")
            resp = page(request, "login.html", 429, title="Connexion", error=message, username=username)
            resp.headers["Retry-After"] = str(exc.retry_after_s)
            return resp
        return page(request, "login.html", 401, title="Connexion", error=labels.error("bad_credentials"),
                    username=username)
    old = request.cookies.get(COOKIE)
    if old:
        sessions(request).revoke(old)
    response = RedirectResponse("/admin", status_code=303)
    _cookie(response, request, sessions(request).create(account.username))
    return response


@router.post("/logout")
def logout(request: Request, _form: dict[str, str] = Depends(checked_form)) -> Response:
    sessions(request).revoke(current(request).cookie)
    response = RedirectResponse("/admin/login", status_code=303)
    response.delete_cookie(COOKIE, path="/admin")
    return response


@router.get("")
def dashboard(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    from central.admin.dashboard import figures
    return page(request, "dashboard.html", title="Accueil", figures=figures(request, ctx))


@router.get("/account")
def account_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return page(request, "account.html", title="Mon compte", others=sessions(request).count(ctx.username) - 1)


@router.post("/account/password")
def account_password(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    accts: Accounts = request.app.state.admin_accounts
    errors = {}
    try:
        accts.authenticate(ctx.username, form.get("current", ""))
    except AccountError:
        errors["current"] = "Ce n'est pas votre mot de passe actuel."
    if form.get("new", "") != form.get("again", ""):
        errors["again"] = "Les deux saisies sont différentes."
    if not errors:
        try:
            accts.set_password(ctx.username, form.get("new", ""), by=ctx.username)
        except AccountError as exc:
            errors["new"] = labels.error(exc.code)
    if errors:
        return page(request, "account.html", 400, title="Mon compte", errors=errors, others=0)
    # Every session of the account ends, this one too: a fresh one is made for this browser.
    sessions(request).revoke_all(ctx.username)
    response = RedirectResponse("/admin/account", status_code=303)
    cookie = sessions(request).create(ctx.username)
    _cookie(response, request, cookie)
    store: SessionStore = sessions(request)
    new = store.get(cookie)
    if new is not None:
        store.set_flash(new, "ok", "Mot de passe changé. Vos autres sessions ont été fermées.")
    return response


def mount_admin(app: FastAPI, settings: ServerSettings) -> None:  # noqa: ARG001
    app.state.admin_sessions = SessionStore(app.state.engine)
    app.state.admin_accounts = Accounts(app.state.engine)
    from central.admin.logos import Logos
    app.state.office_logos = Logos(app.state.engine)
    access_log.install()
    app.mount("/admin/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="admin-static")
    from central.admin import (accounts_pages, bilan_pages, catalog, community, conciergerie_pages,  # noqa: F401
                               fees_pages, fleet, help_pages, lending_pages, partner_space, people, places, workshops_pages)
    app.include_router(router)
    for module in (people, places, fleet, accounts_pages, bilan_pages, community, conciergerie_pages, help_pages,
                   partner_space, fees_pages, workshops_pages, lending_pages, catalog):
        app.include_router(module.router)  # catalogue last: its /admin/{entity} would match the others

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:  # noqa: ARG001
        response = RedirectResponse("/admin/login", status_code=303)
        response.delete_cookie(COOKIE, path="/admin")
        return response

    @app.exception_handler(AdminError)
    async def _error_page(request: Request, exc: AdminError) -> Response:
        return page(request, "error.html", exc.status, title="Erreur", message=exc.message)
