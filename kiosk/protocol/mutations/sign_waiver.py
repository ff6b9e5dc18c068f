"""``sign_waiver``: a tenant signed the lending waiver on the screen (text, checkbox, finger).

Kept like a consent: the time, the text's version and the sha256 of the text shown,
the finger strokes, the kiosk. The server refuses a hash that is not the one of the
version named (``waiver_text_mismatch``): the proof must name the text it was given.
Every kiosk serving the member's building then knows it. Scope: the member lives in one
of the device's buildings.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from kiosk.domain.lending import WAIVER_VERSION, Waiver, waiver_hash
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import WAIVER
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, Payload, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref

KNOWN_TEXTS = {WAIVER_VERSION: waiver_hash()}


class SignWaiver(Payload):
    id: Id
    member_id: Id
    at: Stamp
    text_version: Annotated[str, Field(min_length=1, max_length=40)]
    text_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    signature: Annotated[str, Field(max_length=20_000, pattern=r"^[0-9, ;]*$")] = ""
    kiosk_id: Annotated[str, Field(max_length=64)] = ""

    def waiver(self, member_id: str | None = None) -> Waiver:
        return Waiver(self.id, member_id or self.member_id, self.at, self.text_version, self.text_sha256,
                      self.signature, self.kiosk_id)


class SignWaiverDefinition(Definition[SignWaiver]):
    model = SignWaiver
    personal = frozenset({"signature"})

    def scope(self, p: SignWaiver) -> list[Ref]:
        return [Ref.member(p.member_id)]

    def touches(self, p: SignWaiver) -> list[str]:
        return [WAIVER.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: SignWaiver) -> None:
        kiosk.waivers.add_if_absent(p.waiver())

    def server_effect(self, server: Server, sender: Sender, p: SignWaiver) -> Outcome:
        if KNOWN_TEXTS.get(p.text_version) != p.text_sha256:
            raise Rejected("waiver_text_mismatch")
        member = found(server.members.get(p.member_id), "member_unknown")
        if not server.lending.add_waiver(p.waiver(member.id)):
            return Outcome.applied("already")
        return Outcome.applied()

    def examples(self, world: World) -> list[SignWaiver]:
        return [SignWaiver(id=world.new_id(), member_id=world.member_id, at="2026-01-05T10:00:00+00:00",
                           text_version=WAIVER_VERSION, text_sha256=waiver_hash(), signature="10,10 20,20")]


DEFINITION = SignWaiverDefinition()
