"""``confirm_residence``: a caretaker confirmed that a self-enrolled member lives here."""

from __future__ import annotations

import dataclasses

from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import MEMBER
from kiosk.protocol.outcome import Outcome, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class ConfirmResidence(Payload):
    member_id: Id


class ConfirmResidenceDefinition(Definition[ConfirmResidence]):
    model = ConfirmResidence

    def scope(self, p: ConfirmResidence) -> list[Ref]:
        return [Ref.member(p.member_id)]

    def touches(self, p: ConfirmResidence) -> list[str]:
        return [MEMBER.touch(p.member_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: ConfirmResidence) -> None:
        kiosk.members.activate(p.member_id)

    def server_effect(self, server: Server, sender: Sender, p: ConfirmResidence) -> Outcome:
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.PENDING:
            server.members.put(dataclasses.replace(member, status=MemberStatus.ACTIVE))
        return Outcome.applied()

    def examples(self, world: World) -> list[ConfirmResidence]:
        return [ConfirmResidence(member_id=world.member_id)]


DEFINITION = ConfirmResidenceDefinition()
