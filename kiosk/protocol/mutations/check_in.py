"""``check_in``: a caretaker scanned a member's card at the event's door.

A person is counted once per event whatever the number of kiosks that scanned them
(the attendance row's key is the event and the member). Their sign-up, if any, is
marked checked in. Scope: the event is open to the device's buildings and the member
lives in one of them.
"""

from __future__ import annotations

from pydantic import Field

from kiosk.domain.community import Attendance
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import ATTENDANCE, pair_key
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class CheckIn(Payload):
    event_id: Id
    member_id: Id
    checked_in_at: Stamp = ""
    staff_id: str = Field(default="", max_length=64)


class CheckInDefinition(Definition[CheckIn]):
    model = CheckIn

    def scope(self, p: CheckIn) -> list[Ref]:
        return [Ref.event(p.event_id), Ref.member(p.member_id)]

    def touches(self, p: CheckIn) -> list[str]:
        return [ATTENDANCE.touch(pair_key(p.event_id, p.member_id))]

    def kiosk_effect(self, kiosk: KioskRepos, p: CheckIn) -> None:
        kiosk.events.add_attendance(Attendance(p.event_id, p.member_id, p.checked_in_at))

    def server_effect(self, server: Server, sender: Sender, p: CheckIn) -> Outcome:
        event = found(server.events.get(p.event_id), "event_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        at = p.checked_in_at or server.now()
        if not server.attendance.add(Attendance(event.id, member.id, at), staff_id=p.staff_id):
            return Outcome.applied("already_checked_in")
        return Outcome.applied(registered=server.registrations.mark_checked_in(event.id, member.id, at))

    def examples(self, world: World) -> list[CheckIn]:
        return [CheckIn(event_id=world.event_id, member_id=world.member_id),
                CheckIn(event_id=world.open_event_id, member_id=world.member_id)]


DEFINITION = CheckInDefinition()
