"""``post_exchange``: a member posts an offer or a request of a neighbourly service.

It waits for the office's moderation (``pending``): the lobby shows it once published;
its author sees it in their space meanwhile. The text follows the public screen's rules
(:func:`kiosk.domain.exchanges.exchange_text_problems`, no phone number). Scope: the
member lives in the device's buildings, and the building named is one of them.
"""

from __future__ import annotations

from kiosk.domain.exchanges import Exchange, ExchangeCategory, ExchangeKind, ExchangeStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import EXCHANGE
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import ExchangeText, Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class PostExchange(Payload):
    id: Id
    member_id: Id
    building_id: Id
    kind: ExchangeKind
    category: ExchangeCategory
    text: ExchangeText
    created_at: Stamp = ""

    def exchange(self, *, building_id: str, created_at: str) -> Exchange:
        return Exchange(self.id, self.member_id, building_id, self.kind, self.category, self.text,
                        ExchangeStatus.PENDING, "", created_at)


class PostExchangeDefinition(Definition[PostExchange]):
    model = PostExchange
    personal = frozenset({"text"})

    def scope(self, p: PostExchange) -> list[Ref]:
        return [Ref.member(p.member_id), Ref.building(p.building_id)]

    def touches(self, p: PostExchange) -> list[str]:
        return [EXCHANGE.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: PostExchange) -> None:
        kiosk.exchanges.add_if_absent(p.exchange(building_id=p.building_id, created_at=p.created_at))

    def server_effect(self, server: Server, sender: Sender, p: PostExchange) -> Outcome:
        if server.exchanges.get(p.id) is not None:
            raise Rejected("exchange_exists")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        server.exchanges.add(p.exchange(building_id=member.building_id, created_at=server.now()))
        return Outcome.applied(status=ExchangeStatus.PENDING.value)

    def examples(self, world: World) -> list[PostExchange]:
        return [PostExchange(id=world.new_id(), member_id=world.member_id, building_id=world.building_id,
                             kind=ExchangeKind.OFFER, category=ExchangeCategory.DIY,
                             text="Je peux monter vos meubles le samedi matin")]


DEFINITION = PostExchangeDefinition()
