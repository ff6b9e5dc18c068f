"""``lend_item``: the caretaker lent an item at the desk (two scans: the member's card, the item's label).

The kiosk checked the desk's rule (:func:`kiosk.domain.lending.lending_refusal`) and the
item left with the member: the loan shows ``out`` here at once, with its due date on the
printed slip. The server decides only what two kiosks can disagree on, under the item's
row lock: an item is out once. Two kiosks of one lending point that lent the same item
offline: the first to reach the server keeps it, the second is refused ``item_out``
(with the kept loan's id) and the kiosk keeps its loan as ``refused`` for the caretaker
to sort out (``on_rejected``): nothing is lost. A member suspended by the office is
refused ``member_suspended``. A loan made from the member's reservation reuses its id.
Scope: the item's lending point serves one of the device's buildings, the member lives
in one of them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator

from kiosk.domain.lending import Loan, LoanStatus, Refusal, suspended
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import LOAN
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


def _iso_date(value: str) -> str:
    date.fromisoformat(value)
    if len(value) != 10:
        raise ValueError("not an ISO date")
    return value


IsoDate = Annotated[str, AfterValidator(_iso_date)]


class LendItem(Payload):
    id: Id                   # the loan, made by the kiosk (a reservation's id when it serves one)
    item_id: Id
    member_id: Id
    due_on: IsoDate
    lent_at: Stamp = ""
    staff_id: str = ""

    def loan(self, member_id: str | None = None) -> Loan:
        return Loan(self.id, self.item_id, member_id or self.member_id, LoanStatus.OUT, created_at=self.lent_at,
                    lent_at=self.lent_at, due_on=self.due_on, staff_id=self.staff_id)


class LendItemDefinition(Definition[LendItem]):
    model = LendItem

    def scope(self, p: LendItem) -> list[Ref]:
        return [Ref.item(p.item_id), Ref.member(p.member_id)]

    def touches(self, p: LendItem) -> list[str]:
        return [LOAN.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: LendItem) -> None:
        kiosk.lending.add_loan(p.loan())

    def on_rejected(self, kiosk: KioskRepos, p: LendItem, code: str) -> None:
        kiosk.lending.refuse_loan(p.id, code)

    def server_effect(self, server: Server, sender: Sender, p: LendItem) -> Outcome:
        item = found(server.lending.lock_item(p.item_id), "item_unknown")   # every loan of it serialises here
        member = found(server.members.get(p.member_id), "member_unknown")
        today = date.fromisoformat(server.now()[:10])
        if member.status is MemberStatus.LEFT or suspended(server.lending.suspension(member.id), today):
            raise Rejected(Refusal.MEMBER_SUSPENDED.value)
        existing = server.lending.loan(p.id)
        if existing is not None and (existing.status is not LoanStatus.RESERVED or existing.item_id != item.id):
            raise Rejected("loan_exists")
        out = server.lending.out_loan(item.id)
        if out is not None:
            raise Rejected(Refusal.ITEM_OUT.value, loan_id=out.id, due_on=out.due_on)
        server.lending.put_loan(p.loan(member.id), device_id=sender.id)
        return Outcome.applied(loan_id=p.id, due_on=p.due_on)

    def examples(self, world: World) -> list[LendItem]:
        return [LendItem(id=world.new_id(), item_id=world.item_id, member_id=world.member_id, due_on="2099-01-08")]


DEFINITION = LendItemDefinition()
