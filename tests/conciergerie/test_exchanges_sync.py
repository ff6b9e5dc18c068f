"""Neighbours' exchanges through the real services, two kiosks and the live server.

A post waits for the office; published, the other kiosk shows it in its category; a
neighbour answers it and the author finds the request in their space on their kiosk,
without any phone number; a refused post keeps the office's reason for its author; a
closed one leaves the lobby. Bad input is refused with its code before anything is queued.
"""

from __future__ import annotations

import pytest

from central.conciergerie_office import ConciergerieOffice, OfficeRefusal
from central.demo import building_id, flat_id
from kiosk.domain.errors import ValidationError
from kiosk.domain.exchanges import ExchangeCategory, ExchangeStatus
from kiosk.services.conciergerie import ConciergerieError, build_conciergerie

B1 = building_id(1)


def test_a_post_is_moderated_answered_and_closed_across_kiosks(kiosk, office) -> None:  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    author = k1.enroll(B1, flat_id(1, 1), first="Fatou", phone="06 11 22 33 44")
    neighbour = k1.enroll(B1, flat_id(1, 2), first="Lucien")
    s1, s2 = build_conciergerie(k1.store, k1.membership), build_conciergerie(k2.store, k2.membership)
    post = s1.post(author, "offer", "sewing", "Je fais les ourlets et petites retouches")
    assert post.status is ExchangeStatus.PENDING and s1.published() == []       # not in the lobby yet
    assert [p.id for p in s1.my_posts(author)] == [post.id]                     # but in the author's space
    k1.sync()
    k2.sync()
    assert s2.published() == []
    desk = ConciergerieOffice(office.engine)
    assert [x["id"] for x in desk.exchanges("pending")] == [post.id]
    desk.moderate_exchange(post.id, "published", by="bureau")
    k2.sync()
    assert [p.id for p in s2.published(ExchangeCategory.SEWING)] == [post.id]
    assert s2.published(ExchangeCategory.DIY) == [] and s2.counts_by_category() == {"sewing": 1}

    contact = s2.request_contact(neighbour, post.id)
    with pytest.raises(ConciergerieError, match="exchange.already_asked"):
        s2.request_contact(neighbour, post.id)
    with pytest.raises(ConciergerieError, match="exchange.own_post"):
        s2.request_contact(author, post.id)
    k2.sync()
    k1.sync()
    received = s1.contacts_received(author)
    assert [(c.id, c.from_member_id) for c in received] == [(contact.id, neighbour)]
    assert "+33611223344" not in repr(received) and "06 11" not in repr(received)

    s1.close(author, post.id)
    with pytest.raises(ConciergerieError, match="exchange.not_yours"):
        s1.close(neighbour, post.id)
    k1.sync()
    k2.sync()
    assert s2.published() == [] and s2.my_posts(author)[0].status is ExchangeStatus.CLOSED


def test_a_refusal_keeps_its_reason_and_bad_posts_never_leave_the_kiosk(kiosk, office) -> None:  # noqa: ANN001
    k1 = kiosk("k1", B1)
    author = k1.enroll(B1, flat_id(1, 1))
    s1 = build_conciergerie(k1.store, k1.membership)
    queued = k1.store.repos.outbox.pending_count()
    with pytest.raises(ValidationError) as bad:
        s1.post(author, "offer", "cooking", "Appelez le 06 12 34 56 78 pour des crêpes")
    assert [e.code for e in bad.value.errors] == ["community.personal_details"]
    with pytest.raises(ValidationError) as bad:
        s1.post(author, "gift", "nothing", "ok")
    assert {e.field for e in bad.value.errors} == {"kind", "category", "text"}
    assert k1.store.repos.outbox.pending_count() == queued
    post = s1.post(author, "request", "paperwork", "Je cherche de l'aide pour ma déclaration CAF")
    k1.sync()
    desk = ConciergerieOffice(office.engine)
    with pytest.raises(OfficeRefusal, match="exchange.reason_needed"):
        desk.moderate_exchange(post.id, "refused", by="bureau")
    desk.moderate_exchange(post.id, "refused", "Voyez plutôt la permanence CAF du mardi", by="bureau")
    k1.sync()
    mine = s1.my_posts(author)[0]
    assert (mine.status, mine.reason) == (ExchangeStatus.REFUSED, "Voyez plutôt la permanence CAF du mardi")
    assert s1.published() == []


def test_an_erased_member_leaves_no_post_and_the_ledger_stays_balanced(kiosk, office) -> None:  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    author = k1.enroll(B1, flat_id(1, 1), first="Fatou")
    neighbour = k1.enroll(B1, flat_id(1, 2), first="Lucien")
    s1, s2 = build_conciergerie(k1.store, k1.membership), build_conciergerie(k2.store, k2.membership)
    post = s1.post(author, "offer", "cooking", "Je prépare des repas pour deux le dimanche")
    s1.transfer_by_staff(k1.session, author, [(neighbour, 60)])
    k1.sync()
    ConciergerieOffice(office.engine).moderate_exchange(post.id, "published", by="bureau")
    k2.sync()
    s2.request_contact(neighbour, post.id)
    k2.sync()
    k1.erase(author)
    k1.sync()
    k2.sync()
    assert ConciergerieOffice(office.engine).exchanges() == []
    assert s2.published() == [] and s2.contacts_received(author) == []
    assert sum(k2.store.repos.timebank.balances().values()) == 0
    assert sum(b["balance"] for b in ConciergerieOffice(office.engine).balances()) == 0
