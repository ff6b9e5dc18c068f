"""``record_fee_payment``: staff took a member's membership fee in cash at a kiosk (offline).

The kiosk computes the amount from the club's policy (``kiosk/domain/fees.py``) and
prints a receipt whose number it made itself: the device's short id and a counter kept
in its store, bumped in the same transaction as this record, so two kiosks offline never
give the same number. The server keeps each payment once; a receipt number it already
holds (a restored kiosk reusing its counter) is ``fee_receipt_taken``; an amount the
club's fee rule (:func:`kiosk.domain.fees.payment_problem`, on the estate's policy the
server holds) does not allow is refused with that rule's code (``fee_amount_too_high``,
``fee_not_charged``...), shown to staff on the fee desk. Scope: the issuer
key (the receipt's prefix) is the sending device's, the member lives in its buildings,
the staff member is known. Cash only: there is no card
payment.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from kiosk.domain.fees import MAX_MONTHS, MemberKind, Payment, payment_problem, receipt_problem
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import FEE_PAYMENT
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, KeyId, Payload
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
    issuer_key_id: KeyId                     # the kiosk's card key id: the receipt's prefix
    member_id: Id
    staff_id: Id
    months: int = Field(ge=1, le=MAX_MONTHS)
    amount_cents: int = Field(gt=0, le=100_00 * MAX_MONTHS)
    paid_on: Day
    receipt_number: Receipt
    created_at: str = ""
    kind: Literal["tenant", "other"] = "tenant"   # which of the club's amounts applies

    @model_validator(mode="after")
    def _prefix(self) -> "RecordFeePayment":
        if not self.receipt_number.startswith(self.issuer_key_id.upper() + "-"):
            raise ValueError("fee_receipt_not_this_kiosk")
        return self

    def payment(self, member_id: str | None = None) -> Payment:
        return Payment(self.id, member_id or self.member_id, self.months, self.amount_cents, self.paid_on,
                       self.receipt_number, self.staff_id, self.created_at)


class RecordFeePaymentDefinition(Definition[RecordFeePayment]):
    model = RecordFeePayment

    def scope(self, p: RecordFeePayment) -> list[Ref]:
        return [Ref.issuer(p.issuer_key_id), Ref.member(p.member_id), Ref.staff(p.staff_id)]

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
        # The same rule the kiosk's form applied, on the club's fee as the office set it here:
        # a kiosk (or anyone holding its credential) cannot record 500 € for a 1 €/month fee,
        # nor a payment in a club that charges nothing.
        problem = payment_problem(server.fees.policy_of_building(member.building_id), MemberKind(p.kind),
                                  p.months, p.amount_cents)
        if problem:
            raise Rejected(problem)
        server.fees.add(p.payment(member.id))
        return Outcome.applied()

    def examples(self, world: World) -> list[RecordFeePayment]:
        pid = world.new_id()
        counter = 1 + int(pid.replace("-", "")[:6], 16)
        return [RecordFeePayment(id=pid, issuer_key_id=world.own_key_id, member_id=world.member_id,
                                 staff_id=world.staff_id, months=3, amount_cents=300, paid_on="2026-01-05",
                                 receipt_number=f"{world.own_key_id.upper()}-{counter:05d}")]


DEFINITION = RecordFeePaymentDefinition()
