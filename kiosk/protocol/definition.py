"""The shape of a mutation's definition: everything about one kind of change, in one class.

A definition (one per file in ``kiosk/protocol/mutations/``) holds:
- ``model``: the payload (a :class:`~kiosk.protocol.parts.Payload`); the mutation's
  name on the wire comes from it (``RegisterForEvent`` → ``register_for_event``);
- ``scope(p)``: a :class:`~kiosk.protocol.scope.Ref` per id the payload names; the
  server refuses the mutation before any effect if one is unknown or out of the sending
  device's buildings (``kiosk/protocol/scope.py``);
- ``touches(p)``: the feed rows its local effect writes over (``member:<id>``...): a
  pulled page touching one of them re-applies the pending mutation on top;
- ``kiosk_effect(kiosk, p)``: the local effect, over the store's repositories. A
  service runs it with the outbox entry in one transaction; the applier runs it again
  after pulls. It must be idempotent;
- ``server_effect(server, sender, p)``: the effect on the server, over the
  :class:`~kiosk.protocol.ports.Server` port; returns an :class:`Outcome` or raises
  :class:`Rejected`;
- ``examples(world)``: payloads naming ids of a :class:`World`: the registry test pushes
  them from another building's device and checks each is refused and changes nothing;
- optional: ``personal`` (payload fields erased with the member), ``on_rejected``
  (what the kiosk undoes when the server refuses for good), ``about_members``.
Leaving out a required part is a ``TypeError`` when the definition is instantiated.
Pure Python.
"""

from __future__ import annotations

import re
import uuid
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Iterable, Mapping, TypeVar

from kiosk.protocol.outcome import Outcome
from kiosk.protocol.parts import Payload
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref, RefKind

P = TypeVar("P", bound=Payload)


def mutation_name(model: type[Payload]) -> str:
    """``RegisterForEvent`` → ``register_for_event``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


@dataclass(frozen=True)
class World:
    """Ids of one building as a device serving it knows them (for ``examples``).

    The registry test builds one world per building; a field listed in ``SCOPED`` must
    be refused when it comes from another building's world."""

    building_id: str
    flat_id: str
    member_id: str
    event_id: str            # an event for this building only
    registration_id: str     # member_id's sign-up for event_id
    idea_id: str             # a published idea of this building
    card: tuple[str, int]    # (issuer key id, serial) of member_id's card
    staff_id: str            # a staff member the office knows
    open_event_id: str       # an event for every building (in every scope)
    own_key_id: str          # the sending device's card-signing key id
    offer: tuple[str, str]   # (offer id, its partner id) of the catalogue (in every scope)
    item_id: str = ""        # an item of a lending point serving this building only, free
    loan_id: str = ""        # member_id's loan (out) of another item of that point
    reservation_id: str = ""  # member_id's reservation of a third item of that point

    neighbour_id: str = ""   # another member of this building
    exchange_id: str = ""    # a published exchange post of neighbour_id's
    transfer_id: str = ""    # a time transfer from member_id (provider) to neighbour_id

    SCOPED: ClassVar[tuple[str, ...]] = ("building_id", "flat_id", "member_id", "event_id", "registration_id",
                                         "idea_id", "card", "staff_id", "item_id", "loan_id", "reservation_id",
                                         "neighbour_id", "exchange_id", "transfer_id")

    @staticmethod
    def new_id() -> str:
        return str(uuid.uuid4())

    @staticmethod
    def new_serial() -> int:
        return 100_000 + uuid.uuid4().int % 1_000_000_000


class Definition(ABC, Generic[P]):
    model: type[P]
    personal: ClassVar[frozenset[str]] = frozenset()   # erased from outbox entries with the member

    @property
    def name(self) -> str:
        return mutation_name(self.model)

    def parse(self, payload: Mapping[str, Any]) -> P:
        """The payload, validated (raises pydantic's ValidationError, a ValueError)."""
        return self.model.model_validate(payload)

    @abstractmethod
    def scope(self, p: P) -> Iterable[Ref]: ...

    @abstractmethod
    def touches(self, p: P) -> Iterable[str]: ...

    @abstractmethod
    def kiosk_effect(self, kiosk: KioskRepos, p: P) -> None: ...

    @abstractmethod
    def server_effect(self, server: Server, sender: Sender, p: P) -> Outcome: ...

    @abstractmethod
    def examples(self, world: World) -> list[P]: ...

    def on_rejected(self, kiosk: KioskRepos, p: P, code: str) -> None:
        """The server refused for good: undo what would otherwise show as pending forever."""

    def about_members(self, p: P) -> set[str]:
        """The members an entry is about (whose erasure redacts it): its member refs."""
        return {r.id for r in self.scope(p) if r.kind is RefKind.MEMBER}
