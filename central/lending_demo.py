"""The demo's tool lending: a lending point (the caretaker's lodge) serving the demo
buildings, and its items with their pictures (``resources/demo-items``, drawn for the
project by ``scripts/make-demo-item-pictures``, CC0: see the LICENCE there). Each
picture goes through the office's upload path (checked, re-encoded, the kiosks'
rendition), so the kiosk and the admin item pages show what an upload would give.
One item has no picture: the kiosk shows its category's pictogram. Idempotent:
deterministic ids, nothing done if the point is already there."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from sqlalchemy import Engine

from central.admin.logos import kiosk_rendition, reencode
from central.lending_office import LendingOffice
from kiosk.domain.lending import ITEM_PHOTO_MAX_BYTES, ITEM_PHOTO_SIDE

POINT_ID = "demo-point-loge"
PICTURES = Path(__file__).resolve().parents[1] / "resources" / "demo-items"

# (id, name, category, deposit in cents, loan days, waiver, hold days, safety notes, picture)
ITEMS: list[tuple[str, str, str, int, int, bool, int, str, str]] = [
    ("demo-item-drill", "Perceuse visseuse", "tools", 3000, 7, True, 1,
     "Lunettes de protection. Débranchez la batterie pour changer de foret.", "perceuse"),
    ("demo-item-ladder", "Escabeau 5 marches", "tools", 2000, 3, True, 0,
     "Sur un sol plat, jamais sur la dernière marche.", "escabeau"),
    ("demo-item-washer", "Nettoyeur haute pression", "cleaning", 5000, 3, True, 1,
     "Jamais vers une personne, un animal ou une prise électrique.", "nettoyeur-haute-pression"),
    ("demo-item-sewing", "Machine à coudre", "sewing", 4000, 14, False, 0, "", "machine-a-coudre"),
    ("demo-item-raclette", "Appareil à raclette (8 personnes)", "kitchen", 1000, 3, False, 0,
     "Rendez-le propre et froid.", "appareil-a-raclette"),
    ("demo-item-hedge", "Taille-haie électrique", "garden", 3000, 3, True, 1, "Gants et lunettes.", "taille-haie"),
    ("demo-item-trolley", "Diable de manutention", "mobility", 1500, 2, False, 0, "", "diable"),
    ("demo-item-games", "Malle de jeux de société", "leisure", 0, 14, False, 0, "", "jeux-de-societe"),
    ("demo-item-sander", "Ponceuse orbitale", "tools", 2500, 7, False, 0, "Masque anti-poussière fourni.", ""),
]


def seed_lending(engine: Engine, buildings: Sequence[str], *, by: str = "demo") -> bool:
    """The demo point and items; False (nothing done) if the point exists already."""
    lo = LendingOffice(engine)
    if any(p["id"] == POINT_ID for p in lo.points()):
        return False
    lo.put_point({"id": POINT_ID, "name": "Loge du gardien", "place": "Hall A, du lundi au vendredi, 9h-12h",
                  "building_ids": list(buildings)}, by=by)
    for item_id, name, category, deposit, days, waiver, hold, safety, picture in ITEMS:
        row: dict[str, Any] = {"id": item_id, "point_id": POINT_ID, "name": name, "category": category,
                               "deposit_cents": deposit, "loan_days": days, "needs_waiver": waiver,
                               "hold_days": hold, "safety_notes": safety}
        lo.put_item(row, by=by)
        if picture:
            png, _, _ = reencode((PICTURES / f"{picture}.jpg").read_bytes())
            mime, small = kiosk_rendition(png, ITEM_PHOTO_SIDE, ITEM_PHOTO_MAX_BYTES)
            lo.set_photo(item_id, mime, small, by=by)
    return True
