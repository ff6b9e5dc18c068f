"""Demo exchanges and time transfers (deterministic ids, idempotent), for the demo and
the office pages: posts in each moderation state, a two-party transfer, a workshop
(one host, four attendees) and a reversed mistake."""

from __future__ import annotations

from typing import Callable, Sequence

from sqlalchemy import Connection

from central.conciergerie import add_transfer, publish_exchange
from central.conciergerie_tables import exchanges
from central.feed import FeedWriter
from central.records import get_row
from kiosk.domain.timebank import Confirmation, TimeTransfer, reversal_entries, transfer_entries

POSTS = [("offer", "diy", "Je peux monter vos meubles en kit le samedi matin", "published"),
         ("request", "childcare", "Je cherche quelqu'un pour garder mon fils le mercredi après-midi", "published"),
         ("offer", "sewing", "Ourlets et petites retouches, je le fais volontiers", "published"),
         ("offer", "computing", "J'aide à utiliser le site de la CAF et à créer une adresse e-mail", "pending"),
         ("request", "gardening", "Qui veut planter des bulbes dans les bacs de la cour ?", "published"),
         ("offer", "other", "Vente de gâteaux maison, 3 € la part", "refused")]


def seed_conciergerie(conn: Connection, fw: FeedWriter, member_ids: Sequence[str], buildings: dict[str, str],
                      stamp: Callable[[int], str]) -> None:
    """``buildings``: member id → building id; ``stamp(days_ago)``: an ISO time."""
    for k, (kind, cat, text, status) in enumerate(POSTS):
        xid = f"demo-exchange-{k + 1}"
        if get_row(conn, exchanges, id=xid) is None:
            mid = member_ids[(k * 5 + 2) % len(member_ids)]
            conn.execute(exchanges.insert().values(
                id=xid, member_id=mid, building_id=buildings[mid], kind=kind, category=cat, text=text, status=status,
                reason="Les ventes ne sont pas des échanges entre voisins" if status == "refused" else "",
                created_at=stamp(20 - k), moderated_by="" if status == "pending" else "bureau"))
            publish_exchange(conn, fw, xid)
    from central.conciergerie_tables import time_transfers
    if get_row(conn, time_transfers, id="demo-transfer-1") is None:
        a, b, host = member_ids[1], member_ids[2], member_ids[4]
        attendees = [m for m in member_ids[5:15] if buildings[m] == buildings[host]][:4]
        made = [("demo-transfer-1", a, [(b, 90)], Confirmation.CARDS, ""),
                ("demo-transfer-2", host, [(m, 120) for m in attendees], Confirmation.STAFF, "demo-caretaker"),
                ("demo-transfer-3", b, [(a, 600)], Confirmation.STAFF, "demo-caretaker")]
        for i, (tid, provider, shares, how, staff) in enumerate(made):
            t = TimeTransfer(tid, buildings[provider], provider, how, staff, "",
                             "Atelier cuisine" if len(shares) > 1 else "", stamp(15 - 3 * i))
            add_transfer(conn, fw, t, transfer_entries(tid, provider, shares))
        original = transfer_entries("demo-transfer-3", b, [(a, 600)])
        add_transfer(conn, fw, TimeTransfer("demo-transfer-4", buildings[b], b, Confirmation.OFFICE, "bureau",
                                            "demo-transfer-3", "Saisie en double", stamp(5)),
                     reversal_entries("demo-transfer-4", original))
