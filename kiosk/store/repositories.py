"""All repositories of the store in one container, built on one :class:`Database`.

It is what mutation definitions write through (it fits ``kiosk.protocol.ports.KioskRepos``).
"""

from __future__ import annotations

from kiosk.store.fees import FeesRepository
from kiosk.store.cards import CardsRepository
from kiosk.store.community import (AnnouncementsRepository, EventsRepository, IdeasRepository,
                                   RequestsRepository)
from kiosk.store.conciergerie import ExchangesRepository, TimebankRepository
from kiosk.store.database import Database
from kiosk.store.erasure import ErasureRepository
from kiosk.store.help import CallbacksRepository, HelpContactsRepository
from kiosk.store.lending import LendingRepository, WaiversRepository
from kiosk.store.journal import AuditRepository, ConsentsRepository
from kiosk.store.members import MembersRepository
from kiosk.store.outbox import KeyValueRepository, OutboxRepository
from kiosk.store.partners import PartnersRepository
from kiosk.store.places import PlacesRepository
from kiosk.store.replica import ReplicaRepository
from kiosk.store.savings import SavingsRepository, VouchersRepository
from kiosk.store.staff import StaffRepository


class Repositories:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.places = PlacesRepository(db)
        self.members = MembersRepository(db)
        self.cards = CardsRepository(db)
        self.staff = StaffRepository(db)
        self.consents = ConsentsRepository(db)
        self.audit = AuditRepository(db)
        self.partners = PartnersRepository(db)
        self.events = EventsRepository(db)
        self.ideas = IdeasRepository(db)
        self.requests = RequestsRepository(db)
        self.announcements = AnnouncementsRepository(db)
        self.outbox = OutboxRepository(db)
        self.kv = KeyValueRepository(db)
        self.help = HelpContactsRepository(db)
        self.callbacks = CallbacksRepository(db)
        self.replica = ReplicaRepository(db)
        self.erasure = ErasureRepository(db)
        self.vouchers = VouchersRepository(db)
        self.savings = SavingsRepository(db)
        self.lending = LendingRepository(db)
        self.waivers = WaiversRepository(db)
        self.exchanges = ExchangesRepository(db)
        self.timebank = TimebankRepository(db)
        self.fees = FeesRepository(db)

    def counts(self) -> dict[str, int]:
        tables = ["estates", "buildings", "flats", "members", "cards", "staff", "consents", "audit_log",
                  "partners", "offers", "events", "registrations", "ideas", "requests", "announcements", "outbox"]
        return self.db.run(lambda c: {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables})
