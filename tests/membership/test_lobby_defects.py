"""Defects a walk-through found (issue 13), each through the real screens and store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from kiosk.domain.members import MemberStatus
from kiosk.services.members import MemberSummary
from kiosk.ui.layout_check import clipped
from kiosk.ui.theme import TOUCH_MIN

from .test_screens import click, make_window, pick_flat, type_text

pytestmark = pytest.mark.gui


def test_household_typed_kept_removable_and_each_gets_a_card(qtbot, config, store, clock) -> None:
    """Defect 1: a name typed without "Ajouter" was dropped on "Suivant"; added people
    could not be removed; the spouse could not get a card from the household list."""
    window = make_window(qtbot, config, store, clock)
    window.open("join")
    join = window.current()
    type_text(qtbot, window, "field_first_name", "anaïs")        # typed in lower case (defect 7)
    type_text(qtbot, window, "field_last_name", "benali")
    click(qtbot, window, "join_next")
    pick_flat(qtbot, window)
    click(qtbot, window, "join_next")
    type_text(qtbot, window, "field_phone", "0612345678")
    type_text(qtbot, window, "field_household", "Karim")
    click(qtbot, window, "household_add")
    type_text(qtbot, window, "field_household", "Lina")
    click(qtbot, window, "household_add")
    type_text(qtbot, window, "field_household", "joël")          # typed, not added
    click(qtbot, window, "household_remove_1")                   # Lina removed
    click(qtbot, window, "join_next")
    assert join.household_names == ["Karim", "joël"]
    click(qtbot, window, "notice_accept")
    click(qtbot, window, "join_next")
    card = window.current()
    assert card.name == "member_card"
    member = next(m for m in _members(store) if m.last_name == "Benali")
    assert (member.first_name, [h.first_name for h in member.household]) == ("Anaïs", ["Karim", "Joël"])  # defect 7
    click(qtbot, window, "card_household_1")
    again = window.current()
    assert again.name == "join" and again.first_name.text() == "Joël" and again.last_name.text() == "Benali"
    assert again.place.flat_id() == member.flat_id


def _members(store):
    return store.db.run(lambda c: [store.repos.members.get(r[0]) for r in c.execute("SELECT id FROM members")])


def test_keyboard_in_landscape_keeps_every_key_whole_and_the_field_in_view(qtbot, config, store, clock) -> None:
    """Defect 2: at 1920 × 1080 the keyboard's rows overlapped, its bottom row (Fermer,
    Espace, Valider) was cut, and only one field stayed visible."""
    window = make_window(qtbot, config, store, clock)
    window.resize(1920, 1080)
    window.open("join")
    QApplication.processEvents()
    type_text(qtbot, window, "field_first_name", "A")
    kb = window.keyboard
    QApplication.processEvents()
    keys = [k for k in kb.keys("text") if k.isVisible()]
    rects = [QRect(k.mapTo(kb, k.rect().topLeft()), k.size()) for k in keys]
    assert all(kb.rect().contains(r) for r in rects)                      # nothing cut
    assert all(k.height() >= TOUCH_MIN for k in keys)
    for i, a in enumerate(rects):                                         # nothing overlaps
        hits = [(keys[i + 1 + j].objectName(), b) for j, b in enumerate(rects[i + 1:]) if a.intersects(b)]
        assert not hits, (keys[i].objectName(), hits, kb.height(), window.height())
    for ch in ("hide", "space", "enter", "ï", "ë", "â", "û", "ü", "ÿ", "œ", "æ"):   # defect 7 too
        assert kb.key_for(ch).isVisible(), ch
    field = window.current().first_name.edit
    area = window.current().steps.currentWidget()
    visible = area.viewport().rect()
    top_left = field.mapTo(area.viewport(), field.rect().topLeft())
    assert visible.contains(QRect(top_left, field.size()))               # the field is above the keys
    assert window.stack.height() >= 250                                   # room for more than one field


def test_duplicate_review_buttons_say_which_is_which_in_french_portrait(qtbot, config, store, clock) -> None:
    """Defect 3: the words saying which action is which were cut off."""
    window = make_window(qtbot, config, store, clock)
    match = MemberSummary("m1", "ABCD-1234", "Yasmina", "Benkhelifa", "Bâtiment A, escalier A, 2e étage, porte 202",
                          "06 •• •• •• 78", MemberStatus.ACTIVE)
    window.open("member_duplicates", form=None, notice=None, matches=[match], session=None)
    QApplication.processEvents()
    assert clipped(window.current()) == []


def test_identifier_fields_keep_the_latin_keyboard_in_arabic(qtbot, config, store, clock) -> None:
    """Defect 7: the staff id and the card number opened the Arabic layout."""
    window = make_window(qtbot, config, store, clock)
    window.languages.set_language("ar")
    window.open("staff")
    window.keyboard_controller.open_for(window.current().staff_id.edit)
    assert window.keyboard.page == "text"
    scan = window.open("scan")
    window.keyboard_controller.open_for(scan.panel.number_edit)
    assert window.keyboard.page == "text"
    window.open("join")
    window.keyboard_controller.open_for(window.current().first_name.edit)
    assert window.keyboard.page == "arabic"                               # names: the person's script


def test_arabic_shows_places_in_arabic_isolates_data_and_mirrors_the_card(qtbot, config, store, clock) -> None:
    """Defect 8: "rez-de-chaussée, porte 001" and "1e" stayed French in Arabic, mixed rows
    zigzagged, and the card face stayed left to right."""
    from kiosk.services.cards import CardFace
    from kiosk.ui import formatting
    from kiosk.ui.membership.card_print import card_image
    window = make_window(qtbot, config, store, clock)
    assert formatting.place("Escalier A, 1e étage, porte 101") == "Escalier A, 1er étage, porte 101"
    window.languages.set_language("ar")
    assert formatting.place("Escalier A, rez-de-chaussée, porte 001") == "الدرج A، الطابق الأرضي، الباب 001"
    assert formatting.place("Résidence du Parc") == "\u2068Résidence du Parc\u2069"
    window.open("join")
    click(qtbot, window, "join_next")      # errors; then the home step
    join = window.current()
    join._show_step(1)
    pick_flat(qtbot, window)
    texts = [b.text() for b in join.place.flats._buttons.values()]
    assert texts and all("الباب" in t and "porte" not in t for t in texts)

    def dark_share(img, left: bool) -> float:
        xs = range(0, img.width() // 2) if left else range(img.width() // 2, img.width())
        dark = sum(1 for x in xs for y in range(img.height() // 3, img.height(), 4) if img.pixelColor(x, y).value() < 60)
        return dark
    face = CardFace(club_name="Club des locataires", first_name="سامية", number="ABCD-1234",
                    building="Bâtiment A", expires="2028-01-01", qr_text="CK1:test")
    rtl = card_image(face, 600)   # the application is right to left now
    window.languages.set_language("fr")
    ltr = card_image(face, 600)
    assert dark_share(ltr, left=False) > dark_share(ltr, left=True)       # QR on the right in French
    assert dark_share(rtl, left=True) > dark_share(rtl, left=False)       # and on the left in Arabic
