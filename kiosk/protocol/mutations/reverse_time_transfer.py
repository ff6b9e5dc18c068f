"""``reverse_time_transfer``: a caretaker cancels a transfer recorded by mistake.

Never an edit: a new transfer (``id``) whose entries are the original's negated and
which names it (``reverses``). Once: two kiosks reversing the same transfer offline get
one reversal on the server, the other is refused (``timebank.already_reversed``) and
taken back on its kiosk; a reversal is never reversed. Scope: the transfer's building
is the device's; the staff member is known to the office.
"""

from __future__ import annotations

from kiosk.domain.timebank import Confirmation, TimeTransfer, reversal_entries, reversal_problem
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import TIME_TRANSFER
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, RequestText, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class ReverseTimeTransfer(Payload):
    id: Id                          # the reversing transfer
    transfer_id: Id                 # the one reversed
    staff_id: Id
    note: RequestText = ""
    created_at: Stamp = ""

    def reversal(self, original: TimeTransfer, created_at: str) -> TimeTransfer:
        return TimeTransfer(self.id, original.building_id, original.provider_id, Confirmation.STAFF, self.staff_id,
                            original.id, self.note, created_at)


class ReverseTimeTransferDefinition(Definition[ReverseTimeTransfer]):
    model = ReverseTimeTransfer

    def scope(self, p: ReverseTimeTransfer) -> list[Ref]:
        return [Ref.transfer(p.transfer_id), Ref.staff(p.staff_id)]

    def touches(self, p: ReverseTimeTransfer) -> list[str]:
        return [TIME_TRANSFER.touch(p.id), TIME_TRANSFER.touch(p.transfer_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: ReverseTimeTransfer) -> None:
        original = kiosk.timebank.get(p.transfer_id)
        if original is None:
            return
        kiosk.timebank.add_transfer(p.reversal(original, p.created_at),
                                    reversal_entries(p.id, kiosk.timebank.entries_of(p.transfer_id)))

    def on_rejected(self, kiosk: KioskRepos, p: ReverseTimeTransfer, code: str) -> None:
        if code != "transfer_exists":       # that id is the server's (held here as the server has it)
            kiosk.timebank.remove_transfer(p.id)

    def server_effect(self, server: Server, sender: Sender, p: ReverseTimeTransfer) -> Outcome:
        original = found(server.timebank.lock(p.transfer_id), "transfer_unknown")
        by = server.timebank.reversed_by(original.id)
        if by == p.id:
            return Outcome.applied("already_recorded")
        problem = reversal_problem(original, by is not None)
        if problem:
            raise Rejected(problem)
        if server.timebank.get(p.id) is not None:
            raise Rejected("transfer_exists")
        server.timebank.add(p.reversal(original, server.now()),
                            reversal_entries(p.id, server.timebank.entries_of(original.id)))
        return Outcome.applied()

    def examples(self, world: World) -> list[ReverseTimeTransfer]:
        return [ReverseTimeTransfer(id=world.new_id(), transfer_id=world.transfer_id, staff_id=world.staff_id)]


DEFINITION = ReverseTimeTransferDefinition()
