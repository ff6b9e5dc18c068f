"""The partner space on the web: the page, its service worker, and its JSON API.

``/partners/`` is one page (the same for everybody, so the service worker can keep it
for offline use); it logs in, reads cards with the camera, judges them in the browser
and records uses (``static/app.js``). The API:

- ``POST /partners/api/login`` ``{username, password}`` → the session cookie;
  ``POST /partners/api/logout``;
- ``GET /partners/api/state``: what the phone needs offline: its partner and offers
  with their terms, the club's card keys and the revoked cards still in date;
- ``POST /partners/api/check`` ``{credential}``: the server's verdict now, the first
  name (shown only while online) and which of the partner's offers are still allowed;
- ``POST /partners/api/redemptions`` ``{items: [...]}``: uses recorded (online or queued
  offline), each answered once per nonce (``central/partners/redemptions.py``);
- ``GET /partners/api/redemptions``: the partner's own latest uses and visits per month.

Every API call but login needs the session; its partner comes from the session row,
never from the request. Writes also need the ``X-CSRF-Token`` header (the page has it
from ``/state``). Refusals are ``{"code", "message"}`` like the rest of the server.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from central import db
from central.accounts import AccountError
from central.partners import redemptions as ledger
from central.partners.accounts import ABSOLUTE, COOKIE, PartnerAccounts, PartnerSession
from central.partners.tables import offer_terms
from kiosk.domain.vouchers import offer_tag
from kiosk.protocol.version import __version__

HERE = Path(__file__).parent
STATIC = HERE / "static"
VENDOR = STATIC / "vendor"
router = APIRouter(prefix="/partners", include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))

# The page runs only its own scripts; the camera is its own; nothing may frame it.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' "
       "blob: mediastream:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; form-action 'self'")
MAX_ITEMS = 100


def _err(status: int, code: str, message: str) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message})


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(_In):
    username: str = Field(max_length=80)
    password: str = Field(max_length=200)


class CheckIn(_In):
    credential: str = Field(min_length=1, max_length=400)


class UseIn(_In):
    nonce: str = Field(pattern=r"^[0-9a-fA-F-]{16,64}$")
    offer_id: str = Field(min_length=1, max_length=64)
    credential: str = Field(min_length=1, max_length=400)
    amount_cents: int | None = Field(default=None, ge=0, le=10_000_000)
    at: str = Field(max_length=40)


class UploadIn(_In):
    items: list[UseIn] = Field(max_length=MAX_ITEMS)


def accounts(request: Request) -> PartnerAccounts:
    return request.app.state.partner_accounts


def session(request: Request) -> PartnerSession:
    s = accounts(request).session(request.cookies.get(COOKIE))
    if s is None:
        raise _err(401, "login_required", "log in to the partner space")
    limiter = request.app.state.device_limiter
    limiter.check("partner:" + s.account.username)
    return s


def written(request: Request, x_csrf_token: str = Header("", max_length=100)) -> PartnerSession:
    s = session(request)
    if not secrets.compare_digest(x_csrf_token, s.csrf):
        raise _err(403, "csrf", "reload the page")
    return s


def _no_store(payload: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(payload, status_code=status, headers={"Cache-Control": "no-store"})


# -- the page ------------------------------------------------------------------------------
@router.get("")
def to_page() -> Response:
    """The page lives at ``/partners/``, inside its service worker's scope (``/partners`` is not)."""
    return RedirectResponse("/partners/", status_code=308)


@router.get("/")
def page(request: Request) -> Response:
    if not (VENDOR / "jsQR.js").exists():   # the build step did not run: say so, do not serve half a page
        return HTMLResponse("<p>Espace partenaire indisponible : lancez <code>scripts/vendor-js</code> "
                            "(scripts/bootstrap le fait).</p>", status_code=503)
    response = templates.TemplateResponse(request, "partners.html", {"version": __version__})
    response.headers["Content-Security-Policy"] = CSP
    response.headers["Permissions-Policy"] = "camera=(self)"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@router.get("/sw.js")
def service_worker() -> Response:
    body = (STATIC / "sw.js").read_text(encoding="utf-8").replace("__VERSION__", __version__)
    return Response(body, media_type="text/javascript", headers={
        "Cache-Control": "no-cache", "Service-Worker-Allowed": "/partners/"})


@router.get("/manifest.webmanifest")
def manifest() -> JSONResponse:
    return JSONResponse({"name": "Espace partenaire du Club", "short_name": "Club partenaire",
                         "start_url": "/partners/", "scope": "/partners/", "display": "standalone",
                         "background_color": "#FFFFFF", "theme_color": "#0E5A61",
                         "icons": [{"src": "/partners/static/icon.svg", "sizes": "any", "type": "image/svg+xml"}]},
                        media_type="application/manifest+json")


# -- login ---------------------------------------------------------------------------------
@router.post("/api/login")
def login(body: LoginIn, request: Request) -> Response:
    request.app.state.public_limiter.check("partner-login:" + (request.client.host if request.client else "?"))
    try:
        account = accounts(request).authenticate(body.username, body.password)
    except AccountError as exc:
        if exc.code == "locked":
            return JSONResponse({"code": "locked", "message": "too many attempts", "retry_after_s": exc.retry_after_s},
                                status_code=429, headers={"Retry-After": str(exc.retry_after_s)})
        return JSONResponse({"code": "bad_credentials", "message": "wrong name or password"}, status_code=401)
    old = request.cookies.get(COOKIE)
    if old:
        accounts(request).close_session(old)
    response = _no_store({"username": account.username})
    response.set_cookie(COOKIE, accounts(request).open_session(account), max_age=int(ABSOLUTE.total_seconds()),
                        httponly=True, samesite="strict", secure=request.app.state.settings.secure_cookies,
                        path="/partners")
    return response


@router.post("/api/logout")
def logout(request: Request, s: PartnerSession = Depends(written)) -> Response:
    accounts(request).close_session(request.cookies.get(COOKIE, ""))
    response = _no_store({"ok": True})
    response.delete_cookie(COOKIE, path="/partners")
    return response


# -- reading -------------------------------------------------------------------------------
def _offers(conn: Any, partner_id: str, today: date) -> list[dict[str, Any]]:
    o, t = db.offers.c, offer_terms.c
    rows = conn.execute(select(o.id, o.text, o.conditions, o.valid_from, o.valid_until, t.kind, t.value,
                               t.limit_period, t.limit_count)
                        .select_from(db.offers.outerjoin(offer_terms, t.offer_id == o.id))
                        .where(o.partner_id == partner_id).order_by(o.text)).mappings().all()
    out = []
    for r in rows:
        if (r["valid_from"] and r["valid_from"] > today.isoformat()) or (
                r["valid_until"] and r["valid_until"] < today.isoformat()):
            continue
        out.append({"id": r["id"], "text": r["text"], "conditions": r["conditions"], "kind": r["kind"] or "gift",
                    "value": int(r["value"] or 0), "limit_period": r["limit_period"] or "none",
                    "limit_count": int(r["limit_count"] or 1), "tag": offer_tag(r["id"]).hex()})
    return out


@router.get("/api/state")
def state(request: Request, s: PartnerSession = Depends(session)) -> JSONResponse:
    today = ledger.club_day(datetime.now(timezone.utc))
    engine = request.app.state.engine
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        partner = conn.execute(select(db.partners.c.id, db.partners.c.name, db.partners.c.category)
                               .where(db.partners.c.id == s.account.partner_id)).mappings().first()
        issuers = [{"key_id": k, "public_key": p} for k, p in conn.execute(
            select(db.devices.c.key_id, db.devices.c.public_key).where(db.devices.c.revoked.is_(False))
            .order_by(db.devices.c.key_id))]
        c = db.cards.c
        revoked = [f"{k}:{n}" for k, n in conn.execute(
            select(c.issuer_key_id, c.serial).where(c.status == "revoked", c.expires >= today.isoformat())
            .order_by(c.issuer_key_id, c.serial))]
        offers = _offers(conn, s.account.partner_id, today)
    if partner is None:
        raise _err(401, "login_required", "this partner is no longer in the club")
    return _no_store({"account": s.account.username, "csrf": s.csrf, "partner": dict(partner), "offers": offers,
                      "issuers": issuers, "revoked": revoked, "today": today.isoformat(),
                      "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds")})


@router.get("/api/redemptions")
def history(request: Request, s: PartnerSession = Depends(session)) -> JSONResponse:
    engine = request.app.state.engine
    return _no_store({"latest": ledger.of_partner(engine, s.account.partner_id),
                      "months": ledger.visits_per_month(engine, s.account.partner_id)})


# -- writing -------------------------------------------------------------------------------
@router.post("/api/check")
def check(body: CheckIn, request: Request, s: PartnerSession = Depends(written)) -> JSONResponse:
    return _no_store(ledger.check(request.app.state.engine, s.account, body.credential))


@router.post("/api/redemptions")
def upload(body: UploadIn, request: Request, s: PartnerSession = Depends(written)) -> JSONResponse:
    engine = request.app.state.engine
    results = [ledger.record(engine, s.account, ledger.Use(i.nonce.lower(), i.offer_id, i.credential,
                                                           i.amount_cents, i.at)) for i in body.items]
    return _no_store({"results": results})


def mount_partners(app: Any) -> None:
    """The partner space on the app: accounts, the API, the page's files, its Bilan sections."""
    from central import bilan
    from central.partners import bilan_section
    bilan.SECTIONS.extend(f for f in bilan_section.SECTIONS if f not in bilan.SECTIONS)
    if bilan_section.headline not in bilan.EXTRA_HEADLINES:
        bilan.EXTRA_HEADLINES.append(bilan_section.headline)
    app.state.partner_accounts = PartnerAccounts(app.state.engine)
    app.mount("/partners/static", StaticFiles(directory=str(STATIC)), name="partner-static")
    app.include_router(router)
