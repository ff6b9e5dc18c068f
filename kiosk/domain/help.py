"""Who helps the tenants of a building: the caretaker's name, hours and phone.

Kept per building (a kiosk may serve several), from the office. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpContact:
    building_id: str
    name: str              # "Mme Diallo, gardienne": as the office writes it
    role: str              # "caretaker" | "office"
    hours: str             # "lundi–vendredi 8 h 30 – 12 h, 14 h – 17 h": the office's words
    phone: str
    position: int = 0      # order on the help screen
