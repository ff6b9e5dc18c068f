"""Where members live and kiosks stand: estates, buildings, entrances, flats.

A kiosk serves one or more buildings; members are attached to a flat. Ids are stable
strings chosen by the office (e.g. ``"PCH-FRA-B2"``). Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Estate:
    id: str
    name: str
    city: str
    # the club's membership fee, set by the office (kiosk/domain/fees.py; 0 = free)
    fee_tenant_cents: int = 0          # per month, for tenants
    fee_other_cents: int = 0           # per month, for others
    fee_blocks_lending: bool = False   # an unpaid fee refuses a loan


@dataclass(frozen=True)
class Building:
    id: str
    estate_id: str
    name: str
    address: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Entrance:
    id: str
    building_id: str
    name: str          # "Escalier A"


@dataclass(frozen=True)
class Flat:
    id: str
    entrance_id: str
    building_id: str
    label: str         # "3e étage, porte 12"
