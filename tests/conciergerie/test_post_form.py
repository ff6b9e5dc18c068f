"""The exchange post form through the real services on a real encrypted store: from the
exchanges board, a member shows their card, picks the kind and the category, types the
text on the on-screen keyboard and posts: the outbox holds one ``post_exchange`` and "Mes
annonces" shows it waiting for the office. An empty or too long text gets its message
and nothing is posted."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _click(qtbot, window, name: str) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton
    button = window.current().findChild(QAbstractButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(qtbot, window, text: str) -> None:  # noqa: ANN001
    """Type on the on-screen keyboard, keys clicked like a finger."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLineEdit
    edit = window.current().findChild(QLineEdit, "field_exchange_text")
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    kb = window.keyboard
    if not kb.isVisible() or kb.target() is not edit:      # focus events may not arrive offscreen
        window.keyboard_controller.open_for(edit)
    assert kb.isVisible()
    for ch in text:
        if ch == " ":
            key = kb.key_for("space")
        elif ch.isupper():
            qtbot.mouseClick(kb.key_for("⇧"), Qt.MouseButton.LeftButton)
            key = kb.key_for(ch.lower())
        else:
            key = kb.key_for(ch)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert edit.text() == text


def _open_form(qtbot, window, services, member_id: str):  # noqa: ANN001, ANN202
    window.open("exchanges")
    _click(qtbot, window, "exchanges_publish")
    board = window.current()
    board.identify.scan.card_entered.emit(services.membership.cards.current_card_text(member_id))
    form = window.current()
    assert form.name == "exchange_post" and form.member_id == member_id
    return form


def _posts_in_outbox(store) -> list[dict]:  # noqa: ANN001
    return [e.payload for e in store.repos.outbox.pending() if e.mutation == "post_exchange"]


def _space_posts(window) -> str:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel
    screen = window.current()           # open posts have a row each (with "Retirer mon annonce")
    text = "\n".join([w.text() for w in screen.findChildren(QLabel, "space_open_post")]
                     + [screen.findChild(QLabel, "space_posts").text()])
    return text.replace("\u2068", "").replace("\u2069", "")


def test_a_member_posts_from_the_board_and_sees_it_waiting_in_their_space(qtbot, kiosk_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel
    _app, window, store, services = kiosk_window
    member = sorted(store.repos.members.ids())[0]
    form = _open_form(qtbot, window, services, member)
    _click(qtbot, window, "exchange_kind_offer")
    _click(qtbot, window, "exchange_post_category_sewing")
    _type(qtbot, window, "Je fais les ourlets le samedi")
    _click(qtbot, window, "exchange_post_send")
    done = form.findChild(QLabel, "exchange_post_done")
    assert done.isVisible() and "attend la relecture du bureau" in done.text()
    assert not window.keyboard.isVisible()
    [payload] = _posts_in_outbox(store)
    assert (payload["member_id"], payload["kind"], payload["category"], payload["text"]) == \
        (member, "offer", "sewing", "Je fais les ourlets le samedi")
    window.home()
    window.open("member", card_text=services.membership.cards.current_card_text(member))
    posts = _space_posts(window)
    assert "Je propose · Couture — En attente de relecture par le bureau\n« Je fais les ourlets le samedi »" in posts


def test_an_empty_or_too_long_text_gets_its_message_and_posts_nothing(qtbot, kiosk_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel, QLineEdit
    from kiosk.domain.community import TEXT_MAX
    _app, window, store, services = kiosk_window
    form = _open_form(qtbot, window, services, sorted(store.repos.members.ids())[1])
    _click(qtbot, window, "exchange_kind_request")
    _click(qtbot, window, "exchange_post_category_computing")
    _click(qtbot, window, "exchange_post_send")
    error = form.findChild(QLabel, "error_exchange_text")
    assert error.isVisible() and "Écrivez en quelques mots" in error.text()
    assert _posts_in_outbox(store) == []
    # the limit is the rule the server checks (kiosk.domain), not the editor's
    form.findChild(QLineEdit, "field_exchange_text").setText("a" * (TEXT_MAX + 1))
    _click(qtbot, window, "exchange_post_send")
    assert error.isVisible() and f"{TEXT_MAX} caractères au plus" in error.text()
    assert _posts_in_outbox(store) == []
    assert form.findChild(QLabel, "exchange_post_done").isHidden() or not form.findChild(
        QLabel, "exchange_post_done").isVisible()


def test_kind_and_category_are_asked_for(qtbot, kiosk_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel, QLineEdit
    _app, window, store, services = kiosk_window
    form = _open_form(qtbot, window, services, sorted(store.repos.members.ids())[1])
    form.findChild(QLineEdit, "field_exchange_text").setText("Je cherche de l'aide pour ma box")
    _click(qtbot, window, "exchange_post_send")
    assert form.findChild(QLabel, "error_exchange_kind").isVisible()
    assert form.findChild(QLabel, "error_exchange_category").isVisible()
    assert _posts_in_outbox(store) == []
