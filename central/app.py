"""The FastAPI application: sync API for kiosks, web admin for the office, OpenAPI.

``create_app(database_url=..., settings=...)`` builds an app on its own engine; nothing
global, so tests run several apps side by side. Several processes share one database
(``central serve --workers N``): everything they must agree on is in it — enrollment
nonces, processed mutations and feed counters, admin and partner sessions, login
failures, and with ``shared_rate_limits`` the rate-limit buckets. No process keeps a
cache of data: each request reads the database; only the authenticated devices are kept
a few seconds (central/device_cache.py), emptied on any revocation or scope change.

Every error answer has one body, :class:`kiosk.protocol.wire.ErrorBody`
(``{"code", "message"}``): the handlers below render ``HTTPException`` (ours carry a
``{"code", "message"}`` detail; Starlette's own, such as 404 and 405, get a code from
their status), request validation errors (422 ``invalid_request``, naming the fields
but never echoing the input: it may hold personal data, or values JSON cannot carry),
and anything unexpected (500 ``internal_error``, logged with its traceback).
"""

from __future__ import annotations

from typing import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from central.device_cache import DeviceCache
from central.feed_signal import FeedSignal
from central.db import create_schema, default_database_url, make_engine
from central.limits import BodySizeLimit, Limiter, RateLimiter, SharedRateLimiter
from central.office import Office
from central.settings import ServerSettings, from_env
from central.sync_api import router as sync_router
from kiosk.protocol import wire
from kiosk.protocol.version import __version__

_STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 406: "not_acceptable", 413: "too_large", 415: "unsupported_media_type",
                 429: "rate_limited"}


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse(wire.ErrorBody(code=code, message=message).model_dump(), status_code=status,
                        headers=headers)


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail
    if isinstance(detail, dict) and "code" in detail:
        return error_response(exc.status_code, str(detail["code"]), str(detail.get("message", "")), exc.headers)
    return error_response(exc.status_code, _STATUS_CODES.get(exc.status_code, f"http_{exc.status_code}"),
                          str(detail or ""), exc.headers)


async def on_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    # Still logged with its traceback by the server; the kiosk retries any 5xx later.
    return error_response(500, "internal_error", "the server failed; retry later")


async def on_invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in list(exc.errors())[:5]:
        where = ".".join(str(part) for part in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(422, "invalid_request", "; ".join(problems)[:600])


def create_app(database_url: str | None = None, settings: ServerSettings | None = None, *,
               create_tables: bool = False) -> FastAPI:
    settings = settings or from_env()
    engine = make_engine(database_url or default_database_url())
    if create_tables:
        create_schema(engine)
    app = FastAPI(title="Club Kiosk central", version=__version__,
                  description="Sync service for the club's kiosks, and the office's web admin (/admin).")
    app.state.engine = engine
    app.state.settings = settings
    app.state.office = Office(engine)
    app.state.feed_signal = signal = FeedSignal(engine)
    postgres = engine.dialect.name == "postgresql"
    # Several processes on SQLite have no notifications to invalidate the cache with: off.
    cache_s = 0.0 if (not postgres and settings.shared_rate_limits) else settings.device_cache_s
    app.state.device_cache = DeviceCache(engine, cache_s,
                                         trusted=signal.ensure_listening if postgres else lambda: True)
    signal.on_devices.append(app.state.device_cache.invalidate)
    def limiter(name: str, rate: float, burst: int) -> Limiter:
        return SharedRateLimiter(engine, name, rate, burst) if settings.shared_rate_limits else RateLimiter(rate, burst)
    app.state.device_limiter = limiter("device", settings.device_rate_per_s, settings.device_burst)
    app.state.public_limiter = limiter("public", settings.public_rate_per_s, settings.public_burst)
    app.state.auth_failure_limiter = limiter("auth", settings.auth_failure_rate_per_s, settings.auth_failure_burst)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(Exception, on_unexpected_error)
    app.include_router(sync_router)
    from central.screenshot_api import router as screenshot_router  # IT's screenshot of a kiosk
    app.include_router(screenshot_router)

    from central.admin.routes import mount_admin  # every admin page, community ones included
    mount_admin(app, settings)
    from central.partners.api import mount_partners  # the partner space (/partners)
    mount_partners(app)

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    from central.admin.web import COOKIE, UPLOAD_ROUTES
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes, uploads=UPLOAD_ROUTES,
                       upload_max_bytes=settings.max_upload_bytes, session_cookie=COOKIE)
    return app


def app_from_env() -> FastAPI:
    """The app of one worker process of ``central serve --workers N`` (settings and
    ``DATABASE_URL`` from the environment)."""
    return create_app()

