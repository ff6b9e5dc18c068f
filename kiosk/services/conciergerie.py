"""Neighbours' exchanges and time credits at the kiosk: the use cases the screens call.

Posting (shown after the office's moderation), closing one's post, answering one (a
contact request, never a phone number), the member's posts, requests received, time
balance and history; a time transfer confirmed by both members' cards, or recorded by
a caretaker for a member without a card (the staff id is kept); a caretaker's reversal.
Each change is one mutation recorded with its local effect (``Recorder``). No Qt, no SQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Protocol, Sequence

from kiosk.domain.errors import DomainError, FieldError, NotFound, ValidationError
from kiosk.domain.exchanges import (ContactRequest, Exchange, ExchangeCategory, ExchangeKind, ExchangeStatus,
                                    exchange_text_problems)
from kiosk.domain.community import clean_text
from kiosk.domain.timebank import (Confirmation, LimitFlag, TimeTransfer, limit_flag, reversal_problem,
                                   transfer_problem)
from kiosk.protocol.mutations.close_exchange import CloseExchange
from kiosk.protocol.mutations.post_exchange import PostExchange
from kiosk.protocol.mutations.record_time_transfer import RecordTimeTransfer, Share
from kiosk.protocol.mutations.request_contact import RequestContact
from kiosk.protocol.mutations.reverse_time_transfer import ReverseTimeTransfer
from kiosk.services.recording import Recorder
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories


class ConciergerieError(DomainError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class CardReader(Protocol):
    def open_by_card(self, text: str) -> Any: ...      # a MemberSpace (``member_id``), or raises


class SessionGuard(Protocol):
    def require(self, session: Any) -> Any: ...         # the session (``staff_id``), or raises
    def audit(self, session: Any, action: str, member_id: str = "", detail: str = "") -> None: ...


@dataclass(frozen=True)
class Balance:
    minutes: int
    flag: LimitFlag | None


@dataclass(frozen=True)
class TransferView:
    """One transfer as staff mode lists it: who gave, who received, how long, reversed or not."""

    transfer: TimeTransfer
    provider_name: str
    receiver_names: list[str]
    minutes: int                 # credited to the provider (all receivers' shares)
    reversed: bool


class ConciergerieService:
    def __init__(self, db: Database, repos: Repositories, cards: CardReader, staff: SessionGuard, *,
                 now: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.cards = cards
        self.staff = staff
        self._now = now or (lambda: datetime.now(timezone.utc))

    def _stamp(self) -> str:
        return self._now().astimezone(timezone.utc).isoformat(timespec="seconds")

    def _member(self, member_id: str) -> Any:
        member = self.repos.members.get(member_id)
        if member is None:
            raise NotFound(member_id)
        return member

    # -- exchanges -------------------------------------------------------------------------------
    def published(self, category: ExchangeCategory | None = None) -> list[Exchange]:
        return self.repos.exchanges.published(category)

    def counts_by_category(self) -> dict[str, int]:
        return self.repos.exchanges.counts_by_category()

    def post(self, member_id: str, kind: str, category: str, text: str) -> Exchange:
        """A new post, pending the office's moderation (the screen says so)."""
        errors: list[FieldError] = []
        if kind not in {k.value for k in ExchangeKind}:
            errors.append(FieldError("kind", "exchange.kind_required"))
        if category not in {c.value for c in ExchangeCategory}:
            errors.append(FieldError("category", "exchange.category_required"))
        text = clean_text(text)
        errors += exchange_text_problems(text)
        if errors:
            raise ValidationError(errors)
        member = self._member(member_id)
        payload = PostExchange(id=str(uuid.uuid4()), member_id=member_id, building_id=member.building_id,
                               kind=ExchangeKind(kind), category=ExchangeCategory(category), text=text,
                               created_at=self._stamp())
        self.recorder.record(payload)
        return payload.exchange(building_id=member.building_id, created_at=payload.created_at)

    def close(self, member_id: str, exchange_id: str) -> None:
        exchange = self.repos.exchanges.get(exchange_id)
        if exchange is None or exchange.member_id != member_id:
            raise ConciergerieError("exchange.not_yours")
        if exchange.status is not ExchangeStatus.CLOSED:
            self.recorder.record(CloseExchange(exchange_id=exchange_id, member_id=member_id))

    def request_contact(self, member_id: str, exchange_id: str) -> ContactRequest:
        """The member asks to be put in touch with the post's author (no phone shown)."""
        exchange = self.repos.exchanges.get(exchange_id)
        if exchange is None or exchange.status is not ExchangeStatus.PUBLISHED:
            raise ConciergerieError("exchange.closed")
        if exchange.member_id == member_id:
            raise ConciergerieError("exchange.own_post")
        if any(c.exchange_id == exchange_id and c.from_member_id == member_id
               for c in self.repos.exchanges.contacts_for(exchange.member_id)):
            raise ConciergerieError("exchange.already_asked")
        self._member(member_id)
        payload = RequestContact(id=str(uuid.uuid4()), exchange_id=exchange_id, member_id=member_id,
                                 author_id=exchange.member_id, building_id=exchange.building_id,
                                 created_at=self._stamp())
        self.recorder.record(payload)
        return payload.contact(payload.created_at)

    def my_posts(self, member_id: str) -> list[Exchange]:
        return self.repos.exchanges.of_member(member_id)

    def contacts_received(self, member_id: str) -> list[ContactRequest]:
        return self.repos.exchanges.contacts_for(member_id)

    def contacts_sent(self, member_id: str) -> list[ContactRequest]:
        return self.repos.exchanges.contacts_from(member_id)

    def exchange_texts(self, exchange_ids: Sequence[str]) -> dict[str, str]:
        """The posts' texts, for "someone answered your post « ... »" (no author shown)."""
        found = (self.repos.exchanges.get(i) for i in set(exchange_ids))
        return {e.id: e.text for e in found if e is not None}

    # -- time credits ----------------------------------------------------------------------------
    def balance(self, member_id: str) -> Balance:
        minutes = self.repos.timebank.balance(member_id)
        return Balance(minutes, limit_flag(minutes))

    def history(self, member_id: str) -> list[tuple[TimeTransfer, int]]:
        return self.repos.timebank.history(member_id)

    def transfer_by_cards(self, giver_card: str, receiver_card: str, minutes: int, note: str = "") -> TimeTransfer:
        """The member who gave the time scans their card, then the one who received it."""
        giver = self.cards.open_by_card(giver_card).member_id
        receiver = self.cards.open_by_card(receiver_card).member_id
        return self._transfer(giver, [(receiver, minutes)], Confirmation.CARDS, "", note)

    def transfer_by_staff(self, session: Any, provider_id: str, shares: Sequence[tuple[str, int]],
                          note: str = "") -> TimeTransfer:
        """A caretaker records it (a member without a card, or a workshop: one host, many)."""
        staff_id = self.staff.require(session).staff_id

        def go(_c: object) -> TimeTransfer:
            with self.db.atomic():     # the transfer and the audit line of who recorded it, together
                transfer = self._transfer(provider_id, list(shares), Confirmation.STAFF, staff_id, note)
                self.staff.audit(session, "time_transfer", provider_id,
                                 f"{transfer.id} {sum(n for _m, n in shares)} min, {len(shares)} receiver(s)")
                return transfer
        return self.db.run(go)

    def recent_transfers(self, session: Any, limit: int = 30) -> list["TransferView"]:
        """The latest transfers (not reversals), for a caretaker to check or reverse one."""
        self.staff.require(session)

        def name(member_id: str) -> str:
            m = self.repos.members.get(member_id)
            return f"{m.first_name} {m.last_name}" if m is not None else "?"
        return [TransferView(t, name(t.provider_id), [name(r) for r in receivers], minutes, undone)
                for t, minutes, receivers, undone in self.repos.timebank.recent(limit)]

    def _transfer(self, provider_id: str, shares: list[tuple[str, int]], how: Confirmation, staff_id: str,
                  note: str) -> TimeTransfer:
        problem = transfer_problem(provider_id, shares)
        if problem:
            raise ConciergerieError(problem)
        provider = self._member(provider_id)
        for member_id, _ in shares:
            self._member(member_id)
        payload = RecordTimeTransfer(id=str(uuid.uuid4()), provider_id=provider_id, building_id=provider.building_id,
                                     shares=[Share(member_id=m, minutes=n) for m, n in shares], confirmed_by=how,
                                     staff_id=staff_id, note=clean_text(note), created_at=self._stamp())
        self.recorder.record(payload)
        return payload.transfer(provider.building_id, payload.created_at)

    def reverse(self, session: Any, transfer_id: str, note: str = "") -> str:
        """A caretaker cancels a transfer (once); the reversing transfer's id."""
        staff_id = self.staff.require(session).staff_id
        original = self.repos.timebank.get(transfer_id)
        problem = reversal_problem(original, self.repos.timebank.reversed_by(transfer_id) is not None)
        if problem:
            raise ConciergerieError(problem)
        payload = ReverseTimeTransfer(id=str(uuid.uuid4()), transfer_id=transfer_id, staff_id=staff_id,
                                      note=clean_text(note), created_at=self._stamp())

        def go(_c: object) -> str:
            with self.db.atomic():
                self.recorder.record(payload)
                self.staff.audit(session, "reverse_time_transfer", original.provider_id if original else "",
                                 f"{payload.id} reverses {transfer_id}")
                return payload.id
        return self.db.run(go)


def build_conciergerie(store: Any, membership: Any) -> ConciergerieService:
    """On an open store, with the app's membership services (cards and staff sessions)."""
    return ConciergerieService(store.db, store.repos, membership.members, membership.staff)
