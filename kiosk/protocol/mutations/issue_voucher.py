"""``issue_voucher``: a member without the card at hand printed a voucher for one offer at a kiosk.

The voucher (``kiosk/domain/vouchers.py``) is signed with the kiosk's card key, so a
partner can check and redeem it before this mutation reaches the server; the server
then records it as already used. Used once: the server refuses a second redemption.
Scope: the issuer key is the sending device's, the member lives in its buildings, the
offer exists in the catalogue and belongs to the partner named. A code already taken
(by any kiosk) is ``voucher_code_used``; dates are checked by
:func:`kiosk.domain.vouchers.dates_problem` on both sides.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Annotated

from pydantic import AfterValidator, model_validator

from kiosk.domain.members import MemberStatus
from kiosk.domain.vouchers import CODE_LEN, Voucher, code_problem, dates_problem
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import VOUCHER
from kiosk.protocol.outcome import Outcome, Rejected, found
from kiosk.protocol.parts import Id, KeyId, Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref


def _code(value: str) -> str:
    problem = code_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Code = Annotated[str, AfterValidator(_code)]


class IssueVoucher(Payload):
    id: Id
    code: Code
    issuer_key_id: KeyId
    member_id: Id
    offer_id: Id
    partner_id: Id
    issued: str
    expires: str

    @model_validator(mode="after")
    def _dates(self) -> "IssueVoucher":
        problem = dates_problem(self.issued, self.expires)
        if problem:
            raise ValueError(problem)
        return self

    def voucher(self, member_id: str | None = None) -> Voucher:
        return Voucher(self.id, self.code, self.issuer_key_id, member_id or self.member_id, self.offer_id,
                       self.partner_id, self.issued, self.expires)


def example_code(seed: str) -> str:
    """A code made from an id (examples must be the same for the same world)."""
    return base64.b32encode(hashlib.sha256(seed.encode()).digest()).decode()[:CODE_LEN]


class IssueVoucherDefinition(Definition[IssueVoucher]):
    model = IssueVoucher

    def scope(self, p: IssueVoucher) -> list[Ref]:
        return [Ref.issuer(p.issuer_key_id), Ref.member(p.member_id), Ref.offer(p.offer_id)]

    def touches(self, p: IssueVoucher) -> list[str]:
        return [VOUCHER.touch(p.id)]

    def kiosk_effect(self, kiosk: KioskRepos, p: IssueVoucher) -> None:
        kiosk.vouchers.add_if_absent(p.voucher())

    def on_rejected(self, kiosk: KioskRepos, p: IssueVoucher, code: str) -> None:
        kiosk.vouchers.refuse(p.id)

    def server_effect(self, server: Server, sender: Sender, p: IssueVoucher) -> Outcome:
        if server.vouchers.get(p.id) is not None:
            raise Rejected("voucher_exists")
        if server.vouchers.code_taken(p.code):
            raise Rejected("voucher_code_used")
        offer = found(server.offers.get(p.offer_id), "offer_unknown")
        if offer.partner_id != p.partner_id:
            raise Rejected("offer_unknown")
        member = found(server.members.get(p.member_id), "member_unknown")
        if member.status is MemberStatus.LEFT:
            raise Rejected("member_left")
        recorded = server.vouchers.add(p.voucher(member.id))
        return Outcome.applied(status=recorded.status.value)

    def examples(self, world: World) -> list[IssueVoucher]:
        vid = world.new_id()
        offer_id, partner_id = world.offer
        return [IssueVoucher(id=vid, code=example_code(vid), issuer_key_id=world.own_key_id,
                             member_id=world.member_id, offer_id=offer_id, partner_id=partner_id,
                             issued="2026-01-05", expires="2026-02-04")]


DEFINITION = IssueVoucherDefinition()
