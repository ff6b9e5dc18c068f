"""Fill an encrypted store with the demo club (``kiosk seed-demo``, ``kiosk demo``).

Deterministic for a given ``seed``: the same members, partners and events every time,
dated relative to ``today`` so events are always upcoming. Idempotent: a store that
already has partners is left alone. Writes through the repositories in one transaction.
No Qt here.
"""

from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from argon2 import PasswordHasher

from kiosk.demo import data
from kiosk.domain.help import HelpContact
from kiosk.domain.cards import Role
from kiosk.domain.community import Announcement, Event, Idea, IdeaStatus
from kiosk.domain.members import EnrolledBy, HouseholdMember, Member, MemberStatus, normalize_phone
from kiosk.domain.partners import Category, Offer, Partner, WeeklyHours
from kiosk.domain.places import Building, Entrance, Estate, Flat
from kiosk.domain.records import CardRecord, Consent, ConsentPurpose, Staff, StaffRole
from kiosk.services.cards import signer_for
from kiosk.store.opening import Store

log = logging.getLogger(__name__)


@dataclass
class SeedReport:
    created: bool
    members: int
    partners: int
    events: int
    staff_id: str
    staff_pin: str
    staff_badge: str          # the badge's QR text (print it with `kiosk card` tools)


def _flats(building_id: str) -> list[tuple[Entrance, list[Flat]]]:
    result = []
    for ent in ("A", "B"):
        entrance = Entrance(f"{building_id}-{ent}", building_id, f"Escalier {ent}")
        flats = [Flat(f"{building_id}-{ent}-{floor}{door:02d}", entrance.id, building_id,
                      f"Escalier {ent}, {'rez-de-chaussée' if floor == 0 else str(floor) + 'e étage'}, porte {floor}{door:02d}")
                 for floor in range(0, 5) for door in range(1, 5)]
        result.append((entrance, flats))
    return result


def seed_demo(store: Store, *, today: date | None = None, seed: int = 7, members: int = 50) -> SeedReport:
    today = today or date.today()
    repos = store.repos
    signer = signer_for(store)
    if repos.partners.count() > 0:
        return SeedReport(False, repos.members.count(), repos.partners.count(), 0, data.DEMO_STAFF_ID,
                          data.DEMO_STAFF_PIN, repos.kv.get("demo_staff_badge", "") or "")
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    pin_hash = PasswordHasher().hash(data.DEMO_STAFF_PIN)
    db = store.db

    def write(_conn) -> SeedReport:
        with db.atomic():
            for eid, name, city in data.ESTATES:
                repos.places.upsert_estate(Estate(eid, name, city))
            all_flats: list[Flat] = []
            for bid, eid, name, address, lat, lon in data.BUILDINGS:
                repos.places.upsert_building(Building(bid, eid, name, address, lat, lon))
                for entrance, flats in _flats(bid):
                    repos.places.upsert_entrance(entrance)
                    for f in flats:
                        repos.places.upsert_flat(f)
                    all_flats += flats

            for (pid, name, cat, address, dlat, dlon, phone, site, desc, hours,
                 offer, conditions) in data.PARTNERS:
                exceptions = {(today + timedelta(days=20)).isoformat(): []} if cat == "food" else {}
                repos.partners.upsert(Partner(pid, name, Category(cat), address, data.KIOSK_LAT + dlat,
                                              data.KIOSK_LON + dlon, phone, site, desc,
                                              WeeklyHours(dict(hours), exceptions)))
                repos.partners.upsert_offer(Offer(f"{pid}-1", pid, offer, conditions,
                                                  today - timedelta(days=60), today + timedelta(days=300)))
            pid, text, start, end = data.EXPIRED_OFFER
            repos.partners.upsert_offer(Offer(f"{pid}-old", pid, text, "", date.fromisoformat(start),
                                              date.fromisoformat(end)))

            for (eid, title, desc, place, in_days, start, end, cap, audience, bids, picto) in data.EVENTS:
                day = today + timedelta(days=in_days)
                repos.events.upsert(Event(eid, title, desc, place,
                                          datetime.combine(day, time.fromisoformat(start)).isoformat(timespec="minutes"),
                                          datetime.combine(day, time.fromisoformat(end)).isoformat(timespec="minutes"),
                                          cap, audience, tuple(bids), picto))
            for aid, title, body, frm, until, bids in data.ANNOUNCEMENTS:
                repos.announcements.upsert(Announcement(aid, title, body, (today + timedelta(days=frm)).isoformat(),
                                                        (today + timedelta(days=until)).isoformat(), tuple(bids)))
            for iid, cat, text, status, answer, votes in data.IDEAS:
                repos.ideas.upsert(Idea(iid, cat, text, IdeaStatus(status), None, answer, votes, now))

            for bid, name, role, hours, phone, position in data.HELP_CONTACTS:
                repos.help.upsert(HelpContact(f"{bid}:{name}", bid, name, role, hours, phone, position))
            repos.staff.upsert(Staff(data.DEMO_STAFF_ID, data.DEMO_STAFF_NAME, StaffRole.CARETAKER, pin_hash))
            badge, claims = signer.issue(Role.STAFF, uuid.uuid5(uuid.NAMESPACE_URL, data.DEMO_STAFF_ID),
                                         repos.cards.next_serial(signer.key_id.hex()), today, 3 * 365)
            repos.cards.insert(CardRecord(signer.key_id.hex(), claims.serial, data.DEMO_STAFF_ID, "staff",
                                          claims.issued.isoformat(), claims.expires.isoformat()))
            repos.kv.set("demo_staff_badge", badge)

            for i in range(members):
                flat = rng.choice(all_flats)
                mid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                first, last = rng.choice(data.FIRST_NAMES), rng.choice(data.LAST_NAMES)
                household = tuple(HouseholdMember(rng.choice(data.FIRST_NAMES), rng.choice(["conjoint", "enfant"]))
                                  for _ in range(rng.randint(0, 3)))
                member = Member(mid, first, last, flat.building_id, flat.id,
                                normalize_phone(f"01 99 00 {20 + i // 100:02d} {i % 100:02d}"),
                                f"{first[0].lower()}.{i}@example.org" if rng.random() < 0.4 else "",
                                rng.choice(["fr", "fr", "fr", "ar", "en"]),
                                MemberStatus.PENDING if i % 10 == 9 else MemberStatus.ACTIVE,
                                EnrolledBy.STAFF, now, "demo", household,
                                rng.random() < 0.5, rng.random() < 0.3)
                repos.members.insert(member)
                for purpose, granted in ((ConsentPurpose.MEMBERSHIP, True), (ConsentPurpose.SMS, member.sms_opt_in),
                                         (ConsentPurpose.NEWSLETTER, member.newsletter_opt_in)):
                    repos.consents.append(Consent(str(uuid.uuid4()), mid, purpose, granted, now, "demo-1", "demo"))
                _, claims = signer.issue(Role.MEMBER, uuid.UUID(mid), repos.cards.next_serial(signer.key_id.hex()),
                                         today, 730)
                repos.cards.insert(CardRecord(signer.key_id.hex(), claims.serial, mid, "member",
                                              claims.issued.isoformat(), claims.expires.isoformat()))
        return SeedReport(True, members, len(data.PARTNERS), len(data.EVENTS), data.DEMO_STAFF_ID,
                          data.DEMO_STAFF_PIN, badge)

    return db.run(write)
