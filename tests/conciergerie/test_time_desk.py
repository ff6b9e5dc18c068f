"""The caretaker's "Banque de temps" desk (pytest-qt, offscreen) on a real encrypted demo
store through the real services: a transfer recorded for a member found by name (no
card), audited with the caretaker's id; a workshop's transfer from its sign-ups (one
host, three attendees) summing to zero; a reversal through the screen and a second one
refused in words; the refusals the screen says; and, with a live server, the staff-recorded
transfer in the server's ledger with who recorded it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.demo import data

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(qtbot, kiosk_window):  # noqa: ANN001, ANN201
    app, window, store, services = kiosk_window
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    window.open("staff_home", session=session)
    qtbot.mouseClick(window.current().time_desk, Qt.MouseButton.LeftButton)
    screen = window.current()
    assert screen.name == "time_desk"
    return screen, window, store, session


def _members(store):  # noqa: ANN001, ANN202
    return [store.repos.members.get(m) for m in sorted(store.repos.members.ids())]


def _pick_by_name(qtbot, screen, member) -> None:  # noqa: ANN001
    screen.search.setText(member.last_name)
    qtbot.mouseClick(screen.search_go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(screen.results.item(i).data(256) == member.id for i in range(screen.results.count())),
                    timeout=5000)
    item = next(screen.results.item(i) for i in range(screen.results.count())
                if screen.results.item(i).data(256) == member.id)
    before = (screen.provider, len(screen.receivers))
    screen.error = ""                 # the last refusal is not this pick's answer
    screen.results.itemClicked.emit(item)
    qtbot.waitUntil(lambda: (screen.provider, len(screen.receivers)) != before or bool(screen.error), timeout=5000)


def _plain(text: str) -> str:
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def test_a_caretaker_records_a_transfer_for_a_cardless_member_and_the_audit_names_them(qtbot, desk) -> None:  # noqa: ANN001
    screen, _window, store, session = desk
    giver, taker = _members(store)[:2]
    _pick_by_name(qtbot, screen, giver)
    assert screen.provider.id == giver.id
    _pick_by_name(qtbot, screen, taker)
    assert [r.id for r in screen.receivers] == [taker.id]
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert screen.steps.currentIndex() == 1 and not screen.error
    for _ in range(6):                                       # 6 × 15 min with the big "+"
        qtbot.mouseClick(screen.plus, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.minus, Qt.MouseButton.LeftButton)
    assert screen.minutes == 75
    screen.note.setText("Montage d'une étagère")
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.done), timeout=5000)
    assert "C'est noté" in screen.answer.text() and data.DEMO_STAFF_NAME in _plain(screen.answer.text())
    [entry] = [e for e in store.repos.outbox.pending() if e.mutation == "record_time_transfer"]
    p = entry.payload
    assert (p["provider_id"], p["confirmed_by"], p["staff_id"]) == (giver.id, "staff", data.DEMO_STAFF_ID)
    assert [(s["member_id"], s["minutes"]) for s in p["shares"]] == [(taker.id, 75)]
    [audit] = [a for a in store.repos.audit.recent() if a.action == "time_transfer"]
    assert (audit.staff_id, audit.member_id) == (session.staff_id, giver.id) and p["id"] in audit.detail
    assert store.repos.timebank.balance(giver.id) == 75 and store.repos.timebank.balance(taker.id) == -75
    assert screen.provider is None and screen.receivers == [] and screen.minutes == 0   # ready for the next


def _workshop(store, host, attendees, minutes: int = 90):  # noqa: ANN001, ANN202
    from kiosk.domain.community import Event, EventHost, Registration, RegistrationStatus
    start = datetime.now().replace(microsecond=0) - timedelta(days=1)
    event = Event(id="atelier-couture", title="Atelier couture", description="", place="Salle du club",
                  starts_at=start.isoformat(), ends_at=(start + timedelta(minutes=minutes)).isoformat(),
                  capacity=12, hosts=(EventHost(host.id, host.first_name),))
    store.repos.events.upsert(event)
    for i, m in enumerate(attendees):
        store.repos.events.upsert_registration(Registration(f"reg-{i}", event.id, m.id, RegistrationStatus.CONFIRMED,
                                                            start.isoformat()))
    store.repos.events.upsert_registration(Registration("reg-host", event.id, host.id, RegistrationStatus.CONFIRMED,
                                                        start.isoformat()))
    return event


def test_a_workshop_transfer_from_the_sign_ups_sums_to_zero(qtbot, desk) -> None:  # noqa: ANN001
    screen, _window, store, _session = desk
    host, *attendees = _members(store)[:4]
    event = _workshop(store, host, attendees)
    screen.entered()
    qtbot.waitUntil(lambda: screen.workshops_list.count() == 1, timeout=5000)
    item = screen.workshops_list.item(0)
    assert "Atelier couture" in _plain(item.text()) and "3 inscrit(s)" in item.text()
    screen.workshops_list.itemClicked.emit(item)
    assert screen.steps.currentIndex() == 1                                 # straight to the duration
    assert screen.provider.id == host.id and {r.id for r in screen.receivers} == {m.id for m in attendees}
    assert screen.minutes == 90 and screen.note.text() == event.title
    assert "4 h 30 en tout" in _plain(screen.total.text()).replace("\u00a0", " ")
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.done), timeout=5000)
    [transfer] = [t for t, *_ in store.repos.timebank.recent(5)]
    entries = store.repos.timebank.entries_of(transfer.id)
    assert sum(e.minutes for e in entries) == 0 and len(entries) == 4
    assert store.repos.timebank.balance(host.id) == 270
    assert all(store.repos.timebank.balance(m.id) == -90 for m in attendees)
    assert sum(store.repos.timebank.balances().values()) == 0


def test_a_reversal_through_the_screen_and_a_second_one_refused_in_words(qtbot, desk) -> None:  # noqa: ANN001
    screen, window, store, session = desk
    giver, a, b = _members(store)[:3]
    conciergerie = window.ctx.tasks.services.conciergerie
    t = conciergerie.transfer_by_staff(session, giver.id, [(a.id, 60), (b.id, 30)], note="Courses")
    qtbot.mouseClick(screen.pages_choice.findChild(QPushButton, "time_desk_page_recent"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.recent.count() == 1, timeout=5000)
    assert screen.pages.currentIndex() == 1 and "1 h 30" in _plain(screen.recent.item(0).text()).replace("\u00a0", " ")
    screen.recent.setCurrentRow(0)
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)        # no reason yet: refused
    assert "raison" in screen.recent_answer.text()
    screen.reason.setText("Saisi deux fois")
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.recent.count() == 1 and screen.recent.item(0).text().startswith("ANNULÉ"),
                    timeout=5000)
    assert "Annulé" in screen.recent_answer.text()
    assert store.repos.timebank.reversed_by(t.id) is not None
    assert [store.repos.timebank.balance(m.id) for m in (giver, a, b)] == [0, 0, 0]
    assert any(e.action == "reverse_time_transfer" and e.staff_id == session.staff_id
               for e in store.repos.audit.recent())
    screen.recent.setCurrentRow(0)
    screen.reason.setText("Encore")
    qtbot.mouseClick(screen.reverse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "déjà été annulé" in screen.recent_answer.text(), timeout=5000)
    assert screen.recent_answer.text().startswith("⚠")
    assert len([e for e in store.repos.outbox.pending() if e.mutation == "reverse_time_transfer"]) == 1


def test_the_refusals_are_said_in_words(qtbot, desk) -> None:  # noqa: ANN001
    screen, _window, store, _session = desk
    giver, taker = _members(store)[:2]
    screen.scan.card_entered.emit("CK1:not-a-card")
    qtbot.waitUntil(lambda: bool(screen.error), timeout=5000)
    assert "Carte non reconnue" in screen.answer.text() and screen.provider is None
    _pick_by_name(qtbot, screen, giver)
    _pick_by_name(qtbot, screen, giver)                                     # the same person both sides
    assert "même personne" in screen.answer.text() and screen.receivers == []
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert "au moins une personne" in screen.answer.text() and screen.steps.currentIndex() == 0
    _pick_by_name(qtbot, screen, taker)
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    assert screen.steps.currentIndex() == 1 and not screen.minus.isEnabled()
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)             # zero minutes
    assert "Choisissez une durée" in screen.answer.text()
    assert not [e for e in store.repos.outbox.pending() if e.mutation == "record_time_transfer"]
    screen.search.setText("Zzzyx")
    qtbot.mouseClick(screen.search_go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Aucun membre" in screen.answer.text(), timeout=5000)


def test_a_limit_is_flagged_after_the_transfer_not_refused(qtbot, desk) -> None:  # noqa: ANN001
    screen, window, store, session = desk
    giver, taker = _members(store)[:2]
    window.ctx.tasks.services.conciergerie.transfer_by_staff(session, giver.id, [(taker.id, 600)])
    _pick_by_name(qtbot, screen, giver)
    _pick_by_name(qtbot, screen, taker)
    qtbot.mouseClick(screen.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.presets.findChild(QPushButton, "time_desk_preset_60"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.done), timeout=5000)
    assert store.repos.timebank.balance(taker.id) == -660
    assert "10 heures dues" in screen.answer.text()


def test_a_staff_recorded_transfer_reaches_the_server_with_who_recorded_it(kiosk, office, app) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from central.conciergerie_tables import time_entries, time_transfers
    from central.demo import building_id, flat_id
    from kiosk.services.conciergerie import build_conciergerie
    from kiosk.services.time_desk import TimeDesk
    b1 = building_id(1)
    k1 = kiosk("k1", b1)
    host, a, b, c = (k1.enroll(b1, flat_id(1, i + 1), first=f"Voisin{chr(65 + i)}") for i in range(4))
    service = build_conciergerie(k1.store, k1.membership)
    session = k1.session
    assert TimeDesk(service).member(session, a).name.startswith("VoisinB")
    t = service.transfer_by_staff(session, host, [(a, 60), (b, 60), (c, 60)], note="Atelier tricot")
    k1.sync()
    with app.state.engine.connect() as conn:
        row = conn.execute(select(time_transfers).where(time_transfers.c.id == t.id)).mappings().one()
        entries = conn.execute(select(time_entries).where(time_entries.c.transfer_id == t.id)).mappings().all()
    assert (row["confirmed_by"], row["staff_id"], row["provider_id"]) == ("staff", session.staff_id, host)
    assert row["note"] == "Atelier tricot"
    assert {e["member_id"]: e["minutes"] for e in entries} == {host: 180, a: -60, b: -60, c: -60}
    assert k1.store.repos.outbox.pending_count() == 0
