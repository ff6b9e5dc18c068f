"""Savings and vouchers at the kiosk, through the real server and the real encrypted store.

A member's uses recorded by two partners and a contract declared by the office reach the
kiosk of their building; "Mon espace" says how much they saved this year, with the
breakdown, and the figures are those of the server's database. The voucher screen prints
a voucher (the ``issue_voucher`` mutation, synced). The screens are rendered in French,
English and Arabic, portrait and landscape, into KIOSK_SHOTS (default: a temp folder),
and nothing in them is cut off.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from sqlalchemy import func, select

from central.partners.tables import member_savings, vouchers
from kiosk.ui.layout_check import clipped
from partner_helpers import BAKERY, FLORIST, GIFT_OFFER, PERCENT_OFFER, use

pytestmark = pytest.mark.gui
SIZES = {"portrait": (1080, 1920), "landscape": (1920, 1080)}


@pytest.fixture(scope="module")
def kiosk_shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("KIOSK_SHOTS", tmp_path_factory.mktemp("savings-shots")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_window(qtbot: Any, club: Any) -> Any:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    create_qapp()
    config = load_config(env={}, data_dir=club.folder / "kiosk").with_values(key_store="file", fullscreen=False)
    services = compose_services(config, club.store)
    services.membership = club.membership
    services.savings = club.savings
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=club.folder))
    qtbot.addWidget(window)
    window.resize(*SIZES["portrait"])
    window.show()
    qtbot.waitExposed(window)
    return window


def scroll_to(widget: Any) -> None:
    """What a finger does: scroll the screen until ``widget`` is in view."""
    from PySide6.QtWidgets import QScrollArea
    node = widget.parentWidget()
    while node is not None and not isinstance(node, QScrollArea):
        node = node.parentWidget()
    if node is not None:
        node.ensureWidgetVisible(widget, 10, 40)
    QApplication.processEvents()


def text_of(window: Any, name: str) -> str:
    widget = window.current().findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def test_the_member_space_shows_measured_and_declared_savings_as_the_server_counts_them(
        club, qtbot, kiosk_shots: Path) -> None:  # noqa: ANN001
    nadia = club.enroll("Nadia")
    bakery, bcsrf = club.partner_session("boulangerie")
    florist, fcsrf = club.partner_session("fleurs")
    assert bakery.post("/partners/api/redemptions", headers=bcsrf, json={"items": [
        use(PERCENT_OFFER, nadia.card.text, amount_cents=3750)]}).json()["results"][0]["saving_cents"] == 375
    assert florist.post("/partners/api/redemptions", headers=fcsrf, json={"items": [
        use(GIFT_OFFER, nadia.card.text)]}).json()["results"][0]["saving_cents"] == 150
    club.partners.declare(nadia.member.id, "demo-partner-3", "Assurance habitation", 15000, date.today())
    club.sync()

    summary = club.savings.summary(nadia.member.id)
    with club.engine.connect() as conn:
        server = conn.execute(select(member_savings.c.kind, func.sum(member_savings.c.amount_cents))
                              .where(member_savings.c.member_id == nadia.member.id,
                                     member_savings.c.year == date.today().year)
                              .group_by(member_savings.c.kind)).all()
    assert dict(server) == {"measured": summary.measured_cents, "declared": summary.declared_cents}
    assert (summary.measured_cents, summary.declared_cents, summary.total_cents) == (525, 15000, 15525)
    assert {(s.partner_id, s.kind.value, s.uses) for s in summary.lines} == \
        {(BAKERY, "measured", 1), (FLORIST, "measured", 1), ("demo-partner-3", "declared", 1)}

    window = make_window(qtbot, club)
    for lang in ("fr", "en", "ar"):
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        window.languages.set_language(lang)
        for orientation, size in SIZES.items():
            window.home()
            window.resize(*size)
            window.open("member", card_text=nadia.card.text)
            window.flash.dismiss()        # the "✓ Bonjour" answer to the card, gone after a moment
            QApplication.processEvents()
            total = text_of(window, "savings_total")
            if lang == "ar":   # ar_MA writes "155,25€" after an Arabic letter mark
                assert total.startswith("لقد وفّرت") and "155,25€" in total and total.endswith("هذا العام"), total
            else:
                assert total == {"fr": "Vous avez économisé 155,25\u00a0€ cette année",
                                 "en": "You have saved €155.25 this year"}[lang], total
            lines = text_of(window, "savings_lines")
            assert "Fleurs de Saint-Denis" in lines and "Salon Coiffure Nadia" in lines
            assert ("déclaré" if lang == "fr" else "declared" if lang == "en" else "صرّح") in lines
            scroll_to(window.current().findChild(QPushButton, "savings_voucher"))
            assert window.grab().save(str(kiosk_shots / f"space-savings-{lang}-{orientation}.png"))
            assert clipped(window.current()) == [], (lang, orientation, clipped(window.current()))


def test_a_member_without_the_card_prints_a_voucher_that_reaches_the_server(
        club, qtbot, kiosk_shots: Path) -> None:  # noqa: ANN001
    karim = club.enroll("Karim")
    window = make_window(qtbot, club)
    for lang in ("fr", "en", "ar"):
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        window.languages.set_language(lang)
        for orientation, size in SIZES.items():
            window.home()
            window.resize(*size)
            window.open("voucher", member_id=karim.member.id)
            QApplication.processEvents()
            screen = window.current()
            assert screen.findChild(QPushButton, "voucher_offer_0") is not None
            assert not screen.findChild(QLabel, "voucher_message").isVisible()     # offers there: no "none"
            assert window.grab().save(str(kiosk_shots / f"voucher-choose-{lang}-{orientation}.png"))
            assert clipped(screen) == [], (lang, orientation, clipped(screen))
            screen.findChild(QPushButton, "voucher_offer_0").click()
            QApplication.processEvents()
            assert screen.pages.currentIndex() == 1
            code = screen.printed.voucher.code
            assert code[:4] in text_of(window, "voucher_code")
            assert window.grab().save(str(kiosk_shots / f"voucher-printed-{lang}-{orientation}.png"))
            assert clipped(screen) == [], (lang, orientation, clipped(screen))
    # one voucher for the offer, however often it was asked for (reprinted, not made again)
    mine = club.store.repos.vouchers.of_member(karim.member.id)
    assert len(mine) == 1 and club.store.repos.outbox.pending_count() == 1
    club.sync()
    with club.engine.connect() as conn:
        row = conn.execute(select(vouchers).where(vouchers.c.member_id == karim.member.id)).mappings().one()
    assert (row["code"], row["status"], row["offer_id"]) == (mine[0].code, "open", mine[0].offer_id)
    # a member with nothing saved yet, and the screen opened without a member
    window.languages.set_language("fr")
    window.home()
    window.open("member", card_text=karim.card.text)
    window.flash.dismiss()
    QApplication.processEvents()
    assert text_of(window, "savings_total") == "Rien pour l'instant cette année."
    assert window.grab().save(str(kiosk_shots / "space-savings-empty-fr-portrait.png"))
    window.home()
    window.open("voucher")
    QApplication.processEvents()
    assert "ouvrez d'abord votre espace" in text_of(window, "voucher_message")
    assert window.grab().save(str(kiosk_shots / "voucher-no-member-fr-portrait.png"))
