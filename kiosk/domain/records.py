"""Records the club keeps besides members: staff, consents, cards, audit, outbox.

Consents and the audit log are append-only. The audit log says who did what to which
member and when, never contact details. Pure Python.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


# Staff PINs: the kiosk's sign-in, `kiosk staff add` and the office's admin all ask this.
PIN_MIN = 6


def pin_problem(pin: str) -> str | None:
    """Why a new PIN is refused, or None: at least 6 ASCII digits ("١٢٣٤٥٦" is not a PIN:
    ``str.isdigit`` says yes to it, the keypad cannot type it)."""
    if not (pin and pin.isascii() and pin.isdigit() and len(pin) >= PIN_MIN):
        return "staff.pin_too_short"
    return None


def pin_is_acceptable(pin: str) -> bool:
    return pin_problem(pin) is None


class StaffRole(str, enum.Enum):
    CARETAKER = "caretaker"
    ADMIN = "admin"


@dataclass(frozen=True)
class StaffAccount:
    """A staff member as the office defines them (the feed's ``staff``); each kiosk keeps
    its own lock state beside it (:class:`Staff`)."""

    id: str
    display_name: str
    role: StaffRole
    pin_hash: str                  # argon2id
    active: bool = True


@dataclass(frozen=True)
class Staff:
    id: str
    display_name: str              # "Gardienne — Mme K." as shown in staff mode
    role: StaffRole
    pin_hash: str                  # argon2id
    failed_attempts: int = 0
    lock_count: int = 0            # how many times locked: the lock doubles each time
    locked_until: str = ""         # ISO 8601 UTC, survives restarts
    active: bool = True


class ConsentPurpose(str, enum.Enum):
    MEMBERSHIP = "membership"      # the information notice was shown and accepted
    SMS = "sms"
    NEWSLETTER = "newsletter"


@dataclass(frozen=True)
class Consent:
    id: str
    member_id: str
    purpose: ConsentPurpose
    granted: bool
    at: str                        # ISO 8601 UTC
    form_version: str
    notice_hash: str               # sha256 of the notice text shown
    kiosk_id: str = ""


class CardStatus(str, enum.Enum):
    ACTIVE = "active"
    REVOKED = "revoked"


@dataclass(frozen=True)
class CardRecord:
    issuer_key_id: str             # hex
    serial: int
    holder_id: str
    role: str                      # "member" | "staff"
    issued: str                    # ISO date
    expires: str
    status: CardStatus = CardStatus.ACTIVE
    revoked_at: str = ""


@dataclass(frozen=True)
class CardIssuer:
    """A kiosk's card-signing public key, published by the server so any kiosk verifies its cards."""

    key_id: str                    # hex of 4 bytes
    public_key: str                # hex of the raw Ed25519 public key
    kiosk_id: str = ""
    revoked: bool = False


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    staff_id: str
    action: str                    # "enroll", "confirm_residence", "reissue_card", "erase", "export"...
    member_id: str = ""
    detail: str = ""               # never a name, phone, e-mail or card text


class OutboxState(str, enum.Enum):
    PENDING = "pending"
    APPLIED = "applied"
    REJECTED = "rejected"
    CONFLICT = "conflict"
    WAITLISTED = "waitlisted"


@dataclass(frozen=True)
class OutboxEntry:
    seq: int                       # per-device sequence number, gap-free
    client_id: str                 # UUID of the mutation
    mutation: str                  # "enroll_member", "register_for_event"...
    payload: dict[str, Any]
    created_at: str
    state: OutboxState = OutboxState.PENDING
    result: dict[str, Any] | None = None
