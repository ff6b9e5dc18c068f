"""``submit_idea``: a tenant dropped an idea in the box (signed or anonymous).

The office publishes or rejects it; published ideas reach the kiosks of its building.
Scope: a named member lives in the device's buildings, and a named building is one of
them (none named: the device's first building).
"""

from __future__ import annotations

from pydantic import Field

from kiosk.domain.community import Idea, IdeaCategory, IdeaStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import IDEA
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, IdeaText, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class SubmitIdea(Payload):
    id: Id
    category: IdeaCategory
    text: IdeaText
    member_id: Id | None = None      # None: anonymous
    building_id: str = Field(default="", max_length=64)
    created_at: Stamp = ""

    def idea(self, *, building_id: str, created_at: str) -> Idea:
        return Idea(self.id, self.category.value, self.text, IdeaStatus.SUBMITTED, self.member_id, "", 0,
                    created_at, building_id)


class SubmitIdeaDefinition(Definition[SubmitIdea]):
    model = SubmitIdea

    def scope(self, p: SubmitIdea) -> list[Ref]:
        refs = [Ref.member(p.member_id)] if p.member_id else []
        return refs + ([Ref.building(p.building_id)] if p.building_id else [])

    def touches(self, p: SubmitIdea) -> list[str]:
        return [IDEA.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: SubmitIdea) -> None:
        kiosk.ideas.add_if_absent(p.idea(building_id=p.building_id, created_at=p.created_at))

    def server_effect(self, server: Server, sender: Sender, p: SubmitIdea) -> Outcome:
        if server.ideas.get(p.id) is not None:
            raise Rejected("idea_exists")
        if p.member_id:
            member = found(server.members.get(p.member_id), "member_unknown")
            if member.status is MemberStatus.LEFT:
                raise Rejected("member_left")
        building = p.building_id or (sender.building_ids[0] if sender.building_ids else "")
        server.ideas.add(p.idea(building_id=building, created_at=server.now()))
        return Outcome.applied()

    def examples(self, world: World) -> list[SubmitIdea]:
        return [SubmitIdea(id=world.new_id(), category=IdeaCategory.LIVING, text="Des bancs dans la cour",
                           member_id=world.member_id, building_id=world.building_id)]


DEFINITION = SubmitIdeaDefinition()
