"""``cancel_registration``: a tenant cancelled a sign-up; a confirmed place goes to the
first person on the waitlist, in the same transaction.

Scope: the registration's member and the named member are the device's; a
registration of another member is answered as unknown.
"""

from __future__ import annotations

from kiosk.domain.community import RegistrationStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import REGISTRATION
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class CancelRegistration(Payload):
    id: Id
    member_id: Id


class CancelRegistrationDefinition(Definition[CancelRegistration]):
    model = CancelRegistration

    def scope(self, p: CancelRegistration) -> list[Ref]:
        return [Ref.registration(p.id), Ref.member(p.member_id)]

    def touches(self, p: CancelRegistration) -> list[str]:
        return [REGISTRATION.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: CancelRegistration) -> None:
        kiosk.events.cancel_registration(p.id)

    def server_effect(self, server: Server, sender: Sender, p: CancelRegistration) -> Outcome:
        found_reg = found(server.registrations.get(p.id), "registration_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if found_reg.member_id != member.id:
            raise Rejected("registration_unknown")   # someone else's sign-up: as if unknown
        found(server.events.lock(found_reg.event_id), "event_unknown")
        reg = found(server.registrations.get(p.id), "registration_unknown")   # again, under the lock
        if reg.status is RegistrationStatus.CANCELLED:
            return Outcome.applied("already_cancelled")
        return Outcome.applied(promoted=server.registrations.cancel(reg))

    def examples(self, world: World) -> list[CancelRegistration]:
        return [CancelRegistration(id=world.registration_id, member_id=world.member_id)]


DEFINITION = CancelRegistrationDefinition()
