"""Exchanges and the time ledger on the server: the mutation port's part and the feed.

:class:`Exchanges` and :class:`Timebank` are ``Server.exchanges`` / ``Server.timebank``
(``kiosk/protocol/ports.py``). Each write records its feed change: a post and its
contact requests go to the author's building; a transfer and its entries to every
building one of its members lives in. The office's pages use the same functions
(``central/conciergerie_office.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import Connection, select, update

from central import db
from central.conciergerie_tables import exchange_contacts, exchanges, time_entries, time_transfers
from central.feed import FeedWriter, building_scope
from central.records import get_row
from kiosk.domain.exchanges import ContactRequest, Exchange, ExchangeStatus
from kiosk.domain.timebank import TimeEntry, TimeTransfer
from kiosk.protocol.entities import EXCHANGE, EXCHANGE_CONTACT, TIME_ENTRY, TIME_TRANSFER
from kiosk.protocol.ports import Sender


def publish_exchange(conn: Connection, fw: FeedWriter, exchange_id: str) -> None:
    row = get_row(conn, exchanges, id=exchange_id)
    if row is not None:
        fw.put(building_scope(row["building_id"]), EXCHANGE, EXCHANGE.decode(row))


def transfer_of(row: dict[str, object]) -> TimeTransfer:
    return TIME_TRANSFER.decode(row | {"reverses": row.get("reverses") or ""})


def entries_of(conn: Connection, transfer_id: str) -> list[TimeEntry]:
    rows = conn.execute(select(time_entries).where(time_entries.c.transfer_id == transfer_id)
                        .order_by(time_entries.c.minutes.desc(), time_entries.c.member_id)).mappings()
    return [TIME_ENTRY.decode(r) for r in rows]


def add_transfer(conn: Connection, fw: FeedWriter, transfer: TimeTransfer, entries: Sequence[TimeEntry], *,
                 device_id: str = "") -> None:
    """The transfer and its entries (they must sum to zero), to each member's building."""
    if sum(e.minutes for e in entries) != 0 or {e.transfer_id for e in entries} != {transfer.id}:
        raise ValueError("timebank.unbalanced")
    values = TIME_TRANSFER.encode(transfer)
    values["reverses"] = values["reverses"] or None
    conn.execute(time_transfers.insert().values(**values, device_id=device_id))
    conn.execute(time_entries.insert(), [TIME_ENTRY.encode(e) for e in entries])
    ids = [e.member_id for e in entries]
    buildings = {r[0] for r in conn.execute(select(db.members.c.building_id).where(db.members.c.id.in_(ids)))}
    for b in sorted(buildings | {transfer.building_id}):
        fw.put(building_scope(b), TIME_TRANSFER, transfer)
        for e in entries:
            fw.put(building_scope(b), TIME_ENTRY, e)


@dataclass
class Exchanges:
    conn: Connection
    fw: FeedWriter
    device: Sender

    def get(self, exchange_id: str) -> Exchange | None:
        row = get_row(self.conn, exchanges, id=exchange_id)
        return EXCHANGE.decode(row) if row is not None else None

    def add(self, exchange: Exchange) -> None:
        self.conn.execute(exchanges.insert().values(**EXCHANGE.encode(exchange), device_id=self.device.id))
        publish_exchange(self.conn, self.fw, exchange.id)

    def close(self, exchange_id: str) -> None:
        self.conn.execute(update(exchanges).where(exchanges.c.id == exchange_id)
                          .values(status=ExchangeStatus.CLOSED.value))
        publish_exchange(self.conn, self.fw, exchange_id)

    def contact_exists(self, contact_id: str) -> bool:
        return get_row(self.conn, exchange_contacts, id=contact_id) is not None

    def add_contact(self, contact: ContactRequest) -> None:
        self.conn.execute(exchange_contacts.insert().values(**EXCHANGE_CONTACT.encode(contact)))
        self.fw.put(building_scope(contact.building_id), EXCHANGE_CONTACT, contact)


@dataclass
class Timebank:
    conn: Connection
    fw: FeedWriter
    device: Sender

    def get(self, transfer_id: str) -> TimeTransfer | None:
        row = get_row(self.conn, time_transfers, id=transfer_id)
        return transfer_of(row) if row is not None else None

    def lock(self, transfer_id: str) -> TimeTransfer | None:
        q = select(time_transfers).where(time_transfers.c.id == transfer_id)
        if self.conn.dialect.name == "postgresql":
            q = q.with_for_update()
        row = self.conn.execute(q).mappings().first()
        return transfer_of(dict(row)) if row is not None else None

    def entries_of(self, transfer_id: str) -> list[TimeEntry]:
        return entries_of(self.conn, transfer_id)

    def reversed_by(self, transfer_id: str) -> str | None:
        found = self.conn.execute(select(time_transfers.c.id).where(time_transfers.c.reverses == transfer_id)).scalar()
        return str(found) if found else None

    def add(self, transfer: TimeTransfer, entries: Sequence[TimeEntry]) -> None:
        add_transfer(self.conn, self.fw, transfer, entries, device_id=self.device.id)


def forget_member_exchanges(conn: Connection, fw: FeedWriter, member_id: str) -> int:
    """Erasure: the member's posts (with the requests on them) and the contact requests
    they sent are deleted, here and on the kiosks. Their time entries stay (the ledger
    must stay balanced), under an id that no longer names anyone."""
    posts = conn.execute(select(exchanges.c.id, exchanges.c.building_id)
                         .where(exchanges.c.member_id == member_id)).all()
    post_ids = [p.id for p in posts]
    contacts = conn.execute(select(exchange_contacts.c.id, exchange_contacts.c.building_id).where(
        exchange_contacts.c.exchange_id.in_(post_ids) | (exchange_contacts.c.from_member_id == member_id))).all()
    for c in contacts:
        fw.delete(building_scope(c.building_id), EXCHANGE_CONTACT, c.id)
    conn.execute(exchange_contacts.delete().where(exchange_contacts.c.id.in_([c.id for c in contacts])))
    for p in posts:
        fw.delete(building_scope(p.building_id), EXCHANGE, p.id)
    conn.execute(exchanges.delete().where(exchanges.c.id.in_(post_ids)))
    return len(posts)
