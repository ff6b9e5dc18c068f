"""The FastAPI application: sync API for kiosks, web admin for the office, OpenAPI.

``create_app(database_url=..., settings=...)`` builds an app on its own engine; nothing
global, so tests run several apps side by side. The app process is stateless apart
from its rate-limit buckets: several processes can share one PostgreSQL.
"""

from __future__ import annotations

from fastapi import FastAPI

from central.db import create_schema, default_database_url, make_engine
from central.limits import BodySizeLimit, RateLimiter
from central.office import Office
from central.settings import ServerSettings, from_env
from central.sync_api import router as sync_router
from kiosk.protocol.version import __version__


def create_app(database_url: str | None = None, settings: ServerSettings | None = None, *,
               create_tables: bool = False) -> FastAPI:
    settings = (settings or from_env()).resolved()
    engine = make_engine(database_url or default_database_url())
    if create_tables:
        create_schema(engine)
    app = FastAPI(title="Club Kiosk central", version=__version__,
                  description="Sync service for the club's kiosks, and the office's web admin (/admin).")
    app.state.engine = engine
    app.state.settings = settings
    app.state.office = Office(engine)
    app.state.device_limiter = RateLimiter(settings.device_rate_per_s, settings.device_burst)
    app.state.public_limiter = RateLimiter(settings.public_rate_per_s, settings.public_burst)
    app.include_router(sync_router)

    from central.admin.routes import mount_admin
    mount_admin(app, settings)
    from central.admin.community import mount_community  # ideas, requests, sign-ups and attendance
    mount_community(app)

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app
