"""``return_item``: an item came back to the desk (one scan of its label, then ok / à réparer).

The loan becomes ``returned``; the item's condition is the caretaker's check (``ok``, or
``to_repair`` with a note: on hold until the office says it is fixed) and, after an ok
return, its maintenance hold runs (:func:`kiosk.domain.lending.hold_after_return`). A
loan already returned is answered ``applied/already_returned`` (a second kiosk's scan);
``to_repair`` for it still puts the item on hold (the caretaker looked closer after an
ok return).
Scope: the loan's item is at a lending point serving one of the device's buildings.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from kiosk.domain.lending import Condition, LoanStatus, hold_after_return, note_problem
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import LOAN
from kiosk.protocol.outcome import Outcome, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


def _note(value: str) -> str:
    problem = note_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Note = Annotated[str, Field(max_length=2000), AfterValidator(_note)]


class ReturnItem(Payload):
    loan_id: Id
    condition: Condition = Condition.OK
    note: Note = ""
    returned_at: Stamp = ""
    staff_id: str = ""


class ReturnItemDefinition(Definition[ReturnItem]):
    model = ReturnItem

    def scope(self, p: ReturnItem) -> list[Ref]:
        return [Ref.loan(p.loan_id)]

    def touches(self, p: ReturnItem) -> list[str]:
        return [LOAN.touch(p.loan_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: ReturnItem) -> None:
        kiosk.lending.return_loan(p.loan_id, returned_at=p.returned_at, condition=p.condition.value, note=p.note)

    def server_effect(self, server: Server, sender: Sender, p: ReturnItem) -> Outcome:
        loan = found(server.lending.loan(p.loan_id), "loan_unknown")
        item = found(server.lending.lock_item(loan.item_id), "loan_unknown")
        if loan.status is LoanStatus.RETURNED:
            if p.condition is Condition.TO_REPAIR and item.condition is not Condition.TO_REPAIR:
                # the caretaker looked closer after an ok return: the item goes to repair
                server.lending.returned(replace(loan, return_condition=p.condition.value, return_note=p.note),
                                        replace(item, condition=Condition.TO_REPAIR, condition_note=p.note))
            return Outcome.applied("already_returned")
        if loan.status is not LoanStatus.OUT:
            return Outcome.rejected("loan_not_out", status=loan.status.value)
        today = date.fromisoformat(server.now()[:10])
        if p.condition is Condition.TO_REPAIR:
            item = replace(item, condition=Condition.TO_REPAIR, condition_note=p.note)
        else:
            item = replace(item, on_hold_until=hold_after_return(item, today))
        server.lending.returned(replace(loan, status=LoanStatus.RETURNED, returned_at=server.now(),
                                        return_condition=p.condition.value, return_note=p.note), item)
        return Outcome.applied(condition=item.condition.value, on_hold_until=item.on_hold_until)

    def examples(self, world: World) -> list[ReturnItem]:
        return [ReturnItem(loan_id=world.loan_id, condition=Condition.TO_REPAIR, note="Mandrin bloqué")]


DEFINITION = ReturnItemDefinition()
