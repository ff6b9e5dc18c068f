"""Exchanges and time credits in "Mon espace", through the real services on a real
encrypted store: a post waits for the office (it is in the outbox, and "Mes annonces"
says so), contact requests received and sent are listed without any phone number, and
the balance is the sum of the member's entries, in the "1 h 30" format."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def _panel_text(window) -> str:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel
    screen = window.current()
    open_posts = [w.text() for w in screen.findChildren(QLabel, "space_open_post")]   # each with its button
    text = "\n".join(open_posts + [screen.findChild(QLabel, f"space_{k}").text()
                                   for k in ("posts", "received", "sent", "time")])
    return text.replace("\u2068", "").replace("\u2069", "")     # members' texts are bidi-isolated


def test_a_post_waits_for_the_office_and_the_balance_is_the_sum_of_entries(kiosk_window) -> None:  # noqa: ANN001
    _app, window, store, services = kiosk_window
    c = services.conciergerie
    a, b = sorted(store.repos.members.ids())[:2]
    card_a, card_b = (services.membership.cards.current_card_text(m) for m in (a, b))
    c.post(a, "offer", "diy", "Je monte vos meubles en kit le samedi matin")
    assert [e.payload["text"] for e in store.repos.outbox.pending() if e.mutation == "post_exchange"] == \
        ["Je monte vos meubles en kit le samedi matin"]
    c.transfer_by_cards(card_a, card_b, 90)
    c.transfer_by_cards(card_b, card_a, 30)
    c.transfer_by_cards(card_a, card_b, 15)
    window.open("member", card_text=card_a)
    posts = _panel_text(window)
    assert "Je monte vos meubles en kit" in posts and "En attente de relecture par le bureau" in posts
    time = _panel_text(window)
    assert "Solde : 1\u00a0h\u00a015" in time           # 90 - 30 + 15
    assert "+1\u00a0h\u00a030" in time and "-30\u00a0min" in time and "+15\u00a0min" in time
    window.home()
    window.open("member", card_text=card_b)
    assert "Solde : -1\u00a0h\u00a015" in _panel_text(window)


def test_contact_requests_received_and_sent_show_no_phone_number(kiosk_window) -> None:  # noqa: ANN001
    from kiosk.domain.exchanges import Exchange, ExchangeCategory, ExchangeKind, ExchangeStatus
    _app, window, store, services = kiosk_window
    a, b = sorted(store.repos.members.ids())[:2]
    member_a, member_b = store.repos.members.get(a), store.repos.members.get(b)
    store.repos.exchanges.add_if_absent(Exchange("x-1", b, member_b.building_id, ExchangeKind.REQUEST,
                                                 ExchangeCategory.COMPUTING, "Aide pour ma box internet",
                                                 ExchangeStatus.PUBLISHED, created_at="2026-12-01T10:00:00+00:00"))
    services.conciergerie.request_contact(a, "x-1")
    window.open("member", card_text=services.membership.cards.current_card_text(a))
    text = _panel_text(window)
    assert "Vous avez demandé le contact pour « Aide pour ma box internet »" in text
    window.home()
    window.open("member", card_text=services.membership.cards.current_card_text(b))
    text = _panel_text(window)
    assert "Un voisin voudrait vous joindre pour « Aide pour ma box internet »" in text
    assert "Affichée" in text
    for phone in (member_a.phone, member_b.phone):
        digits = "".join(ch for ch in phone if ch.isdigit())
        assert digits[-4:] not in "".join(ch for ch in text if ch.isdigit())
