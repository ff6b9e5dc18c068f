"""A member takes down their own post from "Mon espace", through the real parts: the
kiosk's window (offscreen) on a real encrypted store, the conciergerie service, the
sync engine and the live server. The post is shown in the lobby of a second kiosk;
"Retirer mon annonce" asks once more, "Non, la garder" keeps it, "Oui, retirer" queues
``close_exchange``; after sync the other kiosk no longer lists it and the server has it
closed. Before that, a raw ``close_exchange`` naming the post from another member's
identity (a device of the same building) and from another building's device is refused
by the server and changes nothing."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import httpx
import pytest

from central.conciergerie_office import ConciergerieOffice
from central.demo import building_id, flat_id
from central_fixtures import enroll_over_http
from kiosk.domain.exchanges import ExchangeStatus
from kiosk.services.conciergerie import build_conciergerie

pytestmark = pytest.mark.gui
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

B1, B2 = building_id(1), building_id(2)


def _push(client: httpx.Client, headers: dict, payload: dict) -> dict:
    r = client.post("/v1/sync/push", headers=headers, json={"mutations": [
        {"seq": 1, "client_id": str(uuid.uuid4()), "mutation": "close_exchange", "payload": payload}]})
    assert r.status_code == 200, r.text
    return r.json()["results"][0]


def _window(k):  # noqa: ANN001, ANN202
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.tasks import Tasks
    data_dir = Path(k.store.db.path).parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir,
                                                                 fullscreen=False, audio_device="none")
    create_qapp()
    services = compose_services(config, k.store)
    return build_window(config, services, tasks=Tasks(services, None), idle_timeout_s=3600.0)


def test_the_author_takes_a_post_down_and_the_lobby_of_another_kiosk_loses_it(qtbot, kiosk, office,
                                                                           live_server):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    author = k1.enroll(B1, flat_id(1, 1), first="Fatou")
    neighbour = k1.enroll(B1, flat_id(1, 2), first="Lucien")
    s1, s2 = build_conciergerie(k1.store, k1.membership), build_conciergerie(k2.store, k2.membership)
    post = s1.post(author, "offer", "sewing", "Je fais les ourlets et petites retouches")
    k1.sync()
    desk = ConciergerieOffice(office.engine)
    desk.moderate_exchange(post.id, "published", by="bureau")
    k1.sync()
    k2.sync()
    assert [p.id for p in s2.published()] == [post.id]

    # attackers: the neighbour's identity on a device of the building, and another building's device
    with httpx.Client(base_url=live_server.url) as client:
        _info, same_building = enroll_over_http(client, office, B1)
        _info, other_building = enroll_over_http(client, office, B2)
        as_neighbour = _push(client, same_building, {"exchange_id": post.id, "member_id": neighbour})
        as_author_elsewhere = _push(client, other_building, {"exchange_id": post.id, "member_id": author})
    assert (as_neighbour["status"], as_neighbour["code"]) == ("rejected", "not_author")
    assert as_author_elsewhere["status"] == "rejected", as_author_elsewhere
    assert [x["id"] for x in desk.exchanges("published")] == [post.id]

    window = _window(k1)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    screen = window.open("member", card_text=k1.membership.cards.current_card_text(author))
    panel = screen.conciergerie
    qtbot.waitUntil(lambda: len(panel.open_rows) == 1)
    [row] = panel.open_rows
    assert "Je fais les ourlets" in row.text.text() and "Affichée" in row.text.text()
    assert row.withdraw.isVisible() and not row.yes.isVisible()
    row.withdraw.click()                                   # asked once more
    assert row.question.isVisible() and row.yes.isVisible() and row.no.isVisible()
    row.no.click()                                         # "Non, la garder": nothing queued
    assert row.withdraw.isVisible() and not row.question.isVisible()
    assert not [e for e in k1.store.repos.outbox.pending() if e.mutation == "close_exchange"]
    row.withdraw.click()
    row.yes.click()
    qtbot.waitUntil(lambda: panel.open_rows == [] and "Retirée" in panel.sections["posts"][1].text())
    assert panel.sections["posts"][1].isVisibleTo(panel)
    assert [e.payload for e in k1.store.repos.outbox.pending() if e.mutation == "close_exchange"] == \
        [{"exchange_id": post.id, "member_id": author}]

    k1.sync()
    k2.sync()
    assert s2.published() == [] and s2.counts_by_category() == {}
    assert [x["id"] for x in desk.exchanges("published")] == []
    assert [x["id"] for x in desk.exchanges("closed")] == [post.id]
    assert s1.my_posts(author)[0].status is ExchangeStatus.CLOSED
    window.close()
