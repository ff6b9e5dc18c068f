"""Walking distances from the kiosk to a partner, without any map service.

Straight-line distance (haversine) times a detour factor (streets are not straight;
1.3 is typical of dense French towns), and minutes on foot at a slow, elderly-friendly
pace. Pure Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Walk:
    metres: float
    minutes: int


def walk(lat1: float, lon1: float, lat2: float, lon2: float, *,
         detour_factor: float = 1.3, speed_kmh: float = 4.0) -> Walk:
    metres = haversine_m(lat1, lon1, lat2, lon2) * detour_factor
    minutes = max(1, math.ceil(metres / (speed_kmh * 1000 / 60))) if metres > 0 else 0
    return Walk(metres, minutes)
