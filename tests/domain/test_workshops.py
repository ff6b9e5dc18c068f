"""Volunteer-run workshops: an event's hosts and the hours they ran (kiosk/domain/community.py)."""

from __future__ import annotations

from kiosk.domain.community import Event, EventHost, hosted_hours


def ev(eid: str, starts: str, ends: str, *hosts: EventHost) -> Event:
    return Event(eid, "Atelier", "", "Local", starts, ends, 10, hosts=hosts)


def test_hours_count_only_ended_workshops_the_member_hosted() -> None:
    nadia, omar = EventHost("m1", "Nadia"), EventHost("m2", "Omar")
    events = [ev("a", "2026-01-10T14:00", "2026-01-10T16:00", nadia),
              ev("b", "2026-01-17T10:00", "2026-01-17T11:30", nadia, omar),
              ev("c", "2026-02-01T10:00", "2026-02-01T12:00", omar),
              ev("d", "2026-03-01T10:00", "2026-03-01T12:00", nadia)]        # not yet held
    done = hosted_hours(events, "m1", "2026-02-15T09:00")
    assert (done.workshops, done.minutes, done.hours_text) == (2, 210, "3 h 30")
    assert hosted_hours(events, "nobody", "2026-12-31T00:00").workshops == 0
    assert events[1].host_names == "Nadia, Omar"
    assert ev("x", "2026-01-10T14:00", "2026-01-10T13:00").minutes == 0
    assert ev("y", "", "").minutes == 0
