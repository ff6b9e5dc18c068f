"""Fixtures of the partner-space tests: one club per test module, through the real parts.

A central server (SQLite file, the real app on 127.0.0.1) seeded with two buildings and
three partners whose offers have terms (10 % once a day; a gift worth 1.50 €; 5 € off
once a week), a partner account for the bakery and one for the florist, and a real
encrypted kiosk store provisioned for building 1 with its sync engine, membership and
savings services. ``club.enroll(first)`` enrolls a member at the kiosk (card signed by
its key) and syncs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
import pytest

from central.app import create_app
from central.db import create_schema, make_engine
from central.demo import building_id, flat_id, seed
from central.office import Office
from central.partners.accounts import PartnerAccounts
from central.partners.office import PartnerOffice
from central.testing import TEST_SETTINGS, LiveServer
from kiosk.config import load_config
from kiosk.domain.members import EnrollmentForm
from kiosk.services.members import Membership, build_membership
from kiosk.services.notice import load_notice
from kiosk.services.savings import SavingsService, build_savings
from kiosk.store.opening import Store, open_store
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

from partner_helpers import AMOUNT_OFFER, BAKERY, FLORIST, GIFT_OFFER, PASSWORD, PERCENT_OFFER


@dataclass
class Club:
    url: str
    app: Any
    office: Office
    partners: PartnerOffice
    store: Store
    sync_engine: SyncEngine
    membership: Membership
    savings: SavingsService
    folder: Path
    flats: list[int] = field(default_factory=lambda: list(range(1, 12)))

    @property
    def engine(self) -> Any:
        return self.app.state.engine

    def sync(self) -> Any:
        report = self.sync_engine.run_once(force=True)
        assert report.ok, report
        return report

    def enroll(self, first: str, last: str = "Haddad") -> Any:
        """A member enrolled at the kiosk (their card signed by its key), synced."""
        n = self.flats.pop(0)
        form = EnrollmentForm(first_name=first, last_name=last, building_id=building_id(1),
                              flat_id=flat_id(1, n), phone=f"06 12 34 56 {n:02d}", notice_accepted=True)
        enrolled = self.membership.members.enroll(form, load_notice("fr"))
        self.sync()
        return enrolled

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=10)

    def partner_session(self, username: str) -> tuple[httpx.Client, dict[str, str]]:
        """A logged-in partner client and its CSRF header."""
        c = self.client()
        r = c.post("/partners/api/login", json={"username": username, "password": PASSWORD})
        assert r.status_code == 200, r.text
        state = c.get("/partners/api/state").json()
        return c, {"X-CSRF-Token": state["csrf"]}


def make_club(folder: Path, url: str | None = None) -> Iterator[Club]:
    url = url or f"sqlite:///{folder / 'central.db'}"
    engine = make_engine(url)
    create_schema(engine)
    office = Office(engine)
    seed(office, buildings=2, flats_per_building=12, partners=3)
    for oid, partner, text in ((GIFT_OFFER, FLORIST, "Une rose offerte"),
                               (AMOUNT_OFFER, "demo-partner-3", "-5 € sur un soin dès 30 €")):
        office.put("offer", {"id": oid, "partner_id": partner, "text": text, "conditions": "",
                             "valid_from": None, "valid_until": None})
    partners = PartnerOffice(engine)
    partners.set_terms(PERCENT_OFFER, "percent", 10, "day", 1)
    partners.set_terms(GIFT_OFFER, "gift", 150)
    partners.set_terms(AMOUNT_OFFER, "amount", 500, "week", 1)
    accounts = PartnerAccounts(engine)
    accounts.save("boulangerie", BAKERY, display_name="Boulangerie du Marché", password=PASSWORD)
    accounts.save("fleurs", FLORIST, display_name="Fleurs de Saint-Denis", password=PASSWORD)
    engine.dispose()
    app = create_app(url, TEST_SETTINGS)
    server = LiveServer(app).start()
    data_dir = folder / "kiosk"
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir,
                                                                buildings=[building_id(1)])
    store = open_store(config)
    provision(store, server.url, app.state.office.create_enrollment_token(building_id(1)), name="Hall B1")
    sync = SyncEngine.for_store(store)
    club = Club(server.url, app, app.state.office, PartnerOffice(app.state.engine), store, sync,
                build_membership(store, config), build_savings(store), folder)
    club.sync()
    try:
        yield club
    finally:
        sync.client.close()
        store.close()
        server.stop()
        app.state.engine.dispose()


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Club]:
    yield from make_club(tmp_path_factory.mktemp("partners"))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def club_on_each_backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Club]:
    """The club on SQLite, then on PostgreSQL (skipped outside CI when unreachable, as the
    server's other tests: central_fixtures)."""
    from central.testing import temporary_database
    from central_fixtures import _require_backend
    _require_backend(request.param)
    folder = tmp_path_factory.mktemp(f"partners-{request.param}")
    with temporary_database(request.param, folder) as url:
        yield from make_club(folder, url)
