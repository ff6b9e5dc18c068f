"""Demo data for the central server: an estate with buildings and flats, partners, offers;
a year of club life (:func:`seed_activity`) and an office account of each role
(:func:`demo_admins`).

``seed(office)`` is idempotent (ids are fixed) and used by ``central seed-demo``, the
tests and the benchmark. ``flats_per_building`` lets the benchmark make big buildings.
"""

from __future__ import annotations

from datetime import date, timedelta

from central.office import Office

ESTATE = "PCH-FRA"


def building_id(n: int) -> str:
    return f"{ESTATE}-B{n}"


def flat_id(building: int, n: int) -> str:
    return f"{building_id(building)}-F{n:04d}"


def seed(office: Office, *, buildings: int = 2, flats_per_building: int = 20, partners: int = 3) -> None:
    office.put_place("estate", {"id": ESTATE, "name": "Résidence Francs-Moisins", "city": "Saint-Denis"})
    for b in range(1, buildings + 1):
        bid = building_id(b)
        office.put_place("building", {"id": bid, "estate_id": ESTATE, "name": f"Bâtiment {b}",
                                      "address": f"{b} rue de la Résidence, 93200 Saint-Denis",
                                      "lat": 48.93 + b / 1000, "lon": 2.35})
        entrance = f"{bid}-E1"
        office.put_place("entrance", {"id": entrance, "building_id": bid, "name": "Escalier A"})
        with office.tx() as (conn, fw):
            from central.records import put_flat
            for f in range(1, flats_per_building + 1):
                put_flat(conn, fw, {"id": flat_id(b, f), "entrance_id": entrance, "building_id": bid,
                                    "label": f"{f // 10}e étage, porte {f}"})
    names = ["Boulangerie du Marché", "Fleurs de Saint-Denis", "Salon Coiffure Nadia", "Cinéma L'Écran",
             "Assurance Solidaire", "Plomberie Martin", "Serrurerie Express", "Épicerie Sociale"]
    categories = ["food", "florist", "beauty", "culture", "insurance", "artisan", "artisan", "food"]
    today = date.today()
    for i in range(partners):
        pid = f"demo-partner-{i + 1}"
        office.put("partner", {"id": pid, "name": names[i % len(names)] + ("" if i < len(names) else f" {i}"),
                               "category": categories[i % len(categories)],
                               "address": f"{i + 1} place du Marché, Saint-Denis", "lat": 48.936, "lon": 2.357,
                               "phone": "", "website": "", "description": "Partenaire du club", "hours": {},
                               "active": True})
        office.put("offer", {"id": f"demo-offer-{i + 1}", "partner_id": pid,
                             "text": "-10 % sur présentation de la carte", "conditions": "",
                             "valid_from": None, "valid_until": (today + timedelta(days=365)).isoformat()})


ADMIN_ROLES = {"admin": "admin", "redaction": "editor", "lecture": "reader"}


def demo_admins(office: Office, password: str) -> dict[str, str]:
    """One office account of each role (same password): username → role."""
    for username, role in ADMIN_ROLES.items():
        office.create_admin(username, password, role=role,
                            display_name={"admin": "Administratrice", "redaction": "Rédacteur",
                                          "lecture": "Lecteur (financeur)"}[username])
    return dict(ADMIN_ROLES)


FIRST = ["Marie", "Karim", "Fatou", "Jean", "Nadia", "Luc", "Aïcha", "Paul", "Samia", "Yves", "Inès", "Omar",
         "Chantal", "Mehdi", "Rose", "Hugo", "Leïla", "Bruno", "Awa", "Denis"]
LAST = ["Lefèvre", "Benali", "Diallo", "Martin", "Haddad", "Petit", "Traoré", "Moreau", "Cherif", "Roux",
        "Garcia", "Nguyen", "Bernard", "Mansouri", "Faure", "Lambert", "Kone", "Girard", "Sy", "Morel"]


def seed_activity(office: Office, *, members: int = 48, today: date | None = None) -> None:
    """A year of club life for the demo and the Bilan: members enrolled month by month,
    past events with sign-ups and attendance, an upcoming one, ideas and requests.
    Deterministic (fixed ids, no randomness), idempotent."""
    import uuid
    from datetime import datetime, time, timezone

    from central.admin_tables import audit_log
    from central.community_tables import event_attendance, event_registrations, ideas, landlord_requests
    from central.feed import _insert
    from central.records import get_row
    from central import db

    today = today or date.today()

    def stamp(days_ago: int, hour: int = 10) -> str:
        d = today - timedelta(days=days_ago)
        return datetime.combine(d, time(hour, 0), tzinfo=timezone.utc).isoformat()

    ids = []
    with office.read() as conn, conn.begin():
        flats = {b: [r.id for r in conn.execute(db.flats.select().where(db.flats.c.building_id == b)
                                                .order_by(db.flats.c.id))] for b in (building_id(1), building_id(2))}
    for i in range(members):
        mid = str(uuid.UUID(int=0xC1B0 << 112 | i))
        ids.append(mid)
        b = building_id(1) if i % 3 else building_id(2)
        if get_row_exists(office, mid):
            continue
        office.enroll_member({"id": mid, "first_name": FIRST[i % len(FIRST)], "last_name": LAST[(i * 7) % len(LAST)],
                              "building_id": b, "flat_id": flats[b][i % len(flats[b])],
                              "phone": f"+3361234{i:04d}", "created_at": stamp(360 - i * 7), "enrolled_by": "staff"})
    events = [("demo-event-1", "Réunion avec l'équipe de gestion", 300, 20),
              ("demo-event-2", "Atelier réparation de vélos", 200, 12),
              ("demo-event-3", "Goûter des voisins", 120, 30),
              ("demo-event-4", "Point info assurance habitation", 45, 15),
              ("demo-event-5", "Rencontre avec le bailleur", -20, 25)]
    with office.tx() as (conn, fw):
        for n, (eid, title, days_ago, capacity) in enumerate(events):
            if get_row(conn, db.events, id=eid) is not None:
                continue
            start = (today - timedelta(days=days_ago)).isoformat()
            row = {"id": eid, "title": title, "description": "", "place": "Salle commune du Bâtiment 1",
                   "starts_at": f"{start}T17:00", "ends_at": f"{start}T19:00", "capacity": capacity,
                   "audience": "members", "building_ids": [], "pictogram": "meeting", "taken": 0}
            if eid == "demo-event-2":       # a volunteer-run workshop (issue 12): first name only on kiosks
                row |= {"pictogram": "workshop", "hosts": [{"member_id": ids[1], "first_name": FIRST[1]}]}
            from central.records import put_catalog
            put_catalog(conn, fw, "event", db.events, row)
            eligible = [m for m in ids if int(m[-4:], 16) * 7 % 48 < 48 - 7 * (n + 1)]
            signed = [m for k, m in enumerate(eligible) if k % (n + 2) != 1][:capacity]
            for k, mid in enumerate(signed):
                conn.execute(event_registrations.insert().values(
                    id=f"{eid}-r{k}", event_id=eid, member_id=mid, status="confirmed",
                    created_at=stamp(max(days_ago + 10, 1)), origin_building=building_id(1)))
                if days_ago > 0 and k % 4 != 3:
                    at = f"{start}T17:{k % 50:02d}:00+00:00"
                    conn.execute(_insert(conn, event_attendance).values(event_id=eid, member_id=mid, checked_in_at=at)
                                 .on_conflict_do_nothing(index_elements=["event_id", "member_id"]))
                    conn.execute(event_registrations.update().where(event_registrations.c.id == f"{eid}-r{k}")
                                 .values(checked_in_at=at))
            conn.execute(db.events.update().where(db.events.c.id == eid).values(taken=len(signed)))
        texts = [("living", "Des bancs dans la cour"), ("environment", "Un composteur partagé"),
                 ("activities", "Un atelier cuisine du monde"), ("savings", "Achats groupés de fioul"),
                 ("other", "Une boîte à livres dans le hall")]
        for k, (cat, text) in enumerate(texts):
            iid = f"demo-idea-{k + 1}"
            if get_row(conn, ideas, id=iid) is None:
                conn.execute(ideas.insert().values(id=iid, category=cat, text=text,
                                                   status="published" if k < 3 else "submitted",
                                                   member_id=ids[(k * 5) % len(ids)], answer="", votes=k, created_at=stamp(200 - k * 30),
                                                   building_id=building_id(1)))
                if k < 3:  # the office's decision, some days later (the Bilan's time to answer)
                    conn.execute(audit_log.insert().values(at=stamp(200 - k * 30 - 3 - k), username="system",
                                                           action="update", entity="idea", entity_id=iid,
                                                           before={"status": "submitted"}, after={"status": "published"}))
        reqs = [("common_areas", "L'ascenseur est en panne", "done"), ("noise", "Bruit la nuit au 3e", "in_progress"),
                ("reduced_mobility", "Barre d'appui dans la salle de bain", "received"),
                ("cleanliness", "Local poubelles", "done")]
        for k, (cat, text, status) in enumerate(reqs):
            rid = f"demo-request-{k + 1}"
            if get_row(conn, landlord_requests, id=rid) is None:
                mid = ids[(k * 3 + 1) % len(ids)]
                m = get_row(conn, db.members, id=mid)
                assert m is not None  # enrolled above
                conn.execute(landlord_requests.insert().values(
                    id=rid, member_id=mid, flat_id=m["flat_id"], building_id=m["building_id"], category=cat, text=text,
                    status=status, answer="Réparé" if status == "done" else "", created_at=stamp(150 - k * 25),
                    updated_at=stamp(140 - k * 25)))
                if status != "received":
                    conn.execute(audit_log.insert().values(at=stamp(150 - k * 25 - 2 - 2 * k), username="system",
                                                           action="update", entity="request", entity_id=rid,
                                                           before={"status": "received"}, after={"status": status}))

    from central.conciergerie_demo import seed_conciergerie
    with office.tx() as (conn, fw):
        seed_conciergerie(conn, fw, ids, {m: building_id(1) if i % 3 else building_id(2) for i, m in enumerate(ids)},
                          stamp)


def get_row_exists(office: Office, member_id: str) -> bool:
    from central import db
    from central.records import get_row
    with office.read() as conn, conn.begin():
        return get_row(conn, db.members, id=member_id) is not None


def charge_fee(office: Office, tenant_cents: int = 100, other_cents: int = 500, *, blocks_lending: bool = True) -> None:
    """The office sets the demo estate's membership fee (as on its fees page)."""
    from central import db
    from central.records import get_row
    with office.tx() as (conn, _fw):
        estate = get_row(conn, db.estates, id=ESTATE)
    if estate is None:
        return
    office.put_place("estate", {k: estate[k] for k in ("id", "name", "city")} | {
        "fee_tenant_cents": tenant_cents, "fee_other_cents": other_cents, "fee_blocks_lending": blocks_lending})


def seed_fees(office: Office, *, today: date | None = None) -> None:
    """The Conciergerie & Vous fee on the demo estate (1 € a month for tenants, 5 € for
    others, an unpaid fee blocks lending) and a few cash payments as kiosks would have sent
    them (receipt prefix ``DE000001``). Idempotent; after :func:`seed_activity`."""
    import uuid

    from central import db
    from central.fees_parts import Fees
    from central.records import get_row
    from kiosk.domain.fees import Payment

    today = today or date.today()
    with office.tx() as (conn, fw):
        if get_row(conn, db.estates, id=ESTATE) is None:
            return
    charge_fee(office)

    class _Demo:
        id = "demo"
        building_ids: list[str] = []
        key_id = "de000001"

    with office.tx() as (conn, fw):
        book = Fees(conn, fw, _Demo())
        for n, (i, months, days_ago) in enumerate(((0, 12, 40), (1, 3, 20), (2, 1, 70), (4, 6, 5))):
            mid = str(uuid.UUID(int=0xC1B0 << 112 | i))
            pid = f"demo-fee-{n + 1}"
            if get_row(conn, db.members, id=mid) is None or book.get(pid) is not None:
                continue
            book.add(Payment(pid, mid, months, 100 * months, (today - timedelta(days=days_ago)).isoformat(),
                             f"DE000001-{n + 1:05d}", "demo-staff"))

