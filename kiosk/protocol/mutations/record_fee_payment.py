"""``record_fee_payment``: staff took a member's membership fee in cash at a kiosk (offline).

The kiosk computes the amount from the club's policy (``kiosk/domain/fees.py``) and
prints a receipt whose number it made itself: the device's short id and a counter kept
in its store, bumped in the same transaction as this record, so two kiosks offline never
give the same number. The server keeps each payment once; a receipt number it already
holds (a restored kiosk reusing its counter) is ``fee_receipt_taken``. Scope: the member
lives in the device's buildings, the staff member is known. Cash only: there is no card
payment.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from kiosk.domain.fees import MAX_MONTHS, Payment, receipt_problem
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import FEE_PAYMENT
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


def _receipt(value: str) -> str:
    problem = receipt_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _day(value: str) -> str:
    from datetime import date
    date.fromisoformat(value)
    return value


Receipt = Annotated[str, AfterValidator(_receipt)]
Day = Annotated[str, AfterValidator(_day)]


class RecordFeePayment(Payload):
    id: Id                                   # the payment, made by the kiosk
    member_id: Id
    staff_id: Id
    months: int = Field(ge=1, le=MAX_MONTHS)
    amount_cents: int = Field(gt=0, le=100_00 * MAX_MONTHS)
    paid_on: Day
    receipt_number: Receipt
    created_at: str = ""

    def payment(self, member_id: str | None = None) -> Payment:
        return Payment(self.id, member_id or self.member_id, self.months, self.amount_cents, self.paid_on,
                       self.receipt_number, self.staff_id, self.created_at)


class RecordFeePaymentDefinition(Definition[RecordFeePayment]):
    model = RecordFeePayment

    def scope(self, p: RecordFeePayment) -> list[Ref]:
        return [Ref.member(p.member_id), Ref.staff(p.staff_id)]

    def touches(self, p: RecordFeePayment) -> list[str]:
        return [FEE_PAYMENT.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: RecordFeePayment) -> None:
        kiosk.fees.add_if_absent(p.payment())

    def on_rejected(self, kiosk: KioskRepos, p: RecordFeePayment, code: str) -> None:
        kiosk.fees.refuse(p.id)

    def server_effect(self, server: Server, sender: Sender, p: RecordFeePayment) -> Outcome:
        if server.fees.get(p.id) is not None:
            raise Rejected("fee_payment_exists")
        if server.fees.receipt_taken(p.receipt_number):
            raise Rejected("fee_receipt_taken")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        server.fees.add(p.payment(member.id))
        return Outcome.applied()

    def examples(self, world: World) -> list[RecordFeePayment]:
        pid = world.new_id()
        return [RecordFeePayment(id=pid, member_id=world.member_id, staff_id=world.staff_id, months=3,
                                 amount_cents=300, paid_on="2026-01-05",
                                 receipt_number=f"EX{pid.replace('-', '')[:4].upper()}-00001")]


DEFINITION = RecordFeePaymentDefinition()
