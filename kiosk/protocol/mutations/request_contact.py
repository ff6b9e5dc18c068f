"""``request_contact``: a member answers a published post and asks to be put in touch.

No phone number is ever shown on the lobby screen: the request reaches the post's author
in their member space (their building's kiosks), or the caretaker relays it. Scope: the
post, the asking member and the author are in the device's buildings. Refused: the post
is not published (``exchange_closed``), the member answers their own post
(``own_exchange``), the author named is not the post's (``exchange_unknown``).
"""

from __future__ import annotations

from kiosk.domain.exchanges import ContactRequest, ExchangeStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import EXCHANGE_CONTACT
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class RequestContact(Payload):
    id: Id
    exchange_id: Id
    member_id: Id                  # who answers
    author_id: Id                  # the post's author, as the kiosk shows it
    building_id: Id                # the post's building
    created_at: Stamp = ""

    def contact(self, created_at: str) -> ContactRequest:
        return ContactRequest(self.id, self.exchange_id, self.member_id, self.author_id, self.building_id,
                              created_at=created_at)


class RequestContactDefinition(Definition[RequestContact]):
    model = RequestContact

    def scope(self, p: RequestContact) -> list[Ref]:
        return [Ref.exchange(p.exchange_id), Ref.member(p.member_id), Ref.member(p.author_id),
                Ref.building(p.building_id)]

    def touches(self, p: RequestContact) -> list[str]:
        return [EXCHANGE_CONTACT.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: RequestContact) -> None:
        kiosk.exchanges.add_contact(p.contact(p.created_at))

    def server_effect(self, server: Server, sender: Sender, p: RequestContact) -> Outcome:
        if server.exchanges.contact_exists(p.id):
            raise Rejected("contact_exists")
        exchange = found(server.exchanges.get(p.exchange_id), "exchange_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if exchange.member_id != p.author_id or exchange.building_id != p.building_id:
            raise Rejected("exchange_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        if member.id == exchange.member_id:
            raise Rejected("own_exchange")
        if exchange.status is not ExchangeStatus.PUBLISHED:
            raise Rejected("exchange_closed")
        server.exchanges.add_contact(ContactRequest(p.id, exchange.id, member.id, exchange.member_id,
                                                    exchange.building_id, created_at=server.now()))
        return Outcome.applied()

    def examples(self, world: World) -> list[RequestContact]:
        return [RequestContact(id=world.new_id(), exchange_id=world.exchange_id, member_id=world.member_id,
                               author_id=world.neighbour_id, building_id=world.building_id)]


DEFINITION = RequestContactDefinition()
