"""What every admin page shares: who is logged in, what their role allows, CSRF, input
limits, the one-shot banner, and rendering.

- The session is a server-side row (``central/sessions.py``); the cookie ``ck_admin``
  holds only its random id (HttpOnly, SameSite=Strict, Secure behind HTTPS).
- **One place decides who may do what**: :func:`required_role` maps a request (method
  and path) to the least role it needs; :func:`current` applies it to every admin
  route, reads and writes alike. Estates an account may see are applied by the pages
  through :class:`Ctx`.
- Banners come from the session (set by the handler that did the work, shown once);
  nothing in a URL can make the admin show a message.
- Inputs are bounded: a query parameter over ``MAX_QUERY`` or a form field over
  ``MAX_FIELD`` characters is refused with 400 before any work.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from central import db
from central.accounts import Account, Accounts
from central import labels
from central.sessions import Session, SessionStore
from kiosk.domain.members import member_number

COOKIE = "ck_admin"
# The forms that send a photo or an image: the request limit is higher there (a phone
# photo), so that the form checks the file's own limit and answers in French, filled again.
UPLOAD_ROUTES = (r"/admin/lending/items", r"/admin/partner/[^/]+/logo")
MAX_QUERY = 200
MAX_FIELD = 10_000
BIG_FIELDS = {("/admin/places/import", "csv")}  # a pasted roster may be long (the body limit still holds)

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals["L"] = labels
templates.env.filters["when"] = labels.when
templates.env.filters["day"] = labels.day
templates.env.filters["host_numbers"] = lambda hosts: ", ".join(member_number(h["member_id"]) for h in hosts or [])
templates.env.filters["number"] = labels.number
templates.env.filters["member_no"] = labels.member_no
templates.env.filters["phone"] = labels.phone


class LoginRequired(Exception):
    pass


class AdminError(Exception):
    """An error page (status and a French message), never a success banner."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# Least role per request, in one table. Anything not listed: GET needs "reader", POST "editor".
ROLE_RULES: list[tuple[str, str, str]] = [
    ("POST", "/admin/logout", "reader"),
    ("POST", "/admin/account", "reader"),        # one's own password
    ("*", "/admin/accounts", "admin"),
    ("POST", "/admin/kiosks", "admin"),
    ("POST", "/admin/staff", "admin"),           # caretakers' PINs open staff mode on kiosks
    ("POST", "/admin/partner-space/accounts", "admin"),    # lets someone outside the club record uses
    ("POST", "/admin/partner-space/retention", "admin"),
    ("POST", "/admin/partner-space/purge", "admin"),
    ("POST", "/admin/fees", "admin"),            # the club's fee: money asked of tenants
]


# Accounts decide who sees which estate: only an administrator of every estate manages them
# (an estate's administrator could otherwise give itself the others).
ALL_ESTATES_ONLY = ("/admin/accounts", "/admin/partner-space/accounts")


def required_role(method: str, path: str) -> str:
    for m, prefix, role in ROLE_RULES:
        if (m == "*" or m == method) and (path == prefix or path.startswith(prefix + "/")):
            return role
    return "reader" if method in ("GET", "HEAD") else "editor"


@dataclass
class Ctx:
    account: Account
    session: Session
    cookie: str
    _estates: dict[str, Any] = field(default_factory=dict)

    @property
    def username(self) -> str:
        return self.account.username

    def building_ids(self, request: Request) -> set[str] | None:
        """Buildings this account sees (None: all)."""
        if self.account.all_estates:
            return None
        if "b" not in self._estates:
            with request.app.state.engine.connect() as conn:
                self._estates["b"] = set(conn.execute(select(db.buildings.c.id).where(
                    db.buildings.c.estate_id.in_(self.account.estate_ids))).scalars())
        return self._estates["b"]

    def sees_building(self, request: Request, building_id: str) -> bool:
        allowed = self.building_ids(request)
        return allowed is None or building_id in allowed


def sessions(request: Request) -> SessionStore:
    return request.app.state.admin_sessions


def accounts(request: Request) -> Accounts:
    return request.app.state.admin_accounts


def current(request: Request) -> Ctx:
    """The logged-in account, allowed to make this request (dependency of every admin route)."""
    cached = getattr(request.state, "admin_ctx", None)
    if cached is not None:
        return cached
    for key, value in request.query_params.multi_items():
        if len(value) > MAX_QUERY or len(key) > 40:
            raise AdminError(400, "Texte trop long : la recherche et les filtres sont limités à 200 caractères.")
    cookie = request.cookies.get(COOKIE, "")
    session = sessions(request).get(cookie)
    if session is None:
        raise LoginRequired()
    account = accounts(request).get(session.username)
    if account is None or not account.active:
        sessions(request).revoke(cookie)
        raise LoginRequired()
    path = request.url.path
    if not account.can(required_role(request.method, path)) or (
            not account.all_estates and any(path == p or path.startswith(p + "/") for p in ALL_ESTATES_ONLY)):
        raise AdminError(403, f"Votre compte ({labels.ROLE[account.role]}) ne permet pas cette action.")
    ctx = request.state.admin_ctx = Ctx(account, session, cookie)
    return ctx


async def checked_form(request: Request) -> dict[str, str]:
    """The posted fields, after the login, role, size and CSRF checks."""
    ctx = current(request)
    form = await request.form()
    fields: dict[str, str] = {}
    for key, value in form.multi_items():
        if hasattr(value, "filename"):  # uploads are read by their own route
            continue
        if len(str(value)) > MAX_FIELD and (request.url.path, key) not in BIG_FIELDS:
            raise AdminError(400, "Un champ dépasse la longueur permise (10 000 caractères).")
        fields[key] = fields[key] + "," + str(value) if key in fields and key.endswith("[]") else str(value)
    if not secrets.compare_digest(fields.get("csrf", ""), ctx.session.csrf):
        raise AdminError(403, "Ce formulaire a expiré : rechargez la page et recommencez.")
    request.state.form = form
    return fields


def page(request: Request, name: str, status_code: int = 200, *, title: str, **ctx: Any) -> HTMLResponse:
    admin: Ctx | None = getattr(request.state, "admin_ctx", None)
    flash = sessions(request).pop_flash(admin.session) if admin is not None else None
    ctx |= {"account": admin.account if admin else None, "csrf": admin.session.csrf if admin else "",
            "flash": flash, "title": title, "path": request.url.path}
    response = templates.TemplateResponse(request, name, ctx, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


def done(request: Request, path: str, text: str, *, kind: str = "ok", **extra: Any) -> RedirectResponse:
    """Redirect after a write, with the banner saying what happened (kept server-side)."""
    sessions(request).set_flash(current(request).session, kind, text, **extra)
    return RedirectResponse(path, status_code=303)


def page_number(raw: str | int | None) -> int:
    try:
        return max(1, min(100_000, int(raw or 1)))
    except ValueError:
        return 1
