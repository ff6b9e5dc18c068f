"""``cancel_reservation``: a tenant took their name off an item's waiting list.

Only a reservation (not a loan out) of that member is cancelled; the others on the list
move up (the server publishes their positions). Cancelled already: ``applied/already``.
Scope: the reservation's item is in the device's buildings, and the member too.
"""

from __future__ import annotations

from dataclasses import replace

from kiosk.domain.lending import LoanStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import LOAN
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class CancelReservation(Payload):
    id: Id               # the reservation
    member_id: Id


class CancelReservationDefinition(Definition[CancelReservation]):
    model = CancelReservation

    def scope(self, p: CancelReservation) -> list[Ref]:
        return [Ref.loan(p.id), Ref.member(p.member_id)]

    def touches(self, p: CancelReservation) -> list[str]:
        return [LOAN.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: CancelReservation) -> None:
        kiosk.lending.cancel_loan(p.id)

    def server_effect(self, server: Server, sender: Sender, p: CancelReservation) -> Outcome:
        loan = found(server.lending.loan(p.id), "loan_unknown")
        found(server.lending.lock_item(loan.item_id), "loan_unknown")
        if loan.member_id != p.member_id:
            raise Rejected("loan_unknown")
        if loan.status is LoanStatus.CANCELLED:
            return Outcome.applied("already")
        if loan.status is not LoanStatus.RESERVED:
            raise Rejected("not_a_reservation", status=loan.status.value)
        server.lending.put_loan(replace(loan, status=LoanStatus.CANCELLED), device_id=sender.id)
        return Outcome.applied()

    def examples(self, world: World) -> list[CancelReservation]:
        return [CancelReservation(id=world.reservation_id, member_id=world.member_id)]


DEFINITION = CancelReservationDefinition()
