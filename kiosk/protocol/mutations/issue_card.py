"""``issue_card``: a kiosk signed a new membership card or staff badge with its own key.

Scope: the issuer key is the sending device's; a member card's holder is a member of
its buildings; a staff badge's holder is a staff member the office knows (a badge for
a member id, or for a staff account made only on one kiosk, is refused). The serial
is the issuing kiosk's next; one already recorded is ``serial_used``. The dates are
real ISO dates a card can carry, the expiry after the issue day
(:func:`kiosk.domain.cards.card_dates_problem`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from kiosk.domain.cards import card_dates_problem
from kiosk.domain.records import CardRecord, CardStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import CARD, card_key
from kiosk.protocol.outcome import Outcome, Rejected
from kiosk.protocol.parts import Id, KeyId, Payload, Serial
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class IssueCard(Payload):
    issuer_key_id: KeyId
    serial: Serial
    holder_id: Id
    role: Literal["member", "staff"] = "member"
    issued: str
    expires: str

    @model_validator(mode="after")
    def _dates(self) -> "IssueCard":
        problem = card_dates_problem(self.issued, self.expires)
        if problem:
            raise ValueError(problem)
        return self

    def record(self) -> CardRecord:
        return CardRecord(self.issuer_key_id, self.serial, self.holder_id, self.role, self.issued, self.expires,
                          CardStatus.ACTIVE, "")


class IssueCardDefinition(Definition[IssueCard]):
    model = IssueCard

    def scope(self, p: IssueCard) -> list[Ref]:
        holder = Ref.member(p.holder_id, follow_merge=False) if p.role == "member" else Ref.staff(p.holder_id)
        return [Ref.issuer(p.issuer_key_id), holder]

    def touches(self, p: IssueCard) -> list[str]:
        return [CARD.touch(card_key(p.issuer_key_id, p.serial))]

    def kiosk_effect(self, kiosk: KioskRepos, p: IssueCard) -> None:
        kiosk.cards.add_if_absent(p.record())

    def server_effect(self, server: Server, sender: Sender, p: IssueCard) -> Outcome:
        if server.cards.get(p.issuer_key_id, p.serial) is not None:
            raise Rejected("serial_used")
        server.cards.put(p.record())
        return Outcome.applied()

    def examples(self, world: World) -> list[IssueCard]:
        return [IssueCard(issuer_key_id=world.own_key_id, serial=world.new_serial(), holder_id=world.member_id,
                          role="member", issued="2026-01-05", expires="2028-01-05"),
                IssueCard(issuer_key_id=world.own_key_id, serial=world.new_serial(), holder_id=world.staff_id,
                          role="staff", issued="2026-01-05", expires="2029-01-05")]


DEFINITION = IssueCardDefinition()
