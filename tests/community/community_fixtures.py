"""Fixtures of the community integration tests (imported by the test modules): the
shared central fixtures (tests/central_fixtures.py: central on SQLite and PostgreSQL,
the live server, real encrypted stores) and provisioned kiosks with their real
services (tests/sync_helpers.py)."""

from __future__ import annotations

import pytest

from central_fixtures import app, backend, central_url, live_server, make_store, office  # noqa: E402,F401
from sync_helpers import kiosk_factory


@pytest.fixture
def kiosk(live_server, office, make_store):  # noqa: ANN001, ANN201, F811
    """make(name, building) -> a provisioned, synced :class:`sync_helpers.Kiosk`."""
    make, close = kiosk_factory(live_server, office, make_store)
    yield make
    close()
