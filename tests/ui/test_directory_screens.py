"""The partner directory screens over the real encrypted demo store, at a pinned time."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_category_counts_on_tiles(window) -> None:
    screen = window.open("directory")
    food = screen.findChild(object, "category_food")
    assert food.label() == "Alimentation"
    assert "adresses" in food._sub.text()


def test_list_is_sorted_by_walking_distance(window) -> None:
    screen = window.open("partners")
    metres = [e.metres for e in screen.entries]
    assert len(metres) >= 25 and metres == sorted(metres)
    first = screen.rows()[0]
    assert "min à pied" in first._walk.text()


def test_search_ignores_accents_and_case(qtbot, window) -> None:
    screen = window.open("partners")
    screen.search.setText("EPICERIE")
    screen.reload()
    assert [e.partner.name for e in screen.entries] == ["Épicerie solidaire du Landy"]
    screen.search.setText("zzzz")
    screen.reload()
    assert screen.entries == [] and screen.findChild(QLabel, "partners_empty").isVisible()


def test_search_as_you_type_after_a_pause(qtbot, window) -> None:
    screen = window.open("partners")
    qtbot.keyClicks(screen.search, "l'ecran")
    qtbot.waitUntil(lambda: [e.partner.name for e in screen.entries] == ["Cinéma L'Écran"], timeout=3000)


def test_open_now_filter_and_labels(qtbot, window, clock) -> None:
    clock.when = datetime(2026, 11, 29, 23, 30)   # Sunday night: few places open
    screen = window.open("partners")
    every = len(screen.entries)
    qtbot.mouseClick(screen.open_now, Qt.MouseButton.LeftButton)
    assert 0 < len(screen.entries) < every
    assert all(e.open_now for e in screen.entries)
    qtbot.waitUntil(screen.rows_complete, timeout=3000)
    assert len(screen.rows()) == len(screen.entries)
    assert all(row._state.text() == "Ouvert" for row in screen.rows())


def test_detail_shows_offer_hours_phone_qr_and_plan(window) -> None:
    screen = window.open("partners", query="l'écran")
    screen.rows()[0].click()
    detail = window.current()
    texts = {lab.text() for lab in detail.findChildren(QLabel)}
    assert "Cinéma L'Écran" in texts
    assert "Place à 5 € au lieu de 7,50 €" in texts
    assert "Horaires" in texts and "Aujourd'hui" in texts
    assert any("01 99 00 10 15" in t for t in texts)
    assert detail._qr_card.isVisibleTo(detail) and not detail._qr.pixmap().isNull()
    image = detail._plan.grab().toImage()
    assert image.width() > 300


def test_detail_without_website_has_no_qr(window) -> None:
    screen = window.open("partners", query="boucherie ennour")
    screen.rows()[0].click()
    assert not window.current()._qr_card.isVisibleTo(window.current())


def test_long_lists_are_built_a_few_rows_at_a_time(qtbot, window) -> None:
    from kiosk.ui.screens.partner_list import FIRST_ROWS
    screen = window.open("partners")
    assert len(screen.entries) > FIRST_ROWS
    assert len(screen.rows()) == FIRST_ROWS          # the tap is answered at once
    qtbot.waitUntil(screen.rows_complete, timeout=3000)
    assert [r.entry.partner.id for r in screen.rows()] == [e.partner.id for e in screen.entries]
