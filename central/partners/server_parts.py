"""The partner space's part of the mutation port (``Server.offers``, ``Server.vouchers``).

:class:`central.server_store.ServerStore` holds one of each; definitions in
``kiosk/protocol/mutations/`` see only the port (``kiosk/protocol/ports.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, select

from central import db
from central.feed import FeedWriter
from central.partners.credentials import voucher_used
from central.partners.ledger import put_voucher, voucher_by_code
from central.partners.tables import redemptions, vouchers
from central.records import get_row
from kiosk.domain.partners import Offer
from kiosk.domain.vouchers import Voucher, VoucherStatus
from kiosk.protocol.entities import OFFER, VOUCHER
from kiosk.protocol.ports import Sender


@dataclass
class Offers:
    conn: Connection

    def get(self, offer_id: str) -> Offer | None:
        row = get_row(self.conn, db.offers, id=offer_id)
        return OFFER.decode(row) if row is not None else None


@dataclass
class Vouchers:
    conn: Connection
    fw: FeedWriter
    device: Sender

    def get(self, voucher_id: str) -> Voucher | None:
        row = get_row(self.conn, vouchers, id=voucher_id)
        return VOUCHER.decode(row) if row is not None else None

    def code_taken(self, code: str) -> bool:
        return voucher_by_code(self.conn, code) is not None

    def add(self, voucher: Voucher) -> Voucher:
        """Recorded and sent to the member's building; already used if a partner redeemed
        its signed QR before this kiosk synced."""
        if voucher_used(self.conn, voucher.code):
            voucher = replace(voucher, status=VoucherStatus.USED, used_at=_used_at(self.conn, voucher.code))
        put_voucher(self.conn, self.fw, voucher, device_id=self.device.id)
        return voucher


def _used_at(conn: Connection, code: str) -> str:
    at = conn.execute(select(redemptions.c.at).where((redemptions.c.credential_id == code)
                                                     & (redemptions.c.status == "accepted")).limit(1)).scalar()
    return str(at or "")
