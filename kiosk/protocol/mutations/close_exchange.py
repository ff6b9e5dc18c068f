"""``close_exchange``: a post's author takes it down (found someone, no longer needed).

Scope: the post's building and the member are the device's; only the author may close
(another member is answered ``not_author``). Closing a closed post changes nothing.
"""

from __future__ import annotations

from kiosk.domain.exchanges import ExchangeStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import EXCHANGE
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class CloseExchange(Payload):
    exchange_id: Id
    member_id: Id


class CloseExchangeDefinition(Definition[CloseExchange]):
    model = CloseExchange

    def scope(self, p: CloseExchange) -> list[Ref]:
        return [Ref.exchange(p.exchange_id), Ref.member(p.member_id)]

    def touches(self, p: CloseExchange) -> list[str]:
        return [EXCHANGE.touch(p.exchange_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: CloseExchange) -> None:
        kiosk.exchanges.close(p.exchange_id)

    def server_effect(self, server: Server, sender: Sender, p: CloseExchange) -> Outcome:
        exchange = found(server.exchanges.get(p.exchange_id), "exchange_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if exchange.member_id != member.id:
            raise Rejected("not_author")
        if exchange.status is not ExchangeStatus.CLOSED:
            server.exchanges.close(exchange.id)
        return Outcome.applied()

    def examples(self, world: World) -> list[CloseExchange]:
        return [CloseExchange(exchange_id=world.exchange_id, member_id=world.neighbour_id)]


DEFINITION = CloseExchangeDefinition()
