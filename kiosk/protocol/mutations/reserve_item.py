"""``reserve_item``: a tenant put their name on an item's waiting list at the kiosk.

The reservation shows here at once (no place yet); the server gives its place in the
waiting list in its arrival order (kiosk clocks order nothing) and sends the positions
back. A member with a reservation or a loan of that item already is refused
``already_reserved`` (the kiosk then drops its copy). Scope: the item's lending point
serves one of the device's buildings, the member lives in one of them.
"""

from __future__ import annotations

from kiosk.domain.lending import Loan, LoanStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import LOAN
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class ReserveItem(Payload):
    id: Id
    item_id: Id
    member_id: Id
    created_at: Stamp = ""


class ReserveItemDefinition(Definition[ReserveItem]):
    model = ReserveItem

    def scope(self, p: ReserveItem) -> list[Ref]:
        return [Ref.item(p.item_id), Ref.member(p.member_id)]

    def touches(self, p: ReserveItem) -> list[str]:
        return [LOAN.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: ReserveItem) -> None:
        kiosk.lending.add_loan(Loan(p.id, p.item_id, p.member_id, LoanStatus.RESERVED, created_at=p.created_at))

    def on_rejected(self, kiosk: KioskRepos, p: ReserveItem, code: str) -> None:
        kiosk.lending.cancel_loan(p.id)

    def server_effect(self, server: Server, sender: Sender, p: ReserveItem) -> Outcome:
        item = found(server.lending.lock_item(p.item_id), "item_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        if server.lending.loan(p.id) is not None:
            raise Rejected("loan_exists")
        active = server.lending.active_of(item.id, member.id)
        if active is not None:
            raise Rejected("already_reserved", loan_id=active.id, status=active.status.value)
        server.lending.put_loan(Loan(p.id, item.id, member.id, LoanStatus.RESERVED, created_at=server.now()),
                                device_id=sender.id)
        placed = server.lending.loan(p.id)
        return Outcome.applied(loan_id=p.id, waitlist_position=placed.waitlist_position if placed else None)

    def examples(self, world: World) -> list[ReserveItem]:
        return [ReserveItem(id=world.new_id(), item_id=world.item_id, member_id=world.member_id)]


DEFINITION = ReserveItemDefinition()
