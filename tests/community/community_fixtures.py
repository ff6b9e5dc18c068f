"""Fixtures of the community integration tests (imported by the test modules): the
shared central fixtures (tests/central_fixtures.py: central on SQLite and PostgreSQL,
the live server, real encrypted stores), provisioned kiosks, and a
:class:`CommunityService` per kiosk."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from kiosk.services.community import CommunityService
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

from central_fixtures import app, backend, central_url, live_server, make_store, office  # noqa: E402,F401


class NoCards:
    """The member finder of tests that identify people by id (the card path is tested in the GUI tests)."""

    def open_by_card(self, text: str) -> Any:
        raise AssertionError("not used")

    def lookup(self, first_name: str, flat_id: str, phone_last4: str) -> Any:
        raise AssertionError("not used")


@pytest.fixture
def kiosk(live_server, office, make_store):  # noqa: ANN001, ANN201
    """make(name, building) -> (store, engine, community service) of a provisioned kiosk."""
    made = []

    def make(name: str, building: str, transport: httpx.BaseTransport | None = None):  # noqa: ANN202
        store = make_store(name)
        provision(store, live_server.url, office.create_enrollment_token(building), name=name)
        engine = SyncEngine.for_store(store, transport=transport, base_delay_s=0.0)
        made.append(engine)
        return store, engine, CommunityService(store.db, store.repos, NoCards(), buildings=[building])

    yield make
    for e in made:
        e.client.close()
