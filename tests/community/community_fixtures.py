"""Fixtures of the community integration tests (imported by the test modules): the
shared central fixtures (tests/central_fixtures.py: central on SQLite and PostgreSQL,
the live server, real encrypted stores, provisioned kiosks with their real services)."""

from central_fixtures import app, backend, central_url, kiosk, live_server, make_store, office  # noqa: F401
