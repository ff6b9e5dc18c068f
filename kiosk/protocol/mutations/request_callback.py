"""``request_callback``: "Je voudrais qu'on me rappelle", from the help screen.

A member who identified themselves (card or lookup) is named by id, and may give
another number; anyone else must type a phone number (E.164 once the kiosk's
:func:`~kiosk.domain.members.normalize_phone` accepted it, checked again here by the
payload's type). The reason is one of :class:`~kiosk.domain.help.CallbackReason`: no
free text. On the kiosk the request is recorded without the phone (the outbox entry
carries it); on the server it joins the office's "Rappels à faire" list. An identified
member's request comes back to the kiosks of their building as the ``callback`` feed
entity (without the phone), with the office's status: the call-back screen tells them
a call is already due instead of taking the same request twice.

Scope: the building is one of the device's, and a named member lives in them. The
request is filed under the member's building when there is a member.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import model_validator

from kiosk.domain.help import CallbackReason, CallbackRequest, CallbackStatus
from kiosk.domain.members import MemberStatus
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import CALLBACK
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Language, Payload, Phone, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


class RequestCallback(Payload):
    id: Id
    building_id: Id                  # the kiosk's building (the member's, when one is named)
    member_id: Id | None = None      # None: not identified
    phone: Phone = ""                # required without a member; for a member, another number
    reason: CallbackReason
    language: Language = "fr"
    created_at: Stamp = ""

    @model_validator(mode="after")
    def _someone_to_call(self) -> "RequestCallback":
        if not self.member_id and not self.phone:
            raise ValueError("callback.phone_required")
        return self

    def request(self, *, building_id: str, member_id: str | None, phone: str, created_at: str) -> CallbackRequest:
        return CallbackRequest(self.id, building_id, member_id, self.reason, self.language, created_at, phone,
                               CallbackStatus.TO_CALL)


class RequestCallbackDefinition(Definition[RequestCallback]):
    model = RequestCallback
    personal: ClassVar[frozenset[str]] = frozenset({"phone"})

    def scope(self, p: RequestCallback) -> list[Ref]:
        return [Ref.building(p.building_id)] + ([Ref.member(p.member_id)] if p.member_id else [])

    def touches(self, p: RequestCallback) -> list[str]:
        return [CALLBACK.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: RequestCallback) -> None:
        kiosk.callbacks.add_if_absent(p.request(building_id=p.building_id, member_id=p.member_id, phone="",
                                                created_at=p.created_at))

    def server_effect(self, server: Server, sender: Sender, p: RequestCallback) -> Outcome:
        if server.callbacks.exists(p.id):
            raise Rejected("callback_exists")
        building, member_id = p.building_id, None
        if p.member_id:
            member = found(server.members.get(p.member_id), "member_unknown")   # a merged record: the kept one
            if member.status is MemberStatus.LEFT:
                raise Rejected("member_left")
            building, member_id = member.building_id, member.id
        server.callbacks.add(p.request(building_id=building, member_id=member_id, phone=p.phone,
                                       created_at=server.now()), device_id=sender.id)
        return Outcome.applied()

    def examples(self, world: World) -> list[RequestCallback]:
        return [RequestCallback(id=world.new_id(), building_id=world.building_id, member_id=world.member_id,
                                reason=CallbackReason.HOME),
                RequestCallback(id=world.new_id(), building_id=world.building_id, phone="+33148135510",
                                reason=CallbackReason.OTHER, language="ar")]


DEFINITION = RequestCallbackDefinition()
