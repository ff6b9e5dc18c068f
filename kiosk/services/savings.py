"""A member's savings and vouchers at the kiosk.

- :meth:`SavingsService.summary`: what the member saved this year, measured (uses of
  offers recorded by partners) and declared (contracts such as home insurance), with one
  line per partner; from the totals the server sends to this building (offline).
- :meth:`SavingsService.issue_voucher`: a voucher for one current offer, signed with this
  kiosk's card key and recorded as the ``issue_voucher`` mutation (its row and its outbox
  entry in one transaction). One open voucher per member and offer: asking again gives
  the same voucher back (its text is rebuilt: Ed25519 is deterministic), so a member who
  lost the paper prints it again rather than a second one.
No Qt here; printing lives in the UI.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Callable

from kiosk.domain import vouchers
from kiosk.domain.cards import CardSigner
from kiosk.domain.errors import NotFound
from kiosk.domain.members import MemberStatus
from kiosk.domain.partners import Offer, Partner
from kiosk.domain.savings import MemberSaving, SavingKind
from kiosk.domain.vouchers import Voucher
from kiosk.protocol.mutations.issue_voucher import IssueVoucher
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories


class VoucherElsewhere(Exception):
    """The member already has an open voucher for this offer, printed at another kiosk."""

    def __init__(self, voucher: Voucher) -> None:
        super().__init__(voucher.id)
        self.voucher = voucher


@dataclass(frozen=True)
class SavingsSummary:
    year: int
    measured_cents: int
    declared_cents: int
    lines: list[MemberSaving]          # largest first

    @property
    def total_cents(self) -> int:
        return self.measured_cents + self.declared_cents


@dataclass(frozen=True)
class VoucherChoice:
    offer: Offer
    partner: Partner
    open_voucher: Voucher | None       # the member's voucher for it, still good


@dataclass(frozen=True)
class PrintedVoucher:
    voucher: Voucher
    text: str                          # the CKV1: QR text
    offer: Offer
    partner: Partner
    reprint: bool                      # the same voucher as before


class SavingsService:
    def __init__(self, db: Database, repos: Repositories, signer: CardSigner, *,
                 today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.signer = signer
        self.today = today

    # -- savings ------------------------------------------------------------------------------
    def summary(self, member_id: str, year: int | None = None) -> SavingsSummary:
        year = year or self.today().year
        lines = self.repos.savings.of_member(member_id, year)
        measured = sum(s.amount_cents for s in lines if s.kind is SavingKind.MEASURED)
        declared = sum(s.amount_cents for s in lines if s.kind is SavingKind.DECLARED)
        return SavingsSummary(year, measured, declared, lines)

    # -- vouchers -----------------------------------------------------------------------------
    def voucher_choices(self, member_id: str) -> list[VoucherChoice]:
        """Current offers of active partners (by partner name), each with the member's open voucher."""
        today = self.today()
        offers = self.repos.partners.current_offers(today)
        out = []
        for partner in self.repos.partners.active():
            for offer in offers.get(partner.id, []):
                out.append(VoucherChoice(offer, partner,
                                         self.repos.vouchers.open_for(member_id, offer.id, today.isoformat())))
        return out

    def issue_voucher(self, member_id: str, offer_id: str) -> PrintedVoucher:
        def go(_c: object) -> PrintedVoucher:
            with self.db.atomic():
                member = self.repos.members.get(member_id)
                if member is None or member.status is MemberStatus.LEFT:
                    raise NotFound("savings.member_unknown")
                today = self.today()
                choice = next((c for c in self.voucher_choices(member_id) if c.offer.id == offer_id), None)
                if choice is None:
                    raise NotFound("savings.offer_unknown")
                old = choice.open_voucher
                if old is not None:
                    if old.issuer_key_id != self.signer.key_id.hex():
                        raise VoucherElsewhere(old)
                    return PrintedVoucher(old, self.voucher_text(old), choice.offer, choice.partner, True)
                v, text = vouchers.issue(self.signer, voucher_id=str(uuid.uuid4()), member_id=member_id,
                                         offer_id=offer_id, partner_id=choice.partner.id, today=today)
                self.recorder.record(IssueVoucher(id=v.id, code=v.code, issuer_key_id=v.issuer_key_id,
                                                  member_id=member_id, offer_id=offer_id,
                                                  partner_id=choice.partner.id, issued=v.issued, expires=v.expires))
                return PrintedVoucher(v, text, choice.offer, choice.partner, False)
        return self.db.run(go)

    def voucher_text(self, v: Voucher) -> str:
        """The QR text of a voucher this kiosk signed, rebuilt from its record."""
        if v.issuer_key_id != self.signer.key_id.hex():
            raise NotFound("savings.voucher_elsewhere")
        return vouchers.sign(self.signer, vouchers.claims_of(v))


def build_savings(store, *, today: Callable[[], date] | None = None) -> SavingsService:  # noqa: ANN001
    """The service on an open :class:`kiosk.store.opening.Store` (the card key signs vouchers)."""
    from kiosk.services.cards import signer_for
    return SavingsService(store.db, store.repos, signer_for(store), today=today or date.today)
