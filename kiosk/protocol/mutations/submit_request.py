"""``submit_request``: a member asked the landlord for something (a repair, adapting the flat).

The request is tied to the member's flat as the server knows it (the payload's flat is
what the kiosk showed). Scope: the member lives in the device's buildings, and a named
flat is in one of them.
"""

from __future__ import annotations

from pydantic import Field

from kiosk.domain.community import LandlordRequest, RequestCategory, RequestStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import REQUEST
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, RequestText, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class SubmitRequest(Payload):
    id: Id
    member_id: Id
    flat_id: str = Field(default="", max_length=64)
    category: RequestCategory
    text: RequestText = ""
    created_at: Stamp = ""


class SubmitRequestDefinition(Definition[SubmitRequest]):
    model = SubmitRequest

    def scope(self, p: SubmitRequest) -> list[Ref]:
        return [Ref.member(p.member_id)] + ([Ref.flat(p.flat_id)] if p.flat_id else [])

    def touches(self, p: SubmitRequest) -> list[str]:
        return [REQUEST.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: SubmitRequest) -> None:
        kiosk.requests.add_if_absent(LandlordRequest(p.id, p.member_id, p.flat_id, p.category, p.text,
                                                     RequestStatus.RECEIVED, "", p.created_at))

    def server_effect(self, server: Server, sender: Sender, p: SubmitRequest) -> Outcome:
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        if server.requests.exists(p.id):
            raise Rejected("request_exists")
        server.requests.add(LandlordRequest(p.id, member.id, member.flat_id, p.category, p.text,
                                            RequestStatus.RECEIVED, "", server.now()),
                            building_id=member.building_id)
        return Outcome.applied()

    def examples(self, world: World) -> list[SubmitRequest]:
        return [SubmitRequest(id=world.new_id(), member_id=world.member_id, flat_id=world.flat_id,
                              category=RequestCategory.COMMON_AREAS, text="La porte du hall ferme mal.")]


DEFINITION = SubmitRequestDefinition()
