"""Vouchers printed here (and as the server settles them) and members' savings totals.

``vouchers`` rows are written by the ``issue_voucher`` mutation's local effect and by
the feed (the server says when one was used); ``member_savings`` only by the feed. Both
go with their member (``ON DELETE CASCADE``). No Qt here.
"""

from __future__ import annotations

from kiosk.domain.savings import MemberSaving
from kiosk.domain.vouchers import Voucher, VoucherStatus
from kiosk.store.base import Repository


class VouchersRepository(Repository):
    def add_if_absent(self, voucher: Voucher) -> None:
        self._insert_if_absent("vouchers", voucher, ("id",))

    def refuse(self, voucher_id: str) -> None:
        self._exec("UPDATE vouchers SET status = ? WHERE id = ? AND status = 'open'",
                   (VoucherStatus.REFUSED.value, voucher_id))

    def get(self, voucher_id: str) -> Voucher | None:
        return self._one(Voucher, "SELECT * FROM vouchers WHERE id = ?", (voucher_id,))

    def open_for(self, member_id: str, offer_id: str, today: str) -> Voucher | None:
        """The member's voucher for this offer still good on ``today`` (ISO date), if any."""
        return self._one(Voucher, "SELECT * FROM vouchers WHERE member_id = ? AND offer_id = ? AND status = 'open' "
                                  "AND expires >= ? ORDER BY issued DESC LIMIT 1", (member_id, offer_id, today))

    def of_member(self, member_id: str) -> list[Voucher]:
        return self._all(Voucher, "SELECT * FROM vouchers WHERE member_id = ? ORDER BY issued DESC, id",
                         (member_id,))


class SavingsRepository(Repository):
    def of_member(self, member_id: str, year: int) -> list[MemberSaving]:
        return self._all(MemberSaving, "SELECT * FROM member_savings WHERE member_id = ? AND year = ? "
                                       "ORDER BY amount_cents DESC, label", (member_id, year))
