"""``vote_idea``: a member voted for a published idea (once per idea, whichever kiosks).

Scope: the idea belongs to one of the device's buildings and the member lives in one.
"""

from __future__ import annotations

from kiosk.domain.community import IdeaStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import IDEA, IDEA_VOTE, pair_key
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class VoteIdea(Payload):
    idea_id: Id
    member_id: Id


class VoteIdeaDefinition(Definition[VoteIdea]):
    model = VoteIdea

    def scope(self, p: VoteIdea) -> list[Ref]:
        return [Ref.idea(p.idea_id), Ref.member(p.member_id)]

    def touches(self, p: VoteIdea) -> list[str]:
        return [IDEA.touch(p.idea_id), IDEA_VOTE.touch(pair_key(p.idea_id, p.member_id))]

    def kiosk_effect(self, kiosk: KioskRepos, p: VoteIdea) -> None:
        kiosk.ideas.add_vote(p.idea_id, p.member_id)

    def server_effect(self, server: Server, sender: Sender, p: VoteIdea) -> Outcome:
        idea = found(server.ideas.get(p.idea_id), "idea_unknown")
        if idea.status is not IdeaStatus.PUBLISHED:
            raise Rejected("idea_not_published")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        if not server.ideas.vote(idea.id, member.id):
            raise Rejected("already_voted")
        return Outcome.applied()

    def examples(self, world: World) -> list[VoteIdea]:
        return [VoteIdea(idea_id=world.idea_id, member_id=world.member_id)]


DEFINITION = VoteIdeaDefinition()
