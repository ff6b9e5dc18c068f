"""Tool lending's part of the mutation port (``Server.lending``), over ``central.lending``.

:class:`central.server_store.ServerStore` holds one; definitions in
``kiosk/protocol/mutations/`` see only the port (``kiosk/protocol/ports.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from central import lending
from central.feed import FeedWriter
from kiosk.domain.lending import Item, LendingPoint, LendingSuspension, Loan, Waiver
from kiosk.protocol.ports import Sender


@dataclass
class Lending:
    conn: Connection
    fw: FeedWriter
    device: Sender

    def point(self, point_id: str) -> LendingPoint | None:
        return lending.get_point(self.conn, point_id)

    def item(self, item_id: str) -> Item | None:
        return lending.get_item(self.conn, item_id)

    def lock_item(self, item_id: str) -> Item | None:
        return lending.get_item(self.conn, item_id, lock=True)

    def loan(self, loan_id: str) -> Loan | None:
        return lending.get_loan(self.conn, loan_id)

    def out_loan(self, item_id: str) -> Loan | None:
        return lending.out_loan(self.conn, item_id)

    def active_of(self, item_id: str, member_id: str) -> Loan | None:
        return lending.active_of(self.conn, item_id, member_id)

    def suspension(self, member_id: str) -> LendingSuspension | None:
        return lending.get_suspension(self.conn, member_id)

    def put_loan(self, loan: Loan, *, device_id: str) -> None:
        lending.put_loan(self.conn, self.fw, loan, device_id=device_id)

    def returned(self, loan: Loan, item: Item) -> None:
        lending.put_loan(self.conn, self.fw, loan, device_id=self.device.id)
        lending.put_item_state(self.conn, self.fw, item)

    def add_waiver(self, waiver: Waiver) -> bool:
        return lending.add_waiver(self.conn, self.fw, waiver, device_id=self.device.id)
