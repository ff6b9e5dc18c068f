"""Tool lending at the kiosk: the desk (lend with two scans, return with one), the
catalogue, reservations, "Mes prêts", the waiver signed on screen. Qt-free.

The desk is modeless (:meth:`LendingService.desk_scan`): a member's card sets who is
borrowing; an item's label (``CKT1:<item id>``) then lends it to them at once — no
confirm button — or, when the item is out, returns it (condition ok; "à réparer" is one
more tap, :meth:`LendingService.mark_to_repair`). Every refusal is a
:class:`LendingRefused` with its code (``kiosk.domain.lending.Refusal``), decided by the
one rule :func:`kiosk.domain.lending.lending_refusal`. Every change is a recorded
mutation (local effect and outbox entry in one transaction): the loan shows ``out``
here at once, offline too; a loan the server refuses (another kiosk lent the item
first) stays as ``refused`` on the staff home.

The member's fee standing comes from the membership fee's rule (:func:`fee_standing_from`). No Qt, no SQL here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, Callable, Protocol

from kiosk.domain.errors import DomainError, NotFound
from kiosk.domain.lending import (WAIVER_TEXT, WAIVER_VERSION, Condition, Item, LendingPoint, Loan, LoanStatus,
                                  Refusal, Waiver, available_on, due_date, effective_status, lending_refusal,
                                  note_problem, parse_label, reminder_due, waiver_hash)
from kiosk.domain.members import MemberStatus
from kiosk.protocol.mutations.cancel_reservation import CancelReservation
from kiosk.protocol.mutations.lend_item import LendItem
from kiosk.protocol.mutations.reserve_item import ReserveItem
from kiosk.protocol.mutations.return_item import ReturnItem
from kiosk.protocol.mutations.sign_waiver import SignWaiver
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories

if TYPE_CHECKING:
    from kiosk.services.fees import FeesService


@dataclass(frozen=True)
class FeeStanding:
    charged: bool                   # the club charges a fee at all
    paid_until: date | None
    blocks_lending: bool            # the club makes an unpaid fee block lending


NO_FEE = FeeStanding(charged=False, paid_until=None, blocks_lending=False)


def fee_standing(member_id: str) -> FeeStanding:
    """No fee charged: the standing of a kiosk without the fee service (unit tests)."""
    return NO_FEE


def fee_standing_from(fees: "FeesService") -> Callable[[str], FeeStanding]:
    """The member's standing as the membership fee decides it (kiosk/domain/fees.py, the
    rule the server and the office use too): the estate's policy, the payments recorded."""
    from kiosk.domain import fees as rules

    def standing(member_id: str) -> FeeStanding:
        policy = fees.policy_for(member_id)
        st = fees.standing(member_id)
        return FeeStanding(charged=st.kind is not rules.StandingKind.NOT_CHARGED,
                           paid_until=st.until, blocks_lending=policy.fee_blocks_lending)
    return standing


class LendingRefused(DomainError):
    """The desk's rule said no; ``refusal`` is the code, ``data`` what the message names."""

    def __init__(self, refusal: Refusal, **data: Any) -> None:
        super().__init__(f"lending.{refusal.value}")
        self.refusal = refusal
        self.code = f"lending.{refusal.value}"
        self.data = data


class NotALabel(DomainError):
    code = "lending.not_a_label"


class NoMemberYet(DomainError):
    code = "lending.scan_card_first"


class AlreadyReserved(DomainError):
    code = "lending.already_reserved"


class MemberFinder(Protocol):
    def open_by_card(self, text: str) -> Any: ...


class SessionGuard(Protocol):
    def require(self, session: Any) -> Any: ...


@dataclass(frozen=True)
class Borrower:
    member_id: str
    first_name: str


@dataclass(frozen=True)
class CatalogueEntry:
    item: Item
    point: LendingPoint | None
    available_on: date | None        # today: available now; None: in repair, no date
    waiting: int                     # reservations on its waiting list
    mine: Loan | None = None         # the member's reservation or loan of it

    def available_now(self, today: date) -> bool:
        return self.available_on == today


@dataclass(frozen=True)
class DeskResult:
    kind: str                        # "lent" | "returned" | "member"
    borrower: Borrower | None
    item: Item | None = None
    loan: Loan | None = None


@dataclass(frozen=True)
class MyLoan:
    loan: Loan
    item: Item
    status: LoanStatus               # overdue derived
    reminder: str | None             # "day_before" | "overdue" | None


@dataclass(frozen=True)
class DeskLine:
    """A line of the staff home's lists (overdue loans, refused loans)."""

    loan: Loan
    item_name: str
    first_name: str
    status: LoanStatus


class LendingService:
    def __init__(self, db: Database, repos: Repositories, members: MemberFinder, *,
                 buildings: list[str] | None = None, staff: SessionGuard | None = None, kiosk_id: str = "",
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 fee: Callable[[str], FeeStanding] = fee_standing) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.members = members
        self.staff = staff
        self.buildings = list(buildings or [])
        self.kiosk_id = kiosk_id
        self._now = now
        self._fee = fee

    # -- helpers ----------------------------------------------------------------------------------
    def today(self) -> date:
        now = self._now()
        return (now.astimezone() if now.tzinfo else now).date()

    def _stamp(self) -> str:
        now = self._now()
        return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).isoformat(timespec="seconds")

    def _require(self, session: Any) -> None:
        if self.staff is not None:
            self.staff.require(session)

    def points(self) -> list[LendingPoint]:
        """The lending points serving this kiosk's buildings."""
        points = self.repos.lending.points()
        if not self.buildings:
            return points
        return [p for p in points if set(p.building_ids) & set(self.buildings)]

    def _item(self, item_id: str) -> Item:
        item = self.repos.lending.item(item_id)
        if item is None or item.point_id not in {p.id for p in self.points()}:
            raise NotFound("lending.item_unknown")
        return item

    def item(self, item_id: str) -> Item:
        return self._item(item_id)

    def borrower(self, card_text: str) -> Borrower:
        space = self.members.open_by_card(card_text)
        return Borrower(space.member_id, space.first_name)

    # -- the rule -----------------------------------------------------------------------------------
    def refusal_for(self, member_id: str, item: Item) -> Refusal | None:
        today = self.today()
        member = self.repos.members.get(member_id)
        fee = self._fee(member_id)
        out = self.repos.lending.out_loan(item.id)
        return lending_refusal(
            item=item, today=today, item_out=out is not None and out.member_id != member_id,
            member_active=member is not None and member.status is MemberStatus.ACTIVE,
            suspension=self.repos.lending.suspension(member_id),
            member_loans=self.repos.lending.of_member(member_id),
            waiver_signed=self.waiver_of(member_id) is not None,
            fee_paid_until=fee.paid_until, fee_blocks_lending=fee.charged and fee.blocks_lending)

    def waiver_of(self, member_id: str) -> Waiver | None:
        return self.repos.waivers.signed(member_id, WAIVER_VERSION)

    # -- the desk (staff) -------------------------------------------------------------------------
    def desk_scan(self, session: Any, text: str, borrower: Borrower | None) -> DeskResult:
        """One scan at the desk: a card names the borrower; a label lends the item to them,
        or returns it when it is out (to them, or with nobody named yet)."""
        self._require(session)
        item_id = parse_label(text)
        if item_id is None:
            return DeskResult("member", self.borrower(text))
        item = self._item(item_id)
        out = self.repos.lending.out_loan(item.id)
        if out is not None and (borrower is None or borrower.member_id == out.member_id):
            return self.return_item(session, item.id)
        if borrower is None:
            raise NoMemberYet(NoMemberYet.code)
        return self.lend(session, borrower, item.id)

    def lend(self, session: Any, borrower: Borrower, item_id: str) -> DeskResult:
        self._require(session)
        item = self._item(item_id)
        refusal = self.refusal_for(borrower.member_id, item)
        if refusal is not None:
            out = self.repos.lending.out_loan(item.id)
            raise LendingRefused(refusal, item=item.name, due_on=out.due_on if out else "",
                                 until=item.on_hold_until)
        reservation = self.repos.lending.active_of(item.id, borrower.member_id)
        loan_id = reservation.id if reservation is not None and reservation.status is LoanStatus.RESERVED \
            else str(uuid.uuid4())
        payload = LendItem(id=loan_id, item_id=item.id, member_id=borrower.member_id,
                           due_on=due_date(self.today(), item).isoformat(), lent_at=self._stamp(),
                           staff_id=str(getattr(session, "staff_id", "") or ""))
        self.recorder.record(payload)
        return DeskResult("lent", borrower, item, self.repos.lending.loan(loan_id))

    def return_item(self, session: Any, item_id: str) -> DeskResult:
        """The item is back (condition ok): one scan of its label."""
        self._require(session)
        item = self._item(item_id)
        out = self.repos.lending.out_loan(item.id)
        if out is None:
            raise NotFound("lending.not_out")
        self.recorder.record(ReturnItem(loan_id=out.id, condition=Condition.OK, returned_at=self._stamp(),
                                        staff_id=str(getattr(session, "staff_id", "") or "")))
        member = self.repos.members.get(out.member_id)
        who = Borrower(out.member_id, member.first_name) if member is not None else None
        return DeskResult("returned", who, self.repos.lending.item(item.id), self.repos.lending.loan(out.id))

    def mark_to_repair(self, session: Any, loan_id: str, note: str) -> Item:
        """After a return: the item needs a repair (on hold until the office says it is fixed)."""
        self._require(session)
        note = " ".join((note or "").split())
        problem = note_problem(note)
        if problem:
            from kiosk.domain.errors import FieldError, ValidationError
            raise ValidationError([FieldError("note", problem)])
        loan = self.repos.lending.loan(loan_id)
        if loan is None:
            raise NotFound("lending.loan_unknown")
        self.recorder.record(ReturnItem(loan_id=loan_id, condition=Condition.TO_REPAIR, note=note,
                                        returned_at=loan.returned_at or self._stamp(),
                                        staff_id=str(getattr(session, "staff_id", "") or "")))
        return self._item(loan.item_id)

    def overdue(self) -> list[DeskLine]:
        today = self.today()
        return [self._line(loan) for loan in self.repos.lending.out_loans()
                if effective_status(loan, today) is LoanStatus.OVERDUE and self._served(loan)]

    def out_now(self) -> list[DeskLine]:
        return [self._line(loan) for loan in self.repos.lending.out_loans() if self._served(loan)]

    def refused(self) -> list[DeskLine]:
        """Loans made here that the server would not keep: for the caretaker to sort out."""
        return [self._line(loan) for loan in self.repos.lending.refused_unseen()]

    def acknowledge(self, session: Any, loan_id: str) -> None:
        self._require(session)
        self.repos.lending.acknowledge(loan_id)

    def _served(self, loan: Loan) -> bool:
        item = self.repos.lending.item(loan.item_id)
        return item is not None and item.point_id in {p.id for p in self.points()}

    def _line(self, loan: Loan) -> DeskLine:
        item = self.repos.lending.item(loan.item_id)
        member = self.repos.members.get(loan.member_id) if loan.member_id else None
        return DeskLine(loan, item.name if item else "?", member.first_name if member else "",
                        effective_status(loan, self.today()))

    # -- tenants ------------------------------------------------------------------------------------
    def catalogue(self, member_id: str | None = None) -> list[CatalogueEntry]:
        today = self.today()
        points = {p.id: p for p in self.points()}
        entries = []
        for item in self.repos.lending.items(list(points)):
            out = self.repos.lending.out_loan(item.id)
            mine = self.repos.lending.active_of(item.id, member_id) if member_id else None
            entries.append(CatalogueEntry(item, points.get(item.point_id), available_on(item, out, today),
                                          len(self.repos.lending.reservations(item.id)), mine))
        return entries

    def photo(self, item_id: str) -> tuple[str, bytes] | None:
        import base64
        photo = self.repos.lending.photo(item_id)
        return (photo.mime, base64.b64decode(photo.data)) if photo is not None else None

    def reserve(self, member_id: str, item_id: str) -> Loan:
        """On the item's waiting list (its place is the server's); refused like a loan would be
        for the member's standing (suspended, fee, overdue)."""
        item = self._item(item_id)
        if self.repos.lending.active_of(item.id, member_id) is not None:
            raise AlreadyReserved(AlreadyReserved.code)
        refusal = self.refusal_for(member_id, item)
        if refusal in (Refusal.MEMBER_SUSPENDED, Refusal.FEE_DUE, Refusal.LOAN_OVERDUE):
            raise LendingRefused(refusal, item=item.name)
        payload = ReserveItem(id=str(uuid.uuid4()), item_id=item.id, member_id=member_id, created_at=self._stamp())
        self.recorder.record(payload)
        loan = self.repos.lending.loan(payload.id)
        assert loan is not None
        return loan

    def cancel_reservation(self, member_id: str, loan_id: str) -> None:
        loan = self.repos.lending.loan(loan_id)
        if loan is None or loan.member_id != member_id:
            raise NotFound("lending.loan_unknown")
        if loan.status is LoanStatus.RESERVED:
            self.recorder.record(CancelReservation(id=loan_id, member_id=member_id))

    def my_loans(self, member_id: str) -> list[MyLoan]:
        """Out (overdue first), then reservations, then the last returned ones."""
        today = self.today()
        out = []
        for loan in self.repos.lending.of_member(member_id):
            item = self.repos.lending.item(loan.item_id)
            if item is None or loan.status in (LoanStatus.CANCELLED, LoanStatus.REFUSED):
                continue
            out.append(MyLoan(loan, item, effective_status(loan, today), reminder_due(loan, today)))
        rank = {LoanStatus.OVERDUE: 0, LoanStatus.OUT: 1, LoanStatus.RESERVED: 2, LoanStatus.RETURNED: 3}
        return sorted(out, key=lambda m: (rank.get(m.status, 4), m.loan.due_on or m.loan.created_at))[:20]

    def sign_waiver(self, member_id: str, *, accepted: bool, signature: str = "") -> Waiver:
        """The waiver text was shown and accepted (box ticked, finger signature optional): kept
        with its proof (time, text version, sha256 of the text)."""
        if not accepted:
            from kiosk.domain.errors import FieldError, ValidationError
            raise ValidationError([FieldError("accepted", "lending.waiver_not_accepted")])
        if self.repos.members.get(member_id) is None:
            raise NotFound("lending.member_unknown")
        payload = SignWaiver(id=str(uuid.uuid4()), member_id=member_id, at=self._stamp(), text_version=WAIVER_VERSION,
                             text_sha256=waiver_hash(WAIVER_TEXT), signature=signature[:20_000],
                             kiosk_id=self.kiosk_id)
        self.recorder.record(payload)
        return payload.waiver()


def build_lending(store, config, membership=None, *,  # noqa: ANN001
                  now: Callable[[], datetime] | None = None) -> LendingService:
    """The service on an open store (``membership`` identifies cards and staff sessions)."""
    if membership is None:
        from kiosk.services.members import build_membership
        membership = build_membership(store, config)
    from kiosk.services.fees import build_fees
    kiosk_id = str(store.repos.kv.get("sync.device_id") or "")
    clock = now or (lambda: datetime.now(timezone.utc))
    fees = build_fees(store, today=lambda: clock().date())
    return LendingService(store.db, store.repos, membership.members, buildings=list(config.buildings),
                          staff=membership.staff, kiosk_id=kiosk_id, now=clock, fee=fee_standing_from(fees))
