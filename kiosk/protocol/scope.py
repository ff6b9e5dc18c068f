"""Scope rules: which building every id a mutation names must belong to for its sender.

A definition's ``scope(payload)`` lists a :class:`Ref` per id it names (a member, a
flat, a building, an event, a registration, an idea, a card, a staff member, the
issuer key). :func:`check_scope` resolves each through the :class:`Server` port and
refuses the mutation if any is unknown **or** outside the sending device's buildings,
with the same answer for both (same status, code and data): a kiosk cannot learn that
an id exists in another building. The server calls it before any effect runs
(``central/mutations.py``); nothing else decides scope. Pure Python.

What "in scope" means, per kind:
- member: the member's building is one of the device's (a record the office merged
  away leads to the kept one, except where the ref says otherwise);
- flat, idea: its building is one of the device's; building: it is one of them;
- event: open to every building, or to at least one of the device's;
- registration: its member is in scope; card: its holder is, or for a card without a
  member (a staff badge) the device issued it; staff: known to the office (staff are
  not tied to a building); issuer key: the device's own; offer: it exists (the
  catalogue is every kiosk's); item: its lending point serves one of the device's
  buildings; loan: its item is in scope; exchange post, time transfer: its building (a
  transfer's is its provider's) is one of the device's.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable

from kiosk.protocol.outcome import Outcome
from kiosk.protocol.ports import Sender, Server


class RefKind(str, enum.Enum):
    MEMBER = "member"
    FLAT = "flat"
    BUILDING = "building"
    EVENT = "event"
    REGISTRATION = "registration"
    IDEA = "idea"
    CARD = "card"
    STAFF = "staff"
    ISSUER = "issuer"
    OFFER = "offer"
    ITEM = "item"
    LOAN = "loan"
    EXCHANGE = "exchange"
    TRANSFER = "transfer"


# The answer to an unknown or out-of-scope id, per kind.
UNKNOWN = {RefKind.MEMBER: "member_unknown", RefKind.FLAT: "unknown_flat", RefKind.BUILDING: "unknown_building",
           RefKind.EVENT: "event_unknown", RefKind.REGISTRATION: "registration_unknown",
           RefKind.IDEA: "idea_unknown", RefKind.CARD: "card_unknown", RefKind.STAFF: "staff_unknown",
           RefKind.ISSUER: "not_this_kiosks_key", RefKind.OFFER: "offer_unknown",
           RefKind.ITEM: "item_unknown", RefKind.LOAN: "loan_unknown",
           RefKind.EXCHANGE: "exchange_unknown", RefKind.TRANSFER: "transfer_unknown"}


@dataclass(frozen=True)
class Ref:
    kind: RefKind
    id: str
    serial: int = 0                     # cards: (issuer key id, serial)
    follow_merge: bool = True           # members: a merged-away id stands for the kept record
    missing: Outcome | None = None      # the answer when unknown or out of scope (default: rejected)

    def refusal(self) -> Outcome:
        return self.missing or Outcome.rejected(UNKNOWN[self.kind])

    # constructors, so scope rules read like sentences: [Ref.member(p.member_id), Ref.event(p.event_id)]
    @classmethod
    def member(cls, member_id: str, *, follow_merge: bool = True, missing: Outcome | None = None) -> "Ref":
        return cls(RefKind.MEMBER, member_id, follow_merge=follow_merge, missing=missing)

    @classmethod
    def flat(cls, flat_id: str) -> "Ref":
        return cls(RefKind.FLAT, flat_id)

    @classmethod
    def building(cls, building_id: str) -> "Ref":
        return cls(RefKind.BUILDING, building_id)

    @classmethod
    def event(cls, event_id: str) -> "Ref":
        return cls(RefKind.EVENT, event_id)

    @classmethod
    def registration(cls, registration_id: str) -> "Ref":
        return cls(RefKind.REGISTRATION, registration_id)

    @classmethod
    def idea(cls, idea_id: str) -> "Ref":
        return cls(RefKind.IDEA, idea_id)

    @classmethod
    def card(cls, issuer_key_id: str, serial: int) -> "Ref":
        return cls(RefKind.CARD, issuer_key_id, serial)

    @classmethod
    def staff(cls, staff_id: str) -> "Ref":
        return cls(RefKind.STAFF, staff_id)

    @classmethod
    def issuer(cls, key_id: str) -> "Ref":
        return cls(RefKind.ISSUER, key_id)

    @classmethod
    def exchange(cls, exchange_id: str) -> "Ref":
        return cls(RefKind.EXCHANGE, exchange_id)

    @classmethod
    def transfer(cls, transfer_id: str) -> "Ref":
        return cls(RefKind.TRANSFER, transfer_id)

    @classmethod
    def offer(cls, offer_id: str) -> "Ref":
        return cls(RefKind.OFFER, offer_id)

    @classmethod
    def item(cls, item_id: str) -> "Ref":
        return cls(RefKind.ITEM, item_id)

    @classmethod
    def loan(cls, loan_id: str) -> "Ref":
        return cls(RefKind.LOAN, loan_id)


def _member_in_scope(server: Server, sender: Sender, member_id: str, follow_merge: bool = True) -> bool:
    member = server.members.get(member_id, follow_merge=follow_merge)
    return member is not None and member.building_id in sender.building_ids


def _item_in_scope(server: Server, sender: Sender, item_id: str) -> bool:
    item = server.lending.item(item_id)
    point = server.lending.point(item.point_id) if item is not None else None
    return point is not None and bool(set(point.building_ids) & set(sender.building_ids))


def in_scope(ref: Ref, sender: Sender, server: Server) -> bool:
    """True if the id exists and belongs to the sender's buildings (see the module's list)."""
    buildings = sender.building_ids
    if ref.kind is RefKind.MEMBER:
        return _member_in_scope(server, sender, ref.id, ref.follow_merge)
    if ref.kind is RefKind.FLAT:
        flat = server.flats.get(ref.id)
        return flat is not None and flat.building_id in buildings
    if ref.kind is RefKind.BUILDING:
        return ref.id in buildings
    if ref.kind is RefKind.EVENT:
        event = server.events.get(ref.id)
        return event is not None and (not event.building_ids or bool(set(event.building_ids) & set(buildings)))
    if ref.kind is RefKind.REGISTRATION:
        reg = server.registrations.get(ref.id)
        return reg is not None and _member_in_scope(server, sender, reg.member_id, follow_merge=False)
    if ref.kind is RefKind.IDEA:
        idea = server.ideas.get(ref.id)
        return idea is not None and idea.building_id in buildings
    if ref.kind is RefKind.CARD:
        card = server.cards.get(ref.id, ref.serial)
        if card is None:
            return False
        holder = server.members.get(card.holder_id, follow_merge=False) if card.role == "member" else None
        if holder is not None:
            return holder.building_id in buildings
        return card.issuer_key_id == sender.key_id   # a staff badge, or a member since erased
    if ref.kind is RefKind.STAFF:
        return server.staff.get(ref.id) is not None
    if ref.kind is RefKind.ISSUER:
        return ref.id == sender.key_id
    if ref.kind is RefKind.OFFER:
        return server.offers.get(ref.id) is not None   # the catalogue: every kiosk sees every offer
    if ref.kind is RefKind.ITEM:
        return _item_in_scope(server, sender, ref.id)
    if ref.kind is RefKind.LOAN:
        loan = server.lending.loan(ref.id)
        return loan is not None and _item_in_scope(server, sender, loan.item_id)
    if ref.kind is RefKind.EXCHANGE:
        exchange = server.exchanges.get(ref.id)
        return exchange is not None and exchange.building_id in buildings
    if ref.kind is RefKind.TRANSFER:
        transfer = server.timebank.get(ref.id)
        return transfer is not None and transfer.building_id in buildings
    raise AssertionError(f"no scope rule for {ref.kind}")   # a new kind must say what "in scope" is


def check_scope(refs: Iterable[Ref], sender: Sender, server: Server) -> Outcome | None:
    """None if every id is in the sender's scope, else the answer to give (as for an unknown id)."""
    for ref in refs:
        if not in_scope(ref, sender, server):
            return ref.refusal()
    return None
