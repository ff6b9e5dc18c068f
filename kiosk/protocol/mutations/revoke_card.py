"""``revoke_card``: a card was lost (reissued), its member erased or left the club.

Scope: the card's holder is a member of the device's buildings; a card without one (a
staff badge, or a member since erased) only by the kiosk that issued it. Revoking twice
is harmless. Revoked serials reach every kiosk through the catalogue.
"""

from __future__ import annotations

import dataclasses

from kiosk.domain.records import CardStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import CARD, card_key
from kiosk.protocol.outcome import Outcome, found
from kiosk.protocol.parts import KeyId, Payload, Serial
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class RevokeCard(Payload):
    issuer_key_id: KeyId
    serial: Serial


class RevokeCardDefinition(Definition[RevokeCard]):
    model = RevokeCard

    def scope(self, p: RevokeCard) -> list[Ref]:
        return [Ref.card(p.issuer_key_id, p.serial)]

    def touches(self, p: RevokeCard) -> list[str]:
        return [CARD.touch(card_key(p.issuer_key_id, p.serial))]

    def kiosk_effect(self, kiosk: KioskRepos, p: RevokeCard) -> None:
        kiosk.cards.revoke(p.issuer_key_id, p.serial)

    def server_effect(self, server: Server, sender: Sender, p: RevokeCard) -> Outcome:
        card = found(server.cards.get(p.issuer_key_id, p.serial), "card_unknown")
        if card.status is not CardStatus.REVOKED:
            server.cards.put(dataclasses.replace(card, status=CardStatus.REVOKED, revoked_at=server.now()))
        return Outcome.applied()

    def examples(self, world: World) -> list[RevokeCard]:
        key, serial = world.card
        return [RevokeCard(issuer_key_id=key, serial=serial)]


DEFINITION = RevokeCardDefinition()
