"""What a mutation's effects may use on each side: two narrow interfaces (``Protocol``).

:class:`KioskRepos` is what a kiosk effect writes through: the store's repositories
(:class:`kiosk.store.repositories.Repositories` fits it; no SQL in a definition).
:class:`Server` is what a server effect and the scope check read and write through:
``central/server_store.py`` implements it over SQLAlchemy and the change feed, so every
write here also reaches the kiosks that must see it. :class:`Sender` is the
authenticated device; its buildings come from its credential, never from a payload.

A new capability adds the methods its definitions need here, and implements them in
``kiosk/store`` and ``central``; mypy checks that both still fit. Pure Python.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from kiosk.domain.community import Attendance, Event, Idea, LandlordRequest, Registration
from kiosk.domain.help import CallbackRequest
from kiosk.domain.lending import Item, LendingPoint, LendingSuspension, Loan, Waiver
from kiosk.domain.members import Member
from kiosk.domain.partners import Offer
from kiosk.domain.places import Flat
from kiosk.domain.records import CardRecord, Consent, StaffAccount
from kiosk.domain.vouchers import Voucher


# -- kiosk side ---------------------------------------------------------------------------------
class KioskMembers(Protocol):
    def add_if_absent(self, member: Member) -> None: ...
    def update_contact(self, member_id: str, *, phone: str | None = None, email: str | None = None,
                       language: str | None = None, sms_opt_in: bool | None = None,
                       newsletter_opt_in: bool | None = None) -> None: ...
    def activate(self, member_id: str) -> None: ...          # pending → active


class KioskConsents(Protocol):
    def add_if_absent(self, consent: Consent) -> None: ...


class KioskCards(Protocol):
    def add_if_absent(self, card: CardRecord) -> None: ...
    def revoke(self, issuer_key_id: str, serial: int) -> None: ...


class KioskEvents(Protocol):
    def add_registration(self, registration: Registration) -> None: ...  # only for an event held here
    def cancel_registration(self, registration_id: str) -> None: ...
    def refuse_registration(self, registration_id: str) -> None: ...  # a pending one the server refused
    def add_attendance(self, attendance: Attendance) -> bool: ...


class KioskIdeas(Protocol):
    def add_if_absent(self, idea: Idea) -> None: ...
    def add_vote(self, idea_id: str, member_id: str) -> bool: ...


class KioskRequests(Protocol):
    def add_if_absent(self, request: LandlordRequest) -> None: ...


class KioskCallbacks(Protocol):
    def add_if_absent(self, request: CallbackRequest) -> None: ...


class KioskVouchers(Protocol):
    def add_if_absent(self, voucher: Voucher) -> None: ...
    def refuse(self, voucher_id: str) -> None: ...          # the server would not record it


class KioskLending(Protocol):
    def add_loan(self, loan: Loan) -> None: ...              # a reservation, or a loan (a reservation served)
    def refuse_loan(self, loan_id: str, code: str) -> None: ...   # the server kept another loan
    def return_loan(self, loan_id: str, *, returned_at: str, condition: str, note: str) -> None: ...
    def cancel_loan(self, loan_id: str) -> None: ...         # a reservation cancelled or refused


class KioskWaivers(Protocol):
    def add_if_absent(self, waiver: Waiver) -> None: ...


class KioskErasure(Protocol):
    def erase_members(self, member_ids: Sequence[str]) -> int: ...


class KioskRepos(Protocol):
    @property
    def members(self) -> KioskMembers: ...
    @property
    def consents(self) -> KioskConsents: ...
    @property
    def cards(self) -> KioskCards: ...
    @property
    def events(self) -> KioskEvents: ...
    @property
    def ideas(self) -> KioskIdeas: ...
    @property
    def requests(self) -> KioskRequests: ...
    @property
    def callbacks(self) -> KioskCallbacks: ...
    @property
    def vouchers(self) -> KioskVouchers: ...
    @property
    def lending(self) -> KioskLending: ...
    @property
    def waivers(self) -> KioskWaivers: ...
    @property
    def erasure(self) -> KioskErasure: ...


# -- server side --------------------------------------------------------------------------------
class Sender(Protocol):
    """The device that pushed the mutation, as its credential says."""

    @property
    def id(self) -> str: ...
    @property
    def building_ids(self) -> list[str]: ...
    @property
    def key_id(self) -> str: ...


class ServerMembers(Protocol):
    def get(self, member_id: str, *, follow_merge: bool = True) -> Member | None:
        """The member; a record the office merged away leads to the one kept."""
        ...
    def exists(self, member_id: str) -> bool: ...             # the id is taken, in any building
    def put(self, member: Member) -> None: ...
    def similar(self, flat_id: str, phone: str) -> list[Member]: ...   # same flat or same phone
    def add_consents(self, member_id: str, consents: Sequence[Consent]) -> None: ...
    def flag_duplicate(self, member_id: str, duplicate_of: str, reason: str) -> None: ...
    def erase(self, member_id: str) -> None: ...


class ServerFlats(Protocol):
    def get(self, flat_id: str) -> Flat | None: ...


class ServerStaff(Protocol):
    def get(self, staff_id: str) -> StaffAccount | None: ...


class ServerCards(Protocol):
    def get(self, issuer_key_id: str, serial: int) -> CardRecord | None: ...
    def put(self, card: CardRecord) -> None: ...


class ServerEvents(Protocol):
    def get(self, event_id: str) -> Event | None: ...
    def lock(self, event_id: str) -> Event | None: ...         # locked until the transaction ends
    def take_place(self, event_id: str) -> bool: ...           # False: the event is full


class ServerRegistrations(Protocol):
    def get(self, registration_id: str) -> Registration | None: ...
    def active(self, event_id: str, member_id: str) -> Registration | None: ...
    def add(self, registration: Registration, *, origin_building: str) -> None: ...
    def position(self, event_id: str, registration_id: str) -> int | None: ...
    def cancel(self, registration: Registration) -> list[str]: ...   # promoted registration ids
    def mark_checked_in(self, event_id: str, member_id: str, at: str) -> bool: ...


class ServerAttendance(Protocol):
    def add(self, attendance: Attendance, *, staff_id: str) -> bool: ...   # False: already there


class ServerIdeas(Protocol):
    def get(self, idea_id: str) -> Idea | None: ...
    def add(self, idea: Idea) -> None: ...
    def vote(self, idea_id: str, member_id: str) -> bool: ...   # False: already voted


class ServerRequests(Protocol):
    def exists(self, request_id: str) -> bool: ...
    def add(self, request: LandlordRequest, *, building_id: str) -> None: ...


class ServerCallbacks(Protocol):
    def exists(self, request_id: str) -> bool: ...
    def add(self, request: CallbackRequest, *, device_id: str) -> None: ...


class ServerOffers(Protocol):
    def get(self, offer_id: str) -> Offer | None: ...


class ServerVouchers(Protocol):
    def get(self, voucher_id: str) -> Voucher | None: ...
    def code_taken(self, code: str) -> bool: ...
    def add(self, voucher: Voucher) -> Voucher: ...     # as recorded (used already if a partner redeemed it first)


class ServerLending(Protocol):
    def point(self, point_id: str) -> LendingPoint | None: ...
    def item(self, item_id: str) -> Item | None: ...
    def lock_item(self, item_id: str) -> Item | None: ...     # locked until the transaction ends
    def loan(self, loan_id: str) -> Loan | None: ...
    def out_loan(self, item_id: str) -> Loan | None: ...     # the item's loan now out, if any
    def active_of(self, item_id: str, member_id: str) -> Loan | None: ...   # reserved or out
    def suspension(self, member_id: str) -> LendingSuspension | None: ...
    def put_loan(self, loan: Loan, *, device_id: str) -> None: ...   # new or changed; published
    def returned(self, loan: Loan, item: Item) -> None: ...  # the loan returned, the item's state after
    def add_waiver(self, waiver: Waiver) -> bool: ...        # False: already recorded


class Server(Protocol):
    @property
    def members(self) -> ServerMembers: ...
    @property
    def flats(self) -> ServerFlats: ...
    @property
    def staff(self) -> ServerStaff: ...
    @property
    def cards(self) -> ServerCards: ...
    @property
    def events(self) -> ServerEvents: ...
    @property
    def registrations(self) -> ServerRegistrations: ...
    @property
    def attendance(self) -> ServerAttendance: ...
    @property
    def ideas(self) -> ServerIdeas: ...
    @property
    def requests(self) -> ServerRequests: ...
    @property
    def callbacks(self) -> ServerCallbacks: ...
    @property
    def offers(self) -> ServerOffers: ...
    @property
    def vouchers(self) -> ServerVouchers: ...

    @property
    def lending(self) -> ServerLending: ...

    def now(self) -> str: ...                                   # ISO 8601 UTC, the server's clock
