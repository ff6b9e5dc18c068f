"""``record_time_transfer``: time given by one member to others, in minutes.

Confirmed at the kiosk by both members' cards (``cards``), or recorded by a caretaker
for a member without a card (``staff``: the staff id is kept, audited). A workshop is
one transfer: one host (the provider) credited, each attendee debited their share. The
entries (:func:`kiosk.domain.timebank.transfer_entries`) sum to zero. The server is the
ledger's authority: the same transfer (same id and content) sent again, from this or
another kiosk, is recorded once. Scope: the provider, every receiver and the staff
member are known to the device.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from kiosk.domain.members import MemberStatus
from kiosk.domain.timebank import Confirmation, TimeEntry, TimeTransfer, transfer_entries, transfer_problem
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import TIME_TRANSFER
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, RequestText, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref
from kiosk.protocol.wire import _Strict


class Share(_Strict):
    member_id: Id
    minutes: int


class RecordTimeTransfer(Payload):
    id: Id
    provider_id: Id
    shares: list[Share] = Field(max_length=100)
    confirmed_by: Confirmation
    staff_id: str = Field(default="", max_length=64)
    building_id: Id                           # the provider's
    note: RequestText = ""
    created_at: Stamp = ""

    @model_validator(mode="after")
    def _rules(self) -> "RecordTimeTransfer":
        problem = transfer_problem(self.provider_id, self.pairs)
        if problem:
            raise ValueError(problem)
        if self.confirmed_by is Confirmation.OFFICE:
            raise ValueError("timebank.office_only")
        if self.confirmed_by is Confirmation.STAFF and not self.staff_id:
            raise ValueError("timebank.staff_needed")
        return self

    @property
    def pairs(self) -> list[tuple[str, int]]:
        return [(s.member_id, s.minutes) for s in self.shares]

    def transfer(self, building_id: str, created_at: str) -> TimeTransfer:
        return TimeTransfer(self.id, building_id, self.provider_id, self.confirmed_by, self.staff_id, "",
                            self.note, created_at)

    def entries(self) -> list[TimeEntry]:
        return transfer_entries(self.id, self.provider_id, self.pairs)


class RecordTimeTransferDefinition(Definition[RecordTimeTransfer]):
    model = RecordTimeTransfer
    personal = frozenset({"note"})

    def scope(self, p: RecordTimeTransfer) -> list[Ref]:
        refs = [Ref.member(p.provider_id, follow_merge=False), Ref.building(p.building_id)]
        refs += [Ref.member(s.member_id, follow_merge=False) for s in p.shares]
        return refs + ([Ref.staff(p.staff_id)] if p.staff_id else [])

    def touches(self, p: RecordTimeTransfer) -> list[str]:
        return [TIME_TRANSFER.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: RecordTimeTransfer) -> None:
        kiosk.timebank.add_transfer(p.transfer(p.building_id, p.created_at), p.entries())

    def on_rejected(self, kiosk: KioskRepos, p: RecordTimeTransfer, code: str) -> None:
        if code != "transfer_exists":       # that id is the server's (held here as the server has it)
            kiosk.timebank.remove_transfer(p.id)

    def server_effect(self, server: Server, sender: Sender, p: RecordTimeTransfer) -> Outcome:
        known = server.timebank.get(p.id)
        if known is not None:
            same = known.provider_id == p.provider_id and \
                sorted((e.member_id, e.minutes) for e in server.timebank.entries_of(p.id)) == \
                sorted((e.member_id, e.minutes) for e in p.entries())
            if same:
                return Outcome.applied("already_recorded")     # the same transfer, from another kiosk
            raise Rejected("transfer_exists")
        provider = found(server.members.get(p.provider_id, follow_merge=False), "member_unknown")
        for member_id in [p.provider_id] + [s.member_id for s in p.shares]:
            member = found(server.members.get(member_id, follow_merge=False), "member_unknown")
            if member.status is MemberStatus.LEFT:
                raise Rejected("member_left")
        server.timebank.add(p.transfer(provider.building_id, server.now()), p.entries())
        return Outcome.applied()

    def examples(self, world: World) -> list[RecordTimeTransfer]:
        return [RecordTimeTransfer(id=world.new_id(), provider_id=world.member_id, building_id=world.building_id,
                                   shares=[Share(member_id=world.neighbour_id, minutes=90)],
                                   confirmed_by=Confirmation.CARDS),
                RecordTimeTransfer(id=world.new_id(), provider_id=world.neighbour_id, building_id=world.building_id,
                                   shares=[Share(member_id=world.member_id, minutes=30)],
                                   confirmed_by=Confirmation.STAFF, staff_id=world.staff_id)]


DEFINITION = RecordTimeTransferDefinition()
