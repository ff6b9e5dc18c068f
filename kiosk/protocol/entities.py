"""The rows the server's feed carries to kiosks, each one typed.

Every feed entity is a dataclass of :mod:`kiosk.domain` (the same type the kiosk's
repositories store and its services read); :class:`EntityKind` names it on the wire
(``Change.entity``), says how its id is written (``Change.id``) and turns it into the
JSON of ``Change.data`` and back. The server encodes what it writes, the kiosk's applier
decodes what it pulls: there is no other description of a row's fields.

Kinds are listed parents first: a page is applied in this order (deletes in reverse),
because the feed keeps only the latest change of a row, so a renamed building can come
after its flats. Unknown entities (from a newer server) are skipped by the applier.
Pure Python (pydantic); no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Mapping, TypeVar

from pydantic import TypeAdapter

from kiosk.domain.community import (Announcement, Attendance, Event, Idea, IdeaVote, LandlordRequest,
                                    Registration)
from kiosk.domain.exchanges import ContactRequest, Exchange
from kiosk.domain.fees import Payment
from kiosk.domain.help import CallbackRequest, HelpContact
from kiosk.domain.lending import Item, ItemPhoto, LendingPoint, LendingSuspension, Loan, Waiver
from kiosk.domain.members import Member
from kiosk.domain.partners import Offer, Partner, PartnerLogo
from kiosk.domain.places import Building, Entrance, Estate, Flat
from kiosk.domain.records import CardIssuer, CardRecord, StaffAccount
from kiosk.domain.savings import MemberSaving
from kiosk.domain.timebank import TimeEntry, TimeTransfer
from kiosk.domain.vouchers import Voucher

T = TypeVar("T")

# Feed scopes: the office's catalogue (every kiosk), and one per building.
CATALOG = "catalog"


def building_scope(building_id: str) -> str:
    return f"bldg:{building_id}"


def card_key(issuer_key_id: str, serial: int) -> str:
    """A card's id in the feed: ``<issuer key id>:<serial>``."""
    return f"{issuer_key_id}:{serial}"


def pair_key(first: str, second: str) -> str:
    """The id of a row keyed by two ids (attendance, votes): ``<first>:<second>``."""
    return f"{first}:{second}"


@dataclass(frozen=True, eq=False)
class EntityKind(Generic[T]):
    name: str                              # Change.entity
    type: type[T]
    key: Callable[[T], str]                # Change.id of an instance
    touch_name: str = ""                   # what a pending mutation names it by (default: name)
    _adapter: TypeAdapter[T] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_adapter", TypeAdapter(self.type))
        if not self.touch_name:
            object.__setattr__(self, "touch_name", self.name)

    def encode(self, obj: T) -> dict[str, Any]:
        """The JSON object of ``Change.data``."""
        data: dict[str, Any] = self._adapter.dump_python(obj, mode="json")
        return data

    def decode(self, data: Mapping[Any, Any]) -> T:
        """The entity from ``Change.data`` (or a server row: unknown columns are ignored)."""
        return self._adapter.validate_python(dict(data))

    def touch(self, entity_id: str) -> str:
        """The key a page touches and a pending mutation names: ``member:<id>``."""
        return f"{self.touch_name}:{entity_id}"


ESTATE = EntityKind("estate", Estate, lambda e: e.id)
BUILDING = EntityKind("building", Building, lambda b: b.id)
ENTRANCE = EntityKind("entrance", Entrance, lambda e: e.id)
FLAT = EntityKind("flat", Flat, lambda f: f.id)
MEMBER = EntityKind("member", Member, lambda m: m.id)
CARD = EntityKind("card", CardRecord, lambda c: card_key(c.issuer_key_id, c.serial))
CARD_ISSUER = EntityKind("card_issuer", CardIssuer, lambda i: i.key_id)
# A revoked card, published in the catalogue so every kiosk refuses it (same row as CARD).
CARD_REVOCATION = EntityKind("card_revocation", CardRecord, lambda c: card_key(c.issuer_key_id, c.serial),
                             touch_name="card")
PARTNER = EntityKind("partner", Partner, lambda p: p.id)
OFFER = EntityKind("offer", Offer, lambda o: o.id)
EVENT = EntityKind("event", Event, lambda e: e.id)
ANNOUNCEMENT = EntityKind("announcement", Announcement, lambda a: a.id)
STAFF = EntityKind("staff", StaffAccount, lambda s: s.id)
REGISTRATION = EntityKind("registration", Registration, lambda r: r.id)
ATTENDANCE = EntityKind("attendance", Attendance, lambda a: pair_key(a.event_id, a.member_id))
IDEA = EntityKind("idea", Idea, lambda i: i.id)
IDEA_VOTE = EntityKind("idea_vote", IdeaVote, lambda v: pair_key(v.idea_id, v.member_id))
REQUEST = EntityKind("request", LandlordRequest, lambda r: r.id)
HELP_CONTACT = EntityKind("help_contact", HelpContact, lambda h: h.id)      # bldg:<id>, from the office
PARTNER_LOGO = EntityKind("partner_logo", PartnerLogo, lambda g: g.partner_id)   # catalog, small re-encoded image
CALLBACK = EntityKind("callback", CallbackRequest, lambda c: c.id)   # an identified member's, never with the phone
VOUCHER = EntityKind("voucher", Voucher, lambda v: v.id)                       # in its member's building
MEMBER_SAVING = EntityKind("member_saving", MemberSaving, lambda s: s.key)     # in its member's building
# Tool lending: points and items in the buildings a point serves; a loan there and in its
# member's building; a waiver and a suspension in the member's building.
LENDING_POINT = EntityKind("lending_point", LendingPoint, lambda p: p.id)
LENDING_ITEM = EntityKind("lending_item", Item, lambda i: i.id)
ITEM_PHOTO = EntityKind("item_photo", ItemPhoto, lambda g: g.item_id)
LOAN = EntityKind("loan", Loan, lambda loan: loan.id)
WAIVER = EntityKind("waiver", Waiver, lambda w: w.id)
LENDING_SUSPENSION = EntityKind("lending_suspension", LendingSuspension, lambda s: s.member_id)
EXCHANGE = EntityKind("exchange", Exchange, lambda e: e.id)                    # in its author's building
EXCHANGE_CONTACT = EntityKind("exchange_contact", ContactRequest, lambda c: c.id)   # in the author's building
TIME_TRANSFER = EntityKind("time_transfer", TimeTransfer, lambda t: t.id)      # in each party's building
TIME_ENTRY = EntityKind("time_entry", TimeEntry, lambda e: e.key)              # with its transfer
FEE_PAYMENT = EntityKind("fee_payment", Payment, lambda p: p.id)              # in its member's building

ORDER: tuple[EntityKind[Any], ...] = (ESTATE, BUILDING, ENTRANCE, FLAT, MEMBER, CARD, CARD_ISSUER, CARD_REVOCATION,
                                      PARTNER, OFFER, EVENT, ANNOUNCEMENT, STAFF, REGISTRATION, ATTENDANCE, IDEA,
                                      IDEA_VOTE, REQUEST, HELP_CONTACT, PARTNER_LOGO, CALLBACK, VOUCHER, MEMBER_SAVING,
                                      LENDING_POINT, LENDING_ITEM, ITEM_PHOTO, LOAN, WAIVER, LENDING_SUSPENSION,
                                      EXCHANGE, EXCHANGE_CONTACT, TIME_TRANSFER, TIME_ENTRY, FEE_PAYMENT)
ENTITIES: dict[str, EntityKind[Any]] = {k.name: k for k in ORDER}
RANK: dict[str, int] = {k.name: i for i, k in enumerate(ORDER)}
