"""The membership fee at the kiosk: staff record a cash payment, the member sees paid-until.

:meth:`FeesService.record_payment` checks the payment against the club's policy
(``kiosk/domain/fees.py``), takes the device's next receipt counter and records the
``record_fee_payment`` mutation (its row, the counter and its outbox entry in ONE
``db.atomic()``), so a receipt number is never given twice, even offline and after a
crash between two steps. :meth:`FeesService.standing` is what the member space shows.
No Qt here; printing lives in the UI.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Callable

from kiosk.domain import fees
from kiosk.domain.errors import NotFound
from kiosk.domain.fees import FeePolicy, MemberKind, Payment, Standing
from kiosk.domain.members import MemberStatus
from kiosk.protocol.mutations.record_fee_payment import RecordFeePayment
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories


class FeeRefused(ValueError):
    """The payment breaks the club's policy; ``code`` is a ``fee_*`` code (translated in the UI)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Receipt:
    payment: Payment
    paid_until: date            # first day not covered
    member_name: str
    club_name: str = ""


@dataclass(frozen=True)
class FeeAccount:
    """What the staff fee desk shows of one member before taking their money."""

    member_id: str
    name: str
    club_name: str
    standing: Standing
    monthly_cents: int          # 0: the club charges this member nothing


@dataclass(frozen=True)
class RefusedPayment:
    """A payment this kiosk recorded that the server refused (its receipt is void)."""

    receipt_number: str
    member_id: str
    amount_cents: int
    months: int
    code: str                   # the server's reason: fee_amount_too_high, fee_not_charged...


class FeesService:
    def __init__(self, db: Database, repos: Repositories, key_id: Callable[[], str], *,
                 policy: FeePolicy | None = None, today: Callable[[], date] = date.today) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.key_id = key_id                 # the kiosk's card key id (8 hex): the receipt prefix
        self.policy = policy                 # None: the one the office set on the member's estate
        self.today = today

    def policy_for(self, member_id: str) -> FeePolicy:
        """The club's fee for this member: its estate's (from the feed), free when unknown."""
        if self.policy is not None:
            return self.policy
        member = self.repos.members.get(member_id)
        building = self.repos.places.building(member.building_id) if member is not None else None
        estate = next((e for e in self.repos.places.estates() if building and e.id == building.estate_id), None)
        return fees.policy_of(estate)

    def club_name(self, member_id: str) -> str:
        member = self.repos.members.get(member_id)
        building = self.repos.places.building(member.building_id) if member is not None else None
        estate = next((e for e in self.repos.places.estates() if building and e.id == building.estate_id), None)
        return estate.name if estate is not None else ""

    def account(self, member_id: str, kind: MemberKind = MemberKind.TENANT) -> FeeAccount:
        """The member's name, club, standing and monthly fee (the staff desk, once the card is read)."""
        member = self.repos.members.get(member_id)
        if member is None or member.status is MemberStatus.LEFT:
            raise NotFound("fees.member_unknown")
        return FeeAccount(member_id, f"{member.first_name} {member.last_name}", self.club_name(member_id),
                          self.standing(member_id, kind), self.policy_for(member_id).monthly(kind))

    def refused_payments(self, limit: int = 20) -> list[RefusedPayment]:
        """Payments the server refused for good, newest first: the desk tells the caretaker."""
        out = []
        for e in self.repos.outbox.rejected(200):
            if e.mutation != "record_fee_payment":
                continue
            p = e.payload
            out.append(RefusedPayment(str(p.get("receipt_number", "")), str(p.get("member_id", "")),
                                      int(p.get("amount_cents", 0)), int(p.get("months", 0)),
                                      str((e.result or {}).get("code") or "")))
        return out[:limit]

    def standing(self, member_id: str, kind: MemberKind = MemberKind.TENANT) -> Standing:
        return fees.fee_standing(self.repos.fees.paid_until(member_id), self.today(), self.policy_for(member_id),
                                 kind)

    def expected(self, member_id: str, months: int, kind: MemberKind = MemberKind.TENANT) -> int:
        return fees.expected_amount(self.policy_for(member_id), kind, months)

    def record_payment(self, member_id: str, staff_id: str, months: int, amount_cents: int | None = None,
                       kind: MemberKind = MemberKind.TENANT) -> Receipt:
        policy = self.policy_for(member_id)
        amount = fees.expected_amount(policy, kind, months) if amount_cents is None else amount_cents
        problem = fees.payment_problem(policy, kind, months, amount)
        if problem:
            raise FeeRefused(problem)
        key_id = self.key_id()
        short = fees.device_short_id(key_id)

        def go(_c: object) -> Receipt:
            with self.db.atomic():
                member = self.repos.members.get(member_id)
                if member is None or member.status is MemberStatus.LEFT:
                    raise NotFound("fees.member_unknown")
                number = fees.receipt_number(short, self.repos.fees.next_receipt_counter())
                payload = RecordFeePayment(id=str(uuid.uuid4()), issuer_key_id=key_id, member_id=member_id,
                                           staff_id=staff_id,
                                           months=months, amount_cents=amount, paid_on=self.today().isoformat(),
                                           receipt_number=number, kind=kind.value,
                                           created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
                self.recorder.record(payload)
                until = self.repos.fees.paid_until(member_id)
                assert until is not None
                return Receipt(payload.payment(), until, f"{member.first_name} {member.last_name}",
                               self.club_name(member_id))
        return self.db.run(go)


def build_fees(store, *, policy: FeePolicy | None = None,  # noqa: ANN001
               today: Callable[[], date] | None = None) -> FeesService:
    """The service on an open :class:`kiosk.store.opening.Store`; receipts carry its card key id."""
    from kiosk.services.cards import signer_for
    return FeesService(store.db, store.repos, lambda: signer_for(store).key_id.hex(), policy=policy,
                       today=today or date.today)
