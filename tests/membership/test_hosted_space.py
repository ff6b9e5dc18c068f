"""Volunteer-run workshops in "Mon espace", through the real store and services: a member
who hosted workshops reads "Vous avez animé 2 ateliers, 6 h" (ended ones only), in French
and Arabic, portrait and landscape, nothing cut off; rendered into /tmp/hosted-shots/."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.domain.community import Event, EventHost
from kiosk.ui.layout_check import clipped

from .conftest import make_form
from .test_fee_space import make_window

SHOTS = Path("/tmp/hosted-shots")
pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_member_space_counts_the_workshops_a_member_ran(
        qtbot, config, store, clock, membership, notice, flat, lang, size) -> None:  # noqa: ANN001
    from kiosk.services.fees import build_fees
    SHOTS.mkdir(exist_ok=True)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    nadia = membership.members.enroll(make_form(flat, first_name="Nadia"), notice)
    host = (EventHost(nadia.member.id, "Nadia"),)
    for eid, starts, ends in (("w1", "2020-01-10T14:00", "2020-01-10T16:00"),
                              ("w2", "2020-01-17T10:00", "2020-01-17T14:00"),
                              ("w3", "2099-01-17T10:00", "2099-01-17T12:00")):      # not held yet
        store.repos.events.upsert(Event(eid, "Atelier", "", "Local", starts, ends, 10, hosts=host))
    window = make_window(qtbot, config, store, clock, build_fees(store))
    window.resize(*size)
    window.languages.set_language(lang)
    window.open("member", card_text=nadia.card.text)

    def hosted() -> QLabel:
        found = window.current().findChild(QLabel, "space_hosted")
        assert found is not None
        return found

    qtbot.waitUntil(lambda: hosted().isVisible(), timeout=5000)
    expect = {"fr": "Vous avez animé 2 ateliers, 6 h", "ar": "لقد نشّطتم 2 ورشات"}[lang]
    text = re.sub("[\u2066-\u2069]", "", hosted().text())     # the hours are isolated (kept in order)
    assert text.startswith(expect), text
    window.flash.dismiss()
    window.resize(*size)
    QApplication.processEvents()
    assert clipped(window.current()) == []
    assert window.grab().save(str(SHOTS / f"space-hosted-{lang}-{size[0]}x{size[1]}.png"))
