"""``register_for_event``: a tenant signed up for an event at a kiosk (perhaps offline).

The kiosk shows the sign-up as pending; the server decides: a place is taken under
the event's row lock (``confirmed``, answered ``applied``) or the person joins the
waitlist in the server's arrival order (``waitlisted``). Kiosk clocks order nothing.
Scope: the event is open to the device's buildings and the member lives in one of them.
"""

from __future__ import annotations

from kiosk.domain.community import Registration, RegistrationStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import REGISTRATION
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref
from kiosk.protocol.wire import ResultStatus


class RegisterForEvent(Payload):
    id: Id                  # the registration's id, made by the kiosk
    event_id: Id
    member_id: Id
    created_at: Stamp = ""


class RegisterForEventDefinition(Definition[RegisterForEvent]):
    model = RegisterForEvent

    def scope(self, p: RegisterForEvent) -> list[Ref]:
        return [Ref.event(p.event_id), Ref.member(p.member_id)]

    def touches(self, p: RegisterForEvent) -> list[str]:
        return [REGISTRATION.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: RegisterForEvent) -> None:
        kiosk.events.add_registration(Registration(p.id, p.event_id, p.member_id, RegistrationStatus.PENDING,
                                                   p.created_at))

    def on_rejected(self, kiosk: KioskRepos, p: RegisterForEvent, code: str) -> None:
        kiosk.events.refuse_registration(p.id)   # no longer "pending" on the kiosk

    def server_effect(self, server: Server, sender: Sender, p: RegisterForEvent) -> Outcome:
        event = found(server.events.lock(p.event_id), "event_unknown")   # every sign-up of it serialises here
        if event.ends_at < server.now()[:16]:
            raise Rejected("event_over")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        if server.registrations.get(p.id) is not None:
            raise Rejected("registration_exists")
        active = server.registrations.active(event.id, member.id)
        if active is not None:
            raise Rejected("already_registered", registration_id=active.id, status=active.status.value)
        took = server.events.take_place(event.id)
        status = RegistrationStatus.CONFIRMED if took else RegistrationStatus.WAITLISTED
        server.registrations.add(Registration(p.id, event.id, member.id, status, server.now()),
                                 origin_building=sender.building_ids[0] if sender.building_ids else "")
        data = {"registration_id": p.id, "status": status.value,
                "waitlist_position": server.registrations.position(event.id, p.id)}
        if took:
            return Outcome(ResultStatus.APPLIED, "confirmed", data)
        return Outcome(ResultStatus.WAITLISTED, "waitlisted", data)

    def examples(self, world: World) -> list[RegisterForEvent]:
        return [RegisterForEvent(id=world.new_id(), event_id=world.event_id, member_id=world.member_id),
                RegisterForEvent(id=world.new_id(), event_id=world.open_event_id, member_id=world.member_id)]


DEFINITION = RegisterForEventDefinition()
