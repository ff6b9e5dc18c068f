"""``update_member_contact``: the member (or a caretaker) changed the fields the kiosk owns.

Only the contact details, language and opt-ins: names, flat and status belong to the
office. ``None`` leaves a field as it is. Each opt-in change carries its new consent
row (append-only). A record the office merged away is changed on the kept one.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import Field

from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import MEMBER
from kiosk.protocol.outcome import Outcome, found
from kiosk.protocol.parts import ConsentIn, Email, Id, Language, Payload, Phone
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class UpdateMemberContact(Payload):
    member_id: Id
    phone: Phone | None = None
    email: Email | None = None
    language: Language | None = None
    sms_opt_in: bool | None = None
    newsletter_opt_in: bool | None = None
    consents: list[ConsentIn] = Field(default_factory=list, max_length=10)

    def changes(self) -> dict[str, Any]:
        return {k: v for k, v in (("phone", self.phone), ("email", self.email), ("language", self.language),
                                  ("sms_opt_in", self.sms_opt_in), ("newsletter_opt_in", self.newsletter_opt_in))
                if v is not None}


class UpdateMemberContactDefinition(Definition[UpdateMemberContact]):
    model = UpdateMemberContact
    personal = frozenset({"phone", "email", "language", "sms_opt_in", "newsletter_opt_in", "consents"})

    def scope(self, p: UpdateMemberContact) -> list[Ref]:
        return [Ref.member(p.member_id)]

    def touches(self, p: UpdateMemberContact) -> list[str]:
        return [MEMBER.touch(p.member_id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: UpdateMemberContact) -> None:
        kiosk.members.update_contact(p.member_id, phone=p.phone, email=p.email, language=p.language,
                                     sms_opt_in=p.sms_opt_in, newsletter_opt_in=p.newsletter_opt_in)
        for c in p.consents:
            kiosk.consents.add_if_absent(c.consent(p.member_id))

    def server_effect(self, server: Server, sender: Sender, p: UpdateMemberContact) -> Outcome:
        member = found(server.members.get(p.member_id), "member_unknown")
        server.members.put(dataclasses.replace(member, **p.changes()))
        server.members.add_consents(member.id, [c.consent(member.id, kiosk_id=sender.id) for c in p.consents])
        return Outcome.applied()

    def examples(self, world: World) -> list[UpdateMemberContact]:
        return [UpdateMemberContact(member_id=world.member_id, email="nouvelle@example.org")]


DEFINITION = UpdateMemberContactDefinition()
