"""GUI flows (pytest-qt, offscreen) on a real encrypted demo store with a synchronous
task runner: sign-up by card and by safe lookup, reminder slip as PDF, cancel, idea
(warning, refusal of a phone number, anonymous), vote once, request, door check-in."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kiosk.demo import data  # noqa: E402

pytestmark = pytest.mark.gui
_store: list = []   # the module's demo store (the services do not hand it out)


@pytest.fixture(scope="module")
def gui_store(tmp_path_factory):  # noqa: ANN201
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.store.opening import open_store
    tmp = tmp_path_factory.mktemp("community-gui")
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=12)
    _store.append(store)
    yield config, store
    _store.clear()
    store.close()


@pytest.fixture
def ctx(gui_store, tmp_path, qtbot):  # noqa: ANN001, ANN201
    """The context of a real window (its navigator, a synchronous task runner), camera
    off and reminder slips written as PDF files in ``tmp_path``."""
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.services.members import build_membership
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    config, store = gui_store
    create_qapp()  # the kiosk's own QApplication (fonts, names), as the UI tests make it
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp_path))
    qtbot.addWidget(window)
    return window.ctx


def _member(ctx, n: int = 0):  # noqa: ANN001, ANN202
    mid = sorted(_store[0].repos.members.ids())[n]
    return _store[0].repos.members.get(mid), ctx.tasks.services.membership.cards.current_card_text(mid)


def _outbox(ctx, mutation: str) -> list[dict]:  # noqa: ANN001
    return [e.payload for e in _store[0].repos.outbox.pending() if e.mutation == mutation]


def test_sign_up_by_card_pending_then_slip_and_cancel(qtbot, ctx, tmp_path):  # noqa: ANN001
    from kiosk.ui.community.event_detail import IDENTIFY, RESULT, EventDetailScreen
    event = ctx.tasks.services.community.upcoming()[0].event
    member, card = _member(ctx, 0)
    screen = EventDetailScreen(ctx, event_id=event.id)
    qtbot.addWidget(screen)
    assert screen.heading.text() == event.title
    qtbot.mouseClick(screen.sign_up, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == IDENTIFY
    screen.identify.scan.card_entered.emit(card)
    assert screen.pages.currentIndex() == RESULT
    assert member.first_name in screen.result.text()
    assert "En attente de confirmation" in screen.status.text()
    [payload] = [p for p in _outbox(ctx, "register_for_event") if p["member_id"] == member.id]
    assert payload["event_id"] == event.id
    assert not screen.print.isHidden()
    qtbot.mouseClick(screen.print, Qt.MouseButton.LeftButton)
    assert (tmp_path / f"slip-{payload['id']}.pdf").stat().st_size > 500
    # the same card again: "already signed up", no second sign-up
    screen.pages.setCurrentIndex(IDENTIFY)
    screen.identify.scan.card_entered.emit(card)
    assert "déjà inscrit" in screen.result.text()
    assert len([p for p in _outbox(ctx, "register_for_event") if p["member_id"] == member.id]) == 1
    qtbot.mouseClick(screen.cancel, Qt.MouseButton.LeftButton)
    assert "annulée" in screen.result.text()
    assert [p["id"] for p in _outbox(ctx, "cancel_registration")] == [payload["id"]]


def test_sign_up_by_safe_lookup_and_refused_lookup(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.event_detail import RESULT, EventDetailScreen
    event = ctx.tasks.services.community.upcoming()[-1].event
    member, _ = _member(ctx, 1)
    flat = _store[0].repos.places.flat(member.flat_id)
    screen = EventDetailScreen(ctx, event_id=event.id)
    qtbot.addWidget(screen)
    qtbot.mouseClick(screen.sign_up, Qt.MouseButton.LeftButton)
    panel = screen.identify
    qtbot.mouseClick(panel.switch, Qt.MouseButton.LeftButton)
    panel.first.edit.setText(member.first_name)
    panel.place.buildings.select(member.building_id)
    panel.place.entrances.select(flat.entrance_id)
    panel.place.flats.select(member.flat_id)
    panel.digits.edit.setText("0000" if not member.phone.endswith("0000") else "1111")
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    assert panel.error.isVisibleTo(screen) and "pas trouvé" in panel.error.text()
    panel.digits.edit.setText(member.phone[-4:])
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == RESULT
    assert "En attente de confirmation" in screen.status.text()


def test_idea_warning_refuses_phone_then_sends_anonymously(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.idea_form import DONE, FORM, IdeaFormScreen
    screen = IdeaFormScreen(ctx)
    qtbot.addWidget(screen)
    assert "santé" in screen.warning.text()
    screen.category.select("environment")
    screen.text.edit.setText("Appelez-moi au 06 12 34 56 78 pour le compost")
    qtbot.mouseClick(screen.anonymous, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.send, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == FORM and "téléphone" in screen.text.error.text()
    screen.text.edit.setText("Un composteur dans la cour")
    qtbot.mouseClick(screen.send, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == DONE
    [p] = [p for p in _outbox(ctx, "submit_idea") if p["text"] == "Un composteur dans la cour"]
    assert (p["category"], p["member_id"]) == ("environment", None)


def test_idea_with_name_goes_through_the_card(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.idea_form import DONE, IDENTIFY, IdeaFormScreen
    member, card = _member(ctx, 2)
    screen = IdeaFormScreen(ctx)
    qtbot.addWidget(screen)
    screen.category.select("activities")
    screen.text.edit.setText("Un atelier couture le mercredi")
    qtbot.mouseClick(screen.send, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == IDENTIFY
    screen.identify.scan.card_entered.emit(card)
    assert screen.pages.currentIndex() == DONE
    assert [i.text for i in ctx.tasks.services.community.my_ideas(member.id)] == ["Un atelier couture le mercredi"]


def test_vote_once_per_member(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.ideas import IDENTIFY, LIST, IdeasScreen
    member, card = _member(ctx, 3)
    screen = IdeasScreen(ctx)
    qtbot.addWidget(screen)
    first = screen.cards[0]
    idea_id, before = first.view.idea.id, first.view.idea.votes
    qtbot.mouseClick(first.vote, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == IDENTIFY
    screen.identify.scan.card_entered.emit(card)
    assert screen.pages.currentIndex() == LIST
    card_now = next(c for c in screen.cards if c.view.idea.id == idea_id)
    assert (card_now.view.idea.votes, card_now.view.voted, card_now.vote.isEnabled()) == (before + 1, True, False)
    assert ctx.tasks.services.community.vote(idea_id, member.id) is False
    assert len([p for p in _outbox(ctx, "vote_idea") if p["member_id"] == member.id]) == 1


def test_request_tied_to_the_members_flat(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.request_form import DONE, FORM, RequestFormScreen
    member, card = _member(ctx, 4)
    screen = RequestFormScreen(ctx)
    qtbot.addWidget(screen)
    screen.identify.scan.card_entered.emit(card)
    assert screen.pages.currentIndex() == FORM and member.first_name in screen.hello.text()
    screen.category.select("reduced_mobility")
    screen.text.edit.setText("Une barre d'appui près de la baignoire")
    qtbot.mouseClick(screen.send, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == DONE
    [req] = ctx.tasks.services.community.my_requests(member.id)
    assert (req.category.value, req.flat_id, req.status.value) == ("reduced_mobility", member.flat_id, "received")


def test_door_check_in_with_staff_badge_counts_each_card_once(qtbot, ctx):  # noqa: ANN001
    from kiosk.ui.community.checkin import DOOR, SIGN_IN, CheckInScreen
    s = ctx.tasks.services
    event = s.community.upcoming()[0].event
    badge = _store[0].repos.kv.get("demo_staff_badge")
    screen = CheckInScreen(ctx, event_id=event.id)
    qtbot.addWidget(screen)
    assert screen.pages.currentIndex() == SIGN_IN
    screen.badge_scan.card_entered.emit(badge)
    screen.pin.edit.setText(data.DEMO_STAFF_PIN)
    qtbot.mouseClick(screen.sign_in, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == DOOR
    start = screen.count
    m1, c1 = _member(ctx, 5)
    m2, c2 = _member(ctx, 6)
    screen.door_scan.card_entered.emit(c1)
    assert screen.answer.text() == f"Bienvenue {m1.first_name} !"
    screen.door_scan.card_entered.emit(c1)
    assert "déjà pointé" in screen.answer.text()
    screen.door_scan.card_entered.emit(c2)
    assert screen.count == start + 2
    assert str(start + 2) in screen.counter.text()
    screen.door_scan.card_entered.emit("CK1:not-a-card")
    assert screen.answer.text() == "Carte refusée"
    assert len([p for p in _outbox(ctx, "check_in") if p["event_id"] == event.id]) == 2
