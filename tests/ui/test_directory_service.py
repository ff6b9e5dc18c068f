"""DirectoryService with a fake source and pinned times: distance order, search, open now."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.domain.partners import Category, Offer, Partner, WeeklyHours
from kiosk.services.directory import DirectoryService, Origin

KIOSK = Origin(48.9362, 2.3574, walking_speed_kmh=4.0, detour_factor=1.3)
WEEKDAYS = {d: [("09:00", "19:00")] for d in range(6)}  # closed on Sunday


def _p(pid: str, name: str, dlat: float, cat: Category = Category.FOOD, hours: WeeklyHours | None = None,
       **kw) -> Partner:
    return Partner(pid, name, cat, f"{pid} rue de Paris", KIOSK.lat + dlat, KIOSK.lon, hours=hours or WeeklyHours(WEEKDAYS), **kw)


class FakeSource:
    def __init__(self, partners: list[Partner], offers: list[Offer]) -> None:
        self._partners, self._offers = partners, offers

    def active(self, category: str | None = None) -> list[Partner]:
        return [p for p in self._partners if p.active and (category is None or p.category.value == category)]

    def current_offers(self, today: date) -> dict[str, list[Offer]]:
        out: dict[str, list[Offer]] = {}
        for o in self._offers:  # returns expired ones too: the service must filter
            out.setdefault(o.partner_id, []).append(o)
        return out


PARTNERS = [
    _p("far", "Épicerie du Canal", 0.02),
    _p("near", "Boulangerie Saint-Rémy", 0.001),
    _p("mid", "Fleurs d'Œillet", 0.005, Category.FLORIST),
    _p("night", "Bar-tabac de nuit", 0.003, hours=WeeklyHours({4: [("18:00", "02:00")]})),  # Friday night
    _p("holiday", "Coiffure Inès", 0.004, Category.BEAUTY,
       hours=WeeklyHours(WEEKDAYS, exceptions={"2026-11-24": []})),  # closed this Tuesday only
    _p("gone", "Ancien commerce", 0.0005, active=False),
]
OFFERS = [
    Offer("o1", "near", "-10 % sur présentation de la carte"),
    Offer("o2", "far", "-15 % sur tout le magasin", valid_until=date(2026, 12, 31)),
    Offer("o3", "mid", "-20 % fin de saison", valid_until=date(2026, 11, 1)),   # expired
    Offer("o4", "mid", "-5 % l'an prochain", valid_from=date(2027, 1, 1)),      # not yet
]


def service(when: datetime) -> DirectoryService:
    return DirectoryService(FakeSource(PARTNERS, OFFERS), KIOSK, now=lambda: when)


TUESDAY_11 = datetime(2026, 11, 24, 11, 0)


def test_sorted_by_walking_distance_nearest_first() -> None:
    entries = service(TUESDAY_11).search()
    assert [e.partner.id for e in entries] == ["near", "night", "holiday", "mid", "far"]
    metres = [e.metres for e in entries]
    assert metres == sorted(metres)
    # 0.001° of latitude ≈ 111 m, × 1.3 detour ≈ 144 m, at 4 km/h ≈ 2.2 min → 3 min
    assert 140 < entries[0].metres < 150 and entries[0].minutes == 3


def test_inactive_partners_are_not_listed() -> None:
    assert "gone" not in [e.partner.id for e in service(TUESDAY_11).search()]


@pytest.mark.parametrize("query, expected", [
    ("epicerie", ["far"]), ("ÉPICERIE", ["far"]), ("Epicérie canal", ["far"]),
    ("oeillet", ["mid"]), ("fleuriste", ["mid"]), ("boulangerie", ["near"]),
    ("carte", ["near"]), ("zzz", []),
])
def test_search_ignores_accents_and_case(query: str, expected: list[str]) -> None:
    assert [e.partner.id for e in service(TUESDAY_11).search(query)] == expected


def test_category_filter() -> None:
    assert [e.partner.id for e in service(TUESDAY_11).search(category="florist")] == ["mid"]
    assert [e.partner.id for e in service(TUESDAY_11).search(category=Category.BEAUTY)] == ["holiday"]


def test_expired_and_future_offers_are_not_shown() -> None:
    entries = {e.partner.id: e for e in service(TUESDAY_11).search()}
    assert entries["mid"].offers == ()
    assert entries["near"].headline == "-10 % sur présentation de la carte"
    assert entries["far"].headline == "-15 % sur tout le magasin"


def test_open_now_on_a_weekday_morning() -> None:
    entries = {e.partner.id: e.open_now for e in service(TUESDAY_11).search()}
    assert entries == {"near": True, "night": False, "holiday": False, "mid": True, "far": True}
    assert [e.partner.id for e in service(TUESDAY_11).search(open_now=True)] == ["near", "mid", "far"]


@pytest.mark.parametrize("when, is_open", [
    (datetime(2026, 11, 27, 17, 59), False),   # Friday before opening
    (datetime(2026, 11, 27, 18, 0), True),     # Friday evening
    (datetime(2026, 11, 27, 23, 59), True),
    (datetime(2026, 11, 28, 0, 30), True),     # Saturday 00:30: Friday's hours still running
    (datetime(2026, 11, 28, 1, 59), True),
    (datetime(2026, 11, 28, 2, 0), False),     # closed at 02:00
    (datetime(2026, 11, 28, 19, 0), False),    # Saturday evening: no opening that day
])
def test_open_now_past_midnight(when: datetime, is_open: bool) -> None:
    night = {e.partner.id: e for e in service(when).search()}["night"]
    assert night.open_now is is_open


def test_closed_all_sunday_and_on_an_exception_day() -> None:
    sunday_noon = datetime(2026, 11, 29, 12, 0)
    assert service(sunday_noon).search(open_now=True) == []
    # "holiday" is closed on 24 November (exception) but open the Tuesday after.
    assert not service(TUESDAY_11).partner("holiday").open_now
    assert service(datetime(2026, 12, 1, 11, 0)).partner("holiday").open_now


def test_categories_count_active_partners_in_display_order() -> None:
    counts = service(TUESDAY_11).categories()
    assert [c.category for c in counts][:3] == [Category.FOOD, Category.FLORIST, Category.BEAUTY]
    assert {c.category: c.count for c in counts}[Category.FOOD] == 3


def test_partner_lookup() -> None:
    assert service(TUESDAY_11).partner("far").partner.name == "Épicerie du Canal"
    assert service(TUESDAY_11).partner("nope") is None
