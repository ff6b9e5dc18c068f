"""GUI flows (pytest-qt, offscreen) of the caretaker's lending desk, on a real encrypted
demo store through the real services (synchronous task runner): a loan with two scans
and no tap, a return with one scan, "à réparer" with one more tap, each refusal's
message, the overdue and refused lists, the loan slip as a PDF."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kiosk.demo import data  # noqa: E402
from kiosk.domain.lending import Item, ItemCategory, LendingPoint, Loan, LoanStatus, label_text  # noqa: E402

pytestmark = pytest.mark.gui
_store: list = []


@pytest.fixture
def gui(tmp_path, qtbot):  # noqa: ANN001, ANN201
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    (tmp_path / "config.toml").write_text("")
    config = load_config(tmp_path / "config.toml", env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=6)
    buildings = tuple(b[0] for b in data.BUILDINGS)
    store.db.run(lambda _c: [store.repos.replica.put(o) for o in (
        LendingPoint("loge", "Loge du gardien", "Hall A", buildings),
        Item("grill", "loge", "Appareil à raclette", ItemCategory.KITCHEN, deposit_cents=1000, loan_days=3),
        Item("ladder", "loge", "Escabeau 5 marches", ItemCategory.TOOLS, needs_waiver=True))])
    create_qapp()
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    slips = tmp_path / "slips"
    slips.mkdir()
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=slips))
    qtbot.addWidget(window)
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    yield window.ctx, store, session, slips
    store.close()


def _desk(qtbot, ctx, session):  # noqa: ANN001, ANN202
    from kiosk.ui.lending.desk import LendingDeskScreen
    screen = LendingDeskScreen(ctx, session=session)
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    return screen


def _member(ctx, store, n: int = 0):  # noqa: ANN001, ANN202
    mid = sorted(store.repos.members.ids())[n]
    return store.repos.members.get(mid), ctx.tasks.services.membership.cards.current_card_text(mid)


def test_a_loan_is_two_scans_and_no_tap_a_return_one_scan(qtbot, gui):  # noqa: ANN001
    ctx, store, session, slips = gui
    member, card = _member(ctx, store)
    desk = _desk(qtbot, ctx, session)
    desk.scan.card_entered.emit(card)
    assert member.first_name in desk.answer.text()
    desk.scan.card_entered.emit(label_text("grill"))
    assert "Prêté : " in desk.answer.text() and "Appareil à raclette" in desk.answer.text()
    due = date.today() + timedelta(days=3)
    assert desk.detail.text().startswith("À rendre le ")
    [payload] = [e.payload for e in store.repos.outbox.pending() if e.mutation == "lend_item"]
    assert (payload["item_id"], payload["member_id"], payload["due_on"]) == ("grill", member.id, due.isoformat())
    assert store.repos.lending.out_loan("grill").member_id == member.id
    [slip] = list(slips.glob("loan-*.pdf"))
    assert slip.stat().st_size > 500
    # the return: one scan of the label, nothing else
    desk.scan.card_entered.emit(label_text("grill"))
    assert "Rendu : " in desk.answer.text()
    assert store.repos.lending.out_loan("grill") is None
    assert [e.payload["condition"] for e in store.repos.outbox.pending() if e.mutation == "return_item"] == ["ok"]
    # "à réparer" is one more tap (and a note): the item is on hold
    assert desk.repair.isVisibleTo(desk)
    qtbot.mouseClick(desk.repair, Qt.MouseButton.LeftButton)
    desk.note.edit.setText("Résistance HS")
    qtbot.mouseClick(desk.note_ok, Qt.MouseButton.LeftButton)
    assert store.repos.lending.item("grill").condition.value == "to_repair"
    assert "En réparation" in desk.answer.text()


@pytest.mark.parametrize("setup, title", [
    ("waiver", "Décharge à signer"),
    ("out", "Objet déjà prêté"),
    ("on_hold", "Objet indisponible"),
    ("overdue", "Un prêt est en retard"),
    ("suspended", "Prêts suspendus pour ce membre"),
    ("fee", "Cotisation à régler"),
])
def test_each_refusal_gives_its_message(qtbot, gui, setup, title):  # noqa: ANN001
    from kiosk.domain.lending import LendingSuspension
    ctx, store, session, _slips = gui
    member, card = _member(ctx, store)
    other, _ = _member(ctx, store, 1)
    item = "ladder" if setup == "waiver" else "grill"
    put = store.repos.replica.put
    if setup == "out":
        put(Loan("l-other", "grill", other.id, LoanStatus.OUT, due_on=(date.today() + timedelta(days=2)).isoformat()))
    elif setup == "on_hold":
        put(Item("grill", "loge", "Appareil à raclette", ItemCategory.KITCHEN,
                 on_hold_until=(date.today() + timedelta(days=1)).isoformat()))
    elif setup == "overdue":
        put(Loan("l-late", "ladder", member.id, LoanStatus.OUT, due_on=(date.today() - timedelta(days=2)).isoformat()))
    elif setup == "suspended":
        put(LendingSuspension(member.id, "", "Casse"))
    elif setup == "fee":  # the club charges a fee that blocks lending; this member never paid
        _charge_a_fee(store, member)
    desk = _desk(qtbot, ctx, session)
    desk.scan.card_entered.emit(card)
    desk.scan.card_entered.emit(label_text(item))
    assert desk.answer.text() == "⚠ " + title
    assert desk.detail.text()
    assert not [e for e in store.repos.outbox.pending() if e.mutation == "lend_item"]
    if setup == "overdue":
        assert desk.overdue.count() == 1 and "Escabeau" in desk.overdue.item(0).text()


def _charge_a_fee(store, member) -> None:  # noqa: ANN001
    import dataclasses
    building = store.repos.places.building(member.building_id)
    estate = next(e for e in store.repos.places.estates() if e.id == building.estate_id)
    store.repos.replica.put(dataclasses.replace(estate, fee_tenant_cents=100, fee_other_cents=500,
                                                fee_blocks_lending=True))


def test_a_fee_paid_at_the_desk_lifts_the_fee_refusal(qtbot, gui):  # noqa: ANN001
    """The lending rule reads the membership fee's own standing (kiosk/domain/fees.py):
    refused while unpaid, lent once the caretaker has recorded a cash payment."""
    ctx, store, session, _slips = gui
    member, card = _member(ctx, store)
    _charge_a_fee(store, member)
    desk = _desk(qtbot, ctx, session)
    desk.scan.card_entered.emit(card)
    desk.scan.card_entered.emit(label_text("grill"))
    assert desk.answer.text() == "⚠ Cotisation à régler"
    receipt = ctx.tasks.services.fees.resolve().record_payment(member.id, session.staff_id, months=3)
    assert receipt.paid_until > date.today()
    desk.scan.card_entered.emit(card)
    desk.scan.card_entered.emit(label_text("grill"))
    assert desk.answer.text().startswith("✓ ")
    assert [e for e in store.repos.outbox.pending() if e.mutation == "lend_item"]


def test_the_staff_home_opens_the_desk_and_counts_overdue_loans(qtbot, gui):  # noqa: ANN001
    ctx, store, session, _slips = gui
    member, _card = _member(ctx, store)
    store.repos.replica.put(Loan("l-late", "ladder", member.id, LoanStatus.OUT,
                                 due_on=(date.today() - timedelta(days=2)).isoformat()))
    ctx.navigator.open("staff_home", session=session)
    home = ctx.navigator.current()
    assert home.lending_overdue.text() == "1 prêt(s) en retard"
    qtbot.mouseClick(home.lending, Qt.MouseButton.LeftButton)
    assert ctx.navigator.current().name == "lending_desk"


def test_a_tenant_reserves_sees_it_in_their_loans_and_signs_the_waiver_on_screen(qtbot, gui):  # noqa: ANN001
    from kiosk.domain.lending import WAIVER_VERSION, waiver_hash
    from kiosk.ui.lending.catalogue import LendingCatalogueScreen
    ctx, store, _session, _slips = gui
    member, card = _member(ctx, store)
    other, _ = _member(ctx, store, 1)
    store.repos.replica.put(Loan("l-other", "grill", other.id, LoanStatus.OUT,
                                 due_on=(date.today() + timedelta(days=2)).isoformat()))
    screen = LendingCatalogueScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1080, 1920)
    texts = [screen.items.item(i).text() for i in range(screen.items.count())]
    assert any("Appareil à raclette" in t and "de retour le" in t for t in texts)
    assert any("Escabeau" in t and "disponible" in t for t in texts)
    screen.scan.card_entered.emit(card)
    assert member.first_name in screen.feedback.text()
    grill = next(screen.items.item(i) for i in range(screen.items.count()) if screen.items.item(i).data(256) == "grill")
    screen.show()
    qtbot.mouseClick(screen.items.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.items.visualItemRect(grill).center())    # one tap on the item opens it
    assert screen.detail.isVisible() and screen.detail.name.text() == "\u2068Appareil à raclette\u2069"
    assert not screen.detail.is_photo            # no photo: its category's pictogram
    qtbot.mouseClick(screen.detail.reserve, Qt.MouseButton.LeftButton)    # one tap to reserve
    assert "Réservé" in screen.feedback.text()
    assert [screen.mine.item(i).text() for i in range(screen.mine.count())] == ["\u2068Appareil à raclette\u2069 : réservé"]
    [payload] = [e.payload for e in store.repos.outbox.pending() if e.mutation == "reserve_item"]
    assert (payload["item_id"], payload["member_id"]) == ("grill", member.id)
    # the waiver: refused without the box ticked, then kept with its proof
    qtbot.mouseClick(screen.open_waiver, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.sign, Qt.MouseButton.LeftButton)
    assert "Cochez" in screen.feedback.text()
    qtbot.mousePress(screen.pad, Qt.MouseButton.LeftButton, pos=screen.pad.rect().center())
    screen.waiver_box.setChecked(True)
    qtbot.mouseClick(screen.sign, Qt.MouseButton.LeftButton)
    assert screen.feedback.text() == "Décharge signée. Merci."
    waiver = store.repos.waivers.signed(member.id, WAIVER_VERSION)
    assert waiver is not None and waiver.text_sha256 == waiver_hash() and waiver.at and waiver.signature
    [signed] = [e.payload for e in store.repos.outbox.pending() if e.mutation == "sign_waiver"]
    assert signed["text_sha256"] == waiver_hash() and signed["signature"] == waiver.signature
