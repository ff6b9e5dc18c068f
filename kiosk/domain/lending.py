"""Tool lending ("Prêt d'outils"): lending points, items, loans, waivers and the refusal rules.

A **lending point** (the caretaker's lodge, the club room) holds **items** and serves
some buildings; a kiosk lends only the items of a point serving one of its buildings.
An item carries what a tenant and the caretaker need at the desk: a category with a
pictogram, a photo, its condition, safety notes, a manual URL (shown as a QR), the
deposit (integer cents), the loan period in days, whether it needs a signed **waiver**,
and a maintenance hold after each loan (``hold_days``).

A **loan** moves ``reserved → out → returned`` (or ``reserved → cancelled``); ``overdue``
is an ``out`` loan past its due date (:func:`effective_status`: it is never stored, so
two kiosks cannot disagree on it). ``refused`` is the kiosk's record of a loan the
server would not keep (two kiosks lent the same item offline): the caretaker sees it.
Reservations of one item form its waiting list, in the server's arrival order.

:func:`lending_refusal` is the one rule of the desk; the kiosk's service and the server
both call it (the server with what it can know). The member's fee standing is an
argument (``fee_paid_until``, ``fee_blocks_lending``): the fee store is another part's.
The label QR text is ``CKT1:<item id>`` (:func:`label_text`, :func:`parse_label`).
Pure Python.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable

LABEL_PREFIX = "CKT1:"
_LABEL = re.compile(r"^CKT1:([A-Za-z0-9_.-]{1,64})$")
NOTE_MAX = 300
WAIVER_VERSION = "pret-2026-01"

# The waiver a tenant signs on screen before borrowing an item that needs one (French
# first; its sha256 is kept with the signature, like a consent's notice hash).
WAIVER_TEXT = (
    "Je reconnais avoir reçu l'objet en bon état et les consignes de sécurité. "
    "Je l'utilise sous ma responsabilité, selon sa notice, et je le rends à la date prévue, propre. "
    "Je préviens la loge en cas de panne ou de casse. "
    "Le dépôt de garantie m'est rendu au retour de l'objet en bon état."
)


class ItemCategory(str, enum.Enum):
    TOOLS = "tools"            # bricolage
    GARDEN = "garden"          # jardinage
    CLEANING = "cleaning"      # ménage
    KITCHEN = "kitchen"        # cuisine
    SEWING = "sewing"          # couture
    LEISURE = "leisure"        # loisirs, jeux
    MOBILITY = "mobility"      # diable, chariot


PICTOGRAMS: dict[ItemCategory, str] = {
    ItemCategory.TOOLS: "drill", ItemCategory.GARDEN: "garden", ItemCategory.CLEANING: "cleaning",
    ItemCategory.KITCHEN: "kitchen", ItemCategory.SEWING: "sewing", ItemCategory.LEISURE: "games",
    ItemCategory.MOBILITY: "trolley",
}


# An item's photo as kiosks get it (the server's rendition, ``central/admin/logos.py``):
# big enough for the item's page on a 1080 px wide screen, small enough for a snapshot.
ITEM_PHOTO_SIDE = 480
ITEM_PHOTO_MAX_BYTES = 60_000


class Condition(str, enum.Enum):
    OK = "ok"
    TO_REPAIR = "to_repair"    # "à réparer": on hold until the office says it is fixed


class LoanStatus(str, enum.Enum):
    RESERVED = "reserved"      # on the item's waiting list
    OUT = "out"                # lent (overdue when past due: see effective_status)
    OVERDUE = "overdue"        # never stored: an out loan past its due date
    RETURNED = "returned"
    CANCELLED = "cancelled"    # a reservation cancelled, or served by another loan
    REFUSED = "refused"        # the server kept another loan of the item (kiosk only)


class Refusal(str, enum.Enum):
    FEE_DUE = "fee_due"
    LOAN_OVERDUE = "loan_overdue"
    MEMBER_SUSPENDED = "member_suspended"
    WAIVER_MISSING = "waiver_missing"
    ITEM_ON_HOLD = "item_on_hold"
    ITEM_OUT = "item_out"


@dataclass(frozen=True)
class LendingPoint:
    id: str
    name: str                          # "Loge du gardien, bât. A"
    place: str = ""                    # where it is, opening hours as text
    building_ids: tuple[str, ...] = ()  # the buildings it serves


@dataclass(frozen=True)
class Item:
    id: str
    point_id: str
    name: str
    category: ItemCategory
    deposit_cents: int = 0
    loan_days: int = 7
    needs_waiver: bool = False
    hold_days: int = 0                 # maintenance hold after each return
    condition: Condition = Condition.OK
    condition_note: str = ""
    safety_notes: str = ""
    manual_url: str = ""               # shown as a QR
    photo: str = ""                    # the picture's name in the catalogue's pictures
    on_hold_until: str = ""            # ISO date: on hold up to and including that day
    active: bool = True                # False: withdrawn from the catalogue

    @property
    def pictogram(self) -> str:
        return PICTOGRAMS.get(self.category, "drill")


@dataclass(frozen=True)
class Loan:
    id: str
    item_id: str
    member_id: str
    status: LoanStatus
    created_at: str = ""               # reserved or lent (kiosk clock: shown, never ordered by)
    lent_at: str = ""
    due_on: str = ""                   # ISO date
    returned_at: str = ""
    return_condition: str = ""         # ok | to_repair
    return_note: str = ""
    staff_id: str = ""
    refusal: str = ""                  # the server's code for a refused loan
    waitlist_position: int | None = None   # reservations: 1 = next (the server's order)


@dataclass(frozen=True)
class Waiver:
    """A member's signature of the lending waiver, kept like a consent."""

    id: str
    member_id: str
    at: str                            # ISO 8601 UTC
    text_version: str
    text_sha256: str
    signature: str = ""                # the finger strokes, "x,y x,y;x,y ..." on a 0-1000 grid
    kiosk_id: str = ""


@dataclass(frozen=True)
class LendingSuspension:
    """The office suspended a member from borrowing (damage, repeated lateness)."""

    member_id: str
    until: str                         # ISO date, inclusive; "" for no end date
    reason: str = ""


def waiver_hash(text: str = WAIVER_TEXT) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def label_text(item_id: str) -> str:
    """The text of an item's QR label."""
    return LABEL_PREFIX + item_id


def parse_label(text: str) -> str | None:
    """The item id of a label's text, None if it is not one (a card, a voucher...)."""
    m = _LABEL.match((text or "").strip())
    return m.group(1) if m else None


def due_date(lent_on: date, item: Item) -> date:
    return lent_on + timedelta(days=max(1, item.loan_days))


def effective_status(loan: Loan, today: date) -> LoanStatus:
    """``overdue`` for an out loan whose due date has passed; else its stored status."""
    if loan.status is LoanStatus.OUT and loan.due_on and loan.due_on < today.isoformat():
        return LoanStatus.OVERDUE
    return loan.status


def status_on(status: str, due_on: str, today: date) -> str:
    """A stored status as people read it today (``out`` past its due date is ``overdue``)."""
    if status == LoanStatus.OUT.value and due_on and due_on < today.isoformat():
        return LoanStatus.OVERDUE.value
    return status


def on_hold(item: Item, today: date) -> bool:
    """Withdrawn, waiting for a repair, or in its maintenance hold after a return."""
    return (not item.active or item.condition is Condition.TO_REPAIR
            or bool(item.on_hold_until and item.on_hold_until >= today.isoformat()))


def hold_after_return(item: Item, returned_on: date) -> str:
    """The item's ``on_hold_until`` after a return on that day ("" if no hold)."""
    return (returned_on + timedelta(days=item.hold_days)).isoformat() if item.hold_days > 0 else ""


def suspended(suspension: LendingSuspension | None, today: date) -> bool:
    return suspension is not None and (not suspension.until or suspension.until >= today.isoformat())


def fee_due(fee_paid_until: date | None, fee_blocks_lending: bool, today: date) -> bool:
    """The club makes an unpaid fee block lending and the member's fee is not paid up to today."""
    return fee_blocks_lending and (fee_paid_until is None or fee_paid_until < today)


def lending_refusal(*, item: Item, today: date, item_out: bool, member_active: bool = True,
                    suspension: LendingSuspension | None = None, member_loans: Iterable[Loan] = (),
                    waiver_signed: bool = True, fee_paid_until: date | None = None,
                    fee_blocks_lending: bool = False) -> Refusal | None:
    """Why this loan cannot be made, or None. Checked in this order: the member's standing
    (suspended, fee, an overdue loan, the waiver), then the item (on hold, already out)."""
    if not member_active or suspended(suspension, today):
        return Refusal.MEMBER_SUSPENDED
    if fee_due(fee_paid_until, fee_blocks_lending, today):
        return Refusal.FEE_DUE
    if any(effective_status(loan, today) is LoanStatus.OVERDUE for loan in member_loans):
        return Refusal.LOAN_OVERDUE
    if item.needs_waiver and not waiver_signed:
        return Refusal.WAIVER_MISSING
    if on_hold(item, today):
        return Refusal.ITEM_ON_HOLD
    if item_out:
        return Refusal.ITEM_OUT
    return None


def available_on(item: Item, out_loan: Loan | None, today: date) -> date | None:
    """When a tenant can expect the item: today if free, else the day after its due date or
    its hold (None when waiting for a repair or withdrawn: no date to promise)."""
    if not item.active or item.condition is Condition.TO_REPAIR:
        return None
    day = today
    if out_loan is not None:
        # out: not before tomorrow (an overdue item too), else the day after its due date and hold
        day = today + timedelta(days=1)
        if out_loan.due_on:
            day = max(day, date.fromisoformat(out_loan.due_on) + timedelta(days=1 + max(0, item.hold_days)))
    if item.on_hold_until:
        day = max(day, date.fromisoformat(item.on_hold_until) + timedelta(days=1))
    return day


def note_problem(note: str) -> str | None:
    """What is wrong with a return note (plain text, one line), or None."""
    if len(note) > NOTE_MAX:
        return "lending.note_too_long"
    if any(ord(c) < 32 or ord(c) == 127 for c in note):
        return "lending.control_characters"
    return None


def reminder_due(loan: Loan, today: date) -> str | None:
    """Which reminder a loan calls for today: ``day_before`` the day before its due date,
    ``overdue`` once past it; None otherwise (only out loans)."""
    if loan.status is not LoanStatus.OUT or not loan.due_on:
        return None
    due = date.fromisoformat(loan.due_on)
    if today > due:
        return "overdue"
    if today == due - timedelta(days=1):
        return "day_before"
    return None


@dataclass(frozen=True)
class ItemPhoto:
    """An item's picture as kiosks get it (like a partner's logo): small, re-encoded by the
    server, base64 in ``data``; its own feed entity so the item list never carries images."""

    item_id: str
    mime: str          # "image/png" or "image/jpeg"
    data: str          # base64 of the image file
    digest: str        # first 16 hex digits of the image's SHA-256
