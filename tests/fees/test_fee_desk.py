"""The caretaker's fee desk (pytest-qt, offscreen) on a real encrypted demo store through
the real services: scan the card, see it is due, choose 3 months, take 3,00 € in cash;
the payment is recorded (outbox), the receipt printed (a PDF in the slip folder) and the
member space says until when it is paid."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kiosk.demo import data  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def gui(tmp_path, qtbot):  # noqa: ANN001, ANN201
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.places import Estate
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    (tmp_path / "config.toml").write_text("")
    config = load_config(tmp_path / "config.toml", env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=4)
    # the office's fee on every estate, as the feed brings it: 1 € a month for tenants
    store.db.run(lambda _c: [store.repos.replica.put(Estate(e.id, e.name, e.city, 100, 500, True))
                             for e in store.repos.places.estates()])
    create_qapp()
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    slips = tmp_path / "slips"
    slips.mkdir()
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=slips))
    qtbot.addWidget(window)
    window.show()
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    yield window, store, session, slips
    store.close()


def test_a_cash_payment_is_recorded_printed_and_shown_in_the_member_space(qtbot, gui):  # noqa: ANN001
    window, store, session, slips = gui
    window.open("staff_home", session=session)
    home = window.current()
    qtbot.mouseClick(home.fees, Qt.MouseButton.LeftButton)
    desk = window.current()
    assert desk.name == "fee_desk"
    mid = sorted(store.repos.members.ids())[0]
    member = store.repos.members.get(mid)
    card = window.ctx.tasks.services.membership.cards.current_card_text(mid)
    desk.scan.card_entered.emit(card)
    qtbot.waitUntil(lambda: desk.account is not None, timeout=5000)
    assert desk.member.text() == f"{member.first_name} {member.last_name}"
    assert desk.standing.text().startswith("Cotisation à régler")
    plain = lambda w: w.text().replace("\u2068", "").replace("\u2069", "").replace("\u2066", "")  # noqa: E731
    assert "1,00\u00a0€ par mois" in plain(desk.standing)
    assert not desk.take.isEnabled()
    qtbot.mouseClick(desk.durations.findChild(type(desk.take), "fee_months_3"), Qt.MouseButton.LeftButton)
    assert desk.take.isEnabled() and "3,00\u00a0€" in plain(desk.take)
    qtbot.mouseClick(desk.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.receipt is not None, timeout=5000)
    [entry] = [e for e in store.repos.outbox.pending() if e.mutation == "record_fee_payment"]
    assert (entry.payload["member_id"], entry.payload["months"], entry.payload["amount_cents"]) == (mid, 3, 300)
    number = entry.payload["receipt_number"]
    assert number in plain(desk.answer) and "reçu imprimé" in desk.answer.text()
    [pdf] = list(slips.glob("receipt-*.pdf"))
    assert pdf.name == f"receipt-{number}.pdf" and pdf.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: desk.standing.text().startswith("Cotisation payée jusqu'au"), timeout=5000)
    # the member space says it
    window.home()
    window.open("member", card_text=card)
    qtbot.waitUntil(lambda: window.current().fee.isVisible(), timeout=5000)
    assert window.current().fee.text().startswith("Cotisation payée jusqu'au")


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_fee_desk_renders_in_its_states(qtbot, gui, lang, size):  # noqa: ANN001
    """Due, paid with the receipt, and a refusal; saved under /tmp/shots-staff/ (looked at)."""
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    window, store, session, _slips = gui
    shots = Path("/tmp/shots-staff")
    shots.mkdir(exist_ok=True)
    window.resize(*size)
    window.languages.set_language(lang)
    window.open("fee_desk", session=session)
    desk = window.current()
    mid = sorted(store.repos.members.ids())[0]
    desk.scan.card_entered.emit(window.ctx.tasks.services.membership.cards.current_card_text(mid))
    qtbot.waitUntil(lambda: desk.account is not None, timeout=5000)
    QApplication.processEvents()
    window.grab().save(str(shots / f"fee-due-{lang}-{size[0]}x{size[1]}.png"))
    qtbot.mouseClick(desk.durations.findChild(type(desk.take), "fee_months_12"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.take, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.receipt is not None, timeout=5000)
    QApplication.processEvents()
    window.grab().save(str(shots / f"fee-paid-{lang}-{size[0]}x{size[1]}.png"))
    from kiosk.services.fees import FeeRefused
    desk._on_failed(FeeRefused("fee_amount_too_high"))
    QApplication.processEvents()
    window.grab().save(str(shots / f"fee-error-{lang}-{size[0]}x{size[1]}.png"))
    window.languages.set_language("fr")
