"""``erase_member``: the member asked to leave the club and have their data erased.

On the kiosk it runs the one erasure routine (``kiosk/store/erasure.py``), the same
that runs when the office's erasure reaches the kiosk through the feed. On the server
the member's places are freed, requests deleted, ideas made anonymous, cards revoked
and every kiosk told. An erasure is idempotent: an unknown id (already erased by the
office, or never synced), or one out of the device's scope, is answered ``applied /
already_gone`` and changes nothing. A record merged away is not followed: erasing it
never erases the record kept by the office.
"""

from __future__ import annotations

from pydantic import Field

from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import MEMBER
from kiosk.protocol.outcome import Outcome
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref

ALREADY_GONE = Outcome.applied("already_gone")


class EraseMember(Payload):
    member_id: Id
    reason: str = Field(default="request", max_length=40)


class EraseMemberDefinition(Definition[EraseMember]):
    model = EraseMember

    def scope(self, p: EraseMember) -> list[Ref]:
        return [Ref.member(p.member_id, follow_merge=False, missing=ALREADY_GONE)]

    def touches(self, p: EraseMember) -> list[str]:
        return [MEMBER.touch(p.member_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: EraseMember) -> None:
        kiosk.erasure.erase_members([p.member_id])

    def server_effect(self, server: Server, sender: Sender, p: EraseMember) -> Outcome:
        server.members.erase(p.member_id)
        return Outcome.applied()

    def examples(self, world: World) -> list[EraseMember]:
        return [EraseMember(member_id=world.member_id)]


DEFINITION = EraseMemberDefinition()
