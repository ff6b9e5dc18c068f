"""The on-screen keyboard: opens for text fields, types through its keys, never covers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

pytestmark = pytest.mark.gui


def _focus(qtbot, window, field: QLineEdit) -> None:
    """A finger on the field (a field may already hold the focus Qt gave the new screen:
    that alone must not open the keyboard, the touch does)."""
    window.activateWindow()
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.keyboard.isVisible(), timeout=2000)


def test_the_keyboard_does_not_open_unasked_when_a_screen_is_shown(qtbot, window) -> None:
    """Defect 5: the partner list's search field took the focus and the keyboard covered
    half the list before anyone touched anything."""
    for name, kwargs in (("partners", {"category": "food"}), ("directory", {})):
        window.home()
        window.open(name, **kwargs)
        qtbot.wait(30)
        assert not window.keyboard.isVisible(), name


def _press(qtbot, kb, *chars: str) -> None:
    for ch in chars:
        qtbot.mouseClick(kb.key_for(ch), Qt.MouseButton.LeftButton)


def test_typing_through_the_keys(qtbot, window) -> None:
    screen = window.open("directory")
    _focus(qtbot, window, screen.search)
    kb = window.keyboard
    assert kb.page == "text" and kb.target() is screen.search
    _press(qtbot, kb, "⇧", "e", "p", "i", "c", "e", "r", "i", "e", "space", "é", "è", "ç", "@", "1")
    assert screen.search.text() == "Epicerie éèç@1"
    _press(qtbot, kb, "⌫", "⌫")
    assert screen.search.text() == "Epicerie éèç"
    assert screen.search.hasFocus()      # the keys never take the focus


def test_enter_key_submits(qtbot, window) -> None:
    screen = window.open("directory")
    _focus(qtbot, window, screen.search)
    _press(qtbot, window.keyboard, "e", "p", "i", "c", "e", "r", "i", "e", "enter")
    assert window.current().name == "partners"
    assert [e.partner.name for e in window.current().entries] == ["Épicerie solidaire du Landy"]


def test_hardware_keyboard_still_works(qtbot, window) -> None:
    screen = window.open("directory")
    _focus(qtbot, window, screen.search)
    qtbot.keyClicks(screen.search, "fleurs")
    assert screen.search.text() == "fleurs"


def test_numeric_pad_for_digit_fields(qtbot, window) -> None:
    screen = window.open("directory")
    phone = QLineEdit(screen)
    phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
    phone.show()
    _focus(qtbot, window, phone)
    assert window.keyboard.page == "numeric"
    _press(qtbot, window.keyboard, "0", "6", "1", "2")
    assert phone.text() == "0612"
    pin = QLineEdit(screen)
    pin.setProperty("keyboard", "numeric")
    pin.show()
    _focus(qtbot, window, pin)
    assert window.keyboard.page == "numeric" and window.keyboard.target() is pin


def test_arabic_layout_when_arabic_is_chosen(qtbot, window) -> None:
    window.languages.set_language("ar")
    screen = window.open("directory")
    _focus(qtbot, window, screen.search)
    assert window.keyboard.page == "arabic"
    _press(qtbot, window.keyboard, "خ", "ب", "ز")
    assert screen.search.text() == "خبز"
    qtbot.mouseClick(window.keyboard.key_for("switch"), Qt.MouseButton.LeftButton)
    assert window.keyboard.page == "text"


def test_keyboard_never_covers_the_field(qtbot, window) -> None:
    for size in ((1080, 1920), (1920, 1080)):
        window.resize(*size)
        screen = window.open("partners")
        _focus(qtbot, window, screen.search)
        qtbot.wait(20)
        field_bottom = screen.search.mapTo(window, QPoint(0, screen.search.height())).y()
        assert field_bottom <= window.keyboard.geometry().top()
        window.home()


def test_keyboard_hides_when_the_field_loses_focus_or_on_close(qtbot, window) -> None:
    screen = window.open("directory")
    _focus(qtbot, window, screen.search)
    qtbot.mouseClick(window.keyboard.key_for("hide"), Qt.MouseButton.LeftButton)
    assert not window.keyboard.isVisible()
    _focus(qtbot, window, screen.search)
    window.back()
    assert not window.keyboard.isVisible()


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_no_key_label_is_clipped_in_large_text_in_either_orientation(qtbot, window, lang) -> None:
    """Defect (issue 12): in large text, portrait, fr, "Fermer" was 10 px narrower than its label."""
    from kiosk.ui.layout_check import clipped
    window.languages.set_language(lang)
    window.set_appearance(large_text=True)
    screen = window.open("partners")
    for size in ((1080, 1920), (1920, 1080)):
        window.resize(*size)
        _focus(qtbot, window, screen.search)
        kb = window.keyboard
        for page in ("text", "arabic", "numeric"):
            kb.set_page(page)
            qtbot.waitUntil(lambda: kb.key_for("hide", page).isVisible())
            qtbot.waitUntil(lambda: kb.key_for("hide", page).width() > 60)
            assert clipped(kb) == [], (lang, size, page)
        kb.closed.emit()
        qtbot.waitUntil(lambda: not kb.isVisible())
    window.set_appearance(large_text=False)
