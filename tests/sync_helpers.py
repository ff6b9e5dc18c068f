"""A provisioned kiosk for sync tests, whose local changes go through the real services.

:class:`Kiosk` holds a real encrypted store, its sync engine and the membership and
community services built on it as the app builds them (``build_membership``,
``build_community``). Enrolling, changing an e-mail, erasing: the services record the
mutation (local effect + outbox entry), the engine pushes it to the real server. A
caretaker account is made at the office (:func:`add_caretaker`) and reaches the kiosks
with the catalogue; each kiosk signs in with it after its first sync.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import httpx

from central.feed import Cursor
from central.office import Office
from kiosk.config import load_config
from kiosk.domain.members import EnrollmentForm
from kiosk.services.community import CommunityService, build_community
from kiosk.services.members import Membership, build_membership
from kiosk.services.notice import Notice, load_notice
from kiosk.services.staff import StaffSession
from kiosk.store.opening import Store
from kiosk.sync.applier import CURSOR_KEY
from kiosk.sync.engine import SyncEngine, SyncReport
from kiosk.sync.provisioning import provision

CARETAKER, CARETAKER_PIN = "gardienne-sync", "246810"
_phones = itertools.count(1)


_cheap_pin_hash: list[str] = []


def add_caretaker(office: Office) -> None:
    """The caretaker's account at the office. Its PIN hash is made with light argon2
    parameters, once per test run: the kiosks verify it (with the parameters the hash
    names) as they would any other, in milliseconds instead of half a second."""
    from argon2 import PasswordHasher

    from central import records
    if not _cheap_pin_hash:
        _cheap_pin_hash.append(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(CARETAKER_PIN))
    with office.tx() as (conn, fw):
        records.put_staff(conn, fw, {"id": CARETAKER, "display_name": "Gardienne K.", "role": "caretaker",
                                     "pin_hash": _cheap_pin_hash[0], "active": True})


def next_phone() -> str:
    """A valid French mobile number, different each time (the enrollment form needs one)."""
    return f"06 1{next(_phones):07d}"


@dataclass
class Kiosk:
    store: Store
    engine: SyncEngine
    membership: Membership
    community: CommunityService
    notice: Notice
    _session: StaffSession | None = None

    def sync(self) -> SyncReport:
        report = self.engine.run_once(force=True)
        assert report.ok, report
        return report

    @property
    def session(self) -> StaffSession:
        """The caretaker's session (a new one when the last timed out)."""
        if self._session is None or not self.membership.staff.is_active(self._session):
            self._session = self.membership.staff.sign_in(CARETAKER, CARETAKER_PIN)
        return self._session

    def enroll(self, building: str, flat: str, first: str = "Amina", last: str = "Benali",
               phone: str | None = None) -> str:
        """A caretaker enrolls a household (a possible duplicate is confirmed as another person)."""
        form = EnrollmentForm(first_name=first, last_name=last, building_id=building, flat_id=flat,
                              phone=phone or next_phone(), notice_accepted=True)
        return self.membership.members.enroll(form, self.notice, session=self.session,
                                              confirmed_distinct=True).member.id

    def set_email(self, member_id: str, email: str) -> None:
        self.membership.members.update_contact(member_id, self.notice, email=email, session=self.session)

    def erase(self, member_id: str) -> None:
        """The member leaves the club at this kiosk (the caretaker's "Effacer")."""
        self.membership.privacy.erase(member_id, session=self.session, reason="staff")


def make_kiosk(store: Store, server_url: str, token: str, *, name: str = "kiosk",
               transport: httpx.BaseTransport | None = None, first_sync: bool = True) -> Kiosk:
    """Provision ``store`` with ``token`` and build its services; the first sync brings the
    kiosk's places and the caretaker, as on a real kiosk's first cycle."""
    provision(store, server_url, token, name=name, transport=transport)
    engine = SyncEngine.for_store(store, transport=transport, base_delay_s=0.0)
    data_dir = Path(store.db.path).parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir)
    membership = build_membership(store, config)
    kiosk = Kiosk(store, engine, membership, build_community(store, config, membership), load_notice("fr"))
    if first_sync:
        kiosk.sync()
    return kiosk


def kiosk_factory(live_server: Any, office: Office, make_store: Callable[[str], Store]):  # noqa: ANN201
    """make(name, building, transport=None) -> Kiosk, and a closer for the fixture's teardown."""
    add_caretaker(office)
    made: list[Kiosk] = []

    def make(name: str, building: str, transport: httpx.BaseTransport | None = None) -> Kiosk:
        kiosk = make_kiosk(make_store(name), live_server.url, office.create_enrollment_token(building), name=name,
                           transport=transport)
        made.append(kiosk)
        return kiosk

    def close() -> None:
        for k in made:
            k.engine.client.close()
    return make, close


def members(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.db.run(lambda c: c.execute("SELECT * FROM members").fetchall())
    return {r["id"]: dict(r) for r in rows}


def cursor_versions(store: Store) -> dict[str, int]:
    raw = store.repos.kv.get(CURSOR_KEY)
    return Cursor.decode(raw).versions if raw else {}
