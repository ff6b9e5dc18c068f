"""Helpers of the lending tests: a point with items made at the office, a kiosk's
lending service built as the app builds it, and a member with a real signed card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from central.demo import building_id
from central.lending_office import LendingOffice
from kiosk.services.lending import LendingService, build_lending

B1, B2 = building_id(1), building_id(2)


@dataclass
class Point:
    id: str
    drill: str        # needs a waiver, one day of hold after each loan
    grill: str        # a raclette grill, no waiver
    ladder: str


def make_point(office: Any, n: int = 1, buildings: list[str] | None = None) -> Point:
    lo = LendingOffice(office.engine)
    point = lo.put_point({"id": f"point-{n}", "name": f"Loge du gardien {n}", "place": "Hall A, 9h-12h",
                          "building_ids": buildings or [building_id(n)]})
    drill = lo.put_item({"id": f"drill-{n}", "point_id": point, "name": "Perceuse visseuse", "category": "tools",
                         "deposit_cents": 3000, "loan_days": 7, "needs_waiver": True, "hold_days": 1,
                         "safety_notes": "Lunettes de protection.", "manual_url": "https://example.org/perceuse.pdf"})
    grill = lo.put_item({"id": f"grill-{n}", "point_id": point, "name": "Appareil à raclette", "category": "kitchen",
                         "deposit_cents": 1000, "loan_days": 3})
    ladder = lo.put_item({"id": f"ladder-{n}", "point_id": point, "name": "Escabeau 5 marches",
                          "category": "tools", "needs_waiver": True, "loan_days": 2})
    return Point(point, drill, grill, ladder)


def lending_of(k: Any) -> LendingService:
    """The lending service of a sync-test kiosk (``sync_helpers.Kiosk``)."""
    from kiosk.config import load_config
    from pathlib import Path
    data_dir = Path(k.store.db.path).parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir)
    return build_lending(k.store, config, k.membership)
