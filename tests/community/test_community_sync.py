"""Integration: the real server on 127.0.0.1 (SQLite and PostgreSQL) and real encrypted
kiosk stores with their real services. The server decides capacity; kiosks converge on
its decisions."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from central.community_office import CommunityOffice
from central.community_tables import event_attendance, event_registrations, ideas
from central.db import events
from central.demo import building_id, flat_id
from community_fixtures import app, backend, central_url, kiosk, live_server, make_store, office  # noqa: F401
from kiosk.domain.community import RegistrationStatus
from kiosk.services.community import Person

B1, B2 = building_id(1), building_id(2)
pytestmark = pytest.mark.slow


def person(member_id: str) -> Person:
    return Person(member_id, "x")


def sync(*kiosks) -> None:  # noqa: ANN002
    for k in kiosks:
        k.sync()


def make_event(office, event_id: str, capacity: int, buildings: list[str] | None = None) -> str:  # noqa: ANN001
    start = datetime.now() + timedelta(days=3)
    office.put("event", {"id": event_id, "title": "Rencontre avec le bailleur", "description": "Parlons travaux.",
                         "place": "Salle commune", "starts_at": start.isoformat(timespec="minutes"),
                         "ends_at": (start + timedelta(hours=2)).isoformat(timespec="minutes"),
                         "capacity": capacity, "audience": "members", "building_ids": buildings or [B1],
                         "pictogram": "meeting", "taken": 0})
    return event_id


def make_members(office, n: int, building: int = 1) -> list[str]:  # noqa: ANN001
    return [office.enroll_member({"first_name": f"Membre{chr(65 + i)}", "last_name": "Test",
                                  "building_id": building_id(building),
                                  "flat_id": flat_id(building, i + 1)}) for i in range(n)]


def server_rows(office, table, **where) -> list[dict]:  # noqa: ANN001
    q = select(table)
    for k, v in where.items():
        q = q.where(table.c[k] == v)
    with office.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings().all()]


def kiosk_registrations(store, event_id: str) -> dict[str, tuple[str, int | None]]:  # noqa: ANN001
    return {r.id: (r.status.value, r.waitlist_position) for r in store.repos.events.registrations(event_id)}


def test_three_offline_kiosks_oversubscribe_and_converge_on_the_servers_decision(kiosk, office):  # noqa: ANN001
    capacity = 4
    event = make_event(office, "ev-capacity", capacity)
    people = make_members(office, 9)
    kiosks = [kiosk(f"k{i}", B1) for i in range(1, 4)]
    sync(*kiosks)
    # offline: each kiosk signs up three people (nine for four places); all pending locally
    for i, community in enumerate(k.community for k in kiosks):
        for m in people[i * 3:(i + 1) * 3]:
            reg = community.register(event, m)
            assert reg.status is RegistrationStatus.PENDING
        assert community.event(event).pending == 3
    sync(*kiosks)
    sync(*kiosks)

    rows = sorted(server_rows(office, event_registrations, event_id=event), key=lambda r: r["arrival"])
    assert len(rows) == 9
    assert [r["status"] for r in rows] == ["confirmed"] * capacity + ["waitlisted"] * (9 - capacity)
    assert server_rows(office, events, id=event)[0]["taken"] == capacity
    expected = {}
    waitlisted = [r for r in rows if r["status"] == "waitlisted"]
    for r in rows:
        expected[r["id"]] = (r["status"], waitlisted.index(r) + 1 if r["status"] == "waitlisted" else None)
    for k in kiosks:
        assert kiosk_registrations(k.store, event) == expected
        view = k.community.event(event)
        assert (view.confirmed, view.pending, view.places_left) == (capacity, 0, 0)

    # a confirmed person cancels at kiosk 2: the first waitlisted one is promoted everywhere
    leaving = next(r for r in rows if r["status"] == "confirmed" and r["member_id"] in people[3:6])
    first_waiting = waitlisted[0]
    kiosks[1].community.cancel(leaving["id"], leaving["member_id"])
    assert kiosk_registrations(kiosks[1].store, event)[leaving["id"]][0] == "cancelled"
    sync(kiosks[1])
    sync(*kiosks)
    after = {r["id"]: r["status"] for r in server_rows(office, event_registrations, event_id=event)}
    assert after[leaving["id"]] == "cancelled" and after[first_waiting["id"]] == "confirmed"
    assert list(after.values()).count("confirmed") == capacity
    assert server_rows(office, events, id=event)[0]["taken"] == capacity
    for k in kiosks:
        regs = kiosk_registrations(k.store, event)
        assert regs[first_waiting["id"]] == ("confirmed", None)
        assert regs[leaving["id"]][0] == "cancelled"
        assert sorted(p for s, p in regs.values() if s == "waitlisted") == list(range(1, 9 - capacity))
        assert {k: v[0] for k, v in regs.items()} == after
    # "my events" of the promoted person, on the kiosk where they signed up
    promoted_kiosk = kiosks[people.index(first_waiting["member_id"]) // 3].community
    mine = promoted_kiosk.my_events(first_waiting["member_id"])
    assert [m.registration.status for m in mine] == [RegistrationStatus.CONFIRMED]


def test_same_person_signed_up_on_two_kiosks_gets_one_place(kiosk, office):  # noqa: ANN001
    event = make_event(office, "ev-twice", 5)
    [m] = make_members(office, 1)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    (s1, c1), (s2, c2) = (k1.store, k1.community), (k2.store, k2.community)
    sync(k1, k2)
    c1.register(event, m)
    c2.register(event, m)
    sync(k1, k2, k1)
    assert [r["status"] for r in server_rows(office, event_registrations, event_id=event)] == ["confirmed"]
    for c in (c1, c2):
        assert [x.registration.status for x in c.my_events(m)] == [RegistrationStatus.CONFIRMED]


def test_check_in_offline_on_two_kiosks_counts_each_person_once(kiosk, office):  # noqa: ANN001
    event = make_event(office, "ev-door", 10)
    a, b, c = make_members(office, 3)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    (s1, c1), (s2, c2) = (k1.store, k1.community), (k2.store, k2.community)
    sync(k1, k2)
    c1.register(event, a)
    assert c1.check_in_member(k1.session, event, person(a)).already is False
    assert c1.check_in_member(k1.session, event, person(a)).already is True     # the same card again
    c1.check_in_member(k1.session, event, person(b))
    c2.check_in_member(k2.session, event, person(b))                           # b scanned at both doors
    result = c2.check_in_member(k2.session, event, person(c))
    assert (result.count, result.registered) == (2, False)
    sync(k1, k2, k1)
    assert len(server_rows(office, event_attendance, event_id=event)) == 3
    assert CommunityOffice(office.engine).attendance_count(event) == 3
    assert c1.attendance_count(event) == c2.attendance_count(event) == 3
    reg = server_rows(office, event_registrations, event_id=event, member_id=a)[0]
    assert reg["checked_in_at"]


def test_ideas_votes_requests_and_announcements_round_trip(kiosk, office):  # noqa: ANN001
    a, b = make_members(office, 2)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    (s1, c1), (s2, c2) = (k1.store, k1.community), (k2.store, k2.community)
    sync(k1, k2)
    idea = c1.submit_idea("living", "Des bancs dans la cour, à l'ombre.", a)
    anonymous = c1.submit_idea("activities", "Un atelier vélo le samedi.", a, anonymous=True)
    req = c1.submit_request(a, "reduced_mobility", "Une barre d'appui dans la salle de bain.")
    sync(k1)
    admin = CommunityOffice(office.engine)
    assert {i["id"]: i["member_id"] for i in admin.ideas("submitted")} == {idea.id: a, anonymous.id: None}
    admin.moderate_idea(idea.id, "published", "Merci : nous regardons les devis.")
    admin.answer_request(req.id, "in_progress", "Un ergothérapeute passera mardi.")
    today = date.today()
    office.put("announcement", {"id": "ann-1", "title": "Coupure d'eau", "body": "Mardi de 9h à 12h.",
                                "valid_from": today.isoformat(), "valid_until": (today + timedelta(days=2)).isoformat(),
                                "building_ids": [B1]})
    sync(k1, k2)
    for c in (c1, c2):
        [view] = c.published_ideas(b)
        assert (view.idea.id, view.idea.answer, view.voted) == (idea.id, "Merci : nous regardons les devis.", False)
    # b votes at both kiosks while offline: one vote counted
    assert c1.vote(idea.id, b) is True and c1.vote(idea.id, b) is False
    assert c2.vote(idea.id, b) is True
    sync(k1, k2, k1)
    assert server_rows(office, ideas, id=idea.id)[0]["votes"] == 1
    for c in (c1, c2):
        [view] = c.published_ideas(b)
        assert (view.idea.votes, view.voted) == (1, True)
    [mine] = c1.my_requests(a)
    assert (mine.status.value, mine.answer, mine.flat_id) == ("in_progress", "Un ergothérapeute passera mardi.",
                                                              flat_id(1, 1))
    assert [i.status.value for i in c1.my_ideas(a)] == ["published"]
    for s in (s1, s2):
        assert [x.id for x in s.repos.announcements.current(today, [B1])] == ["ann-1"]
    # an idea with a phone number is refused before it leaves the kiosk
    from kiosk.domain.errors import ValidationError
    with pytest.raises(ValidationError) as err:
        c1.submit_idea("other", "Appelez-moi au 06 12 34 56 78", a)
    assert err.value.codes() == {"text": "community.personal_details"}


def test_erasure_from_a_kiosk_frees_the_place_and_deletes_requests_everywhere(kiosk, office):  # noqa: ANN001
    event = make_event(office, "ev-erase", 1)
    a, b = make_members(office, 2)
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    (s1, c1), (s2, c2) = (k1.store, k1.community), (k2.store, k2.community)
    sync(k1, k2)
    c1.register(event, a)
    c2.register(event, b)
    idea = c1.submit_idea("living", "Des bacs à fleurs", a)
    c1.submit_request(a, "noise", "Voisin bruyant")
    sync(k1, k2, k1)
    assert [m.registration.status for m in c2.my_events(b)] == [RegistrationStatus.WAITLISTED]

    k1.membership.privacy.leave(a)   # what the member space's "leave the club" does
    sync(k1, k2, k1)
    assert [r["member_id"] for r in server_rows(office, event_registrations, event_id=event)] == [b]
    assert server_rows(office, event_registrations, event_id=event)[0]["status"] == "confirmed"
    assert server_rows(office, ideas, id=idea.id)[0]["member_id"] is None
    for store, community in ((s1, c1), (s2, c2)):
        assert community.my_requests(a) == [] and community.my_events(a) == []
        assert [m.registration.status for m in community.my_events(b)] == [RegistrationStatus.CONFIRMED]


def test_erasure_by_the_office_also_frees_the_place(kiosk, office):  # noqa: ANN001
    event = make_event(office, "ev-office-erase", 1)
    a, b = make_members(office, 2)
    k1 = kiosk("k1", B1)
    s1, c1 = k1.store, k1.community
    sync(k1)
    c1.register(event, a)
    c1.register(event, b)
    c1.submit_request(a, "noise", "Voisin bruyant")
    sync(k1)
    assert [m.registration.status for m in c1.my_events(b)] == [RegistrationStatus.WAITLISTED]
    assert office.erase_member(a)
    sync(k1)
    rows = server_rows(office, event_registrations, event_id=event)
    assert [(r["member_id"], r["status"]) for r in rows] == [(b, "confirmed")]
    assert c1.my_requests(a) == [] and c1.my_events(a) == []
    assert [m.registration.status for m in c1.my_events(b)] == [RegistrationStatus.CONFIRMED]
