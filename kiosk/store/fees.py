"""Membership fee payments kept on the kiosk, and the device's receipt counter.

``fee_payments`` rows are written by the ``record_fee_payment`` mutation's local effect
and by the feed (payments other kiosks of the building recorded); they go with their
member (``ON DELETE CASCADE``). :meth:`FeesRepository.next_receipt_counter` must run in the
same ``atomic()`` as the payment's record. No Qt here.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain import fees
from kiosk.domain.fees import Payment, PaymentStatus
from kiosk.store.base import Repository


class FeesRepository(Repository):
    def add_if_absent(self, payment: Payment) -> None:
        self._insert_if_absent("fee_payments", payment, ("id",))

    def refuse(self, payment_id: str) -> None:
        self._exec("UPDATE fee_payments SET status = ? WHERE id = ?", (PaymentStatus.REFUSED.value, payment_id))

    def get(self, payment_id: str) -> Payment | None:
        return self._one(Payment, "SELECT * FROM fee_payments WHERE id = ?", (payment_id,))

    def of_member(self, member_id: str) -> list[Payment]:
        return self._all(Payment, "SELECT * FROM fee_payments WHERE member_id = ? ORDER BY paid_on, receipt_number",
                         (member_id,))

    def paid_until(self, member_id: str) -> date | None:
        return fees.paid_until(self.of_member(member_id))

    def next_receipt_counter(self) -> int:
        """This device's next receipt counter (1, 2, ...), bumped now."""
        self._exec("INSERT INTO fee_receipt_counter (one, last) VALUES (1, 1) "
                   "ON CONFLICT (one) DO UPDATE SET last = last + 1")
        return int(self._scalar("SELECT last FROM fee_receipt_counter WHERE one = 1"))
