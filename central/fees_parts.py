"""The membership fee's part of the mutation port (``Server.fees``).

:class:`central.server_store.ServerStore` holds one; definitions in
``kiosk/protocol/mutations/`` see only the port (``kiosk/protocol/ports.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from central import db
from central.feed import FeedWriter, building_scope
from central.fees_tables import fee_payments
from central.records import get_row, upsert_row
from kiosk.domain.fees import FeePolicy, MemberKind, Payment
from kiosk.protocol.entities import FEE_PAYMENT
from kiosk.protocol.ports import Sender


@dataclass
class Fees:
    conn: Connection
    fw: FeedWriter
    device: Sender

    def get(self, payment_id: str) -> Payment | None:
        row = get_row(self.conn, fee_payments, id=payment_id)
        return _decode(row) if row is not None else None

    def policy_of_building(self, building_id: str) -> FeePolicy:
        """The fee the office set on the building's estate (the same rule the kiosks read from the feed)."""
        row = self.conn.execute(select(db.estates).join(db.buildings, db.buildings.c.estate_id == db.estates.c.id)
                                .where(db.buildings.c.id == building_id)).mappings().first()
        if row is None:
            return FeePolicy.free()
        return FeePolicy({MemberKind.TENANT: int(row["fee_tenant_cents"]), MemberKind.OTHER: int(row["fee_other_cents"])},
                         bool(row["fee_blocks_lending"]))

    def receipt_taken(self, receipt_number: str) -> bool:
        return get_row(self.conn, fee_payments, receipt_number=receipt_number) is not None

    def add(self, payment: Payment) -> None:
        upsert_row(self.conn, fee_payments, FEE_PAYMENT.encode(payment) | {"device_id": self.device.id})
        member = get_row(self.conn, db.members, id=payment.member_id)
        if member is not None and member["status"] != "left":
            self.fw.put(building_scope(member["building_id"]), FEE_PAYMENT, payment)


def _decode(row: dict[str, object]) -> Payment:
    return FEE_PAYMENT.decode({k: v for k, v in row.items() if k != "device_id"})
