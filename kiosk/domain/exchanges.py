"""Neighbours' exchanges ("Échanges entre voisins"): offers and requests of small services.

A member posts an *offer* ("je peux aider à monter un meuble") or a *request* ("je
cherche quelqu'un pour garder mon fils mercredi") in one category of a fixed list, each
with its pictogram. A post is shown on the lobby screen only once the office has
published it (moderation: pending → published or refused with a reason; the author or
the office closes it). Its text follows the idea box's rules
(:func:`kiosk.domain.community.text_problems`: no phone number or e-mail on a public
screen). Answering a post never shows a phone number: the kiosk records a
:class:`ContactRequest` that the author sees in their space (or the caretaker relays).
Both the kiosk and the server decide with this module. Pure Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.domain.community import clean_text, text_problems
from kiosk.domain.errors import FieldError


class ExchangeKind(str, enum.Enum):
    OFFER = "offer"            # "Je propose"
    REQUEST = "request"        # "Je cherche"


class ExchangeCategory(str, enum.Enum):
    DIY = "diy"                        # petit bricolage
    CHILDCARE = "childcare"            # garde d'enfants
    CLEANING = "cleaning"              # ménage
    SEWING = "sewing"                  # couture
    COMPUTING = "computing"            # informatique
    PAPERWORK = "paperwork"            # aide administrative
    COOKING = "cooking"                # cuisine
    HOMEWORK = "homework"              # soutien scolaire
    GARDENING = "gardening"            # jardinage
    OTHER = "other"                    # autre


# category → pictogram (an icon of resources/icons/ on the kiosk and the office pages)
PICTOGRAMS: dict[ExchangeCategory, str] = {
    ExchangeCategory.DIY: "artisan", ExchangeCategory.CHILDCARE: "person", ExchangeCategory.CLEANING: "services",
    ExchangeCategory.SEWING: "beauty", ExchangeCategory.COMPUTING: "display",
    ExchangeCategory.PAPERWORK: "request", ExchangeCategory.COOKING: "food", ExchangeCategory.HOMEWORK: "ideas",
    ExchangeCategory.GARDENING: "florist", ExchangeCategory.OTHER: "help",
}


class ExchangeStatus(str, enum.Enum):
    PENDING = "pending"        # waiting for the office
    PUBLISHED = "published"    # on the lobby screen
    REFUSED = "refused"        # with the office's reason, seen by the author only
    CLOSED = "closed"          # by its author or the office


# Who may move a post where: the office moderates; the author (or the office) closes.
_MODERATION = {ExchangeStatus.PENDING: {ExchangeStatus.PUBLISHED, ExchangeStatus.REFUSED, ExchangeStatus.CLOSED},
               ExchangeStatus.PUBLISHED: {ExchangeStatus.CLOSED, ExchangeStatus.REFUSED}}
REASON_MAX = 300


def transition_problem(current: ExchangeStatus, target: ExchangeStatus, reason: str = "") -> str | None:
    """Why a post cannot go from ``current`` to ``target``, or None. A refusal needs a reason."""
    if target not in _MODERATION.get(current, set()):
        return "exchange.transition_invalid"
    if target is ExchangeStatus.REFUSED and not reason.strip():
        return "exchange.reason_needed"
    if len(reason) > REASON_MAX:
        return "exchange.reason_too_long"
    return None


def exchange_text_problems(text: str) -> list[FieldError]:
    """The post's text, cleaned, against the public screen's rules (the idea box's)."""
    return text_problems(clean_text(text), required=True)


@dataclass(frozen=True)
class Exchange:
    """One post (the feed's ``exchange``, to its author's building)."""

    id: str
    member_id: str
    building_id: str
    kind: ExchangeKind
    category: ExchangeCategory
    text: str
    status: ExchangeStatus = ExchangeStatus.PENDING
    reason: str = ""               # the office's reason for a refusal
    created_at: str = ""

    @property
    def shown_in_lobby(self) -> bool:
        return self.status is ExchangeStatus.PUBLISHED

    @property
    def pictogram(self) -> str:
        return PICTOGRAMS[self.category]


class ContactStatus(str, enum.Enum):
    OPEN = "open"              # the author sees it in their space
    RELAYED = "relayed"        # the caretaker passed it on


@dataclass(frozen=True)
class ContactRequest:
    """A member asked to be put in touch with a post's author (the feed's
    ``exchange_contact``). No phone number: the author calls back, or the caretaker relays."""

    id: str
    exchange_id: str
    from_member_id: str
    to_member_id: str
    building_id: str               # the author's
    status: ContactStatus = ContactStatus.OPEN
    created_at: str = ""
