"""The membership fee in "Mon espace", through the real store and services.

A member who paid sees "Cotisation payée jusqu'au …" (the last day covered, in their
language), one who did not sees "Cotisation à régler", and in a free club nothing is
said. Rendered in French and Arabic, portrait and landscape, into /tmp/fee-shots/
(looked at), and nothing is cut off.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain import fees
from kiosk.services.fees import FeesService
from kiosk.services.members import build_membership
from kiosk.ui.layout_check import clipped

from .conftest import make_form

SHOTS = Path("/tmp/fee-shots")
TODAY = date(2026, 3, 10)
pytestmark = pytest.mark.gui


def make_window(qtbot, config, store, clock, fee_service):  # noqa: ANN001, ANN201
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.tasks import Tasks
    from kiosk.ui.default_screens import default_registry
    from kiosk.ui.membership import register_membership_screens
    create_qapp()
    services = compose_services(config, store)
    services.membership = build_membership(store, config, now=clock)
    services.fees = fee_service
    window = build_window(config, services, tasks=Tasks(services, None),
                          registry=register_membership_screens(default_registry()), idle_timeout_s=3600.0)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def fee_label(window) -> QLabel:  # noqa: ANN001
    found = window.current().findChild(QLabel, "space_fee")
    assert found is not None
    return found


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_member_space_says_until_when_the_fee_is_paid_or_that_it_is_due(
        qtbot, config, store, clock, membership, notice, flat, lang, size) -> None:  # noqa: ANN001
    SHOTS.mkdir(exist_ok=True)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    paid = membership.members.enroll(make_form(flat, first_name="Samira"), notice)
    due = membership.members.enroll(make_form(flat, first_name="Karim", phone="06 55 44 33 22"), notice,
                                    confirmed_distinct=True)
    service = FeesService(store.db, store.repos, lambda: "3f9a12bc", policy=fees.CONCIERGERIE,
                          today=lambda: TODAY)
    receipt = service.record_payment(paid.member.id, "staff-1", 3)
    assert receipt.payment.receipt_number == "3F9A12BC-00001" and receipt.payment.amount_cents == 300
    window = make_window(qtbot, config, store, clock, service)
    window.resize(*size)
    window.languages.set_language(lang)
    tag = f"{lang}-{size[0]}x{size[1]}"

    for name, member, expect in (("paid", paid, {"fr": "Cotisation payée jusqu'au mardi 9 juin 2026",
                                                  "ar": "الاشتراك مدفوع حتى"}),
                                 ("due", due, {"fr": "Cotisation à régler", "ar": "الاشتراك مستحق"})):
        window.home()
        window.open("member", card_text=member.card.text)
        qtbot.waitUntil(lambda: fee_label(window).isVisible(), timeout=5000)
        assert fee_label(window).text().startswith(expect[lang]), fee_label(window).text()
        window.flash.dismiss()        # the "✓ Bonjour" answer to the card, gone after a moment
        window.resize(*size)
        QApplication.processEvents()
        assert clipped(window.current()) == [], (name, tag, clipped(window.current()))
        assert window.grab().save(str(SHOTS / f"space-fee-{name}-{tag}.png"))


def test_a_free_club_says_nothing_about_a_fee(qtbot, config, store, clock, membership, notice, flat) -> None:  # noqa: ANN001
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    member = membership.members.enroll(make_form(flat, first_name="Samira"), notice)
    service = FeesService(store.db, store.repos, lambda: "3f9a12bc", today=lambda: TODAY)   # the demo estate: free
    window = make_window(qtbot, config, store, clock, service)
    window.open("member", card_text=member.card.text)
    qtbot.waitUntil(lambda: window.current().findChild(QLabel, "space_hello").text() == "Bonjour Samira",
                    timeout=5000)
    qtbot.waitUntil(lambda: getattr(window.current(), "_standing", None) is not None, timeout=5000)
    assert not fee_label(window).isVisible()
