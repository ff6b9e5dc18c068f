"""Demo data for the central server: an estate with buildings and flats, partners, offers.

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
