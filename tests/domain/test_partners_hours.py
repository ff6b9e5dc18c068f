"""Opening hours: open/closed at fixed times, past midnight, closed days, exceptions."""

from datetime import date, datetime

from kiosk.domain.partners import Offer, WeeklyHours

# 2026-11-23 is a Monday.
LATE = WeeklyHours({0: [("18:00", "02:00")], 5: [("09:00", "12:00"), ("14:00", "19:00")]},
                   {"2026-11-30": []})


def at(day, hhmm):
    return datetime.fromisoformat(f"{day}T{hhmm}")


def test_open_within_and_closed_outside():
    assert LATE.is_open_at(at("2026-11-28", "10:30"))      # Saturday morning
    assert not LATE.is_open_at(at("2026-11-28", "13:00"))  # lunch break
    assert not LATE.is_open_at(at("2026-11-28", "19:00"))  # closing minute is closed


def test_hours_past_midnight_run_into_the_next_day():
    assert LATE.is_open_at(at("2026-11-23", "23:59"))
    assert LATE.is_open_at(at("2026-11-24", "01:30"))       # Tuesday night, Monday's hours
    assert not LATE.is_open_at(at("2026-11-24", "02:00"))
    assert not LATE.is_open_at(at("2026-11-24", "18:30"))   # Tuesday itself is closed


def test_closed_day_and_exception():
    assert not LATE.is_open_at(at("2026-11-29", "10:00"))   # Sunday: no hours
    assert not LATE.is_open_at(at("2026-11-30", "19:00"))   # exception: closed that Monday
    assert not LATE.is_open_at(at("2026-12-01", "01:00"))   # so nothing spills into Tuesday


def test_hours_round_trip_through_json():
    assert WeeklyHours.from_json(LATE.to_json()) == LATE


def test_offer_validity_is_inclusive():
    o = Offer("o", "p", "-10 %", valid_from=date(2026, 11, 1), valid_until=date(2026, 11, 30))
    assert o.is_current(date(2026, 11, 30)) and not o.is_current(date(2026, 12, 1))
    assert not o.is_current(date(2026, 10, 31))
